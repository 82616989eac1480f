#include "healthact/data/data_file.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>

#include "core/ascii_number.hpp"
#include "core/csv.hpp"
#include "core/csv_background.hpp"
#include "core/mapped_file.hpp"
#include "core/encoding.hpp"
#include "healthact/core/messages.hpp"
#include "healthact/core/limits.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"

namespace healthact {
namespace {

using messages::Format;
using messages::Tr;

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

// What a data row says by itself, whatever came before it: its year and its
// value when written plainly (four digits; an ASCII number), read where the
// row is split -- for a large file, on the other core, beside the rows the
// reader is making sense of.  Either is nullopt when the row writes it
// otherwise, and the reader reads it the long way, with its diagnostics.
struct RowFacts {
  std::optional<ScaledNumber> value;
  std::optional<int> year;
};
using RowDigest = std::function<RowFacts(std::span<const csv::FieldView>)>;

// Where the rows come from: a CSV text or a spreadsheet's sheet.  Both hand
// out fields as views, each with an offset that Locate turns into a line
// and a column for a diagnostic.
class RowSource {
 public:
  virtual ~RowSource() = default;
  // The next row that is neither blank nor a comment ('#' first), and what
  // the digest made of it (null before one is set, or without one).  The
  // views of `fields` stay valid until the next call.
  virtual bool Next(std::span<const csv::FieldView>& fields, const RowFacts*& facts) = 0;
  bool Next(std::span<const csv::FieldView>& fields) {
    const RowFacts* ignored = nullptr;
    return Next(fields, ignored);
  }
  // From the next row on, `digest` (which may be null) works out each row's
  // facts: once the header is read, which says where the year and the value
  // are.
  virtual void SetDigest(RowDigest digest) = 0;
  virtual utf8::LineColumn Locate(std::size_t offset) const = 0;
};

// A digest run as each row is handed out, for a source read on the
// caller's thread.
class DigestHere {
 public:
  void Set(RowDigest digest) { digest_ = std::move(digest); }
  // What the digest makes of `row`, or null without one.
  const RowFacts* Of(std::span<const csv::FieldView> row) {
    if (!digest_) return nullptr;
    facts_ = digest_(row);
    return &facts_;
  }

 private:
  RowDigest digest_;
  RowFacts facts_;
};

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// A pass over a mapped file's text hands back, every few megabytes, the pages
// it has left behind, but the last megabyte, so that the file's size does not
// add to the peak memory of reading it.  Nothing for a text in memory.
class PagesBehind {
 public:
  explicit PagesBehind(const MappedFile* mapping) : mapping_(mapping) {}
  void At(std::size_t offset) {
    if (mapping_ == nullptr || offset < released_ + kEvery + kKept) return;
    mapping_->Release(released_, offset - kKept);
    released_ = offset - kKept;
  }

 private:
  static constexpr std::size_t kEvery = std::size_t{4} << 20;
  static constexpr std::size_t kKept = std::size_t{1} << 20;
  const MappedFile* mapping_;
  std::size_t released_ = 0;
};

// A CSV text's rows, read on the caller's thread.
class CsvRows final : public RowSource {
 public:
  CsvRows(std::string_view text, const MappedFile* mapping) : text_(text), cursor_(text), behind_(mapping) {}
  bool Next(std::span<const csv::FieldView>& fields, const RowFacts*& facts) override {
    while (cursor_.Next(row_)) {
      behind_.At(cursor_.line_start());
      fields = row_;
      if (fields.front().text.starts_with('#')) continue;
      facts = digest_.Of(fields);
      return true;
    }
    return false;
  }
  void SetDigest(RowDigest digest) override { digest_.Set(std::move(digest)); }
  utf8::LineColumn Locate(std::size_t offset) const override {
    return WithoutByteOrderMark(text_, offset, cursor_.Locate(offset));
  }

  // A byte-order mark is no column an editor shows.
  static utf8::LineColumn WithoutByteOrderMark(std::string_view text, std::size_t offset, utf8::LineColumn where) {
    if (where.line == 1 && offset >= kByteOrderMark.size() && text.starts_with(kByteOrderMark)) --where.column;
    return where;
  }

