// .xlsx files, read and written as plain sheets (sheet.hpp).  Not part of
// the core library: it lives in healthact_spreadsheet, which adds libzip,
// pugixml and libxlsxwriter, so that an embedder who never sees a
// spreadsheet does not link them.
#ifndef HEALTHACT_SPREADSHEET_HPP_
#define HEALTHACT_SPREADSHEET_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "healthact/core/sheet.hpp"

namespace healthact {

// Every worksheet of an .xlsx file held in memory, in workbook order.  Cells
// are their text: shared and inline strings as written, numbers as the
// shortest decimal that Excel shows (at most 15 significant digits, so a
// stored 74.599999999999994 reads "74.6"), booleans as TRUE/FALSE.  Rows and
// columns keep their places: an empty cell is "".  A damaged file, or one
// whose parts unpack to more than 64 MiB, is an error, not a crash.
absl::StatusOr<std::vector<Sheet>> ReadXlsx(std::string_view bytes);

// False when healthact was built without its spreadsheet libraries: then
// ReadXlsx and WriteXlsx fail with an Unimplemented status saying so.
bool SpreadsheetSupported();

// Writes sheets to an .xlsx file at `path`: the first row of each sheet in
// bold, cells that are plain decimals of up to 15 significant digits as
// numbers (so the staff can sort and sum them), the rest as text.
absl::Status WriteXlsx(const std::vector<Sheet>& sheets, const std::string& path);

}  // namespace healthact

#endif  // HEALTHACT_SPREADSHEET_HPP_
