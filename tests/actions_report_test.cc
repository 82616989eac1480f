// The working groups' annual reports: expectations worked out by hand from
// the example data, frameworks and organisations.
#include <filesystem>

#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/report/actions_report.hpp"
#include "healthact/report/overall_report.hpp"
#include "healthact/report/report.hpp"
#include "healthact/spreadsheet/xlsx.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

namespace fs = std::filesystem;
using ::healthact::testing::ReadTextFile;

const fs::path kExamples = fs::path(HEALTHACT_SOURCE_DIR) / "examples";

std::shared_ptr<const Framework> Framework(const std::string& name) {
  ParsedFramework parsed = ParseFramework(ReadTextFile((kExamples / name).string()), name);
  EXPECT_TRUE(parsed.ok());
  return parsed.framework;
}

std::shared_ptr<const Organisation> Organisation(const std::string& name) {
  ParsedOrganisation parsed = ParseOrganisation(ReadTextFile((kExamples / name).string()), name);
  EXPECT_TRUE(parsed.ok());
  return parsed.organisation;
}

ActionsRequest Zhangye(const std::string& action) {
  ActionsRequest request;
  request.framework = Framework("zhangye.ha");
  auto observations = std::make_shared<Observations>();
  EXPECT_TRUE(ReadUnitsCsv(ReadTextFile((kExamples / "zhangye-units.csv").string()), "units.csv",
                           *observations)
                  .empty());
  EXPECT_FALSE(HasErrors(ReadObservationsCsv(
      ReadTextFile((kExamples / "zhangye-counties-2020-2022.csv").string()), "data.csv",
      request.framework.get(), *observations)));
  request.observations = observations;
  request.year = 2022;
  request.organisation = Organisation("zhangye.org.ha");
  request.action = action;
  return request;
}

std::vector<std::string> Numbers(const ActionReport& action) {
  std::vector<std::string> numbers;
  for (const ActionIndicator& entry : action.indicators) numbers.push_back(entry.indicator->number);
  return numbers;
}

VerdictStatus StatusOf(const ActionIndicator& entry, const std::string& unit) {
  for (const auto& [name, verdict] : entry.units) {
    if (name == unit) return verdict.status;
  }
  ADD_FAILURE() << "no unit " << unit;
  return VerdictStatus::kMissing;
}

TEST(ActionsReport, ZhangyeMaternalAndChildHealth) {
  const ActionsReport report = BuildActionsReport(Zhangye("妇幼健康促进行动"));
  ASSERT_EQ(report.actions.size(), 1u);
  const ActionReport& action = report.actions[0];
  EXPECT_EQ(action.lead_department, "市卫生健康委");
  // Outcomes (2, 3, 4: mortality) before the government's work (13, 14, 15).
  EXPECT_EQ(Numbers(action), (std::vector<std::string>{"2", "3", "4", "13", "14", "15"}));
  EXPECT_EQ(action.indicators[0].indicator->category, Category::kOutcome);
  EXPECT_EQ(action.indicators[3].indicator->category, Category::kGovernmentWork);
  // 婴儿死亡率 ≤6: 临泽 5.79 and 甘州 3.84 met, 山丹 6.16 and 高台 6.39 not,
  // 肃南 6.05 invalid (5岁以下 5.82 below it breaks [3] ≥ [2]).
  const ActionIndicator& infants = action.indicators[0];
  EXPECT_EQ(StatusOf(infants, "临泽县"), VerdictStatus::kMet);
  EXPECT_EQ(StatusOf(infants, "甘州区"), VerdictStatus::kMet);
  EXPECT_EQ(StatusOf(infants, "山丹县"), VerdictStatus::kNotMet);
  EXPECT_EQ(StatusOf(infants, "高台县"), VerdictStatus::kNotMet);
  EXPECT_EQ(StatusOf(infants, "肃南裕固族自治县"), VerdictStatus::kInvalid);
  // 产前筛查率 ≥75: 临泽 70.5 is short of it.
  EXPECT_EQ(StatusOf(action.indicators[3], "临泽县"), VerdictStatus::kNotMet);
  // The city reports nothing and its counties' rates carry no weight: no
  // city value, and the report says why; no target is judged for the city.
  ASSERT_TRUE(infants.city.has_value());
  EXPECT_EQ(infants.city->status, VerdictStatus::kMissing);
  EXPECT_FALSE(infants.city_note.empty());
  EXPECT_EQ(action.targets_judged, 0);
  EXPECT_FALSE(infants.progress.has_value());  // Zhangye's table states no baseline
  // The health commission's tasks: one done on time, one still open at the
  // year's end (due 2023-01-31).
  ASSERT_EQ(action.tasks.size(), 2u);
  EXPECT_EQ(action.tasks[0].description, "制定县区考核细则");
  EXPECT_EQ(action.tasks[0].state, TaskState::kDone);
  EXPECT_EQ(action.tasks[1].description, "汇总各县区2022年监测数据");
  EXPECT_EQ(action.tasks[1].state, TaskState::kOpen);
}

