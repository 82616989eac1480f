// What a new round assesses, chosen as the documents choose it: a year
// judged against its own targets, or for a trial (试考核) against the next
// year the framework states; the units at a level under a unit; the
// committee whose round it is.  One rule for every caller (the tool, the C
// interface): a choice the framework or the units cannot honour is refused
// with the reason.  Pure.
#ifndef HEALTHACT_ROUND_DEFINITION_HPP_
#define HEALTHACT_ROUND_DEFINITION_HPP_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "healthact/data/observations.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/model/organisation.hpp"
#include "healthact/round/round.hpp"

namespace healthact {

struct RoundChoice {
  int year = 0;
  RoundKind kind = RoundKind::kOfficial;
  std::optional<int> targets_of;       // a trial's later year
  std::optional<UnitLevel> level;      // every level when not given
  std::string within;                  // a unit of `units`; "" for everywhere
  std::string committee;               // "" for the organisation's only one
  std::vector<std::string> assessment_group;
  std::optional<Instant> deadline, send_up_deadline;
};

// The round `choice` describes over `units` (a units file: names, levels,
// parents), with its framework's name and hash.  InvalidArgument for a
// choice that contradicts itself or names what does not exist (targets_of
// outside a trial or not the next targets, an unknown unit or committee, no
// unit selected); FailedPrecondition when the framework has no target for
// the year (naming the later one a trial may use).
absl::StatusOr<RoundDefinition> DefineRound(const Framework& framework, const Organisation& organisation,
                                            const Observations& units, const RoundChoice& choice);

}  // namespace healthact

#endif  // HEALTHACT_ROUND_DEFINITION_HPP_
