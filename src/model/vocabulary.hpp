// The words of the documents for each enumeration of the model, Chinese and
// English, in one two-way table per enumeration: the parser reads them
// (either language), the printer and every message write the Chinese one, and
// the lists of words in messages ("越高越好 or 越低越好") are made from the
// same tables, so that they cannot drift apart.  Internal header.
#ifndef HEALTHACT_SRC_VOCABULARY_HPP_
#define HEALTHACT_SRC_VOCABULARY_HPP_

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "healthact/core/messages.hpp"
#include "healthact/core/decimal.hpp"
#include "healthact/core/diagnostic.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/model/organisation.hpp"
#include "healthact/model/reporting_unit.hpp"

namespace healthact::vocabulary {

// One value's words: the canonical Chinese, the English, and other
// spellings a document may use (full-width symbols, ——).
template <typename E>
struct Word {
  E value;
  std::string_view chinese;
  std::string_view english;
  std::array<std::string_view, 3> aliases = {};
};

inline constexpr std::array<Word<Direction>, 2> kDirections = {{
    {Direction::kHigherIsBetter, "越高越好", "higher"},
    {Direction::kLowerIsBetter, "越低越好", "lower"},
}};
inline constexpr std::array<Word<Category>, 3> kCategories = {{
    {Category::kOutcome, "结果性", "outcome"},
    {Category::kAdvocacy, "个人和社会倡导性", "advocacy"},
    {Category::kGovernmentWork, "政府工作性", "government_work"},
}};
inline constexpr std::array<Word<BindingForce>, 3> kBindingForces = {{
    {BindingForce::kBinding, "约束性", "binding"},
    {BindingForce::kExpected, "预期性", "expected"},
    {BindingForce::kAdvocated, "倡导性", "advocated"},
}};
inline constexpr std::array<Word<Rounding>, 5> kRoundings = {{
    {Rounding::kHalfUp, "四舍五入", "half_up"},
    {Rounding::kHalfEven, "四舍六入五成双", "half_even"},
    {Rounding::kTruncate, "截断", "truncate"},
    {Rounding::kFloor, "向下取整", "floor"},
    {Rounding::kCeiling, "向上取整", "ceiling"},
}};
inline constexpr std::array<Word<Comparator>, 5> kComparators = {{
    {Comparator::kAtMost, "≤", "<=", {"≦"}},
    {Comparator::kAtLeast, "≥", ">=", {"≧"}},
    {Comparator::kBelow, "<", "<", {"＜"}},
    {Comparator::kAbove, ">", ">", {"＞"}},
    {Comparator::kEqual, "=", "=", {"＝"}},
}};
inline constexpr std::array<Word<TrendKind>, 6> kTrendKinds = {{
    {TrendKind::kFall, "下降", "fall"},
    {TrendKind::kMarkedFall, "明显下降", "marked_fall"},
    {TrendKind::kContinuousFall, "持续下降", "continuous_fall"},
    {TrendKind::kRise, "上升", "rise"},
    {TrendKind::kMarkedRise, "明显上升", "marked_rise"},
    {TrendKind::kContinuousRise, "持续上升", "continuous_rise"},
}};
inline constexpr std::array<Word<Absence>, 3> kAbsences = {{
    {Absence::kNotEstablished, "未建立", "not_established"},
    {Absence::kNotCounted, "未统计", "not_counted"},
    {Absence::kNotApplicable, "--", "n/a", {"——", "－－"}},
}};
inline constexpr std::array<Word<PartialCredit>, 2> kPartialCredits = {{
    {PartialCredit::kNone, "无", "none"},
    {PartialCredit::kLinear, "线性", "linear"},
}};
inline constexpr std::array<Word<UnitLevel>, 5> kUnitLevels = {{
    {UnitLevel::kCity, "市", "city"},
    {UnitLevel::kCounty, "县区", "county", {"县", "区"}},
    {UnitLevel::kTownship, "乡镇", "township", {"乡镇街道"}},
    {UnitLevel::kVillage, "村", "village", {"村社区"}},
    {UnitLevel::kDepartment, "部门", "department"},
}};
inline constexpr std::array<Word<DepartmentPart>, 2> kDepartmentParts = {{
    {DepartmentPart::kTasks, "任务", "tasks"},
    {DepartmentPart::kActionIndicators, "行动指标", "action_indicators"},
}};
inline constexpr std::array<Word<TaskState>, 4> kTaskStates = {{
    {TaskState::kDone, "按期完成", "done"},
    {TaskState::kDoneLate, "逾期完成", "done_late"},
    {TaskState::kOpen, "进行中", "open"},
    {TaskState::kOverdue, "逾期未完成", "overdue"},
}};
inline constexpr std::array<Word<Severity>, 2> kSeverities = {{
    {Severity::kError, "错误", "error"},
    {Severity::kWarning, "警告", "warning"},
}};

enum class Keyword {
  kFramework, kExtends, kSource, kBasis, kIndicator, kDrop, kCount,
  kMarkedChange, kContinuousYears,
  kUnit, kDirection, kCategory, kBinding, kBaseline, kTarget, kPart, kFormula, kRound,
  kWeight, kPartialCredit, kGrade, kAggregateWeight, kRange, kRule, kAction,
  kDepartmentWeight, kTaskCredit,
};

// A keyword's two spellings; shared by the framework and organisation
// vocabularies, and read by the grammars' KeywordParser.
template <typename Enum>
struct KeywordSpellingOf {
  Enum keyword;
  std::string_view chinese;  // canonical
  std::string_view ascii;    // alias, matched as a whole word
};
using KeywordSpelling = KeywordSpellingOf<Keyword>;

inline constexpr std::array<KeywordSpelling, 27> kKeywords = {{
    {Keyword::kFramework, "框架", "framework"},
    {Keyword::kExtends, "继承", "extends"},
    {Keyword::kSource, "来源", "source"},
    {Keyword::kBasis, "依据", "basis"},
    {Keyword::kIndicator, "指标", "indicator"},
    {Keyword::kDrop, "删除", "drop"},
    {Keyword::kCount, "计数", "count"},
    {Keyword::kMarkedChange, "明显下降幅度", "marked_change"},
    {Keyword::kContinuousYears, "持续下降年数", "continuous_years"},
    {Keyword::kUnit, "单位", "unit"},
    {Keyword::kDirection, "方向", "direction"},
    {Keyword::kCategory, "类别", "category"},
    {Keyword::kBinding, "属性", "binding"},
    {Keyword::kBaseline, "基期", "baseline"},
    {Keyword::kTarget, "目标", "target"},
    {Keyword::kPart, "分项", "part"},
    {Keyword::kFormula, "公式", "formula"},
    {Keyword::kRound, "保留", "round"},
    {Keyword::kWeight, "权重", "weight"},
    {Keyword::kPartialCredit, "部分得分", "partial_credit"},
    {Keyword::kGrade, "等级", "grade"},
    {Keyword::kAggregateWeight, "汇总权重", "aggregate_weight"},
    {Keyword::kRange, "范围", "range"},
    {Keyword::kRule, "校验", "rule"},
    {Keyword::kAction, "专项行动", "action"},
    {Keyword::kDepartmentWeight, "部门考核", "department_weight"},
    {Keyword::kTaskCredit, "任务得分", "task_credit"},
}};

// A rule's reference to last year's figure: 上年[3], prior[3].
inline constexpr std::string_view kPriorYearChinese = "上年";
inline constexpr std::string_view kPriorYearAscii = "prior";

// A keyword's spellings.
inline const KeywordSpelling& Spelling(Keyword keyword) {
  for (const KeywordSpelling& spelling : kKeywords) {
    if (spelling.keyword == keyword) return spelling;
  }
  return kKeywords[0];
}
// The keyword spelled `text` in either language.  The checker asks this of
// every statement: a hash of both spellings, made once, not a walk of the
// table's fifty-four strings.
inline std::optional<Keyword> LookupKeyword(std::string_view text) {
  static const absl::flat_hash_map<std::string_view, Keyword> kBySpelling = [] {
    absl::flat_hash_map<std::string_view, Keyword> by_spelling;
    for (const KeywordSpelling& spelling : kKeywords) {
      by_spelling.emplace(spelling.chinese, spelling.keyword);
      by_spelling.emplace(spelling.ascii, spelling.keyword);
    }
    return by_spelling;
  }();
  const auto found = kBySpelling.find(text);
  if (found == kBySpelling.end()) return std::nullopt;
  return found->second;
}

// The value a word names, in either language or any alias.
template <typename E, std::size_t N>
constexpr std::optional<E> Lookup(const std::array<Word<E>, N>& words, std::string_view text) {
  for (const Word<E>& word : words) {
    if (word.chinese == text || word.english == text) return word.value;
    for (std::string_view alias : word.aliases) {
      if (!alias.empty() && alias == text) return word.value;
    }
  }
  return std::nullopt;
}

// The canonical Chinese word for a value ("?" for a value not in the table).
template <typename E, std::size_t N>
constexpr std::string_view Chinese(const std::array<Word<E>, N>& words, E value) {
  for (const Word<E>& word : words) {
    if (word.value == value) return word.chinese;
  }
  return "?";
}

// The English word for a value: the key of JSON and of identifiers.
template <typename E, std::size_t N>
constexpr std::string_view English(const std::array<Word<E>, N>& words, E value) {
  for (const Word<E>& word : words) {
    if (word.value == value) return word.english;
  }
  return "?";
}

// "越高越好 or 越低越好": every canonical word, for messages.
template <typename E, std::size_t N>
std::string ChoiceList(const std::array<Word<E>, N>& words) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += i + 1 == N ? messages::Tr(" or ") : messages::Tr(", ");
    out += words[i].chinese;
  }
  return out;
}

}  // namespace healthact::vocabulary

#endif  // HEALTHACT_SRC_VOCABULARY_HPP_
