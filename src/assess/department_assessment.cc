// Departments assessed on their duties (department_assessment.hpp).
#include "healthact/assess/department_assessment.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include "assess/plan.hpp"
#include "assess/scoring.hpp"
#include "core/collation.hpp"
#include "core/strings.hpp"
#include "healthact/assess/aggregation.hpp"
#include "healthact/assess/assessment.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;
namespace {

using evaluation::Rational;

absl::StatusOr<const Committee*> ChooseCommittee(const Organisation& organisation,
                                                 const std::string& wanted) {
  if (!wanted.empty()) {
    if (const Committee* committee = organisation.FindCommittee(wanted)) return committee;
  } else if (organisation.committees.size() == 1) {
    return &organisation.committees.front();
  }
  std::string names;
  for (const Committee& committee : organisation.committees) {
    text::StrAppend(&names, names.empty() ? "" : ", ", committee.name, " (", committee.jurisdiction,
                    ")");
  }
  if (organisation.committees.empty()) {
    return absl::InvalidArgumentError(std::string(Tr("the organisation has no committee whose departments to assess")));
  }
  return absl::InvalidArgumentError(
      wanted.empty() ? text::StrCat("the organisation has ", organisation.committees.size(),
                                    " committees: name the one whose departments to assess (",
                                    names, ")")
                     : text::StrCat("the organisation has no committee '", wanted, "' (it has ",
                                    names, ")"));
}

// The departments assessed, in the order the committee first names them:
// the leads of its working groups, then the owners of its meetings' tasks.
std::vector<std::string> DepartmentsOf(const Committee& committee) {
  std::vector<std::string> departments;
  std::set<std::string> seen;
  const auto add = [&](const std::string& department) {
    if (!department.empty() && seen.insert(department).second) departments.push_back(department);
  };
  for (const WorkingGroup& group : committee.working_groups) add(group.lead_department);
  for (const Meeting& meeting : committee.meetings) {
    for (const Task& task : meeting.tasks) add(task.owner);
  }
  return departments;
}

Decimal ShownHundredths(std::int64_t hundredths) { return Decimal::FromScaled(hundredths, 2); }

}  // namespace

