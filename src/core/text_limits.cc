#include "core/text_limits.hpp"

#include "core/byte_search.hpp"
#include "healthact/core/limits.hpp"
#include "healthact/core/messages.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"

namespace healthact {
namespace {

Diagnostic LimitAt(std::string_view text, std::string_view file, std::size_t offset,
                   std::string message) {
  const utf8::LineColumn where = utf8::Locate(text, offset);
  return Diagnostic{DiagnosticCode::kLimitExceeded, Severity::kError, std::string(file), where.line,
                    where.column, std::move(message)};
}

}  // namespace

std::optional<Diagnostic> CheckTextSize(std::string_view text, std::string_view file,
                                        std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::nullopt;
  return Diagnostic{DiagnosticCode::kLimitExceeded, Severity::kError, std::string(file), 1, 1,
                    messages::Format("the text is $0 bytes; at most $1 are read (see docs/limits.md)", text.size(),
                                     max_bytes)};
}

std::optional<Diagnostic> CheckNesting(std::string_view text, std::string_view file) {
  // Only six bytes matter, and a text is mostly others: each is found among
  // sixteen at a time (FindFirstOf), and so is a string's end.
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  int depth = 0;
  for (const char* at = begin; (at = FindFirstOf<'#', '"', '(', '{', ')', '}'>(at, end)) != end; ++at) {
    switch (*at) {
      case '#':
        at = FindFirstOf<'\n'>(at, end);
        if (at == end) return std::nullopt;
        break;
      case '"':
        // To the closing quote or the end of the line, past \" and \\.
        for (++at; (at = FindFirstOf<'"', '\n', '\\'>(at, end)) != end && *at == '\\';) {
          at += at + 1 < end ? 2 : 1;
        }
        if (at == end) return std::nullopt;
        break;
      case '(':
      case '{':
        if (++depth > limits::kMaxNesting) {
          return LimitAt(text, file, static_cast<std::size_t>(at - begin),
                         messages::Format("brackets and blocks nest more than $0 deep here", limits::kMaxNesting));
        }
        break;
      default:  // ')' or '}'
        if (depth > 0) --depth;
        break;
    }
  }
  return std::nullopt;
}

}  // namespace healthact
