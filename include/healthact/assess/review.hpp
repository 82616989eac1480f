// Spot-check review (复核): the committee's office draws units to review,
// reviewers verify their figures, and the assessment is recomputed on the
// verified values.
#ifndef HEALTHACT_REVIEW_HPP_
#define HEALTHACT_REVIEW_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "healthact/assess/assessment.hpp"
#include "healthact/data/data_file.hpp"

namespace healthact {

// Draws k of the assessment's units, reproducibly: the same units, seed and
// k always give the same draw, on every platform (the units are ordered by
// name, then drawn by a partial Fisher–Yates shuffle driven by SplitMix64
// with rejection sampling — no library shuffle, whose results differ between
// standard libraries).  k larger than the number of units draws them all.
std::vector<UnitId> ChooseForReview(const Assessment& assessment, int k, std::uint64_t seed);

// The assessment's units that `verified` has values for (matched by name),
// in the assessment's order: the units a spot-check names by its file.
std::vector<UnitId> UnitsVerified(const Assessment& assessment, const Observations& verified);

struct Discrepancy {
  std::string unit;
  std::string key;        // indicator, part or count as reported
  std::string indicator;  // the indicator it counts for
  Reported reported;
  Reported verified;
  VerdictStatus before = VerdictStatus::kMissing;
  VerdictStatus after = VerdictStatus::kMissing;
  // What the verified file says of the value (ReadVerifiedCsv): who verified
  // it, why it differs, and its line; empty and 0 without notes.
  std::string reviewer;
  std::string reason;
  int line = 0;
  bool verdict_changed() const { return before != after; }
};

struct ReviewResult {
  std::vector<UnitId> reviewed;            // ids in the original observations
  std::vector<Discrepancy> discrepancies;  // every verified value that differs
  Assessment recomputed;                   // on reported values, verified ones replacing them
};

// Compares the verified values of the reviewed units (matched by unit name)
// with what they reported for the assessment's year and recomputes the
// assessment with the verified values in place; each discrepancy carries
// its note from `notes`, when given.
ReviewResult Review(const Assessment& original, const Observations& verified,
                    const std::vector<UnitId>& reviewed, const VerifiedNotes* notes = nullptr);

// What a spot-check's record must hold before it is kept: every value it
// changes says why (the reason a county's verdict changed is part of a
// decision about its officials), and a reviewer it names is one of `group`
// (when a group is given) or `by`.  The first that does not, with the
// file's line: "verified.csv:5: 甘州区 23 2022: …".
absl::Status CheckReviewRecord(const ReviewResult& review, std::string_view file, std::string_view by,
                               const std::vector<std::string>& group);

}  // namespace healthact

#endif  // HEALTHACT_REVIEW_HPP_
