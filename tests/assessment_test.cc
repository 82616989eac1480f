#include "healthact/assess/assessment.hpp"

#include <cstdio>
#include <random>
#include <set>

#include "healthact/assess/aggregation.hpp"
#include "healthact/report/assessment_text.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/assess/review.hpp"
#include "healthact/core/language.hpp"
#include "test_support.hpp"
#include "core/escape.hpp"
#include "core/strings.hpp"

namespace healthact {
namespace {

using ::healthact::testing::ExamplePath;
using ::healthact::testing::MustParse;
using ::healthact::testing::ReadTextFile;

std::shared_ptr<Observations> Data(const std::string& csv, const Framework* framework = nullptr) {
  auto observations = std::make_shared<Observations>();
  const std::vector<Diagnostic> diagnostics =
      ReadObservationsCsv(csv, "data.csv", framework, *observations);
  for (const Diagnostic& d : diagnostics) ADD_FAILURE() << d.ToString();
  return observations;
}

std::shared_ptr<const Framework> Liuzhou() {
  return MustParse(ReadTextFile(ExamplePath("liuzhou.ha")));
}

// Where the named unit and the indicator with this number are in an assessment.
std::pair<std::size_t, std::size_t> Cell(const Assessment& a, const std::string& unit,
                                         const std::string& number) {
  for (std::size_t u = 0; u < a.unit_count(); ++u) {
    if (a.observations().unit_name(a.units()[u]) != unit) continue;
    for (std::size_t i = 0; i < a.indicator_count(); ++i) {
      if (a.framework().indicators()[i].number == number) return {u, i};
    }
  }
  ADD_FAILURE() << "no verdict for " << unit << " on " << number;
  return {0, 0};
}

VerdictStatus StatusOf(const Assessment& a, const std::string& unit, const std::string& number) {
  const auto [u, i] = Cell(a, unit, number);
  return a.status(u, i);
}

Verdict ExplainOf(const Assessment& a, const std::string& unit, const std::string& number) {
  const auto [u, i] = Cell(a, unit, number);
  return a.Explain(u, i);
}

std::size_t UnitIndex(const Assessment& a, const std::string& unit) {
  for (std::size_t u = 0; u < a.unit_count(); ++u) {
    if (a.observations().unit_name(a.units()[u]) == unit) return u;
  }
  ADD_FAILURE() << "no unit " << unit;
  return 0;
}

// The Liuzhou framework's own 2019 baseline column, reported as if it were
// 2022's figures and assessed against the 2022 targets.
constexpr const char* kLiuzhouBaselineAs2022 = R"(unit,indicator,year,value
柳州市,1,2022,76.8
柳州市,2,2022,3.28
柳州市,3,2022,5.23
柳州市,4,2022,10.67
柳州市,5,2022,88.56
柳州市,6,2022,18.8
柳州市,7,2022,38.81
柳州市,8,2022,13.2
柳州市,9,2022,2.75
柳州市,10,2022,28
柳州市,11,2022,未建立
柳州市,12,2022,未建立
柳州市,13,2022,89.52
柳州市,14,2022,99.45
柳州市,15,2022,未统计
柳州市,16,2022,40.12
柳州市,17,2022,100
柳州市,18,2022,1
柳州市,19,2022,60.39
柳州市,20,2022,74
柳州市,22,2022,20
柳州市,23,2022,75.69
柳州市,24,2022,75.25
柳州市,25.1,2022,100
柳州市,25.2,2022,65
柳州市,26,2022,97.12
)";

TEST(Assess, LiuzhouBaselineAgainstIts2022Targets) {
  auto framework = Liuzhou();
  Assessment a = Assess(framework, Data(kLiuzhouBaselineAs2022, framework.get()), 2022);
  // Each line: the comparison, worked by hand from the seed's table.
  const std::pair<const char*, VerdictStatus> expected[] = {
      {"1", VerdictStatus::kNotMet},    // 76.8 < 77.8 (bare, higher is better)
      {"2", VerdictStatus::kMet},       // 3.28 ≤ 6.0
      {"3", VerdictStatus::kMet},       // 5.23 ≤ 6.5
      {"4", VerdictStatus::kMet},       // 10.67 ≤ 17
      {"5", VerdictStatus::kNotMet},    // 88.56 < 90.86
      {"6", VerdictStatus::kNotMet},    // 18.8 < 22
      {"7", VerdictStatus::kMet},       // 38.81 ≥ 37
      {"8", VerdictStatus::kMet},       // 13.2 ≤ 15.9
      {"9", VerdictStatus::kNotMet},    // 2.75 < 2.8
      {"10", VerdictStatus::kNotMet},   // 28 > 27.5 (bare, lower is better)
      {"11", VerdictStatus::kNotMet},   // 未建立, target 实现
      {"12", VerdictStatus::kNotMet},   // 未建立, target 实现
      {"13", VerdictStatus::kMet},      // 产前筛查率 89.52 ≥ 80
      {"14", VerdictStatus::kMet},      // 99.45 ≥ 98
      {"15", VerdictStatus::kMissing},  // 未统计
      {"16", VerdictStatus::kNotMet},   // 40.12 < 50
      {"17", VerdictStatus::kMet},      // 100 = 100
      {"18", VerdictStatus::kMet},      // 1 ≥ 1
      {"19", VerdictStatus::kNotMet},   // 60.39 < 70
      {"20", VerdictStatus::kNotMet},   // 74 < 80
      {"21", VerdictStatus::kMissing},  // 明显下降 needs last year's value: none
      {"22", VerdictStatus::kNotMet},   // 20 < 53
      {"23", VerdictStatus::kMet},      // 75.69 ≥ 60
      {"24", VerdictStatus::kMet},      // 75.25 ≥ 60
      {"25", VerdictStatus::kNotMet},   // 100 ≥ 100 but 65 < 70
      {"26", VerdictStatus::kMet},      // 97.12 > 90
  };
  for (const auto& [number, status] : expected) {
    EXPECT_EQ(StatusOf(a, "柳州市", number), status) << "indicator " << number;
  }
  // 12 met of 26 weighed equally; missing verdicts count against the score.
  // 12 / 26 × 100 = 46.1538… → 46.15.
  EXPECT_EQ(a.score(0).ToString(), "46.15");
  EXPECT_EQ(a.grade(0), "不合格");

  const Verdict life = ExplainOf(a, "柳州市", "1");
  EXPECT_EQ(ValueText(life), "76.8");
  EXPECT_EQ(TargetText(life), "77.8");
  EXPECT_EQ(ReasonText(life), "76.8 < 77.8 (目标 77.8)");
  const Verdict screening = ExplainOf(a, "柳州市", "13");
  EXPECT_EQ(ReasonText(screening), "89.52 > 80 (目标 ≥80)");
  const Verdict parts = ExplainOf(a, "柳州市", "25");
  ASSERT_EQ(parts.parts.size(), 2u);
  EXPECT_EQ(parts.parts[0].status, VerdictStatus::kMet);
  EXPECT_EQ(parts.parts[1].status, VerdictStatus::kNotMet);
  EXPECT_EQ(parts.parts[1].indicator, "25.2");
  EXPECT_EQ(ReasonText(parts.parts[1]), "65 < 70");
}

// A verdict is data: the number judged, the framework's own target, and the
// facts of its reason, which its text is made from.
TEST(Assess, VerdictsAreTypedData) {
  auto framework = Liuzhou();
  const Assessment a = Assess(framework, Data("unit,indicator,year,value\n柳州市,1,2022,76.8\n"
                                              "柳州市,25.1,2022,100\n柳州市,25.2,2022,65\n",
                                              framework.get()),
                              2022);
  const Verdict life = ExplainOf(a, "柳州市", "1");
  EXPECT_EQ(life.value.kind, ReportKind::kNumber);
  EXPECT_EQ(life.value.number, *Decimal::Parse("76.8"));
  EXPECT_TRUE(life.value.exact);
  // The target is the framework's, not a copy or a string.
  EXPECT_EQ(life.target, framework->FindIndicator("1")->TargetFor(2022));
  EXPECT_EQ(life.reason.kind, ReasonKind::kCompared);
  EXPECT_EQ(life.reason.relation, -1);  // 76.8 < 77.8
  EXPECT_FALSE(life.reason.computation.has_value());
  const Verdict parts = ExplainOf(a, "柳州市", "25");
  EXPECT_EQ(parts.reason.kind, ReasonKind::kParts);
  EXPECT_EQ(parts.reason.parts_total, 2);
  EXPECT_EQ(parts.reason.parts_met, 1);
  EXPECT_EQ(parts.parts[1].part, 1);
  EXPECT_EQ(TargetText(parts.parts[1]), "70");  // as the framework writes it: 100，70
  EXPECT_EQ(ValueText(parts), "100，65");
  // Nothing reported: no value, and the year in the reason.
  const Verdict nothing = ExplainOf(a, "柳州市", "2");
  EXPECT_EQ(nothing.value.kind, ReportKind::kNothing);
  EXPECT_EQ(nothing.reason.kind, ReasonKind::kNotReported);
  EXPECT_EQ(nothing.reason.year, 2022);
}

std::shared_ptr<const Framework> Boundaries() {
  return MustParse(R"(框架 "边界"
指标 1 "人均预期寿命" { 单位 岁 方向 越高越好 目标 2022 74.6 }
指标 2 "婴儿死亡率" { 单位 ‰ 方向 越低越好 目标 2022 ≤6.0 }
指标 26 "接种率" { 单位 % 方向 越高越好 目标 2022 ＞90 }
)");
}

TEST(Assess, BoundariesAreExact) {
  auto framework = Boundaries();
  Assessment a = Assess(framework, Data(R"(unit,indicator,year,value
恰好,1,2022,74.6
恰好,2,2022,6
恰好,26,2022,90
差一点,1,2022,74.59999999999
差一点,2,2022,6.00000000001
差一点,26,2022,90.00000000001
全角,1,2022,７４．６
全角,2,2022,６．０
全角,26,2022,９０
)"), 2022);
  EXPECT_EQ(StatusOf(a, "恰好", "1"), VerdictStatus::kMet);     // 74.6 meets a bare 74.6
  EXPECT_EQ(StatusOf(a, "恰好", "2"), VerdictStatus::kMet);     // 6 ≤ 6.0
  EXPECT_EQ(StatusOf(a, "恰好", "26"), VerdictStatus::kNotMet); // 90 is not ＞90
  EXPECT_EQ(StatusOf(a, "差一点", "1"), VerdictStatus::kNotMet);
  EXPECT_EQ(StatusOf(a, "差一点", "2"), VerdictStatus::kNotMet);
  EXPECT_EQ(StatusOf(a, "差一点", "26"), VerdictStatus::kMet);
  EXPECT_EQ(StatusOf(a, "全角", "1"), VerdictStatus::kMet);
  EXPECT_EQ(StatusOf(a, "全角", "2"), VerdictStatus::kMet);
  EXPECT_EQ(StatusOf(a, "全角", "26"), VerdictStatus::kNotMet);
  EXPECT_EQ(ReasonText(ExplainOf(a, "恰好", "26")), "90 = 90 (目标 >90)");
}

// Each thread remembers the columns it last found (assess/column_lookup.hpp):
// assessing again must see a value changed, a column made since, a copy
// changed apart, and another framework's keys.
TEST(Assess, AgainOnOneThreadSeesEveryChangeOfTheData) {
  auto framework = Boundaries();  // 1 ≥74.6, 2 ≤6.0, 26 >90: indices 0, 1, 2
  auto data = std::make_shared<Observations>();
  const UnitId jia = data->AddUnit("甲");
  ASSERT_TRUE(data->Add(jia, "1", 2022, *ParseReported("74.6")).ok());
  const auto statuses = [](const Assessment& a) {
    std::vector<VerdictStatus> all;
    for (std::size_t i = 0; i < a.indicator_count(); ++i) all.push_back(a.status(0, i));
    return all;
  };
  using enum VerdictStatus;
  EXPECT_EQ(statuses(Assess(framework, data, 2022)), (std::vector{kMet, kMissing, kMissing}));
  ASSERT_TRUE(data->Replace(jia, "1", 2022, *ParseReported("70")).ok());  // a column read before
  ASSERT_TRUE(data->Add(jia, "2", 2022, *ParseReported("5.5")).ok());     // a column made since
  EXPECT_EQ(statuses(Assess(framework, data, 2022)), (std::vector{kNotMet, kMet, kMissing}));

  auto copy = std::make_shared<Observations>(*data);
  ASSERT_TRUE(copy->Replace(jia, "1", 2022, *ParseReported("80")).ok());
  ASSERT_TRUE(copy->Add(jia, "26", 2022, *ParseReported("95")).ok());
  for (int turn = 0; turn < 2; ++turn) {
    EXPECT_EQ(statuses(Assess(framework, copy, 2022)), (std::vector{kMet, kMet, kMet})) << turn;
    EXPECT_EQ(statuses(Assess(framework, data, 2022)), (std::vector{kNotMet, kMet, kMissing})) << turn;
  }

  // The same framework with 1 and 2 swapped, parsed where the freed one
  // was: its keys are likely at the old keys' addresses, and must be read
  // as what they say.
  EXPECT_EQ(statuses(Assess(framework, copy, 2022)), (std::vector{kMet, kMet, kMet}));
  framework.reset();
  auto swapped = MustParse(R"(框架 "边界"
指标 2 "人均预期寿命" { 单位 岁 方向 越高越好 目标 2022 74.6 }
指标 1 "婴儿死亡率" { 单位 ‰ 方向 越低越好 目标 2022 ≤6.0 }
指标 26 "接种率" { 单位 % 方向 越高越好 目标 2022 ＞90 }
)");
  // 2 is 5.5 (not ≥74.6), 1 is 80 (not ≤6.0).
  EXPECT_EQ(statuses(Assess(swapped, copy, 2022)), (std::vector{kNotMet, kNotMet, kMet}));
}

// Everything an assessment says, so that one made in spent storage can be
// held to a fresh one's.
void ExpectSameAssessment(const Assessment& fresh, const Assessment& reused) {
  ASSERT_EQ(fresh.units(), reused.units());
  ASSERT_EQ(fresh.indicator_count(), reused.indicator_count());
  EXPECT_EQ(fresh.ranking(), reused.ranking());
  for (std::size_t u = 0; u < fresh.unit_count(); ++u) {
    for (std::size_t i = 0; i < fresh.indicator_count(); ++i) {
      EXPECT_EQ(fresh.status(u, i), reused.status(u, i)) << u << "," << i;
    }
    EXPECT_EQ(fresh.score(u), reused.score(u)) << u;
    EXPECT_EQ(fresh.rank(u), reused.rank(u)) << u;
    EXPECT_EQ(fresh.rank_within_parent(u), reused.rank_within_parent(u)) << u;
    EXPECT_EQ(fresh.grade(u), reused.grade(u)) << u;
    EXPECT_EQ(fresh.findings(u), reused.findings(u)) << u;
  }
}

// Assessments made one after another in the storage of the one before (a
// dashboard re-assessing after each submission): each is what a fresh
// Assess gives, whether the storage was too small, shared by a copy, or
// for other units.  Scores worked out by hand: three equal weights, so one
// met verdict is 33.33 and two are 66.67; no unit has a parent, so the rank
// among siblings is the rank.
TEST(Assess, InSpentStorageIsWhatAFreshAssessmentIs) {
  auto framework = Boundaries();  // 1 ≥74.6, 2 ≤6.0, 26 >90
  auto four = Data(R"(unit,indicator,year,value
甲,1,2022,80
甲,2,2022,5
甲,26,2022,95
乙,1,2022,70
乙,2,2022,5
乙,26,2022,95
丙,1,2022,80
丙,2,2022,7
丙,26,2022,80
丁,1,2022,
)");
  auto two = Data(R"(unit,indicator,year,value
戊,1,2022,60
戊,2,2022,9
戊,26,2022,91
己,1,2022,75
己,2,2022,6.0
己,26,2022,90
)");
  using enum VerdictStatus;
  const auto scores = [](const Assessment& a) {
    std::vector<std::string> all;
    for (std::size_t position : a.ranking()) {
      all.push_back(a.observations().unit_name(a.units()[position]) + " " + a.score(position).ToString() + " " +
                    std::to_string(a.rank(position)) + "/" + std::to_string(a.rank_within_parent(position)));
    }
    return all;
  };
  Assessment first = Assess(framework, four, 2022);
  ASSERT_EQ(scores(first), (std::vector<std::string>{"甲 100.00 1/1", "乙 66.67 2/2", "丙 33.33 3/3", "丁 0.00 4/4"}));

  // A copy shares the verdicts: they are left to it, not overwritten.
  const Assessment held = first;
  Assessment second = Assess(framework, two, 2022, {}, std::move(first));
  EXPECT_EQ(first.unit_count(), 0u);  // spent, left empty
  EXPECT_EQ(scores(second), (std::vector<std::string>{"己 66.67 1/1", "戊 33.33 2/2"}));  // 90 is not above 90
  EXPECT_EQ(scores(held), (std::vector<std::string>{"甲 100.00 1/1", "乙 66.67 2/2", "丙 33.33 3/3", "丁 0.00 4/4"}));
  const auto row = [](const Assessment& a, const std::string& unit) {
    std::vector<VerdictStatus> all;
    for (const char* number : {"1", "2", "26"}) all.push_back(StatusOf(a, unit, number));
    return all;
  };
  EXPECT_EQ(row(held, "甲"), (std::vector{kMet, kMet, kMet}));
  EXPECT_EQ(row(held, "乙"), (std::vector{kNotMet, kMet, kMet}));
  EXPECT_EQ(row(held, "丙"), (std::vector{kMet, kNotMet, kNotMet}));
  EXPECT_EQ(row(held, "丁"), (std::vector{kMissing, kMissing, kMissing}));
  EXPECT_EQ(row(second, "戊"), (std::vector{kNotMet, kNotMet, kMet}));
  EXPECT_EQ(row(second, "己"), (std::vector{kMet, kMet, kNotMet}));

  // Six verdicts' storage for twelve: too small, so more is taken.
  Assessment third = Assess(framework, four, 2022, {}, std::move(second));
  ExpectSameAssessment(held, third);

  // Twelve for twelve, reused; 丁 now ties 丙 and follows it by name.
  ASSERT_TRUE(four->Replace(*four->FindUnit("丁"), "1", 2022, *ParseReported("80")).ok());
  Assessment fourth = Assess(framework, four, 2022, {}, std::move(third));
  EXPECT_EQ(scores(fourth), (std::vector<std::string>{"甲 100.00 1/1", "乙 66.67 2/2", "丙 33.33 3/3", "丁 33.33 3/3"}));
  EXPECT_EQ(StatusOf(fourth, "丁", "1"), kMet);
  ExpectSameAssessment(Assess(framework, four, 2022), fourth);
}

// The same for some units of a data set (their own name order), units under
// several parents (ranks within each), and figures with findings.
TEST(Assess, InSpentStorageChoosesUnitsAndFindingsAsAFreshOneDoes) {
  auto framework = Boundaries();
  auto data = std::make_shared<Observations>();
  ASSERT_TRUE(ReadUnitsCsv("unit,parent,level\n张掖市,,市\n甘州区,张掖市,县区\n临泽县,张掖市,县区\n"
                           "梁家墩镇,甘州区,乡镇\n上秦镇,甘州区,乡镇\n沙河镇,临泽县,乡镇\n",
                           "units.csv", *data)
                  .empty());
  ASSERT_TRUE(ReadObservationsCsv("unit,indicator,year,value\n甘州区,1,2022,75\n临泽县,1,2022,74\n"
                                  "梁家墩镇,1,2022,76\n上秦镇,1,2022,999\n沙河镇,1,2022,76\n",
                                  "data.csv", framework.get(), *data)
                  .empty());
  Assessment spent = Assess(framework, data, 2022);
  const std::vector<AssessOptions> choices = {
      {UnitLevel::kCounty, std::nullopt},
      {UnitLevel::kTownship, std::nullopt},      // three townships under two counties
      {std::nullopt, data->FindUnit("甘州区")},  // two of them
      {},                                        // everyone
  };
  for (int round = 0; round < 2; ++round) {
    for (const AssessOptions& options : choices) {
      spent = Assess(framework, data, 2022, options, std::move(spent));
      ExpectSameAssessment(Assess(framework, data, 2022, options), spent);
    }
  }
  // The townships after the counties: 梁家墩镇 and 沙河镇 tie at 33.33 and
  // are listed by name (liáng before shā); 上秦镇's 999 岁 is invalid, with
  // its finding.
  spent = Assess(framework, data, 2022, {UnitLevel::kCounty, std::nullopt}, std::move(spent));
  spent = Assess(framework, data, 2022, {UnitLevel::kTownship, std::nullopt}, std::move(spent));
  std::vector<std::string> ranked;
  for (std::size_t u : spent.ranking()) ranked.push_back(data->unit_name(spent.units()[u]));
  EXPECT_EQ(ranked, (std::vector<std::string>{"梁家墩镇", "沙河镇", "上秦镇"}));
  EXPECT_EQ(spent.rank(UnitIndex(spent, "梁家墩镇")), 1);
  EXPECT_EQ(spent.rank(UnitIndex(spent, "沙河镇")), 1);
  EXPECT_EQ(spent.rank(UnitIndex(spent, "上秦镇")), 3);
  EXPECT_EQ(spent.rank_within_parent(UnitIndex(spent, "梁家墩镇")), 1);  // of 甘州区's two
  EXPECT_EQ(spent.rank_within_parent(UnitIndex(spent, "上秦镇")), 2);
  EXPECT_EQ(spent.rank_within_parent(UnitIndex(spent, "沙河镇")), 1);  // 临泽县's only
  EXPECT_EQ(StatusOf(spent, "上秦镇", "1"), VerdictStatus::kInvalid);
  EXPECT_EQ(spent.findings(UnitIndex(spent, "上秦镇")).size(), 1u);
}

TEST(Assess, MissingPendingInvalidAndNotApplicableStayDistinct) {
  auto framework = MustParse(R"(框架 "状态"
指标 1 "a" { 单位 % 方向 越高越好 目标 2022 ≥80 }
指标 2 "b" { 单位 % 方向 越高越好 目标 2022 ≥80 }
指标 3 "c" { 单位 % 方向 越高越好 目标 2022 ≥80 }
指标 4 "d" { 单位 % 方向 越高越好 目标 2022 ≥80 }
指标 5 "e" { 单位 % 方向 越高越好 目标 2030 ≥80 }
指标 6 "f" { 目标 2022 --  目标 2030 实现 }
指标 7 "g" { 目标 2022 实现 }
)");
  Assessment a = Assess(framework, Data(R"(unit,indicator,year,value
甲,1,2022,待公布
甲,2,2022,未统计
甲,3,2022,实现
甲,4,2022,
甲,7,2022,否
)"), 2022);
  EXPECT_EQ(StatusOf(a, "甲", "1"), VerdictStatus::kPending);
  EXPECT_EQ(StatusOf(a, "甲", "2"), VerdictStatus::kMissing);
  EXPECT_EQ(StatusOf(a, "甲", "3"), VerdictStatus::kInvalid);
  EXPECT_EQ(StatusOf(a, "甲", "4"), VerdictStatus::kMissing);
  EXPECT_EQ(StatusOf(a, "甲", "5"), VerdictStatus::kNotApplicable);  // no 2022 target
  EXPECT_EQ(StatusOf(a, "甲", "6"), VerdictStatus::kNotApplicable);  // target --
  EXPECT_EQ(StatusOf(a, "甲", "7"), VerdictStatus::kNotMet);         // 否
  // Pending and not applicable are left out of the score; the others count
  // for nothing: 0 of weights 1,2,3,4,7 → 0.
  EXPECT_EQ(a.score(0).ToString(), "0.00");
  EXPECT_EQ(ReasonText(ExplainOf(a, "甲", "3")), "报告为实现，但此指标要求数值 (目标 ≥80)");
}

TEST(Assess, TiesShareARankAndTheNextRankSkips) {
  auto framework = MustParse(R"(框架 "名次"
指标 1 "a" { 单位 % 方向 越高越好 目标 2022 ≥80 }
指标 2 "b" { 单位 % 方向 越高越好 目标 2022 ≥80 }
)");
  Assessment a = Assess(framework, Data(R"(unit,indicator,year,value
丁县,1,2022,10
丁县,2,2022,10
乙县,1,2022,90
乙县,2,2022,10
甲县,1,2022,90
甲县,2,2022,90
丙县,1,2022,10
丙县,2,2022,90
)"), 2022);
  // 甲 100; 乙 and 丙 50 each; 丁 0 → ranks 1, 2, 2, 4.
  EXPECT_EQ(a.rank(UnitIndex(a, "甲县")), 1);
  EXPECT_EQ(a.rank(UnitIndex(a, "乙县")), 2);
  EXPECT_EQ(a.rank(UnitIndex(a, "丙县")), 2);
  EXPECT_EQ(a.rank(UnitIndex(a, "丁县")), 4);
  EXPECT_EQ(a.score(UnitIndex(a, "乙县")).ToString(), "50.00");
  // Tied units are listed in the order of their names (by code point: 丙 U+4E19 < 乙 U+4E59).
  std::vector<std::string> order;
  for (std::size_t u : a.ranking()) order.push_back(a.observations().unit_name(a.units()[u]));
  EXPECT_EQ(order, (std::vector<std::string>{"甲县", "丙县", "乙县", "丁县"}));
}

TEST(Assess, LinearPartialCreditFromTheBaseline) {
  auto framework = MustParse(R"(框架 "部分得分"
部分得分 线性
指标 1 "筛查率" { 单位 % 方向 越高越好 基期 2019 60 目标 2022 ≥80 }
指标 2 "死亡率" { 单位 ‰ 方向 越低越好 基期 2019 10 目标 2022 ≤6 }
)");
  Assessment a = Assess(framework, Data(R"(unit,indicator,year,value
甲,1,2022,75
甲,2,2022,8
乙,1,2019,70
乙,1,2022,75
乙,2,2022,12
)"), 2022);
  // 甲: (75-60)/(80-60) = 0.75 and (8-10)/(6-10) = 0.5; equal weights of 50:
  //     50×0.75 + 50×0.5 = 62.5.
  EXPECT_EQ(a.score(UnitIndex(a, "甲")).ToString(), "62.50");
  // 乙 reported its own 2019 value, 70: (75-70)/(80-70) = 0.5; indicator 2
  //     went the wrong way, (12-10)/(6-10) < 0 → 0.  50×0.5 = 25.
  EXPECT_EQ(a.score(UnitIndex(a, "乙")).ToString(), "25.00");
}

TEST(Assess, WeightsPerIndicatorAndPerBasisGroup) {
  auto framework = MustParse(R"(框架 "权重"
权重 1 40
权重 "《乙》" 30
依据 "《甲》"
指标 1 "a" { 单位 % 方向 越高越好 目标 2022 ≥80 }
指标 2 "b" { 单位 % 方向 越高越好 目标 2022 ≥80 }
依据 "《乙》"
指标 3 "c" { 单位 % 方向 越高越好 目标 2022 ≥80 }
指标 4 "d" { 单位 % 方向 越高越好 目标 2022 ≥80 }
)");
  // 1 weighs 40; 3 and 4 share 30 (15 each); 2 takes what is left, 30.
  Assessment a = Assess(framework, Data(R"(unit,indicator,year,value
甲,1,2022,90
甲,2,2022,0
甲,3,2022,90
甲,4,2022,0
)"), 2022);
  EXPECT_EQ(a.weight(0).ToString(), "40.0000");
  EXPECT_EQ(a.weight(1).ToString(), "30.0000");
  EXPECT_EQ(a.weight(2).ToString(), "15.0000");
  EXPECT_EQ(a.score(0).ToString(), "55.00");  // 40 + 15
}

// Scores summed over many indicators of one weight and a few of another,
// for a number of units that is not a multiple of sixteen (the verdicts are
// tallied sixteen units at a time, a byte per unit, flushed every 255
// indicators).  《甲》's 300 indicators share 70 (7/30 each); 《乙》's two
// weigh 15 each.  Unit k meets the first 8k of the 300 and misses the rest;
// reports 待公布 on indicator 300 when k is odd (left out of its score);
// meets 301 when k is even; never reports 302 (counted, earns nothing).
//   k even: (8k × 7/30 + 15) / 100 × 100 = 56k/30 + 15
//   k odd:  8k × 7/30 / (100 − 7/30) × 100 = 5600k / 2993
TEST(Assess, SumsScoresOverHundredsOfIndicatorsOfTwoWeights) {
  std::string text = "框架 \"三百项\"\n权重 \"《乙》\" 30\n依据 \"《甲》\"\n";
  for (int i = 1; i <= 300; ++i) {
    text += "指标 " + std::to_string(i) + " \"项" + std::to_string(i) + "\" { 单位 % 方向 越高越好 目标 2022 ≥50 }\n";
  }
  text += "依据 \"《乙》\"\n";
  text += "指标 301 \"乙一\" { 单位 % 方向 越高越好 目标 2022 ≥50 }\n";
  text += "指标 302 \"乙二\" { 单位 % 方向 越高越好 目标 2022 ≥50 }\n";
  auto framework = MustParse(text);
  std::string csv = "unit,indicator,year,value\n";
  for (int k = 0; k < 37; ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "单位%02d", k);
    for (int i = 1; i <= 300; ++i) {
      const char* value = i == 300 && k % 2 == 1 ? "待公布" : i <= 8 * k ? "60" : "40";
      csv += std::string(name) + "," + std::to_string(i) + ",2022," + value + "\n";
    }
    csv += std::string(name) + ",301,2022," + (k % 2 == 0 ? "60" : "40") + "\n";
  }
  const Assessment a = Assess(framework, Data(csv), 2022);
  ASSERT_EQ(a.unit_count(), 37u);
  const auto score = [&](const char* name) { return a.score(UnitIndex(a, name)).ToString(); };
  EXPECT_EQ(score("单位00"), "15.00");
  EXPECT_EQ(score("单位01"), "1.87");   // 5600/2993 = 1.871
  EXPECT_EQ(score("单位02"), "18.73");  // 112/30 + 15 = 18.733
  EXPECT_EQ(score("单位16"), "44.87");  // 896/30 + 15 = 44.867, the second sixteen's first
  EXPECT_EQ(score("单位33"), "61.74");  // 184800/2993 = 61.744, in the last five
  EXPECT_EQ(score("单位34"), "78.47");  // 1904/30 + 15 = 78.467
  EXPECT_EQ(score("单位35"), "65.49");  // 196000/2993 = 65.486
  EXPECT_EQ(score("单位36"), "82.20");  // 288 met: more than a byte holds
}

TEST(Assess, TrendOverThreeYears) {
  auto framework = MustParse(R"(框架 "趋势"
明显下降幅度 10%
持续下降年数 2
指标 1 "持续" { 单位 % 方向 越低越好 目标 2022 持续下降 }
指标 2 "明显" { 单位 % 方向 越低越好 目标 2022 明显下降 }
指标 3 "下降" { 单位 % 方向 越低越好 目标 2022 下降 }
)");
  Assessment a = Assess(framework, Data(R"(unit,indicator,year,value
降,1,2020,1.5
降,1,2021,1.2
降,1,2022,1.0
降,2,2021,1.2
降,2,2022,1.0
降,3,2021,1.2
降,3,2022,1.2
反复,1,2020,1.5
反复,1,2021,1.6
反复,1,2022,1.0
反复,2,2021,1.2
反复,2,2022,1.1
缺年,1,2021,1.2
缺年,1,2022,1.0
)"), 2022);
  EXPECT_EQ(StatusOf(a, "降", "1"), VerdictStatus::kMet);       // 1.5 > 1.2 > 1.0
  EXPECT_EQ(StatusOf(a, "反复", "1"), VerdictStatus::kNotMet);  // rose in 2021
  EXPECT_EQ(StatusOf(a, "缺年", "1"), VerdictStatus::kMissing); // no 2020
  EXPECT_EQ(StatusOf(a, "降", "2"), VerdictStatus::kMet);       // (1.2-1.0)/1.2 = 16.67% ≥ 10%
  EXPECT_EQ(StatusOf(a, "反复", "2"), VerdictStatus::kNotMet);  // (1.2-1.1)/1.2 = 8.33% < 10%
  EXPECT_EQ(StatusOf(a, "降", "3"), VerdictStatus::kNotMet);    // 1.2 → 1.2 is no fall
  EXPECT_EQ(ReasonText(ExplainOf(a, "降", "1")),
            "2020年 1.5 → 2021年 1.2 → 2022年 1.0：逐年下降 (目标 持续下降)");
  EXPECT_EQ(ReasonText(ExplainOf(a, "反复", "2")),
            "2021年 1.2 → 2022年 1.1：下降；变化8.33…%，未达到明显下降幅度10% (目标 明显下降)");
}

// A marked change is decided exactly: 1/8 is 12.5% and reaches 12.5%;
// 0.99/8 is 12.375%, shown rounded half up as 12.38… and short of it; a rise
// of 1 on 3 is 33.33…%; from 0 no relative change exists.  A value outside
// its range is still refused.
TEST(Assess, MarkedChangeIsExactAtItsBoundary) {
  auto framework = MustParse(R"(框架 "趋势"
明显下降幅度 12.5%
指标 2 "明显" { 单位 % 方向 越低越好 目标 2022 明显下降 }
指标 4 "上升" { 单位 % 方向 越高越好 目标 2022 明显上升 }
)");
  Assessment a = Assess(framework, Data(R"(unit,indicator,year,value
界,2,2021,8.0
界,2,2022,7.0
差,2,2021,8.0
差,2,2022,7.01
升,4,2021,3
升,4,2022,4
零,4,2021,0
零,4,2022,5
超,2,2021,120
超,2,2022,7
)"), 2022);
  EXPECT_EQ(StatusOf(a, "界", "2"), VerdictStatus::kMet);
  EXPECT_EQ(ReasonText(ExplainOf(a, "界", "2")),
            "2021年 8.0 → 2022年 7.0：下降；变化12.5%，达到明显下降幅度12.5% (目标 明显下降)");
  EXPECT_EQ(StatusOf(a, "差", "2"), VerdictStatus::kNotMet);
  EXPECT_EQ(ReasonText(ExplainOf(a, "差", "2")),
            "2021年 8.0 → 2022年 7.01：下降；变化12.38…%，未达到明显下降幅度12.5% (目标 明显下降)");
  EXPECT_EQ(StatusOf(a, "升", "4"), VerdictStatus::kMet);
  EXPECT_EQ(ReasonText(ExplainOf(a, "升", "4")),
            "2021年 3 → 2022年 4：上升；变化33.33…%，达到明显上升幅度12.5% (目标 明显上升)");
  EXPECT_EQ(StatusOf(a, "零", "4"), VerdictStatus::kNotMet);
  EXPECT_EQ(ReasonText(ExplainOf(a, "零", "4")),
            "2021年 0 → 2022年 5：上升；上年值不为正，无法计算相对变化 (目标 明显上升)");
  EXPECT_EQ(StatusOf(a, "超", "2"), VerdictStatus::kInvalid);
  EXPECT_EQ(ExplainOf(a, "超", "2").status, VerdictStatus::kInvalid);
}

// Ranking: score highest first, ties in name order, competition ranks.
// Unit k meets k mod 5 of four equally weighted indicators, so the scores
// are 100, 75, 50, 25, 0 for k mod 5 = 4, 3, 2, 1, 0, and of n units n/5
// share each score.  Many units are ranked by a counting sort, few by a
// sort of keys: both must give this order.
TEST(Assess, RanksTiesInNameOrderAtEveryScale) {
  auto framework = MustParse(R"(框架 "名次"
指标 1 "一" { 单位 % 方向 越高越好 目标 2022 ≥50 }
指标 2 "二" { 单位 % 方向 越高越好 目标 2022 ≥50 }
指标 3 "三" { 单位 % 方向 越高越好 目标 2022 ≥50 }
指标 4 "四" { 单位 % 方向 越高越好 目标 2022 ≥50 }
)");
  for (const int n : {1100, 11000}) {
    std::string csv = "unit,indicator,year,value\n";
    // Written from the last unit to the first, so that the order of the
    // file is not the order of the names.
    for (int k = n - 1; k >= 0; --k) {
      char name[32];
      std::snprintf(name, sizeof name, "单位%05d", k);
      for (int j = 0; j < 4; ++j) {
        csv += std::string(name) + "," + std::to_string(j + 1) + ",2022," + (j < k % 5 ? "60" : "40") + "\n";
      }
    }
    const Assessment a = Assess(framework, Data(csv), 2022);
    const int per_score = n / 5;
    const auto name_at = [&](int position) {
      return a.observations().unit_name(a.units()[a.ranking()[position]]);
    };
    const auto rank_at = [&](int position) { return a.rank(a.ranking()[position]); };
    EXPECT_EQ(name_at(0), "单位00004") << n;
    EXPECT_EQ(rank_at(0), 1) << n;
    EXPECT_EQ(name_at(1), "单位00009") << n;
    EXPECT_EQ(rank_at(per_score - 1), 1) << n;
    EXPECT_EQ(name_at(per_score), "单位00003") << n;
    EXPECT_EQ(rank_at(per_score), per_score + 1) << n;
    EXPECT_EQ(a.score(a.ranking()[per_score]).ToString(), "75.00") << n;
    char last[32];
    std::snprintf(last, sizeof last, "单位%05d", n - 5);
    EXPECT_EQ(name_at(n - 1), last) << n;
    EXPECT_EQ(rank_at(n - 1), 4 * per_score + 1) << n;
    for (int position = 1; position < n; ++position) {  // each score's units in name order
      const std::size_t before = a.ranking()[position - 1], here = a.ranking()[position];
      if (a.score(before) == a.score(here)) {
        ASSERT_LT(a.observations().unit_name(a.units()[before]), a.observations().unit_name(a.units()[here]))
            << n << " at " << position;
      }
    }
  }
}

// Targets and ranges are compiled once per framework at the column scales
// most data has (0 to 4 decimals); a column with more decimals compiles its
// own.  Either way the integer test must be the decimal one: ≥ 74.65 on a
// column of tenths is ≥ 74.7, and 100.000001 % is outside 0–100.
TEST(Assess, TargetsJudgeAlikeOnColumnsOfEveryScale) {
  auto framework = MustParse(R"(框架 "刻度"
指标 1 "十分位" { 单位 % 方向 越高越好 目标 2022 ≥74.65 }
指标 2 "百万分位" { 单位 % 方向 越高越好 目标 2022 ≥74.65 }
)");
  const auto data = Data(R"(unit,indicator,year,value
甲,1,2022,74.7
乙,1,2022,74.6
丙,1,2022,74.6
甲,2,2022,74.650000
乙,2,2022,74.649999
丙,2,2022,100.000001
)");
  for (int round = 0; round < 2; ++round) {  // the second assessment reuses the compiled plan
    Assessment a = Assess(framework, data, 2022);
    EXPECT_EQ(StatusOf(a, "甲", "1"), VerdictStatus::kMet);
    EXPECT_EQ(StatusOf(a, "乙", "1"), VerdictStatus::kNotMet);
    EXPECT_EQ(StatusOf(a, "甲", "2"), VerdictStatus::kMet);
    EXPECT_EQ(StatusOf(a, "乙", "2"), VerdictStatus::kNotMet);
    EXPECT_EQ(StatusOf(a, "丙", "2"), VerdictStatus::kInvalid);
  }
  // A copy of the framework shares the plan and judges the same.
  Assessment copied = Assess(std::make_shared<const Framework>(*framework), data, 2022);
  EXPECT_EQ(StatusOf(copied, "丙", "2"), VerdictStatus::kInvalid);
  EXPECT_EQ(copied.weight(0).ToString(), "50.0000");
}

std::shared_ptr<const Framework> Rates() {
  return MustParse(R"(框架 "比率"
计数 婴儿死亡数 例
计数 活产数 人
计数 常住人口 人
指标 2 "婴儿死亡率" {
  单位 ‰
  方向 越低越好
  公式 婴儿死亡数 / 活产数 * 1000 保留 2 四舍五入
  目标 2022 ≤6
}
指标 6 "居民健康素养水平" { 单位 % 方向 越高越好 汇总权重 常住人口 目标 2022 ≥22 }
指标 7 "经常参加体育锻炼人数比例" { 单位 % 方向 越高越好 目标 2022 ≥37 }
)");
}

TEST(Assess, FormulaIndicatorsAreComputedFromCounts) {
  auto framework = Rates();
  Assessment a = Assess(framework, Data(R"(unit,indicator,year,value
甲,婴儿死亡数,2022,23
甲,活产数,2022,4512
乙,婴儿死亡数,2022,1
乙,活产数,2022,0
丙,2,2022,5.5
)"), 2022);
  // 23 / 4512 × 1000 = 5.0975…, rounded half-up to two places: 5.10 ≤ 6.
  const Verdict computed = ExplainOf(a, "甲", "2");
  EXPECT_EQ(computed.status, VerdictStatus::kMet);
  EXPECT_EQ(ValueText(computed), "5.10");
  EXPECT_EQ(ReasonText(computed),
            "婴儿死亡数 23 / 活产数 4512 × 1000 = 5.10（四舍五入保留2位） < 6 (目标 ≤6)");
  EXPECT_EQ(StatusOf(a, "乙", "2"), VerdictStatus::kInvalid);  // zero live births
  EXPECT_EQ(StatusOf(a, "丙", "2"), VerdictStatus::kMet);      // the rate reported directly
}

TEST(Aggregate, ARateIsTheRatioOfSumsNeverTheMeanOfRates) {
  auto framework = Rates();
  auto data = Data(R"(unit,indicator,year,value,parent
甲县,婴儿死亡数,2022,2,市
甲县,活产数,2022,500,市
乙县,婴儿死亡数,2022,9,市
乙县,活产数,2022,1500,市
甲县,6,2022,80,市
甲县,常住人口,2022,100,市
乙县,6,2022,60,市
乙县,常住人口,2022,300,市
甲县,7,2022,40,市
乙县,7,2022,30,市
)");
  AggregationResult aggregated = AggregateUp(*framework, *data, 2022);
  const UnitId city = *aggregated.observations->FindUnit("市");
  // Counts are summed: 11 deaths among 2000 births.
  EXPECT_EQ(aggregated.observations->Get(city, "婴儿死亡数", 2022).number, Decimal::FromInt(11));
  EXPECT_EQ(aggregated.observations->Get(city, "活产数", 2022).number, Decimal::FromInt(2000));
  Assessment a = Assess(framework, aggregated.observations, 2022);
  // 甲县 4‰ and 乙县 6‰ average 5‰, but the city's rate is 11/2000 = 5.5‰.
  EXPECT_EQ(ValueText(ExplainOf(a, "市", "2")), "5.50");
  // Weighted by population: (80×100 + 60×300) / 400 = 65.
  EXPECT_EQ(aggregated.observations->Get(city, "6", 2022).number, Decimal::FromInt(65));
  // A rate with neither counts nor 汇总权重 is not aggregatable, and says so.
  EXPECT_EQ(aggregated.observations->Get(city, "7", 2022).kind, ReportKind::kNothing);
  bool noted = false;
  for (const AggregationNote& note : aggregated.notes) {
    noted = noted || (note.unit == "市" && note.key == "7");
  }
  EXPECT_TRUE(noted);
}

TEST(Assess, LevelAndWithinChooseTheUnits) {
  auto framework = Boundaries();
  auto data = std::make_shared<Observations>();
  ASSERT_TRUE(ReadUnitsCsv("unit,parent,level\n张掖市,,市\n甘州区,张掖市,县区\n临泽县,张掖市,县区\n"
                           "梁家墩镇,甘州区,乡镇\n",
                           "units.csv", *data)
                  .empty());
  ASSERT_TRUE(ReadObservationsCsv("unit,indicator,year,value\n甘州区,1,2022,75\n临泽县,1,2022,74\n"
                                  "梁家墩镇,1,2022,76\n",
                                  "data.csv", framework.get(), *data)
                  .empty());
  Assessment counties = Assess(framework, data, 2022, {UnitLevel::kCounty, std::nullopt});
  ASSERT_EQ(counties.unit_count(), 2u);
  Assessment in_ganzhou = Assess(framework, data, 2022, {std::nullopt, data->FindUnit("甘州区")});
  ASSERT_EQ(in_ganzhou.unit_count(), 1u);
  EXPECT_EQ(data->unit_name(in_ganzhou.units()[0]), "梁家墩镇");
}

// The columnar fast path and the explaining evaluator must never disagree.
TEST(Assess, FastPathAgreesWithTheExplainingEvaluator) {
  auto framework = Liuzhou();
  std::mt19937 random(7);
  std::string csv = "unit,indicator,year,value\n";
  const char* words[] = {"实现", "未实现", "未统计", "待公布", "未建立", ""};
  for (int unit = 0; unit < 200; ++unit) {
    for (const Indicator& indicator : framework->indicators()) {
      std::vector<std::string> keys;
      for (const IndicatorPart& part : indicator.parts) keys.push_back(part.number);
      if (keys.empty()) keys.push_back(indicator.number);
      for (const std::string& key : keys) {
        // 2027–2030 exercise the continuous fall of indicator 21 in 2030.
        for (int year : {2021, 2022, 2027, 2028, 2029, 2030}) {
          if (year > 2022 && key != "21") continue;
          std::string value;
          if (random() % 8 == 0) {
            value = words[random() % 6];
          } else {
            // Values near every threshold, with 0 to 3 decimals; some
            // negative and many above their plausible range, so that the
            // columnar range check is held to the kernel's.
            const int scale = static_cast<int>(random() % 4);
            const long mantissa = static_cast<long>(random() % 12000) - (random() % 10 == 0 ? 6000 : 0);
            value = Decimal::FromScaled(mantissa, scale).ToString();
          }
          csv += "单位" + std::to_string(unit) + "," + key + "," + std::to_string(year) + "," +
                 value + "\n";
        }
      }
    }
  }
  auto data = Data(csv, framework.get());
  int checked = 0;
  for (int year : {2022, 2030}) {
    Assessment a = Assess(framework, data, year);
    for (std::size_t u = 0; u < a.unit_count(); ++u) {
      for (std::size_t i = 0; i < a.indicator_count(); ++i) {
        ASSERT_EQ(a.status(u, i), a.Explain(u, i).status)
            << a.observations().unit_name(a.units()[u]) << " indicator "
            << a.framework().indicators()[i].number << " in " << year;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 2 * 200 * 26);
}

TEST(Review, DrawsReproduciblyAndRecomputesOnVerifiedValues) {
  auto framework = Boundaries();
  const std::string rows = R"(unit,indicator,year,value
甘州区,1,2022,75
临泽县,1,2022,75
高台县,1,2022,75
山丹县,1,2022,75
民乐县,1,2022,75
肃南裕固族自治县,1,2022,75
)";
  Assessment a = Assess(framework, Data(rows), 2022);
  const std::vector<UnitId> draw = ChooseForReview(a, 2, 2022);
  ASSERT_EQ(draw.size(), 2u);
  EXPECT_EQ(draw, ChooseForReview(a, 2, 2022));  // same seed, same draw
  EXPECT_NE(draw[0], draw[1]);
  // The draw depends on the units, not on the order of the rows.
  std::string reversed = "unit,indicator,year,value\n";
  std::vector<std::string> lines;
  for (std::size_t start = rows.find('\n') + 1; start < rows.size();) {
    const std::size_t end = rows.find('\n', start);
    lines.push_back(rows.substr(start, end - start + 1));
    start = end + 1;
  }
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) reversed += *it;
  Assessment b = Assess(framework, Data(reversed), 2022);
  const std::vector<UnitId> draw_b = ChooseForReview(b, 2, 2022);
  EXPECT_EQ(b.observations().unit_name(draw_b[0]), a.observations().unit_name(draw[0]));
  EXPECT_EQ(b.observations().unit_name(draw_b[1]), a.observations().unit_name(draw[1]));
  EXPECT_EQ(ChooseForReview(a, 10, 1).size(), 6u);

  // The reviewer finds 甘州区's life expectancy was 74.5, not 75.
  Observations verified;
  ASSERT_TRUE(verified.Add(verified.AddUnit("甘州区"), "1", 2022,
                           Reported{ReportKind::kNumber, *Decimal::Parse("74.5")}).ok());
  ASSERT_TRUE(verified.Add(verified.AddUnit("临泽县"), "1", 2022,
                           Reported{ReportKind::kNumber, *Decimal::Parse("75.0")}).ok());
  const std::vector<UnitId> reviewed = {*a.observations().FindUnit("甘州区"),
                                        *a.observations().FindUnit("临泽县")};
  ReviewResult review = Review(a, verified, reviewed);
  ASSERT_EQ(review.discrepancies.size(), 1u);  // 75.0 equals 75: no discrepancy
  const Discrepancy& d = review.discrepancies[0];
  EXPECT_EQ(d.unit, "甘州区");
  EXPECT_EQ(d.indicator, "1");
  EXPECT_EQ(d.reported.number, Decimal::FromInt(75));
  EXPECT_EQ(d.before, VerdictStatus::kMet);
  EXPECT_EQ(d.after, VerdictStatus::kNotMet);  // 74.5 < 74.6
  EXPECT_TRUE(d.verdict_changed());
  EXPECT_EQ(StatusOf(review.recomputed, "甘州区", "1"), VerdictStatus::kNotMet);
  EXPECT_EQ(StatusOf(a, "甘州区", "1"), VerdictStatus::kMet);  // the original is untouched
}

TEST(Review, EachVerifiedValueCarriesItsReviewerAndReason) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  auto framework = Boundaries();
  Assessment a = Assess(framework, Data("unit,indicator,year,value\n甘州区,1,2022,75\n临泽县,1,2022,75\n"), 2022);
  const std::vector<UnitId> both = {*a.observations().FindUnit("甘州区"), *a.observations().FindUnit("临泽县")};
  // Line 3 changes 甘州区's value and says why; line 4 confirms 临泽县's.
  const std::string file =
      "# 抽查\nunit,indicator,year,value,核实人,核实说明\n甘州区,1,2022,74.5,曹俊,按统计公报核定\n"
      "临泽县,1,2022,75,,\n";
  Observations verified;
  VerifiedNotes notes;
  ASSERT_FALSE(HasErrors(ReadVerifiedCsv(file, "v.csv", framework.get(), verified, notes)));
  const ReviewResult review = Review(a, verified, both, &notes);
  ASSERT_EQ(review.discrepancies.size(), 1u);
  EXPECT_EQ(review.discrepancies[0].reviewer, "曹俊");
  EXPECT_EQ(review.discrepancies[0].reason, "按统计公报核定");
  EXPECT_EQ(review.discrepancies[0].line, 3);
  EXPECT_TRUE(CheckReviewRecord(review, "v.csv", "宋生礼", {"宋生礼", "曹俊"}).ok());
  // A reviewer outside the group is refused, naming the line.
  const absl::Status outsider = CheckReviewRecord(review, "v.csv", "宋生礼", {"宋生礼"});
  EXPECT_EQ(outsider.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(outsider.message().find("v.csv:3: 甘州区 1 2022: the reviewer '曹俊'"), std::string::npos) << outsider;

  // A changed value without a reason is refused; a confirmed one needs none.
  Observations unexplained;
  VerifiedNotes none;
  ASSERT_FALSE(HasErrors(ReadVerifiedCsv("unit,indicator,year,value\n临泽县,1,2022,75\n甘州区,1,2022,74.5\n",
                                         "w.csv", framework.get(), unexplained, none)));
  const absl::Status why = CheckReviewRecord(Review(a, unexplained, both, &none), "w.csv", "宋生礼", {});
  EXPECT_EQ(why.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(why.message().find("w.csv:3: 甘州区 1 2022: the verified value 74.5 differs from the reported 75"),
            std::string::npos) << why;

  // Reported figures take no reviewer's columns: they are not a spot-check's.
  Observations reported;
  const std::vector<Diagnostic> refused =
      ReadObservationsCsv("unit,indicator,year,value,reason\n甘州区,1,2022,75,x\n", "d.csv", framework.get(), reported);
  ASSERT_TRUE(HasErrors(refused));
  EXPECT_NE(refused[0].message.find("column 'reason' does not belong in this file"), std::string::npos);
}

TEST(DecisionRecord, HashesIdentifyTheInputsNotTheirOrder) {
  auto framework = Boundaries();
  Assessment a = Assess(framework, Data("unit,indicator,year,value\n甲,1,2022,75\n乙,1,2022,74\n"), 2022);
  Assessment b = Assess(framework, Data("unit,indicator,year,value\n乙,1,2022,74\n甲,1,2022,75\n"), 2022);
  Assessment c = Assess(framework, Data("unit,indicator,year,value\n甲,1,2022,75\n乙,1,2022,74.1\n"), 2022);
  EXPECT_EQ(a.record().observations_sha256, b.record().observations_sha256);
  EXPECT_NE(a.record().observations_sha256, c.record().observations_sha256);
  EXPECT_EQ(a.record().observations_sha256.size(), 64u);
  EXPECT_EQ(a.record().framework_sha256, c.record().framework_sha256);
  EXPECT_EQ(a.record().year, 2022);
  EXPECT_FALSE(a.record().library_version.empty());
  auto other = MustParse("框架 \"另一个\"\n指标 1 \"a\" { 单位 岁 方向 越高越好 目标 2022 75 }\n");
  EXPECT_NE(Assess(other, Data("unit,indicator,year,value\n甲,1,2022,75\n"), 2022).record().framework_sha256,
            a.record().framework_sha256);
}

TEST(AssessmentText, JsonHasTheDocumentedShape) {
  auto framework = Liuzhou();
  Assessment a = Assess(framework, Data(kLiuzhouBaselineAs2022, framework.get()), 2022);
  const std::string json = AssessmentToJson(a, Explanation::kAll);
  EXPECT_NE(json.find("{\"framework\": \"柳州市推进健康中国行动考核指标框架\", \"year\": 2022"),
            std::string::npos);
  EXPECT_NE(json.find("{\"unit\": \"柳州市\", \"score\": \"46.15\", \"rank\": 1"), std::string::npos);
  EXPECT_NE(json.find("{\"indicator\": \"1\", \"status\": \"not_met\", \"value\": \"76.8\", "
                      "\"target\": \"77.8\", \"reason\": \"76.8 < 77.8 (目标 77.8)\"}"),
            std::string::npos);
  EXPECT_NE(json.find("\"parts\": [{\"indicator\": \"25.1\", \"status\": \"met\""),
            std::string::npos);
  // Failures only: indicator 2 (met) is left out, indicator 1 (not met) is in.
  const std::string failures = AssessmentToJson(a, Explanation::kFailures);
  EXPECT_EQ(failures.find("{\"indicator\": \"2\""), std::string::npos);
  EXPECT_NE(failures.find("{\"indicator\": \"1\""), std::string::npos);
}

// A CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote
// or a line break, a quote doubled.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

// The CSV and the JSON word each verdict (and each part) as ValueText,
// TargetText and ReasonText do.  Their writers word a value once and copy it
// into its reason, and a target's threshold once for every unit: whatever
// the kind of reason (compared, computed from counts, a trend, achieved, not
// reported, a part), the words must be the verdict's own.
TEST(AssessmentText, CsvAndJsonWordEachVerdictAsItsOwnTextsDo) {
  auto liuzhou = Liuzhou();
  auto zhangye = MustParse(ReadTextFile(ExamplePath("zhangye.ha")));
  const std::vector<Assessment> assessments = {
      Assess(liuzhou, Data(kLiuzhouBaselineAs2022, liuzhou.get()), 2022),
      Assess(zhangye, Data(ReadTextFile(ExamplePath("zhangye-counties-2020-2022.csv")), zhangye.get()), 2022),
  };
  std::set<ReasonKind> kinds;
  for (const Assessment& a : assessments) {
    const std::string json = AssessmentToJson(a, Explanation::kAll);
    const std::string csv = AssessmentToCsv(a, Explanation::kAll);
    for (std::size_t u = 0; u < a.unit_count(); ++u) {
      const std::string unit = a.observations().unit_name(a.units()[u]);
      for (std::size_t i = 0; i < a.indicator_count(); ++i) {
        const Verdict verdict = a.Explain(u, i);
        std::vector<const Verdict*> shown = {&verdict};
        for (const Verdict& part : verdict.parts) shown.push_back(&part);
        for (const Verdict* v : shown) {
          kinds.insert(v->reason.kind);
          const std::string in_json = text::StrCat(
              "{\"indicator\": ", escape::JsonString(v->indicator), ", \"status\": \"", VerdictStatusName(v->status),
              "\", \"value\": ", escape::JsonString(ValueText(*v)), ", \"target\": ",
              escape::JsonString(TargetText(*v)), ", \"reason\": ", escape::JsonString(ReasonText(*v)));
          EXPECT_NE(json.find(in_json), std::string::npos) << unit << ": " << in_json;
          const std::string in_csv = text::StrCat(
              CsvField(unit), ",", a.rank(u), ",", a.score(u).ToString(), ",", CsvField(a.grade(u)), ",",
              CsvField(v->indicator), ",", VerdictStatusName(v->status), ",", CsvField(ValueText(*v)), ",",
              CsvField(TargetText(*v)), ",", CsvField(ReasonText(*v)), ",");
          EXPECT_NE(csv.find("\n" + in_csv), std::string::npos) << in_csv;
        }
      }
    }
  }
  // The data hold reasons of these kinds at least, so each path was taken.
  for (ReasonKind kind : {ReasonKind::kCompared, ReasonKind::kAchieved, ReasonKind::kTrend, ReasonKind::kParts,
                          ReasonKind::kNotReported}) {
    EXPECT_TRUE(kinds.count(kind)) << static_cast<int>(kind);
  }
}

TEST(AssessmentText, TableAlignsChineseText) {
  EXPECT_EQ(DisplayWidth("甘州区"), 6);
  EXPECT_EQ(DisplayWidth("ab"), 2);
  EXPECT_EQ(DisplayWidth("７４．６"), 8);
}

}  // namespace
}  // namespace healthact
