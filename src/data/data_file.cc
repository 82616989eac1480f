#include "healthact/data/data_file.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/csv.hpp"
#include "healthact/core/limits.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"

namespace healthact {
namespace {

enum class Column { kUnit, kIndicator, kYear, kValue, kParent, kLevel, kReviewer, kReason };

std::optional<Column> ColumnNamed(std::string_view name) {
  static constexpr std::pair<std::string_view, Column> kNames[] = {
      {"unit", Column::kUnit},           {"单位", Column::kUnit},
      {"单位名称", Column::kUnit},       {"indicator", Column::kIndicator},
      {"指标", Column::kIndicator},      {"序号", Column::kIndicator},
      {"year", Column::kYear},           {"年份", Column::kYear},
      {"年度", Column::kYear},           {"value", Column::kValue},
      {"值", Column::kValue},            {"数值", Column::kValue},
      {"parent", Column::kParent},       {"上级", Column::kParent},
      {"level", Column::kLevel},         {"层级", Column::kLevel},
      {"reviewer", Column::kReviewer},   {"核实人", Column::kReviewer},
      {"reason", Column::kReason},       {"核实说明", Column::kReason},
      {"说明", Column::kReason},
  };
  return text::FindWord(kNames, name);
}

class Reader {
 public:
  Reader(std::string_view text, std::string_view file_name)
      : text_(text), file_name_(file_name) {}

  void Report(DiagnosticCode code, std::size_t offset, std::string message) {
    const utf8::LineColumn where = utf8::Locate(text_, offset);
    diagnostics_.push_back(Diagnostic{code, SeverityOf(code), std::string(file_name_), where.line,
                                      where.column, std::move(message)});
  }

  // Maps the header's names to positions; reports unknown or missing ones.
  std::optional<std::map<Column, std::size_t>> Header(const csv::Row& header,
                                                      const std::vector<Column>& required,
                                                      const std::vector<Column>& allowed) {
    std::map<Column, std::size_t> positions;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const csv::Field& field = header.fields[i];
      const std::optional<Column> column = ColumnNamed(field.text);
      if (!column || std::find(allowed.begin(), allowed.end(), *column) == allowed.end()) {
        Report(DiagnosticCode::kDataHeader, field.offset,
               text::StrCat("unknown column '", field.text, "'"));
        return std::nullopt;
      }
      if (!positions.emplace(*column, i).second) {
        Report(DiagnosticCode::kDataHeader, field.offset,
               text::StrCat("column '", field.text, "' appears twice"));
        return std::nullopt;
      }
    }
    for (Column column : required) {
      if (!positions.count(column)) {
        Report(DiagnosticCode::kDataHeader, header.fields.front().offset,
               "the header needs the columns unit, indicator, year and value "
               "(单位, 指标, 年份, 值)");
        return std::nullopt;
      }
    }
    return positions;
  }

  // Places a unit under its parent and at its level, from the optional columns.
  void PlaceUnit(const csv::Row& row, const std::map<Column, std::size_t>& columns, UnitId unit,
                 Observations& into) {
    if (auto p = columns.find(Column::kParent); p != columns.end()) {
      const csv::Field& parent = row.fields[p->second];
      if (!parent.text.empty()) {
        absl::Status status = into.SetParent(unit, into.AddUnit(parent.text));
        if (!status.ok()) Report(DiagnosticCode::kDataTree, parent.offset, std::string(status.message()));
      }
    }
    if (auto l = columns.find(Column::kLevel); l != columns.end()) {
      const csv::Field& level = row.fields[l->second];
      if (!level.text.empty()) {
        if (std::optional<UnitLevel> parsed = ParseUnitLevel(level.text)) {
          into.SetLevel(unit, *parsed);
        } else {
          Report(DiagnosticCode::kDataValue, level.offset,
                 text::StrCat("unknown level '", level.text, "' (市, 县区, 乡镇, 村 or 部门)"));
        }
      }
    }
  }

  // A row must have as many fields as the header; reports it if not.
  bool HasWidth(const csv::Row& row, std::size_t width) {
    if (row.fields.size() == width) return true;
    Report(DiagnosticCode::kDataRow, row.fields.front().offset,
           text::StrCat("this row has ", row.fields.size(), " fields; the header has ", width));
    return false;
  }

