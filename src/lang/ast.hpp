// The syntax tree of a framework text, as the grammar produces it.
//
// The grammar is deliberately liberal about values: every leaf is a Token
// (its text and byte offset), and the checker decides what the words mean.
// That keeps the grammar small and lets the checker report a precise, typed
// error ("unknown unit 'xx'") at the token's position instead of a bare
// syntax error.
#ifndef HEALTHACT_SRC_DSL_AST_HPP_
#define HEALTHACT_SRC_DSL_AST_HPP_

#include <cstddef>
#include <string>
#include <vector>

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <boost/spirit/home/x3/support/traits/container_traits.hpp>

namespace healthact::dsl::ast {

namespace x3 = boost::spirit::x3;

struct Token {
  std::size_t offset = 0;  // byte offset of the token in the text
  std::string text;        // strings: without quotes, escapes resolved
  bool quoted = false;     // written as a "string"
};

// One element of a value: [comparator] body [unit].  "≥90.86", "74.6岁",
// "实现", "--".  A value is a list of items separated by "，" (parts).
struct Item {
  boost::optional<Token> comparator;
  Token body;
  boost::optional<Token> unit;
};
using Value = std::vector<Item>;

// Formulas: operands and left-associative operations, with the precedence of
// arithmetic built by the grammar.
struct Expr;
struct Operand : x3::variant<Token, x3::forward_ast<Expr>> {
  using base_type::base_type;
  using base_type::operator=;
};
struct Operation {
  Token op;
  Operand operand;
};
struct Expr {
  Operand first;
  std::vector<Operation> rest;
};

// A keyword and one argument: 框架 "…", 继承 "…", 依据 "…", 删除 16, 单位 %,
// 方向 越高越好, 类别 结果性, 属性 预期性.  `head` is the keyword as written.
struct Simple {
  Token head;
  Token argument;
};
// 来源 "document" ["locator"].
struct SourceStmt {
  Token head;
  Token document;
  boost::optional<Token> locator;
};
// 明显下降幅度 10%, 持续下降年数 3.
struct SettingStmt {
  Token head;
  Item value;
};
// 权重 1 10, 权重 "《…》" 40, 等级 优秀 90: a keyword, a subject and a value.
struct Assignment {
  Token head;
  Token subject;
  Token value;
};
// 计数 活产数 人.
struct CountStmt {
  Token head;
  Token name;
  Token unit;
};
// 基期 2019 76.8, 目标 2022 ≥90.86 [来源 "…"].
struct YearValueStmt {
  Token head;
  Token year;
  Value value;
  boost::optional<SourceStmt> source;
};
// 分项 25.1 "乡镇卫生院、社区卫生服务中心".
struct PartStmt {
  Token head;
  Token number;
  Token name;
};
// 保留 2 四舍五入.
struct RoundSpec {
  Token head;
  Token places;
  boost::optional<Token> rule;
};
// 公式 婴儿死亡数 / 活产数 * 1000 [保留 …].
struct FormulaStmt {
  Token head;
  Expr expression;
  boost::optional<RoundSpec> round;
};

// 范围 0 24: the lowest and highest plausible value ("--" for an open end).
struct RangeStmt {
  Token head;
  Token low;
  Token high;
};

// 校验 错误 [3] ≥ [2] "5岁以下儿童死亡率不应低于婴儿死亡率".  References to
// figures are Tokens of the expressions: "[3]", "上年[3]", or a count name.
struct RuleStmt {
  Token head;
  Token severity;
  Expr left;
  Token comparator;
  Expr right;
  boost::optional<Token> message;
};

using InnerStmt =
    x3::variant<Simple, SourceStmt, SettingStmt, YearValueStmt, PartStmt, FormulaStmt, RangeStmt>;

// 指标 1 "人均预期寿命" { … }.  The name may be left out only when the
// statement adjusts an inherited indicator.
struct IndicatorStmt {
  Token head;
  Token number;
  boost::optional<Token> name;
  std::vector<InnerStmt> body;
};

using TopStmt =
    x3::variant<Simple, SourceStmt, SettingStmt, CountStmt, Assignment, IndicatorStmt, RuleStmt>;

}  // namespace healthact::dsl::ast

// An indicator's body has six to ten statements: the parser makes room for
// eight with the first, where growing by doubling moved the statements read
// so far three times and allocated four times an indicator.
template <>
struct boost::spirit::x3::traits::push_back_container<std::vector<healthact::dsl::ast::InnerStmt>> {
  template <typename T>
  static bool call(std::vector<healthact::dsl::ast::InnerStmt>& body, T&& statement) {
    if (body.empty()) body.reserve(8);
    body.push_back(static_cast<T&&>(statement));
    return true;
  }
};

BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::Item, comparator, body, unit)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::Operation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::Expr, first, rest)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::Simple, head, argument)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::SourceStmt, head, document, locator)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::SettingStmt, head, value)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::CountStmt, head, name, unit)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::Assignment, head, subject, value)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::YearValueStmt, head, year, value, source)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::PartStmt, head, number, name)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::RoundSpec, head, places, rule)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::FormulaStmt, head, expression, round)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::IndicatorStmt, head, number, name, body)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::RangeStmt, head, low, high)
BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::RuleStmt, head, severity, left, comparator, right,
                          message)

#endif  // HEALTHACT_SRC_DSL_AST_HPP_
