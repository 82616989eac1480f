#include <map>
#include <set>
#include <string>
#include <vector>

#include "healthact/lang/dsl.hpp"
#include "healthact/core/language.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

using ::healthact::testing::DiagnosticsText;
using ::healthact::testing::MustParse;

Decimal D(std::string_view text) { return *Decimal::Parse(text); }

// One indicator with the given body, in a framework with trend rules.
std::shared_ptr<const Framework> OneIndicator(const std::string& body) {
  return MustParse("框架 \"t\"\n明显下降幅度 10%\n持续下降年数 3\n指标 1 \"x\" {\n" + body + "\n}\n");
}

const Target& TargetOf(const std::shared_ptr<const Framework>& f, int year) {
  const Target* target = f->indicators().at(0).TargetFor(year);
  EXPECT_NE(target, nullptr);
  static const Target kNone;
  return target ? *target : kNone;
}

// The spaces a clerk pastes from a word processor separate tokens like
// ASCII ones: U+3000 (ideographic), U+00A0 (no-break), U+FEFF (a stray
// byte-order mark); a # comment, with its own #, ideographs and full-width
// space, runs to the end of its line and no further.
TEST(Lexical, PastedSpacesAndCommentsSeparateTokensLikeAsciiOnes) {
  const auto plain = MustParse("框架 \"t\"\n指标 1 \"x\" {\n单位 %\n目标 2022 ≥90\n}\n");
  const auto pasted = MustParse(
      "\uFEFF框架\u3000\"t\"  # 注释 #2　还是注释\n"
      "指标\u00A01\u3000\u3000\"x\"\t{\r\n单位\u00A0%  #\n\v\f目标 2022\u3000≥90\n}#结束");
  EXPECT_EQ(*pasted, *plain);
  // A lone C2 or E3 byte pair that is not one of those spaces is text, not space.
  const ParsedFramework name = ParseFramework("框架 \"t\"\n指标 1 \"x\u00A9y\" {\n单位 %\n目标 2022 ≥90\n}\n", "n.ha");
  ASSERT_TRUE(name.ok()) << DiagnosticsText(name);
  EXPECT_EQ(name.framework->indicators().at(0).name, "x\u00A9y");
}

// Each statement tries its alternatives in turn at the same place, and the
// keyword found there is remembered across them: a framework spelt with the
// ASCII aliases reads as the Chinese one; a keyword followed by more of a
// word (目标值, units) is no keyword; a keyword cannot be a value.
TEST(Lexical, EveryKeywordReadsInEitherSpellingWhereverItsStatementIsTried) {
  const auto chinese = MustParse(
      "框架 \"t\"\n来源 \"文件\" \"附件2\"\n明显下降幅度 10%\n持续下降年数 3\n计数 活产数 人\n计数 死亡数 人\n"
      "依据 \"规划\"\n指标 1 \"婴儿死亡率\" {\n单位 ‰\n方向 越低越好\n类别 结果性\n属性 约束性\n"
      "基期 2019 3.28\n目标 2022 ≤6.0\n公式 死亡数 / 活产数 * 1000 保留 2 四舍五入\n范围 0 100\n}\n"
      "指标 2 \"达标率\" {\n单位 %\n方向 越高越好\n分项 2.1 \"乡\"\n分项 2.2 \"村\"\n目标 2022 100，70\n}\n"
      "权重 1 60\n权重 2 40\n部分得分 线性\n等级 优秀 90\n等级 不合格 0\n校验 错误 [1] ≥ 0\n");
  const auto ascii = MustParse(
      "framework \"t\"\nsource \"文件\" \"附件2\"\nmarked_change 10%\ncontinuous_years 3\ncount 活产数 人\n"
      "count 死亡数 人\nbasis \"规划\"\nindicator 1 \"婴儿死亡率\" {\nunit ‰\ndirection 越低越好\ncategory 结果性\n"
      "binding 约束性\nbaseline 2019 3.28\ntarget 2022 ≤6.0\nformula 死亡数 / 活产数 * 1000 round 2 四舍五入\n"
      "range 0 100\n}\nindicator 2 \"达标率\" {\nunit %\ndirection 越高越好\npart 2.1 \"乡\"\npart 2.2 \"村\"\n"
      "target 2022 100，70\n}\nweight 1 60\nweight 2 40\npartial_credit 线性\ngrade 优秀 90\ngrade 不合格 0\nrule 错误 [1] ≥ 0\n");
  EXPECT_EQ(*ascii, *chinese);
  ASSERT_EQ(chinese->indicators().size(), 2u);
  EXPECT_EQ(chinese->indicators()[1].parts.size(), 2u);

  // 目标值 is a word, not 目标 followed by 值; "units" is not "unit".
  for (const char* line : {"目标值 2022 ≥90", "units %"}) {
    const ParsedFramework parsed =
        ParseFramework(std::string("框架 \"t\"\n指标 1 \"x\" {\n单位 %\n") + line + "\n}\n", "w.ha");
    ASSERT_FALSE(parsed.ok()) << line;
    ASSERT_FALSE(parsed.diagnostics.empty()) << line;
    EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kUnknownStatement) << line;
    EXPECT_EQ(parsed.diagnostics[0].line, 4) << line;
    EXPECT_EQ(parsed.diagnostics[0].column, 1) << line;
  }
  // A keyword where a value belongs is refused where it stands (单位 目标:
  // the unit is missing, and 目标 begins the next statement).
  const ParsedFramework keyword_as_value = ParseFramework("框架 \"t\"\n指标 1 \"x\" {\n单位 目标 2022 ≥90\n}\n", "k.ha");
  ASSERT_FALSE(keyword_as_value.ok());
  EXPECT_EQ(keyword_as_value.diagnostics.at(0).line, 3);
  EXPECT_EQ(keyword_as_value.diagnostics.at(0).column, 4);
}

