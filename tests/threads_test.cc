// Frameworks and assessments are shared read-only across threads: eight
// threads assess the same framework and observations at once, and read the
// same C-interface assessment at once.  A large data file is read, and a
// long CSV or JSON made, on two cores.  Run under ThreadSanitizer by test.sh.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "healthact.h"
#include "healthact/assess/assessment.hpp"
#include "healthact/core/language.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "healthact/report/assessment_text.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

using ::healthact::testing::ExamplePath;
using ::healthact::testing::ReadTextFile;

constexpr int kThreads = 8;

std::shared_ptr<Observations> Data() {
  auto data = std::make_shared<Observations>();
  for (int u = 0; u < 300; ++u) {
    const UnitId unit = data->AddUnit("单位" + std::to_string(u));
    for (int key = 1; key <= 26; ++key) {
      if (key == 11 || key == 12) {
        (void)data->Add(unit, std::to_string(key), 2022,
                        Reported{u % 3 ? ReportKind::kAchieved : ReportKind::kNotAchieved, {}});
        continue;
      }
      const std::string k = key == 25 ? "25.1" : std::to_string(key);
      (void)data->Add(unit, k, 2022,
                      Reported{ReportKind::kNumber, Decimal::FromScaled((u * 37 + key * 11) % 10000, 2)});
      if (key == 25) {
        (void)data->Add(unit, "25.2", 2022, Reported{ReportKind::kNumber, Decimal::FromInt(u % 100)});
      }
      if (key == 21) {
        (void)data->Add(unit, "21", 2021, Reported{ReportKind::kNumber, Decimal::FromInt(u % 9)});
      }
    }
  }
  return data;
}

TEST(Threads, AssessTheSameInputsFromEightThreads) {
  auto framework = ParseFramework(ReadTextFile(ExamplePath("liuzhou.ha")), "liuzhou.ha").framework;
  ASSERT_TRUE(framework);
  std::shared_ptr<const Observations> data = Data();
  // The threads are the first to assess this framework: they race to derive
  // its scoring weights, which happens once.
  std::vector<std::vector<std::string>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const Assessment mine = Assess(framework, data, 2022);
      for (std::size_t u : mine.ranking()) {
        seen[t].push_back(mine.observations().unit_name(mine.units()[u]) + " " +
                          mine.score(u).ToString() + " " + ReasonText(mine.Explain(u, 0)));
      }
      (void)mine.record();  // computed once, on first request
    });
  }
  for (std::thread& thread : threads) thread.join();
  const Assessment reference = Assess(framework, data, 2022);
  std::vector<std::string> expected;
  for (std::size_t u : reference.ranking()) {
    expected.push_back(reference.observations().unit_name(reference.units()[u]) + " " +
                       reference.score(u).ToString() + " " + ReasonText(reference.Explain(u, 0)));
  }
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(seen[t], expected) << "thread " << t;
}

// A large assessment collates the names, which order tied units, on the
// other core while it judges the verdicts (and the sort keys of a long
// listing on two).  10 000 units all tied, added out of order: listed in
// Chinese collation, digits by their value, 单位9 before 单位10, then 甲
// (jiǎ) before 乙 (yǐ), all first equal.
TEST(Threads, ALargeAssessmentOrdersTiesByNamesCollatedBesideTheJudging) {
  auto framework = ParseFramework(R"(框架 "一项"
指标 1 "人均预期寿命" { 单位 岁 方向 越高越好 目标 2022 ≥74 })", "one.ha").framework;
  ASSERT_TRUE(framework);
  auto data = std::make_shared<Observations>();
  std::vector<std::string> names = {"乙", "甲"};
  for (int u = 9997; u >= 0; --u) names.push_back("单位" + std::to_string(u));
  for (const std::string& name : names) {
    (void)data->Add(data->AddUnit(name), "1", 2022, Reported{ReportKind::kNumber, Decimal::FromInt(75)});
  }
  const Assessment a = Assess(framework, data, 2022);
  ASSERT_EQ(a.ranking().size(), 10000u);
  std::vector<std::string> listed;
  for (std::size_t u : a.ranking()) {
    listed.push_back(a.observations().unit_name(a.units()[u]));
    EXPECT_EQ(a.rank(u), 1);
  }
  std::vector<std::string> expected;
  for (int u = 0; u <= 9997; ++u) expected.push_back("单位" + std::to_string(u));
  expected.push_back("甲");
  expected.push_back("乙");
  EXPECT_EQ(listed, expected);
}