 private:
  std::string_view text_;
  csv::Cursor cursor_;
  std::vector<csv::FieldView> row_;
  DigestHere digest_;
  PagesBehind behind_;
};

// A large CSV text's rows: the header (and any comment before it) read on
// the caller's thread, the rest split, and digested, on the other core by a
// csv::BackgroundCursor -- the same rows and positions as CsvRows'.
class LargeCsvRows final : public RowSource {
 public:
  LargeCsvRows(std::string_view text, const MappedFile* mapping) : text_(text), head_(text), behind_(mapping) {}
  bool Next(std::span<const csv::FieldView>& fields, const RowFacts*& facts) override {
    while (rest_ ? rest_->Next(fields, facts) : NextOfHead(fields, facts)) {
      behind_.At(rest_ ? rest_->line_start() : head_.line_start());
      if (!fields.front().text.starts_with('#')) return true;
    }
    return false;
  }
  void SetDigest(RowDigest digest) override {
    if (!rest_) rest_.emplace(text_, head_.position(), std::move(digest));
  }
  utf8::LineColumn Locate(std::size_t offset) const override {
    return CsvRows::WithoutByteOrderMark(text_, offset, rest_ ? rest_->Locate(offset) : head_.Locate(offset));
  }

 private:
  bool NextOfHead(std::span<const csv::FieldView>& fields, const RowFacts*& facts) {
    if (!head_.Next(row_)) return false;
    fields = row_;
    facts = nullptr;
    return true;
  }

  std::string_view text_;
  csv::Cursor head_;
  std::vector<csv::FieldView> row_;  // head_'s
  std::optional<csv::BackgroundCursor<RowFacts>> rest_;
  PagesBehind behind_;
};

// From this size on, a text is worth a second thread: it is split into rows
// on the other core.
constexpr std::size_t kTwoCoreBytes = std::size_t{1} << 20;

bool TwoCores(std::string_view text) {
  return text.size() >= kTwoCoreBytes && std::thread::hardware_concurrency() > 1;
}

// Where a character starts, at or before `offset`.
std::size_t CharacterStart(std::string_view text, std::size_t offset) {
  while (offset > 0 && offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) --offset;
  return offset;
}

// The first byte of text[begin, end) that is not UTF-8, checked a few
// megabytes at a time with the pages behind handed back.
std::optional<std::size_t> FindInvalidUtf8In(std::string_view text, std::size_t begin, std::size_t end,
                                             const MappedFile* mapping) {
  if (mapping == nullptr) {
    const std::optional<std::size_t> bad = utf8::FindInvalid(text.substr(begin, end - begin));
    return bad ? std::optional<std::size_t>(begin + *bad) : std::nullopt;
  }
  constexpr std::size_t kStep = std::size_t{4} << 20;
  for (std::size_t at = begin; at < end;) {
    std::size_t next = end - at <= kStep ? end : CharacterStart(text, at + kStep);
    if (next <= at) next = std::min(end, at + kStep);  // no character starts there: the bytes are not UTF-8
    if (const std::optional<std::size_t> bad = utf8::FindInvalid(text.substr(at, next - at))) return at + *bad;
    mapping->Release(at, next);
    at = next;
  }
  return std::nullopt;
}

// The first byte that is not UTF-8.  (One pass: the validator reads
// gigabytes a second, and its two halves at once on two cores measured no
// faster.)
std::optional<std::size_t> FindInvalidUtf8(std::string_view text, const MappedFile* mapping) {
  return FindInvalidUtf8In(text, 0, text.size(), mapping);
}

// A sheet's rows as a spreadsheet shows them: a row's trailing empty cells
// are no fields, and a row shorter than the header is padded to its width.
// An offset is the row's index × 2^14 plus the cell's (a sheet has at most
// 2^14 columns), so that a problem is placed at its row and column.
class SheetRows final : public RowSource {
 public:
  explicit SheetRows(const Sheet& sheet) : sheet_(sheet) {}
  bool Next(std::span<const csv::FieldView>& row, const RowFacts*& facts) override {
    while (row_ < sheet_.rows.size()) {
      const std::size_t index = row_++;
      const std::vector<std::string>& cells = sheet_.rows[index];
      std::size_t used = cells.size();
      while (used > 0 && cells[used - 1].empty()) --used;
      if (used == 0 || cells[0].starts_with('#')) continue;
      if (width_ == 0) width_ = used;
      fields_.clear();
      for (std::size_t c = 0; c < std::max(used, width_); ++c) {
        fields_.push_back({c < used ? std::string_view(cells[c]) : std::string_view(), index * kRowStride + c});
      }
      row = fields_;
      facts = digest_.Of(row);
      return true;
    }
    return false;
  }
  void SetDigest(RowDigest digest) override { digest_.Set(std::move(digest)); }
  utf8::LineColumn Locate(std::size_t offset) const override {
    return {static_cast<int>(offset / kRowStride) + 1, static_cast<int>(offset % kRowStride) + 1};
  }