TEST(ActionsReport, ZhangyeSchoolHealthAndItsOverdueTask) {
  ActionsRequest request = Zhangye("中小学健康促进行动");
  const ActionsReport report = BuildActionsReport(request);
  ASSERT_EQ(report.actions.size(), 1u);
  const ActionReport& action = report.actions[0];
  EXPECT_EQ(action.lead_department, "市教育局");
  EXPECT_EQ(Numbers(action), (std::vector<std::string>{"16", "17", "18", "19", "20"}));
  // 16 ≥55: 甘州 58.8 met, 临泽 48.3 not.  17 (100, higher is better): 临泽
  // 100 met, 甘州 99 not.  18 ≥1 hour: both 0.8, not met.  20 ≥85: 临泽 94.9.
  EXPECT_EQ(StatusOf(action.indicators[0], "甘州区"), VerdictStatus::kMet);
  EXPECT_EQ(StatusOf(action.indicators[0], "临泽县"), VerdictStatus::kNotMet);
  EXPECT_EQ(StatusOf(action.indicators[1], "临泽县"), VerdictStatus::kMet);
  EXPECT_EQ(StatusOf(action.indicators[1], "甘州区"), VerdictStatus::kNotMet);
  EXPECT_EQ(StatusOf(action.indicators[2], "临泽县"), VerdictStatus::kNotMet);
  EXPECT_EQ(StatusOf(action.indicators[2], "甘州区"), VerdictStatus::kNotMet);
  EXPECT_EQ(StatusOf(action.indicators[4], "临泽县"), VerdictStatus::kMet);
  // The education bureau's task, due 2022-09-30 and not done: overdue at the
  // year's end, open on 2022-09-01.
  ASSERT_EQ(action.tasks.size(), 1u);
  EXPECT_EQ(action.tasks[0].description, "建立学生体质健康监测数据报送机制");
  EXPECT_EQ(action.tasks[0].state, TaskState::kOverdue);
  request.as_of = Date{2022, 9, 1};
  EXPECT_EQ(BuildActionsReport(request).actions[0].tasks[0].state, TaskState::kOpen);
  const std::string json = ActionsReportJson(report);
  EXPECT_NE(json.find("\"action\": \"中小学健康促进行动\", \"lead_department\": \"市教育局\""),
            std::string::npos);
  EXPECT_NE(json.find("\"state\": \"overdue\""), std::string::npos);
}

