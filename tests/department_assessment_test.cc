// Departments assessed on their duties (部门考核): the framework's rule as
// written and checked, and results worked out by hand from the Zhangye
// example's organisation (its tasks and working groups) with city figures
// given here.
#include <filesystem>

#include "healthact/assess/department_assessment.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/report/departments_report.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

namespace fs = std::filesystem;
using ::healthact::testing::ReadTextFile;

const fs::path kExamples = fs::path(HEALTHACT_SOURCE_DIR) / "examples";

std::shared_ptr<const Framework> Example(const std::string& name) {
  ParsedFramework parsed = ParseFramework(ReadTextFile((kExamples / name).string()), name);
  EXPECT_TRUE(parsed.ok());
  return parsed.framework;
}

std::shared_ptr<const Organisation> ExampleOrganisation(const std::string& name) {
  ParsedOrganisation parsed = ParseOrganisation(ReadTextFile((kExamples / name).string()), name);
  EXPECT_TRUE(parsed.ok());
  return parsed.organisation;
}

// The city's own 2022 figures: the sports bureau's action (5, 7), the
// education bureau's (16 to 20; 20 not reported) and two of the health
// commission's (2, 3).
constexpr std::string_view kCityFigures =
    "unit,indicator,year,value\n"
    "张掖市,5,2022,92.0\n"   // ≥91.5 met
    "张掖市,7,2022,36.5\n"   // ≥38 not met
    "张掖市,16,2022,56\n"    // ≥55 met
    "张掖市,17,2022,100\n"   // 100 met
    "张掖市,18,2022,1.2\n"   // ≥1 met
    "张掖市,19,2022,65\n"    // ≥70 not met
    "张掖市,2,2022,5.5\n"    // ≤6 met
    "张掖市,3,2022,6.8\n";   // ≤8 met

DepartmentRequest Zhangye() {
  DepartmentRequest request;
  request.framework = Example("zhangye.ha");
  auto observations = std::make_shared<Observations>();
  EXPECT_TRUE(ReadUnitsCsv(ReadTextFile((kExamples / "zhangye-units.csv").string()), "units.csv",
                           *observations)
                  .empty());
  EXPECT_FALSE(HasErrors(
      ReadObservationsCsv(kCityFigures, "city.csv", request.framework.get(), *observations)));
  request.observations = observations;
  request.organisation = ExampleOrganisation("zhangye.org.ha");
  request.year = 2022;
  return request;
}

const DepartmentResult& Find(const DepartmentAssessment& a, const std::string& department) {
  for (const DepartmentResult& r : a.departments) {
    if (r.department == department) return r;
  }
  ADD_FAILURE() << "no department " << department;
  return a.departments.front();
}

Decimal D(const char* text) { return *Decimal::Parse(text); }

TEST(DepartmentRule, IsWrittenInTheFrameworkAndReadBack) {
  const std::shared_ptr<const Framework> zhangye = Example("zhangye.ha");
  ASSERT_TRUE(zhangye->department_rule().has_value());
  const DepartmentRule& rule = *zhangye->department_rule();
  EXPECT_EQ(rule.task_weight, D("60"));
  EXPECT_EQ(rule.indicator_weight, D("40"));
  EXPECT_EQ(rule.CreditOf(TaskState::kDone), D("100"));
  EXPECT_EQ(rule.CreditOf(TaskState::kDoneLate), D("60"));
  EXPECT_EQ(rule.CreditOf(TaskState::kOverdue), D("0"));
  EXPECT_FALSE(rule.CreditOf(TaskState::kOpen).has_value());  // not yet due: not judged
  // The canonical text states the whole rule and reads back the same.
  const std::string text = FormatFramework(*zhangye);
  EXPECT_NE(text.find("部门考核 任务 60\n部门考核 行动指标 40\n任务得分 按期完成 100\n"
                      "任务得分 逾期完成 60\n任务得分 逾期未完成 0\n"),
            std::string::npos);
  const ParsedFramework reread = ParseFramework(text, "canonical.ha");
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(*reread.framework, *zhangye);
}

