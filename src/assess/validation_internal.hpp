// The two halves of ValidateUnit, for the assessment, which needs the
// figures' findings only for units with an invalid verdict.  Internal header.
#ifndef HEALTHACT_SRC_VALIDATION_INTERNAL_HPP_
#define HEALTHACT_SRC_VALIDATION_INTERNAL_HPP_

#include <optional>
#include <vector>

#include "healthact/assess/validation.hpp"

namespace healthact::validation {

// The finding of one broken rule, or nullopt (kept, or not decidable).
std::optional<Finding> CheckRule(const Framework& framework, const ConsistencyRule& rule,
                                 const Observations& observations, UnitId unit, int year);

// The findings on the figures (ranges, rates against counts, parts).
std::vector<Finding> FigureFindings(const Framework& framework, const Observations& observations,
                                    UnitId unit, int year,
                                    TargetChoice choice = TargetChoice::kOfTheYear);

}  // namespace healthact::validation

#endif  // HEALTHACT_SRC_VALIDATION_INTERNAL_HPP_
