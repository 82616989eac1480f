#include "checker.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "../kernel.hpp"
#include "../utf8.hpp"
#include "../strings.hpp"
#include "healthact/limits.hpp"
#include "../vocabulary.hpp"
#include "vocabulary.hpp"

namespace healthact::dsl {
namespace {

using limits::kFirstYear;
using limits::kLastYear;

// Where the statements that shaped one indicator stand in this text.
struct IndicatorLocations {
  std::size_t head = 0;
  bool defined_here = false;  // false: inherited unchanged, nothing to check
  std::map<int, std::size_t> target;                // year -> first value token
  std::map<int, std::vector<std::size_t>> target_items;
  std::optional<std::size_t> baseline;
  std::vector<std::size_t> baseline_items;
  std::optional<std::size_t> formula;
  const ast::FormulaStmt* formula_statement = nullptr;
  bool target_failed = false;  // a 目标 was written but had an error
  bool unit_failed = false;    // a 单位 was written but was not understood
  bool direction_failed = false;  // likewise for 方向
  std::optional<std::size_t> aggregate_weight;  // the 汇总权重 word
  const ast::RangeStmt* range_statement = nullptr;
};

// Where a value begins: its comparator if it has one.
std::size_t ItemStart(const ast::Item& item) {
  return item.comparator ? item.comparator->offset : item.body.offset;
}

// The type of a formula (sub)expression.
struct FormulaType {
  bool constant = false;       // a bare number
  std::optional<int> power_of_ten;  // for constants that are 10^k
  Dimension dimension;
};

class Checker {
 public:
  Checker(std::string_view file_name, std::string_view text, const Framework::Contents* parent,
          std::vector<Diagnostic>& diagnostics)
      : file_name_(file_name), text_(text), parent_(parent), diagnostics_(diagnostics) {}

  std::optional<Framework::Contents> Run(const std::vector<ast::TopStmt>& statements);

 private:
  void Report(DiagnosticCode code, std::size_t offset, std::string message);

  void CheckTop(const ast::TopStmt& statement);
  void CheckSimple(const ast::Simple& statement);
  void CheckSetting(const ast::SettingStmt& statement, TrendRules& rules);
  void CheckCount(const ast::CountStmt& statement);
  void CheckAssignment(const ast::Assignment& statement);
  void CheckScoring();
  void CheckNameLength(std::string_view name, std::size_t offset);
  void CheckIndicator(const ast::IndicatorStmt& statement);
  void ApplyBody(const ast::IndicatorStmt& statement, Indicator& indicator,
                 IndicatorLocations& where);
  void ApplyProperty(const ast::Simple& statement, Indicator& indicator,
                     std::set<std::string>& seen, IndicatorLocations& where);
  void ApplyPart(const ast::PartStmt& statement, Indicator& indicator);
  void ApplyYearValue(const ast::YearValueStmt& statement, Indicator& indicator,
                      IndicatorLocations& where, std::set<int>& target_years, bool& has_baseline);
  std::optional<Citation> ReadSource(const ast::SourceStmt& statement);

  std::optional<int> ReadYear(const ast::Token& token);
  std::optional<Decimal> ReadNumber(const ast::Token& token);
  std::optional<TargetForm> ReadTarget(const ast::Value& value, const Indicator& indicator);
  std::optional<BaselineValue> ReadBaseline(const ast::Value& value);
  std::optional<ComparisonTarget> ReadComparison(const ast::Item& item, const Indicator& indicator);
  bool CheckItemUnit(const ast::Item& item, const Indicator& indicator);

  void TypeFormula(Indicator& indicator, const IndicatorLocations& where);
  std::optional<FormulaType> TypeExpr(const ast::Expr& expr, Formula& formula);
  std::optional<FormulaType> TypeOperand(const ast::Operand& operand, Formula& formula);
  std::optional<FormulaType> Combine(const ast::Token& op, const FormulaType& left,
                                     const FormulaType& right, Formula& formula);

  void CheckConsistency(Indicator& indicator, const IndicatorLocations& where);
  void ReadRange(const ast::RangeStmt& statement, Indicator& indicator);
  std::optional<Decimal> ReadRangeEnd(const ast::Token& end, bool& ok);
  void CheckRule(const ast::RuleStmt& statement);
  std::optional<FormulaType> TypeReference(const ast::Token& token, FormulaNode& node);
  void ResolveTrend(Indicator& indicator, const IndicatorLocations& where);

  std::string_view file_name_;
  std::string_view text_;
  const Framework::Contents* parent_;
  std::vector<Diagnostic>& diagnostics_;

  Framework::Contents contents_;
  bool has_header_ = false;
  bool has_source_ = false;
  std::string current_basis_;
  std::set<std::string> trend_settings_seen_;
  // The indicator with this number, or null.  Indexed, so that a framework of
  // ten thousand indicators is checked in linear time.
  Indicator* FindIndicator(const std::string& number);
  void Reindex();

