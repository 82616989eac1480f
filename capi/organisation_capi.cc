// hact_organisation_*, hact_roster_*: organisation texts, a committee's
// roster on a date, and who approves its seat changes.
#include <string>

#include "handles.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

using namespace healthact::capi;

extern "C" {

int32_t hact_organisation_parse(const char* text, size_t length, const char* file_name,
                                hact_organisation** organisation, hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (organisation != nullptr) *organisation = nullptr;
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (text == nullptr) return NullArgument("text");
    if (organisation == nullptr) return NullArgument("organisation");
    if (const int32_t status = CheckUtf8(file_name, "file_name")) return status;
    healthact::ParsedOrganisation parsed = healthact::ParseOrganisation(
        std::string_view(text, length), file_name != nullptr ? file_name : "<text>");
    const bool ok = parsed.ok();
    if (const int32_t status = HandOver(std::move(parsed.diagnostics), ok, diagnostics)) return status;
    auto handle = std::make_unique<hact_organisation>();
    handle->organisation = std::move(parsed.organisation);
    handle->text.assign(text, length);
    *organisation = handle.release();
    return HACT_OK;
  });
}

void hact_organisation_free(hact_organisation* organisation) { delete organisation; }

int32_t hact_organisation_committee_count(const hact_organisation* organisation, int32_t* count) {
  return Guard([&] {
    if (organisation == nullptr) return NullArgument("organisation");
    if (count == nullptr) return NullArgument("count");
    *count = static_cast<int32_t>(organisation->organisation->committees.size());
    return HACT_OK;
  });
}

}  // extern "C"

namespace healthact::capi {
namespace {
// The committee at `index` and the date, or a failure status.
int32_t CommitteeAndDate(const hact_organisation* organisation, int32_t index, const char* date,
                         const healthact::Committee** committee, healthact::Date* parsed) {
  if (organisation == nullptr) return NullArgument("organisation");
  if (date == nullptr) return NullArgument("date");
  if (const int32_t status = CheckUtf8(date, "date")) return status;
  const auto& committees = organisation->organisation->committees;
  if (index < 0 || static_cast<std::size_t>(index) >= committees.size()) {
    return Fail(HACT_ERROR_RANGE, std::string(Tr("committee index out of range")));
  }
  const std::optional<healthact::Date> when = healthact::Date::Parse(date);
  if (!when) return Fail(HACT_ERROR_INVALID, Format("not a date (2021-01-01): $0", date));
  *committee = &committees[index];
  *parsed = *when;
  return HACT_OK;
}
}  // namespace
}  // namespace healthact::capi

extern "C" {

}  // extern "C"

namespace healthact::capi {
namespace {

// (Filled through a reference: this file's functions have C linkage, and a
// C function cannot return a C++ object.)
void FillRoster(const hact_organisation& organisation, const healthact::Committee& committee,
                healthact::Date date, hact_roster& roster) {
  roster.seats = organisation.organisation->RosterOn(committee, date);
  roster.roles.clear();
  for (const healthact::RosterEntry& entry : roster.seats) {
    roster.roles.emplace_back(healthact::CommitteeRoleName(entry.role));
  }
}

}  // namespace
}  // namespace healthact::capi

extern "C" {

int32_t hact_organisation_roster(hact_organisation* organisation, int32_t committee, const char* date,
                                 int32_t* count) {
  return Guard([&] {
    const healthact::Committee* chosen = nullptr;
    healthact::Date when;
    if (const int32_t status = CommitteeAndDate(organisation, committee, date, &chosen, &when)) {
      return status;
    }
    if (count == nullptr) return NullArgument("count");
    FillRoster(*organisation, *chosen, when, organisation->roster);
    *count = static_cast<int32_t>(organisation->roster.seats.size());
    return HACT_OK;
  });
}

int32_t hact_roster_create(const hact_organisation* organisation, int32_t committee, const char* date,
                           hact_roster** roster) {
  if (roster != nullptr) *roster = nullptr;
  return Guard([&] {
    const healthact::Committee* chosen = nullptr;
    healthact::Date when;
    if (const int32_t status = CommitteeAndDate(organisation, committee, date, &chosen, &when)) {
      return status;
    }
    if (roster == nullptr) return NullArgument("roster");
    auto made = std::make_unique<hact_roster>();
    FillRoster(*organisation, *chosen, when, *made);
    *roster = made.release();
    return HACT_OK;
  });
}

void hact_roster_free(hact_roster* roster) { delete roster; }

int32_t hact_roster_seat_count(const hact_roster* roster, int32_t* count) {
  return Guard([&] {
    if (roster == nullptr) return NullArgument("roster");
    if (count == nullptr) return NullArgument("count");
    *count = static_cast<int32_t>(roster->seats.size());
    return HACT_OK;
  });
}

int32_t hact_roster_seat(const hact_roster* roster, int32_t index, hact_seat* out) {
  return Guard([&] {
    if (roster == nullptr) return NullArgument("roster");
    if (out == nullptr) return NullArgument("out");
    if (index < 0 || static_cast<std::size_t>(index) >= roster->seats.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("seat index out of range")));
    }
    const healthact::RosterEntry& entry = roster->seats[index];
    out->role = roster->roles[index].c_str();
    out->post = entry.post.c_str();
    out->department = entry.department.c_str();
    out->person = entry.person ? entry.person->c_str() : "";
    out->concurrent = entry.concurrent ? 1 : 0;
    return HACT_OK;
  });
}

