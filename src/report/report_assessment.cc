// The assessment report as Markdown, JSON and sheets (the HTML page is in
// report_html.cc).
#include <string>
#include <vector>

#include "core/escape.hpp"
#include "healthact/core/messages.hpp"
#include "healthact/report/assessment_text.hpp"
#include "healthact/report/report.hpp"
#include "report/report_parts.hpp"
#include "core/strings.hpp"
#include "model/vocabulary.hpp"

namespace healthact {

using escape::JsonString;

namespace report_parts {

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
    text::StrAppend(&indicators, indicators.empty() ? "" : messages::Tr("、"), number);
  }
  return text::StrCat(messages::Tr(SeverityWord(finding.severity).data()),
                      indicators.empty() ? "" : messages::Format("（指标 $0）", indicators), messages::Tr("："),
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

}  // namespace report_parts

using namespace report_parts;

namespace {

std::string Cell(std::string_view text) { return escape::Markdown(text); }

std::string OrDash(std::string text) { return text.empty() ? "—" : text; }

}  // namespace

std::string AssessmentReportMarkdown(const AssessmentReport& report) {
  std::string out = text::StrCat("# ", Cell(report.title), "\n\n");
  const DecisionRecord& record = report.record;
  text::StrAppend(&out, "考核单位 ", report.units.size(), " 个，指标 ", report.indicator_count,
                  " 项。框架 SHA-256 `", record.framework_sha256, "`，数据 SHA-256 `",
                  record.observations_sha256, "`，healthact ", record.library_version, "。\n\n");
  out += "## 排名\n\n| 名次 | 单位 | 得分 | 等级 | 未达标指标 |\n| ---: | --- | ---: | --- | --- |\n";
  for (const UnitResult& r : report.units) {
    text::StrAppend(&out, "| ", r.rank, " | ", Cell(r.unit), " | ", r.score.ToString(), " | ", Cell(r.grade),
                    " | ", FailedText(r), " |\n");
  }
  out += "\n## 各单位未达标、无效、缺报和待公布指标\n";
  for (const UnitResult& r : report.units) {
    text::StrAppend(&out, "\n### ", Cell(r.unit), "\n\n", CountsText(r.counts), "。\n\n");
    bool any = false;
    for (const ShownVerdict& shown : r.verdicts) {
      if (!IsShown(shown.verdict, Explanation::kFailures)) continue;
      any = true;
      text::StrAppend(&out, "- 指标 ", shown.indicator->number, " ", Cell(shown.indicator->name), "：",
                      StatusWord(shown.verdict.status), "，", Cell(OrDash(ReasonText(shown.verdict))), "\n");
    }
    if (!any) out += "全部指标达标。\n";
    if (!r.findings.empty()) out += "\n校验发现：\n\n";
    for (const Finding& finding : r.findings) text::StrAppend(&out, "- ", Cell(FindingText(finding)), "\n");
  }
  if (report.review) {
    const AssessmentReport::Spotcheck& review = *report.review;
    out += "\n## 抽查复核\n\n抽查单位：";
    for (std::size_t k = 0; k < review.reviewed.size(); ++k) {
      if (k > 0) out += "、";
      out += Cell(review.reviewed[k]);
    }
    text::StrAppend(&out, "。发现差异 ", review.discrepancies.size(), " 处。\n\n");
    if (!review.discrepancies.empty()) {
      out += "| 单位 | 指标 | 报告值 | 核实值 | 复核前 | 复核后 | 核实人 | 核实说明 |\n"
             "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
      for (const Discrepancy& d : review.discrepancies) {
        text::StrAppend(&out, "| ", Cell(d.unit), " | ", Cell(d.key), " | ", d.reported.ToString(), " | ",
                        d.verified.ToString(), " | ", StatusWord(d.before), " | ", StatusWord(d.after),
                        d.verdict_changed() ? "（结论改变）" : "", " | ", Cell(d.reviewer), " | ",
                        Cell(d.reason), " |\n");
      }
      out += "\n### 按核实值重新计算的排名\n\n| 名次 | 单位 | 得分 | 等级 |\n| ---: | --- | ---: | --- |\n";
      for (const UnitResult& r : review.recomputed) {
        text::StrAppend(&out, "| ", r.rank, " | ", Cell(r.unit), " | ", r.score.ToString(), " | ",
                        Cell(r.grade), " |\n");
      }
    }
  }
  return out;
}

std::string AssessmentReportJson(const AssessmentReport& report) {
  // The assessment as `assess --format json` gives it (failures only).
  std::string out = text::StrCat(
      "{\"report\": \"assessment\", \"assessment\": ",
      AssessmentJsonHead(report.framework, report.year, report.record, Explanation::kFailures));
  bool first_unit = true;
  TargetTexts targets;
  for (const UnitResult& r : report.units) {
    out += first_unit ? "\n  " : ",\n  ";
    AppendUnitJson(out, r, Explanation::kFailures, targets);
    first_unit = false;
  }
  out += "\n]}, \"review\": ";
  if (!report.review) {
    out += "null";
  } else {
    const AssessmentReport::Spotcheck& review = *report.review;
    out += "{\"reviewed\": [";
    for (std::size_t k = 0; k < review.reviewed.size(); ++k) {
      if (k > 0) out += ", ";
      out += JsonString(review.reviewed[k]);
    }
    out += "], \"discrepancies\": [";
    for (std::size_t k = 0; k < review.discrepancies.size(); ++k) {
      const Discrepancy& d = review.discrepancies[k];
      if (k > 0) out += ", ";
      text::StrAppend(&out, "{\"unit\": ", JsonString(d.unit), ", \"key\": ", JsonString(d.key),
                      ", \"indicator\": ", JsonString(d.indicator),
                      ", \"reported\": ", JsonString(d.reported.ToString()),
                      ", \"verified\": ", JsonString(d.verified.ToString()),
                      ", \"before\": ", JsonString(VerdictStatusName(d.before)),
                      ", \"after\": ", JsonString(VerdictStatusName(d.after)),
                      ", \"verdict_changed\": ", d.verdict_changed() ? "true" : "false",
                      ", \"reviewer\": ", JsonString(d.reviewer), ", \"reason\": ", JsonString(d.reason), "}");
    }
    out += "], \"recomputed\": [";
    for (std::size_t k = 0; k < review.recomputed.size(); ++k) {
      const UnitResult& r = review.recomputed[k];
      text::StrAppend(&out, k > 0 ? ", " : "", "{\"unit\": ", JsonString(r.unit), ", \"score\": ",
                      JsonString(r.score.ToString()), ", \"rank\": ", r.rank, ", \"grade\": ",
                      JsonString(r.grade), "}");
    }
    out += "]}";
  }
  out += "}\n";
  return out;
}

std::vector<Sheet> AssessmentReportSheets(const AssessmentReport& report) {
  std::vector<Sheet> sheets;
  Sheet ranking{"排名", {{"名次", "单位", "得分", "等级", "未达标指标"}}};
  for (const UnitResult& r : report.units) {
    ranking.rows.push_back({std::to_string(r.rank), r.unit, r.score.ToString(), r.grade, FailedText(r)});
  }
  sheets.push_back(std::move(ranking));
  Sheet verdicts{"结论", {{"单位", "指标", "指标名称", "结论", "值", "目标", "说明"}}};
  for (const UnitResult& r : report.units) {
    for (const ShownVerdict& shown : r.verdicts) {
      const Verdict& v = shown.verdict;
      verdicts.rows.push_back({r.unit, v.indicator, shown.indicator->name,
                               std::string(StatusWord(v.status)), ValueText(v), TargetText(v),
                               ReasonText(v)});
    }
  }
  sheets.push_back(std::move(verdicts));
  Sheet findings{"校验", {{"单位", "级别", "规则", "指标", "说明"}}};
  for (const UnitResult& r : report.units) {
    for (const Finding& finding : r.findings) {
      std::string indicators;
      for (const std::string& number : finding.indicators) {
        text::StrAppend(&indicators, indicators.empty() ? "" : messages::Tr("、"), number);
      }
      findings.rows.push_back({r.unit, std::string(SeverityWord(finding.severity)), finding.rule,
                               indicators, finding.message});
    }
  }
  sheets.push_back(std::move(findings));
  if (report.review) {
    Sheet discrepancies{"复核", {{"单位", "指标", "报告值", "核实值", "复核前", "复核后", "结论改变",
                                  "核实人", "核实说明"}}};
    for (const Discrepancy& d : report.review->discrepancies) {
      discrepancies.rows.push_back({d.unit, d.key, d.reported.ToString(), d.verified.ToString(),
                                    std::string(StatusWord(d.before)), std::string(StatusWord(d.after)),
                                    d.verdict_changed() ? "是" : "否", d.reviewer, d.reason});
    }
    sheets.push_back(std::move(discrepancies));
  }
  return sheets;
}

// The same from an assessment: the model built, then rendered.
std::string AssessmentReportMarkdown(const Assessment& a, const ReviewResult* review) {
  return AssessmentReportMarkdown(BuildAssessmentReport(a, review));
}
std::string AssessmentReportJson(const Assessment& a, const ReviewResult* review) {
  return AssessmentReportJson(BuildAssessmentReport(a, review));
}
std::vector<Sheet> AssessmentReportSheets(const Assessment& a, const ReviewResult* review) {
  return AssessmentReportSheets(BuildAssessmentReport(a, review));
}

}  // namespace healthact
