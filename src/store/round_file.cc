// RoundFile (round_file.hpp): each step checked, then appended to the store.
#include "healthact/store/round_file.hpp"

#include "core/strings.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;
namespace {

// The first error of `diagnostics` as a status, for a caller that reads only
// the status; the diagnostics themselves say the rest.
absl::Status FirstError(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return absl::InvalidArgumentError(d.ToString());
  }
  return absl::OkStatus();
}

}  // namespace

RoundFile::RoundFile(RoundStore store, std::shared_ptr<const Framework> framework,
                     std::shared_ptr<const Organisation> organisation)
    : store_(std::move(store)), framework_(std::move(framework)), organisation_(std::move(organisation)) {}

absl::StatusOr<RoundFile> RoundFile::Create(const std::string& path, std::shared_ptr<const Framework> framework,
                                            std::string_view organisation_text,
                                            std::shared_ptr<const Organisation> organisation,
                                            const Observations& units, const RoundChoice& choice, Instant at,
                                            std::string by) {
  absl::StatusOr<RoundDefinition> definition = DefineRound(*framework, *organisation, units, choice);
  if (!definition.ok()) return definition.status();
  if (by.empty()) by = organisation->FindCommittee(definition->committee)->office_department;
  const RoundEvent opening{at, RoundOpened{*std::move(definition), std::move(by)}};
  absl::StatusOr<RoundStore> store =
      RoundStore::Create(path, opening, FormatFramework(*framework), organisation_text, organisation);
  if (!store.ok()) return store.status();
  return RoundFile(*std::move(store), std::move(framework), std::move(organisation));
}

absl::StatusOr<RoundFile> RoundFile::Import(const std::string& path, std::shared_ptr<const Framework> framework,
                                            std::string_view organisation_text,
                                            std::shared_ptr<const Organisation> organisation,
                                            std::string_view jsonl, std::string_view file_name) {
  std::vector<RoundEvent> history;
  std::size_t start = 0;
  for (int line = 1; start < jsonl.size(); ++line) {
    std::size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view text = jsonl.substr(start, end - start);
    start = end + 1;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    absl::StatusOr<NumberedRoundEvent> read = ParseRoundEventJson(text);
    if (!read.ok()) {
      return absl::InvalidArgumentError(text::StrCat(file_name, ":", line, ": ", read.status().message()));
    }
    if (read->seq != static_cast<std::int64_t>(history.size()) + 1) {
      return absl::InvalidArgumentError(Format("$0:$1: event $2 where event $3 comes: the events are numbered from 1, in order, without a gap", file_name, line, read->seq, history.size() + 1));
    }
    history.push_back(std::move(read->event));
  }
  if (history.empty() || !std::holds_alternative<RoundOpened>(history.front().body)) {
    return absl::InvalidArgumentError(Format("$0: a round's history begins with its opening", file_name));
  }
  const RoundDefinition& d = std::get<RoundOpened>(history.front().body).definition;
  const std::string sha256 = FrameworkSha256(*framework);
  if (d.framework_sha256 != sha256) {
    return absl::InvalidArgumentError(Format("the history's round assesses the framework with SHA-256 $0; the framework given has $1", d.framework_sha256, sha256));
  }
  absl::StatusOr<RoundStore> store =
      RoundStore::Import(path, history, FormatFramework(*framework), organisation_text, organisation);
  if (!store.ok()) return store.status();
  return RoundFile(*std::move(store), std::move(framework), std::move(organisation));
}

absl::StatusOr<RoundFile> RoundFile::Open(const std::string& path, RoundStore::Access access) {
  absl::StatusOr<RoundStore> store = RoundStore::Open(path, access);
  if (!store.ok()) return store.status();
  ParsedOrganisation org = ParseOrganisation(store->organisation_text(), "(the round's organisation)");
  ParsedFramework framework = ParseFramework(store->framework_text(), "(the round's framework)");
  if (!org.ok() || !framework.ok()) {
    return absl::DataLossError(Format("$0: the round's organisation or framework no longer reads", path));
  }
  return RoundFile(*std::move(store), framework.framework, org.organisation);
}

