// The framework grammar in Boost.Spirit X3.
//
// X3 does not decode UTF-8, and its `standard` character classes assert on
// bytes >= 0x80 (strict_ischar in Boost 1.74).  So this grammar never uses
// them: it works on the bytes of validated UTF-8 text with one primitive of
// its own, CodePoint, which decodes one code point and tests it against a set.
// Multi-byte symbols (≤ ≥ ＞ ，) are matched as byte-string literals.
#include "grammar.hpp"

#include <cstdint>

#include <boost/spirit/home/x3.hpp>

#include "../utf8.hpp"
#include "../strings.hpp"
#include "vocabulary.hpp"

namespace healthact::dsl {
namespace {

namespace x3 = boost::spirit::x3;
using Iterator = const char*;

// Spaces a clerk may paste from a word processor count as white space too.
constexpr std::u32string_view kSpace = U" \t\r\n\v\f\u3000\u00A0\uFEFF";
constexpr std::u32string_view kLineSpace = U" \t\u3000\u00A0";
constexpr std::u32string_view kDigits = U"0123456789０１２３４５６７８９";
constexpr std::u32string_view kNumberChars = U"0123456789０１２３４５６７８９.．";
constexpr std::u32string_view kSigns = U"+-＋－";
// What ends a word: white space and the punctuation of the grammar.
constexpr std::u32string_view kWordEnd = U" \t\r\n\v\f\u3000\u00A0\uFEFF\"{}#,，";
// Formula names end at operators as well.
constexpr std::u32string_view kNameEnd =
    U" \t\r\n\v\f\u3000\u00A0\uFEFF\"{}#,，+-*/()×÷<>=≤≥＜＞＝";

// One code point in (or, with member=false, not in) a set.  ASCII members are
// kept in a bitmap, so the common case (ASCII white space, digits, braces)
// costs one table look-up; the few non-ASCII members are searched in order.
struct CodePoint : x3::parser<CodePoint> {
  using attribute_type = x3::unused_type;

  constexpr CodePoint(std::u32string_view set, bool member) : set(set), member(member) {
    for (char32_t cp : set) {
      if (cp < 128) ascii[cp / 64] |= std::uint64_t{1} << (cp % 64);
    }
  }

  bool Contains(char32_t cp) const {
    if (cp < 128) return (ascii[cp / 64] >> (cp % 64)) & 1;
    return set.find(cp) != std::u32string_view::npos;
  }

  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const& context, RContext&, Attribute&) const {
    x3::skip_over(first, last, context);
    if (first == last) return false;
    const auto lead = static_cast<unsigned char>(*first);
    if (lead < 0x80) {
      if (Contains(lead) != member) return false;
      ++first;
      return true;
    }
    std::string_view rest(first, static_cast<std::size_t>(last - first));
    std::size_t length = 0;
    const char32_t cp = utf8::Next(rest, length);
    if (Contains(cp) != member) return false;
    first += length;
    return true;
  }

  std::u32string_view set;
  bool member;
  std::uint64_t ascii[2] = {0, 0};
};
constexpr CodePoint In(std::u32string_view set) { return CodePoint(set, true); }
constexpr CodePoint NotIn(std::u32string_view set) { return CodePoint(set, false); }

// --- Skipper: white space and # comments --------------------------------------
const auto skipper = In(kSpace) | (x3::lit('#') >> *NotIn(U"\n"));

// --- Tokens -----------------------------------------------------------------------
struct source_begin_tag;

ast::Token MakeToken(Iterator token_begin, Iterator begin, std::string text) {
  return ast::Token{static_cast<std::size_t>(token_begin - begin), std::move(text)};
}

const auto set_token = [](auto& ctx) {
  const auto& range = x3::_attr(ctx);
  x3::_val(ctx) = MakeToken(range.begin(), x3::get<source_begin_tag>(ctx),
                            std::string(range.begin(), range.end()));
};

// A string's token keeps the offset of its opening quote; its text is the
// content with \" and \\ resolved.
const auto set_string_token = [](auto& ctx) {
  const auto& range = x3::_attr(ctx);
  std::string text;
  for (Iterator it = range.begin() + 1; it + 1 < range.end(); ++it) {
    if (*it == '\\') ++it;
    text += *it;
  }
  x3::_val(ctx) = MakeToken(range.begin(), x3::get<source_begin_tag>(ctx), std::move(text));
  x3::_val(ctx).quoted = true;
};

// Keywords, straight from the vocabulary table: the Chinese spelling, or the
// ASCII alias as a whole word.  `allowed` is a bit set of Keyword values.
struct KeywordParser : x3::parser<KeywordParser> {
  using attribute_type = x3::unused_type;

