#include "healthact/assessment.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "evaluation.hpp"
#include "healthact/dsl.hpp"
#include "healthact/version.hpp"
#include "sha256.hpp"
#include "strings.hpp"

namespace healthact {
namespace {

using evaluation::Rational;

// A comparison target compiled against one narrow column: the threshold as an
// integer at the column's scale, rounded so that the integer comparison gives
// exactly the decimal one.  (v ≥ 74.65 on a column of tenths is v ≥ 74.7.)
struct CompiledComparison {
  Comparator comparator = Comparator::kAtLeast;
  std::int64_t threshold = 0;
  bool never = false;  // "= t" where t is not on the column's grid
};

std::optional<CompiledComparison> Compile(const ComparisonTarget& target, int scale) {
  CompiledComparison compiled;
  compiled.comparator = target.comparator;
  Rounding rule = Rounding::kTruncate;
  switch (target.comparator) {
    case Comparator::kAtLeast:
    case Comparator::kBelow: rule = Rounding::kCeiling; break;
    case Comparator::kAtMost:
    case Comparator::kAbove: rule = Rounding::kFloor; break;
    case Comparator::kEqual:
      if (!target.value.ToScaledExactly(scale)) {
        compiled.never = true;
        return compiled;
      }
      break;
  }
  std::optional<std::int64_t> threshold = target.value.ToScaled(scale, rule);
  if (!threshold) return std::nullopt;
  compiled.threshold = *threshold;
  return compiled;
}

VerdictStatus NonNumberStatus(ReportKind kind) {
  switch (kind) {
    case ReportKind::kPending: return VerdictStatus::kPending;
    case ReportKind::kAchieved:
    case ReportKind::kNotAchieved: return VerdictStatus::kInvalid;
    default: return VerdictStatus::kMissing;
  }
}

// Statuses of every unit on one comparison over one narrow column.  The loop
// is instantiated per comparator so that it is a plain compare-and-store.
template <Comparator kComparator>
void CompareColumnWith(const Observations::Column& column, std::int64_t t,
                       const std::vector<UnitId>& units, bool all_units, VerdictStatus* out) {
  const ReportKind* kinds = column.kinds().data();
  const std::int64_t* scaled = column.scaled().data();
  const auto size = static_cast<UnitId>(column.kinds().size());
  const auto decide = [t](ReportKind kind, std::int64_t v) {
    if (kind != ReportKind::kNumber) return NonNumberStatus(kind);
    bool met;
    if constexpr (kComparator == Comparator::kAtLeast) met = v >= t;
    if constexpr (kComparator == Comparator::kAtMost) met = v <= t;
    if constexpr (kComparator == Comparator::kAbove) met = v > t;
    if constexpr (kComparator == Comparator::kBelow) met = v < t;
    if constexpr (kComparator == Comparator::kEqual) met = v == t;
    return met ? VerdictStatus::kMet : VerdictStatus::kNotMet;
  };
  if (all_units) {  // units are 0 .. n-1: no indirection
    const auto n = static_cast<UnitId>(units.size());
    const UnitId covered = std::min(n, size);
    for (UnitId u = 0; u < covered; ++u) out[u] = decide(kinds[u], scaled[u]);
    for (UnitId u = covered; u < n; ++u) out[u] = VerdictStatus::kMissing;
    return;
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const UnitId u = units[i];
    out[i] = u < size ? decide(kinds[u], scaled[u]) : VerdictStatus::kMissing;
  }
}

void CompareColumn(const Observations::Column* column, const CompiledComparison& compiled,
                   const std::vector<UnitId>& units, bool all_units, VerdictStatus* out) {
  if (column == nullptr) {
    std::fill(out, out + units.size(), VerdictStatus::kMissing);
    return;
  }
  const std::int64_t t = compiled.threshold;
  switch (compiled.never ? Comparator::kEqual : compiled.comparator) {
    case Comparator::kAtLeast: return CompareColumnWith<Comparator::kAtLeast>(*column, t, units, all_units, out);
    case Comparator::kAtMost: return CompareColumnWith<Comparator::kAtMost>(*column, t, units, all_units, out);
    case Comparator::kAbove: return CompareColumnWith<Comparator::kAbove>(*column, t, units, all_units, out);
    case Comparator::kBelow: return CompareColumnWith<Comparator::kBelow>(*column, t, units, all_units, out);
    case Comparator::kEqual: break;
  }
  if (!compiled.never) return CompareColumnWith<Comparator::kEqual>(*column, t, units, all_units, out);
  // "= t" with t off the column's grid: no number can equal it.
  for (std::size_t i = 0; i < units.size(); ++i) {
    const ReportKind kind = column->kind(units[i]);
    out[i] = kind == ReportKind::kNumber ? VerdictStatus::kNotMet : NonNumberStatus(kind);
  }
}

// The fast path for one comparison on one key; false when it does not apply.
bool FastComparison(const Observations& observations, std::string_view key, int year,
                    const ComparisonTarget& target, const std::vector<UnitId>& units,
                    bool all_units, VerdictStatus* out) {
  const Observations::Column* column = observations.FindColumn(key, year);
  if (column != nullptr && !column->narrow()) return false;
  std::optional<CompiledComparison> compiled =
      Compile(target, column == nullptr ? 0 : column->scale());
  if (!compiled) return false;
  CompareColumn(column, *compiled, units, all_units, out);
  return true;
}

bool FastAchievement(const Observations& observations, std::string_view key, int year,
                     const std::vector<UnitId>& units, VerdictStatus* out) {
  const Observations::Column* column = observations.FindColumn(key, year);
  for (std::size_t i = 0; i < units.size(); ++i) {
    const ReportKind kind = column == nullptr ? ReportKind::kNothing : column->kind(units[i]);
    switch (kind) {
      case ReportKind::kAchieved: out[i] = VerdictStatus::kMet; break;
      case ReportKind::kNotAchieved:
      case ReportKind::kNotEstablished: out[i] = VerdictStatus::kNotMet; break;
      case ReportKind::kPending: out[i] = VerdictStatus::kPending; break;
      case ReportKind::kNumber: out[i] = VerdictStatus::kInvalid; break;
      default: out[i] = VerdictStatus::kMissing; break;
    }
  }
  return true;
}

// A trend over narrow columns: each year's values brought to one scale, then
// compared year on year in 128-bit integers — the same decision as the
// explaining evaluator (oldest missing year first, a marked change measured
// against the earlier year's value).
bool FastTrend(const Observations& observations, std::string_view key, int year,
               const TrendTarget& trend, const std::vector<UnitId>& units, VerdictStatus* out) {
  const bool fall = trend.kind == TrendKind::kFall || trend.kind == TrendKind::kMarkedFall ||
                    trend.kind == TrendKind::kContinuousFall;
  const bool continuous =
      trend.kind == TrendKind::kContinuousFall || trend.kind == TrendKind::kContinuousRise;
  const int span = continuous ? trend.continuous_years.value_or(1) : 1;
  std::vector<const Observations::Column*> columns;
  int scale = 0;
  for (int y = year - span; y <= year; ++y) {
    const Observations::Column* column = observations.FindColumn(key, y);
    if (column != nullptr && !column->narrow()) return false;
    if (column != nullptr) scale = std::max(scale, column->scale());
    columns.push_back(column);
  }
  std::optional<std::int64_t> percent;
  int percent_scale = 0;
  if (trend.marked_change_percent) {
    percent_scale = trend.marked_change_percent->scale();
    percent = trend.marked_change_percent->ToScaled(percent_scale, Rounding::kTruncate);
    if (!percent) return false;
  }
  std::vector<__int128> factor;
  for (const Observations::Column* column : columns) {
    __int128 f = 1;
    for (int k = column == nullptr ? 0 : column->scale(); k < scale; ++k) f *= 10;
    factor.push_back(f);
  }
  __int128 percent_unit = 1;
  for (int k = 0; k < percent_scale; ++k) percent_unit *= 10;
  std::vector<__int128> values(columns.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    const UnitId u = units[i];
    out[i] = VerdictStatus::kMet;
    bool complete = true;
    for (std::size_t c = 0; c < columns.size() && complete; ++c) {
      const ReportKind kind = columns[c] == nullptr ? ReportKind::kNothing : columns[c]->kind(u);
      if (kind != ReportKind::kNumber) {
        out[i] = NonNumberStatus(kind);
        complete = false;
        break;
      }
      values[c] = static_cast<__int128>(columns[c]->scaled()[u]) * factor[c];
    }
    if (!complete) continue;
    bool moved = true;
    for (std::size_t c = 1; c < values.size(); ++c) {
      moved = moved && (fall ? values[c] < values[c - 1] : values[c] > values[c - 1]);
    }
    bool met = moved;
    if (met && percent) {
      const __int128 before = values[values.size() - 2];
      const __int128 now = values.back();
      const __int128 change = fall ? before - now : now - before;
      // change / before × 100 ≥ percent / 10^percent_scale, with before > 0.
      met = before > 0 && change * 100 * percent_unit >= static_cast<__int128>(*percent) * before;
    }
    out[i] = met ? VerdictStatus::kMet : VerdictStatus::kNotMet;
  }
  return true;
}

// Fills the statuses of every unit on one indicator.
void EvaluateIndicator(const Indicator& indicator,
                       const Observations& observations, int year,
                       const std::vector<UnitId>& units, bool all_units, VerdictStatus* out) {
  const Target* target = indicator.TargetFor(year);
  if (target == nullptr || std::holds_alternative<NotApplicableTarget>(target->form)) {
    std::fill(out, out + units.size(), VerdictStatus::kNotApplicable);
    return;
  }
  if (!indicator.formula) {
    if (const auto* comparison = std::get_if<ComparisonTarget>(&target->form)) {
      if (FastComparison(observations, indicator.number, year, *comparison, units, all_units, out)) {
        return;
      }
    } else if (std::holds_alternative<AchievementTarget>(target->form)) {
      if (FastAchievement(observations, indicator.number, year, units, out)) return;
    } else if (const auto* trend = std::get_if<TrendTarget>(&target->form)) {
      if (FastTrend(observations, indicator.number, year, *trend, units, out)) return;
    } else if (const auto* parts = std::get_if<PartsTarget>(&target->form)) {
      // Each part over its own column, then combined as Evaluate does.
      std::vector<VerdictStatus> part(units.size());
      std::fill(out, out + units.size(), VerdictStatus::kMet);
      bool fast = parts->parts.size() == indicator.parts.size();
      for (std::size_t p = 0; fast && p < parts->parts.size(); ++p) {
        fast = FastComparison(observations, indicator.parts[p].number, year, parts->parts[p], units,
                              all_units, part.data());
        for (std::size_t i = 0; fast && i < units.size(); ++i) {
          // Severity order of Combine(): invalid, not met, missing, pending, met.
          static constexpr int kSeverity[] = {0, 3, 2, 1, 0, 4};
          if (kSeverity[static_cast<int>(part[i])] > kSeverity[static_cast<int>(out[i])]) {
            out[i] = part[i];
          }
        }
      }
      if (fast) return;
    }
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    out[i] = evaluation::Evaluate(indicator, observations, units[i], year, false).status;
  }
}

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

// Competition ranks (1, 2, 2, 4) of `members` by score, highest first; tied
// units in the order of their names.  Scores are compared as integer
// hundredths and names by their precomputed rank, so no string is compared.
// `by_name` is scratch of name_rank.size() entries, shared by the calls of
// one assessment: allocating it per call made ranking within thousands of
// parents quadratic.
void Rank(const std::vector<std::size_t>& members, const std::vector<std::int64_t>& hundredths,
          const std::vector<std::int32_t>& name_rank, std::vector<std::size_t>& by_name,
          std::vector<int>& ranks, std::vector<std::size_t>* order) {
  // One 64-bit key per unit: the score, highest first, then the name's rank
  // (unique), so that a plain integer sort gives the order.
  constexpr std::int64_t kMaxHundredths = 10000;
  std::vector<std::uint64_t> keys;
  keys.reserve(members.size());
  for (std::size_t member : members) {
    keys.push_back((static_cast<std::uint64_t>(kMaxHundredths - hundredths[member]) << 32) |
                   static_cast<std::uint32_t>(name_rank[member]));
    by_name[name_rank[member]] = member;
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::size_t> sorted;
  sorted.reserve(keys.size());
  for (std::uint64_t key : keys) sorted.push_back(by_name[key & 0xFFFFFFFFu]);
  for (std::size_t position = 0; position < sorted.size(); ++position) {
    const bool tied =
        position > 0 && hundredths[sorted[position]] == hundredths[sorted[position - 1]];
    ranks[sorted[position]] = tied ? ranks[sorted[position - 1]] : static_cast<int>(position) + 1;
  }
  if (order != nullptr) *order = std::move(sorted);
}

bool IsUnder(const Observations& observations, UnitId unit, UnitId ancestor) {
  for (std::optional<UnitId> up = observations.parent(unit); up; up = observations.parent(*up)) {
    if (*up == ancestor) return true;
  }
  return false;
}

}  // namespace

std::string_view VerdictStatusName(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kMet: return "met";
    case VerdictStatus::kNotMet: return "not_met";
    case VerdictStatus::kMissing: return "missing";
    case VerdictStatus::kPending: return "pending";
    case VerdictStatus::kNotApplicable: return "not_applicable";
    case VerdictStatus::kInvalid: return "invalid";
  }
  return "?";
}

struct Assessment::LazyRecord {
  std::once_flag once;
  DecisionRecord record;
};

const DecisionRecord& Assessment::record() const {
  std::call_once(record_->once, [this] {
    DecisionRecord& r = record_->record;
    r.framework_name = framework_->name();
    r.framework_sha256 = Sha256Hex(FormatFramework(*framework_));
    r.observations_sha256 = ObservationsSha256(*observations_);
    r.year = year_;
    r.library_version = HEALTHACT_VERSION_STRING;
  });
  return record_->record;
}

Verdict Assessment::Explain(std::size_t u, std::size_t i) const {
  return evaluation::Evaluate(framework_->indicators()[i], *observations_, units_[u],
                              year_, true);
}

std::string ObservationsSha256(const Observations& observations) {
  // Units sorted by name, so that the hash does not depend on row order.
  std::vector<UnitId> units(observations.unit_count());
  std::iota(units.begin(), units.end(), 0);
  std::sort(units.begin(), units.end(), [&](UnitId a, UnitId b) {
    return observations.unit_name(a) < observations.unit_name(b);
  });
  Sha256 hash;
  for (UnitId unit : units) {
    const std::optional<UnitId> parent = observations.parent(unit);
    hash.Update(text::StrCat("unit\t", observations.unit_name(unit), "\t",
                             parent ? observations.unit_name(*parent) : "", "\t",
                             UnitLevelName(observations.level(unit)), "\n"));
  }
  for (const auto& [key, year] : observations.Keys()) {
    const Observations::Column* column = observations.FindColumn(key, year);
    for (UnitId unit : units) {
      const Reported reported = column->Get(unit);
      if (reported.kind == ReportKind::kNothing) continue;
      hash.Update(text::StrCat("value\t", observations.unit_name(unit), "\t", key, "\t", year, "\t",
                               reported.ToString(), "\n"));
    }
  }
  return hash.HexDigest();
}

// What scoring needs of a framework, derived once (Framework caches it).
// Scores are exact: the weights are integers over a common denominator, so
// a unit's earned and possible weight are integer sums, and the score is
// rounded once, half-up, to two decimals.  (Linear partial credit needs
// rationals and takes the slower exact path.)
struct ScoringPlan {
  std::vector<Rational> weights;         // each indicator's, out of 100
  std::vector<Decimal> rounded_weights;  // the same to 4 places, for display
  std::vector<std::int64_t> integer_weights;
  bool integers_fit = false;  // below 2^40, so that sums stay inside 64 bits
};

const ScoringPlan& ScoringPlanOf(const Framework& framework) {
  Framework::DerivedCache& cache = *framework.derived_;
  std::call_once(cache.once, [&] {
    auto plan = std::make_shared<ScoringPlan>();
    plan->weights = Weights(framework);
    evaluation::Integer denominator = 1;
    for (const Rational& weight : plan->weights) {
      plan->rounded_weights.push_back(
          evaluation::RoundRational(weight, 4, Rounding::kHalfUp).value_or(Decimal()));
      denominator = boost::multiprecision::lcm(denominator, boost::multiprecision::denominator(weight));
    }
    plan->integers_fit = denominator < (evaluation::Integer(1) << 40);
    for (const Rational& weight : plan->weights) {
      const evaluation::Integer scaled = boost::multiprecision::numerator(Rational(weight * denominator));
      plan->integers_fit = plan->integers_fit && scaled < (evaluation::Integer(1) << 40);
      plan->integer_weights.push_back(plan->integers_fit ? scaled.convert_to<long long>() : 0);
    }
    cache.scoring = std::move(plan);
  });
  return *cache.scoring;
}

Assessment Assess(std::shared_ptr<const Framework> framework,
                  std::shared_ptr<const Observations> observations, int year,
                  const AssessOptions& options) {
  Assessment result;
  result.framework_ = std::move(framework);
  result.observations_ = std::move(observations);
  result.year_ = year;
  result.options_ = options;
  const Framework& f = *result.framework_;
  const Observations& obs = *result.observations_;

  result.units_.reserve(static_cast<std::size_t>(obs.unit_count()));
  for (UnitId unit = 0; unit < obs.unit_count(); ++unit) {
    if (options.level && obs.level(unit) != *options.level) continue;
    if (options.within && !IsUnder(obs, unit, *options.within)) continue;
    result.units_.push_back(unit);
  }
  const std::size_t n = result.units_.size();
  const bool all_units = n == static_cast<std::size_t>(obs.unit_count());  // ids 0 .. n-1
  const std::vector<Indicator>& indicators = f.indicators();
  result.statuses_ = std::make_shared_for_overwrite<VerdictStatus[]>(indicators.size() * n);
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    EvaluateIndicator(indicators[i], obs, year, result.units_, all_units,
                      result.statuses_.get() + i * n);
  }

