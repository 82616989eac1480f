// hact_organisation_*, hact_roster_*: organisation texts, a committee's
// roster on a date, and who approves its seat changes.
#include <string>

#include "handles.hpp"
#include "healthact/lang/organisation_text.hpp"

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
    return Fail(HACT_ERROR_RANGE, "committee index out of range");
  }
  const std::optional<healthact::Date> when = healthact::Date::Parse(date);
  if (!when) return Fail(HACT_ERROR_INVALID, std::string("not a date (2021-01-01): ") + date);
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
      return Fail(HACT_ERROR_RANGE, "seat index out of range");
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
      return Fail(HACT_ERROR_RANGE, "seat index out of range (call hact_organisation_roster first)");
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


}  // extern "C"