absl::StatusOr<Round> RoundFile::Replay() const {
  const absl::StatusOr<std::vector<RoundEvent>> events = store_.Events();
  if (!events.ok()) return events.status();
  return Round::Replay(*events, organisation_);
}

absl::StatusOr<RoundFile::Step> RoundFile::Append(RoundEvent event) {
  const absl::StatusOr<std::int64_t> seq = store_.Append(event, organisation_);
  if (!seq.ok()) return seq.status();
  return Step{*seq, std::move(event)};
}

absl::StatusOr<RoundFile::Step> RoundFile::Submit(const std::string& unit, std::string by, std::string document,
                                                  std::string figures, std::string_view file_name, Instant at,
                                                  std::vector<Diagnostic>& diagnostics,
                                                  std::vector<std::string>& findings) {
  // The figures are read as the round's framework reads them: a file that
  // does not read is refused, and so are another unit's rows.
  Observations read;
  std::vector<Diagnostic> found = ReadObservationsCsv(figures, file_name, framework_.get(), read);
  diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  if (absl::Status error = FirstError(found); !error.ok()) return error;
  for (UnitId id = 0; id < read.unit_count(); ++id) {
    if (read.unit_name(id) != unit) {
      return absl::InvalidArgumentError(Format("$0 has figures of '$1', not only of '$2'", file_name, read.unit_name(id), unit));
    }
  }
  if (!read.FindUnit(unit)) {
    return absl::InvalidArgumentError(Format("$0 has no figures of '$1'", file_name, unit));
  }
  absl::StatusOr<Step> step =
      Append(RoundEvent{at, SubmissionOf(unit, std::move(by), std::move(document), std::move(figures))});
  if (!step.ok()) return step;
  // What validation finds stays with the submission: given now, and again
  // whenever its figures are read.
  const absl::StatusOr<Round> round = Replay();
  if (!round.ok()) return round.status();
  AssessOptions options;
  options.targets = round->definition().targets_of ? TargetChoice::kInForce : TargetChoice::kOfTheYear;
  const Assessment assessment =
      Assess(framework_, std::make_shared<Observations>(std::move(read)), round->definition().year, options);
  for (std::size_t u = 0; u < assessment.unit_count(); ++u) {
    for (const Finding& finding : assessment.findings(u)) findings.push_back(finding.message);
  }
  return step;
}

namespace {
// The latest revision `unit` submitted (0 when none: the rules refuse it).
absl::StatusOr<int> LatestRevision(const RoundFile& file, const std::string& unit) {
  const absl::StatusOr<Round> round = file.Replay();
  if (!round.ok()) return round.status();
  for (const UnitSubmissions& u : round->StatusAt().units) {
    if (u.unit == unit) return u.revisions;
  }
  return absl::NotFoundError(Format("'$0' is not a unit of the round", unit));
}
}  // namespace

absl::StatusOr<RoundFile::Step> RoundFile::Accept(const std::string& unit, std::string by, Instant at) {
  const absl::StatusOr<int> revision = LatestRevision(*this, unit);
  if (!revision.ok()) return revision.status();
  return Append(RoundEvent{at, SubmissionAccepted{unit, *revision, std::move(by)}});
}

absl::StatusOr<RoundFile::Step> RoundFile::Return(const std::string& unit, std::string by, std::string reason,
                                                  Instant at) {
  const absl::StatusOr<int> revision = LatestRevision(*this, unit);
  if (!revision.ok()) return revision.status();
  return Append(RoundEvent{at, SubmissionReturned{unit, *revision, std::move(by), std::move(reason)}});
}

