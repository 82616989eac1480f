#include "healthact/lang/framework_files.hpp"

#include <fstream>
#include <system_error>

#include "healthact/core/messages.hpp"

namespace healthact {

absl::StatusOr<std::string> ReadTextFile(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return absl::InvalidArgumentError(messages::Format("$0 is a folder, not a file", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(messages::Format("cannot open $0", path.string()));
  // Room for the size the file has (a data file may be hundreds of
  // megabytes: a stream's doubling buffer copied it three times), filled a
  // chunk at a time (resizing first would zero every byte before the read
  // overwrites it); a pipe or a growing file gives what it still holds.
  std::string content;
  const std::uintmax_t size = std::filesystem::is_regular_file(path, error) ? std::filesystem::file_size(path, error) : 0;
  if (!error && size > 0) content.reserve(static_cast<std::size_t>(size));
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) content.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return absl::DataLossError(messages::Format("cannot read $0", path.string()));
  return content;
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
