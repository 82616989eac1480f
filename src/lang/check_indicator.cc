// The checker's reading of one indicator: its statements, properties, parts, baseline, targets and range.
#include "lang/checker_impl.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "model/vocabulary.hpp"
#include "healthact/core/limits.hpp"
#include "lang/vocabulary.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::dsl::check {

using messages::Format;
using messages::Tr;

using limits::kFirstYear;
using limits::kLastYear;

void Checker::CheckIndicator(const ast::IndicatorStmt& statement) {
  const std::string& number = statement.number.text;
  if (!IsWellFormedLabel(number)) {
    Report(DiagnosticCode::kMalformedNumberLabel, statement.number.offset,
           Format("'$0' is not an indicator number (write 9, 25 or 25.1)", number));
    return;
  }
  if (auto seen = defined_here_.find(number); seen != defined_here_.end()) {
    Report(DiagnosticCode::kDuplicateIndicator, statement.number.offset,
           Format("indicator $0 is defined twice (first at line $1)", number, lines_.At(seen->second).line));
    return;
  }
  defined_here_.emplace(number, statement.head.offset);

  auto& indicators = contents_.indicators;
  Indicator* indicator = FindIndicator(number);
  if (indicator != nullptr) {  // adjusting an inherited indicator
    if (statement.name) indicator->name = statement.name->text;
  } else {
    if (!statement.name) {
      Report(DiagnosticCode::kMissingName, statement.number.offset,
             Format("indicator $0 needs a name: 指标 $0 \"name\" { … }", number));
      return;
    }
    if (indicators.size() >= static_cast<std::size_t>(limits::kMaxIndicators)) {
      Report(DiagnosticCode::kLimitExceeded, statement.number.offset,
             Format("a framework has at most $0 indicators", limits::kMaxIndicators));
      return;
    }
    Indicator fresh;
    fresh.number = number;
    fresh.name = statement.name->text;
    fresh.basis = current_basis_;
    indicators.push_back(std::move(fresh));
    index_.emplace(number, indicators.size() - 1);
    indicator = &indicators.back();
  }
  if (statement.name && statement.name->text.empty()) {
    Report(DiagnosticCode::kEmptyName, statement.name->offset, std::string(Tr("the indicator's name is empty")));
  }
  if (statement.name) CheckNameLength(statement.name->text, statement.name->offset);
  IndicatorLocations& where = locations_[number];
  where = IndicatorLocations{};
  where.head = statement.head.offset;
  where.defined_here = true;
  ApplyBody(statement, *indicator, where);
}

void Checker::ApplyBody(const ast::IndicatorStmt& statement, Indicator& indicator,
                        IndicatorLocations& where) {
  // Properties first, so that values can be read with the indicator's unit
  // and direction whatever the order of the lines.
  std::uint64_t properties_seen = 0;  // a bit for each keyword stated
  bool parts_redeclared = false;
  for (const ast::InnerStmt& inner : statement.body) {
    if (const auto* s = boost::get<ast::Simple>(&inner)) {
      ApplyProperty(*s, indicator, properties_seen, where);
    } else if (const auto* s = boost::get<ast::PartStmt>(&inner)) {
      if (!parts_redeclared) indicator.parts.clear();  // parts are restated whole
      parts_redeclared = true;
      ApplyPart(*s, indicator);
    } else if (const auto* s = boost::get<ast::SourceStmt>(&inner)) {
      if (auto citation = ReadSource(*s)) indicator.source = *citation;
    } else if (const auto* s = boost::get<ast::SettingStmt>(&inner)) {
      CheckSetting(*s, indicator.trend_rules);
    } else if (const auto* s = boost::get<ast::FormulaStmt>(&inner)) {
      if (where.formula_statement != nullptr) {
        Report(DiagnosticCode::kDuplicateStatement, s->head.offset, std::string(Tr("公式 is stated twice")));
      }
      where.formula = s->head.offset;
      where.formula_statement = s;
    } else if (const auto* s = boost::get<ast::RangeStmt>(&inner)) {
      if (where.range_statement != nullptr) {
        Report(DiagnosticCode::kDuplicateStatement, s->head.offset, std::string(Tr("范围 is stated twice")));
      }
      where.range_statement = s;
    }
  }
  if (where.range_statement != nullptr) ReadRange(*where.range_statement, indicator);
  absl::InlinedVector<int, 4> target_years;
  bool has_baseline = false;
  // Room for every year's target at once: the common indicator has two or
  // three, and growing the list one by one was a third of its allocations.
  const auto year_values = std::count_if(statement.body.begin(), statement.body.end(), [](const ast::InnerStmt& inner) {
    return boost::get<ast::YearValueStmt>(&inner) != nullptr;
  });
  indicator.targets.reserve(indicator.targets.size() + static_cast<std::size_t>(year_values));
  for (const ast::InnerStmt& inner : statement.body) {
    if (const auto* s = boost::get<ast::YearValueStmt>(&inner)) {
      ApplyYearValue(*s, indicator, where, target_years, has_baseline);
    }
  }
  std::sort(indicator.targets.begin(), indicator.targets.end(),
            [](const Target& a, const Target& b) { return a.year < b.year; });
}

