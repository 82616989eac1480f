// Observations fed by typed columns: doubles as the decimals Python writes,
// and the column shortcut, which must keep every rule of Add.
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "healthact/assess/assessment.hpp"
#include "healthact/core/language.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/data/observations.hpp"

namespace healthact {
namespace {

std::string Written(double value) {
  const absl::StatusOr<Reported> reported = ReportedOf(value);
  return reported.ok() ? reported->ToString() : "error: " + std::string(reported.status().message());
}

TEST(ShortestScaled, FindsTheDecimalPythonWrites) {
  // repr(74.6) == '74.6', repr(-3.25) == '-3.25', repr(0.1) == '0.1'.
  const std::optional<ScaledNumber> a = ShortestScaled(74.6);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->mantissa, 746);
  EXPECT_EQ(a->scale, 1);
  const std::optional<ScaledNumber> b = ShortestScaled(-3.25);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->mantissa, -325);
  EXPECT_EQ(b->scale, 2);
  const std::optional<ScaledNumber> c = ShortestScaled(123456.789);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->mantissa, 123456789);
  EXPECT_EQ(c->scale, 3);
  // A whole number keeps one fractional digit: repr(75.0) == '75.0'.
  const std::optional<ScaledNumber> d = ShortestScaled(75.0);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->mantissa, 750);
  EXPECT_EQ(d->scale, 1);
}

TEST(ShortestScaled, LeavesTheRestToReportedOf) {
  EXPECT_FALSE(ShortestScaled(0.1 + 0.2));  // repr: 0.30000000000000004, 17 digits
  EXPECT_FALSE(ShortestScaled(1e15));       // beyond 2^49
  EXPECT_FALSE(ShortestScaled(std::nan("")));
  EXPECT_FALSE(ShortestScaled(std::numeric_limits<double>::infinity()));
}

// The shortcut against the standard library's shortest printing, on figures
// with few decimals and on arbitrary doubles (20 M of them agreed when it was
// written; the test draws 400 000).
TEST(ShortestScaled, AgreesWithShortestPrinting) {
  std::mt19937_64 draw(20221201);
  int shortcut = 0;
  for (int i = 0; i < 400000; ++i) {
    double value = 0;
    if (i % 2 == 0) {
      value = static_cast<double>(static_cast<std::int64_t>(draw() % 200000000) - 100000000) /
              std::pow(10.0, static_cast<double>(draw() % 8));
    } else {
      const std::uint64_t bits = draw();
      std::memcpy(&value, &bits, sizeof value);
    }
    const std::optional<ScaledNumber> fast = ShortestScaled(value);
    if (!fast) continue;
    ++shortcut;
    char digits[400];
    const std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed);
    std::string expected(digits, end.ptr);
    if (expected.find('.') == std::string::npos) expected += ".0";
    if (expected == "-0.0") expected = "0.0";
    const Reported reported{ReportKind::kNumber, Decimal::FromScaled(fast->mantissa, fast->scale)};
    ASSERT_EQ(reported.ToString(), expected) << "for " << value;
  }
  EXPECT_GT(shortcut, 190000);  // the figures with few decimals all take it
}

