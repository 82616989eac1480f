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
  const char* at = text.data();
  const char* const end = at + text.size();
  if (at != end && (*at == '-' || *at == '+')) {
    number.negative = *at == '-';
    ++at;
  }
  // The digits before the point, then those after it, each in a loop of its
  // own: a test per digit of which side it is on cost as much as the digit.
  // (Past 19 digits the sum wraps, and the number is refused below.)
  const auto digits = [&] {
    const char* const first = at;
    for (; at != end && static_cast<unsigned char>(*at - '0') < 10; ++at) {
      number.magnitude = number.magnitude * 10 + static_cast<std::uint64_t>(*at - '0');
    }
    return static_cast<int>(at - first);
  };
  const int integer_digits = digits();
  if (at != end && *at == '.') {
    if (integer_digits == 0) return std::nullopt;  // ".5"
    ++at;
    number.scale = digits();
    if (number.scale == 0) return std::nullopt;  // "5."
  }
  if (at != end || integer_digits == 0 || integer_digits + number.scale > 19 || number.scale > Decimal::kMaxScale) {
    return std::nullopt;  // another byte, no digit, or too many
  }
  return number;
}

}  // namespace healthact

#endif  // HEALTHACT_SRC_ASCII_NUMBER_HPP_