int32_t hact_organisation_seat(const hact_organisation* organisation, int32_t index, hact_seat* out) {
  return Guard([&] {
    if (organisation == nullptr) return NullArgument("organisation");
    const int32_t status = hact_roster_seat(&organisation->roster, index, out);
    if (status == HACT_ERROR_RANGE) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("seat index out of range (call hact_organisation_roster first)")));
    }
    return status;
  });
}

int32_t hact_organisation_approver(hact_organisation* organisation, int32_t committee,
                                   const char* date, const char** post, const char** person) {
  return Guard([&] {
    const healthact::Committee* chosen = nullptr;
    healthact::Date when;
    if (const int32_t status = CommitteeAndDate(organisation, committee, date, &chosen, &when)) {
      return status;
    }
    if (post == nullptr || person == nullptr) return NullArgument("post or person");
    const auto [approver_post, approver] = organisation->organisation->Approver(*chosen, when);
    auto& kept = organisation->approvers[{committee, when.ToString()}];
    kept = {approver_post, approver.value_or("")};
    *post = kept.first.c_str();
    *person = kept.second.c_str();
    return HACT_OK;
  });
}


int32_t hact_organisation_propose_change(hact_organisation* organisation, int32_t committee,
                                         const hact_seat_change* change) {
  return Guard([&] {
    if (organisation == nullptr) return NullArgument("organisation");
    if (change == nullptr) return NullArgument("change");
    if (change->struct_size < static_cast<int32_t>(sizeof(hact_seat_change))) {
      return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("change->struct_size is not sizeof(hact_seat_change)")));
    }
    if (change->date == nullptr || change->role == nullptr || change->post == nullptr ||
        change->proposed_by == nullptr || change->approved_by == nullptr) {
      return NullArgument("change->date, role, post, proposed_by or approved_by");
    }
    for (const auto& [text, name] : {std::pair{change->date, "date"}, {change->role, "role"},
                                     {change->post, "post"}, {change->proposed_by, "proposed_by"},
                                     {change->approved_by, "approved_by"}, {change->document, "document"}}) {
      if (const int32_t status = CheckUtf8(text, name)) return status;
    }
    const healthact::Committee* chosen = nullptr;
    healthact::Date when;
    if (const int32_t status = CommitteeAndDate(organisation, committee, change->date, &chosen, &when)) {
      return status;
    }
    if (change->kind != HACT_SEAT_ADD && change->kind != HACT_SEAT_REMOVE) {
      return Fail(HACT_ERROR_INVALID, std::string(Tr("change->kind is neither HACT_SEAT_ADD nor HACT_SEAT_REMOVE")));
    }
    const std::optional<healthact::CommitteeRole> role = healthact::ParseCommitteeRole(change->role);
    if (!role) return Fail(HACT_ERROR_INVALID, Format("unknown role $0", change->role));
    healthact::SeatChange made;
    made.kind = change->kind == HACT_SEAT_ADD ? healthact::SeatChange::Kind::kAdd
                                              : healthact::SeatChange::Kind::kRemove;
    made.date = when;
    made.seat = {*role, change->post, change->concurrent != 0};
    made.proposed_by = change->proposed_by;
    made.approved_by = change->approved_by;
    made.document = change->document != nullptr ? change->document : "";
    // Copy-on-write: rosters already made keep the organisation they were made from.
    auto changed = std::make_shared<healthact::Organisation>(*organisation->organisation);
    if (absl::Status status = changed->ProposeChange(chosen->name, made); !status.ok()) {
      return Fail(HACT_ERROR_INVALID, std::string(status.message()));
    }
    organisation->organisation = std::move(changed);
    organisation->changed = true;
    return HACT_OK;
  });
}

int32_t hact_tasks_overdue(const hact_organisation* organisation, int32_t committee, const char* date,
                           hact_tasks** tasks) {
  if (tasks != nullptr) *tasks = nullptr;
  return Guard([&] {
    const healthact::Committee* chosen = nullptr;
    healthact::Date when;
    if (const int32_t status = CommitteeAndDate(organisation, committee, date, &chosen, &when)) {
      return status;
    }
    if (tasks == nullptr) return NullArgument("tasks");
    auto made = std::make_unique<hact_tasks>();
    for (const auto& [meeting, task] : organisation->organisation->OverdueTasks(*chosen, when)) {
      made->items.push_back({task->description, task->owner, task->due.ToString(),
                             std::string(healthact::MeetingKindName(meeting->kind)) + " " +
                                 meeting->date.ToString()});
    }
    *tasks = made.release();
    return HACT_OK;
  });
}

void hact_tasks_free(hact_tasks* tasks) { delete tasks; }

int32_t hact_tasks_count(const hact_tasks* tasks, int32_t* count) {
  return Guard([&] {
    if (tasks == nullptr) return NullArgument("tasks");
    if (count == nullptr) return NullArgument("count");
    *count = static_cast<int32_t>(tasks->items.size());
    return HACT_OK;
  });
}

int32_t hact_tasks_get(const hact_tasks* tasks, int32_t index, hact_task* out) {
  return Guard([&] {
    if (tasks == nullptr) return NullArgument("tasks");
    if (out == nullptr) return NullArgument("out");
    if (index < 0 || static_cast<std::size_t>(index) >= tasks->items.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("task index out of range")));
    }
    const hact_tasks::Item& item = tasks->items[index];
    out->description = item.description.c_str();
    out->owner = item.owner.c_str();
    out->due = item.due.c_str();
    out->meeting = item.meeting.c_str();
    return HACT_OK;
  });
}

}  // extern "C"