TEST(DepartmentRule, EnglishSpellingsAndDefaults) {
  // Unstated credits: on time 100, late and overdue nothing.
  const ParsedFramework parsed = ParseFramework(
      "framework \"F\"\ndepartment_weight tasks 70\ndepartment_weight action_indicators 30\n"
      "indicator 1 \"x\" {\n  unit ％\n  target 2022 ≥50\n}\n",
      "f.ha");
  ASSERT_TRUE(parsed.ok()) << ::healthact::testing::DiagnosticsText(parsed);
  const DepartmentRule& rule = *parsed.framework->department_rule();
  EXPECT_EQ(rule.task_weight, D("70"));
  EXPECT_EQ(rule.indicator_weight, D("30"));
  EXPECT_EQ(rule.done, D("100"));
  EXPECT_TRUE(rule.done_late.is_zero());
  EXPECT_TRUE(rule.overdue.is_zero());
}

std::vector<std::string> Errors(std::string_view statements) {
  const std::string text = "框架 \"F\"\n" + std::string(statements) +
                           "指标 1 \"x\" {\n  单位 ％\n  目标 2022 ≥50\n}\n";
  const ParsedFramework parsed = ParseFramework(text, "f.ha");
  std::vector<std::string> found;
  for (const Diagnostic& d : parsed.diagnostics) {
    found.push_back(DiagnosticCodeString(d.code) + " " + std::to_string(d.line) + ":" +
                    std::to_string(d.column));
  }
  return found;
}

TEST(DepartmentRule, MistakesAreRefusedWithTheirPlace) {
  // A part that is not one (E014 at the word).
  EXPECT_EQ(Errors("部门考核 任务 60\n部门考核 指数 40\n"),
            (std::vector<std::string>{"E029 2:6", "E014 3:6"}));
  // Only one part weighed: the other must be stated, 0 if it is left out.
  EXPECT_EQ(Errors("部门考核 任务 60\n"), (std::vector<std::string>{"E029 2:6"}));
  // Both 0.
  EXPECT_EQ(Errors("部门考核 任务 0\n部门考核 行动指标 0\n"), (std::vector<std::string>{"E029 2:6"}));
  // Stated twice, in either language.
  EXPECT_EQ(Errors("部门考核 任务 60\n部门考核 行动指标 40\ndepartment_weight tasks 50\n"),
            (std::vector<std::string>{"E020 4:19"}));
  // A credit above 100, a state that is not judged, lateness rewarded.
  EXPECT_EQ(Errors("部门考核 任务 60\n部门考核 行动指标 40\n任务得分 逾期完成 120\n"),
            (std::vector<std::string>{"E005 4:11"}));
  EXPECT_EQ(Errors("部门考核 任务 60\n部门考核 行动指标 40\n任务得分 进行中 50\n"),
            (std::vector<std::string>{"E014 4:6"}));
  EXPECT_EQ(Errors("部门考核 任务 60\n部门考核 行动指标 40\n任务得分 按期完成 50\n任务得分 逾期完成 80\n"),
            (std::vector<std::string>{"E029 5:6"}));
  // 任务得分 alone is not a rule.
  EXPECT_EQ(Errors("任务得分 逾期完成 50\n"), (std::vector<std::string>{"E029 2:6"}));
}

