// The words of the DSL: statement keywords (each with its Chinese spelling,
// the canonical one, and an ASCII alias) and the words of values.  The
// grammar matches keywords from this table; the checker reads values with the
// functions below; the printer writes the canonical spellings.
#ifndef HEALTHACT_SRC_DSL_VOCABULARY_HPP_
#define HEALTHACT_SRC_DSL_VOCABULARY_HPP_

#include <array>
#include <optional>
#include <string_view>

#include "healthact/decimal.hpp"
#include "healthact/framework.hpp"

namespace healthact::dsl {

enum class Keyword {
  kFramework, kExtends, kSource, kBasis, kIndicator, kDrop, kCount,
  kMarkedChange, kContinuousYears,
  kUnit, kDirection, kCategory, kBinding, kBaseline, kTarget, kPart, kFormula, kRound,
  kWeight, kPartialCredit, kGrade, kAggregateWeight, kRange, kRule,
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

inline constexpr std::array<KeywordSpelling, 24> kKeywords = {{
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
}};

// A rule's reference to last year's figure: 上年[3], prior[3].
inline constexpr std::string_view kPriorYearChinese = "上年";
inline constexpr std::string_view kPriorYearAscii = "prior";

const KeywordSpelling& Spelling(Keyword keyword);
// The keyword spelled `text` in either language.
std::optional<Keyword> LookupKeyword(std::string_view text);

std::optional<Direction> ParseDirection(std::string_view text);
std::optional<Category> ParseCategory(std::string_view text);
std::optional<BindingForce> ParseBindingForce(std::string_view text);
std::optional<Rounding> ParseRounding(std::string_view text);
std::optional<Comparator> ParseComparator(std::string_view text);
std::optional<TrendKind> ParseTrendKind(std::string_view text);
std::optional<Absence> ParseAbsence(std::string_view text);
bool IsAchievementWord(std::string_view text);  // 实现, achieved
std::optional<PartialCredit> ParsePartialCredit(std::string_view text);
std::optional<Severity> ParseSeverity(std::string_view text);  // 错误, error, 警告, warning
std::string_view SeverityWord(Severity severity);               // 错误, 警告

}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_DSL_VOCABULARY_HPP_
