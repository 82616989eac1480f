// The framework DSL: any bytes give diagnostics or a framework, never a
// crash; and a framework's canonical text parses back to the same framework.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "healthact/lang/dsl.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const healthact::ParsedFramework parsed = healthact::ParseFramework(text, "fuzz.ha");
  if (!parsed.ok()) return 0;
  const std::string printed = healthact::FormatFramework(*parsed.framework);
  const healthact::ParsedFramework again = healthact::ParseFramework(printed, "printed.ha");
  if (!again.ok() || !(*again.framework == *parsed.framework)) __builtin_trap();
  return 0;
}
