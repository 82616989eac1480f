// Every limit of limits.hpp, and the hostile inputs the hardening issue
// names: each is refused with a diagnostic and its position, not a crash.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "healthact/core/limits.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/import/table_import.hpp"
#include "healthact/core/language.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

bool HasCode(const std::vector<Diagnostic>& diagnostics, DiagnosticCode code) {
  for (const Diagnostic& d : diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

const char kFramework[] = "框架 \"t\"\n指标 1 \"a\" { 单位 % 方向 越高越好 目标 2022 90 }\n";

TEST(Limits, FrameworkTextLargerThanTheLimitIsRefused) {
  std::string text = kFramework;
  text.append(limits::kMaxTextBytes, '#');  // a comment: legal, only too long
  const ParsedFramework parsed = ParseFramework(text, "big.ha");
  EXPECT_FALSE(parsed.ok());
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kLimitExceeded);
  // Just inside the limit, the same text is read.
  text.resize(limits::kMaxTextBytes);
  EXPECT_TRUE(ParseFramework(text, "big.ha").ok());
}

TEST(Limits, OrganisationAndTableTextsLargerThanTheLimitAreRefused) {
  const std::string text(limits::kMaxTextBytes + 1, '\n');
  EXPECT_TRUE(HasCode(ParseOrganisation(text, "big.org.ha").diagnostics, DiagnosticCode::kLimitExceeded));
  EXPECT_TRUE(HasCode(ReadTextTable(text, "big.txt").diagnostics, DiagnosticCode::kLimitExceeded));
  EXPECT_TRUE(HasCode(ReadCsvTable(text, "big.csv").diagnostics, DiagnosticCode::kLimitExceeded));
}

TEST(Limits, DataFileLargerThanTheLimitIsRefused) {
  std::string text = "unit,indicator,year,value\n";
  text.resize(limits::kMaxDataBytes + 1, '\n');
  Observations observations;
  const std::vector<Diagnostic> diagnostics = ReadObservationsCsv(text, "big.csv", nullptr, observations);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].code, DiagnosticCode::kLimitExceeded);
  EXPECT_EQ(observations.unit_count(), 0);
}

TEST(Limits, MoreIndicatorsThanTheLimitAreRefusedAtTheFirstOneTooMany) {
  std::string text = "框架 \"t\"\n";
  for (int i = 1; i <= limits::kMaxIndicators + 1; ++i) {
    text += "指标 " + std::to_string(i) + " \"a\" { 单位 % 方向 越高越好 目标 2022 90 }\n";
  }
  const ParsedFramework parsed = ParseFramework(text, "many.ha");
  EXPECT_FALSE(parsed.ok());
  ASSERT_EQ(parsed.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kLimitExceeded);
  EXPECT_EQ(parsed.diagnostics[0].line, limits::kMaxIndicators + 2);
}

TEST(Limits, NestingInEitherLanguageIsBoundedBeforeTheParsersRecurse) {
  // 200 000 brackets overflowed the stack of the recursive formula grammar
  // before this limit existed.
  const std::string deep(200000, '(');
  const ParsedFramework framework = ParseFramework(
      "框架 \"t\"\n计数 a 人\n指标 1 \"r\" { 单位 ‰ 公式 " + deep + "a\n}\n", "deep.ha");
  ASSERT_FALSE(framework.ok());
  EXPECT_EQ(framework.diagnostics[0].code, DiagnosticCode::kLimitExceeded);
  std::string blocks = "组织 \"t\"\n委员会 \"c\" ";
  for (int i = 0; i < 100000; ++i) blocks += "{ 会议 全体会议 2022-01-01 ";
  const ParsedOrganisation org = ParseOrganisation(blocks, "deep.org.ha");
  ASSERT_FALSE(org.ok());
  EXPECT_EQ(org.diagnostics[0].code, DiagnosticCode::kLimitExceeded);
  EXPECT_EQ(org.diagnostics[0].line, 2);
  // Brackets inside names and comments do not count.
  EXPECT_TRUE(ParseFramework(std::string("框架 \"") + std::string(100, '(') + "\"\n# " +
                                 std::string(100, '{') + "\n指标 1 \"a\" { 单位 % 方向 越高越好 目标 2022 90 }\n",
                             "names.ha")
                  .ok());
}

