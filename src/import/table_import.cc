// An indicator table → a Framework → canonical DSL text, checked again by
// the DSL so that what the importer writes is what a clerk would load.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "lang/vocabulary.hpp"
#include "healthact/core/limits.hpp"
#include "healthact/import/table_import.hpp"
#include "healthact/core/measure_unit.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "import/table_cells.hpp"
#include "lang/indicator_rules.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using messages::Format;
using messages::Tr;
namespace {

using table_cells::AsciiDigits;
using table_cells::Squeeze;
using table_cells::Trim;

// What a header cell says its column holds.
struct Column {
  enum class Kind { kBasis, kNumber, kName, kUnit, kDirection, kBaseline, kTarget, kIgnored };
  Kind kind = Kind::kIgnored;
  int year = 0;  // baseline and target columns
};

// The first four-digit year in a header cell: "基期水平（2019年）" → 2019.
std::optional<int> YearIn(std::string_view header) {
  const std::string digits = AsciiDigits(header);
  for (std::size_t i = 0; i + 4 <= digits.size(); ++i) {
    if (std::all_of(digits.begin() + static_cast<long>(i), digits.begin() + static_cast<long>(i) + 4,
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        (i + 4 == digits.size() || digits[i + 4] < '0' || digits[i + 4] > '9')) {
      return std::stoi(digits.substr(i, 4));
    }
  }
  return std::nullopt;
}

Column ColumnOf(std::string_view header) {
  const std::string text = Squeeze(header);
  const auto has = [&](std::string_view word) { return text.find(word) != std::string::npos; };
  const std::optional<int> year = YearIn(text);
  if (has("依据")) return {Column::Kind::kBasis};
  if (has("序号") || has("编号")) return {Column::Kind::kNumber};
  if (text == "单位" || text == "计量单位") return {Column::Kind::kUnit};
  if (has("方向")) return {Column::Kind::kDirection};
  // A baseline column without a year (基期水平) keeps its figures: year 0 here.
  if (has("基期") || has("基线") || has("现状")) return {Column::Kind::kBaseline, year.value_or(0)};
  if (has("目标") && year) return {Column::Kind::kTarget, *year};
  if (has("指标")) return {Column::Kind::kName};
  return {Column::Kind::kIgnored};
}

// Words in an indicator's name that say lower is better.
bool NameSaysLowerIsBetter(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kFalling = {
      "死亡率", "支出", "费用", "尘肺", "发病率", "患病率", "吸烟率", "肥胖", "近视率"};
  return std::any_of(kFalling.begin(), kFalling.end(),
                     [&](std::string_view word) { return name.find(word) != std::string_view::npos; });
}

// Names that are shares of a whole, read as % when the table gives no unit.
bool NameIsAShare(std::string_view name) {
  return name.ends_with("率") || name.ends_with("比例") || name.ends_with("比重");
}

// A cell's value, read once for a target or a baseline.
struct CellValue {
  enum class Kind { kEmpty, kComparisons, kAchieved, kTrend, kAbsence, kUnreadable };
  Kind kind = Kind::kEmpty;
  std::vector<ComparisonTarget> comparisons;  // one, or one per part
  TrendKind trend = TrendKind::kFall;
  Absence absence = Absence::kNotApplicable;
};

CellValue ReadCell(std::string_view raw) {
  const std::string text = Trim(raw);
  CellValue value;
  if (text.empty()) return value;
  if (dsl::IsAchievementWord(text)) {
    value.kind = CellValue::Kind::kAchieved;
    return value;
  }
  if (const std::optional<TrendKind> trend = dsl::ParseTrendKind(text)) {
    value.kind = CellValue::Kind::kTrend;
    value.trend = *trend;
    return value;
  }
  if (const std::optional<Absence> absence = dsl::ParseAbsence(text)) {
    value.kind = CellValue::Kind::kAbsence;
    value.absence = *absence;
    return value;
  }
  // "100，70" (or "100,70"): one comparison per part.
  std::vector<std::string> pieces;
  std::string piece;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "，") == 0) {
      pieces.push_back(Trim(piece));
      piece.clear();
      i += 3;
    } else if (text[i] == ',') {
      pieces.push_back(Trim(piece));
      piece.clear();
      ++i;
    } else {
      piece += text[i++];
    }
  }
  pieces.push_back(Trim(piece));
  value.kind = CellValue::Kind::kComparisons;
  for (const std::string& p : pieces) {
    const table_cells::SplitComparison split = table_cells::SplitComparator(p);
    absl::StatusOr<Decimal> number = Decimal::Parse(split.number);
    if (!number.ok()) {
      value.kind = CellValue::Kind::kUnreadable;
      value.comparisons.clear();
      return value;
    }
    ComparisonTarget target;
    target.value = *number;
    target.written_bare = !split.comparator.has_value();
    if (split.comparator) target.comparator = *split.comparator;
    value.comparisons.push_back(target);
  }
  return value;
}

