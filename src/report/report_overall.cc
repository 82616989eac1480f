// The office's overall monitoring and assessment report (overall_report.hpp).
#include "healthact/report/overall_report.hpp"

#include "core/escape.hpp"
#include "core/strings.hpp"
#include "healthact/report/report.hpp"
#include "report/report_parts.hpp"

namespace healthact {
namespace {

using escape::JsonString;

constexpr std::string_view kUncategorised = "未分类";

std::string TallyText(const VerdictCounts& t) {
  return text::StrCat("达标 ", t.met, "，未达标 ", t.not_met, "，缺报 ", t.missing, "，待公布 ", t.pending,
                      "，无效 ", t.invalid, "，不适用 ", t.not_applicable);
}

std::string TallyJson(const VerdictCounts& t) {
  return text::StrCat("{\"met\": ", t.met, ", \"not_met\": ", t.not_met, ", \"missing\": ", t.missing,
                      ", \"pending\": ", t.pending, ", \"invalid\": ", t.invalid,
                      ", \"not_applicable\": ", t.not_applicable, "}");
}

std::string ActionName(const ActionSummary& summary) {
  return summary.action.empty() ? "规划主要目标" : summary.action;
}

// Drops the last line break of a JSON document, to nest it.
std::string Nested(std::string json) {
  while (!json.empty() && json.back() == '\n') json.pop_back();
  return json;
}

}  // namespace

OverallReport BuildOverallReport(ActionsReport groups, AssessmentReport assessment) {
  OverallReport report;
  report.year = groups.year;
  report.title = text::StrCat(groups.framework, " ", groups.year, "年度总体监测评估报告");
  std::vector<CategorySummary> categories;
  for (std::string_view name : {std::string_view("结果性"), std::string_view("个人和社会倡导性"),
                                std::string_view("政府工作性"), kUncategorised}) {
    categories.push_back(CategorySummary{std::string(name), 0, {}});
  }
  for (const ActionReport& action : groups.actions) {
    ActionSummary summary;
    summary.action = action.action;
    summary.lead_department = action.lead_department;
    summary.indicators = static_cast<int>(action.indicators.size());
    summary.targets_met = action.targets_met;
    summary.targets_judged = action.targets_judged;
    for (const ActionIndicator& entry : action.indicators) {
      const std::string_view category =
          entry.indicator->category ? CategoryName(*entry.indicator->category) : kUncategorised;
      CategorySummary* in = nullptr;
      for (CategorySummary& c : categories) {
        if (c.category == category) in = &c;
      }
      ++in->indicators;
      for (const auto& [unit, verdict] : entry.units) {
        summary.units.Add(verdict.status);
        in->units.Add(verdict.status);
      }
      if (entry.progress && entry.progress->on_track) {
        *entry.progress->on_track ? ++summary.on_track : ++summary.behind;
      }
    }
    for (const ActionTask& task : action.tasks) {
      ++summary.tasks_total;
      summary.tasks_overdue += task.state == TaskState::kOverdue;
    }
    report.actions.push_back(std::move(summary));
  }
  for (CategorySummary& c : categories) {
    if (c.indicators > 0) report.categories.push_back(std::move(c));
  }
  report.groups = std::move(groups);
  report.assessment = std::move(assessment);
  return report;
}

std::string OverallReportMarkdown(const OverallReport& report) {
  std::string out = text::StrCat("# ", escape::Markdown(report.title), "\n\n## 各专项行动\n\n",
                                 "| 专项行动 | 牵头部门 | 指标 | 全市目标达成 | 各单位结论 | 进度达标/滞后 | 逾期任务 |\n",
                                 "| --- | --- | ---: | ---: | --- | --- | ---: |\n");
  for (const ActionSummary& s : report.actions) {
    text::StrAppend(&out, "| ", escape::Markdown(ActionName(s)), " | ", s.lead_department.empty() ? "—" : escape::Markdown(s.lead_department),
                    " | ", s.indicators, " | ", s.targets_met, "/", s.targets_judged, " | ",
                    TallyText(s.units), " | ", s.on_track, "/", s.behind, " | ", s.tasks_overdue, "/",
                    s.tasks_total, " |\n");
  }
  out += "\n## 各类指标\n\n| 类别 | 指标 | 各单位结论 |\n| --- | ---: | --- |\n";
  for (const CategorySummary& c : report.categories) {
    text::StrAppend(&out, "| ", escape::Markdown(c.category), " | ", c.indicators, " | ", TallyText(c.units), " |\n");
  }
  // The ranking and the spot-check, then each working group's report, one
  // heading level down.
  const auto demoted = [](std::string text) {
    std::string shifted;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string_view line(text.data() + start, end - start);
      if (line.starts_with("#")) shifted += "#";
      shifted += line;
      shifted += '\n';
      start = end + 1;
    }
    return shifted;
  };
  out += "\n" + demoted(AssessmentReportMarkdown(report.assessment));
  out += "\n" + demoted(ActionsReportMarkdown(report.groups));
  return out;
}

