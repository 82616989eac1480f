// The monitoring report: built by assessing every monitored year against the
// target in force that year, then rendered as Markdown, JSON and sheets.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/escape.hpp"
#include "healthact/report/report.hpp"
#include "report/report_parts.hpp"
#include "core/strings.hpp"

namespace healthact {
namespace {

using escape::JsonString;
using report_parts::StatusWord;

std::string UnitText(const Indicator& indicator) {
  return indicator.measure_unit ? std::string(MeasureUnitSymbol(*indicator.measure_unit)) : std::string();
}

std::string Mark(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kMet: return "✓";
    case VerdictStatus::kNotMet: return "✗";
    case VerdictStatus::kPending: return "待公布";
    case VerdictStatus::kNotApplicable: return "";
    case VerdictStatus::kInvalid: return "无效";
    default: return "—";
  }
}

std::string TargetsText(const MonitoredIndicator& indicator) {
  std::string out;
  for (const Target& target : indicator.targets) {
    if (!out.empty()) out += "；";
    text::StrAppend(&out, target.year, "年 ", TargetText(target.form));
  }
  return out.empty() ? "无" : out;
}

}  // namespace

MonitoringReport BuildMonitoringReport(const MonitoringRequest& request) {
  MonitoringReport report;
  const Framework& framework = *request.framework;
  const Observations& observations = *request.observations;
  report.framework = framework.name();
  report.as_of = request.as_of;
  report.years = request.years;
  if (report.years.empty()) {
    std::set<int> years;
    for (const auto& [key, year] : observations.Keys()) years.insert(year);
    report.years.assign(years.begin(), years.end());
  }
  // Each year against the targets in force: progress toward the next one.
  AssessOptions options = request.options;
  options.targets = TargetChoice::kInForce;
  std::vector<Assessment> by_year;
  for (int year : report.years) {
    by_year.push_back(Assess(request.framework, request.observations, year, options));
  }
  // Units in the order of their names, whatever the order of the rows.
  std::vector<std::size_t> order;
  if (!by_year.empty()) {
    const std::shared_ptr<const std::vector<std::int32_t>> listing = observations.ListingRanks();
    const std::vector<std::int32_t>& name_ranks = *listing;
    const std::vector<UnitId>& units = by_year.front().units();
    order.resize(units.size());
    for (std::size_t u = 0; u < order.size(); ++u) order[u] = u;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return name_ranks[units[a]] < name_ranks[units[b]]; });
    for (std::size_t u : order) report.units.push_back(observations.unit_name(units[u]));
  }
  const std::vector<Indicator>& indicators = framework.indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const Indicator& indicator = indicators[i];
    if (report.groups.empty() || report.groups.back().basis != indicator.basis) {
      report.groups.push_back(MonitoredGroup{indicator.basis, {}});
    }
    MonitoredIndicator m;
    m.number = indicator.number;
    m.name = indicator.name;
    m.unit = UnitText(indicator);
    m.targets = indicator.targets;
    for (int year : report.years) {
      const std::optional<Progress> progress = report_parts::ProgressOf(indicator, year, nullptr);
      m.path.push_back(progress ? std::optional<Decimal>(progress->planned) : std::nullopt);
    }
    m.values.resize(report.units.size());
    for (std::size_t u = 0; u < report.units.size(); ++u) {
      for (const Assessment& a : by_year) {
        const Verdict v = a.Explain(order[u], i);
        const int year = report.years[m.values[u].size()];
        const std::optional<Progress> progress = report_parts::ProgressOf(indicator, year, &v.value);
        m.values[u].push_back(MonitoredValue{v.value, v.status, ReasonText(v),
                                             progress ? progress->on_track : std::nullopt});
      }
      if (m.values[u].empty()) continue;
      const VerdictStatus latest = m.values[u].back().status;
      if (latest == VerdictStatus::kMet) {
        ++m.on_track;
      } else if (latest == VerdictStatus::kNotMet) {
        ++m.off_track;
      } else if (latest != VerdictStatus::kNotApplicable) {
        ++m.unknown;
      }
    }
    report.groups.back().indicators.push_back(std::move(m));
  }
  if (request.organisation && request.as_of) {
    for (const Committee& committee : request.organisation->committees) {
      for (const auto& [meeting, task] : request.organisation->OverdueTasks(committee, *request.as_of)) {
        report.overdue.push_back(OverdueTaskEntry{
            committee.name, task->description, task->owner, task->due,
            text::StrCat(MeetingKindName(meeting->kind), " ", meeting->date.ToString())});
      }
    }
  }
  return report;
}

