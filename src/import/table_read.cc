// Reading indicator tables from the forms clerks have: the seeds' pasted
// Word text, CSV, and spreadsheet sheets.  Only the cells and their
// positions are read here; their meaning is table_import.cc's business.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "healthact/core/messages.hpp"
#include "healthact/import/table_import.hpp"
#include "core/strings.hpp"
#include "import/table_cells.hpp"
#include "core/text_limits.hpp"
#include "healthact/core/limits.hpp"
#include "core/utf8.hpp"

namespace healthact {
namespace {

Diagnostic At(DiagnosticCode code, std::string_view file, int line, int column,
              std::string message) {
  return Diagnostic{code, SeverityOf(code), std::string(file), line, column, std::move(message)};
}

bool Utf8Checked(std::string_view text, std::string_view file, TableRead& read) {
  if (std::optional<Diagnostic> limit = CheckTextSize(text, file, limits::kMaxTextBytes)) {
    read.diagnostics.push_back(std::move(*limit));
    return false;
  }
  if (const std::optional<std::size_t> bad = utf8::FindInvalid(text)) {
    const utf8::LineColumn where = utf8::Locate(text.substr(0, *bad), *bad);
    read.diagnostics.push_back(At(DiagnosticCode::kInvalidUtf8, file, where.line, where.column,
                                  std::string(messages::Tr("the text is not valid UTF-8 here; save the table as UTF-8"))));
    return false;
  }
  return true;
}

// Whether a line is an attachment's number: "附件3".
bool IsAttachmentLabel(std::string_view line) {
  if (!line.starts_with("附件")) return false;
  const std::string rest = table_cells::AsciiDigits(line.substr(std::string_view("附件").size()));
  return !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The lines of a cell that holds line breaks (CSV, spreadsheets).
std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t to = text.find('\n', from);
    if (to == std::string_view::npos) to = text.size();
    lines.emplace_back(text.substr(from, to - from));
    from = to + 1;
  }
  return lines;
}

// A cell being read: its lines, and where it starts.
struct PendingCell {
  std::vector<std::string> lines;
  int line = 0;
  int column = 0;
  TableCell Finish() const { return TableCell{JoinCellLines(lines), line, column}; }
};

}  // namespace

std::string JoinCellLines(const std::vector<std::string>& lines) {
  std::vector<std::string> pieces;
  for (const std::string& line : lines) {
    std::string piece = table_cells::Trim(line);
    if (!piece.empty()) pieces.push_back(std::move(piece));
  }
  const bool all_numbers =
      pieces.size() > 1 && std::all_of(pieces.begin(), pieces.end(), [](const std::string& p) {
        return table_cells::IsComparisonText(p);
      });
  std::string out;
  for (const std::string& piece : pieces) {
    if (!out.empty() && all_numbers) out += "，";
    out += piece;
  }
  return out;
}