  std::vector<Diagnostic> Take() { return std::move(diagnostics_); }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::string_view file_name_;
  std::vector<Diagnostic> diagnostics_;
};

// The rows after the header, without comment lines; null on a fatal problem.
std::optional<std::vector<csv::Row>> Rows(Reader& reader, std::string_view text) {
  if (text.size() > limits::kMaxDataBytes) {
    reader.Report(DiagnosticCode::kLimitExceeded, 0,
                  text::StrCat("the file is ", text.size(), " bytes; at most ", limits::kMaxDataBytes,
                               " are read (split it by year or by county)"));
    return std::nullopt;
  }
  if (const auto bad = utf8::FindInvalid(text)) {
    reader.Report(DiagnosticCode::kInvalidUtf8, *bad, "the file is not valid UTF-8; save it as UTF-8");
    return std::nullopt;
  }
  csv::Table table = csv::Parse(text);
  if (table.unterminated_quote) {
    reader.Report(DiagnosticCode::kDataRow, table.error_offset, "a quoted field is not closed");
    return std::nullopt;
  }
  std::vector<csv::Row> rows;
  for (csv::Row& row : table.rows) {
    if (!row.fields.empty() && row.fields.front().text.starts_with("#")) continue;
    rows.push_back(std::move(row));
  }
  if (rows.empty()) {
    reader.Report(DiagnosticCode::kDataHeader, 0, "the file is empty: a header row is needed");
    return std::nullopt;
  }
  return rows;
}

// "100，70" (or "100,70" in a quoted field) under a two-part indicator's
// number: one value per part, in the order of the parts.  A word that is
// not a number (未统计, 待公布) is said of every part.  One number for
// several parts says nothing about either, and is an error.
void AddParts(Reader& reader, const Indicator& indicator, const csv::Field& unit,
              const csv::Field& value, int year, const csv::Row& row,
              const std::map<Column, std::size_t>& columns, Observations& into) {
  std::vector<std::string_view> pieces;
  std::string_view rest = value.text;
  while (true) {
    const std::size_t wide = rest.find("，");
    const std::size_t narrow = rest.find(',');
    const std::size_t cut = std::min(wide, narrow);
    if (cut == std::string_view::npos) {
      pieces.push_back(rest);
      break;
    }
    pieces.push_back(rest.substr(0, cut));
    rest.remove_prefix(cut + (cut == wide ? std::string_view("，").size() : 1));
  }
  std::string part_list;
  for (const IndicatorPart& part : indicator.parts) {
    text::StrAppend(&part_list, part_list.empty() ? "" : ", ", part.number, " ", part.name);
  }
  std::vector<Reported> values;
  for (std::string_view piece : pieces) {
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    absl::StatusOr<Reported> reported = ParseReported(piece);
    if (!reported.ok()) {
      reader.Report(DiagnosticCode::kDataValue, value.offset, std::string(reported.status().message()));
      return;
    }
    values.push_back(*reported);
  }
  if (values.size() == 1 && values[0].kind != ReportKind::kNumber) {
    values.assign(indicator.parts.size(), values[0]);
  }
  if (values.size() != indicator.parts.size()) {
    reader.Report(DiagnosticCode::kDataValue, value.offset,
                  text::StrCat("indicator ", indicator.number, " has ", indicator.parts.size(),
                               " parts (", part_list, "): report ", indicator.parts.size(),
                               " values in their order, e.g. 100，70, or each under its part's number; '",
                               value.text, "' gives ", values.size()));
    return;
  }
  const UnitId id = into.AddUnit(unit.text);
  reader.PlaceUnit(row, columns, id, into);
  for (std::size_t p = 0; p < values.size(); ++p) {
    absl::Status added = into.Add(id, indicator.parts[p].number, year, values[p]);
    if (!added.ok()) {
      reader.Report(DiagnosticCode::kDataConflict, value.offset,
                    text::StrCat(unit.text, " ", indicator.parts[p].number, " ", year, ": ", added.message()));
    }
  }
}

// Reported values, or with `notes` verified ones, which may also say who
// verified each and why it differs.
std::vector<Diagnostic> ReadValues(std::string_view text, std::string_view file_name,
                                   const Framework* framework, Observations& into, VerifiedNotes* notes) {
  Reader reader(text, file_name);
  std::optional<std::vector<csv::Row>> rows = Rows(reader, text);
  if (!rows) return reader.Take();
  std::vector<Column> allowed = {Column::kUnit,  Column::kIndicator, Column::kYear,
                                 Column::kValue, Column::kParent,    Column::kLevel};
  if (notes != nullptr) allowed.insert(allowed.end(), {Column::kReviewer, Column::kReason});
  const auto columns = reader.Header(
      rows->front(), {Column::kUnit, Column::kIndicator, Column::kYear, Column::kValue}, allowed);
  if (!columns) return reader.Take();
  const auto text_of = [&](const csv::Row& row, Column column) -> std::string {
    const auto found = columns->find(column);
    return found == columns->end() ? std::string() : std::string(row.fields[found->second].text);
  };
  const std::set<std::string, std::less<>> keys =
      framework ? FrameworkKeys(*framework) : std::set<std::string, std::less<>>{};
  const std::size_t width = rows->front().fields.size();
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const csv::Row& row = (*rows)[r];
    if (!reader.HasWidth(row, width)) continue;
    const csv::Field& unit = row.fields[columns->at(Column::kUnit)];
    const csv::Field& key = row.fields[columns->at(Column::kIndicator)];
    const csv::Field& year_field = row.fields[columns->at(Column::kYear)];
    const csv::Field& value = row.fields[columns->at(Column::kValue)];
    if (unit.text.empty()) {
      reader.Report(DiagnosticCode::kDataRow, unit.offset, "the unit is empty");
      continue;
    }
    if (framework != nullptr && !keys.count(key.text)) {
      reader.Report(DiagnosticCode::kDataUnknownKey, key.offset,
                    text::StrCat("'", key.text,
                                 "' is not an indicator, part or count of the framework '",
                                 framework->name(), "'"));
      continue;
    }
    absl::StatusOr<Decimal> year = Decimal::Parse(year_field.text);
    if (!year.ok() || year->scale() != 0 || *year < Decimal::FromInt(limits::kFirstYear) ||
        *year > Decimal::FromInt(limits::kLastYear)) {
      reader.Report(DiagnosticCode::kDataRow, year_field.offset,
                    text::StrCat("'", year_field.text, "' is not a year from ", limits::kFirstYear, " to ",
                                 limits::kLastYear));
      continue;
    }
    if (notes != nullptr) {
      VerifiedNote note{text_of(row, Column::kReviewer), text_of(row, Column::kReason),
                        utf8::Locate(text, unit.offset).line};
      (*notes)[{std::string(unit.text), std::string(key.text), std::stoi(year->ToString())}] = std::move(note);
    }
    const Indicator* with_parts = framework ? framework->FindIndicator(key.text) : nullptr;
    if (with_parts != nullptr && !with_parts->parts.empty()) {
      AddParts(reader, *with_parts, unit, value, std::stoi(year->ToString()), row, *columns, into);
      continue;
    }
    absl::StatusOr<Reported> reported = ParseReported(value.text);
    if (!reported.ok()) {
      reader.Report(DiagnosticCode::kDataValue, value.offset, std::string(reported.status().message()));
      continue;
    }
    const UnitId id = into.AddUnit(unit.text);
    reader.PlaceUnit(row, *columns, id, into);
    absl::Status added = into.Add(id, key.text, std::stoi(year->ToString()), *reported);
    if (!added.ok()) {
      reader.Report(DiagnosticCode::kDataConflict, value.offset,
                    text::StrCat(unit.text, " ", key.text, " ", year_field.text, ": ", added.message()));
    }
  }
  return reader.Take();
}

}  // namespace

