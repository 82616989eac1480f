// The rules of a whole indicator (indicator_rules.hpp).
#include "lang/indicator_rules.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <string>
#include <utility>

#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "model/vocabulary.hpp"
#include "healthact/core/limits.hpp"
#include "lang/vocabulary.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::dsl {

using messages::Format;
using messages::Tr;

using limits::kFirstYear;
using limits::kLastYear;

// --- Whole-indicator checks -----------------------------------------------------------------

bool IsWellFormedLabel(std::string_view label) {
  // "9", "25", "25.1": digits, optionally one dot and more digits.
  const std::size_t dot = label.find('.');
  const auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
  };
  if (dot == std::string_view::npos) return digits(label);
  return digits(label.substr(0, dot)) && digits(label.substr(dot + 1));
}

std::size_t IndicatorSites::Target(int year) const {
  auto it = target.find(year);
  return it == target.end() ? head : it->second;
}

void ResolveTrends(Indicator& indicator, const TrendRules& framework_rules,
                   const IndicatorSites& where, const ReportAt& Report) {
  for (Target& target : indicator.targets) {
    auto* trend = std::get_if<TrendTarget>(&target.form);
    if (trend == nullptr) continue;
    const bool marked = IsMarked(trend->kind);
    const bool continuous = IsContinuous(trend->kind);
    if (marked) {
      trend->marked_change_percent = indicator.trend_rules.marked_change_percent
                                         ? indicator.trend_rules.marked_change_percent
                                         : framework_rules.marked_change_percent;
      if (!trend->marked_change_percent) {
        Report(DiagnosticCode::kTrendUndefined, where.Target(target.year),
               Format("$0 needs the size of a marked change: state 明显下降幅度 N% in the framework or the indicator", TrendKindName(trend->kind)));
      }
    }
    if (continuous) {
      trend->continuous_years = indicator.trend_rules.continuous_years
                                    ? indicator.trend_rules.continuous_years
                                    : framework_rules.continuous_years;
      if (!trend->continuous_years) {
        Report(DiagnosticCode::kTrendUndefined, where.Target(target.year),
               Format("$0 needs a number of years: state 持续下降年数 N in the framework or the indicator", TrendKindName(trend->kind)));
      }
    }
  }
}

namespace {

// Values of a target in part order (one for a plain comparison).
// A view, not a list: these rules run for every target of every indicator.
std::span<const ComparisonTarget> Comparisons(const TargetForm& form) {
  if (const auto* c = std::get_if<ComparisonTarget>(&form)) return {c, 1};
  if (const auto* p = std::get_if<PartsTarget>(&form)) return p->parts;
  return {};
}

bool IsFloor(Comparator c) { return c == Comparator::kAtLeast || c == Comparator::kAbove; }
bool IsCeiling(Comparator c) { return c == Comparator::kAtMost || c == Comparator::kBelow; }

}  // namespace

