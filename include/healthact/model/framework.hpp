// The assessment framework (考核指标框架): indicators, baselines and targets
// exactly as a document states them, typed and checked.
//
// A Framework is produced only by the checker (see dsl.hpp) and is immutable
// afterwards; share it as std::shared_ptr<const Framework> across threads.
#ifndef HEALTHACT_FRAMEWORK_HPP_
#define HEALTHACT_FRAMEWORK_HPP_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "healthact/core/decimal.hpp"
#include "healthact/core/diagnostic.hpp"
#include "healthact/core/measure_unit.hpp"
#include "healthact/model/organisation.hpp"

namespace healthact {

// Which way an indicator improves.  A bare target ("74.6") is read through
// it: a floor when higher is better, a ceiling when lower is better.
enum class Direction : std::int32_t { kUnspecified = 0, kHigherIsBetter = 1, kLowerIsBetter = 2 };

// The three kinds of indicator the seeds name (结果性 / 个人和社会倡导性 / 政府工作性).
enum class Category : std::int32_t { kOutcome = 1, kAdvocacy = 2, kGovernmentWork = 3 };

// The binding force national plans give an indicator (约束性 / 预期性 / 倡导性).
enum class BindingForce : std::int32_t { kBinding = 1, kExpected = 2, kAdvocated = 3 };

// ≤ ≥ < > =.
enum class Comparator : std::int32_t { kAtMost = 1, kAtLeast = 2, kBelow = 3, kAbove = 4, kEqual = 5 };

// A value the document states as absent rather than a number.
enum class Absence : std::int32_t {
  kNotEstablished = 1,  // 未建立: the mechanism does not exist yet
  kNotCounted = 2,      // 未统计: no statistic was collected
  kNotApplicable = 3,   // --: nothing applies
};

// The falls (and rises) a trend target may ask for.
enum class TrendKind : std::int32_t {
  kFall = 1,             // 下降: lower than the year before
  kMarkedFall = 2,       // 明显下降: lower by at least the framework's stated share
  kContinuousFall = 3,   // 持续下降: lower year on year for the stated number of years
  kRise = 4,             // 上升
  kMarkedRise = 5,       // 明显上升
  kContinuousRise = 6,   // 持续上升
};

// Where a statement comes from: a document and a place in it.
struct Citation {
  std::string document;  // "柳州市推进健康中国行动考核办法"
  std::string locator;   // "附件3"
  bool empty() const { return document.empty() && locator.empty(); }
  friend bool operator==(const Citation&, const Citation&) = default;
};

// Whether `left comparator right` holds: the one meaning of a comparator,
// for decimals, exact rationals and scaled integers alike.
template <typename T>
bool Holds(Comparator comparator, const T& left, const T& right) {
  switch (comparator) {
    case Comparator::kAtMost: return left <= right;
    case Comparator::kAtLeast: return left >= right;
    case Comparator::kBelow: return left < right;
    case Comparator::kAbove: return left > right;
    case Comparator::kEqual: return left == right;
  }
  return false;
}

// "≥90.86", or a bare "77.8" whose comparator comes from the direction.
struct ComparisonTarget {
  Comparator comparator = Comparator::kAtLeast;  // resolved, also for bare values
  Decimal value;
  bool written_bare = false;  // the document wrote no comparator

  // Whether a reported value meets the target: exact, no rounding.
  bool IsMetBy(const Decimal& reported) const { return Holds(comparator, reported, value); }

