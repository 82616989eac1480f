// SHA-256 (FIPS 180-4), for the content hashes of decision records, through
// Nettle.  Internal header: not installed.
#ifndef HEALTHACT_SRC_SHA256_HPP_
#define HEALTHACT_SRC_SHA256_HPP_

#include <string>
#include <string_view>

#include <nettle/sha2.h>

namespace healthact {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  // The digest as 64 lowercase hex digits; the object is spent afterwards.
  std::string HexDigest();

 private:
  sha256_ctx context_;
};

inline std::string Sha256Hex(std::string_view data) {
  Sha256 hash;
  hash.Update(data);
  return hash.HexDigest();
}

}  // namespace healthact

#endif  // HEALTHACT_SRC_SHA256_HPP_
