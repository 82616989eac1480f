// The two halves of ValidateUnit, for the assessment, which needs the
// figures' findings only for units with an invalid verdict.  Internal header.
#ifndef HEALTHACT_SRC_VALIDATION_INTERNAL_HPP_
#define HEALTHACT_SRC_VALIDATION_INTERNAL_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "assess/column_lookup.hpp"
#include "healthact/assess/validation.hpp"

namespace healthact::validation {

// The finding of one broken rule, or nullopt (kept, or not decidable).
std::optional<Finding> CheckRule(const Framework& framework, const ConsistencyRule& rule,
                                 const Observations& observations, UnitId unit, int year);

// The findings on the figures (ranges, rates against counts, parts).
// The key of a rule's side that is one plain figure of the year assessed
// ([3], not a formula indicator, not rounded); empty for any other side.
std::optional<std::string> PlainFigureKey(const Framework& framework, const Formula& side);

// The units (by position in `units`) of which a rule `left comparator
// right` surely says nothing, decided on the columns without a rational:
// both sides plain figures (their PlainFigureKey), and either a figure not
// reported as a number (the rule cannot be judged, as CheckRule's sides
// say), or both in narrow columns and the rule holding on their scaled
// integers (CheckRule finds nothing then either: a figure out of its range
// makes it say nothing too): 1 in `silent` (units.size() entries, the
// caller's storage).  Every other unit is 0, for CheckRule to judge.
void RuleSaysNothingByColumns(Comparator comparator, const std::optional<std::string>& left_key,
                              const std::optional<std::string>& right_key, ColumnLookup& columns,
                              const std::vector<UnitId>& units, int year, std::span<std::uint8_t> silent);

std::vector<Finding> FigureFindings(const Framework& framework, const Observations& observations,
                                    UnitId unit, int year,
                                    TargetChoice choice = TargetChoice::kOfTheYear);

}  // namespace healthact::validation

#endif  // HEALTHACT_SRC_VALIDATION_INTERNAL_HPP_
