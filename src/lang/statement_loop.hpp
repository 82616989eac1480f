// Parsing a text statement by statement: each syntax error becomes a
// diagnostic and parsing resumes at the next line that begins a statement, so
// that one mistake does not hide the rest.  Shared by both languages.
// Internal header.
#ifndef HEALTHACT_SRC_DSL_STATEMENT_LOOP_HPP_
#define HEALTHACT_SRC_DSL_STATEMENT_LOOP_HPP_

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "lang/grammar.hpp"
#include "healthact/core/diagnostic.hpp"

namespace healthact::dsl {

inline Diagnostic MakeDiagnostic(DiagnosticCode code, std::string_view file, const utf8::LineIndex& lines,
                                 std::size_t offset, std::string message) {
  const utf8::LineColumn where = lines.At(offset);
  return Diagnostic{code, SeverityOf(code), std::string(file), where.line, where.column,
                    std::move(message)};
}
// The same for one diagnostic of a text.
inline Diagnostic MakeDiagnostic(DiagnosticCode code, std::string_view file, std::string_view text,
                                 std::size_t offset, std::string message) {
  return MakeDiagnostic(code, file, utf8::LineIndex(text), offset, std::move(message));
}

// `parse_one(text, offset, statement, error)` parses one statement;
// `starts_statement(text, offset)` says whether a line begins one.
template <typename Statement, typename ParseOne, typename StartsStatement>
std::vector<Statement> ParseStatements(std::string_view text, std::string_view file_name,
                                       ParseOne parse_one, StartsStatement starts_statement,
                                       std::vector<Diagnostic>& diagnostics) {
  std::vector<Statement> statements;
  const utf8::LineIndex lines(text);  // a file of many bad statements places each in one search
  std::size_t offset = 0;
  while (true) {
    Statement statement;
    SyntaxError error;
    const StatementResult result = parse_one(text, offset, statement, error);
    if (result == StatementResult::kEndOfText) break;
    if (result == StatementResult::kParsed) {
      statements.push_back(std::move(statement));
      continue;
    }
    diagnostics.push_back(MakeDiagnostic(error.code, file_name, lines, error.offset, error.message));
    // An unclosed block ends where the next statement begins: resume there.
    if (error.code == DiagnosticCode::kUnclosedBlock && error.offset > offset) {
      offset = error.offset;
      continue;
    }
    // Otherwise resume at the next line that begins a statement.
    std::size_t line = text.find('\n', std::max(offset, error.offset));
    offset = text.size();
    while (line != std::string_view::npos) {
      if (starts_statement(text, line + 1)) {
        offset = line + 1;
        break;
      }
      line = text.find('\n', line + 1);
    }
  }
  return statements;
}

}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_DSL_STATEMENT_LOOP_HPP_
