// The working groups' annual reports (actions_report.hpp).
#include "healthact/report/actions_report.hpp"

#include <algorithm>

#include "assess/evaluation.hpp"
#include "core/escape.hpp"
#include "core/strings.hpp"
#include "healthact/assess/aggregation.hpp"
#include "healthact/model/action_groups.hpp"
#include "report/report_parts.hpp"

namespace healthact {
namespace {

using escape::JsonString;
using evaluation::Rational;
using evaluation::ToRational;

// Categories in the order the seeds list them; indicators without one last.
int CategoryOrder(const Indicator& indicator) {
  if (!indicator.category) return 4;
  switch (*indicator.category) {
    case Category::kOutcome: return 1;
    case Category::kAdvocacy: return 2;
    case Category::kGovernmentWork: return 3;
  }
  return 4;
}

bool Selected(const AssessOptions& options) { return options.level || options.within; }

std::string_view CategoryWord(const Indicator& indicator) {
  return indicator.category ? CategoryName(*indicator.category) : std::string_view("未分类");
}

void AppendVerdictJson(std::string& out, const Verdict& v) {
  text::StrAppend(&out, "{\"status\": ", JsonString(VerdictStatusName(v.status)),
                  ", \"value\": ", JsonString(ValueText(v)), ", \"target\": ", JsonString(TargetText(v)),
                  ", \"reason\": ", JsonString(ReasonText(v)), "}");
}

}  // namespace

// The straight line from the baseline to the next target's value, read at
// `year`; nullopt without a numeric baseline of a stated year before it and
// a comparison target after it.
std::optional<Progress> report_parts::ProgressOf(const Indicator& indicator, int year,
                                               const VerdictValue* value) {
  if (!indicator.baseline || !indicator.baseline->year) return std::nullopt;
  const auto* base = std::get_if<Decimal>(&indicator.baseline->value);
  const int base_year = *indicator.baseline->year;
  if (base == nullptr || year <= base_year) return std::nullopt;
  const Target* next = nullptr;
  for (const Target& target : indicator.targets) {
    if (target.year >= year && std::holds_alternative<ComparisonTarget>(target.form) &&
        (next == nullptr || target.year < next->year)) {
      next = &target;
    }
  }
  if (next == nullptr || next->year <= base_year) return std::nullopt;
  const ComparisonTarget& goal = std::get<ComparisonTarget>(next->form);
  Progress progress;
  progress.baseline_year = base_year;
  progress.baseline = *base;
  progress.target_year = next->year;
  progress.target = goal.value;
  const Rational planned = ToRational(*base) + (ToRational(goal.value) - ToRational(*base)) *
                                                   (year - base_year) / (next->year - base_year);
  const int places = std::max(goal.value.scale(), base->scale()) + 2;
  const std::optional<Decimal> shown = evaluation::RoundRational(planned, places, Rounding::kHalfUp);
  if (!shown) return std::nullopt;
  progress.planned = *shown;
  if (value != nullptr && value->kind == ReportKind::kNumber) {
    const Rational reached = ToRational(value->number);
    const bool floor = goal.comparator == Comparator::kAtLeast || goal.comparator == Comparator::kAbove;
    progress.on_track = floor ? reached >= planned : reached <= planned;
  }
  return progress;
}

ActionsReport BuildActionsReport(const ActionsRequest& request) {
  ActionsReport report;
  const Framework& framework = *request.framework;
  report.assessed = request.framework;
  report.framework = framework.name();
  report.year = request.year;
  report.as_of = request.as_of ? request.as_of : std::optional<Date>(Date{request.year, 12, 31});

  // The city's values: its own, else aggregated from its units.
  const AggregationResult aggregated = AggregateUp(framework, *request.observations, request.year);
  const Observations& observations = *aggregated.observations;
  AssessOptions in_force;
  in_force.targets = TargetChoice::kInForce;
  const Assessment all = Assess(request.framework, aggregated.observations, request.year, in_force);
  std::vector<std::size_t> listed;
  const std::shared_ptr<const std::vector<std::int32_t>> listing = observations.ListingRanks();
  const std::vector<std::int32_t>& name_ranks = *listing;
  std::vector<std::size_t> order(all.unit_count());
  for (std::size_t u = 0; u < order.size(); ++u) order[u] = u;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return name_ranks[all.units()[a]] < name_ranks[all.units()[b]];
  });
  // The units a selection names: assessed alike, so their verdicts are the same.
  std::vector<bool> chosen(all.unit_count(), !Selected(request.options));
  if (Selected(request.options)) {
    AssessOptions options = request.options;
    options.targets = TargetChoice::kInForce;
    const Assessment selection = Assess(request.framework, aggregated.observations, request.year,
                                        options);
    for (UnitId id : selection.units()) chosen[id] = true;  // all.units() are 0 .. n-1
  }
  // The city: the one unit without a parent, or, among several, the one an
  // organisation's committee is for.  Several and none named: no city, said
  // so, rather than one county's figures shown as the city's.
  std::vector<std::size_t> roots;
  for (std::size_t u : order) {
    if (!observations.parent(all.units()[u]).has_value()) roots.push_back(u);
  }
  std::optional<std::size_t> city;
  if (roots.size() == 1) city = roots.front();
  for (std::size_t u : roots) {
    const std::string& name = observations.unit_name(all.units()[u]);
    if (roots.size() > 1 && request.organisation && request.organisation->FindCommittee(name)) city = u;
  }
  if (!city && roots.size() > 1) {
    report.notes.push_back(text::StrCat("数据中有 ", roots.size(),
                                        " 个没有上级的单位，无法确定全市的值；请给出辖区关系（--units）"));
  }
  for (std::size_t u : order) {
    if (chosen[u] && (Selected(request.options) || u != city)) listed.push_back(u);
  }
  for (std::size_t u : listed) report.units.push_back(observations.unit_name(all.units()[u]));
  if (city) report.city = observations.unit_name(all.units()[*city]);

  // The working groups: action -> lead department.
  std::map<std::string, std::string> leads;
  if (request.organisation) {
    for (const Committee& committee : request.organisation->committees) {
      for (const WorkingGroup& group : committee.working_groups) {
        leads.emplace(group.action, group.lead_department);
      }
    }
    const ActionGroupMismatch mismatch = MatchActionsAndGroups(framework, *request.organisation);
    for (const WorkingGroup& group : mismatch.groups_without_action) {
      report.notes.push_back(text::StrCat("工作组“", group.action, "”（牵头 ", group.lead_department,
                                          "）的专项行动不在框架中"));
    }
    for (const std::string& action : mismatch.actions_without_group) {
      report.notes.push_back(text::StrCat("专项行动“", action, "”没有工作组"));
    }
  }

  // The overall goals first, then the actions in framework order.
  std::vector<std::string> names = {""};
  for (const SpecialAction& action : framework.actions()) names.push_back(action.name);
  const std::vector<Indicator>& indicators = framework.indicators();
  for (const std::string& name : names) {
    if (request.action && *request.action != name) continue;
    ActionReport action;
    action.action = name;
    if (const auto lead = leads.find(name); lead != leads.end()) action.lead_department = lead->second;
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      if (indicators[i].action == name) members.push_back(i);
    }
    if (name.empty() && members.empty()) continue;
    std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      return CategoryOrder(indicators[a]) < CategoryOrder(indicators[b]);
    });
    for (std::size_t i : members) {
      ActionIndicator entry;
      entry.indicator = &indicators[i];
      for (std::size_t u : listed) {
        entry.units.emplace_back(observations.unit_name(all.units()[u]), all.Explain(u, i));
      }
      if (city) {
        entry.city = all.Explain(*city, i);
        const std::string& city_name = report.city;
        for (const AggregationNote& note : aggregated.notes) {
          if (note.unit == city_name && note.key == indicators[i].number) entry.city_note = note.reason;
        }
      }
      entry.progress = report_parts::ProgressOf(indicators[i], request.year,
                                                entry.city ? &entry.city->value : nullptr);
      if (entry.city) {
        action.targets_met += entry.city->status == VerdictStatus::kMet;
        action.targets_judged += entry.city->status == VerdictStatus::kMet ||
                                 entry.city->status == VerdictStatus::kNotMet;
      }
      action.indicators.push_back(std::move(entry));
    }
    if (request.organisation && !action.lead_department.empty()) {
      for (const Committee& committee : request.organisation->committees) {
        for (const Meeting& meeting : committee.meetings) {
          for (const Task& task : meeting.tasks) {
            if (task.owner != action.lead_department) continue;
            action.tasks.push_back(ActionTask{
                task.description, task.owner, task.due, task.done, task.StateOn(*report.as_of),
                text::StrCat(MeetingKindName(meeting.kind), " ", meeting.date.ToString())});
          }
        }
      }
    }
    report.actions.push_back(std::move(action));
  }
  return report;
}

