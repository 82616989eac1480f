// The reports as standalone HTML pages: no script, no external file; charts
// are inline SVG so that the page prints, mails and archives as one file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "core/escape.hpp"
#include "healthact/report/actions_report.hpp"
#include "healthact/report/report.hpp"
#include "report/report_parts.hpp"
#include "core/strings.hpp"

namespace healthact {
namespace {

using escape::Html;
using report_parts::StatusWord;

// Fonts that carry Chinese on Linux, Windows and macOS, then any sans-serif.
constexpr std::string_view kFonts =
    "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Zen Hei','Microsoft YaHei','PingFang SC',"
    "sans-serif";

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string_view StatusColour(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kMet: return "#2e7d32";
    case VerdictStatus::kNotMet: return "#c62828";
    case VerdictStatus::kMissing: return "#9e9e9e";
    case VerdictStatus::kPending: return "#f9a825";
    case VerdictStatus::kNotApplicable: return "#e0e0e0";
    case VerdictStatus::kInvalid: return "#6a1b9a";
  }
  return "#000";
}

std::string PageStart(std::string_view title) {
  return text::StrCat(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
      Html(title), "</title>\n<style>\nbody{font-family:", kFonts,
      ";margin:2em auto;max-width:1100px;color:#222}\ntable{border-collapse:collapse;margin:1em 0}\n"
      "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}\n"
      "td.num{text-align:right}\nsvg{display:block;margin:1em 0}\n.met{color:#2e7d32}\n"
      ".not_met{color:#c62828}\n</style>\n</head>\n<body>\n<h1>",
      Html(title), "</h1>\n");
}

constexpr std::string_view kPageEnd = "</body>\n</html>\n";

// A legend of the verdict colours.
std::string Legend() {
  std::string out = "<p>";
  for (VerdictStatus status : {VerdictStatus::kMet, VerdictStatus::kNotMet, VerdictStatus::kMissing,
                               VerdictStatus::kPending, VerdictStatus::kNotApplicable,
                               VerdictStatus::kInvalid}) {
    text::StrAppend(&out, "<span style=\"display:inline-block;width:12px;height:12px;background:",
                    StatusColour(status), "\"></span> ", StatusWord(status), "&#160;&#160; ");
  }
  return out + "</p>\n";
}

// Horizontal bars, one per unit in rank order, scored out of 100.
std::string RankingChart(const std::vector<UnitResult>& units) {
  constexpr int kLabel = 200, kBar = 520, kRow = 28, kTop = 10;
  const int height = kTop * 2 + kRow * static_cast<int>(units.size());
  std::string out = text::StrCat("<svg class=\"chart ranking\" xmlns=\"http://www.w3.org/2000/svg\" "
                                 "width=\"", kLabel + kBar + 80, "\" height=\"", height,
                                 "\" role=\"img\" aria-label=\"得分排名\" font-family=\"", kFonts,
                                 "\" font-size=\"13\">\n");
  int row = 0;
  for (const UnitResult& r : units) {
    const std::string score_text = r.score.ToString();
    const double score = std::strtod(score_text.c_str(), nullptr);
    const double width = std::clamp(score, 0.0, 100.0) / 100.0 * kBar;
    const int y = kTop + row * kRow;
    text::StrAppend(&out, "<text x=\"", kLabel - 8, "\" y=\"", y + 18, "\" text-anchor=\"end\">",
                    r.rank, ". ", Html(r.unit), "</text>\n",
                    "<rect x=\"", kLabel, "\" y=\"", y + 4, "\" width=\"", Number(width),
                    "\" height=\"", kRow - 8, "\" fill=\"#1565c0\"><title>",
                    Html(r.unit), " ", score_text, "</title></rect>\n",
                    "<text x=\"", Number(kLabel + width + 6), "\" y=\"", y + 18, "\">",
                    score_text, " ", Html(r.grade), "</text>\n");
    ++row;
  }
  return out + "</svg>\n";
}

// Units down, indicators across, one coloured square per verdict.
std::string VerdictGrid(const std::vector<std::string>& units, const std::vector<std::string>& columns,
                        const std::vector<std::vector<VerdictStatus>>& statuses,
                        std::string_view label) {
  constexpr int kLabel = 200, kCell = 26, kTop = 24;
  const int width = kLabel + kCell * static_cast<int>(columns.size()) + 10;
  const int height = kTop + kCell * static_cast<int>(units.size()) + 10;
  std::string out = text::StrCat("<svg class=\"chart grid\" xmlns=\"http://www.w3.org/2000/svg\" "
                                 "width=\"", width, "\" height=\"", height, "\" role=\"img\" "
                                 "aria-label=\"", Html(label), "\" font-family=\"", kFonts,
                                 "\" font-size=\"11\">\n");
  for (std::size_t c = 0; c < columns.size(); ++c) {
    text::StrAppend(&out, "<text x=\"", kLabel + static_cast<int>(c) * kCell + kCell / 2, "\" y=\"",
                    kTop - 8, "\" text-anchor=\"middle\">", Html(columns[c]), "</text>\n");
  }
  for (std::size_t u = 0; u < units.size(); ++u) {
    const int y = kTop + static_cast<int>(u) * kCell;
    text::StrAppend(&out, "<text x=\"", kLabel - 8, "\" y=\"", y + 17, "\" text-anchor=\"end\" "
                    "font-size=\"13\">", Html(units[u]), "</text>\n");
    for (std::size_t c = 0; c < columns.size() && c < statuses[u].size(); ++c) {
      text::StrAppend(&out, "<rect x=\"", kLabel + static_cast<int>(c) * kCell + 1, "\" y=\"", y + 1,
                      "\" width=\"", kCell - 2, "\" height=\"", kCell - 2, "\" fill=\"",
                      StatusColour(statuses[u][c]), "\"><title>", Html(units[u]), " 指标 ",
                      Html(columns[c]), "：", StatusWord(statuses[u][c]), "</title></rect>\n");
    }
  }
  return out + "</svg>\n";
}

std::string ReasonOrDash(const Verdict& verdict) {
  std::string reason = ReasonText(verdict);
  return reason.empty() ? "—" : reason;
}

// A number for drawing (74.8, 5.0975…); nullopt for 实现, absences, nothing.
std::optional<double> Plottable(const VerdictValue& value) {
  if (value.kind != ReportKind::kNumber) return std::nullopt;
  return std::strtod(value.number.ToString().c_str(), nullptr);
}

// Each unit's values over the years as a line, the targets as dashed lines.
std::string TrendChart(const MonitoringReport& report, const MonitoredIndicator& m) {
  std::vector<std::pair<std::string, double>> target_lines;
  for (const Target& target : m.targets) {
    // A line for a number to reach; trends, parts and 实现 have none.
    if (const auto* comparison = std::get_if<ComparisonTarget>(&target.form)) {
      target_lines.emplace_back(text::StrCat(target.year, "年目标 ", TargetText(target.form)),
                                std::strtod(comparison->value.ToString().c_str(), nullptr));
    }
  }
  double low = 0, high = 0;
  bool any = false;
  const auto widen = [&](double v) {
    low = any ? std::min(low, v) : v;
    high = any ? std::max(high, v) : v;
    any = true;
  };
  for (const auto& row : m.values) {
    for (const MonitoredValue& v : row) {
      if (const std::optional<double> x = Plottable(v.value)) widen(*x);
    }
  }
  if (!any) return "";  // nothing numeric to draw (实现, parts)
  for (const auto& line : target_lines) widen(line.second);
  for (const std::optional<Decimal>& planned : m.path) {
    if (planned) widen(std::strtod(planned->ToString().c_str(), nullptr));
  }
  if (high - low < 1e-9) {
    high += 1;
    low -= 1;
  }
  const double pad = (high - low) * 0.1;
  low -= pad;
  high += pad;
  constexpr int kLeft = 60, kWidth = 420, kTop = 16, kHeight = 200, kLegend = 280;
  const auto x_of = [&](std::size_t y) {
    return report.years.size() <= 1
               ? kLeft + kWidth / 2.0
               : kLeft + kWidth * static_cast<double>(y) / static_cast<double>(report.years.size() - 1);
  };
  const auto y_of = [&](double v) { return kTop + kHeight * (high - v) / (high - low); };
  std::string out = text::StrCat(
      "<svg class=\"chart trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"",
      kLeft + kWidth + kLegend, "\" height=\"", kTop + kHeight + 40, "\" role=\"img\" aria-label=\"指标 ",
      Html(m.number), " 趋势\" font-family=\"", kFonts, "\" font-size=\"12\">\n",
      "<line x1=\"", kLeft, "\" y1=\"", kTop + kHeight, "\" x2=\"", kLeft + kWidth, "\" y2=\"",
      kTop + kHeight, "\" stroke=\"#999\"/>\n<line x1=\"", kLeft, "\" y1=\"", kTop, "\" x2=\"", kLeft,
      "\" y2=\"", kTop + kHeight, "\" stroke=\"#999\"/>\n",
      "<text x=\"", kLeft - 6, "\" y=\"", kTop + 4, "\" text-anchor=\"end\">", Number(high),
      "</text>\n<text x=\"", kLeft - 6, "\" y=\"", kTop + kHeight, "\" text-anchor=\"end\">", Number(low),
      "</text>\n");
  for (std::size_t y = 0; y < report.years.size(); ++y) {
    text::StrAppend(&out, "<text x=\"", Number(x_of(y)), "\" y=\"", kTop + kHeight + 18,
                    "\" text-anchor=\"middle\">", report.years[y], "</text>\n");
  }
  for (const auto& [label, value] : target_lines) {
    text::StrAppend(&out, "<line class=\"target\" x1=\"", kLeft, "\" y1=\"", Number(y_of(value)),
                    "\" x2=\"", kLeft + kWidth, "\" y2=\"", Number(y_of(value)),
                    "\" stroke=\"#c62828\" stroke-dasharray=\"6 4\"><title>", Html(label),
                    "</title></line>\n<text x=\"", kLeft + kWidth + 6, "\" y=\"",
                    Number(y_of(value) + 4), "\" fill=\"#c62828\">", Html(label), "</text>\n");
  }
  // The path from the baseline to the next target, where the framework has one.
  std::string path;
  for (std::size_t y = 0; y < m.path.size(); ++y) {
    if (!m.path[y]) continue;
    text::StrAppend(&path, path.empty() ? "" : " ", Number(x_of(y)), ",",
                    Number(y_of(std::strtod(m.path[y]->ToString().c_str(), nullptr))));
  }
  if (!path.empty()) {
    text::StrAppend(&out, "<polyline class=\"path\" points=\"", path,
                    "\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"1\" stroke-dasharray=\"2 3\">"
                    "<title>进度路径（基期到下一目标的直线）</title></polyline>\n");
  }
  static constexpr std::string_view kPalette[] = {"#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00",
                                                  "#00838f", "#5d4037", "#ad1457", "#455a64"};
  for (std::size_t u = 0; u < m.values.size(); ++u) {
    const std::string_view colour = kPalette[u % std::size(kPalette)];
    std::string points;
    for (std::size_t y = 0; y < m.values[u].size(); ++y) {
      if (const std::optional<double> v = Plottable(m.values[u][y].value)) {
        text::StrAppend(&points, points.empty() ? "" : " ", Number(x_of(y)), ",", Number(y_of(*v)));
        text::StrAppend(&out, "<circle cx=\"", Number(x_of(y)), "\" cy=\"", Number(y_of(*v)),
                        "\" r=\"3\" fill=\"", colour, "\"><title>", Html(report.units[u]), " ",
                        report.years[y], "：", Html(m.values[u][y].value.ToString()), "</title></circle>\n");
      }
    }
    text::StrAppend(&out, "<rect x=\"", kLeft + kWidth + 120, "\" y=\"", kTop + static_cast<int>(u) * 18,
                    "\" width=\"10\" height=\"10\" fill=\"", colour, "\"/><text x=\"",
                    kLeft + kWidth + 134, "\" y=\"", kTop + static_cast<int>(u) * 18 + 10, "\">",
                    Html(report.units[u]), "</text>\n");
    if (!points.empty()) {
      text::StrAppend(&out, "<polyline class=\"series\" points=\"", points, "\" fill=\"none\" stroke=\"",
                      colour, "\" stroke-width=\"2\"><title>", Html(report.units[u]), "</title></polyline>\n");
    }
  }
  return out + "</svg>\n";
}

}  // namespace

