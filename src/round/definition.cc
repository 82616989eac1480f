// DefineRound (definition.hpp).
#include "healthact/round/definition.hpp"

#include <algorithm>

#include "core/strings.hpp"
#include "healthact/assess/assessment.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

absl::StatusOr<RoundDefinition> DefineRound(const Framework& framework, const Organisation& organisation,
                                            const Observations& units, const RoundChoice& choice) {
  RoundDefinition definition;
  definition.framework = framework.name();
  definition.framework_sha256 = FrameworkSha256(framework);
  definition.year = choice.year;
  definition.kind = choice.kind;
  definition.targets_of = choice.targets_of;
  definition.level = choice.level;
  definition.within = choice.within;
  definition.assessment_group = choice.assessment_group;
  definition.deadline = choice.deadline;
  definition.send_up_deadline = choice.send_up_deadline;
  if (choice.targets_of && choice.kind != RoundKind::kTrial) {
    return absl::InvalidArgumentError(std::string(Tr("only a trial (试考核) judges a year against another year's targets")));
  }
  // An official round judges the year against its own targets; a trial may
  // judge it against the next year that has them, and says so.
  const std::vector<int> years = framework.TargetYears();
  const auto next = std::lower_bound(years.begin(), years.end(), choice.year);
  const bool has_own = next != years.end() && *next == choice.year;
  if (choice.targets_of && (next == years.end() || *next != *choice.targets_of)) {
    return absl::InvalidArgumentError(Format("a trial of $0 is judged against the next targets the framework has$1, not $2", choice.year, next == years.end() ? std::string(" (it has none later)") : text::StrCat(" (", *next, ")"), *choice.targets_of));
  }
  if (!has_own && !choice.targets_of) {
    return absl::FailedPreconditionError(Format("the framework has no target for $0$1", choice.year, next != years.end() ? text::StrCat("; a trial (试考核) may judge it against ", *next, "'s") : ""));
  }
  std::optional<UnitId> within;
  if (!choice.within.empty()) {
    within = units.FindUnit(choice.within);
    if (!within) return absl::InvalidArgumentError(Format("no unit named '$0'", choice.within));
  }
  for (UnitId unit = 0; unit < units.unit_count(); ++unit) {
    if (choice.level && units.level(unit) != *choice.level) continue;
    bool under = !within;
    for (std::optional<UnitId> up = units.parent(unit); up && !under; up = units.parent(*up)) under = *up == *within;
    if (under) definition.units.push_back(units.unit_name(unit));
  }
  if (definition.units.empty()) {
    return absl::InvalidArgumentError(std::string(Tr("the choice selects no unit: a round assesses at least one")));
  }
  if (!choice.committee.empty()) {
    definition.committee = choice.committee;
  } else if (organisation.committees.size() == 1) {
    definition.committee = organisation.committees.front().jurisdiction;
  } else {
    return absl::InvalidArgumentError(Format("the organisation has $0 committees: name the round's", organisation.committees.size()));
  }
  if (organisation.FindCommittee(definition.committee) == nullptr) {
    return absl::InvalidArgumentError(
        Format("the organisation has no committee '$0'", definition.committee));
  }
  return definition;
}

}  // namespace healthact
