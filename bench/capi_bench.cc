// The cost of the C interface: one hact_assess call on one county (26
// reported values of the Zhangye framework), beside the same assessment
// through the C++ API — the ratio is the interface's overhead; and the C side
// of batch ingestion, hact_observations_add_packed, in values per second (the
// shape bench/python_ingest.py sends, so the Python figure splits into the
// binding's share and the library's).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "healthact.h"
#include "healthact/assess/assessment.hpp"
#include "healthact/lang/dsl.hpp"

namespace {

std::string Zhangye() {
  std::ifstream in(std::string(HEALTHACT_SOURCE_DIR) + "/examples/zhangye.ha");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* const kKeys[] = {"1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",    "10",
                             "11", "12", "13", "14", "15", "16", "17", "18", "19",   "20",
                             "21", "22", "23", "24", "25.1", "25.2", "26"};
const char* const kValues[] = {"75.1", "5.2",  "6.9",  "12.0", "91.7", "24.1", "39.0", "15.1", "3.6",
                               "27.0", "实现", "实现", "80.2", "98.9", "82.0", "56.0", "100",  "1.0",
                               "72.0", "86.0", "3.1",  "51.0", "76.0", "77.0", "100",  "71.0", "97.5"};

// The Zhangye framework and one county's 27 values, through the C interface.
struct OneCounty {
  hact_framework* framework = nullptr;
  hact_observations* observations = nullptr;
  OneCounty() {
    const std::string text = Zhangye();
    hact_framework_parse(text.data(), text.size(), "zhangye.ha", &framework, nullptr);
    hact_observations_new(&observations);
    for (int i = 0; i < 27; ++i) hact_observations_add(observations, "甘州区", kKeys[i], 2022, kValues[i]);
  }
  ~OneCounty() {
    hact_observations_free(observations);
    hact_framework_free(framework);
  }
  OneCounty(const OneCounty&) = delete;
  OneCounty& operator=(const OneCounty&) = delete;
};

// Runs `assess` (hact_assess or hact_validate_unit) on the county, reading its score.
template <typename Assess>
void AssessCounty(benchmark::State& state, Assess assess) {
  const OneCounty county;
  for (auto _ : state) {
    hact_assessment* assessment = nullptr;
    assess(county, &assessment);
    hact_unit_result unit;
    hact_assessment_unit(assessment, 0, &unit);
    benchmark::DoNotOptimize(unit.score);
    hact_assessment_free(assessment);
  }
}

void BM_CApiAssessOneCounty(benchmark::State& state) {
  AssessCounty(state, [](const OneCounty& c, hact_assessment** a) { hact_assess(c.framework, c.observations, 2022, a); });
}
BENCHMARK(BM_CApiAssessOneCounty);

// A vendor's check of one unit's figures before they are sent: the same
// county through hact_validate_unit, which assesses that unit alone.
void BM_CApiValidateUnit(benchmark::State& state) {
  AssessCounty(state, [](const OneCounty& c, hact_assessment** a) {
    hact_validate_unit(c.framework, c.observations, "甘州区", 2022, a);
  });
}
BENCHMARK(BM_CApiValidateUnit);

void BM_CppAssessOneCounty(benchmark::State& state) {
  auto framework = healthact::ParseFramework(Zhangye(), "zhangye.ha").framework;
  auto observations = std::make_shared<healthact::Observations>();
  const healthact::UnitId unit = observations->AddUnit("甘州区");
  for (int i = 0; i < 27; ++i) {
    (void)observations->Add(unit, kKeys[i], 2022, *healthact::ParseReported(kValues[i]));
  }
  for (auto _ : state) {
    healthact::Assessment assessment = healthact::Assess(framework, observations, 2022);
    benchmark::DoNotOptimize(assessment.score(0));
  }
}
BENCHMARK(BM_CppAssessOneCounty);

// Appends `text` and its terminating NUL to a packed column.
void Pack(std::string& column, const std::string& text) {
  column += text;
  column += '\0';
}

void BM_CApiAddPacked(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  std::string units, keys, values;
  std::vector<int32_t> years(count, 2022);
  for (std::size_t i = 0; i < count; ++i) {
    Pack(units, "单位" + std::to_string(i / 26));
    Pack(keys, std::to_string(i % 26 + 1));
    const std::size_t hundredths = i * 37 % 10000;
    Pack(values, std::to_string(hundredths / 100) + "." + std::to_string(hundredths % 100 / 10) +
                     std::to_string(hundredths % 10));
  }
  for (auto _ : state) {
    hact_observations* observations = nullptr;
    hact_observations_new(&observations);
    size_t failed = 0;
    if (hact_observations_add_packed(observations, count, units.c_str(), keys.c_str(), years.data(),
                                     values.c_str(), &failed) != HACT_OK) {
      state.SkipWithError(hact_last_error());
    }
    state.PauseTiming();  // freeing is not ingestion
    hact_observations_free(observations);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count));
}
BENCHMARK(BM_CApiAddPacked)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace

// The same values as BM_CApiAddPacked through the typed call a DataFrame
// uses (hact_observations_add_coded): units and keys as codes into their
// categories, the values as doubles.  Compare with BM_CApiAddPacked, run
// beside it.
void BM_CApiAddCoded(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  std::string unit_names, key_names;
  const std::size_t units = (count + 25) / 26;
  for (std::size_t u = 0; u < units; ++u) Pack(unit_names, "单位" + std::to_string(u));
  for (int k = 1; k <= 26; ++k) Pack(key_names, std::to_string(k));
  std::vector<int32_t> unit_codes(count), key_codes(count), years(count, 2022);
  std::vector<double> numbers(count);
  for (std::size_t i = 0; i < count; ++i) {
    unit_codes[i] = static_cast<int32_t>(i / 26);
    key_codes[i] = static_cast<int32_t>(i % 26);
    numbers[i] = static_cast<double>(i * 37 % 10000) / 100.0;
  }
  const hact_coded_column unit_column{sizeof(hact_coded_column), unit_codes.data(), unit_names.data(),
                                      unit_names.size(), units};
  const hact_coded_column key_column{sizeof(hact_coded_column), key_codes.data(), key_names.data(),
                                     key_names.size(), 26};
  for (auto _ : state) {
    hact_observations* observations = nullptr;
    hact_observations_new(&observations);
    size_t failed = 0;
    if (hact_observations_add_coded(observations, count, &unit_column, &key_column, years.data(), numbers.data(),
                                    nullptr, &failed) != HACT_OK) {
      state.SkipWithError(hact_last_error());
    }
    state.PauseTiming();  // freeing is not ingestion
    hact_observations_free(observations);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count));
}
BENCHMARK(BM_CApiAddCoded)->Arg(1000000)->Unit(benchmark::kMillisecond);
