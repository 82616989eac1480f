// The per-thread memo of columns (src/assess/column_lookup.hpp), white-box:
// a key is known by its bytes, never by its address alone, and the memo
// belongs to one observations' generation at a time.
#include "assess/column_lookup.hpp"

#include <string>
#include <vector>

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

// More keys than the memo first has room for: it grows, and every key,
// found or not, is still what the observations say, pass after pass.
TEST(ColumnLookup, GrowsAndStillFindsEveryKey) {
  Observations data;
  const UnitId unit = data.AddUnit("甲县");
  std::vector<std::string> keys;
  for (int k = 0; k < 500; ++k) {
    keys.push_back("k" + std::to_string(k));
    if (k % 3 != 0) {
      ASSERT_TRUE(data.Add(unit, keys.back(), 2022, *ParseReported(std::to_string(k))).ok());
    }
  }
  for (int pass = 0; pass < 3; ++pass) {
    ColumnLookup lookup(data);
    for (int k = 0; k < 500; ++k) {
      const Observations::Column* found = lookup.Find(keys[k], 2022);
      EXPECT_EQ(found, data.FindColumn(keys[k], 2022)) << "pass " << pass << ", key " << k;
      EXPECT_EQ(found == nullptr, k % 3 == 0) << "pass " << pass << ", key " << k;
    }
  }
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
