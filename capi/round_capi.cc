// hact_round_*: the assessment round kept in a file (RoundFile): created,
// opened or imported, each step checked and written, its status, history and
// result read.
#include <ctime>
#include <string>

#include "handles.hpp"
#include "healthact/report/round_result.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

using namespace healthact::capi;

namespace {

// The states cross by their value.
static_assert(static_cast<int>(healthact::RoundState::kCollecting) == HACT_ROUND_COLLECTING &&
              static_cast<int>(healthact::RoundState::kReviewed) == HACT_ROUND_REVIEWED &&
              static_cast<int>(healthact::RoundState::kApproved) == HACT_ROUND_APPROVED &&
              static_cast<int>(healthact::RoundState::kPublished) == HACT_ROUND_PUBLISHED);
static_assert(static_cast<int>(healthact::SubmissionState::kNone) == HACT_SUBMISSION_NONE &&
              static_cast<int>(healthact::SubmissionState::kSubmitted) == HACT_SUBMISSION_SUBMITTED &&
              static_cast<int>(healthact::SubmissionState::kAccepted) == HACT_SUBMISSION_ACCEPTED &&
              static_cast<int>(healthact::SubmissionState::kReturned) == HACT_SUBMISSION_RETURNED);

// "2023-01-05T09:30:00" or a date; NULL is now, by this machine's clock (the
// library itself never reads it).
int32_t MomentOf(const char* at, const char* name, healthact::Instant& out) {
  if (at == nullptr) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    out = healthact::Instant{healthact::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday},
                             local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec};
    return HACT_OK;
  }
  if (const int32_t status = CheckUtf8(at, name)) return status;
  const std::optional<healthact::Instant> parsed = healthact::Instant::Parse(at);
  if (!parsed) {
    return Fail(HACT_ERROR_INVALID, Format("$0 '$1' is not a moment like 2023-01-05T09:30:00", std::string(name), at));
  }
  out = *parsed;
  return HACT_OK;
}

// "马斌、魏士博" as names; NULL or "" as none.
std::vector<std::string> Names(const char* list) {
  std::vector<std::string> names;
  if (list == nullptr || *list == '\0') return names;
  const std::string text(list);
  std::size_t start = 0;
  for (std::size_t end; (end = text.find("、", start)) != std::string::npos; start = end + 3) {
    names.push_back(text.substr(start, end - start));
  }
  names.push_back(text.substr(start));
  return names;
}

// Every string argument of a step checked at once: present where required
// (a name and whether it may be NULL), and UTF-8.
struct Argument {
  const char* value;
  const char* name;
  bool required;
};
int32_t CheckArguments(std::initializer_list<Argument> arguments) {
  for (const Argument& a : arguments) {
    if (a.value == nullptr) {
      if (a.required) return NullArgument(a.name);
      continue;
    }
    if (a.required && *a.value == '\0') return Fail(HACT_ERROR_ARGUMENT, Format("$0 is empty", std::string(a.name)));
    if (const int32_t status = CheckUtf8(a.value, a.name)) return status;
  }
  return HACT_OK;
}

int32_t Written(const absl::StatusOr<healthact::RoundFile::Step>& step) {
  return step.ok() ? HACT_OK : FailWith(step.status());
}

int32_t Handed(absl::StatusOr<healthact::RoundFile> file, hact_round** round) {
  if (!file.ok()) return FailWith(file.status());
  auto handle = std::make_unique<hact_round>();
  handle->file.emplace(*std::move(file));
  *round = handle.release();
  return HACT_OK;
}

// The organisation's text as the round's file keeps it, refused once the
// handle was changed in memory (the file would keep a text that is not it).
int32_t OrganisationText(const hact_organisation* organisation) {
  if (organisation->changed) {
    return Fail(HACT_ERROR_INVALID,
                std::string(Tr("the organisation was changed after it was parsed (hact_organisation_propose_change): a round keeps the organisation's text, so record the change in the text and parse it again")));
  }
  return HACT_OK;
}

}  // namespace

