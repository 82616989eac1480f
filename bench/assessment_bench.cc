// Assessment at national scale: 3 000 counties, 40 000 townships and 500 000
// villages, 26 indicators each (Liuzhou's framework, 2022 targets: bare
// values, comparisons, 实现, a marked fall against 2021, two-part targets).
//
// BM_AssessExact runs healthact's Assess: every verdict, the scores, the
// grades and the ranking.  BM_AssessNaiveDouble does the same work the naive
// way — values as double, thresholds as double — so the ratio of the two is
// the price of exactness.  Counters: verdicts per second, the columns' bytes
// per reported value, and the process's peak resident memory.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "healthact/assess/assessment.hpp"
#include "healthact/lang/dsl.hpp"
#include "liuzhou.hpp"

namespace {

using healthact::Decimal;
using healthact::ReportKind;
using healthact::Reported;

using healthact::bench::Liuzhou;

// Peak resident memory of this process so far, in bytes (VmHWM).
double PeakResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) * 1024;
  }
  return 0;
}

struct Dataset {
  std::shared_ptr<healthact::Observations> observations;
  double peak_after_build = 0;
};

// Reports for `units` units: every indicator or part in 2022, indicator 21 in
// 2021 as well; one value in fifty is 待公布, 未统计 or missing; every number
// plausible.
const Dataset& Data(int units) {
  static std::map<int, Dataset> cache;
  auto it = cache.find(units);
  if (it != cache.end()) return it->second;
  auto observations = std::make_shared<healthact::Observations>();
  for (int u = 0; u < units; ++u) observations->AddUnit("单位" + std::to_string(u));
  std::mt19937_64 random(units);
  const auto& framework = *Liuzhou();
  // Each unit's infant mortality (2), so that its under-five mortality (3)
  // is not below it: the framework's rule [3] ≥ [2] holds, as real figures do.
  std::vector<std::int64_t> infant(static_cast<std::size_t>(units), 0);
  for (const healthact::Indicator& indicator : framework.indicators()) {
    for (const auto& [key, year] : healthact::bench::ReportedKeys(indicator)) {
      for (int u = 0; u < units; ++u) {
        Reported value;
        const auto roll = random() % 50;
        if (roll == 0) {
          value.kind = ReportKind::kPending;
        } else if (roll == 1) {
          value.kind = ReportKind::kNotCounted;
        } else if (roll == 2) {
          continue;  // nothing reported
        } else if (indicator.is_qualitative()) {
          value.kind = random() % 3 ? ReportKind::kAchieved : ReportKind::kNotAchieved;
        } else {
          // Plausible figures (a county's are, nearly always): inside the
          // indicator's range (at most 100 wide), whole numbers where only
          // they are plausible.  An implausible one has its unit's findings
          // explained one by one, which is not what this measures.
          const healthact::ValueRange range = indicator.PlausibleRange();
          const std::int64_t low =
              range.minimum ? *range.minimum->ToScaled(2, healthact::Rounding::kCeiling) : 0;
          const std::int64_t high = std::min(
              low + 10000, range.maximum ? *range.maximum->ToScaled(2, healthact::Rounding::kFloor) : low + 10000);
          std::int64_t draw = low + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(high - low + 1));
          if (key == "2") infant[static_cast<std::size_t>(u)] = draw;
          if (key == "3") draw = std::max(draw, infant[static_cast<std::size_t>(u)]);
          value.kind = ReportKind::kNumber;
          value.number = range.whole ? Decimal::FromInt(draw / 100) : Decimal::FromScaled(draw, 2);
        }
        (void)observations->Add(u, key, year, value);
      }
    }
  }
  Dataset& dataset = cache[units];
  dataset.observations = std::move(observations);
  dataset.peak_after_build = PeakResidentBytes();
  return dataset;
}