absl::StatusOr<DepartmentAssessment> AssessDepartments(const DepartmentRequest& request) {
  if (!request.framework || !request.observations || !request.organisation) {
    return absl::InvalidArgumentError(
        std::string(Tr("assessing departments needs a framework, the data and an organisation")));
  }
  const Framework& framework = *request.framework;
  if (!framework.department_rule()) {
    return absl::FailedPreconditionError(Format("the framework '$0' states no rule for assessing departments: add 部门考核 任务 N and 部门考核 行动指标 N (and 任务得分 逾期完成 N if a late task earns anything)", framework.name()));
  }
  const absl::StatusOr<const Committee*> chosen =
      ChooseCommittee(*request.organisation, request.committee);
  if (!chosen.ok()) return chosen.status();
  const Committee& committee = **chosen;

  DepartmentAssessment result;
  result.framework = request.framework;
  result.organisation = request.organisation;
  result.committee = committee.name;
  result.city = committee.jurisdiction;
  result.year = request.year;
  result.as_of = request.as_of.value_or(Date{request.year, 12, 31});
  result.rule = *framework.department_rule();
  const DepartmentRule& rule = result.rule;

  // The city's values: its own, else aggregated from the units under it.
  const AggregationResult aggregated = AggregateUp(framework, *request.observations, request.year);
  const Observations& observations = *aggregated.observations;
  const std::optional<UnitId> city = observations.FindUnit(committee.jurisdiction);
  if (!city) {
    return absl::InvalidArgumentError(Format("the data has no unit '$0', the jurisdiction of $1, whose values the departments' action indicators are judged on: add its figures, or the tree of its units (--units) to aggregate them", committee.jurisdiction, committee.name));
  }
  if (absl::Status can = CheckAssessment(framework, observations, request.year); !can.ok()) {
    return can;
  }
  // Every unit, so that the city's verdicts are what its assessment shows.
  const Assessment assessment = Assess(request.framework, aggregated.observations, request.year);
  const auto city_index = static_cast<std::size_t>(*city);  // units() are 0 .. n-1

  const AssessmentPlan& plan = PlanOf(framework);
  const std::vector<Rational>& weights = plan.scoring.weights;
  const std::vector<Indicator>& indicators = framework.indicators();
  const Rational task_weight = evaluation::ToRational(rule.task_weight);
  const Rational indicator_weight = evaluation::ToRational(rule.indicator_weight);
  const std::vector<Grade>& grades = plan.grades;
  const std::vector<std::int64_t>& minimums = plan.grade_minimums;
  std::vector<std::int64_t> hundredths;  // per department, of those scored

  for (const std::string& department : DepartmentsOf(committee)) {
    DepartmentResult entry;
    entry.department = department;

    // Tasks due in the year, each earning its state's share.
    Rational task_earned = 0;
    for (const Meeting& meeting : committee.meetings) {
      for (const Task& task : meeting.tasks) {
        if (task.owner != department || task.due.year != request.year) continue;
        DepartmentTask judged{&meeting, &task, task.StateOn(result.as_of),
                              std::nullopt};
        judged.credit = rule.CreditOf(judged.state);
        if (judged.credit) {
          ++entry.tasks_judged;
          task_earned += evaluation::ToRational(*judged.credit) / 100;
        }
        entry.tasks.push_back(judged);
      }
    }

    // The indicators of the actions it leads, scored as a county's are.
    Rational indicator_earned = 0, indicator_possible = 0;
    for (const SpecialAction& action : framework.actions()) {
      const bool leads = std::any_of(
          committee.working_groups.begin(), committee.working_groups.end(),
          [&](const WorkingGroup& g) { return g.action == action.name && g.lead_department == department; });
      if (!leads) continue;
      entry.actions.push_back(action.name);
      for (std::size_t i = 0; i < indicators.size(); ++i) {
        if (indicators[i].action != action.name) continue;
        DepartmentIndicator judged;
        judged.indicator = &indicators[i];
        judged.city = assessment.Explain(city_index, i);
        for (const AggregationNote& note : aggregated.notes) {
          if (note.unit == committee.jurisdiction && note.key == indicators[i].number) {
            judged.note = note.reason;
          }
        }
        judged.counts = scoring::Counts(judged.city.status);
        const Rational credit = scoring::Credit(framework, i, observations, *city, request.year,
                                                judged.city.status, TargetChoice::kOfTheYear);
        judged.credit = ShownHundredths(scoring::Hundredths(credit, 1));
        if (judged.counts) {
          ++entry.indicators_judged;
          indicator_possible += weights[i];
          indicator_earned += weights[i] * credit;
        }
        entry.indicators.push_back(std::move(judged));
      }
    }

    // The parts with something to judge, weighed together; each part's
    // exact share, so that the total is rounded once.
    Rational earned = 0, possible = 0;
    if (entry.tasks_judged > 0) {
      entry.task_score = ShownHundredths(scoring::Hundredths(task_earned, entry.tasks_judged));
      earned += task_weight * task_earned / entry.tasks_judged;
      possible += task_weight;
    }
    if (!indicator_possible.is_zero()) {
      entry.indicator_score =
          ShownHundredths(scoring::Hundredths(indicator_earned, indicator_possible));
      earned += indicator_weight * indicator_earned / indicator_possible;
      possible += indicator_weight;
    }
    if (!possible.is_zero()) {
      const std::int64_t score = scoring::Hundredths(earned, possible);
      entry.score = ShownHundredths(score);
      entry.grade = grades[scoring::GradeIndex(minimums, score)].name;
      hundredths.push_back(score);
    }
    result.departments.push_back(std::move(entry));
  }

  // Rank the scored among themselves; names break ties in byte order.
  std::vector<std::size_t> scored;
  for (std::size_t d = 0; d < result.departments.size(); ++d) {
    if (result.departments[d].score) scored.push_back(d);
  }
  // Ties, and the departments without a score, in Chinese collation.
  std::vector<std::string_view> names;
  for (const DepartmentResult& department : result.departments) names.push_back(department.department);
  const std::vector<std::int32_t> collated = collation::Ranks(names);
  std::vector<std::int32_t> name_rank(scored.size());
  {
    std::vector<std::size_t> by_name(scored.size());
    std::iota(by_name.begin(), by_name.end(), 0);
    std::sort(by_name.begin(), by_name.end(),
              [&](std::size_t a, std::size_t b) { return collated[scored[a]] < collated[scored[b]]; });
    for (std::size_t k = 0; k < by_name.size(); ++k) name_rank[by_name[k]] = static_cast<std::int32_t>(k);
  }
  std::vector<int> ranks(scored.size(), 0);
  std::vector<std::size_t> scratch(scored.size()), order;
  scoring::RankEveryone(hundredths, name_rank, scratch, ranks, order);
  std::vector<std::size_t> sequence;  // into departments: the ranked, then the rest by name
  for (std::size_t m : order) {
    result.departments[scored[m]].rank = ranks[m];
    sequence.push_back(scored[m]);
  }
  std::vector<std::size_t> unscored;
  for (std::size_t d = 0; d < result.departments.size(); ++d) {
    if (!result.departments[d].score) unscored.push_back(d);
  }
  std::sort(unscored.begin(), unscored.end(), [&](std::size_t a, std::size_t b) { return collated[a] < collated[b]; });
  sequence.insert(sequence.end(), unscored.begin(), unscored.end());
  std::vector<DepartmentResult> ordered;
  for (std::size_t d : sequence) ordered.push_back(std::move(result.departments[d]));
  result.departments = std::move(ordered);
  return result;
}

}  // namespace healthact