extern "C" {

int32_t hact_round_create(const char* path, const hact_framework* framework, const hact_organisation* organisation,
                          const hact_observations* units, const hact_round_definition* definition,
                          hact_round** round) {
  return Guard([&] {
    if (round != nullptr) *round = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (framework == nullptr) return NullArgument("framework");
    if (organisation == nullptr) return NullArgument("organisation");
    if (units == nullptr) return NullArgument("units");
    if (definition == nullptr) return NullArgument("definition");
    if (definition->struct_size < static_cast<int32_t>(sizeof(hact_round_definition))) {
      return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("definition->struct_size is not sizeof(hact_round_definition)")));
    }
    const hact_round_definition& d = *definition;
    if (const int32_t status = CheckArguments({{path, "path", true},
                                               {d.committee, "committee", false},
                                               {d.level, "level", false},
                                               {d.within, "within", false},
                                               {d.assessment_group, "assessment_group", false},
                                               {d.deadline, "deadline", false},
                                               {d.send_up_deadline, "send_up_deadline", false},
                                               {d.by, "by", false}})) {
      return status;
    }
    if (const int32_t status = OrganisationText(organisation)) return status;
    healthact::RoundChoice choice;
    choice.year = d.year;
    if (d.kind != HACT_ROUND_OFFICIAL && d.kind != HACT_ROUND_TRIAL) {
      return Fail(HACT_ERROR_INVALID, std::string(Tr("kind is HACT_ROUND_OFFICIAL or HACT_ROUND_TRIAL")));
    }
    choice.kind = d.kind == HACT_ROUND_TRIAL ? healthact::RoundKind::kTrial : healthact::RoundKind::kOfficial;
    if (d.targets_of != 0) choice.targets_of = d.targets_of;
    if (d.level != nullptr) {
      choice.level = healthact::ParseUnitLevel(d.level);
      if (!choice.level) return Fail(HACT_ERROR_INVALID, Format("unknown level '$0'", d.level));
    }
    if (d.within != nullptr) choice.within = d.within;
    if (d.committee != nullptr) choice.committee = d.committee;
    choice.assessment_group = Names(d.assessment_group);
    for (const auto& [text, name, into] :
         {std::tuple{d.deadline, "deadline", &choice.deadline},
          std::tuple{d.send_up_deadline, "send_up_deadline", &choice.send_up_deadline}}) {
      if (text == nullptr) continue;
      healthact::Instant moment;
      if (const int32_t status = MomentOf(text, name, moment)) return status;
      *into = moment;
    }
    healthact::Instant at;
    if (const int32_t status = MomentOf(d.at, "at", at)) return status;
    return Handed(healthact::RoundFile::Create(path, framework->framework, organisation->text,
                                               organisation->organisation, *units->observations, choice, at,
                                               d.by != nullptr ? d.by : ""),
                  round);
  });
}

int32_t hact_round_open(const char* path, int32_t read_only, hact_round** round) {
  return Guard([&] {
    if (round != nullptr) *round = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (const int32_t status = CheckArguments({{path, "path", true}})) return status;
    return Handed(healthact::RoundFile::Open(path, read_only ? healthact::RoundStore::Access::kReadOnly
                                                             : healthact::RoundStore::Access::kReadWrite),
                  round);
  });
}

int32_t hact_round_import(const char* path, const hact_framework* framework, const hact_organisation* organisation,
                          const char* jsonl, size_t length, hact_round** round) {
  return Guard([&] {
    if (round != nullptr) *round = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (framework == nullptr) return NullArgument("framework");
    if (organisation == nullptr) return NullArgument("organisation");
    if (jsonl == nullptr) return NullArgument("jsonl");
    if (const int32_t status = CheckArguments({{path, "path", true}})) return status;
    if (const int32_t status = CheckUtf8(std::string_view(jsonl, length), "jsonl")) return status;
    if (const int32_t status = OrganisationText(organisation)) return status;
    return Handed(healthact::RoundFile::Import(path, framework->framework, organisation->text,
                                               organisation->organisation, std::string_view(jsonl, length),
                                               "<history>"),
                  round);
  });
}