// A target's year: four digits from 1949 to 2100, written in ASCII or full
// width; 1948, 2101, 20220 and 0202 are refused at the year (E019).
TEST(Years, FromTheFirstToTheLastAndFullWidth) {
  for (const char* year : {"1949", "2100", "２０２２"}) {
    const auto f = OneIndicator(std::string("单位 %\n方向 越高越好\n目标 ") + year + " ≥90");
    ASSERT_TRUE(f) << year;
    EXPECT_EQ(f->indicators().at(0).targets.at(0).year, std::string_view(year) == "２０２２" ? 2022 : std::stoi(year));
  }
  for (const char* year : {"1948", "2101", "20220", "0202"}) {
    const ParsedFramework parsed = ParseFramework(
        std::string("框架 \"t\"\n指标 1 \"x\" {\n单位 %\n方向 越高越好\n目标 ") + year + " ≥90\n}\n", "y.ha");
    ASSERT_FALSE(parsed.ok()) << year;
    ASSERT_EQ(parsed.diagnostics.size(), 1u) << year << DiagnosticsText(parsed);
    EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kYearOutOfRange) << year;
    EXPECT_EQ(parsed.diagnostics[0].line, 5) << year;
    EXPECT_EQ(parsed.diagnostics[0].column, 4) << year;
  }
}

TEST(TargetForms, ComparatorsAsTheSeedsWriteThem) {
  const struct {
    const char* text;
    Comparator comparator;
    const char* value;
  } cases[] = {
      {"≤6", Comparator::kAtMost, "6"},        {"≥90.86", Comparator::kAtLeast, "90.86"},
      {">96", Comparator::kAbove, "96"},       {"＞90", Comparator::kAbove, "90"},
      {"<5", Comparator::kBelow, "5"},         {"＜5", Comparator::kBelow, "5"},
      {"=100", Comparator::kEqual, "100"},     {"<=6.0", Comparator::kAtMost, "6.0"},
      {">=23", Comparator::kAtLeast, "23"},    {"≥ 23", Comparator::kAtLeast, "23"},
  };
  for (const auto& c : cases) {
    auto f = OneIndicator(std::string("单位 %\n方向 越高越好\n目标 2022 ") + c.text);
    ASSERT_TRUE(f) << c.text;
    const auto& target = std::get<ComparisonTarget>(TargetOf(f, 2022).form);
    EXPECT_EQ(target.comparator, c.comparator) << c.text;
    EXPECT_TRUE(target.value.IdenticalTo(D(c.value))) << c.text;
    EXPECT_FALSE(target.written_bare) << c.text;
  }
}

