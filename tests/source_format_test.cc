// FormatFrameworkText (healthact fmt): the file laid out, not flattened, and
// no comment lost (issue 16, point 4).
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "healthact/lang/dsl.hpp"
#include "healthact/model/framework.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

using testing::ExamplePath;
using testing::MustParse;
using testing::ReadTextFile;

std::string Laid(std::string_view text) {
  const absl::StatusOr<std::string> out = FormatFrameworkText(text, "test.ha");
  EXPECT_TRUE(out.ok()) << out.status();
  return out.ok() ? *out : std::string();
}

// Each `#` comment of a text, in order (the texts below put no # in strings
// unless a test says so).
std::vector<std::string> Comments(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = text.find('#', at)) != std::string_view::npos) {
    const std::size_t end = text.find('\n', at);
    out.emplace_back(text.substr(at, end - at));
    at = end;
  }
  return out;
}

ParseOptions CityResolver() {
  ParseOptions options;
  options.resolver = [](std::string_view name, std::string_view) -> absl::StatusOr<FrameworkSource> {
    return FrameworkSource{std::string(name), ReadTextFile(ExamplePath(std::string(name)))};
  };
  return options;
}

TEST(FormatText, LaysOutWhatWasWrittenLoosely) {
  // English keywords and words, a full-width %, odd spacing and blank lines,
  // a comment after code and one before the closing brace.
  const std::string text =
      "# header\n"
      "framework   \"示例\"\n"
      "\n\n\n"
      "indicator 1 \"甲\" {   # the first\n"
      "      unit ％\n"
      "direction higher\n"
      "\n"
      "   target 2022 >=90.5 % source \"文件\" \"附件1\"\n"
      "  # before the brace\n"
      "}\n"
      "指标 2 \"乙\" { 单位 岁\n"
      "方向 lower 基期 2019 --\n"
      "目标 2022 <80 }\n"
      "指标 3 \"丙\" {  基期 2019 未建立\n目标 2022 achieved }\n"
      "rule warning [1] <= 100 \"不超过100\"  \n"
      "# the end\n";
  const std::string expected =
      "# header\n"
      "框架 \"示例\"\n"
      "\n"
      "指标 1 \"甲\" {  # the first\n"
      "  单位 %\n"
      "  方向 越高越好\n"
      "\n"
      "  目标 2022 ≥90.5 % 来源 \"文件\" \"附件1\"\n"
      "  # before the brace\n"
      "}\n"
      "\n"
      "指标 2 \"乙\" {\n"
      "  单位 岁\n"
      "  方向 越低越好\n"
      "  基期 2019 --\n"
      "  目标 2022 <80\n"
      "}\n"
      "\n"
      "指标 3 \"丙\" {\n"
      "  基期 2019 未建立\n"
      "  目标 2022 实现\n"
      "}\n"
      "校验 警告 [1] ≤ 100 \"不超过100\"\n"
      "# the end\n";
  EXPECT_EQ(Laid(text), expected);
  EXPECT_EQ(Laid(expected), expected);  // a fixed point
  EXPECT_EQ(FormatFramework(*MustParse(text)), FormatFramework(*MustParse(expected)));
}

TEST(FormatText, KeepsACountyFrameworkACountysFramework) {
  const std::string county = ReadTextFile(ExamplePath("ganzhou.ha"));
  const std::string laid = Laid(county);
  // Still the county's: its 继承, its 删除, its adjusted indicator without a
  // name, and none of the city's indicators it inherits.
  EXPECT_NE(laid.find("继承 \"zhangye.ha\"\n"), std::string::npos) << laid;
  EXPECT_NE(laid.find("删除 16\n"), std::string::npos) << laid;
  EXPECT_NE(laid.find("指标 2 {\n  目标 2022 ≤5.5\n}\n"), std::string::npos) << laid;
  EXPECT_EQ(laid.find("人均预期寿命"), std::string::npos) << laid;
  // Every comment, in order, each above the statement it was above.
  EXPECT_EQ(Comments(laid), Comments(county));
  EXPECT_NE(laid.find("# A stricter infant mortality target than the city's ≤6.\n指标 2 {"),
            std::string::npos);
  // The same framework once resolved.
  EXPECT_EQ(FormatFramework(*MustParse(laid, CityResolver())),
            FormatFramework(*MustParse(county, CityResolver())));
}

