// Who runs the health action: the promotion committee (推进委员会) of a city or
// county, its office (办公室), its expert advisory committee (专家咨询委员会), the
// special-action working groups (专项行动工作组), the posts that hold the seats,
// the people in the posts over time, and the committee's meetings and tasks.
//
// The rules of both seed documents are built in:
//   * a seat is held by a post, not a person: when a person leaves a post,
//     the successor in that post holds the seat, with no new document
//     ("由本单位分管该项工作的接任人员自行接替，不再另行发文");
//   * adding or adjusting a seat is proposed by the office and approved by the
//     committee's director ("由推进委员会办公室提出，按程序报推进委员会主任批准");
//     anything else is rejected with the reason;
//   * every change is kept, dated, in an append-only history, so any past
//     roster can be rebuilt.
#ifndef HEALTHACT_ORGANISATION_HPP_
#define HEALTHACT_ORGANISATION_HPP_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace healthact {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  // "2020-03-15" (or with full-width digits); nullopt for anything else.
  static std::optional<Date> Parse(std::string_view text);
  std::string ToString() const;  // "2020-03-15"
  friend auto operator<=>(const Date&, const Date&) = default;
};

// The committee roles of the documents.
enum class CommitteeRole : std::int32_t {
  kDirector = 1,          // 主任
  kDeputyDirector = 2,    // 副主任
  kMember = 3,            // 成员 / 委员
  kSecretaryGeneral = 4,  // 秘书长
};
std::optional<CommitteeRole> ParseCommitteeRole(std::string_view text);
std::string_view CommitteeRoleName(CommitteeRole role);

// A post (职务) in a department: "市卫生健康委主任" in 市卫生健康委.  Posts may be
// described rather than named: "市政府分管卫生健康工作的副市长".
struct Post {
  std::string name;
  std::string department;
};

// A person holding a post from a date, until a date (exclusive) or still.
struct Tenure {
  std::string person;
  std::string post;
  Date from;
  std::optional<Date> until;
};

// A seat on a committee, held by whoever holds `post`.
struct Seat {
  CommitteeRole role = CommitteeRole::kMember;
  std::string post;
  bool concurrent = false;  // 兼: held together with another seat
};

// A change to the seats, as the documents require it to be made.
struct SeatChange {
  enum class Kind : std::int32_t { kAdd = 1, kRemove = 2 };
  Kind kind = Kind::kAdd;
  Date date;
  Seat seat;
  std::string proposed_by;  // must be the committee's office
  std::string approved_by;  // must be the post of the committee's director
  std::string document;     // the approval's document, if any
};

struct ExpertMember {
  std::string person;
  std::string field;  // 领域
};

// Seats the documents leave to be filled by procedure: "相关领域专家学者、人大
// 代表、政协委员和社会知名人士代表若干名（具体人员由推进委员会按程序确定）".
struct SeatsByProcedure {
  std::string kind;            // who sits: 相关领域专家学者、人大代表、…
  std::optional<int> number;   // unset: 若干 (a number the document does not state)
  std::string decided_by;      // 推进委员会按程序确定
};

// What a department is charged with, as the documents write it.
struct DepartmentDuty {
  std::string department;
  std::string text;
};

struct WorkingGroup {
  std::string action;           // 健康知识普及行动
  std::string lead_department;  // 牵头部门
};

enum class MeetingKind : std::int32_t {
  kPlenary = 1,         // 全体会议
  kDirectorsMeeting = 2,// 主任办公会议
  kOfficeMeeting = 3,   // 办公室会议
};
std::optional<MeetingKind> ParseMeetingKind(std::string_view text);
std::string_view MeetingKindName(MeetingKind kind);

// A task's state on a day: done by its due date (按期完成), done after it
// (逾期完成), not done and not yet due (进行中), not done and past due (逾期未完成).
// A task done after the day is not done on it.
enum class TaskState : std::uint8_t { kDone, kDoneLate, kOpen, kOverdue };
std::string_view TaskStateName(TaskState state);  // "按期完成"
std::string_view TaskStateKey(TaskState state);   // "done", "done_late", "open", "overdue"
std::optional<TaskState> ParseTaskState(std::string_view text);  // either language