TEST(TargetForms, BareValueIsReadThroughTheDirection) {
  // 74.6 years of life expectancy is a floor ...
  auto floor = OneIndicator("单位 岁\n方向 越高越好\n目标 2022 74.6");
  const auto& f = std::get<ComparisonTarget>(TargetOf(floor, 2022).form);
  EXPECT_EQ(f.comparator, Comparator::kAtLeast);
  EXPECT_TRUE(f.written_bare);
  EXPECT_EQ(TargetText(TargetOf(floor, 2022).form), "74.6");  // stays bare in text
  // ... 27.5 % out-of-pocket spending is a ceiling.
  auto ceiling = OneIndicator("单位 %\n方向 越低越好\n目标 2022 27.5");
  EXPECT_EQ(std::get<ComparisonTarget>(TargetOf(ceiling, 2022).form).comparator,
            Comparator::kAtMost);
  // The direction may follow the target in the block.
  auto later = OneIndicator("目标 2022 27.5\n单位 %\n方向 越低越好");
  EXPECT_EQ(std::get<ComparisonTarget>(TargetOf(later, 2022).form).comparator,
            Comparator::kAtMost);
}

TEST(TargetForms, AchievementTrendsAndNotApplicable) {
  auto achievement = OneIndicator("基期 2019 未建立\n目标 2022 实现\n目标 2030 --");
  EXPECT_TRUE(std::holds_alternative<AchievementTarget>(TargetOf(achievement, 2022).form));
  EXPECT_TRUE(std::holds_alternative<NotApplicableTarget>(TargetOf(achievement, 2030).form));
  EXPECT_EQ(std::get<Absence>(achievement->indicators()[0].baseline->value),
            Absence::kNotEstablished);
  EXPECT_TRUE(achievement->indicators()[0].is_qualitative());

  auto trend = OneIndicator("单位 %\n方向 越低越好\n基期 2019 --\n目标 2020 下降\n"
                            "目标 2022 明显下降\n目标 2030 持续下降");
  const auto& fall = std::get<TrendTarget>(TargetOf(trend, 2020).form);
  EXPECT_EQ(fall.kind, TrendKind::kFall);
  EXPECT_FALSE(fall.marked_change_percent.has_value());
  const auto& marked = std::get<TrendTarget>(TargetOf(trend, 2022).form);
  EXPECT_EQ(marked.kind, TrendKind::kMarkedFall);
  EXPECT_EQ(marked.marked_change_percent, D("10"));
  const auto& continuous = std::get<TrendTarget>(TargetOf(trend, 2030).form);
  EXPECT_EQ(continuous.kind, TrendKind::kContinuousFall);
  EXPECT_EQ(continuous.continuous_years, 3);
  EXPECT_EQ(std::get<Absence>(trend->indicators()[0].baseline->value), Absence::kNotApplicable);
}

TEST(TargetForms, IndicatorTrendRulesOverrideTheFramework) {
  auto f = OneIndicator("单位 %\n方向 越低越好\n明显下降幅度 5%\n持续下降年数 2\n"
                        "目标 2022 明显下降\n目标 2030 持续下降");
  EXPECT_EQ(std::get<TrendTarget>(TargetOf(f, 2022).form).marked_change_percent, D("5"));
  EXPECT_EQ(std::get<TrendTarget>(TargetOf(f, 2030).form).continuous_years, 2);
}

TEST(TargetForms, TwoPartTargetsAndBaselines) {
  auto f = OneIndicator(
      "单位 %\n方向 越高越好\n分项 1.1 \"乡镇卫生院\"\n分项 1.2 \"村卫生室\"\n"
      "基期 2019 100，65\n目标 2022 100，70\n目标 2030 ≥100, ≥80");
  const Indicator& indicator = f->indicators()[0];
  ASSERT_EQ(indicator.parts.size(), 2u);
  EXPECT_EQ(indicator.parts[1].number, "1.2");
  EXPECT_EQ(indicator.parts[1].name, "村卫生室");
  const auto& baseline = std::get<std::vector<Decimal>>(indicator.baseline->value);
  EXPECT_EQ(baseline, (std::vector<Decimal>{D("100"), D("65")}));
  const auto& parts = std::get<PartsTarget>(TargetOf(f, 2022).form).parts;
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].value, D("100"));
  EXPECT_EQ(parts[1].value, D("70"));
  EXPECT_EQ(parts[1].comparator, Comparator::kAtLeast);
  EXPECT_EQ(TargetText(TargetOf(f, 2022).form), "100，70");
  EXPECT_EQ(TargetText(TargetOf(f, 2030).form), "≥100，≥80");
}

