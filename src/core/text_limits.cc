#include "core/text_limits.hpp"

#include <array>

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
  // The bytes the switch below acts on; the rest (most of a text) are passed
  // over by one look-up each.
  static constexpr std::array<bool, 256> kActs = [] {
    std::array<bool, 256> acts{};
    for (const unsigned char c : {'#', '"', '(', '{', ')', '}'}) acts[c] = true;
    return acts;
  }();
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!kActs[static_cast<unsigned char>(text[i])]) continue;
    switch (text[i]) {
      case '#':
        while (i < text.size() && text[i] != '\n') ++i;
        break;
      case '"':
        for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
          if (text[i] == '\\') ++i;
        }
        break;
      case '(':
      case '{':
        if (++depth > limits::kMaxNesting) {
          return LimitAt(text, file, i,
                         messages::Format("brackets and blocks nest more than $0 deep here", limits::kMaxNesting));
        }
        break;
      case ')':
      case '}':
        if (depth > 0) --depth;
        break;
      default: break;
    }
  }
  return std::nullopt;
}

}  // namespace healthact
