// The lexical layer shared by the X3 grammars of the library (frameworks,
// organisations): white space and comments, one UTF-8 code point, tokens
// with their byte offsets, quoted strings, and keywords read from a
// vocabulary table.
//
// X3 does not decode UTF-8, and its `standard` character classes assert on
// bytes >= 0x80 (strict_ischar in Boost 1.74).  So the grammars never use
// them: they work on the bytes of validated UTF-8 text with CodePoint, which
// decodes one code point and tests it against a set.  Multi-byte symbols
// (≤ ≥ ＞ ，) are matched as byte-string literals.
//
// Internal header for grammar .cc files only.  Everything is in an anonymous
// namespace on purpose: it defines X3 rules, and each grammar file must own
// its copy (rule IDs and definitions that differ between files would
// otherwise break the one-definition rule).
#ifndef HEALTHACT_SRC_DSL_LEXICAL_HPP_
#define HEALTHACT_SRC_DSL_LEXICAL_HPP_

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include <boost/spirit/home/x3.hpp>

#include "healthact/core/messages.hpp"
#include "core/utf8.hpp"
#include "lang/ast.hpp"
#include "lang/grammar.hpp"

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
    U" \t\r\n\v\f\u3000\u00A0\uFEFF\"{}#,，+-*/()×÷<>=≤≥≦≧＜＞＝[]";

// One code point in (or, with member=false, not in) a set.  ASCII members are
// kept in a bitmap, so the common case (ASCII white space, digits, braces)
// costs one table look-up; the few non-ASCII members are searched in order.
struct CodePoint : x3::parser<CodePoint> {
  using attribute_type = x3::unused_type;

  constexpr CodePoint(std::u32string_view set, bool member) : set(set), member(member) {
    for (char32_t cp : set) {
      if (cp < 128) {
        ascii[cp / 64] |= std::uint64_t{1} << (cp % 64);
      } else {
        const unsigned lead = cp < 0x800 ? 0xC0 | (cp >> 6) : cp < 0x10000 ? 0xE0 | (cp >> 12) : 0xF0 | (cp >> 18);
        leads[lead / 64 - 2] |= std::uint64_t{1} << (lead % 64);
      }
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
    // No member begins with this byte (most ideographs): not in the set,
    // and the text, valid UTF-8, says the character's length by its lead.
    if (((leads[lead / 64 - 2] >> (lead % 64)) & 1) == 0) {
      if (member) return false;
      const std::ptrdiff_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (last - first < length) return false;
      first += length;
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
  std::uint64_t leads[2] = {0, 0};  // the lead bytes (0x80..0xFF) of the members beyond ASCII
};
constexpr CodePoint In(std::u32string_view set) { return CodePoint(set, true); }
constexpr CodePoint NotIn(std::u32string_view set) { return CodePoint(set, false); }

// --- Skipper: white space and # comments --------------------------------------
// The white space of kSpace and comments from # to the end of the line, all
// of a run in one call.  Every token skips first, and an alternative that
// fails skips again, so this runs several times a token: by bytes, not
// through CodePoint's decoding (the text is valid UTF-8, so a comment ends
// at the first '\n' byte).  It was a fifth of parsing.
struct Skipper : x3::parser<Skipper> {
  using attribute_type = x3::unused_type;
  // The first bytes of what it skips: ASCII white space, '#', and the lead
  // bytes of U+00A0, U+3000 and U+FEFF.
  static constexpr std::array<bool, 256> kMayBeginSpace = [] {
    std::array<bool, 256> may{};
    for (const unsigned char c : {' ', '\t', '\n', '\r', '\v', '\f', '#'}) may[c] = true;
    may[0xC2] = may[0xE3] = may[0xEF] = true;
    return may;
  }();

  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const&, RContext&, Attribute&) const {
    // X3 asks before every token and every alternative, mostly where no space
    // is: one look-up rules out the bytes that cannot begin one.
    if (first == last || !kMayBeginSpace[static_cast<unsigned char>(*first)]) return false;
    It at = first;
    while (at != last) {
      const auto c = static_cast<unsigned char>(*at);
      const std::ptrdiff_t left = last - at;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
        ++at;
      } else if (c == '#') {
        while (at != last && *at != '\n') ++at;
      } else if (c == 0xC2 && left >= 2 && static_cast<unsigned char>(at[1]) == 0xA0) {  // U+00A0
        at += 2;
      } else if (left >= 3 && ((c == 0xE3 && static_cast<unsigned char>(at[1]) == 0x80 &&
                                static_cast<unsigned char>(at[2]) == 0x80) ||  // U+3000
                               (c == 0xEF && static_cast<unsigned char>(at[1]) == 0xBB &&
                                static_cast<unsigned char>(at[2]) == 0xBF))) {  // U+FEFF
        at += 3;
      } else {
        break;
      }
    }
    if (at == first) return false;
    first = at;
    return true;
  }
};
const Skipper skipper;
static_assert(kSpace == U" \t\r\n\v\f\u3000\u00A0\uFEFF", "Skipper spells out these spaces byte by byte");

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
  text.reserve(static_cast<std::size_t>(range.end() - range.begin()));  // one allocation, not one per doubling
  for (Iterator it = range.begin() + 1; it + 1 < range.end(); ++it) {
    if (*it == '\\') ++it;
    text += *it;
  }
  x3::_val(ctx) = MakeToken(range.begin(), x3::get<source_begin_tag>(ctx), std::move(text));
  x3::_val(ctx).quoted = true;
};

