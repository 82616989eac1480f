// Validation of one unit's figures: the findings of the rule kernel
// (evaluation.cc) on the figures a year's verdicts rest on, and the
// framework's consistency rules.
#include "healthact/assess/validation.hpp"

#include <algorithm>

#include "assess/evaluation.hpp"
#include "assess/kernel.hpp"
#include "healthact/core/messages.hpp"
#include "core/strings.hpp"
#include "assess/validation_internal.hpp"

namespace healthact {
namespace {

using evaluation::Rational;

void AddOnce(std::vector<Finding>& findings, Finding finding) {
  if (std::find(findings.begin(), findings.end(), finding) == findings.end()) {
    findings.push_back(std::move(finding));
  }
}

// The years a verdict on `target` reads: the year, and for a trend the
// earlier years it compares with.
int YearsBack(const Target& target) {
  const auto* trend = std::get_if<TrendTarget>(&target.form);
  return trend == nullptr ? 0 : TrendYearsBack(*trend);
}

// The value of one side of a rule, or nullopt when a figure it names is not
// there or not usable (the rule then says nothing).
std::optional<Rational> RuleSide(const Framework& framework, const Formula& formula,
                                 const Observations& observations, UnitId unit, int year,
                                 std::vector<FindingValue>& values) {
  auto figure = [&](const FormulaNode& node) -> std::optional<Rational> {
    const int at = year - node.years_back;
    if (node.kind == FormulaNode::Kind::kCount) {
      const Reported reported = observations.Get(unit, node.count, at);
      if (reported.kind != ReportKind::kNumber || reported.number.is_negative()) return std::nullopt;
      values.push_back({node.count, at, reported.number.ToString()});
      return evaluation::ToRational(reported.number);
    }
    const std::string number = node.count.substr(0, node.count.find('.'));
    const Indicator* indicator = framework.FindIndicator(node.count);
    if (indicator == nullptr) indicator = framework.FindIndicator(number);
    if (indicator == nullptr) return std::nullopt;
    const evaluation::Value value = evaluation::NumericValue(*indicator, node.count, observations, unit, at);
    if (!value.ok) return std::nullopt;
    values.push_back({node.count, at, value.shown.ToString()});
    return value.number;
  };
  auto zero = [] {};  // a rule over a zero divisor says nothing
  return evaluation::EvaluateTree(formula, static_cast<int>(formula.nodes.size()) - 1, figure, zero);
}

}  // namespace

std::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kRange: return "range";
    case FindingKind::kRateConflict: return "rate_conflict";
    case FindingKind::kPartsAsOne: return "parts";
    case FindingKind::kRule: return "rule";
  }
  return "?";
}

