// Assessment (考核): the verdict of every unit on every indicator for a year,
// with the reason in words a clerk reads; scores, grades and ranks; and the
// record of what it was computed from.
#ifndef HEALTHACT_ASSESSMENT_HPP_
#define HEALTHACT_ASSESSMENT_HPP_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "healthact/core/decimal.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/data/observations.hpp"
#include "healthact/assess/validation.hpp"
#include "healthact/assess/verdict.hpp"

namespace healthact {

// How many of one unit's verdicts have each status; every summary shows
// all six, so that nothing invalid passes as missing.
struct VerdictCounts {
  int met = 0, not_met = 0, missing = 0, pending = 0, invalid = 0, not_applicable = 0;
  // One more verdict of `status`.  Inline: a report tallies every verdict
  // of every unit through it.
  void Add(VerdictStatus status) {
    switch (status) {
      case VerdictStatus::kMet: ++met; break;
      case VerdictStatus::kNotMet: ++not_met; break;
      case VerdictStatus::kMissing: ++missing; break;
      case VerdictStatus::kPending: ++pending; break;
      case VerdictStatus::kInvalid: ++invalid; break;
      case VerdictStatus::kNotApplicable: ++not_applicable; break;
    }
  }
};

// How much a verdict explanation says: failures only, or every verdict.
enum class Explanation : std::int32_t { kFailures = 0, kAll = 1 };

// What an assessment was computed from, so that a published ranking can be
// reproduced and challenged: content hashes of the framework's canonical text
// and of the observations, the year, the library's version.
struct DecisionRecord {
  std::string framework_name;
  std::string framework_sha256;
  std::string observations_sha256;
  int year = 0;
  std::string library_version;
};

struct AssessOptions {
  // Assess only units at this level (县区, 乡镇, …); unset: every unit.
  std::optional<UnitLevel> level;
  // Assess only units under this one (its descendants); unset: everywhere.
  std::optional<UnitId> within;
  // Judge against the year's own targets (an assessment), or against the
  // targets in force (monitoring: progress toward the next target).
  TargetChoice targets = TargetChoice::kOfTheYear;
};

struct AssessmentPlan;  // src/assess/plan.hpp: what a framework's assessments share

class Assessment {
 public:
  const Framework& framework() const { return *framework_; }
  const std::shared_ptr<const Framework>& framework_ptr() const { return framework_; }
  const AssessOptions& options() const { return options_; }
  const Observations& observations() const { return *observations_; }
  const std::shared_ptr<const Observations>& observations_ptr() const { return observations_; }
  int year() const { return year_; }
  // Computed on first request (hashing every value of a national data set
  // takes a moment); safe to call from several threads.
  const DecisionRecord& record() const;

  // The assessed units, in the order of the observations.
  const std::vector<UnitId>& units() const { return units_; }
  std::size_t unit_count() const { return units_.size(); }
  std::size_t indicator_count() const { return framework_->indicators().size(); }

  // Verdict status of unit `u` (an index into units()) on indicator `i`
  // (an index into framework().indicators()).
  VerdictStatus status(std::size_t u, std::size_t i) const {
    return statuses_[i * units_.size() + u];
  }
  // The full verdict with its reason, computed on demand.
  Verdict Explain(std::size_t u, std::size_t i) const;

  // What validation found in unit u's figures: ranges, rates against their
  // counts, parts reported as one, the framework's rules (see validation.hpp).
  // Error-level findings are why some of its verdicts are invalid.
  const std::vector<Finding>& findings(std::size_t u) const;
  VerdictCounts counts(std::size_t u) const;

  // Score out of 100, rounded half-up to 2 decimals, on which units are ranked.
  Decimal score(std::size_t u) const { return Decimal::FromScaled(score_hundredths_[u], 2); }
  // 1-based competition rank among the assessed units: ties share a rank and
  // the next rank skips (1, 2, 2, 4).
  int rank(std::size_t u) const { return ranks_[u]; }
  // Rank among the assessed units with the same parent.
  int rank_within_parent(std::size_t u) const { return parent_ranks_.empty() ? ranks_[u] : parent_ranks_[u]; }
  const std::string& grade(std::size_t u) const;
  // Unit indices by rank; tied units in the order of their names.
  const std::vector<std::size_t>& ranking() const { return ranking_; }

