// The C interface (capi/healthact.h) over the C++ library.  Every entry point
// catches everything: no exception crosses into C.
#include "healthact.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "healthact/assess/assessment.hpp"
#include "healthact/report/assessment_text.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/core/version.hpp"
#include "core/utf8.hpp"

struct hact_diagnostics {
  std::vector<healthact::Diagnostic> items;
  std::vector<std::string> codes;  // "E006", kept for the const char* handed out
};

struct hact_framework {
  std::shared_ptr<const healthact::Framework> framework;
  std::vector<std::string> units;                         // per indicator
  std::map<std::pair<int32_t, int32_t>, std::string> targets;  // (index, year)
};

struct hact_observations {
  // Copy-on-write: an assessment keeps the snapshot it was computed from.
  std::shared_ptr<healthact::Observations> observations = std::make_shared<healthact::Observations>();
  healthact::Observations& Writable() {
    if (observations.use_count() > 1) {
      observations = std::make_shared<healthact::Observations>(*observations);
    }
    return *observations;
  }
};

// A committee's seats on one date, as a handle of its own: reading it does
// not change the organisation, and two rosters can be read side by side.
struct hact_roster {
  std::vector<healthact::RosterEntry> seats;
  std::vector<std::string> roles;
};

struct hact_organisation {
  std::shared_ptr<const healthact::Organisation> organisation;
  // The last roster asked for by hact_organisation_roster (the older pair).
  hact_roster roster;
  // Every approver asked for, by (committee, date): node-based, so that the
  // strings handed out live as long as the handle.
  std::map<std::pair<int32_t, std::string>, std::pair<std::string, std::string>> approvers;
};

struct hact_assessment {
  std::optional<healthact::Assessment> assessment;
  std::vector<std::string> scores;  // by unit index
  // "2,3": each finding's indicators, by unit index, made once.
  std::map<std::size_t, std::vector<std::string>> finding_indicators;
  // Verdicts are explained on first request and kept, so that the strings
  // handed out stay valid; the mutex lets several threads read at once.
  mutable std::mutex mutex;
  struct ShownVerdict {
    healthact::Verdict verdict;
    std::string value, target, reason;  // its texts, made once
  };
  mutable std::map<std::pair<std::size_t, std::size_t>, ShownVerdict> verdicts;
};

