// The X3 grammar of organisation texts, behind a plain interface.
#ifndef HEALTHACT_SRC_DSL_ORG_GRAMMAR_HPP_
#define HEALTHACT_SRC_DSL_ORG_GRAMMAR_HPP_

#include <string_view>

#include "lang/grammar.hpp"
#include "lang/org_ast.hpp"

namespace healthact::dsl {

StatementResult ParseOrgStatement(std::string_view text, std::size_t& offset,
                                  ast::OrgStatement& out, SyntaxError& error);
bool StartsOrgStatement(std::string_view text, std::size_t offset);

}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_DSL_ORG_GRAMMAR_HPP_
