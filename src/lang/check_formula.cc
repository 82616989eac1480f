// The checker's typing of formulas (公式) and consistency rules (校验) in the unit algebra.
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
           Format("a formula computes from counts of the year; '$0' refers to a figure, which only a 校验 (rule) may do", token.text));
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
    type.dimension = MeasureUnitDimension(count->measure_unit);
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
           Format("'$0' is not an indicator, part or count of this framework", key));
    return std::nullopt;
  }
  if (!indicator->measure_unit) {
    Report(DiagnosticCode::kFormulaType, token.offset,
           Format("indicator $0 is qualitative (实现); a rule compares figures", indicator->number));
    return std::nullopt;
  }
  if (!indicator->parts.empty() && key == indicator->number) {
    Report(DiagnosticCode::kFormulaType, token.offset,
           Format("indicator $0 has parts; name one of them ($1)", key, indicator->parts[0].number));
    return std::nullopt;
  }
  node.kind = FormulaNode::Kind::kIndicator;
  node.count = std::string(key);
  type.dimension = MeasureUnitDimension(*indicator->measure_unit);
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
               Format("'$0' is not a declared count (declare it: 计数 $0 人)", token->text));
        return std::nullopt;
      }
      node.kind = FormulaNode::Kind::kCount;
      node.count = token->text;
      type.dimension = MeasureUnitDimension(it->measure_unit);
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
             Format("'$0' adds quantities of different kinds ($1 and $2)", symbol, left.constant ? std::string(Tr("a number")) : left.dimension.ToString(), right.constant ? std::string(Tr("a number")) : right.dimension.ToString()));
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
        Report(DiagnosticCode::kFormulaType, op.offset, std::string(Tr("a number divided by a figure has no unit")));
        return std::nullopt;
      }
      result.dimension = (left.constant ? right : left).dimension;
    } else if (left.constant || right.constant) {
      const FormulaType& constant = left.constant ? left : right;
      const FormulaType& quantity = left.constant ? right : left;
      if (!constant.power_of_ten) {
        Report(DiagnosticCode::kFormulaType, op.offset,
               std::string(Tr("a formula scales a rate only by a power of ten (×100 for %, ×1000 for ‰, ×100000 for 1/10万)")));
        return std::nullopt;
      }
      if (!multiply && left.constant) {
        Report(DiagnosticCode::kFormulaType, op.offset, std::string(Tr("a number divided by a count has no unit")));
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
  if (!indicator.measure_unit) {
    Report(DiagnosticCode::kMissingUnit, statement->head.offset,
           Format("indicator $0 has a formula but no 单位", indicator.number));
    return;
  }
  Formula formula;
  std::optional<FormulaType> type = TypeExpr(statement->expression, formula);
  if (!type) return;
  const Dimension wanted = MeasureUnitDimension(*indicator.measure_unit);
  if (type->constant || type->dimension != wanted) {
    Report(DiagnosticCode::kFormulaType, statement->head.offset,
           Format("the formula gives $0 but indicator $1 is in $2 ($3)", type->constant ? std::string(Tr("a plain number")) : type->dimension.ToString(), indicator.number, MeasureUnitSymbol(*indicator.measure_unit), wanted.ToString()));
    return;
  }
  if (statement->round) {
    const ast::RoundSpec& round = *statement->round;
    absl::StatusOr<Decimal> places = Decimal::Parse(round.places.text);
    if (!places.ok() || places->scale() != 0 || *places > Decimal::FromInt(Decimal::kMaxScale)) {
      Report(DiagnosticCode::kNumberOutOfRange, round.places.offset,
             Format("保留 takes a number of decimal places from 0 to $0", Decimal::kMaxScale));
      return;
    }
    formula.round_places = std::stoi(places->ToString());
    if (round.rule) {
      std::optional<Rounding> rule = ParseRounding(round.rule->text);
      if (!rule) {
        Report(DiagnosticCode::kUnknownValue, round.rule->offset,
               Format("unknown rounding rule '$0' (expected $1)", round.rule->text, vocabulary::ChoiceList(vocabulary::kRoundings)));
        return;
      }
      formula.rounding = *rule;
    }
  }
  indicator.formula = std::move(formula);
}


void Checker::CheckRule(const ast::RuleStmt& statement) {
  ConsistencyRule rule;
  const std::optional<Severity> severity = ParseSeverity(statement.severity.text);
  if (!severity) {
    Report(DiagnosticCode::kUnknownValue, statement.severity.offset,
           Format("unknown severity '$0' (expected $1: error or warning)", statement.severity.text, vocabulary::ChoiceList(vocabulary::kSeverities)));
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
           std::string(Tr("a rule compares a unit's figures; both sides here are plain numbers")));
    return;
  }
  if (!left->constant && !right->constant && left->dimension != right->dimension) {
    Report(DiagnosticCode::kUnitMismatch, statement.comparator.offset,
           Format("the rule compares $0 with $1; both sides must be in one unit", left->dimension.ToString(), right->dimension.ToString()));
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
             Format("the rule $0 is stated twice", rule.text));
      return;
    }
  }
  contents_.rules.push_back(std::move(rule));
}


}  // namespace healthact::dsl::check
