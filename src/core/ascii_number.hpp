// A number as nearly every reported figure is written -- ASCII digits, an
// optional sign and decimal point, at most 19 digits ("74.6", "-3",
// "12.345") -- read in native integers.  Decimal::Parse and the data file
// reader take this path first; anything else (full-width digits, spaces,
// errors, long numbers) is nullopt and goes to the general parser, which
// gives the same value, or the error message.  Internal header.
#ifndef HEALTHACT_SRC_ASCII_NUMBER_HPP_
#define HEALTHACT_SRC_ASCII_NUMBER_HPP_

#include <cstdint>
#include <optional>
#include <string_view>

#include "healthact/core/decimal.hpp"

namespace healthact {

struct AsciiNumber {
  std::uint64_t magnitude = 0;  // the digits without the point
  bool negative = false;
  int scale = 0;  // digits after the point
};

inline std::optional<AsciiNumber> ParseAsciiNumber(std::string_view text) {
  AsciiNumber number;
  std::size_t i = 0;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    number.negative = text[0] == '-';
    ++i;
  }
  int digits = 0;
  int integer_digits = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (++digits > 19) return std::nullopt;  // 10^19 - 1 still fits in 64 bits
      number.magnitude = number.magnitude * 10 + static_cast<std::uint64_t>(c - '0');
      if (seen_point) {
        ++number.scale;
      } else {
        ++integer_digits;
      }
    } else if (c == '.' && !seen_point && integer_digits > 0) {
      seen_point = true;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0 || (seen_point && number.scale == 0) || number.scale > Decimal::kMaxScale) {
    return std::nullopt;
  }
  return number;
}

}  // namespace healthact

#endif  // HEALTHACT_SRC_ASCII_NUMBER_HPP_