void hact_round_free(hact_round* round) { delete round; }

int32_t hact_round_framework(const hact_round* round, hact_framework** framework) {
  return Guard([&] {
    if (framework != nullptr) *framework = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (framework == nullptr) return NullArgument("framework");
    *framework = MakeFramework(round->file->framework()).release();
    return HACT_OK;
  });
}

int32_t hact_round_submit(hact_round* round, const char* unit, const char* by, const char* document,
                          const char* figures, size_t length, const char* at, hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (figures == nullptr) return NullArgument("figures");
    if (const int32_t status =
            CheckArguments({{unit, "unit", true}, {by, "by", true}, {document, "document", false}})) {
      return status;
    }
    healthact::Instant moment;
    if (const int32_t status = MomentOf(at, "at", moment)) return status;
    std::vector<healthact::Diagnostic> found;
    std::vector<std::string> findings;
    const absl::StatusOr<healthact::RoundFile::Step> step =
        round->file->Submit(unit, by, document != nullptr ? document : "", std::string(figures, length),
                            "<figures>", moment, found, findings);
    const bool read = !healthact::HasErrors(found);
    if (const int32_t status = HandOver(std::move(found), read, diagnostics)) return status;
    return Written(step);
  });
}

int32_t hact_round_accept(hact_round* round, const char* unit, const char* by, const char* at) {
  return Guard([&] {
    if (round == nullptr) return NullArgument("round");
    if (const int32_t status = CheckArguments({{unit, "unit", true}, {by, "by", true}})) return status;
    healthact::Instant moment;
    if (const int32_t status = MomentOf(at, "at", moment)) return status;
    return Written(round->file->Accept(unit, by, moment));
  });
}

int32_t hact_round_return(hact_round* round, const char* unit, const char* by, const char* reason,
                          const char* at) {
  return Guard([&] {
    if (round == nullptr) return NullArgument("round");
    if (const int32_t status = CheckArguments({{unit, "unit", true}, {by, "by", true}, {reason, "reason", true}})) {
      return status;
    }
    healthact::Instant moment;
    if (const int32_t status = MomentOf(at, "at", moment)) return status;
    return Written(round->file->Return(unit, by, reason, moment));
  });
}

int32_t hact_round_review(hact_round* round, const char* by, const char* group, int32_t count, uint64_t seed,
                          const char* verified, size_t length, const char* at, hact_diagnostics** diagnostics,
                          hact_review** review) {
  return Guard([&] {
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (review != nullptr) *review = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (verified == nullptr) return NullArgument("verified");
    if (const int32_t status = CheckArguments({{by, "by", true}, {group, "group", false}})) return status;
    if (count < 0) return Fail(HACT_ERROR_INVALID, std::string(Tr("count is a number of units to draw, or 0")));
    healthact::Instant moment;
    if (const int32_t status = MomentOf(at, "at", moment)) return status;
    std::optional<healthact::RoundFile::Draw> draw;
    if (count > 0) draw = healthact::RoundFile::Draw{count, seed};
    std::vector<healthact::Diagnostic> found;
    absl::StatusOr<healthact::RoundFile::Reviewed> reviewed =
        round->file->Review(by, Names(group), std::string(verified, length), "<verified>", draw, moment, found);
    const bool read = !healthact::HasErrors(found);
    if (const int32_t status = HandOver(std::move(found), read, diagnostics)) return status;
    if (!reviewed.ok()) return FailWith(reviewed.status());
    if (review != nullptr) {
      auto made = std::make_unique<hact_review>();
      made->original = std::move(reviewed->checked);
      made->drawn = reviewed->result.reviewed;
      for (const healthact::UnitId unit : made->drawn) {
        made->drawn_names.push_back(made->original->observations().unit_name(unit));
      }
      made->Keep(std::move(reviewed->result));
      *review = made.release();
    }
    return HACT_OK;
  });
}