TEST(FormatText, KeepsEveryCommentOfTheExamplesAndIsAFixedPoint) {
  for (const char* name : {"zhangye.ha", "liuzhou.ha", "ganzhou.ha"}) {
    SCOPED_TRACE(name);
    const std::string text = ReadTextFile(ExamplePath(name));
    const std::string laid = Laid(text);
    EXPECT_EQ(Comments(laid), Comments(text));
    EXPECT_EQ(Laid(laid), laid);
    EXPECT_EQ(FormatFramework(*MustParse(laid, CityResolver())),
              FormatFramework(*MustParse(text, CityResolver())));
  }
}

TEST(FormatText, AHashInAQuotedTextIsNotAComment) {
  const std::string text =
      "框架 \"第#1号\"  # 真的注释\n"
      "指标 1 \"含\\\"引号\\\"与#号\" { 单位 % 目标 2022 ≥1 }\n";
  EXPECT_EQ(Laid(text),
            "框架 \"第#1号\"  # 真的注释\n"
            "\n"
            "指标 1 \"含\\\"引号\\\"与#号\" {\n"
            "  单位 %\n"
            "  目标 2022 ≥1\n"
            "}\n");
}

TEST(FormatText, QuotesAndBackslashesInNamesAreWrittenAsTheLexerReadsThem) {
  // The name is 反\斜"杠: one backslash and one quote, each escaped once, in
  // the laid-out file and in the flattened form alike.
  const std::string text = "框架 \"示例\"\n指标 1 \"反\\\\斜\\\"杠\" { 单位 % 目标 2022 ≥1 }\n";
  const std::string written = "指标 1 \"反\\\\斜\\\"杠\" {\n";
  EXPECT_NE(Laid(text).find(written), std::string::npos) << Laid(text);
  const auto framework = MustParse(text);
  EXPECT_EQ(framework->indicators().front().name, "反\\斜\"杠");
  EXPECT_NE(FormatFramework(*framework).find(written), std::string::npos) << FormatFramework(*framework);
}

TEST(FormatText, ACommentGroupStaysWithTheIndicatorItIntroduces) {
  // The blank line an indicator asks for goes above the comments that lead
  // into it, not between them and it; a comment set apart by a blank line
  // stays apart.
  const std::string text =
      "框架 \"示例\"\n"
      "计数 甲 人\n"
      "# 第一组\n"
      "# 说明\n"
      "指标 1 \"甲\" { 单位 % 目标 2022 ≥1 }\n"
      "# 单独一段\n"
      "\n"
      "指标 2 \"乙\" { 单位 % 目标 2022 ≥2 }\n";
  EXPECT_EQ(Laid(text),
            "框架 \"示例\"\n"
            "计数 甲 人\n"
            "\n"
            "# 第一组\n"
            "# 说明\n"
            "指标 1 \"甲\" {\n"
            "  单位 %\n"
            "  目标 2022 ≥1\n"
            "}\n"
            "# 单独一段\n"
            "\n"
            "指标 2 \"乙\" {\n"
            "  单位 %\n"
            "  目标 2022 ≥2\n"
            "}\n");
}

TEST(FormatText, FormulasKeepTheirParentheses) {
  const std::string text =
      "框架 \"示例\"\n计数 甲 人\n计数 乙 人\n计数 丙 人\n"
      "指标 1 \"率\" { 单位 ‰ 公式 (甲+乙)/丙*1000 保留 2 half_even 目标 2022 ≤6 }\n";
  const std::string laid = Laid(text);
  EXPECT_NE(laid.find("  公式 (甲 + 乙) / 丙 * 1000 保留 2 四舍六入五成双\n"), std::string::npos) << laid;
  EXPECT_EQ(FormatFramework(*MustParse(laid)), FormatFramework(*MustParse(text)));
}

TEST(FormatText, RefusesWhatDoesNotParseWithItsPosition) {
  const absl::StatusOr<std::string> unclosed =
      FormatFrameworkText("框架 \"示例\"\n指标 1 \"甲 {\n", "county.ha");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_NE(unclosed.status().message().find("county.ha:2:"), std::string::npos)
      << unclosed.status();
  const absl::StatusOr<std::string> bytes = FormatFrameworkText("框架 \"\xff\"\n", "county.ha");
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.status().message().find("county.ha:1:5:"), std::string::npos) << bytes.status();
  const absl::StatusOr<std::string> deep =
      FormatFrameworkText("框架 \"x\"\n指标 1 \"x\" { 公式 " + std::string(100000, '(') + "\n}\n", "deep.ha");
  EXPECT_FALSE(deep.ok());
}

}  // namespace
}  // namespace healthact