  friend bool operator==(const ComparisonTarget&, const ComparisonTarget&) = default;
};

// 实现: the thing is done (a mechanism established).
struct AchievementTarget {
  friend bool operator==(const AchievementTarget&, const AchievementTarget&) = default;
};

// 下降 / 明显下降 / 持续下降 and the rises, with the framework's parameters
// resolved into the target so that evaluation needs nothing else.
struct TrendTarget {
  TrendKind kind = TrendKind::kFall;
  std::optional<Decimal> marked_change_percent;  // for 明显…: relative change, in %
  std::optional<int> continuous_years;           // for 持续…: years of change in a row
  friend bool operator==(const TrendTarget&, const TrendTarget&) = default;
};

// 下降, 明显下降, 持续下降 fall; the rises rise.
constexpr bool IsFall(TrendKind kind) {
  return kind == TrendKind::kFall || kind == TrendKind::kMarkedFall ||
         kind == TrendKind::kContinuousFall;
}
constexpr bool IsContinuous(TrendKind kind) {
  return kind == TrendKind::kContinuousFall || kind == TrendKind::kContinuousRise;
}
constexpr bool IsMarked(TrendKind kind) {
  return kind == TrendKind::kMarkedFall || kind == TrendKind::kMarkedRise;
}
// How many years before the year assessed a trend reads: 持续 reads its
// stated number of years, the others the year before.
inline int TrendYearsBack(const TrendTarget& trend) {
  return IsContinuous(trend.kind) ? trend.continuous_years.value_or(1) : 1;
}

// "100，70": one comparison per part, in the order of the indicator's parts.
struct PartsTarget {
  std::vector<ComparisonTarget> parts;
  friend bool operator==(const PartsTarget&, const PartsTarget&) = default;
};

// "--": no target applies in that year.
struct NotApplicableTarget {
  friend bool operator==(const NotApplicableTarget&, const NotApplicableTarget&) = default;
};

using TargetForm =
    std::variant<ComparisonTarget, AchievementTarget, TrendTarget, PartsTarget, NotApplicableTarget>;

struct Target {
  int year = 0;
  TargetForm form;
  Citation source;  // empty: the framework's own source
  friend bool operator==(const Target&, const Target&) = default;
};

// The baseline (基期水平) with its own year: a value, one value per part, the
// fact that it is already achieved, or a stated absence.
struct Achieved {
  friend bool operator==(const Achieved&, const Achieved&) = default;
};
using BaselineValue = std::variant<Decimal, std::vector<Decimal>, Achieved, Absence>;
struct Baseline {
  std::optional<int> year;  // unset: the document states no year (基期 -- 76.8)
  BaselineValue value;
  friend bool operator==(const Baseline&, const Baseline&) = default;
};

// A part of a two-part indicator: "25.1" 乡镇卫生院、社区卫生服务中心.
struct IndicatorPart {
  std::string number;
  std::string name;
  friend bool operator==(const IndicatorPart&, const IndicatorPart&) = default;
};

// The values a figure can take (合理范围): a figure outside its range cannot
// be true, and no verdict rests on it.  An unset bound is open.
struct ValueRange {
  std::optional<Decimal> minimum;
  std::optional<Decimal> maximum;
  bool whole = false;  // whole numbers only: head counts, cases, items

