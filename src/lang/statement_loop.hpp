// Parsing a text statement by statement: each syntax error becomes a
// diagnostic and parsing resumes at the next line that begins a statement, so
// that one mistake does not hide the rest; a large text on two cores at once.
// Shared by both languages.
// Internal header.
#ifndef HEALTHACT_SRC_DSL_STATEMENT_LOOP_HPP_
#define HEALTHACT_SRC_DSL_STATEMENT_LOOP_HPP_

#include <algorithm>
#include <exception>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "core/utf8.hpp"
#include "lang/grammar.hpp"
#include "healthact/core/diagnostic.hpp"
#include "healthact/core/language.hpp"

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
// `starts_statement(text, offset)` says whether a line begins one.  Parses
// the statements that begin at or after `offset` and before `end`, and
// returns where the first one at or after `end` begins (or the text's end).
template <typename Statement, typename ParseOne, typename StartsStatement>
std::size_t ParseStatementsBefore(std::string_view text, std::string_view file_name, std::size_t offset,
                                  std::size_t end, ParseOne parse_one, StartsStatement starts_statement,
                                  std::vector<Statement>& statements, std::vector<Diagnostic>& diagnostics) {
  const utf8::LineIndex lines(text);  // a file of many bad statements places each in one search
  while ((offset = NextTokenOffset(text, offset)) < end) {
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
  return std::min(offset, text.size());
}

// A text this large is parsed in two halves at once (see ParseStatements).
// A framework of 10 000 indicators is 2 MB; the documents' are 10 to 20 KB,
// and stay on one thread.
inline constexpr std::size_t kTwoCoreTextBytes = std::size_t{256} << 10;

// Where a second thread may begin: the first token of a line after the
// middle that starts at the line's beginning and begins a statement, or
// nullopt.  A guess: ParseStatements checks it.
template <typename StartsStatement>
std::optional<std::size_t> SecondHalf(std::string_view text, StartsStatement starts_statement) {
  for (std::size_t line = text.find('\n', text.size() / 2); line != std::string_view::npos && line + 1 < text.size();
       line = text.find('\n', line + 1)) {
    const char first = text[line + 1];
    if (first != ' ' && first != '\t' && first != '\n' && first != '#' && starts_statement(text, line + 1)) {
      return line + 1;
    }
  }
  return std::nullopt;
}

// Every statement of the text, in order, each syntax error a diagnostic.
//
// A large text on a machine of two cores or more is read in two halves at
// once.  The statements do not depend on one another, so the second half's
// are those a single pass would read, provided that the single pass would
// begin a statement exactly where the second half begins.  The first half's
// reading says whether it does: it stops at the first statement that begins
// at or after that place, and if that statement begins anywhere else (a
// block left open, a line that only looked like a statement's beginning),
// the second thread's work is dropped and the first goes on alone.  The
// diagnostics come out in the order a single pass gives them, in the
// caller's language.
template <typename Statement, typename ParseOne, typename StartsStatement>
std::vector<Statement> ParseStatements(std::string_view text, std::string_view file_name,
                                       ParseOne parse_one, StartsStatement starts_statement,
                                       std::vector<Diagnostic>& diagnostics) {
  // Reads the statements that begin in [from, to) into `into` and `found`.
  const auto read = [&](std::size_t from, std::size_t to, std::vector<Statement>& into,
                        std::vector<Diagnostic>& found) {
    return ParseStatementsBefore(text, file_name, from, to, parse_one, starts_statement, into, found);
  };
  std::vector<Statement> statements;
  const std::optional<std::size_t> cut =
      text.size() >= kTwoCoreTextBytes && std::thread::hardware_concurrency() >= 2
          ? SecondHalf(text, starts_statement)
          : std::nullopt;
  std::vector<Statement> second;
  std::vector<Diagnostic> second_diagnostics;
  std::exception_ptr failure;
  std::jthread helper;
  if (cut) {
    try {
      helper = std::jthread([&, language = CurrentLanguage()] {
        try {
          SetCurrentLanguage(language);  // a thread's language is its own
          read(*cut, text.size(), second, second_diagnostics);
        } catch (...) {
          failure = std::current_exception();
        }
      });
    } catch (const std::system_error&) {  // no thread to be had: one pass
    }
  }
  if (!helper.joinable()) {
    read(0, text.size(), statements, diagnostics);
    return statements;
  }
  const std::size_t reached = read(0, *cut, statements, diagnostics);
  helper.join();
  if (failure) std::rethrow_exception(failure);
  if (reached != *cut) {  // the single pass does not begin a statement there
    read(reached, text.size(), statements, diagnostics);
    return statements;
  }
  statements.reserve(statements.size() + second.size());
  std::move(second.begin(), second.end(), std::back_inserter(statements));
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(second_diagnostics.begin()),
                     std::make_move_iterator(second_diagnostics.end()));
  return statements;
}

}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_DSL_STATEMENT_LOOP_HPP_
