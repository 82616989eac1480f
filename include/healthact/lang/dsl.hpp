// The indicator DSL: framework text in, a checked Framework and diagnostics
// out; and the canonical printer back to text.  docs/dsl.md is the reference.
//
// The library never reads files.  A framework that `继承` (extends) another
// names it; the caller's SourceResolver turns that name into text.
#ifndef HEALTHACT_DSL_HPP_
#define HEALTHACT_DSL_HPP_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "healthact/core/diagnostic.hpp"
#include "healthact/model/framework.hpp"

namespace healthact {

struct FrameworkSource {
  std::string file_name;  // used in diagnostics
  std::string text;
};

// Resolves the name written after 继承/extends, as seen from `from_file`.
using SourceResolver =
    std::function<absl::StatusOr<FrameworkSource>(std::string_view name, std::string_view from_file)>;

struct ParseOptions {
  SourceResolver resolver;  // unset: any 继承 is an error
  int max_extends_depth = 8;
};

struct ParsedFramework {
  // Null when there was at least one error.
  std::shared_ptr<const Framework> framework;
  // Every error and warning found, in file order; warnings come with a
  // framework too.
  std::vector<Diagnostic> diagnostics;

  bool ok() const { return framework != nullptr; }
};

// Parses and checks framework text.  Never throws; malformed input gives
// diagnostics, not a crash.  A text of 256 KB or more is parsed with one
// helper thread for the length of the call on two cores or more, with the
// same result as on one (docs/c-api.md).
ParsedFramework ParseFramework(std::string_view text, std::string_view file_name,
                               const ParseOptions& options = {});

// A framework's own text laid out (what `healthact fmt` prints): the same
// statements in the same order, keywords, comparators and the words of values
// in their canonical Chinese spelling, a statement a line, blocks indented by
// two spaces, a blank line before each indicator and 依据, and every comment
// kept beside the statement it was written at.  Unlike FormatFramework it
// resolves nothing: a county's 继承, 删除 and adjusted indicators stay as the
// county wrote them, and ParseFramework reads the result to the same
// framework.  Fails, with file:line:column, when the text does not parse.
absl::StatusOr<std::string> FormatFrameworkText(std::string_view text, std::string_view file_name);

// FormatFramework(framework), the canonical text that ParseFramework reads
// back to an equal framework, is declared in framework.hpp.

}  // namespace healthact

#endif  // HEALTHACT_DSL_HPP_