  friend bool operator==(const ValueRange&, const ValueRange&) = default;
};

// The range a unit of measure implies: a share in % lies in 0–100, ‰ in
// 0–1000, 1/10万 in 0–100 000, 岁 in 0–150; hours and per-thousand figures
// are non-negative; persons, cases and items are non-negative whole numbers.
ValueRange DefaultRange(MeasureUnit unit);
// "0–150 岁", "≥0 小时", "0 以上的整数 人".
std::string RangeText(const ValueRange& range, std::optional<MeasureUnit> unit);

// A raw count reported by units, from which formulas derive rates.
struct CountDeclaration {
  std::string name;  // 婴儿死亡数
  MeasureUnit measure_unit = MeasureUnit::kPersons;
  friend bool operator==(const CountDeclaration&, const CountDeclaration&) = default;
};

// A rate derived from counts, e.g. 婴儿死亡数 / 活产数 * 1000.  Stored as a
// flat tree: nodes refer to their operands by index; the root is last.
//
// Consistency rules use the same tree with one more kind of leaf: an
// indicator's (or a part's) value, of the year assessed or an earlier one.
struct FormulaNode {
  enum class Kind : std::int32_t { kCount, kConstant, kAdd, kSubtract, kMultiply, kDivide, kIndicator };
  Kind kind = Kind::kConstant;
  std::string count;   // kCount: the declared count's name; kIndicator: the indicator or part number
  int years_back = 0;  // kCount, kIndicator in a rule: 0 the year assessed, 1 the year before
  Decimal constant;    // kConstant
  int left = -1;       // operands of the arithmetic kinds
  int right = -1;
  friend bool operator==(const FormulaNode&, const FormulaNode&) = default;
};
struct Formula {
  std::vector<FormulaNode> nodes;  // root is nodes.back()
  std::optional<int> round_places; // unset: compared exactly, never rounded
  Rounding rounding = Rounding::kHalfUp;
  friend bool operator==(const Formula&, const Formula&) = default;
};

// A consistency rule (校验): a comparison between expressions over one
// unit's figures for a year and its earlier years, e.g. 5岁以下儿童死亡率 ≥
// 婴儿死亡率.  A broken error-level rule makes the verdicts of the
// indicators it names invalid; a warning-level one is listed only.
struct ConsistencyRule {
  Formula left;
  Comparator comparator = Comparator::kAtLeast;
  Formula right;
  Severity severity = Severity::kError;
  std::string text;     // the comparison as written canonically: "[3] ≥ [2]"; names the rule
  std::string message;  // the framework's words; empty: made from the values
  // The indicators whose verdicts the rule judges: those it names for the
  // year assessed, and the formula indicators computed from counts it names.
  std::vector<std::string> indicators;
  friend bool operator==(const ConsistencyRule&, const ConsistencyRule&) = default;
};

// The formula as the framework writes it: "婴儿死亡数 / 活产数 * 1000", "[3]",
// "上年[1] * 1.2".
std::string FormulaText(const Formula& formula);

// What the framework says a "marked" or "continuous" change is.  Set at the
// framework level and optionally overridden by one indicator.
struct TrendRules {
  std::optional<Decimal> marked_change_percent;
  std::optional<int> continuous_years;
  friend bool operator==(const TrendRules&, const TrendRules&) = default;
};

// How scores are computed from verdicts (the 评分 statements of a framework).
enum class PartialCredit : std::int32_t {
  kNone = 0,    // 无: a missed target earns nothing
  kLinear = 1,  // 线性: the share of the way from the baseline to the target, in [0, 1]
};
struct Grade {
  std::string name;  // 优秀
  Decimal minimum;   // the lowest score of the grade
  friend bool operator==(const Grade&, const Grade&) = default;
};
struct Scoring {
  // Weights as written: per indicator (by number) and per basis group (split
  // equally among the group's indicators).  Indicators with no weight share
  // what is left of 100 equally; with no weights at all, every indicator
  // weighs the same.
  std::vector<std::pair<std::string, Decimal>> indicator_weights;
  std::vector<std::pair<std::string, Decimal>> basis_weights;
  PartialCredit partial_credit = PartialCredit::kNone;
  std::vector<Grade> grades;  // highest minimum first; empty: DefaultGrades()
  friend bool operator==(const Scoring&, const Scoring&) = default;
};
// 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below.
const std::vector<Grade>& DefaultGrades();

// How departments are assessed on their duties (部门考核 and 任务得分
// statements).  The seeds have each county assess "所辖乡镇和部门" by rules of
// its own and state none, so a framework that assesses departments states
// its rule: a department's score is its task score and its action-indicator
// score weighed together, each out of 100.
//   * Tasks: those it owns in the committee's meetings that are due in the
//     year, each earning the share of its state on the day assessed; a task
//     not yet due (进行中) is not judged.
//   * Action indicators: those of the special actions its working groups
//     lead, judged on the city's value and scored as a county's are (a
//     department reports no population figure of its own).
// A part with nothing to judge is left out and the other weighs alone.
enum class DepartmentPart : std::uint8_t { kTasks, kActionIndicators };
struct DepartmentRule {
  Decimal task_weight;       // 部门考核 任务 60
  Decimal indicator_weight;  // 部门考核 行动指标 40
  // Out of 100, by the task's state (任务得分 逾期完成 50).
  Decimal done = Decimal::FromInt(100);
  Decimal done_late;
  Decimal overdue;
  // The credit of a state; nullopt for 进行中, which is not judged.
  std::optional<Decimal> CreditOf(TaskState state) const;
  friend bool operator==(const DepartmentRule&, const DepartmentRule&) = default;
};

// Which of an indicator's targets a year's figures are judged against.
enum class TargetChoice : std::uint8_t {
  kOfTheYear = 0,  // that year's target only: an assessment
  kInForce = 1,    // that year's, else the nearest later one (a 2022 target is what 2020 and 2021
                   // progress toward), else the latest: monitoring
};

// A special action (专项行动) of the plan, e.g. 健康知识普及行动: a working
// group led by one department carries it out and reports on it each year.
// The indicators that measure it name it.
struct SpecialAction {
  std::string name;
  friend bool operator==(const SpecialAction&, const SpecialAction&) = default;
};

struct Indicator {
  std::string number;  // "9", "25"
  std::string name;    // 每千常住人口执业（助理）医师数
  std::optional<MeasureUnit> measure_unit;  // none for qualitative indicators (实现)
  std::string basis;   // 《“健康广西2030”规划》
  std::optional<Category> category;
  // The special action it measures; empty for the plan's overall goals
  // (人均预期寿命 and the like), which belong to no action.
  std::string action;
  std::optional<BindingForce> binding;
  Direction direction = Direction::kUnspecified;
  std::vector<IndicatorPart> parts;  // empty unless the indicator has parts
  std::optional<Baseline> baseline;
  std::vector<Target> targets;       // ordered by year, one per year
  std::optional<Formula> formula;
  TrendRules trend_rules;            // this indicator's overrides only
  Citation source;
  // For a rate reported without counts: the count whose sum weighs the units'
  // rates when a parent's value is aggregated (e.g. 常住人口).  Unset: such a
  // rate cannot be aggregated.
  std::optional<std::string> aggregate_weight;
  // The range the framework states (范围); unset: DefaultRange(*unit).
  std::optional<ValueRange> range;

