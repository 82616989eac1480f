#include "healthact/model/organisation.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "healthact/core/decimal.hpp"
#include "healthact/core/limits.hpp"
#include "core/strings.hpp"
#include "model/vocabulary.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;
namespace {

bool ValidDay(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (!limits::IsYearInRange(year) || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
}

// Seats of a committee on a date: as established, then the changes so far.
std::vector<Seat> SeatsOn(const Committee& committee, const Date& date) {
  std::vector<Seat> seats = committee.seats;
  for (const SeatChange& change : committee.history) {
    if (date < change.date) break;
    const auto same = [&](const Seat& s) {
      return s.role == change.seat.role && s.post == change.seat.post;
    };
    if (change.kind == SeatChange::Kind::kAdd) {
      if (std::none_of(seats.begin(), seats.end(), same)) seats.push_back(change.seat);
    } else {
      seats.erase(std::remove_if(seats.begin(), seats.end(), same), seats.end());
    }
  }
  return seats;
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  // Full-width digits and dashes are accepted: dates are typed in Chinese
  // input methods too.
  std::string ascii;
  for (std::size_t i = 0; i < text.size();) {
    std::string_view rest = text.substr(i);
    bool matched = false;
    for (int d = 0; d <= 9 && !matched; ++d) {
      static constexpr std::string_view kWide[] = {"０", "１", "２", "３", "４",
                                                   "５", "６", "７", "８", "９"};
      if (rest.starts_with(kWide[d])) {
        ascii += static_cast<char>('0' + d);
        i += kWide[d].size();
        matched = true;
      }
    }
    if (matched) continue;
    if (rest.starts_with("－")) {
      ascii += '-';
      i += 3;
      continue;
    }
    ascii += text[i++];
  }
  if (ascii.size() != 10 || ascii[4] != '-' || ascii[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (ascii[i] < '0' || ascii[i] > '9') return std::nullopt;
  }
  Date date{std::stoi(ascii.substr(0, 4)), std::stoi(ascii.substr(5, 2)),
            std::stoi(ascii.substr(8, 2))};
  if (!ValidDay(date.year, date.month, date.day)) return std::nullopt;
  return date;
}

std::string Date::ToString() const {
  std::string out = std::to_string(year) + "-";
  if (month < 10) out += '0';
  out += std::to_string(month) + "-";
  if (day < 10) out += '0';
  return out + std::to_string(day);
}

std::optional<CommitteeRole> ParseCommitteeRole(std::string_view text) {
  if (text == "主任") return CommitteeRole::kDirector;
  if (text == "副主任") return CommitteeRole::kDeputyDirector;
  if (text == "成员" || text == "委员") return CommitteeRole::kMember;
  if (text == "秘书长") return CommitteeRole::kSecretaryGeneral;
  return std::nullopt;
}

std::string_view CommitteeRoleName(CommitteeRole role) {
  switch (role) {
    case CommitteeRole::kDirector: return "主任";
    case CommitteeRole::kDeputyDirector: return "副主任";
    case CommitteeRole::kMember: return "成员";
    case CommitteeRole::kSecretaryGeneral: return "秘书长";
  }
  return "?";
}

std::optional<MeetingKind> ParseMeetingKind(std::string_view text) {
  if (text == "全体会议") return MeetingKind::kPlenary;
  if (text == "主任办公会议") return MeetingKind::kDirectorsMeeting;
  if (text == "办公室会议") return MeetingKind::kOfficeMeeting;
  return std::nullopt;
}

TaskState Task::StateOn(const Date& day) const {
  if (done && *done <= day) return *done <= due ? TaskState::kDone : TaskState::kDoneLate;
  return due < day ? TaskState::kOverdue : TaskState::kOpen;
}

std::string_view TaskStateName(TaskState state) {
  return vocabulary::Chinese(vocabulary::kTaskStates, state);
}

std::string_view TaskStateKey(TaskState state) {
  return vocabulary::English(vocabulary::kTaskStates, state);
}

std::optional<TaskState> ParseTaskState(std::string_view text) {
  return vocabulary::Lookup(vocabulary::kTaskStates, text);
}

std::string_view MeetingKindName(MeetingKind kind) {
  switch (kind) {
    case MeetingKind::kPlenary: return "全体会议";
    case MeetingKind::kDirectorsMeeting: return "主任办公会议";
    case MeetingKind::kOfficeMeeting: return "办公室会议";
  }
  return "?";
}

const Committee* Organisation::FindCommittee(std::string_view key) const {
  for (const Committee& committee : committees) {
    if (committee.jurisdiction == key || committee.name == key) return &committee;
  }
  return nullptr;
}

const Post* Organisation::FindPost(std::string_view name) const {
  for (const Post& post : posts) {
    if (post.name == name) return &post;
  }
  return nullptr;
}

std::optional<std::string> Organisation::HolderOn(std::string_view post, const Date& date) const {
  for (const Tenure& tenure : tenures) {
    if (tenure.post == post && !(date < tenure.from) && (!tenure.until || date < *tenure.until)) {
      return tenure.person;
    }
  }
  return std::nullopt;
}

std::vector<RosterEntry> Organisation::RosterOn(const Committee& committee, const Date& date) const {
  std::vector<RosterEntry> roster;
  if (date < committee.established) return roster;
  for (const Seat& seat : SeatsOn(committee, date)) {
    const Post* post = FindPost(seat.post);
    roster.push_back(RosterEntry{seat.role, seat.post, post ? post->department : "",
                                 HolderOn(seat.post, date), seat.concurrent});
  }
  return roster;
}

std::pair<std::string, std::optional<std::string>> Organisation::Approver(const Committee& committee,
                                                                          const Date& date) const {
  for (const Seat& seat : SeatsOn(committee, date)) {
    if (seat.role == CommitteeRole::kDirector) return {seat.post, HolderOn(seat.post, date)};
  }
  return {"", std::nullopt};
}

absl::Status Organisation::ProposeChange(std::string_view name, const SeatChange& change) {
  auto it = std::find_if(committees.begin(), committees.end(), [&](const Committee& c) {
    return c.jurisdiction == name || c.name == name;
  });
  if (it == committees.end()) {
    return absl::NotFoundError(Format("no committee '$0'", name));
  }
  Committee& committee = *it;
  if (change.proposed_by != committee.office_department &&
      change.proposed_by != text::StrCat(committee.name, "办公室") &&
      change.proposed_by != "办公室") {
    return absl::PermissionDeniedError(Format("a change of members is proposed by the committee's office (推进委员会办公室, seated in $0), not by '$1'", committee.office_department, change.proposed_by));
  }
  const auto [director_post, director] = Approver(committee, change.date);
  if (change.approved_by != director_post && (!director || change.approved_by != *director)) {
    return absl::PermissionDeniedError(Format("a change of members is approved by the committee's director ($0$1), not by '$2'", director_post, director ? text::StrCat("，", *director) : std::string(), change.approved_by));
  }
  if (!committee.history.empty() && change.date < committee.history.back().date) {
    return absl::FailedPreconditionError(Format("the history is kept in date order: $0 comes before the last recorded change on $1", change.date.ToString(), committee.history.back().date.ToString()));
  }
  const std::vector<Seat> now = SeatsOn(committee, change.date);
  const bool present = std::any_of(now.begin(), now.end(), [&](const Seat& s) {
    return s.role == change.seat.role && s.post == change.seat.post;
  });
  if (change.kind == SeatChange::Kind::kAdd && present) {
    return absl::AlreadyExistsError(Format("$0 already holds a seat as $1", change.seat.post, Tr(CommitteeRoleName(change.seat.role).data())));
  }
  if (change.kind == SeatChange::Kind::kRemove && !present) {
    return absl::NotFoundError(Format("$0 holds no seat as $1", change.seat.post, Tr(CommitteeRoleName(change.seat.role).data())));
  }
  committee.history.push_back(change);
  return absl::OkStatus();
}

Organisation::Responsibilities Organisation::ResponsibilitiesOf(const Committee& committee,
                                                                std::string_view department,
                                                                const Date& date) const {
  Responsibilities result;
  for (const RosterEntry& entry : RosterOn(committee, date)) {
    if (entry.department == department) result.seats.push_back(entry);
  }
  for (const WorkingGroup& group : committee.working_groups) {
    if (group.lead_department == department) result.groups_led.push_back(group.action);
  }
  result.seats_office = committee.office_department == department;
  for (const Meeting& meeting : committee.meetings) {
    if (date < meeting.date) continue;
    for (const Task& task : meeting.tasks) {
      const TaskState state = task.StateOn(date);
      if (task.owner == department && (state == TaskState::kOpen || state == TaskState::kOverdue)) {
        result.open_tasks.push_back(task);
      }
    }
  }
  return result;
}

std::vector<std::pair<const Meeting*, const Task*>> Organisation::OverdueTasks(
    const Committee& committee, const Date& date) const {
  std::vector<std::pair<const Meeting*, const Task*>> overdue;
  for (const Meeting& meeting : committee.meetings) {
    for (const Task& task : meeting.tasks) {
      if (task.StateOn(date) == TaskState::kOverdue) overdue.emplace_back(&meeting, &task);
    }
  }
  return overdue;
}

std::vector<OrganisationFinding> Organisation::Check(const Date& date) const {
  std::vector<OrganisationFinding> findings;
  for (const Committee& committee : committees) {
    const auto find = [&](std::string message) {
      findings.push_back(OrganisationFinding{committee.name, std::move(message)});
    };
    if (committee.office_department.empty()) find("the office has no seat (办公室设在…)");
    for (const WorkingGroup& group : committee.working_groups) {
      if (group.lead_department.empty()) {
        find(text::StrCat("working group '", group.action, "' has no lead department"));
      }
    }
    if (committee.announced_working_groups != 0 &&
        committee.announced_working_groups != static_cast<int>(committee.working_groups.size())) {
      find(text::StrCat(committee.announced_working_groups, " special actions are announced but ",
                        committee.working_groups.size(), " working groups are defined"));
    }
    bool has_director = false;
    std::map<std::string, std::set<CommitteeRole>> roles_of;
    const std::vector<RosterEntry> roster = RosterOn(committee, date);
    const bool names_people = std::any_of(roster.begin(), roster.end(),
                                          [](const RosterEntry& e) { return e.person.has_value(); });
    for (const RosterEntry& entry : roster) {
      if (names_people && !entry.person) {
        find(text::StrCat(entry.department.empty() ? entry.post : entry.department,
                          " has no member on ", date.ToString(), ": nobody holds ", entry.post));
      }
      has_director = has_director || entry.role == CommitteeRole::kDirector;
      if (entry.department.empty()) {
        find(text::StrCat("the post '", entry.post, "' has no department"));
      }
      if (entry.person) roles_of[*entry.person].insert(entry.role);
    }
    if (!has_director) find("the committee has no 主任");
    for (const auto& [person, roles] : roles_of) {
      const bool leads = roles.count(CommitteeRole::kDirector) || roles.count(CommitteeRole::kDeputyDirector);
      if (roles.count(CommitteeRole::kDirector) && roles.count(CommitteeRole::kDeputyDirector)) {
        find(text::StrCat(person, " is both 主任 and 副主任"));
      }
      if (leads && roles.count(CommitteeRole::kMember)) {
        find(text::StrCat(person, " is both a leader of the committee and one of its 成员"));
      }
    }
  }
  for (const std::string& jurisdiction : jurisdictions) {
    if (FindCommittee(jurisdiction) == nullptr) {
      findings.push_back(OrganisationFinding{
          jurisdiction, text::StrCat(jurisdiction, " has no committee of its own (各县区参照市级层面的"
                                                   "组织架构，组建或明确推进实施健康行动的议事协调机构)")});
    }
  }
  return findings;
}

}  // namespace healthact
