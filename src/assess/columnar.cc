// The columnar path of the assessment: every unit's verdict on one
// indicator at a time, over the observations' columns of scaled integers.
// It is a layout of the rule kernel's data, not a second copy of its rules:
// targets and ranges are compiled to integers at a column's scale (rounded
// so that the integer test is exactly the decimal one), and the rules
// themselves are kernel.hpp's.  Whatever it cannot take (wide columns,
// formulas) goes to the explaining evaluator, unit by unit.
#include "assess/columnar.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

#include "absl/container/inlined_vector.h"

#include "assess/evaluation.hpp"
#include "assess/compiled_target.hpp"
#include "assess/kernel.hpp"

namespace healthact::columnar {
namespace {

using kernel::NonNumberStatus;

// NonNumberStatus of each kind a column holds, for a look-up in place of
// its switch (indexed by the kind's low three bits: ReportKind has seven).
constexpr std::array<VerdictStatus, 8> NonNumberStatuses() {
  std::array<VerdictStatus, 8> statuses{};
  for (std::size_t k = 0; k < statuses.size(); ++k) statuses[k] = NonNumberStatus(static_cast<ReportKind>(k));
  return statuses;
}
constexpr std::array<VerdictStatus, 8> kNonNumberStatus = NonNumberStatuses();

// Statuses of every unit on one comparison over one narrow column.  The loop
// is instantiated per comparator, and per whether whole numbers are checked
// (a remainder, not needed on a column of scale 0), so that it is a few
// compares and selects with no branch: met and not met alternate at random.
template <Comparator kComparator, bool kWholeOnly>
void CompareColumnWith(const Observations::Column& column, std::int64_t t, const CompiledRange& range,
                       const std::vector<UnitId>& units, bool all_units, VerdictStatus* out) {
  const ReportKind* kinds = column.kinds().data();
  const std::int64_t* scaled = column.scaled().data();
  const auto size = static_cast<UnitId>(column.kinds().size());
  const std::int64_t low = range.low, high = range.high, whole = range.whole;
  const auto decide = [=](ReportKind kind, std::int64_t v) {
    bool plausible = v >= low && v <= high;
    if constexpr (kWholeOnly) plausible = plausible && v % whole == 0;
    // folded: kComparator is a constant
    const VerdictStatus judged = kernel::CompareStatus(kComparator, v, t);
    const VerdictStatus number = plausible ? judged : VerdictStatus::kInvalid;
    return kind == ReportKind::kNumber ? number : kNonNumberStatus[static_cast<std::size_t>(kind) & 7];
  };
  if (all_units) {  // units are 0 .. n-1: no indirection
    const auto n = static_cast<UnitId>(units.size());
    const UnitId covered = std::min(n, size);
    for (UnitId u = 0; u < covered; ++u) out[u] = decide(kinds[u], scaled[u]);
    for (UnitId u = covered; u < n; ++u) out[u] = VerdictStatus::kMissing;
    return;
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const UnitId u = units[i];
    out[i] = u < size ? decide(kinds[u], scaled[u]) : VerdictStatus::kMissing;
  }
}

template <Comparator kComparator>
void CompareColumnWith(const Observations::Column& column, std::int64_t t, const CompiledRange& range,
                       const std::vector<UnitId>& units, bool all_units, VerdictStatus* out) {
  // A whole number at scale 0 is any integer (whole is then 1).
  if (range.whole > 1) return CompareColumnWith<kComparator, true>(column, t, range, units, all_units, out);
  return CompareColumnWith<kComparator, false>(column, t, range, units, all_units, out);
}

void CompareColumn(const Observations::Column* column, const CompiledComparison& compiled,
                   const CompiledRange& range, const std::vector<UnitId>& units, bool all_units,
                   VerdictStatus* out) {
  if (column == nullptr) {
    std::fill(out, out + units.size(), VerdictStatus::kMissing);
    return;
  }
  const std::int64_t t = compiled.threshold;
  switch (compiled.never ? Comparator::kEqual : compiled.comparator) {
    case Comparator::kAtLeast: return CompareColumnWith<Comparator::kAtLeast>(*column, t, range, units, all_units, out);
    case Comparator::kAtMost: return CompareColumnWith<Comparator::kAtMost>(*column, t, range, units, all_units, out);
    case Comparator::kAbove: return CompareColumnWith<Comparator::kAbove>(*column, t, range, units, all_units, out);
    case Comparator::kBelow: return CompareColumnWith<Comparator::kBelow>(*column, t, range, units, all_units, out);
    case Comparator::kEqual: break;
  }
  if (!compiled.never) return CompareColumnWith<Comparator::kEqual>(*column, t, range, units, all_units, out);
  // "= t" with t off the column's grid: no number can equal it.
  for (std::size_t i = 0; i < units.size(); ++i) {
    const UnitId u = units[i];
    const ReportKind kind = column->kind(u);
    out[i] = kind != ReportKind::kNumber           ? NonNumberStatus(kind)
             : !range.Contains(column->scaled()[u]) ? VerdictStatus::kInvalid
                                                    : VerdictStatus::kNotMet;
  }
}

// The fast path for one comparison on one key; false when it does not apply.
bool FastComparison(ColumnLookup& columns, std::string_view key, int year,
                    const ComparisonTarget& target, const AtPlannedScales<CompiledComparison>* planned,
                    const IndicatorPlan& plan, const std::vector<UnitId>& units, bool all_units,
                    VerdictStatus* out) {
  const Observations::Column* column = columns.Find(key, year);
  if (column != nullptr && !column->narrow()) return false;
  const int scale = column == nullptr ? 0 : column->scale();
  std::optional<CompiledComparison> compiled = CompiledAt(target, planned, scale);
  std::optional<CompiledRange> compiled_range = CompiledAt(plan.range, &plan.ranges, scale);
  if (!compiled || !compiled_range) return false;
  CompareColumn(column, *compiled, *compiled_range, units, all_units, out);
  return true;
}

bool FastAchievement(ColumnLookup& columns, std::string_view key, int year,
                     const std::vector<UnitId>& units, VerdictStatus* out) {
  const Observations::Column* column = columns.Find(key, year);
  for (std::size_t i = 0; i < units.size(); ++i) {
    out[i] = kernel::AchievementStatus(column == nullptr ? ReportKind::kNothing : column->kind(units[i]));
  }
  return true;
}

// A trend over narrow columns: each year's values brought to one scale, then
// compared year on year in 128-bit integers — the same decision as the
// explaining evaluator (oldest missing year first, a marked change measured
// against the earlier year's value).
bool FastTrend(ColumnLookup& lookup, std::string_view key, int year,
               const TrendTarget& trend, const IndicatorPlan& plan, const std::vector<UnitId>& units,
               VerdictStatus* out) {
  const bool fall = IsFall(trend.kind);
  const int span = TrendYearsBack(trend);
  // Small: a trend looks a few years back.  Inline, since assessing one
  // unit must not cost an allocation per trend.
  absl::InlinedVector<const Observations::Column*, 8> columns;
  int scale = 0;
  for (int y = year - span; y <= year; ++y) {
    const Observations::Column* column = lookup.Find(key, y);
    if (column != nullptr && !column->narrow()) return false;
    if (column != nullptr) scale = std::max(scale, column->scale());
    columns.push_back(column);
  }
  std::optional<std::int64_t> percent;
  int percent_scale = 0;
  if (trend.marked_change_percent) {
    percent_scale = trend.marked_change_percent->scale();
    percent = trend.marked_change_percent->ToScaled(percent_scale, Rounding::kTruncate);
    if (!percent) return false;
  }
  absl::InlinedVector<__int128, 8> factor;
  absl::InlinedVector<CompiledRange, 8> ranges;
  for (const Observations::Column* column : columns) {
    __int128 f = 1;
    for (int k = column == nullptr ? 0 : column->scale(); k < scale; ++k) f *= 10;
    factor.push_back(f);
    std::optional<CompiledRange> compiled =
        CompiledAt(plan.range, &plan.ranges, column == nullptr ? 0 : column->scale());
    if (!compiled) return false;
    ranges.push_back(*compiled);
  }
  __int128 percent_unit = 1;
  for (int k = 0; k < percent_scale; ++k) percent_unit *= 10;
  absl::InlinedVector<__int128, 8> values(columns.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    const UnitId u = units[i];
    out[i] = VerdictStatus::kMet;
    bool complete = true;
    // The year assessed first, as the explaining evaluator reads it.
    for (std::size_t n = 0; n < columns.size() && complete; ++n) {
      const std::size_t c = n == 0 ? columns.size() - 1 : n - 1;
      const ReportKind kind = columns[c] == nullptr ? ReportKind::kNothing : columns[c]->kind(u);
      if (kind != ReportKind::kNumber) {
        out[i] = NonNumberStatus(kind);
        complete = false;
        break;
      }
      const std::int64_t v = columns[c]->scaled()[u];
      if (!ranges[c].Contains(v)) {
        out[i] = VerdictStatus::kInvalid;
        complete = false;
        break;
      }
      values[c] = static_cast<__int128>(v) * factor[c];
    }
    if (!complete) continue;
    bool met = kernel::MovedEveryYear(fall, values.data(), values.size());
    if (met && percent) {
      // The percentage as percent / 10^percent_scale.
      met = kernel::ChangedEnough<__int128>(fall, values[values.size() - 2], values.back(), *percent,
                                            percent_unit);
    }
    out[i] = met ? VerdictStatus::kMet : VerdictStatus::kNotMet;
  }
  return true;
}

}  // namespace

void EvaluateIndicator(const Indicator& indicator, const IndicatorPlan& plan, ColumnLookup& columns, int year,
                       TargetChoice choice, const std::vector<UnitId>& units, bool all_units,
                       VerdictStatus* out) {
  const Target* target = indicator.TargetFor(year, choice);
  if (target == nullptr || std::holds_alternative<NotApplicableTarget>(target->form)) {
    std::fill(out, out + units.size(), VerdictStatus::kNotApplicable);
    return;
  }
  if (!indicator.formula) {
    if (const auto* comparison = std::get_if<ComparisonTarget>(&target->form)) {
      if (FastComparison(columns, indicator.number, year, *comparison,
                         plan.Comparison(indicator, *target, 0), plan, units, all_units, out)) {
        return;
      }
    } else if (std::holds_alternative<AchievementTarget>(target->form)) {
      if (FastAchievement(columns, indicator.number, year, units, out)) return;
    } else if (const auto* trend = std::get_if<TrendTarget>(&target->form)) {
      if (FastTrend(columns, indicator.number, year, *trend, plan, units, out)) return;
    } else if (const auto* parts = std::get_if<PartsTarget>(&target->form)) {
      // Each part over its own column, then combined as Evaluate does.
      absl::InlinedVector<VerdictStatus, 64> part(units.size());
      std::fill(out, out + units.size(), VerdictStatus::kMet);
      // A value under the whole indicator's number is judged one unit at a time.
      bool fast = parts->parts.size() == indicator.parts.size() &&
                  columns.Find(indicator.number, year) == nullptr;
      for (std::size_t p = 0; fast && p < parts->parts.size(); ++p) {
        fast = FastComparison(columns, indicator.parts[p].number, year, parts->parts[p],
                              plan.Comparison(indicator, *target, p), plan, units, all_units, part.data());
        for (std::size_t i = 0; fast && i < units.size(); ++i) out[i] = kernel::WorsePart(out[i], part[i]);
      }
      if (fast) return;
    }
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    out[i] = evaluation::Evaluate(indicator, columns.observations(), units[i], year, false, choice).status;
  }
}


}  // namespace healthact::columnar
