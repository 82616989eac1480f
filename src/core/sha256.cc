#include "core/sha256.hpp"

namespace healthact {

Sha256::Sha256() { sha256_init(&context_); }

void Sha256::Update(std::string_view data) {
  sha256_update(&context_, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
}

std::string Sha256::HexDigest() {
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context_, sizeof digest, digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof digest);
  for (std::uint8_t byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

}  // namespace healthact
