#include "core/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <simdjson.h>

namespace healthact::utf8 {
namespace {

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the well-formed sequence starting at text[i], or 0 if malformed.
// Follows the table of well-formed byte sequences in the Unicode standard
// (section 3.9), which rules out overlong forms and surrogates by the ranges
// allowed for the second byte.
std::size_t SequenceLength(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) -> unsigned char {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char b0 = at(i);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;   // overlong
    if (b0 == 0xED) high = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;   // overlong
    if (b0 == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // continuation byte, C0/C1 (overlong) or F5..FF
  }
  if (i + length > text.size()) return 0;
  if (at(i + 1) < low || at(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (!IsContinuation(at(i + k))) return 0;
  }
  return length;
}

}  // namespace

std::optional<std::size_t> FindInvalid(std::string_view text) {
  // Nearly every text is well-formed: simdjson's validator says so at
  // several gigabytes a second (a data file's check was a tenth of reading
  // it), and only a text it refuses is walked below for the position.
  if (simdjson::validate_utf8(text.data(), text.size())) return std::nullopt;
  std::size_t i = 0;
  while (i < text.size()) {
    // Eight ASCII bytes at a time: a data file is mostly digits and commas.
    while (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    // Up to the word's first byte that is not ASCII, then its sequences.
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) {
      const std::size_t length = SequenceLength(text, i);
      if (length == 0) return i;
      i += length;
    }
  }
  return std::nullopt;
}

char32_t Next(std::string_view text, std::size_t& offset) {
  const auto b0 = static_cast<unsigned char>(text[offset]);
  if (b0 < 0x80) {
    ++offset;
    return b0;
  }
  std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
  char32_t cp = b0 & (0x7F >> length);
  for (std::size_t k = 1; k < length && offset + k < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[offset + k]) & 0x3F);
  }
  offset += length;
  return cp;
}

LineColumn Locate(std::string_view text, std::size_t offset) {
  LineColumn where;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++where.line;
      where.column = 1;
    } else if (!IsContinuation(byte)) {
      ++where.column;
    }
  }
  return where;
}

LineColumn LineIndex::At(std::size_t offset) const {
  if (starts_.empty()) {
    starts_.push_back(0);
    for (std::size_t at = text_.find('\n'); at != std::string_view::npos; at = text_.find('\n', at + 1)) {
      starts_.push_back(at + 1);
    }
  }
  if (offset > text_.size()) offset = text_.size();
  // The last line that starts at or before the offset.
  const auto line = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
  const int number = static_cast<int>(line - starts_.begin()) + 1;
  LineColumn where{number, 1};
  std::size_t from = *line;
  if (last_.line == number && last_offset_ >= from && last_offset_ <= offset) {
    where = last_;
    from = last_offset_;
  }
  where.column += static_cast<int>(CountCodePoints(text_.substr(from, offset - from)));
  last_offset_ = offset;
  last_ = where;
  return where;
}

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if (!IsContinuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

}  // namespace healthact::utf8
