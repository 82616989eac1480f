#include "assess/evaluation.hpp"

#include <algorithm>

#include "assess/kernel.hpp"
#include "core/rounding.hpp"
#include "core/strings.hpp"

namespace healthact::evaluation {
namespace {

namespace mp = boost::multiprecision;

Integer Pow10(int exponent) {
  Integer result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

std::string_view RelationSymbol(int sign) { return sign < 0 ? "<" : sign > 0 ? ">" : "="; }

int Compare(const Rational& a, const Rational& b) { return a < b ? -1 : (b < a ? 1 : 0); }

// Why a report that is not a number cannot be compared.
Value NoNumber(ReportKind kind, std::string_view key, int year) {
  Value value;
  value.problem = kernel::NonNumberStatus(kind);
  switch (kind) {
    case ReportKind::kNothing:
      value.detail = text::StrCat(year, "年未报告", key.empty() ? "" : " ", key);
      break;
    case ReportKind::kNotCounted:
      value.text = "未统计";
      value.detail = text::StrCat(year, "年报告为未统计");
      break;
    case ReportKind::kNotEstablished:
      value.text = "未建立";
      value.detail = text::StrCat(year, "年报告为未建立");
      break;
    case ReportKind::kPending:
      value.text = "待公布";
      value.detail = text::StrCat(year, "年的值待上级监测公布");
      break;
    case ReportKind::kAchieved:
    case ReportKind::kNotAchieved:
      value.text = kind == ReportKind::kAchieved ? "实现" : "未实现";
      value.detail = text::StrCat("报告为", value.text, "，但此指标要求数值");
      break;
    case ReportKind::kNumber:
      break;
  }
  return value;
}

// The value made unusable by a finding.
Value Flawed(FindingKind kind, std::string rule, std::vector<std::string> indicators,
             std::vector<FindingValue> values, std::string text, std::string message) {
  Value value;
  value.problem = VerdictStatus::kInvalid;
  value.text = std::move(text);
  value.detail = message;
  value.finding = Finding{kind,    std::move(rule),   Severity::kError, std::move(indicators),
                          std::move(values), std::move(message)};
  return value;
}

// A figure outside its range: "999 不在合理范围 0–150 岁内".
Value OutOfRange(const std::string& indicator, std::string_view key, int year, std::string text,
                 const ValueRange& range, std::optional<Unit> unit, std::string_view note) {
  // The key is named when it is not the indicator itself (a part, a count).
  std::string message = text::StrCat(key == indicator ? "" : text::StrCat(key, "："), text,
                                     " 不在合理范围 ", RangeText(range, unit), "内", note);
  return Flawed(FindingKind::kRange, "range", {indicator}, {{std::string(key), year, text}}, text,
                std::move(message));
}

// Every count is a number of persons, cases or items.
const ValueRange& CountRange() {
  static const ValueRange range{Decimal(), std::nullopt, true};
  return range;
}

// Evaluates a formula node over the unit's counts.
// `indicator` is the number of the formula's indicator, for findings.
std::optional<Rational> EvaluateNode(const std::string& indicator, const Formula& formula, int index,
                                     const Observations& observations, UnitId unit, int year,
                                     Value& failure, std::string& trace) {
  const FormulaNode& node = formula.nodes[index];
  switch (node.kind) {
    case FormulaNode::Kind::kConstant:
      trace += node.constant.ToString();
      return ToRational(node.constant);
    case FormulaNode::Kind::kCount: {
      const Reported reported = observations.Get(unit, node.count, year);
      if (reported.kind != ReportKind::kNumber) {
        failure = NoNumber(reported.kind, node.count, year);
        if (reported.kind != ReportKind::kNothing) {
          failure.detail = text::StrCat(node.count, "：", failure.detail);
        }
        return std::nullopt;
      }
      Rational count = ToRational(reported.number);
      if (!InRange(CountRange(), count)) {
        failure = OutOfRange(indicator, node.count, year, reported.number.ToString(), CountRange(),
                             std::nullopt, "（计数应为非负整数）");
        failure.text.clear();  // the count's value is not the indicator's
        return std::nullopt;
      }
      text::StrAppend(&trace, node.count, " ", reported.number.ToString());
      return count;
    }
    default:
      break;
  }
  std::optional<Rational> left =
      EvaluateNode(indicator, formula, node.left, observations, unit, year, failure, trace);
  if (!left) return std::nullopt;
  const char* symbol = node.kind == FormulaNode::Kind::kAdd        ? " + "
                       : node.kind == FormulaNode::Kind::kSubtract ? " - "
                       : node.kind == FormulaNode::Kind::kMultiply ? " × "
                                                                   : " / ";
  trace += symbol;
  std::optional<Rational> right =
      EvaluateNode(indicator, formula, node.right, observations, unit, year, failure, trace);
  if (!right) return std::nullopt;
  switch (node.kind) {
    case FormulaNode::Kind::kAdd: return *left + *right;
    case FormulaNode::Kind::kSubtract: return *left - *right;
    case FormulaNode::Kind::kMultiply: return *left * *right;
    default:
      if (right->is_zero()) {
        failure.problem = VerdictStatus::kInvalid;
        failure.detail = "分母为0，无法计算";
        return std::nullopt;
      }
      return *left / *right;
  }
}

std::string ComparisonReason(const Value& value, const ComparisonTarget& target) {
  const int sign = Compare(value.number, ToRational(target.value));
  return text::StrCat(value.detail.empty() ? value.text : value.detail, " ", RelationSymbol(sign),
                      " ", target.value.ToString());
}

VerdictStatus Combine(const std::vector<Verdict>& parts) {
  VerdictStatus worst = VerdictStatus::kMet;
  for (const Verdict& part : parts) worst = kernel::WorsePart(worst, part.status);
  return worst;
}

void EvaluateComparison(const Indicator& indicator,
                        std::string_view key, const ComparisonTarget& target,
                        const Observations& observations, UnitId unit, int year, bool explain,
                        Verdict& verdict) {
  Value value = NumericValue(indicator, key, observations, unit, year);
  if (!value.ok) {
    verdict.status = value.problem;
    if (explain) {
      verdict.value = value.text;
      verdict.reason = value.detail;
    }
    return;
  }
  verdict.status = kernel::CompareStatus(target.comparator, value.number, ToRational(target.value));
  if (explain) {
    verdict.value = value.text;
    verdict.reason = ComparisonReason(value, target);
  }
}

void EvaluateAchievement(const Indicator& indicator, const Observations& observations, UnitId unit,
                         int year, bool explain, Verdict& verdict) {
  const Reported reported = observations.Get(unit, indicator.number, year);
  verdict.status = kernel::AchievementStatus(reported.kind);
  if (!explain) return;
  verdict.value = reported.ToString();
  switch (verdict.status) {
    case VerdictStatus::kMet: verdict.reason = "已实现"; break;
    case VerdictStatus::kNotMet: verdict.reason = text::StrCat("报告为", verdict.value, "，未实现"); break;
    case VerdictStatus::kPending: verdict.reason = "待上级监测公布"; break;
    case VerdictStatus::kInvalid:
      verdict.reason = text::StrCat("报告为数值", verdict.value, "，但此指标要求实现或未实现");
      break;
    default:
      verdict.reason = reported.kind == ReportKind::kNothing ? text::StrCat(year, "年未报告")
                                                              : "报告为未统计";
  }
}

void EvaluateTrend(const Indicator& indicator, const TrendTarget& trend,
                   const Observations& observations, UnitId unit, int year, bool explain,
                   Verdict& verdict) {
  const bool fall = IsFall(trend.kind);
  const int span = TrendYearsBack(trend);
  // Values from year - span to year, oldest first.  The year assessed is
  // read first: its value is shown even when an earlier year is missing.
  const Value current = NumericValue(indicator, indicator.number, observations, unit, year);
  if (explain) verdict.value = current.text;
  if (!current.ok) {
    verdict.status = current.problem;
    if (explain) verdict.reason = current.detail;
    return;
  }
  std::vector<Value> values;
  for (int y = year - span; y < year; ++y) {
    Value value = NumericValue(indicator, indicator.number, observations, unit, y);
    if (!value.ok) {
      verdict.status = value.problem;
      if (explain) {
        verdict.reason = text::StrCat("缺少", y, "年的值，无法判断", TrendKindName(trend.kind),
                                      "：需要", year - span, "–", year, "年共", span + 1, "年的值（",
                                      value.detail, "）");
      }
      return;
    }
    values.push_back(std::move(value));
  }
  values.push_back(current);
  std::vector<Rational> numbers;  // oldest first
  for (const Value& value : values) numbers.push_back(value.number);
  const bool moved = kernel::MovedEveryYear(fall, numbers.data(), numbers.size());
  bool met = moved;
  const Value& now = values.back();
  const Value& before = values[values.size() - 2];
  std::string change_text;
  if (met && trend.marked_change_percent) {
    // The change relative to the earlier value, in %, must reach the size
    // the framework states.
    const Rational percent = ToRational(*trend.marked_change_percent);
    met = kernel::ChangedEnough<Rational>(fall, before.number, now.number,
                                          Rational(mp::numerator(percent)),
                                          Rational(mp::denominator(percent)));
    if (before.number <= 0) {
      change_text = "上年值不为正，无法计算相对变化";
    } else {
      const Rational change = (fall ? before.number - now.number : now.number - before.number) *
                              100 / before.number;
      change_text = text::StrCat("变化", RationalText(change, 2), "%，",
                                 met ? "达到" : "未达到", "明显", fall ? "下降" : "上升", "幅度",
                                 trend.marked_change_percent->ToString(), "%");
    }
  }
  verdict.status = met ? VerdictStatus::kMet : VerdictStatus::kNotMet;
  if (!explain) return;
  verdict.value = now.text;
  std::string sequence;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) {
      sequence += " → ";
    }
    text::StrAppend(&sequence, year - span + static_cast<int>(i), "年 ", values[i].text);
  }
  verdict.reason = text::StrCat(sequence, "：", moved ? "" : "未", span > 1 ? "逐年" : "",
                                fall ? "下降" : "上升");
  if (!change_text.empty()) text::StrAppend(&verdict.reason, "；", change_text);
}

}  // namespace

