// The assessment round: replay and the rules of each step (round.hpp).
#include "healthact/round/round.hpp"

#include <algorithm>
#include <cstdio>

#include "core/sha256.hpp"
#include "core/overloaded.hpp"
#include "core/strings.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;
namespace {

bool HeldOn(const Tenure& tenure, const Date& date) {
  return !(date < tenure.from) && (!tenure.until || date < *tenure.until);
}

// The posts `by` acts in on `date`: a post named directly, or those a person
// holds that day.
std::vector<std::string> PostsOf(const Organisation& organisation, std::string_view by,
                                 const Date& date) {
  if (organisation.FindPost(by) != nullptr) return {std::string(by)};
  std::vector<std::string> posts;
  for (const Tenure& tenure : organisation.tenures) {
    if (tenure.person == by && HeldOn(tenure, date)) posts.push_back(tenure.post);
  }
  return posts;
}

// "市卫生健康委主任（魏士博）": a post and who held it that day.
std::string Who(const Organisation& organisation, const std::string& post, const Date& date) {
  const std::optional<std::string> holder = organisation.HolderOn(post, date);
  return holder ? text::StrCat(post, "（", *holder, "）") : post;
}

// The office organises the round, accepts and returns submissions, and
// circulates the result ("市推进委员会办公室负责具体组织实施"): the office by
// its name, a post in the office's department, or the office director's.
absl::Status MustBeOffice(const Organisation& organisation, const Committee& committee,
                          std::string_view by, const Date& date, std::string_view step) {
  if (by == committee.office_department || by == text::StrCat(committee.name, "办公室")) {
    return absl::OkStatus();  // the office itself, by its name
  }
  for (const std::string& post : PostsOf(organisation, by, date)) {
    const Post* found = organisation.FindPost(post);
    if (post == committee.office_director_post ||
        (found != nullptr && found->department == committee.office_department)) {
      return absl::OkStatus();
    }
  }
  return absl::PermissionDeniedError(Format("$0 is the office's ($1, its director $2), not for '$3' on $4", step, committee.office_department, Who(organisation, committee.office_director_post, date), by, date.ToString()));
}

// The committee's director approves ("经市推进委员会审定"), withdraws an
// approval and reopens a round.
absl::Status MustBeDirector(const Organisation& organisation, const Committee& committee,
                            std::string_view by, const Date& date, std::string_view step) {
  const auto [director_post, director] = organisation.Approver(committee, date);
  const std::vector<std::string> posts = PostsOf(organisation, by, date);
  if (!director_post.empty() && std::find(posts.begin(), posts.end(), director_post) != posts.end()) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(Format("$0 is for the committee's director ($1), not for '$2' on $3", step, Who(organisation, director_post, date), by, date.ToString()));
}

// Names (units, members, frameworks) are one line each: the store keeps
// lists of them a line each, and a name across lines would come back as two.
absl::Status OneLine(const std::vector<std::string>& names, std::string_view what) {
  for (const std::string& name : names) {
    if (name.find_first_of("\n\r") != std::string::npos) {
      return absl::InvalidArgumentError(Format("a name of $0 runs across lines", what));
    }
  }
  return absl::OkStatus();
}

// The assessment group (考核组) and the spot-check group (抽查组) are set up by
// the committee from the people and posts of its organisation: a name it does
// not know, or a person who holds no seat that day, is a typing error or a
// stranger, and neither belongs in the record a verdict rests on.
absl::Status MustBeMembers(const Organisation& organisation, const std::vector<std::string>& names,
                           const Date& date, std::string_view group) {
  std::vector<std::string> seen;
  for (const std::string& name : names) {
    if (name.empty()) return absl::InvalidArgumentError(Format("the $0 names an empty member", group));
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      return absl::InvalidArgumentError(Format("the $0 names '$1' twice", group, name));
    }
    seen.push_back(name);
    if (PostsOf(organisation, name, date).empty()) {
      return absl::InvalidArgumentError(Format("the $0's member '$1' is neither a post of the organisation nor a person holding one on $2", group, name, date.ToString()));
    }
  }
  return absl::OkStatus();
}

absl::Status StateError(std::string_view step, RoundState state, std::string_view why) {
  return absl::FailedPreconditionError(
      Format("$0 is not allowed: the round is $1$2", step, Tr(RoundStateName(state).data()), why));
}