TEST(DepartmentAssessment, ZhangyeWorkedByHand) {
  const absl::StatusOr<DepartmentAssessment> assessed = AssessDepartments(Zhangye());
  ASSERT_TRUE(assessed.ok()) << assessed.status();
  EXPECT_EQ(assessed->committee, "健康张掖行动推进委员会");
  EXPECT_EQ(assessed->city, "张掖市");
  EXPECT_EQ(assessed->as_of, (Date{2022, 12, 31}));
  ASSERT_EQ(assessed->departments.size(), 3u);

  // 市体育局: its task due 2022-10-31 was done 2022-11-15, late: 60.  Its
  // action 全民健身行动 has 5 (92.0 ≥ 91.5, met) and 7 (36.5 < 38, not met):
  // the framework weighs every indicator alike, so 1 of 2 = 50.  Together
  // 0.6 × 60 + 0.4 × 50 = 56.
  const DepartmentResult& sports = Find(*assessed, "市体育局");
  EXPECT_EQ(sports.actions, (std::vector<std::string>{"全民健身行动"}));
  ASSERT_EQ(sports.tasks.size(), 1u);
  EXPECT_EQ(sports.tasks[0].state, TaskState::kDoneLate);
  EXPECT_EQ(sports.tasks[0].credit, D("60"));
  EXPECT_EQ(sports.task_score, D("60.00"));
  ASSERT_EQ(sports.indicators.size(), 2u);
  EXPECT_EQ(sports.indicators[0].city.status, VerdictStatus::kMet);
  EXPECT_EQ(sports.indicators[1].city.status, VerdictStatus::kNotMet);
  EXPECT_EQ(sports.indicator_score, D("50.00"));
  EXPECT_EQ(sports.score, D("56.00"));
  EXPECT_EQ(sports.grade, "不合格");

  // 市教育局: its task due 2022-09-30 is not done: overdue, 0.  Of 16 to 20,
  // 16, 17 and 18 are met, 19 (65 < 70) is not, 20 is not reported: a
  // missing figure weighs and earns nothing, as a county's does, so 3 of 5 =
  // 60.  Together 0.6 × 0 + 0.4 × 60 = 24.
  const DepartmentResult& education = Find(*assessed, "市教育局");
  EXPECT_EQ(education.tasks[0].state, TaskState::kOverdue);
  EXPECT_EQ(education.task_score, D("0.00"));
  ASSERT_EQ(education.indicators.size(), 5u);
  EXPECT_EQ(education.indicators[4].indicator->number, "20");
  EXPECT_EQ(education.indicators[4].city.status, VerdictStatus::kMissing);
  EXPECT_TRUE(education.indicators[4].counts);
  EXPECT_EQ(education.indicators_judged, 5);
  EXPECT_EQ(education.indicator_score, D("60.00"));
  EXPECT_EQ(education.score, D("24.00"));

  // 市卫生健康委: 制定县区考核细则 done 2022-05-20 before 2022-05-31: 100; the
  // task due 2023-01-31 is not 2022's.  It leads 13 actions with 15
  // indicators, of which the city reports 2 and 3, both met: 2 of 15 =
  // 13.33.  Together 60 + 40 × 2/15 = 65.333… = 65.33.
  const DepartmentResult& health = Find(*assessed, "市卫生健康委");
  EXPECT_EQ(health.actions.size(), 13u);
  ASSERT_EQ(health.tasks.size(), 1u);
  EXPECT_EQ(health.tasks[0].task->description, "制定县区考核细则");
  EXPECT_EQ(health.task_score, D("100.00"));
  EXPECT_EQ(health.indicators_judged, 15);
  EXPECT_EQ(health.indicator_score, D("13.33"));
  EXPECT_EQ(health.score, D("65.33"));
  EXPECT_EQ(health.grade, "合格");

  // Ranked by score.
  EXPECT_EQ(assessed->departments[0].department, "市卫生健康委");
  EXPECT_EQ(assessed->departments[0].rank, 1);
  EXPECT_EQ(assessed->departments[1].department, "市体育局");
  EXPECT_EQ(assessed->departments[1].rank, 2);
  EXPECT_EQ(assessed->departments[2].department, "市教育局");
  EXPECT_EQ(assessed->departments[2].rank, 3);
}

