// The assessment report as Markdown, JSON and sheets (the HTML page is in
// report_html.cc).
#include <string>
#include <vector>

#include "core/escape.hpp"
#include "healthact/report/assessment_text.hpp"
#include "healthact/report/report.hpp"
#include "report/report_parts.hpp"
#include "core/strings.hpp"
#include "model/vocabulary.hpp"

namespace healthact {

using escape::JsonString;

namespace report_parts {

std::vector<std::size_t> UnmetIndicators(const Assessment& a, std::size_t u) {
  std::vector<std::size_t> unmet;
  for (std::size_t i = 0; i < a.indicator_count(); ++i) {
    const VerdictStatus status = a.status(u, i);
    if (status != VerdictStatus::kMet && status != VerdictStatus::kNotApplicable) {
      unmet.push_back(i);
    }
  }
  return unmet;
}

std::string NotMetNumbers(const Assessment& a, std::size_t u, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < a.indicator_count(); ++i) {
    const VerdictStatus status = a.status(u, i);
    if (status != VerdictStatus::kNotMet && status != VerdictStatus::kInvalid) continue;
    if (!out.empty()) out += separator;
    out += a.framework().indicators()[i].number;
    if (status == VerdictStatus::kInvalid) out += "（无效）";
  }
  return out;
}

std::string CountsText(const VerdictCounts& c) {
  return text::StrCat("达标 ", c.met, "，未达标 ", c.not_met, "，缺报 ", c.missing, "，待公布 ", c.pending,
                      "，无效 ", c.invalid, "，不适用 ", c.not_applicable);
}

std::string_view SeverityWord(Severity severity) {
  return vocabulary::Chinese(vocabulary::kSeverities, severity);
}

std::string FindingText(const Finding& finding) {
  std::string indicators;
  for (const std::string& number : finding.indicators) {
    text::StrAppend(&indicators, indicators.empty() ? "" : "、", number);
  }
  return text::StrCat(SeverityWord(finding.severity),
                      indicators.empty() ? "" : text::StrCat("（指标 ", indicators, "）"), "：",
                      finding.message);
}

std::string_view StatusWord(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kMet: return "达标";
    case VerdictStatus::kNotMet: return "未达标";
    case VerdictStatus::kMissing: return "缺报";
    case VerdictStatus::kPending: return "待公布";
    case VerdictStatus::kNotApplicable: return "不适用";
    case VerdictStatus::kInvalid: return "无效";
  }
  return "";
}

std::string UnitName(const Assessment& a, std::size_t u) {
  return a.observations().unit_name(a.units()[u]);
}

std::string Title(const Assessment& a) {
  return text::StrCat(a.framework().name(), " ", a.year(), "年度考核报告");
}

}  // namespace report_parts

using namespace report_parts;