  const ScoringPlan& plan = ScoringPlanOf(f);
  const std::vector<Rational>& weights = plan.weights;
  result.weights_ = plan.rounded_weights;
  const std::vector<std::int64_t>& integer_weights = plan.integer_weights;
  const bool integers_fit = plan.integers_fit;
  const bool linear = f.scoring().partial_credit == PartialCredit::kLinear;
  std::vector<std::int64_t>& hundredths = result.score_hundredths_;
  hundredths.assign(n, 0);
  if (!linear && integers_fit) {
    // Indicator by indicator, so that the verdicts are read in memory order.
    std::vector<std::int64_t> earned(n, 0), possible(n, 0);
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const VerdictStatus* row = result.statuses_.get() + i * n;
      const std::int64_t w = integer_weights[i];
      for (std::size_t u = 0; u < n; ++u) {
        const VerdictStatus status = row[u];
        const bool counts = status != VerdictStatus::kNotApplicable && status != VerdictStatus::kPending;
        possible[u] += counts ? w : 0;
        earned[u] += status == VerdictStatus::kMet ? w : 0;
      }
    }
    for (std::size_t u = 0; u < n; ++u) {
      // 100 × earned / possible to two decimals, half-up: (20000 e + p) / 2p.
      hundredths[u] = possible[u] == 0 ? 0
                                       : static_cast<std::int64_t>(
                                             (static_cast<__int128>(earned[u]) * 20000 + possible[u]) /
                                             (static_cast<__int128>(possible[u]) * 2));
    }
  } else {
    for (std::size_t u = 0; u < n; ++u) {
      Rational earned = 0, possible = 0;
      for (std::size_t i = 0; i < indicators.size(); ++i) {
        const VerdictStatus status = result.status(u, i);
        if (status == VerdictStatus::kNotApplicable || status == VerdictStatus::kPending) continue;
        possible += weights[i];
        if (status == VerdictStatus::kMet) {
          earned += weights[i];
        } else if (linear && status == VerdictStatus::kNotMet) {
          earned += weights[i] * evaluation::LinearCredit(indicators[i], obs, result.units_[u],
                                                          year, status);
        }
      }
      const Rational score = possible.is_zero() ? Rational(0) : earned * 100 / possible;
      hundredths[u] = evaluation::RoundRational(score, 2, Rounding::kHalfUp)
                          .value_or(Decimal())
                          .ToScaled(2, Rounding::kTruncate)
                          .value_or(0);
    }
  }
  result.grades_ = f.scoring().grades.empty() ? DefaultGrades() : f.scoring().grades;
  std::vector<std::int64_t> minimum_hundredths;
  for (const Grade& grade : result.grades_) {
    minimum_hundredths.push_back(grade.minimum.ToScaled(2, Rounding::kCeiling).value_or(0));
  }
  result.grade_index_.reserve(n);
  for (std::size_t u = 0; u < n; ++u) {
    std::size_t g = 0;
    while (g + 1 < minimum_hundredths.size() && hundredths[u] < minimum_hundredths[g]) ++g;
    result.grade_index_.push_back(static_cast<std::uint8_t>(g));
  }

  // Ranks among all assessed units, and among those with the same parent.
  const std::vector<std::int32_t> all_name_ranks = obs.NameRanks();
  // Name ranks among the assessed units only, 0 .. n-1.
  std::vector<std::int32_t> name_rank(n);
  {
    std::vector<std::size_t> by_all(all_name_ranks.size(), n);
    for (std::size_t u = 0; u < n; ++u) by_all[all_name_ranks[result.units_[u]]] = u;
    std::int32_t next = 0;
    for (std::size_t position : by_all) {
      if (position != n) name_rank[position] = next++;
    }
  }
  std::vector<std::size_t> everyone(n);
  std::iota(everyone.begin(), everyone.end(), 0);
  result.ranks_.assign(n, 0);
  std::vector<std::size_t> by_name(n);
  Rank(everyone, hundredths, name_rank, by_name, result.ranks_, &result.ranking_);
  bool one_family = true;
  for (std::size_t u = 1; u < n && one_family; ++u) {
    one_family = obs.parent(result.units_[u]) == obs.parent(result.units_[0]);
  }
  if (one_family) {
    result.parent_ranks_ = result.ranks_;  // the same ranks
  } else {
    std::map<std::optional<UnitId>, std::vector<std::size_t>> siblings;
    for (std::size_t u = 0; u < n; ++u) siblings[obs.parent(result.units_[u])].push_back(u);
    result.parent_ranks_.assign(n, 0);
    for (const auto& [parent, members] : siblings) {
      Rank(members, hundredths, name_rank, by_name, result.parent_ranks_, nullptr);
    }
  }

  result.record_ = std::make_shared<Assessment::LazyRecord>();
  return result;
}

}  // namespace healthact