  // The target for `year`, or nullptr.
  const Target* TargetFor(int year) const;
  const Target* TargetFor(int year, TargetChoice choice) const;
  bool is_qualitative() const { return !measure_unit.has_value(); }
  // The range its figures (and its parts') must lie in: the stated one, or
  // the measure unit's default; unbounded for a qualitative indicator.
  ValueRange PlausibleRange() const;

  friend bool operator==(const Indicator&, const Indicator&) = default;
};

struct AssessmentPlan;  // src/assess/plan.hpp: derived once per framework

// The whole framework.  Built by the checker; immutable afterwards.
class Framework {
 public:
  struct Contents {
    std::string name;
    Citation source;
    TrendRules trend_rules;
    std::vector<CountDeclaration> counts;
    std::vector<SpecialAction> actions;  // in document order
    Scoring scoring;
    std::optional<DepartmentRule> department_rule;  // unset: departments are not assessed
    std::vector<Indicator> indicators;  // in document order
    std::vector<ConsistencyRule> rules;  // in document order
    friend bool operator==(const Contents&, const Contents&) = default;
  };

  explicit Framework(Contents contents);

  const std::string& name() const { return contents_.name; }
  const Citation& source() const { return contents_.source; }
  const TrendRules& trend_rules() const { return contents_.trend_rules; }
  const std::vector<CountDeclaration>& counts() const { return contents_.counts; }
  const std::vector<SpecialAction>& actions() const { return contents_.actions; }
  const Scoring& scoring() const { return contents_.scoring; }
  const std::optional<DepartmentRule>& department_rule() const { return contents_.department_rule; }
  const std::vector<Indicator>& indicators() const { return contents_.indicators; }
  const std::vector<ConsistencyRule>& rules() const { return contents_.rules; }
  const Contents& contents() const { return contents_; }

  // By number as written ("9", "25"); nullptr when absent.
  const Indicator* FindIndicator(std::string_view number) const;
  const CountDeclaration* FindCount(std::string_view name) const;

  // Every year that has at least one target, ascending.
  std::vector<int> TargetYears() const;

  friend bool operator==(const Framework& a, const Framework& b) {
    return a.contents_ == b.contents_;
  }

 private:
  // What assessment derives from the framework alone (weights, compiled
  // targets), computed on first use and shared by copies: per assessment it
  // costs more than assessing one county.
  friend const AssessmentPlan& PlanOf(const Framework& framework);
  struct DerivedCache {
    std::once_flag once;
    std::shared_ptr<const AssessmentPlan> plan;
  };

  Contents contents_;
  std::map<std::string, std::size_t, std::less<>> by_number_;
  std::shared_ptr<DerivedCache> derived_ = std::make_shared<DerivedCache>();
};

// The canonical text of a framework: Chinese keywords, one statement per
// line, the basis written where it changes.  ParseFramework(FormatFramework(f))
// (dsl.hpp) gives a framework equal to f.  A framework that extended another
// is written out whole.
std::string FormatFramework(const Framework& framework);

// Text of the pieces, as the documents write them.
std::string_view ComparatorSymbol(Comparator comparator);  // "≥"
std::string_view DirectionName(Direction direction);       // "越高越好"
std::string_view CategoryName(Category category);          // "结果性"
std::string_view BindingForceName(BindingForce binding);   // "预期性"
std::string_view AbsenceName(Absence absence);             // "未建立"
std::string_view TrendKindName(TrendKind kind);            // "明显下降"
std::string_view RoundingName(Rounding rounding);          // "四舍五入"
std::string_view PartialCreditName(PartialCredit credit);  // "线性"
std::string_view DepartmentPartName(DepartmentPart part);  // "行动指标"

// The target as a document writes it: "≥90.86", "77.8", "实现", "明显下降",
// "100，70", "--".  Bare values stay bare.
std::string TargetText(const TargetForm& form);
// The baseline value as written: "76.8", "100，65", "未建立".
std::string BaselineText(const BaselineValue& value);

}  // namespace healthact

#endif  // HEALTHACT_FRAMEWORK_HPP_