TEST(ReportedOf, WritesEveryDoubleAsItsShortestDecimal) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  EXPECT_EQ(Written(74.6), "74.6");
  EXPECT_EQ(Written(75.0), "75.0");
  EXPECT_EQ(Written(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(Written(1e15), "1000000000000000.0");  // fixed notation, not 1e+15
  EXPECT_EQ(Written(-0.0), "0.0");
  EXPECT_EQ(ReportedOf(std::nan(""))->kind, ReportKind::kNothing);
  EXPECT_EQ(Written(std::numeric_limits<double>::infinity()), "error: an infinite number is not a value");
  // 21 digits before the point: more than a Decimal holds.
  EXPECT_TRUE(Written(1e20).starts_with("error: the number 100000000000000000000 is not a value"));
}

// The listing order is collated once and kept: a unit added or listed
// afterwards must take its place, and a copy keeps the order of its units.
TEST(ListingRanks, FollowUnitsAddedOrListedAfterTheyWereFirstMade) {
  Observations observations;
  const UnitId yi = observations.AddUnit("乙");
  const UnitId jia = observations.AddUnit("甲");
  EXPECT_EQ(*observations.ListingRanks(), (std::vector<std::int32_t>{1, 0}));  // jia before yi
  const Observations before = observations;
  const UnitId bing = observations.AddUnit("丙");  // bing before jia
  EXPECT_EQ(*observations.ListingRanks(), (std::vector<std::int32_t>{2, 1, 0}));
  observations.List(yi);  // a units file lists 乙 first; the rest by collation
  EXPECT_EQ((*observations.ListingRanks())[yi], 0);
  EXPECT_EQ((*observations.ListingRanks())[bing], 1);
  EXPECT_EQ((*observations.ListingRanks())[jia], 2);
  EXPECT_EQ(observations.AddUnit("甲"), jia);  // not a new unit: the order stands
  EXPECT_EQ((*observations.ListingRanks())[jia], 2);
  EXPECT_EQ(*before.ListingRanks(), (std::vector<std::int32_t>{1, 0}));
}

TEST(ObservationsColumn, TheShortcutKeepsAddsRules) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  Observations data;
  const UnitId a = data.AddUnit("甲县"), b = data.AddUnit("乙县"), c = data.AddUnit("丙县");
  absl::StatusOr<Observations::Column*> column = data.ColumnFor("1", 2022);
  ASSERT_TRUE(column.ok());
  EXPECT_TRUE(data.Add(**column, a, ScaledNumber{746, 1}).ok());
  // A value with more digits widens the column's scale; the first keeps its own.
  EXPECT_TRUE(data.Add(**column, c, ScaledNumber{7425, 2}).ok());
  EXPECT_EQ(data.Get(a, "1", 2022).ToString(), "74.6");
  EXPECT_EQ(data.Get(c, "1", 2022).ToString(), "74.25");
  EXPECT_EQ(data.Get(b, "1", 2022).kind, ReportKind::kNothing);
  EXPECT_TRUE(data.Add(**column, b, ScaledNumber{7, 0}).ok());  // a gap filled
  EXPECT_EQ(data.Get(b, "1", 2022).ToString(), "7");
  // The same value again is accepted; another is refused, as Add refuses it.
  EXPECT_TRUE(data.Add(**column, a, ScaledNumber{746, 1}).ok());
  const absl::Status twice = data.Add(**column, a, ScaledNumber{747, 1});
  EXPECT_EQ(twice.message(), "reported twice: '74.6' and '74.7'");
  EXPECT_EQ(data.value_count(), 3u);
  EXPECT_FALSE(data.Add(**column, 9, ScaledNumber{1, 0}).ok());  // no such unit
  EXPECT_EQ(data.ColumnFor("1", 3000).status().message(), "year 3000 is not from 1949 to 2100");
}

