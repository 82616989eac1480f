// ParseFramework: validates the text, parses it statement by statement
// (recovering after a syntax error at the next top-level statement, so that
// one mistake does not hide the rest), resolves 继承, and runs the checker.
#include <algorithm>
#include <string>
#include <vector>

#include "healthact/core/messages.hpp"
#include "core/strings.hpp"
#include "core/text_limits.hpp"
#include "core/utf8.hpp"
#include "healthact/core/limits.hpp"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "lang/checker.hpp"
#include "lang/grammar.hpp"
#include "lang/statement_loop.hpp"
#include "healthact/lang/dsl.hpp"
#include "lang/vocabulary.hpp"

namespace healthact {
namespace {

using dsl::ast::TopStmt;

using dsl::MakeDiagnostic;

// The 1-based line of a text's first statement: its first line that is
// neither blank nor a comment.
int FirstStatementLine(std::string_view text) {
  int line = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view content = text.substr(start, end - start);
    while (!content.empty() && (content.front() == ' ' || content.front() == '\t' || content.front() == '\r')) {
      content.remove_prefix(1);
    }
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    if (!content.empty() && !content.starts_with('#') && content != "\r") return line;
    start = end + 1;
    ++line;
  }
  return line;
}

class FrameworkParser {
 public:
  explicit FrameworkParser(const ParseOptions& options) : options_(options) {}

  // Parses one text; `chain` holds the files that extend it, to detect cycles.
  std::shared_ptr<const Framework> Parse(std::string_view text, std::string_view file_name,
                                         std::vector<std::string>& chain,
                                         std::vector<Diagnostic>& diagnostics) {
    std::vector<Diagnostic> own;
    if (const auto bad = utf8::FindInvalid(text)) {
      own.push_back(MakeDiagnostic(DiagnosticCode::kInvalidUtf8, file_name, text.substr(0, *bad),
                                   *bad,
                                   messages::Format("the text is not valid UTF-8 (byte 0x$0); save the file as UTF-8",
                                                    absl::StrFormat("%02X", static_cast<unsigned char>(text[*bad])))));
      diagnostics.insert(diagnostics.end(), own.begin(), own.end());
      return nullptr;
    }
    if (std::optional<Diagnostic> limit = CheckTextSize(text, file_name, limits::kMaxTextBytes);
        limit || (limit = CheckNesting(text, file_name))) {
      diagnostics.push_back(std::move(*limit));
      return nullptr;
    }
    std::vector<TopStmt> statements = dsl::ParseStatements<TopStmt>(
        text, file_name, dsl::ParseTopStatement, dsl::StartsTopStatement, own);
    // Whether the text's first statement could not be read: then the 框架
    // it likely held is not "missing" (E012), it is the error already given.
    const int first_line = FirstStatementLine(text);
    const bool first_statement_failed = std::any_of(
        own.begin(), own.end(), [&](const Diagnostic& d) { return d.severity == Severity::kError && d.line == first_line; });

    std::shared_ptr<const Framework> parent;
    bool parent_failed = false;
    for (const TopStmt& statement : statements) {
      const auto* simple = boost::get<dsl::ast::Simple>(&statement);
      if (simple == nullptr || dsl::LookupKeyword(simple->head.text) != dsl::Keyword::kExtends) {
        continue;
      }
      if (parent != nullptr || parent_failed) {
        own.push_back(MakeDiagnostic(DiagnosticCode::kDuplicateStatement, file_name, text,
                                     simple->head.offset, "a framework extends one other only"));
        continue;
      }
      parent = LoadParent(*simple, text, file_name, chain, diagnostics, own);
      parent_failed = parent == nullptr;
    }

    std::optional<Framework::Contents> contents = dsl::CheckFramework(
        file_name, text, statements, parent ? &parent->contents() : nullptr, own);
    // Consequences of an error already reported are not reported again: no
    // E012 for a 框架 line that did not parse, and, when 继承 failed, no E028
    // or E022 for indicators that only adjust or delete what the parent has.
    std::erase_if(own, [&](const Diagnostic& d) {
      return (first_statement_failed && d.code == DiagnosticCode::kMissingHeader) ||
             (parent_failed && (d.code == DiagnosticCode::kMissingName || d.code == DiagnosticCode::kUnknownIndicator));
    });
    std::stable_sort(own.begin(), own.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    diagnostics.insert(diagnostics.end(), own.begin(), own.end());
    if (!contents || HasErrors(own) || parent_failed) return nullptr;
    return std::make_shared<const Framework>(std::move(*contents));
  }

 private:
  std::shared_ptr<const Framework> LoadParent(const dsl::ast::Simple& statement,
                                              std::string_view text, std::string_view file_name,
                                              std::vector<std::string>& chain,
                                              std::vector<Diagnostic>& diagnostics,
                                              std::vector<Diagnostic>& own) {
    const auto fail = [&](std::string message) {
      own.push_back(MakeDiagnostic(DiagnosticCode::kExtendsFailed, file_name, text,
                                   statement.argument.offset, std::move(message)));
      return nullptr;
    };
    const std::string& name = statement.argument.text;
    if (!options_.resolver) {
      return fail(messages::Format("cannot load '$0': no resolver was given for 继承", name));
    }
    if (static_cast<int>(chain.size()) >= options_.max_extends_depth) {
      return fail(text::StrCat("继承 is nested more than ", options_.max_extends_depth,
                               " levels deep"));
    }
    absl::StatusOr<FrameworkSource> source = options_.resolver(name, file_name);
    if (!source.ok()) {
      return fail(messages::Format("cannot load '$0': $1", name, source.status().message()));
    }
    chain.push_back(std::string(file_name));
    if (std::find(chain.begin(), chain.end(), source->file_name) != chain.end()) {
      std::string cycle = absl::StrJoin(chain, " → ");
      chain.pop_back();
      return fail(messages::Format("继承 forms a cycle: $0 → $1", cycle, source->file_name));
    }
    std::shared_ptr<const Framework> parent =
        Parse(source->text, source->file_name, chain, diagnostics);
    chain.pop_back();
    if (parent == nullptr) {
      return fail(text::StrCat("'", name, "' has errors (see above)"));
    }
    return parent;
  }

  const ParseOptions& options_;
};

}  // namespace

ParsedFramework ParseFramework(std::string_view text, std::string_view file_name,
                               const ParseOptions& options) {
  ParsedFramework result;
  std::vector<std::string> chain;
  FrameworkParser parser(options);
  result.framework = parser.Parse(text, file_name, chain, result.diagnostics);
  return result;
}

}  // namespace healthact
