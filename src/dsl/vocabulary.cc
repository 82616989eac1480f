#include "vocabulary.hpp"

#include "../strings.hpp"

#include <initializer_list>
#include <utility>

namespace healthact::dsl {
namespace {

// Looks `text` up among (spelling, value) pairs.
template <typename T>
std::optional<T> Lookup(std::string_view text,
                        std::initializer_list<std::pair<std::string_view, T>> words) {
  return text::FindWord(words, text);
}

}  // namespace

const KeywordSpelling& Spelling(Keyword keyword) {
  for (const KeywordSpelling& spelling : kKeywords) {
    if (spelling.keyword == keyword) return spelling;
  }
  return kKeywords[0];
}

std::optional<Keyword> LookupKeyword(std::string_view text) {
  for (const KeywordSpelling& spelling : kKeywords) {
    if (spelling.chinese == text || spelling.ascii == text) return spelling.keyword;
  }
  return std::nullopt;
}

std::optional<Direction> ParseDirection(std::string_view text) {
  return Lookup<Direction>(text, {{"越高越好", Direction::kHigherIsBetter},
                                  {"higher", Direction::kHigherIsBetter},
                                  {"越低越好", Direction::kLowerIsBetter},
                                  {"lower", Direction::kLowerIsBetter}});
}

std::optional<Category> ParseCategory(std::string_view text) {
  return Lookup<Category>(text, {{"结果性", Category::kOutcome},
                                 {"outcome", Category::kOutcome},
                                 {"个人和社会倡导性", Category::kAdvocacy},
                                 {"advocacy", Category::kAdvocacy},
                                 {"政府工作性", Category::kGovernmentWork},
                                 {"government_work", Category::kGovernmentWork}});
}

std::optional<BindingForce> ParseBindingForce(std::string_view text) {
  return Lookup<BindingForce>(text, {{"约束性", BindingForce::kBinding},
                                     {"binding", BindingForce::kBinding},
                                     {"预期性", BindingForce::kExpected},
                                     {"expected", BindingForce::kExpected},
                                     {"倡导性", BindingForce::kAdvocated},
                                     {"advocated", BindingForce::kAdvocated}});
}

std::optional<Rounding> ParseRounding(std::string_view text) {
  return Lookup<Rounding>(text, {{"四舍五入", Rounding::kHalfUp},
                                 {"half_up", Rounding::kHalfUp},
                                 {"四舍六入五成双", Rounding::kHalfEven},
                                 {"half_even", Rounding::kHalfEven},
                                 {"截断", Rounding::kTruncate},
                                 {"truncate", Rounding::kTruncate},
                                 {"向下取整", Rounding::kFloor},
                                 {"floor", Rounding::kFloor},
                                 {"向上取整", Rounding::kCeiling},
                                 {"ceiling", Rounding::kCeiling}});
}

std::optional<Comparator> ParseComparator(std::string_view text) {
  return Lookup<Comparator>(text, {{"≤", Comparator::kAtMost},
                                   {"<=", Comparator::kAtMost},
                                   {"≦", Comparator::kAtMost},
                                   {"≥", Comparator::kAtLeast},
                                   {">=", Comparator::kAtLeast},
                                   {"≧", Comparator::kAtLeast},
                                   {"<", Comparator::kBelow},
                                   {"＜", Comparator::kBelow},
                                   {">", Comparator::kAbove},
                                   {"＞", Comparator::kAbove},
                                   {"=", Comparator::kEqual},
                                   {"＝", Comparator::kEqual}});
}

std::optional<TrendKind> ParseTrendKind(std::string_view text) {
  return Lookup<TrendKind>(text, {{"下降", TrendKind::kFall},
                                  {"fall", TrendKind::kFall},
                                  {"明显下降", TrendKind::kMarkedFall},
                                  {"marked_fall", TrendKind::kMarkedFall},
                                  {"持续下降", TrendKind::kContinuousFall},
                                  {"continuous_fall", TrendKind::kContinuousFall},
                                  {"上升", TrendKind::kRise},
                                  {"rise", TrendKind::kRise},
                                  {"明显上升", TrendKind::kMarkedRise},
                                  {"marked_rise", TrendKind::kMarkedRise},
                                  {"持续上升", TrendKind::kContinuousRise},
                                  {"continuous_rise", TrendKind::kContinuousRise}});
}

std::optional<Absence> ParseAbsence(std::string_view text) {
  return Lookup<Absence>(text, {{"未建立", Absence::kNotEstablished},
                                {"not_established", Absence::kNotEstablished},
                                {"未统计", Absence::kNotCounted},
                                {"not_counted", Absence::kNotCounted},
                                {"--", Absence::kNotApplicable},
                                {"——", Absence::kNotApplicable},
                                {"－－", Absence::kNotApplicable},
                                {"n/a", Absence::kNotApplicable}});
}

bool IsAchievementWord(std::string_view text) { return text == "实现" || text == "achieved"; }

std::optional<PartialCredit> ParsePartialCredit(std::string_view text) {
  return Lookup<PartialCredit>(text, {{"无", PartialCredit::kNone},
                                      {"none", PartialCredit::kNone},
                                      {"线性", PartialCredit::kLinear},
                                      {"linear", PartialCredit::kLinear}});
}

std::optional<Severity> ParseSeverity(std::string_view text) {
  return Lookup<Severity>(text, {{"错误", Severity::kError},
                                 {"error", Severity::kError},
                                 {"警告", Severity::kWarning},
                                 {"warning", Severity::kWarning}});
}

std::string_view SeverityWord(Severity severity) {
  return severity == Severity::kError ? "错误" : "警告";
}

}  // namespace healthact::dsl
