// The departments' assessment as a report (departments_report.hpp).
#include "healthact/report/departments_report.hpp"

#include "core/escape.hpp"
#include "core/strings.hpp"
#include "report/report_parts.hpp"

namespace healthact {
namespace {

using escape::JsonString;

std::string OptionalJson(const std::optional<Decimal>& value) {
  return value ? JsonString(value->ToString()) : std::string("null");
}

std::string OptionalText(const std::optional<Decimal>& value) {
  return value ? value->ToString() : std::string("—");
}

std::string MeetingText(const DepartmentTask& task) {
  return text::StrCat(MeetingKindName(task.meeting->kind), " ", task.meeting->date.ToString());
}

std::string CreditText(const DepartmentTask& task) {
  return task.credit ? task.credit->ToString() : std::string("不计");
}

// "任务 60、行动指标 40；任务得分 按期完成 100、逾期完成 60、逾期未完成 0（进行中不计）"
std::string RuleText(const DepartmentRule& rule) {
  return text::StrCat(DepartmentPartName(DepartmentPart::kTasks), " ", rule.task_weight.ToString(),
                      "、", DepartmentPartName(DepartmentPart::kActionIndicators), " ",
                      rule.indicator_weight.ToString(), "；任务得分 ", TaskStateName(TaskState::kDone),
                      " ", rule.done.ToString(), "、", TaskStateName(TaskState::kDoneLate), " ",
                      rule.done_late.ToString(), "、", TaskStateName(TaskState::kOverdue), " ",
                      rule.overdue.ToString(), "（", TaskStateName(TaskState::kOpen), "不计）");
}

std::string RankText(const DepartmentResult& result) {
  return result.rank > 0 ? std::to_string(result.rank) : std::string("—");
}

std::string ActionsText(const DepartmentResult& result) {
  std::string out;
  for (const std::string& action : result.actions) text::StrAppend(&out, out.empty() ? "" : "、", action);
  return out.empty() ? "—" : out;
}

}  // namespace

std::string DepartmentsJson(const DepartmentAssessment& a) {
  const DepartmentRule& rule = a.rule;
  std::string out = text::StrCat(
      "{\"framework\": ", JsonString(a.framework->name()), ", \"committee\": ", JsonString(a.committee),
      ", \"city\": ", JsonString(a.city), ", \"year\": ", a.year, ", \"as_of\": ",
      JsonString(a.as_of.ToString()), ",\n \"rule\": {\"tasks\": ", JsonString(rule.task_weight.ToString()),
      ", \"action_indicators\": ", JsonString(rule.indicator_weight.ToString()),
      ", \"credit\": {\"done\": ", JsonString(rule.done.ToString()), ", \"done_late\": ",
      JsonString(rule.done_late.ToString()), ", \"overdue\": ", JsonString(rule.overdue.ToString()),
      "}},\n \"departments\": [");
  for (std::size_t d = 0; d < a.departments.size(); ++d) {
    const DepartmentResult& r = a.departments[d];
    text::StrAppend(&out, d > 0 ? "," : "", "\n  {\"department\": ", JsonString(r.department),
                    ", \"rank\": ", r.rank > 0 ? std::to_string(r.rank) : std::string("null"),
                    ", \"score\": ", OptionalJson(r.score), ", \"grade\": ", JsonString(r.grade),
                    ", \"task_score\": ", OptionalJson(r.task_score), ", \"indicator_score\": ",
                    OptionalJson(r.indicator_score), ", \"tasks_judged\": ", r.tasks_judged,
                    ", \"indicators_judged\": ", r.indicators_judged, ", \"actions\": [");
    for (std::size_t k = 0; k < r.actions.size(); ++k) {
      text::StrAppend(&out, k > 0 ? ", " : "", JsonString(r.actions[k]));
    }
    out += "], \"tasks\": [";
    for (std::size_t k = 0; k < r.tasks.size(); ++k) {
      const DepartmentTask& t = r.tasks[k];
      text::StrAppend(&out, k > 0 ? "," : "", "\n    {\"description\": ", JsonString(t.task->description),
                      ", \"meeting\": ", JsonString(MeetingText(t)), ", \"due\": ",
                      JsonString(t.task->due.ToString()), ", \"done\": ",
                      t.task->done ? JsonString(t.task->done->ToString()) : std::string("null"),
                      ", \"state\": ", JsonString(TaskStateKey(t.state)), ", \"credit\": ",
                      OptionalJson(t.credit), "}");
    }
    out += "], \"indicators\": [";
    for (std::size_t k = 0; k < r.indicators.size(); ++k) {
      const DepartmentIndicator& i = r.indicators[k];
      text::StrAppend(&out, k > 0 ? "," : "", "\n    {\"indicator\": ", JsonString(i.indicator->number),
                      ", \"name\": ", JsonString(i.indicator->name), ", \"action\": ",
                      JsonString(i.indicator->action), ", \"status\": ",
                      JsonString(VerdictStatusName(i.city.status)), ", \"value\": ",
                      JsonString(ValueText(i.city)), ", \"target\": ", JsonString(TargetText(i.city)),
                      ", \"reason\": ", JsonString(ReasonText(i.city)), ", \"counts\": ",
                      i.counts ? "true" : "false", ", \"credit\": ", JsonString(i.credit.ToString()),
                      ", \"note\": ", JsonString(i.note), "}");
    }
    out += "]}";
  }
  out += "\n]}\n";
  return out;
}

std::string DepartmentsMarkdown(const DepartmentAssessment& a) {
  std::string out = text::StrCat("# ", escape::Markdown(a.committee), " ", a.year, "年度部门考核\n\n框架：",
                                 escape::Markdown(a.framework->name()), "。规则：", RuleText(a.rule), "。任务为期限在 ",
                                 a.year, " 年内者，状态截至 ", a.as_of.ToString(),
                                 "；行动指标按 ", a.city, " 的数值判定（自报，否则由所辖单位汇总）。\n\n");
  out += "| 名次 | 部门 | 总分 | 等级 | 任务得分 | 行动指标得分 | 牵头专项行动 |\n"
         "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const DepartmentResult& r : a.departments) {
    text::StrAppend(&out, "| ", RankText(r), " | ", escape::Markdown(r.department), " | ", OptionalText(r.score), " | ",
                    r.grade.empty() ? "—" : escape::Markdown(r.grade), " | ", OptionalText(r.task_score), "（",
                    r.tasks_judged, " 项）| ", OptionalText(r.indicator_score), "（", r.indicators_judged,
                    " 项）| ", escape::Markdown(ActionsText(r)), " |\n");
  }
  for (const DepartmentResult& r : a.departments) {
    text::StrAppend(&out, "\n## ", escape::Markdown(r.department), "\n");
    if (!r.score) out += "\n本年度无可考核的任务或指标，不参加排名。\n";
    if (!r.tasks.empty()) {
      out += "\n| 任务 | 会议 | 期限 | 完成 | 状态 | 得分 |\n| --- | --- | --- | --- | --- | --- |\n";
      for (const DepartmentTask& t : r.tasks) {
        text::StrAppend(&out, "| ", escape::Markdown(t.task->description), " | ", MeetingText(t), " | ",
                        t.task->due.ToString(), " | ", t.task->done ? t.task->done->ToString() : "—",
                        " | ", TaskStateName(t.state), " | ", CreditText(t), " |\n");
      }
    }
    if (!r.indicators.empty()) {
      out += "\n| 专项行动 | 指标 | 目标 | 全市 | 结论 | 得分 |\n| --- | --- | --- | --- | --- | --- |\n";
      for (const DepartmentIndicator& i : r.indicators) {
        const std::string value = ValueText(i.city);
        const std::string target = TargetText(i.city);
        text::StrAppend(&out, "| ", escape::Markdown(i.indicator->action), " | ", i.indicator->number, " ",
                        escape::Markdown(i.indicator->name), " | ", target.empty() ? "—" : target, " | ",
                        value.empty() ? "—" : value, " | ", report_parts::StatusWord(i.city.status),
                        i.note.empty() ? "" : text::StrCat("（", i.note, "）"), " | ",
                        i.counts ? i.credit.ToString() : std::string("不计"), " |\n");
      }
    }
  }
  return out;
}

