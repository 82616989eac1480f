#include "healthact/assess/assessment.hpp"

#include <algorithm>
#include <limits>
#include <future>
#include <map>
#include <numeric>
#include <span>
#include <system_error>
#include <thread>
#include <utility>

#include "absl/container/inlined_vector.h"

#include "assess/columnar.hpp"
#include "assess/evaluation.hpp"
#include "healthact/core/version.hpp"
#include "core/sha256.hpp"
#include "assess/kernel.hpp"
#include "assess/plan.hpp"
#include "assess/scoring.hpp"
#include "core/strings.hpp"
#include "assess/validation_internal.hpp"

namespace healthact {
namespace {

using evaluation::Rational;

bool IsUnder(const Observations& observations, UnitId unit, UnitId ancestor) {
  for (std::optional<UnitId> up = observations.parent(unit); up; up = observations.parent(*up)) {
    if (*up == ancestor) return true;
  }
  return false;
}

// The framework's rules for every unit: a broken error-level rule makes the
// verdicts of the indicators it names invalid.  Then the findings on the
// figures of every unit with an invalid verdict, so that each invalid
// verdict has its finding (the figures of valid units need no second look).
void Validate(const Framework& framework, const AssessmentPlan& plan, ColumnLookup& columns, int year,
              TargetChoice choice, const std::vector<UnitId>& units, VerdictStatus* statuses,
              std::map<std::size_t, std::vector<Finding>>& findings) {
  const Observations& observations = columns.observations();
  const std::size_t n = units.size();
  const std::vector<Indicator>& indicators = framework.indicators();
  std::map<std::size_t, std::vector<Finding>> broken;
  // A byte a unit, for each rule in turn and then for the invalid verdicts;
  // a few units' on the stack.
  absl::InlinedVector<std::uint8_t, 16> marks(n);
  for (std::size_t r = 0; r < framework.rules().size(); ++r) {
    const ConsistencyRule& rule = framework.rules()[r];
    const std::vector<std::size_t>& judged = plan.rules[r].judged;
    // Most units keep a rule such as [3] ≥ [2], or lack one of its figures:
    // the columns say so at once, and only the others are judged one by one.
    validation::RuleSaysNothingByColumns(rule.comparator, plan.rules[r].left_key, plan.rules[r].right_key,
                                         columns, units, year, marks);
    for (std::size_t u = 0; u < n; ++u) {
      if (marks[u] != 0) continue;  // the rule says nothing of u
      std::optional<Finding> finding = validation::CheckRule(framework, rule, observations, units[u], year);
      if (!finding) continue;
      if (finding->severity == Severity::kError) {
        for (std::size_t i : judged) {
          VerdictStatus& status = statuses[i * n + u];
          if (status == VerdictStatus::kMet || status == VerdictStatus::kNotMet) {
            status = VerdictStatus::kInvalid;
          }
        }
      }
      broken[u].push_back(std::move(*finding));
    }
  }
  std::uint8_t* const flagged = marks.data();  // u has an invalid verdict
  std::fill(marks.begin(), marks.end(), 0);
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const VerdictStatus* row = statuses + i * n;
    for (std::size_t u = 0; u < n; ++u) {
      if (row[u] == VerdictStatus::kInvalid) flagged[u] = 1;
    }
  }
  for (std::size_t u = 0; u < n; ++u) {
    const auto rules = broken.find(u);
    if (flagged[u] == 0 && rules == broken.end()) continue;
    std::vector<Finding> all =
        flagged[u] != 0 ? validation::FigureFindings(framework, observations, units[u], year, choice)
                        : std::vector<Finding>{};
    if (rules != broken.end()) {
      for (Finding& finding : rules->second) all.push_back(std::move(finding));
    }
    if (!all.empty()) findings.emplace(u, std::move(all));
  }
}

}  // namespace

struct Assessment::LazyRecord {
  std::once_flag once;
  DecisionRecord record;
};

const DecisionRecord& Assessment::record() const {
  std::call_once(record_->once, [this] {
    DecisionRecord& r = record_->record;
    r.framework_name = framework_->name();
    r.framework_sha256 = FrameworkSha256(*framework_);
    r.observations_sha256 = ObservationsSha256(*observations_);
    r.year = year_;
    r.library_version = HEALTHACT_VERSION_STRING;
  });
  return record_->record;
}

