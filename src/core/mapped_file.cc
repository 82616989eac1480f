#include "core/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "healthact/core/messages.hpp"

namespace healthact {
namespace {

using messages::Format;

// Closes a descriptor however the function returns.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::size_t PageSize() {
  static const std::size_t size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

absl::StatusOr<MappedFile> MappedFile::Open(const std::filesystem::path& path) {
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) return absl::NotFoundError(Format("cannot open $0", path.string()));
  struct stat about {};
  if (::fstat(file.fd, &about) != 0) return absl::DataLossError(Format("cannot read $0", path.string()));
  if (S_ISDIR(about.st_mode)) return absl::InvalidArgumentError(Format("$0 is a folder, not a file", path.string()));
  MappedFile mapped;
  if (S_ISREG(about.st_mode) && about.st_size > 0) {
    const auto size = static_cast<std::size_t>(about.st_size);
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.fd, 0);
    if (mapping != MAP_FAILED) {
      // Read front to back: the kernel may read ahead generously.
      ::madvise(mapping, size, MADV_SEQUENTIAL);
      mapped.mapping_ = mapping;
      mapped.mapped_size_ = size;
      mapped.text_ = std::string_view(static_cast<const char*>(mapping), size);
      return mapped;
    }
  }
  // Not a regular file, or one that would not map: read it whole.
  char chunk[1 << 16];
  while (true) {
    const ssize_t got = ::read(file.fd, chunk, sizeof chunk);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      return absl::DataLossError(Format("cannot read $0", path.string()));
    }
    mapped.read_.append(chunk, static_cast<std::size_t>(got));
  }
  mapped.text_ = mapped.read_;
  return mapped;
}

MappedFile::MappedFile(MappedFile&& other) noexcept { *this = std::move(other); }

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this == &other) return *this;
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
  mapping_ = std::exchange(other.mapping_, nullptr);
  mapped_size_ = std::exchange(other.mapped_size_, 0);
  read_ = std::move(other.read_);
  // A view of `read_` moves with it only when the string owned the bytes.
  text_ = mapping_ != nullptr ? std::exchange(other.text_, {}) : std::string_view(read_);
  other.text_ = {};
  return *this;
}

MappedFile::~MappedFile() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
}

void MappedFile::Release(std::size_t begin, std::size_t end) const {
  if (mapping_ == nullptr) return;
  const std::size_t page = PageSize();
  begin = (begin + page - 1) / page * page;
  end = std::min(end, mapped_size_) / page * page;
  if (begin >= end) return;
  ::madvise(static_cast<char*>(mapping_) + begin, end - begin, MADV_DONTNEED);
}

}  // namespace healthact