TEST(TargetForms, UnitsWrittenWithTheValue) {
  auto f = OneIndicator("单位 ％\n方向 越高越好\n目标 2022 ≥90%\n目标 2030 ≥95 ％");
  EXPECT_EQ(std::get<ComparisonTarget>(TargetOf(f, 2022).form).value, D("90"));
  EXPECT_EQ(std::get<ComparisonTarget>(TargetOf(f, 2030).form).value, D("95"));
  auto years = OneIndicator("单位 岁\n方向 越高越好\n目标 2022 74.6岁");
  EXPECT_EQ(std::get<ComparisonTarget>(TargetOf(years, 2022).form).value, D("74.6"));
}

TEST(TargetForms, FullWidthNumbersAndCitations) {
  auto f = OneIndicator("单位 %\n方向 越高越好\n目标 ２０２２ ≥９０．５ 来源 \"某文件\" \"附件2\"");
  const Target& target = TargetOf(f, 2022);
  EXPECT_TRUE(std::get<ComparisonTarget>(target.form).value.IdenticalTo(D("90.5")));
  EXPECT_EQ(target.source.document, "某文件");
  EXPECT_EQ(target.source.locator, "附件2");
}

TEST(Framework, BasisAppliesToTheFollowingIndicators) {
  auto f = MustParse(R"(框架 "t"
依据 "《甲》"
指标 1 "a" { 单位 % 方向 越高越好 目标 2022 1 }
指标 2 "b" { 单位 % 方向 越高越好 目标 2022 1 }
依据 "《乙》"
指标 3 "c" { 单位 % 方向 越高越好 目标 2022 1 }
)");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->FindIndicator("1")->basis, "《甲》");
  EXPECT_EQ(f->FindIndicator("2")->basis, "《甲》");
  EXPECT_EQ(f->FindIndicator("3")->basis, "《乙》");
  EXPECT_EQ(f->FindIndicator("4"), nullptr);
}

TEST(Framework, CategoryBindingForceAndAsciiAliases) {
  auto f = MustParse(R"(framework "t"
source "doc"
indicator 1 "life expectancy" {
  unit 岁
  direction higher
  category outcome
  binding expected
  baseline 2019 76.8
  target 2022 77.8
}
指标 2 "x" { 单位 % 方向 越低越好 类别 政府工作性 属性 约束性 目标 2022 5 }
)");
  ASSERT_TRUE(f);
  const Indicator& first = f->indicators()[0];
  EXPECT_EQ(first.category, Category::kOutcome);
  EXPECT_EQ(first.binding, BindingForce::kExpected);
  EXPECT_EQ(first.direction, Direction::kHigherIsBetter);
  EXPECT_EQ(first.baseline->year, 2019);
  EXPECT_EQ(f->indicators()[1].category, Category::kGovernmentWork);
  EXPECT_EQ(f->indicators()[1].binding, BindingForce::kBinding);
  EXPECT_EQ(f->source().document, "doc");
}

TEST(Formula, DerivesAPerMilleRateFromCounts) {
  auto f = MustParse(R"(框架 "t"
计数 婴儿死亡数 例
计数 活产数 人
指标 2 "婴儿死亡率" {
  单位 ‰
  方向 越低越好
  公式 婴儿死亡数 / 活产数 * 1000 保留 2 四舍六入五成双
  目标 2022 ≤6
}
)");
  ASSERT_TRUE(f);
  const Formula& formula = *f->indicators()[0].formula;
  ASSERT_EQ(formula.nodes.size(), 5u);
  const FormulaNode& root = formula.nodes.back();
  EXPECT_EQ(root.kind, FormulaNode::Kind::kMultiply);
  EXPECT_EQ(formula.nodes[root.right].constant, D("1000"));
  const FormulaNode& ratio = formula.nodes[root.left];
  EXPECT_EQ(ratio.kind, FormulaNode::Kind::kDivide);
  EXPECT_EQ(formula.nodes[ratio.left].count, "婴儿死亡数");
  EXPECT_EQ(formula.nodes[ratio.right].count, "活产数");
  EXPECT_EQ(formula.round_places, 2);
  EXPECT_EQ(formula.rounding, Rounding::kHalfEven);
}

