// healthact org: the roster on a date, who approves, a department's duties.
#include "commands.hpp"

#include <iostream>
#include <string>

#include "healthact/lang/organisation_text.hpp"

#include "cli.hpp"
#include "usage.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::cli {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

namespace {

void PrintSeat(const RosterEntry& entry) {
  std::cout << "  " << Tr(CommitteeRoleName(entry.role).data()) << "  "
            << (entry.person ? *entry.person : std::string(Tr("（按职务，未列姓名）"))) << "  " << entry.post
            << (entry.concurrent ? Tr("（兼）") : "") << "  [" << entry.department << "]\n";
}

// Whether `name` is a department of the organisation: one that holds a post,
// seats an office, leads a working group, has duties or owns a task.
bool HasDepartment(const Organisation& org, std::string_view name) {
  for (const Post& post : org.posts) {
    if (post.department == name) return true;
  }
  for (const Committee& committee : org.committees) {
    if (committee.office_department == name) return true;
    for (const WorkingGroup& group : committee.working_groups) {
      if (group.lead_department == name) return true;
    }
    for (const DepartmentDuty& duty : committee.duties) {
      if (duty.department == name) return true;
    }
    for (const Meeting& meeting : committee.meetings) {
      for (const Task& task : meeting.tasks) {
        if (task.owner == name) return true;
      }
    }
  }
  return false;
}

}  // namespace

int Org(const std::vector<std::string>& words) {
  const auto arguments = ParseArguments(words, {"as-of", "who", "department", "group"});
  if (!arguments || arguments->positional.size() != 1) {
    std::cerr << UsageOf("org");
    return kExitUsage;
  }
  const auto& flags = arguments->flags;
  absl::StatusOr<std::string> text = ReadFile(arguments->positional[0]);
  if (!text.ok()) {
    std::cerr << "healthact: " << text.status().message() << "\n";
    return kExitInvalid;
  }
  const ParsedOrganisation parsed =
      ParseOrganisation(*text, arguments->positional[0]);
  for (const Diagnostic& d : parsed.diagnostics) std::cerr << d.ToString() << "\n";
  if (!parsed.ok()) return kExitInvalid;
  Date date = Today();
  if (flags.count("as-of")) {
    const std::optional<Date> as_of = Date::Parse(flags.at("as-of"));
    if (!as_of) {
      std::cerr << "healthact: " << Tr("--as-of takes a date like 2021-03-01") << "\n";
      return kExitUsage;
    }
    date = *as_of;
  }
  const Organisation& org = *parsed.organisation;
  // A lookup that names nothing the organisation has says so, and fails: an
  // empty answer would read as "nobody holds it" or "it has no duties".
  if (flags.count("who") && org.FindPost(flags.at("who")) == nullptr) {
    std::cerr << "healthact: " << Format("$0 has no post named '$1' (posts are named as its 职务 lines name them)", arguments->positional[0], flags.at("who")) << "\n";
    return kExitInvalid;
  }
  if (flags.count("department") && !HasDepartment(org, flags.at("department"))) {
    std::cerr << "healthact: " << Format("$0 has no department named '$1'", arguments->positional[0], flags.at("department")) << "\n";
    return kExitInvalid;
  }
  for (const Committee& committee : org.committees) {
    std::cout << Format("$0（$1），$2", committee.name, committee.jurisdiction, date.ToString()) << "\n";
    // Before the committee was established it had no seats: say so rather
    // than print an empty roster.
    if (date < committee.established) {
      std::cout << Format("（$0 推进委员会尚未成立：成立于 $1）", date.ToString(), committee.established.ToString()) << "\n";
      continue;
    }
    if (flags.count("who")) {
      const std::string& post = flags.at("who");
      const std::optional<std::string> holder = org.HolderOn(post, date);
      std::cout << post << Tr("：") << (holder ? *holder : std::string(Tr("（无记录）"))) << "\n";
      for (const RosterEntry& entry : org.RosterOn(committee, date)) {
        if (entry.post == post) PrintSeat(entry);
      }
      continue;
    }
    std::string department;
    if (flags.count("group")) {
      for (const WorkingGroup& group : committee.working_groups) {
        if (group.action == flags.at("group")) department = group.lead_department;
      }
      if (department.empty()) {
        std::cout << Format("没有名为 $0 的工作组", flags.at("group")) << "\n";
        continue;
      }
      std::cout << Format("$0：牵头部门 $1", flags.at("group"), department) << "\n";
    }
    if (flags.count("department")) department = flags.at("department");
    if (!department.empty()) {
      const auto r = org.ResponsibilitiesOf(committee, department, date);
      std::cout << department << (r.seats_office ? Tr("（推进委员会办公室设在此）") : "") << "\n";
      for (const RosterEntry& entry : r.seats) PrintSeat(entry);
      for (const std::string& group : r.groups_led) std::cout << "  " << Format("牵头 $0", group) << "\n";
      for (const Task& task : r.open_tasks) {
        std::cout << "  " << Format("未完成任务 $0，期限 $1", task.description, task.due.ToString()) << "\n";
      }
      continue;
    }
    const auto roster = org.RosterOn(committee, date);
    for (const RosterEntry& entry : roster) PrintSeat(entry);
    const auto [approver_post, approver] = org.Approver(committee, date);
    const std::optional<std::string> office_director = org.HolderOn(committee.office_director_post, date);
    const std::string by_post(Tr("按职务"));
    std::cout << Format("办公室：设在 $0，主任 $1（$2）", committee.office_department, committee.office_director_post,
                        office_director.value_or(by_post))
              << "\n"
              << Format("成员调整：由办公室提出，报主任（$0，$1）批准", approver_post, approver.value_or(by_post)) << "\n"
              << Format("工作组 $0 个", committee.working_groups.size());
    if (committee.announced_working_groups != 0) {
      std::cout << Format("（方案提出 $0 项专项行动）", committee.announced_working_groups);
    }
    std::cout << "\n";
    for (const SeatsByProcedure& seats : committee.seats_by_procedure) {
      const std::string number = seats.number ? Format("$0 名", *seats.number) : std::string(Tr("若干名"));
      std::cout << (seats.decided_by.empty() ? Format("待定席位：$0，$1", seats.kind, number)
                                             : Format("待定席位：$0，$1，由$2", seats.kind, number, seats.decided_by))
                << "\n";
    }
    for (const DepartmentDuty& duty : committee.duties) {
      std::cout << Format("职责：$0 $1", duty.department, duty.text) << "\n";
    }
    for (const auto& [meeting, task] : org.OverdueTasks(committee, date)) {
      std::cout << Format("逾期任务：$0（$1，期限 $2，$3 $4）", task->description, task->owner, task->due.ToString(),
                          Tr(MeetingKindName(meeting->kind).data()), meeting->date.ToString())
                << "\n";
    }
  }
  return kExitOk;
}

}  // namespace healthact::cli
