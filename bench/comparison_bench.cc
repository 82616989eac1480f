// The price of exactness: checking reported values against a comparison
// target with healthact's Decimal, beside the same check in double.
//
// Both loops check the same 4096 values (one or two fractional digits, around
// the target) against ≥74.6, so the figure that matters is the ratio of the
// two per-item times (bench/performance.py prints it).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "healthact/model/framework.hpp"

namespace {

constexpr int kValues = 4096;

std::vector<std::string> ValueTexts() {
  std::mt19937 random(20221231);
  std::uniform_int_distribution<int> tenths(700, 790);
  std::vector<std::string> texts;
  for (int i = 0; i < kValues; ++i) {
    const int v = tenths(random);
    texts.push_back(std::to_string(v / 10) + "." + std::to_string(v % 10));
  }
  return texts;
}

bool MeetsDouble(healthact::Comparator comparator, double reported, double target) {
  switch (comparator) {
    case healthact::Comparator::kAtMost: return reported <= target;
    case healthact::Comparator::kAtLeast: return reported >= target;
    case healthact::Comparator::kBelow: return reported < target;
    case healthact::Comparator::kAbove: return reported > target;
    case healthact::Comparator::kEqual: return reported == target;
  }
  return false;
}

void BM_CompareDecimal(benchmark::State& state) {
  std::vector<healthact::Decimal> values;
  for (const std::string& text : ValueTexts()) values.push_back(*healthact::Decimal::Parse(text));
  const healthact::ComparisonTarget target{healthact::Comparator::kAtLeast,
                                           *healthact::Decimal::Parse("74.6"), false};
  int met = 0;
  for (auto _ : state) {
    for (const healthact::Decimal& value : values) met += target.IsMetBy(value);
    benchmark::DoNotOptimize(met);
  }
  state.SetItemsProcessed(state.iterations() * kValues);
}
BENCHMARK(BM_CompareDecimal);

void BM_CompareDouble(benchmark::State& state) {
  std::vector<double> values;
  for (const std::string& text : ValueTexts()) values.push_back(std::stod(text));
  const double target = 74.6;
  const healthact::Comparator comparator = healthact::Comparator::kAtLeast;
  int met = 0;
  for (auto _ : state) {
    for (double value : values) met += MeetsDouble(comparator, value, target);
    benchmark::DoNotOptimize(met);
  }
  state.SetItemsProcessed(state.iterations() * kValues);
}
BENCHMARK(BM_CompareDouble);

void BM_ParseDecimal(benchmark::State& state) {
  const std::vector<std::string> texts = ValueTexts();
  for (auto _ : state) {
    for (const std::string& text : texts) benchmark::DoNotOptimize(healthact::Decimal::Parse(text));
  }
  state.SetItemsProcessed(state.iterations() * kValues);
}
BENCHMARK(BM_ParseDecimal);

}  // namespace