namespace {

thread_local std::string last_error;

int32_t Fail(int32_t status, std::string message) {
  last_error = std::move(message);
  return status;
}

// Runs `body`, turning any exception into HACT_ERROR_INTERNAL.
template <typename Body>
int32_t Guard(Body body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(HACT_ERROR_INTERNAL, "out of memory");
  } catch (const std::exception& e) {
    return Fail(HACT_ERROR_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return Fail(HACT_ERROR_INTERNAL, "internal error");
  }
}

int32_t NullArgument(const char* name) {
  return Fail(HACT_ERROR_ARGUMENT, std::string(name) + " is NULL");
}

// HACT_OK, or HACT_ERROR_INVALID when a string that came in is not UTF-8:
// names and keys go out again in JSON and reports, which must be UTF-8.
int32_t CheckUtf8(std::string_view text, const char* name) {
  if (const std::optional<std::size_t> bad = healthact::utf8::FindInvalid(text)) {
    return Fail(HACT_ERROR_INVALID,
                std::string(name) + " is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
  }
  return HACT_OK;
}
int32_t CheckUtf8(const char* text, const char* name) {
  return text == nullptr ? HACT_OK : CheckUtf8(std::string_view(text), name);
}

// The unit at rank `position` (0 is first), or HACT_ERROR_RANGE.
int32_t UnitAtPosition(const healthact::Assessment& a, int32_t position, std::size_t& u) {
  if (position < 0 || static_cast<std::size_t>(position) >= a.unit_count()) {
    return Fail(HACT_ERROR_RANGE, "unit position out of range");
  }
  u = a.ranking()[position];
  return HACT_OK;
}

hact_diagnostics* MakeDiagnostics(std::vector<healthact::Diagnostic> items) {
  auto* out = new hact_diagnostics;
  out->items = std::move(items);
  for (const healthact::Diagnostic& d : out->items) {
    out->codes.push_back(healthact::DiagnosticCodeString(d.code));
  }
  return out;
}

std::string FirstError(const std::vector<healthact::Diagnostic>& diagnostics) {
  for (const healthact::Diagnostic& d : diagnostics) {
    if (d.severity == healthact::Severity::kError) return d.ToString();
  }
  return "invalid input";
}

// Hands the diagnostics to the caller (if asked) and returns HACT_OK, or
// HACT_ERROR_INVALID with the first error as the message.
int32_t HandOver(std::vector<healthact::Diagnostic> found, bool ok, hact_diagnostics** diagnostics) {
  const std::string error = ok ? "" : FirstError(found);
  if (diagnostics != nullptr) *diagnostics = MakeDiagnostics(std::move(found));
  return ok ? HACT_OK : Fail(HACT_ERROR_INVALID, error);
}

int32_t MakeAssessment(const hact_framework* framework, std::shared_ptr<const healthact::Observations> data,
                       int32_t year, hact_assessment** out,
                       const healthact::AssessOptions& options = {}) {
  // No target can fall outside the range: such a year would only give an
  // assessment where everything is "not applicable", silently.
  if (absl::Status year_ok = healthact::CheckYear(year); !year_ok.ok()) {
    return Fail(HACT_ERROR_INVALID, std::string(year_ok.message()));
  }
  if (absl::Status assessable = healthact::CheckAssessment(*framework->framework, *data, year, options);
      !assessable.ok()) {
    return Fail(HACT_ERROR_INVALID, std::string(assessable.message()));
  }
  auto result = std::make_unique<hact_assessment>();
  result->assessment.emplace(healthact::Assess(framework->framework, std::move(data), year, options));
  const healthact::Assessment& a = *result->assessment;
  for (std::size_t u = 0; u < a.unit_count(); ++u) {
    result->scores.push_back(a.score(u).ToString());
    for (const healthact::Finding& finding : a.findings(u)) {
      std::string joined;
      for (const std::string& number : finding.indicators) joined += (joined.empty() ? "" : ",") + number;
      result->finding_indicators[u].push_back(std::move(joined));
    }
  }
  *out = result.release();
  return HACT_OK;
}

}  // namespace

extern "C" {

int32_t hact_version_number(void) { return HACT_VERSION_NUMBER; }
const char* hact_version_string(void) { return HEALTHACT_VERSION_STRING; }

const char* hact_status_string(int32_t status) {
  switch (status) {
    case HACT_OK: return "ok";
    case HACT_ERROR_ARGUMENT: return "invalid argument";
    case HACT_ERROR_INVALID: return "invalid input";
    case HACT_ERROR_NOT_FOUND: return "not found";
    case HACT_ERROR_RANGE: return "index out of range";
    case HACT_ERROR_INTERNAL: return "internal error";
    default: return "unknown status";
  }
}

const char* hact_last_error(void) { return last_error.c_str(); }

void hact_free(void* pointer) { std::free(pointer); }

int32_t hact_diagnostics_count(const hact_diagnostics* diagnostics, int32_t* count) {
  if (diagnostics == nullptr) return NullArgument("diagnostics");
  if (count == nullptr) return NullArgument("count");
  *count = static_cast<int32_t>(diagnostics->items.size());
  return HACT_OK;
}

int32_t hact_diagnostics_get(const hact_diagnostics* diagnostics, int32_t index, hact_diagnostic* out) {
  if (diagnostics == nullptr) return NullArgument("diagnostics");
  if (out == nullptr) return NullArgument("out");
  if (index < 0 || static_cast<std::size_t>(index) >= diagnostics->items.size()) {
    return Fail(HACT_ERROR_RANGE, "diagnostic index out of range");
  }
  const healthact::Diagnostic& d = diagnostics->items[index];
  out->code = diagnostics->codes[index].c_str();
  out->name = healthact::DiagnosticCodeName(d.code).data();
  out->severity = d.severity == healthact::Severity::kError ? HACT_SEVERITY_ERROR : HACT_SEVERITY_WARNING;
  out->file = d.file.c_str();
  out->line = d.line;
  out->column = d.column;
  out->message = d.message.c_str();
  return HACT_OK;
}

void hact_diagnostics_free(hact_diagnostics* diagnostics) { delete diagnostics; }

int32_t hact_framework_parse(const char* text, size_t length, const char* file_name,
                             hact_framework** framework, hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (framework != nullptr) *framework = nullptr;
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (text == nullptr) return NullArgument("text");
    if (framework == nullptr) return NullArgument("framework");
    if (const int32_t status = CheckUtf8(file_name, "file_name")) return status;
    healthact::ParsedFramework parsed = healthact::ParseFramework(
        std::string_view(text, length), file_name != nullptr ? file_name : "<text>");
    const bool ok = parsed.ok();
    if (const int32_t status = HandOver(std::move(parsed.diagnostics), ok, diagnostics)) return status;
    auto handle = std::make_unique<hact_framework>();
    handle->framework = std::move(parsed.framework);
    const auto& indicators = handle->framework->indicators();
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      handle->units.push_back(indicators[i].measure_unit ? std::string(healthact::MeasureUnitSymbol(*indicators[i].measure_unit)) : "");
      for (const healthact::Target& target : indicators[i].targets) {
        handle->targets[{static_cast<int32_t>(i), target.year}] = healthact::TargetText(target.form);
      }
    }
    *framework = handle.release();
    return HACT_OK;
  });
}