void CheckWholeIndicator(const Indicator& indicator, const IndicatorSites& where,
                         const ReportAt& Report) {
  const std::string& n = indicator.number;
  if (indicator.targets.empty()) {
    if (where.target_failed) return;  // already reported
    Report(DiagnosticCode::kNoTarget, where.head, Format("indicator $0 has no target", n));
    return;
  }
  // Qualitative (实现) against quantitative (numbers, trends, parts).
  const Target* achievement = nullptr;
  const Target* quantitative = nullptr;
  for (const Target& target : indicator.targets) {
    if (std::holds_alternative<AchievementTarget>(target.form)) {
      if (achievement == nullptr) achievement = &target;
    } else if (!std::holds_alternative<NotApplicableTarget>(target.form)) {
      if (quantitative == nullptr) quantitative = &target;
    }
  }
  if (achievement != nullptr && quantitative != nullptr) {
    Report(DiagnosticCode::kTargetKindMismatch, where.Target(quantitative->year),
           Format("indicator $0 is an achievement indicator ($1: 实现); its $2 target '$3' cannot be evaluated as one", n, achievement->year, quantitative->year, TargetText(quantitative->form)));
    return;
  }
  if (achievement != nullptr && indicator.measure_unit) {
    Report(DiagnosticCode::kTargetKindMismatch, where.Target(achievement->year),
           Format("实现 is a target for a qualitative indicator, but indicator $0 is measured in $1", n, MeasureUnitSymbol(*indicator.measure_unit)));
    return;
  }
  const bool numeric_baseline =
      indicator.baseline && (std::holds_alternative<Decimal>(indicator.baseline->value) ||
                             std::holds_alternative<std::vector<Decimal>>(indicator.baseline->value));
  if ((quantitative != nullptr || numeric_baseline) && !indicator.measure_unit) {
    if (where.unit_failed) return;  // the unknown unit is already reported
    Report(DiagnosticCode::kMissingUnit, where.head,
           Format("indicator $0 has numeric values but no 单位", n));
    return;
  }

  // Parts: every value states one number per declared part.
  const std::size_t declared = indicator.parts.size();
  const auto check_parts = [&](std::size_t count, std::size_t offset, const std::string& what) {
    if (declared == 0 && count > 1) {
      Report(DiagnosticCode::kPartCountMismatch, offset,
             Format("$0 gives $1 parts but indicator $2 declares none (分项 $2.1 \"…\")", what, count, n));
      return false;
    }
    if (declared > 0 && count != declared) {
      Report(DiagnosticCode::kPartCountMismatch, offset,
             Format("$0 gives $1$2 but indicator $3 has $4 parts", what, count, count == 1 ? " value" : " values", n, declared));
      return false;
    }
    return true;
  };
  bool parts_ok = true;
  for (const Target& target : indicator.targets) {
    const std::size_t count = Comparisons(target.form).size();
    if (count == 0) continue;
    parts_ok &= check_parts(count, where.Target(target.year),
                            Format("the $0 target", target.year));
  }
  if (indicator.baseline) {
    std::size_t count = 0;
    if (std::holds_alternative<Decimal>(indicator.baseline->value)) count = 1;
    if (const auto* v = std::get_if<std::vector<Decimal>>(&indicator.baseline->value)) count = v->size();
    if (count > 0) {
      parts_ok &= check_parts(count, where.baseline.value_or(where.head), std::string(Tr("the baseline")));
    }
  }

  // Warnings: direction, shares above the whole, weaker later targets.
  for (const Target& target : indicator.targets) {
    const auto comparisons = Comparisons(target.form);
    const auto offsets = where.target_items.find(target.year);
    for (std::size_t i = 0; i < comparisons.size(); ++i) {
      const ComparisonTarget& c = comparisons[i];
      const std::size_t offset = offsets != where.target_items.end() && i < offsets->second.size()
                                     ? offsets->second[i]
                                     : where.Target(target.year);
      if (c.written_bare && indicator.direction == Direction::kUnspecified && i == 0 &&
          !where.direction_failed) {
        Report(DiagnosticCode::kBareTargetNoDirection, offset,
               Format("bare target $0 of indicator $1 has no declared direction; it is read as ≥ (a floor). State 方向 越高越好 or 越低越好", c.value.ToString(), n));
      }
      if ((indicator.direction == Direction::kLowerIsBetter && IsFloor(c.comparator)) ||
          (indicator.direction == Direction::kHigherIsBetter && IsCeiling(c.comparator))) {
        Report(DiagnosticCode::kComparatorAgainstDirection, offset,
               Format("target $0$1 runs against the direction of indicator $2 ($3)", ComparatorSymbol(c.comparator), c.value.ToString(), n, DirectionName(indicator.direction)));
      }
      if (indicator.measure_unit && IsShare(*indicator.measure_unit)) {
        const Decimal whole = Decimal::FromInt(
            std::int64_t{1} * (MeasureUnitDimension(*indicator.measure_unit).scale == 2 ? 100
                               : MeasureUnitDimension(*indicator.measure_unit).scale == 3 ? 1000
                                                                           : 100000));
        if (c.value > whole) {
          Report(DiagnosticCode::kShareAboveWhole, offset,
                 Format("target $0$1 is more than the whole ($2$1)", c.value.ToString(), MeasureUnitSymbol(*indicator.measure_unit), whole.ToString()));
        }
      }
    }
    if (const auto* trend = std::get_if<TrendTarget>(&target.form)) {
      const bool fall = IsFall(trend->kind);
      if ((fall && indicator.direction == Direction::kHigherIsBetter) ||
          (!fall && indicator.direction == Direction::kLowerIsBetter)) {
        Report(DiagnosticCode::kComparatorAgainstDirection, where.Target(target.year),
               Format("target $0 runs against the direction of indicator $1 ($2)", TrendKindName(trend->kind), n, DirectionName(indicator.direction)));
      }
    }
  }
  if (parts_ok) {
    const Target* previous = nullptr;
    for (const Target& target : indicator.targets) {
      const auto now = Comparisons(target.form);
      if (now.empty()) continue;
      if (previous != nullptr) {
        const auto before = Comparisons(previous->form);
        for (std::size_t i = 0; i < now.size() && i < before.size(); ++i) {
          const bool weaker = (IsFloor(now[i].comparator) && IsFloor(before[i].comparator) &&
                               now[i].value < before[i].value) ||
                              (IsCeiling(now[i].comparator) && IsCeiling(before[i].comparator) &&
                               now[i].value > before[i].value);
          if (weaker) {
            Report(DiagnosticCode::kLaterTargetWeaker, where.Target(target.year),
                   Format("the $0 target $1 of indicator $2 is weaker than the $3 target $4", target.year, TargetText(target.form), n, previous->year, TargetText(previous->form)));
            break;
          }
        }
      }
      previous = &target;
    }
  }
  if (indicator.baseline && indicator.baseline->year &&
      *indicator.baseline->year > indicator.targets.front().year) {
    Report(DiagnosticCode::kBaselineAfterTarget, where.baseline.value_or(where.head),
           Format("the baseline year $0 of indicator $1 comes after its first target year $2", *indicator.baseline->year, n, indicator.targets.front().year));
  }
}


}  // namespace healthact::dsl