TEST(Limits, TheBracketTooDeepIsReportedWhereverItFallsInTheText) {
  // The limit's search goes sixteen bytes at a time; the bracket it reports,
  // and what it passes over (a comment, a name with an escaped quote and
  // brackets), land at every place in a block as the padding grows.
  for (int pad = 0; pad < 40; ++pad) {
    const std::string spaces(static_cast<std::size_t>(pad), ' ');
    const std::string text = "框架 \"t\"\n计数 a 人\n# ((((" + spaces + "\n指标 1 \"名\\\"(((\" { 单位 ‰ 公式 " +
                             spaces + std::string(40, '(') + "a\n}\n";
    const ParsedFramework parsed = ParseFramework(text, "deep.ha");
    ASSERT_FALSE(parsed.ok()) << pad;
    ASSERT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kLimitExceeded) << pad;
    // The block is one level, so the 32nd '(' is the 33rd: 24 code points
    // stand before the first '(' on line 4 (指标 1 "名\"(((" { 单位 ‰ 公式 ).
    EXPECT_EQ(parsed.diagnostics[0].line, 4) << pad;
    EXPECT_EQ(parsed.diagnostics[0].column, 25 + pad + 31) << pad;
  }
}

TEST(Limits, NumbersWithThousandsOfDigitsOrExponentsAreErrors) {
  const std::string huge = "框架 \"t\"\n指标 1 \"a\" { 单位 % 方向 越高越好 目标 2022 " +
                           std::string(5000, '9') + " }\n";
  const ParsedFramework parsed = ParseFramework(huge, "huge.ha");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kNumberOutOfRange);
  EXPECT_EQ(parsed.diagnostics[0].column, 33);  // the first digit
  const std::string tiny = "框架 \"t\"\n指标 1 \"a\" { 单位 % 方向 越高越好 目标 2022 0." +
                           std::string(5000, '0') + "1 }\n";
  EXPECT_FALSE(ParseFramework(tiny, "tiny.ha").ok());
  EXPECT_FALSE(ParseFramework("框架 \"t\"\n指标 1 \"a\" { 单位 % 方向 越高越好 目标 2022 1e999 }\n",
                              "exp.ha")
                   .ok());
  EXPECT_FALSE(Decimal::Parse("1e999").ok());
  EXPECT_FALSE(Decimal::Parse(std::string(5000, '9')).ok());
  Observations observations;
  EXPECT_TRUE(HasErrors(ReadObservationsCsv(
      "unit,indicator,year,value\n甘州区,1,2022," + std::string(5000, '9') + "\n", "d.csv", nullptr,
      observations)));
}

TEST(Limits, YearsOutsideTheRangeAreRefusedEverywhere) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  for (int year : {limits::kFirstYear - 1, limits::kLastYear + 1}) {
    const std::string y = std::to_string(year);
    const ParsedFramework parsed =
        ParseFramework("框架 \"t\"\n指标 1 \"a\" { 单位 % 方向 越高越好 目标 " + y + " 90 }\n", "y.ha");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kYearOutOfRange);
    EXPECT_EQ(parsed.diagnostics[0].line, 2);
    EXPECT_EQ(parsed.diagnostics[0].column, 28);  // the year, counted in code points
    Observations observations;
    EXPECT_TRUE(HasErrors(ReadObservationsCsv("unit,indicator,year,value\n甘州区,1," + y + ",1\n", "d.csv",
                                              nullptr, observations)));
    const UnitId unit = observations.AddUnit("甘州区");
    const Reported one{ReportKind::kNumber, Decimal::FromInt(1)};
    const absl::Status added = observations.Add(unit, "1", year, one);
    EXPECT_FALSE(added.ok());
    EXPECT_EQ(added.message(), "year " + y + " is not from 1949 to 2100");
  }
  Observations observations;
  const Reported one{ReportKind::kNumber, Decimal::FromInt(1)};
  EXPECT_TRUE(observations.Add(observations.AddUnit("甘州区"), "1", limits::kLastYear, one).ok());
}

