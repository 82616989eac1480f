// SHA-256 (FIPS 180-4), for the content hashes of decision records.
// Internal header: not installed.
#ifndef HEALTHACT_SRC_SHA256_HPP_
#define HEALTHACT_SRC_SHA256_HPP_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace healthact {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  // The digest as 64 lowercase hex digits; the object is spent afterwards.
  std::string HexDigest();

 private:
  void Block(const unsigned char* block);

  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes
};

inline std::string Sha256Hex(std::string_view data) {
  Sha256 hash;
  hash.Update(data);
  return hash.HexDigest();
}

}  // namespace healthact

#endif  // HEALTHACT_SRC_SHA256_HPP_
