// hact_observations_*: what units reported, value by value, in batches (the
// packed-buffer calls) or from a data file's text; the jurisdiction tree.
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handles.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

namespace healthact::capi {
namespace {

// HACT_OK, or why `key` is not an indicator, part or count of the
// framework the observations were created for.
int32_t CheckKey(const hact_observations& observations, std::string_view key) {
  if (observations.framework == nullptr) return HACT_OK;
  if (observations.keys.count(key) != 0) return HACT_OK;
  return Fail(HACT_ERROR_NOT_FOUND, Format("'$0' is not an indicator, part or count of the framework '$1'", std::string(key), observations.framework->name()));
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
  if (unit.empty() || key.empty()) return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("unit and key must not be empty")));
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
    return Fail(status, Format("value $0: $1", std::to_string(i), LastError()));
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
      Fail(HACT_ERROR_ARGUMENT, Format("the $0 column ends before its $1 NUL-terminated strings (count or size is wrong)", (!unit ? "units" : !key ? "keys" : "values"), std::to_string(count)));
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
    Fail(HACT_ERROR_ARGUMENT, Format("a column holds more than $0 strings (count or size is wrong)", std::to_string(count)));
    return fail(count, HACT_ERROR_ARGUMENT);
  }
  if (copy) observations->observations = std::move(copy);
  return HACT_OK;
}

// A coded column's categories, each checked and made ready when a row first
// uses it.
class Categories {
 public:
  // HACT_OK, or HACT_ERROR_ARGUMENT when the column is malformed.
  int32_t Read(const hact_coded_column* column, const char* name, bool required) {
    name_ = name;
    if (column == nullptr) return required ? NullArgument(name) : HACT_OK;
    if (column->struct_size < static_cast<int32_t>(sizeof(hact_coded_column))) {
      return Fail(HACT_ERROR_ARGUMENT, Format("$0->struct_size is not sizeof(hact_coded_column)", std::string(name)));
    }
    codes_ = column->codes;
    if (column->category_count > 0 && column->categories == nullptr) return NullArgument(name);
    const std::string_view packed(column->categories, column->categories != nullptr ? column->categories_size : 0);
    size_t offset = 0;
    texts_.reserve(column->category_count);
    for (size_t c = 0; c < column->category_count; ++c) {
      const std::optional<std::string_view> text = NextPacked(packed, offset);
      if (!text) {
        return Fail(HACT_ERROR_ARGUMENT, Format("the categories of $0 end before their $1 NUL-terminated strings (count or size is wrong)", name, std::to_string(column->category_count)));
      }
      texts_.push_back(*text);
    }
    if (offset != packed.size()) {
      return Fail(HACT_ERROR_ARGUMENT, Format("the categories of $0 hold more than $1 strings (count or size is wrong)", name, std::to_string(column->category_count)));
    }
    ready_.assign(texts_.size(), false);
    return HACT_OK;
  }
  bool given() const { return codes_ != nullptr; }
  int32_t code(size_t row) const { return codes_[row]; }
  std::size_t size() const { return texts_.size(); }
  std::string_view text(int32_t code) const { return texts_[code]; }
  // Whether category `code` was checked already; marks it.
  bool First(int32_t code) {
    const bool first = !ready_[code];
    ready_[code] = true;
    return first;
  }
  // HACT_OK, or why row `row`'s code is out of range.
  int32_t CheckCode(size_t row, bool may_be_nothing) const {
    const int32_t c = codes_[row];
    if (c >= 0 && static_cast<size_t>(c) < texts_.size()) [[likely]] return HACT_OK;
    if (c == -1 && may_be_nothing) return HACT_OK;
    return BadCode(c);
  }

 private:
  [[gnu::cold, gnu::noinline]] int32_t BadCode(int32_t c) const {
    if (c == -1) {
      return Fail(HACT_ERROR_ARGUMENT, Format("no $0", (name_ == std::string_view("units") ? "unit" : "key")));
    }
    return Fail(HACT_ERROR_RANGE, Format("$0 code $1 is not one of its $2 categories", std::string(name_), std::to_string(c), std::to_string(texts_.size())));
  }
  const char* name_ = "";
  const int32_t* codes_ = nullptr;
  std::vector<std::string_view> texts_;
  std::vector<bool> ready_;
};

