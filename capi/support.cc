// The rules every entry point of the C interface follows (handles.hpp), and
// the interface's own functions: version, status, last error, diagnostics.
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "core/collation.hpp"
#include "healthact/core/language.hpp"
#include "handles.hpp"
#include "core/utf8.hpp"
#include "healthact/core/version.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

namespace healthact::capi {

std::string& LastError() {
  thread_local std::string last_error;
  return last_error;
}

int32_t Fail(int32_t status, std::string message) {
  LastError() = std::move(message);
  return status;
}

int32_t NullArgument(const char* name) {
  return Fail(HACT_ERROR_ARGUMENT, Format("$0 is NULL", std::string(name)));
}

int32_t FailWith(const absl::Status& status) {
  const int32_t code = absl::IsNotFound(status)   ? HACT_ERROR_NOT_FOUND
                       : absl::IsInternal(status) ? HACT_ERROR_INTERNAL
                                                  : HACT_ERROR_INVALID;
  return Fail(code, std::string(status.message()));
}

int32_t CheckUtf8(std::string_view text, const char* name) {
  if (const std::optional<std::size_t> bad = utf8::FindInvalid(text)) {
    return Fail(HACT_ERROR_INVALID,
                Format("$0 is not valid UTF-8 (byte $1)", std::string(name), std::to_string(*bad + 1)));
  }
  return HACT_OK;
}

int32_t CheckUtf8(const char* text, const char* name) {
  return text == nullptr ? HACT_OK : CheckUtf8(std::string_view(text), name);
}

namespace {

hact_diagnostics* MakeDiagnostics(std::vector<Diagnostic> items) {
  auto* out = new hact_diagnostics;
  out->items = std::move(items);
  for (const Diagnostic& d : out->items) out->codes.push_back(DiagnosticCodeString(d.code));
  return out;
}

std::string FirstError(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return d.ToString();
  }
  return "invalid input";
}

}  // namespace

int32_t HandOver(std::vector<Diagnostic> found, bool ok, hact_diagnostics** diagnostics) {
  const std::string error = ok ? "" : FirstError(found);
  if (diagnostics != nullptr) *diagnostics = MakeDiagnostics(std::move(found));
  return ok ? HACT_OK : Fail(HACT_ERROR_INVALID, error);
}

int32_t CopyOut(std::string_view bytes, char** out, size_t* length) {
  char* copy = static_cast<char*>(std::malloc(bytes.size() + 1));
  if (copy == nullptr) return Fail(HACT_ERROR_INTERNAL, std::string(Tr("out of memory")));
  std::memcpy(copy, bytes.data(), bytes.size());
  copy[bytes.size()] = '\0';
  *out = copy;
  if (length != nullptr) *length = bytes.size();
  return HACT_OK;
}

int32_t UnitAtPosition(const Assessment& a, int32_t position, std::size_t& u) {
  if (position < 0 || static_cast<std::size_t>(position) >= a.unit_count()) {
    return Fail(HACT_ERROR_RANGE, std::string(Tr("unit position out of range")));
  }
  u = a.ranking()[position];
  return HACT_OK;
}

}  // namespace healthact::capi

using namespace healthact::capi;

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

const char* hact_last_error(void) { return LastError().c_str(); }

void hact_free(void* pointer) { std::free(pointer); }

void hact_shutdown(void) { healthact::collation::ReleaseCaches(); }

int32_t hact_set_language(const char* language) {
  return Guard([&] {
    if (language == nullptr) return NullArgument("language");
    if (const int32_t status = CheckUtf8(language, "language")) return status;
    const std::optional<healthact::Language> parsed = healthact::ParseLanguage(language);
    if (!parsed) return Fail(HACT_ERROR_ARGUMENT, Format("no language in '$0': say zh or en", language));
    healthact::SetCurrentLanguage(*parsed);
    return HACT_OK;
  });
}

const char* hact_language(void) { return healthact::CurrentLanguage() == healthact::Language::kChinese ? "zh" : "en"; }

int32_t hact_diagnostics_count(const hact_diagnostics* diagnostics, int32_t* count) {
  return Guard([&] {
    if (diagnostics == nullptr) return NullArgument("diagnostics");
    if (count == nullptr) return NullArgument("count");
    *count = static_cast<int32_t>(diagnostics->items.size());
    return HACT_OK;
  });
}

int32_t hact_diagnostics_get(const hact_diagnostics* diagnostics, int32_t index, hact_diagnostic* out) {
  return Guard([&] {
    if (diagnostics == nullptr) return NullArgument("diagnostics");
    if (out == nullptr) return NullArgument("out");
    if (index < 0 || static_cast<std::size_t>(index) >= diagnostics->items.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("diagnostic index out of range")));
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
  });
}

void hact_diagnostics_free(hact_diagnostics* diagnostics) { delete diagnostics; }

}  // extern "C"
