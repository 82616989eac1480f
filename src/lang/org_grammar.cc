// The organisation grammar in Boost.Spirit X3, on the lexical layer of
// lexical.hpp.
#include "lang/org_grammar.hpp"

#include "lang/lexical.hpp"
#include "lang/org_vocabulary.hpp"

namespace healthact::dsl {
namespace {

using OrgKeywords = KeywordParser<decltype(kOrgKeywords)>;
constexpr OrgKeywords any_org_keyword(kOrgKeywords, ~std::uint64_t{0});

const auto head_token = x3::rule<class org_head_id, ast::Token>{"a statement"} =
    x3::raw[x3::lexeme[any_org_keyword]][set_token];

// An argument: a quoted string, or a word that is not a keyword, so that the
// statement on the next line is never taken for an argument.
const auto bare_word = x3::rule<class org_bare_word_id, ast::Token>{"a word"} =
    x3::raw[x3::lexeme[!any_org_keyword >> +NotIn(kWordEnd)]][set_token];
const auto argument_token = x3::rule<class org_argument_id, ast::Token>{"an argument"} =
    string_token | bare_word;

const x3::rule<class org_block_end_id> block_end = "end of block";
const auto block_end_def = x3::lit('}');
BOOST_SPIRIT_DEFINE(block_end)

const x3::rule<class org_statement_id, ast::OrgStatement> org_statement = "statement";
const x3::rule<class org_block_id, std::vector<ast::OrgStatement>> block = "block";
const auto org_statement_def = head_token >> *argument_token >> -block;
const auto block_def = x3::lit('{') > *org_statement > block_end;
BOOST_SPIRIT_DEFINE(org_statement, block)

}  // namespace

bool StartsOrgStatement(std::string_view text, std::size_t offset) {
  Iterator first = text.data() + offset;
  Iterator last = text.data() + text.size();
  return x3::phrase_parse(first, last, any_org_keyword, In(kLineSpace));
}

StatementResult ParseOrgStatement(std::string_view text, std::size_t& offset,
                                  ast::OrgStatement& out, SyntaxError& error) {
  return ParseOneStatement(text, offset, org_statement, out, error, StartsOrgStatement,
                           messages::Noop("组织, 来源, 辖区, 职务, 任职 or 委员会"), messages::Noop("a statement"));
}

}  // namespace healthact::dsl
