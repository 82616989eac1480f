// The syntax tree of an organisation text: statements of the form
//   KEYWORD argument* [ { statement* } ]
// An argument is a quoted string or a word; the checker gives each keyword
// its meaning.  Internal header.
#ifndef HEALTHACT_SRC_DSL_ORG_AST_HPP_
#define HEALTHACT_SRC_DSL_ORG_AST_HPP_

#include <vector>

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/optional.hpp>

#include "lang/ast.hpp"

namespace healthact::dsl::ast {

struct OrgStatement {
  Token head;
  std::vector<Token> arguments;
  std::vector<OrgStatement> body;  // empty: no block
};

}  // namespace healthact::dsl::ast

BOOST_FUSION_ADAPT_STRUCT(healthact::dsl::ast::OrgStatement, head, arguments, body)

#endif  // HEALTHACT_SRC_DSL_ORG_AST_HPP_
