// Trust the verdicts: plausible ranges, consistency rules, findings, and
// nothing reported lost in silence.  Every expectation is worked out by hand
// in the comment beside it.
#include "healthact/assess/validation.hpp"

#include "healthact/assess/assessment.hpp"
#include "healthact/report/assessment_text.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/report/report.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

using ::healthact::testing::ExamplePath;
using ::healthact::testing::MustParse;
using ::healthact::testing::ReadTextFile;

std::shared_ptr<Observations> Data(const std::string& csv, const Framework* framework) {
  auto observations = std::make_shared<Observations>();
  for (const Diagnostic& d : ReadObservationsCsv(csv, "data.csv", framework, *observations)) {
    ADD_FAILURE() << d.ToString();
  }
  return observations;
}

std::vector<Diagnostic> DataErrors(const std::string& csv, const Framework* framework) {
  Observations observations;
  return ReadObservationsCsv(csv, "data.csv", framework, observations);
}

// Status and reason of `unit` on indicator `number`; the fast columnar status
// must equal the explaining evaluator's (the differential of the two paths).
Verdict VerdictOf(const Assessment& a, const std::string& unit, const std::string& number) {
  for (std::size_t u = 0; u < a.unit_count(); ++u) {
    if (a.observations().unit_name(a.units()[u]) != unit) continue;
    for (std::size_t i = 0; i < a.indicator_count(); ++i) {
      if (a.framework().indicators()[i].number != number) continue;
      Verdict verdict = a.Explain(u, i);
      EXPECT_EQ(verdict.status, a.status(u, i)) << unit << " " << number << ": " << ReasonText(verdict);
      return verdict;
    }
  }
  ADD_FAILURE() << "no verdict for " << unit << " on " << number;
  return {};
}

std::size_t UnitIndex(const Assessment& a, const std::string& unit) {
  for (std::size_t u = 0; u < a.unit_count(); ++u) {
    if (a.observations().unit_name(a.units()[u]) == unit) return u;
  }
  ADD_FAILURE() << "no unit " << unit;
  return 0;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// One indicator per unit of measure, each with a target every plausible value
// below meets, so that only the range can make a verdict invalid.
constexpr std::string_view kEveryUnit = R"(框架 "范围"
指标 1 "岁" { 单位 岁 方向 越高越好 目标 2022 ≥0 }
指标 2 "小时" { 单位 小时 方向 越高越好 目标 2022 ≥0 }
指标 3 "百分比" { 单位 % 方向 越高越好 目标 2022 ≥0 }
指标 4 "千分比" { 单位 ‰ 方向 越高越好 目标 2022 ≥0 }
指标 5 "十万分比" { 单位 1/10万 方向 越高越好 目标 2022 ≥0 }
指标 6 "每千人" { 单位 人/千人 方向 越高越好 目标 2022 ≥0 }
指标 7 "人数" { 单位 人 方向 越高越好 目标 2022 ≥0 }
指标 8 "例数" { 单位 例 方向 越高越好 目标 2022 ≥0 }
指标 9 "个数" { 单位 个 方向 越高越好 目标 2022 ≥0 }
)";