void BM_AssessExact(benchmark::State& state) {
  const int units = static_cast<int>(state.range(0));
  const Dataset& data = Data(units);
  const auto framework = Liuzhou();
  for (auto _ : state) {
    healthact::Assessment assessment = healthact::Assess(framework, data.observations, 2022);
    benchmark::DoNotOptimize(assessment.ranking().data());
  }
  const double verdicts = static_cast<double>(units) * framework->indicators().size();
  state.counters["verdicts_per_second"] =
      benchmark::Counter(verdicts * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["column_bytes_per_value"] =
      static_cast<double>(data.observations->ColumnBytes()) / data.observations->value_count();
  state.counters["peak_rss_MB"] = PeakResidentBytes() / 1e6;
  state.counters["peak_rss_bytes_per_value"] =
      PeakResidentBytes() / data.observations->value_count();
}
// The three national scales, and 10× fewer and 10× more units of each (bench/performance.py
// runs each size in its own process, so that peak memory is that size's).
BENCHMARK(BM_AssessExact)
    ->Arg(300)->Arg(3000)->Arg(30000)
    ->Arg(4000)->Arg(40000)->Arg(400000)
    ->Arg(50000)->Arg(500000)->Arg(5000000)
    ->Unit(benchmark::kMillisecond);

// BM_AssessExact again and again, each assessment made in the storage of
// the one before (as a dashboard re-assessing after each submission would):
// with glibc's default heap settings, a fresh national assessment's memory
// comes from the system and goes back to it each time.
void BM_AssessExactInSpentStorage(benchmark::State& state) {
  const int units = static_cast<int>(state.range(0));
  const Dataset& data = Data(units);
  const auto framework = Liuzhou();
  healthact::Assessment assessment = healthact::Assess(framework, data.observations, 2022);
  for (auto _ : state) {
    assessment = healthact::Assess(framework, data.observations, 2022, {}, std::move(assessment));
    benchmark::DoNotOptimize(assessment.ranking().data());
  }
  const double verdicts = static_cast<double>(units) * framework->indicators().size();
  state.counters["verdicts_per_second"] =
      benchmark::Counter(verdicts * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AssessExactInSpentStorage)->Arg(3000)->Arg(40000)->Arg(500000)->Unit(benchmark::kMillisecond);

// The units of BM_AssessExact under parents of 13 children each (villages
// under townships), so that the ranks within each parent are computed too:
// one scratch vector per parent once made this quadratic (1.7 s at 500 000).
void BM_AssessExactUnderParents(benchmark::State& state) {
  const int units = static_cast<int>(state.range(0));
  static std::map<int, std::shared_ptr<const healthact::Observations>> cache;
  std::shared_ptr<const healthact::Observations>& observations = cache[units];
  if (observations == nullptr) {
    auto families = std::make_shared<healthact::Observations>(*Data(units).observations);
    for (int u = 0; u < units; ++u) {
      (void)families->SetParent(u, families->AddUnit("乡" + std::to_string(u / 13)));
    }
    observations = std::move(families);
  }
  const auto framework = Liuzhou();
  std::size_t assessed = 0;
  for (auto _ : state) {
    healthact::Assessment assessment = healthact::Assess(framework, observations, 2022);
    assessed = assessment.unit_count();
    benchmark::DoNotOptimize(assessment.ranking().data());
  }
  const double verdicts = static_cast<double>(assessed) * framework->indicators().size();
  state.counters["verdicts_per_second"] =
      benchmark::Counter(verdicts * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["parents"] = static_cast<double>(observations->unit_count() - units);
}
BENCHMARK(BM_AssessExactUnderParents)->Arg(40000)->Arg(500000)->Unit(benchmark::kMillisecond);

// The naive evaluator: a double per value (NaN when not a number), the
// kinds beside it, thresholds as double.
struct DoubleColumn {
  std::vector<double> values;
  std::vector<ReportKind> kinds;
};

void BM_AssessNaiveDouble(benchmark::State& state) {
  const int units = static_cast<int>(state.range(0));
  const Dataset& data = Data(units);
  const auto& framework = *Liuzhou();
  std::map<std::pair<std::string, int>, DoubleColumn> columns;
  for (const auto& [key, year] : data.observations->Keys()) {
    DoubleColumn& column = columns[{key, year}];
    column.values.resize(units, std::nan(""));
    column.kinds.resize(units, ReportKind::kNothing);
    for (int u = 0; u < units; ++u) {
      const Reported r = data.observations->Get(u, key, year);
      column.kinds[u] = r.kind;
      if (r.kind == ReportKind::kNumber) column.values[u] = std::stod(r.number.ToString());
    }
  }
  const auto& indicators = framework.indicators();
  std::vector<std::uint8_t> status(indicators.size() * units);
  const auto meets = [](healthact::Comparator c, double v, double t) {
    switch (c) {
      case healthact::Comparator::kAtLeast: return v >= t;
      case healthact::Comparator::kAtMost: return v <= t;
      case healthact::Comparator::kAbove: return v > t;
      case healthact::Comparator::kBelow: return v < t;
      case healthact::Comparator::kEqual: return v == t;
    }
    return false;
  };
  for (auto _ : state) {
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const healthact::Indicator& indicator = indicators[i];
      const healthact::Target* target = indicator.TargetFor(2022);
      std::uint8_t* out = status.data() + i * units;
      if (const auto* c = std::get_if<healthact::ComparisonTarget>(&target->form)) {
        const DoubleColumn& column = columns.at({indicator.number, 2022});
        const double t = c->value.ToDoubleForDisplay();
        for (int u = 0; u < units; ++u) {
          out[u] = column.kinds[u] != ReportKind::kNumber ? 2 : meets(c->comparator, column.values[u], t) ? 0 : 1;
        }
      } else if (const auto* p = std::get_if<healthact::PartsTarget>(&target->form)) {
        std::fill(out, out + units, 0);
        for (std::size_t k = 0; k < p->parts.size(); ++k) {
          const DoubleColumn& column = columns.at({indicator.parts[k].number, 2022});
          const double t = p->parts[k].value.ToDoubleForDisplay();
          for (int u = 0; u < units; ++u) {
            const std::uint8_t s = column.kinds[u] != ReportKind::kNumber ? 2
                                   : meets(p->parts[k].comparator, column.values[u], t) ? 0 : 1;
            out[u] = std::max(out[u], s);
          }
        }
      } else if (const auto* trend = std::get_if<healthact::TrendTarget>(&target->form)) {
        const DoubleColumn& before = columns.at({indicator.number, 2021});
        const DoubleColumn& now = columns.at({indicator.number, 2022});
        const double percent = trend->marked_change_percent->ToDoubleForDisplay();
        for (int u = 0; u < units; ++u) {
          if (before.kinds[u] != ReportKind::kNumber || now.kinds[u] != ReportKind::kNumber) {
            out[u] = 2;
          } else {
            const double b = before.values[u], n = now.values[u];
            out[u] = (n < b && b > 0 && (b - n) / b * 100 >= percent) ? 0 : 1;
          }
        }
      } else {
        const DoubleColumn& column = columns.at({indicator.number, 2022});
        for (int u = 0; u < units; ++u) {
          out[u] = column.kinds[u] == ReportKind::kAchieved ? 0 : 1;
        }
      }
    }
    std::vector<double> scores(units);
    for (int u = 0; u < units; ++u) {
      int met = 0;
      for (std::size_t i = 0; i < indicators.size(); ++i) met += status[i * units + u] == 0;
      scores[u] = 100.0 * met / indicators.size();
    }
    std::vector<int> order(units);
    for (int u = 0; u < units; ++u) order[u] = u;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return scores[a] > scores[b]; });
    benchmark::DoNotOptimize(order.data());
  }
  const double verdicts = static_cast<double>(units) * indicators.size();
  state.counters["verdicts_per_second"] =
      benchmark::Counter(verdicts * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AssessNaiveDouble)->Arg(3000)->Arg(40000)->Arg(500000)->Unit(benchmark::kMillisecond);

}  // namespace
