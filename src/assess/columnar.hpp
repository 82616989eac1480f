// The columnar path of the assessment (columnar.cc).  Internal header.
#ifndef HEALTHACT_SRC_COLUMNAR_HPP_
#define HEALTHACT_SRC_COLUMNAR_HPP_

#include <vector>

#include "assess/column_lookup.hpp"
#include "assess/plan.hpp"
#include "healthact/assess/assessment.hpp"

namespace healthact::columnar {

// Fills out[0 .. units.size()) with the status of each unit on `indicator`
// in `year`: the same as evaluation::Evaluate gives one unit at a time.
// `plan` is the indicator's in PlanOf(its framework); the observations are
// `columns`'.
// `all_units`: units are exactly 0 .. n-1, so no indirection is needed.
void EvaluateIndicator(const Indicator& indicator, const IndicatorPlan& plan, ColumnLookup& columns, int year,
                       TargetChoice choice, const std::vector<UnitId>& units, bool all_units,
                       VerdictStatus* out);

}  // namespace healthact::columnar

#endif  // HEALTHACT_SRC_COLUMNAR_HPP_
