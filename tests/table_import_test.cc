// The table importer: the seeds' own attachment tables, unmodified, give the
// hand-transcribed example frameworks; CSV and other layouts; inferences as
// warnings; malformed tables as errors with positions.
#include <filesystem>

#include "healthact/lang/dsl.hpp"
#include "healthact/import/table_import.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

namespace fs = std::filesystem;
using ::healthact::testing::ReadTextFile;

const fs::path kSource = HEALTHACT_SOURCE_DIR;

std::shared_ptr<const Framework> Example(const std::string& name) {
  ParsedFramework parsed =
      ParseFramework(ReadTextFile((kSource / "examples" / name).string()), name);
  EXPECT_TRUE(parsed.ok());
  return parsed.framework;
}

std::vector<std::string> Codes(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : diagnostics) codes.push_back(DiagnosticCodeString(d.code));
  return codes;
}

// The copies under tests/data/seed-tables are cut from the seed documents
// byte for byte; when the seeds are beside the checkout, prove it.
TEST(SeedTables, AreUnmodifiedCutsOfTheSeedDocuments) {
  const fs::path seeds = kSource / ".." / "shared" / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "the seed documents are not beside this checkout";
  const std::string zhangye = ReadTextFile((seeds / "000_1be9ef5d6066e77b.txt").string());
  const std::string liuzhou = ReadTextFile((seeds / "003_955a14f3aa82fe81.txt").string());
  const std::string zhangye_cut =
      ReadTextFile((kSource / "tests/data/seed-tables/zhangye-attachment2.txt").string());
  const std::string liuzhou_cut =
      ReadTextFile((kSource / "tests/data/seed-tables/liuzhou-attachment3.txt").string());
  EXPECT_NE(zhangye.find(zhangye_cut), std::string::npos);
  EXPECT_NE(liuzhou.find(liuzhou_cut), std::string::npos);
  EXPECT_GT(zhangye_cut.size(), 2000u);
  EXPECT_GT(liuzhou_cut.size(), 2000u);
}

TEST(ImportTable, ZhangyeSeedTableGivesTheExampleFramework) {
  const std::string text =
      ReadTextFile((kSource / "tests/data/seed-tables/zhangye-attachment2.txt").string());
  const TableRead read = ReadTextTable(text, "zhangye-attachment2.txt");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.table.title, "健康张掖行动考核指标框架");
  EXPECT_EQ(read.table.locator, "附件2");
  ASSERT_EQ(read.table.rows.size(), 27u);  // the header and 26 indicators
  ImportOptions options;
  options.source.document = "健康张掖行动组织实施和考核方案";
  const ImportedFramework imported = ImportTable(read.table, options);
  ASSERT_TRUE(imported.ok()) << imported.text;
  EXPECT_EQ(*imported.framework, ::healthact::testing::WhatATableStates(*Example("zhangye.ha")));
  // The importer checks the contents directly; its text reads back as the
  // same framework, with nothing more to say.
  const ParsedFramework reread = ParseFramework(imported.text, "zhangye-imported.ha");
  ASSERT_TRUE(reread.ok());
  EXPECT_TRUE(reread.diagnostics.empty()) << reread.diagnostics.front().ToString();
  EXPECT_EQ(*reread.framework, *imported.framework);
  // Every inference is a warning that names its indicator: the bare targets
  // of 1, 9, 10, 17, 25 and the unit of 16, which the table leaves out.
  std::vector<std::string> warned;
  for (const Diagnostic& d : imported.diagnostics) {
    EXPECT_EQ(d.severity, Severity::kWarning) << d.ToString();
    warned.push_back(DiagnosticCodeString(d.code) + " " + std::to_string(d.line));
  }
  EXPECT_EQ(warned, (std::vector<std::string>{"W107 12", "W107 52", "W107 57", "W108 87",
                                              "W107 92", "W107 132"}));
  EXPECT_NE(imported.diagnostics[2].message.find("个人卫生支出占卫生总费用的比重"), std::string::npos);
  EXPECT_NE(imported.diagnostics[2].message.find("越低越好"), std::string::npos);
}