std::string AssessmentReportHtml(const AssessmentReport& report) {
  std::string out = PageStart(report.title);
  const DecisionRecord& record = report.record;
  text::StrAppend(&out, "<p>考核单位 ", report.units.size(), " 个，指标 ", report.indicator_count,
                  " 项。框架 SHA-256 <code>", record.framework_sha256, "</code>，数据 SHA-256 <code>",
                  record.observations_sha256, "</code>，healthact ", Html(record.library_version),
                  "。</p>\n<h2>得分排名</h2>\n", RankingChart(report.units));
  out += "<table class=\"ranking\"><tr><th>名次</th><th>单位</th><th>得分</th><th>等级</th><th>未达标指标</th></tr>\n";
  for (const UnitResult& r : report.units) {
    text::StrAppend(&out, "<tr><td class=\"num\">", r.rank, "</td><td>", Html(r.unit),
                    "</td><td class=\"num\">", r.score.ToString(), "</td><td>", Html(r.grade),
                    "</td><td>", Html(report_parts::FailedText(r)), "</td></tr>\n");
  }
  out += "</table>\n<h2>各单位各指标结论</h2>\n";
  std::vector<std::string> units;
  std::vector<std::vector<VerdictStatus>> statuses;
  for (const UnitResult& r : report.units) {
    units.push_back(r.unit);
    statuses.emplace_back();
    for (const ShownVerdict& shown : r.verdicts) statuses.back().push_back(shown.verdict.status);
  }
  out += VerdictGrid(units, report.indicator_numbers, statuses, "各单位各指标结论") + Legend();
  out += "<h2>各单位未达标、无效、缺报和待公布指标</h2>\n";
  for (const UnitResult& r : report.units) {
    text::StrAppend(&out, "<h3>", Html(r.unit), "</h3>\n<p>", Html(report_parts::CountsText(r.counts)),
                    "</p>\n");
    if (!r.findings.empty()) {
      out += "<p>校验发现：</p>\n<ul class=\"findings\">\n";
      for (const Finding& finding : r.findings) {
        text::StrAppend(&out, "<li class=\"", finding.severity == Severity::kError ? "error" : "warning",
                        "\">", Html(report_parts::FindingText(finding)), "</li>\n");
      }
      out += "</ul>\n";
    }
    out += "<ul>\n";
    bool any = false;
    for (const ShownVerdict& shown : r.verdicts) {
      const Verdict& v = shown.verdict;
      if (!IsShown(v, Explanation::kFailures)) continue;
      any = true;
      text::StrAppend(&out, "<li class=\"", VerdictStatusName(v.status), "\">指标 ",
                      Html(shown.indicator->number), " ", Html(shown.indicator->name), "：",
                      StatusWord(v.status), "，", Html(ReasonOrDash(v)), "</li>\n");
    }
    if (!any) out += "<li>全部指标达标。</li>\n";
    out += "</ul>\n";
  }
  if (report.review) {
    const AssessmentReport::Spotcheck& review = *report.review;
    out += "<h2>抽查复核</h2>\n<p>抽查单位：";
    for (std::size_t k = 0; k < review.reviewed.size(); ++k) {
      text::StrAppend(&out, k > 0 ? "、" : "", Html(review.reviewed[k]));
    }
    text::StrAppend(&out, "。发现差异 ", review.discrepancies.size(), " 处。</p>\n");
    if (!review.discrepancies.empty()) {
      out += "<table class=\"review\"><tr><th>单位</th><th>指标</th><th>报告值</th><th>核实值</th>"
             "<th>复核前</th><th>复核后</th><th>核实人</th><th>核实说明</th></tr>\n";
      for (const Discrepancy& d : review.discrepancies) {
        text::StrAppend(&out, "<tr><td>", Html(d.unit), "</td><td>", Html(d.key), "</td><td>",
                        Html(d.reported.ToString()), "</td><td>", Html(d.verified.ToString()), "</td><td>",
                        StatusWord(d.before), "</td><td>", StatusWord(d.after),
                        d.verdict_changed() ? "（结论改变）" : "", "</td><td>", Html(d.reviewer), "</td><td>",
                        Html(d.reason), "</td></tr>\n");
      }
      out += "</table>\n";
    }
  }
  return out + std::string(kPageEnd);
}