TEST(Limits, InvalidAndOverlongUtf8IsRefusedEverywhere) {
  for (const std::string& bad : {std::string("\xC0\xAF"), std::string("\xE0\x80\xAF"),
                                std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80"),
                                std::string("\xFF")}) {
    const std::string text = "框架 \"t\"\n# " + bad + "\n";
    const ParsedFramework parsed = ParseFramework(text, "bad.ha");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kInvalidUtf8);
    EXPECT_EQ(parsed.diagnostics[0].line, 2);
    EXPECT_EQ(parsed.diagnostics[0].column, 3);
    EXPECT_TRUE(HasCode(ParseOrganisation(text, "bad.org.ha").diagnostics, DiagnosticCode::kInvalidUtf8));
    EXPECT_TRUE(HasCode(ReadCsvTable(text, "bad.csv").diagnostics, DiagnosticCode::kInvalidUtf8));
    // A data file is refused, or, when its bytes are GB18030 Chinese text
    // (C0 AF is 蜡 there), read converted with a warning: never silently.
    Observations observations;
    const std::vector<Diagnostic> read = ReadObservationsCsv("unit,indicator,year,value\n" + bad + ",1,2022,1\n",
                                                             "d.csv", nullptr, observations);
    EXPECT_TRUE(HasCode(read, DiagnosticCode::kInvalidUtf8) || HasCode(read, DiagnosticCode::kDataEncodingConverted));
    if (HasCode(read, DiagnosticCode::kDataEncodingConverted)) {
      EXPECT_EQ(bad, "\xC0\xAF");  // the others are not GB18030 either
      EXPECT_EQ(observations.unit_name(0), "蜡");
    }
  }
}