absl::StatusOr<RoundFile::Reviewed> RoundFile::Review(std::string by, std::vector<std::string> group,
                                                      std::string verified, std::string_view file_name,
                                                      std::optional<Draw> draw, Instant at,
                                                      std::vector<Diagnostic>& diagnostics) {
  const absl::StatusOr<Round> round = Replay();
  if (!round.ok()) return round.status();
  const absl::StatusOr<RoundResult> result = ComputeRoundResult(*round, framework_);
  if (!result.ok()) return result.status();
  const Assessment& assessment = result->assessment;
  Observations values;
  VerifiedNotes notes;
  std::vector<Diagnostic> found = ReadVerifiedCsv(verified, file_name, framework_.get(), values, notes);
  diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  if (absl::Status error = FirstError(found); !error.ok()) return error;
  std::vector<UnitId> sample;
  std::uint64_t seed = 0;
  if (draw) {
    if (draw->count < 1 || static_cast<std::size_t>(draw->count) > assessment.unit_count()) {
      // Drawing "9 of 5" would silently check every unit: say so instead.
      return absl::InvalidArgumentError(Format("cannot draw $0 of $1 units (1 to $1)", draw->count, assessment.unit_count()));
    }
    seed = draw->seed;
    sample = ChooseForReview(assessment, draw->count, seed);
  } else {
    sample = UnitsVerified(assessment, values);
  }
  std::vector<std::string> names;
  for (const UnitId unit : sample) names.push_back(assessment.observations().unit_name(unit));
  FiguresReviewed event = ReviewOf(std::move(by), std::move(group), std::move(names), seed, std::move(verified));
  // Every value the spot-check changes says why, before it is kept.
  ReviewResult checked = healthact::Review(assessment, values, sample, &notes);
  if (absl::Status record = CheckReviewRecord(checked, file_name, event.by, event.group); !record.ok()) {
    return record;
  }
  absl::StatusOr<Step> step = Append(RoundEvent{at, std::move(event)});
  if (!step.ok()) return step.status();
  return Reviewed{*std::move(step), std::move(checked), assessment};
}

absl::StatusOr<RoundFile::Step> RoundFile::Receive(const std::string& path, std::string by, std::string unit,
                                                   Instant at) {
  absl::StatusOr<RoundFile> sent = Open(path, RoundStore::Access::kReadOnly);
  if (!sent.ok()) return sent.status();
  const absl::StatusOr<Round> theirs = sent->Replay();
  if (!theirs.ok()) return absl::DataLossError(text::StrCat(path, ": ", theirs.status().message()));
  const RoundStatus their_status = theirs->StatusAt();
  const absl::StatusOr<RoundResult> result = ComputeRoundResult(*theirs, sent->framework());
  if (!result.ok()) return result.status();
  const absl::StatusOr<std::string> sha256 = sent->store().FileSha256();
  if (!sha256.ok()) return sha256.status();
  const RoundDefinition& d = theirs->definition();
  // The sender is the unit whose committee ran the round.
  if (unit.empty()) unit = d.committee;
  if (unit != d.committee) {
    return absl::InvalidArgumentError(Format("$0 is the round of $1, not of $2", path, d.committee, unit));
  }
  return Append(RoundEvent{at, UnitRoundReceived{unit, std::move(by), *sha256, d.framework, d.year, d.kind,
                                                 their_status.state, their_status.approved_by,
                                                 RoundResultCsv(*theirs, *result)}});
}

absl::StatusOr<RoundResult> RoundFile::Result() const {
  const absl::StatusOr<Round> round = Replay();
  if (!round.ok()) return round.status();
  const RoundState state = round->StatusAt().state;
  if (state == RoundState::kCollecting) {
    return absl::FailedPreconditionError(Format("the round is $0: its result is given once the committee's director has approved it", Tr(RoundStateName(state).data())));
  }
  return ComputeRoundResult(*round, framework_);
}

}  // namespace healthact