// A unit of measure written in parentheses in a name: "（‰）", "(1/10万)".  Returns the
// name without every such unit, and the first unit found.
struct NameAndMeasureUnit {
  std::string name;
  std::optional<MeasureUnit> measure_unit;
};
NameAndMeasureUnit SplitMeasureUnitOutOfName(std::string_view name) {
  NameAndMeasureUnit out;
  std::size_t i = 0;
  while (i < name.size()) {
    const bool wide = name.compare(i, 3, "（") == 0;
    if (wide || name[i] == '(') {
      const std::size_t open = wide ? 3 : 1;
      std::size_t close = name.find(wide ? "）" : ")", i + open);
      if (close == std::string_view::npos && wide) close = name.find(')', i + open);
      if (close != std::string_view::npos) {
        const std::string inside = Trim(name.substr(i + open, close - i - open));
        if (const std::optional<MeasureUnit> unit = ParseMeasureUnit(inside)) {
          if (!out.measure_unit) out.measure_unit = unit;
          i = close + (name.compare(close, 3, "）") == 0 ? 3 : 1);
          continue;
        }
      }
    }
    out.name += name[i++];
  }
  out.name = Trim(out.name);
  return out;
}

// The two halves of a name either side of its one "，": the parts' names.
std::vector<std::string> SplitNameAtComma(std::string_view name) {
  std::vector<std::string> halves;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = name.find("，", start);
    halves.push_back(Trim(name.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + std::string_view("，").size();
  }
  return halves;
}

// "liuzhou-attachment3" from "tables/liuzhou-attachment3.txt".
std::string FileStem(std::string_view file) {
  const std::size_t slash = file.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? file : file.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

class Importer {
 public:
  Importer(const IndicatorTable& table, const ImportOptions& options)
      : table_(table), options_(options) {}

  ImportedFramework Run();

 private:
  void Report(DiagnosticCode code, const TableCell& cell, std::string message) {
    if (SeverityOf(code) == Severity::kError) {
      marks_.push_back(Mark{current_, text::StrCat("错误（", table_.file, " 第", cell.line, "行第", cell.column,
                                                   "列 '", Trim(cell.text), "'）：", message)});
    }
    diagnostics_.push_back(Diagnostic{code, SeverityOf(code), table_.file, cell.line, cell.column,
                                      std::move(message)});
  }
  // The text with each bad cell marked where the clerk will look for it.
  std::string MarkedText(std::string text) const;
  bool ReadHeader();
  void ReadRow(const std::vector<TableCell>& row);
  std::optional<Direction> DirectionFromTargets(const std::vector<CellValue>& values) const;

  // The place of a cell, for the rules of a whole indicator (IndicatorSites).
  std::size_t Place(const TableCell& cell) {
    places_.push_back(&cell);
    return places_.size() - 1;
  }
  // The rules every framework's indicators keep, as the DSL checks them,
  // with the diagnostics at the table's own cells.
  void CheckIndicators();

  const IndicatorTable& table_;
  const ImportOptions& options_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<Column> columns_;
  std::string basis_;
  std::vector<Indicator> indicators_;
  std::vector<dsl::IndicatorSites> sites_;  // by indicator
  std::vector<const TableCell*> places_;    // the cells sites_ name
  std::map<std::string, const TableCell*> numbers_;  // indicator number -> its cell
  // A comment for the text: the indicator it belongs to ("" when the row
  // gave no usable number) and what is wrong.
  struct Mark {
    std::string indicator;
    std::string comment;
  };
  std::vector<Mark> marks_;
  std::string current_;  // the number of the row being read
};

std::string Importer::MarkedText(std::string text) const {
  std::string orphans;
  for (auto mark = marks_.rbegin(); mark != marks_.rend(); ++mark) {
    // The indicator's block, when its row was imported.
    const std::string head = text::StrCat("\n", dsl::Spelling(dsl::Keyword::kIndicator).chinese, " ",
                                          mark->indicator, " \"");
    const std::size_t at = mark->indicator.empty() ? std::string::npos : text.find(head);
    if (at == std::string::npos) {
      orphans.insert(0, text::StrCat("# ", mark->comment, "\n"));
      continue;
    }
    const std::size_t line_end = text.find('\n', at + 1);
    text.insert(line_end + 1, text::StrCat("  # ", mark->comment, "\n"));
  }
  if (!orphans.empty()) {
    text::StrAppend(&text, "\n# 以下各行未能导入，请对照原表补上后再检查：\n", orphans);
  }
  return text;
}

bool Importer::ReadHeader() {
  const std::vector<TableCell>& header = table_.rows.front();
  bool number = false, name = false, target = false;
  std::set<int> target_years;
  for (const TableCell& cell : header) {
    Column column = ColumnOf(cell.text);
    if (column.kind == Column::Kind::kIgnored) {
      Report(DiagnosticCode::kTableColumnIgnored, cell,
             Format("column '$0' is not one the importer knows; it is left out", cell.text));
    }
    if (column.kind == Column::Kind::kTarget && !target_years.insert(column.year).second) {
      Report(DiagnosticCode::kTableHeader, cell,
             Format("a second column of $0 targets", column.year));
      return false;
    }
    number |= column.kind == Column::Kind::kNumber;
    name |= column.kind == Column::Kind::kName;
    target |= column.kind == Column::Kind::kTarget;
    columns_.push_back(column);
  }
  if (!number || !name || !target) {
    const std::string missing = !number ? "序号" : !name ? "指标" : "a target column (2022年目标值)";
    Report(DiagnosticCode::kTableHeader, header.front(),
           Format("the header has no $0 column; the first row must name the columns: 考核依据, 序号, 指标, 基期水平（2019年）, 2022年目标值…", missing));
    return false;
  }
  return true;
}

std::optional<Direction> Importer::DirectionFromTargets(const std::vector<CellValue>& values) const {
  for (const CellValue& value : values) {
    for (const ComparisonTarget& c : value.comparisons) {
      if (c.written_bare || c.comparator == Comparator::kEqual) continue;
      return c.comparator == Comparator::kAtLeast || c.comparator == Comparator::kAbove
                 ? Direction::kHigherIsBetter
                 : Direction::kLowerIsBetter;
    }
    if (value.kind == CellValue::Kind::kTrend) {
      const bool fall = IsFall(value.trend);
      return fall ? Direction::kLowerIsBetter : Direction::kHigherIsBetter;
    }
  }
  return std::nullopt;
}

void Importer::ReadRow(const std::vector<TableCell>& row) {
  if (std::all_of(row.begin(), row.end(), [](const TableCell& c) { return c.text.empty(); })) return;
  if (row.size() != columns_.size()) {
    Report(DiagnosticCode::kTableRow, row.front(),
           Format("this row has $0 cells but the header has $1; a cell may be missing or split", row.size(), columns_.size()));
    return;
  }
  current_.clear();
  Indicator indicator;
  const TableCell* number_cell = &row.front();
  const TableCell* name_cell = nullptr;
  const TableCell* unit_cell = nullptr;
  const TableCell* direction_cell = nullptr;
  const TableCell* baseline_cell = nullptr;
  int baseline_year = 0;
  std::vector<std::pair<const TableCell*, int>> target_cells;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const TableCell& cell = row[i];
    switch (columns_[i].kind) {
      case Column::Kind::kBasis:
        if (!Trim(cell.text).empty()) basis_ = Trim(cell.text);
        break;
      case Column::Kind::kNumber:
        indicator.number = AsciiDigits(Trim(cell.text));
        number_cell = &cell;
        break;
      case Column::Kind::kName: name_cell = &cell; break;
      case Column::Kind::kUnit: unit_cell = &cell; break;
      case Column::Kind::kDirection: direction_cell = &cell; break;
      case Column::Kind::kBaseline:
        baseline_cell = &cell;
        baseline_year = columns_[i].year;
        break;
      case Column::Kind::kTarget: target_cells.emplace_back(&cell, columns_[i].year); break;
      case Column::Kind::kIgnored: break;
    }
  }
  if (!dsl::IsWellFormedLabel(indicator.number)) {
    Report(DiagnosticCode::kTableCell, *number_cell,
           Format("'$0' is not an indicator number (1, 2, 25…)", indicator.number));
    return;
  }
  if (const auto seen = numbers_.find(indicator.number); seen != numbers_.end()) {
    Report(DiagnosticCode::kDuplicateIndicator, *number_cell,
           Format("indicator $0 is in the table twice (first at line $1)", indicator.number, seen->second->line));
    return;
  }
  if (indicators_.size() >= static_cast<std::size_t>(limits::kMaxIndicators)) {
    Report(DiagnosticCode::kLimitExceeded, *number_cell,
           Format("a framework has at most $0 indicators", limits::kMaxIndicators));
    return;
  }
  numbers_.emplace(indicator.number, number_cell);
  current_ = indicator.number;
  indicator.basis = basis_;
  NameAndMeasureUnit name = SplitMeasureUnitOutOfName(name_cell->text);
  indicator.name = name.name;
  if (indicator.name.empty()) {
    Report(DiagnosticCode::kTableCell, *name_cell, Format("indicator $0 has no name", indicator.number));
    return;
  }
  if (utf8::CountCodePoints(indicator.name) > static_cast<std::size_t>(limits::kMaxNameLength)) {
    Report(DiagnosticCode::kLimitExceeded, *name_cell,
           Format("a name has at most $0 characters", limits::kMaxNameLength));
    return;
  }
  dsl::IndicatorSites sites;
  sites.head = Place(*number_cell);
  indicator.measure_unit = name.measure_unit;
  if (unit_cell != nullptr && !Trim(unit_cell->text).empty()) {
    indicator.measure_unit = ParseMeasureUnit(Trim(unit_cell->text));
    if (!indicator.measure_unit) {
      Report(DiagnosticCode::kTableCell, *unit_cell,
             Format("unknown unit '$0' (岁, %, ‰, 1/10万, 人, 小时…)", Trim(unit_cell->text)));
      return;
    }
  }
  // The documents write doctors per thousand residents as （人）.
  if (indicator.measure_unit == MeasureUnit::kPersons && indicator.name.find("每千") != std::string::npos) {
    indicator.measure_unit = MeasureUnit::kPersonsPerThousand;
  }

  // Read every value cell once.
  std::vector<CellValue> targets;
  std::size_t parts = 1;
  bool numeric = false, bare = false;
  for (const auto& [cell, year] : target_cells) {
    CellValue value = ReadCell(cell->text);
    if (value.kind == CellValue::Kind::kUnreadable || value.kind == CellValue::Kind::kAbsence) {
      if (value.kind == CellValue::Kind::kAbsence && value.absence == Absence::kNotApplicable) {
        targets.push_back(value);
        continue;
      }
      Report(DiagnosticCode::kTableCell, *cell,
             Format("'$0' is not a target (≥90, 77.8, 实现, 下降, 100，70 or --)", Trim(cell->text)));
      value.kind = CellValue::Kind::kEmpty;  // left out of the text, and marked there
      sites.target_failed = true;
    }
    numeric |= value.kind == CellValue::Kind::kComparisons;
    for (const ComparisonTarget& c : value.comparisons) bare |= c.written_bare;
    parts = std::max(parts, value.comparisons.size());
    targets.push_back(value);
  }
  CellValue baseline;
  if (baseline_cell != nullptr) {
    baseline = ReadCell(baseline_cell->text);
    if (baseline.kind == CellValue::Kind::kUnreadable || baseline.kind == CellValue::Kind::kTrend) {
      Report(DiagnosticCode::kTableCell, *baseline_cell,
             Format("'$0' is not a baseline (76.8, 100，65, 未建立, 未统计 or --)", Trim(baseline_cell->text)));
      baseline = CellValue{};
    }
    for (const ComparisonTarget& c : baseline.comparisons) {
      if (!c.written_bare) {
        Report(DiagnosticCode::kTableCell, *baseline_cell,
               std::string(Tr("a baseline is a value, not a comparison")));
        baseline = CellValue{};
        break;
      }
    }
    numeric |= baseline.kind == CellValue::Kind::kComparisons;
    parts = std::max(parts, baseline.comparisons.size());
  }

  if (!indicator.measure_unit && numeric) {
    if (!NameIsAShare(indicator.name)) {
      Report(DiagnosticCode::kTableCell, *name_cell,
             Format("indicator $0 has numeric targets but no unit; write it in the name, e.g. （%）, or add a 单位 column", indicator.number));
      return;
    }
    indicator.measure_unit = MeasureUnit::kPercent;
    Report(DiagnosticCode::kTableUnitInferred, *name_cell,
           Format("indicator $0 ($1) gives no unit; read as % because it is a rate or share", indicator.number, indicator.name));
  }

  // Direction: a 方向 column, else the comparators, else what is measured.
  if (direction_cell != nullptr && !Trim(direction_cell->text).empty()) {
    const std::optional<Direction> stated = dsl::ParseDirection(Trim(direction_cell->text));
    if (!stated) {
      Report(DiagnosticCode::kTableCell, *direction_cell, std::string(Tr("方向 is 越高越好 or 越低越好")));
      return;
    }
    indicator.direction = *stated;
  } else if (!indicator.is_qualitative()) {
    if (const std::optional<Direction> from_targets = DirectionFromTargets(targets)) {
      indicator.direction = *from_targets;
    } else if (bare) {
      indicator.direction = NameSaysLowerIsBetter(indicator.name) ? Direction::kLowerIsBetter
                                                                   : Direction::kHigherIsBetter;
      Report(DiagnosticCode::kTableDirectionInferred, *name_cell,
             Format("indicator $0 ($1) states its targets without ≥ or ≤; read as $2$3, so a bare target is a $4", indicator.number, indicator.name, DirectionName(indicator.direction), indicator.direction == Direction::kLowerIsBetter
                              ? " because it measures something that should fall"
                              : " because it measures something that should rise", indicator.direction == Direction::kLowerIsBetter ? "ceiling" : "floor"));
    }
  }
  const auto resolve = [&](ComparisonTarget c) {
    if (c.written_bare) {
      c.comparator = indicator.direction == Direction::kLowerIsBetter ? Comparator::kAtMost
                                                                       : Comparator::kAtLeast;
    }
    return c;
  };

  if (parts > 1) {
    std::vector<std::string> names = SplitNameAtComma(indicator.name);
    if (names.size() != parts) {
      Report(DiagnosticCode::kTablePartsNamed, *name_cell,
             Format("indicator $0 has $1 parts but its name does not split into $1 at '，'; the parts are named by number", indicator.number, parts));
      names.clear();
      for (std::size_t p = 1; p <= parts; ++p) {
        names.push_back(text::StrCat(indicator.name, "（分项", p, "）"));
      }
    }
    for (std::size_t p = 0; p < parts; ++p) {
      indicator.parts.push_back(IndicatorPart{text::StrCat(indicator.number, ".", p + 1), names[p]});
    }
  }

  if (baseline.kind != CellValue::Kind::kEmpty) {
    Baseline b;
    if (baseline_year != 0) {
      b.year = baseline_year;
    } else if (options_.baseline_year) {
      b.year = options_.baseline_year;
    } else {
      Report(DiagnosticCode::kTableBaselineYearUnstated, *baseline_cell,
             Format("the baseline column states no year; indicator $0's baseline is kept as 基期 -- (year unstated): give --baseline-year to state it", indicator.number));
    }
    switch (baseline.kind) {
      case CellValue::Kind::kAchieved: b.value = Achieved{}; break;
      case CellValue::Kind::kAbsence: b.value = baseline.absence; break;
      default:
        if (baseline.comparisons.size() == 1) {
          b.value = baseline.comparisons.front().value;
        } else {
          std::vector<Decimal> values;
          for (const ComparisonTarget& c : baseline.comparisons) values.push_back(c.value);
          b.value = std::move(values);
        }
    }
    indicator.baseline = std::move(b);
  }
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const CellValue& value = targets[t];
    Target target;
    target.year = target_cells[t].second;
    const std::size_t place = Place(*target_cells[t].first);
    sites.target[target.year] = place;
    sites.target_items[target.year].assign(std::max<std::size_t>(value.comparisons.size(), 1), place);
    switch (value.kind) {
      case CellValue::Kind::kEmpty: continue;
      case CellValue::Kind::kAchieved: target.form = AchievementTarget{}; break;
      case CellValue::Kind::kAbsence: target.form = NotApplicableTarget{}; break;
      case CellValue::Kind::kTrend: target.form = TrendTarget{value.trend, {}, {}}; break;
      default:
        if (value.comparisons.size() == 1 && parts == 1) {
          target.form = resolve(value.comparisons.front());
        } else {
          PartsTarget p;
          for (const ComparisonTarget& c : value.comparisons) p.parts.push_back(resolve(c));
          target.form = std::move(p);
        }
    }
    indicator.targets.push_back(std::move(target));
  }
  std::sort(indicator.targets.begin(), indicator.targets.end(),
            [](const Target& a, const Target& b) { return a.year < b.year; });
  if (baseline_cell != nullptr) sites.baseline = Place(*baseline_cell);
  indicators_.push_back(std::move(indicator));
  sites_.push_back(std::move(sites));
}

