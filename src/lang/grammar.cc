// The framework grammar in Boost.Spirit X3, on the lexical layer of
// lexical.hpp (which explains how UTF-8 is handled).
#include "lang/grammar.hpp"

#include "lang/lexical.hpp"
#include "lang/vocabulary.hpp"

namespace healthact::dsl {
namespace {

using FrameworkKeywords = KeywordParser<decltype(kKeywords)>;
constexpr FrameworkKeywords KeywordLiteral(Keyword keyword) {
  return FrameworkKeywords(kKeywords, FrameworkKeywords::Bit(keyword));
}
// Any keyword at all: values and names never take a keyword's spelling, so a
// statement on the next line is never swallowed as part of this one.  (The
// table lists 明显下降幅度 before any shorter spelling it could start with.)
constexpr FrameworkKeywords any_keyword(kKeywords, ~std::uint64_t{0});
// The keywords that begin a top-level statement.
constexpr FrameworkKeywords top_keyword(
    kKeywords,
    FrameworkKeywords::Bit(Keyword::kFramework) | FrameworkKeywords::Bit(Keyword::kExtends) |
        FrameworkKeywords::Bit(Keyword::kSource) | FrameworkKeywords::Bit(Keyword::kBasis) |
        FrameworkKeywords::Bit(Keyword::kIndicator) | FrameworkKeywords::Bit(Keyword::kDrop) |
        FrameworkKeywords::Bit(Keyword::kCount) | FrameworkKeywords::Bit(Keyword::kMarkedChange) |
        FrameworkKeywords::Bit(Keyword::kContinuousYears) | FrameworkKeywords::Bit(Keyword::kWeight) |
        FrameworkKeywords::Bit(Keyword::kPartialCredit) | FrameworkKeywords::Bit(Keyword::kGrade) |
        FrameworkKeywords::Bit(Keyword::kDepartmentWeight) |
        FrameworkKeywords::Bit(Keyword::kTaskCredit) | FrameworkKeywords::Bit(Keyword::kRule));

auto Head(Keyword keyword) {
  return x3::rule<class head_id, ast::Token>{"keyword"} =
             x3::raw[KeywordLiteral(keyword)][set_token];
}

const auto number_token = x3::rule<class number_id, ast::Token>{"a number"} =
    x3::raw[x3::lexeme[-In(kSigns) >> +In(kNumberChars)]][set_token];

const auto year_token = x3::rule<class year_id, ast::Token>{"a year"} =
    x3::raw[x3::lexeme[+In(kDigits)]][set_token];

const auto label_token = x3::rule<class label_id, ast::Token>{"an indicator number"} =
    x3::raw[x3::lexeme[+In(kNumberChars)]][set_token];

const auto word_token = x3::rule<class word_id, ast::Token>{"a word"} =
    x3::raw[x3::lexeme[!any_keyword >> +NotIn(kWordEnd)]][set_token];

const auto name_token = x3::rule<class name_id, ast::Token>{"a name"} =
    x3::raw[x3::lexeme[!any_keyword >> +NotIn(kNameEnd)]][set_token];

const auto comparator_token = x3::rule<class comparator_id, ast::Token>{"a comparator"} =
    x3::raw[x3::lit("<=") | ">=" | "≤" | "≥" | "≦" | "≧" | "＜" | "＞" | "＝" | "<" | ">" |
            "="][set_token];

// A unit written right after a number, on the same line: "74.6岁", "≥90 %".
const auto unit_suffix = x3::rule<class unit_suffix_id, ast::Token>{"a unit"} =
    x3::raw[x3::no_skip[!any_keyword >> +NotIn(kWordEnd)]][set_token];

const auto item = x3::rule<class item_id, ast::Item>{"a value"} =
    -comparator_token >> (number_token | word_token) >>
    -(x3::no_skip[*In(kLineSpace)] >> unit_suffix);

const auto part_separator = x3::lit("，") | ',';
const auto value = x3::rule<class value_id, ast::Value>{"a value"} = item % part_separator;

// --- Formulas -----------------------------------------------------------------------
const auto add_operator = x3::rule<class add_op_id, ast::Token>{"+ or -"} =
    x3::raw[x3::lit('+') | '-'][set_token];
const auto multiply_operator = x3::rule<class mul_op_id, ast::Token>{"* or /"} =
    x3::raw[x3::lit('*') | '/' | "×" | "÷"][set_token];

const x3::rule<class expression_id, ast::Expr> expression = "a formula";
const x3::rule<class term_id, ast::Expr> term = "a formula term";
const x3::rule<class factor_id, ast::Operand> factor = "a count name, a number or (";
const auto expression_def = term >> *(add_operator >> term);
const auto term_def = factor >> *(multiply_operator >> factor);
// A rule's reference to a figure: [3], [25.1], [活产数], 上年[3] (last year's).
const auto reference_token = x3::rule<class reference_id, ast::Token>{"a reference [number]"} =
    x3::raw[x3::lexeme[-(x3::lit("上年") | "prior") >> '[' >> +NotIn(U"[]\r\n\"") >> ']']]
           [set_token];
const auto factor_def = reference_token | number_token | name_token | ('(' > expression > ')');
BOOST_SPIRIT_DEFINE(expression, term, factor)

// --- Statements ---------------------------------------------------------------------
const auto source_statement = x3::rule<class source_id, ast::SourceStmt>{"来源"} =
    Head(Keyword::kSource) > string_token > -string_token;

// A citation for one target must stand on the target's own line; a 来源 on
// the next line belongs to the indicator.
const auto same_line_source =
    x3::no_skip[*In(kLineSpace) >> &KeywordLiteral(Keyword::kSource)] >> source_statement;

const auto simple_statement = x3::rule<class simple_id, ast::Simple>{"statement"} =
    ((Head(Keyword::kFramework) | Head(Keyword::kExtends) | Head(Keyword::kBasis) |
      Head(Keyword::kAction)) >
     string_token) |
    (Head(Keyword::kDrop) > label_token) | (Head(Keyword::kPartialCredit) > word_token);

const auto property_statement = x3::rule<class property_id, ast::Simple>{"statement"} =
    ((Head(Keyword::kUnit) | Head(Keyword::kDirection) | Head(Keyword::kCategory) |
      Head(Keyword::kBinding) | Head(Keyword::kAggregateWeight)) > word_token) |
    (Head(Keyword::kAction) > string_token);

// 权重 1 10, 权重 "《…》" 40, 等级 优秀 90, 部门考核 任务 60, 任务得分 逾期完成 50.
const auto assignment_statement = x3::rule<class assignment_id, ast::Assignment>{"statement"} =
    (Head(Keyword::kWeight) > (label_token | string_token) > number_token) |
    ((Head(Keyword::kGrade) | Head(Keyword::kDepartmentWeight) | Head(Keyword::kTaskCredit)) >
     word_token > number_token);

const auto setting_statement = x3::rule<class setting_id, ast::SettingStmt>{"statement"} =
    (Head(Keyword::kMarkedChange) | Head(Keyword::kContinuousYears)) > item;

const auto count_statement = x3::rule<class count_id, ast::CountStmt>{"计数"} =
    Head(Keyword::kCount) > name_token > word_token;

const auto year_value_statement = x3::rule<class year_value_id, ast::YearValueStmt>{"statement"} =
    (Head(Keyword::kBaseline) | Head(Keyword::kTarget)) > (year_token | word_token) > value >
    -same_line_source;

const auto part_statement = x3::rule<class part_id, ast::PartStmt>{"分项"} =
    Head(Keyword::kPart) > label_token > string_token;

const auto round_spec = x3::rule<class round_id, ast::RoundSpec>{"保留"} =
    Head(Keyword::kRound) > year_token > -word_token;

const auto formula_statement = x3::rule<class formula_id, ast::FormulaStmt>{"公式"} =
    Head(Keyword::kFormula) > expression > -round_spec;

// 范围 0 24.
const auto range_statement = x3::rule<class range_id, ast::RangeStmt>{"范围"} =
    Head(Keyword::kRange) > (number_token | word_token) > (number_token | word_token);

constexpr std::uint64_t Bits(std::initializer_list<Keyword> keywords) {
  std::uint64_t bits = 0;
  for (const Keyword keyword : keywords) bits |= FrameworkKeywords::Bit(keyword);
  return bits;
}
// The keywords that begin each statement, as its rule reads them.
constexpr std::uint64_t kSimpleHeads = Bits({Keyword::kFramework, Keyword::kExtends, Keyword::kBasis, Keyword::kAction,
                                             Keyword::kDrop, Keyword::kPartialCredit});
constexpr std::uint64_t kPropertyHeads = Bits({Keyword::kUnit, Keyword::kDirection, Keyword::kCategory,
                                               Keyword::kBinding, Keyword::kAggregateWeight, Keyword::kAction});
constexpr std::uint64_t kSettingHeads = Bits({Keyword::kMarkedChange, Keyword::kContinuousYears});
constexpr std::uint64_t kAssignmentHeads =
    Bits({Keyword::kWeight, Keyword::kGrade, Keyword::kDepartmentWeight, Keyword::kTaskCredit});

const auto inner_statement = x3::rule<class inner_id, ast::InnerStmt>{"statement"} = KeywordDispatch(
    any_keyword,
    {kPropertyHeads, Bits({Keyword::kBaseline, Keyword::kTarget}), Bits({Keyword::kPart}), Bits({Keyword::kFormula}),
     kSettingHeads, Bits({Keyword::kSource}), Bits({Keyword::kRange})},
    property_statement, year_value_statement, part_statement, formula_statement, setting_statement, source_statement,
    range_statement);

// 校验 错误 [3] ≥ [2] "message".
const auto rule_statement = x3::rule<class rule_id, ast::RuleStmt>{"校验"} =
    Head(Keyword::kRule) > word_token > expression > comparator_token > expression >
    -string_token;

const x3::rule<class block_end_id> block_end = "end of block";
const auto block_end_def = x3::lit('}');
BOOST_SPIRIT_DEFINE(block_end)

const auto indicator_statement = x3::rule<class indicator_id, ast::IndicatorStmt>{"指标"} =
    Head(Keyword::kIndicator) > label_token > -string_token > '{' > *inner_statement > block_end;

const auto top_statement = x3::rule<class top_id, ast::TopStmt>{"statement"} = KeywordDispatch(
    any_keyword,
    {kSimpleHeads, Bits({Keyword::kSource}), kSettingHeads, Bits({Keyword::kCount}), kAssignmentHeads,
     Bits({Keyword::kIndicator}), Bits({Keyword::kRule})},
    simple_statement, source_statement, setting_statement, count_statement, assignment_statement,
    indicator_statement, rule_statement);

}  // namespace

std::size_t NextTokenOffset(std::string_view text, std::size_t offset) { return SkipSpace(text, offset); }

bool StartsTopStatement(std::string_view text, std::size_t offset) {
  Iterator first = text.data() + offset;
  Iterator last = text.data() + text.size();
  return x3::phrase_parse(first, last, top_keyword, In(kLineSpace));
}

StatementResult ParseTopStatement(std::string_view text, std::size_t& offset, ast::TopStmt& out,
                                  SyntaxError& error) {
  return ParseOneStatement(
      text, offset, top_statement, out, error, StartsTopStatement,
      messages::Noop("框架, 继承, 来源, 依据, 专项行动, 指标, 删除, 计数, 明显下降幅度, 持续下降年数, 权重, 部分得分, 等级, "
                   "部门考核, 任务得分 or 校验"),
      messages::Noop("单位, 方向, 类别, 属性, 基期, 目标, 分项, 公式, 来源, 明显下降幅度, 持续下降年数, 汇总权重 or 范围"));
}

}  // namespace healthact::dsl
