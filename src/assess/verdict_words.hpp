// The words of verdicts that more than one text needs: the reason of a part
// indicator reported as one value (also a validation finding's message) and
// how a value was computed from counts (also in a rate-conflict finding).
// Internal header: not installed.
#ifndef HEALTHACT_SRC_VERDICT_WORDS_HPP_
#define HEALTHACT_SRC_VERDICT_WORDS_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "healthact/assess/verdict.hpp"

namespace healthact::verdict_words {

// "指标25分2项（25.1、25.2），但报告了一个值 90；请按分项报告，如 100，70".
std::string PartsAsOne(std::string_view indicator, const std::vector<std::string>& parts,
                       const VerdictValue& whole);
// "婴儿死亡数 5 / 活产数 1000 × 1000 = 5（四舍五入保留2位）".
std::string Computed(const Computation& computation);

// The texts of a verdict that a writer of a long report has made already,
// for its reason to copy rather than make again: printing a decimal cost
// more than the rest of a compared reason.  An empty text is made here.
struct MadeTexts {
  std::string_view target;     // TargetText(verdict)
  std::string_view threshold;  // ThresholdText(verdict), the same for every unit
  std::string_view value;      // AppendValueText(verdict), this verdict's
};
// AppendReasonText (verdict.hpp) with those texts.
void AppendReasonText(std::string& out, const Verdict& verdict, const MadeTexts& made);
// What a compared reason puts after its sign: the comparison target's value
// ("74.6"), or "?" for a verdict without one.
std::string ThresholdText(const Verdict& verdict);

}  // namespace healthact::verdict_words

#endif  // HEALTHACT_SRC_VERDICT_WORDS_HPP_