std::string ActionsReportJson(const ActionsReport& report) {
  std::string out = text::StrCat("{\"year\": ", report.year, ", \"framework\": ",
                                 JsonString(report.framework), ", \"as_of\": ",
                                 JsonString(report.as_of ? report.as_of->ToString() : ""),
                                 ", \"city\": ",
                                 report.city.empty() ? std::string("null") : JsonString(report.city));
  out += ", \"actions\": [";
  for (std::size_t a = 0; a < report.actions.size(); ++a) {
    const ActionReport& action = report.actions[a];
    text::StrAppend(&out, a > 0 ? "," : "", "\n  {\"action\": ", JsonString(action.action),
                    ", \"lead_department\": ", JsonString(action.lead_department),
                    ", \"targets_met\": ", action.targets_met, ", \"targets_judged\": ",
                    action.targets_judged, ", \"indicators\": [");
    for (std::size_t i = 0; i < action.indicators.size(); ++i) {
      const ActionIndicator& entry = action.indicators[i];
      text::StrAppend(&out, i > 0 ? "," : "", "\n    {\"indicator\": ",
                      JsonString(entry.indicator->number), ", \"name\": ",
                      JsonString(entry.indicator->name), ", \"category\": ",
                      entry.indicator->category ? JsonString(CategoryName(*entry.indicator->category))
                                                : std::string("null"),
                      ", \"city\": ");
      if (entry.city) {
        AppendVerdictJson(out, *entry.city);
      } else {
        out += "null";
      }
      text::StrAppend(&out, ", \"city_note\": ", JsonString(entry.city_note));
      out += ", \"progress\": ";
      if (entry.progress) {
        const Progress& p = *entry.progress;
        text::StrAppend(&out, "{\"baseline_year\": ", p.baseline_year, ", \"baseline\": ",
                        JsonString(p.baseline.ToString()), ", \"target_year\": ", p.target_year,
                        ", \"target\": ", JsonString(p.target.ToString()), ", \"planned\": ",
                        JsonString(p.planned.ToString()), ", \"on_track\": ",
                        !p.on_track ? "null" : *p.on_track ? "true" : "false", "}");
      } else {
        out += "null";
      }
      out += ", \"units\": [";
      for (std::size_t u = 0; u < entry.units.size(); ++u) {
        text::StrAppend(&out, u > 0 ? ", " : "", "{\"unit\": ", JsonString(entry.units[u].first),
                        ", \"verdict\": ");
        AppendVerdictJson(out, entry.units[u].second);
        out += "}";
      }
      out += "]}";
    }
    out += "], \"tasks\": [";
    for (std::size_t t = 0; t < action.tasks.size(); ++t) {
      const ActionTask& task = action.tasks[t];
      text::StrAppend(&out, t > 0 ? ", " : "", "{\"description\": ", JsonString(task.description),
                      ", \"owner\": ", JsonString(task.owner), ", \"due\": ",
                      JsonString(task.due.ToString()), ", \"done\": ",
                      task.done ? JsonString(task.done->ToString()) : std::string("null"),
                      ", \"state\": ", JsonString(TaskStateKey(task.state)), ", \"meeting\": ",
                      JsonString(task.meeting), "}");
    }
    out += "]}";
  }
  out += "\n], \"notes\": [";
  for (std::size_t k = 0; k < report.notes.size(); ++k) {
    text::StrAppend(&out, k > 0 ? ", " : "", JsonString(report.notes[k]));
  }
  out += "]}\n";
  return out;
}