std::string PartsAsOneMessage(const Indicator& indicator, const Reported& whole) {
  std::string parts;
  for (const IndicatorPart& part : indicator.parts) {
    if (!parts.empty()) parts += "、";
    parts += part.number;
  }
  return text::StrCat("指标", indicator.number, "分", indicator.parts.size(), "项（", parts,
                      "），但报告了一个值 ", whole.ToString(), "；请按分项报告，如 100，70");
}

Rational ToRational(const Decimal& value) {
  return Rational(Integer(value.raw_units()), Pow10(Decimal::kMaxScale));
}

std::optional<Decimal> RoundRational(const Rational& value, int places, Rounding rule) {
  const Integer quotient = internal::DivideRounded<Integer>(mp::numerator(value) * Pow10(places),
                                                           mp::denominator(value), rule);
  std::string digits = Integer(mp::abs(quotient)).str();
  if (places > 0) {
    if (static_cast<int>(digits.size()) <= places) digits.insert(0, places + 1 - digits.size(), '0');
    digits.insert(digits.size() - places, ".");
  }
  absl::StatusOr<Decimal> decimal = Decimal::Parse((quotient.sign() < 0 ? "-" : "") + digits);
  if (!decimal.ok()) return std::nullopt;
  return *decimal;
}

std::string RationalText(const Rational& value, int places) {
  std::optional<Decimal> rounded = RoundRational(value, places, Rounding::kHalfUp);
  if (!rounded) return "(超出范围)";
  std::string text = rounded->ToString();
  if (ToRational(*rounded) != value) return text + "…";
  // Exact: drop trailing zeros ("5.1000" -> "5.1").
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

bool InRange(const ValueRange& range, const Rational& value) {
  if (range.minimum && value < ToRational(*range.minimum)) return false;
  if (range.maximum && value > ToRational(*range.maximum)) return false;
  if (range.whole && mp::denominator(value) != 1) return false;
  return true;
}

namespace {

// The range check of a usable value: it stays, or becomes invalid.
Value Checked(Value value, const Indicator& indicator, std::string_view key, int year,
              bool computed) {
  const ValueRange range = indicator.PlausibleRange();
  if (!value.ok || InRange(range, value.number)) return value;
  // For a share, a value above the whole means more events than cases.
  const bool above_whole = computed && indicator.unit && IsShare(*indicator.unit) &&
                           range.maximum && value.number > ToRational(*range.maximum);
  Value flawed = OutOfRange(indicator.number, key, year, value.text, range, indicator.unit,
                            above_whole ? "（分子大于分母）" : "");
  if (computed) flawed.detail = text::StrCat(value.detail, "，", flawed.detail);
  return flawed;
}

// A rate rounded as its formula says, when it says: "45.0" from 44.95.
std::optional<Rational> RoundedAsFormula(const Formula& formula, const Rational& value) {
  if (!formula.round_places) return value;
  std::optional<Decimal> rounded = RoundRational(value, *formula.round_places, formula.rounding);
  if (!rounded) return std::nullopt;
  return ToRational(*rounded);
}

std::string RoundingText(const Formula& formula) {
  return text::StrCat(RoundingName(formula.rounding), "保留", *formula.round_places, "位");
}

}  // namespace

Value NumericValue(const Indicator& indicator, std::string_view key,
                   const Observations& observations, UnitId unit, int year) {
  const Reported reported = observations.Get(unit, key, year);
  // A formula indicator is computed from counts when the counts are there;
  // a rate reported directly is used otherwise.
  if (indicator.formula && key == indicator.number) {
    Value failure;
    std::string trace;
    const Formula& formula = *indicator.formula;
    std::optional<Rational> computed =
        EvaluateNode(indicator.number, formula, static_cast<int>(formula.nodes.size()) - 1,
                     observations, unit, year, failure, trace);
    if (computed) {
      Value value;
      value.ok = true;
      const std::optional<Rational> rounded = RoundedAsFormula(formula, *computed);
      if (!rounded) {
        value.ok = false;
        value.problem = VerdictStatus::kInvalid;
        value.detail = "计算结果超出范围";
        return value;
      }
      value.number = *rounded;
      if (formula.round_places) {
        value.text = RoundRational(*rounded, *formula.round_places, formula.rounding)->ToString();
        value.detail = text::StrCat(trace, " = ", value.text, "（", RoundingText(formula), "）");
      } else {
        value.text = RationalText(*computed);
        value.detail = text::StrCat(trace, " = ", value.text);
      }
      if (reported.kind == ReportKind::kNumber) {
        // The unit reported the rate and its counts: the two must agree once
        // rounded alike (as the formula says, or else to the digits the
        // rate was written with).
        const Rational stated = ToRational(reported.number);
        const std::optional<Rational> stated_rounded =
            formula.round_places ? RoundedAsFormula(formula, stated) : std::optional<Rational>(stated);
        const std::optional<Decimal> computed_at_stated =
            formula.round_places ? std::nullopt
                                 : RoundRational(*computed, reported.number.scale(), Rounding::kHalfUp);
        const bool agree =
            formula.round_places
                ? stated_rounded && *stated_rounded == *rounded
                : computed_at_stated && ToRational(*computed_at_stated) == stated;
        if (!agree) {
          const std::string stated_text = reported.number.ToString();
          return Flawed(FindingKind::kRateConflict, "rate_conflict", {indicator.number},
                        {{indicator.number, year, stated_text}, {indicator.number, year, value.text}},
                        stated_text,
                        text::StrCat("报告的比率 ", stated_text, " 与由计数算得的 ", value.detail,
                                     " 不一致"));
        }
      }
      return Checked(std::move(value), indicator, key, year, true);
    }
    if (failure.problem == VerdictStatus::kInvalid || reported.kind != ReportKind::kNumber) {
      return failure;
    }
    if (formula.round_places) {
      // A reported rate is rounded by the same rule as a computed one.
      Value value;
      value.ok = true;
      value.text = reported.number.ToString();
      const std::optional<Rational> rounded = RoundedAsFormula(formula, ToRational(reported.number));
      if (!rounded) return NoNumber(ReportKind::kNothing, "", year);
      value.number = *rounded;
      const std::string rounded_text =
          RoundRational(*rounded, *formula.round_places, formula.rounding)->ToString();
      if (rounded_text != value.text) {
        value.detail = text::StrCat("报告值 ", value.text, "，", RoundingText(formula), "为 ", rounded_text);
      }
      return Checked(std::move(value), indicator, key, year, false);
    }
  }
  if (reported.kind != ReportKind::kNumber) return NoNumber(reported.kind, "", year);
  Value value;
  value.ok = true;
  value.number = ToRational(reported.number);
  value.text = reported.number.ToString();
  return Checked(std::move(value), indicator, key, year, false);
}

Verdict Evaluate(const Indicator& indicator,
                 const Observations& observations, UnitId unit, int year, bool explain) {
  Verdict verdict;
  verdict.indicator = indicator.number;
  const Target* target = indicator.TargetFor(year);
  if (explain && target != nullptr) verdict.target = TargetText(target->form);
  if (target == nullptr || std::holds_alternative<NotApplicableTarget>(target->form)) {
    verdict.status = VerdictStatus::kNotApplicable;
    if (explain) verdict.reason = target == nullptr ? text::StrCat(year, "年无目标") : "目标为 --";
    return verdict;
  }
  if (const auto* comparison = std::get_if<ComparisonTarget>(&target->form)) {
    EvaluateComparison(indicator, indicator.number, *comparison, observations, unit, year,
                       explain, verdict);
  } else if (std::holds_alternative<AchievementTarget>(target->form)) {
    EvaluateAchievement(indicator, observations, unit, year, explain, verdict);
  } else if (const auto* trend = std::get_if<TrendTarget>(&target->form)) {
    EvaluateTrend(indicator, *trend, observations, unit, year, explain, verdict);
  } else if (const auto* parts = std::get_if<PartsTarget>(&target->form)) {
    const Reported whole = observations.Get(unit, indicator.number, year);
    if (whole.kind != ReportKind::kNothing) {
      // One value for an indicator of parts says nothing about either part.
      verdict.status = VerdictStatus::kInvalid;
      if (explain) {
        verdict.value = whole.ToString();
        verdict.reason = PartsAsOneMessage(indicator, whole);
      }
      return verdict;
    }
    for (std::size_t i = 0; i < parts->parts.size() && i < indicator.parts.size(); ++i) {
      Verdict part;
      part.indicator = indicator.parts[i].number;
      if (explain) part.target = TargetText(parts->parts[i]);
      EvaluateComparison(indicator, indicator.parts[i].number, parts->parts[i],
                         observations, unit, year, explain, part);
      verdict.parts.push_back(std::move(part));
    }
    verdict.status = Combine(verdict.parts);
    if (explain) {
      int met = 0;
      for (const Verdict& part : verdict.parts) met += part.status == VerdictStatus::kMet;
      std::string values;
      for (const Verdict& part : verdict.parts) {
        if (!values.empty()) values += "，";
        values += part.value.empty() ? "—" : part.value;
      }
      verdict.value = values;
      verdict.reason = text::StrCat(verdict.parts.size(), "个分项中", met, "个达标");
    }
  }
  if (explain && !verdict.reason.empty() && verdict.status != VerdictStatus::kNotApplicable) {
    text::StrAppend(&verdict.reason, " (目标 ", verdict.target, ")");
  }
  return verdict;
}

Rational LinearCredit(const Indicator& indicator,
                      const Observations& observations, UnitId unit, int year,
                      VerdictStatus status) {
  if (status == VerdictStatus::kMet) return 1;
  if (status != VerdictStatus::kNotMet || !indicator.baseline) return 0;
  const Target* target = indicator.TargetFor(year);
  if (target == nullptr) return 0;
  // Progress of one comparison from its baseline toward its target.
  const auto progress = [&](std::string_view key, const ComparisonTarget& goal,
                            std::optional<Decimal> framework_baseline) -> Rational {
    std::optional<Rational> base;
    // The unit's own baseline-year figure, else the framework's baseline.
    const Reported own = indicator.baseline->year
                             ? observations.Get(unit, key, *indicator.baseline->year)
                             : Reported{};
    if (own.kind == ReportKind::kNumber) {
      base = ToRational(own.number);
    } else if (framework_baseline) {
      base = ToRational(*framework_baseline);
    }
    const Value now = NumericValue(indicator, key, observations, unit, year);
    if (!base || !now.ok) return 0;
    const Rational distance = ToRational(goal.value) - *base;
    if (distance.is_zero()) return 0;
    Rational share = (now.number - *base) / distance;
    return std::clamp(share, Rational(0), Rational(1));
  };
  const BaselineValue& baseline = indicator.baseline->value;
  if (const auto* comparison = std::get_if<ComparisonTarget>(&target->form)) {
    const auto* value = std::get_if<Decimal>(&baseline);
    return progress(indicator.number, *comparison, value ? std::optional<Decimal>(*value) : std::nullopt);
  }
  if (const auto* parts = std::get_if<PartsTarget>(&target->form)) {
    const auto* values = std::get_if<std::vector<Decimal>>(&baseline);
    Rational sum = 0;
    for (std::size_t i = 0; i < parts->parts.size() && i < indicator.parts.size(); ++i) {
      Verdict part;
      EvaluateComparison(indicator, indicator.parts[i].number, parts->parts[i],
                         observations, unit, year, false, part);
      if (part.status == VerdictStatus::kMet) {
        sum += 1;
      } else if (part.status == VerdictStatus::kNotMet) {
        sum += progress(indicator.parts[i].number, parts->parts[i],
                        values && i < values->size() ? std::optional<Decimal>((*values)[i])
                                                     : std::nullopt);
      }
    }
    return parts->parts.empty() ? Rational(0) : sum / static_cast<int>(parts->parts.size());
  }
  return 0;
}

}  // namespace healthact::evaluation