// Liuzhou's framework has baselines (2019): 居民健康素养水平 18.8 toward ≥22
// in 2022.  On the straight line, 2021 should reach 18.8 + 3.2 × 2/3 =
// 20.9333…, shown as 20.933.
TEST(ActionsReport, LiuzhouHealthLiteracyOnItsPathToTheTarget) {
  ActionsRequest request;
  request.framework = Framework("liuzhou.ha");
  auto observations = std::make_shared<Observations>();
  const std::string data =
      "unit,indicator,year,value\n柳州市,6,2021,21.2\n柳州市,11,2021,实现\n柳州市,12,2021,未建立\n"
      "柳南区,6,2021,21.0\n鱼峰区,6,2021,20.0\n";
  EXPECT_TRUE(ReadUnitsCsv("unit,parent,level\n柳州市,,市\n柳南区,柳州市,县区\n鱼峰区,柳州市,县区\n",
                           "units.csv", *observations)
                  .empty());
  EXPECT_FALSE(HasErrors(ReadObservationsCsv(data, "data.csv", request.framework.get(), *observations)));
  request.observations = observations;
  request.year = 2021;
  request.organisation = Organisation("liuzhou.org.ha");
  request.action = "健康知识普及行动";
  const ActionsReport report = BuildActionsReport(request);
  ASSERT_EQ(report.actions.size(), 1u);
  const ActionReport& action = report.actions[0];
  EXPECT_EQ(action.lead_department, "市卫生健康委");
  EXPECT_EQ(Numbers(action), (std::vector<std::string>{"6", "11", "12"}));
  EXPECT_EQ(report.city, "柳州市");
  // 2021 has no target of its own: the 2022 target ≥22 is the one in force.
  const ActionIndicator& literacy = action.indicators[0];
  ASSERT_TRUE(literacy.city.has_value());
  EXPECT_EQ(literacy.city->status, VerdictStatus::kNotMet);  // 21.2 < 22
  EXPECT_EQ(StatusOf(literacy, "柳南区"), VerdictStatus::kNotMet);
  ASSERT_TRUE(literacy.progress.has_value());
  EXPECT_EQ(literacy.progress->planned.ToString(), "20.933");
  EXPECT_EQ(literacy.progress->on_track, std::optional<bool>(true));  // 21.2 ≥ 20.933
  // 11 实现 met, 12 未建立 not met: one of three targets met by the city.
  EXPECT_EQ(action.indicators[1].city->status, VerdictStatus::kMet);
  EXPECT_EQ(action.indicators[2].city->status, VerdictStatus::kNotMet);
  EXPECT_EQ(action.targets_met, 1);
  EXPECT_EQ(action.targets_judged, 3);
  EXPECT_TRUE(action.tasks.empty());  // the Liuzhou organisation records no meeting
  // A county short of the planned value would be behind: 20.0 < 20.933.
  auto behind = std::make_shared<Observations>(*observations);
  ASSERT_TRUE(behind->Replace(*behind->FindUnit("柳州市"), "6", 2021,
                              Reported{ReportKind::kNumber, *Decimal::Parse("20.9")})
                  .ok());
  request.observations = behind;
  EXPECT_EQ(BuildActionsReport(request).actions[0].indicators[0].progress->on_track,
            std::optional<bool>(false));
}

// The workbook reads back: 专项行动 (the city's row, then each unit's, per
// indicator) and 任务.
TEST(ActionsReport, XlsxReadsBack) {
  if (!SpreadsheetSupported()) GTEST_SKIP() << "built without .xlsx support";
  const ActionsReport report = BuildActionsReport(Zhangye("中小学健康促进行动"));
  const fs::path path = fs::temp_directory_path() / "healthact-actions-test.xlsx";
  ASSERT_TRUE(WriteXlsx(ActionsReportSheets(report), path.string()).ok());
  const absl::StatusOr<std::vector<Sheet>> sheets = ReadXlsx(ReadTextFile(path.string()));
  fs::remove(path);
  ASSERT_TRUE(sheets.ok()) << sheets.status();
  ASSERT_EQ(sheets->size(), 2u);
  const Sheet& indicators = (*sheets)[0];
  EXPECT_EQ(indicators.name, "专项行动");
  // 5 indicators × (张掖市 + 6 counties), and the header.
  ASSERT_EQ(indicators.rows.size(), 1u + 5 * 7);
  EXPECT_EQ(indicators.rows[1][0], "中小学健康促进行动");
  EXPECT_EQ(indicators.rows[1][1], "市教育局");
  EXPECT_EQ(indicators.rows[1][2], "16");
  EXPECT_EQ(indicators.rows[1][5], "张掖市");
  // The units in the units file's order: 甘州区 first, then 肃南, 民乐, 临泽.
  EXPECT_EQ(indicators.rows[2][5], "甘州区");
  EXPECT_EQ(indicators.rows[2][6], "达标");  // 58.8 ≥ 55
  EXPECT_EQ(indicators.rows[5][5], "临泽县");
  EXPECT_EQ(indicators.rows[5][6], "未达标");  // 48.3 < 55
  const Sheet& tasks = (*sheets)[1];
  EXPECT_EQ(tasks.name, "任务");
  ASSERT_EQ(tasks.rows.size(), 2u);
  EXPECT_EQ(tasks.rows[1][1], "建立学生体质健康监测数据报送机制");
  EXPECT_EQ(tasks.rows[1][6], "逾期未完成");
}