// Keys of every length up to past the packed index's 16 bytes, keys that
// differ only in their last byte, an inner byte or their length, a key with a NUL
// inside and a Chinese name: each is its own column in each year, found
// again in the observations' copies, which own their columns.
TEST(ObservationsColumn, EveryKeyIsItsOwnColumnAtEveryLength) {
  const std::string letters = "0123456789abcdefghijkl";
  std::vector<std::string> keys;
  for (std::size_t n = 1; n <= 20; ++n) {
    keys.push_back(letters.substr(0, n));
    keys.push_back(letters.substr(0, n - 1) + "Z");
    if (n >= 3) {
      std::string middle = letters.substr(0, n);
      middle[n / 2] = 'Z';  // differs in one inner byte alone
      keys.push_back(middle);
    }
  }
  keys.push_back(std::string("a\0b", 3));
  keys.push_back(std::string("a\0c", 3));
  keys.push_back("活产数");
  keys.push_back("常住人口数");  // 15 bytes
  keys.push_back("户籍人口数量");  // 18 bytes
  Observations data;
  const UnitId unit = data.AddUnit("甲县");
  // Key k's value in year 2021 + y is k * 10 + y.
  for (std::size_t k = 0; k < keys.size(); ++k) {
    for (int y = 0; y < 2; ++y) {
      ASSERT_TRUE(data.Add(unit, keys[k], 2021 + y, *ParseReported(std::to_string(k * 10 + y))).ok()) << k;
    }
  }
  const auto expect_own = [&](const Observations& o, std::size_t shift, const char* which) {
    for (std::size_t k = 0; k < keys.size(); ++k) {
      for (int y = 0; y < 2; ++y) {
        EXPECT_EQ(o.Get(unit, keys[k], 2021 + y).ToString(), std::to_string(shift + k * 10 + y))
            << which << " key " << k << " (" << keys[k].size() << " bytes) in " << 2021 + y;
      }
      EXPECT_EQ(o.FindColumn(keys[k], 2023), nullptr) << which << " key " << k;
      EXPECT_EQ(o.FindColumn(keys[k] + "Y", 2021), nullptr) << which << " key " << k;
    }
    EXPECT_EQ(o.FindColumn("", 2021), nullptr) << which;
  };
  expect_own(data, 0, "original");

  Observations copy = data;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    ASSERT_TRUE(copy.Replace(unit, keys[k], 2021, *ParseReported(std::to_string(1000 + k * 10))).ok());
    ASSERT_TRUE(copy.Replace(unit, keys[k], 2022, *ParseReported(std::to_string(1001 + k * 10))).ok());
    EXPECT_NE(copy.FindColumn(keys[k], 2021), data.FindColumn(keys[k], 2021)) << k;
  }
  expect_own(data, 0, "original after the copy changed");
  expect_own(copy, 1000, "copy");
  Observations assigned;
  assigned = copy;
  expect_own(assigned, 1000, "assigned");
  const Observations moved = std::move(copy);
  expect_own(moved, 1000, "moved");
}

// What Excel writes: a byte-order mark (no column of its own), CRLF line
// ends, a remark column.
TEST(DataFile, ReadsWhatSpreadsheetsWrite) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  Observations data;
  const std::vector<Diagnostic> found = ReadObservationsCsv(
      "\xEF\xBB\xBFunit,indicator,year,value,备注\r\n甘州区,1,2022,75.9,已核对\r\n临泽县,1,2022,\"1,075\",\r\n",
      "excel.csv", nullptr, data);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].ToString(), "excel.csv:1:27: warning: column '备注' is not read [W112 data-column-ignored]");
  EXPECT_EQ(found[1].ToString(),
            "excel.csv:3:12: warning: '1,075' read as 1075 (the commas taken as thousands separators) "
            "[W113 data-value-read-as]");
  EXPECT_EQ(data.Get(*data.FindUnit("甘州区"), "1", 2022).ToString(), "75.9");
  EXPECT_EQ(data.Get(*data.FindUnit("临泽县"), "1", 2022).ToString(), "1075");
}

// The same file saved as GB18030: converted, and said so; the positions are
// the converted text's (code points, as always).
TEST(DataFile, ConvertsGb18030AndSaysSo) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  // "unit,indicator,year,value\n甘州区,1,2022,75.9\n" with 甘州区 in GB18030.
  const std::string gbk = "unit,indicator,year,value\n\xB8\xCA\xD6\xDD\xC7\xF8,1,2022,75.9\n";
  Observations data;
  const std::vector<Diagnostic> found = ReadObservationsCsv(gbk, "gbk.csv", nullptr, data);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, DiagnosticCode::kDataEncodingConverted);
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  ASSERT_TRUE(data.FindUnit("甘州区"));
  EXPECT_EQ(data.Get(*data.FindUnit("甘州区"), "1", 2022).ToString(), "75.9");
  // Bytes that are neither: refused, saying how to save the file.
  const std::vector<Diagnostic> refused =
      ReadObservationsCsv("unit,indicator,year,value\n\xFF,1,2022,1\n", "bad.csv", nullptr, data);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].ToString(),
            "bad.csv:2:1: error: the file is not valid UTF-8, nor GB18030 (GBK) Chinese text; save it as UTF-8 "
            "(Excel: 另存为 → CSV UTF-8) [E002 invalid-utf8]");
  // The first bad byte is found wherever it falls among ASCII and Chinese
  // text: here the 13th character of line 2 (甘州区 and ",1,2022,7" before it).
  const std::vector<Diagnostic> late =
      ReadObservationsCsv("unit,indicator,year,value\n甘州区,1,2022,7\xFF\n", "late.csv", nullptr, data);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].ToString().substr(0, 21), "late.csv:2:13: error:");
}

