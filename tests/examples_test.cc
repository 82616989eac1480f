// The bundled seed frameworks against the seed documents.  The expected rows
// below were typed from the tables in ../shared/seeds/ (附件2 of the Zhangye
// plan, 附件3 of the Liuzhou method), not from the .ha files.
#include "healthact/lang/dsl.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

using ::healthact::testing::ExamplePath;
using ::healthact::testing::MustParse;
using ::healthact::testing::ReadTextFile;

struct Row {
  const char* number;
  const char* unit;  // "" for qualitative indicators
  const char* baseline_2019;  // "" when the table has no baseline column
  const char* target_2022;
  const char* target_2030;    // "" when the table has no 2030 column
};

// Targets as TargetText writes them: the table's text, with ＞ as > and the
// two lines of 明显/下降 joined.
constexpr Row kZhangye[] = {
    {"1", "岁", "", "74.6", ""},         {"2", "‰", "", "≤6", ""},
    {"3", "‰", "", "≤8", ""},            {"4", "1/10万", "", "≤14", ""},
    {"5", "%", "", "≥91.5", ""},         {"6", "%", "", "≥23", ""},
    {"7", "%", "", "≥38", ""},           {"8", "%", "", "≤15.5", ""},
    {"9", "人/千人", "", "3.5", ""},     {"10", "%", "", "27.5", ""},
    {"11", "", "", "实现", ""},          {"12", "", "", "实现", ""},
    {"13", "%", "", "≥75", ""},          {"14", "%", "", "≥98.5", ""},
    {"15", "%", "", "≥81", ""},          {"16", "%", "", "≥55", ""},
    {"17", "%", "", "100", ""},          {"18", "小时", "", "≥1", ""},
    {"19", "%", "", "≥70", ""},          {"20", "%", "", "≥85", ""},
    {"21", "%", "", "下降", ""},         {"22", "%", "", "≥50", ""},
    {"23", "%", "", "≥75", ""},          {"24", "%", "", "≥75", ""},
    {"25", "%", "", "100，70", ""},      {"26", "%", "", ">96", ""},
};

constexpr Row kLiuzhou[] = {
    {"1", "岁", "76.8", "77.8", "80"},            {"2", "‰", "3.28", "≤6.0", "≤4.0"},
    {"3", "‰", "5.23", "≤6.5", "≤5.0"},           {"4", "1/10万", "10.67", "≤17", "≤11.5"},
    {"5", "%", "88.56", "≥90.86", "≥92.17"},      {"6", "%", "18.8", "≥22", "≥30"},
    {"7", "%", "38.81", "≥37", "≥40"},            {"8", "%", "13.2", "≤15.9", "≤13"},
    {"9", "人/千人", "2.75", "2.8", "3.1"},       {"10", "%", "28", "27.5", "25"},
    {"11", "", "未建立", "实现", "--"},           {"12", "", "未建立", "实现", "--"},
    {"13", "%", "89.52", "≥80", "≥85"},           {"14", "%", "99.45", "≥98", "≥98"},
    {"15", "%", "未统计", "≥80", "≥90"},          {"16", "%", "40.12", "≥50", "≥60"},
    {"17", "%", "100", "100", "100"},             {"18", "小时", "1", "≥1", "≥1"},
    {"19", "%", "60.39", "≥70", "≥90"},           {"20", "%", "74", "80", "90"},
    {"21", "%", "--", "明显下降", "持续下降"},    {"22", "%", "20", "≥53", "≥90"},
    {"23", "%", "75.69", "≥60", "≥70"},           {"24", "%", "75.25", "≥60", "≥70"},
    {"25", "%", "100，65", "100，70", "100，80"}, {"26", "%", "97.12", ">90", ">90"},
};

void ExpectRows(const Framework& framework, const Row* rows, std::size_t count) {
  ASSERT_EQ(framework.indicators().size(), count);
  for (std::size_t i = 0; i < count; ++i) {
    const Row& row = rows[i];
    const Indicator& indicator = framework.indicators()[i];
    SCOPED_TRACE(std::string("indicator ") + row.number);
    EXPECT_EQ(indicator.number, row.number);
    EXPECT_EQ(indicator.measure_unit ? std::string(MeasureUnitSymbol(*indicator.measure_unit)) : "", row.unit);
    if (*row.baseline_2019 == '\0') {
      EXPECT_FALSE(indicator.baseline.has_value());
    } else {
      ASSERT_TRUE(indicator.baseline.has_value());
      EXPECT_EQ(indicator.baseline->year, 2019);
      EXPECT_EQ(BaselineText(indicator.baseline->value), row.baseline_2019);
    }
    ASSERT_NE(indicator.TargetFor(2022), nullptr);
    EXPECT_EQ(TargetText(indicator.TargetFor(2022)->form), row.target_2022);
    if (*row.target_2030 == '\0') {
      EXPECT_EQ(indicator.TargetFor(2030), nullptr);
    } else {
      ASSERT_NE(indicator.TargetFor(2030), nullptr);
      EXPECT_EQ(TargetText(indicator.TargetFor(2030)->form), row.target_2030);
    }
  }
}