// The office's overall report, composed from the group reports and the
// ranking.  妇幼健康促进行动's 36 county verdicts, counted by hand from the
// six counties' figures: 婴儿死亡率 3 met, 2 not, 1 invalid (肃南); 5岁以下
// 4, 1 (民乐 8.94), 1 (肃南); 孕产妇 4, 1 (肃南 16.4), 1 (山丹 -0.7); 产前
// 5, 1 (临泽 70.5); 新生儿 3, 3; 宫颈癌和乳腺癌 2, 4: 21 met, 12 not, 3 invalid.
TEST(OverallReport, SummarisesEachActionAndCategory) {
  ActionsRequest request = Zhangye("");
  request.action.reset();
  AssessOptions counties;
  counties.level = UnitLevel::kCounty;
  const Assessment assessment = Assess(request.framework, request.observations, 2022, counties);
  const OverallReport report =
      BuildOverallReport(BuildActionsReport(request), BuildAssessmentReport(assessment, nullptr));
  EXPECT_EQ(report.title, "健康张掖行动考核指标框架 2022年度总体监测评估报告");
  ASSERT_EQ(report.actions.size(), 16u);  // the overall goals and the 15 actions
  EXPECT_EQ(report.actions[0].action, "");
  EXPECT_EQ(report.actions[0].indicators, 4);  // 1, 8, 9, 10
  const ActionSummary* maternal = nullptr;
  const ActionSummary* school = nullptr;
  for (const ActionSummary& s : report.actions) {
    if (s.action == "妇幼健康促进行动") maternal = &s;
    if (s.action == "中小学健康促进行动") school = &s;
  }
  ASSERT_NE(maternal, nullptr);
  ASSERT_NE(school, nullptr);
  EXPECT_EQ(maternal->indicators, 6);
  EXPECT_EQ(maternal->units.met, 21);
  EXPECT_EQ(maternal->units.not_met, 12);
  EXPECT_EQ(maternal->units.invalid, 3);
  EXPECT_EQ(maternal->tasks_overdue, 0);
  EXPECT_EQ(school->tasks_overdue, 1);
  EXPECT_EQ(school->tasks_total, 1);
  // 13 outcome indicators (1–10, 16, 21, 26) and 13 of the government's work.
  ASSERT_EQ(report.categories.size(), 2u);
  EXPECT_EQ(report.categories[0].category, "结果性");
  EXPECT_EQ(report.categories[0].indicators, 13);
  EXPECT_EQ(report.categories[1].category, "政府工作性");
  EXPECT_EQ(report.categories[1].indicators, 13);
  const std::string json = OverallReportJson(report);
  EXPECT_NE(json.find("\"report\": \"overall\""), std::string::npos);
  EXPECT_NE(json.find("\"assessment\": {\"report\": \"assessment\""), std::string::npos);
  EXPECT_NE(json.find("\"groups\": {\"year\": 2022"), std::string::npos);
  const std::string md = OverallReportMarkdown(report);
  EXPECT_NE(md.find("| 妇幼健康促进行动 | 市卫生健康委 | 6 | 0/0 | 达标 21，未达标 12，缺报 0，待公布 0，无效 3，不适用 0 |"),
            std::string::npos);
  EXPECT_NE(md.find("\n## 健康张掖行动考核指标框架 2022年度考核报告"), std::string::npos);
}