int32_t hact_round_step(hact_round* round, int32_t step, const char* by, const char* text, const char* at) {
  return Guard([&] {
    if (round == nullptr) return NullArgument("round");
    const bool needs_text = step == HACT_STEP_WITHDRAW || step == HACT_STEP_REOPEN || step == HACT_STEP_REPORT_FORM;
    if (const int32_t status = CheckArguments({{by, "by", true}, {text, "text", needs_text}})) return status;
    if (!needs_text && text != nullptr) {
      return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("this step takes no text (pass NULL)")));
    }
    healthact::Instant moment;
    if (const int32_t status = MomentOf(at, "at", moment)) return status;
    using healthact::ReportAction;
    healthact::RoundEventBody body;
    switch (step) {
      case HACT_STEP_APPROVE: body = healthact::RoundApproved{by}; break;
      case HACT_STEP_PUBLISH: body = healthact::RoundPublished{by}; break;
      case HACT_STEP_WITHDRAW: body = healthact::ApprovalWithdrawn{by, text}; break;
      case HACT_STEP_REOPEN: body = healthact::RoundReopened{by, text}; break;
      case HACT_STEP_REPORT_FORM: body = healthact::ReportStepOf(ReportAction::kForm, by, text); break;
      case HACT_STEP_REPORT_AGREE: body = healthact::ReportStepOf(ReportAction::kAgree, by); break;
      case HACT_STEP_REPORT_SEND_UP: body = healthact::ReportStepOf(ReportAction::kSendUp, by); break;
      case HACT_STEP_REPORT_CIRCULATE: body = healthact::ReportStepOf(ReportAction::kCirculate, by); break;
      case HACT_STEP_REPORT_RELEASE: body = healthact::ReportStepOf(ReportAction::kRelease, by); break;
      default: return Fail(HACT_ERROR_INVALID, Format("unknown step $0 (HACT_STEP_*)", std::to_string(step)));
    }
    return Written(round->file->Append(healthact::RoundEvent{moment, std::move(body)}));
  });
}

int32_t hact_round_receive(hact_round* round, const char* path, const char* unit, const char* by, const char* at) {
  return Guard([&] {
    if (round == nullptr) return NullArgument("round");
    if (const int32_t status = CheckArguments({{path, "path", true}, {unit, "unit", false}, {by, "by", true}})) {
      return status;
    }
    healthact::Instant moment;
    if (const int32_t status = MomentOf(at, "at", moment)) return status;
    return Written(round->file->Receive(path, by, unit != nullptr ? unit : "", moment));
  });
}

int32_t hact_round_status_create(const hact_round* round, const char* as_of, hact_round_status** status) {
  return Guard([&] {
    if (status != nullptr) *status = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (status == nullptr) return NullArgument("status");
    std::optional<healthact::Instant> moment;
    if (as_of != nullptr) {
      healthact::Instant read;
      if (const int32_t bad = MomentOf(as_of, "as_of", read)) return bad;
      moment = read;
    }
    absl::StatusOr<healthact::Round> replayed = round->file->Replay();
    if (!replayed.ok()) return FailWith(replayed.status());
    auto made = std::make_unique<hact_round_status>();
    made->round.emplace(*std::move(replayed));
    made->status = made->round->StatusAt(moment);
    for (const healthact::RoundEvent& event : made->round->history()) {
      if (moment && *moment < event.at) break;
      ++made->events;
    }
    const healthact::RoundStatus& s = made->status;
    made->approved_at = s.approved_at ? s.approved_at->ToString() : "";
    made->published_at = s.published_at ? s.published_at->ToString() : "";
    for (const healthact::UnitSubmissions& u : s.units) {
      made->last_submitted.push_back(u.last_submitted ? u.last_submitted->ToString() : "");
    }
    *status = made.release();
    return HACT_OK;
  });
}

void hact_round_status_free(hact_round_status* status) { delete status; }