// Which spellings of a keyword table stand at one position of the text.  A
// statement tries its alternatives in turn, and each begins with a keyword
// parser that would test the table's every spelling again at the same place
// (an indicator's body tries up to fifteen before it finds 目标); the first
// test records what is there, and the others read it.  One memo lives for one
// statement's parse (ParseOneStatement), so the text cannot change under it.
struct keyword_memo_tag;
struct KeywordMemo {
  static constexpr std::size_t kMaxSpellings = 64;  // `matched` is a bit set of table rows
  const void* table = nullptr;  // the table it was tested against
  const char* at = nullptr;     // the position tested last (after white space)
  std::uint64_t matched = 0;  // the rows of the table whose spelling stands there
  std::array<std::uint8_t, kMaxSpellings> length{};  // and its length in bytes
};

// Keywords, straight from a vocabulary table (an array of {keyword, chinese,
// ascii}): the Chinese spelling, or the ASCII alias as a whole word.
// `allowed` is a bit set of the table's keyword values.  The first row of
// the table, in order, that is allowed and stands at the position matches.
template <typename Table>
struct KeywordParser : x3::parser<KeywordParser<Table>> {
  using attribute_type = x3::unused_type;
  static_assert(std::tuple_size_v<Table> <= KeywordMemo::kMaxSpellings);