std::set<std::string, std::less<>> FrameworkKeys(const Framework& framework) {
  std::set<std::string, std::less<>> keys;
  for (const Indicator& indicator : framework.indicators()) {
    keys.insert(indicator.number);
    for (const IndicatorPart& part : indicator.parts) keys.insert(part.number);
  }
  for (const CountDeclaration& count : framework.counts()) keys.insert(count.name);
  return keys;
}


std::vector<Diagnostic> ReadObservationsCsv(std::string_view text, std::string_view file_name,
                                            const Framework* framework, Observations& into) {
  return ReadValues(text, file_name, framework, into, nullptr);
}

std::vector<Diagnostic> ReadVerifiedCsv(std::string_view text, std::string_view file_name,
                                        const Framework* framework, Observations& into,
                                        VerifiedNotes& notes) {
  return ReadValues(text, file_name, framework, into, &notes);
}

std::vector<Diagnostic> ReadUnitsCsv(std::string_view text, std::string_view file_name,
                                     Observations& into) {
  Reader reader(text, file_name);
  std::optional<std::vector<csv::Row>> rows = Rows(reader, text);
  if (!rows) return reader.Take();
  const auto columns = reader.Header(rows->front(), {Column::kUnit},
                                     {Column::kUnit, Column::kParent, Column::kLevel});
  if (!columns) return reader.Take();
  const std::size_t width = rows->front().fields.size();
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const csv::Row& row = (*rows)[r];
    if (!reader.HasWidth(row, width)) continue;
    const csv::Field& unit = row.fields[columns->at(Column::kUnit)];
    if (unit.text.empty()) {
      reader.Report(DiagnosticCode::kDataRow, unit.offset, "the unit is empty");
      continue;
    }
    reader.PlaceUnit(row, *columns, into.AddUnit(unit.text), into);
  }
  return reader.Take();
}

}  // namespace healthact
