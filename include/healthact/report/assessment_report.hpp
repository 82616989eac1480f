// The assessment as a report model: what every assessment text shows of a
// unit (UnitResult), and the assessment report (考核报告) built once from the
// assessment and its spot-check, which each format renders (report.hpp:
// Markdown, JSON, HTML, sheets; assessment_text.hpp: the JSON, CSV, Markdown
// and table of `healthact assess`, which write one unit at a time, each
// verdict explained as it is written, so that a national assessment streams).
#ifndef HEALTHACT_ASSESSMENT_REPORT_HPP_
#define HEALTHACT_ASSESSMENT_REPORT_HPP_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "healthact/assess/assessment.hpp"
#include "healthact/assess/review.hpp"

namespace healthact {

struct ShownVerdict {
  const Indicator* indicator = nullptr;  // in the assessed framework
  Verdict verdict;
};

// One unit's result as the texts show it.
struct UnitResult {
  std::string unit;
  int rank = 0;
  int rank_within_parent = 0;
  Decimal score;
  std::string grade;
  VerdictCounts counts;
  // In framework order: every verdict, or with Explanation::kFailures those
  // neither met nor not applicable.
  std::vector<ShownVerdict> verdicts;
  std::vector<Finding> findings;
  // The indicators judged not met or invalid, for the ranking's 未达标指标
  // column (pending ones are left out, as from the score): number, invalid.
  std::vector<std::pair<std::string, bool>> failed;
};

// Unit u (an index into assessment.units()).
UnitResult UnitResultOf(const Assessment& assessment, std::size_t u, Explanation explanation);
// The same without verdicts: the ranking's columns, tallies and findings,
// which need no verdict explained (the table of a national assessment).
UnitResult UnitRankingOf(const Assessment& assessment, std::size_t u);
// Whether a verdict, or a verdict of this status, is shown under
// `explanation`: every one, or those neither met nor not applicable.
bool IsShown(const Verdict& verdict, Explanation explanation);
bool IsShown(VerdictStatus status, Explanation explanation);

struct AssessmentReport {
  std::shared_ptr<const Framework> assessed;  // what the verdicts refer into
  std::string title;  // "健康张掖行动考核指标框架 2022年度考核报告"
  std::string framework;
  int year = 0;
  DecisionRecord record;
  std::size_t indicator_count = 0;
  std::vector<std::string> indicator_numbers;  // in framework order
  std::vector<UnitResult> units;  // in rank order, with every verdict
  struct Spotcheck {
    std::vector<std::string> reviewed;  // unit names
    std::vector<Discrepancy> discrepancies;
    std::vector<UnitResult> recomputed;  // in rank order; ranking columns only
  };
  std::optional<Spotcheck> review;
};

// `review` may be null: no spot-check was made.  The report refers into the
// assessment's framework, which it keeps alive.
AssessmentReport BuildAssessmentReport(const Assessment& assessment, const ReviewResult* review);

}  // namespace healthact

#endif  // HEALTHACT_ASSESSMENT_REPORT_HPP_