TEST(Threads, ReadOneCAssessmentFromEightThreads) {
  const std::string text = ReadTextFile(ExamplePath("liuzhou.ha"));
  hact_framework* framework = nullptr;
  ASSERT_EQ(hact_framework_parse(text.data(), text.size(), "liuzhou.ha", &framework, nullptr), HACT_OK);
  hact_observations* observations = nullptr;
  ASSERT_EQ(hact_observations_new(&observations), HACT_OK);
  for (int u = 0; u < 50; ++u) {
    const std::string unit = "单位" + std::to_string(u);
    const std::string value = std::to_string(70 + u % 20);
    ASSERT_EQ(hact_observations_add(observations, unit.c_str(), "1", 2022, value.c_str()), HACT_OK);
  }
  hact_assessment* assessment = nullptr;
  ASSERT_EQ(hact_assess(framework, observations, 2022, &assessment), HACT_OK);
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int position = 0; position < 50; ++position) {
        for (int index = 0; index < 26; ++index) {
          hact_verdict verdict;
          if (hact_assessment_verdict(assessment, position, index, &verdict) != HACT_OK) {
            ++mismatches[t];
          } else if (index == 0 && verdict.status != HACT_MET && verdict.status != HACT_NOT_MET) {
            ++mismatches[t];
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
  hact_assessment_free(assessment);
  hact_observations_free(observations);
  hact_framework_free(framework);
}

// The language is the thread's: two threads explaining the same verdicts at
// once, one in Chinese and one in English, each get their own words.
TEST(Threads, EachThreadExplainsInItsOwnLanguage) {
  auto framework = ParseFramework(ReadTextFile(ExamplePath("liuzhou.ha")), "liuzhou.ha").framework;
  const Assessment assessment = Assess(framework, Data(), 2022);
  std::vector<int> wrong(2, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      SetCurrentLanguage(t == 0 ? Language::kChinese : Language::kEnglish);
      const std::string_view expected = t == 0 ? "(目标 " : "(target ";
      for (int round = 0; round < 200; ++round) {
        for (std::size_t u = 0; u < 10; ++u) {
          if (ReasonText(assessment.Explain(u, 0)).find(expected) == std::string::npos) ++wrong[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong[0], 0);
  EXPECT_EQ(wrong[1], 0);
}

// A framework text of 256 KB or more is read in two halves, the second on a
// thread of its own, which must speak its caller's language.  Four threads,
// two in each language, read such a text at once; a statement no block
// knows stands in either half (indicators 3 and 3990, one a line).
TEST(Threads, ALargeFrameworkIsReadInTwoHalvesInTheCallersLanguage) {
  std::string text = "框架 \"大\"\n";
  for (int i = 1; i <= 4000; ++i) {
    const std::string n = std::to_string(i);
    text += "指标 " + n + " \"第" + n + "项\" { 单位 % " + (i == 3 || i == 3990 ? "甲乙 1" : "方向 越高越好") +
            " 目标 2022 ≥90 }\n";
  }
  ASSERT_GT(text.size(), std::size_t{256} << 10);
  std::vector<std::string> failures(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const bool english = t % 2 == 1;
      const ScopedLanguage language(english ? Language::kEnglish : Language::kChinese);
      const ParsedFramework parsed = ParseFramework(text, "big.ha");
      std::string places;
      for (const Diagnostic& d : parsed.diagnostics) {
        places += std::to_string(d.line) + ":" + std::to_string(d.column) + " ";
        const std::string_view start = english ? "unknown statement '甲乙'" : "块中有未知的语句“甲乙”";
        if (!d.message.starts_with(start)) failures[static_cast<std::size_t>(t)] += d.message + "\n";
      }
      // 指标 3 "第3项" { 单位 % is 18 code points, so 甲乙 is at 19; 3990 has
      // three digits more in its number and three in its name.
      if (places != "4:19 3991:25 ") failures[static_cast<std::size_t>(t)] += places;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& failure : failures) EXPECT_EQ(failure, "");
}

// A data file of several megabytes is split into rows on a second thread,
// several batches of rows ahead.  What it reads and where it places each
// problem must be what one thread would: the lines below are counted as the
// text is written, a quoted unit spans two lines, rows end in CRLF or LF.
// A large data file: a BOM, a quoted unit with a doubled quote and CRLF, a
// comment, a blank line and a unit across two lines, a bad value, and at the
// end a value that conflicts with line 9's.
struct BigFile {
  std::string text;
  int bad_line = 0;
  int last_line = 0;
  int after_two_lines = 0;
};
BigFile MakeBigFile(int units) {
  BigFile big;
  std::string& text = big.text;
  text = "\xEF\xBB\xBFunit,indicator,year,value\n";
  int line = 2;  // the line the next row starts on
  for (int u = 0; u < units; ++u) {
    if (u == 20000) {
      text += "\"甲\"\"乙\",1,2022,3\r\n";  // the unit 甲"乙
      ++line;
    }
    if (u == 50000) {
      text += "# a comment\n\n\"多\n行\",1,2022,4\n";  // the unit 多<LF>行, on lines +2 and +3
      line += 4;
      big.after_two_lines = line;
    }
    if (u == 90000) {
      text += "单位90000,1,2022,x\n";
      big.bad_line = line++;
      continue;
    }
    text += "单位" + std::to_string(u) + ",1,2022," + std::to_string(u % 1000) + ".5\n";
    ++line;
  }
  text += "单位7,1,2022,7.6\n";  // a conflict with line 9's 7.5, at the last line
  big.last_line = line;
  return big;
}

TEST(Threads, ALargeDataFileIsReadOnTwoCoresAsOnOne) {
  const BigFile big = MakeBigFile(120000);  // some 3 MB: fifteen batches of rows
  const std::string& text = big.text;
  const int bad_line = big.bad_line, last_line = big.last_line, after_two_lines = big.after_two_lines;
  constexpr int kUnits = 120000;
  ASSERT_GT(text.size(), std::size_t{2} << 20);

  Observations observations;
  const std::vector<Diagnostic> diagnostics = ReadObservationsCsv(text, "big.csv", nullptr, observations);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].code, DiagnosticCode::kDataValue);
  EXPECT_EQ(diagnostics[0].line, bad_line);
  EXPECT_EQ(diagnostics[0].column, 16);  // after 单位90000,1,2022, (15 code points)
  EXPECT_EQ(diagnostics[1].code, DiagnosticCode::kDataConflict);
  EXPECT_EQ(diagnostics[1].line, last_line);
  EXPECT_EQ(diagnostics[1].column, 12);  // after 单位7,1,2022, (11 code points)

  EXPECT_EQ(observations.unit_count(), kUnits - 1 + 2);  // without 单位90000; with 甲"乙 and 多<LF>行
  EXPECT_EQ(observations.unit_name(0), "单位0");
  const std::optional<UnitId> quoted = observations.FindUnit("甲\"乙");
  ASSERT_TRUE(quoted.has_value());
  EXPECT_EQ(*quoted, 20000);  // in the order the file names them
  EXPECT_EQ(observations.Get(*quoted, "1", 2022).ToString(), "3");
  const std::optional<UnitId> two_lines = observations.FindUnit("多\n行");
  ASSERT_TRUE(two_lines.has_value());
  EXPECT_EQ(observations.Get(*two_lines, "1", 2022).ToString(), "4");
  EXPECT_EQ(observations.Get(*observations.FindUnit("单位119999"), "1", 2022).ToString(), "999.5");
  EXPECT_EQ(observations.Get(*observations.FindUnit("单位7"), "1", 2022).ToString(), "7.5");
  EXPECT_FALSE(observations.FindUnit("单位90000").has_value());
  EXPECT_GT(after_two_lines, 0);
}

// The header of a large file is read first, after a BOM and comments, and
// the rows after it on the other core, which reads a plain year and value
// in passing: a year or a value written otherwise is read by the long way,
// with its warning or its error at its place, as on one thread.
TEST(Threads, ALargeDataFilesUnusualYearsAndValuesAreReadAsOnOneThread) {
  std::string text = "\xEF\xBB\xBF# 2022年数据\n\n# 说明\nunit,indicator,year,value\n";  // the header on line 4
  int line = 5;
  std::map<std::string, int> line_of;
  for (int u = 0; u < 60000; ++u) {
    const std::string unit = "单位" + std::to_string(u);
    std::string year = "2022", value = std::to_string(u % 1000) + ".5";
    if (u == 100) year = "+2022";
    if (u == 200) year = "２０２２";
    if (u == 300) value = "\"1,234\"";
    if (u == 400) year = "1899";
    if (u == 500) value = "７";
    line_of[unit] = line++;
    text += unit + ",1," + year + "," + value + "\n";
  }
  ASSERT_GT(text.size(), std::size_t{1} << 20);
  Observations observations;
  const std::vector<Diagnostic> diagnostics = ReadObservationsCsv(text, "big.csv", nullptr, observations);
  ASSERT_EQ(diagnostics.size(), 2u);
  // "1,234": read as 1234, said where it stands, after 单位300,1,2022, (13 code points).
  EXPECT_EQ(diagnostics[0].code, DiagnosticCode::kDataValueReadAs);
  EXPECT_EQ(diagnostics[0].line, line_of["单位300"]);
  EXPECT_EQ(diagnostics[0].column, 14);
  // 1899 is before 1949: an error at the year, after 单位400,1, (8 code points).
  EXPECT_EQ(diagnostics[1].code, DiagnosticCode::kDataRow);
  EXPECT_EQ(diagnostics[1].line, line_of["单位400"]);
  EXPECT_EQ(diagnostics[1].column, 9);
  const auto value = [&](const std::string& unit) {
    return observations.Get(*observations.FindUnit(unit), "1", 2022).ToString();
  };
  EXPECT_EQ(value("单位100"), "100.5");  // +2022
  EXPECT_EQ(value("单位200"), "200.5");  // full-width digits
  EXPECT_EQ(value("单位300"), "1234");
  EXPECT_FALSE(observations.FindUnit("单位400").has_value());  // its only row was refused
  EXPECT_EQ(value("单位500"), "7");  // a full-width 7
  EXPECT_EQ(value("单位59999"), "999.5");
  EXPECT_EQ(observations.unit_count(), 60000 - 1);
}

// A large units file (a national list of townships): read after its header
// on the other core, without a digest; every unit listed in the file's
// order, under its parent, and a bad level placed at its line.
TEST(Threads, ALargeUnitsFileIsListedInItsOrder) {
  std::string text = "# 乡镇名单\nunit,parent,level\n";  // the header on line 2
  int bad_line = 0;
  for (int u = 0; u < 60000; ++u) {
    text += "乡镇" + std::to_string(u) + ",县" + std::to_string(u / 100) + "," + (u == 30000 ? "镇" : "乡镇") + "\n";
    if (u == 30000) bad_line = 3 + u;
  }
  ASSERT_GT(text.size(), std::size_t{1} << 20);
  Observations observations;
  const std::vector<Diagnostic> diagnostics = ReadUnitsCsv(text, "units.csv", observations);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].code, DiagnosticCode::kDataValue);
  EXPECT_EQ(diagnostics[0].line, bad_line);
  EXPECT_EQ(diagnostics[0].column, 14);  // after 乡镇30000,县300, (13 code points)
  const std::shared_ptr<const std::vector<std::int32_t>> listing = observations.ListingRanks();
  const std::vector<std::int32_t>& ranks = *listing;
  for (const int u : {0, 1, 29999, 30000, 59999}) {
    const std::optional<UnitId> unit = observations.FindUnit("乡镇" + std::to_string(u));
    ASSERT_TRUE(unit.has_value()) << u;
    EXPECT_TRUE(observations.listed(*unit));
    EXPECT_EQ(ranks[static_cast<std::size_t>(*unit)], u);  // the file's order
    const std::optional<UnitId> county = observations.FindUnit("县" + std::to_string(u / 100));
    ASSERT_TRUE(county.has_value()) << u;
    EXPECT_EQ(observations.parent(*unit), county);
  }
}

// A quoted field never closed, past the first megabyte: nothing is read,
// and the quote is placed.
TEST(Threads, ALargeDataFileWithAnUnclosedQuoteIsRefusedWhole) {
  std::string text = "unit,indicator,year,value\n";
  for (int u = 0; u < 60000; ++u) text += "单位" + std::to_string(u) + ",1,2022,1.5\n";
  text += "\"单位x,1,2022,1\n";
  Observations observations;
  const std::vector<Diagnostic> diagnostics = ReadObservationsCsv(text, "big.csv", nullptr, observations);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].code, DiagnosticCode::kDataRow);
  EXPECT_EQ(diagnostics[0].line, 60002);
  EXPECT_EQ(diagnostics[0].column, 1);
  EXPECT_EQ(observations.unit_count(), 0);
}

