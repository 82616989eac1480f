// Departments assessed on their duties (部门考核).  The seeds have counties
// assess "所辖乡镇和部门" and the committee's result name "各相关部门党政领导班子";
// a department reports no population figure, so it is judged on what it is
// charged with: the tasks it owns in the committee's meetings and the
// indicators of the special actions its working groups lead, by the rule the
// framework states (DepartmentRule in framework.hpp), and ranked among the
// committee's departments.  Pure: reads its arguments, keeps them alive.
#ifndef HEALTHACT_DEPARTMENT_ASSESSMENT_HPP_
#define HEALTHACT_DEPARTMENT_ASSESSMENT_HPP_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "healthact/assess/verdict.hpp"
#include "healthact/core/decimal.hpp"
#include "healthact/data/observations.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/model/organisation.hpp"

namespace healthact {

struct DepartmentRequest {
  std::shared_ptr<const Framework> framework;  // states the rule (部门考核, 任务得分)
  // The city's figures, or its units' to aggregate from (with the tree).
  std::shared_ptr<const Observations> observations;
  std::shared_ptr<const Organisation> organisation;
  int year = 0;
  // The committee whose departments are assessed, by jurisdiction or name;
  // empty: the organisation's only committee.
  std::string committee;
  std::optional<Date> as_of;  // the day tasks are judged on; default: 31 December of `year`
};

// A task due in the year, in its state on the day assessed.
struct DepartmentTask {
  const Meeting* meeting = nullptr;  // in the organisation
  const Task* task = nullptr;
  TaskState state = TaskState::kOpen;
  std::optional<Decimal> credit;  // out of 100; unset: not yet due, not judged
};

// An indicator of an action the department leads, judged on the city's value.
struct DepartmentIndicator {
  const Indicator* indicator = nullptr;  // in the framework
  Verdict city;
  std::string note;    // why the city's units' values give it no value, if so
  bool counts = true;  // weighs in the score (not pending, not applicable)
  Decimal credit;      // what it earns, out of 100, to 2 places
};

struct DepartmentResult {
  std::string department;
  std::vector<std::string> actions;  // whose working groups it leads, in framework order
  std::vector<DepartmentTask> tasks;             // due in the year, in meeting order
  std::vector<DepartmentIndicator> indicators;  // by action, then framework order
  int tasks_judged = 0;
  int indicators_judged = 0;
  // Each out of 100, half-up to 2 places; unset: nothing of the part to judge.
  std::optional<Decimal> task_score;
  std::optional<Decimal> indicator_score;
  // The parts weighed together from their exact values (rounded once);
  // unset when neither part has anything to judge.
  std::optional<Decimal> score;
  std::string grade;  // the framework's grades; "" without a score
  int rank = 0;       // competition rank (1, 2, 2, 4) among the scored; 0 without a score
};

struct DepartmentAssessment {
  // What the results point into, kept alive with them.
  std::shared_ptr<const Framework> framework;
  std::shared_ptr<const Organisation> organisation;
  std::string committee;  // its name
  std::string city;       // its jurisdiction, whose values the indicators are judged on
  int year = 0;
  Date as_of;
  DepartmentRule rule;
  // Ranked first (by rank, ties by name), then those without a score by name.
  std::vector<DepartmentResult> departments;
};

// Assesses every department of the committee that leads a working group or
// owns a task in its meetings.  An error a clerk can act on when the
// framework states no department rule, the committee is not found (or not
// named among several), the city is not in the data, or the year has no
// target (CheckAssessment).
absl::StatusOr<DepartmentAssessment> AssessDepartments(const DepartmentRequest& request);

}  // namespace healthact

#endif  // HEALTHACT_DEPARTMENT_ASSESSMENT_HPP_