Verdict Assessment::Explain(std::size_t u, std::size_t i) const {
  const Indicator& indicator = framework_->indicators()[i];
  Verdict verdict = evaluation::Evaluate(indicator, *observations_, units_[u], year_, true, options_.targets);
  if (status(u, i) == VerdictStatus::kInvalid && verdict.status != VerdictStatus::kInvalid) {
    // Invalid by a broken rule: the rule's words are the reason.
    for (const Finding& finding : findings(u)) {
      if (finding.kind != FindingKind::kRule || finding.severity != Severity::kError) continue;
      if (std::find(finding.indicators.begin(), finding.indicators.end(), indicator.number) ==
          finding.indicators.end()) {
        continue;
      }
      verdict.status = VerdictStatus::kInvalid;
      verdict.reason = Reason{};
      verdict.reason.kind = ReasonKind::kFinding;
      verdict.reason.year = year_;
      verdict.reason.finding = finding;
      break;
    }
  }
  return verdict;
}

const std::string& Assessment::grade(std::size_t u) const { return plan_->grades[grade_index_[u]].name; }

const Decimal& Assessment::weight(std::size_t i) const { return plan_->scoring.rounded_weights[i]; }

VerdictCounts Assessment::counts(std::size_t u) const {
  VerdictCounts counts;
  for (std::size_t i = 0; i < indicator_count(); ++i) counts.Add(status(u, i));
  return counts;
}

const std::vector<Finding>& Assessment::findings(std::size_t u) const {
  static const std::vector<Finding> kNone;
  const auto it = findings_.find(u);
  return it == findings_.end() ? kNone : it->second;
}

absl::Status CheckAssessment(const Framework& framework, const Observations& observations, int year,
                             const AssessOptions& options) {
  if (absl::Status status = CheckYear(year); !status.ok()) return status;
  const std::vector<int>& years = PlanOf(framework).target_years;
  if (std::find(years.begin(), years.end(), year) == years.end()) {
    std::string listed;
    for (int y : years) text::StrAppend(&listed, listed.empty() ? "" : ", ", y);
    return absl::InvalidArgumentError(
        text::StrCat("框架“", framework.name(), "”没有", year, "年的目标；有目标的年份：",
                     listed.empty() ? "无" : listed));
  }
  if (observations.unit_count() == 0) {
    return absl::InvalidArgumentError("数据中没有任何单位：没有可考核的对象");
  }
  for (UnitId unit = 0; unit < observations.unit_count(); ++unit) {
    if (options.level && observations.level(unit) != *options.level) continue;
    if (options.within && !IsUnder(observations, unit, *options.within)) continue;
    return absl::OkStatus();
  }
  std::string selection;
  if (options.level) text::StrAppend(&selection, "层级为", UnitLevelName(*options.level));
  if (options.within) {
    text::StrAppend(&selection, selection.empty() ? "" : "、", "属于",
                    observations.unit_name(*options.within));
  }
  return absl::InvalidArgumentError(text::StrCat("没有", selection, "的单位：没有可考核的对象"));
}

std::string FrameworkSha256(const Framework& framework) {
  return Sha256Hex(FormatFramework(framework));
}

std::string ObservationsSha256(const Observations& observations) {
  // Units sorted by name, so that the hash does not depend on row order.
  std::vector<UnitId> units(observations.unit_count());
  std::iota(units.begin(), units.end(), 0);
  std::sort(units.begin(), units.end(), [&](UnitId a, UnitId b) {
    return observations.unit_name(a) < observations.unit_name(b);
  });
  // The lines are hashed in blocks, not one by one: a line is ~30 bytes, and
  // a string and a call into nettle for each cost more than the hash.
  constexpr std::size_t kBlock = 64 * 1024;
  Sha256 hash;
  std::string block;
  block.reserve(kBlock + 1024);
  const auto flush_when_full = [&] {
    if (block.size() < kBlock) return;
    hash.Update(block);
    block.clear();
  };
  for (UnitId unit : units) {
    const std::optional<UnitId> parent = observations.parent(unit);
    text::StrAppend(&block, "unit\t", observations.unit_name(unit), "\t",
                    parent ? observations.unit_name(*parent) : "", "\t", UnitLevelName(observations.level(unit)),
                    "\n");
    flush_when_full();
  }
  for (const auto& [key, year] : observations.Keys()) {
    const Observations::Column* column = observations.FindColumn(key, year);
    // The line is "value\t<unit>\t<key>\t<year>\t<value>\n"; the key and
    // year are written once a column, not once a value.
    const std::string key_and_year = text::StrCat("\t", key, "\t", year, "\t");
    for (UnitId unit : units) {
      if (column->kind(unit) == ReportKind::kNothing) continue;
      block += "value\t";
      block += observations.unit_name(unit);
      block += key_and_year;
      column->Get(unit).AppendTo(block);
      block += '\n';
      flush_when_full();
    }
  }
  hash.Update(block);
  return hash.HexDigest();
}

