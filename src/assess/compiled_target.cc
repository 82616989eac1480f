#include "assess/compiled_target.hpp"

namespace healthact::columnar {

std::optional<CompiledComparison> Compile(const ComparisonTarget& target, int scale) {
  CompiledComparison compiled;
  compiled.comparator = target.comparator;
  Rounding rule = Rounding::kTruncate;
  switch (target.comparator) {
    case Comparator::kAtLeast:
    case Comparator::kBelow: rule = Rounding::kCeiling; break;
    case Comparator::kAtMost:
    case Comparator::kAbove: rule = Rounding::kFloor; break;
    case Comparator::kEqual:
      if (!target.value.ToScaledExactly(scale)) {
        compiled.never = true;
        return compiled;
      }
      break;
  }
  std::optional<std::int64_t> threshold = target.value.ToScaled(scale, rule);
  if (!threshold) return std::nullopt;
  compiled.threshold = *threshold;
  return compiled;
}

std::optional<CompiledRange> CompileRange(const ValueRange& range, int scale) {
  CompiledRange compiled;
  if (range.minimum) {
    std::optional<std::int64_t> low = range.minimum->ToScaled(scale, Rounding::kCeiling);
    if (!low) return std::nullopt;
    compiled.low = *low;
  }
  if (range.maximum) {
    std::optional<std::int64_t> high = range.maximum->ToScaled(scale, Rounding::kFloor);
    if (!high) return std::nullopt;
    compiled.high = *high;
  }
  if (range.whole) {
    std::optional<std::int64_t> one = Decimal::FromInt(1).ToScaled(scale, Rounding::kTruncate);
    if (!one) return std::nullopt;
    compiled.whole = *one;
  }
  return compiled;
}

AtPlannedScales<CompiledComparison> CompileAtPlannedScales(const ComparisonTarget& target) {
  AtPlannedScales<CompiledComparison> compiled;
  for (int scale = 0; scale < kPlannedScales; ++scale) compiled[scale] = Compile(target, scale);
  return compiled;
}

AtPlannedScales<CompiledRange> CompileAtPlannedScales(const ValueRange& range) {
  AtPlannedScales<CompiledRange> compiled;
  for (int scale = 0; scale < kPlannedScales; ++scale) compiled[scale] = CompileRange(range, scale);
  return compiled;
}

std::optional<CompiledComparison> CompiledAt(const ComparisonTarget& target,
                                             const AtPlannedScales<CompiledComparison>* planned, int scale) {
  if (planned != nullptr && scale >= 0 && scale < kPlannedScales) return (*planned)[scale];
  return Compile(target, scale);
}

std::optional<CompiledRange> CompiledAt(const ValueRange& range, const AtPlannedScales<CompiledRange>* planned,
                                        int scale) {
  if (planned != nullptr && scale >= 0 && scale < kPlannedScales) return (*planned)[scale];
  return CompileRange(range, scale);
}

}  // namespace healthact::columnar
