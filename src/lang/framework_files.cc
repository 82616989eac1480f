#include "healthact/lang/framework_files.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace healthact {

absl::StatusOr<std::string> ReadTextFile(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return absl::InvalidArgumentError(path.string() + " is a folder, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

SourceResolver FileResolver() {
  return [](std::string_view name, std::string_view from_file) -> absl::StatusOr<FrameworkSource> {
    const std::filesystem::path path =
        std::filesystem::path(from_file).parent_path() / std::filesystem::path(std::string(name));
    absl::StatusOr<std::string> text = ReadTextFile(path);
    if (!text.ok()) return text.status();
    return FrameworkSource{path.lexically_normal().string(), *std::move(text)};
  };
}

absl::StatusOr<ParsedFramework> LoadFrameworkFile(const std::filesystem::path& path) {
  absl::StatusOr<std::string> text = ReadTextFile(path);
  if (!text.ok()) return text.status();
  ParseOptions options;
  options.resolver = FileResolver();
  return ParseFramework(*text, path.string(), options);
}

}  // namespace healthact
