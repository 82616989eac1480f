// FormatFramework: the canonical text of a framework, which the model owns:
// the decision record hashes it, and the language parses it back.
#include <string>

#include "core/escape.hpp"
#include "core/strings.hpp"
#include "healthact/model/framework.hpp"
#include "model/vocabulary.hpp"

namespace healthact {
namespace {

using vocabulary::Keyword;

std::string_view Kw(Keyword keyword) { return vocabulary::Spelling(keyword).chinese; }

void AppendSource(std::string& out, const Citation& source) {
  text::StrAppend(&out, Kw(Keyword::kSource), " ", escape::DslString(source.document));
  if (!source.locator.empty()) text::StrAppend(&out, " ", escape::DslString(source.locator));
}

void AppendTrendRules(std::string& out, const TrendRules& rules, std::string_view indent) {
  if (rules.marked_change_percent) {
    text::StrAppend(&out, indent, Kw(Keyword::kMarkedChange), " ",
                    rules.marked_change_percent->ToString(), "%\n");
  }
  if (rules.continuous_years) {
    text::StrAppend(&out, indent, Kw(Keyword::kContinuousYears), " ", *rules.continuous_years,
                    "\n");
  }
}

void AppendIndicator(std::string& out, const Indicator& indicator) {
  text::StrAppend(&out, Kw(Keyword::kIndicator), " ", indicator.number, " ", escape::DslString(indicator.name),
                  " {\n");
  constexpr std::string_view kIndent = "  ";
  if (indicator.measure_unit) {
    text::StrAppend(&out, kIndent, Kw(Keyword::kUnit), " ", MeasureUnitSymbol(*indicator.measure_unit), "\n");
  }
  if (indicator.direction != Direction::kUnspecified) {
    text::StrAppend(&out, kIndent, Kw(Keyword::kDirection), " ", DirectionName(indicator.direction),
                    "\n");
  }
  if (indicator.category) {
    text::StrAppend(&out, kIndent, Kw(Keyword::kCategory), " ", CategoryName(*indicator.category),
                    "\n");
  }
  if (!indicator.action.empty()) {
    text::StrAppend(&out, kIndent, Kw(Keyword::kAction), " ", escape::DslString(indicator.action), "\n");
  }
  if (indicator.binding) {
    text::StrAppend(&out, kIndent, Kw(Keyword::kBinding), " ",
                    BindingForceName(*indicator.binding), "\n");
  }
  if (!indicator.source.empty()) {
    out += kIndent;
    AppendSource(out, indicator.source);
    out += "\n";
  }
  AppendTrendRules(out, indicator.trend_rules, kIndent);
  if (indicator.aggregate_weight) {
    text::StrAppend(&out, kIndent, Kw(Keyword::kAggregateWeight), " ", *indicator.aggregate_weight,
                    "\n");
  }
  for (const IndicatorPart& part : indicator.parts) {
    text::StrAppend(&out, kIndent, Kw(Keyword::kPart), " ", part.number, " ", escape::DslString(part.name), "\n");
  }
  if (indicator.formula) {
    const Formula& formula = *indicator.formula;
    text::StrAppend(&out, kIndent, Kw(Keyword::kFormula), " ",
                    FormulaText(formula));
    if (formula.round_places) {
      text::StrAppend(&out, " ", Kw(Keyword::kRound), " ", *formula.round_places, " ",
                      RoundingName(formula.rounding));
    }
    out += "\n";
  }
  if (indicator.range) {
    const auto end = [](const std::optional<Decimal>& bound) {
      return bound ? bound->ToString() : std::string("--");
    };
    text::StrAppend(&out, kIndent, Kw(Keyword::kRange), " ", end(indicator.range->minimum), " ",
                    end(indicator.range->maximum), "\n");
  }
  if (indicator.baseline) {
    text::StrAppend(&out, kIndent, Kw(Keyword::kBaseline), " ",
                    indicator.baseline->year ? std::to_string(*indicator.baseline->year) : "--", " ",
                    BaselineText(indicator.baseline->value), "\n");
  }
  for (const Target& target : indicator.targets) {
    text::StrAppend(&out, kIndent, Kw(Keyword::kTarget), " ", target.year, " ",
                    TargetText(target.form));
    if (!target.source.empty()) {
      out += " ";
      AppendSource(out, target.source);
    }
    out += "\n";
  }
  out += "}\n";
}

}  // namespace

std::string FormatFramework(const Framework& framework) {
  std::string out;
  text::StrAppend(&out, Kw(Keyword::kFramework), " ", escape::DslString(framework.name()), "\n");
  if (!framework.source().empty()) {
    AppendSource(out, framework.source());
    out += "\n";
  }
  AppendTrendRules(out, framework.trend_rules(), "");
  for (const CountDeclaration& count : framework.counts()) {
    text::StrAppend(&out, Kw(Keyword::kCount), " ", count.name, " ", MeasureUnitSymbol(count.measure_unit), "\n");
  }
  for (const SpecialAction& action : framework.actions()) {
    text::StrAppend(&out, Kw(Keyword::kAction), " ", escape::DslString(action.name), "\n");
  }
  const Scoring& scoring = framework.scoring();
  if (scoring.partial_credit != PartialCredit::kNone) {
    text::StrAppend(&out, Kw(Keyword::kPartialCredit), " ",
                    PartialCreditName(scoring.partial_credit), "\n");
  }
  for (const auto& [number, weight] : scoring.indicator_weights) {
    text::StrAppend(&out, Kw(Keyword::kWeight), " ", number, " ", weight.ToString(), "\n");
  }
  for (const auto& [basis, weight] : scoring.basis_weights) {
    text::StrAppend(&out, Kw(Keyword::kWeight), " ", escape::DslString(basis), " ", weight.ToString(), "\n");
  }
  for (const Grade& grade : scoring.grades) {
    text::StrAppend(&out, Kw(Keyword::kGrade), " ", grade.name, " ", grade.minimum.ToString(), "\n");
  }
  if (const std::optional<DepartmentRule>& rule = framework.department_rule()) {
    text::StrAppend(&out, Kw(Keyword::kDepartmentWeight), " ",
                    DepartmentPartName(DepartmentPart::kTasks), " ", rule->task_weight.ToString(), "\n",
                    Kw(Keyword::kDepartmentWeight), " ",
                    DepartmentPartName(DepartmentPart::kActionIndicators), " ",
                    rule->indicator_weight.ToString(), "\n");
    for (TaskState state : {TaskState::kDone, TaskState::kDoneLate, TaskState::kOverdue}) {
      text::StrAppend(&out, Kw(Keyword::kTaskCredit), " ", TaskStateName(state), " ",
                      rule->CreditOf(state)->ToString(), "\n");
    }
  }
  std::string basis;
  for (const Indicator& indicator : framework.indicators()) {
    out += "\n";
    if (indicator.basis != basis) {
      basis = indicator.basis;
      text::StrAppend(&out, Kw(Keyword::kBasis), " ", escape::DslString(basis), "\n\n");
    }
    AppendIndicator(out, indicator);
  }
  if (!framework.rules().empty()) out += "\n";
  for (const ConsistencyRule& rule : framework.rules()) {
    text::StrAppend(&out, Kw(Keyword::kRule), " ", vocabulary::Chinese(vocabulary::kSeverities, rule.severity), " ", rule.text);
    if (!rule.message.empty()) text::StrAppend(&out, " ", escape::DslString(rule.message));
    out += "\n";
  }
  return out;
}

}  // namespace healthact
