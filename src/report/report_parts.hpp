// What the report renderers share.  Internal header: not installed.
#ifndef HEALTHACT_SRC_REPORT_PARTS_HPP_
#define HEALTHACT_SRC_REPORT_PARTS_HPP_

#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "healthact/assess/assessment.hpp"
#include "healthact/report/actions_report.hpp"
#include "healthact/report/assessment_report.hpp"

namespace healthact::report_parts {

// "met 20 / not met 3 / …" in the reports' words: 达标 20，未达标 3，…
std::string CountsText(const VerdictCounts& counts);
// A finding for a clerk: "错误：999 不在合理范围 0–150 岁内".
std::string FindingText(const Finding& finding);
std::string_view SeverityWord(Severity severity);  // 错误, 警告
// 达标, 未达标, 缺报, 待公布, 不适用, 无效.
std::string_view StatusWord(VerdictStatus status);
std::string UnitName(const Assessment& a, std::size_t u);
// "2、7、3（无效）": the ranking's 未达标指标 column, which, like the score,
// leaves out what is still pending; `separator` is "、" in reports, "," in
// the table.
std::string FailedText(const UnitResult& result, std::string_view separator = "、");
// One entry of that column appended to `out`: "3（无效）" after `separator`.
void AppendFailed(std::string& out, std::string_view number, bool invalid, std::string_view separator);
// The JSON of `healthact assess` (assessment_text.hpp): its head, one unit
// (the verdicts shown under `explanation`), and its end.
std::string AssessmentJsonHead(std::string_view framework, int year, const DecisionRecord& record,
                               Explanation explanation);
// Each target's text (TargetText) made once: a long report shows the same
// few targets for every unit.
class TargetTexts {
 public:
  struct Texts {
    std::string text;       // "≥74.6"
    std::string json;       // "\"≥74.6\"", quoted and escaped
    std::string csv;        // the text as a CSV field, quoted when it must be
    std::string threshold;  // what a compared reason names: "74.6" (verdict_words::ThresholdText)
  };
  // Stays valid while this lives: the entries do not move.
  const Texts& Of(const Verdict& verdict);

 private:
  struct Entry {
    const Target* target;
    int part;
    Texts texts;
  };
  // Every unit shows its targets in the same order, so a look-up starts
  // where the last one matched: one comparison, where a hash of the pair
  // was 3% of writing a JSON.
  std::deque<Entry> entries_;
  std::size_t next_ = 0;
};
// A unit's object of the JSON, whole; or its beginning (up to the verdicts'
// list, which the caller appends one at a time with AppendVerdictJson) from
// a result without verdicts (UnitRankingOf), and then kUnitJsonEnd.
void AppendUnitJson(std::string& out, const UnitResult& result, Explanation explanation, TargetTexts& targets);
void AppendUnitJsonBegin(std::string& out, const UnitResult& ranking);
void AppendVerdictJson(std::string& out, const Verdict& verdict, TargetTexts& targets);
inline constexpr std::string_view kUnitJsonEnd = "]}";

// Calls shown(indicator, verdict) for each verdict of unit u (an index into
// a.units()) shown under `explanation`, in framework order, each explained
// as it is needed and gone after the call (which may move it away): a long
// report keeps none.
// Explaining costs, so a verdict the status says is not shown is not
// explained.
template <typename Shown>
void ForEachShownVerdict(const Assessment& a, std::size_t u, Explanation explanation, Shown&& shown) {
  const std::vector<Indicator>& indicators = a.framework().indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (!IsShown(a.status(u, i), explanation)) continue;
    Verdict verdict = a.Explain(u, i);
    shown(indicators[i], verdict);
  }
}
// The rule of progress: a straight line from the baseline year's value to the
// next comparison target's at or after `year`, read at `year` (docs/actions.md);
// on track when `value` is at or beyond it on the target's side.  nullopt
// without a numeric baseline of a stated year before `year`.
std::optional<Progress> ProgressOf(const Indicator& indicator, int year, const VerdictValue* value);
// "2019年 18.8 → 2022年 22，2021年应达 20.933，进度达标"; "—" without a path.
std::string ProgressText(const ActionsReport& report, const ActionIndicator& entry);
inline constexpr std::string_view kAssessmentJsonEnd = "\n]}\n";
std::string Title(const Assessment& a);  // "健康张掖… 2022年度考核报告"

}  // namespace healthact::report_parts

#endif  // HEALTHACT_SRC_REPORT_PARTS_HPP_
