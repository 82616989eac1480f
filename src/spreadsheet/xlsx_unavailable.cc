// The stand-in for healthact_spreadsheet when libzip, pugixml or libxlsxwriter
// was not found at build time: the tool and the reports still build, and
// asking for an .xlsx says what is missing instead of failing to link.
#include "healthact/core/messages.hpp"
#include "healthact/spreadsheet/xlsx.hpp"

namespace healthact {
namespace {

absl::Status Unavailable() {
  return absl::UnimplementedError(std::string(messages::Tr(
      "this healthact was built without .xlsx support (libzip, libxlsxwriter and pugixml were "
      "not found); install libzip-dev libxlsxwriter-dev libpugixml-dev and rebuild, or use CSV")));
}

}  // namespace

bool SpreadsheetSupported() { return false; }

absl::StatusOr<std::vector<Sheet>> ReadXlsx(std::string_view) { return Unavailable(); }

absl::Status WriteXlsx(const std::vector<Sheet>&, const std::string&) { return Unavailable(); }

}  // namespace healthact