int32_t AddCoded(hact_observations* observations, size_t count, const hact_coded_column* unit_column,
                 const hact_coded_column* key_column, const int32_t* years, const double* numbers,
                 const hact_coded_column* text_column, size_t* failed) {
  if (observations == nullptr) return NullArgument("observations");
  Categories units, keys, texts;
  if (const int32_t status = units.Read(unit_column, "units", true)) return status;
  if (const int32_t status = keys.Read(key_column, "keys", true)) return status;
  if (const int32_t status = texts.Read(text_column, "texts", false)) return status;
  if (count > 0 && (!units.given() || !keys.given() || years == nullptr)) return NullArgument("a column");
  if (count > 0 && text_column != nullptr && !texts.given()) return NullArgument("texts->codes");
  const auto fail = [&](size_t i, int32_t status) {
    if (failed != nullptr) *failed = i;
    return Fail(status, Format("value $0: $1", std::to_string(i), LastError()));
  };
  // All or nothing, as for the packed columns: into a copy.
  auto copy = observations->observations->unit_count() == 0
                  ? std::make_shared<healthact::Observations>()
                  : std::make_shared<healthact::Observations>(*observations->observations);
  healthact::Observations& into = *copy;
  std::vector<UnitId> unit_ids(units.size(), -1);
  std::vector<std::optional<Reported>> text_values(texts.size());
  // The column of each key for the year it was last used with: rows of a
  // frame mostly share a year, so a column is looked up once per key.
  struct Cached {
    int32_t year = 0;
    healthact::Observations::Column* column = nullptr;
  };
  std::vector<Cached> columns(keys.size());
  for (size_t i = 0; i < count; ++i) {
    if (const int32_t status = units.CheckCode(i, false)) return fail(i, status);
    if (const int32_t status = keys.CheckCode(i, false)) return fail(i, status);
    const int32_t u = units.code(i), k = keys.code(i);
    if (units.First(u)) {
      const std::string_view name = units.text(u);
      if (name.empty()) return fail(i, Fail(HACT_ERROR_ARGUMENT, std::string(Tr("unit and key must not be empty"))));
      if (const int32_t status = CheckUtf8(name, "unit")) return fail(i, status);
      unit_ids[u] = into.AddUnit(name);
    }
    if (keys.First(k)) {
      const std::string_view key = keys.text(k);
      if (key.empty()) return fail(i, Fail(HACT_ERROR_ARGUMENT, std::string(Tr("unit and key must not be empty"))));
      if (const int32_t status = CheckUtf8(key, "key")) return fail(i, status);
      if (const int32_t status = CheckKey(*observations, key)) return fail(i, status);
    }
    if (absl::Status year_ok = CheckYear(years[i]); !year_ok.ok()) {
      return fail(i, Fail(HACT_ERROR_INVALID, std::string(year_ok.message())));
    }
    const bool has_number = numbers != nullptr && !std::isnan(numbers[i]);
    Reported value;
    std::optional<healthact::ScaledNumber> scaled;
    if (texts.given()) {
      if (const int32_t status = texts.CheckCode(i, true)) return fail(i, status);
      const int32_t t = texts.code(i);
      if (t >= 0) {
        if (has_number) {
          return fail(i, Fail(HACT_ERROR_INVALID, Format("both a number and a text ('$0')", std::string(texts.text(t)))));
        }
        if (texts.First(t)) {
          if (const int32_t status = CheckUtf8(texts.text(t), "value")) return fail(i, status);
          absl::StatusOr<Reported> read = ParseReported(texts.text(t));
          if (!read.ok()) return fail(i, Fail(HACT_ERROR_INVALID, std::string(read.status().message())));
          text_values[t] = *std::move(read);
        }
        value = *text_values[t];
      }
    }
    if (has_number) {
      // Nearly every figure takes the shortcut: no text, no Decimal.
      scaled = healthact::ShortestScaled(numbers[i]);
      if (!scaled) {
        absl::StatusOr<Reported> read = healthact::ReportedOf(numbers[i]);
        if (!read.ok()) return fail(i, Fail(HACT_ERROR_INVALID, std::string(read.status().message())));
        value = *std::move(read);
      }
    }
    if (!scaled && value.kind == ReportKind::kNothing) continue;  // no column is made for nothing
    Cached& cached = columns[k];
    if (cached.column == nullptr || cached.year != years[i]) {
      absl::StatusOr<healthact::Observations::Column*> column = into.ColumnFor(keys.text(k), years[i]);
      if (!column.ok()) return fail(i, Fail(HACT_ERROR_INVALID, std::string(column.status().message())));
      cached = {years[i], *column};
    }
    absl::Status status = scaled ? into.Add(*cached.column, unit_ids[u], *scaled)
                                 : into.Add(*cached.column, unit_ids[u], value);
    if (!status.ok()) {
      return fail(i, Fail(HACT_ERROR_INVALID, std::string(status.message())));
    }
  }
  observations->observations = std::move(copy);
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
        return Fail(status, Format("value $0: $1", std::to_string(i), LastError()));
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

int32_t hact_observations_read_file(hact_observations* observations, const char* path,
                                    const hact_framework* framework, hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (observations == nullptr) return NullArgument("observations");
    if (path == nullptr) return NullArgument("path");
    if (*path == '\0') return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("path is empty")));
    if (const int32_t status = CheckUtf8(path, "path")) return status;
    const healthact::Framework* checked_against =
        framework != nullptr ? framework->framework.get() : observations->framework.get();
    absl::StatusOr<std::vector<healthact::Diagnostic>> found =
        healthact::ReadObservationsFile(path, checked_against, observations->Writable());
    if (!found.ok()) {
      return Fail(absl::IsNotFound(found.status()) ? HACT_ERROR_NOT_FOUND : HACT_ERROR_INVALID,
                  std::string(found.status().message()));
    }
    const bool ok = !healthact::HasErrors(*found);
    return HandOver(*std::move(found), ok, diagnostics);
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

int32_t hact_observations_add_coded(hact_observations* observations, size_t count, const hact_coded_column* units,
                                    const hact_coded_column* keys, const int32_t* years, const double* numbers,
                                    const hact_coded_column* texts, size_t* failed) {
  return Guard([&] { return AddCoded(observations, count, units, keys, years, numbers, texts, failed); });
}

}  // extern "C"
