// The limits healthact holds its inputs to.  Past a limit the input is
// refused with diagnostic E043 (limit-exceeded) and its position — never a
// crash, a hang or a silent truncation.  docs/limits.md lists them with the
// reason for each value.
#ifndef HEALTHACT_LIMITS_HPP_
#define HEALTHACT_LIMITS_HPP_

#include <cstddef>

namespace healthact::limits {

// A framework, organisation or table text.  The largest real framework is a
// few kilobytes; 64 MiB holds a generated one of several hundred thousand
// indicators.
inline constexpr std::size_t kMaxTextBytes = std::size_t{64} << 20;
// A data file (CSV of reported values): a national data set of 500 000
// villages × 26 indicators × a few years is well under 1 GiB.
inline constexpr std::size_t kMaxDataBytes = std::size_t{1} << 30;
// Brackets ( ) and blocks { } inside one another.  Real formulas nest two
// or three deep; the parsers recurse, so depth is what protects the stack.
inline constexpr int kMaxNesting = 32;
// Indicators in one framework.
inline constexpr int kMaxIndicators = 100000;
// Parts of one indicator ("100，70" has two).
inline constexpr int kMaxParts = 26;
// Characters (code points) in a name: a framework's, an indicator's, a part's.
// The longest name in the seeds (indicator 19) has 89.
inline constexpr int kMaxNameLength = 1000;
// A number has at most Decimal::kMaxIntegerDigits (20) digits before the
// point and Decimal::kMaxScale (18) after it; no exponent notation is read.
// Years: targets, reports, assessments and dates run from 1949 to 2100
// (E019 in a framework, a row error in data, HACT_ERROR_ARGUMENT through the
// C interface), so an indicator has at most 152 targets and "the year
// before" is always a year.
inline constexpr int kFirstYear = 1949;
inline constexpr int kLastYear = 2100;
constexpr bool IsYearInRange(int year) { return year >= kFirstYear && year <= kLastYear; }
// 继承 chains are at most ParseOptions::max_extends_depth (8) deep; cycles are
// found whatever the depth.

}  // namespace healthact::limits

#endif  // HEALTHACT_LIMITS_HPP_
