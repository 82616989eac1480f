#include "assess/plan.hpp"

#include <algorithm>
#include <memory>

#include "assess/validation_internal.hpp"

namespace healthact {
namespace {

IndicatorPlan PlanIndicator(const Indicator& indicator) {
  IndicatorPlan plan;
  plan.range = indicator.PlausibleRange();
  plan.ranges = columnar::CompileAtPlannedScales(plan.range);
  for (const Target& target : indicator.targets) {
    auto& compiled = plan.comparisons.emplace_back();
    if (const auto* comparison = std::get_if<ComparisonTarget>(&target.form)) {
      compiled.push_back(columnar::CompileAtPlannedScales(*comparison));
    } else if (const auto* parts = std::get_if<PartsTarget>(&target.form)) {
      for (const ComparisonTarget& part : parts->parts) compiled.push_back(columnar::CompileAtPlannedScales(part));
    }
  }
  return plan;
}

RulePlan PlanRule(const Framework& framework, const ConsistencyRule& rule) {
  RulePlan plan;
  const std::vector<Indicator>& indicators = framework.indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (std::find(rule.indicators.begin(), rule.indicators.end(), indicators[i].number) != rule.indicators.end()) {
      plan.judged.push_back(i);
    }
  }
  plan.left_key = validation::PlainFigureKey(framework, rule.left);
  plan.right_key = validation::PlainFigureKey(framework, rule.right);
  return plan;
}

}  // namespace

const columnar::AtPlannedScales<columnar::CompiledComparison>* IndicatorPlan::Comparison(
    const Indicator& indicator, const Target& target, std::size_t part) const {
  const auto t = static_cast<std::size_t>(&target - indicator.targets.data());
  if (t >= comparisons.size() || part >= comparisons[t].size()) return nullptr;
  return &comparisons[t][part];
}

const AssessmentPlan& PlanOf(const Framework& framework) {
  Framework::DerivedCache& cache = *framework.derived_;
  std::call_once(cache.once, [&] {
    auto plan = std::make_shared<AssessmentPlan>();
    plan->scoring = PlanScoring(framework);
    plan->target_years = framework.TargetYears();
    plan->grades = framework.scoring().grades.empty() ? DefaultGrades() : framework.scoring().grades;
    plan->grade_minimums = scoring::GradeMinimums(plan->grades);
    for (const Indicator& indicator : framework.indicators()) plan->indicators.push_back(PlanIndicator(indicator));
    for (const ConsistencyRule& rule : framework.rules()) plan->rules.push_back(PlanRule(framework, rule));
    cache.plan = std::move(plan);
  });
  return *cache.plan;
}

}  // namespace healthact
