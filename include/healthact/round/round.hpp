// The assessment round (考核轮次): the process the seeds describe around the
// computation.  The committee's assessment group (考核组) assesses the units
// at the year's end; each unit submits its figures; the office accepts them
// or returns them for correction (退回); the committee may have them
// spot-checked (复核, "适时"); the committee's director approves the result
// ("经市推进委员会审定"); the office circulates it (通报).  2020 was a trial
// (试考核): scored and ranked, and marked as such everywhere.
//
// A round is an append-only history of events; its state at any moment is
// the replay of the events up to then.  Each event is checked against the
// state it follows and the organisation on its date (who holds which seat),
// so a history that replays is one the rules allowed.  Pure: no clock, no
// I/O; the store (store/store.hpp) keeps the events.
#ifndef HEALTHACT_ROUND_HPP_
#define HEALTHACT_ROUND_HPP_

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "healthact/model/organisation.hpp"
#include "healthact/model/reporting_unit.hpp"

namespace healthact {

// A moment, to the second, in the time the office keeps (no zone).
struct Instant {
  Date date;
  int seconds = 0;  // since midnight, 0 .. 86399
  // "2023-01-05T09:30:00", or a date alone (its midnight); nullopt otherwise.
  static std::optional<Instant> Parse(std::string_view text);
  std::string ToString() const;  // "2023-01-05T09:30:00"
  friend auto operator<=>(const Instant&, const Instant&) = default;
};

enum class RoundKind : std::uint8_t {
  kOfficial,  // 正式考核
  kTrial,     // 试考核: scored and ranked, never an official result
};
std::string_view RoundKindName(RoundKind kind);  // "正式考核", "试考核"
std::string_view RoundKindKey(RoundKind kind);   // "official", "trial"
std::optional<RoundKind> ParseRoundKindKey(std::string_view key);

enum class RoundState : std::uint8_t {
  kCollecting,  // 收集中: submissions come in, are accepted or returned
  kReviewed,    // 已复核: spot-checked; corrections may still come in before approval
  kApproved,    // 已审定: figures locked
  kPublished,   // 已通报
};
std::string_view RoundStateName(RoundState state);
std::optional<RoundState> ParseRoundStateName(std::string_view name);

// What the round assesses, fixed when it is opened.
struct RoundDefinition {
  std::string framework;         // its name
  std::string framework_sha256;  // of its canonical text: the round assesses exactly it
  int year = 0;
  RoundKind kind = RoundKind::kOfficial;
  // A trial may judge the year's figures against a later year's targets
  // (the Zhangye framework states 2022 targets only; its trial was 2020).
  std::optional<int> targets_of;
  std::optional<UnitLevel> level;
  std::string within;                      // "" for everywhere
  std::vector<std::string> units;          // who must submit
  std::string committee;                   // whose round it is
  std::vector<std::string> assessment_group;  // 考核组 members
  std::optional<Instant> deadline;         // for submissions
  std::optional<Instant> send_up_deadline; // for the units' own rounds, sent up (UnitRoundReceived)
};

// The events of a round.  `by` is a person or a post of the organisation.
struct RoundOpened {
  RoundDefinition definition;
  std::string by;
};
struct FiguresSubmitted {
  std::string unit;
  std::string by;
  std::string document;  // the document or department the figures come from
  std::string figures;   // as submitted (CSV text), kept verbatim
  std::string sha256;    // of `figures`
};
// A submission with its hash computed.
FiguresSubmitted SubmissionOf(std::string unit, std::string by, std::string document,
                              std::string figures);
struct SubmissionAccepted {
  std::string unit;
  int revision = 0;  // the submission accepted, counted from 1 per unit
  std::string by;
};
struct SubmissionReturned {
  std::string unit;
  int revision = 0;
  std::string by;
  std::string reason;
};
// The spot-check (复核, "市推进委员会适时组织抽查组对县区考核结果进行复核"), when the
// committee decides: who checked, which units (drawn reproducibly from a
// seed, or named), and the values they verified.  What the verified values
// change is computed from them and the accepted figures (review.hpp).
struct FiguresReviewed {
  std::string by;
  std::vector<std::string> group;   // 抽查组 members
  std::vector<std::string> sample;  // the units checked
  std::uint64_t seed = 0;           // of the draw; 0 when the units were named
  std::string verified;             // the verified values (CSV text), kept verbatim
  std::string sha256;               // of `verified`
};
// A spot-check with its hash computed.
FiguresReviewed ReviewOf(std::string by, std::vector<std::string> group,
                         std::vector<std::string> sample, std::uint64_t seed, std::string verified);
struct RoundApproved {  // 审定
  std::string by;
};
struct ApprovalWithdrawn {
  std::string by;
  std::string reason;
};
struct RoundPublished {  // 通报
  std::string by;
};
struct RoundReopened {  // a correction after approval; the earlier result stays in the history
  std::string by;
  std::string reason;
};
// The office's overall monitoring and assessment report (综合监测考核报告) on
// the approved round: "由推进委员会办公室…形成总体监测评估报告，经市推进委员会
// 同意后上报市政府并通报" and, when decided, published.
enum class ReportAction : std::uint8_t {
  kForm,       // 形成: the office forms it (again, while not yet agreed: a revised draft)
  kAgree,      // 同意: the committee's director agrees to it
  kSendUp,     // 上报: the office reports it to the city government
  kCirculate,  // 通报: the office circulates it
  kRelease,    // 发布: published, as the committee's director decides
};
std::string_view ReportActionName(ReportAction action);  // "形成", "同意", …
std::string_view ReportActionKey(ReportAction action);   // "form", "agree", "send_up", "circulate", "release"
std::optional<ReportAction> ParseReportActionKey(std::string_view key);
struct OverallReportStep {
  ReportAction action = ReportAction::kForm;
  std::string by;
  std::string text;    // kForm: the report as formed, kept verbatim; else ""
  std::string sha256;  // of `text`
};
// A step with its hash computed.
OverallReportStep ReportStepOf(ReportAction action, std::string by, std::string text = "");

// A unit's own round, sent up: a county assesses its townships and
// departments in a round of its own, under its own framework, and sends the
// result to the city's office ("将考核情况形成报告报送市推进委员会办公室") as one
// file, its round's store.  The city receives it once it has checked it: the
// file opens intact, its history replays under its own rules, it is
// approved, and its result computes from its events.  The city keeps the
// file's hash and what the county's round says, its result included.
struct UnitRoundReceived {
  std::string unit;         // the sender: a unit of this round
  std::string by;           // the office, receiving
  std::string file_sha256;  // of the file as received
  std::string framework;    // the sender's round's
  int year = 0;             // the same as this round's
  RoundKind kind = RoundKind::kOfficial;
  RoundState state = RoundState::kApproved;  // 已审定 or 已通报
  std::string approved_by;
  std::string result_csv;   // its result (RoundResultCsv), computed by the receiver from its events
};

using RoundEventBody = std::variant<RoundOpened, FiguresSubmitted, SubmissionAccepted,
                                    SubmissionReturned, FiguresReviewed, RoundApproved,
                                    ApprovalWithdrawn, RoundPublished, RoundReopened, OverallReportStep,
                                    UnitRoundReceived>;
struct RoundEvent {
  Instant at;
  RoundEventBody body;
};
std::string_view RoundEventName(const RoundEventBody& body);  // "提交", "退回", …
// One event as a line of JSON (no newline), for software that keeps the
// history itself: {"seq": 2, "at": "2023-01-10T10:00:00", "event": "submit",
// "name": "提交", …the event's fields by name…}; the opening carries the
// round's definition.
std::string RoundEventJson(std::int64_t seq, const RoundEvent& event);
// The inverse: one line of RoundEventJson back to its position and event.
// Whether the event is allowed is for Round::Replay; this reads it, and says
// what is wrong with a line that is not one ("the event 'submit' has no
// 'sha256'"); the caller adds where the line is.
struct NumberedRoundEvent {
  std::int64_t seq = 0;
  RoundEvent event;
};
absl::StatusOr<NumberedRoundEvent> ParseRoundEventJson(std::string_view line);


enum class SubmissionState : std::uint8_t {
  kNone,       // 未提交
  kSubmitted,  // 已提交, awaiting the office
  kAccepted,   // 已受理
  kReturned,   // 已退回, awaiting a resubmission
};
std::string_view SubmissionStateName(SubmissionState state);

struct UnitSubmissions {
  std::string unit;
  SubmissionState state = SubmissionState::kNone;
  int revisions = 0;                 // how many submissions; the latest is `revisions`
  std::optional<Instant> last_submitted;
  bool late = false;                 // the latest came after the deadline
  std::string returned_reason;       // when returned
};

// Where the overall report stands: when each step was taken and by whom
// (nullopt: not yet), for the report formed last since the round was
// last approved.
struct ReportStatus {
  const OverallReportStep* formed = nullptr;  // the draft in force, or nullptr
  std::map<ReportAction, std::pair<Instant, std::string>> steps;  // action -> when, by
  bool Done(ReportAction action) const { return steps.count(action) > 0; }
};

// Where a round stands at a moment.
struct RoundStatus {
  RoundState state = RoundState::kCollecting;
  std::vector<UnitSubmissions> units;  // in the definition's order
  std::optional<Instant> approved_at;
  std::string approved_by;
  std::optional<Instant> published_at;
  const FiguresReviewed* review = nullptr;  // the latest spot-check since the round last opened
  std::optional<Instant> reviewed_at;
  // Units that have not submitted, that are late, whose latest is returned.
  std::vector<std::string> missing, late, returned;
  ReportStatus report;
  // The latest round each unit has sent up, with when it was received;
  // those received after the send-up deadline.
  std::map<std::string, std::pair<Instant, const UnitRoundReceived*>> received;
  std::vector<std::string> sent_up_late;
};

class Round {
 public:
  // Replays `events` (the first must open the round), checking each against
  // the rules; the first that breaks them is an error naming its position.
  static absl::StatusOr<Round> Replay(const std::vector<RoundEvent>& events,
                                      std::shared_ptr<const Organisation> organisation);

  const RoundDefinition& definition() const { return definition_; }
  const std::vector<RoundEvent>& history() const { return history_; }

  // Whether `event` may follow the history: FailedPrecondition (the state
  // does not allow it) or PermissionDenied (the actor does not hold the seat
  // that may, naming who may), with the reason a clerk acts on.
  absl::Status Check(const RoundEvent& event) const;
  // Check, then append.
  absl::Status Append(RoundEvent event);

  // The state after the events up to and including `as_of` (all without it).
  RoundStatus StatusAt(std::optional<Instant> as_of = std::nullopt) const;
  // A unit's submission `revision` (from 1), or nullptr.
  const FiguresSubmitted* Submission(std::string_view unit, int revision) const;
  // The figures each unit's accepted submission holds, by unit.
  std::map<std::string, const FiguresSubmitted*> AcceptedFigures() const;

 private:
  Round(RoundDefinition definition, std::shared_ptr<const Organisation> organisation);
  RoundDefinition definition_;
  std::shared_ptr<const Organisation> organisation_;
  std::vector<RoundEvent> history_;
};

}  // namespace healthact

#endif  // HEALTHACT_ROUND_HPP_