 private:
  static constexpr std::size_t kRowStride = std::size_t{1} << 14;
  const Sheet& sheet_;
  std::size_t row_ = 0;
  std::size_t width_ = 0;  // the header's
  std::vector<csv::FieldView> fields_;
  DigestHere digest_;
};

// Where each column of the header is, by what it holds.
class Positions {
 public:
  Positions() { at_.fill(kAbsent); }
  bool has(Column column) const { return at_[Index(column)] != kAbsent; }
  std::size_t operator[](Column column) const { return at_[Index(column)]; }
  bool Set(Column column, std::size_t position) {
    if (has(column)) return false;
    at_[Index(column)] = position;
    return true;
  }

 private:
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  static std::size_t Index(Column column) { return static_cast<std::size_t>(column); }
  std::array<std::size_t, 8> at_;
};

// A row's fields, as the RowSource handed them out.
using Fields = std::span<const csv::FieldView>;

class Reader {
 public:
  Reader(const RowSource& rows, std::string_view file_name) : rows_(rows), file_name_(file_name) {}

  void Report(DiagnosticCode code, std::size_t offset, std::string message) {
    const utf8::LineColumn where = rows_.Locate(offset);
    diagnostics_.push_back(Diagnostic{code, SeverityOf(code), std::string(file_name_), where.line,
                                      where.column, std::move(message)});
  }
  int LineOf(std::size_t offset) const { return rows_.Locate(offset).line; }

  // Maps the header's names to positions.  A column of another name (备注,
  // remark: offices keep notes beside their figures) is not read, with a
  // warning naming it; a column this file may not have, or one twice, or a
  // required one missing, is an error (at the unknown column, when there is
  // one: it is most likely the missing one misspelt).
  std::optional<Positions> Header(const Fields& header, const std::vector<Column>& required,
                                  const std::vector<Column>& allowed) {
    Positions positions;
    std::vector<const csv::FieldView*> unknown;
    for (std::size_t i = 0; i < header.size(); ++i) {
      const csv::FieldView& field = header[i];
      const std::optional<Column> column = ColumnNamed(field.text);
      if (!column) {
        unknown.push_back(&field);
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), *column) == allowed.end()) {
        Report(DiagnosticCode::kDataHeader, field.offset,
               Format("column '$0' does not belong in this file", field.text));
        return std::nullopt;
      }
      if (!positions.Set(*column, i)) {
        Report(DiagnosticCode::kDataHeader, field.offset,
               Format("column '$0' appears twice", field.text));
        return std::nullopt;
      }
    }
    const bool complete = std::all_of(required.begin(), required.end(),
                                      [&](Column column) { return positions.has(column); });
    const std::string_view needed =
        required.size() == 1 ? Tr("the header needs the column unit (单位)")
                             : Tr("the header needs the columns unit, indicator, year and value (单位, 指标, 年份, 值)");
    if (!complete) {
      Report(DiagnosticCode::kDataHeader, unknown.empty() ? header.front().offset : unknown.front()->offset,
             unknown.empty() ? std::string(needed) : Format("unknown column '$0': $1", unknown.front()->text, needed));
      return std::nullopt;
    }
    for (const csv::FieldView* field : unknown) {
      Report(DiagnosticCode::kDataColumnIgnored, field->offset,
             field->text.empty() ? std::string(Tr("a column without a name is not read"))
                                 : Format("column '$0' is not read", field->text));
    }
    return positions;
  }

