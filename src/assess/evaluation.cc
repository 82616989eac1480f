#include "assess/evaluation.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "assess/column_lookup.hpp"
#include "assess/kernel.hpp"
#include "assess/verdict_words.hpp"
#include "healthact/core/messages.hpp"
#include "core/rounding.hpp"
#include "core/strings.hpp"

namespace healthact::evaluation {
namespace {

namespace mp = boost::multiprecision;

// 10^exponent for exponent 0..18 (every scale a Decimal has), from a
// table: the loop of multiplications cost more than the rational it fed.
// Values this small live inside the cpp_int, so the table allocates nothing
// a leak checker would report at exit.
Integer Pow10(int exponent) {
  static const auto kPowers = [] {
    std::array<Integer, Decimal::kMaxScale + 1> powers;
    powers[0] = 1;
    for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
    return powers;
  }();
  if (exponent >= 0 && exponent <= Decimal::kMaxScale) return kPowers[static_cast<std::size_t>(exponent)];
  Integer result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

int Compare(const Rational& a, const Rational& b) { return a < b ? -1 : (b < a ? 1 : 0); }

// Observations::Get, its column found through the thread's memo: a report
// explains every verdict it shows, and each explanation read its figures by
// a hash look-up of the key (FindColumn and its memcmp were 6% of the
// samples of writing 40 000 units' CSV under perf).
Reported Figure(const Observations& observations, UnitId unit, std::string_view key, int year) {
  ColumnLookup columns(observations);
  const Observations::Column* column = columns.Find(key, year);
  return column == nullptr ? Reported{} : column->Get(unit);
}

// Why a report that is not a number cannot be compared.  `key` names a
// count when the report is a count's.
Value NoNumber(ReportKind kind, std::string_view key, int year) {
  Value value;
  value.problem = kernel::NonNumberStatus(kind);
  value.why.year = year;
  value.why.key = std::string(key);
  value.why.report = kind;
  switch (kind) {
    case ReportKind::kNothing: value.why.kind = ReasonKind::kNotReported; break;
    case ReportKind::kNotCounted:
    case ReportKind::kNotEstablished:
    case ReportKind::kPending:
      value.shown.kind = kind;
      value.why.kind = ReasonKind::kReportedAbsent;
      break;
    case ReportKind::kAchieved:
    case ReportKind::kNotAchieved:
      value.shown.kind = kind;
      value.why.kind = ReasonKind::kNumberRequired;
      break;
    case ReportKind::kNumber:
      break;
  }
  return value;
}

// The value made unusable by a finding; `shown` is the value it concerns.
Value Flawed(FindingKind kind, std::string rule, std::vector<std::string> indicators,
             std::vector<FindingValue> values, VerdictValue shown, std::string message) {
  Value value;
  value.problem = VerdictStatus::kInvalid;
  value.shown = shown;
  value.why.kind = ReasonKind::kFinding;
  value.why.finding = Finding{kind,    std::move(rule),   Severity::kError, std::move(indicators),
                              std::move(values), std::move(message)};
  value.finding = value.why.finding;
  return value;
}

// A figure outside its range: "999 不在合理范围 0–150 岁内".
Value OutOfRange(const std::string& indicator, std::string_view key, int year, VerdictValue shown,
                 const ValueRange& range, std::optional<MeasureUnit> unit, std::string_view note) {
  const std::string text = shown.ToString();
  // The key is named when it is not the indicator itself (a part, a count).
  std::string message = text::StrCat(key == indicator ? "" : messages::Format("$0：", key),
                                     messages::Format("$0 不在合理范围 $1内", text, RangeText(range, unit)), note);
  return Flawed(FindingKind::kRange, "range", {indicator}, {{std::string(key), year, text}}, shown,
                std::move(message));
}

VerdictValue Shown(const Decimal& number) { return VerdictValue{ReportKind::kNumber, number, true}; }

// Every count is a number of persons, cases or items.
const ValueRange& CountRange() {
  static const ValueRange range{Decimal(), std::nullopt, true};
  return range;
}

// Evaluates an indicator's formula over the unit's counts, noting each count
// read (in the order the formula names them) in `counts`.  `indicator` is the
// number of the formula's indicator, for findings.
std::optional<Rational> EvaluateFormula(const std::string& indicator, const Formula& formula,
                                        const Observations& observations, UnitId unit, int year,
                                        Value& failure, std::vector<Decimal>& counts) {
  auto count = [&](const FormulaNode& node) -> std::optional<Rational> {
    const Reported reported = Figure(observations, unit, node.count, year);
    if (reported.kind != ReportKind::kNumber) {
      failure = NoNumber(reported.kind, node.count, year);
      return std::nullopt;
    }
    Rational value = ToRational(reported.number);
    if (!InRange(CountRange(), value)) {
      failure = OutOfRange(indicator, node.count, year, Shown(reported.number), CountRange(),
                           std::nullopt, messages::Tr("（计数应为非负整数）"));
      failure.shown = {};  // the count's value is not the indicator's
      return std::nullopt;
    }
    counts.push_back(reported.number);
    return value;
  };
  auto zero = [&] {
    failure.problem = VerdictStatus::kInvalid;
    failure.why.kind = ReasonKind::kZeroDenominator;
  };
  return EvaluateTree(formula, static_cast<int>(formula.nodes.size()) - 1, count, zero);
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
  // The common case -- a reported number, not computed by a formula, inside
  // its plausible range -- compared as decimals: as exact as the rationals
  // below, without their allocations, which cost an explained assessment
  // (every CSV and JSON text) 3 µs a verdict.
  if (!(indicator.formula && key == indicator.number)) {
    const Reported reported = Figure(observations, unit, key, year);
    if (reported.kind == ReportKind::kNumber && InRange(indicator.PlausibleRange(), reported.number)) {
      verdict.status = kernel::CompareStatus(target.comparator, reported.number, target.value);
      if (explain) {
        verdict.value = Shown(reported.number);
        verdict.reason.kind = ReasonKind::kCompared;
        verdict.reason.relation = reported.number < target.value ? -1 : (target.value < reported.number ? 1 : 0);
      }
      return;
    }
  }
  Value value = NumericValue(indicator, key, observations, unit, year);
  if (!value.ok) {
    verdict.status = value.problem;
    if (explain) {
      verdict.value = value.shown;
      verdict.reason = std::move(value.why);
    }
    return;
  }
  verdict.status = kernel::CompareStatus(target.comparator, value.number, ToRational(target.value));
  if (explain) {
    verdict.value = value.shown;
    verdict.reason.kind = ReasonKind::kCompared;
    verdict.reason.computation = std::move(value.computation);
    verdict.reason.relation = Compare(value.number, ToRational(target.value));
  }
}

void EvaluateAchievement(const Indicator& indicator, const Observations& observations, UnitId unit,
                         int year, bool explain, Verdict& verdict) {
  const Reported reported = Figure(observations, unit, indicator.number, year);
  verdict.status = kernel::AchievementStatus(reported.kind);
  if (!explain) return;
  verdict.value = VerdictValue{reported.kind, reported.number, true};
  verdict.reason.year = year;
  switch (verdict.status) {
    case VerdictStatus::kMet: verdict.reason.kind = ReasonKind::kAchieved; break;
    case VerdictStatus::kNotMet: verdict.reason.kind = ReasonKind::kNotAchieved; break;
    case VerdictStatus::kPending: verdict.reason.kind = ReasonKind::kAwaitingPublication; break;
    case VerdictStatus::kInvalid: verdict.reason.kind = ReasonKind::kAchievementRequired; break;
    default:
      verdict.reason.kind = reported.kind == ReportKind::kNothing ? ReasonKind::kNotReported
                                                                  : ReasonKind::kAchievementNotCounted;
  }
}

// A trend's verdict and, when asked, its explanation: the years' values
// shown oldest first, whether they moved every year, and the change.
void DecideTrend(bool moved, bool met, std::optional<VerdictValue> change, const std::vector<VerdictValue>& shown,
                 int year, int span, bool explain, Verdict& verdict) {
  verdict.status = met ? VerdictStatus::kMet : VerdictStatus::kNotMet;
  if (!explain) return;
  verdict.value = shown.back();
  verdict.reason.kind = ReasonKind::kTrend;
  verdict.reason.year = year;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    verdict.reason.sequence.emplace_back(year - span + static_cast<int>(i), shown[i]);
  }
  verdict.reason.moved = moved;
  verdict.reason.change_percent = std::move(change);
  verdict.reason.change_reached = met;
}

// A trend over numbers reported as they are, each inside its range --
// nearly every trend -- decided in 128-bit integers on the decimals' units:
// the same verdict and the same explanation as the rationals of
// EvaluateTrend, without their allocations (about 10 000 instructions a
// verdict, a tenth of an explained assessment's CSV).  False when it does
// not apply or a product would not fit; EvaluateTrend then decides.
bool DecimalTrend(const Indicator& indicator, const TrendTarget& trend, const Observations& observations,
                  UnitId unit, int year, int span, bool fall, bool explain, Verdict& verdict) {
  if (indicator.formula) return false;
  const ValueRange range = indicator.PlausibleRange();
  std::vector<Decimal> values;  // oldest first
  values.reserve(static_cast<std::size_t>(span) + 1);
  for (int y = year - span; y <= year; ++y) {
    const Reported reported = Figure(observations, unit, indicator.number, y);
    if (reported.kind != ReportKind::kNumber || !InRange(range, reported.number)) return false;
    values.push_back(reported.number);
  }
  const bool moved = kernel::MovedEveryYear(fall, values.data(), values.size());
  bool met = moved;
  std::optional<VerdictValue> change;
  if (met && trend.marked_change_percent) {
    using Units = decltype(Decimal().raw_units());
    const Units before = values[values.size() - 2].raw_units();
    const Units now = values.back().raw_units();
    const Decimal& marked = *trend.marked_change_percent;
    // The marked change as numerator / 10^scale per cent.
    const std::optional<std::int64_t> numerator = marked.ToScaledExactly(marked.scale());
    if (!numerator) return false;
    Units denominator = 1;
    for (int i = 0; i < marked.scale(); ++i) denominator *= 10;
    met = false;
    if (before > 0) {
      Units moved_by = 0, lhs = 0, rhs = 0, scaled = 0;
      if (__builtin_sub_overflow(fall ? before : now, fall ? now : before, &moved_by) ||
          __builtin_mul_overflow(moved_by, Units(100), &lhs) || __builtin_mul_overflow(lhs, denominator, &lhs) ||
          __builtin_mul_overflow(Units(*numerator), before, &rhs) ||
          __builtin_mul_overflow(moved_by, Units(10000), &scaled)) {
        return false;
      }
      met = lhs >= rhs;  // kernel::ChangedEnough, multiplied out
      // The change in % to 2 places, half up; exact ones without trailing zeros.
      Units hundredths = internal::DivideRounded<Units>(scaled, before, Rounding::kHalfUp);
      const bool exact = scaled % before == 0;
      int places = 2;
      while (exact && places > 0 && hundredths % 10 == 0) {
        hundredths /= 10;
        --places;
      }
      if (hundredths > std::numeric_limits<std::int64_t>::max() ||
          hundredths < std::numeric_limits<std::int64_t>::min()) {
        return false;
      }
      change = VerdictValue{ReportKind::kNumber, Decimal::FromScaled(static_cast<std::int64_t>(hundredths), places),
                            exact};
    }
  }
  std::vector<VerdictValue> shown;
  if (explain) {
    for (const Decimal& value : values) shown.push_back(Shown(value));
  }
  DecideTrend(moved, met, std::move(change), shown, year, span, explain, verdict);
  return true;
}

void EvaluateTrend(const Indicator& indicator, const TrendTarget& trend,
                   const Observations& observations, UnitId unit, int year, bool explain,
                   Verdict& verdict) {
  const bool fall = IsFall(trend.kind);
  const int span = TrendYearsBack(trend);
  if (DecimalTrend(indicator, trend, observations, unit, year, span, fall, explain, verdict)) return;
  // Values from year - span to year, oldest first.  The year assessed is
  // read first: its value is shown even when an earlier year is missing.
  const Value current = NumericValue(indicator, indicator.number, observations, unit, year);
  if (explain) verdict.value = current.shown;
  if (!current.ok) {
    verdict.status = current.problem;
    if (explain) verdict.reason = current.why;
    return;
  }
  std::vector<Value> values;
  for (int y = year - span; y < year; ++y) {
    Value value = NumericValue(indicator, indicator.number, observations, unit, y);
    if (!value.ok) {
      verdict.status = value.problem;
      if (explain) {
        verdict.reason.kind = ReasonKind::kTrendYearMissing;
        verdict.reason.year = year;  // the cause has the year that is missing
        verdict.reason.causes.push_back(std::move(value.why));
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
  std::optional<VerdictValue> change;
  if (met && trend.marked_change_percent) {
    // The change relative to the earlier value, in %, must reach the size
    // the framework states.
    const Rational percent = ToRational(*trend.marked_change_percent);
    met = kernel::ChangedEnough<Rational>(fall, before.number, now.number,
                                          Rational(mp::numerator(percent)),
                                          Rational(mp::denominator(percent)));
    if (before.number > 0) {
      change = Approximately(
          (fall ? before.number - now.number : now.number - before.number) * 100 / before.number, 2);
    }
  }
  std::vector<VerdictValue> shown;
  if (explain) {
    for (const Value& value : values) shown.push_back(value.shown);
  }
  DecideTrend(moved, met, std::move(change), shown, year, span, explain, verdict);
}

}  // namespace

std::string PartsAsOneMessage(const Indicator& indicator, const Reported& whole) {
  std::vector<std::string> parts;
  for (const IndicatorPart& part : indicator.parts) parts.push_back(part.number);
  return verdict_words::PartsAsOne(indicator.number, parts, VerdictValue{whole.kind, whole.number, true});
}

Rational ToRational(const Decimal& value) {
  // From the digits as written (746 / 10 for 74.6), whose reduction is a
  // native-sized gcd, rather than from the 10^18 units.
  if (const std::optional<std::int64_t> mantissa = value.ToScaledExactly(value.scale())) {
    return Rational(Integer(*mantissa), Pow10(value.scale()));
  }
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

std::optional<VerdictValue> Approximately(const Rational& value, int places) {
  std::optional<Decimal> rounded = RoundRational(value, places, Rounding::kHalfUp);
  if (!rounded) return std::nullopt;
  if (ToRational(*rounded) != value) return VerdictValue{ReportKind::kNumber, *rounded, false};
  // Exact: without trailing zeros ("5.1000" is 5.1).
  std::string text = rounded->ToString();
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return VerdictValue{ReportKind::kNumber, *Decimal::Parse(text), true};
}

namespace {
// The range rule for a number of either kind: its bounds, and whole numbers
// only where the range says so.
template <typename Number, typename Bound, typename Whole>
bool InRangeBy(const ValueRange& range, const Number& value, Bound bound, Whole whole) {
  if (range.minimum && value < bound(*range.minimum)) return false;
  if (range.maximum && value > bound(*range.maximum)) return false;
  return !range.whole || whole(value);
}
}  // namespace

bool InRange(const ValueRange& range, const Rational& value) {
  return InRangeBy(
      range, value, [](const Decimal& d) { return ToRational(d); },
      [](const Rational& r) { return mp::denominator(r) == 1; });
}

bool InRange(const ValueRange& range, const Decimal& value) {
  return InRangeBy(
      range, value, [](const Decimal& d) { return d; },
      [](const Decimal& d) { return d.ToScaledExactly(0).has_value(); });
}

namespace {

// The range check of a usable value: it stays, or becomes invalid.
Value Checked(Value value, const Indicator& indicator, std::string_view key, int year,
              bool computed) {
  const ValueRange range = indicator.PlausibleRange();
  if (!value.ok || InRange(range, value.number)) return value;
  // For a share, a value above the whole means more events than cases.
  const bool above_whole = computed && indicator.measure_unit && IsShare(*indicator.measure_unit) &&
                           range.maximum && value.number > ToRational(*range.maximum);
  Value flawed = OutOfRange(indicator.number, key, year, value.shown, range, indicator.measure_unit,
                            above_whole ? messages::Tr("（分子大于分母）") : "");
  if (computed) flawed.why.computation = std::move(value.computation);
  return flawed;
}

// A rate rounded as its formula says, when it says: "45.0" from 44.95.
std::optional<Rational> RoundedAsFormula(const Formula& formula, const Rational& value) {
  if (!formula.round_places) return value;
  std::optional<Decimal> rounded = RoundRational(value, *formula.round_places, formula.rounding);
  if (!rounded) return std::nullopt;
  return ToRational(*rounded);
}

Value BeyondRange() {
  Value value;
  value.problem = VerdictStatus::kInvalid;
  value.why.kind = ReasonKind::kBeyondRange;
  return value;
}

}  // namespace

Value NumericValue(const Indicator& indicator, std::string_view key,
                   const Observations& observations, UnitId unit, int year) {
  const Reported reported = Figure(observations, unit, key, year);
  // A formula indicator is computed from counts when the counts are there;
  // a rate reported directly is used otherwise.
  if (indicator.formula && key == indicator.number) {
    Value failure;
    Computation computation;
    const Formula& formula = *indicator.formula;
    computation.formula = &formula;
    std::optional<Rational> computed =
        EvaluateFormula(indicator.number, formula, observations, unit, year, failure,
                        computation.counts);
    if (computed) {
      Value value;
      value.ok = true;
      const std::optional<Rational> rounded = RoundedAsFormula(formula, *computed);
      if (!rounded) return BeyondRange();
      value.number = *rounded;
      if (formula.round_places) {
        value.shown = Shown(*RoundRational(*rounded, *formula.round_places, formula.rounding));
      } else if (std::optional<VerdictValue> shown = Approximately(*computed, 4)) {
        value.shown = *shown;
      } else {
        return BeyondRange();
      }
      computation.result = value.shown;
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
                        {{indicator.number, year, stated_text},
                         {indicator.number, year, value.shown.ToString()}},
                        Shown(reported.number),
                        text::StrCat("报告的比率 ", stated_text, " 与由计数算得的 ",
                                     verdict_words::Computed(computation), " 不一致"));
        }
      }
      value.computation = std::move(computation);
      return Checked(std::move(value), indicator, key, year, true);
    }
    if (failure.problem == VerdictStatus::kInvalid || reported.kind != ReportKind::kNumber) {
      return failure;
    }
    if (formula.round_places) {
      // A reported rate is rounded by the same rule as a computed one.
      Value value;
      value.ok = true;
      value.shown = Shown(reported.number);
      const std::optional<Rational> rounded = RoundedAsFormula(formula, ToRational(reported.number));
      if (!rounded) return NoNumber(ReportKind::kNothing, "", year);
      value.number = *rounded;
      const Decimal rounded_decimal = *RoundRational(*rounded, *formula.round_places, formula.rounding);
      if (rounded_decimal.ToString() != reported.number.ToString()) {
        computation.counts.clear();
        computation.reported = reported.number;
        computation.result = Shown(rounded_decimal);
        value.computation = std::move(computation);
      }
      return Checked(std::move(value), indicator, key, year, false);
    }
  }
  if (reported.kind != ReportKind::kNumber) return NoNumber(reported.kind, "", year);
  Value value;
  value.ok = true;
  value.number = ToRational(reported.number);
  value.shown = Shown(reported.number);
  // Its range checked on the decimal; Checked explains a value outside it.
  if (InRange(indicator.PlausibleRange(), reported.number)) return value;
  return Checked(std::move(value), indicator, key, year, false);
}

Verdict Evaluate(const Indicator& indicator, const Observations& observations, UnitId unit,
                 int year, bool explain, TargetChoice choice) {
  Verdict verdict;
  verdict.indicator = indicator.number;
  const Target* target = indicator.TargetFor(year, choice);
  verdict.target = target;
  if (target == nullptr || std::holds_alternative<NotApplicableTarget>(target->form)) {
    verdict.status = VerdictStatus::kNotApplicable;
    verdict.reason.kind = target == nullptr ? ReasonKind::kNoTarget : ReasonKind::kTargetNotApplicable;
    verdict.reason.year = year;
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
    const Reported whole = Figure(observations, unit, indicator.number, year);
    if (whole.kind != ReportKind::kNothing) {
      // One value for an indicator of parts says nothing about either part.
      verdict.status = VerdictStatus::kInvalid;
      if (explain) {
        verdict.value = VerdictValue{whole.kind, whole.number, true};
        verdict.reason.kind = ReasonKind::kPartsAsOne;
        verdict.reason.whole = verdict.value;
        for (const IndicatorPart& part : indicator.parts) verdict.reason.part_numbers.push_back(part.number);
      }
      return verdict;
    }
    for (std::size_t i = 0; i < parts->parts.size() && i < indicator.parts.size(); ++i) {
      Verdict part;
      part.indicator = indicator.parts[i].number;
      part.target = target;
      part.part = static_cast<int>(i);
      EvaluateComparison(indicator, indicator.parts[i].number, parts->parts[i],
                         observations, unit, year, explain, part);
      verdict.parts.push_back(std::move(part));
    }
    verdict.status = Combine(verdict.parts);
    if (explain) {
      verdict.reason.kind = ReasonKind::kParts;
      verdict.reason.parts_total = static_cast<int>(verdict.parts.size());
      for (const Verdict& part : verdict.parts) {
        verdict.reason.parts_met += part.status == VerdictStatus::kMet;
      }
    }
  }
  return verdict;
}

Rational LinearCredit(const Indicator& indicator, const Observations& observations, UnitId unit,
                      int year, VerdictStatus status, TargetChoice choice) {
  if (status == VerdictStatus::kMet) return 1;
  if (status != VerdictStatus::kNotMet || !indicator.baseline) return 0;
  const Target* target = indicator.TargetFor(year, choice);
  if (target == nullptr) return 0;
  // Progress of one comparison from its baseline toward its target.
  const auto progress = [&](std::string_view key, const ComparisonTarget& goal,
                            std::optional<Decimal> framework_baseline) -> Rational {
    std::optional<Rational> base;
    // The unit's own baseline-year figure, else the framework's baseline.
    const Reported own = indicator.baseline->year
                             ? Figure(observations, unit, key, *indicator.baseline->year)
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