// Figures may come in, be decided on and be spot-checked.
bool Open(RoundState state) { return state == RoundState::kCollecting || state == RoundState::kReviewed; }

std::string ListText(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) text::StrAppend(&out, out.empty() ? "" : "、", name);
  return out;
}

// The overall report follows the approved result: formed by the office and
// redrafted until agreed; agreed by the committee's director; then reported
// up, circulated and published, each once.
absl::Status CheckReportStep(const OverallReportStep& e, const RoundStatus& status,
                             const Organisation& organisation, const Committee& committee, const Date& date) {
  const std::string step(Tr(RoundEventName(RoundEventBody(e)).data()));
  if (status.state != RoundState::kApproved && status.state != RoundState::kPublished) {
    return StateError(step, status.state, std::string(Tr(" (the report follows the approved result)")));
  }
  const ReportStatus& report = status.report;
  if (e.action == ReportAction::kForm) {
    if (report.Done(ReportAction::kAgree)) {
      return absl::FailedPreconditionError(Format("$0 is not allowed: the committee has agreed to the report", step));
    }
    if (e.text.empty()) return absl::InvalidArgumentError(std::string(Tr("the report formed is not empty")));
    if (e.sha256 != Sha256Hex(e.text)) return absl::DataLossError(std::string(Tr("the report does not match its hash")));
    return MustBeOffice(organisation, committee, e.by, date, step);
  }
  if (!e.text.empty()) return absl::InvalidArgumentError(Format("$0 carries no text; forming the report does", step));
  if (report.formed == nullptr) {
    return absl::FailedPreconditionError(Format("$0 is not allowed: the office has not formed the report", step));
  }
  if (report.Done(e.action)) {
    const auto& [when, by] = report.steps.at(e.action);
    return absl::FailedPreconditionError(
        Format("$0 was done already, by $1 on $2", step, by, when.ToString()));
  }
  if (e.action == ReportAction::kAgree) return MustBeDirector(organisation, committee, e.by, date, step);
  if (!report.Done(ReportAction::kAgree)) {
    return absl::FailedPreconditionError(Format("$0 is not allowed: the committee has not agreed to the report (同意)", step));
  }
  if (e.action == ReportAction::kRelease) return MustBeDirector(organisation, committee, e.by, date, step);
  return MustBeOffice(organisation, committee, e.by, date, step);
}

}  // namespace

std::optional<Instant> Instant::Parse(std::string_view text) {
  const std::optional<Date> date = Date::Parse(text.substr(0, std::min<std::size_t>(10, text.size())));
  if (!date || text.size() < 10) return std::nullopt;
  if (text.size() == 10) return Instant{*date, 0};
  int hour = 0, minute = 0, second = 0;
  const std::string rest(text.substr(10));
  char tail = 0;
  if (rest.size() != 9 || std::sscanf(rest.c_str(), "T%2d:%2d:%2d%c", &hour, &minute, &second, &tail) != 3 ||
      hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0) {
    return std::nullopt;
  }
  return Instant{*date, hour * 3600 + minute * 60 + second};
}