// Quoted fields are read as RFC 4180 has them ("" is one quote, a field may
// span lines, text after the closing quote belongs to the field), and a
// problem after a field that spans lines is placed on its own line.
TEST(DataFile, ReadsQuotedFieldsAndPlacesWhatFollowsThem) {
  Observations data;
  const std::vector<Diagnostic> found = ReadObservationsCsv(
      "unit,indicator,year,value\n"
      "\"甘州\"\"区\",1,2022,75.9\n"
      "\"临泽\n县\",1,2022,x\n"
      "\"张\"掖,1,2022,80\n",
      "q.csv", nullptr, data);
  ASSERT_EQ(found.size(), 1u);
  // Line 4 is 县",1,2022,x: the x is its 11th character.
  EXPECT_EQ(found[0].ToString().substr(0, 19), "q.csv:4:11: error: ");
  EXPECT_EQ(found[0].code, DiagnosticCode::kDataValue);
  ASSERT_TRUE(data.FindUnit("甘州\"区"));
  EXPECT_EQ(data.Get(*data.FindUnit("甘州\"区"), "1", 2022).ToString(), "75.9");
  EXPECT_FALSE(data.FindUnit("临泽\n县"));  // its only row was refused
  ASSERT_TRUE(data.FindUnit("张掖"));
  EXPECT_EQ(data.Get(*data.FindUnit("张掖"), "1", 2022).ToString(), "80");
}

// Fields are found sixteen bytes at a time: names of 15, 16, 17 and 33
// bytes, a separator at each place of a block, Chinese names across a block's
// edge, CRLF, and a last row without a line break that ends short of a block.
TEST(DataFile, FindsEveryFieldsEndWhateverItsLength) {
  const std::vector<std::string> names = {
      std::string(15, 'a'), std::string(16, 'b'), std::string(17, 'c'), std::string(33, 'd'),
      std::string(63, 'e'), std::string(64, 'f'), std::string(65, 'g'), std::string(130, 'h'),
      "甘州区甘州区", "临泽县临泽县临", "x"};
  std::string text = "unit,indicator,year,value\r\n";
  for (std::size_t k = 0; k < names.size(); ++k) {
    text += names[k] + ",1,2022," + std::to_string(70 + k) + (k + 1 < names.size() ? "\r\n" : "");
  }
  Observations data;
  EXPECT_TRUE(ReadObservationsCsv(text, "f.csv", nullptr, data).empty());
  ASSERT_EQ(data.unit_count(), static_cast<int>(names.size()));
  for (std::size_t k = 0; k < names.size(); ++k) {
    ASSERT_TRUE(data.FindUnit(names[k])) << names[k];
    EXPECT_EQ(data.Get(*data.FindUnit(names[k]), "1", 2022).ToString(), std::to_string(70 + k)) << names[k];
  }
  // A bad value placed by its column after a 17-byte name: "c"×17 then ",1,2022," puts x at 26.
  Observations other;
  const std::vector<Diagnostic> found =
      ReadObservationsCsv("unit,indicator,year,value\n" + std::string(17, 'c') + ",1,2022,x\n", "g.csv", nullptr, other);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].ToString().substr(0, 19), "g.csv:2:26: error: ");
}

