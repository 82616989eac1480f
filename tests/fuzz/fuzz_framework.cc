// The framework DSL: any bytes give diagnostics or a framework, never a
// crash; a framework's canonical text parses back to the same framework; and
// its text laid out by fmt (FormatFrameworkText) does too, and lays out again
// to itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "healthact/lang/dsl.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const healthact::ParsedFramework parsed = healthact::ParseFramework(text, "fuzz.ha");
  const absl::StatusOr<std::string> laid = healthact::FormatFrameworkText(text, "fuzz.ha");
  if (!parsed.ok()) return 0;
  const std::string printed = healthact::FormatFramework(*parsed.framework);
  const healthact::ParsedFramework again = healthact::ParseFramework(printed, "printed.ha");
  if (!again.ok() || !(*again.framework == *parsed.framework)) __builtin_trap();
  // A text that loads parses, so it lays out, to the same framework.
  if (!laid.ok()) __builtin_trap();
  const healthact::ParsedFramework relaid = healthact::ParseFramework(*laid, "laid.ha");
  if (!relaid.ok() || !(*relaid.framework == *parsed.framework)) __builtin_trap();
  const absl::StatusOr<std::string> twice = healthact::FormatFrameworkText(*laid, "laid.ha");
  if (!twice.ok() || *twice != *laid) __builtin_trap();
  return 0;
}