TEST(Formula, ParenthesesAndPrecedenceSurviveARoundTrip) {
  const std::string text = R"(框架 "t"
计数 甲 人
计数 乙 人
计数 丙 人
指标 1 "x" {
  单位 %
  方向 越高越好
  公式 (甲 + 乙) / 丙 * 100
  目标 2022 50
}
指标 2 "y" {
  单位 1/10万
  方向 越低越好
  公式 甲 / (乙 - 丙) * 100000
  目标 2022 50
}
)";
  auto f = MustParse(text);
  ASSERT_TRUE(f);
  auto again = MustParse(FormatFramework(*f));
  ASSERT_TRUE(again);
  EXPECT_EQ(*f, *again);
  EXPECT_NE(FormatFramework(*f).find("公式 (甲 + 乙) / 丙 * 100\n"), std::string::npos);
  EXPECT_NE(FormatFramework(*f).find("公式 甲 / (乙 - 丙) * 100000\n"), std::string::npos);
  EXPECT_FALSE(f->indicators()[0].formula->round_places.has_value());  // exact, unrounded
}

// A resolver over an in-memory set of files.
ParseOptions FilesResolver(std::map<std::string, std::string> files) {
  ParseOptions options;
  options.resolver = [files = std::move(files)](std::string_view name, std::string_view)
      -> absl::StatusOr<FrameworkSource> {
    auto it = files.find(std::string(name));
    if (it == files.end()) return absl::NotFoundError("no such file");
    return FrameworkSource{it->first, it->second};
  };
  return options;
}

constexpr const char* kCity = R"(框架 "市级"
依据 "《甲》"
指标 1 "a" { 单位 % 方向 越高越好 目标 2022 ≥80 目标 2030 ≥90 }
指标 2 "b" { 单位 ‰ 方向 越低越好 目标 2022 ≤6 }
指标 3 "c" { 目标 2022 实现 }
)";

TEST(Extends, CountyAdjustsDropsAndAddsIndicators) {
  auto county = MustParse(R"(框架 "县级"
继承 "city.ha"
指标 2 { 目标 2022 ≤5 }
删除 3
依据 "《县方案》"
指标 4 "d" { 单位 % 方向 越高越好 目标 2022 ≥60 }
)",
                          FilesResolver({{"city.ha", kCity}}));
  ASSERT_TRUE(county);
  EXPECT_EQ(county->name(), "县级");
  ASSERT_EQ(county->indicators().size(), 3u);
  EXPECT_EQ(county->indicators()[0].number, "1");
  EXPECT_EQ(county->indicators()[1].number, "2");
  EXPECT_EQ(county->indicators()[2].number, "4");
  EXPECT_EQ(county->FindIndicator("3"), nullptr);
  // The adjusted target replaces the city's; everything else is inherited.
  const Indicator& adjusted = *county->FindIndicator("2");
  EXPECT_EQ(std::get<ComparisonTarget>(adjusted.TargetFor(2022)->form).value, D("5"));
  EXPECT_EQ(adjusted.name, "b");
  EXPECT_EQ(adjusted.basis, "《甲》");
  EXPECT_EQ(adjusted.measure_unit, MeasureUnit::kPerMille);
  EXPECT_EQ(county->FindIndicator("1")->targets.size(), 2u);
  EXPECT_EQ(county->FindIndicator("4")->basis, "《县方案》");
}

