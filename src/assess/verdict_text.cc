// The words of a verdict, made from its facts when it is shown.
#include "assess/verdict_words.hpp"
#include "core/strings.hpp"

namespace healthact {
namespace {

std::string_view RelationSymbol(int sign) { return sign < 0 ? "<" : sign > 0 ? ">" : "="; }

std::string RoundingText(const Formula& formula) {
  return text::StrCat(RoundingName(formula.rounding), "保留", *formula.round_places, "位");
}

// The formula's terms with the counts it read, in the order it reads them.
void AppendTerms(const Formula& formula, int index, const std::vector<Decimal>& counts,
                 std::size_t& next, std::string& out) {
  const FormulaNode& node = formula.nodes[index];
  switch (node.kind) {
    case FormulaNode::Kind::kConstant:
      out += node.constant.ToString();
      return;
    case FormulaNode::Kind::kCount:
      text::StrAppend(&out, node.count, " ", next < counts.size() ? counts[next].ToString() : "?");
      ++next;
      return;
    default:
      break;
  }
  AppendTerms(formula, node.left, counts, next, out);
  out += node.kind == FormulaNode::Kind::kAdd        ? " + "
         : node.kind == FormulaNode::Kind::kSubtract ? " - "
         : node.kind == FormulaNode::Kind::kMultiply ? " × "
                                                     : " / ";
  AppendTerms(formula, node.right, counts, next, out);
}

// The comparison a verdict (or part) was judged by, or null.
const ComparisonTarget* ComparisonOf(const Verdict& verdict) {
  if (verdict.target == nullptr) return nullptr;
  if (verdict.part >= 0) {
    const auto* parts = std::get_if<PartsTarget>(&verdict.target->form);
    if (parts == nullptr || verdict.part >= static_cast<int>(parts->parts.size())) return nullptr;
    return &parts->parts[verdict.part];
  }
  return std::get_if<ComparisonTarget>(&verdict.target->form);
}

const TrendTarget* TrendOf(const Verdict& verdict) {
  return verdict.target == nullptr ? nullptr : std::get_if<TrendTarget>(&verdict.target->form);
}

std::string ReasonCore(const Reason& reason, const Verdict& verdict) {
  const std::string prefix = reason.key.empty() ? "" : text::StrCat(reason.key, "：");
  switch (reason.kind) {
    case ReasonKind::kNone: return "";
    case ReasonKind::kNoTarget: return text::StrCat(reason.year, "年无目标");
    case ReasonKind::kTargetNotApplicable: return "目标为 --";
    case ReasonKind::kNotReported:
      return text::StrCat(reason.year, "年未报告", reason.key.empty() ? "" : " ", reason.key);
    case ReasonKind::kReportedAbsent:
      if (reason.report == ReportKind::kPending) {
        return text::StrCat(prefix, reason.year, "年的值待上级监测公布");
      }
      return text::StrCat(prefix, reason.year, "年报告为",
                          VerdictValue{reason.report, {}, true}.ToString());
    case ReasonKind::kNumberRequired:
      return text::StrCat(prefix, "报告为", VerdictValue{reason.report, {}, true}.ToString(),
                          "，但此指标要求数值");
    case ReasonKind::kFinding:
      return text::StrCat(
          reason.computation ? verdict_words::Computed(*reason.computation) + "，" : "",
          reason.finding ? reason.finding->message : "");
    case ReasonKind::kZeroDenominator: return "分母为0，无法计算";
    case ReasonKind::kBeyondRange: return "计算结果超出范围";
    case ReasonKind::kCompared: {
      const ComparisonTarget* target = ComparisonOf(verdict);
      return text::StrCat(
          reason.computation ? verdict_words::Computed(*reason.computation) : verdict.value.ToString(),
          " ", RelationSymbol(reason.relation), " ", target ? target->value.ToString() : "?");
    }
    case ReasonKind::kAchieved: return "已实现";
    case ReasonKind::kNotAchieved: return text::StrCat("报告为", verdict.value.ToString(), "，未实现");
    case ReasonKind::kAwaitingPublication: return "待上级监测公布";
    case ReasonKind::kAchievementRequired:
      return text::StrCat("报告为数值", verdict.value.ToString(), "，但此指标要求实现或未实现");
    case ReasonKind::kAchievementNotCounted: return "报告为未统计";
    case ReasonKind::kTrendYearMissing: {
      const TrendTarget* trend = TrendOf(verdict);
      const int span = trend ? TrendYearsBack(*trend) : 1;
      const Reason* cause = reason.causes.empty() ? nullptr : &reason.causes.front();
      return text::StrCat("缺少", cause ? cause->year : reason.year - span, "年的值，无法判断",
                          trend ? TrendKindName(trend->kind) : "", "：需要", reason.year - span, "–",
                          reason.year, "年共", span + 1, "年的值（",
                          cause ? ReasonCore(*cause, verdict) : "", "）");
    }
    case ReasonKind::kTrend: {
      const TrendTarget* trend = TrendOf(verdict);
      const bool fall = trend == nullptr || IsFall(trend->kind);
      std::string out;
      for (std::size_t i = 0; i < reason.sequence.size(); ++i) {
        if (i > 0) out += " → ";
        text::StrAppend(&out, reason.sequence[i].first, "年 ", reason.sequence[i].second.ToString());
      }
      text::StrAppend(&out, "：", reason.moved ? "" : "未", reason.sequence.size() > 2 ? "逐年" : "",
                      fall ? "下降" : "上升");
      if (trend != nullptr && trend->marked_change_percent && reason.moved) {
        if (reason.change_percent) {
          text::StrAppend(&out, "；变化", reason.change_percent->ToString(), "%，",
                          reason.change_reached ? "达到" : "未达到", "明显", fall ? "下降" : "上升",
                          "幅度", trend->marked_change_percent->ToString(), "%");
        } else {
          out += "；上年值不为正，无法计算相对变化";
        }
      }
      return out;
    }
    case ReasonKind::kPartsAsOne:
      return verdict_words::PartsAsOne(verdict.indicator, reason.part_numbers, reason.whole);
    case ReasonKind::kParts:
      return text::StrCat(reason.parts_total, "个分项中", reason.parts_met, "个达标");
  }
  return "";
}

}  // namespace

std::string_view VerdictStatusName(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kMet: return "met";
    case VerdictStatus::kNotMet: return "not_met";
    case VerdictStatus::kMissing: return "missing";
    case VerdictStatus::kPending: return "pending";
    case VerdictStatus::kNotApplicable: return "not_applicable";
    case VerdictStatus::kInvalid: return "invalid";
  }
  return "?";
}

