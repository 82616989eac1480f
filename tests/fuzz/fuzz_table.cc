// The table importer, over both text forms: any bytes give diagnostics or
// framework text that the DSL accepts or rejects with diagnostics.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "healthact/import/table_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  healthact::ImportOptions options;
  options.trend_rules.continuous_years = 3;
  for (const healthact::TableRead& read :
       {healthact::ReadTextTable(text, "fuzz.txt"), healthact::ReadCsvTable(text, "fuzz.csv")}) {
    if (!read.ok()) continue;
    const healthact::ImportedFramework imported = healthact::ImportTable(read.table, options);
    // Whatever was imported and accepted must say so consistently.
    if (imported.ok() && healthact::HasErrors(imported.diagnostics)) __builtin_trap();
  }
  return 0;
}