void hact_framework_free(hact_framework* framework) { delete framework; }

int32_t hact_framework_name(const hact_framework* framework, const char** name) {
  if (framework == nullptr) return NullArgument("framework");
  if (name == nullptr) return NullArgument("name");
  *name = framework->framework->name().c_str();
  return HACT_OK;
}

int32_t hact_framework_indicator_count(const hact_framework* framework, int32_t* count) {
  if (framework == nullptr) return NullArgument("framework");
  if (count == nullptr) return NullArgument("count");
  *count = static_cast<int32_t>(framework->framework->indicators().size());
  return HACT_OK;
}

int32_t hact_framework_indicator(const hact_framework* framework, int32_t index, hact_indicator* out) {
  if (framework == nullptr) return NullArgument("framework");
  if (out == nullptr) return NullArgument("out");
  const auto& indicators = framework->framework->indicators();
  if (index < 0 || static_cast<std::size_t>(index) >= indicators.size()) {
    return Fail(HACT_ERROR_RANGE, "indicator index out of range");
  }
  const healthact::Indicator& indicator = indicators[index];
  out->number = indicator.number.c_str();
  out->name = indicator.name.c_str();
  out->unit = framework->units[index].c_str();
  out->basis = indicator.basis.c_str();
  out->part_count = static_cast<int32_t>(indicator.parts.size());
  return HACT_OK;
}

int32_t hact_framework_target(const hact_framework* framework, int32_t index, int32_t year,
                              const char** target) {
  if (framework == nullptr) return NullArgument("framework");
  if (target == nullptr) return NullArgument("target");
  if (index < 0 || static_cast<std::size_t>(index) >= framework->framework->indicators().size()) {
    return Fail(HACT_ERROR_RANGE, "indicator index out of range");
  }
  const auto it = framework->targets.find({index, year});
  if (it == framework->targets.end()) {
    return Fail(HACT_ERROR_NOT_FOUND, "no target for that indicator and year");
  }
  *target = it->second.c_str();
  return HACT_OK;
}

int32_t hact_observations_new(hact_observations** observations) {
  return Guard([&] {
    if (observations == nullptr) return NullArgument("observations");
    *observations = new hact_observations;
    return HACT_OK;
  });
}

void hact_observations_free(hact_observations* observations) { delete observations; }