void Checker::ApplyProperty(const ast::Simple& statement, Indicator& indicator,
                            std::uint64_t& seen, IndicatorLocations& where) {
  const std::optional<Keyword> keyword = LookupKeyword(statement.head.text);
  if (!keyword) return;
  const std::string_view name = Spelling(*keyword).chinese;
  const std::uint64_t bit = std::uint64_t{1} << static_cast<int>(*keyword);
  if ((seen & bit) != 0) {
    Report(DiagnosticCode::kDuplicateStatement, statement.head.offset,
           Format("$0 is stated twice for indicator $1", name, indicator.number));
    return;
  }
  seen |= bit;
  const ast::Token& value = statement.argument;
  // Stores a value the word names, or reports what was expected instead (the
  // words of the message made only then: most statements are right).
  const auto assign = [&](auto parsed, auto& field, DiagnosticCode code, const char* what, auto expected) {
    if (parsed) {
      field = *parsed;
      return true;
    }
    Report(code, value.offset, Format("unknown $0 '$1' (expected $2)", Tr(what), value.text, expected()));
    return false;
  };
  switch (*keyword) {
    case Keyword::kUnit:
      where.unit_failed = !assign(ParseMeasureUnit(value.text), indicator.measure_unit, DiagnosticCode::kUnknownUnit,
                                  messages::Noop("unit"),
                                  [] { return Tr("岁, 小时, %, ‰, 1/10万, 人/千人, 人, 例 or 个"); });
      break;
    case Keyword::kDirection:
      where.direction_failed =
          !assign(ParseDirection(value.text), indicator.direction, DiagnosticCode::kUnknownValue,
                  messages::Noop("direction"), [] { return vocabulary::ChoiceList(vocabulary::kDirections); });
      break;
    case Keyword::kCategory:
      assign(ParseCategory(value.text), indicator.category, DiagnosticCode::kUnknownValue, messages::Noop("category"),
             [] { return vocabulary::ChoiceList(vocabulary::kCategories); });
      break;
    case Keyword::kBinding:
      assign(ParseBindingForce(value.text), indicator.binding, DiagnosticCode::kUnknownValue,
             messages::Noop("binding force"), [] { return vocabulary::ChoiceList(vocabulary::kBindingForces); });
      break;
    case Keyword::kAggregateWeight:
      where.aggregate_weight = value.offset;
      indicator.aggregate_weight = value.text;
      break;
    case Keyword::kAction:
      indicator.action = value.text;
      action_places_[indicator.number] = value.offset;
      break;
    default:
      break;
  }
}

void Checker::ApplyPart(const ast::PartStmt& statement, Indicator& indicator) {
  const std::string& number = statement.number.text;
  const std::string prefix = indicator.number + ".";
  if (!IsWellFormedLabel(number) || !number.starts_with(prefix)) {
    Report(DiagnosticCode::kPartOutsideIndicator, statement.number.offset,
           Format("part '$0' does not belong to indicator $1 (write $1.1, $1.2, …)", number, indicator.number));
    return;
  }
  for (const IndicatorPart& part : indicator.parts) {
    if (part.number == number) {
      Report(DiagnosticCode::kDuplicateStatement, statement.number.offset,
             Format("part $0 is declared twice", number));
      return;
    }
  }
  if (statement.name.text.empty()) {
    Report(DiagnosticCode::kEmptyName, statement.name.offset, std::string(Tr("the part's name is empty")));
  }
  CheckNameLength(statement.name.text, statement.name.offset);
  if (indicator.parts.size() >= static_cast<std::size_t>(limits::kMaxParts)) {
    Report(DiagnosticCode::kLimitExceeded, statement.number.offset,
           Format("an indicator has at most $0 parts", limits::kMaxParts));
    return;
  }
  indicator.parts.push_back(IndicatorPart{number, statement.name.text});
}

