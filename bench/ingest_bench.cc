// The whole path of `healthact assess` in one process, stage by stage: a
// data file of 40 000 units (Liuzhou's framework, 28 rows a unit, as
// bench/end_to_end.py generates it) read into observations, assessed, and
// printed as the table, CSV and JSON.  bench/end_to_end.py times the same
// path as whole processes against pandas; these say where the time goes.
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "healthact/assess/assessment.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "liuzhou.hpp"
#include "healthact/report/assessment_text.hpp"

namespace {

using healthact::bench::Liuzhou;

// A data file for `units` units: every indicator or part in 2022 with a
// plausible figure (one decimal, inside the indicator's range), 实现 or
// 未实现 for the qualitative ones, indicator 21 in 2021 too.
const std::string& DataFile(int units) {
  static std::string text;
  static int made_for = -1;
  if (made_for == units) return text;
  std::mt19937_64 random(42);
  const healthact::Framework& framework = *Liuzhou();
  std::ostringstream out;
  out << "unit,indicator,year,value\n";
  for (int u = 0; u < units; ++u) {
    const std::string unit = "单位" + std::to_string(100000 + u);
    std::int64_t infant = 0;
    for (const healthact::Indicator& indicator : framework.indicators()) {
      for (const auto& [key, year] : healthact::bench::ReportedKeys(indicator)) {
        out << unit << ',' << key << ',' << year << ',';
        if (indicator.is_qualitative()) {
          out << (random() % 5 ? "实现" : "未实现") << '\n';
          continue;
        }
        const healthact::ValueRange range = indicator.PlausibleRange();
        const std::int64_t low = range.minimum ? *range.minimum->ToScaled(1, healthact::Rounding::kCeiling) : 0;
        const std::int64_t high =
            std::min(low + 1000, range.maximum ? *range.maximum->ToScaled(1, healthact::Rounding::kFloor) : low + 1000);
        std::int64_t draw = low + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(high - low + 1));
        if (key == "2") infant = draw;
        if (key == "3") draw = std::max(draw, infant);
        if (range.whole) {
          out << draw / 10 << '\n';
        } else {
          out << draw / 10 << '.' << draw % 10 << '\n';
        }
      }
    }
  }
  text = out.str();
  made_for = units;
  return text;
}

void BM_ReadDataFile(benchmark::State& state) {
  const std::string& text = DataFile(static_cast<int>(state.range(0)));
  const auto framework = Liuzhou();
  std::size_t rows = 0;
  for (auto _ : state) {
    healthact::Observations observations;
    const auto diagnostics = healthact::ReadObservationsCsv(text, "data.csv", framework.get(), observations);
    if (!diagnostics.empty()) state.SkipWithError(diagnostics.front().ToString().c_str());
    rows = observations.value_count();
    benchmark::DoNotOptimize(rows);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size() * state.iterations()));
  state.counters["rows_per_second"] =
      benchmark::Counter(static_cast<double>(rows * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadDataFile)->Arg(40000)->Unit(benchmark::kMillisecond);

const healthact::Assessment& Assessed(int units) {
  static std::unique_ptr<healthact::Assessment> assessment;
  static int made_for = -1;
  if (made_for != units) {
    auto observations = std::make_shared<healthact::Observations>();
    (void)healthact::ReadObservationsCsv(DataFile(units), "data.csv", Liuzhou().get(), *observations);
    assessment = std::make_unique<healthact::Assessment>(healthact::Assess(Liuzhou(), observations, 2022));
    made_for = units;
  }
  return *assessment;
}

void BM_AssessRead(benchmark::State& state) {
  auto observations = std::make_shared<healthact::Observations>();
  (void)healthact::ReadObservationsCsv(DataFile(static_cast<int>(state.range(0))), "data.csv", Liuzhou().get(),
                                       *observations);
  for (auto _ : state) {
    healthact::Assessment assessment = healthact::Assess(Liuzhou(), observations, 2022);
    benchmark::DoNotOptimize(assessment.ranking().data());
  }
}
BENCHMARK(BM_AssessRead)->Arg(40000)->Unit(benchmark::kMillisecond);

// The three texts of the assessment; bytes are the text's.
template <typename Print>
void Printed(benchmark::State& state, Print print) {
  const healthact::Assessment& assessment = Assessed(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = print(assessment);
    bytes = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
}
void BM_PrintTable(benchmark::State& state) { Printed(state, healthact::AssessmentToTable); }
void BM_PrintCsv(benchmark::State& state) {
  Printed(state, [](const auto& a) { return healthact::AssessmentToCsv(a, healthact::Explanation::kAll); });
}
void BM_PrintJson(benchmark::State& state) {
  Printed(state, [](const auto& a) { return healthact::AssessmentToJson(a, healthact::Explanation::kAll); });
}
BENCHMARK(BM_PrintTable)->Arg(40000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PrintCsv)->Arg(40000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PrintJson)->Arg(40000)->Unit(benchmark::kMillisecond);

}  // namespace
