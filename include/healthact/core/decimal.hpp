// Exact decimal numbers for every figure that comes from a document or a report.
//
// A Decimal is a value scaled by 10^18, held in a 128-bit integer, together
// with the number of fractional digits it was written with ("6.0" keeps one).
// Parsing, rescaling, multiplication and division are done in
// Boost.Multiprecision's 256-bit cpp_int, so no intermediate can overflow;
// the stored value is a native 128-bit integer because comparison -- the hot
// path of every assessment -- is then two machine compares (measured: Boost's
// fixed-width int128_t compares limb by limb at ~1.9x the cost of a double
// compare; see bench/comparison_bench.cc).  Consequences:
//   * comparison is exact and free of heap allocation;
//   * "74.6" is exactly 74.6 -- no binary floating point is ever involved.
// The range is what every health statistic needs with room to spare: at most
// 20 integer digits and 18 fractional digits.  Anything outside is an error,
// never a silently rounded value.
#ifndef HEALTHACT_DECIMAL_HPP_
#define HEALTHACT_DECIMAL_HPP_

#include <compare>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

#include "absl/status/statusor.h"

namespace healthact {

// How a value with more fractional digits than wanted is brought back.
enum class Rounding : std::int32_t {
  kHalfUp = 0,    // 四舍五入: halves go away from zero (2.345 -> 2.35).
  kHalfEven = 1,  // 四舍六入五成双: halves go to the even digit (2.345 -> 2.34).
  kTruncate = 2,  // 截断: drop the digits (toward zero).
  kFloor = 3,     // 向下取整: toward negative infinity.
  kCeiling = 4,   // 向上取整: toward positive infinity.
};

class Decimal {
 public:
  static constexpr int kMaxScale = 18;          // fractional digits
  static constexpr int kMaxIntegerDigits = 20;  // digits before the point

  // Zero, written "0".
  Decimal() = default;

  // Parses a decimal as documents write it: an optional sign (+ - or the
  // full-width －), digits (ASCII or full-width ０-９) and at most one decimal
  // point (. or the full-width ．).  No exponent, no thousands separators, no
  // surrounding space.  The error message says what is wrong and at which
  // code point of `text` (counted from 1).
  static absl::StatusOr<Decimal> Parse(std::string_view text);

  // An integer, written without fractional digits.
  static Decimal FromInt(std::int64_t value);

  // mantissa / 10^scale, written with `scale` fractional digits
  // (0 <= scale <= kMaxScale).  FromScaled(746, 1) is 74.6.
  static Decimal FromScaled(std::int64_t mantissa, int scale);

  // This value × 10^scale as an integer, rounded by `rule`; nullopt when it
  // does not fit in 64 bits.  With kTruncate and a value that has no more
  // than `scale` digits, the conversion is exact.
  std::optional<std::int64_t> ToScaled(int scale, Rounding rule) const;
  // This value × 10^scale when that is a whole number that fits in 64 bits
  // (nothing is rounded); nullopt otherwise.  One division: it is on the path
  // of every value stored in a column.
  std::optional<std::int64_t> ToScaledExactly(int scale) const;

  // The number of fractional digits as written ("6.0" -> 1, "6" -> 0).
  int scale() const { return scale_; }

  // The value written with exactly scale() fractional digits: "6.0", "-0.25".
  std::string ToString() const;
  // The same text appended to `out`: a long report prints millions of
  // values, and a string of its own for each cost a third of the printing.
  void AppendTo(std::string& out) const;

  // Numeric comparison: 6 == 6.0, and 74.59999999999 < 74.6.
  friend bool operator==(const Decimal& a, const Decimal& b) {
    return a.units_ == b.units_;
  }
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    if (a.units_ < b.units_) return std::strong_ordering::less;
    if (b.units_ < a.units_) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
  }

  // Same value and same written scale: "6.0" is not identical to "6".  Used
  // where the text must survive a round trip (a framework printed and parsed).
  bool IdenticalTo(const Decimal& other) const {
    return units_ == other.units_ && scale_ == other.scale_;
  }

  bool is_zero() const { return units_ == 0; }
  bool is_negative() const { return units_ < 0; }

  // Exact sum and difference; the scale is the larger of the two.  Fails only
  // when the result leaves the range above.
  static absl::StatusOr<Decimal> Add(const Decimal& a, const Decimal& b);
  static absl::StatusOr<Decimal> Subtract(const Decimal& a, const Decimal& b);

  // Exact product with scale a.scale()+b.scale(); fails when that scale would
  // exceed kMaxScale or the value leaves the range.
  static absl::StatusOr<Decimal> Multiply(const Decimal& a, const Decimal& b);

  // numerator / denominator, rounded to `places` fractional digits by `rule`.
  // The quotient is computed exactly (256-bit intermediate) before the one
  // rounding step.  Fails on a zero denominator or a result out of range.
  static absl::StatusOr<Decimal> Divide(const Decimal& numerator,
                                        const Decimal& denominator, int places,
                                        Rounding rule);

  // This value rounded to `places` fractional digits (places <= kMaxScale).
  // A value with fewer digits is widened ("6" -> "6.00" at places 2).
  Decimal Rounded(int places, Rounding rule) const;

  // The value divided by `divisor` compared exactly with `other`, without
  // rounding: the sign of (this / divisor - other).  This is how a rate
  // computed from counts is compared with its target when the framework
  // states no rounding.  Precondition: divisor is not zero.
  std::strong_ordering CompareQuotient(const Decimal& divisor,
                                       const Decimal& other) const;

  // A double for display and for the naive baseline in the benchmarks only.
  // Never used to reach a verdict.
  double ToDoubleForDisplay() const;

  // The value × 10^18 as a signed 128-bit integer.  For columnar storage that
  // wants a plain integer key; ordering of raw_units() is the numeric order.
  __extension__ typedef __int128 Units;
  Units raw_units() const { return units_; }

 private:
  Decimal(Units units, int scale) : units_(units), scale_(scale) {}
  static absl::StatusOr<Decimal> Make(const boost::multiprecision::int256_t& units,
                                      int scale);

  Units units_ = 0;  // value × 10^kMaxScale
  std::int8_t scale_ = 0;
};

}  // namespace healthact

#endif  // HEALTHACT_DECIMAL_HPP_
