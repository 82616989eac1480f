#include "healthact/unit.hpp"

#include <gtest/gtest.h>

namespace healthact {
namespace {

TEST(Unit, ParsesEverySpellingOfTheDocuments) {
  EXPECT_EQ(ParseUnit("岁"), Unit::kYears);
  EXPECT_EQ(ParseUnit("小时"), Unit::kHours);
  EXPECT_EQ(ParseUnit("%"), Unit::kPercent);
  EXPECT_EQ(ParseUnit("％"), Unit::kPercent);
  EXPECT_EQ(ParseUnit("‰"), Unit::kPerMille);
  EXPECT_EQ(ParseUnit("1/10万"), Unit::kPer100k);
  EXPECT_EQ(ParseUnit("人/千人"), Unit::kPersonsPerThousand);
  EXPECT_EQ(ParseUnit("人"), Unit::kPersons);
  EXPECT_EQ(ParseUnit("例"), Unit::kCases);
  EXPECT_EQ(ParseUnit("个"), Unit::kItems);
  EXPECT_EQ(ParseUnit("percent"), std::nullopt);
  EXPECT_EQ(ParseUnit(""), std::nullopt);
  EXPECT_EQ(UnitSymbol(Unit::kPercent), "%");
}

TEST(Unit, DeathsOverBirthsTimesAThousandIsPerMille) {
  const Dimension deaths = UnitDimension(Unit::kCases);
  const Dimension births = UnitDimension(Unit::kPersons);
  const Dimension rate = deaths.DividedBy(births).ScaledBy(3);
  EXPECT_EQ(rate, UnitDimension(Unit::kPerMille));
  EXPECT_NE(rate, UnitDimension(Unit::kPercent));
  EXPECT_EQ(deaths.DividedBy(births).ScaledBy(5), UnitDimension(Unit::kPer100k));
  EXPECT_EQ(deaths.DividedBy(births).ScaledBy(2), UnitDimension(Unit::kPercent));
  // Doctors per thousand residents is a ratio × 1000 as well.
  EXPECT_EQ(rate, UnitDimension(Unit::kPersonsPerThousand));
}

TEST(Unit, MismatchedQuantitiesDiffer) {
  EXPECT_NE(UnitDimension(Unit::kYears), UnitDimension(Unit::kHours));
  EXPECT_NE(UnitDimension(Unit::kPersons), UnitDimension(Unit::kPercent));
  EXPECT_EQ(UnitDimension(Unit::kPersons).Times(UnitDimension(Unit::kYears)).ToString(),
            "count·years");
  EXPECT_EQ(UnitDimension(Unit::kPerMille).ToString(), "ratio ×10^3");
}

TEST(Unit, SharesHaveAWhole) {
  EXPECT_TRUE(IsShare(Unit::kPercent));
  EXPECT_TRUE(IsShare(Unit::kPerMille));
  EXPECT_TRUE(IsShare(Unit::kPer100k));
  EXPECT_FALSE(IsShare(Unit::kYears));
  EXPECT_FALSE(IsShare(Unit::kPersons));
}

}  // namespace
}  // namespace healthact