  // The weight of indicator i, out of 100.
  const Decimal& weight(std::size_t i) const;

 private:
  friend Assessment Assess(std::shared_ptr<const Framework>, std::shared_ptr<const Observations>,
                           int, const AssessOptions&);
  friend Assessment Assess(std::shared_ptr<const Framework>, std::shared_ptr<const Observations>,
                           int, const AssessOptions&, Assessment&&);
  Assessment() = default;
  // Both Assess: fresh when `spent` is null, else in its storage, keeping a
  // workspace for the next.
  static Assessment Made(std::shared_ptr<const Framework> framework,
                         std::shared_ptr<const Observations> observations, int year,
                         const AssessOptions& options, Assessment* spent);

  std::shared_ptr<const Framework> framework_;
  std::shared_ptr<const Observations> observations_;
  int year_ = 0;
  AssessOptions options_;
  std::vector<UnitId> units_;
  // Indicator-major; written once by Assess, never zero-filled first (at
  // national scale the extra pass over 13 MB was a tenth of the time).
  std::shared_ptr<VerdictStatus[]> statuses_;
  std::size_t statuses_capacity_ = 0;  // of statuses_, for an assessment made in this one's storage
  // The weights and grades: the framework's plan, which framework_ keeps.
  const AssessmentPlan* plan_ = nullptr;
  // Scores in hundredths: every score has two decimals, and 8 bytes a unit
  // instead of a Decimal's 32 is memory a national assessment does not touch.
  std::vector<std::int64_t> score_hundredths_;
  std::vector<int> ranks_;
  std::vector<int> parent_ranks_;  // empty when every unit has the same parent: ranks_ then
  std::vector<std::uint8_t> grade_index_;  // per unit, into the plan's grades
  std::vector<std::size_t> ranking_;
  std::map<std::size_t, std::vector<Finding>> findings_;  // units with findings only
  struct LazyRecord;
  std::shared_ptr<LazyRecord> record_;
  // What ranking works in (names' order, scores' sums), kept only by an
  // assessment made in a spent one's storage, for the next such.  Shared
  // by copies, and reused only by an assessment that alone holds it.
  struct Workspace;
  std::shared_ptr<Workspace> workspace_;
};

// Whether `year` can be assessed at all: OK, or an error a clerk can act on
// when the framework has no target for that year (naming the years that
// have), when there is no unit in the data, or when `options` select none.
// The tool and the C interface refuse what this refuses; Assess itself
// computes whatever it is given (monitoring reads years without targets).
absl::Status CheckAssessment(const Framework& framework, const Observations& observations, int year,
                             const AssessOptions& options = {});

// Evaluates every assessed unit on every indicator of the framework for
// `year`, and validates their figures (ranges and rules).  Pure: reads its
// arguments, which it keeps alive, and nothing else.
Assessment Assess(std::shared_ptr<const Framework> framework,
                  std::shared_ptr<const Observations> observations, int year,
                  const AssessOptions& options = {});

// The same as Assess, made in the storage of `spent`, an assessment its
// caller is done with (it is left empty).  An office's dashboard that
// assesses a national data set again after each submission, or a vendor
// that checks unit after unit, then does not ask the system for the
// memory of the verdicts, scores and ranks each time (a byte a verdict and
// some 50 bytes a unit): with glibc's default heap settings, memory freed at
// that size goes back to the system, and touching it again cost a fifth of
// an assessment of 500 000 units.  Storage that a copy of `spent` shares is
// left to it.
Assessment Assess(std::shared_ptr<const Framework> framework,
                  std::shared_ptr<const Observations> observations, int year,
                  const AssessOptions& options, Assessment&& spent);

// The SHA-256 of the framework's canonical text (FormatFramework): what a
// decision record and a round fix the framework by.
std::string FrameworkSha256(const Framework& framework);

// The SHA-256 of the canonical content of observations: every unit with its
// parent and level, and every report, in sorted order — the same whatever the
// order of the rows it was read from.
std::string ObservationsSha256(const Observations& observations);

}  // namespace healthact

#endif  // HEALTHACT_ASSESSMENT_HPP_