namespace validation {

std::optional<Finding> CheckRule(const Framework& framework, const ConsistencyRule& rule,
                                 const Observations& observations, UnitId unit, int year) {
  std::vector<FindingValue> values;
  const std::optional<Rational> left =
      RuleSide(framework, rule.left, observations, unit, year, values);
  const std::optional<Rational> right =
      left ? RuleSide(framework, rule.right, observations, unit, year, values) : std::nullopt;
  if (!left || !right || Holds(rule.comparator, *left, *right)) return std::nullopt;
  std::string shown;
  for (const FindingValue& value : values) {
    if (!shown.empty()) shown += "，";
    text::StrAppend(&shown, value.year == year ? "" : messages::Format("$0年", value.year), "[", value.key,
                    "] ", value.value);
  }
  std::string message = text::StrCat(rule.message.empty() ? messages::Format("不满足 $0", rule.text) : rule.message,
                                     messages::Format("（$0）", shown));
  return Finding{FindingKind::kRule, rule.text, rule.severity, rule.indicators, std::move(values),
                 std::move(message)};
}

std::optional<std::string> PlainFigureKey(const Framework& framework, const Formula& side) {
  if (side.nodes.size() != 1 || side.round_places) return std::nullopt;
  const FormulaNode& node = side.nodes.front();
  if (node.kind != FormulaNode::Kind::kIndicator || node.years_back != 0) return std::nullopt;
  const Indicator* indicator = framework.FindIndicator(node.count);
  if (indicator == nullptr) indicator = framework.FindIndicator(node.count.substr(0, node.count.find('.')));
  if (indicator == nullptr || indicator->formula) return std::nullopt;
  return node.count;
}

void RuleSaysNothingByColumns(Comparator comparator, const std::optional<std::string>& left_key,
                              const std::optional<std::string>& right_key, ColumnLookup& columns,
                              const std::vector<UnitId>& units, int year, std::span<std::uint8_t> silent) {
  if (!left_key || !right_key) {
    std::fill(silent.begin(), silent.end(), 0);
    return;
  }
  const Observations::Column* left = columns.Find(*left_key, year);
  const Observations::Column* right = columns.Find(*right_key, year);
  // A figure nobody reported: the rule is never judged.
  const bool unreported = left == nullptr || right == nullptr;
  std::fill(silent.begin(), silent.end(), unreported ? 1 : 0);
  if (unreported) return;
  const bool narrow = left->narrow() && right->narrow();
  // Both sides at the larger scale; a value that does not fit is left to CheckRule.
  const int scale = std::max(left->scale(), right->scale());
  std::int64_t left_factor = 1, right_factor = 1;
  for (int k = left->scale(); k < scale; ++k) left_factor *= 10;
  for (int k = right->scale(); k < scale; ++k) right_factor *= 10;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const UnitId u = units[i];
    if (left->kind(u) != ReportKind::kNumber || right->kind(u) != ReportKind::kNumber) {
      silent[i] = true;
      continue;
    }
    std::int64_t a = 0, b = 0;
    if (!narrow || __builtin_mul_overflow(left->scaled()[u], left_factor, &a) ||
        __builtin_mul_overflow(right->scaled()[u], right_factor, &b)) {
      continue;
    }
    silent[i] = Holds(comparator, a, b);
  }
}

std::vector<Finding> FigureFindings(const Framework& framework, const Observations& observations,
                                    UnitId unit, int year, TargetChoice choice) {
  std::vector<Finding> findings;
  for (const Indicator& indicator : framework.indicators()) {
    const Target* target = indicator.TargetFor(year, choice);
    if (target == nullptr || std::holds_alternative<NotApplicableTarget>(target->form) ||
        indicator.is_qualitative()) {
      continue;
    }
    std::vector<std::string> keys;
    if (std::holds_alternative<PartsTarget>(target->form)) {
      const Reported whole = observations.Get(unit, indicator.number, year);
      if (whole.kind != ReportKind::kNothing) {
        AddOnce(findings, Finding{FindingKind::kPartsAsOne, "parts", Severity::kError,
                                  {indicator.number}, {{indicator.number, year, whole.ToString()}},
                                  evaluation::PartsAsOneMessage(indicator, whole)});
      }
      for (const IndicatorPart& part : indicator.parts) keys.push_back(part.number);
    } else {
      keys.push_back(indicator.number);
    }
    for (const std::string& key : keys) {
      for (int y = year - YearsBack(*target); y <= year; ++y) {
        evaluation::Value value = evaluation::NumericValue(indicator, key, observations, unit, y);
        if (value.finding) AddOnce(findings, std::move(*value.finding));
      }
    }
  }
  return findings;
}

}  // namespace validation

std::vector<Finding> ValidateUnit(const Framework& framework, const Observations& observations,
                                  UnitId unit, int year) {
  std::vector<Finding> findings = validation::FigureFindings(framework, observations, unit, year);
  for (const ConsistencyRule& rule : framework.rules()) {
    if (std::optional<Finding> broken = validation::CheckRule(framework, rule, observations, unit, year)) {
      findings.push_back(std::move(*broken));
    }
  }
  return findings;
}

}  // namespace healthact
