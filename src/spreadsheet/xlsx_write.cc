// Writing .xlsx with libxlsxwriter.
#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "healthact/core/messages.hpp"
#include "healthact/spreadsheet/xlsx.hpp"

namespace healthact {
namespace {

using messages::Format;
using messages::Tr;

// "87.50", "-3", "0.001": written as a number when Excel keeps it exactly as
// shown (15 significant digits).
bool IsPlainDecimal(const std::string& text) {
  std::size_t i = text.starts_with('-') ? 1 : 0;
  if (i == text.size()) return false;
  int digits = 0, points = 0, significant = 0;
  bool leading = true;
  for (; i < text.size(); ++i) {
    if (text[i] == '.') {
      ++points;
      continue;
    }
    if (text[i] < '0' || text[i] > '9') return false;
    ++digits;
    if (text[i] != '0') leading = false;
    if (!leading) ++significant;
  }
  // A leading zero ("007") is an identifier, not a number.
  const std::size_t start = text.starts_with('-') ? 1 : 0;
  if (text.size() > start + 1 && text[start] == '0' && text[start + 1] != '.') return false;
  return digits > 0 && points <= 1 && significant <= 15 && text.back() != '.' && text[start] != '.';
}

// East Asian characters are about two columns wide.
double ColumnWidth(const std::string& text) {
  double width = 0;
  for (unsigned char c : text) {
    if (c < 0x80) {
      width += 1;
    } else if (c >= 0xE0) {
      width += 2;  // the lead byte of a 3- or 4-byte sequence
    }
  }
  return width;
}

}  // namespace

namespace {

// Why `path` cannot be written, in the tool's words, before libxlsxwriter
// is asked to (it prints its own "[ERROR] workbook_close()" lines); OK when
// it can.
absl::Status CheckWritable(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (fs::is_directory(target, error)) return absl::InvalidArgumentError(Format("$0 is a folder, not a file", path));
  if (!fs::is_directory(folder, error)) {
    return absl::NotFoundError(Format("cannot write $0: the folder $1 does not exist", path, folder.string()));
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    return absl::PermissionDeniedError(Format("cannot write $0: no permission to write in $1", path, folder.string()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteXlsx(const std::vector<Sheet>& sheets, const std::string& path) {
  if (absl::Status writable = CheckWritable(path); !writable.ok()) return writable;
  // Written beside the target and renamed over it once complete, so that a
  // process killed in the middle leaves the old file (or none), never half
  // a workbook under its name.
  const std::string partial = path + ".partial";
  lxw_workbook* workbook = workbook_new(partial.c_str());
  if (workbook == nullptr) return absl::PermissionDeniedError(Format("cannot create $0", path));
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (const Sheet& sheet : sheets) {
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
    if (worksheet == nullptr) {
      workbook_close(workbook);
      return absl::InvalidArgumentError(Format("cannot add a sheet named '$0'", sheet.name));
    }
    std::vector<double> widths;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const std::string& text = sheet.rows[r][c];
        if (widths.size() <= c) widths.resize(c + 1, 6);
        widths[c] = std::max(widths[c], std::min(60.0, ColumnWidth(text) + 2));
        const auto row = static_cast<lxw_row_t>(r);
        const auto column = static_cast<lxw_col_t>(c);
        lxw_format* format = r == 0 ? bold : nullptr;
        if (text.empty()) continue;
        if (r > 0 && IsPlainDecimal(text)) {
          worksheet_write_number(worksheet, row, column, std::strtod(text.c_str(), nullptr), format);
        } else {
          worksheet_write_string(worksheet, row, column, text.c_str(), format);
        }
      }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(worksheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           widths[c], nullptr);
    }
  }
  const lxw_error closed = workbook_close(workbook);
  if (closed != LXW_NO_ERROR) {
    std::remove(partial.c_str());
    return absl::InternalError(Format("cannot write $0: $1", path, lxw_strerror(closed)));
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    return absl::InternalError(Format("cannot write $0: $1", path, std::strerror(errno)));
  }
  return absl::OkStatus();
}

bool SpreadsheetSupported() { return true; }

}  // namespace healthact
