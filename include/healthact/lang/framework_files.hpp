// Framework files on disk: the one place the library reads a file, for the
// callers that hand it a path (the command line, the C interface's
// hact_framework_load).  A `继承 "name"` is a path relative to the file that
// writes it.
#ifndef HEALTHACT_LANG_FRAMEWORK_FILES_HPP_
#define HEALTHACT_LANG_FRAMEWORK_FILES_HPP_

#include <filesystem>
#include <string>

#include "absl/status/statusor.h"
#include "healthact/lang/dsl.hpp"

namespace healthact {

// The bytes of a file; NotFoundError("cannot open PATH") when it cannot be
// read, InvalidArgumentError for a folder.
absl::StatusOr<std::string> ReadTextFile(const std::filesystem::path& path);

// Resolves 继承 against the folder of the file that names it.
SourceResolver FileResolver();

// Reads and parses the framework at `path`, its 继承 resolved by FileResolver.
// The status is not OK only when `path` itself cannot be read.
absl::StatusOr<ParsedFramework> LoadFrameworkFile(const std::filesystem::path& path);

}  // namespace healthact

#endif  // HEALTHACT_LANG_FRAMEWORK_FILES_HPP_