TEST(ImportTable, LiuzhouSeedTableGivesTheExampleFramework) {
  const std::string text =
      ReadTextFile((kSource / "tests/data/seed-tables/liuzhou-attachment3.txt").string());
  const TableRead read = ReadTextTable(text, "liuzhou-attachment3.txt");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.table.title, "柳州市推进健康中国行动考核指标框架");
  ASSERT_EQ(read.table.rows.size(), 27u);
  // Cells broken over lines are joined: "考核" / "依据", "明显" / "下降".
  EXPECT_EQ(read.table.rows[0][0].text, "考核依据");
  EXPECT_EQ(read.table.rows[0][4].text, "2022年目标值");
  EXPECT_EQ(read.table.rows[21][4].text, "明显下降");
  ImportOptions options;
  options.source.document = "柳州市推进健康中国行动考核办法";
  options.trend_rules.marked_change_percent = *Decimal::Parse("10");
  options.trend_rules.continuous_years = 3;
  const ImportedFramework imported = ImportTable(read.table, options);
  ASSERT_TRUE(imported.ok()) << imported.text;
  EXPECT_EQ(*imported.framework, ::healthact::testing::WhatATableStates(*Example("liuzhou.ha")));
  EXPECT_EQ(Codes(imported.diagnostics),
            (std::vector<std::string>{"W107", "W107", "W107", "W107", "W107", "W107"}));
}

TEST(ImportTable, MarkedFallWithoutItsSizeIsAnErrorOfTheFramework) {
  const std::string text =
      ReadTextFile((kSource / "tests/data/seed-tables/liuzhou-attachment3.txt").string());
  const ImportedFramework imported = ImportTable(ReadTextTable(text, "t.txt").table, {});
  EXPECT_FALSE(imported.ok());
  const std::vector<std::string> codes = Codes(imported.diagnostics);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "E018"), codes.end());
  EXPECT_NE(imported.text.find("明显下降"), std::string::npos);  // still written for the clerk
}

TEST(JoinCellLines, NumbersBecomePartsAndWordsRunTogether) {
  EXPECT_EQ(JoinCellLines({"明显", "", "下降"}), "明显下降");
  EXPECT_EQ(JoinCellLines({"100", "", "70"}), "100，70");
  EXPECT_EQ(JoinCellLines({"≥90", "≥70"}), "≥90，≥70");
  EXPECT_EQ(JoinCellLines({"2022年", "目标值"}), "2022年目标值");
  EXPECT_EQ(JoinCellLines({"  74.6\r"}), "74.6");
}

// Every cell of a CSV table is placed at its line and column (code points),
// counted on from the cell before it: after a quoted cell that spans two
// lines, after wide characters, and on the row after a blank line.
TEST(ReadCsvTable, PlacesEveryCellAfterMultiLineCellsAndWideCharacters) {
  const TableRead read = ReadCsvTable("序号,指标,2022年\n1,\"人均\n预期寿命\",78\n\n2,婴儿死亡率,≤6\n", "t.csv");
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read.table.rows.size(), 3u);
  const auto at = [&](std::size_t r, std::size_t c) {
    const TableCell& cell = read.table.rows[r][c];
    return std::to_string(cell.line) + ":" + std::to_string(cell.column);
  };
  EXPECT_EQ(at(0, 0) + " " + at(0, 1) + " " + at(0, 2), "1:1 1:4 1:7");
  // 1,"人均<LF>预期寿命",78: the quote opens at column 3; 78 follows 预期寿命" on line 3.
  EXPECT_EQ(at(1, 0) + " " + at(1, 1) + " " + at(1, 2), "2:1 2:3 3:7");
  EXPECT_EQ(at(2, 0) + " " + at(2, 1) + " " + at(2, 2), "5:1 5:3 5:9");
}

