// A comparison target and a plausible range compiled against the scale of a
// narrow column (observations.hpp): the bounds as integers at that scale,
// rounded so that the integer test gives exactly the decimal one.  The
// columnar path (columnar.cc) compares whole columns with them; the
// framework's plan (plan.hpp) keeps them compiled at the common scales.
// Internal header.
#ifndef HEALTHACT_SRC_ASSESS_COMPILED_TARGET_HPP_
#define HEALTHACT_SRC_ASSESS_COMPILED_TARGET_HPP_

#include <array>
#include <cstdint>
#include <limits>
#include <optional>

#include "healthact/model/framework.hpp"

namespace healthact::columnar {

// v ≥ 74.65 on a column of tenths is v ≥ 74.7.
struct CompiledComparison {
  Comparator comparator = Comparator::kAtLeast;
  std::int64_t threshold = 0;
  bool never = false;  // "= t" where t is not on the column's grid
};

// evaluation::InRange's test, bounds rounded inward.
struct CompiledRange {
  std::int64_t low = std::numeric_limits<std::int64_t>::min();
  std::int64_t high = std::numeric_limits<std::int64_t>::max();
  std::int64_t whole = 0;  // 10^scale when only whole numbers are plausible

  bool Contains(std::int64_t v) const { return v >= low && v <= high && (whole == 0 || v % whole == 0); }
};

// Empty when a bound does not fit 64 bits at that scale (the explaining
// evaluator then judges the column one unit at a time).
std::optional<CompiledComparison> Compile(const ComparisonTarget& target, int scale);
std::optional<CompiledRange> CompileRange(const ValueRange& range, int scale);

// The same compiled once at each of the scales most columns have (a column
// of integers read from a file has scale 1, of hundredths 2): compiling
// divides 128-bit decimals, which costs more than judging one unit.
inline constexpr int kPlannedScales = 5;  // scales 0 .. 4
template <typename Compiled>
using AtPlannedScales = std::array<std::optional<Compiled>, kPlannedScales>;

AtPlannedScales<CompiledComparison> CompileAtPlannedScales(const ComparisonTarget& target);
AtPlannedScales<CompiledRange> CompileAtPlannedScales(const ValueRange& range);

// The compiled form at `scale`: the planned one (`planned` may be null), or
// compiled now for a finer column.
std::optional<CompiledComparison> CompiledAt(const ComparisonTarget& target,
                                             const AtPlannedScales<CompiledComparison>* planned, int scale);
std::optional<CompiledRange> CompiledAt(const ValueRange& range, const AtPlannedScales<CompiledRange>* planned,
                                        int scale);

}  // namespace healthact::columnar

#endif  // HEALTHACT_SRC_ASSESS_COMPILED_TARGET_HPP_