// Table 3-7 of the Unicode standard, the well-formed byte sequences: a lead
// byte's range and the ranges of the bytes that must follow it.
struct WellFormed {
  unsigned char lead_low, lead_high;
  std::vector<std::pair<unsigned char, unsigned char>> after;
};
const WellFormed kTable37[] = {
    {0x00, 0x7F, {}},
    {0xC2, 0xDF, {{0x80, 0xBF}}},
    {0xE0, 0xE0, {{0xA0, 0xBF}, {0x80, 0xBF}}},
    {0xE1, 0xEC, {{0x80, 0xBF}, {0x80, 0xBF}}},
    {0xED, 0xED, {{0x80, 0x9F}, {0x80, 0xBF}}},
    {0xEE, 0xEF, {{0x80, 0xBF}, {0x80, 0xBF}}},
    {0xF0, 0xF0, {{0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}},
    {0xF1, 0xF3, {{0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}},
    {0xF4, 0xF4, {{0x80, 0x8F}, {0x80, 0xBF}, {0x80, 0xBF}}},
};

// The offset of the first sequence in `bytes` that the table does not allow.
std::optional<std::size_t> FirstIllFormed(const std::string& bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const WellFormed* row = nullptr;
    for (const WellFormed& r : kTable37) {
      if (lead >= r.lead_low && lead <= r.lead_high) row = &r;
    }
    if (row == nullptr) return i;
    for (std::size_t k = 0; k < row->after.size(); ++k) {
      if (i + 1 + k >= bytes.size()) return i;
      const auto byte = static_cast<unsigned char>(bytes[i + 1 + k]);
      if (byte < row->after[k].first || byte > row->after[k].second) return i;
    }
    i += 1 + row->after.size();
  }
  return std::nullopt;
}

TEST(Limits, EveryLeadByteAndItsNeighboursAreJudgedAsTheUnicodeTableSays) {
  // Every lead byte from 80 to FF with second bytes at and across the edges
  // of the table's ranges, and a third and fourth inside, outside or absent;
  // after a comment's padding of 0, 30 and 61..63 bytes, so that a sequence
  // falls inside and across the 16-, 32- and 64-byte blocks a vectorised
  // validator reads.  A text is refused exactly when the table says, at the
  // column where its first ill-formed sequence begins.
  const unsigned char seconds[] = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
  const std::vector<std::string> tails = {"", "\x80", "\xBF", "A", "\x80\x80", "\xBF\xBF", "\x80" "A", "\xC0\x80"};
  int refused = 0, accepted = 0;
  for (const std::size_t padding : {0, 30, 61, 62, 63}) {
    for (int lead = 0x80; lead <= 0xFF; ++lead) {
      for (const unsigned char second : seconds) {
        for (const std::string& tail : tails) {
          std::string bytes(1, static_cast<char>(lead));
          bytes += static_cast<char>(second);
          bytes += tail;
          const std::string text = "框架 \"t\"\n#" + std::string(padding, 'x') + bytes + "\n";
          const ParsedFramework parsed = ParseFramework(text, "u.ha");
          const std::optional<std::size_t> bad = FirstIllFormed(bytes);
          SCOPED_TRACE(::testing::Message() << "padding " << padding << ", bytes " << std::hex << lead << " "
                                          << static_cast<int>(second) << " + " << tail.size() << " more");
          if (!bad) {
            ++accepted;
            EXPECT_TRUE(parsed.ok());
            continue;
          }
          ++refused;
          ASSERT_FALSE(parsed.ok());
          ASSERT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kInvalidUtf8);
          EXPECT_EQ(parsed.diagnostics[0].line, 2);
          // '#', the padding, then one column per character before the bad one:
          // every well-formed sequence before it in `bytes` is one character.
          int characters = 0;
          for (std::size_t i = 0; i < *bad; ++i) characters += (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80;
          EXPECT_EQ(parsed.diagnostics[0].column, static_cast<int>(2 + padding) + characters);
        }
      }
    }
  }
  // Both kinds occur: the sample is not all of one.
  EXPECT_GT(accepted, 1000);
  EXPECT_GT(refused, 10000);
}

TEST(Limits, ExtendsChainsAreBoundedAndCyclesFound) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  ParseOptions options;
  // Every file extends the next: deeper than max_extends_depth.
  options.resolver = [](std::string_view name, std::string_view) -> absl::StatusOr<FrameworkSource> {
    const int n = std::stoi(std::string(name));
    return FrameworkSource{std::string(name),
                           "框架 \"f\"\n继承 \"" + std::to_string(n + 1) + "\"\n"};
  };
  const ParsedFramework deep = ParseFramework("框架 \"f\"\n继承 \"1\"\n", "0", options);
  ASSERT_FALSE(deep.ok());
  EXPECT_TRUE(HasCode(deep.diagnostics, DiagnosticCode::kExtendsFailed));
  // A cycle two files long.
  options.resolver = [](std::string_view name, std::string_view) -> absl::StatusOr<FrameworkSource> {
    return FrameworkSource{std::string(name), name == "a" ? "框架 \"a\"\n继承 \"b\"\n"
                                                          : "框架 \"b\"\n继承 \"a\"\n"};
  };
  const ParsedFramework cycle = ParseFramework("框架 \"a\"\n继承 \"b\"\n", "a", options);
  ASSERT_FALSE(cycle.ok());
  bool said_cycle = false;
  for (const Diagnostic& d : cycle.diagnostics) said_cycle |= d.message.find("cycle") != std::string::npos;
  EXPECT_TRUE(said_cycle);
}

}  // namespace
}  // namespace healthact