std::string MonitoringReportMarkdown(const MonitoringReport& report) {
  std::string out = text::StrCat("# ", escape::Markdown(report.framework), " 监测评估报告\n\n");
  text::StrAppend(&out, "监测单位 ", report.units.size(), " 个；年度：");
  for (std::size_t y = 0; y < report.years.size(); ++y) {
    text::StrAppend(&out, y > 0 ? "、" : "", report.years[y]);
  }
  out += "。每年的值对照当年有效的目标（当年目标，否则最近的下一个目标年的目标）。✓ 达标，✗ 未达标，— 无数据或无法判断（如趋势缺少往年的值），无效 不在合理范围或违反校验规则。\n";
  std::vector<std::string> on_track, off_track;
  for (const MonitoredGroup& group : report.groups) {
    text::StrAppend(&out, "\n## ", group.basis.empty() ? "（未注明依据）" : escape::Markdown(group.basis), "\n");
    for (const MonitoredIndicator& m : group.indicators) {
      text::StrAppend(&out, "\n### 指标 ", m.number, " ", escape::Markdown(m.name), m.unit.empty() ? "" : "（",
                      m.unit, m.unit.empty() ? "" : "）", "\n\n目标：", TargetsText(m), "\n\n");
      std::string path;
      for (std::size_t y = 0; y < report.years.size(); ++y) {
        if (!m.path[y]) continue;
        text::StrAppend(&path, path.empty() ? "" : "，", report.years[y], "年 ", m.path[y]->ToString());
      }
      if (!path.empty()) {
        text::StrAppend(&out, "进度路径（基期到下一目标的直线）：", path, "\n\n");
      }
      out += "| 单位 |";
      for (int year : report.years) text::StrAppend(&out, " ", year, " |");
      out += "\n| --- |";
      for (std::size_t y = 0; y < report.years.size(); ++y) out += " --- |";
      out += "\n";
      for (std::size_t u = 0; u < report.units.size(); ++u) {
        text::StrAppend(&out, "| ", escape::Markdown(report.units[u]), " |");
        for (const MonitoredValue& v : m.values[u]) {
          const std::string mark = Mark(v.status);
          // 待公布 is both the value and the verdict: say it once.
          const std::string value = v.value.ToString();
          const bool value_shown = !value.empty() && value != mark;
          text::StrAppend(&out, " ", value_shown ? value : "", value_shown ? " " : "", mark,
                          !v.on_track ? "" : *v.on_track ? "（按进度）" : "（滞后）", " |");
        }
        out += "\n";
      }
      text::StrAppend(&out, "\n", report.years.empty() ? 0 : report.years.back(), "年：达标 ",
                      m.on_track, "，未达标 ", m.off_track, "，无数据或待公布 ", m.unknown, "。\n");
      const std::string label = text::StrCat(m.number, " ", escape::Markdown(m.name));
      if (m.off_track > 0) {
        off_track.push_back(text::StrCat(label, "（", m.off_track, " 个单位未达标）"));
      } else if (m.on_track > 0 && m.unknown == 0) {
        on_track.push_back(label);
      }
    }
  }
  out += "\n## 进展情况\n\n进展顺利（所有单位达标）：\n";
  for (const std::string& line : on_track) text::StrAppend(&out, "- ", line, "\n");
  if (on_track.empty()) out += "- 无\n";
  out += "\n需要关注（有单位未达标）：\n";
  for (const std::string& line : off_track) text::StrAppend(&out, "- ", line, "\n");
  if (off_track.empty()) out += "- 无\n";
  if (report.as_of) {
    text::StrAppend(&out, "\n## 逾期任务（截至 ", report.as_of->ToString(), "）\n\n");
    if (report.overdue.empty()) {
      out += "无逾期任务。\n";
    } else {
      out += "| 任务 | 责任部门 | 期限 | 会议 |\n| --- | --- | --- | --- |\n";
      for (const OverdueTaskEntry& t : report.overdue) {
        text::StrAppend(&out, "| ", escape::Markdown(t.description), " | ", escape::Markdown(t.owner), " | ", t.due.ToString(), " | ",
                        t.meeting, " |\n");
      }
    }
  }
  return out;
}