// The same file read from its path (mapped, its pages handed back as the
// passes move on: 11 MB, so that every pass releases some) gives the same
// values and the same diagnostics at the same places as its text in memory;
// a path that is no file says so.
TEST(Threads, ALargeDataFileReadFromItsPathIsReadAsItsText) {
  const BigFile big = MakeBigFile(420000);
  ASSERT_GT(big.text.size(), std::size_t{10} << 20);
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "healthact-big-data.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << big.text;
  }
  Observations from_text, from_file;
  const std::vector<Diagnostic> expected = ReadObservationsCsv(big.text, path.string(), nullptr, from_text);
  const absl::StatusOr<std::vector<Diagnostic>> got = ReadObservationsFile(path, nullptr, from_file);
  std::filesystem::remove(path);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].line, big.bad_line);
  EXPECT_EQ((*got)[1].line, big.last_line);
  for (std::size_t k = 0; k < expected.size(); ++k) EXPECT_EQ((*got)[k].ToString(), expected[k].ToString());
  ASSERT_EQ(from_file.unit_count(), from_text.unit_count());
  for (UnitId u = 0; u < from_text.unit_count(); u += 997) {
    EXPECT_EQ(from_file.unit_name(u), from_text.unit_name(u));
    EXPECT_EQ(from_file.Get(u, "1", 2022).ToString(), from_text.Get(u, "1", 2022).ToString());
  }
  EXPECT_EQ(from_file.Get(*from_file.FindUnit("多\n行"), "1", 2022).ToString(), "4");
  EXPECT_EQ(from_file.Get(*from_file.FindUnit("单位419999"), "1", 2022).ToString(), "999.5");

  Observations none;
  const absl::StatusOr<std::vector<Diagnostic>> missing = ReadObservationsFile(path, nullptr, none);
  EXPECT_TRUE(absl::IsNotFound(missing.status())) << missing.status();
  const absl::StatusOr<std::vector<Diagnostic>> folder =
      ReadObservationsFile(std::filesystem::temp_directory_path(), nullptr, none);
  EXPECT_TRUE(absl::IsInvalidArgument(folder.status())) << folder.status();
}