  // Where each weight was stated, for messages about the weights as a whole.
  std::map<std::string, std::size_t> weight_offsets_;
  std::optional<std::size_t> first_weight_;
  std::optional<std::size_t> first_grade_;
  std::map<std::string, std::size_t> defined_here_;  // indicator number -> head offset
  std::map<std::string, IndicatorLocations> locations_;
  std::map<std::string, std::size_t, std::less<>> index_;  // number -> position
  // Rules are checked once every indicator is known, wherever they stand.
  std::vector<const ast::RuleStmt*> rule_statements_;
  bool typing_rule_ = false;  // TypeExpr is typing a 校验, not a 公式
};

Indicator* Checker::FindIndicator(const std::string& number) {
  const auto it = index_.find(number);
  return it == index_.end() ? nullptr : &contents_.indicators[it->second];
}

void Checker::Reindex() {
  index_.clear();
  for (std::size_t i = 0; i < contents_.indicators.size(); ++i) {
    index_.emplace(contents_.indicators[i].number, i);
  }
}

void Checker::Report(DiagnosticCode code, std::size_t offset, std::string message) {
  const utf8::LineColumn where = utf8::Locate(text_, offset);
  diagnostics_.push_back(Diagnostic{code, SeverityOf(code), std::string(file_name_), where.line,
                                    where.column, std::move(message)});
}

std::optional<Framework::Contents> Checker::Run(const std::vector<ast::TopStmt>& statements) {
  if (parent_ != nullptr) contents_ = *parent_;
  Reindex();
  for (const ast::TopStmt& statement : statements) CheckTop(statement);
  if (!has_header_) {
    Report(DiagnosticCode::kMissingHeader, 0,
           "a framework text begins with 框架 \"name\" (framework \"name\")");
  }
  CheckScoring();
  for (Indicator& indicator : contents_.indicators) {
    auto it = locations_.find(indicator.number);
    if (it == locations_.end() || !it->second.defined_here) continue;
    if (indicator.aggregate_weight && !contents_.counts.empty() &&
        std::none_of(contents_.counts.begin(), contents_.counts.end(),
                     [&](const CountDeclaration& c) { return c.name == *indicator.aggregate_weight; })) {
      Report(DiagnosticCode::kUndefinedCount, *it->second.aggregate_weight,
             text::StrCat("'", *indicator.aggregate_weight, "' is not a declared count"));
    } else if (indicator.aggregate_weight && contents_.counts.empty()) {
      Report(DiagnosticCode::kUndefinedCount, *it->second.aggregate_weight,
             text::StrCat("'", *indicator.aggregate_weight, "' is not a declared count (计数 ",
                          *indicator.aggregate_weight, " 人)"));
    }
    TypeFormula(indicator, it->second);
    ResolveTrend(indicator, it->second);
    CheckConsistency(indicator, it->second);
  }
  for (const ast::RuleStmt* rule : rule_statements_) CheckRule(*rule);
  if (HasErrors(diagnostics_)) return std::nullopt;
  return std::move(contents_);
}

void Checker::CheckTop(const ast::TopStmt& statement) {
  struct Visitor {
    Checker& self;
    void operator()(const ast::Simple& s) const { self.CheckSimple(s); }
    void operator()(const ast::SourceStmt& s) const {
      if (self.has_source_ && self.parent_ == nullptr) {
        self.Report(DiagnosticCode::kDuplicateStatement, s.head.offset,
                    "the framework's 来源 is stated twice");
      }
      self.has_source_ = true;
      if (auto citation = self.ReadSource(s)) self.contents_.source = *citation;
    }
    void operator()(const ast::SettingStmt& s) const {
      self.CheckSetting(s, self.contents_.trend_rules);
    }
    void operator()(const ast::CountStmt& s) const { self.CheckCount(s); }
    void operator()(const ast::Assignment& s) const { self.CheckAssignment(s); }
    void operator()(const ast::IndicatorStmt& s) const { self.CheckIndicator(s); }
    void operator()(const ast::RuleStmt& s) const { self.rule_statements_.push_back(&s); }
  };
  boost::apply_visitor(Visitor{*this}, statement);
}

void Checker::CheckSimple(const ast::Simple& statement) {
  const std::optional<Keyword> keyword = LookupKeyword(statement.head.text);
  if (!keyword) return;  // the grammar only produces keywords
  switch (*keyword) {
    case Keyword::kFramework:
      if (has_header_) {
        Report(DiagnosticCode::kDuplicateStatement, statement.head.offset,
               "a text holds one framework; 框架 is stated twice");
      }
      has_header_ = true;
      if (statement.argument.text.empty()) {
        Report(DiagnosticCode::kEmptyName, statement.argument.offset, "the framework's name is empty");
      }
      contents_.name = statement.argument.text;
      break;
    case Keyword::kExtends:
      break;  // resolved before checking (see parse_framework.cc)
    case Keyword::kPartialCredit:
      if (auto credit = ParsePartialCredit(statement.argument.text)) {
        contents_.scoring.partial_credit = *credit;
      } else {
        Report(DiagnosticCode::kUnknownValue, statement.argument.offset,
               text::StrCat("unknown partial credit '", statement.argument.text,
                            "' (expected 无 or 线性)"));
      }
      break;
    case Keyword::kBasis:
      current_basis_ = statement.argument.text;
      break;
    case Keyword::kDrop: {
      auto& indicators = contents_.indicators;
      const auto it = std::find_if(indicators.begin(), indicators.end(), [&](const Indicator& i) {
        return i.number == statement.argument.text;
      });
      if (it == indicators.end()) {
        Report(DiagnosticCode::kUnknownIndicator, statement.argument.offset,
               text::StrCat("删除 names indicator ", statement.argument.text,
                            ", which the framework does not have"));
      } else {
        locations_.erase(it->number);
        // An inherited rule about the dropped indicator can no longer be
        // checked: it goes with it.
        const std::string dropped = it->number;
        std::erase_if(contents_.rules, [&](const ConsistencyRule& rule) {
          for (const Formula* side : {&rule.left, &rule.right}) {
            for (const FormulaNode& node : side->nodes) {
              if (node.kind == FormulaNode::Kind::kIndicator &&
                  (node.count == dropped || node.count.starts_with(dropped + "."))) {
                return true;
              }
            }
          }
          return false;
        });
        indicators.erase(it);
        Reindex();
      }
      break;
    }
    default:
      break;
  }
}

std::optional<Citation> Checker::ReadSource(const ast::SourceStmt& statement) {
  if (statement.document.text.empty()) {
    Report(DiagnosticCode::kEmptyName, statement.document.offset, "来源 names no document");
    return std::nullopt;
  }
  return Citation{statement.document.text, statement.locator ? statement.locator->text : ""};
}

void Checker::CheckSetting(const ast::SettingStmt& statement, TrendRules& rules) {
  const std::optional<Keyword> keyword = LookupKeyword(statement.head.text);
  const ast::Item& item = statement.value;
  if (item.comparator) {
    Report(DiagnosticCode::kUnknownValue, item.comparator->offset,
           text::StrCat(statement.head.text, " takes a plain number, without a comparator"));
    return;
  }
  std::optional<Decimal> number = ReadNumber(item.body);
  if (!number) return;
  if (keyword == Keyword::kMarkedChange) {
    if (!item.unit || ParseUnit(item.unit->text) != Unit::kPercent) {
      Report(DiagnosticCode::kUnitMismatch, item.unit ? item.unit->offset : item.body.offset,
             "明显下降幅度 is a relative change in %, e.g. 明显下降幅度 10%");
      return;
    }
    if (number->is_negative() || number->is_zero() || *number > Decimal::FromInt(100)) {
      Report(DiagnosticCode::kNumberOutOfRange, item.body.offset,
             "明显下降幅度 must be more than 0% and at most 100%");
      return;
    }
    rules.marked_change_percent = *number;
  } else {
    if (item.unit) {
      Report(DiagnosticCode::kUnitMismatch, item.unit->offset,
             "持续下降年数 is a number of years, written without a unit");
      return;
    }
    if (number->scale() != 0 || *number < Decimal::FromInt(2) || *number > Decimal::FromInt(50)) {
      Report(DiagnosticCode::kNumberOutOfRange, item.body.offset,
             "持续下降年数 must be a whole number of years from 2 to 50");
      return;
    }
    rules.continuous_years = std::stoi(number->ToString());
  }
}

void Checker::CheckCount(const ast::CountStmt& statement) {
  if (contents_.counts.end() !=
      std::find_if(contents_.counts.begin(), contents_.counts.end(),
                   [&](const CountDeclaration& c) { return c.name == statement.name.text; })) {
    Report(DiagnosticCode::kDuplicateStatement, statement.name.offset,
           text::StrCat("count '", statement.name.text, "' is declared twice"));
    return;
  }
  const std::optional<Unit> unit = ParseUnit(statement.unit.text);
  if (!unit) {
    Report(DiagnosticCode::kUnknownUnit, statement.unit.offset,
           text::StrCat("unknown unit '", statement.unit.text, "' (a count is in 人, 例 or 个)"));
    return;
  }
  if (UnitDimension(*unit).count != 1 || UnitDimension(*unit).scale != 0) {
    Report(DiagnosticCode::kUnitMismatch, statement.unit.offset,
           text::StrCat("a count is in 人, 例 or 个, not ", statement.unit.text));
    return;
  }
  contents_.counts.push_back(CountDeclaration{statement.name.text, *unit});
}

void Checker::CheckAssignment(const ast::Assignment& statement) {
  const bool weight = LookupKeyword(statement.head.text) == Keyword::kWeight;
  std::optional<Decimal> value = ReadNumber(statement.value);
  if (!value) return;
  if (value->is_negative() || *value > Decimal::FromInt(100)) {
    Report(DiagnosticCode::kNumberOutOfRange, statement.value.offset,
           text::StrCat(weight ? "a weight" : "a grade's minimum score",
                        " must be from 0 to 100"));
    return;
  }
  Scoring& scoring = contents_.scoring;
  if (weight) {
    auto& weights = statement.subject.quoted ? scoring.basis_weights : scoring.indicator_weights;
    const std::string key = (statement.subject.quoted ? "basis:" : "") + statement.subject.text;
    if (!weight_offsets_.emplace(key, statement.subject.offset).second) {
      Report(DiagnosticCode::kDuplicateStatement, statement.subject.offset,
             text::StrCat("the weight of '", statement.subject.text, "' is stated twice"));
      return;
    }
    if (!first_weight_) first_weight_ = statement.head.offset;
    weights.emplace_back(statement.subject.text, *value);
    return;
  }
  if (!first_grade_) first_grade_ = statement.head.offset;
  for (const Grade& grade : scoring.grades) {
    if (grade.name == statement.subject.text || grade.minimum == *value) {
      Report(DiagnosticCode::kDuplicateStatement, statement.subject.offset,
             text::StrCat("grade '", statement.subject.text,
                          "' repeats another grade's name or minimum"));
      return;
    }
  }
  scoring.grades.push_back(Grade{statement.subject.text, *value});
  std::sort(scoring.grades.begin(), scoring.grades.end(),
            [](const Grade& a, const Grade& b) { return a.minimum > b.minimum; });
}

// The weights as a whole: each names something that exists, no indicator is
// weighed twice, and they add up to 100.
void Checker::CheckScoring() {
  Scoring& scoring = contents_.scoring;
  if (!scoring.grades.empty() && !scoring.grades.back().minimum.is_zero()) {
    Report(DiagnosticCode::kWeightsInvalid, first_grade_.value_or(0),
           "the lowest grade must start at 0, so that every score has a grade (等级 不合格 0)");
  }
  if (!first_weight_) return;
  std::map<std::string, int> group_size;
  for (const Indicator& indicator : contents_.indicators) ++group_size[indicator.basis];
  Decimal total;
  std::set<std::string> weighed;
  bool ok = true;
  for (const auto& [number, weight] : scoring.indicator_weights) {
    if (FindIndicator(number) == nullptr) {
      Report(DiagnosticCode::kUnknownIndicator, weight_offsets_.at(number),
             text::StrCat("权重 names indicator ", number, ", which the framework does not have"));
      ok = false;
      continue;
    }
    weighed.insert(number);
    total = *Decimal::Add(total, weight);
  }
  for (const auto& [basis, weight] : scoring.basis_weights) {
    if (!group_size.count(basis)) {
      Report(DiagnosticCode::kUnknownIndicator, weight_offsets_.at("basis:" + basis),
             text::StrCat("权重 names the basis '", basis, "', which no indicator has"));
      ok = false;
      continue;
    }
    for (const Indicator& indicator : contents_.indicators) {
      if (indicator.basis == basis && !weighed.insert(indicator.number).second) {
        Report(DiagnosticCode::kWeightsInvalid, weight_offsets_.at("basis:" + basis),
               text::StrCat("indicator ", indicator.number,
                            " is weighed twice: on its own and by its basis"));
        ok = false;
      }
    }
    total = *Decimal::Add(total, weight);
  }
  if (!ok) return;
  const Decimal hundred = Decimal::FromInt(100);
  const bool all_weighed = weighed.size() == contents_.indicators.size();
  if (total > hundred || (all_weighed && total != hundred)) {
    Report(DiagnosticCode::kWeightsInvalid, *first_weight_,
           text::StrCat("the weights add up to ", total.ToString(), ", not 100"));
  }
}

bool IsWellFormedLabel(std::string_view label) {
  // "9", "25", "25.1": digits, optionally one dot and more digits.
  const std::size_t dot = label.find('.');
  const auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
  };
  if (dot == std::string_view::npos) return digits(label);
  return digits(label.substr(0, dot)) && digits(label.substr(dot + 1));
}

void Checker::CheckNameLength(std::string_view name, std::size_t offset) {
  if (utf8::CountCodePoints(name) > static_cast<std::size_t>(limits::kMaxNameLength)) {
    Report(DiagnosticCode::kLimitExceeded, offset,
           text::StrCat("a name has at most ", limits::kMaxNameLength, " characters"));
  }
}

void Checker::CheckIndicator(const ast::IndicatorStmt& statement) {
  const std::string& number = statement.number.text;
  if (!IsWellFormedLabel(number)) {
    Report(DiagnosticCode::kMalformedNumberLabel, statement.number.offset,
           text::StrCat("'", number, "' is not an indicator number (write 9, 25 or 25.1)"));
    return;
  }
  if (auto seen = defined_here_.find(number); seen != defined_here_.end()) {
    Report(DiagnosticCode::kDuplicateIndicator, statement.number.offset,
           text::StrCat("indicator ", number, " is defined twice (first at line ",
                        utf8::Locate(text_, seen->second).line, ")"));
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
             text::StrCat("indicator ", number, " needs a name: 指标 ", number, " \"name\" { … }"));
      return;
    }
    if (indicators.size() >= static_cast<std::size_t>(limits::kMaxIndicators)) {
      Report(DiagnosticCode::kLimitExceeded, statement.number.offset,
             text::StrCat("a framework has at most ", limits::kMaxIndicators, " indicators"));
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
    Report(DiagnosticCode::kEmptyName, statement.name->offset, "the indicator's name is empty");
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
  std::set<std::string> properties_seen;
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
        Report(DiagnosticCode::kDuplicateStatement, s->head.offset, "公式 is stated twice");
      }
      where.formula = s->head.offset;
      where.formula_statement = s;
    } else if (const auto* s = boost::get<ast::RangeStmt>(&inner)) {
      if (where.range_statement != nullptr) {
        Report(DiagnosticCode::kDuplicateStatement, s->head.offset, "范围 is stated twice");
      }
      where.range_statement = s;
    }
  }
  if (where.range_statement != nullptr) ReadRange(*where.range_statement, indicator);
  std::set<int> target_years;
  bool has_baseline = false;
  for (const ast::InnerStmt& inner : statement.body) {
    if (const auto* s = boost::get<ast::YearValueStmt>(&inner)) {
      ApplyYearValue(*s, indicator, where, target_years, has_baseline);
    }
  }
  std::sort(indicator.targets.begin(), indicator.targets.end(),
            [](const Target& a, const Target& b) { return a.year < b.year; });
}