  constexpr KeywordParser(const Table& table, std::uint64_t allowed)
      : table(&table), allowed(allowed) {}

  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const& context, RContext&, Attribute&) const {
    return Find(first, last, context) >= 0;
  }

  // The keyword (its value as an int) that stands at `first` after white
  // space, or -1; `first` does not move.
  template <typename It, typename Context>
  int Peek(It first, It const& last, Context const& context) const {
    const int row = Find(first, last, context);
    return row < 0 ? -1 : static_cast<int>((*table)[row].keyword);
  }

 private:
  // Skips white space, then the first row of the table (in its order) that is
  // allowed and stands there; that row, or -1 with `first` after the space.
  template <typename It, typename Context>
  int Find(It& first, It const& last, Context const& context) const {
    x3::skip_over(first, last, context);
    if (first == last) return -1;
    const std::string_view rest(first, static_cast<std::size_t>(last - first));
    auto&& memo = x3::get<keyword_memo_tag>(context);
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(memo)>, KeywordMemo>) {
      if (memo.at != first || memo.table != table) {
        memo.table = table;
        memo.at = first;
        memo.matched = 0;
        for (std::uint64_t rows = Candidates(rest); rows != 0; rows &= rows - 1) {
          const int row = std::countr_zero(rows);
          if (const std::size_t n = Length((*table)[row], rest)) {
            memo.matched |= std::uint64_t{1} << row;
            memo.length[row] = static_cast<std::uint8_t>(n);
          }
        }
      }
      for (std::uint64_t rows = memo.matched; rows != 0; rows &= rows - 1) {
        const int row = std::countr_zero(rows);
        if ((allowed & Bit((*table)[row].keyword)) == 0) continue;
        first += memo.length[row];
        return row;
      }
      return -1;
    } else {  // a parse without a memo: StartsTopStatement's one test
      for (std::size_t row = 0; row < table->size(); ++row) {
        if ((allowed & Bit((*table)[row].keyword)) == 0) continue;
        if (const std::size_t n = Length((*table)[row], rest)) {
          first += n;
          return static_cast<int>(row);
        }
      }
      return -1;
    }
  }

 public:
  // The rows of the table whose spelling may stand at the start of `rest`:
  // those whose Chinese or ASCII spelling begins with its first two bytes
  // (looked up by a hash of them), or every row before a text of one byte.
  // (Made once for each Table type: a type has one table, kKeywords or
  // kOrgKeywords.)
  std::uint64_t Candidates(std::string_view rest) const {
    static const std::array<std::uint64_t, 256> by_start = [this] {
      std::array<std::uint64_t, 256> rows{};
      for (std::size_t row = 0; row < table->size(); ++row) {
        const auto& words = (*table)[row];
        for (const std::string_view spelling : {std::string_view(words.chinese), std::string_view(words.ascii)}) {
          if (spelling.size() < 2) {
            rows.fill(AllRows());  // a spelling of one byte: test every row
            return rows;
          }
          rows[StartHash(spelling)] |= std::uint64_t{1} << row;
        }
      }
      return rows;
    }();
    if (rest.size() < 2) return AllRows();
    return by_start[StartHash(rest)];
  }
  static constexpr std::uint64_t AllRows() {
    constexpr std::size_t kRows = std::tuple_size_v<Table>;
    return kRows == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << kRows) - 1;
  }
  static std::size_t StartHash(std::string_view text) {
    return (static_cast<unsigned char>(text[0]) * 31u + static_cast<unsigned char>(text[1])) & 255u;
  }

  // The length of `spelling` at the start of `rest`, or 0 when it is not there.
  template <typename Spelling>
  static std::size_t Length(const Spelling& spelling, std::string_view rest) {
    // Most keywords share a lead byte (CJK is E4..E9): their first three
    // bytes, one ideograph, rule out nearly all before a whole comparison.
    if (!SameStart(rest, spelling.chinese) && spelling.ascii[0] != rest[0]) return 0;
    // A Chinese keyword is a whole word: not the start of a longer one
    // (办公室 is not matched in 办公室会议), though "目标2022" still reads.
    if (rest.starts_with(spelling.chinese) && !StartsWithIdeograph(rest.substr(spelling.chinese.size()))) {
      return spelling.chinese.size();
    }
    if (rest.starts_with(spelling.ascii) &&
        (rest.size() == spelling.ascii.size() || !IsAsciiWordChar(rest[spelling.ascii.size()]))) {
      return spelling.ascii.size();
    }
    return 0;
  }

  template <typename Enum>
  static constexpr std::uint64_t Bit(Enum keyword) {
    return std::uint64_t{1} << static_cast<int>(keyword);
  }
  static bool SameStart(std::string_view rest, std::string_view word) {
    const std::size_t n = std::min<std::size_t>(3, word.size());
    if (n == 0 || rest.size() < n) return false;
    for (std::size_t i = 0; i < n; ++i) {
      if (rest[i] != word[i]) return false;
    }
    return true;
  }
  // U+4E00..U+9FFF (CJK Unified Ideographs) is E4 B8 80 .. E9 BF BF.
  static bool StartsWithIdeograph(std::string_view text) {
    if (text.size() < 3) return false;
    const auto lead = static_cast<unsigned char>(text[0]);
    const auto second = static_cast<unsigned char>(text[1]);
    return (lead == 0xE4 && second >= 0xB8) || (lead >= 0xE5 && lead <= 0xE9);
  }
  static bool IsAsciiWordChar(char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  const Table* table;
  std::uint64_t allowed;
};

// One of several statements, chosen by the keyword that begins it: each
// branch is a set of keywords (a bit set of their values) and the rule that
// reads a statement they begin.  Every statement commits once its keyword is
// read (the grammar's '>'), so trying only the branch of the keyword found
// is what an alternative of them all would do, without making and dropping
// the attributes of the branches that do not begin there.
template <typename Keywords, typename... Rules>
struct KeywordDispatch : x3::parser<KeywordDispatch<Keywords, Rules...>> {
  constexpr KeywordDispatch(Keywords keywords, std::array<std::uint64_t, sizeof...(Rules)> masks, Rules... rules)
      : keywords(keywords), masks(masks), rules(rules...) {}

  template <typename It, typename Context, typename RContext, typename Attribute>
  bool parse(It& first, It const& last, Context const& context, RContext& rcontext, Attribute& attribute) const {
    const int keyword = keywords.Peek(first, last, context);
    if (keyword < 0) return false;
    return ParseBranch<0>(std::uint64_t{1} << keyword, first, last, context, rcontext, attribute);
  }

