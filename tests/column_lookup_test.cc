// The per-thread memo of columns (src/assess/column_lookup.hpp), white-box:
// a key is known by its bytes, never by its address alone, and the memo
// belongs to one observations' generation at a time.
#include "assess/column_lookup.hpp"

#include <string>

#include <gtest/gtest.h>

namespace healthact {
namespace {

TEST(ColumnLookup, KnowsAKeyByItsBytesNotItsAddress) {
  Observations data;
  const UnitId unit = data.AddUnit("甲县");
  ASSERT_TRUE(data.Add(unit, "1", 2022, *ParseReported("10")).ok());
  ASSERT_TRUE(data.Add(unit, "2", 2022, *ParseReported("20")).ok());
  const Observations::Column* one = data.FindColumn("1", 2022);
  const Observations::Column* two = data.FindColumn("2", 2022);
  ASSERT_NE(one, nullptr);
  ASSERT_NE(two, nullptr);

  ColumnLookup lookup(data);
  std::string key = "1";
  EXPECT_EQ(lookup.Find(key, 2022), one);
  EXPECT_EQ(lookup.Find(key, 2022), one);  // remembered
  key[0] = '2';                            // the same address, another key
  EXPECT_EQ(lookup.Find(key, 2022), two);
  key[0] = '3';
  EXPECT_EQ(lookup.Find(key, 2022), nullptr);
  key = "1";
  EXPECT_EQ(lookup.Find(key, 2021), nullptr);  // another year
  EXPECT_EQ(lookup.Find("1", 2022), one);
}

TEST(ColumnLookup, KeepsToItsOwnObservationsWhenLookupsTakeTurns) {
  Observations data;
  const UnitId unit = data.AddUnit("甲县");
  ASSERT_TRUE(data.Add(unit, "1", 2022, *ParseReported("10")).ok());
  const Observations copy = data;  // equal, with columns of its own
  ASSERT_NE(copy.FindColumn("1", 2022), data.FindColumn("1", 2022));

  const std::string key = "1";
  ColumnLookup outer(data);
  EXPECT_EQ(outer.Find(key, 2022), data.FindColumn("1", 2022));
  {
    ColumnLookup inner(copy);  // an assessment within an assessment
    EXPECT_EQ(inner.Find(key, 2022), copy.FindColumn("1", 2022));
  }
  EXPECT_EQ(outer.Find(key, 2022), data.FindColumn("1", 2022));
}

}  // namespace
}  // namespace healthact