void Checker::ApplyProperty(const ast::Simple& statement, Indicator& indicator,
                            std::set<std::string>& seen, IndicatorLocations& where) {
  const std::optional<Keyword> keyword = LookupKeyword(statement.head.text);
  if (!keyword) return;
  const std::string_view name = Spelling(*keyword).chinese;
  if (!seen.insert(std::string(name)).second) {
    Report(DiagnosticCode::kDuplicateStatement, statement.head.offset,
           text::StrCat(name, " is stated twice for indicator ", indicator.number));
    return;
  }
  const ast::Token& value = statement.argument;
  // Stores a value the word names, or reports what was expected instead.
  const auto assign = [&](auto parsed, auto& field, DiagnosticCode code, std::string_view what,
                          std::string_view expected) {
    if (parsed) {
      field = *parsed;
      return true;
    }
    Report(code, value.offset,
           text::StrCat("unknown ", what, " '", value.text, "' (expected ", expected, ")"));
    return false;
  };
  switch (*keyword) {
    case Keyword::kUnit:
      where.unit_failed = !assign(ParseUnit(value.text), indicator.unit, DiagnosticCode::kUnknownUnit,
                                  "unit", "岁, 小时, %, ‰, 1/10万, 人/千人, 人, 例 or 个");
      break;
    case Keyword::kDirection:
      where.direction_failed =
          !assign(ParseDirection(value.text), indicator.direction, DiagnosticCode::kUnknownValue,
                  "direction", vocabulary::ChoiceList(vocabulary::kDirections));
      break;
    case Keyword::kCategory:
      assign(ParseCategory(value.text), indicator.category, DiagnosticCode::kUnknownValue,
             "category", vocabulary::ChoiceList(vocabulary::kCategories));
      break;
    case Keyword::kBinding:
      assign(ParseBindingForce(value.text), indicator.binding, DiagnosticCode::kUnknownValue,
             "binding force", vocabulary::ChoiceList(vocabulary::kBindingForces));
      break;
    case Keyword::kAggregateWeight:
      where.aggregate_weight = value.offset;
      indicator.aggregate_weight = value.text;
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
           text::StrCat("part '", number, "' does not belong to indicator ", indicator.number,
                        " (write ", indicator.number, ".1, ", indicator.number, ".2, …)"));
    return;
  }
  for (const IndicatorPart& part : indicator.parts) {
    if (part.number == number) {
      Report(DiagnosticCode::kDuplicateStatement, statement.number.offset,
             text::StrCat("part ", number, " is declared twice"));
      return;
    }
  }
  if (statement.name.text.empty()) {
    Report(DiagnosticCode::kEmptyName, statement.name.offset, "the part's name is empty");
  }
  CheckNameLength(statement.name.text, statement.name.offset);
  if (indicator.parts.size() >= static_cast<std::size_t>(limits::kMaxParts)) {
    Report(DiagnosticCode::kLimitExceeded, statement.number.offset,
           text::StrCat("an indicator has at most ", limits::kMaxParts, " parts"));
    return;
  }
  indicator.parts.push_back(IndicatorPart{number, statement.name.text});
}