TEST(Ranges, EveryDefaultRangeFollowsFromTheUnit) {
  const auto framework = MustParse(kEveryUnit);
  // 内: the edges of each range, which are plausible; 外: just outside them.
  const auto data = Data(R"(unit,indicator,year,value
内,1,2022,150
内,2,2022,0
内,3,2022,100
内,4,2022,1000
内,5,2022,100000
内,6,2022,0
内,7,2022,0
内,8,2022,12
内,9,2022,3
外,1,2022,150.1
外,2,2022,-0.5
外,3,2022,100.01
外,4,2022,1000.5
外,5,2022,100001
外,6,2022,-1
外,7,2022,2.5
外,8,2022,-1
外,9,2022,0.5
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  for (const char* number : {"1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
    EXPECT_EQ(VerdictOf(a, "内", number).status, VerdictStatus::kMet) << number;
    EXPECT_EQ(VerdictOf(a, "外", number).status, VerdictStatus::kInvalid) << number;
  }
  EXPECT_EQ(ReasonText(VerdictOf(a, "外", "1")), "150.1 不在合理范围 0–150 岁内 (目标 ≥0)");
  EXPECT_EQ(ValueText(VerdictOf(a, "外", "3")), "100.01");  // the figure is kept, not erased
  EXPECT_TRUE(Contains(ReasonText(VerdictOf(a, "外", "7")), "的整数"));
  // Every invalid verdict has its finding: nine range findings for 外, none for 内.
  const std::vector<Finding>& outside = a.findings(UnitIndex(a, "外"));
  ASSERT_EQ(outside.size(), 9u);
  EXPECT_EQ(outside[0].kind, FindingKind::kRange);
  EXPECT_EQ(outside[0].severity, Severity::kError);
  EXPECT_EQ(outside[0].indicators, std::vector<std::string>{"1"});
  EXPECT_EQ(outside[0].message, "150.1 不在合理范围 0–150 岁内");
  EXPECT_TRUE(a.findings(UnitIndex(a, "内")).empty());
  // An invalid verdict earns nothing but still counts: 外 scores 0 of 9.
  EXPECT_EQ(a.score(UnitIndex(a, "外")).ToString(), "0.00");
  EXPECT_EQ(a.counts(UnitIndex(a, "外")).invalid, 9);
}

TEST(Ranges, TheImpossibleFiguresOfTheIssueAreInvalid) {
  const auto framework = MustParse(ReadTextFile(ExamplePath("liuzhou.ha")));
  // 人均预期寿命 999, 婴儿死亡率 -1, 产前筛查率 (13) 150, 孕产妇死亡率 -5: all
  // would be met against their targets (≥77.8, ≤6.0, ≥90, ≤17) by the
  // comparison alone.
  const auto data = Data(R"(unit,indicator,year,value
县,1,2022,999
县,2,2022,-1
县,13,2022,150
县,4,2022,-5
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  for (const char* number : {"1", "2", "13", "4"}) {
    EXPECT_EQ(VerdictOf(a, "县", number).status, VerdictStatus::kInvalid) << number;
  }
  EXPECT_EQ(a.findings(0).size(), 4u);
  EXPECT_EQ(a.findings(0)[0].message, "999 不在合理范围 0–150 岁内");
}

TEST(Ranges, AFrameworkStatesItsOwnRange) {
  const auto framework = MustParse(R"(框架 "t"
指标 1 "每天校内体育活动时间" { 单位 小时 方向 越高越好 范围 0 24 目标 2022 ≥1 }
指标 2 "满意度" { 单位 % 方向 越高越好 范围 50 -- 目标 2022 ≥60 }
)");
  EXPECT_EQ(framework->FindIndicator("1")->PlausibleRange().maximum, Decimal::FromInt(24));
  // 范围 50 --: at least 50, and no upper bound at all (not even 100).
  EXPECT_FALSE(framework->FindIndicator("2")->PlausibleRange().maximum.has_value());
  const auto data = Data(R"(unit,indicator,year,value
甲,1,2022,24
甲,2,2022,120
乙,1,2022,24.5
乙,2,2022,49.9
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  EXPECT_EQ(VerdictOf(a, "甲", "1").status, VerdictStatus::kMet);    // 24 ≤ 24
  EXPECT_EQ(VerdictOf(a, "甲", "2").status, VerdictStatus::kMet);    // no upper bound
  EXPECT_EQ(VerdictOf(a, "乙", "1").status, VerdictStatus::kInvalid);
  EXPECT_EQ(ReasonText(VerdictOf(a, "乙", "1")), "24.5 不在合理范围 0–24 小时内 (目标 ≥1)");
  EXPECT_EQ(VerdictOf(a, "乙", "2").status, VerdictStatus::kInvalid);  // 49.9 < 50
  // The printer keeps the stated range: 范围 50 -- survives a round trip.
  const auto again = MustParse(FormatFramework(*framework));
  EXPECT_EQ(*again, *framework);
}

TEST(Ranges, BothExampleFrameworksBoundTheHoursOfSchoolSport) {
  for (const char* file : {"zhangye.ha", "liuzhou.ha"}) {
    const auto framework = MustParse(ReadTextFile(ExamplePath(file)));
    const Indicator* sport = nullptr;
    for (const Indicator& indicator : framework->indicators()) {
      if (Contains(indicator.name, "体育活动时间")) sport = &indicator;
    }
    ASSERT_NE(sport, nullptr) << file;
    ASSERT_TRUE(sport->range.has_value()) << file;
    EXPECT_EQ(sport->range->minimum, Decimal()) << file;
    EXPECT_EQ(sport->range->maximum, Decimal::FromInt(24)) << file;
  }
}

constexpr std::string_view kRates = R"(框架 "率"
计数 筛查数 人
计数 孕产妇数 人
指标 13 "产前筛查率" { 单位 % 方向 越高越好 公式 筛查数 / 孕产妇数 * 100 保留 1 四舍五入 目标 2022 ≥45 }
)";

TEST(Counts, CountsAreNonNegativeWholeNumbersAndAShareIsAtMostTheWhole) {
  const auto framework = MustParse(kRates);
  const auto data = Data(R"(unit,indicator,year,value
负,筛查数,2022,-3
负,孕产妇数,2022,100
分数,筛查数,2022,50.5
分数,孕产妇数,2022,100
超过,筛查数,2022,200
超过,孕产妇数,2022,100
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  for (const char* unit : {"负", "分数", "超过"}) {
    EXPECT_EQ(VerdictOf(a, unit, "13").status, VerdictStatus::kInvalid) << unit;
  }
  EXPECT_TRUE(Contains(ReasonText(VerdictOf(a, "负", "13")), "筛查数：-3 不在合理范围"));
  // 200 / 100 × 100 = 200.0 %: the numerator exceeds the denominator.
  EXPECT_TRUE(Contains(ReasonText(VerdictOf(a, "超过", "13")), "200.0 不在合理范围 0–100 %内（分子大于分母）"));
  ASSERT_EQ(a.findings(UnitIndex(a, "超过")).size(), 1u);
  EXPECT_EQ(a.findings(UnitIndex(a, "超过"))[0].indicators, std::vector<std::string>{"13"});
}

TEST(Rates, AReportedRateIsRoundedByTheFormulasRuleAsAComputedOne) {
  const auto framework = MustParse(kRates);
  // Reported 44.95: 四舍五入 to one place is 45.0 ≥ 45, met — as 4495 / 10000
  // × 100 = 44.95 → 45.0 is.
  const auto data = Data(R"(unit,indicator,year,value
报告,13,2022,44.95
计数,筛查数,2022,4495
计数,孕产妇数,2022,10000
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  EXPECT_EQ(VerdictOf(a, "报告", "13").status, VerdictStatus::kMet);
  EXPECT_EQ(VerdictOf(a, "计数", "13").status, VerdictStatus::kMet);
  EXPECT_EQ(ValueText(VerdictOf(a, "报告", "13")), "44.95");
  EXPECT_TRUE(Contains(ReasonText(VerdictOf(a, "报告", "13")), "四舍五入保留1位为 45.0"));
}

TEST(Rates, ARateItsOwnCountsContradictIsAnErrorFinding) {
  const auto framework = MustParse(kRates);
  // 4495 / 10000 × 100 = 44.95 → 45.0; reported 44.9 → 44.9: they disagree.
  // Reported 44.95 → 45.0 agrees.
  const auto data = Data(R"(unit,indicator,year,value
不符,13,2022,44.9
不符,筛查数,2022,4495
不符,孕产妇数,2022,10000
相符,13,2022,44.95
相符,筛查数,2022,4495
相符,孕产妇数,2022,10000
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  EXPECT_EQ(VerdictOf(a, "不符", "13").status, VerdictStatus::kInvalid);
  EXPECT_EQ(VerdictOf(a, "相符", "13").status, VerdictStatus::kMet);
  const std::vector<Finding>& findings = a.findings(UnitIndex(a, "不符"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, FindingKind::kRateConflict);
  EXPECT_EQ(findings[0].severity, Severity::kError);
  EXPECT_TRUE(Contains(findings[0].message, "报告的比率 44.9 与由计数算得的"));
  EXPECT_TRUE(a.findings(UnitIndex(a, "相符")).empty());
}

TEST(Rates, WithoutStatedRoundingARateIsComparedWithItsCountsToTheDigitsItWasWrittenWith) {
  const auto framework = MustParse(R"(框架 "率"
计数 死亡数 人
计数 活产数 人
指标 2 "婴儿死亡率" { 单位 ‰ 方向 越低越好 公式 死亡数 / 活产数 * 1000 目标 2022 ≤6 }
)");
  // 23 / 4512 × 1000 = 5.0975… ; "5.1" is that to one digit, "5.0" is not.
  const auto data = Data(R"(unit,indicator,year,value
甲,2,2022,5.1
甲,死亡数,2022,23
甲,活产数,2022,4512
乙,2,2022,5.0
乙,死亡数,2022,23
乙,活产数,2022,4512
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  EXPECT_EQ(VerdictOf(a, "甲", "2").status, VerdictStatus::kMet);
  EXPECT_EQ(VerdictOf(a, "乙", "2").status, VerdictStatus::kInvalid);
}

constexpr std::string_view kMortality = R"(框架 "死亡率"
指标 1 "人均预期寿命" { 单位 岁 方向 越高越好 目标 2022 ≥74 }
指标 2 "婴儿死亡率" { 单位 ‰ 方向 越低越好 目标 2022 ≤6 }
指标 3 "5岁以下儿童死亡率" { 单位 ‰ 方向 越低越好 目标 2022 ≤8 }
校验 错误 [3] ≥ [2] "5岁以下儿童死亡率不应低于婴儿死亡率"
校验 警告 [1] ≤ 上年[1] + 2 "人均预期寿命一年增加超过2岁"
)";

TEST(Rules, ABrokenErrorRuleMakesTheVerdictsItNamesInvalid) {
  const auto framework = MustParse(kMortality);
  ASSERT_EQ(framework->rules().size(), 2u);
  EXPECT_EQ(framework->rules()[0].text, "[3] ≥ [2]");
  EXPECT_EQ(framework->rules()[0].indicators, (std::vector<std::string>{"2", "3"}));
  // 乙: 4.0 < 5.5 breaks the rule; both would be met otherwise (≤6, ≤8).
  const auto data = Data(R"(unit,indicator,year,value
甲,2,2022,5.5
甲,3,2022,7.0
乙,2,2022,5.5
乙,3,2022,4.0
丙,2,2022,5.5
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  EXPECT_EQ(VerdictOf(a, "甲", "2").status, VerdictStatus::kMet);
  EXPECT_EQ(VerdictOf(a, "甲", "3").status, VerdictStatus::kMet);
  EXPECT_EQ(VerdictOf(a, "乙", "2").status, VerdictStatus::kInvalid);
  EXPECT_EQ(VerdictOf(a, "乙", "3").status, VerdictStatus::kInvalid);
  EXPECT_EQ(ReasonText(VerdictOf(a, "乙", "3")),
            "5岁以下儿童死亡率不应低于婴儿死亡率（[3] 4.0，[2] 5.5） (目标 ≤8)");
  EXPECT_EQ(ValueText(VerdictOf(a, "乙", "3")), "4.0");
  // 丙 reported no [3]: the rule cannot be decided and says nothing.
  EXPECT_EQ(VerdictOf(a, "丙", "2").status, VerdictStatus::kMet);
  EXPECT_TRUE(a.findings(UnitIndex(a, "丙")).empty());
  const std::vector<Finding>& findings = a.findings(UnitIndex(a, "乙"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, FindingKind::kRule);
  EXPECT_EQ(findings[0].rule, "[3] ≥ [2]");
  EXPECT_EQ(findings[0].indicators, (std::vector<std::string>{"2", "3"}));
  EXPECT_EQ(findings[0].values, (std::vector<FindingValue>{{"3", 2022, "4.0"}, {"2", 2022, "5.5"}}));
}

// The rule is decided on the columns' integers when it surely holds; the
// columns' scales differ, so the integers are aligned first: 丁's 7.26 (scale
// 2: 726) against 72.5 (scale 1: 725) would seem to hold unaligned, yet 7.26 <
// 72.5 breaks it; 戊's 7.3 ≥ 7.25 holds; 己's 待公布 is for the full check.
TEST(Rules, TheColumnsDecideOnlyWhereTheRuleSurelyHolds) {
  const auto framework = MustParse(kMortality);
  const auto data = Data(R"(unit,indicator,year,value
丁,2,2022,72.5
丁,3,2022,7.26
戊,2,2022,7.25
戊,3,2022,7.3
己,2,2022,5.5
己,3,2022,待公布
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  const std::vector<Finding>& broken = a.findings(UnitIndex(a, "丁"));
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_EQ(broken[0].values, (std::vector<FindingValue>{{"3", 2022, "7.26"}, {"2", 2022, "72.5"}}));
  EXPECT_EQ(VerdictOf(a, "丁", "3").status, VerdictStatus::kInvalid);
  EXPECT_TRUE(a.findings(UnitIndex(a, "戊")).empty());
  EXPECT_EQ(VerdictOf(a, "戊", "3").status, VerdictStatus::kMet);  // 7.3 ≤ 8
  EXPECT_TRUE(a.findings(UnitIndex(a, "己")).empty());
  EXPECT_EQ(VerdictOf(a, "己", "3").status, VerdictStatus::kPending);
}

// Every pair of what a unit may report for [3] and [2], each unit once:
// the rule's findings of the assessment (decided on the columns where they
// can) are those of ValidateUnit's full check of that unit alone.  Only
// three pairs break [3] ≥ [2] with both figures usable: 4.0 < 5.5,
// 4.0 < 7.26 and 5.5 < 7.26; 1200‰ is out of range and text is no number,
// so the rule says nothing of them.
TEST(Rules, TheColumnsAndTheFullCheckFindTheSameOfEveryKindOfFigure) {
  const auto framework = MustParse(kMortality);
  const std::vector<std::string> figures = {"5.5", "7.26", "4.0", "1200", "待公布", "未统计", "", "(none)"};
  std::string csv = "unit,indicator,year,value\n";
  for (std::size_t a = 0; a < figures.size(); ++a) {
    for (std::size_t b = 0; b < figures.size(); ++b) {
      const std::string unit = "单位" + std::to_string(a) + "-" + std::to_string(b);
      csv += unit + ",1,2022,75\n";  // every unit is a row even when it reports neither
      if (figures[a] != "(none)") csv += unit + ",3,2022," + figures[a] + "\n";
      if (figures[b] != "(none)") csv += unit + ",2,2022," + figures[b] + "\n";
    }
  }
  const auto data = std::make_shared<Observations>();
  (void)ReadObservationsCsv(csv, "data.csv", framework.get(), *data);  // 1200 is told as out of range
  const Assessment assessment = Assess(framework, data, 2022);
  ASSERT_EQ(assessment.unit_count(), figures.size() * figures.size());
  const auto rule_findings = [](const std::vector<Finding>& all) {
    std::vector<Finding> rules;
    for (const Finding& finding : all) {
      if (finding.kind == FindingKind::kRule) rules.push_back(finding);
    }
    return rules;
  };
  int broken = 0;
  for (std::size_t u = 0; u < assessment.unit_count(); ++u) {
    const std::vector<Finding> by_columns = rule_findings(assessment.findings(u));
    EXPECT_EQ(by_columns, rule_findings(ValidateUnit(*framework, *data, assessment.units()[u], 2022)))
        << data->unit_name(assessment.units()[u]);
    broken += by_columns.empty() ? 0 : 1;
  }
  EXPECT_EQ(broken, 3);
  EXPECT_FALSE(assessment.findings(UnitIndex(assessment, "单位2-0")).empty());  // 4.0 < 5.5
  EXPECT_TRUE(assessment.findings(UnitIndex(assessment, "单位2-3")).size() == 1);  // 1200 only: its range

  // No unit reported [3] at all: the rule is never judged.
  const auto without = Data("unit,indicator,year,value\n甲,2,2022,5.5\n乙,2,2022,7\n", framework.get());
  const Assessment none = Assess(framework, without, 2022);
  EXPECT_TRUE(none.findings(0).empty());
  EXPECT_TRUE(none.findings(1).empty());
}

TEST(Rules, AWarningRuleOverEarlierYearsIsListedAndChangesNoVerdict) {
  const auto framework = MustParse(kMortality);
  // 跳: 71 → 75 rises by 4 > 2: warned.  稳: 73 → 74.5 by 1.5: quiet.
  // 新: no 2021 value, the rule cannot be decided.
  const auto data = Data(R"(unit,indicator,year,value
跳,1,2021,71
跳,1,2022,75
稳,1,2021,73
稳,1,2022,74.5
新,1,2022,75
)",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  EXPECT_EQ(VerdictOf(a, "跳", "1").status, VerdictStatus::kMet);
  const std::vector<Finding>& findings = a.findings(UnitIndex(a, "跳"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::kWarning);
  EXPECT_EQ(findings[0].rule, "[1] ≤ 上年[1] + 2");
  EXPECT_EQ(findings[0].message, "人均预期寿命一年增加超过2岁（[1] 75，2021年[1] 71）");
  EXPECT_TRUE(a.findings(UnitIndex(a, "稳")).empty());
  EXPECT_TRUE(a.findings(UnitIndex(a, "新")).empty());
  // ValidateUnit gives the same finding for one unit, with no ranking.
  EXPECT_EQ(ValidateUnit(*framework, *data, *data->FindUnit("跳"), 2022), findings);
}

TEST(Rules, BothExampleFrameworksDeclareUnderFiveAtLeastInfantMortality) {
  for (const char* file : {"zhangye.ha", "liuzhou.ha"}) {
    const auto framework = MustParse(ReadTextFile(ExamplePath(file)));
    bool found = false;
    for (const ConsistencyRule& rule : framework->rules()) {
      if (rule.text == "[3] ≥ [2]" && rule.severity == Severity::kError) found = true;
    }
    EXPECT_TRUE(found) << file;
    // Both frameworks number 婴儿死亡率 2 and 5岁以下儿童死亡率 3.
    EXPECT_EQ(framework->FindIndicator("2")->name, "婴儿死亡率") << file;
    EXPECT_EQ(framework->FindIndicator("3")->name, "5岁以下儿童死亡率") << file;
  }
}

TEST(Findings, AreInTheJsonCsvTableAndMarkdown) {
  const auto framework = MustParse(kMortality);
  const auto data = Data("unit,indicator,year,value\n乙,2,2022,5.5\n乙,3,2022,4.0\n乙,1,2022,200\n",
                         framework.get());
  const Assessment a = Assess(framework, data, 2022);
  const std::string json = AssessmentToJson(a, Explanation::kAll);
  EXPECT_TRUE(Contains(json, R"("findings": [{"rule": "range", "kind": "range", "severity": "error", "indicators": ["1"])"));
  EXPECT_TRUE(Contains(json, R"({"rule": "[3] ≥ [2]", "kind": "rule", "severity": "error", "indicators": ["2", "3"])"));
  EXPECT_TRUE(Contains(json, R"("counts": {"met": 0, "not_met": 0, "missing": 0, "pending": 0, "invalid": 3, "not_applicable": 0})"));
  const std::string csv = AssessmentToCsv(a, Explanation::kAll);
  EXPECT_TRUE(Contains(csv, ",findings\n"));
  EXPECT_TRUE(Contains(csv, "错误（指标 2、3）：5岁以下儿童死亡率不应低于婴儿死亡率"));
  const std::string table = AssessmentToTable(a);
  // 0 met, 0 not met, 0 missing, 0 pending, 3 invalid, 0 not applicable; the
  // invalid ones are named in 未达标指标, marked.
  EXPECT_TRUE(Contains(table, "0/0/0/0/3/0")) << table;
  EXPECT_TRUE(Contains(table, "1（无效）,2（无效）,3（无效）")) << table;
  EXPECT_TRUE(Contains(table, "错误（指标 1）：200 不在合理范围 0–150 岁内")) << table;
  const std::string markdown = AssessmentToMarkdown(a, Explanation::kFailures);
  EXPECT_TRUE(Contains(markdown, "| 无效 | 不适用 |"));
  EXPECT_TRUE(Contains(markdown, "校验发现："));
}

TEST(Parts, TheSeedsTwoPartFormIsReadAsItsParts) {
  const auto framework = MustParse(ReadTextFile(ExamplePath("zhangye.ha")));
  // 25.1 ≥100 and 25.2 ≥70 in 2022 (附件2): 100，70 meets both; "100,60" in
  // a quoted field misses the second.
  const auto data = Data("unit,indicator,year,value\n甲,25,2022,100，70\n乙,25,2022,\"100,60\"\n",
                         framework.get());
  EXPECT_EQ(data->Get(*data->FindUnit("甲"), "25.2", 2022).number, Decimal::FromInt(70));
  const Assessment a = Assess(framework, data, 2022);
  EXPECT_EQ(VerdictOf(a, "甲", "25").status, VerdictStatus::kMet);
  EXPECT_EQ(VerdictOf(a, "乙", "25").status, VerdictStatus::kNotMet);
  EXPECT_EQ(ValueText(VerdictOf(a, "乙", "25").parts[1]), "60");
}

TEST(Parts, OneValueForTwoPartsIsAnErrorWithItsPosition) {
  const auto framework = MustParse(ReadTextFile(ExamplePath("zhangye.ha")));
  const std::vector<Diagnostic> errors =
      DataErrors("unit,indicator,year,value\n甲,25,2022,90\n", framework.get());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, DiagnosticCode::kDataValue);
  EXPECT_EQ(errors[0].line, 2);
  EXPECT_EQ(errors[0].column, 11);  // 甲,25,2022, is ten code points
  // Three values for two parts too.
  EXPECT_EQ(DataErrors("unit,indicator,year,value\n甲,25,2022,1，2，3\n", framework.get()).size(), 1u);
  // Read without a framework (as the C interface may), the one value is
  // kept under 25, and the verdict says it cannot be judged.
  auto loose = std::make_shared<Observations>();
  ASSERT_TRUE(loose->Add(loose->AddUnit("甲"), "25", 2022, Reported{ReportKind::kNumber, Decimal::FromInt(90)}).ok());
  const Assessment a = Assess(framework, loose, 2022);
  EXPECT_EQ(VerdictOf(a, "甲", "25").status, VerdictStatus::kInvalid);
  EXPECT_EQ(ValueText(VerdictOf(a, "甲", "25")), "90");
  ASSERT_EQ(a.findings(0).size(), 1u);
  EXPECT_EQ(a.findings(0)[0].kind, FindingKind::kPartsAsOne);
}

TEST(Trends, AnUndecidableTrendKeepsTheReportedValueAndSaysWhatItNeeds) {
  const auto framework = MustParse(R"(框架 "t"
持续下降年数 2
指标 21 "死亡率" { 单位 ‰ 方向 越低越好 目标 2022 持续下降 }
)");
  const auto data = Data("unit,indicator,year,value\n甲,21,2022,5.0\n甲,21,2021,6.0\n", framework.get());
  const Assessment a = Assess(framework, data, 2022);
  const Verdict v = VerdictOf(a, "甲", "21");
  EXPECT_EQ(v.status, VerdictStatus::kMissing);
  EXPECT_EQ(ValueText(v), "5.0");  // kept
  // 持续下降 over 2 years reads 2020, 2021 and 2022: three values.
  EXPECT_TRUE(Contains(ReasonText(v), "缺少2020年的值")) << ReasonText(v);
  EXPECT_TRUE(Contains(ReasonText(v), "需要2020–2022年共3年的值")) << ReasonText(v);
}

// CSV and JSON are streamed a unit at a time: the header, then one piece a
// unit in rank order, then (JSON) the end; the pieces make the whole text.
TEST(Findings, CsvAndJsonAreStreamedABatchOfUnitsAtATime) {
  const auto framework = MustParse(kMortality);
  const auto data = Data("unit,indicator,year,value\n乙,2,2022,5.5\n乙,3,2022,6.0\n甲,1,2022,200\n", framework.get());
  const Assessment a = Assess(framework, data, 2022);
  std::vector<std::string> pieces;
  WriteAssessmentCsv(a, Explanation::kAll, [&](std::string_view piece) { pieces.emplace_back(piece); });
  // The header, then both units in one batch (a batch is up to 512 units).
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0], "unit,rank,score,grade,indicator,status,value,target,reason,findings\n");
  // Ranked first, 乙; each row of a unit begins with it.
  EXPECT_TRUE(pieces[1].starts_with("乙,1,")) << pieces[1];
  EXPECT_NE(pieces[1].find("\n甲,2,"), std::string::npos) << pieces[1];
  EXPECT_EQ(pieces[0] + pieces[1], AssessmentToCsv(a, Explanation::kAll));
  pieces.clear();
  WriteAssessmentJson(a, Explanation::kAll, [&](std::string_view piece) { pieces.emplace_back(piece); });
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_TRUE(pieces[1].starts_with("\n  {\"unit\": \"乙\"")) << pieces[1];
  EXPECT_NE(pieces[1].find(",\n  {\"unit\": \"甲\""), std::string::npos) << pieces[1];
  EXPECT_EQ(pieces[2], "\n]}\n");
}

// A unit's name goes into JSON escaped: the quote, the backslash, a tab and
// a control character, with the text around them kept.
TEST(Findings, JsonEscapesWhatANameHolds) {
  const auto framework = MustParse(kMortality);
  const auto data = Data("unit,indicator,year,value\n\"甲\"\"乙\\\t丙\x01丁\",1,2022,75\n", framework.get());
  const std::string json = AssessmentToJson(Assess(framework, data, 2022), Explanation::kAll);
  EXPECT_TRUE(Contains(json, R"({"unit": "甲\"乙\\\t丙\u0001丁", )")) << json.substr(0, 400);
}

// A reason is worded straight into the JSON and the CSV, and escaped there
// only when what a framework wrote needs it: a rule's message with a quote,
// a backslash and a comma.
TEST(Findings, AReasonFromARuleIsEscapedInJsonAndQuotedInCsv) {
  const auto framework = MustParse(R"(框架 "死亡率"
指标 2 "婴儿死亡率" { 单位 ‰ 方向 越低越好 目标 2022 ≤6 }
指标 3 "5岁以下儿童死亡率" { 单位 ‰ 方向 越低越好 目标 2022 ≤8 }
校验 错误 [3] ≥ [2] "5岁以下\"儿童\"死亡率\\不应低于, 婴儿死亡率"
)");
  const auto data = Data("unit,indicator,year,value\n乙,2,2022,5.5\n乙,3,2022,4.0\n", framework.get());
  const Assessment a = Assess(framework, data, 2022);
  const std::string json = AssessmentToJson(a, Explanation::kAll);
  EXPECT_TRUE(Contains(json, R"({"indicator": "3", "status": "invalid", "value": "4.0", "target": "≤8", )"
                             R"x("reason": "5岁以下\"儿童\"死亡率\\不应低于, 婴儿死亡率（[3] 4.0，[2] 5.5） (目标 ≤8)"})x"))
      << json;
  const std::string csv = AssessmentToCsv(a, Explanation::kAll);
  EXPECT_TRUE(Contains(csv, R"x(,3,invalid,4.0,≤8,"5岁以下""儿童""死亡率\不应低于, 婴儿死亡率（[3] 4.0，[2] 5.5） (目标 ≤8)",)x"))
      << csv;
}

// A name holding Markdown's table syntax or HTML cannot break a table or
// inject markup: | and \ are escaped, a tag opener is an entity, and a
// comparison in a reason ("75 > 74") stays as written.
TEST(Findings, MarkdownEscapesWhatANameHolds) {
  const auto framework = MustParse(kMortality);
  const auto data = Data("unit,indicator,year,value\n甲|乙<b>丙\\丁,1,2022,75\n", framework.get());
  const Assessment a = Assess(framework, data, 2022);
  const std::string markdown = AssessmentToMarkdown(a, Explanation::kAll);
  // The ranking's row: rank, the escaped name, then the score (1 of 3 met).
  EXPECT_TRUE(Contains(markdown, "| 1 | 甲\\|乙&lt;b>丙\\\\丁 | 33.33 |")) << markdown;
  EXPECT_TRUE(Contains(markdown, "\n## 甲\\|乙&lt;b>丙\\\\丁\n")) << markdown;
  EXPECT_TRUE(Contains(markdown, "75 > 74")) << markdown;
  // The status as the xlsx and the reports say it, for people: 达标, not "met".
  EXPECT_TRUE(Contains(markdown, "| 1 | 人均预期寿命 | 达标 | ")) << markdown;
  EXPECT_FALSE(Contains(markdown, "| met |")) << markdown;
  EXPECT_FALSE(Contains(markdown, "<b>")) << markdown;
  const std::string report = AssessmentReportMarkdown(a, nullptr);
  EXPECT_TRUE(Contains(report, "| 1 | 甲\\|乙&lt;b>丙\\\\丁 | 33.33 |")) << report;
  EXPECT_FALSE(Contains(report, "<b>")) << report;
}

TEST(CheckAssessment, AYearWithoutTargetsNoUnitsAndAnEmptySelectionAreRefused) {
  const auto framework = MustParse(ReadTextFile(ExamplePath("zhangye.ha")));
  const auto data = Data("unit,indicator,year,value\n甲,1,2022,75\n", framework.get());
  EXPECT_TRUE(CheckAssessment(*framework, *data, 2022).ok());
  const absl::Status year = CheckAssessment(*framework, *data, 2030);
  EXPECT_EQ(year.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(std::string(year.message()), "没有2030年的目标；有目标的年份：2022"));
  EXPECT_FALSE(CheckAssessment(*framework, Observations(), 2022).ok());
  const absl::Status none = CheckAssessment(*framework, *data, 2022, {UnitLevel::kTownship, std::nullopt});
  EXPECT_FALSE(none.ok());
  EXPECT_TRUE(Contains(std::string(none.message()), "乡镇"));
}

TEST(Order, OutputsDoNotDependOnTheOrderOfTheRows) {
  const auto framework = MustParse(kMortality);
  const std::string rows = "甲,2,2022,5.5\n甲,3,2022,4.0\n乙,2,2022,5\n乙,3,2022,6\n丙,1,2022,75\n";
  const std::string reversed = "丙,1,2022,75\n乙,3,2022,6\n乙,2,2022,5\n甲,3,2022,4.0\n甲,2,2022,5.5\n";
  const Assessment a = Assess(framework, Data("unit,indicator,year,value\n" + rows, framework.get()), 2022);
  const Assessment b = Assess(framework, Data("unit,indicator,year,value\n" + reversed, framework.get()), 2022);
  EXPECT_EQ(AssessmentToJson(a, Explanation::kAll), AssessmentToJson(b, Explanation::kAll));
  EXPECT_EQ(AssessmentToCsv(a, Explanation::kAll), AssessmentToCsv(b, Explanation::kAll));
  EXPECT_EQ(AssessmentToTable(a), AssessmentToTable(b));
}

TEST(Order, TheMonitoringReportDoesNotDependOnTheOrderOfTheRows) {
  const auto framework = MustParse(kMortality);
  const std::string rows = "乙,2,2022,5\n甲,2,2021,5.5\n丙,1,2022,75\n甲,2,2022,4.0\n";
  const std::string shuffled = "甲,2,2022,4.0\n丙,1,2022,75\n甲,2,2021,5.5\n乙,2,2022,5\n";
  MonitoringRequest a{framework, Data("unit,indicator,year,value\n" + rows, framework.get()), {}, {}, {}, {}};
  MonitoringRequest b{framework, Data("unit,indicator,year,value\n" + shuffled, framework.get()), {}, {}, {}, {}};
  const MonitoringReport first = BuildMonitoringReport(a);
  // In Chinese collation (丙 bǐng, 甲 jiǎ, 乙 yǐ), not by row, nor by code
  // point (乙 U+4E59 before 甲 U+7532).
  EXPECT_EQ(first.units, (std::vector<std::string>{"丙", "甲", "乙"}));
  EXPECT_EQ(MonitoringReportMarkdown(first), MonitoringReportMarkdown(BuildMonitoringReport(b)));
  EXPECT_EQ(MonitoringReportJson(first), MonitoringReportJson(BuildMonitoringReport(b)));
}

// The units of a ranking in the order they finish; within a tie, the order
// an office lists them in.
std::vector<std::string> RankingOrder(const Assessment& a) {
  std::vector<std::string> names;
  for (std::size_t u : a.ranking()) names.push_back(a.observations().unit_name(a.units()[u]));
  return names;
}

// Four units that tie on every verdict (2 is met: 5 ≤ 6).
std::string TiedRows(const std::vector<std::string>& units) {
  std::string rows = "unit,indicator,year,value\n";
  for (const std::string& unit : units) rows += unit + ",2,2022,5\n";
  return rows;
}

TEST(Order, TiesWithoutAUnitsFileFollowChineseCollationNotCodePoints) {
  const auto framework = MustParse(kMortality);
  // By code point 丁 (U+4E01) 丙 (U+4E19) 乙 (U+4E59) 甲 (U+7532); by pinyin
  // 丙 bǐng, 丁 dīng, 甲 jiǎ, 乙 yǐ.
  const Assessment a = Assess(framework, Data(TiedRows({"甲", "乙", "丙", "丁"}), framework.get()), 2022);
  EXPECT_EQ(a.rank(a.ranking()[3]), 1);  // all four share rank 1
  EXPECT_EQ(RankingOrder(a), (std::vector<std::string>{"丙", "丁", "甲", "乙"}));
  // Numbers in names by their value: 第2组 before 第10组 (bytes put "1" first).
  const Assessment b = Assess(framework, Data(TiedRows({"第10组", "第2组", "第1组"}), framework.get()), 2022);
  EXPECT_EQ(RankingOrder(b), (std::vector<std::string>{"第1组", "第2组", "第10组"}));
}

TEST(Order, TiesFollowTheUnitsFileThenCollationForUnitsItDoesNotList) {
  const auto framework = MustParse(kMortality);
  auto observations = std::make_shared<Observations>();
  // The office's own order (丁 乙 甲), which is neither pinyin nor code points.
  EXPECT_TRUE(ReadUnitsCsv("unit\n# 行政区划代码顺序\n丁\n乙\n甲\n", "units.csv", *observations).empty());
  EXPECT_FALSE(HasErrors(ReadObservationsCsv(TiedRows({"甲", "乙", "戊", "丙", "丁"}), "data.csv",
                                              framework.get(), *observations)));
  EXPECT_TRUE(observations->listed(*observations->FindUnit("丁")));
  EXPECT_FALSE(observations->listed(*observations->FindUnit("戊")));
  const Assessment a = Assess(framework, observations, 2022);
  // Listed first, in the file's order; then 丙 (bǐng) and 戊 (wù), which it does not list.
  EXPECT_EQ(RankingOrder(a), (std::vector<std::string>{"丁", "乙", "甲", "丙", "戊"}));
  // The table shows the same order.
  const std::string table = AssessmentToTable(a);
  EXPECT_LT(table.find("丁 "), table.find("乙 "));
  EXPECT_LT(table.find("乙 "), table.find("甲 "));
  EXPECT_LT(table.find("丙 "), table.find("戊 "));
}

TEST(Findings, TheTableNamesFailedIndicatorsPastTheSixtyFourth) {
  // 70 indicators: the table keeps a unit's failed ones as bits, 64 to a
  // word; the 64th and 65th straddle the words.
  std::string text = "框架 \"t\"\n";
  std::string csv = "unit,indicator,year,value\n";
  for (int i = 1; i <= 70; ++i) {
    text += "指标 " + std::to_string(i) + " \"i" + std::to_string(i) + "\" { 单位 % 方向 越高越好 目标 2022 90 }\n";
    const std::string jia = i == 1 || i == 64 || i == 70 ? "50" : i == 65 ? "150" : "95";
    csv += "甲," + std::to_string(i) + ",2022," + jia + "\n";
    csv += "乙," + std::to_string(i) + ",2022," + (i == 2 ? "50" : "95") + "\n";
  }
  const auto framework = MustParse(text);
  const Assessment a = Assess(framework, Data(csv, framework.get()), 2022);
  const std::string table = AssessmentToTable(a);
  // 乙 first: 69 met, 1 not met; then 甲: 66 met, 3 not met, 150 % invalid.
  const auto line_of = [&](std::string_view unit) {
    const std::size_t start = table.find(std::string("  ") + std::string(unit) + " ");
    return start == std::string::npos ? std::string() : table.substr(start, table.find('\n', start) - start);
  };
  EXPECT_TRUE(Contains(line_of("乙"), " 69/1/0/0/0/0 ")) << table;
  EXPECT_TRUE(line_of("乙").ends_with(" 2")) << table;
  EXPECT_TRUE(Contains(line_of("甲"), " 66/3/0/0/1/0 ")) << table;
  EXPECT_TRUE(line_of("甲").ends_with(" 1,64,65（无效）,70")) << table;
}

TEST(Trends, TheMonitoringReportKeepsTheValueOfAnUndecidableTrend) {
  const auto framework = MustParse(R"(框架 "t"
指标 21 "死亡率" { 单位 ‰ 方向 越低越好 目标 2022 下降 }
)");
  // 2022 alone: a fall cannot be judged, and 4.8 is still shown.
  MonitoringRequest request{framework, Data("unit,indicator,year,value\n甲,21,2022,4.8\n", framework.get()),
                            {2022}, {}, {}, {}};
  const MonitoringReport report = BuildMonitoringReport(request);
  EXPECT_EQ(report.groups[0].indicators[0].values[0][0].value.ToString(), "4.8");
  EXPECT_TRUE(Contains(MonitoringReportMarkdown(report), "| 甲 | 4.8 — |"));
}

}  // namespace
}  // namespace healthact
