// The words of the DSL: statement keywords (each with its Chinese spelling,
// the canonical one, and an ASCII alias) and the words of values.  The
// grammar matches keywords from this table; the checker reads values with the
// functions below; the printer writes the canonical spellings.
#ifndef HEALTHACT_SRC_DSL_VOCABULARY_HPP_
#define HEALTHACT_SRC_DSL_VOCABULARY_HPP_

#include <array>
#include <optional>
#include <string_view>

#include "healthact/core/decimal.hpp"
#include "healthact/model/framework.hpp"
#include "model/vocabulary.hpp"

namespace healthact::dsl {

// The keywords and their spellings are the model's (model/vocabulary.hpp),
// so that the canonical form, which the model owns, writes them too.
using vocabulary::Keyword;
using vocabulary::KeywordSpellingOf;
using vocabulary::KeywordSpelling;
using vocabulary::kKeywords;
using vocabulary::kPriorYearChinese;
using vocabulary::kPriorYearAscii;
using vocabulary::Spelling;
using vocabulary::LookupKeyword;

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

}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_DSL_VOCABULARY_HPP_
