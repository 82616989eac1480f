// Messages in the reader's language (issue 16, point 2): the same verdicts
// explained in Chinese and in English, each text worked out from the
// catalogs' templates (po/en.po) by hand.
#include "healthact/core/language.hpp"

#include <cstring>

#include "healthact/core/messages.hpp"

#include "healthact/assess/assessment.hpp"
#include "healthact/data/data_file.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

using ::healthact::testing::ExamplePath;
using ::healthact::testing::ReadTextFile;

Assessment Liuzhou2022() {
  static const std::shared_ptr<const Framework> framework =
      ParseFramework(ReadTextFile(ExamplePath("liuzhou.ha")), "liuzhou.ha").framework;
  auto observations = std::make_shared<Observations>();
  EXPECT_FALSE(HasErrors(ReadObservationsCsv("unit,indicator,year,value\n"
                                             "柳州市,1,2022,76.8\n"
                                             "柳州市,11,2022,未实现\n"
                                             "柳州市,12,2022,实现\n"
                                             "柳州市,21,2021,10\n"
                                             "柳州市,21,2022,12\n",
                                             "data.csv", framework.get(), *observations)));
  return Assess(framework, observations, 2022);
}

std::string Reason(const Assessment& a, std::string_view number) {
  const std::vector<Indicator>& indicators = a.framework().indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].number == number) return ReasonText(a.Explain(0, i));
  }
  return "?";
}

TEST(Language, ChineseUntilAThreadChoosesAnother) {
  EXPECT_EQ(CurrentLanguage(), Language::kChinese);
  {
    ScopedLanguage english(Language::kEnglish);
    EXPECT_EQ(CurrentLanguage(), Language::kEnglish);
  }
  EXPECT_EQ(CurrentLanguage(), Language::kChinese);
}

// Tr remembers its last look-ups by the msgid's address, but a text at an
// address that held another, or a language chosen since, is looked up again.
TEST(Language, ATranslationIsOfTheTextAndLanguageOfTheCall) {
  ScopedLanguage chinese(Language::kChinese);
  char buffer[64];
  std::strcpy(buffer, "division by zero");
  EXPECT_EQ(messages::Tr(buffer), "除数为零");
  EXPECT_EQ(messages::Tr(buffer), "除数为零");
  std::strcpy(buffer, "no such unit");
  EXPECT_EQ(messages::Tr(buffer), "没有这个单位");
  std::strcpy(buffer, "not one of healthact's texts");
  EXPECT_EQ(messages::Tr(buffer), "not one of healthact's texts");
  EXPECT_EQ(messages::Tr(buffer).data(), buffer);  // the caller's text, untranslated
  EXPECT_EQ(messages::Tr("未报送"), "未报送");
  ScopedLanguage english(Language::kEnglish);
  EXPECT_EQ(messages::Tr("未报送"), "not sent up");
  std::strcpy(buffer, "未报送");
  EXPECT_EQ(messages::Tr(buffer), "not sent up");
}

TEST(Language, LocaleNamesAreReadAsTheirLanguage) {
  EXPECT_EQ(ParseLanguage("zh"), Language::kChinese);
  EXPECT_EQ(ParseLanguage("zh_CN.UTF-8"), Language::kChinese);
  EXPECT_EQ(ParseLanguage("zh_TW"), Language::kChinese);
  EXPECT_EQ(ParseLanguage("en"), Language::kEnglish);
  EXPECT_EQ(ParseLanguage("en_US.UTF-8"), Language::kEnglish);
  EXPECT_EQ(ParseLanguage("de_DE"), Language::kEnglish);  // no German: English
  EXPECT_EQ(ParseLanguage("C"), std::nullopt);             // no preference
  EXPECT_EQ(ParseLanguage("C.UTF-8"), std::nullopt);
  EXPECT_EQ(ParseLanguage("POSIX"), std::nullopt);
  EXPECT_EQ(ParseLanguage(""), std::nullopt);
}

TEST(Language, VerdictReasonsInChinese) {
  const Assessment a = Liuzhou2022();
  EXPECT_EQ(Reason(a, "1"), "76.8 < 77.8 (目标 77.8)");
  EXPECT_EQ(Reason(a, "2"), "2022年未报告 (目标 ≤6.0)");
  EXPECT_EQ(Reason(a, "11"), "报告为未实现，未实现 (目标 实现)");
  EXPECT_EQ(Reason(a, "12"), "已实现 (目标 实现)");
  EXPECT_EQ(Reason(a, "21"), "2021年 10 → 2022年 12：未下降 (目标 明显下降)");
}

