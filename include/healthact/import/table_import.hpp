// Import of an indicator-framework table (考核指标框架) as clerks have it: the
// attachment table of a document pasted into text (cells introduced by tabs,
// rows separated by blank lines, as in the seeds), a CSV file, or a
// spreadsheet sheet.  The table becomes framework text in the DSL, with a
// warning for everything the importer had to infer.
//
// The library never reads files: callers pass the text (or, for .xlsx, the
// sheet read by spreadsheet.hpp).
#ifndef HEALTHACT_TABLE_IMPORT_HPP_
#define HEALTHACT_TABLE_IMPORT_HPP_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "healthact/core/diagnostic.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/core/sheet.hpp"

namespace healthact {

// One cell as the table holds it, with where it starts in the input.  A cell
// broken over lines ("明显" / "下降", "100" / "70") is already joined.
struct TableCell {
  std::string text;
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in code points
};

struct IndicatorTable {
  std::string file;     // for diagnostics
  std::string title;    // the line above the table: 柳州市推进健康中国行动考核指标框架
  std::string locator;  // 附件3, when the text names the attachment
  std::vector<std::vector<TableCell>> rows;  // the header row first
};

struct TableRead {
  IndicatorTable table;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return !HasErrors(diagnostics); }
};

// The text form of the seeds: a line that starts with a tab begins a cell,
// a blank line ends a row, and a line without a tab continues the cell
// before it.  Lines above the table (the attachment's number and title) are
// read for the title; lines starting with '#' there are comments.
TableRead ReadTextTable(std::string_view text, std::string_view file);

// CSV with the same header (RFC 4180; a line break inside a quoted cell
// reads as a broken cell).
TableRead ReadCsvTable(std::string_view text, std::string_view file);

// A spreadsheet sheet: its first non-empty row is the header.  Positions are
// the sheet's row and column numbers.
TableRead TableFromSheet(const Sheet& sheet, std::string_view file);

// Joins the lines of a cell broken over lines: numbers become parts
// ("100" / "70" → "100，70"), words run together ("明显" / "下降" → "明显下降").
std::string JoinCellLines(const std::vector<std::string>& lines);

struct ImportOptions {
  std::string name;     // 框架 name; empty: the table's title
  Citation source;      // 来源; an empty locator takes the table's (附件3)
  // Tables never say how large a "marked" fall is, nor how many years a
  // "continuous" one lasts; a framework must, so the caller states them.
  TrendRules trend_rules;
  // The year of a baseline column whose header states none (基期水平); unset:
  // the baseline is kept with no year, and a warning says so.
  std::optional<int> baseline_year;
};

struct ImportedFramework {
  // The framework in the DSL, canonical form.  Written even when some cells
  // have errors: each bad cell is then marked by a comment at its place (or,
  // for a row that could not be read at all, at the end) for a clerk to fix.
  std::string text;
  // The framework; null when a finding is an error.  `text` parses back to it.
  std::shared_ptr<const Framework> framework;
  // Every finding, at the table's own file:line:column: the cells it could
  // not read, and the rules every indicator keeps (the same as the DSL's
  // checker applies, called directly: the text is not parsed again).
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return framework != nullptr; }
};

// Reads the header by meaning (考核依据, 序号, 指标, 单位, 基期水平（2019年）,
// 2022年目标值, in any order, with any years), then every row:
//   - the basis carries down from the row that states it;
//   - a unit in the indicator's name ("（‰）") is taken out of the name;
//   - a bare target's direction comes from the comparators of the row's
//     other cells, else from what the indicator measures (mortality,
//     spending shares, pneumoconiosis fall; everything else rises), and each
//     such inference is a warning naming the indicator;
//   - "100，70" makes a two-part indicator, its parts named from the name's
//     halves either side of "，".
ImportedFramework ImportTable(const IndicatorTable& table, const ImportOptions& options);

}  // namespace healthact

#endif  // HEALTHACT_TABLE_IMPORT_HPP_