  // A row must have as many fields as the header; reports it if not.
  bool HasWidth(const Fields& row, std::size_t width) {
    if (row.size() == width) return true;
    Report(DiagnosticCode::kDataRow, row.front().offset,
           Format("this row has $0 fields; the header has $1", row.size(), width));
    return false;
  }

  std::vector<Diagnostic> Take() { return std::move(diagnostics_); }

 private:
  const RowSource& rows_;
  std::string_view file_name_;
  std::vector<Diagnostic> diagnostics_;
};

// Finds a std::string key by a string_view without making a string.
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, TransparentHash, std::equal_to<>>;

// Units by name for one file: rows come grouped by unit, so the last one is
// tried first, and Observations' name index only when the unit changes.  Places each unit under its parent and at its
// level from the optional columns, once for each change.
class UnitPlacer {
 public:
  UnitPlacer(Reader& reader, const Positions& columns, Observations& into)
      : reader_(reader), columns_(columns), into_(into) {}

  UnitId Place(const csv::FieldView& name, const Fields& row) {
    UnitId id;
    if (have_last_ && name.text == last_name_) {
      id = last_id_;
    } else {
      id = into_.AddUnit(name.text);
      last_name_.assign(name.text);
      last_id_ = id;
      have_last_ = true;
    }
    if (columns_.has(Column::kParent) || columns_.has(Column::kLevel)) PlaceInTree(id, row);
    return id;
  }

 private:
  void PlaceInTree(UnitId unit, const Fields& row) {
    const std::string_view parent = columns_.has(Column::kParent) ? row[columns_[Column::kParent]].text : "";
    const std::string_view level = columns_.has(Column::kLevel) ? row[columns_[Column::kLevel]].text : "";
    if (unit == placed_ && parent == placed_parent_ && level == placed_level_) return;
    placed_ = unit;
    placed_parent_.assign(parent);
    placed_level_.assign(level);
    if (!parent.empty()) {
      absl::Status status = into_.SetParent(unit, into_.AddUnit(parent));
      if (!status.ok()) {
        reader_.Report(DiagnosticCode::kDataTree, row[columns_[Column::kParent]].offset,
                       std::string(status.message()));
      }
    }
    if (!level.empty()) {
      if (std::optional<UnitLevel> parsed = ParseUnitLevel(level)) {
        into_.SetLevel(unit, *parsed);
      } else {
        reader_.Report(DiagnosticCode::kDataValue, row[columns_[Column::kLevel]].offset,
                       Format("unknown level '$0' (市, 县区, 乡镇, 村 or 部门)", level));
      }
    }
  }

  Reader& reader_;
  const Positions& columns_;
  Observations& into_;
  bool have_last_ = false;
  std::string last_name_;
  UnitId last_id_ = 0;
  UnitId placed_ = -1;
  std::string placed_parent_;
  std::string placed_level_;
};

// A file's text as UTF-8: itself, or converted from GB18030 (GBK), the
// encoding Chinese spreadsheets save CSV in unless told otherwise.
struct Source {
  std::string converted;  // empty unless the text was converted
  std::string_view text;
  std::optional<std::size_t> invalid;  // the first byte that is not UTF-8, when nothing could be made of it
  const MappedFile* mapping = nullptr;  // the file `text` is a mapping of, if it is one
};
Source AsUtf8(std::string_view text, const MappedFile* mapping) {
  Source source{"", text, FindInvalidUtf8(text, mapping), mapping};
  if (!source.invalid) return source;
  if (std::optional<std::string> converted = encoding::FromGb18030(text)) {
    source.converted = *std::move(converted);
    source.text = source.converted;
    source.invalid.reset();
    source.mapping = nullptr;  // the text is the converted copy now
  }
  return source;
}