std::string report_parts::ProgressText(const ActionsReport& report, const ActionIndicator& entry) {
  if (!entry.progress) return "—";
  const Progress& p = *entry.progress;
  return text::StrCat(p.baseline_year, "年 ", p.baseline.ToString(), " → ", p.target_year, "年 ",
                      p.target.ToString(), "，", report.year, "年应达 ", p.planned.ToString(),
                      !p.on_track ? "" : *p.on_track ? "，进度达标" : "，进度滞后");
}

namespace {

using report_parts::ProgressText;

std::string CityText(const ActionIndicator& entry) {
  if (!entry.city) return "—";
  const std::string value = ValueText(*entry.city);
  return text::StrCat(value.empty() ? "" : value + " ", report_parts::StatusWord(entry.city->status),
                      entry.city_note.empty() ? "" : "（" + entry.city_note + "）");
}

std::string ActionTitle(const ActionReport& action) {
  return action.action.empty() ? "规划主要目标（不属于专项行动）" : action.action;
}

std::string TargetsText(const ActionReport& action) {
  return text::StrCat("全市目标达成 ", action.targets_met, "/", action.targets_judged, " 项",
                      action.targets_judged > 0 && action.targets_met == action.targets_judged
                          ? "，目标全部实现"
                          : "");
}

}  // namespace