TEST(Language, VerdictReasonsInEnglish) {
  ScopedLanguage english(Language::kEnglish);
  const Assessment a = Liuzhou2022();
  // The figures and the framework's own notation of the target are the same.
  EXPECT_EQ(Reason(a, "1"), "76.8 < 77.8 (target 77.8)");
  EXPECT_EQ(Reason(a, "2"), "not reported for 2022 (target ≤6.0)");
  EXPECT_EQ(Reason(a, "11"), "reported as not achieved (target 实现)");
  EXPECT_EQ(Reason(a, "12"), "achieved (target 实现)");
  EXPECT_EQ(Reason(a, "21"), "2021 10 → 2022 12; did not fall (target 明显下降)");
  // Statuses, scores and ranks do not depend on the language.
  const Assessment chinese = [] {
    ScopedLanguage back(Language::kChinese);
    return Liuzhou2022();
  }();
  EXPECT_EQ(a.score(0), chinese.score(0));
  for (std::size_t i = 0; i < a.indicator_count(); ++i) EXPECT_EQ(a.status(0, i), chinese.status(0, i));
}

// A figure outside its plausible range: the finding's words follow the language.
TEST(Language, FindingsInBothLanguages) {
  const std::shared_ptr<const Framework> framework =
      ParseFramework(ReadTextFile(ExamplePath("liuzhou.ha")), "liuzhou.ha").framework;
  auto observations = std::make_shared<Observations>();
  ASSERT_FALSE(HasErrors(ReadObservationsCsv("unit,indicator,year,value\n柳州市,1,2022,999\n", "data.csv",
                                             framework.get(), *observations)));
  const Assessment chinese = Assess(framework, observations, 2022);
  ASSERT_EQ(chinese.findings(0).size(), 1u);
  EXPECT_NE(chinese.findings(0)[0].message.find("999 不在合理范围"), std::string::npos);
  ScopedLanguage english(Language::kEnglish);
  const Assessment a = Assess(framework, observations, 2022);
  ASSERT_EQ(a.findings(0).size(), 1u);
  EXPECT_EQ(a.findings(0)[0].message.rfind("999 is outside the plausible range ", 0), 0u) << a.findings(0)[0].message;
  EXPECT_EQ(a.status(0, 0), VerdictStatus::kInvalid);
}

// The data file's diagnostics: the same codes at the same places, the words
// in the thread's language.
TEST(Language, DataFileDiagnosticsInBothLanguages) {
  const std::string data = "unit,indicator,year,value,备注\n甘州区,9,2022,七十,x\n甘州区,9,1900,5,x\n";
  const auto read = [&] {
    Observations observations;
    return ReadObservationsCsv(data, "data.csv", nullptr, observations);
  };
  const std::vector<Diagnostic> chinese = read();
  std::vector<Diagnostic> english;
  {
    ScopedLanguage in(Language::kEnglish);
    english = read();
  }
  ASSERT_EQ(chinese.size(), 3u);
  ASSERT_EQ(english.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(chinese[k].code, english[k].code);
    EXPECT_EQ(chinese[k].line, english[k].line);
    EXPECT_EQ(chinese[k].column, english[k].column);
  }
  EXPECT_EQ(chinese[0].code, DiagnosticCode::kDataColumnIgnored);
  EXPECT_EQ(chinese[0].message, "“备注”列不读取");
  EXPECT_EQ(english[0].message, "column '备注' is not read");
  EXPECT_EQ(chinese[1].code, DiagnosticCode::kDataValue);
  EXPECT_EQ(chinese[1].message.rfind("“七十”不是可填报的值（应为数值、实现、", 0), 0u) << chinese[1].message;
  EXPECT_EQ(english[1].message.rfind("'七十' is not a value (a number, 实现, ", 0), 0u) << english[1].message;
  EXPECT_EQ(chinese[2].code, DiagnosticCode::kDataRow);
  EXPECT_EQ(chinese[2].message, "“1900”不是 1949 至 2100 之间的年份");
  EXPECT_EQ(english[2].message, "'1900' is not a year from 1949 to 2100");
}

}  // namespace
}  // namespace healthact