  explicit constexpr KeywordParser(std::uint32_t allowed) : allowed(allowed) {}

  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const& context, RContext&, Attribute&) const {
    x3::skip_over(first, last, context);
    const std::string_view rest(first, static_cast<std::size_t>(last - first));
    if (first == last) return false;
    for (const KeywordSpelling& spelling : kKeywords) {
      if ((allowed & Bit(spelling.keyword)) == 0) continue;
      if (spelling.chinese[0] != *first && spelling.ascii[0] != *first) continue;
      if (rest.starts_with(spelling.chinese)) {
        first += spelling.chinese.size();
        return true;
      }
      if (rest.starts_with(spelling.ascii) &&
          (rest.size() == spelling.ascii.size() || !IsAsciiWordChar(rest[spelling.ascii.size()]))) {
        first += spelling.ascii.size();
        return true;
      }
    }
    return false;
  }

  static constexpr std::uint32_t Bit(Keyword keyword) {
    return std::uint32_t{1} << static_cast<int>(keyword);
  }
  static bool IsAsciiWordChar(char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  std::uint32_t allowed;
};

constexpr KeywordParser KeywordLiteral(Keyword keyword) {
  return KeywordParser(KeywordParser::Bit(keyword));
}
// Any keyword at all: values and names never take a keyword's spelling, so a
// statement on the next line is never swallowed as part of this one.  (The
// table lists 明显下降幅度 before any shorter spelling it could start with.)
constexpr KeywordParser any_keyword(~std::uint32_t{0});
// The keywords that begin a top-level statement.
constexpr KeywordParser top_keyword(
    KeywordParser::Bit(Keyword::kFramework) | KeywordParser::Bit(Keyword::kExtends) |
    KeywordParser::Bit(Keyword::kSource) | KeywordParser::Bit(Keyword::kBasis) |
    KeywordParser::Bit(Keyword::kIndicator) | KeywordParser::Bit(Keyword::kDrop) |
    KeywordParser::Bit(Keyword::kCount) | KeywordParser::Bit(Keyword::kMarkedChange) |
    KeywordParser::Bit(Keyword::kContinuousYears) | KeywordParser::Bit(Keyword::kWeight) |
    KeywordParser::Bit(Keyword::kPartialCredit) | KeywordParser::Bit(Keyword::kGrade));

auto Head(Keyword keyword) {
  return x3::rule<class head_id, ast::Token>{"keyword"} =
             x3::raw[KeywordLiteral(keyword)][set_token];
}

const x3::rule<class closing_quote_id> closing_quote = "closing quote";
const auto closing_quote_def = x3::lit('"');
BOOST_SPIRIT_DEFINE(closing_quote)

const auto string_token = x3::rule<class string_id, ast::Token>{"a quoted text (\"…\")"} =
    x3::raw[x3::lexeme['"' > *((x3::lit('\\') > In(U"\"\\")) | NotIn(U"\"\\\n")) > closing_quote]]
           [set_string_token];

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
const auto factor_def = number_token | name_token | ('(' > expression > ')');
BOOST_SPIRIT_DEFINE(expression, term, factor)

// --- Statements ---------------------------------------------------------------------
const auto source_statement = x3::rule<class source_id, ast::SourceStmt>{"来源"} =
    Head(Keyword::kSource) > string_token > -string_token;

// A citation for one target must stand on the target's own line; a 来源 on
// the next line belongs to the indicator.
const auto same_line_source =
    x3::no_skip[*In(kLineSpace) >> &KeywordLiteral(Keyword::kSource)] >> source_statement;

const auto simple_statement = x3::rule<class simple_id, ast::Simple>{"statement"} =
    ((Head(Keyword::kFramework) | Head(Keyword::kExtends) | Head(Keyword::kBasis)) >
     string_token) |
    (Head(Keyword::kDrop) > label_token) | (Head(Keyword::kPartialCredit) > word_token);

const auto property_statement = x3::rule<class property_id, ast::Simple>{"statement"} =
    (Head(Keyword::kUnit) | Head(Keyword::kDirection) | Head(Keyword::kCategory) |
     Head(Keyword::kBinding) | Head(Keyword::kAggregateWeight)) > word_token;

// 权重 1 10, 权重 "《…》" 40, 等级 优秀 90.
const auto assignment_statement = x3::rule<class assignment_id, ast::Assignment>{"statement"} =
    (Head(Keyword::kWeight) > (label_token | string_token) > number_token) |
    (Head(Keyword::kGrade) > word_token > number_token);

const auto setting_statement = x3::rule<class setting_id, ast::SettingStmt>{"statement"} =
    (Head(Keyword::kMarkedChange) | Head(Keyword::kContinuousYears)) > item;

const auto count_statement = x3::rule<class count_id, ast::CountStmt>{"计数"} =
    Head(Keyword::kCount) > name_token > word_token;

const auto year_value_statement = x3::rule<class year_value_id, ast::YearValueStmt>{"statement"} =
    (Head(Keyword::kBaseline) | Head(Keyword::kTarget)) > year_token > value > -same_line_source;

const auto part_statement = x3::rule<class part_id, ast::PartStmt>{"分项"} =
    Head(Keyword::kPart) > label_token > string_token;

const auto round_spec = x3::rule<class round_id, ast::RoundSpec>{"保留"} =
    Head(Keyword::kRound) > year_token > -word_token;

const auto formula_statement = x3::rule<class formula_id, ast::FormulaStmt>{"公式"} =
    Head(Keyword::kFormula) > expression > -round_spec;

const auto inner_statement = x3::rule<class inner_id, ast::InnerStmt>{"statement"} =
    property_statement | year_value_statement | part_statement | formula_statement |
    setting_statement | source_statement;

const x3::rule<class block_end_id> block_end = "end of indicator";
const auto block_end_def = x3::lit('}');
BOOST_SPIRIT_DEFINE(block_end)

const auto indicator_statement = x3::rule<class indicator_id, ast::IndicatorStmt>{"指标"} =
    Head(Keyword::kIndicator) > label_token > -string_token > '{' > *inner_statement > block_end;

const auto top_statement = x3::rule<class top_id, ast::TopStmt>{"statement"} =
    simple_statement | source_statement | setting_statement | count_statement |
    assignment_statement | indicator_statement;

// The token at `where`, for messages: up to the next white space.
std::string TokenAt(std::string_view text, std::size_t where) {
  std::size_t end = where;
  while (end < text.size() && end - where < 40) {
    std::size_t next = end;
    const char32_t cp = utf8::Next(text, next);
    if (kSpace.find(cp) != std::u32string_view::npos) break;
    end = next;
  }
  return std::string(text.substr(where, end - where));
}

std::size_t SkipSpace(std::string_view text, std::size_t offset) {
  Iterator first = text.data() + offset;
  Iterator last = text.data() + text.size();
  x3::parse(first, last, *skipper);
  return static_cast<std::size_t>(first - text.data());
}

SyntaxError ExplainExpectation(std::string_view text, std::size_t where, const std::string& which) {
  SyntaxError error;
  error.offset = where;
  const std::size_t at = SkipSpace(text, where);
  const std::string found = at < text.size() ? TokenAt(text, at) : std::string();
  if (which == "closing quote") {
    // Point at the opening quote, which is on this line.
    std::size_t open = where;
    while (open > 0 && text[open - 1] != '\n') {
      --open;
      if (text[open] == '"') break;
    }
    error.offset = open;
    error.code = DiagnosticCode::kUnterminatedString;
    error.message = "unterminated string: the closing '\"' is missing before the end of the line";
    return error;
  }
  if (which == "end of indicator") {
    error.offset = at;
    if (at >= text.size() || StartsTopStatement(text, at)) {
      error.code = DiagnosticCode::kUnclosedBlock;
      error.message = "indicator block is not closed: '}' expected";
    } else {
      error.code = DiagnosticCode::kUnknownStatement;
      error.message = text::StrCat("unknown statement '", found,
                                   "' in an indicator (expected 单位, 方向, 类别, 属性, 基期, "
                                   "目标, 分项, 公式, 来源, 明显下降幅度, 持续下降年数, 汇总权重 "
                                   "or '}')");
    }
    return error;
  }
  error.offset = at;
  error.code = DiagnosticCode::kSyntax;
  error.message = found.empty() ? text::StrCat("expected ", which, " before the end of the text")
                                : text::StrCat("expected ", which, ", found '", found, "'");
  return error;
}

}  // namespace