namespace {

std::string Cell(std::string_view text) {
  // A Markdown table cell: pipes would end it.
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string OrDash(std::string text) { return text.empty() ? "—" : text; }

}  // namespace

std::string AssessmentReportMarkdown(const Assessment& a, const ReviewResult* review) {
  std::string out = text::StrCat("# ", Title(a), "\n\n");
  const DecisionRecord& record = a.record();
  text::StrAppend(&out, "考核单位 ", a.unit_count(), " 个，指标 ", a.indicator_count(),
                  " 项。框架 SHA-256 `", record.framework_sha256, "`，数据 SHA-256 `",
                  record.observations_sha256, "`，healthact ", record.library_version, "。\n\n");
  out += "## 排名\n\n| 名次 | 单位 | 得分 | 等级 | 未达标指标 |\n| ---: | --- | ---: | --- | --- |\n";
  for (std::size_t u : a.ranking()) {
    text::StrAppend(&out, "| ", a.rank(u), " | ", Cell(UnitName(a, u)), " | ", a.score(u).ToString(),
                    " | ", a.grade(u), " | ", NotMetNumbers(a, u), " |\n");
  }
  out += "\n## 各单位未达标、无效、缺报和待公布指标\n";
  for (std::size_t u : a.ranking()) {
    const std::vector<std::size_t> unmet = UnmetIndicators(a, u);
    text::StrAppend(&out, "\n### ", UnitName(a, u), "\n\n", CountsText(a.counts(u)), "。\n\n");
    if (unmet.empty()) out += "全部指标达标。\n";
    for (std::size_t i : unmet) {
      const Verdict v = a.Explain(u, i);
      const Indicator& indicator = a.framework().indicators()[i];
      text::StrAppend(&out, "- 指标 ", indicator.number, " ", indicator.name, "：",
                      StatusWord(v.status), "，", OrDash(ReasonText(v)), "\n");
    }
    if (!a.findings(u).empty()) out += "\n校验发现：\n\n";
    for (const Finding& finding : a.findings(u)) text::StrAppend(&out, "- ", FindingText(finding), "\n");
  }
  if (review != nullptr) {
    out += "\n## 抽查复核\n\n抽查单位：";
    for (std::size_t k = 0; k < review->reviewed.size(); ++k) {
      if (k > 0) out += "、";
      out += a.observations().unit_name(review->reviewed[k]);
    }
    text::StrAppend(&out, "。发现差异 ", review->discrepancies.size(), " 处。\n\n");
    if (!review->discrepancies.empty()) {
      out += "| 单位 | 指标 | 报告值 | 核实值 | 复核前 | 复核后 |\n| --- | --- | --- | --- | --- | --- |\n";
      for (const Discrepancy& d : review->discrepancies) {
        text::StrAppend(&out, "| ", Cell(d.unit), " | ", Cell(d.key), " | ", d.reported.ToString(), " | ",
                        d.verified.ToString(), " | ", StatusWord(d.before), " | ", StatusWord(d.after),
                        d.verdict_changed() ? "（结论改变）" : "", " |\n");
      }
      out += "\n### 按核实值重新计算的排名\n\n| 名次 | 单位 | 得分 | 等级 |\n| ---: | --- | ---: | --- |\n";
      const Assessment& r = review->recomputed;
      for (std::size_t u : r.ranking()) {
        text::StrAppend(&out, "| ", r.rank(u), " | ", Cell(UnitName(r, u)), " | ", r.score(u).ToString(),
                        " | ", r.grade(u), " |\n");
      }
    }
  }
  return out;
}

std::string AssessmentReportJson(const Assessment& a, const ReviewResult* review) {
  std::string out = "{\"report\": \"assessment\", \"assessment\": ";
  std::string assessment = AssessmentToJson(a, Explanation::kFailures);
  while (!assessment.empty() && assessment.back() == '\n') assessment.pop_back();
  out += assessment;
  out += ", \"review\": ";
  if (review == nullptr) {
    out += "null";
  } else {
    out += "{\"reviewed\": [";
    for (std::size_t k = 0; k < review->reviewed.size(); ++k) {
      if (k > 0) out += ", ";
      out += JsonString(a.observations().unit_name(review->reviewed[k]));
    }
    out += "], \"discrepancies\": [";
    for (std::size_t k = 0; k < review->discrepancies.size(); ++k) {
      const Discrepancy& d = review->discrepancies[k];
      if (k > 0) out += ", ";
      text::StrAppend(&out, "{\"unit\": ", JsonString(d.unit), ", \"key\": ", JsonString(d.key),
                      ", \"indicator\": ", JsonString(d.indicator),
                      ", \"reported\": ", JsonString(d.reported.ToString()),
                      ", \"verified\": ", JsonString(d.verified.ToString()),
                      ", \"before\": ", JsonString(VerdictStatusName(d.before)),
                      ", \"after\": ", JsonString(VerdictStatusName(d.after)),
                      ", \"verdict_changed\": ", d.verdict_changed() ? "true" : "false", "}");
    }
    out += "], \"recomputed\": [";
    const Assessment& r = review->recomputed;
    bool first = true;
    for (std::size_t u : r.ranking()) {
      if (!first) out += ", ";
      first = false;
      text::StrAppend(&out, "{\"unit\": ", JsonString(UnitName(r, u)), ", \"score\": ",
                      JsonString(r.score(u).ToString()), ", \"rank\": ", r.rank(u), ", \"grade\": ",
                      JsonString(r.grade(u)), "}");
    }
    out += "]}";
  }
  out += "}\n";
  return out;
}

std::vector<Sheet> AssessmentReportSheets(const Assessment& a, const ReviewResult* review) {
  std::vector<Sheet> sheets;
  Sheet ranking{"排名", {{"名次", "单位", "得分", "等级", "未达标指标"}}};
  for (std::size_t u : a.ranking()) {
    ranking.rows.push_back({std::to_string(a.rank(u)), UnitName(a, u), a.score(u).ToString(),
                            a.grade(u), NotMetNumbers(a, u)});
  }
  sheets.push_back(std::move(ranking));
  Sheet verdicts{"结论", {{"单位", "指标", "指标名称", "结论", "值", "目标", "说明"}}};
  for (std::size_t u : a.ranking()) {
    for (std::size_t i = 0; i < a.indicator_count(); ++i) {
      const Verdict v = a.Explain(u, i);
      verdicts.rows.push_back({UnitName(a, u), v.indicator, a.framework().indicators()[i].name,
                               std::string(StatusWord(v.status)), ValueText(v), TargetText(v), ReasonText(v)});
    }
  }
  sheets.push_back(std::move(verdicts));
  Sheet findings{"校验", {{"单位", "级别", "规则", "指标", "说明"}}};
  for (std::size_t u : a.ranking()) {
    for (const Finding& finding : a.findings(u)) {
      std::string indicators;
      for (const std::string& number : finding.indicators) {
        text::StrAppend(&indicators, indicators.empty() ? "" : "、", number);
      }
      findings.rows.push_back({UnitName(a, u), std::string(SeverityWord(finding.severity)), finding.rule,
                               indicators, finding.message});
    }
  }
  sheets.push_back(std::move(findings));
  if (review != nullptr) {
    Sheet discrepancies{"复核", {{"单位", "指标", "报告值", "核实值", "复核前", "复核后", "结论改变"}}};
    for (const Discrepancy& d : review->discrepancies) {
      discrepancies.rows.push_back({d.unit, d.key, d.reported.ToString(), d.verified.ToString(),
                                    std::string(StatusWord(d.before)), std::string(StatusWord(d.after)),
                                    d.verdict_changed() ? "是" : "否"});
    }
    sheets.push_back(std::move(discrepancies));
  }
  return sheets;
}

}  // namespace healthact
