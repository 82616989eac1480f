// Validation (校验) of one unit's figures: what cannot be true is found and
// said, so that no verdict rests on it.
//
// A finding is a figure outside the range its indicator or count can take
// (999 岁), a rate that disagrees with the counts it is computed from, a
// two-part indicator reported as one value, or a broken consistency rule of
// the framework (5岁以下儿童死亡率 ≥ 婴儿死亡率).  Error-level findings make
// the verdicts they concern `invalid`; warnings are listed and change nothing.
#ifndef HEALTHACT_VALIDATION_HPP_
#define HEALTHACT_VALIDATION_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "healthact/core/diagnostic.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/data/observations.hpp"

namespace healthact {

enum class FindingKind : std::int32_t {
  kRange = 1,        // a figure outside its plausible range
  kRateConflict = 2, // a reported rate that its own counts contradict
  kPartsAsOne = 3,   // one value reported for a two-part indicator
  kRule = 4,         // a consistency rule (校验) of the framework is broken
};
// "range", "rate_conflict", "parts", "rule".
std::string_view FindingKindName(FindingKind kind);

// One figure a finding rests on: "3" in 2022 was "4.0".
struct FindingValue {
  std::string key;  // indicator, part or count
  int year = 0;
  std::string value;
  friend bool operator==(const FindingValue&, const FindingValue&) = default;
};

struct Finding {
  FindingKind kind = FindingKind::kRange;
  // What was broken: "range", "rate_conflict", "parts", or for a rule its
  // canonical text ("[3] ≥ [2]").
  std::string rule;
  Severity severity = Severity::kError;
  std::vector<std::string> indicators;  // the indicator numbers whose verdicts it concerns
  std::vector<FindingValue> values;
  std::string message;  // "999 不在合理范围 0–150 岁内"
  friend bool operator==(const Finding&, const Finding&) = default;
};

// Every finding on the figures of `unit` that the verdicts of `year` rest on
// (each indicator with a target that year, its parts, counts and, for a
// trend, its earlier years) and every consistency rule, in framework order.
std::vector<Finding> ValidateUnit(const Framework& framework, const Observations& observations,
                                  UnitId unit, int year);

}  // namespace healthact

#endif  // HEALTHACT_VALIDATION_HPP_