// Says so when the text was converted.
void NoteConversion(Reader& reader, const Source& source) {
  if (source.converted.empty()) return;
  reader.Report(DiagnosticCode::kDataEncodingConverted, 0,
                std::string(Tr("the file is GB18030 (GBK), not UTF-8: it was read converted to UTF-8 (Excel: 另存为 → "
                               "CSV UTF-8 saves it so)")));
}

// Whether the text holds a '"', looked for a few megabytes at a time.
bool Quotes(std::string_view text, const MappedFile* mapping) {
  constexpr std::size_t kStep = std::size_t{4} << 20;
  for (std::size_t at = 0; at < text.size(); at += kStep) {
    if (text.substr(at, kStep).find('"') != std::string_view::npos) return true;
    if (mapping != nullptr) mapping->Release(at, at + kStep);
  }
  return false;
}

// Checks what would leave every row in doubt, before one is read: the size,
// the encoding, a quoted field never closed (which swallows the rest of the
// file).  False when nothing may be read.
bool Readable(Reader& reader, const Source& source) {
  const std::string_view text = source.text;
  if (text.size() > limits::kMaxDataBytes) {
    reader.Report(DiagnosticCode::kLimitExceeded, 0,
                  Format("the file is $0 bytes; at most $1 are read (split it by year or by county)", text.size(),
                         limits::kMaxDataBytes));
    return false;
  }
  if (source.invalid) {
    reader.Report(DiagnosticCode::kInvalidUtf8, *source.invalid,
                  std::string(Tr("the file is not valid UTF-8, nor GB18030 (GBK) Chinese text; save it as UTF-8 "
                                 "(Excel: 另存为 → CSV UTF-8)")));
    return false;
  }
  // Most data files quote nothing; one that does is read through once first.
  if (Quotes(text, source.mapping)) {
    csv::Cursor scan(text);
    PagesBehind behind(source.mapping);
    std::vector<csv::FieldView> fields;
    while (scan.Next(fields)) behind.At(scan.line_start());
    if (scan.unterminated_quote()) {
      reader.Report(DiagnosticCode::kDataRow, scan.error_offset(), std::string(Tr("a quoted field is not closed")));
      return false;
    }
  }
  return true;
}

// The header, or false (with the reason) for a file without one.
bool ReadHeader(RowSource& rows, Reader& reader, Fields& header) {
  if (rows.Next(header)) return true;
  reader.Report(DiagnosticCode::kDataHeader, 0, std::string(Tr("the file is empty: a header row is needed")));
  return false;
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
    why = Format("indicator $0 is in %", indicator->number);
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
    why = why.empty() ? std::string(Tr("the commas taken as thousands separators"))
                      : Format("$0; the commas taken as thousands separators", why);
  }
  if (why.empty()) return std::nullopt;
  absl::StatusOr<Reported> reported = ParseReported(digits);
  if (!reported.ok() || reported->kind != ReportKind::kNumber) return std::nullopt;
  return std::pair{*reported, Format("'$0' read as $1 ($2)", text, reported->ToString(), why)};
}

// "100，70" (or "100,70" in a quoted field) under a two-part indicator's
// number: one value per part, in the order of the parts.  A word that is
// not a number (未统计, 待公布) is said of every part.  One number for
// several parts says nothing about either, and is an error.
void AddParts(Reader& reader, const Indicator& indicator, UnitPlacer& units, const csv::FieldView& unit,
              const Fields& row, const csv::FieldView& value, int year, Observations& into) {
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
                  Format("indicator $0 has $1 parts ($2): report $1 values in their order, e.g. 100，70, or each "
                         "under its part's number; '$3' gives $4",
                         indicator.number, indicator.parts.size(), part_list, value.text, values.size()));
    return;
  }
  const UnitId id = units.Place(unit, row);
  for (std::size_t p = 0; p < values.size(); ++p) {
    absl::Status added = into.Add(id, indicator.parts[p].number, year, values[p]);
    if (!added.ok()) {
      reader.Report(DiagnosticCode::kDataConflict, value.offset,
                    text::StrCat(unit.text, " ", indicator.parts[p].number, " ", year, ": ", added.message()));
    }
  }
}

