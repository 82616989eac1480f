// The Spirit X3 grammar of the framework DSL, behind a plain interface so
// that no X3 header reaches the rest of the library.
#ifndef HEALTHACT_SRC_DSL_GRAMMAR_HPP_
#define HEALTHACT_SRC_DSL_GRAMMAR_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "lang/ast.hpp"
#include "healthact/core/diagnostic.hpp"

namespace healthact::dsl {

struct SyntaxError {
  std::size_t offset = 0;
  DiagnosticCode code = DiagnosticCode::kSyntax;
  std::string message;
};

enum class StatementResult { kParsed, kEndOfText, kError };

// Parses the top-level statement at `offset` (white space and comments before
// it are skipped).  On kParsed, `offset` moves past the statement; on kError,
// `error` says what and where, and `offset` is unchanged.  `text` must be
// valid UTF-8.
StatementResult ParseTopStatement(std::string_view text, std::size_t& offset, ast::TopStmt& out,
                                  SyntaxError& error);

// True when the first token at or after `offset` on its line begins a
// top-level statement; used to resynchronise after a syntax error.
bool StartsTopStatement(std::string_view text, std::size_t offset);

// Where the next token at or after `offset` begins: past white space and
// comments, as both languages skip them.
std::size_t NextTokenOffset(std::string_view text, std::size_t offset);

}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_DSL_GRAMMAR_HPP_