// Another layout: CSV, a 单位 column, other years, columns in another order,
// full-width symbols, the basis only on a group's first row.
TEST(ImportTable, CsvWithOtherYearsAndColumnOrderIsReadByMeaning) {
  const std::string csv =
      "序号,指标,单位,2035年目标值,考核依据,基期水平（2020年）,2025年目标值\n"
      "1,人均预期寿命,岁,80,《规划》,77.1,78.5\n"
      "2,孕产妇死亡率（1/10万）,,≤10,,12.5,１２\n"
      "3,\"中医非药物疗法的比例（％），村卫生室比例（％）\",,\"100\n80\",,\"100，65\",\"100，70\"\n"
      "4,健康科普机制,,--,其他文件,未建立,实现\n"
      "5,儿童免疫规划疫苗接种率（％）,,＞95,,未统计,＞90\n";
  const TableRead read = ReadCsvTable(csv, "other.csv");
  ASSERT_TRUE(read.ok());
  ImportOptions options;
  options.name = "测试框架";
  const ImportedFramework imported = ImportTable(read.table, options);
  ASSERT_TRUE(imported.ok()) << imported.text;
  const Framework& f = *imported.framework;
  EXPECT_EQ(f.name(), "测试框架");
  EXPECT_EQ(f.TargetYears(), (std::vector<int>{2025, 2035}));
  const Indicator& life = *f.FindIndicator("1");
  EXPECT_EQ(life.measure_unit, MeasureUnit::kYears);
  EXPECT_EQ(life.basis, "《规划》");
  EXPECT_EQ(life.baseline->year, 2020);
  EXPECT_EQ(std::get<Decimal>(life.baseline->value), *Decimal::Parse("77.1"));
  const Indicator& maternal = *f.FindIndicator("2");
  EXPECT_EQ(maternal.name, "孕产妇死亡率");
  EXPECT_EQ(maternal.measure_unit, MeasureUnit::kPer100k);
  EXPECT_EQ(maternal.basis, "《规划》");  // carried down
  EXPECT_EQ(maternal.direction, Direction::kLowerIsBetter);  // from ≤10 in the other column
  const auto& bare = std::get<ComparisonTarget>(maternal.TargetFor(2025)->form);
  EXPECT_TRUE(bare.written_bare);
  EXPECT_EQ(bare.comparator, Comparator::kAtMost);
  EXPECT_EQ(bare.value, *Decimal::Parse("12"));  // full-width digits
  const Indicator& parts = *f.FindIndicator("3");
  ASSERT_EQ(parts.parts.size(), 2u);
  EXPECT_EQ(parts.parts[0].number, "3.1");
  EXPECT_EQ(parts.parts[0].name, "中医非药物疗法的比例");
  EXPECT_EQ(parts.parts[1].name, "村卫生室比例");
  EXPECT_EQ(TargetText(parts.TargetFor(2035)->form), "100，80");  // broken cell as parts
  const Indicator& mechanism = *f.FindIndicator("4");
  EXPECT_TRUE(mechanism.is_qualitative());
  EXPECT_EQ(mechanism.basis, "其他文件");
  EXPECT_EQ(std::get<Absence>(mechanism.baseline->value), Absence::kNotEstablished);
  EXPECT_TRUE(std::holds_alternative<AchievementTarget>(mechanism.TargetFor(2025)->form));
  EXPECT_TRUE(std::holds_alternative<NotApplicableTarget>(mechanism.TargetFor(2035)->form));
  const Indicator& vaccine = *f.FindIndicator("5");
  EXPECT_EQ(std::get<ComparisonTarget>(vaccine.TargetFor(2025)->form).comparator,
            Comparator::kAbove);
  EXPECT_EQ(std::get<Absence>(vaccine.baseline->value), Absence::kNotCounted);
  // Inferred: 1's direction (bare targets only), 3's direction.
  EXPECT_EQ(Codes(imported.diagnostics), (std::vector<std::string>{"W107", "W107"}));
  EXPECT_EQ(imported.diagnostics[0].line, 2);
  EXPECT_EQ(imported.diagnostics[0].column, 3);
}

