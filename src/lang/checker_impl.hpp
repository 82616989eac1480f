// The checker of framework texts, in parts: this header declares the one
// Checker that lowers the syntax tree into a Framework's contents; its
// definitions are split by what they check:
//   checker.cc          the top-level statements, scoring, the entry point
//   check_indicator.cc  an indicator's body: properties, parts, values, ranges
//   check_formula.cc    typing of formulas and of consistency rules (校验)
//   indicator_rules.cc  whole-indicator rules and warnings (shared with the importer)
// Internal header for those files only.
#ifndef HEALTHACT_SRC_DSL_CHECKER_IMPL_HPP_
#define HEALTHACT_SRC_DSL_CHECKER_IMPL_HPP_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/container/node_hash_map.h"
#include "core/utf8.hpp"
#include "lang/ast.hpp"
#include "lang/indicator_rules.hpp"
#include "healthact/core/diagnostic.hpp"
#include "healthact/model/framework.hpp"

namespace healthact::dsl::check {


// Where the statements that shaped one indicator stand in this text: the
// sites the whole-indicator rules name (offsets), and what only the DSL has.
struct IndicatorLocations : IndicatorSites {
  bool defined_here = false;  // false: inherited unchanged, nothing to check
  ItemPlaces baseline_items;
  std::optional<std::size_t> formula;
  const ast::FormulaStmt* formula_statement = nullptr;
  std::optional<std::size_t> aggregate_weight;  // the 汇总权重 word
  const ast::RangeStmt* range_statement = nullptr;
};

// Where a value begins: its comparator if it has one.
inline std::size_t ItemStart(const ast::Item& item) {
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
  // A 部门考核 (weighs_part) or 任务得分 statement.
  void CheckDepartmentStatement(const ast::Assignment& statement, bool weighs_part,
                                const Decimal& value);
  void CheckDepartmentRule();
  void CheckScoring();
  void CheckNameLength(std::string_view name, std::size_t offset);
  void CheckIndicator(const ast::IndicatorStmt& statement);
  void ApplyBody(const ast::IndicatorStmt& statement, Indicator& indicator,
                 IndicatorLocations& where);
  void ApplyProperty(const ast::Simple& statement, Indicator& indicator,
                     std::uint64_t& seen, IndicatorLocations& where);
  void ApplyPart(const ast::PartStmt& statement, Indicator& indicator);
  void ApplyYearValue(const ast::YearValueStmt& statement, Indicator& indicator,
                      IndicatorLocations& where, absl::InlinedVector<int, 4>& target_years, bool& has_baseline);
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

  void ReadRange(const ast::RangeStmt& statement, Indicator& indicator);
  std::optional<Decimal> ReadRangeEnd(const ast::Token& end, bool& ok);
  void CheckRule(const ast::RuleStmt& statement);
  std::optional<FormulaType> TypeReference(const ast::Token& token, FormulaNode& node);

  std::string_view file_name_;
  std::string_view text_;
  utf8::LineIndex lines_{text_};  // after text_: made from it
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
  // Where the department rule's statements were, by what they set
  // ("任务", "行动指标", "按期完成", …), for duplicates and the whole rule's check.
  std::map<std::string, std::size_t, std::less<>> department_offsets_;
  // By indicator number, in B-trees: a framework of ten thousand indicators
  // keeps them in a few hundred nodes, not a node each.
  absl::btree_map<std::string, std::size_t> defined_here_;  // indicator number -> head offset
  // Looked up by number, never walked in order; nodes, so that a reference
  // to one indicator's places stays good while others are added.
  absl::node_hash_map<std::string, IndicatorLocations> locations_;
  absl::btree_map<std::string, std::size_t, std::less<>> index_;  // number -> position
  // Where each indicator named its special action, checked once every
  // declaration is known.
  std::map<std::string, std::size_t> action_places_;
  // Rules are checked once every indicator is known, wherever they stand.
  std::vector<const ast::RuleStmt*> rule_statements_;
  bool typing_rule_ = false;  // TypeExpr is typing a 校验, not a 公式
};


// Helpers shared by the parts.
bool IsNumberToken(const ast::Token& token);       // check_indicator.cc
std::size_t TargetOffset(const IndicatorLocations& where, int year);  // check_lints.cc

}  // namespace healthact::dsl::check

#endif  // HEALTHACT_SRC_DSL_CHECKER_IMPL_HPP_
