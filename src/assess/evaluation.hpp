// The evaluation of one unit on one indicator: the verdict and its reason.
// Every verdict the library gives comes from here and the rule kernel
// (kernel.hpp), which the columnar path shares.  Internal header.
#ifndef HEALTHACT_SRC_EVALUATION_HPP_
#define HEALTHACT_SRC_EVALUATION_HPP_

#include <optional>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>

#include "healthact/assess/assessment.hpp"
#include "healthact/assess/validation.hpp"

namespace healthact::evaluation {

using Integer = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::cpp_rational;

Rational ToRational(const Decimal& value);
// The one walk of a formula's tree, for formulas (公式) and the sides of
// consistency rules (校验): constants as written, + − × / exact, and each
// leaf (a count, an indicator's value) from `leaf(node)`, which returns
// nullopt when it has no usable value.  Operands are read left to right, and
// not at all after one fails.  A zero divisor calls `on_zero()` and gives
// nullopt.
template <typename Leaf, typename OnZero>
std::optional<Rational> EvaluateTree(const Formula& formula, int index, Leaf& leaf, OnZero& on_zero) {
  const FormulaNode& node = formula.nodes[index];
  switch (node.kind) {
    case FormulaNode::Kind::kConstant: return ToRational(node.constant);
    case FormulaNode::Kind::kCount:
    case FormulaNode::Kind::kIndicator: return leaf(node);
    default: break;
  }
  const std::optional<Rational> left = EvaluateTree(formula, node.left, leaf, on_zero);
  if (!left) return std::nullopt;
  const std::optional<Rational> right = EvaluateTree(formula, node.right, leaf, on_zero);
  if (!right) return std::nullopt;
  switch (node.kind) {
    case FormulaNode::Kind::kAdd: return *left + *right;
    case FormulaNode::Kind::kSubtract: return *left - *right;
    case FormulaNode::Kind::kMultiply: return *left * *right;
    default:
      if (right->is_zero()) {
        on_zero();
        return std::nullopt;
      }
      return *left / *right;
  }
}

// The value to show: exact without trailing zeros (5.1), or rounded half-up
// to `places` decimals and marked inexact (5.0975…); nullopt when it does not
// fit a decimal.
std::optional<VerdictValue> Approximately(const Rational& value, int places);
// The value rounded to `places` decimals by `rule`, as a Decimal (nullopt if
// out of range).
std::optional<Decimal> RoundRational(const Rational& value, int places, Rounding rule);

// A unit's numeric value for a key (indicator or part) in a year: reported,
// or computed from counts by the indicator's formula; a reported rate of a
// formula indicator is rounded by the formula's rule too.  A value outside
// its plausible range, a count that is not a non-negative whole number, and
// a reported rate its counts contradict are invalid, with the finding.
struct Value {
  VerdictStatus problem = VerdictStatus::kMissing;  // meaningful when !ok
  bool ok = false;
  Rational number;
  VerdictValue shown;                      // 74.8, 5.10, 5.0975…
  std::optional<Computation> computation;  // how it was computed, when it was
  Reason why;                              // when !ok: why there is none
  // Why the value cannot be used (out of its range, contradicted by its
  // counts), when that is a finding; problem is then kInvalid.
  std::optional<Finding> finding;
};
// Whether a value lies in a range.  The one statement of the range rule: the
// columnar path compiles the same bounds to integers (assessment.cc).
bool InRange(const ValueRange& range, const Rational& value);
bool InRange(const ValueRange& range, const Decimal& value);
Value NumericValue(const Indicator& indicator, std::string_view key,
                   const Observations& observations, UnitId unit, int year);

// "指标25分2项（25.1、25.2），但报告了一个值 90；…": the reason a two-part
// indicator reported as one value is invalid.
std::string PartsAsOneMessage(const Indicator& indicator, const Reported& whole);


// The verdict of `unit` on `indicator` in `year`.  With explain=false only
// the status (and the parts' statuses) are filled in.
Verdict Evaluate(const Indicator& indicator, const Observations& observations, UnitId unit,
                 int year, bool explain, TargetChoice choice = TargetChoice::kOfTheYear);

// The credit a verdict earns under linear partial credit: 1 when met, the
// share of the way from the baseline to the target when a comparison is
// missed (in [0, 1]; 0 without a baseline), 0 otherwise.
Rational LinearCredit(const Indicator& indicator, const Observations& observations, UnitId unit,
                      int year, VerdictStatus status,
                      TargetChoice choice = TargetChoice::kOfTheYear);

}  // namespace healthact::evaluation

#endif  // HEALTHACT_SRC_EVALUATION_HPP_
