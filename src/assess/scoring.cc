// Scoring and ranking (scoring.hpp).
#include "assess/scoring.hpp"

#include "absl/container/inlined_vector.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace healthact {
namespace {

using evaluation::Rational;

// Each indicator's weight out of 100 (see Scoring).
std::vector<Rational> Weights(const Framework& framework) {
  const std::vector<Indicator>& indicators = framework.indicators();
  const Scoring& scoring = framework.scoring();
  std::vector<std::optional<Rational>> stated(indicators.size());
  std::map<std::string, int> group_size;
  for (const Indicator& indicator : indicators) ++group_size[indicator.basis];
  Rational stated_total = 0;
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    for (const auto& [number, weight] : scoring.indicator_weights) {
      if (number == indicators[i].number) stated[i] = evaluation::ToRational(weight);
    }
    for (const auto& [basis, weight] : scoring.basis_weights) {
      if (basis == indicators[i].basis) {
        stated[i] = evaluation::ToRational(weight) / group_size[basis];
      }
    }
    if (stated[i]) stated_total += *stated[i];
  }
  const auto unstated = static_cast<int>(
      std::count(stated.begin(), stated.end(), std::optional<Rational>()));
  std::vector<Rational> weights;
  for (const std::optional<Rational>& weight : stated) {
    weights.push_back(weight ? *weight : (100 - stated_total) / std::max(unstated, 1));
  }
  return weights;
}

}  // namespace

ScoringPlan PlanScoring(const Framework& framework) {
  ScoringPlan plan;
  plan.weights = Weights(framework);
  evaluation::Integer denominator = 1;
  for (const Rational& weight : plan.weights) {
    plan.rounded_weights.push_back(evaluation::RoundRational(weight, 4, Rounding::kHalfUp).value_or(Decimal()));
    denominator = boost::multiprecision::lcm(denominator, boost::multiprecision::denominator(weight));
  }
  plan.integers_fit = denominator < (evaluation::Integer(1) << 40);
  std::vector<std::int64_t> integer_weights;
  for (const Rational& weight : plan.weights) {
    const evaluation::Integer scaled = boost::multiprecision::numerator(Rational(weight * denominator));
    plan.integers_fit = plan.integers_fit && scaled < (evaluation::Integer(1) << 40);
    integer_weights.push_back(plan.integers_fit ? scaled.convert_to<long long>() : 0);
  }
  for (std::size_t i = 0; i < integer_weights.size(); ++i) {
    const std::int64_t weight = integer_weights[i];
    auto group = std::find_if(plan.weight_groups.begin(), plan.weight_groups.end(),
                              [&](const ScoringPlan::WeightGroup& g) { return g.weight == weight; });
    if (group == plan.weight_groups.end()) group = plan.weight_groups.insert(plan.weight_groups.end(), {weight, {}});
    group->indicators.push_back(i);
  }
  return plan;
}

namespace scoring {
namespace {

// Adds one to met[u] where row[u] is met, and to counted[u] where it
// Counts: a byte per unit, sixteen units a step where SSE2 is (every
// x86-64).  Summing 64-bit weights verdict by verdict cost more than
// judging the verdicts.
void TallyRow(const VerdictStatus* row, std::size_t n, std::uint8_t* met, std::uint8_t* counted) {
  std::size_t u = 0;
#if defined(__SSE2__)
  const __m128i met_code = _mm_set1_epi8(static_cast<char>(VerdictStatus::kMet));
  const __m128i pending = _mm_set1_epi8(static_cast<char>(VerdictStatus::kPending));
  const __m128i not_applicable = _mm_set1_epi8(static_cast<char>(VerdictStatus::kNotApplicable));
  for (; u + 16 <= n; u += 16) {
    const __m128i s = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + u));
    __m128i* m = reinterpret_cast<__m128i*>(met + u);
    __m128i* c = reinterpret_cast<__m128i*>(counted + u);
    // A lane is all ones (-1) where the comparison holds: subtracting adds one.
    _mm_storeu_si128(m, _mm_sub_epi8(_mm_loadu_si128(m), _mm_cmpeq_epi8(s, met_code)));
    const __m128i left_out = _mm_or_si128(_mm_cmpeq_epi8(s, pending), _mm_cmpeq_epi8(s, not_applicable));
    // counted += 1 - left_out's one: add one everywhere, take it back where left out.
    _mm_storeu_si128(c, _mm_add_epi8(_mm_sub_epi8(_mm_loadu_si128(c), _mm_set1_epi8(-1)), left_out));
  }
#endif
  for (; u < n; ++u) {
    met[u] += row[u] == VerdictStatus::kMet;
    counted[u] += Counts(row[u]);
  }
}

}  // namespace

void SumIntegerWeights(const VerdictStatus* statuses, std::size_t n,
                       const std::vector<ScoringPlan::WeightGroup>& weight_groups, std::span<std::int64_t> earned,
                       std::span<std::int64_t> possible) {
  std::fill(earned.begin(), earned.begin() + n, 0);
  std::fill(possible.begin(), possible.begin() + n, 0);
  // Indicators of one weight are tallied together, in bytes, and the bytes
  // multiplied by the weight every 255 rows (before a byte could wrap).  The
  // tallies of a few units (one unit checked before it is sent) need no
  // allocation.
  absl::InlinedVector<std::uint8_t, 128> tallies(2 * n);
  std::uint8_t* const met = tallies.data();
  std::uint8_t* const counted = tallies.data() + n;
  const auto add_tallies = [&](std::int64_t weight) {
    for (std::size_t u = 0; u < n; ++u) {
      earned[u] += weight * met[u];
      possible[u] += weight * counted[u];
    }
    std::fill(tallies.begin(), tallies.end(), 0);
  };
  for (const auto& [weight, rows] : weight_groups) {
    std::size_t tallied = 0;
    for (std::size_t i : rows) {
      TallyRow(statuses + i * n, n, met, counted);
      if (++tallied == 255) {
        add_tallies(weight);
        tallied = 0;
      }
    }
    if (tallied > 0) add_tallies(weight);
  }
}