// A file that is not UTF-8 but GB18030 is converted, from the path as from
// the text.
TEST(Threads, AGb18030DataFileReadFromItsPathIsConverted) {
  const std::string gbk = "unit,indicator,year,value\n\xB8\xCA\xD6\xDD\xC7\xF8,1,2022,74.8\n";  // 甘州区
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "healthact-gbk-data.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << gbk;
  }
  Observations data;
  const absl::StatusOr<std::vector<Diagnostic>> got = ReadObservationsFile(path, nullptr, data);
  std::filesystem::remove(path);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].code, DiagnosticCode::kDataEncodingConverted);
  ASSERT_TRUE(data.FindUnit("甘州区").has_value());
  EXPECT_EQ(data.Get(*data.FindUnit("甘州区"), "1", 2022).ToString(), "74.8");
}

// 1 300 units are more than two batches of 512: the second thread makes the
// second batch.  Every unit's rows come in the ranking's order (the met
// units, then the others, each in the order listed), and every reason is in
// the caller's language (English here), whichever thread made it.
TEST(Threads, ALongCsvOrJsonIsMadeOnTwoCoresInOrderAndInTheCallersLanguage) {
  auto framework = ParseFramework("框架 \"寿命\"\n指标 1 \"人均预期寿命\" { 单位 岁 方向 越高越好 目标 2022 ≥78 }\n",
                                  "t.ha").framework;
  ASSERT_TRUE(framework);
  auto data = std::make_shared<Observations>();
  constexpr int kUnits = 1300;
  for (int u = 0; u < kUnits; ++u) {
    const UnitId unit = data->AddUnit("单位" + std::to_string(u));
    // Every third unit reaches 78; the others 77.
    (void)data->Add(unit, "1", 2022, Reported{ReportKind::kNumber, Decimal::FromInt(u % 3 == 0 ? 78 : 77)});
  }
  const ScopedLanguage english(Language::kEnglish);
  const Assessment a = Assess(framework, data, 2022);
  std::vector<std::string> expected_units;
  for (int u = 0; u < kUnits; u += 3) expected_units.push_back("单位" + std::to_string(u));
  for (int u = 0; u < kUnits; ++u) {
    if (u % 3 != 0) expected_units.push_back("单位" + std::to_string(u));
  }
  std::vector<std::string> pieces;
  WriteAssessmentCsv(a, Explanation::kAll, [&](std::string_view piece) { pieces.emplace_back(piece); });
  ASSERT_EQ(pieces.size(), 4u);  // the header and three batches: 512, 512, 276 units
  std::string csv;
  for (const std::string& piece : pieces) csv += piece;
  std::size_t at = csv.find('\n') + 1;
  for (std::size_t k = 0; k < expected_units.size(); ++k) {
    const std::size_t end = csv.find('\n', at);
    ASSERT_NE(end, std::string::npos) << "row " << k;
    const std::string row = csv.substr(at, end - at);
    at = end + 1;
    ASSERT_TRUE(row.starts_with(expected_units[k] + ",")) << "row " << k << ": " << row;
    const std::size_t u = a.ranking()[k];
    const std::string reason = ReasonText(a.Explain(u, 0));
    ASSERT_NE(row.find("," + reason + ","), std::string::npos) << "row " << k << ": " << row;
    const bool met = u % 3 == 0;
    ASSERT_NE(row.find(met ? ",met," : ",not_met,"), std::string::npos) << row;
  }
  EXPECT_EQ(at, csv.size());
  // The reasons checked above are English: Chinese words them otherwise.
  const std::string english_reason = ReasonText(a.Explain(a.ranking().back(), 0));
  {
    const ScopedLanguage chinese(Language::kChinese);
    EXPECT_NE(ReasonText(a.Explain(a.ranking().back(), 0)), english_reason);
  }
  const std::string json = AssessmentToJson(a, Explanation::kAll);
  std::size_t from = 0;
  for (std::size_t k = 0; k < expected_units.size(); ++k) {
    from = json.find("{\"unit\": \"" + expected_units[k] + "\"", from);
    ASSERT_NE(from, std::string::npos) << "unit " << expected_units[k];
  }
}

}  // namespace
}  // namespace healthact