std::string MonitoringReportJson(const MonitoringReport& report) {
  std::string out = text::StrCat("{\"report\": \"monitoring\", \"framework\": ",
                                 JsonString(report.framework), ", \"years\": [");
  for (std::size_t y = 0; y < report.years.size(); ++y) {
    text::StrAppend(&out, y > 0 ? ", " : "", report.years[y]);
  }
  out += "], \"units\": [";
  for (std::size_t u = 0; u < report.units.size(); ++u) {
    text::StrAppend(&out, u > 0 ? ", " : "", JsonString(report.units[u]));
  }
  out += "], \"groups\": [";
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const MonitoredGroup& group = report.groups[g];
    text::StrAppend(&out, g > 0 ? ", " : "", "{\"basis\": ", JsonString(group.basis),
                    ", \"indicators\": [");
    for (std::size_t k = 0; k < group.indicators.size(); ++k) {
      const MonitoredIndicator& m = group.indicators[k];
      text::StrAppend(&out, k > 0 ? ", " : "", "{\"indicator\": ", JsonString(m.number),
                      ", \"name\": ", JsonString(m.name), ", \"unit\": ", JsonString(m.unit),
                      ", \"targets\": [");
      for (std::size_t t = 0; t < m.targets.size(); ++t) {
        text::StrAppend(&out, t > 0 ? ", " : "", "{\"year\": ", m.targets[t].year,
                        ", \"target\": ", JsonString(TargetText(m.targets[t].form)), "}");
      }
      text::StrAppend(&out, "], \"on_track\": ", m.on_track, ", \"off_track\": ", m.off_track,
                      ", \"unknown\": ", m.unknown, ", \"path\": [");
      bool first_planned = true;
      for (std::size_t y = 0; y < m.path.size(); ++y) {
        if (!m.path[y]) continue;
        text::StrAppend(&out, first_planned ? "" : ", ", "{\"year\": ", report.years[y],
                        ", \"planned\": ", JsonString(m.path[y]->ToString()), "}");
        first_planned = false;
      }
      out += "], \"values\": [";
      bool first = true;
      for (std::size_t u = 0; u < m.values.size(); ++u) {
        for (std::size_t y = 0; y < m.values[u].size(); ++y) {
          const MonitoredValue& v = m.values[u][y];
          text::StrAppend(&out, first ? "" : ", ", "{\"unit\": ", JsonString(report.units[u]),
                          ", \"year\": ", report.years[y], ", \"value\": ", JsonString(v.value.ToString()),
                          ", \"status\": ", JsonString(VerdictStatusName(v.status)),
                          ", \"reason\": ", JsonString(v.reason), ", \"on_track\": ",
                          !v.on_track ? "null" : *v.on_track ? "true" : "false", "}");
          first = false;
        }
      }
      out += "]}";
    }
    out += "]}";
  }
  out += "], \"overdue_tasks\": [";
  for (std::size_t t = 0; t < report.overdue.size(); ++t) {
    const OverdueTaskEntry& task = report.overdue[t];
    text::StrAppend(&out, t > 0 ? ", " : "", "{\"committee\": ", JsonString(task.committee),
                    ", \"task\": ", JsonString(task.description), ", \"owner\": ",
                    JsonString(task.owner), ", \"due\": ", JsonString(task.due.ToString()),
                    ", \"meeting\": ", JsonString(task.meeting), "}");
  }
  out += "]}\n";
  return out;
}

std::vector<Sheet> MonitoringReportSheets(const MonitoringReport& report) {
  Sheet values{"监测", {{"依据", "指标", "指标名称", "单位", "年度", "值", "结论", "说明"}}};
  for (const MonitoredGroup& group : report.groups) {
    for (const MonitoredIndicator& m : group.indicators) {
      for (std::size_t u = 0; u < m.values.size(); ++u) {
        for (std::size_t y = 0; y < m.values[u].size(); ++y) {
          const MonitoredValue& v = m.values[u][y];
          values.rows.push_back({group.basis, m.number, m.name, report.units[u],
                                 std::to_string(report.years[y]), v.value.ToString(),
                                 std::string(StatusWord(v.status)), v.reason});
        }
      }
    }
  }
  Sheet overdue{"逾期任务", {{"推进委员会", "任务", "责任部门", "期限", "会议"}}};
  for (const OverdueTaskEntry& t : report.overdue) {
    overdue.rows.push_back({t.committee, t.description, t.owner, t.due.ToString(), t.meeting});
  }
  return {std::move(values), std::move(overdue)};
}

}  // namespace healthact
