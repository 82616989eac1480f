#include "healthact/model/framework.hpp"

#include <algorithm>
#include <set>

#include "core/strings.hpp"
#include "model/vocabulary.hpp"

namespace healthact {
namespace {

int Precedence(FormulaNode::Kind kind) {
  switch (kind) {
    case FormulaNode::Kind::kAdd:
    case FormulaNode::Kind::kSubtract: return 1;
    case FormulaNode::Kind::kMultiply:
    case FormulaNode::Kind::kDivide: return 2;
    default: return 3;
  }
}

std::string NodeText(const Formula& formula, int index) {
  const FormulaNode& node = formula.nodes[index];
  switch (node.kind) {
    case FormulaNode::Kind::kCount:
      // A formula names counts bare; a rule may name one of an earlier year.
      return node.years_back == 0 ? node.count : text::StrCat("上年[", node.count, "]");
    case FormulaNode::Kind::kIndicator:
      return text::StrCat(node.years_back == 0 ? "" : "上年", "[", node.count, "]");
    case FormulaNode::Kind::kConstant: return node.constant.ToString();
    default: break;
  }
  const int precedence = Precedence(node.kind);
  std::string left = NodeText(formula, node.left);
  std::string right = NodeText(formula, node.right);
  // Operations associate to the left: a right operand of the same precedence
  // needs parentheses to keep its grouping.
  if (Precedence(formula.nodes[node.left].kind) < precedence) left = text::StrCat("(", left, ")");
  if (Precedence(formula.nodes[node.right].kind) <= precedence) {
    right = text::StrCat("(", right, ")");
  }
  const char* symbol = node.kind == FormulaNode::Kind::kAdd        ? " + "
                       : node.kind == FormulaNode::Kind::kSubtract ? " - "
                       : node.kind == FormulaNode::Kind::kMultiply ? " * "
                                                                   : " / ";
  return text::StrCat(left, symbol, right);
}

}  // namespace

std::string FormulaText(const Formula& formula) {
  return formula.nodes.empty() ? std::string() : NodeText(formula, static_cast<int>(formula.nodes.size()) - 1);
}

const Target* Indicator::TargetFor(int year) const {
  for (const Target& target : targets) {
    if (target.year == year) return &target;
  }
  return nullptr;
}

const Target* Indicator::TargetFor(int year, TargetChoice choice) const {
  if (choice == TargetChoice::kOfTheYear) return TargetFor(year);
  const Target* later = nullptr;
  const Target* latest = nullptr;
  for (const Target& target : targets) {
    if (target.year == year) return &target;
    if (target.year > year && (later == nullptr || target.year < later->year)) later = &target;
    if (latest == nullptr || target.year > latest->year) latest = &target;
  }
  return later != nullptr ? later : latest;
}

ValueRange DefaultRange(MeasureUnit unit) {
  const Decimal zero;
  switch (unit) {
    case MeasureUnit::kPercent: return {zero, Decimal::FromInt(100), false};
    case MeasureUnit::kPerMille: return {zero, Decimal::FromInt(1000), false};
    case MeasureUnit::kPer100k: return {zero, Decimal::FromInt(100000), false};
    case MeasureUnit::kYears: return {zero, Decimal::FromInt(150), false};
    case MeasureUnit::kHours:
    case MeasureUnit::kPersonsPerThousand: return {zero, std::nullopt, false};
    case MeasureUnit::kPersons:
    case MeasureUnit::kCases:
    case MeasureUnit::kItems: return {zero, std::nullopt, true};
  }
  return {};
}

std::string RangeText(const ValueRange& range, std::optional<MeasureUnit> unit) {
  std::string text;
  if (range.minimum && range.maximum) {
    text = text::StrCat(range.minimum->ToString(), "–", range.maximum->ToString());
  } else if (range.minimum) {
    text = text::StrCat("≥", range.minimum->ToString());
  } else if (range.maximum) {
    text = text::StrCat("≤", range.maximum->ToString());
  } else {
    text = "任意值";
  }
  if (range.whole) text += " 的整数";
  if (unit) text::StrAppend(&text, " ", MeasureUnitSymbol(*unit));
  return text;
}

ValueRange Indicator::PlausibleRange() const {
  if (range) return *range;
  return measure_unit ? DefaultRange(*measure_unit) : ValueRange{};
}

Framework::Framework(Contents contents) : contents_(std::move(contents)) {
  for (std::size_t i = 0; i < contents_.indicators.size(); ++i) {
    by_number_.emplace(contents_.indicators[i].number, i);
  }
}

const Indicator* Framework::FindIndicator(std::string_view number) const {
  const auto it = by_number_.find(number);
  return it == by_number_.end() ? nullptr : &contents_.indicators[it->second];
}

const CountDeclaration* Framework::FindCount(std::string_view name) const {
  for (const CountDeclaration& count : contents_.counts) {
    if (count.name == name) return &count;
  }
  return nullptr;
}

std::vector<int> Framework::TargetYears() const {
  std::set<int> years;
  for (const Indicator& indicator : contents_.indicators) {
    for (const Target& target : indicator.targets) years.insert(target.year);
  }
  return {years.begin(), years.end()};
}

std::string_view ComparatorSymbol(Comparator comparator) {
  return vocabulary::Chinese(vocabulary::kComparators, comparator);
}

std::string_view DirectionName(Direction direction) {
  if (direction == Direction::kUnspecified) return "未定";
  return vocabulary::Chinese(vocabulary::kDirections, direction);
}

std::string_view CategoryName(Category category) {
  return vocabulary::Chinese(vocabulary::kCategories, category);
}

std::string_view BindingForceName(BindingForce binding) {
  return vocabulary::Chinese(vocabulary::kBindingForces, binding);
}

std::string_view AbsenceName(Absence absence) {
  return vocabulary::Chinese(vocabulary::kAbsences, absence);
}

std::string_view TrendKindName(TrendKind kind) {
  return vocabulary::Chinese(vocabulary::kTrendKinds, kind);
}

std::string_view RoundingName(Rounding rounding) {
  return vocabulary::Chinese(vocabulary::kRoundings, rounding);
}

std::string_view PartialCreditName(PartialCredit credit) {
  return vocabulary::Chinese(vocabulary::kPartialCredits, credit);
}

std::string_view DepartmentPartName(DepartmentPart part) {
  return vocabulary::Chinese(vocabulary::kDepartmentParts, part);
}

std::optional<Decimal> DepartmentRule::CreditOf(TaskState state) const {
  switch (state) {
    case TaskState::kDone: return done;
    case TaskState::kDoneLate: return done_late;
    case TaskState::kOverdue: return overdue;
    case TaskState::kOpen: return std::nullopt;
  }
  return std::nullopt;
}

const std::vector<Grade>& DefaultGrades() {
  // Destroyed at exit (not a leaked pointer), so that a leak checker run
  // with every leak kind reports nothing still reachable.
  static const std::vector<Grade> kGrades{
      {"优秀", Decimal::FromInt(90)},
      {"良好", Decimal::FromInt(80)},
      {"合格", Decimal::FromInt(60)},
      {"不合格", Decimal::FromInt(0)},
  };
  return kGrades;
}

namespace {

std::string ComparisonText(const ComparisonTarget& target) {
  if (target.written_bare) return target.value.ToString();
  return text::StrCat(ComparatorSymbol(target.comparator), target.value.ToString());
}

struct TargetTextVisitor {
  std::string operator()(const ComparisonTarget& t) const { return ComparisonText(t); }
  std::string operator()(const AchievementTarget&) const { return "实现"; }
  std::string operator()(const TrendTarget& t) const { return std::string(TrendKindName(t.kind)); }
  std::string operator()(const PartsTarget& t) const {
    std::string out;
    for (const ComparisonTarget& part : t.parts) {
      if (!out.empty()) out += "，";
      out += ComparisonText(part);
    }
    return out;
  }
  std::string operator()(const NotApplicableTarget&) const { return "--"; }
};

struct BaselineTextVisitor {
  std::string operator()(const Decimal& d) const { return d.ToString(); }
  std::string operator()(const std::vector<Decimal>& parts) const {
    std::string out;
    for (const Decimal& part : parts) {
      if (!out.empty()) out += "，";
      out += part.ToString();
    }
    return out;
  }
  std::string operator()(const Achieved&) const { return "实现"; }
  std::string operator()(Absence absence) const { return std::string(AbsenceName(absence)); }
};

}  // namespace

std::string TargetText(const TargetForm& form) { return std::visit(TargetTextVisitor{}, form); }

std::string BaselineText(const BaselineValue& value) {
  return std::visit(BaselineTextVisitor{}, value);
}

}  // namespace healthact