// What the reader has learnt of a key from its first row: whether the
// framework has it, the indicator it names, and its columns by year.
struct KeyFacts {
  std::string key;
  bool known = true;
  const Indicator* indicator = nullptr;
  std::vector<std::pair<int, Observations::Column*>> columns;
  // The key the row after this key's had last time: rows repeat the same
  // order of keys unit after unit, so the guess saves hashing most keys.
  KeyFacts* after = nullptr;
};

// A year as nearly every file writes it: four ASCII digits, in range.
std::optional<int> PlainYear(std::string_view t) {
  if (t.size() == 4 && t[0] >= '1' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9' && t[2] >= '0' && t[2] <= '9' &&
      t[3] >= '0' && t[3] <= '9') {
    const int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    if (year >= limits::kFirstYear && year <= limits::kLastYear) return year;
  }
  return std::nullopt;
}

// The year a field names, or nullopt (reported).
std::optional<int> ReadYear(Reader& reader, const csv::FieldView& field) {
  if (const std::optional<int> year = PlainYear(field.text)) return year;
  if (const std::optional<AsciiNumber> number = ParseAsciiNumber(field.text);
      number && number->scale == 0 && !number->negative && number->magnitude >= limits::kFirstYear &&
      number->magnitude <= limits::kLastYear) {
    return static_cast<int>(number->magnitude);
  }
  absl::StatusOr<Decimal> year = Decimal::Parse(field.text);
  if (!year.ok() || year->scale() != 0 || *year < Decimal::FromInt(limits::kFirstYear) ||
      *year > Decimal::FromInt(limits::kLastYear)) {
    reader.Report(DiagnosticCode::kDataRow, field.offset,
                  Format("'$0' is not a year from $1 to $2", field.text, limits::kFirstYear, limits::kLastYear));
    return std::nullopt;
  }
  return std::stoi(year->ToString());  // "+2022", "２０２２"
}