void Checker::ApplyYearValue(const ast::YearValueStmt& statement, Indicator& indicator,
                             IndicatorLocations& where, std::set<int>& target_years,
                             bool& has_baseline) {
  const bool is_target = LookupKeyword(statement.head.text) == Keyword::kTarget;
  // 基期 -- 76.8: a baseline whose year the document does not state.
  const bool year_unstated =
      !is_target && ParseAbsence(statement.year.text) == Absence::kNotApplicable;
  const std::optional<int> year = year_unstated ? std::nullopt : ReadYear(statement.year);
  std::vector<std::size_t> item_offsets;
  for (const ast::Item& item : statement.value) item_offsets.push_back(ItemStart(item));
  if (!is_target) {
    if (statement.source) {
      Report(DiagnosticCode::kSyntax, statement.source->head.offset,
             "a baseline cites no source of its own; cite the indicator with 来源");
    }
    if (has_baseline) {
      Report(DiagnosticCode::kDuplicateStatement, statement.head.offset,
             text::StrCat("indicator ", indicator.number, " has two baselines"));
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
  if (!target_years.insert(*year).second) {
    Report(DiagnosticCode::kDuplicateYear, statement.year.offset,
           text::StrCat("indicator ", indicator.number, " has two targets for ", *year));
    return;
  }
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
  targets.push_back(Target{*year, std::move(*form), source.value_or(Citation{})});
  where.target[*year] = ItemStart(statement.value.front());
  where.target_items[*year] = std::move(item_offsets);
}

std::optional<int> Checker::ReadYear(const ast::Token& token) {
  absl::StatusOr<Decimal> number = Decimal::Parse(token.text);
  const bool in_range = number.ok() && number->scale() == 0 &&
                        *number >= Decimal::FromInt(kFirstYear) &&
                        *number <= Decimal::FromInt(kLastYear);
  if (!in_range) {
    Report(DiagnosticCode::kYearOutOfRange, token.offset,
           text::StrCat("'", token.text, "' is not a year from ", kFirstYear, " to ", kLastYear));
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
         token.offset, text::StrCat("'", token.text, "': ", number.status().message()));
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
  for (std::string_view digit : {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９", "．"}) {
    if (rest.starts_with(digit)) return true;
  }
  return false;
}

bool Checker::CheckItemUnit(const ast::Item& item, const Indicator& indicator) {
  if (!item.unit) return true;
  const std::optional<Unit> unit = ParseUnit(item.unit->text);
  if (!unit) {
    Report(DiagnosticCode::kUnknownUnit, item.unit->offset,
           text::StrCat("unknown unit '", item.unit->text, "'"));
    return false;
  }
  if (indicator.unit && UnitDimension(*unit) != UnitDimension(*indicator.unit)) {
    Report(DiagnosticCode::kUnitMismatch, item.unit->offset,
           text::StrCat("value in ", UnitSymbol(*unit), " but indicator ", indicator.number,
                        " is measured in ", UnitSymbol(*indicator.unit)));
    return false;
  }
  return true;
}

std::optional<ComparisonTarget> Checker::ReadComparison(const ast::Item& item,
                                                        const Indicator& indicator) {
  if (!IsNumberToken(item.body)) {
    Report(DiagnosticCode::kUnknownValue, item.body.offset,
           text::StrCat("expected a number, found '", item.body.text, "'"));
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
             text::StrCat("a comparator must be followed by a number, not '", word, "'"));
      return std::nullopt;
    }
    if (first.unit) {
      Report(DiagnosticCode::kUnknownValue, first.unit->offset,
             text::StrCat("'", word, "' takes no unit"));
      return std::nullopt;
    }
    if (IsAchievementWord(word)) return AchievementTarget{};
    if (auto kind = ParseTrendKind(word)) return TrendTarget{*kind, std::nullopt, std::nullopt};
    if (auto absence = ParseAbsence(word)) {
      if (*absence == Absence::kNotApplicable) return NotApplicableTarget{};
      Report(DiagnosticCode::kUnknownValue, first.body.offset,
             text::StrCat("'", word, "' describes a baseline, not a target"));
      return std::nullopt;
    }
    Report(DiagnosticCode::kUnknownValue, first.body.offset,
           text::StrCat("unknown target '", word,
                        "' (expected a number, 实现, 下降, 明显下降, 持续下降 or --)"));
    return std::nullopt;
  }
  std::vector<ComparisonTarget> parts;
  bool ok = true;
  for (const ast::Item& item : value) {
    std::optional<ComparisonTarget> part = ReadComparison(item, indicator);
    if (part) parts.push_back(*part);
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
             "a baseline is a value, written without a comparator");
      return std::nullopt;
    }
  }
  if (value.size() == 1 && !IsNumberToken(first.body)) {
    const std::string& word = first.body.text;
    if (IsAchievementWord(word)) return Achieved{};
    if (auto absence = ParseAbsence(word)) return *absence;
    Report(DiagnosticCode::kUnknownValue, first.body.offset,
           text::StrCat("unknown baseline '", word,
                        "' (expected a number, 实现, 未建立, 未统计 or --)"));
    return std::nullopt;
  }
  std::vector<Decimal> numbers;
  bool ok = true;
  for (const ast::Item& item : value) {
    if (!IsNumberToken(item.body)) {
      Report(DiagnosticCode::kUnknownValue, item.body.offset,
             text::StrCat("expected a number, found '", item.body.text, "'"));
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

// --- Formulas -------------------------------------------------------------------------

std::optional<int> PowerOfTen(const Decimal& value) {
  std::string text = value.Rounded(Decimal::kMaxScale, Rounding::kTruncate).ToString();
  // A power of ten has the digits 1 0…0 with nothing else but zero fraction.
  const std::size_t point = text.find('.');
  std::string integer = text.substr(0, point);
  const bool zero_fraction = point == std::string::npos ||
                             text.find_first_not_of('0', point + 1) == std::string::npos;
  if (!zero_fraction || integer.empty() || integer[0] != '1' ||
      integer.find_first_not_of('0', 1) != std::string::npos) {
    return std::nullopt;
  }
  return static_cast<int>(integer.size()) - 1;
}

// [3], 上年[3]: a rule's reference to a figure.
bool IsReference(const ast::Token& token) {
  return token.text.ends_with("]") &&
         (token.text.starts_with("[") || token.text.starts_with(kPriorYearChinese) ||
          token.text.starts_with(kPriorYearAscii));
}

std::optional<FormulaType> Checker::TypeReference(const ast::Token& token, FormulaNode& node) {
  if (!typing_rule_) {
    Report(DiagnosticCode::kFormulaType, token.offset,
           text::StrCat("a formula computes from counts of the year; '", token.text,
                        "' refers to a figure, which only a 校验 (rule) may do"));
    return std::nullopt;
  }
  std::string_view key = token.text;
  if (key.starts_with(kPriorYearChinese)) {
    key.remove_prefix(kPriorYearChinese.size());
    node.years_back = 1;
  } else if (key.starts_with(kPriorYearAscii)) {
    key.remove_prefix(kPriorYearAscii.size());
    node.years_back = 1;
  }
  key = key.substr(1, key.size() - 2);  // inside [ ]
  FormulaType type;
  const auto& counts = contents_.counts;
  const auto count = std::find_if(counts.begin(), counts.end(),
                                  [&](const CountDeclaration& c) { return c.name == key; });
  if (count != counts.end()) {
    node.kind = FormulaNode::Kind::kCount;
    node.count = std::string(key);
    type.dimension = UnitDimension(count->unit);
    return type;
  }
  // An indicator, or a part ("25.1") of one.
  const std::string number(key.substr(0, key.find('.')));
  const Indicator* indicator = FindIndicator(std::string(key));
  if (indicator == nullptr) {
    const Indicator* whole = FindIndicator(number);
    const bool is_part =
        whole != nullptr && std::any_of(whole->parts.begin(), whole->parts.end(),
                                        [&](const IndicatorPart& p) { return p.number == key; });
    if (is_part) indicator = whole;
  }
  if (indicator == nullptr) {
    Report(DiagnosticCode::kUnknownIndicator, token.offset,
           text::StrCat("'", key, "' is not an indicator, part or count of this framework"));
    return std::nullopt;
  }
  if (!indicator->unit) {
    Report(DiagnosticCode::kFormulaType, token.offset,
           text::StrCat("indicator ", indicator->number,
                        " is qualitative (实现); a rule compares figures"));
    return std::nullopt;
  }
  if (!indicator->parts.empty() && key == indicator->number) {
    Report(DiagnosticCode::kFormulaType, token.offset,
           text::StrCat("indicator ", key, " has parts; name one of them (", indicator->parts[0].number,
                        ")"));
    return std::nullopt;
  }
  node.kind = FormulaNode::Kind::kIndicator;
  node.count = std::string(key);
  type.dimension = UnitDimension(*indicator->unit);
  return type;
}

std::optional<FormulaType> Checker::TypeOperand(const ast::Operand& operand, Formula& formula) {
  if (const auto* token = boost::get<ast::Token>(&operand)) {
    FormulaNode node;
    FormulaType type;
    if (IsReference(*token)) {
      std::optional<FormulaType> referenced = TypeReference(*token, node);
      if (!referenced) return std::nullopt;
      type = *referenced;
    } else if (IsNumberToken(*token)) {
      std::optional<Decimal> number = ReadNumber(*token);
      if (!number) return std::nullopt;
      node.kind = FormulaNode::Kind::kConstant;
      node.constant = *number;
      type.constant = true;
      type.power_of_ten = PowerOfTen(*number);
    } else {
      const auto& counts = contents_.counts;
      const auto it = std::find_if(counts.begin(), counts.end(),
                                   [&](const CountDeclaration& c) { return c.name == token->text; });
      if (it == counts.end()) {
        Report(DiagnosticCode::kUndefinedCount, token->offset,
               text::StrCat("'", token->text, "' is not a declared count (declare it: 计数 ",
                            token->text, " 人)"));
        return std::nullopt;
      }
      node.kind = FormulaNode::Kind::kCount;
      node.count = token->text;
      type.dimension = UnitDimension(it->unit);
    }
    formula.nodes.push_back(std::move(node));
    return type;
  }
  return TypeExpr(boost::get<ast::x3::forward_ast<ast::Expr>>(operand).get(), formula);
}

std::optional<FormulaType> Checker::Combine(const ast::Token& op, const FormulaType& left,
                                            const FormulaType& right, Formula& formula) {
  FormulaNode node;
  node.right = static_cast<int>(formula.nodes.size()) - 1;
  FormulaType result;
  const std::string& symbol = op.text;
  if (symbol == "+" || symbol == "-") {
    // In a rule a plain number takes the unit of what it is added to.
    const bool rule_constant = typing_rule_ && (left.constant || right.constant);
    if (!rule_constant && (left.constant != right.constant || left.dimension != right.dimension)) {
      Report(DiagnosticCode::kFormulaType, op.offset,
             text::StrCat("'", symbol, "' adds quantities of different kinds (",
                          left.constant ? "a number" : left.dimension.ToString(), " and ",
                          right.constant ? "a number" : right.dimension.ToString(), ")"));
      return std::nullopt;
    }
    node.kind = symbol == "+" ? FormulaNode::Kind::kAdd : FormulaNode::Kind::kSubtract;
    result = left.constant ? right : left;
    result.power_of_ten.reset();
  } else {
    const bool multiply = symbol == "*" || symbol == "×";
    node.kind = multiply ? FormulaNode::Kind::kMultiply : FormulaNode::Kind::kDivide;
    if (left.constant && right.constant) {
      result.constant = true;
    } else if (typing_rule_ && (left.constant || right.constant)) {
      // A rule scales a figure by a share (上年[1] * 1.2): the unit stays.
      if (!multiply && left.constant) {
        Report(DiagnosticCode::kFormulaType, op.offset, "a number divided by a figure has no unit");
        return std::nullopt;
      }
      result.dimension = (left.constant ? right : left).dimension;
    } else if (left.constant || right.constant) {
      const FormulaType& constant = left.constant ? left : right;
      const FormulaType& quantity = left.constant ? right : left;
      if (!constant.power_of_ten) {
        Report(DiagnosticCode::kFormulaType, op.offset,
               "a formula scales a rate only by a power of ten (×100 for %, ×1000 for ‰, "
               "×100000 for 1/10万)");
        return std::nullopt;
      }
      if (!multiply && left.constant) {
        Report(DiagnosticCode::kFormulaType, op.offset, "a number divided by a count has no unit");
        return std::nullopt;
      }
      result.dimension = quantity.dimension.ScaledBy(multiply ? *constant.power_of_ten
                                                              : -*constant.power_of_ten);
    } else {
      result.dimension = multiply ? left.dimension.Times(right.dimension)
                                  : left.dimension.DividedBy(right.dimension);
    }
  }
  formula.nodes.push_back(std::move(node));
  return result;
}

std::optional<FormulaType> Checker::TypeExpr(const ast::Expr& expr, Formula& formula) {
  std::optional<FormulaType> left = TypeOperand(expr.first, formula);
  if (!left) return std::nullopt;
  for (const ast::Operation& operation : expr.rest) {
    const int left_index = static_cast<int>(formula.nodes.size()) - 1;
    std::optional<FormulaType> right = TypeOperand(operation.operand, formula);
    if (!right) return std::nullopt;
    left = Combine(operation.op, *left, *right, formula);
    if (!left) return std::nullopt;
    formula.nodes.back().left = left_index;
  }
  return left;
}

void Checker::TypeFormula(Indicator& indicator, const IndicatorLocations& where) {
  const ast::FormulaStmt* statement = where.formula_statement;
  if (statement == nullptr) return;
  if (!indicator.unit) {
    Report(DiagnosticCode::kMissingUnit, statement->head.offset,
           text::StrCat("indicator ", indicator.number, " has a formula but no 单位"));
    return;
  }
  Formula formula;
  std::optional<FormulaType> type = TypeExpr(statement->expression, formula);
  if (!type) return;
  const Dimension wanted = UnitDimension(*indicator.unit);
  if (type->constant || type->dimension != wanted) {
    Report(DiagnosticCode::kFormulaType, statement->head.offset,
           text::StrCat("the formula gives ", type->constant ? "a plain number" : type->dimension.ToString(),
                        " but indicator ", indicator.number, " is in ", UnitSymbol(*indicator.unit),
                        " (", wanted.ToString(), ")"));
    return;
  }
  if (statement->round) {
    const ast::RoundSpec& round = *statement->round;
    absl::StatusOr<Decimal> places = Decimal::Parse(round.places.text);
    if (!places.ok() || places->scale() != 0 || *places > Decimal::FromInt(Decimal::kMaxScale)) {
      Report(DiagnosticCode::kNumberOutOfRange, round.places.offset,
             text::StrCat("保留 takes a number of decimal places from 0 to ", Decimal::kMaxScale));
      return;
    }
    formula.round_places = std::stoi(places->ToString());
    if (round.rule) {
      std::optional<Rounding> rule = ParseRounding(round.rule->text);
      if (!rule) {
        Report(DiagnosticCode::kUnknownValue, round.rule->offset,
               text::StrCat("unknown rounding rule '", round.rule->text,
                            "' (expected ", vocabulary::ChoiceList(vocabulary::kRoundings), ")"));
        return;
      }
      formula.rounding = *rule;
    }
  }
  indicator.formula = std::move(formula);
}

// --- Whole-indicator checks -----------------------------------------------------------------

std::size_t TargetOffset(const IndicatorLocations& where, int year) {
  auto it = where.target.find(year);
  return it == where.target.end() ? where.head : it->second;
}

void Checker::ResolveTrend(Indicator& indicator, const IndicatorLocations& where) {
  for (Target& target : indicator.targets) {
    auto* trend = std::get_if<TrendTarget>(&target.form);
    if (trend == nullptr) continue;
    const bool marked = kernel::IsMarked(trend->kind);
    const bool continuous = kernel::IsContinuous(trend->kind);
    if (marked) {
      trend->marked_change_percent = indicator.trend_rules.marked_change_percent
                                         ? indicator.trend_rules.marked_change_percent
                                         : contents_.trend_rules.marked_change_percent;
      if (!trend->marked_change_percent) {
        Report(DiagnosticCode::kTrendUndefined, TargetOffset(where, target.year),
               text::StrCat(TrendKindName(trend->kind),
                            " needs the size of a marked change: state 明显下降幅度 N% in the "
                            "framework or the indicator"));
      }
    }
    if (continuous) {
      trend->continuous_years = indicator.trend_rules.continuous_years
                                    ? indicator.trend_rules.continuous_years
                                    : contents_.trend_rules.continuous_years;
      if (!trend->continuous_years) {
        Report(DiagnosticCode::kTrendUndefined, TargetOffset(where, target.year),
               text::StrCat(TrendKindName(trend->kind),
                            " needs a number of years: state 持续下降年数 N in the framework or "
                            "the indicator"));
      }
    }
  }
}

// Values of a target in part order (one for a plain comparison).
std::vector<const ComparisonTarget*> Comparisons(const TargetForm& form) {
  if (const auto* c = std::get_if<ComparisonTarget>(&form)) return {c};
  std::vector<const ComparisonTarget*> out;
  if (const auto* p = std::get_if<PartsTarget>(&form)) {
    for (const ComparisonTarget& part : p->parts) out.push_back(&part);
  }
  return out;
}

bool IsFloor(Comparator c) { return c == Comparator::kAtLeast || c == Comparator::kAbove; }
bool IsCeiling(Comparator c) { return c == Comparator::kAtMost || c == Comparator::kBelow; }

void Checker::CheckConsistency(Indicator& indicator, const IndicatorLocations& where) {
  const std::string& n = indicator.number;
  if (indicator.targets.empty()) {
    if (where.target_failed) return;  // already reported
    Report(DiagnosticCode::kNoTarget, where.head, text::StrCat("indicator ", n, " has no target"));
    return;
  }
  // Qualitative (实现) against quantitative (numbers, trends, parts).
  const Target* achievement = nullptr;
  const Target* quantitative = nullptr;
  for (const Target& target : indicator.targets) {
    if (std::holds_alternative<AchievementTarget>(target.form)) {
      if (achievement == nullptr) achievement = &target;
    } else if (!std::holds_alternative<NotApplicableTarget>(target.form)) {
      if (quantitative == nullptr) quantitative = &target;
    }
  }
  if (achievement != nullptr && quantitative != nullptr) {
    Report(DiagnosticCode::kTargetKindMismatch, TargetOffset(where, quantitative->year),
           text::StrCat("indicator ", n, " is an achievement indicator (", achievement->year,
                        ": 实现); its ", quantitative->year, " target '",
                        TargetText(quantitative->form), "' cannot be evaluated as one"));
    return;
  }
  if (achievement != nullptr && indicator.unit) {
    Report(DiagnosticCode::kTargetKindMismatch, TargetOffset(where, achievement->year),
           text::StrCat("实现 is a target for a qualitative indicator, but indicator ", n,
                        " is measured in ", UnitSymbol(*indicator.unit)));
    return;
  }
  const bool numeric_baseline =
      indicator.baseline && (std::holds_alternative<Decimal>(indicator.baseline->value) ||
                             std::holds_alternative<std::vector<Decimal>>(indicator.baseline->value));
  if ((quantitative != nullptr || numeric_baseline) && !indicator.unit) {
    if (where.unit_failed) return;  // the unknown unit is already reported
    Report(DiagnosticCode::kMissingUnit, where.head,
           text::StrCat("indicator ", n, " has numeric values but no 单位"));
    return;
  }

  // Parts: every value states one number per declared part.
  const std::size_t declared = indicator.parts.size();
  const auto check_parts = [&](std::size_t count, std::size_t offset, const std::string& what) {
    if (declared == 0 && count > 1) {
      Report(DiagnosticCode::kPartCountMismatch, offset,
             text::StrCat(what, " gives ", count, " parts but indicator ", n,
                          " declares none (分项 ", n, ".1 \"…\")"));
      return false;
    }
    if (declared > 0 && count != declared) {
      Report(DiagnosticCode::kPartCountMismatch, offset,
             text::StrCat(what, " gives ", count, count == 1 ? " value" : " values",
                          " but indicator ", n, " has ", declared, " parts"));
      return false;
    }
    return true;
  };
  bool parts_ok = true;
  for (const Target& target : indicator.targets) {
    const std::size_t count = Comparisons(target.form).size();
    if (count == 0) continue;
    parts_ok &= check_parts(count, TargetOffset(where, target.year),
                            text::StrCat("the ", target.year, " target"));
  }
  if (indicator.baseline) {
    std::size_t count = 0;
    if (std::holds_alternative<Decimal>(indicator.baseline->value)) count = 1;
    if (const auto* v = std::get_if<std::vector<Decimal>>(&indicator.baseline->value)) count = v->size();
    if (count > 0) {
      parts_ok &= check_parts(count, where.baseline.value_or(where.head), "the baseline");
    }
  }

  // Warnings: direction, shares above the whole, weaker later targets.
  for (const Target& target : indicator.targets) {
    const auto comparisons = Comparisons(target.form);
    const auto offsets = where.target_items.find(target.year);
    for (std::size_t i = 0; i < comparisons.size(); ++i) {
      const ComparisonTarget& c = *comparisons[i];
      const std::size_t offset = offsets != where.target_items.end() && i < offsets->second.size()
                                     ? offsets->second[i]
                                     : TargetOffset(where, target.year);
      if (c.written_bare && indicator.direction == Direction::kUnspecified && i == 0 &&
          !where.direction_failed) {
        Report(DiagnosticCode::kBareTargetNoDirection, offset,
               text::StrCat("bare target ", c.value.ToString(), " of indicator ", n,
                            " has no declared direction; it is read as ≥ (a floor). State 方向 "
                            "越高越好 or 越低越好"));
      }
      if ((indicator.direction == Direction::kLowerIsBetter && IsFloor(c.comparator)) ||
          (indicator.direction == Direction::kHigherIsBetter && IsCeiling(c.comparator))) {
        Report(DiagnosticCode::kComparatorAgainstDirection, offset,
               text::StrCat("target ", ComparatorSymbol(c.comparator), c.value.ToString(),
                            " runs against the direction of indicator ", n, " (",
                            DirectionName(indicator.direction), ")"));
      }
      if (indicator.unit && IsShare(*indicator.unit)) {
        const Decimal whole = Decimal::FromInt(
            std::int64_t{1} * (UnitDimension(*indicator.unit).scale == 2 ? 100
                               : UnitDimension(*indicator.unit).scale == 3 ? 1000
                                                                           : 100000));
        if (c.value > whole) {
          Report(DiagnosticCode::kShareAboveWhole, offset,
                 text::StrCat("target ", c.value.ToString(), UnitSymbol(*indicator.unit),
                              " is more than the whole (", whole.ToString(),
                              UnitSymbol(*indicator.unit), ")"));
        }
      }
    }
    if (const auto* trend = std::get_if<TrendTarget>(&target.form)) {
      const bool fall = kernel::IsFall(trend->kind);
      if ((fall && indicator.direction == Direction::kHigherIsBetter) ||
          (!fall && indicator.direction == Direction::kLowerIsBetter)) {
        Report(DiagnosticCode::kComparatorAgainstDirection, TargetOffset(where, target.year),
               text::StrCat("target ", TrendKindName(trend->kind), " runs against the direction of "
                            "indicator ", n, " (", DirectionName(indicator.direction), ")"));
      }
    }
  }
  if (parts_ok) {
    const Target* previous = nullptr;
    for (const Target& target : indicator.targets) {
      const auto now = Comparisons(target.form);
      if (now.empty()) continue;
      if (previous != nullptr) {
        const auto before = Comparisons(previous->form);
        for (std::size_t i = 0; i < now.size() && i < before.size(); ++i) {
          const bool weaker = (IsFloor(now[i]->comparator) && IsFloor(before[i]->comparator) &&
                               now[i]->value < before[i]->value) ||
                              (IsCeiling(now[i]->comparator) && IsCeiling(before[i]->comparator) &&
                               now[i]->value > before[i]->value);
          if (weaker) {
            Report(DiagnosticCode::kLaterTargetWeaker, TargetOffset(where, target.year),
                   text::StrCat("the ", target.year, " target ", TargetText(target.form),
                                " of indicator ", n, " is weaker than the ", previous->year,
                                " target ", TargetText(previous->form)));
            break;
          }
        }
      }
      previous = &target;
    }
  }
  if (indicator.baseline && indicator.baseline->year &&
      *indicator.baseline->year > indicator.targets.front().year) {
    Report(DiagnosticCode::kBaselineAfterTarget, where.baseline.value_or(where.head),
           text::StrCat("the baseline year ", *indicator.baseline->year, " of indicator ", n,
                        " comes after its first target year ", indicator.targets.front().year));
  }
}

// --- Ranges and rules ------------------------------------------------------------------

std::optional<Decimal> Checker::ReadRangeEnd(const ast::Token& end, bool& ok) {
  if (!IsNumberToken(end)) {
    if (ParseAbsence(end.text) == Absence::kNotApplicable) return std::nullopt;  // open
    Report(DiagnosticCode::kUnknownValue, end.offset,
           text::StrCat("expected a number or -- (no bound), found '", end.text,
                        "'; 范围 takes the lowest and highest value in the indicator's unit: 范围 0 24"));
    ok = false;
    return std::nullopt;
  }
  std::optional<Decimal> number = ReadNumber(end);
  ok = ok && number.has_value();
  return number;
}

void Checker::ReadRange(const ast::RangeStmt& statement, Indicator& indicator) {
  if (!indicator.unit) {
    Report(DiagnosticCode::kMissingUnit, statement.head.offset,
           text::StrCat("indicator ", indicator.number, " states a 范围 but no 单位"));
    return;
  }
  bool ok = true;
  ValueRange range;
  range.minimum = ReadRangeEnd(statement.low, ok);
  range.maximum = ReadRangeEnd(statement.high, ok);
  if (!ok) return;
  if (range.minimum && range.maximum && *range.minimum > *range.maximum) {
    Report(DiagnosticCode::kUnknownValue, statement.low.offset,
           text::StrCat("the range's low end ", range.minimum->ToString(), " is above its high end ",
                        range.maximum->ToString()));
    return;
  }
  range.whole = DefaultRange(*indicator.unit).whole;  // a head count stays whole
  indicator.range = range;
}

void Checker::CheckRule(const ast::RuleStmt& statement) {
  ConsistencyRule rule;
  const std::optional<Severity> severity = ParseSeverity(statement.severity.text);
  if (!severity) {
    Report(DiagnosticCode::kUnknownValue, statement.severity.offset,
           text::StrCat("unknown severity '", statement.severity.text,
                        "' (expected ", vocabulary::ChoiceList(vocabulary::kSeverities),
                        ": error or warning)"));
    return;
  }
  rule.severity = *severity;
  rule.comparator = *ParseComparator(statement.comparator.text);
  typing_rule_ = true;
  std::optional<FormulaType> left = TypeExpr(statement.left, rule.left);
  std::optional<FormulaType> right = left ? TypeExpr(statement.right, rule.right) : std::nullopt;
  typing_rule_ = false;
  if (!left || !right) return;
  if (left->constant && right->constant) {
    Report(DiagnosticCode::kFormulaType, statement.comparator.offset,
           "a rule compares a unit's figures; both sides here are plain numbers");
    return;
  }
  if (!left->constant && !right->constant && left->dimension != right->dimension) {
    Report(DiagnosticCode::kUnitMismatch, statement.comparator.offset,
           text::StrCat("the rule compares ", left->dimension.ToString(), " with ",
                        right->dimension.ToString(), "; both sides must be in one unit"));
    return;
  }
  if (statement.message) {
    rule.message = statement.message->text;
    CheckNameLength(rule.message, statement.message->offset);
  }
  rule.text = text::StrCat(FormulaText(rule.left), " ", ComparatorSymbol(rule.comparator), " ",
                           FormulaText(rule.right));
  // The verdicts it judges: the figures of the year it names, and the rates
  // computed from the counts it names.
  std::set<std::string> judged;
  for (const Formula* side : {&rule.left, &rule.right}) {
    for (const FormulaNode& node : side->nodes) {
      if (node.years_back != 0) continue;
      if (node.kind == FormulaNode::Kind::kIndicator) {
        judged.insert(node.count.substr(0, node.count.find('.')));
      } else if (node.kind == FormulaNode::Kind::kCount) {
        for (const Indicator& indicator : contents_.indicators) {
          if (!indicator.formula) continue;
          for (const FormulaNode& used : indicator.formula->nodes) {
            if (used.kind == FormulaNode::Kind::kCount && used.count == node.count) {
              judged.insert(indicator.number);
            }
          }
        }
      }
    }
  }
  for (const Indicator& indicator : contents_.indicators) {
    if (judged.count(indicator.number)) rule.indicators.push_back(indicator.number);
  }
  for (const ConsistencyRule& existing : contents_.rules) {
    if (existing.text == rule.text) {
      Report(DiagnosticCode::kDuplicateStatement, statement.head.offset,
             text::StrCat("the rule ", rule.text, " is stated twice"));
      return;
    }
  }
  contents_.rules.push_back(std::move(rule));
}

}  // namespace

std::optional<Framework::Contents> CheckFramework(std::string_view file_name, std::string_view text,
                                                  const std::vector<ast::TopStmt>& statements,
                                                  const Framework::Contents* parent,
                                                  std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> found;
  Checker checker(file_name, text, parent, found);
  std::optional<Framework::Contents> contents = checker.Run(statements);
  diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  return contents;
}

}  // namespace healthact::dsl