TEST(Extends, CyclesMissingParentsAndParentErrorsAreReported) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  const ParseOptions cycle = FilesResolver({{"a.ha", "框架 \"a\"\n继承 \"b.ha\"\n"},
                                            {"b.ha", "框架 \"b\"\n继承 \"a.ha\"\n"}});
  ParsedFramework parsed = ParseFramework("框架 \"a\"\n继承 \"b.ha\"\n", "a.ha", cycle);
  EXPECT_FALSE(parsed.ok());
  EXPECT_NE(DiagnosticsText(parsed).find("cycle"), std::string::npos) << DiagnosticsText(parsed);

  parsed = ParseFramework("框架 \"a\"\n继承 \"nowhere.ha\"\n", "a.ha", cycle);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kExtendsFailed);
  EXPECT_EQ(parsed.diagnostics[0].line, 2);
  EXPECT_EQ(parsed.diagnostics[0].column, 4);

  parsed = ParseFramework("框架 \"a\"\n继承 \"city.ha\"\n", "a.ha", ParseOptions{});
  EXPECT_FALSE(parsed.ok());  // no resolver: 继承 cannot be honoured

  const ParseOptions broken = FilesResolver({{"city.ha", "框架 \"c\"\n指标 1 \"x\" { 单位 qq 方向 越高越好 目标 2022 1 }\n"}});
  parsed = ParseFramework("框架 \"a\"\n继承 \"city.ha\"\n", "a.ha", broken);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.diagnostics[0].file, "city.ha");  // the parent's error, in its own file
  EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kUnknownUnit);
}

TEST(Extends, DropOfAnUnknownIndicatorIsAnError) {
  ParsedFramework parsed = ParseFramework("框架 \"县\"\n继承 \"city.ha\"\n删除 9\n", "county.ha",
                                          FilesResolver({{"city.ha", kCity}}));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kUnknownIndicator);
  EXPECT_EQ(parsed.diagnostics[0].line, 3);
}

TEST(Diagnostics, EveryErrorIsReportedNotJustTheFirst) {
  ParsedFramework parsed = ParseFramework(R"(框架 "t"
指标 1 "a" { 单位 xx 目标 2022 1 }
指标 2 "b" { 单位 % 方向 越高越好 目标 2022 1.2.3 }
指标 3 "c" { 单位 % 方向 sideways 目标 2022 1 }
指标 4 "d" { 单位 % 目标 2022 ≥ }
指标 5 "e" { 单位 % 方向 越高越好 目标 2022 6 }
)",
                                          "t.ha");
  EXPECT_FALSE(parsed.ok());
  std::vector<std::pair<DiagnosticCode, int>> got;
  for (const Diagnostic& d : parsed.diagnostics) got.emplace_back(d.code, d.line);
  const std::vector<std::pair<DiagnosticCode, int>> want = {
      {DiagnosticCode::kUnknownUnit, 2},
      {DiagnosticCode::kMalformedNumber, 3},
      {DiagnosticCode::kUnknownValue, 4},
      {DiagnosticCode::kSyntax, 5},
  };
  EXPECT_EQ(got, want) << DiagnosticsText(parsed);
}

// Many diagnostics of one file are placed each by a search of its lines, not
// by reading the file from the top for each: the places are the same, in
// whatever order the checker reports them.  Two bad units on line 3, a
// duplicate on line 4 that names line 2, and one on line 5.
TEST(Diagnostics, ManyInOneFileAreEachPlacedAtTheirLineAndColumn) {
  const std::string ok = "指标 1 \"人均\" { 单位 岁 方向 越高越好 目标 2022 ≥74 }\n";
  ParsedFramework parsed = ParseFramework(
      "框架 \"t\"\n" + ok + "指标 2 \"甲\" { 单位 年 方向 越高越好 目标 2022 1 } 指标 3 \"乙\" { 单位 月 方向 越高越好 目标 2022 1 }\n" + ok + ok,
      "t.ha");
  std::vector<std::string> places;
  for (const Diagnostic& d : parsed.diagnostics) {
    places.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + DiagnosticCodeString(d.code));
  }
  // 指标 2 "甲" { 单位 : 年 at 15; "指标 2 … 目标 2022 1 } " is 36 code points, so 指标 3
  // is at 37 and its 月, fourteen further, at 51.
  EXPECT_EQ(places, (std::vector<std::string>{"3:15 E006", "3:51 E006", "4:4 E008", "5:4 E008"}))
      << DiagnosticsText(parsed);
  ASSERT_EQ(parsed.diagnostics.size(), 4u);
  EXPECT_NE(parsed.diagnostics[2].message.find("第 2 行"), std::string::npos) << parsed.diagnostics[2].message;
}

