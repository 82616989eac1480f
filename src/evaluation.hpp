// The evaluation of one unit on one indicator: the verdict and its reason.
// Every verdict the library gives comes from here (the columnar fast path in
// assessment.cc is checked against it in tests).  Internal header.
#ifndef HEALTHACT_SRC_EVALUATION_HPP_
#define HEALTHACT_SRC_EVALUATION_HPP_

#include <optional>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>

#include "healthact/assessment.hpp"

namespace healthact::evaluation {

using Integer = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::cpp_rational;

Rational ToRational(const Decimal& value);
// "5.0975…": the value to `places` decimals, with … when that is not exact.
std::string RationalText(const Rational& value, int places = 4);
// The value rounded to `places` decimals by `rule`, as a Decimal (nullopt if
// out of range).
std::optional<Decimal> RoundRational(const Rational& value, int places, Rounding rule);

// A unit's numeric value for a key (indicator or part) in a year: reported,
// or computed from counts by the indicator's formula.
struct Value {
  VerdictStatus problem = VerdictStatus::kMissing;  // meaningful when !ok
  bool ok = false;
  Rational number;
  std::string text;    // "74.8", "5.10", "5.0975…"
  std::string detail;  // how it was computed, or why there is none
};
Value NumericValue(const Indicator& indicator, std::string_view key,
                   const Observations& observations, UnitId unit, int year);

// The verdict of `unit` on `indicator` in `year`.  With explain=false only
// the status (and the parts' statuses) are filled in.
Verdict Evaluate(const Indicator& indicator,
                 const Observations& observations, UnitId unit, int year, bool explain);

// The credit a verdict earns under linear partial credit: 1 when met, the
// share of the way from the baseline to the target when a comparison is
// missed (in [0, 1]; 0 without a baseline), 0 otherwise.
Rational LinearCredit(const Indicator& indicator,
                      const Observations& observations, UnitId unit, int year,
                      VerdictStatus status);

}  // namespace healthact::evaluation

#endif  // HEALTHACT_SRC_EVALUATION_HPP_