std::string Instant::ToString() const {
  char time[32];
  std::snprintf(time, sizeof time, "T%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return date.ToString() + time;
}

FiguresSubmitted SubmissionOf(std::string unit, std::string by, std::string document,
                              std::string figures) {
  std::string hash = Sha256Hex(figures);
  return FiguresSubmitted{std::move(unit), std::move(by), std::move(document), std::move(figures),
                          std::move(hash)};
}

FiguresReviewed ReviewOf(std::string by, std::vector<std::string> group,
                         std::vector<std::string> sample, std::uint64_t seed, std::string verified) {
  std::string hash = Sha256Hex(verified);
  return FiguresReviewed{std::move(by), std::move(group), std::move(sample), seed, std::move(verified),
                         std::move(hash)};
}

std::string_view RoundEventName(const RoundEventBody& body) {
  return std::visit(Overloaded{
                        [](const RoundOpened&) { return std::string_view("开始考核"); },
                        [](const FiguresSubmitted&) { return std::string_view("提交"); },
                        [](const SubmissionAccepted&) { return std::string_view("受理"); },
                        [](const SubmissionReturned&) { return std::string_view("退回"); },
                        [](const FiguresReviewed&) { return std::string_view("复核"); },
                        [](const RoundApproved&) { return std::string_view("审定"); },
                        [](const ApprovalWithdrawn&) { return std::string_view("撤回审定"); },
                        [](const RoundPublished&) { return std::string_view("通报"); },
                        [](const RoundReopened&) { return std::string_view("重新开放"); },
                        [](const UnitRoundReceived&) { return std::string_view("收到下级考核结果"); },
                        [](const OverallReportStep& e) {
                          switch (e.action) {
                            case ReportAction::kForm: return std::string_view("形成综合报告");
                            case ReportAction::kAgree: return std::string_view("同意综合报告");
                            case ReportAction::kSendUp: return std::string_view("上报综合报告");
                            case ReportAction::kCirculate: return std::string_view("通报综合报告");
                            case ReportAction::kRelease: return std::string_view("发布综合报告");
                          }
                          return std::string_view("综合报告");
                        },
                    },
                    body);
}

namespace {
constexpr std::pair<ReportAction, std::pair<std::string_view, std::string_view>> kReportActions[] = {
    {ReportAction::kForm, {"形成", "form"}},       {ReportAction::kAgree, {"同意", "agree"}},
    {ReportAction::kSendUp, {"上报", "send_up"}},  {ReportAction::kCirculate, {"通报", "circulate"}},
    {ReportAction::kRelease, {"发布", "release"}},
};
}  // namespace

std::string_view ReportActionName(ReportAction action) {
  for (const auto& [a, words] : kReportActions) {
    if (a == action) return words.first;
  }
  return "?";
}

std::string_view ReportActionKey(ReportAction action) {
  for (const auto& [a, words] : kReportActions) {
    if (a == action) return words.second;
  }
  return "?";
}

std::optional<ReportAction> ParseReportActionKey(std::string_view key) {
  for (const auto& [a, words] : kReportActions) {
    if (words.second == key) return a;
  }
  return std::nullopt;
}

OverallReportStep ReportStepOf(ReportAction action, std::string by, std::string text) {
  std::string hash = text.empty() ? std::string() : Sha256Hex(text);
  return OverallReportStep{action, std::move(by), std::move(text), std::move(hash)};
}

std::string_view RoundKindName(RoundKind kind) {
  return kind == RoundKind::kTrial ? "试考核" : "正式考核";
}

std::string_view RoundKindKey(RoundKind kind) { return kind == RoundKind::kTrial ? "trial" : "official"; }

std::optional<RoundKind> ParseRoundKindKey(std::string_view key) {
  if (key == "official") return RoundKind::kOfficial;
  if (key == "trial") return RoundKind::kTrial;
  return std::nullopt;
}

std::string_view RoundStateName(RoundState state) {
  switch (state) {
    case RoundState::kCollecting: return "收集中";
    case RoundState::kReviewed: return "已复核";
    case RoundState::kApproved: return "已审定";
    case RoundState::kPublished: return "已通报";
  }
  return "?";
}

std::optional<RoundState> ParseRoundStateName(std::string_view name) {
  for (RoundState state : {RoundState::kCollecting, RoundState::kReviewed, RoundState::kApproved,
                           RoundState::kPublished}) {
    if (RoundStateName(state) == name) return state;
  }
  return std::nullopt;
}

std::string_view SubmissionStateName(SubmissionState state) {
  switch (state) {
    case SubmissionState::kNone: return "未提交";
    case SubmissionState::kSubmitted: return "已提交";
    case SubmissionState::kAccepted: return "已受理";
    case SubmissionState::kReturned: return "已退回";
  }
  return "?";
}

Round::Round(RoundDefinition definition, std::shared_ptr<const Organisation> organisation)
    : definition_(std::move(definition)), organisation_(std::move(organisation)) {}

absl::StatusOr<Round> Round::Replay(const std::vector<RoundEvent>& events,
                                    std::shared_ptr<const Organisation> organisation) {
  if (organisation == nullptr) return absl::InvalidArgumentError(std::string(Tr("a round needs its organisation")));
  if (events.empty() || !std::holds_alternative<RoundOpened>(events.front().body)) {
    return absl::InvalidArgumentError(std::string(Tr("a round's history begins with its opening")));
  }
  Round round(std::get<RoundOpened>(events.front().body).definition, std::move(organisation));
  for (std::size_t k = 0; k < events.size(); ++k) {
    if (absl::Status appended = round.Append(events[k]); !appended.ok()) {
      return absl::Status(appended.code(), Format("event $0 ($1, $2): $3", k + 1, Tr(RoundEventName(events[k].body).data()),
                                                                 events[k].at.ToString(), appended.message()));
    }
  }
  return round;
}

absl::Status Round::Check(const RoundEvent& event) const {
  const Organisation& organisation = *organisation_;
  const Committee* committee = organisation.FindCommittee(definition_.committee);
  if (committee == nullptr) {
    return absl::FailedPreconditionError(
        Format("the organisation has no committee '$0'", definition_.committee));
  }
  if (!history_.empty() && event.at < history_.back().at) {
    return absl::InvalidArgumentError(Format("events are kept in time order: $0 is before the last, $1", event.at.ToString(), history_.back().at.ToString()));
  }
  const Date& date = event.at.date;
  const RoundStatus status = StatusAt();
  const auto unit_of = [&](const std::string& unit) -> const UnitSubmissions* {
    for (const UnitSubmissions& u : status.units) {
      if (u.unit == unit) return &u;
    }
    return nullptr;
  };
  return std::visit(
      Overloaded{
          [&](const RoundOpened& e) -> absl::Status {
            if (!history_.empty()) return absl::FailedPreconditionError(std::string(Tr("the round is already open")));
            if (e.definition.units.empty()) {
              return absl::InvalidArgumentError(std::string(Tr("a round assesses at least one unit")));
            }
            for (const absl::Status& names :
                 {OneLine(e.definition.units, Tr("the units")), OneLine(e.definition.assessment_group, Tr("the group")),
                  OneLine({e.definition.framework, e.definition.committee, e.definition.within}, Tr("the round"))}) {
              if (!names.ok()) return names;
            }
            if (absl::Status members = MustBeMembers(organisation, e.definition.assessment_group, date,
                                                     Tr("assessment group (考核组)"));
                !members.ok()) {
              return members;
            }
            return MustBeOffice(organisation, *committee, e.by, date, Tr("opening a round"));
          },
          [&](const FiguresSubmitted& e) -> absl::Status {
            if (!Open(status.state)) {
              return StateError(Tr("a submission"), status.state,
                                std::string(Tr("; its figures are locked (a correction reopens the round)")));
            }
            if (unit_of(e.unit) == nullptr) {
              return absl::InvalidArgumentError(
                  Format("'$0' is not a unit of this round", e.unit));
            }
            if (e.by.empty()) return absl::InvalidArgumentError(std::string(Tr("a submission says who made it")));
            if (e.sha256 != Sha256Hex(e.figures)) {
              return absl::DataLossError(Format("the figures of $0's submission do not match their hash", e.unit));
            }
            return absl::OkStatus();
          },
          [&](const SubmissionAccepted& e) -> absl::Status {
            const UnitSubmissions* unit = unit_of(e.unit);
            if (!Open(status.state)) return StateError(Tr("accepting"), status.state, "");
            if (unit == nullptr || unit->state != SubmissionState::kSubmitted || unit->revisions != e.revision) {
              return absl::FailedPreconditionError(Format("only the latest submission awaiting the office is accepted: $0 is $1$2", e.unit, unit ? Tr(SubmissionStateName(unit->state).data()) : Tr("not in the round"), unit && unit->revisions > 0 ? Format("，第 $0 次提交", unit->revisions) : ""));
            }
            return MustBeOffice(organisation, *committee, e.by, date, Tr("accepting a submission"));
          },
          [&](const SubmissionReturned& e) -> absl::Status {
            const UnitSubmissions* unit = unit_of(e.unit);
            if (!Open(status.state)) return StateError(Tr("returning"), status.state, "");
            if (unit == nullptr || unit->state != SubmissionState::kSubmitted || unit->revisions != e.revision) {
              return absl::FailedPreconditionError(Format("only the latest submission awaiting the office is returned: $0 is $1", e.unit, unit ? Tr(SubmissionStateName(unit->state).data()) : Tr("not in the round")));
            }
            if (e.reason.empty()) return absl::InvalidArgumentError(std::string(Tr("a return says why (--reason)")));
            return MustBeOffice(organisation, *committee, e.by, date, Tr("returning a submission"));
          },
          [&](const FiguresReviewed& e) -> absl::Status {
            if (!Open(status.state)) return StateError(Tr("a spot-check"), status.state, "");
            std::vector<std::string> pending;
            for (const UnitSubmissions& unit : status.units) {
              if (unit.state != SubmissionState::kAccepted) pending.push_back(unit.unit);
            }
            if (!pending.empty()) {
              return absl::FailedPreconditionError(Format("a spot-check reviews accepted figures; not yet accepted: $0", ListText(pending)));
            }
            if (e.sample.empty()) return absl::InvalidArgumentError(std::string(Tr("a spot-check reviews at least one unit")));
            for (const std::string& unit : e.sample) {
              if (unit_of(unit) == nullptr) {
                return absl::InvalidArgumentError(Format("'$0' is not a unit of this round", unit));
              }
            }
            if (absl::Status names = OneLine(e.group, Tr("the spot-check group")); !names.ok()) return names;
            if (absl::Status members = MustBeMembers(organisation, e.group, date, Tr("spot-check group (抽查组)"));
                !members.ok()) {
              return members;
            }
            if (e.sha256 != Sha256Hex(e.verified)) {
              return absl::DataLossError(std::string(Tr("the verified values do not match their hash")));
            }
            return MustBeOffice(organisation, *committee, e.by, date, Tr("recording a spot-check"));
          },
          [&](const RoundApproved& e) -> absl::Status {
            if (!Open(status.state)) return StateError(Tr("approval"), status.state, "");
            std::vector<std::string> pending;
            for (const UnitSubmissions& unit : status.units) {
              if (unit.state != SubmissionState::kAccepted) pending.push_back(unit.unit);
            }
            if (!pending.empty()) {
              return absl::FailedPreconditionError(Format("approval needs every unit's figures accepted; not yet: $0", ListText(pending)));
            }
            return MustBeDirector(organisation, *committee, e.by, date, Tr("approval (审定)"));
          },
          [&](const ApprovalWithdrawn& e) -> absl::Status {
            if (status.state != RoundState::kApproved) {
              return StateError(Tr("withdrawing the approval"), status.state, std::string(Tr(" (only an approved, unpublished round)")));
            }
            if (e.reason.empty()) return absl::InvalidArgumentError(std::string(Tr("a withdrawal says why (--reason)")));
            return MustBeDirector(organisation, *committee, e.by, date, Tr("withdrawing the approval"));
          },
          [&](const RoundPublished& e) -> absl::Status {
            if (status.state != RoundState::kApproved) {
              return StateError(Tr("publication (通报)"), status.state, std::string(Tr(" (the director approves first)")));
            }
            return MustBeOffice(organisation, *committee, e.by, date, Tr("publication (通报)"));
          },
          [&](const RoundReopened& e) -> absl::Status {
            if (Open(status.state)) {
              return StateError(Tr("reopening"), status.state, std::string(Tr(" (it is open)")));
            }
            if (e.reason.empty()) return absl::InvalidArgumentError(std::string(Tr("reopening says why (--reason)")));
            return MustBeDirector(organisation, *committee, e.by, date, Tr("reopening the round"));
          },
          [&](const OverallReportStep& e) -> absl::Status {
            return CheckReportStep(e, status, organisation, *committee, date);
          },
          // A receipt is a record, not a figure: it may come at any state.
          [&](const UnitRoundReceived& e) -> absl::Status {
            if (unit_of(e.unit) == nullptr) {
              return absl::InvalidArgumentError(Format("'$0' is not a unit of this round", e.unit));
            }
            if (e.year != definition_.year) {
              return absl::InvalidArgumentError(Format("$0's round is of $1; this round is of $2", e.unit, e.year, definition_.year));
            }
            if (e.state != RoundState::kApproved && e.state != RoundState::kPublished) {
              return absl::FailedPreconditionError(Format("$0's round is $1: a round is sent up once approved", e.unit, Tr(RoundStateName(e.state).data())));
            }
            if (e.file_sha256.size() != 64) return absl::InvalidArgumentError(std::string(Tr("a receipt keeps the file's SHA-256")));
            if (absl::Status names = OneLine({e.framework, e.approved_by}, Tr("the round received")); !names.ok()) {
              return names;
            }
            return MustBeOffice(organisation, *committee, e.by, date, Tr("receiving a unit's round"));
          },
      },
      event.body);
}

absl::Status Round::Append(RoundEvent event) {
  if (absl::Status allowed = Check(event); !allowed.ok()) return allowed;
  history_.push_back(std::move(event));
  return absl::OkStatus();
}

RoundStatus Round::StatusAt(std::optional<Instant> as_of) const {
  RoundStatus status;
  for (const std::string& unit : definition_.units) {
    UnitSubmissions submissions;
    submissions.unit = unit;
    status.units.push_back(std::move(submissions));
  }
  const auto unit_of = [&](const std::string& name) -> UnitSubmissions* {
    for (UnitSubmissions& u : status.units) {
      if (u.unit == name) return &u;
    }
    return nullptr;
  };
  for (const RoundEvent& event : history_) {
    if (as_of && *as_of < event.at) break;
    std::visit(Overloaded{
                   [&](const RoundOpened&) {},
                   [&](const FiguresSubmitted& e) {
                     UnitSubmissions* u = unit_of(e.unit);
                     u->state = SubmissionState::kSubmitted;
                     ++u->revisions;
                     u->last_submitted = event.at;
                     u->late = definition_.deadline && *definition_.deadline < event.at;
                     u->returned_reason.clear();
                   },
                   [&](const SubmissionAccepted& e) { unit_of(e.unit)->state = SubmissionState::kAccepted; },
                   [&](const SubmissionReturned& e) {
                     UnitSubmissions* u = unit_of(e.unit);
                     u->state = SubmissionState::kReturned;
                     u->returned_reason = e.reason;
                   },
                   [&](const FiguresReviewed& e) {
                     status.state = RoundState::kReviewed;
                     status.review = &e;
                     status.reviewed_at = event.at;
                   },
                   [&](const RoundApproved& e) {
                     status.state = RoundState::kApproved;
                     status.approved_at = event.at;
                     status.approved_by = e.by;
                   },
                   [&](const ApprovalWithdrawn&) {
                     status.state = status.review ? RoundState::kReviewed : RoundState::kCollecting;
                     status.approved_at.reset();
                     status.approved_by.clear();
                     status.report = ReportStatus{};  // a draft on a withdrawn result stands on nothing
                   },
                   [&](const RoundPublished&) {
                     status.state = RoundState::kPublished;
                     status.published_at = event.at;
                   },
                   [&](const RoundReopened&) {
                     status.state = RoundState::kCollecting;
                     status.review = nullptr;
                     status.reviewed_at.reset();
                     status.approved_at.reset();
                     status.approved_by.clear();
                     status.published_at.reset();
                     status.report = ReportStatus{};
                     // Figures accepted before stay accepted; a correction is a
                     // resubmission the office accepts again.
                   },
                   [&](const UnitRoundReceived& e) { status.received[e.unit] = {event.at, &e}; },
                   [&](const OverallReportStep& e) {
                     if (e.action == ReportAction::kForm) {
                       status.report.formed = &e;
                       status.report.steps.clear();
                     }
                     status.report.steps[e.action] = {event.at, e.by};
                   },
               },
               event.body);
  }
  for (const auto& [unit, receipt] : status.received) {
    if (definition_.send_up_deadline && *definition_.send_up_deadline < receipt.first) {
      status.sent_up_late.push_back(unit);
    }
  }
  for (const UnitSubmissions& u : status.units) {
    if (u.state == SubmissionState::kNone) status.missing.push_back(u.unit);
    if (u.late) status.late.push_back(u.unit);
    if (u.state == SubmissionState::kReturned) status.returned.push_back(u.unit);
  }
  return status;
}

const FiguresSubmitted* Round::Submission(std::string_view unit, int revision) const {
  int seen = 0;
  for (const RoundEvent& event : history_) {
    const auto* submitted = std::get_if<FiguresSubmitted>(&event.body);
    if (submitted != nullptr && submitted->unit == unit && ++seen == revision) return submitted;
  }
  return nullptr;
}

std::map<std::string, const FiguresSubmitted*> Round::AcceptedFigures() const {
  std::map<std::string, const FiguresSubmitted*> accepted;
  for (const RoundEvent& event : history_) {
    if (const auto* e = std::get_if<SubmissionAccepted>(&event.body)) {
      accepted[e->unit] = Submission(e->unit, e->revision);
    }
  }
  return accepted;
}

}  // namespace healthact