int32_t hact_observations_add(hact_observations* observations, const char* unit, const char* key,
                              int32_t year, const char* value) {
  return Guard([&] {
    if (observations == nullptr) return NullArgument("observations");
    if (unit == nullptr || key == nullptr || value == nullptr) return NullArgument("unit, key or value");
    if (*unit == '\0' || *key == '\0') return Fail(HACT_ERROR_ARGUMENT, "unit and key must not be empty");
    if (const int32_t status = CheckUtf8(unit, "unit")) return status;
    if (const int32_t status = CheckUtf8(key, "key")) return status;
    if (const int32_t status = CheckUtf8(value, "value")) return status;
    // Checked before the unit is added, so that a refused value leaves no unit behind.
    if (absl::Status year_ok = healthact::CheckYear(year); !year_ok.ok()) {
      return Fail(HACT_ERROR_INVALID, std::string(year_ok.message()));
    }
    absl::StatusOr<healthact::Reported> reported = healthact::ParseReported(value);
    if (!reported.ok()) return Fail(HACT_ERROR_INVALID, std::string(reported.status().message()));
    healthact::Observations& data = observations->Writable();
    absl::Status status = data.Add(data.AddUnit(unit), key, year, *reported);
    if (!status.ok()) return Fail(HACT_ERROR_INVALID, std::string(status.message()));
    return HACT_OK;
  });
}

int32_t hact_observations_add_batch(hact_observations* observations, size_t count,
                                    const char* const* units, const char* const* keys,
                                    const int32_t* years, const char* const* values, size_t* failed) {
  if (observations == nullptr) return NullArgument("observations");
  if (count > 0 && (units == nullptr || keys == nullptr || years == nullptr || values == nullptr)) {
    return NullArgument("an array");
  }
  for (size_t i = 0; i < count; ++i) {
    const int32_t status = hact_observations_add(observations, units[i], keys[i], years[i], values[i]);
    if (status != HACT_OK) {
      if (failed != nullptr) *failed = i;
      return Fail(status, "value " + std::to_string(i) + ": " + last_error);
    }
  }
  return HACT_OK;
}

int32_t hact_observations_add_packed(hact_observations* observations, size_t count, const char* units,
                                     const char* keys, const int32_t* years, const char* values,
                                     size_t* failed) {
  if (observations == nullptr) return NullArgument("observations");
  if (count > 0 && (units == nullptr || keys == nullptr || years == nullptr || values == nullptr)) {
    return NullArgument("a column");
  }
  return Guard([&] {
    healthact::Observations& data = observations->Writable();
    // Rows of one unit usually come together: look a unit up once per run.
    std::string_view previous_unit;
    healthact::UnitId unit_id = 0;
    const auto fail = [&](size_t i, std::string message) {
      if (failed != nullptr) *failed = i;
      return Fail(HACT_ERROR_INVALID, "value " + std::to_string(i) + ": " + message);
    };
    for (size_t i = 0; i < count; ++i) {
      const std::string_view unit(units), key(keys), value(values);
      units += unit.size() + 1;
      keys += key.size() + 1;
      values += value.size() + 1;
      if (unit.empty() || key.empty()) {
        if (failed != nullptr) *failed = i;
        return Fail(HACT_ERROR_ARGUMENT, "value " + std::to_string(i) + ": unit and key must not be empty");
      }
      for (const auto& [text, name] : {std::pair{unit, "unit"}, {key, "key"}, {value, "value"}}) {
        if (CheckUtf8(text, name) != HACT_OK) return fail(i, last_error);
      }
      absl::StatusOr<healthact::Reported> reported = healthact::ParseReported(value);
      if (!reported.ok()) return fail(i, std::string(reported.status().message()));
      if (absl::Status year_ok = healthact::CheckYear(years[i]); !year_ok.ok()) {
        return fail(i, std::string(year_ok.message()));
      }
      if (i == 0 || unit != previous_unit) {
        unit_id = data.AddUnit(unit);
        previous_unit = unit;
      }
      absl::Status status = data.Add(unit_id, key, years[i], *reported);
      if (!status.ok()) return fail(i, std::string(status.message()));
    }
    return HACT_OK;
  });
}