// The monitoring report shows the same path on every year: 居民健康素养水平
// from 18.8 (2019) to ≥22 (2022) plans 18.8 + 3.2/3 = 19.8666… (19.867) for
// 2020 and 20.933 for 2021.  柳南区 reported 19.5 then 21.0: behind, then on
// track; both years short of the target in force, 22.
TEST(MonitoringReport, ShowsThePathFromTheBaselineToTheTarget) {
  MonitoringRequest request;
  request.framework = Framework("liuzhou.ha");
  auto observations = std::make_shared<Observations>();
  EXPECT_FALSE(HasErrors(ReadObservationsCsv(
      "unit,indicator,year,value\n柳南区,6,2020,19.5\n柳南区,6,2021,21.0\n", "data.csv",
      request.framework.get(), *observations)));
  request.observations = observations;
  request.years = {2020, 2021};
  const MonitoringReport report = BuildMonitoringReport(request);
  const MonitoredIndicator* literacy = nullptr;
  for (const MonitoredGroup& group : report.groups) {
    for (const MonitoredIndicator& m : group.indicators) {
      if (m.number == "6") literacy = &m;
    }
  }
  ASSERT_NE(literacy, nullptr);
  ASSERT_EQ(literacy->path.size(), 2u);
  EXPECT_EQ(literacy->path[0]->ToString(), "19.867");
  EXPECT_EQ(literacy->path[1]->ToString(), "20.933");
  ASSERT_EQ(literacy->values.size(), 1u);
  EXPECT_EQ(literacy->values[0][0].on_track, std::optional<bool>(false));  // 19.5 < 19.867
  EXPECT_EQ(literacy->values[0][1].on_track, std::optional<bool>(true));   // 21.0 ≥ 20.933
  EXPECT_EQ(literacy->values[0][1].status, VerdictStatus::kNotMet);       // 21.0 < 22
  const std::string md = MonitoringReportMarkdown(report);
  EXPECT_NE(md.find("进度路径（基期到下一目标的直线）：2020年 19.867，2021年 20.933"), std::string::npos);
  EXPECT_NE(md.find("19.5 ✗（滞后）"), std::string::npos);
  EXPECT_NE(md.find("21.0 ✗（按进度）"), std::string::npos);
  EXPECT_NE(MonitoringReportHtml(report).find("<polyline class=\"path\""), std::string::npos);
  // An indicator without a baseline (Zhangye's) has no path.
  for (const MonitoredGroup& group : report.groups) {
    for (const MonitoredIndicator& m : group.indicators) {
      if (m.number == "11") {
        EXPECT_FALSE(m.path[0].has_value());  // 基期 未建立
      }
    }
  }
}

// Every action has a working group and every group an action, or the report
// says which does not.
TEST(ActionsReport, ActionsAndWorkingGroupsAreMatched) {
  ActionsRequest request = Zhangye("健康知识普及行动");
  EXPECT_TRUE(BuildActionsReport(request).notes.empty());  // 15 actions, 15 groups
  const std::string text =
      "框架 \"t\"\n专项行动 \"全民健身行动\"\n专项行动 \"无组行动\"\n"
      "指标 1 \"a\" { 单位 % 专项行动 \"全民健身行动\" 方向 越高越好 目标 2022 ≥1 }\n";
  request.framework = ParseFramework(text, "t.ha").framework;
  ASSERT_NE(request.framework, nullptr);
  request.action.reset();
  const ActionsReport report = BuildActionsReport(request);
  bool action_without_group = false, group_without_action = false;
  for (const std::string& note : report.notes) {
    action_without_group |= note == "专项行动“无组行动”没有工作组";
    group_without_action |= note.find("工作组“控烟行动”") != std::string::npos;
  }
  EXPECT_TRUE(action_without_group);
  EXPECT_TRUE(group_without_action);
}

// Without the jurisdiction tree every county is a top unit: none of them is
// the city.  (Before, the first by name, 临泽县, was shown as the city and
// left out of the units.)
TEST(ActionsReport, SeveralTopUnitsAndNoTreeGiveNoCity) {
  ActionsRequest request = Zhangye("妇幼健康促进行动");
  auto counties = std::make_shared<Observations>();
  EXPECT_FALSE(HasErrors(ReadObservationsCsv(
      ReadTextFile((kExamples / "zhangye-counties-2020-2022.csv").string()), "data.csv",
      request.framework.get(), *counties)));
  request.observations = counties;
  const ActionsReport report = BuildActionsReport(request);
  EXPECT_EQ(report.city, "");
  EXPECT_EQ(report.units.size(), 6u);  // every county, 临泽县 among them
  EXPECT_FALSE(report.actions[0].indicators[0].city.has_value());
  ASSERT_FALSE(report.notes.empty());
  EXPECT_NE(report.notes.back().find("6 个没有上级的单位"), std::string::npos);
  EXPECT_NE(ActionsReportJson(report).find("\"city\": null"), std::string::npos);
  // An organisation whose committee is for one of them makes it the city.
  auto with_city = std::make_shared<Observations>(*counties);
  with_city->AddUnit("张掖市");
  request.observations = with_city;
  EXPECT_EQ(BuildActionsReport(request).city, "张掖市");
}

}  // namespace
}  // namespace healthact