TEST(ImportTable, TheTableEndsAtTheTextBelowIt) {
  const std::string text =
      "附件1\n考核表\n\n\t序号\n\t指标\n\t2022年目标值\n\n\t1\n\t婴儿死亡率（‰）\n\t≤6\n\n"
      "附件2\n另一份文件的标题\n";
  const TableRead read = ReadTextTable(text, "t.txt");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.table.title, "考核表");
  EXPECT_EQ(read.table.locator, "附件1");
  ASSERT_EQ(read.table.rows.size(), 2u);
  EXPECT_EQ(read.table.rows[1][2].text, "≤6");
}

TEST(ImportTable, InvalidUtf8IsAnErrorWithItsPosition) {
  const TableRead read = ReadTextTable("标题\n\n\t序号\n\t指\xff标\n", "bad.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.diagnostics[0].code, DiagnosticCode::kInvalidUtf8);
  EXPECT_EQ(read.diagnostics[0].line, 4);
  EXPECT_EQ(read.diagnostics[0].column, 3);
}

}  // namespace
}  // namespace healthact

namespace healthact {
namespace {

constexpr std::string_view kTwoRows = R"(考核指标表

	序号
	指标
	基期水平
	2022年目标值

	1
	婴儿死亡率（‰）
	5.2
	≤6。0

	2
	人均预期寿命（岁）
	74.1
	≥74.6
)";

TEST(ImportTable, ABadCellIsMarkedInTheTextNotLostWithTheRest) {
  const TableRead read = ReadTextTable(kTwoRows, "表.txt");
  ASSERT_TRUE(read.ok());
  ImportOptions options;
  options.baseline_year = 2019;
  const ImportedFramework imported = ImportTable(read.table, options);
  EXPECT_FALSE(imported.ok());  // an error: the tool exits 1
  // Both indicators are written; the bad target (line 11, column 2) is a
  // comment inside indicator 1, and indicator 2 is whole.
  EXPECT_NE(imported.text.find("指标 1 \"婴儿死亡率\" {\n  # 错误（表.txt 第11行第2列 '≤6。0'）"),
            std::string::npos)
      << imported.text;
  EXPECT_NE(imported.text.find("  基期 2019 74.1\n  目标 2022 ≥74.6\n"), std::string::npos)
      << imported.text;
  ASSERT_EQ(imported.diagnostics.size(), 1u);
  EXPECT_EQ(imported.diagnostics[0].code, DiagnosticCode::kTableCell);
  EXPECT_EQ(imported.diagnostics[0].line, 11);
}

TEST(ImportTable, WithoutASourceTheTablesTitleIsTheSource) {
  std::string fixed(kTwoRows);
  fixed.replace(fixed.find("≤6。0"), std::string("≤6。0").size(), "≤6.0");
  const ImportedFramework imported = ImportTable(ReadTextTable(fixed, "表.txt").table, {});
  ASSERT_TRUE(imported.ok()) << imported.text;
  EXPECT_EQ(imported.framework->source().document, "考核指标表");
  // With no year for the baseline column, the figures stay, year unstated.
  const Indicator* infant = imported.framework->FindIndicator("1");
  ASSERT_TRUE(infant->baseline.has_value());
  EXPECT_FALSE(infant->baseline->year.has_value());
  EXPECT_EQ(std::get<Decimal>(infant->baseline->value), *Decimal::Parse("5.2"));
  EXPECT_NE(imported.text.find("基期 -- 5.2"), std::string::npos);
  std::vector<std::string> codes;
  for (const Diagnostic& d : imported.diagnostics) codes.push_back(DiagnosticCodeString(d.code));
  EXPECT_EQ(codes, (std::vector<std::string>{"W111", "W111"}));
  // No title: the file's name.
  std::string untitled = fixed.substr(fixed.find('\n'));
  EXPECT_EQ(ImportTable(ReadTextTable(untitled, "dir/柳州附件3.txt").table, {}).framework->source().document,
            "柳州附件3");
}

}  // namespace
}  // namespace healthact