// Values at the edges of the plain-number path, which goes straight into a
// column: each read exactly as written, or by the long way when it leaves
// that path (more digits than 64 bits hold, a sign alone, a point at an end).
TEST(DataFile, ValuesAtTheEdgesOfThePlainPathAreReadExactly) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"0", "0"},
      {"-0.5", "-0.5"},
      {"+3", "3"},
      {"007.50", "7.50"},
      {"9223372036854775807", "9223372036854775807"},    // INT64_MAX: the path's last
      {"9223372036854775808", "9223372036854775808"},    // one more: the long way
      {"1234567890.123456789", "1234567890.123456789"},  // 19 digits with a point
      {"12345678901234567890", "12345678901234567890"},  // 20 digits
      {"0.000000000000000001", "0.000000000000000001"},  // 18 after the point
  };
  std::string text = "unit,indicator,year,value\n";
  for (std::size_t k = 0; k < cases.size(); ++k) text += "u" + std::to_string(k) + ",1,2022," + cases[k].first + "\n";
  Observations data;
  EXPECT_TRUE(ReadObservationsCsv(text, "edges.csv", nullptr, data).empty());
  for (std::size_t k = 0; k < cases.size(); ++k) {
    EXPECT_EQ(data.Get(*data.FindUnit("u" + std::to_string(k)), "1", 2022).ToString(), cases[k].second) << cases[k].first;
  }
  // Not numbers, at the value's column (after "u,1,2022,": 10).
  for (const std::string bad : {"-", "+", "1.", ".5", "1.2.3", "--1", "1-"}) {
    Observations other;
    const std::vector<Diagnostic> found =
        ReadObservationsCsv("unit,indicator,year,value\nu,1,2022," + bad + "\n", "bad.csv", nullptr, other);
    ASSERT_EQ(found.size(), 1u) << bad;
    EXPECT_EQ(found[0].code, DiagnosticCode::kDataValue) << bad;
    EXPECT_EQ(found[0].column, 10) << bad;
  }
}

// A sheet of an .xlsx file: blank rows skipped, a row that leaves its last
// cells empty is as wide as the header, and problems are placed at the
// sheet's row and column (E5 is line 5, column 4 here: the fourth column).
TEST(DataFile, ReadsASheet) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  Sheet sheet;
  sheet.name = "数据";
  sheet.rows = {{"单位", "指标", "年份", "值"},
                {},
                {"甘州区", "1", "2022", "75.9"},
                {"临泽县", "1", "2022"},
                {"高台县", "1", "2022", "七十"}};
  Observations data;
  const std::vector<Diagnostic> found = ReadObservationsSheet(sheet, "data.xlsx", nullptr, data);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].ToString().starts_with("data.xlsx:5:4: error: '七十' is not a value")) << found[0].ToString();
  EXPECT_EQ(data.Get(*data.FindUnit("甘州区"), "1", 2022).ToString(), "75.9");
  ASSERT_TRUE(data.FindUnit("临泽县"));
  EXPECT_EQ(data.Get(*data.FindUnit("临泽县"), "1", 2022).kind, ReportKind::kNothing);
  EXPECT_EQ(data.value_count(), 1u);
}

// The decision record's hash of observations, against Python's hashlib on
// the canonical text worked out by hand: units by name (乙 U+4E59 before 甲
// U+7532) with parent and level, then each report as written.
//   unit\t乙\t甲\t县区\n unit\t甲\t\t\n value\t乙\t1\t2022\t74.60\n value\t甲\t1\t2022\t75\n
TEST(DecisionRecord, HashesTheCanonicalContentOfObservations) {
  Observations data;
  const UnitId jia = data.AddUnit("甲");
  const UnitId yi = data.AddUnit("乙");
  ASSERT_TRUE(data.SetParent(yi, jia).ok());
  data.SetLevel(yi, UnitLevel::kCounty);
  ASSERT_TRUE(data.Add(jia, "1", 2022, *ParseReported("75")).ok());
  ASSERT_TRUE(data.Add(yi, "1", 2022, *ParseReported("74.60")).ok());
  EXPECT_EQ(ObservationsSha256(data), "96834e261f17871dfb61433f87ee04a1a62c2de339096b4b5f5701e6be93fa85");
  // Nothing at all: the hash of the empty text.
  EXPECT_EQ(ObservationsSha256(Observations()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// The data file's English words are the DSL's: achieved, not_achieved,
// not_counted, not_established, pending.
TEST(ParseReported, ReadsTheEnglishWords) {
  EXPECT_EQ(ParseReported("achieved")->kind, ReportKind::kAchieved);
  EXPECT_EQ(ParseReported("not_achieved")->kind, ReportKind::kNotAchieved);
  EXPECT_EQ(ParseReported("not_counted")->kind, ReportKind::kNotCounted);
  EXPECT_EQ(ParseReported("not_established")->kind, ReportKind::kNotEstablished);
  EXPECT_EQ(ParseReported("pending")->kind, ReportKind::kPending);
  EXPECT_FALSE(ParseReported("Achieved").ok());  // spelt as the DSL spells it
}

}  // namespace
}  // namespace healthact