bool StartsTopStatement(std::string_view text, std::size_t offset) {
  Iterator first = text.data() + offset;
  Iterator last = text.data() + text.size();
  return x3::phrase_parse(first, last, top_keyword, In(kLineSpace));
}

StatementResult ParseTopStatement(std::string_view text, std::size_t& offset, ast::TopStmt& out,
                                  SyntaxError& error) {
  const std::size_t start = SkipSpace(text, offset);
  if (start >= text.size()) {
    offset = start;
    return StatementResult::kEndOfText;
  }
  Iterator begin = text.data();
  Iterator first = begin + start;
  Iterator last = begin + text.size();
  try {
    const bool parsed = x3::phrase_parse(
        first, last, x3::with<source_begin_tag>(begin)[top_statement], skipper, out);
    if (parsed) {
      offset = static_cast<std::size_t>(first - begin);
      return StatementResult::kParsed;
    }
    error.offset = start;
    error.code = DiagnosticCode::kUnknownStatement;
    error.message = text::StrCat(
        "unknown statement '", TokenAt(text, start),
        "' (expected 框架, 继承, 来源, 依据, 指标, 删除, 计数, 明显下降幅度, 持续下降年数, 权重, "
        "部分得分 or 等级)");
    return StatementResult::kError;
  } catch (const x3::expectation_failure<Iterator>& failure) {
    error = ExplainExpectation(text, static_cast<std::size_t>(failure.where() - begin),
                               failure.which());
    return StatementResult::kError;
  }
}

}  // namespace healthact::dsl