std::string AssessmentReportHtml(const Assessment& a, const ReviewResult* review) {
  return AssessmentReportHtml(BuildAssessmentReport(a, review));
}

std::string ActionsReportHtml(const ActionsReport& report) {
  std::string out =
      PageStart(text::StrCat(report.framework, " ", report.year, "年度专项行动实施进展专题报告"));
  text::StrAppend(&out, "<p>", Html(report.city),
                  report.city.empty() ? "" : "的值为自报，否则由所辖单位汇总。",
                  report.as_of ? text::StrCat("任务统计截至 ", report.as_of->ToString(), "。") : "",
                  "</p>\n");
  for (const std::string& note : report.notes) text::StrAppend(&out, "<p class=\"note\">", Html(note), "</p>\n");
  for (const ActionReport& action : report.actions) {
    const std::string title = action.action.empty() ? "规划主要目标（不属于专项行动）" : action.action;
    text::StrAppend(&out, "<h2>", Html(title), "</h2>\n<p>",
                    action.action.empty() ? ""
                    : text::StrCat("牵头部门：", Html(action.lead_department.empty() ? "（未设工作组）"
                                                                              : action.lead_department),
                                   "。"),
                    "全市目标达成 ", action.targets_met, "/", action.targets_judged, " 项。</p>\n");
    if (action.indicators.empty()) continue;
    // The grid: the city, then every unit, down; the indicators across.
    std::vector<std::string> rows, columns;
    std::vector<std::vector<VerdictStatus>> statuses;
    for (const ActionIndicator& entry : action.indicators) columns.push_back(entry.indicator->number);
    if (!report.city.empty()) {
      rows.push_back(report.city);
      statuses.emplace_back();
      for (const ActionIndicator& entry : action.indicators) {
        statuses.back().push_back(entry.city ? entry.city->status : VerdictStatus::kMissing);
      }
    }
    for (std::size_t u = 0; u < report.units.size(); ++u) {
      rows.push_back(report.units[u]);
      statuses.emplace_back();
      for (const ActionIndicator& entry : action.indicators) {
        statuses.back().push_back(u < entry.units.size() ? entry.units[u].second.status
                                                         : VerdictStatus::kMissing);
      }
    }
    out += VerdictGrid(rows, columns, statuses, title);
    out += "<table><tr><th>类别</th><th>指标</th><th>目标</th><th>全市</th><th>进度</th></tr>\n";
    for (const ActionIndicator& entry : action.indicators) {
      const std::string progress = report_parts::ProgressText(report, entry);
      const std::string city_value = entry.city ? ValueText(*entry.city) : "";
      text::StrAppend(&out, "<tr><td>",
                      Html(entry.indicator->category ? CategoryName(*entry.indicator->category) : "未分类"),
                      "</td><td>", Html(entry.indicator->number), " ", Html(entry.indicator->name),
                      "</td><td>", Html(entry.city ? TargetText(*entry.city) : ""), "</td><td class=\"",
                      entry.city ? VerdictStatusName(entry.city->status) : "missing", "\">",
                      Html(city_value), city_value.empty() ? "" : " ",
                      entry.city ? StatusWord(entry.city->status) : "", "</td><td>", Html(progress),
                      "</td></tr>\n");
    }
    out += "</table>\n";
    if (!action.tasks.empty()) {
      out += "<ul class=\"tasks\">\n";
      for (const ActionTask& task : action.tasks) {
        text::StrAppend(&out, "<li class=\"", TaskStateKey(task.state), "\">", Html(task.description),
                        "（", Html(task.meeting), "，期限 ", task.due.ToString(),
                        task.done ? text::StrCat("，完成 ", task.done->ToString()) : "", "）</li>\n");
      }
      out += "</ul>\n";
    }
  }
  return out + std::string(kPageEnd) ;
}