Rational Credit(const Framework& framework, std::size_t indicator, const Observations& observations,
                UnitId unit, int year, VerdictStatus status, TargetChoice choice) {
  if (status == VerdictStatus::kMet) return 1;
  if (status == VerdictStatus::kNotMet &&
      framework.scoring().partial_credit == PartialCredit::kLinear) {
    return evaluation::LinearCredit(framework.indicators()[indicator], observations, unit, year,
                                    status, choice);
  }
  return 0;
}

std::int64_t Hundredths(const Rational& earned, const Rational& possible) {
  if (possible.is_zero()) return 0;
  return evaluation::RoundRational(earned * 100 / possible, 2, Rounding::kHalfUp)
      .value_or(Decimal())
      .ToScaled(2, Rounding::kTruncate)
      .value_or(0);
}

std::vector<std::int64_t> GradeMinimums(const std::vector<Grade>& grades) {
  std::vector<std::int64_t> minimums;
  for (const Grade& grade : grades) {
    minimums.push_back(grade.minimum.ToScaled(2, Rounding::kCeiling).value_or(0));
  }
  return minimums;
}

std::size_t GradeIndex(const std::vector<std::int64_t>& minimums, std::int64_t hundredths) {
  std::size_t g = 0;
  while (g + 1 < minimums.size() && hundredths < minimums[g]) ++g;
  return g;
}

namespace {

// The units 0 .. n-1, as a range for RankMembers' loops.  (Not
// std::views::iota: clang 14, the fuzzing build's compiler, cannot compile
// libstdc++ 12's.)
struct EveryUnit {
  struct Iterator {
    std::size_t unit;
    std::size_t operator*() const { return unit; }
    Iterator& operator++() {
      ++unit;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return unit != other.unit; }
  };
  std::size_t n;
  Iterator begin() const { return {0}; }
  Iterator end() const { return {n}; }
  std::size_t size() const { return n; }
};

// The one ranking rule behind RankEveryone and Rank; `members` is a range of
// unit indices (all of them, or one parent's).
template <typename Members>
void RankMembers(const Members& members, std::span<const std::int64_t> hundredths,
                 std::span<const std::int32_t> name_rank, std::span<std::size_t> by_name, std::span<int> ranks,
                 std::vector<std::size_t>& sorted) {
  constexpr std::int64_t kMaxHundredths = 10000;
  for (std::size_t member : members) by_name[name_rank[member]] = member;
  const std::size_t count = members.size();
  sorted.clear();
  bool scores_in_range = true;
  for (std::size_t member : members) {
    scores_in_range = scores_in_range && hundredths[member] >= 0 && hundredths[member] <= kMaxHundredths;
  }
  if (count == by_name.size() && count > kMaxHundredths && scores_in_range) {
    // Every unit, and many: by_name is then the whole name order, and a
    // counting sort by score over it (stable, so ties stay in name order)
    // is linear.  Sorting 40 000 keys was a fifth of an assessment.
    std::vector<std::size_t> next(kMaxHundredths + 2, 0);  // first position of each score, highest first
    for (std::size_t member : members) ++next[kMaxHundredths - hundredths[member] + 1];
    for (std::size_t s = 1; s < next.size(); ++s) next[s] += next[s - 1];
    sorted.resize(count);
    for (std::size_t member : by_name) sorted[next[kMaxHundredths - hundredths[member]]++] = member;
  } else {
    // One 64-bit key per unit: the score, highest first, then the name's
    // rank (unique), so that a plain integer sort gives the order.
    std::vector<std::uint64_t> keys;
    keys.reserve(count);
    for (std::size_t member : members) {
      keys.push_back((static_cast<std::uint64_t>(kMaxHundredths - hundredths[member]) << 32) |
                     static_cast<std::uint32_t>(name_rank[member]));
    }
    std::sort(keys.begin(), keys.end());
    sorted.reserve(count);
    for (std::uint64_t key : keys) sorted.push_back(by_name[key & 0xFFFFFFFFu]);
  }
  for (std::size_t position = 0; position < sorted.size(); ++position) {
    const bool tied =
        position > 0 && hundredths[sorted[position]] == hundredths[sorted[position - 1]];
    ranks[sorted[position]] = tied ? ranks[sorted[position - 1]] : static_cast<int>(position) + 1;
  }
}

}  // namespace

void RankEveryone(std::span<const std::int64_t> hundredths, std::span<const std::int32_t> name_rank,
                  std::span<std::size_t> by_name, std::span<int> ranks, std::vector<std::size_t>& order) {
  RankMembers(EveryUnit{hundredths.size()}, hundredths, name_rank, by_name, ranks, order);
}

void Rank(std::span<const std::size_t> members, std::span<const std::int64_t> hundredths,
          std::span<const std::int32_t> name_rank, std::span<std::size_t> by_name, std::span<int> ranks,
          std::vector<std::size_t>& order) {
  RankMembers(members, hundredths, name_rank, by_name, ranks, order);
}

}  // namespace scoring
}  // namespace healthact