// A framework of `count` indicators, five lines each after the header line:
// indicator i's 指标 line is line 5i - 3.  With `source_at_line_start`, each
// body also has a 来源 line at the line's beginning (a sixth line, so the
// 指标 line is 6i - 4): it begins a statement at the top level too, so the
// place where a second thread would begin lands inside a block.  Indicators
// in `bad_unit` are measured in 年 (E006 on their second line, column 6);
// those in `bad_statement` hold the line "  甲乙 1" in place of 方向.
std::string ManyIndicators(int count, bool source_at_line_start, const std::set<int>& bad_unit,
                           const std::set<int>& bad_statement) {
  std::string text = "框架 \"大\"\n";
  for (int i = 1; i <= count; ++i) {
    const std::string n = std::to_string(i);
    text += "指标 " + n + " \"第" + n + "项\" {\n";
    text += bad_unit.count(i) ? "  单位 年\n" : "  单位 %\n";
    text += bad_statement.count(i) ? "  甲乙 1\n" : "  方向 越高越好\n";
    if (source_at_line_start) text += "来源 \"文件\"\n";
    text += "  目标 2022 ≥90\n}\n";
  }
  return text;
}

// A text of 4 000 indicators (330 KB) is read in two halves at once; what
// comes out is what one pass gives: every indicator in order, and each
// diagnostic of either half at its line, in order, in the caller's language.
// With a 来源 line at every line's beginning, the second half's guessed
// beginning is inside a block, and the first half carries on alone.
TEST(Diagnostics, ALargeTextReadInTwoHalvesGivesWhatOnePassGives) {
  for (const bool source_at_line_start : {false, true}) {
    SCOPED_TRACE(source_at_line_start);
    const int lines_each = source_at_line_start ? 6 : 5;
    const std::string whole = ManyIndicators(4000, source_at_line_start, {}, {});
    ASSERT_GT(whole.size(), std::size_t{256} << 10);
    const ParsedFramework parsed = ParseFramework(whole, "big.ha");
    ASSERT_TRUE(parsed.ok()) << DiagnosticsText(parsed);
    const std::vector<Indicator>& indicators = parsed.framework->indicators();
    ASSERT_EQ(indicators.size(), 4000u);
    for (int i = 1; i <= 4000; ++i) {
      const Indicator& indicator = indicators[static_cast<std::size_t>(i - 1)];
      ASSERT_EQ(indicator.number, std::to_string(i));
      ASSERT_EQ(indicator.name, "第" + std::to_string(i) + "项");
      ASSERT_EQ(indicator.source.document, source_at_line_start ? "文件" : "") << i;
    }

    // Two syntax errors and two unknown units, one of each in either half.
    const ScopedLanguage english(Language::kEnglish);
    const ParsedFramework bad = ParseFramework(ManyIndicators(4000, source_at_line_start, {7, 3990}, {5, 3995}), "big.ha");
    std::vector<std::string> places;
    for (const Diagnostic& d : bad.diagnostics) {
      places.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + DiagnosticCodeString(d.code));
    }
    // Indicator i's 指标 line is lines_each * (i - 1) + 2; its unit line the
    // next, its 甲乙 line the one after, at the column after two spaces.
    const auto at = [&](int indicator, int line, int column, const char* code) {
      return std::to_string(lines_each * (indicator - 1) + 2 + line) + ":" + std::to_string(column) + " " + code;
    };
    // After 甲乙, reading resumes at the next line that begins a statement:
    // the next 指标, or, where a 来源 line stands at the line's beginning,
    // that line, read as the framework's 来源 (twice, the second time an
    // error), and then 目标, which begins no statement outside a block.
    const std::vector<std::string> want =
        source_at_line_start
            ? std::vector<std::string>{at(5, 2, 3, "E013"), at(5, 4, 3, "E013"), at(7, 1, 6, "E006"),
                                       at(3990, 1, 6, "E006"), at(3995, 2, 3, "E013"), at(3995, 3, 1, "E020"),
                                       at(3995, 4, 3, "E013")}
            : std::vector<std::string>{at(5, 2, 3, "E013"), at(7, 1, 6, "E006"), at(3990, 1, 6, "E006"),
                                       at(3995, 2, 3, "E013")};
    EXPECT_EQ(places, want) << DiagnosticsText(bad);
    // The second half's message is in English as well, word for word the first's.
    std::vector<std::string> unknown_statements;
    for (const Diagnostic& d : bad.diagnostics) {
      if (d.message.find("甲乙") != std::string::npos) unknown_statements.push_back(d.message);
    }
    ASSERT_EQ(unknown_statements.size(), 2u) << DiagnosticsText(bad);
    EXPECT_EQ(unknown_statements[1], unknown_statements[0]);
    EXPECT_TRUE(unknown_statements[1].starts_with("unknown statement '甲乙' in a block")) << unknown_statements[1];
  }
}