std::vector<Sheet> ActionsReportSheets(const ActionsReport& report) {
  Sheet indicators{"专项行动", {{"专项行动", "牵头部门", "指标", "指标名称", "类别", "单位", "结论",
                                 "值", "目标", "说明", "进度"}}};
  Sheet tasks{"任务", {{"专项行动", "任务", "负责", "会议", "期限", "完成", "状态"}}};
  for (const ActionReport& action : report.actions) {
    for (const ActionIndicator& entry : action.indicators) {
      const auto row = [&](const std::string& unit, const Verdict& v, const std::string& progress) {
        indicators.rows.push_back({ActionTitle(action), action.lead_department, entry.indicator->number,
                                   entry.indicator->name, std::string(CategoryWord(*entry.indicator)),
                                   unit, std::string(report_parts::StatusWord(v.status)), ValueText(v),
                                   TargetText(v), ReasonText(v), progress});
      };
      if (entry.city) row(report.city, *entry.city, ProgressText(report, entry));
      for (const auto& [unit, verdict] : entry.units) row(unit, verdict, "");
    }
    for (const ActionTask& task : action.tasks) {
      tasks.rows.push_back({ActionTitle(action), task.description, task.owner, task.meeting,
                            task.due.ToString(), task.done ? task.done->ToString() : "",
                            std::string(TaskStateName(task.state))});
    }
  }
  return {std::move(indicators), std::move(tasks)};
}

std::string ActionsReportMarkdown(const ActionsReport& report) {
  using report_parts::StatusWord;
  std::string out = text::StrCat("# ", escape::Markdown(report.framework), " ", report.year, "年度专项行动实施进展专题报告\n");
  if (!report.city.empty()) {
    text::StrAppend(&out, "\n全市值：", escape::Markdown(report.city), "（自报，否则由所辖单位汇总）。");
  }
  if (report.as_of) text::StrAppend(&out, "任务统计截至 ", report.as_of->ToString(), "。\n");
  for (const std::string& note : report.notes) text::StrAppend(&out, "\n> ", escape::Markdown(note), "\n");
  for (const ActionReport& action : report.actions) {
    text::StrAppend(&out, "\n## ", escape::Markdown(ActionTitle(action)), "\n\n");
    if (!action.action.empty()) {
      text::StrAppend(&out, "牵头部门：", action.lead_department.empty() ? "（未设工作组）" : escape::Markdown(action.lead_department),
                      "。");
    }
    text::StrAppend(&out, TargetsText(action), "。\n\n| 类别 | 指标 | 目标 | 全市 | 进度 |");
    for (const std::string& unit : report.units) text::StrAppend(&out, " ", escape::Markdown(unit), " |");
    out += "\n| --- | --- | --- | --- | --- |";
    for (std::size_t k = 0; k < report.units.size(); ++k) out += " --- |";
    out += "\n";
    for (const ActionIndicator& entry : action.indicators) {
      const std::string target = entry.city ? TargetText(*entry.city) : "";
      text::StrAppend(&out, "| ", CategoryWord(*entry.indicator), " | ", entry.indicator->number, " ",
                      escape::Markdown(entry.indicator->name), " | ", target.empty() ? "—" : target, " | ",
                      CityText(entry), " | ", ProgressText(report, entry), " |");
      for (const auto& [unit, verdict] : entry.units) {
        const std::string value = ValueText(verdict);
        text::StrAppend(&out, " ", value.empty() ? "" : value + " ", StatusWord(verdict.status), " |");
      }
      out += "\n";
    }
    if (!action.tasks.empty()) {
      out += "\n任务：\n\n";
      for (const ActionTask& task : action.tasks) {
        text::StrAppend(&out, "- ", escape::Markdown(task.description), "（", escape::Markdown(task.meeting), "，期限 ", task.due.ToString(),
                        task.done ? text::StrCat("，完成 ", task.done->ToString()) : "", "）：",
                        TaskStateName(task.state), "\n");
      }
    }
  }
  return out;
}

}  // namespace healthact