// Units from which the names are collated beside the judging.
constexpr std::size_t kCollateAside = 8192;

struct Assessment::Workspace {
  // Each unit's possible weight, beside the earned summed in the scores;
  // one unit's on the stack (hact_validate_unit allocates nothing for it).
  absl::InlinedVector<std::int64_t, 4> possible;
  std::vector<std::int32_t> name_rank;  // among the assessed units, when they are not all units
  std::vector<std::size_t> by_all;      // the assessed unit at each listing rank, when not all
  std::vector<std::size_t> by_name;     // scratch of scoring::Rank
  std::vector<std::size_t> order;       // scratch of scoring::Rank, within a parent
};

Assessment Assess(std::shared_ptr<const Framework> framework,
                  std::shared_ptr<const Observations> observations, int year,
                  const AssessOptions& options) {
  return Assessment::Made(std::move(framework), std::move(observations), year, options, nullptr);
}

Assessment Assess(std::shared_ptr<const Framework> framework,
                  std::shared_ptr<const Observations> observations, int year,
                  const AssessOptions& options, Assessment&& spent) {
  return Assessment::Made(std::move(framework), std::move(observations), year, options, &spent);
}

Assessment Assessment::Made(std::shared_ptr<const Framework> framework,
                            std::shared_ptr<const Observations> observations, int year,
                            const AssessOptions& options, Assessment* spent) {
  // The spent assessment's storage, where nothing else shares it.  A plain
  // Assess works in a workspace on the stack, freed on return; one made in
  // spent storage keeps its workspace for the next.
  Workspace here;
  std::shared_ptr<Workspace> kept;
  Assessment result;
  std::shared_ptr<VerdictStatus[]> spent_statuses;
  std::size_t spent_capacity = 0;
  if (spent != nullptr) {
    kept = spent->workspace_ != nullptr && spent->workspace_.use_count() == 1 ? std::move(spent->workspace_)
                                                                                : std::make_shared<Workspace>();
    result.units_ = std::move(spent->units_);
    result.score_hundredths_ = std::move(spent->score_hundredths_);
    result.ranks_ = std::move(spent->ranks_);
    result.parent_ranks_ = std::move(spent->parent_ranks_);
    result.grade_index_ = std::move(spent->grade_index_);
    result.ranking_ = std::move(spent->ranking_);
    spent_statuses = std::move(spent->statuses_);
    spent_capacity = std::exchange(spent->statuses_capacity_, 0);
    *spent = Assessment();  // left empty, as said
  }
  Workspace* const workspace = kept != nullptr ? kept.get() : &here;

  result.framework_ = std::move(framework);
  result.observations_ = std::move(observations);
  result.year_ = year;
  result.options_ = options;
  const Framework& f = *result.framework_;
  const Observations& obs = *result.observations_;

  result.units_.clear();
  result.units_.reserve(static_cast<std::size_t>(obs.unit_count()));
  for (UnitId unit = 0; unit < obs.unit_count(); ++unit) {
    if (options.level && obs.level(unit) != *options.level) continue;
    if (options.within && !IsUnder(obs, unit, *options.within)) continue;
    result.units_.push_back(unit);
  }
  const std::size_t n = result.units_.size();
  const bool all_units = n == static_cast<std::size_t>(obs.unit_count());  // ids 0 .. n-1
  const std::vector<Indicator>& indicators = f.indicators();
  const AssessmentPlan& plan = PlanOf(f);
  const std::size_t verdicts = indicators.size() * n;
  if (spent_statuses != nullptr && spent_statuses.use_count() == 1 && spent_capacity >= verdicts) {
    result.statuses_ = std::move(spent_statuses);
    result.statuses_capacity_ = spent_capacity;
  } else {
    result.statuses_ = std::make_shared_for_overwrite<VerdictStatus[]>(verdicts);
    result.statuses_capacity_ = verdicts;
  }
  // The names' order, which only ranks ties, is collated on the other core
  // while the verdicts are judged: for a large assessment it costs more than
  // judging them.  (Observations made it once and keep it.)
  std::future<std::shared_ptr<const std::vector<std::int32_t>>> name_ranks_aside;
  if (n >= kCollateAside && std::thread::hardware_concurrency() >= 2) {
    try {
      name_ranks_aside = std::async(std::launch::async, [&obs] { return obs.ListingRanks(); });
    } catch (const std::system_error&) {
      // no thread to be had: collated below, on this one
    }
  }
  ColumnLookup columns(obs);
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    columnar::EvaluateIndicator(indicators[i], plan.indicators[i], columns, year, options.targets, result.units_, all_units,
                                result.statuses_.get() + i * n);
  }

  Validate(f, plan, columns, year, options.targets, result.units_, result.statuses_.get(), result.findings_);

  const std::vector<Rational>& weights = plan.scoring.weights;
  result.plan_ = &plan;
  const bool integers_fit = plan.scoring.integers_fit;
  const bool linear = f.scoring().partial_credit == PartialCredit::kLinear;
  std::vector<std::int64_t>& hundredths = result.score_hundredths_;
  if (!linear && integers_fit) {
    // The earned weights are summed where the scores go, and each score
    // replaces its unit's sum.
    hundredths.resize(n);
    absl::InlinedVector<std::int64_t, 4>& possible = workspace->possible;
    possible.resize(n);
    scoring::SumIntegerWeights(result.statuses_.get(), n, plan.scoring.weight_groups, hundredths, possible);
    for (std::size_t u = 0; u < n; ++u) {
      // 100 × earned / possible to two decimals, half-up: (20000 e + p) / 2p,
      // in 64 bits when that cannot overflow (e ≤ p < 2^48), as it nearly
      // always is: a 128-bit division is a call.
      const std::int64_t e = hundredths[u], p = possible[u];
      hundredths[u] = p == 0            ? 0
                      : p < (1LL << 48) ? (e * 20000 + p) / (p * 2)
                                        : static_cast<std::int64_t>((static_cast<__int128>(e) * 20000 + p) /
                                                                    (static_cast<__int128>(p) * 2));
    }
  } else {
    hundredths.assign(n, 0);
    for (std::size_t u = 0; u < n; ++u) {
      Rational earned = 0, possible = 0;
      for (std::size_t i = 0; i < indicators.size(); ++i) {
        const VerdictStatus status = result.status(u, i);
        if (!scoring::Counts(status)) continue;
        possible += weights[i];
        earned += weights[i] * scoring::Credit(f, i, obs, result.units_[u], year, status,
                                               options.targets);
      }
      hundredths[u] = scoring::Hundredths(earned, possible);
    }
  }
  const std::vector<std::int64_t>& minimums = plan.grade_minimums;
  result.grade_index_.resize(n);
  for (std::size_t u = 0; u < n; ++u) {
    result.grade_index_[u] = static_cast<std::uint8_t>(scoring::GradeIndex(minimums, hundredths[u]));
  }

  result.record_ = std::make_shared<Assessment::LazyRecord>();
  result.workspace_ = std::move(kept);
  // Ranks among all assessed units, and among those with the same parent.
  if (n == 1) {
    // One unit, first of one: a vendor's check of a unit's figures
    // (hact_validate_unit) needs no names collated and nothing sorted.
    result.ranks_.assign(1, 1);
    result.parent_ranks_.clear();  // first among its siblings too
    result.ranking_.assign(1, 0);
    return result;
  }
  const std::shared_ptr<const std::vector<std::int32_t>> listing =
      name_ranks_aside.valid() ? name_ranks_aside.get() : obs.ListingRanks();
  // Name ranks among the assessed units only, 0 .. n-1: the listing's own
  // when every unit is assessed.
  std::span<const std::int32_t> name_rank = *listing;
  if (!all_units) {
    std::vector<std::size_t>& by_all = workspace->by_all;
    by_all.assign(listing->size(), n);
    for (std::size_t u = 0; u < n; ++u) by_all[(*listing)[result.units_[u]]] = u;
    workspace->name_rank.resize(n);
    std::int32_t next = 0;
    for (std::size_t position : by_all) {
      if (position != n) workspace->name_rank[position] = next++;
    }
    name_rank = workspace->name_rank;
  }
  std::vector<std::size_t>& by_name = workspace->by_name;
  by_name.resize(n);
  result.ranks_.resize(n);
  scoring::RankEveryone(hundredths, name_rank, by_name, result.ranks_, result.ranking_);
  bool one_family = true;
  for (std::size_t u = 1; u < n && one_family; ++u) {
    one_family = obs.parent(result.units_[u]) == obs.parent(result.units_[0]);
  }
  if (one_family) {
    result.parent_ranks_.clear();  // the same ranks
  } else {
    std::map<std::optional<UnitId>, std::vector<std::size_t>> siblings;
    for (std::size_t u = 0; u < n; ++u) siblings[obs.parent(result.units_[u])].push_back(u);
    result.parent_ranks_.resize(n);
    for (const auto& [parent, members] : siblings) {
      scoring::Rank(members, hundredths, name_rank, by_name, result.parent_ranks_, workspace->order);
    }
  }
  return result;
}

}  // namespace healthact
