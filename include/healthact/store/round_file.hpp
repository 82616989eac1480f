// A round's file as the office works it: the store (store.hpp) with the
// framework and organisation it keeps, read back once, and each step of the
// documents' procedure taken on it with what the step needs checked first —
// figures read under the round's framework and only the submitting unit's,
// the latest revision accepted or returned, a spot-check's every change
// explained, a unit's own round checked before it is received, the result
// given only once the committee's director has approved it.  The tool and
// the C interface both work a round through this, so a step means the same
// at both.  The clock is the caller's: every step takes its moment.
#ifndef HEALTHACT_STORE_ROUND_FILE_HPP_
#define HEALTHACT_STORE_ROUND_FILE_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "healthact/assess/review.hpp"
#include "healthact/core/diagnostic.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/report/round_result.hpp"
#include "healthact/round/definition.hpp"
#include "healthact/store/store.hpp"

namespace healthact {

class RoundFile {
 public:
  // A new file at `path` (refused if it exists) holding the round `choice`
  // defines over `units` (DefineRound), opened at `at` by `by` ("" for the
  // committee's office).  The store keeps the framework's canonical text and
  // `organisation_text`, of which `organisation` is the parse.
  static absl::StatusOr<RoundFile> Create(const std::string& path, std::shared_ptr<const Framework> framework,
                                          std::string_view organisation_text,
                                          std::shared_ptr<const Organisation> organisation,
                                          const Observations& units, const RoundChoice& choice, Instant at,
                                          std::string by);
  // A new file at `path` holding a history kept elsewhere, as JSON lines
  // (RoundEventJson, numbered from 1 without a gap), of a round that assesses
  // exactly `framework`; written whole once it replays, or not at all.
  // Errors name `file_name` and the line.
  static absl::StatusOr<RoundFile> Import(const std::string& path, std::shared_ptr<const Framework> framework,
                                          std::string_view organisation_text,
                                          std::shared_ptr<const Organisation> organisation,
                                          std::string_view jsonl, std::string_view file_name);
  static absl::StatusOr<RoundFile> Open(const std::string& path,
                                        RoundStore::Access access = RoundStore::Access::kReadWrite);

  RoundFile(RoundFile&&) noexcept = default;
  RoundFile& operator=(RoundFile&&) noexcept = default;

  const std::shared_ptr<const Framework>& framework() const { return framework_; }
  const std::shared_ptr<const Organisation>& organisation() const { return organisation_; }
  const RoundStore& store() const { return store_; }
  // The stored history, replayed under its rules.
  absl::StatusOr<Round> Replay() const;

  // A step taken: its position in the history (1 is the opening).
  struct Step {
    std::int64_t seq = 0;
    RoundEvent event;
  };

  // Unit `unit`'s figures (a data file's text, kept verbatim).  They must
  // read under the round's framework (their diagnostics go to
  // `diagnostics`; an error refuses them) and be `unit`'s alone.  What
  // validation finds in them goes to `findings`, kept with the submission.
  absl::StatusOr<Step> Submit(const std::string& unit, std::string by, std::string document, std::string figures,
                              std::string_view file_name, Instant at, std::vector<Diagnostic>& diagnostics,
                              std::vector<std::string>& findings);
  // The office's decision on the unit's latest submission.
  absl::StatusOr<Step> Accept(const std::string& unit, std::string by, Instant at);
  absl::StatusOr<Step> Return(const std::string& unit, std::string by, std::string reason, Instant at);

  // The spot-check (复核): the units drawn reproducibly (`draw`: how many,
  // from which seed; 1 .. the round's units) or, without it, those the
  // verified file names; their verified values compared with the accepted
  // figures.  Refused unless every value it changes says why and every
  // reviewer is of `group` or `by` (CheckReviewRecord).
  struct Draw {
    int count = 0;
    std::uint64_t seed = 0;
  };
  struct Reviewed {
    Step step;
    ReviewResult result;
    Assessment checked;  // the assessment of the accepted figures it was compared with
  };
  absl::StatusOr<Reviewed> Review(std::string by, std::vector<std::string> group, std::string verified,
                                  std::string_view file_name, std::optional<Draw> draw, Instant at,
                                  std::vector<Diagnostic>& diagnostics);

  // A unit's own round, sent up as its file at `path`: received once it
  // opens intact, replays under its own rules and its result computes; the
  // sender is the unit whose committee ran it (`unit`, "" for that one).
  absl::StatusOr<Step> Receive(const std::string& path, std::string by, std::string unit, Instant at);

  // Any other step (approve, publish, withdraw, reopen, the overall
  // report's), checked against the rules and appended.
  absl::StatusOr<Step> Append(RoundEvent event);

  // The result, once approved (FailedPrecondition while collecting).
  absl::StatusOr<RoundResult> Result() const;

 private:
  RoundFile(RoundStore store, std::shared_ptr<const Framework> framework,
            std::shared_ptr<const Organisation> organisation);
  RoundStore store_;
  std::shared_ptr<const Framework> framework_;
  std::shared_ptr<const Organisation> organisation_;
};

}  // namespace healthact

#endif  // HEALTHACT_STORE_ROUND_FILE_HPP_
