// A parent's own values from its children's: the city's figures from its
// counties', a county's from its townships'.
//
// A rate is never the mean of the children's rates.  For a formula indicator
// the counts are summed and the formula applied to the sums (Σ deaths / Σ
// births × 1000).  A rate reported without counts is the mean weighted by
// the indicator's 汇总权重 count (e.g. 常住人口), rounded half-up to the most
// decimals any child used; without one it is not aggregatable, and said so.
#ifndef HEALTHACT_AGGREGATION_HPP_
#define HEALTHACT_AGGREGATION_HPP_

#include <memory>
#include <string>
#include <vector>

#include "healthact/model/framework.hpp"
#include "healthact/data/observations.hpp"

namespace healthact {

struct AggregationNote {
  std::string unit;    // the parent
  std::string key;     // indicator, part or count
  std::string reason;  // why it has no aggregated value
};

struct AggregationResult {
  // The input with every parent's aggregated values added; values a parent
  // reported itself are kept, not overwritten.
  std::shared_ptr<Observations> observations;
  std::vector<AggregationNote> notes;
};

AggregationResult AggregateUp(const Framework& framework, const Observations& observations, int year);

}  // namespace healthact

#endif  // HEALTHACT_AGGREGATION_HPP_
