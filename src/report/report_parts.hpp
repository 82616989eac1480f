// What the report renderers share.  Internal header: not installed.
#ifndef HEALTHACT_SRC_REPORT_PARTS_HPP_
#define HEALTHACT_SRC_REPORT_PARTS_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "healthact/assess/assessment.hpp"

namespace healthact::report_parts {

// Indicators whose verdict is neither met nor not applicable: not met, missing,
// pending or invalid -- what a unit's own section lists, each with its status.
std::vector<std::size_t> UnmetIndicators(const Assessment& a, std::size_t u);
// The numbers of the indicators judged not met or invalid, "2、7、3（无效）":
// the ranking's 未达标指标 column, which, like the score, leaves out what is
// still pending.  `separator` is "、" in reports, "," in the table.
std::string NotMetNumbers(const Assessment& a, std::size_t u, std::string_view separator = "、");
// "met 20 / not met 3 / …" in the reports' words: 达标 20，未达标 3，…
std::string CountsText(const VerdictCounts& counts);
// A finding for a clerk: "错误：999 不在合理范围 0–150 岁内".
std::string FindingText(const Finding& finding);
std::string_view SeverityWord(Severity severity);  // 错误, 警告
// 达标, 未达标, 缺报, 待公布, 不适用, 无效.
std::string_view StatusWord(VerdictStatus status);
std::string UnitName(const Assessment& a, std::size_t u);
std::string Title(const Assessment& a);  // "健康张掖… 2022年度考核报告"

}  // namespace healthact::report_parts

#endif  // HEALTHACT_SRC_REPORT_PARTS_HPP_