TEST(Diagnostics, FormatHasFileLineColumnSeverityAndCode) {
  ParsedFramework parsed = ParseFramework("框架 \"t\"\n指标 1 \"人均\" { 单位 年 方向 越高越好 目标 2022 1 }\n", "t.ha");
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  // Columns count code points: 指标 1 "人均" { 单位 and its spaces are 15, so 年 is at 16.
  EXPECT_EQ(parsed.diagnostics[0].ToString(),
            "t.ha:2:16: error: 未知的单位“年”（应为 岁、小时、%、‰、1/10万、人/千人、人、例或个） [E006 unknown-unit]");
  // In English: the same place and code.
  const ScopedLanguage english(Language::kEnglish);
  parsed = ParseFramework("框架 \"t\"\n指标 1 \"人均\" { 单位 年 方向 越高越好 目标 2022 1 }\n", "t.ha");
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].ToString(),
            "t.ha:2:16: error: unknown unit '年' (expected 岁, 小时, %, ‰, 1/10万, 人/千人, 人, 例 "
            "or 个) [E006 unknown-unit]");
}

TEST(Diagnostics, WarningsDoNotStopAFramework) {
  ParsedFramework parsed = ParseFramework(
      "框架 \"t\"\n指标 1 \"a\" { 单位 % 目标 2022 50 }\n", "t.ha");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kBareTargetNoDirection);
}

TEST(Robustness, GarbageNeverCrashes) {
  const std::string inputs[] = {
      "", "{", "}", "\"", "指标", "指标 1", "指标 1 \"", "框架 \"x\" 指标 1 \"a\" {",
      std::string("框架 \"x\"\n\0\n", 10), "框架 \"x\"\n指标 1 \"a\" { 公式 ( }",
      "框架 \"x\"\n指标 1 \"a\" { 公式 ((((((((((甲 }", "\xef\xbb\xbf框架 \"bom\"",
      "框架 \"x\"\n指标 1 \"a\" { 目标 2022 ，，， }", "框架 \"x\"\n计数 \n",
  };
  for (const std::string& input : inputs) {
    ParsedFramework parsed = ParseFramework(input, "fuzz.ha");
    for (const Diagnostic& d : parsed.diagnostics) {
      EXPECT_GE(d.line, 1) << input;
      EXPECT_GE(d.column, 1) << input;
    }
  }
}

}  // namespace
}  // namespace healthact

namespace healthact {
namespace {

TEST(ComparisonTarget, IsMetExactlyAtTheBoundary) {
  const auto target = [](Comparator c, const char* v) {
    return ComparisonTarget{c, *Decimal::Parse(v), false};
  };
  const auto value = [](const char* v) { return *Decimal::Parse(v); };
  EXPECT_TRUE(target(Comparator::kAtLeast, "74.6").IsMetBy(value("74.6")));
  EXPECT_FALSE(target(Comparator::kAtLeast, "74.6").IsMetBy(value("74.59999999999")));
  EXPECT_TRUE(target(Comparator::kAtMost, "6.0").IsMetBy(value("6")));
  EXPECT_FALSE(target(Comparator::kAtMost, "6.0").IsMetBy(value("6.01")));
  EXPECT_FALSE(target(Comparator::kAbove, "90").IsMetBy(value("90")));   // ＞90
  EXPECT_TRUE(target(Comparator::kAbove, "90").IsMetBy(value("90.01")));
  EXPECT_FALSE(target(Comparator::kBelow, "5").IsMetBy(value("5.0")));
  EXPECT_TRUE(target(Comparator::kEqual, "100").IsMetBy(value("100.00")));
}

}  // namespace
}  // namespace healthact