std::string OverallReportJson(const OverallReport& report) {
  std::string out = text::StrCat("{\"report\": \"overall\", \"year\": ", report.year,
                                 ", \"title\": ", JsonString(report.title), ", \"actions\": [");
  for (std::size_t k = 0; k < report.actions.size(); ++k) {
    const ActionSummary& s = report.actions[k];
    text::StrAppend(&out, k > 0 ? "," : "", "\n  {\"action\": ", JsonString(s.action),
                    ", \"lead_department\": ", JsonString(s.lead_department), ", \"indicators\": ",
                    s.indicators, ", \"targets_met\": ", s.targets_met, ", \"targets_judged\": ",
                    s.targets_judged, ", \"units\": ", TallyJson(s.units), ", \"on_track\": ",
                    s.on_track, ", \"behind\": ", s.behind, ", \"tasks_overdue\": ", s.tasks_overdue,
                    ", \"tasks\": ", s.tasks_total, "}");
  }
  out += "], \"categories\": [";
  for (std::size_t k = 0; k < report.categories.size(); ++k) {
    const CategorySummary& c = report.categories[k];
    text::StrAppend(&out, k > 0 ? ", " : "", "{\"category\": ", JsonString(c.category),
                    ", \"indicators\": ", c.indicators, ", \"units\": ", TallyJson(c.units), "}");
  }
  text::StrAppend(&out, "],\n \"assessment\": ", Nested(AssessmentReportJson(report.assessment)),
                  ",\n \"groups\": ", Nested(ActionsReportJson(report.groups)), "}\n");
  return out;
}

std::string OverallReportHtml(const OverallReport& report) {
  // The two pages it is composed from, each whole, under one summary.
  std::string summary = text::StrCat("<h1>", escape::Html(report.title), "</h1>\n<h2>各专项行动</h2>\n"
                                     "<table><tr><th>专项行动</th><th>牵头部门</th><th>指标</th>"
                                     "<th>全市目标达成</th><th>各单位结论</th><th>进度达标/滞后</th>"
                                     "<th>逾期任务</th></tr>\n");
  for (const ActionSummary& s : report.actions) {
    text::StrAppend(&summary, "<tr><td>", escape::Html(ActionName(s)), "</td><td>",
                    escape::Html(s.lead_department.empty() ? "—" : s.lead_department), "</td><td>",
                    s.indicators, "</td><td>", s.targets_met, "/", s.targets_judged, "</td><td>",
                    escape::Html(TallyText(s.units)), "</td><td>", s.on_track, "/", s.behind,
                    "</td><td>", s.tasks_overdue, "/", s.tasks_total, "</td></tr>\n");
  }
  summary += "</table>\n<h2>各类指标</h2>\n<table><tr><th>类别</th><th>指标</th><th>各单位结论</th></tr>\n";
  for (const CategorySummary& c : report.categories) {
    text::StrAppend(&summary, "<tr><td>", escape::Html(c.category), "</td><td>", c.indicators, "</td><td>",
                    escape::Html(TallyText(c.units)), "</td></tr>\n");
  }
  summary += "</table>\n";
  // The bodies of the assessment and group pages, after the summary.
  const auto body = [](const std::string& page) {
    const std::size_t open = page.find("<body>");
    const std::size_t close = page.rfind("</body>");
    if (open == std::string::npos || close == std::string::npos) return page;
    return page.substr(open + 6, close - open - 6);
  };
  std::string page = AssessmentReportHtml(report.assessment);
  const std::size_t open = page.find("<body>");
  const std::size_t close = page.rfind("</body>");
  if (open == std::string::npos || close == std::string::npos) return page;
  return text::StrCat(page.substr(0, open + 6), "\n", summary, body(page),
                      body(ActionsReportHtml(report.groups)), page.substr(close));
}

std::vector<Sheet> OverallReportSheets(const OverallReport& report) {
  Sheet actions{"总体", {{"专项行动", "牵头部门", "指标", "全市目标达成", "全市目标判定", "达标", "未达标",
                          "缺报", "待公布", "无效", "不适用", "进度达标", "进度滞后", "逾期任务", "任务"}}};
  for (const ActionSummary& s : report.actions) {
    const VerdictCounts& t = s.units;
    actions.rows.push_back({ActionName(s), s.lead_department, std::to_string(s.indicators),
                            std::to_string(s.targets_met), std::to_string(s.targets_judged),
                            std::to_string(t.met), std::to_string(t.not_met), std::to_string(t.missing),
                            std::to_string(t.pending), std::to_string(t.invalid),
                            std::to_string(t.not_applicable), std::to_string(s.on_track),
                            std::to_string(s.behind), std::to_string(s.tasks_overdue),
                            std::to_string(s.tasks_total)});
  }
  Sheet categories{"类别", {{"类别", "指标", "达标", "未达标", "缺报", "待公布", "无效", "不适用"}}};
  for (const CategorySummary& c : report.categories) {
    const VerdictCounts& t = c.units;
    categories.rows.push_back({c.category, std::to_string(c.indicators), std::to_string(t.met),
                               std::to_string(t.not_met), std::to_string(t.missing),
                               std::to_string(t.pending), std::to_string(t.invalid),
                               std::to_string(t.not_applicable)});
  }
  std::vector<Sheet> sheets = {std::move(actions), std::move(categories)};
  for (Sheet& sheet : AssessmentReportSheets(report.assessment)) sheets.push_back(std::move(sheet));
  for (Sheet& sheet : ActionsReportSheets(report.groups)) sheets.push_back(std::move(sheet));
  return sheets;
}

}  // namespace healthact