ImportedFramework Importer::Run() {
  ImportedFramework result;
  if (table_.rows.empty()) return result;
  if (!ReadHeader()) {
    result.diagnostics = diagnostics_;
    return result;  // without its columns, no row can be read
  }
  for (std::size_t r = 1; r < table_.rows.size(); ++r) ReadRow(table_.rows[r]);

  Framework::Contents contents;
  contents.name = !options_.name.empty()    ? options_.name
                  : !table_.title.empty() ? table_.title
                                          : std::string("导入的考核指标框架");
  contents.source = options_.source;
  // The table names itself: its title, else its file's name.
  if (contents.source.document.empty()) {
    contents.source.document = !table_.title.empty() ? table_.title : FileStem(table_.file);
  }
  if (contents.source.locator.empty()) contents.source.locator = table_.locator;
  contents.trend_rules = options_.trend_rules;
  CheckIndicators();
  result.diagnostics = diagnostics_;
  contents.indicators = std::move(indicators_);
  auto framework = std::make_shared<const Framework>(std::move(contents));
  result.text = FormatFramework(*framework);
  if (HasErrors(diagnostics_)) {
    // A clerk fixes the marked cells and loads the text.
    result.text = MarkedText(std::move(result.text));
    return result;
  }
  result.framework = std::move(framework);
  return result;
}

void Importer::CheckIndicators() {
  for (std::size_t i = 0; i < indicators_.size(); ++i) {
    current_ = indicators_[i].number;
    const dsl::ReportAt report = [this](DiagnosticCode code, std::size_t place, std::string message) {
      Report(code, *places_[place], std::move(message));
    };
    dsl::ResolveTrends(indicators_[i], options_.trend_rules, sites_[i], report);
    dsl::CheckWholeIndicator(indicators_[i], sites_[i], report);
  }
}

}  // namespace

ImportedFramework ImportTable(const IndicatorTable& table, const ImportOptions& options) {
  return Importer(table, options).Run();
}

}  // namespace healthact
