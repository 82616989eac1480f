// The office's overall monitoring and assessment report (总体监测评估报告,
// both seeds: "市推进委员会办公室组织形成总体监测评估报告"), composed from the
// working groups' reports (actions_report.hpp), the ranking and the
// spot-check (assessment_report.hpp): a summary per special action and per
// category, then the ranking, the review and each action's section.
#ifndef HEALTHACT_OVERALL_REPORT_HPP_
#define HEALTHACT_OVERALL_REPORT_HPP_

#include <string>
#include <vector>

#include "healthact/core/sheet.hpp"
#include "healthact/report/actions_report.hpp"
#include "healthact/report/assessment_report.hpp"

namespace healthact {

struct ActionSummary {
  std::string action;  // "" for the plan's overall goals
  std::string lead_department;
  int indicators = 0;
  int targets_met = 0, targets_judged = 0;  // the city's, as in the group report
  VerdictCounts units;                      // every unit's verdicts on the action's indicators
  int on_track = 0, behind = 0;             // indicators with a path from the baseline
  int tasks_overdue = 0, tasks_total = 0;
};

struct CategorySummary {
  std::string category;  // 结果性, 个人和社会倡导性, 政府工作性, 未分类
  int indicators = 0;
  VerdictCounts units;  // every unit's verdicts on the category's indicators
};

struct OverallReport {
  std::string title;  // "… 2022年度总体监测评估报告"
  int year = 0;
  std::vector<ActionSummary> actions;
  std::vector<CategorySummary> categories;  // in the seeds' order, those with indicators
  ActionsReport groups;        // the working groups' reports it is composed from
  AssessmentReport assessment; // the ranking, and the spot-check when made
};

OverallReport BuildOverallReport(ActionsReport groups, AssessmentReport assessment);

std::string OverallReportMarkdown(const OverallReport& report);
// {"report": "overall", "year": …, "actions": [{"action": …, "lead_department": …,
//  "indicators": n, "targets_met": n, "targets_judged": n, "units": {"met": n, …},
//  "on_track": n, "behind": n, "tasks_overdue": n, "tasks": n}], "categories": [...],
//  "assessment": <report assessment's JSON>, "groups": <report actions' JSON>}
std::string OverallReportJson(const OverallReport& report);
std::string OverallReportHtml(const OverallReport& report);
// 总体 (per action), 类别, then the assessment report's sheets and the group
// report's.
std::vector<Sheet> OverallReportSheets(const OverallReport& report);

}  // namespace healthact

#endif  // HEALTHACT_OVERALL_REPORT_HPP_
