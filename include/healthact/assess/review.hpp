// Spot-check review (复核): the committee's office draws units to review,
// reviewers verify their figures, and the assessment is recomputed on the
// verified values.
#ifndef HEALTHACT_REVIEW_HPP_
#define HEALTHACT_REVIEW_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "healthact/assess/assessment.hpp"

namespace healthact {

// Draws k of the assessment's units, reproducibly: the same units, seed and
// k always give the same draw, on every platform (the units are ordered by
// name, then drawn by a partial Fisher–Yates shuffle driven by SplitMix64
// with rejection sampling — no library shuffle, whose results differ between
// standard libraries).  k larger than the number of units draws them all.
std::vector<UnitId> ChooseForReview(const Assessment& assessment, int k, std::uint64_t seed);

struct Discrepancy {
  std::string unit;
  std::string key;        // indicator, part or count as reported
  std::string indicator;  // the indicator it counts for
  Reported reported;
  Reported verified;
  VerdictStatus before = VerdictStatus::kMissing;
  VerdictStatus after = VerdictStatus::kMissing;
  bool verdict_changed() const { return before != after; }
};

struct ReviewResult {
  std::vector<UnitId> reviewed;            // ids in the original observations
  std::vector<Discrepancy> discrepancies;  // every verified value that differs
  Assessment recomputed;                   // on reported values, verified ones replacing them
};

// Compares the verified values of the reviewed units (matched by unit name)
// with what they reported for the assessment's year and recomputes the
// assessment with the verified values in place.
ReviewResult Review(const Assessment& original, const Observations& verified,
                    const std::vector<UnitId>& reviewed);

}  // namespace healthact

#endif  // HEALTHACT_REVIEW_HPP_
