// The working groups' annual reports (各专项行动实施进展专题报告, both seeds):
// for each special action and year, its lead department and group, its
// indicators by category with every unit's verdict and the city's value
// (reported, else aggregated from the units), whether the action's targets
// are met, progress from the baseline toward the next target, and the tasks
// the lead department owns in the organisation's meetings.
//
// Built once as data (BuildActionsReport) and rendered as Markdown or JSON.
// Pure functions; no I/O.
#ifndef HEALTHACT_ACTIONS_REPORT_HPP_
#define HEALTHACT_ACTIONS_REPORT_HPP_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "healthact/assess/assessment.hpp"
#include "healthact/core/sheet.hpp"
#include "healthact/model/organisation.hpp"

namespace healthact {

struct ActionsRequest {
  std::shared_ptr<const Framework> framework;
  std::shared_ptr<const Observations> observations;
  int year = 0;
  // The units whose verdicts are listed; unset: every unit with a parent.
  // The city is every unit without one (its own figures, else its units').
  // Each year is judged against the targets in force, as in monitoring (a
  // 2022 target is what 2020 and 2021 progress toward).
  AssessOptions options;
  // Whose working groups lead the actions, and whose meetings' tasks are
  // counted on `as_of` (default: the last day of `year`).  Optional.
  std::shared_ptr<const Organisation> organisation;
  std::optional<Date> as_of;
  std::optional<std::string> action;  // only this action
};

// Progress from the baseline toward the next target, on a straight line from
// the baseline year's value to the target year's: the value planned for the
// year, and whether the city's value is at or beyond it (on track) or short
// of it (behind).
struct Progress {
  int baseline_year = 0;
  Decimal baseline;
  int target_year = 0;
  Decimal target;
  Decimal planned;  // for the report's year, to the target's decimals + 2
  std::optional<bool> on_track;  // unset: the city has no usable value
};

struct ActionIndicator {
  const Indicator* indicator = nullptr;  // in the framework
  std::vector<std::pair<std::string, Verdict>> units;  // unit name, verdict
  std::optional<Verdict> city;            // the city's verdict
  std::string city_note;                  // why its units' values give it none
  std::optional<Progress> progress;       // when a baseline and a later target exist
};

struct ActionTask {
  std::string description;
  std::string owner;
  Date due;
  std::optional<Date> done;
  TaskState state = TaskState::kOpen;
  std::string meeting;  // "全体会议 2022-03-15"
};

struct ActionReport {
  std::string action;           // "" for the plan's overall goals
  std::string lead_department;  // "" without an organisation or a group
  std::vector<ActionIndicator> indicators;  // by category (结果性, 倡导性, 政府工作性, none)
  int targets_met = 0;    // indicators whose city verdict is met
  int targets_judged = 0; // indicators whose city verdict is met or not met
  std::vector<ActionTask> tasks;  // owned by the lead department
};

struct ActionsReport {
  // What the indicators and verdicts refer into, kept alive with the report.
  std::shared_ptr<const Framework> assessed;
  std::string framework;
  int year = 0;
  std::optional<Date> as_of;
  std::vector<std::string> units;  // the units listed, in the order of the data's names
  // The unit whose values are the city's: the one without a parent, or among
  // several the one a committee of the organisation is for; "" when there is
  // none (a note says why, and no indicator has a city verdict).
  std::string city;
  std::vector<ActionReport> actions;  // in framework order; the overall goals first
  // Actions without a working group, working groups without an action.
  std::vector<std::string> notes;
};

ActionsReport BuildActionsReport(const ActionsRequest& request);

// {"year": 2022, "framework": …, "as_of": …, "city": "张掖市" | null, "actions": [{"action": name,
//  "lead_department": name, "targets_met": n, "targets_judged": n,
//  "indicators": [{"indicator": "6", "name": …, "category": …,
//  "city": {…verdict…}, "progress": {…} | null, "units": [{"unit": …, …}]}],
//  "tasks": [{"description": …, "owner": …, "due": …, "done": … | null,
//  "state": "overdue", "meeting": …}]}], "notes": [...]}
std::string ActionsReportJson(const ActionsReport& report);
std::string ActionsReportMarkdown(const ActionsReport& report);
// A page with, for each action, a grid of its indicators' verdicts (the city
// and every unit) and the table of the Markdown.
std::string ActionsReportHtml(const ActionsReport& report);
// 专项行动 (action, lead, indicator, category, unit, status, value, target,
// reason, progress) and 任务 (action, task, owner, meeting, due, done, state).
std::vector<Sheet> ActionsReportSheets(const ActionsReport& report);

}  // namespace healthact

#endif  // HEALTHACT_ACTIONS_REPORT_HPP_
