#include "healthact/core/measure_unit.hpp"

#include <gtest/gtest.h>

#include "healthact/core/language.hpp"

namespace healthact {
namespace {

TEST(MeasureUnit, ParsesEverySpellingOfTheDocuments) {
  EXPECT_EQ(ParseMeasureUnit("岁"), MeasureUnit::kYears);
  // The English words, beside the Chinese ones; the Chinese stays canonical.
  EXPECT_EQ(ParseMeasureUnit("years"), MeasureUnit::kYears);
  EXPECT_EQ(ParseMeasureUnit("hours"), MeasureUnit::kHours);
  EXPECT_EQ(ParseMeasureUnit("percent"), MeasureUnit::kPercent);
  EXPECT_EQ(ParseMeasureUnit("permille"), MeasureUnit::kPerMille);
  EXPECT_EQ(ParseMeasureUnit("per100k"), MeasureUnit::kPer100k);
  EXPECT_EQ(ParseMeasureUnit("cases"), MeasureUnit::kCases);
  EXPECT_EQ(MeasureUnitSymbol(MeasureUnit::kYears), "岁");
  EXPECT_EQ(ParseMeasureUnit("小时"), MeasureUnit::kHours);
  EXPECT_EQ(ParseMeasureUnit("%"), MeasureUnit::kPercent);
  EXPECT_EQ(ParseMeasureUnit("％"), MeasureUnit::kPercent);
  EXPECT_EQ(ParseMeasureUnit("‰"), MeasureUnit::kPerMille);
  EXPECT_EQ(ParseMeasureUnit("1/10万"), MeasureUnit::kPer100k);
  EXPECT_EQ(ParseMeasureUnit("人/千人"), MeasureUnit::kPersonsPerThousand);
  EXPECT_EQ(ParseMeasureUnit("人"), MeasureUnit::kPersons);
  EXPECT_EQ(ParseMeasureUnit("例"), MeasureUnit::kCases);
  EXPECT_EQ(ParseMeasureUnit("个"), MeasureUnit::kItems);
  EXPECT_EQ(ParseMeasureUnit("pct"), std::nullopt);
  EXPECT_EQ(ParseMeasureUnit(""), std::nullopt);
  EXPECT_EQ(MeasureUnitSymbol(MeasureUnit::kPercent), "%");
}

TEST(MeasureUnit, DeathsOverBirthsTimesAThousandIsPerMille) {
  const Dimension deaths = MeasureUnitDimension(MeasureUnit::kCases);
  const Dimension births = MeasureUnitDimension(MeasureUnit::kPersons);
  const Dimension rate = deaths.DividedBy(births).ScaledBy(3);
  EXPECT_EQ(rate, MeasureUnitDimension(MeasureUnit::kPerMille));
  EXPECT_NE(rate, MeasureUnitDimension(MeasureUnit::kPercent));
  EXPECT_EQ(deaths.DividedBy(births).ScaledBy(5), MeasureUnitDimension(MeasureUnit::kPer100k));
  EXPECT_EQ(deaths.DividedBy(births).ScaledBy(2), MeasureUnitDimension(MeasureUnit::kPercent));
  // Doctors per thousand residents is a ratio × 1000 as well.
  EXPECT_EQ(rate, MeasureUnitDimension(MeasureUnit::kPersonsPerThousand));
}

TEST(MeasureUnit, MismatchedQuantitiesDiffer) {
  EXPECT_NE(MeasureUnitDimension(MeasureUnit::kYears), MeasureUnitDimension(MeasureUnit::kHours));
  EXPECT_NE(MeasureUnitDimension(MeasureUnit::kPersons), MeasureUnitDimension(MeasureUnit::kPercent));
}

// A dimension is named in diagnostics, so in the reader's language.
TEST(MeasureUnit, DimensionsAreNamedInTheReadersLanguage) {
  const Dimension person_years =
      MeasureUnitDimension(MeasureUnit::kPersons).Times(MeasureUnitDimension(MeasureUnit::kYears));
  {
    ScopedLanguage english(Language::kEnglish);
    EXPECT_EQ(person_years.ToString(), "count·years");
    EXPECT_EQ(MeasureUnitDimension(MeasureUnit::kPerMille).ToString(), "ratio ×10^3");
  }
  ScopedLanguage chinese(Language::kChinese);
  EXPECT_EQ(person_years.ToString(), "计数·年");
  EXPECT_EQ(MeasureUnitDimension(MeasureUnit::kPerMille).ToString(), "比率 ×10^3");
  EXPECT_EQ(MeasureUnitDimension(MeasureUnit::kHours).ToString(), "小时");
}

TEST(MeasureUnit, SharesHaveAWhole) {
  EXPECT_TRUE(IsShare(MeasureUnit::kPercent));
  EXPECT_TRUE(IsShare(MeasureUnit::kPerMille));
  EXPECT_TRUE(IsShare(MeasureUnit::kPer100k));
  EXPECT_FALSE(IsShare(MeasureUnit::kYears));
  EXPECT_FALSE(IsShare(MeasureUnit::kPersons));
}

}  // namespace
}  // namespace healthact