void Checker::ApplyYearValue(const ast::YearValueStmt& statement, Indicator& indicator,
                             IndicatorLocations& where, absl::InlinedVector<int, 4>& target_years,
                             bool& has_baseline) {
  const bool is_target = LookupKeyword(statement.head.text) == Keyword::kTarget;
  // 基期 -- 76.8: a baseline whose year the document does not state.
  const bool year_unstated =
      !is_target && ParseAbsence(statement.year.text) == Absence::kNotApplicable;
  const std::optional<int> year = year_unstated ? std::nullopt : ReadYear(statement.year);
  ItemPlaces item_offsets;
  for (const ast::Item& item : statement.value) item_offsets.push_back(ItemStart(item));
  if (!is_target) {
    if (statement.source) {
      Report(DiagnosticCode::kSyntax, statement.source->head.offset,
             std::string(Tr("a baseline cites no source of its own; cite the indicator with 来源")));
    }
    if (has_baseline) {
      Report(DiagnosticCode::kDuplicateStatement, statement.head.offset,
             Format("indicator $0 has two baselines", indicator.number));
      return;
    }
    has_baseline = true;
    std::optional<BaselineValue> value = ReadBaseline(statement.value);
    if ((!year && !year_unstated) || !value) return;
    indicator.baseline = Baseline{year, std::move(*value)};
    where.baseline = ItemStart(statement.value.front());
    where.baseline_items = std::move(item_offsets);
    return;
  }
  if (!year) {
    where.target_failed = true;
    return;
  }
  if (std::find(target_years.begin(), target_years.end(), *year) != target_years.end()) {
    Report(DiagnosticCode::kDuplicateYear, statement.year.offset,
           Format("indicator $0 has two targets for $1", indicator.number, *year));
    return;
  }
  target_years.push_back(*year);
  std::optional<TargetForm> form = ReadTarget(statement.value, indicator);
  std::optional<Citation> source;
  if (statement.source) {
    source = ReadSource(*statement.source);
    if (!source) return;
  }
  if (!form) {
    where.target_failed = true;
    return;
  }
  auto& targets = indicator.targets;
  targets.erase(std::remove_if(targets.begin(), targets.end(),
                               [&](const Target& t) { return t.year == *year; }),
                targets.end());  // an adjustment replaces the inherited year
  targets.push_back(Target{*year, std::move(*form), std::move(source).value_or(Citation{})});
  where.target[*year] = ItemStart(statement.value.front());
  where.target_items[*year] = std::move(item_offsets);
}