TEST(DepartmentAssessment, ATaskNotYetDueIsNotJudged) {
  // On 2022-10-01 the sports bureau's task (due 2022-10-31) is still open:
  // only its indicators are judged, and they weigh alone: 50.
  DepartmentRequest request = Zhangye();
  request.as_of = Date{2022, 10, 1};
  const absl::StatusOr<DepartmentAssessment> assessed = AssessDepartments(request);
  ASSERT_TRUE(assessed.ok()) << assessed.status();
  const DepartmentResult& sports = Find(*assessed, "市体育局");
  EXPECT_EQ(sports.tasks[0].state, TaskState::kOpen);
  EXPECT_FALSE(sports.tasks[0].credit.has_value());
  EXPECT_EQ(sports.tasks_judged, 0);
  EXPECT_FALSE(sports.task_score.has_value());
  EXPECT_EQ(sports.score, D("50.00"));
  // The education bureau's task was due 2022-09-30: overdue on 2022-10-01.
  EXPECT_EQ(Find(*assessed, "市教育局").tasks[0].state, TaskState::kOverdue);
}

TEST(DepartmentAssessment, TiesShareARankAndTheUnscoredComeLast) {
  const char* org =
      "组织 \"O\"\n辖区 张掖市 市\n"
      "职务 \"甲局局长\" 部门 甲局\n职务 \"乙局局长\" 部门 乙局\n职务 \"丙局局长\" 部门 丙局\n"
      "委员会 \"C\" {\n  辖区 张掖市\n  成立 2020-01-01\n"
      "  工作组 \"全民健身行动\" 牵头 乙局\n"
      "  会议 全体会议 2022-01-10 {\n"
      "    任务 \"a\" 负责 甲局 期限 2022-03-01 完成 2022-02-01\n"
      "    任务 \"b\" 负责 丙局 期限 2023-03-01\n"
      "  }\n}\n";
  ParsedOrganisation parsed = ParseOrganisation(org, "o.org.ha");
  std::string messages;
  for (const Diagnostic& d : parsed.diagnostics) messages += d.ToString() + "\n";
  ASSERT_TRUE(parsed.ok()) << messages;
  DepartmentRequest request = Zhangye();
  request.organisation = parsed.organisation;
  // 甲局: one task on time, no action: 100 from tasks alone.  乙局: no task;
  // 全民健身行动's 5 met, 7 not: 50.  丙局: its only task is 2023's: nothing
  // to judge, no score, no rank.
  absl::StatusOr<DepartmentAssessment> assessed = AssessDepartments(request);
  ASSERT_TRUE(assessed.ok()) << assessed.status();
  ASSERT_EQ(assessed->departments.size(), 3u);
  EXPECT_EQ(assessed->departments[0].department, "甲局");
  EXPECT_EQ(assessed->departments[0].score, D("100.00"));
  EXPECT_EQ(assessed->departments[1].department, "乙局");
  EXPECT_EQ(assessed->departments[1].score, D("50.00"));
  EXPECT_EQ(assessed->departments[2].department, "丙局");
  EXPECT_FALSE(assessed->departments[2].score.has_value());
  EXPECT_EQ(assessed->departments[2].rank, 0);
  EXPECT_EQ(assessed->departments[2].grade, "");

  // With 7 met too, 乙局 has 100 and ties 甲局: both first, in Chinese
  // collation: 甲 (jiǎ) before 乙 (yǐ), though 乙 (U+4E59) comes first by code point.
  auto observations = std::make_shared<Observations>(*request.observations);
  ASSERT_TRUE(observations->Replace(*observations->FindUnit("张掖市"), "7", 2022,
                                    Reported{ReportKind::kNumber, Decimal::FromInt(40)})
                  .ok());
  request.observations = observations;
  assessed = AssessDepartments(request);
  ASSERT_TRUE(assessed.ok()) << assessed.status();
  EXPECT_EQ(assessed->departments[0].rank, 1);
  EXPECT_EQ(assessed->departments[1].rank, 1);
  EXPECT_EQ(assessed->departments[0].department, "甲局");
  EXPECT_EQ(assessed->departments[1].department, "乙局");
}

