// One rounding rule for every integer type the library divides in: native
// 128-bit, Boost's fixed 256-bit and arbitrary-precision cpp_int.
// Internal header: not installed.
#ifndef HEALTHACT_SRC_ROUNDING_HPP_
#define HEALTHACT_SRC_ROUNDING_HPP_

#include "healthact/core/decimal.hpp"

namespace healthact::internal {

// numerator / denominator rounded to an integer by `rule`; denominator > 0.
template <typename Int>
Int DivideRounded(const Int& numerator, const Int& denominator, Rounding rule) {
  Int quotient = numerator / denominator;         // toward zero
  const Int remainder = numerator % denominator;  // the sign of the numerator
  if (remainder == 0) return quotient;
  const bool negative = numerator < 0;
  const Int twice = (negative ? Int(-remainder) : remainder) * 2;
  bool away = false;  // from zero
  switch (rule) {
    case Rounding::kHalfUp: away = !(twice < denominator); break;
    case Rounding::kHalfEven:
      away = denominator < twice || (twice == denominator && quotient % 2 != 0);
      break;
    case Rounding::kTruncate: break;
    case Rounding::kFloor: away = negative; break;
    case Rounding::kCeiling: away = !negative; break;
  }
  if (away) quotient += negative ? -1 : 1;
  return quotient;
}

}  // namespace healthact::internal

#endif  // HEALTHACT_SRC_ROUNDING_HPP_
