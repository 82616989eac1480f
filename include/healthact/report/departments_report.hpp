// The departments' assessment (部门考核, department_assessment.hpp) as a
// report: the ranking of the committee's departments, and for each its
// tasks of the year and the indicators of the actions it leads, with what
// each earned.  Pure functions; no I/O.
#ifndef HEALTHACT_DEPARTMENTS_REPORT_HPP_
#define HEALTHACT_DEPARTMENTS_REPORT_HPP_

#include <string>
#include <vector>

#include "healthact/assess/department_assessment.hpp"
#include "healthact/core/sheet.hpp"

namespace healthact {

// {"framework": …, "committee": …, "city": …, "year": 2022, "as_of": "2022-12-31",
//  "rule": {"tasks": "60", "action_indicators": "40",
//           "credit": {"done": "100", "done_late": "60", "overdue": "0"}},
//  "departments": [{"department": …, "rank": 1 | null, "score": "76.00" | null,
//   "grade": …, "task_score": … | null, "indicator_score": … | null,
//   "tasks_judged": n, "indicators_judged": n, "actions": [...],
//   "tasks": [{"description": …, "meeting": …, "due": …, "done": … | null,
//              "state": "done_late", "credit": "60" | null}],
//   "indicators": [{"indicator": "16", "name": …, "action": …, "status": …,
//                   "value": …, "target": …, "reason": …, "counts": true,
//                   "credit": "100.00", "note": …}]}]}
std::string DepartmentsJson(const DepartmentAssessment& assessment);
std::string DepartmentsMarkdown(const DepartmentAssessment& assessment);
// 部门考核 (rank, department, score, grade, the parts, counts), 部门任务 and
// 部门指标.
std::vector<Sheet> DepartmentsSheets(const DepartmentAssessment& assessment);

}  // namespace healthact

#endif  // HEALTHACT_DEPARTMENTS_REPORT_HPP_