std::vector<Sheet> DepartmentsSheets(const DepartmentAssessment& a) {
  Sheet ranking{"部门考核", {{"名次", "部门", "总分", "等级", "任务得分", "任务数", "行动指标得分",
                              "指标数", "牵头专项行动"}}};
  Sheet tasks{"部门任务", {{"部门", "任务", "会议", "期限", "完成", "状态", "得分"}}};
  Sheet indicators{"部门指标", {{"部门", "专项行动", "指标", "指标名称", "结论", "值", "目标", "说明",
                                  "得分"}}};
  for (const DepartmentResult& r : a.departments) {
    ranking.rows.push_back({r.rank > 0 ? std::to_string(r.rank) : "", r.department,
                            r.score ? r.score->ToString() : "", r.grade,
                            r.task_score ? r.task_score->ToString() : "", std::to_string(r.tasks_judged),
                            r.indicator_score ? r.indicator_score->ToString() : "",
                            std::to_string(r.indicators_judged), ActionsText(r)});
    for (const DepartmentTask& t : r.tasks) {
      tasks.rows.push_back({r.department, t.task->description, MeetingText(t), t.task->due.ToString(),
                            t.task->done ? t.task->done->ToString() : "",
                            std::string(TaskStateName(t.state)), t.credit ? t.credit->ToString() : ""});
    }
    for (const DepartmentIndicator& i : r.indicators) {
      indicators.rows.push_back({r.department, i.indicator->action, i.indicator->number,
                                 i.indicator->name, std::string(report_parts::StatusWord(i.city.status)),
                                 ValueText(i.city), TargetText(i.city), ReasonText(i.city),
                                 i.counts ? i.credit.ToString() : ""});
    }
  }
  return {std::move(ranking), std::move(tasks), std::move(indicators)};
}

}  // namespace healthact
