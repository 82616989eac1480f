// hact_observations_*: what units reported, value by value, in batches (the
// packed-buffer calls) or from a data file's text; the jurisdiction tree.
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handles.hpp"
#include "healthact/data/data_file.hpp"

namespace healthact::capi {
namespace {

// HACT_OK, or why `key` is not an indicator, part or count of the
// framework the observations were created for.
int32_t CheckKey(const hact_observations& observations, std::string_view key) {
  if (observations.framework == nullptr) return HACT_OK;
  if (observations.keys.count(key) != 0) return HACT_OK;
  return Fail(HACT_ERROR_NOT_FOUND, "'" + std::string(key) + "' is not an indicator, part or count of the framework '" +
                                        observations.framework->name() + "'");
}

// One value checked and parsed, not yet added.
struct Staged {
  std::string_view unit, key;
  int32_t year;
  Reported reported;
};

// Checks one value as every ingestion call does; HACT_OK and *staged, or the failure.
int32_t Stage(const hact_observations& observations, std::string_view unit, std::string_view key,
              int32_t year, std::string_view value, Staged& staged) {
  if (unit.empty() || key.empty()) return Fail(HACT_ERROR_ARGUMENT, "unit and key must not be empty");
  if (const int32_t status = CheckUtf8(unit, "unit")) return status;
  if (const int32_t status = CheckUtf8(key, "key")) return status;
  if (const int32_t status = CheckUtf8(value, "value")) return status;
  if (absl::Status year_ok = CheckYear(year); !year_ok.ok()) {
    return Fail(HACT_ERROR_INVALID, std::string(year_ok.message()));
  }
  if (const int32_t status = CheckKey(observations, key)) return status;
  absl::StatusOr<Reported> reported = ParseReported(value);
  if (!reported.ok()) return Fail(HACT_ERROR_INVALID, std::string(reported.status().message()));
  staged = {unit, key, year, *std::move(reported)};
  return HACT_OK;
}

// The next NUL-terminated string of a packed column, or nothing when the
// column ends before its terminator.
std::optional<std::string_view> NextPacked(std::string_view column, size_t& offset) {
  if (offset >= column.size()) return std::nullopt;
  const size_t end = column.find('\0', offset);
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view text = column.substr(offset, end - offset);
  offset = end + 1;
  return text;
}


// How a batch that fails part of the way ends.
enum class Batch {
  kKeepBefore,    // the values before the refused one stay (the older calls)
  kAllOrNothing,  // the observations stay as they were
};

// The packed-column ingestion behind both packed calls.
int32_t AddColumns(hact_observations* observations, size_t count, std::string_view units,
                   std::string_view keys, const int32_t* years, std::string_view values, Batch batch,
                   size_t* failed) {
  if (observations == nullptr) return NullArgument("observations");
  if (count > 0 && (units.data() == nullptr || keys.data() == nullptr || years == nullptr ||
                    values.data() == nullptr)) {
    return NullArgument("a column");
  }
  const auto fail = [&](size_t i, int32_t status) {
    if (failed != nullptr) *failed = i;
    return Fail(status, "value " + std::to_string(i) + ": " + LastError());
  };
  // All or nothing: added to a copy (a new, empty one when there is nothing
  // yet), which replaces the observations only when every value was
  // accepted; otherwise straight in, up to the refused value.  One pass,
  // nothing staged: each value is checked, then added.
  std::shared_ptr<healthact::Observations> copy;
  if (batch == Batch::kAllOrNothing) {
    copy = observations->observations->unit_count() == 0
               ? std::make_shared<healthact::Observations>()
               : std::make_shared<healthact::Observations>(*observations->observations);
  }
  healthact::Observations& into = copy ? *copy : observations->Writable();
  size_t unit_at = 0, key_at = 0, value_at = 0;
  std::string_view previous_unit;
  UnitId unit_id = 0;
  for (size_t i = 0; i < count; ++i) {
    const std::optional<std::string_view> unit = NextPacked(units, unit_at);
    const std::optional<std::string_view> key = NextPacked(keys, key_at);
    const std::optional<std::string_view> value = NextPacked(values, value_at);
    if (!unit || !key || !value) {
      Fail(HACT_ERROR_ARGUMENT, std::string("the ") + (!unit ? "units" : !key ? "keys" : "values") +
                                    " column ends before its " + std::to_string(count) +
                                    " NUL-terminated strings (count or size is wrong)");
      return fail(i, HACT_ERROR_ARGUMENT);
    }
    Staged one;
    if (const int32_t status = Stage(*observations, *unit, *key, years[i], *value, one)) {
      return fail(i, status);
    }
    // Rows of one unit usually come together: look a unit up once per run.
    if (i == 0 || one.unit != previous_unit) {
      unit_id = into.AddUnit(one.unit);
      previous_unit = one.unit;
    }
    if (absl::Status status = into.Add(unit_id, one.key, one.year, one.reported); !status.ok()) {
      Fail(HACT_ERROR_INVALID, std::string(status.message()));
      return fail(i, HACT_ERROR_INVALID);
    }
  }
  if (unit_at != units.size() || key_at != keys.size() || value_at != values.size()) {
    Fail(HACT_ERROR_ARGUMENT, "a column holds more than " + std::to_string(count) +
                                  " strings (count or size is wrong)");
    return fail(count, HACT_ERROR_ARGUMENT);
  }
  if (copy) observations->observations = std::move(copy);
  return HACT_OK;
}

}  // namespace
}  // namespace healthact::capi