ParsedFramework ParseExample(const std::string& name) {
  return ParseFramework(ReadTextFile(ExamplePath(name)), name);
}

TEST(SeedFrameworks, ZhangyeMatchesAttachment2) {
  ParsedFramework parsed = ParseExample("zhangye.ha");
  ASSERT_TRUE(parsed.ok()) << testing::DiagnosticsText(parsed);
  EXPECT_TRUE(parsed.diagnostics.empty()) << testing::DiagnosticsText(parsed);
  const Framework& f = *parsed.framework;
  EXPECT_EQ(f.name(), "健康张掖行动考核指标框架");
  ExpectRows(f, kZhangye, std::size(kZhangye));
  EXPECT_EQ(f.TargetYears(), std::vector<int>{2022});
  // Basis filled only on a group's first row in the table.
  EXPECT_EQ(f.FindIndicator("1")->basis, "《“健康张掖2030”规划纲要》");
  EXPECT_EQ(f.FindIndicator("10")->basis, "《“健康张掖2030”规划纲要》");
  EXPECT_EQ(f.FindIndicator("11")->basis, "《健康张掖行动》和相关规划文件");
  EXPECT_EQ(f.FindIndicator("26")->basis, "《健康张掖行动》和相关规划文件");
  // Bare targets: life expectancy is a floor, out-of-pocket spending a ceiling.
  EXPECT_EQ(std::get<ComparisonTarget>(f.FindIndicator("1")->TargetFor(2022)->form).comparator,
            Comparator::kAtLeast);
  EXPECT_EQ(std::get<ComparisonTarget>(f.FindIndicator("10")->TargetFor(2022)->form).comparator,
            Comparator::kAtMost);
  EXPECT_EQ(f.FindIndicator("25")->parts.size(), 2u);
}

TEST(SeedFrameworks, LiuzhouMatchesAttachment3) {
  ParsedFramework parsed = ParseExample("liuzhou.ha");
  ASSERT_TRUE(parsed.ok()) << testing::DiagnosticsText(parsed);
  EXPECT_TRUE(parsed.diagnostics.empty()) << testing::DiagnosticsText(parsed);
  const Framework& f = *parsed.framework;
  ExpectRows(f, kLiuzhou, std::size(kLiuzhou));
  EXPECT_EQ(f.TargetYears(), (std::vector<int>{2022, 2030}));
  EXPECT_EQ(f.FindIndicator("4")->basis, "《“健康广西2030”规划》");
  EXPECT_EQ(f.FindIndicator("11")->basis, "《健康中国行动》和相关规划文件");
  // "6.0" keeps its written scale.
  EXPECT_EQ(std::get<ComparisonTarget>(f.FindIndicator("2")->TargetFor(2022)->form).value.scale(),
            1);
  EXPECT_EQ(f.source().locator, "附件3");
}

TEST(SeedFrameworks, CanonicalTextRoundTrips) {
  for (const char* name : {"zhangye.ha", "liuzhou.ha"}) {
    SCOPED_TRACE(name);
    ParsedFramework parsed = ParseExample(name);
    ASSERT_TRUE(parsed.ok());
    const std::string canonical = FormatFramework(*parsed.framework);
    auto again = MustParse(canonical);
    ASSERT_TRUE(again);
    EXPECT_EQ(*parsed.framework, *again);
    EXPECT_EQ(FormatFramework(*again), canonical);  // a fixed point
  }
}

TEST(SeedFrameworks, CountyExampleExtendsTheCity) {
  ParseOptions options;
  options.resolver = [](std::string_view name, std::string_view) -> absl::StatusOr<FrameworkSource> {
    return FrameworkSource{std::string(name), ReadTextFile(ExamplePath(std::string(name)))};
  };
  ParsedFramework parsed =
      ParseFramework(ReadTextFile(ExamplePath("ganzhou.ha")), "ganzhou.ha", options);
  ASSERT_TRUE(parsed.ok()) << testing::DiagnosticsText(parsed);
  const Framework& f = *parsed.framework;
  EXPECT_EQ(f.name(), "甘州区健康行动考核指标框架");
  EXPECT_EQ(TargetText(f.FindIndicator("2")->TargetFor(2022)->form), "≤5.5");
  EXPECT_EQ(TargetText(f.FindIndicator("1")->TargetFor(2022)->form), "74.6");  // inherited
}

}  // namespace
}  // namespace healthact