  template <std::size_t I, typename It, typename Context, typename RContext, typename Attribute>
  bool ParseBranch(std::uint64_t keyword, It& first, It const& last, Context const& context, RContext& rcontext,
                   Attribute& attribute) const {
    if constexpr (I == sizeof...(Rules)) {
      return false;
    } else {
      if ((masks[I] & keyword) == 0) {
        return ParseBranch<I + 1>(keyword, first, last, context, rcontext, attribute);
      }
      const auto& rule = std::get<I>(rules);
      typename std::remove_cvref_t<decltype(rule)>::attribute_type value;
      if (!rule.parse(first, last, context, rcontext, value)) return false;
      attribute = std::move(value);
      return true;
    }
  }

  Keywords keywords;
  std::array<std::uint64_t, sizeof...(Rules)> masks;
  std::tuple<Rules...> rules;
};

const x3::rule<class closing_quote_id> closing_quote = "closing quote";
const auto closing_quote_def = x3::lit('"');
BOOST_SPIRIT_DEFINE(closing_quote)

const auto string_token = x3::rule<class string_id, ast::Token>{"a quoted text (\"…\")"} =
    x3::raw[x3::lexeme['"' > *((x3::lit('\\') > In(U"\"\\")) | NotIn(U"\"\\\n")) > closing_quote]]
           [set_string_token];

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

// Explains an expectation failure of X3 as a diagnostic: an unterminated
// string, a block that is not closed (`block_end` is the name of the rule
// that closes blocks), an unknown statement inside a block, or "expected …".
template <typename StartsTop>
SyntaxError ExplainExpectation(std::string_view text, std::size_t where, const std::string& which,
                               StartsTop starts_top, std::string_view block_end,
                               std::string_view block_statements) {
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
    error.message = messages::Tr("unterminated string: the closing '\"' is missing before the end of the line");
    return error;
  }
  if (which == block_end) {
    error.offset = at;
    if (at >= text.size() || starts_top(text, at)) {
      error.code = DiagnosticCode::kUnclosedBlock;
      error.message = messages::Tr("block is not closed: '}' expected");
    } else {
      error.code = DiagnosticCode::kUnknownStatement;
      error.message = messages::Format("unknown statement '$0' in a block (expected $1 or '}')", found, block_statements);
    }
    return error;
  }
  error.offset = at;
  error.code = DiagnosticCode::kSyntax;
  // `which` is the name of the grammar's rule that failed ("a value"): a word
  // the catalogs translate too.
  const std::string_view what = messages::Tr(which.c_str());
  error.message = found.empty() ? messages::Format("expected $0 before the end of the text", what)
                                : messages::Format("expected $0, found '$1'", what, found);
  return error;
}

// Parses one statement with `rule` at `offset` (after white space and
// comments).  A text that matches no statement is E013 with `expected` as the
// list of statements; an expectation failure is explained as above.  Both
// lists are message ids (messages::Noop), translated only for an error: a
// text of ten thousand statements has none.
template <typename Rule, typename Attribute, typename StartsTop>
StatementResult ParseOneStatement(std::string_view text, std::size_t& offset, const Rule& rule,
                                  Attribute& out, SyntaxError& error, StartsTop starts_top,
                                  const char* expected, const char* block_statements) {
  const std::size_t start = SkipSpace(text, offset);
  if (start >= text.size()) {
    offset = start;
    return StatementResult::kEndOfText;
  }
  Iterator begin = text.data();
  Iterator first = begin + start;
  Iterator last = begin + text.size();
  try {
    KeywordMemo keywords;
    if (x3::phrase_parse(first, last, x3::with<source_begin_tag>(begin)[x3::with<keyword_memo_tag>(keywords)[rule]],
                         skipper, out)) {
      offset = static_cast<std::size_t>(first - begin);
      return StatementResult::kParsed;
    }
    error.offset = start;
    error.code = DiagnosticCode::kUnknownStatement;
    error.message = messages::Format("unknown statement '$0' (expected $1)", TokenAt(text, start), messages::Tr(expected));
    return StatementResult::kError;
  } catch (const x3::expectation_failure<Iterator>& failure) {
    error = ExplainExpectation(text, static_cast<std::size_t>(failure.where() - begin),
                               failure.which(), starts_top, "end of block", messages::Tr(block_statements));
    return StatementResult::kError;
  }
}

}  // namespace
}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_DSL_LEXICAL_HPP_
