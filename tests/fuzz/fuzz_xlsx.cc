// The .xlsx reader: any bytes give sheets or an error, never a crash; each
// sheet is read as an indicator table and as a data file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "healthact/data/data_file.hpp"
#include "healthact/spreadsheet/xlsx.hpp"
#include "healthact/import/table_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto sheets =
      healthact::ReadXlsx(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!sheets.ok()) return 0;
  for (const healthact::Sheet& sheet : *sheets) {
    const healthact::TableRead read = healthact::TableFromSheet(sheet, "fuzz.xlsx");
    if (read.ok()) (void)healthact::ImportTable(read.table, {});
    healthact::Observations observations;
    (void)healthact::ReadObservationsSheet(sheet, "fuzz.xlsx", nullptr, observations);
    (void)healthact::ReadUnitsSheet(sheet, "fuzz.xlsx", observations);
  }
  return 0;
}