using namespace healthact::capi;

extern "C" {

int32_t hact_observations_new(hact_observations** observations) {
  return hact_observations_create(nullptr, observations);
}

int32_t hact_observations_create(const hact_framework* framework, hact_observations** observations) {
  return Guard([&] {
    if (observations == nullptr) return NullArgument("observations");
    auto made = std::make_unique<hact_observations>();
    if (framework != nullptr) {
      made->framework = framework->framework;
      made->keys = healthact::FrameworkKeys(*framework->framework);
    }
    *observations = made.release();
    return HACT_OK;
  });
}

void hact_observations_free(hact_observations* observations) { delete observations; }

int32_t hact_observations_add(hact_observations* observations, const char* unit, const char* key,
                              int32_t year, const char* value) {
  return Guard([&] {
    if (observations == nullptr) return NullArgument("observations");
    if (unit == nullptr || key == nullptr || value == nullptr) return NullArgument("unit, key or value");
    Staged staged;
    // Checked before the unit is added, so that a refused value leaves no unit behind.
    if (const int32_t status = Stage(*observations, unit, key, year, value, staged)) return status;
    healthact::Observations& data = observations->Writable();
    absl::Status status = data.Add(data.AddUnit(staged.unit), staged.key, year, staged.reported);
    return status.ok() ? HACT_OK : Fail(HACT_ERROR_INVALID, std::string(status.message()));
  });
}

int32_t hact_observations_add_batch(hact_observations* observations, size_t count,
                                    const char* const* units, const char* const* keys,
                                    const int32_t* years, const char* const* values, size_t* failed) {
  return Guard([&] {
    if (observations == nullptr) return NullArgument("observations");
    if (count > 0 && (units == nullptr || keys == nullptr || years == nullptr || values == nullptr)) {
      return NullArgument("an array");
    }
    for (size_t i = 0; i < count; ++i) {
      const int32_t status = hact_observations_add(observations, units[i], keys[i], years[i], values[i]);
      if (status != HACT_OK) {
        if (failed != nullptr) *failed = i;
        return Fail(status, "value " + std::to_string(i) + ": " + LastError());
      }
    }
    return HACT_OK;
  });
}

int32_t hact_observations_add_packed(hact_observations* observations, size_t count, const char* units,
                                     const char* keys, const int32_t* years, const char* values,
                                     size_t* failed) {
  // Trusts `count` (the documented contract of this older call): each
  // column's size is taken to be what its `count` strings span.
  return Guard([&] {
    if (observations == nullptr) return NullArgument("observations");
    if (count > 0 && (units == nullptr || keys == nullptr || years == nullptr || values == nullptr)) {
      return NullArgument("a column");
    }
    const auto span = [count](const char* column) {
      size_t size = 0;
      for (size_t i = 0; i < count; ++i) size += std::strlen(column + size) + 1;
      return size;
    };
    const size_t units_size = count ? span(units) : 0, keys_size = count ? span(keys) : 0,
                 values_size = count ? span(values) : 0;
    return AddColumns(observations, count, {units, units_size}, {keys, keys_size}, years,
                      {values, values_size}, Batch::kKeepBefore, failed);
  });
}

int32_t hact_observations_add_columns(hact_observations* observations, size_t count,
                                      const char* units, size_t units_size, const char* keys,
                                      size_t keys_size, const int32_t* years, const char* values,
                                      size_t values_size, size_t* failed) {
  return Guard([&] {
    return AddColumns(observations, count, {units, units_size}, {keys, keys_size}, years,
                      {values, values_size}, Batch::kAllOrNothing, failed);
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
    const healthact::Framework* checked_against =
        framework != nullptr ? framework->framework.get() : observations->framework.get();
    std::vector<healthact::Diagnostic> found = healthact::ReadObservationsCsv(
        std::string_view(text, length), file_name != nullptr ? file_name : "<data>", checked_against,
        observations->Writable());
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

}  // extern "C"
