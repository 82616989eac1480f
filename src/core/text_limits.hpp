// Checks of a whole text against limits.hpp before any parser sees it.
// Internal header: not installed.
#ifndef HEALTHACT_SRC_TEXT_LIMITS_HPP_
#define HEALTHACT_SRC_TEXT_LIMITS_HPP_

#include <cstddef>
#include <optional>
#include <string_view>

#include "healthact/core/diagnostic.hpp"

namespace healthact {

// E043 when `text` is longer than `max_bytes`.
std::optional<Diagnostic> CheckTextSize(std::string_view text, std::string_view file,
                                        std::size_t max_bytes);

// E043 at the first bracket or brace that nests deeper than
// limits::kMaxNesting, outside quoted strings and # comments.  The DSL
// grammars recurse on nesting; this keeps them off the end of the stack.
std::optional<Diagnostic> CheckNesting(std::string_view text, std::string_view file);

}  // namespace healthact

#endif  // HEALTHACT_SRC_TEXT_LIMITS_HPP_