std::string MonitoringReportHtml(const MonitoringReport& report) {
  std::string out = PageStart(text::StrCat(report.framework, " 监测评估报告"));
  text::StrAppend(&out, "<p>监测单位 ", report.units.size(), " 个；年度 ");
  for (std::size_t y = 0; y < report.years.size(); ++y) {
    text::StrAppend(&out, y > 0 ? "、" : "", report.years[y]);
  }
  out += "。每年的值对照当年有效的目标（当年目标，否则最近的下一个目标年的目标）。</p>\n";
  if (!report.years.empty()) {
    std::vector<std::string> columns;
    std::vector<std::vector<VerdictStatus>> statuses(report.units.size());
    for (const MonitoredGroup& group : report.groups) {
      for (const MonitoredIndicator& m : group.indicators) {
        columns.push_back(m.number);
        for (std::size_t u = 0; u < report.units.size(); ++u) {
          statuses[u].push_back(m.values[u].back().status);
        }
      }
    }
    text::StrAppend(&out, "<h2>", report.years.back(), "年各单位各指标进展</h2>\n",
                    VerdictGrid(report.units, columns, statuses, "各单位各指标进展"), Legend());
  }
  for (const MonitoredGroup& group : report.groups) {
    text::StrAppend(&out, "<h2>", Html(group.basis.empty() ? "（未注明依据）" : group.basis), "</h2>\n");
    for (const MonitoredIndicator& m : group.indicators) {
      text::StrAppend(&out, "<h3>指标 ", Html(m.number), " ", Html(m.name),
                      m.unit.empty() ? "" : "（", Html(m.unit), m.unit.empty() ? "" : "）", "</h3>\n<p>目标：");
      for (std::size_t t = 0; t < m.targets.size(); ++t) {
        text::StrAppend(&out, t > 0 ? "；" : "", m.targets[t].year, "年 ", Html(TargetText(m.targets[t].form)));
      }
      text::StrAppend(&out, "。达标 ", m.on_track, "，未达标 ", m.off_track, "，无数据或待公布 ",
                      m.unknown, "。</p>\n", TrendChart(report, m), "<table><tr><th>单位</th>");
      for (int year : report.years) text::StrAppend(&out, "<th>", year, "</th>");
      out += "</tr>\n";
      for (std::size_t u = 0; u < report.units.size(); ++u) {
        text::StrAppend(&out, "<tr><td>", Html(report.units[u]), "</td>");
        for (const MonitoredValue& v : m.values[u]) {
          // 待公布 is both the value and the verdict: say it once.
          const std::string value = v.value.ToString();
          const bool value_shown = !value.empty() && value != StatusWord(v.status);
          text::StrAppend(&out, "<td class=\"", VerdictStatusName(v.status), "\" title=\"", Html(v.reason),
                          "\">", value_shown ? Html(value) + " " : "", StatusWord(v.status), "</td>");
        }
        out += "</tr>\n";
      }
      out += "</table>\n";
    }
  }
  if (report.as_of) {
    text::StrAppend(&out, "<h2>逾期任务（截至 ", report.as_of->ToString(), "）</h2>\n");
    if (report.overdue.empty()) {
      out += "<p>无逾期任务。</p>\n";
    } else {
      out += "<table class=\"overdue\"><tr><th>任务</th><th>责任部门</th><th>期限</th><th>会议</th></tr>\n";
      for (const OverdueTaskEntry& t : report.overdue) {
        text::StrAppend(&out, "<tr><td>", Html(t.description), "</td><td>", Html(t.owner), "</td><td>",
                        t.due.ToString(), "</td><td>", Html(t.meeting), "</td></tr>\n");
      }
      out += "</table>\n";
    }
  }
  return out + std::string(kPageEnd);
}

}  // namespace healthact