// "2022" as four ASCII digits of a year in range, else nullopt.
std::optional<int> FourDigitYear(std::string_view t) {
  if (t.size() != 4) return std::nullopt;
  int year = 0;
  for (const char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  if (year < kFirstYear || year > kLastYear) return std::nullopt;
  return year;
}

std::optional<int> Checker::ReadYear(const ast::Token& token) {
  // Most years are four ASCII digits; the rest ("２０２２", "+2022", "2022.0")
  // go through Decimal, which says what is wrong with them.
  if (const std::optional<int> year = FourDigitYear(token.text)) return year;
  absl::StatusOr<Decimal> number = Decimal::Parse(token.text);
  const bool in_range = number.ok() && number->scale() == 0 &&
                        *number >= Decimal::FromInt(kFirstYear) &&
                        *number <= Decimal::FromInt(kLastYear);
  if (!in_range) {
    Report(DiagnosticCode::kYearOutOfRange, token.offset,
           Format("'$0' is not a year from $1 to $2", token.text, kFirstYear, kLastYear));
    return std::nullopt;
  }
  return std::stoi(number->ToString());
}

std::optional<Decimal> Checker::ReadNumber(const ast::Token& token) {
  absl::StatusOr<Decimal> number = Decimal::Parse(token.text);
  if (number.ok()) return *number;
  Report(number.status().code() == absl::StatusCode::kOutOfRange
             ? DiagnosticCode::kNumberOutOfRange
             : DiagnosticCode::kMalformedNumber,
         token.offset, Format("'$0': $1", token.text, number.status().message()));
  return std::nullopt;
}

// A token the grammar read as a number: an optional sign, then a digit or a
// decimal point, ASCII or full-width.  ("--" is a word, not a number.)
bool IsNumberToken(const ast::Token& token) {
  std::string_view rest = token.text;
  for (std::string_view sign : {"+", "-", "＋", "－"}) {
    if (rest.starts_with(sign)) {
      rest.remove_prefix(sign.size());
      break;
    }
  }
  if (rest.empty()) return false;
  if ((rest[0] >= '0' && rest[0] <= '9') || rest[0] == '.') return true;
  // Full-width digits and point (U+FF0E..U+FF19) all begin with the byte EF:
  // a word such as 实现 is told apart without comparing it with each.
  if (static_cast<unsigned char>(rest[0]) != 0xEF) return false;
  for (std::string_view digit : {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９", "．"}) {
    if (rest.starts_with(digit)) return true;
  }
  return false;
}

bool Checker::CheckItemUnit(const ast::Item& item, const Indicator& indicator) {
  if (!item.unit) return true;
  const std::optional<MeasureUnit> unit = ParseMeasureUnit(item.unit->text);
  if (!unit) {
    // ≥1e3 reads as the number 1 in the unit "e3": say what was meant.
    const std::string_view text = item.unit->text;
    std::size_t digits = text.size() > 1 && (text[0] == 'e' || text[0] == 'E') ? 1 : 0;
    if (digits == 1 && (text[1] == '+' || text[1] == '-')) digits = 2;
    const bool exponent = digits > 0 && digits < text.size() &&
                          text.find_first_not_of("0123456789", digits) == std::string_view::npos;
    if (exponent) {
      Report(DiagnosticCode::kMalformedNumber, item.unit->offset,
             Format("a number is written out in full, without an exponent ('$0'): 1e3 is written 1000", text));
      return false;
    }
    Report(DiagnosticCode::kUnknownUnit, item.unit->offset,
           Format("unknown unit '$0'", item.unit->text));
    return false;
  }
  if (indicator.measure_unit && MeasureUnitDimension(*unit) != MeasureUnitDimension(*indicator.measure_unit)) {
    Report(DiagnosticCode::kUnitMismatch, item.unit->offset,
           Format("value in $0 but indicator $1 is measured in $2", MeasureUnitSymbol(*unit), indicator.number, MeasureUnitSymbol(*indicator.measure_unit)));
    return false;
  }
  return true;
}

std::optional<ComparisonTarget> Checker::ReadComparison(const ast::Item& item,
                                                        const Indicator& indicator) {
  if (!IsNumberToken(item.body)) {
    Report(DiagnosticCode::kUnknownValue, item.body.offset,
           Format("expected a number, found '$0'", item.body.text));
    return std::nullopt;
  }
  std::optional<Decimal> number = ReadNumber(item.body);
  if (!CheckItemUnit(item, indicator) || !number) return std::nullopt;
  ComparisonTarget target;
  target.value = *number;
  if (item.comparator) {
    target.comparator = *ParseComparator(item.comparator->text);
  } else {
    target.written_bare = true;
    target.comparator = indicator.direction == Direction::kLowerIsBetter ? Comparator::kAtMost
                                                                           : Comparator::kAtLeast;
  }
  return target;
}

std::optional<TargetForm> Checker::ReadTarget(const ast::Value& value, const Indicator& indicator) {
  const ast::Item& first = value.front();
  if (value.size() == 1 && !IsNumberToken(first.body)) {
    const std::string& word = first.body.text;
    if (first.comparator) {
      Report(DiagnosticCode::kUnknownValue, first.body.offset,
             Format("a comparator must be followed by a number, not '$0'", word));
      return std::nullopt;
    }
    if (first.unit) {
      Report(DiagnosticCode::kUnknownValue, first.unit->offset,
             Format("'$0' takes no unit", word));
      return std::nullopt;
    }
    if (IsAchievementWord(word)) return AchievementTarget{};
    if (auto kind = ParseTrendKind(word)) return TrendTarget{*kind, std::nullopt, std::nullopt};
    if (auto absence = ParseAbsence(word)) {
      if (*absence == Absence::kNotApplicable) return NotApplicableTarget{};
      Report(DiagnosticCode::kUnknownValue, first.body.offset,
             Format("'$0' describes a baseline, not a target", word));
      return std::nullopt;
    }
    Report(DiagnosticCode::kUnknownValue, first.body.offset,
           Format("unknown target '$0' (expected a number, 实现, 下降, 明显下降, 持续下降 or --)", word));
    return std::nullopt;
  }
  // One value is one comparison, read without a list of parts around it.
  if (value.size() == 1) {
    std::optional<ComparisonTarget> only = ReadComparison(first, indicator);
    if (!only) return std::nullopt;
    return TargetForm{std::move(*only)};
  }
  std::vector<ComparisonTarget> parts;
  parts.reserve(value.size());
  bool ok = true;
  for (const ast::Item& item : value) {
    std::optional<ComparisonTarget> part = ReadComparison(item, indicator);
    if (part) parts.push_back(std::move(*part));
    ok = ok && part.has_value();
  }
  if (!ok) return std::nullopt;
  if (parts.size() == 1) return parts.front();
  return PartsTarget{std::move(parts)};
}

std::optional<BaselineValue> Checker::ReadBaseline(const ast::Value& value) {
  const ast::Item& first = value.front();
  for (const ast::Item& item : value) {
    if (item.comparator) {
      Report(DiagnosticCode::kUnknownValue, item.comparator->offset,
             std::string(Tr("a baseline is a value, written without a comparator")));
      return std::nullopt;
    }
  }
  if (value.size() == 1 && !IsNumberToken(first.body)) {
    const std::string& word = first.body.text;
    if (IsAchievementWord(word)) return Achieved{};
    if (auto absence = ParseAbsence(word)) return *absence;
    Report(DiagnosticCode::kUnknownValue, first.body.offset,
           Format("unknown baseline '$0' (expected a number, 实现, 未建立, 未统计 or --)", word));
    return std::nullopt;
  }
  std::vector<Decimal> numbers;
  bool ok = true;
  for (const ast::Item& item : value) {
    if (!IsNumberToken(item.body)) {
      Report(DiagnosticCode::kUnknownValue, item.body.offset,
             Format("expected a number, found '$0'", item.body.text));
      ok = false;
      continue;
    }
    std::optional<Decimal> number = ReadNumber(item.body);
    if (number) numbers.push_back(*number);
    ok = ok && number.has_value();
  }
  if (!ok) return std::nullopt;
  if (numbers.size() == 1) return numbers.front();
  return numbers;
}


std::optional<Decimal> Checker::ReadRangeEnd(const ast::Token& end, bool& ok) {
  if (!IsNumberToken(end)) {
    if (ParseAbsence(end.text) == Absence::kNotApplicable) return std::nullopt;  // open
    Report(DiagnosticCode::kUnknownValue, end.offset,
           Format("expected a number or -- (no bound), found '$0'; 范围 takes the lowest and highest value in the indicator's unit: 范围 0 24", end.text));
    ok = false;
    return std::nullopt;
  }
  std::optional<Decimal> number = ReadNumber(end);
  ok = ok && number.has_value();
  return number;
}

void Checker::ReadRange(const ast::RangeStmt& statement, Indicator& indicator) {
  if (!indicator.measure_unit) {
    Report(DiagnosticCode::kMissingUnit, statement.head.offset,
           Format("indicator $0 states a 范围 but no 单位", indicator.number));
    return;
  }
  bool ok = true;
  ValueRange range;
  range.minimum = ReadRangeEnd(statement.low, ok);
  range.maximum = ReadRangeEnd(statement.high, ok);
  if (!ok) return;
  if (range.minimum && range.maximum && *range.minimum > *range.maximum) {
    Report(DiagnosticCode::kUnknownValue, statement.low.offset,
           Format("the range's low end $0 is above its high end $1", range.minimum->ToString(), range.maximum->ToString()));
    return;
  }
  range.whole = DefaultRange(*indicator.measure_unit).whole;  // a head count stays whole
  indicator.range = range;
}


}  // namespace healthact::dsl::check
