// The assessment report model (assessment_report.hpp), built once.
#include "healthact/report/assessment_report.hpp"

#include "core/strings.hpp"
#include "report/report_parts.hpp"

#include <utility>

namespace healthact {

bool IsShown(VerdictStatus status, Explanation explanation) {
  return explanation == Explanation::kAll || (status != VerdictStatus::kMet && status != VerdictStatus::kNotApplicable);
}

bool IsShown(const Verdict& verdict, Explanation explanation) { return IsShown(verdict.status, explanation); }

namespace {

UnitResult Ranked(const Assessment& a, std::size_t u) {
  UnitResult result;
  result.unit = a.observations().unit_name(a.units()[u]);
  result.rank = a.rank(u);
  result.rank_within_parent = a.rank_within_parent(u);
  result.score = a.score(u);
  result.grade = a.grade(u);
  return result;
}

UnitResult Result(const Assessment& a, std::size_t u, std::optional<Explanation> explanation) {
  UnitResult result = Ranked(a, u);
  result.counts = a.counts(u);
  result.findings = a.findings(u);
  const std::vector<Indicator>& indicators = a.framework().indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const VerdictStatus status = a.status(u, i);
    if (status == VerdictStatus::kNotMet || status == VerdictStatus::kInvalid) {
      result.failed.emplace_back(indicators[i].number, status == VerdictStatus::kInvalid);
    }
  }
  if (explanation) {
    result.verdicts.reserve(indicators.size());
    report_parts::ForEachShownVerdict(a, u, *explanation, [&](const Indicator& indicator, Verdict& verdict) {
      result.verdicts.push_back(ShownVerdict{&indicator, std::move(verdict)});
    });
  }
  return result;
}

}  // namespace

UnitResult UnitResultOf(const Assessment& a, std::size_t u, Explanation explanation) {
  return Result(a, u, explanation);
}

UnitResult UnitRankingOf(const Assessment& a, std::size_t u) { return Result(a, u, std::nullopt); }

AssessmentReport BuildAssessmentReport(const Assessment& a, const ReviewResult* review) {
  AssessmentReport report;
  report.assessed = a.framework_ptr();
  report.framework = a.framework().name();
  report.year = a.year();
  report.title = text::StrCat(report.framework, " ", report.year, "年度考核报告");
  report.record = a.record();
  report.indicator_count = a.indicator_count();
  for (const Indicator& indicator : a.framework().indicators()) {
    report.indicator_numbers.push_back(indicator.number);
  }
  for (std::size_t u : a.ranking()) report.units.push_back(UnitResultOf(a, u, Explanation::kAll));
  if (review != nullptr) {
    AssessmentReport::Spotcheck spotcheck;
    for (UnitId id : review->reviewed) spotcheck.reviewed.push_back(a.observations().unit_name(id));
    spotcheck.discrepancies = review->discrepancies;
    const Assessment& r = review->recomputed;
    for (std::size_t u : r.ranking()) spotcheck.recomputed.push_back(Ranked(r, u));
    report.review = std::move(spotcheck);
  }
  return report;
}

}  // namespace healthact