std::string VerdictValue::ToString() const {
  if (kind == ReportKind::kNumber) return exact ? number.ToString() : number.ToString() + "…";
  return Reported{kind, number}.ToString();
}

std::string ValueText(const Verdict& verdict) {
  if (verdict.parts.empty()) return verdict.value.ToString();
  std::string values;
  for (const Verdict& part : verdict.parts) {
    if (!values.empty()) values += "，";
    const std::string value = ValueText(part);
    values += value.empty() ? "—" : value;
  }
  return values;
}

std::string TargetText(const Verdict& verdict) {
  if (const ComparisonTarget* comparison = verdict.part >= 0 ? ComparisonOf(verdict) : nullptr) {
    return TargetText(TargetForm(*comparison));
  }
  return verdict.target == nullptr ? std::string() : TargetText(verdict.target->form);
}

std::string ReasonText(const Verdict& verdict) {
  std::string out = ReasonCore(verdict.reason, verdict);
  // A part's reason is read under its indicator's, which names the target.
  if (!out.empty() && verdict.part < 0 && verdict.status != VerdictStatus::kNotApplicable) {
    text::StrAppend(&out, " (目标 ", TargetText(verdict), ")");
  }
  return out;
}

namespace verdict_words {

std::string PartsAsOne(std::string_view indicator, const std::vector<std::string>& parts,
                       const VerdictValue& whole) {
  std::string numbers;
  for (const std::string& part : parts) {
    if (!numbers.empty()) numbers += "、";
    numbers += part;
  }
  return text::StrCat("指标", indicator, "分", parts.size(), "项（", numbers, "），但报告了一个值 ",
                      whole.ToString(), "；请按分项报告，如 100，70");
}

std::string Computed(const Computation& computation) {
  const Formula* formula = computation.formula;
  if (computation.reported) {
    return text::StrCat("报告值 ", computation.reported->ToString(), "，",
                        formula && formula->round_places ? RoundingText(*formula) : "", "为 ",
                        computation.result.ToString());
  }
  if (formula == nullptr || formula->nodes.empty()) return computation.result.ToString();
  std::string out;
  std::size_t next = 0;
  AppendTerms(*formula, static_cast<int>(formula->nodes.size()) - 1, computation.counts, next, out);
  text::StrAppend(&out, " = ", computation.result.ToString());
  if (formula->round_places) text::StrAppend(&out, "（", RoundingText(*formula), "）");
  return out;
}

}  // namespace verdict_words
}  // namespace healthact
