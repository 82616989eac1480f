// A file's bytes mapped read-only, for reading a large data file without a
// copy of it in memory: a pass over the text hands back the pages it has
// done with (Release), so that a file read once, front to back, is never
// resident as a whole.  Internal header.
#ifndef HEALTHACT_SRC_CORE_MAPPED_FILE_HPP_
#define HEALTHACT_SRC_CORE_MAPPED_FILE_HPP_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace healthact {

class MappedFile {
 public:
  // A regular file is mapped; anything else that can be read (a pipe, a
  // device) is read into memory whole, and Release does nothing.
  static absl::StatusOr<MappedFile> Open(const std::filesystem::path& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view text() const { return text_; }

  // The pages wholly inside [begin, end) of text() leave memory.  They are
  // read-only pages of a private mapping: read again, they come back from
  // the file, so a view into them stays valid.
  void Release(std::size_t begin, std::size_t end) const;

 private:
  MappedFile() = default;

  void* mapping_ = nullptr;  // null when the bytes were read into `read_`
  std::size_t mapped_size_ = 0;
  std::string read_;
  std::string_view text_;
};

}  // namespace healthact

#endif  // HEALTHACT_SRC_CORE_MAPPED_FILE_HPP_