int32_t hact_observations_read_csv(hact_observations* observations, const char* text, size_t length,
                                   const char* file_name, const hact_framework* framework,
                                   hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (observations == nullptr) return NullArgument("observations");
    if (text == nullptr) return NullArgument("text");
    if (const int32_t status = CheckUtf8(file_name, "file_name")) return status;
    std::vector<healthact::Diagnostic> found = healthact::ReadObservationsCsv(
        std::string_view(text, length), file_name != nullptr ? file_name : "<data>",
        framework != nullptr ? framework->framework.get() : nullptr, observations->Writable());
    const bool ok = !healthact::HasErrors(found);
    return HandOver(std::move(found), ok, diagnostics);
  });
}

int32_t hact_observations_set_parent(hact_observations* observations, const char* unit,
                                     const char* parent) {
  return Guard([&] {
    if (observations == nullptr) return NullArgument("observations");
    if (unit == nullptr || parent == nullptr) return NullArgument("unit or parent");
    if (const int32_t status = CheckUtf8(unit, "unit")) return status;
    if (const int32_t status = CheckUtf8(parent, "parent")) return status;
    healthact::Observations& data = observations->Writable();
    absl::Status status = data.SetParent(data.AddUnit(unit), data.AddUnit(parent));
    return status.ok() ? HACT_OK : Fail(HACT_ERROR_INVALID, std::string(status.message()));
  });
}

int32_t hact_assess(const hact_framework* framework, const hact_observations* observations,
                    int32_t year, hact_assessment** assessment) {
  return Guard([&] {
    if (assessment != nullptr) *assessment = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (assessment == nullptr) return NullArgument("assessment");
    return MakeAssessment(framework, observations->observations, year, assessment);
  });
}

int32_t hact_assess_with(const hact_framework* framework, const hact_observations* observations,
                         int32_t year, const hact_assess_options* options, hact_assessment** assessment) {
  return Guard([&] {
    if (assessment != nullptr) *assessment = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (assessment == nullptr) return NullArgument("assessment");
    healthact::AssessOptions chosen;
    // Fields are read only when the caller's struct is large enough to have them.
    const auto has = [&](std::size_t end) {
      return options != nullptr && options->struct_size >= static_cast<int32_t>(end);
    };
    if (options != nullptr && options->struct_size < static_cast<int32_t>(sizeof(int32_t))) {
      return Fail(HACT_ERROR_ARGUMENT, "options.struct_size is not set");
    }
    if (has(offsetof(hact_assess_options, level) + sizeof(const char*))) {
      if (const int32_t status = CheckUtf8(options->level, "options.level")) return status;
    }
    if (has(offsetof(hact_assess_options, within) + sizeof(const char*))) {
      if (const int32_t status = CheckUtf8(options->within, "options.within")) return status;
    }
    if (has(offsetof(hact_assess_options, level) + sizeof(const char*)) && options->level != nullptr) {
      chosen.level = healthact::ParseUnitLevel(options->level);
      if (!chosen.level) {
        return Fail(HACT_ERROR_INVALID,
                    std::string("unknown level ") + options->level + " (市, 县区, 乡镇, 村 or 部门)");
      }
    }
    if (has(offsetof(hact_assess_options, within) + sizeof(const char*)) && options->within != nullptr) {
      chosen.within = observations->observations->FindUnit(options->within);
      if (!chosen.within) return Fail(HACT_ERROR_NOT_FOUND, std::string("no unit named ") + options->within);
    }
    return MakeAssessment(framework, observations->observations, year, assessment, chosen);
  });
}

