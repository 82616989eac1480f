// A verdict as data: what one unit's figure was judged on, the target it was
// judged against, its status, and the facts behind the reason.  The words a
// clerk reads ("74.3 < 74.6 (目标 ≥74.6)") are made from these facts when a
// verdict is shown (ValueText, TargetText, ReasonText), so that every report
// and every interface shows the same reason, and a reader can use the numbers
// without parsing text.
#ifndef HEALTHACT_VERDICT_HPP_
#define HEALTHACT_VERDICT_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "healthact/assess/validation.hpp"
#include "healthact/core/decimal.hpp"
#include "healthact/data/observations.hpp"
#include "healthact/model/framework.hpp"

namespace healthact {

// The outcome for one unit on one indicator (or part).  Six different
// things; none of them collapses into another or into zero.
enum class VerdictStatus : std::uint8_t {
  kMet = 0,            // the target is met
  kNotMet = 1,         // the target is not met
  kMissing = 2,        // nothing usable was reported (nothing, 未统计, 未建立 for a number)
  kPending = 3,        // 待公布: a higher level publishes the value later
  kNotApplicable = 4,  // no target that year, or the target is --
  kInvalid = 5,        // what was reported cannot be true or be evaluated: outside its plausible
                       // range, against a consistency rule, 实现 for a %, a zero denominator
};
std::string_view VerdictStatusName(VerdictStatus status);  // "met", "not_met", …

// A value a verdict rests on: a report as it came (a number, 实现, 未统计,
// …, or nothing), or a number computed from counts.  A computed number with
// no short decimal form is kept to a few decimals and marked inexact.
struct VerdictValue {
  ReportKind kind = ReportKind::kNothing;
  Decimal number;     // for kNumber
  bool exact = true;  // false: `number` is rounded from a longer exact value
  // "74.8", "5.0975…", "实现", "未统计", "" (nothing).
  std::string ToString() const;
  void AppendTo(std::string& out) const;  // the same, appended
  friend bool operator==(const VerdictValue&, const VerdictValue&) = default;
};

// How a formula indicator's value was obtained: the counts its formula read
// (in the order the formula names them), and the rounding its formula states;
// or, for a rate reported directly, the rate as reported before that rounding.
struct Computation {
  const Formula* formula = nullptr;
  std::vector<Decimal> counts;         // computed from these counts, when not `reported`
  std::optional<Decimal> reported;     // a reported rate, rounded as the formula says
  VerdictValue result;
};

// Why a verdict is what it is.  Which facts are set depends on the kind.
enum class ReasonKind : std::uint8_t {
  kNone = 0,
  kNoTarget,             // the framework has no target for the year
  kTargetNotApplicable,  // the target is --
  kNotReported,          // nothing was reported for `year` (for `key`, a count, when set)
  kReportedAbsent,       // `report` (未统计, 未建立, 待公布) was reported for `year`
  kNumberRequired,       // 实现 or 未实现 was reported where a number is needed
  kFinding,              // validation made the value unusable (`finding`)
  kZeroDenominator,      // the formula divides by zero
  kBeyondRange,          // the computed value does not fit a decimal
  kCompared,             // the value (or its `computation`) against the target's value
  kAchieved,             // 实现 reported on a 实现 target
  kNotAchieved,          // 未实现 or 未建立 reported on a 实现 target
  kAwaitingPublication,  // 待公布 on a 实现 target
  kAchievementRequired,  // a number reported on a 实现 target
  kAchievementNotCounted,  // 未统计 on a 实现 target
  kTrendYearMissing,     // an earlier year of a trend has no usable value (`causes`)
  kTrend,                // the trend's values (`sequence`) moved or did not
  kPartsAsOne,           // one value for an indicator of parts (`whole`, `part_numbers`)
  kParts,                // how many parts met (`parts_met` of `parts_total`)
};

struct Reason {
  ReasonKind kind = ReasonKind::kNone;
  int year = 0;     // the year concerned
  std::string key;  // the count or part concerned, when not the indicator itself
  ReportKind report = ReportKind::kNothing;   // kReportedAbsent, kNumberRequired
  std::optional<Computation> computation;     // kCompared, kFinding: how the value came
  int relation = 0;  // kCompared: the sign of value − target value
  std::optional<Finding> finding;             // kFinding
  std::vector<Reason> causes;                 // kTrendYearMissing: why that year has no value
  // kTrend: the years' values, oldest first, and whether they moved the
  // target's way every year.
  std::vector<std::pair<int, VerdictValue>> sequence;
  bool moved = false;
  // kTrend with a marked change (明显下降 by at least x %): the relative
  // change in %, whether it reached x; unset when the earlier value is not
  // positive and no relative change exists.
  std::optional<VerdictValue> change_percent;
  bool change_reached = false;
  VerdictValue whole;                      // kPartsAsOne: the single value reported
  std::vector<std::string> part_numbers;   // kPartsAsOne: "25.1", "25.2"
  int parts_met = 0, parts_total = 0;      // kParts
};

struct Verdict {
  std::string indicator;  // "1", or "25.2" for a part
  VerdictStatus status = VerdictStatus::kMissing;
  VerdictValue value;     // nothing when none was usable
  // The framework's target this verdict was judged against (for a part, the
  // indicator's target, whose parts[part] applies); null when the framework
  // has none that year.  Points into the assessed framework.
  const Target* target = nullptr;
  int part = -1;
  Reason reason;
  std::vector<Verdict> parts;  // for part indicators, one verdict per part
};

// The value as shown: the value, or a part indicator's values "100，70".
std::string ValueText(const Verdict& verdict);
// The same appended to `out`.
void AppendValueText(std::string& out, const Verdict& verdict);
// The target as the framework writes it: "≥74.6", "明显下降"; "" for none.
std::string TargetText(const Verdict& verdict);
// The reason in a clerk's words, with the target for what was judged:
// "74.3 < 74.6 (目标 74.6)", "2022年未报告 (目标 ≥74.6)", "2022年无目标".
std::string ReasonText(const Verdict& verdict);
// The same with the verdict's TargetText already made (a writer that shows
// both makes it once).
std::string ReasonText(const Verdict& verdict, std::string_view target_text);
// The same appended to `out`: a long report words a reason for every verdict.
void AppendReasonText(std::string& out, const Verdict& verdict, std::string_view target_text);

}  // namespace healthact

#endif  // HEALTHACT_VERDICT_HPP_
