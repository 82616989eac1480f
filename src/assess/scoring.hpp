// How verdicts become scores and scores become ranks: the one rule that
// counties' assessment and departments' assessment both apply.  Internal
// header.
#ifndef HEALTHACT_SRC_ASSESS_SCORING_HPP_
#define HEALTHACT_SRC_ASSESS_SCORING_HPP_

#include <cstdint>
#include <span>
#include <vector>

#include "assess/evaluation.hpp"
#include "healthact/core/decimal.hpp"
#include "healthact/model/framework.hpp"

namespace healthact {

// What scoring needs of a framework, derived once (plan.hpp keeps it).
// Scores are exact: the weights are integers over a common denominator, so
// a unit's earned and possible weight are integer sums, and the score is
// rounded once, half-up, to two decimals.  (Linear partial credit needs
// rationals and takes the slower exact path.)
struct ScoringPlan {
  std::vector<evaluation::Rational> weights;  // each indicator's, out of 100
  std::vector<Decimal> rounded_weights;       // the same to 4 places, for display
  bool integers_fit = false;  // the weights over their common denominator below 2^40, so that sums stay inside 64 bits
  // The indicators of each distinct integer weight (the weights over their
  // common denominator; meaningful when integers_fit), in order of first
  // appearance: a framework has few distinct weights (often one), and
  // SumIntegerWeights tallies each group's verdicts together.
  struct WeightGroup {
    std::int64_t weight = 0;
    std::vector<std::size_t> indicators;
  };
  std::vector<WeightGroup> weight_groups;
};
ScoringPlan PlanScoring(const Framework& framework);

namespace scoring {

// Whether a verdict weighs in a score at all: a verdict not yet due
// (pending) or not applicable does not; a missing or invalid figure does,
// and earns nothing.
constexpr bool Counts(VerdictStatus status) {
  return status != VerdictStatus::kNotApplicable && status != VerdictStatus::kPending;
}

// Each unit's earned and possible weight as integer sums, from verdicts laid
// out indicator by indicator (statuses[i * n + u] is unit u's on indicator
// i): a met verdict earns its indicator's weight (from the plan's
// weight_groups), one that Counts makes it possible.  `earned` and
// `possible` hold n each, and are overwritten (the caller's storage: one
// unit checked needs no allocation).
void SumIntegerWeights(const VerdictStatus* statuses, std::size_t n,
                       const std::vector<ScoringPlan::WeightGroup>& weight_groups, std::span<std::int64_t> earned,
                       std::span<std::int64_t> possible);

// The share of an indicator's weight a verdict earns, in [0, 1]: 1 when
// met; when missed, the framework's partial credit (线性: the share of the
// way from the baseline, see evaluation::LinearCredit) or 0; 0 otherwise.
evaluation::Rational Credit(const Framework& framework, std::size_t indicator,
                            const Observations& observations, UnitId unit, int year,
                            VerdictStatus status, TargetChoice choice);

// 100 × earned / possible, half-up to two decimals, as hundredths; 0 when
// nothing is possible.
std::int64_t Hundredths(const evaluation::Rational& earned, const evaluation::Rational& possible);

// Grades' minimum scores in hundredths (rounded up), highest first as the
// grades are; and the grade of a score in hundredths: the first whose minimum
// it reaches, the last for anything below.
std::vector<std::int64_t> GradeMinimums(const std::vector<Grade>& grades);
std::size_t GradeIndex(const std::vector<std::int64_t>& minimums, std::int64_t hundredths);

// Competition ranks (1, 2, 2, 4) by score, highest first; tied units in the
// order of their names.  Scores are compared as integer hundredths and names
// by their precomputed rank (name_rank[u], unique, 0 .. name_rank.size()-1),
// so no string is compared.  `by_name` is scratch of name_rank.size()
// entries, shared by the calls of one assessment: allocating it per call
// made ranking within thousands of parents quadratic.  `order` receives the
// ranked units, first to last (its storage is reused).
//
// RankEveryone ranks every unit 0 .. hundredths.size()-1: with many, by a
// counting sort of the scores over the name order, which is linear.
void RankEveryone(std::span<const std::int64_t> hundredths, std::span<const std::int32_t> name_rank,
                  std::span<std::size_t> by_name, std::span<int> ranks, std::vector<std::size_t>& order);
// Rank ranks `members` only (the units of one parent).
void Rank(std::span<const std::size_t> members, std::span<const std::int64_t> hundredths,
          std::span<const std::int32_t> name_rank, std::span<std::size_t> by_name, std::span<int> ranks,
          std::vector<std::size_t>& order);

}  // namespace scoring
}  // namespace healthact

#endif  // HEALTHACT_SRC_ASSESS_SCORING_HPP_
