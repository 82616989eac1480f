// The words of a verdict, made from its facts when it is shown.
#include "assess/verdict_words.hpp"
#include "healthact/core/language.hpp"
#include "healthact/core/messages.hpp"
#include "core/strings.hpp"

namespace healthact {
namespace {

using messages::Format;
using messages::Tr;

std::string_view RelationSymbol(int sign) { return sign < 0 ? "<" : sign > 0 ? ">" : "="; }

std::string RoundingText(const Formula& formula) {
  return Format("$0保留$1位", Tr(RoundingName(formula.rounding).data()), *formula.round_places);
}

// What was reported, as a reason says it: the figure, or the word (实现,
// 未统计, …) in the reader's language.
std::string ValueWords(const VerdictValue& value) {
  if (value.kind == ReportKind::kNumber) return value.ToString();
  return std::string(Tr(value.ToString().c_str()));
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

// What a verdict's value was compared with: "74.6", or "?" without a
// comparison target.
void AppendThreshold(std::string& out, const Verdict& verdict) {
  if (const ComparisonTarget* target = ComparisonOf(verdict)) {
    target->value.AppendTo(out);
  } else {
    out += '?';
  }
}

// "74.3 < 74.6": what was compared with what; appended, for it is the
// reason of nearly every verdict of a long report.  The value's and the
// threshold's texts are copied when the writer has made them already.
void AppendCompared(std::string& out, const Reason& reason, const Verdict& verdict,
                    const verdict_words::MadeTexts& made) {
  if (reason.computation) {
    out += verdict_words::Computed(*reason.computation);
  } else if (!made.value.empty() && verdict.parts.empty()) {
    out += made.value;
  } else {
    verdict.value.AppendTo(out);
  }
  out += ' ';
  out += RelationSymbol(reason.relation);
  out += ' ';
  if (!made.threshold.empty()) {
    out += made.threshold;
  } else {
    AppendThreshold(out, verdict);
  }
}

std::string ReasonCore(const Reason& reason, const Verdict& verdict) {
  // A part's key leads its reason: "25.1：…".
  const std::string prefix = reason.key.empty() ? "" : Format("$0：", reason.key);
  switch (reason.kind) {
    case ReasonKind::kNone: return "";
    case ReasonKind::kNoTarget: return Format("$0年无目标", reason.year);
    case ReasonKind::kTargetNotApplicable: return std::string(Tr("目标为 --"));
    case ReasonKind::kNotReported:
      return reason.key.empty() ? Format("$0年未报告", reason.year) : Format("$0年未报告 $1", reason.year, reason.key);
    case ReasonKind::kReportedAbsent:
      if (reason.report == ReportKind::kPending) return prefix + Format("$0年的值待上级监测公布", reason.year);
      return prefix + Format("$0年报告为$1", reason.year, ValueWords(VerdictValue{reason.report, {}, true}));
    case ReasonKind::kNumberRequired:
      return prefix + Format("报告为$0，但此指标要求数值", ValueWords(VerdictValue{reason.report, {}, true}));
    case ReasonKind::kFinding:
      return text::StrCat(
          reason.computation ? verdict_words::Computed(*reason.computation) + std::string(Tr("，")) : "",
          reason.finding ? reason.finding->message : "");
    case ReasonKind::kZeroDenominator: return std::string(Tr("分母为0，无法计算"));
    case ReasonKind::kBeyondRange: return std::string(Tr("计算结果超出范围"));
    case ReasonKind::kCompared: {
      std::string out;
      AppendCompared(out, reason, verdict, {});
      return out;
    }
    case ReasonKind::kAchieved: return std::string(Tr("已实现"));
    case ReasonKind::kNotAchieved: return Format("报告为$0，未实现", ValueWords(verdict.value));
    case ReasonKind::kAwaitingPublication: return std::string(Tr("待上级监测公布"));
    case ReasonKind::kAchievementRequired:
      return Format("报告为数值$0，但此指标要求实现或未实现", verdict.value.ToString());
    case ReasonKind::kAchievementNotCounted: return std::string(Tr("报告为未统计"));
    case ReasonKind::kTrendYearMissing: {
      const TrendTarget* trend = TrendOf(verdict);
      const int span = trend ? TrendYearsBack(*trend) : 1;
      const Reason* cause = reason.causes.empty() ? nullptr : &reason.causes.front();
      return Format("缺少$0年的值，无法判断$1：需要$2–$3年共$4年的值（$5）", cause ? cause->year : reason.year - span,
                    trend ? Tr(TrendKindName(trend->kind).data()) : "", reason.year - span, reason.year, span + 1,
                    cause ? ReasonCore(*cause, verdict) : "");
    }
    case ReasonKind::kTrend: {
      const TrendTarget* trend = TrendOf(verdict);
      const bool fall = trend == nullptr || IsFall(trend->kind);
      std::string out;
      for (std::size_t i = 0; i < reason.sequence.size(); ++i) {
        if (i > 0) out += " → ";
        out += Format("$0年 $1", reason.sequence[i].first, reason.sequence[i].second.ToString());
      }
      const bool yearly = reason.sequence.size() > 2;
      // Each of the eight phrases whole, so that a translation reads as one.
      out += reason.moved ? (fall ? (yearly ? Tr("：逐年下降") : Tr("：下降")) : (yearly ? Tr("：逐年上升") : Tr("：上升")))
                          : (fall ? (yearly ? Tr("：未逐年下降") : Tr("：未下降"))
                                  : (yearly ? Tr("：未逐年上升") : Tr("：未上升")));
      if (trend != nullptr && trend->marked_change_percent && reason.moved) {
        if (reason.change_percent) {
          const std::string change = reason.change_percent->ToString();
          const std::string marked = trend->marked_change_percent->ToString();
          out += reason.change_reached
                     ? (fall ? Format("；变化$0%，达到明显下降幅度$1%", change, marked)
                             : Format("；变化$0%，达到明显上升幅度$1%", change, marked))
                     : (fall ? Format("；变化$0%，未达到明显下降幅度$1%", change, marked)
                             : Format("；变化$0%，未达到明显上升幅度$1%", change, marked));
        } else {
          out += Tr("；上年值不为正，无法计算相对变化");
        }
      }
      return out;
    }
    case ReasonKind::kPartsAsOne:
      return verdict_words::PartsAsOne(verdict.indicator, reason.part_numbers, reason.whole);
    case ReasonKind::kParts:
      return Format("$0个分项中$1个达标", reason.parts_total, reason.parts_met);
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
  std::string out;
  AppendTo(out);
  return out;
}

void VerdictValue::AppendTo(std::string& out) const {
  if (kind != ReportKind::kNumber) {
    Reported{kind, number}.AppendTo(out);
    return;
  }
  number.AppendTo(out);
  if (!exact) out += "…";
}

std::string ValueText(const Verdict& verdict) {
  std::string out;
  AppendValueText(out, verdict);
  return out;
}

void AppendValueText(std::string& out, const Verdict& verdict) {
  if (verdict.parts.empty()) {
    verdict.value.AppendTo(out);
    return;
  }
  for (std::size_t k = 0; k < verdict.parts.size(); ++k) {
    if (k > 0) out += "，";
    const std::size_t start = out.size();
    AppendValueText(out, verdict.parts[k]);
    if (out.size() == start) out += "—";
  }
}

std::string TargetText(const Verdict& verdict) {
  if (const ComparisonTarget* comparison = verdict.part >= 0 ? ComparisonOf(verdict) : nullptr) {
    return TargetText(TargetForm(*comparison));
  }
  return verdict.target == nullptr ? std::string() : TargetText(verdict.target->form);
}

std::string ReasonText(const Verdict& verdict, std::string_view target_text) {
  std::string out;
  AppendReasonText(out, verdict, target_text);
  return out;
}

namespace {

// " (目标 $0)" in the thread's language, around its placeholder: it closes
// every reason of a CSV or JSON, where Substitute cost more than the rest of
// the reason, and looking the words up again and finding the placeholder
// each time a sixth of it.  Split once per thread and language; `split` is
// false for a translation with more than the one placeholder.
struct TargetWords {
  Language language = Language::kChinese;
  bool made = false;
  bool split = false;
  std::string_view before, after;
};
const TargetWords& TargetWordsNow() {
  thread_local TargetWords words;
  const Language language = CurrentLanguage();
  if (words.made && words.language == language) return words;
  const std::string_view text = Tr(" (目标 $0)");
  const std::size_t at = text.find("$0");
  words.language = language;
  words.made = true;
  words.split = at != std::string_view::npos && text.find('$') == at && text.find('$', at + 2) == std::string_view::npos;
  words.before = words.split ? text.substr(0, at) : std::string_view();
  words.after = words.split ? text.substr(at + 2) : std::string_view();
  return words;
}

}  // namespace

void AppendReasonText(std::string& out, const Verdict& verdict, std::string_view target_text) {
  verdict_words::AppendReasonText(out, verdict, verdict_words::MadeTexts{target_text, {}, {}});
}

std::string ReasonText(const Verdict& verdict) { return ReasonText(verdict, TargetText(verdict)); }

namespace verdict_words {

void AppendReasonText(std::string& out, const Verdict& verdict, const MadeTexts& made) {
  const std::string_view target_text = made.target;
  const std::size_t start = out.size();
  if (verdict.reason.kind == ReasonKind::kCompared) {
    AppendCompared(out, verdict.reason, verdict, made);
  } else {
    out += ReasonCore(verdict.reason, verdict);
  }
  // A part's reason is read under its indicator's, which names the target.
  if (out.size() > start && verdict.part < 0 && verdict.status != VerdictStatus::kNotApplicable) {
    const TargetWords& words = TargetWordsNow();
    if (words.split) {
      text::StrAppend(&out, words.before, target_text, words.after);
    } else {
      out += Format(" (目标 $0)", target_text);
    }
  }
}

std::string ThresholdText(const Verdict& verdict) {
  std::string out;
  AppendThreshold(out, verdict);
  return out;
}

std::string PartsAsOne(std::string_view indicator, const std::vector<std::string>& parts,
                       const VerdictValue& whole) {
  std::string numbers;
  for (const std::string& part : parts) {
    if (!numbers.empty()) numbers += Tr("、");
    numbers += part;
  }
  return Format("指标$0分$1项（$2），但报告了一个值 $3；请按分项报告，如 100，70", indicator, parts.size(), numbers,
                whole.ToString());
}

std::string Computed(const Computation& computation) {
  const Formula* formula = computation.formula;
  if (computation.reported) {
    return formula && formula->round_places
               ? Format("报告值 $0，$1为 $2", computation.reported->ToString(), RoundingText(*formula),
                        computation.result.ToString())
               : Format("报告值 $0，为 $1", computation.reported->ToString(), computation.result.ToString());
  }
  if (formula == nullptr || formula->nodes.empty()) return computation.result.ToString();
  std::string out;
  std::size_t next = 0;
  AppendTerms(*formula, static_cast<int>(formula->nodes.size()) - 1, computation.counts, next, out);
  text::StrAppend(&out, " = ", computation.result.ToString());
  if (formula->round_places) out += Format("（$0）", RoundingText(*formula));
  return out;
}

}  // namespace verdict_words
}  // namespace healthact