TableRead ReadTextTable(std::string_view text, std::string_view file) {
  TableRead read;
  read.table.file = std::string(file);
  if (!Utf8Checked(text, file, read)) return read;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  std::vector<std::vector<PendingCell>> rows;
  std::vector<PendingCell> row;
  std::size_t header_size = 0;  // known once the header row is complete
  bool in_table = false;
  bool after_blank = false;
  int line_number = 0;
  std::size_t start = 0;
  const auto finish_row = [&] {
    if (row.empty()) return;
    if (rows.empty()) header_size = row.size();
    rows.push_back(std::move(row));
    row.clear();
  };
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++line_number;
    const bool more = end < text.size();
    start = end + 1;
    const bool blank = table_cells::Trim(line).empty() && line.find('\t') == std::string_view::npos;

    if (!in_table) {
      if (!line.starts_with('\t')) {
        const std::string trimmed = table_cells::Trim(line);
        if (!trimmed.empty() && !trimmed.starts_with('#')) {
          if (IsAttachmentLabel(trimmed)) {
            read.table.locator = trimmed;
          } else {
            read.table.title = trimmed;
          }
        }
        if (!more) break;
        continue;
      }
      in_table = true;
    }
    if (blank) {
      after_blank = true;
      if (!more) break;
      continue;
    }
    if (line.starts_with('\t')) {
      if (after_blank) finish_row();
      after_blank = false;
      // Every tab begins a cell; columns count code points from 1.
      std::size_t offset = 0;
      while (offset < line.size()) {
        const std::size_t cell_start = offset + 1;
        std::size_t next = line.find('\t', cell_start);
        if (next == std::string_view::npos) next = line.size();
        PendingCell cell;
        cell.line = line_number;
        cell.column = 1 + static_cast<int>(utf8::CountCodePoints(line.substr(0, cell_start)));
        cell.lines.emplace_back(line.substr(cell_start, next - cell_start));
        row.push_back(std::move(cell));
        offset = next;
      }
    } else {
      // A line without a tab continues the cell above it, unless the row is
      // complete and the line is no part of a value: then the table is over
      // ("附件3" below the last row).
      const bool row_complete = header_size != 0 && row.size() >= header_size;
      if (row.empty() || (row_complete && !table_cells::IsValueFragment(table_cells::Trim(line)))) {
        break;
      }
      row.back().lines.emplace_back(line);
      after_blank = false;
    }
    if (!more) break;
  }
  finish_row();

  for (const std::vector<PendingCell>& pending : rows) {
    std::vector<TableCell> cells;
    for (const PendingCell& cell : pending) cells.push_back(cell.Finish());
    read.table.rows.push_back(std::move(cells));
  }
  if (read.table.rows.empty()) {
    read.diagnostics.push_back(At(DiagnosticCode::kTableHeader, file, line_number, 1,
                                  "no table found: a table's cells begin with a tab"));
  }
  return read;
}

TableRead ReadCsvTable(std::string_view text, std::string_view file) {
  TableRead read;
  read.table.file = std::string(file);
  if (!Utf8Checked(text, file, read)) return read;
  const csv::Table parsed = csv::Parse(text);
  if (parsed.unterminated_quote) {
    const utf8::LineColumn where = utf8::Locate(text, parsed.error_offset);
    read.diagnostics.push_back(At(DiagnosticCode::kTableRow, file, where.line, where.column,
                                  "this quoted cell is never closed"));
    return read;
  }
  const utf8::LineIndex lines(text);
  for (const csv::Row& row : parsed.rows) {
    std::vector<TableCell> cells;
    for (const csv::Field& field : row.fields) {
      const utf8::LineColumn where = lines.At(field.offset);
      cells.push_back(TableCell{JoinCellLines(SplitLines(field.text)), where.line, where.column});
    }
    read.table.rows.push_back(std::move(cells));
  }
  if (read.table.rows.empty()) {
    read.diagnostics.push_back(At(DiagnosticCode::kTableHeader, file, 1, 1, "the file is empty"));
  }
  return read;
}

TableRead TableFromSheet(const Sheet& sheet, std::string_view file) {
  TableRead read;
  read.table.file = std::string(file);
  bool header_seen = false;
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const std::vector<std::string>& values = sheet.rows[r];
    std::vector<TableCell> cells;
    int filled = 0;
    for (std::size_t c = 0; c < values.size(); ++c) {
      cells.push_back(TableCell{JoinCellLines(SplitLines(values[c])), static_cast<int>(r + 1),
                                static_cast<int>(c + 1)});
      filled += !cells.back().text.empty();
    }
    if (filled == 0) continue;
    // Rows above the header with a cell or two are the attachment's number
    // and the title; a header names at least 序号, 指标 and a target year.
    if (!header_seen && filled < 3) {
      for (const TableCell& cell : cells) {
        if (cell.text.empty()) continue;
        (IsAttachmentLabel(cell.text) ? read.table.locator : read.table.title) = cell.text;
      }
      continue;
    }
    header_seen = true;
    read.table.rows.push_back(std::move(cells));
  }
  if (read.table.rows.empty()) {
    read.diagnostics.push_back(At(DiagnosticCode::kTableHeader, file, 1, 1,
                                  text::StrCat("sheet '", sheet.name, "' holds no table")));
  }
  return read;
}

}  // namespace healthact