int32_t hact_observations_read_units_csv(hact_observations* observations, const char* text,
                                         size_t length, const char* file_name,
                                         hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (observations == nullptr) return NullArgument("observations");
    if (text == nullptr) return NullArgument("text");
    if (const int32_t status = CheckUtf8(file_name, "file_name")) return status;
    std::vector<healthact::Diagnostic> found = healthact::ReadUnitsCsv(
        std::string_view(text, length), file_name != nullptr ? file_name : "<units>",
        observations->Writable());
    const bool ok = !healthact::HasErrors(found);
    return HandOver(std::move(found), ok, diagnostics);
  });
}

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
  if (organisation == nullptr) return NullArgument("organisation");
  if (count == nullptr) return NullArgument("count");
  *count = static_cast<int32_t>(organisation->organisation->committees.size());
  return HACT_OK;
}

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
  if (roster == nullptr) return NullArgument("roster");
  if (count == nullptr) return NullArgument("count");
  *count = static_cast<int32_t>(roster->seats.size());
  return HACT_OK;
}

int32_t hact_roster_seat(const hact_roster* roster, int32_t index, hact_seat* out) {
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
}

int32_t hact_organisation_seat(const hact_organisation* organisation, int32_t index, hact_seat* out) {
  if (organisation == nullptr) return NullArgument("organisation");
  const int32_t status = hact_roster_seat(&organisation->roster, index, out);
  if (status == HACT_ERROR_RANGE) {
    return Fail(HACT_ERROR_RANGE, "seat index out of range (call hact_organisation_roster first)");
  }
  return status;
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

int32_t hact_validate_unit(const hact_framework* framework, const hact_observations* observations,
                           const char* unit, int32_t year, hact_assessment** assessment) {
  return Guard([&] {
    if (assessment != nullptr) *assessment = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (unit == nullptr) return NullArgument("unit");
    if (assessment == nullptr) return NullArgument("assessment");
    if (const int32_t status = CheckUtf8(unit, "unit")) return status;
    const healthact::Observations& all = *observations->observations;
    const std::optional<healthact::UnitId> id = all.FindUnit(unit);
    if (!id) return Fail(HACT_ERROR_NOT_FOUND, std::string("no unit named ") + unit);
    // Only this unit's reports, all years (trends look back).
    auto one = std::make_shared<healthact::Observations>();
    const healthact::UnitId copy = one->AddUnit(unit);
    for (const auto& [key, key_year] : all.Keys()) {
      const healthact::Reported reported = all.Get(*id, key, key_year);
      if (reported.kind != healthact::ReportKind::kNothing) (void)one->Add(copy, key, key_year, reported);
    }
    return MakeAssessment(framework, std::move(one), year, assessment);
  });
}

int32_t hact_assessment_create(const hact_framework* framework, const hact_observations* observations,
                               int32_t year, const hact_assess_options* options,
                               hact_assessment** assessment) {
  return options == nullptr ? hact_assess(framework, observations, year, assessment)
                            : hact_assess_with(framework, observations, year, options, assessment);
}

int32_t hact_assessment_create_for_unit(const hact_framework* framework,
                                        const hact_observations* observations, const char* unit,
                                        int32_t year, hact_assessment** assessment) {
  return hact_validate_unit(framework, observations, unit, year, assessment);
}

void hact_assessment_free(hact_assessment* assessment) { delete assessment; }

int32_t hact_assessment_unit_count(const hact_assessment* assessment, int32_t* count) {
  if (assessment == nullptr) return NullArgument("assessment");
  if (count == nullptr) return NullArgument("count");
  *count = static_cast<int32_t>(assessment->assessment->unit_count());
  return HACT_OK;
}

int32_t hact_assessment_unit(const hact_assessment* assessment, int32_t position, hact_unit_result* out) {
  if (assessment == nullptr) return NullArgument("assessment");
  if (out == nullptr) return NullArgument("out");
  const healthact::Assessment& a = *assessment->assessment;
  std::size_t u = 0;
  if (const int32_t status = UnitAtPosition(a, position, u)) return status;
  out->unit = a.observations().unit_name(a.units()[u]).c_str();
  out->score = assessment->scores[u].c_str();
  out->rank = a.rank(u);
  out->grade = a.grade(u).c_str();
  return HACT_OK;
}

int32_t hact_assessment_verdict(const hact_assessment* assessment, int32_t position, int32_t index,
                                hact_verdict* out) {
  return Guard([&] {
    if (assessment == nullptr) return NullArgument("assessment");
    if (out == nullptr) return NullArgument("out");
    const healthact::Assessment& a = *assessment->assessment;
    if (position < 0 || static_cast<std::size_t>(position) >= a.unit_count() || index < 0 ||
        static_cast<std::size_t>(index) >= a.indicator_count()) {
      return Fail(HACT_ERROR_RANGE, "unit position or indicator index out of range");
    }
    const std::size_t u = a.ranking()[position];
    std::lock_guard<std::mutex> lock(assessment->mutex);
    auto it = assessment->verdicts.find({u, static_cast<std::size_t>(index)});
    if (it == assessment->verdicts.end()) {
      healthact::Verdict verdict = a.Explain(u, index);
      std::string value = healthact::ValueText(verdict);
      std::string target = healthact::TargetText(verdict);
      std::string reason = healthact::ReasonText(verdict);
      it = assessment->verdicts
               .emplace(std::make_pair(u, static_cast<std::size_t>(index)),
                        hact_assessment::ShownVerdict{std::move(verdict), std::move(value),
                                                      std::move(target), std::move(reason)})
               .first;
    }
    const hact_assessment::ShownVerdict& shown = it->second;
    out->indicator = shown.verdict.indicator.c_str();
    out->status = static_cast<int32_t>(shown.verdict.status);
    out->value = shown.value.c_str();
    out->target = shown.target.c_str();
    out->reason = shown.reason.c_str();
    return HACT_OK;
  });
}

int32_t hact_assessment_finding_count(const hact_assessment* assessment, int32_t position,
                                      int32_t* count) {
  if (assessment == nullptr) return NullArgument("assessment");
  if (count == nullptr) return NullArgument("count");
  const healthact::Assessment& a = *assessment->assessment;
  std::size_t u = 0;
  if (const int32_t status = UnitAtPosition(a, position, u)) return status;
  *count = static_cast<int32_t>(a.findings(u).size());
  return HACT_OK;
}

int32_t hact_assessment_finding(const hact_assessment* assessment, int32_t position, int32_t index,
                                hact_finding* out) {
  if (assessment == nullptr) return NullArgument("assessment");
  if (out == nullptr) return NullArgument("out");
  const healthact::Assessment& a = *assessment->assessment;
  std::size_t u = 0;
  if (const int32_t status = UnitAtPosition(a, position, u)) return status;
  const std::vector<healthact::Finding>& findings = a.findings(u);
  if (index < 0 || static_cast<std::size_t>(index) >= findings.size()) {
    return Fail(HACT_ERROR_RANGE, "finding index out of range");
  }
  const healthact::Finding& finding = findings[index];
  out->kind = static_cast<int32_t>(finding.kind);
  out->rule = finding.rule.c_str();
  out->severity = finding.severity == healthact::Severity::kError ? HACT_SEVERITY_ERROR
                                                                   : HACT_SEVERITY_WARNING;
  out->indicators = assessment->finding_indicators.at(u)[index].c_str();
  out->message = finding.message.c_str();
  return HACT_OK;
}

int32_t hact_assessment_json(const hact_assessment* assessment, int32_t failures_only, char** json) {
  return Guard([&] {
    if (json != nullptr) *json = nullptr;
    if (assessment == nullptr) return NullArgument("assessment");
    if (json == nullptr) return NullArgument("json");
    const std::string text = healthact::AssessmentToJson(
        *assessment->assessment,
        failures_only ? healthact::Explanation::kFailures : healthact::Explanation::kAll);
    char* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy == nullptr) return Fail(HACT_ERROR_INTERNAL, "out of memory");
    std::memcpy(copy, text.c_str(), text.size() + 1);
    *json = copy;
    return HACT_OK;
  });
}

}  // extern "C"