TEST(DepartmentAssessment, RefusesWhatItCannotJudge) {
  DepartmentRequest request = Zhangye();
  // A framework without a rule.
  request.framework =
      ParseFramework("框架 \"F\"\n指标 1 \"x\" {\n  单位 ％\n  目标 2022 ≥50\n}\n", "f.ha").framework;
  absl::StatusOr<DepartmentAssessment> assessed = AssessDepartments(request);
  EXPECT_EQ(assessed.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(assessed.status().message().find("部门考核 任务"), std::string::npos);
  // No committee of that name; the message lists the ones there are.
  request = Zhangye();
  request.committee = "柳州";
  assessed = AssessDepartments(request);
  EXPECT_FALSE(assessed.ok());
  EXPECT_NE(assessed.status().message().find("健康张掖行动推进委员会"), std::string::npos);
  // The city is not in the data: no verdict can be formed for its actions.
  request = Zhangye();
  auto counties_only = std::make_shared<Observations>();
  EXPECT_FALSE(HasErrors(ReadObservationsCsv("unit,indicator,year,value\n甘州区,5,2022,90\n", "d.csv",
                                             request.framework.get(), *counties_only)));
  request.observations = counties_only;
  assessed = AssessDepartments(request);
  EXPECT_FALSE(assessed.ok());
  EXPECT_NE(assessed.status().message().find("张掖市"), std::string::npos);
  // A year without targets.
  request = Zhangye();
  request.year = 2021;
  EXPECT_FALSE(AssessDepartments(request).ok());
  // Nothing missing.
  request = Zhangye();
  request.organisation = nullptr;
  EXPECT_EQ(AssessDepartments(request).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(DepartmentsReport, JsonMarkdownAndSheets) {
  const absl::StatusOr<DepartmentAssessment> assessed = AssessDepartments(Zhangye());
  ASSERT_TRUE(assessed.ok()) << assessed.status();
  const std::string json = DepartmentsJson(*assessed);
  EXPECT_NE(json.find("\"rule\": {\"tasks\": \"60\", \"action_indicators\": \"40\", \"credit\": "
                      "{\"done\": \"100\", \"done_late\": \"60\", \"overdue\": \"0\"}}"),
            std::string::npos);
  EXPECT_NE(json.find("{\"department\": \"市体育局\", \"rank\": 2, \"score\": \"56.00\", \"grade\": "
                      "\"不合格\", \"task_score\": \"60.00\", \"indicator_score\": \"50.00\""),
            std::string::npos);
  EXPECT_NE(json.find("\"state\": \"done_late\", \"credit\": \"60\""), std::string::npos);
  const std::string markdown = DepartmentsMarkdown(*assessed);
  EXPECT_NE(markdown.find("| 2 | 市体育局 | 56.00 | 不合格 | 60.00（1 项）| 50.00（2 项）| 全民健身行动 |"),
            std::string::npos);
  EXPECT_NE(markdown.find("| 建立学生体质健康监测数据报送机制 | 全体会议 2022-03-15 | 2022-09-30 | — | "
                          "逾期未完成 | 0 |"),
            std::string::npos);
  const std::vector<Sheet> sheets = DepartmentsSheets(*assessed);
  ASSERT_EQ(sheets.size(), 3u);
  EXPECT_EQ(sheets[0].name, "部门考核");
  ASSERT_EQ(sheets[0].rows.size(), 4u);  // the header and 3 departments
  EXPECT_EQ(sheets[0].rows[3], (std::vector<std::string>{"3", "市教育局", "24.00", "不合格", "0.00", "1",
                                                         "60.00", "5", "中小学健康促进行动"}));
  EXPECT_EQ(sheets[1].rows.size(), 4u);   // 3 tasks
  EXPECT_EQ(sheets[2].rows.size(), 23u);  // 15 + 2 + 5 indicators
}

}  // namespace
}  // namespace healthact
