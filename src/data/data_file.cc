#include "healthact/data/data_file.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/csv.hpp"
#include "core/encoding.hpp"
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
    utf8::LineColumn where = utf8::Locate(text_, offset);
    // A byte-order mark is no column an editor shows.
    if (where.line == 1 && offset >= 3 && text_.starts_with("\xEF\xBB\xBF")) --where.column;
    diagnostics_.push_back(Diagnostic{code, SeverityOf(code), std::string(file_name_), where.line,
                                      where.column, std::move(message)});
  }

  // Maps the header's names to positions.  A column of another name (备注,
  // remark: offices keep notes beside their figures) is not read, with a
  // warning naming it; a column this file may not have, or one twice, or a
  // required one missing, is an error (at the unknown column, when there is
  // one: it is most likely the missing one misspelt).
  std::optional<std::map<Column, std::size_t>> Header(const csv::Row& header,
                                                      const std::vector<Column>& required,
                                                      const std::vector<Column>& allowed) {
    std::map<Column, std::size_t> positions;
    std::vector<const csv::Field*> unknown;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const csv::Field& field = header.fields[i];
      const std::optional<Column> column = ColumnNamed(field.text);
      if (!column) {
        unknown.push_back(&field);
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), *column) == allowed.end()) {
        Report(DiagnosticCode::kDataHeader, field.offset,
               text::StrCat("column '", field.text, "' does not belong in this file"));
        return std::nullopt;
      }
      if (!positions.emplace(*column, i).second) {
        Report(DiagnosticCode::kDataHeader, field.offset,
               text::StrCat("column '", field.text, "' appears twice"));
        return std::nullopt;
      }
    }
    const bool complete = std::all_of(required.begin(), required.end(),
                                      [&](Column column) { return positions.count(column) > 0; });
    const std::string needed = required.size() == 1 ? "the header needs the column unit (单位)"
                                                    : "the header needs the columns unit, indicator, year and "
                                                      "value (单位, 指标, 年份, 值)";
    if (!complete) {
      Report(DiagnosticCode::kDataHeader, unknown.empty() ? header.fields.front().offset : unknown.front()->offset,
             unknown.empty() ? needed : text::StrCat("unknown column '", unknown.front()->text, "': ", needed));
      return std::nullopt;
    }
    for (const csv::Field* field : unknown) {
      Report(DiagnosticCode::kDataColumnIgnored, field->offset,
             field->text.empty() ? std::string("a column without a name is not read")
                                 : text::StrCat("column '", field->text, "' is not read"));
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

// A file's text as UTF-8: itself, or converted from GB18030 (GBK), the
// encoding Chinese spreadsheets save CSV in unless told otherwise.
struct Source {
  std::string converted;  // empty when the text was UTF-8 (or nothing could be made of it)
  std::string_view text;
};
Source AsUtf8(std::string_view text) {
  Source source{"", text};
  if (!utf8::FindInvalid(text)) return source;
  if (std::optional<std::string> converted = encoding::FromGb18030(text)) {
    source.converted = *std::move(converted);
    source.text = source.converted;
  }
  return source;
}

// Says so when the text was converted.
void NoteConversion(Reader& reader, const Source& source) {
  if (source.converted.empty()) return;
  reader.Report(DiagnosticCode::kDataEncodingConverted, 0,
                "the file is GB18030 (GBK), not UTF-8: it was read converted to UTF-8 (Excel: 另存为 → "
                "CSV UTF-8 saves it so)");
}

// "12,345" (a quoted field: thousands separators) and "3.5%" under an
// indicator in %: what spreadsheets write, read as the number with a
// warning that says so.  nullopt when `text` is neither.
std::optional<std::pair<Reported, std::string>> ReadAsNumber(std::string_view text, const Indicator* indicator) {
  std::string digits(text);
  std::string why;
  if (digits.ends_with("%") || digits.ends_with("％")) {
    if (indicator == nullptr || !indicator->measure_unit || *indicator->measure_unit != MeasureUnit::kPercent) {
      return std::nullopt;
    }
    digits.resize(digits.size() - (digits.ends_with("%") ? 1 : std::string_view("％").size()));
    why = text::StrCat("indicator ", indicator->number, " is in %");
  }
  // 1,234 or 12,345,678.9: groups of three after the first.
  if (const std::size_t comma = digits.find(','); comma != std::string::npos) {
    const std::size_t point = digits.find('.');
    const std::string whole = digits.substr(0, point);
    std::size_t start = whole.starts_with('-') || whole.starts_with('+') ? 1 : 0;
    const std::size_t first = whole.find(',');
    bool grouped = first > start && first - start <= 3;
    for (std::size_t at = first; grouped && at != std::string::npos; at = whole.find(',', at + 1)) {
      const std::size_t next = whole.find(',', at + 1);
      grouped = (next == std::string::npos ? whole.size() : next) - at - 1 == 3;
    }
    if (!grouped) return std::nullopt;
    digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
    why = why.empty() ? "the commas taken as thousands separators" : why + "; the commas taken as thousands separators";
  }
  if (why.empty()) return std::nullopt;
  absl::StatusOr<Reported> reported = ParseReported(digits);
  if (!reported.ok() || reported->kind != ReportKind::kNumber) return std::nullopt;
  return std::pair{*reported, text::StrCat("'", text, "' read as ", reported->ToString(), " (", why, ")")};
}

// The rows after the header, without comment lines; null on a fatal problem.
std::optional<std::vector<csv::Row>> Rows(Reader& reader, std::string_view text) {
  if (text.size() > limits::kMaxDataBytes) {
    reader.Report(DiagnosticCode::kLimitExceeded, 0,
                  text::StrCat("the file is ", text.size(), " bytes; at most ", limits::kMaxDataBytes,
                               " are read (split it by year or by county)"));
    return std::nullopt;
  }
  if (utf8::FindInvalid(text)) {
    reader.Report(DiagnosticCode::kInvalidUtf8, *utf8::FindInvalid(text),
                  "the file is not valid UTF-8, nor GB18030 (GBK) Chinese text; save it as UTF-8 "
                  "(Excel: 另存为 → CSV UTF-8)");
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
  const Source source = AsUtf8(text);
  text = source.text;
  Reader reader(text, file_name);
  NoteConversion(reader, source);
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
      const Indicator* indicator = framework ? framework->FindIndicator(key.text) : nullptr;
      std::optional<std::pair<Reported, std::string>> read = ReadAsNumber(value.text, indicator);
      if (!read) {
        const bool percent_sign = value.text.ends_with("%") || value.text.ends_with("％");
        reader.Report(DiagnosticCode::kDataValue, value.offset,
                      percent_sign && indicator != nullptr && indicator->measure_unit
                          ? text::StrCat("'", value.text, "' has a % sign, but indicator ", indicator->number,
                                         " is in ", MeasureUnitSymbol(*indicator->measure_unit))
                          : std::string(reported.status().message()));
        continue;
      }
      reader.Report(DiagnosticCode::kDataValueReadAs, value.offset, read->second);
      reported = read->first;
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
  const Source source = AsUtf8(text);
  text = source.text;
  Reader reader(text, file_name);
  NoteConversion(reader, source);
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
