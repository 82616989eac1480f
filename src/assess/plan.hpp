// What assessing against a framework needs of the framework alone, derived
// once on first use and shared by the framework's copies (Framework keeps
// it): the scoring weights, the years that have targets, the grades and
// their minimums, and every indicator's range and comparison targets
// compiled at the common column scales.  Derived per assessment they cost
// more than assessing one county, which is what a vendor's check of one
// unit does (hact_validate_unit).  Internal header.
#ifndef HEALTHACT_SRC_ASSESS_PLAN_HPP_
#define HEALTHACT_SRC_ASSESS_PLAN_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assess/compiled_target.hpp"
#include "assess/scoring.hpp"
#include "healthact/model/framework.hpp"

namespace healthact {

struct IndicatorPlan {
  ValueRange range;  // Indicator::PlausibleRange()
  columnar::AtPlannedScales<columnar::CompiledRange> ranges;
  // For indicator.targets[t]: [0] its comparison, or [p] the comparison of
  // part p of a two-part target; empty for other targets.
  std::vector<std::vector<columnar::AtPlannedScales<columnar::CompiledComparison>>> comparisons;

  // The planned comparisons of `target` (one of the indicator's), or null.
  const columnar::AtPlannedScales<columnar::CompiledComparison>* Comparison(const Indicator& indicator,
                                                                            const Target& target,
                                                                            std::size_t part) const;
};

// A consistency rule: the indicators whose verdicts it judges (by index)
// and its sides' keys when they are plain figures (validation_internal.hpp).
struct RulePlan {
  std::vector<std::size_t> judged;
  std::optional<std::string> left_key, right_key;
};

struct AssessmentPlan {
  ScoringPlan scoring;
  std::vector<int> target_years;  // Framework::TargetYears()
  std::vector<Grade> grades;      // the framework's, or DefaultGrades()
  std::vector<std::int64_t> grade_minimums;  // scoring::GradeMinimums(grades)
  std::vector<IndicatorPlan> indicators;     // in the framework's order
  std::vector<RulePlan> rules;               // in the framework's order
};

const AssessmentPlan& PlanOf(const Framework& framework);

}  // namespace healthact

#endif  // HEALTHACT_SRC_ASSESS_PLAN_HPP_