// A value as most are written -- a plain ASCII number -- as a mantissa and
// its scale, which go straight into the column; nullopt for the rest.
std::optional<ScaledNumber> PlainNumber(std::string_view text) {
  const std::optional<AsciiNumber> number = ParseAsciiNumber(text);
  if (!number || number->magnitude > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
  const auto magnitude = static_cast<std::int64_t>(number->magnitude);
  return ScaledNumber{number->negative ? -magnitude : magnitude, number->scale};
}

// The digest of a data file's rows, once its header has placed the year and
// the value.  It reads the row alone: it runs beside the reader.
RowDigest DataRowDigest(const Positions& columns, std::size_t width) {
  const std::size_t year = columns[Column::kYear], value = columns[Column::kValue];
  return [year, value, width](std::span<const csv::FieldView> row) {
    if (row.size() != width) return RowFacts{};  // the reader reports it
    return RowFacts{PlainNumber(row[value].text), PlainYear(row[year].text)};
  };
}

// Calls `each(row, unit, facts)` for every row after the header that is as
// wide as the header and names its unit; reports the others.
template <typename Each>
void ForEachRow(RowSource& rows, Reader& reader, const Positions& columns, std::size_t width, Each each) {
  Fields row;
  const RowFacts* facts = nullptr;
  while (rows.Next(row, facts)) {
    if (!reader.HasWidth(row, width)) continue;
    const csv::FieldView& unit = row[columns[Column::kUnit]];
    if (unit.text.empty()) {
      reader.Report(DiagnosticCode::kDataRow, unit.offset, std::string(Tr("the unit is empty")));
      continue;
    }
    each(row, unit, facts);
  }
}

// Reported values, or with `notes` verified ones, which may also say who
// verified each and why it differs.
void ReadValues(RowSource& rows, Reader& reader, const Framework* framework, Observations& into,
                VerifiedNotes* notes) {
  Fields header;
  if (!ReadHeader(rows, reader, header)) return;
  std::vector<Column> allowed = {Column::kUnit,  Column::kIndicator, Column::kYear,
                                 Column::kValue, Column::kParent,    Column::kLevel};
  if (notes != nullptr) allowed.insert(allowed.end(), {Column::kReviewer, Column::kReason});
  const std::optional<Positions> columns =
      reader.Header(header, {Column::kUnit, Column::kIndicator, Column::kYear, Column::kValue}, allowed);
  if (!columns) return;
  const auto text_of = [&](const Fields& row, Column column) -> std::string {
    return columns->has(column) ? std::string(row[(*columns)[column]].text) : std::string();
  };
  const std::set<std::string, std::less<>> framework_keys =
      framework ? FrameworkKeys(*framework) : std::set<std::string, std::less<>>{};
  StringMap<KeyFacts> keys;
  KeyFacts* previous = nullptr;  // the last row's key
  UnitPlacer units(reader, *columns, into);
  rows.SetDigest(DataRowDigest(*columns, header.size()));
  ForEachRow(rows, reader, *columns, header.size(), [&](const Fields& row, const csv::FieldView& unit,
                                                         const RowFacts* facts_of_row) {
    const csv::FieldView& key = row[(*columns)[Column::kIndicator]];
    const csv::FieldView& year_field = row[(*columns)[Column::kYear]];
    const csv::FieldView& value = row[(*columns)[Column::kValue]];
    KeyFacts* facts = previous != nullptr && previous->after != nullptr && previous->after->key == key.text
                          ? previous->after
                          : nullptr;
    if (facts == nullptr) {
      auto found = keys.find(key.text);
      if (found == keys.end()) {
        KeyFacts learnt;
        learnt.key = std::string(key.text);
        learnt.known = framework == nullptr || framework_keys.count(key.text) > 0;
        learnt.indicator = framework ? framework->FindIndicator(key.text) : nullptr;
        found = keys.emplace(key.text, std::move(learnt)).first;
      }
      facts = &found->second;  // a node's: its address stays
      if (previous != nullptr) previous->after = facts;
    }
    previous = facts;
    if (!facts->known) {
      reader.Report(DiagnosticCode::kDataUnknownKey, key.offset,
                    Format("'$0' is not an indicator, part or count of the framework '$1'", key.text,
                           framework->name()));
      return;
    }
    const std::optional<int> year = facts_of_row->year ? facts_of_row->year : ReadYear(reader, year_field);
    if (!year) return;
    if (notes != nullptr) {
      (*notes)[{std::string(unit.text), std::string(key.text), *year}] =
          VerifiedNote{text_of(row, Column::kReviewer), text_of(row, Column::kReason), reader.LineOf(unit.offset)};
    }
    const Indicator* indicator = facts->indicator;
    if (indicator != nullptr && !indicator->parts.empty()) {
      AddParts(reader, *indicator, units, unit, row, value, *year, into);
      return;
    }
    absl::Status added;
    if (const std::optional<ScaledNumber> number = facts_of_row->value) {
      const UnitId id = units.Place(unit, row);
      std::vector<std::pair<int, Observations::Column*>>& by_year = facts->columns;
      auto column = std::find_if(by_year.begin(), by_year.end(), [&](const auto& c) { return c.first == *year; });
      if (column == by_year.end()) {
        absl::StatusOr<Observations::Column*> made = into.ColumnFor(key.text, *year);
        if (!made.ok()) {  // the year was checked; nothing else fails here
          reader.Report(DiagnosticCode::kDataRow, year_field.offset, std::string(made.status().message()));
          return;
        }
        column = by_year.insert(by_year.end(), {*year, *made});
      }
      added = into.Add(*column->second, id, *number);
    } else {
      absl::StatusOr<Reported> reported = ParseReported(value.text);
      if (!reported.ok()) {
        std::optional<std::pair<Reported, std::string>> read = ReadAsNumber(value.text, indicator);
        if (!read) {
          const bool percent_sign = value.text.ends_with("%") || value.text.ends_with("％");
          reader.Report(DiagnosticCode::kDataValue, value.offset,
                        percent_sign && indicator != nullptr && indicator->measure_unit
                            ? Format("'$0' has a % sign, but indicator $1 is in $2", value.text, indicator->number,
                                     MeasureUnitSymbol(*indicator->measure_unit))
                            : std::string(reported.status().message()));
          return;
        }
        reader.Report(DiagnosticCode::kDataValueReadAs, value.offset, read->second);
        reported = read->first;
      }
      added = into.Add(units.Place(unit, row), key.text, *year, *reported);
    }
    if (!added.ok()) {
      reader.Report(DiagnosticCode::kDataConflict, value.offset,
                    text::StrCat(unit.text, " ", key.text, " ", year_field.text, ": ", added.message()));
    }
  });
}

void ReadUnits(RowSource& rows, Reader& reader, Observations& into) {
  Fields header;
  if (!ReadHeader(rows, reader, header)) return;
  const std::optional<Positions> columns =
      reader.Header(header, {Column::kUnit}, {Column::kUnit, Column::kParent, Column::kLevel});
  if (!columns) return;
  UnitPlacer units(reader, *columns, into);
  rows.SetDigest(nullptr);  // a units file's rows have nothing to work out
  ForEachRow(rows, reader, *columns, header.size(), [&](const Fields& row, const csv::FieldView& unit, const RowFacts*) {
    into.List(units.Place(unit, row));
  });
}

// Reads a CSV text with `read` once it is known to be readable.
template <typename Read>
std::vector<Diagnostic> FromCsv(std::string_view text, std::string_view file_name, Read read,
                                const MappedFile* mapping = nullptr) {
  const Source source = AsUtf8(text, mapping);
  const auto read_rows = [&](auto& rows) {
    Reader reader(rows, file_name);
    NoteConversion(reader, source);
    if (Readable(reader, source)) read(rows, reader);
    return reader.Take();
  };
  if (TwoCores(source.text)) {
    LargeCsvRows rows(source.text, source.mapping);
    return read_rows(rows);
  }
  CsvRows rows(source.text, source.mapping);
  return read_rows(rows);
}

template <typename Read>
std::vector<Diagnostic> FromSheet(const Sheet& sheet, std::string_view file_name, Read read) {
  SheetRows rows(sheet);
  Reader reader(rows, file_name);
  read(rows, reader);
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
  return FromCsv(text, file_name,
                 [&](RowSource& rows, Reader& reader) { ReadValues(rows, reader, framework, into, nullptr); });
}

absl::StatusOr<std::vector<Diagnostic>> ReadObservationsFile(const std::filesystem::path& path,
                                                              const Framework* framework, Observations& into) {
  absl::StatusOr<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  return FromCsv(
      file->text(), path.string(),
      [&](RowSource& rows, Reader& reader) { ReadValues(rows, reader, framework, into, nullptr); }, &*file);
}

std::vector<Diagnostic> ReadObservationsSheet(const Sheet& sheet, std::string_view file_name,
                                              const Framework* framework, Observations& into) {
  return FromSheet(sheet, file_name,
                   [&](RowSource& rows, Reader& reader) { ReadValues(rows, reader, framework, into, nullptr); });
}

std::vector<Diagnostic> ReadVerifiedCsv(std::string_view text, std::string_view file_name,
                                        const Framework* framework, Observations& into,
                                        VerifiedNotes& notes) {
  return FromCsv(text, file_name,
                 [&](RowSource& rows, Reader& reader) { ReadValues(rows, reader, framework, into, &notes); });
}

std::vector<Diagnostic> ReadUnitsCsv(std::string_view text, std::string_view file_name,
                                     Observations& into) {
  return FromCsv(text, file_name, [&](RowSource& rows, Reader& reader) { ReadUnits(rows, reader, into); });
}

std::vector<Diagnostic> ReadUnitsSheet(const Sheet& sheet, std::string_view file_name, Observations& into) {
  return FromSheet(sheet, file_name, [&](RowSource& rows, Reader& reader) { ReadUnits(rows, reader, into); });
}

}  // namespace healthact