struct Task {
  std::string description;
  std::string owner;  // the department that owns it
  Date due;
  std::optional<Date> done;  // when it was completed

  TaskState StateOn(const Date& day) const;
};

struct Meeting {
  MeetingKind kind = MeetingKind::kPlenary;
  Date date;
  std::vector<std::string> decisions;
  std::vector<Task> tasks;
};

// One jurisdiction's promotion committee and everything attached to it.
struct Committee {
  std::string name;          // 健康张掖行动推进委员会
  std::string jurisdiction;  // 张掖市
  Date established;
  std::vector<Seat> seats;   // as established; changes are in `history`
  std::string office_department;        // 办公室设在 …
  std::string office_director_post;     // 办公室主任
  std::vector<std::string> office_members;
  std::string experts_appointed_by;     // 专家咨询委员会由 … 聘请
  std::vector<ExpertMember> experts;
  int announced_working_groups = 0;     // "19项专项行动"
  std::vector<WorkingGroup> working_groups;
  std::vector<SeatsByProcedure> seats_by_procedure;
  std::vector<DepartmentDuty> duties;  // in document order
  std::vector<SeatChange> history;      // append-only, in date order
  std::vector<Meeting> meetings;
};

// Someone on a committee on a date.
struct RosterEntry {
  CommitteeRole role = CommitteeRole::kMember;
  std::string post;
  std::string department;
  std::optional<std::string> person;  // nullopt: the post is vacant that day
  bool concurrent = false;
};

// A finding of the structural checks, with the thing it is about.
struct OrganisationFinding {
  std::string committee;
  std::string message;
};

class Organisation {
 public:
  std::vector<Post> posts;
  std::vector<Tenure> tenures;
  std::vector<Committee> committees;
  // Jurisdictions that should have a committee of their own (a city's counties).
  std::vector<std::string> jurisdictions;

  const Committee* FindCommittee(std::string_view jurisdiction_or_name) const;
  const Post* FindPost(std::string_view name) const;

  // Who held `post` on `date`.
  std::optional<std::string> HolderOn(std::string_view post, const Date& date) const;

  // The seats on `date` (as established, then every change up to that day)
  // with the person in each post that day.
  std::vector<RosterEntry> RosterOn(const Committee& committee, const Date& date) const;

  // Records a change to a committee's seats after checking the documents'
  // procedure: proposed by the office, approved by the post of the director.
  // A change that fails is not recorded; the status says why.
  absl::Status ProposeChange(std::string_view committee, const SeatChange& change);

  // The post that approves seat changes, and who held it on `date`.
  std::pair<std::string, std::optional<std::string>> Approver(const Committee& committee,
                                                              const Date& date) const;

  // What a department is responsible for on a date.
  struct Responsibilities {
    std::vector<RosterEntry> seats;           // its posts' seats
    std::vector<std::string> groups_led;      // working groups it leads
    bool seats_office = false;                // the office is in it
    std::vector<Task> open_tasks;             // tasks it owns, not done by `date`
  };
  Responsibilities ResponsibilitiesOf(const Committee& committee, std::string_view department,
                                      const Date& date) const;

  // Tasks not done by their due date, as of `date`.
  std::vector<std::pair<const Meeting*, const Task*>> OverdueTasks(const Committee& committee,
                                                                   const Date& date) const;

  // The documents' structural rules: a working group without a lead
  // department, an office with no seat, a post with no department, a member
  // seat nobody holds on the date (checked when the roster names people at
  // all), a person in two incompatible roles (主任 or 副主任 and also 成员), a
  // jurisdiction without a committee, more or fewer working groups than
  // announced.
  std::vector<OrganisationFinding> Check(const Date& date) const;
};

}  // namespace healthact

#endif  // HEALTHACT_ORGANISATION_HPP_
