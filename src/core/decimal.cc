#include "healthact/core/decimal.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include "core/ascii_number.hpp"
#include "healthact/core/messages.hpp"
#include "core/rounding.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"

namespace healthact {
namespace {

using Wide = boost::multiprecision::int256_t;
namespace mp = boost::multiprecision;

const Wide& PowerOfTen(int exponent) {
  // 10^0 .. 10^(2*kMaxScale+2): enough for every rescaling done here.  A
  // fixed-width integer holds its digits inline, so the table allocates
  // nothing and leaves nothing for a leak checker at exit.
  static const auto kPowers = [] {
    std::array<Wide, 2 * Decimal::kMaxScale + 3> powers;
    powers[0] = 1;
    for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
    return powers;
  }();
  return kPowers[exponent];
}

// The largest magnitude a Decimal holds: 10^(20+18) - 1 in units.
const Wide& MaxUnits() {
  static const Wide kMax = PowerOfTen(Decimal::kMaxIntegerDigits + Decimal::kMaxScale) - 1;
  return kMax;
}

using internal::DivideRounded;

constexpr std::array<std::uint64_t, Decimal::kMaxScale + 1> kNativePowers = [] {
  std::array<std::uint64_t, Decimal::kMaxScale + 1> powers{};
  powers[0] = 1;
  for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
  return powers;
}();

// The common case of a reported value in native integers (ascii_number.hpp):
// every value of a data file and of a batch passes here, and the 256-bit
// loop of the general parser cost more than all the rest of ingestion.
std::optional<std::pair<Decimal::Units, int>> ParseShortAscii(std::string_view text) {
  const std::optional<AsciiNumber> number = ParseAsciiNumber(text);
  if (!number) return std::nullopt;
  // At most (10^19 - 1) × 10^18 < 10^37: inside both __int128 and the range.
  Decimal::Units units =
      static_cast<Decimal::Units>(number->magnitude) * kNativePowers[Decimal::kMaxScale - number->scale];
  if (number->negative) units = -units;
  return std::make_pair(units, number->scale);
}

}  // namespace

absl::StatusOr<Decimal> Decimal::Make(const Wide& units, int scale) {
  if (mp::abs(units) > MaxUnits()) {
    return absl::OutOfRangeError(
        messages::Format("number out of range: at most $0 digits before the decimal point", kMaxIntegerDigits));
  }
  return Decimal(units.convert_to<Units>(), scale);
}

absl::StatusOr<Decimal> Decimal::Parse(std::string_view text) {
  if (text.empty()) return absl::InvalidArgumentError(std::string(messages::Tr("empty number")));
  if (const auto parsed = ParseShortAscii(text)) return Decimal(parsed->first, parsed->second);
  if (utf8::FindInvalid(text).has_value()) {
    return absl::InvalidArgumentError(std::string(messages::Tr("number is not valid UTF-8")));
  }
  bool negative = false;
  bool seen_point = false;
  int integer_digits = 0;  // significant: leading zeros are not counted
  int fraction_digits = 0;
  int digits = 0;
  Wide magnitude = 0;
  std::size_t offset = 0;
  std::size_t position = 0;  // code point index, 1-based in messages
  while (offset < text.size()) {
    ++position;
    const char32_t cp = utf8::Next(text, offset);
    int digit = -1;
    if (cp >= U'0' && cp <= U'9') digit = static_cast<int>(cp - U'0');
    if (cp >= U'０' && cp <= U'９') digit = static_cast<int>(cp - U'０');
    if (digit >= 0) {
      ++digits;
      if (seen_point) {
        if (++fraction_digits > kMaxScale) {
          return absl::OutOfRangeError(
              messages::Format("number has more than $0 digits after the decimal point", kMaxScale));
        }
      } else if (integer_digits > 0 || digit != 0) {
        if (++integer_digits > kMaxIntegerDigits) {
          return absl::OutOfRangeError(
              messages::Format("number out of range: at most $0 digits before the decimal point", kMaxIntegerDigits));
        }
      }
      magnitude = magnitude * 10 + digit;
      continue;
    }
    if (cp == U'.' || cp == U'．') {
      if (seen_point) {
        return absl::InvalidArgumentError(
            messages::Format("number has two decimal points (the second at character $0)", position));
      }
      if (digits == 0) {
        return absl::InvalidArgumentError(std::string(messages::Tr("a digit must come before the decimal point")));
      }
      seen_point = true;
      continue;
    }
    if ((cp == U'-' || cp == U'+' || cp == U'－' || cp == U'＋') && position == 1) {
      negative = cp == U'-' || cp == U'－';
      continue;
    }
    return absl::InvalidArgumentError(
        messages::Format("unexpected character at position $0 of number '$1'", position, text));
  }
  if (digits == 0) return absl::InvalidArgumentError(std::string(messages::Tr("number has no digits")));
  if (seen_point && fraction_digits == 0) {
    return absl::InvalidArgumentError(std::string(messages::Tr("a digit must follow the decimal point")));
  }
  Wide units = magnitude * PowerOfTen(kMaxScale - fraction_digits);
  if (negative) units = -units;
  return Make(units, fraction_digits);
}

Decimal Decimal::FromInt(std::int64_t value) {
  return Decimal(Units(value) * PowerOfTen(kMaxScale).convert_to<Units>(), 0);
}

Decimal Decimal::FromScaled(std::int64_t mantissa, int scale) {
  // 10^0 .. 10^18 as native integers: this is on the path of every value read
  // from a column.
  static constexpr auto kPowers = [] {
    std::array<std::int64_t, kMaxScale + 1> powers{};
    powers[0] = 1;
    for (int i = 1; i <= kMaxScale; ++i) powers[i] = powers[i - 1] * 10;
    return powers;
  }();
  scale = std::clamp(scale, 0, static_cast<int>(kMaxScale));
  return Decimal(Units(mantissa) * kPowers[kMaxScale - scale], scale);
}

std::optional<std::int64_t> Decimal::ToScaled(int scale, Rounding rule) const {
  // Native 128-bit arithmetic: the divisor 10^(18-scale) fits in 64 bits.
  scale = std::clamp(scale, 0, static_cast<int>(kMaxScale));
  const auto divisor = static_cast<Units>(kNativePowers[kMaxScale - scale]);
  const Units quotient = internal::DivideRounded<Units>(units_, divisor, rule);
  if (quotient > std::numeric_limits<std::int64_t>::max() ||
      quotient < std::numeric_limits<std::int64_t>::min()) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(quotient);
}

std::optional<std::int64_t> Decimal::ToScaledExactly(int scale) const {
  if (scale < 0 || scale > kMaxScale) return std::nullopt;
  const Units divisor = kNativePowers[kMaxScale - scale];
  const Units quotient = units_ / divisor;
  if (quotient * divisor != units_ || quotient > std::numeric_limits<std::int64_t>::max() ||
      quotient < std::numeric_limits<std::int64_t>::min()) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(quotient);
}

std::string Decimal::ToString() const {
  std::string out;
  AppendTo(out);
  return out;
}

void Decimal::AppendTo(std::string& out) const {
  // Native digits: printing went through Boost's string conversion, which
  // cost more than reading a data file and assessing it.
  using Magnitude = unsigned __int128;
  const Magnitude magnitude = units_ < 0 ? -static_cast<Magnitude>(units_) : static_cast<Magnitude>(units_);
  // One division of 128 bits (a library call) and the remainder by a
  // multiplication; none at all for a magnitude that fits 64 bits.
  Magnitude whole;
  std::uint64_t fraction;
  if (magnitude <= std::numeric_limits<std::uint64_t>::max()) {
    const auto narrow = static_cast<std::uint64_t>(magnitude);
    whole = narrow / kNativePowers[kMaxScale];
    fraction = narrow % kNativePowers[kMaxScale];
  } else {
    whole = magnitude / kNativePowers[kMaxScale];
    fraction = static_cast<std::uint64_t>(magnitude - whole * kNativePowers[kMaxScale]);
  }
  char digits[64];
  char* end = digits + sizeof digits;
  char* at = end;
  if (scale_ > 0) {
    // The first scale_ of the 18 fractional digits.
    fraction /= kNativePowers[kMaxScale - scale_];
    for (int i = 0; i < scale_; ++i, fraction /= 10) *--at = static_cast<char>('0' + fraction % 10);
    *--at = '.';
  }
  // The whole part in 64 bits as soon as it fits (it nearly always does):
  // a division of 128 bits is a library call, of 64 bits by 10 a multiply.
  while (whole > std::numeric_limits<std::uint64_t>::max()) {
    *--at = static_cast<char>('0' + static_cast<int>(whole % 10));
    whole /= 10;
  }
  auto narrow = static_cast<std::uint64_t>(whole);
  do {
    *--at = static_cast<char>('0' + static_cast<int>(narrow % 10));
    narrow /= 10;
  } while (narrow != 0);
  if (units_ < 0) *--at = '-';
  out.append(at, end);
}

absl::StatusOr<Decimal> Decimal::Add(const Decimal& a, const Decimal& b) {
  return Make(Wide(a.units_) + Wide(b.units_), std::max(a.scale_, b.scale_));
}

absl::StatusOr<Decimal> Decimal::Subtract(const Decimal& a, const Decimal& b) {
  return Make(Wide(a.units_) - Wide(b.units_), std::max(a.scale_, b.scale_));
}

absl::StatusOr<Decimal> Decimal::Multiply(const Decimal& a, const Decimal& b) {
  const int scale = a.scale_ + b.scale_;
  if (scale > kMaxScale) {
    return absl::OutOfRangeError(
        messages::Format("product would need $0 digits after the decimal point; at most $1", scale, kMaxScale));
  }
  // Both operands carry 10^18; the product carries 10^36, exactly divisible
  // back to 10^18 because the written scales add up to at most 18.
  return Make(Wide(a.units_) * Wide(b.units_) / PowerOfTen(kMaxScale), scale);
}

absl::StatusOr<Decimal> Decimal::Divide(const Decimal& numerator, const Decimal& denominator,
                                        int places, Rounding rule) {
  if (places < 0 || places > kMaxScale) {
    return absl::InvalidArgumentError(messages::Format("rounding places must be between 0 and $0", kMaxScale));
  }
  if (denominator.is_zero()) return absl::InvalidArgumentError(std::string(messages::Tr("division by zero")));
  Wide n = Wide(numerator.units_) * PowerOfTen(places);
  Wide d = Wide(denominator.units_);
  if (d < 0) {
    n = -n;
    d = -d;
  }
  // n/d is the quotient × 10^places exactly; round it once, then rescale.
  const Wide rounded = DivideRounded(n, d, rule);
  return Make(rounded * PowerOfTen(kMaxScale - places), places);
}

Decimal Decimal::Rounded(int places, Rounding rule) const {
  places = std::clamp(places, 0, static_cast<int>(kMaxScale));
  // Native 128 bits: |units| < 10^38, so the rounded value is at most 10^38,
  // which still fits (2^127 > 1.7 × 10^38).
  const auto step = static_cast<Units>(kNativePowers[kMaxScale - places]);
  const Units rounded = DivideRounded<Units>(units_, step, rule) * step;
  // Rounding a value in range to fewer digits can carry into one more integer
  // digit only at the very top of the range; keep the value rather than leave the range.
  static_assert(kMaxIntegerDigits + kMaxScale == 38, "the largest magnitude is 10^38 - 1 units");
  const Units max = static_cast<Units>(kNativePowers[kMaxScale]) * 100 * static_cast<Units>(kNativePowers[kMaxScale]) - 1;
  if (rounded > max || rounded < -max) return *this;
  return Decimal(rounded, places);
}

std::strong_ordering Decimal::CompareQuotient(const Decimal& divisor,
                                              const Decimal& other) const {
  if (divisor.is_negative()) {  // a / -d  <=>  -a / d
    return Decimal(-units_, scale_).CompareQuotient(Decimal(-divisor.units_, divisor.scale_),
                                                    other);
  }
  // this/divisor <=> other  <=>  this <=> other*divisor for divisor > 0; both
  // sides are then scaled by 10^36, which 256 bits hold.
  const Wide left = Wide(units_) * PowerOfTen(kMaxScale);
  const Wide right = Wide(other.units_) * Wide(divisor.units_);
  if (left < right) return std::strong_ordering::less;
  if (right < left) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

double Decimal::ToDoubleForDisplay() const {
  return static_cast<double>(units_) / 1e18;
}

}  // namespace healthact