int32_t hact_round_status_summary(const hact_round_status* status, hact_round_summary* out) {
  return Guard([&] {
    if (status == nullptr) return NullArgument("status");
    if (out == nullptr) return NullArgument("out");
    if (out->struct_size < static_cast<int32_t>(sizeof(hact_round_summary))) {
      return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("out->struct_size is not sizeof(hact_round_summary)")));
    }
    const healthact::RoundDefinition& d = status->round->definition();
    const healthact::RoundStatus& s = status->status;
    out->framework = d.framework.c_str();
    out->year = d.year;
    out->kind = d.kind == healthact::RoundKind::kTrial ? HACT_ROUND_TRIAL : HACT_ROUND_OFFICIAL;
    out->targets_of = d.targets_of.value_or(0);
    out->state = static_cast<int32_t>(s.state);
    out->state_name = healthact::RoundStateName(s.state).data();
    out->approved_by = s.approved_by.c_str();
    out->approved_at = status->approved_at.c_str();
    out->published_at = status->published_at.c_str();
    out->unit_count = static_cast<int32_t>(s.units.size());
    out->event_count = status->events;
    return HACT_OK;
  });
}

int32_t hact_round_status_unit(const hact_round_status* status, int32_t index, hact_round_unit* out) {
  return Guard([&] {
    if (status == nullptr) return NullArgument("status");
    if (out == nullptr) return NullArgument("out");
    const auto& units = status->status.units;
    if (index < 0 || static_cast<std::size_t>(index) >= units.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("unit index out of range")));
    }
    const healthact::UnitSubmissions& u = units[index];
    out->unit = u.unit.c_str();
    out->state = static_cast<int32_t>(u.state);
    out->state_name = healthact::SubmissionStateName(u.state).data();
    out->revisions = u.revisions;
    out->last_submitted = status->last_submitted[index].c_str();
    out->late = u.late ? 1 : 0;
    out->returned_reason = u.returned_reason.c_str();
    return HACT_OK;
  });
}

int32_t hact_round_history(const hact_round* round, const char* as_of, char** jsonl, size_t* length) {
  return Guard([&] {
    if (jsonl != nullptr) *jsonl = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (jsonl == nullptr) return NullArgument("jsonl");
    std::optional<healthact::Instant> moment;
    if (as_of != nullptr) {
      healthact::Instant read;
      if (const int32_t bad = MomentOf(as_of, "as_of", read)) return bad;
      moment = read;
    }
    const absl::StatusOr<healthact::Round> replayed = round->file->Replay();
    if (!replayed.ok()) return FailWith(replayed.status());
    std::string lines;
    std::int64_t seq = 0;
    for (const healthact::RoundEvent& event : replayed->history()) {
      if (moment && *moment < event.at) break;
      lines += healthact::RoundEventJson(++seq, event);
      lines += '\n';
    }
    return CopyOut(lines, jsonl, length);
  });
}

int32_t hact_round_export(const hact_round* round, int32_t format, char** bytes, size_t* length) {
  return Guard([&] {
    if (bytes != nullptr) *bytes = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (bytes == nullptr) return NullArgument("bytes");
    if (format != HACT_FORMAT_JSON && format != HACT_FORMAT_CSV) {
      return Fail(HACT_ERROR_INVALID, Format("a round's result is HACT_FORMAT_JSON or HACT_FORMAT_CSV, not format $0", std::to_string(format)));
    }
    const absl::StatusOr<healthact::Round> replayed = round->file->Replay();
    if (!replayed.ok()) return FailWith(replayed.status());
    const absl::StatusOr<healthact::RoundResult> result = round->file->Result();
    if (!result.ok()) return FailWith(result.status());
    return CopyOut(format == HACT_FORMAT_CSV ? healthact::RoundResultCsv(*replayed, *result)
                                             : healthact::RoundResultJson(*replayed, *result),
                   bytes, length);
  });
}

int32_t hact_round_assessment(const hact_round* round, hact_assessment** assessment) {
  return Guard([&] {
    if (assessment != nullptr) *assessment = nullptr;
    if (round == nullptr) return NullArgument("round");
    if (assessment == nullptr) return NullArgument("assessment");
    absl::StatusOr<healthact::RoundResult> result = round->file->Result();
    if (!result.ok()) return FailWith(result.status());
    // After a spot-check it is already the recomputation on the verified values.
    *assessment = WrapAssessment(std::move(result->assessment)).release();
    return HACT_OK;
  });
}

}  // extern "C"
