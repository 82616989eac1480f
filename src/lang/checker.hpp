// The checker: turns the statements of one framework text into a typed
// Framework::Contents, reporting every problem it finds.
#ifndef HEALTHACT_SRC_DSL_CHECKER_HPP_
#define HEALTHACT_SRC_DSL_CHECKER_HPP_

#include <optional>
#include <string_view>
#include <vector>

#include "lang/ast.hpp"
#include "healthact/core/diagnostic.hpp"
#include "healthact/model/framework.hpp"

namespace healthact::dsl {

// `parent` is the framework this text 继承 (extends), already checked, or
// null.  Diagnostics are appended to `diagnostics`, positioned in `text`.
// Returns the contents when no error was found.
std::optional<Framework::Contents> CheckFramework(std::string_view file_name, std::string_view text,
                                                  const std::vector<ast::TopStmt>& statements,
                                                  const Framework::Contents* parent,
                                                  std::vector<Diagnostic>& diagnostics);

}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_DSL_CHECKER_HPP_
