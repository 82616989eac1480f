// The reports the committee's office publishes (both seeds): the
// assessment report (考核报告: ranking, scores and grades, each unit's failed
// indicators with reasons, the spot-check's findings) and the monitoring
// report (监测评估报告: every indicator's values across units and years
// against its targets, grouped by basis, what is on track and what is not,
// and the organisation's overdue tasks).
//
// Each report is built once as data and rendered as Markdown, JSON, a
// standalone HTML page with inline SVG charts, or sheets for .xlsx
// (spreadsheet.hpp writes them).  Pure functions; no I/O.
#ifndef HEALTHACT_REPORT_HPP_
#define HEALTHACT_REPORT_HPP_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "healthact/assess/assessment.hpp"
#include "healthact/report/assessment_report.hpp"
#include "healthact/model/organisation.hpp"
#include "healthact/assess/review.hpp"
#include "healthact/core/sheet.hpp"

namespace healthact {

// ---- The assessment report ----

// Rendered from the model (assessment_report.hpp); the overloads taking an
// assessment build it first.  `review` may be null: no spot-check was made.
std::string AssessmentReportMarkdown(const AssessmentReport& report);
std::string AssessmentReportJson(const AssessmentReport& report);
std::string AssessmentReportHtml(const AssessmentReport& report);
std::vector<Sheet> AssessmentReportSheets(const AssessmentReport& report);
std::string AssessmentReportMarkdown(const Assessment& assessment, const ReviewResult* review);
// {"report": "assessment", "assessment": <AssessmentToJson, failures only>,
//  "review": {"reviewed": [...], "discrepancies": [...]} | null}
std::string AssessmentReportJson(const Assessment& assessment, const ReviewResult* review);
// A page with a ranking bar chart and a unit × indicator verdict grid.
std::string AssessmentReportHtml(const Assessment& assessment, const ReviewResult* review);
// 排名 (rank, unit, score, grade, failed indicators), 结论 (every verdict),
// and 复核 (the discrepancies) when there was a review.
std::vector<Sheet> AssessmentReportSheets(const Assessment& assessment, const ReviewResult* review);

// ---- The monitoring report ----

struct MonitoringRequest {
  std::shared_ptr<const Framework> framework;
  std::shared_ptr<const Observations> observations;
  std::vector<int> years;  // the years to show; empty: every year with reports
  AssessOptions options;   // which units
  // The organisation whose overdue tasks are listed, and the day they are
  // counted on (the report's date).  Optional.
  std::shared_ptr<const Organisation> organisation;
  std::optional<Date> as_of;
};

// One unit's value of one indicator in one year, judged against the target
// in force that year: the framework's target for that year, else its
// nearest later one (a 2022 target is what 2020 and 2021 progress toward),
// else its latest.
struct MonitoredValue {
  VerdictValue value;  // as reported or computed; nothing when nothing usable
  VerdictStatus status = VerdictStatus::kMissing;
  std::string reason;  // ReasonText of the verdict
  // Against the path from the baseline to the next target (docs/actions.md):
  // at or beyond the planned value, or short of it; unset without a path or
  // a number.
  std::optional<bool> on_track;
};

struct MonitoredIndicator {
  std::string number;
  std::string name;
  std::string unit;  // "%", "" for qualitative
  std::vector<Target> targets;  // the framework's, by year
  // The planned value of each year of MonitoringReport::years on the straight
  // line from the baseline to the next target; unset where there is none.
  std::vector<std::optional<Decimal>> path;
  // values[u][y]: unit u of MonitoringReport::units, year y of ::years.
  std::vector<std::vector<MonitoredValue>> values;
  // The latest year's verdicts: met (on track), not met (off track), other.
  int on_track = 0;
  int off_track = 0;
  int unknown = 0;
};

struct MonitoredGroup {
  std::string basis;  // 《“健康广西2030”规划》; "" when the framework names none
  std::vector<MonitoredIndicator> indicators;
};

struct OverdueTaskEntry {
  std::string committee;
  std::string description;
  std::string owner;
  Date due;
  std::string meeting;  // "全体会议 2021-03-01"
};

struct MonitoringReport {
  std::string framework;
  std::vector<int> years;
  std::vector<std::string> units;
  std::vector<MonitoredGroup> groups;  // in framework order
  std::optional<Date> as_of;
  std::vector<OverdueTaskEntry> overdue;
};

MonitoringReport BuildMonitoringReport(const MonitoringRequest& request);

std::string MonitoringReportMarkdown(const MonitoringReport& report);
std::string MonitoringReportJson(const MonitoringReport& report);
// A page with each indicator's values as lines against its target lines,
// and the on-track grid.
std::string MonitoringReportHtml(const MonitoringReport& report);
// 监测 (indicator, unit, year, value, target in force, status) and 逾期任务.
std::vector<Sheet> MonitoringReportSheets(const MonitoringReport& report);

}  // namespace healthact

#endif  // HEALTHACT_REPORT_HPP_
