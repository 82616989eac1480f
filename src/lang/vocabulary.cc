#include "lang/vocabulary.hpp"

#include "core/strings.hpp"
#include "model/vocabulary.hpp"

#include <utility>

namespace healthact::dsl {

namespace words = ::healthact::vocabulary;

std::optional<Direction> ParseDirection(std::string_view text) {
  return words::Lookup(words::kDirections, text);
}
std::optional<Category> ParseCategory(std::string_view text) {
  return words::Lookup(words::kCategories, text);
}
std::optional<BindingForce> ParseBindingForce(std::string_view text) {
  return words::Lookup(words::kBindingForces, text);
}
std::optional<Rounding> ParseRounding(std::string_view text) {
  return words::Lookup(words::kRoundings, text);
}
std::optional<Comparator> ParseComparator(std::string_view text) {
  return words::Lookup(words::kComparators, text);
}
std::optional<TrendKind> ParseTrendKind(std::string_view text) {
  return words::Lookup(words::kTrendKinds, text);
}
std::optional<Absence> ParseAbsence(std::string_view text) {
  return words::Lookup(words::kAbsences, text);
}

bool IsAchievementWord(std::string_view text) { return text == "实现" || text == "achieved"; }

std::optional<PartialCredit> ParsePartialCredit(std::string_view text) {
  return words::Lookup(words::kPartialCredits, text);
}
std::optional<Severity> ParseSeverity(std::string_view text) {
  return words::Lookup(words::kSeverities, text);
}

}  // namespace healthact::dsl
