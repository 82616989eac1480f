#include "healthact/core/decimal.hpp"
#include "healthact/core/language.hpp"

#include <gtest/gtest.h>

namespace healthact {
namespace {

Decimal D(std::string_view text) {
  absl::StatusOr<Decimal> d = Decimal::Parse(text);
  EXPECT_TRUE(d.ok()) << text << ": " << d.status();
  return d.ok() ? *d : Decimal();
}

TEST(DecimalParse, KeepsTheWrittenScale) {
  EXPECT_EQ(D("74.6").ToString(), "74.6");
  EXPECT_EQ(D("6.0").ToString(), "6.0");
  EXPECT_EQ(D("6.0").scale(), 1);
  EXPECT_EQ(D("6").scale(), 0);
  EXPECT_EQ(D("0.05").ToString(), "0.05");
  EXPECT_EQ(D("-3.25").ToString(), "-3.25");
  EXPECT_EQ(D("007").ToString(), "7");
  // The extremes of what a Decimal holds: 20 digits before the point, 18 after.
  EXPECT_EQ(D("99999999999999999999.999999999999999999").ToString(), "99999999999999999999.999999999999999999");
  EXPECT_EQ(D("-12345678901234567890.5").ToString(), "-12345678901234567890.5");
  EXPECT_EQ(D("0.000000000000000001").ToString(), "0.000000000000000001");
  EXPECT_EQ(Decimal::FromScaled(-5, 1).ToString(), "-0.5");
  EXPECT_EQ(Decimal::FromScaled(-5, 3).ToString(), "-0.005");
  EXPECT_EQ(Decimal::FromInt(0).ToString(), "0");
}

// Printing: the whole part is printed in 64 bits once it fits, in 128 bits
// above 2^64 (18 446 744 073 709 551 616), so both sides of that line.
TEST(DecimalPrint, PrintsEveryDigitEitherSideOf2To64) {
  EXPECT_EQ(D("18446744073709551615").ToString(), "18446744073709551615");  // 2^64 - 1
  EXPECT_EQ(D("18446744073709551616").ToString(), "18446744073709551616");  // 2^64
  EXPECT_EQ(D("99999999999999999999.999999999999999999").ToString(), "99999999999999999999.999999999999999999");
  EXPECT_EQ(D("-12345678901234567890.5").ToString(), "-12345678901234567890.5");
  EXPECT_EQ(D("-0.000000000000000001").ToString(), "-0.000000000000000001");
  EXPECT_EQ(D("0").ToString(), "0");
  EXPECT_EQ(D("100.00").ToString(), "100.00");
}

TEST(DecimalParse, ReadsFullWidthDigitsAndPoint) {
  EXPECT_EQ(D("１００"), Decimal::FromInt(100));
  EXPECT_EQ(D("９０．５").ToString(), "90.5");
  EXPECT_EQ(D("－１").ToString(), "-1");
  EXPECT_EQ(D("9０.５"), D("90.5"));  // mixed widths, as typed in a hurry
}

TEST(DecimalParse, RejectsMalformedNumbers) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  EXPECT_FALSE(Decimal::Parse("").ok());
  EXPECT_FALSE(Decimal::Parse("74.6.1").ok());
  EXPECT_FALSE(Decimal::Parse("1.").ok());
  EXPECT_FALSE(Decimal::Parse(".5").ok());
  EXPECT_FALSE(Decimal::Parse("1e5").ok());
  EXPECT_FALSE(Decimal::Parse("1,000").ok());
  EXPECT_FALSE(Decimal::Parse(" 1").ok());
  EXPECT_FALSE(Decimal::Parse("--").ok());
  EXPECT_FALSE(Decimal::Parse("\xff").ok());
  EXPECT_NE(Decimal::Parse("74.6.1").status().message().find("two decimal points"),
            std::string::npos);
}

TEST(DecimalParse, HugeNumbersAreErrorsNotWrapArounds) {
  EXPECT_TRUE(Decimal::Parse("99999999999999999999").ok());  // 20 digits
  EXPECT_EQ(Decimal::Parse("100000000000000000000").status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Decimal::Parse(std::string(5000, '9')).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(Decimal::Parse("0.123456789012345678").ok());  // 18 fractional digits
  EXPECT_EQ(Decimal::Parse("0.1234567890123456789").status().code(),
            absl::StatusCode::kOutOfRange);
  // Leading zeros are not significant digits.
  EXPECT_TRUE(Decimal::Parse("000000000000000000000001").ok());
}

// ASCII numbers of up to 19 digits take a native fast path; the same number
// in full-width characters takes the general one.  Both must agree on every
// value, scale and refusal, including the edges of the fast path.
TEST(DecimalParse, FastAndGeneralPathsAgree) {
  const auto full_width = [](std::string_view ascii) {
    std::string out;
    for (char c : ascii) {
      if (c >= '0' && c <= '9') {
        out += "\xEF\xBC";  // U+FF10..U+FF19 are EF BC 90..99
        out += static_cast<char>(0x90 + (c - '0'));
      } else if (c == '.') {
        out += "．";
      } else if (c == '-') {
        out += "－";
      } else if (c == '+') {
        out += "＋";
      } else {
        out += c;
      }
    }
    return out;
  };
  std::vector<std::string> cases = {"0", "-0", "+7", "74.6", "6.0", "0.000000000000000001",
                                    "9999999999999999999", "999999999999999999.9",
                                    "1.000000000000000000", "12345678901234567890",
                                    "0.0000000000000000001", "1.", ".5", "-", "+", "1.2.3", "1-2",
                                    "--1", "0012.50", "", "1 "};
  std::uint64_t state = 20261125;
  for (int n = 0; n < 5000; ++n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const int digits = 1 + static_cast<int>((state >> 33) % 21);
    const int point = static_cast<int>((state >> 40) % (digits + 1));
    std::string text = (state >> 20) % 3 == 0 ? "-" : "";
    for (int d = 0; d < digits; ++d) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      if (d == point && d > 0) text += '.';
      text += static_cast<char>('0' + (state >> 59) % 10);
    }
    cases.push_back(text);
  }
  for (const std::string& ascii : cases) {
    const absl::StatusOr<Decimal> fast = Decimal::Parse(ascii);
    const absl::StatusOr<Decimal> general = Decimal::Parse(full_width(ascii));
    ASSERT_EQ(fast.ok(), general.ok()) << ascii;
    if (!fast.ok()) continue;
    EXPECT_EQ(fast->raw_units(), general->raw_units()) << ascii;
    EXPECT_EQ(fast->scale(), general->scale()) << ascii;
    EXPECT_EQ(fast->ToString(), general->ToString()) << ascii;
  }
}

TEST(DecimalCompare, IsExactAtEveryBoundary) {
  EXPECT_EQ(D("74.6"), D("74.6"));
  EXPECT_EQ(D("6"), D("6.0"));
  EXPECT_EQ(D("6"), D("6.000000"));
  EXPECT_LT(D("74.59999999999"), D("74.6"));
  EXPECT_GT(D("74.600000000001"), D("74.6"));
  EXPECT_LT(D("-0.1"), D("0"));
  EXPECT_EQ(D("-0"), D("0"));
  // The classic binary floating point trap: 0.1 + 0.2 is exactly 0.3 here.
  EXPECT_EQ(*Decimal::Add(D("0.1"), D("0.2")), D("0.3"));
  EXPECT_TRUE(D("6.0").IdenticalTo(D("6.0")));
  EXPECT_FALSE(D("6.0").IdenticalTo(D("6")));
}

TEST(DecimalArithmetic, MultiplyIsExact) {
  EXPECT_EQ(Decimal::Multiply(D("1.5"), D("0.2"))->ToString(), "0.30");
  EXPECT_EQ(Decimal::Multiply(D("-2"), D("3.25"))->ToString(), "-6.50");
  EXPECT_FALSE(Decimal::Multiply(D("0.0000000001"), D("0.0000000001")).ok());  // 20 places
  EXPECT_FALSE(Decimal::Multiply(D("99999999999"), D("99999999999")).ok());    // 22 digits
}

TEST(DecimalArithmetic, DivideRoundsOnceByTheStatedRule) {
  // Infant mortality: 23 deaths among 4512 live births, per mille.
  // 23000 / 4512 = 5.09751773...; to two places half-up: 5.10.
  const Decimal per_mille = *Decimal::Multiply(D("23"), D("1000"));
  EXPECT_EQ(Decimal::Divide(per_mille, D("4512"), 2, Rounding::kHalfUp)->ToString(), "5.10");
  EXPECT_EQ(Decimal::Divide(per_mille, D("4512"), 2, Rounding::kTruncate)->ToString(), "5.09");
  // Exact halves: 2.345 = 469 / 200.
  EXPECT_EQ(Decimal::Divide(D("469"), D("200"), 2, Rounding::kHalfUp)->ToString(), "2.35");
  EXPECT_EQ(Decimal::Divide(D("469"), D("200"), 2, Rounding::kHalfEven)->ToString(), "2.34");
  EXPECT_EQ(Decimal::Divide(D("471"), D("200"), 2, Rounding::kHalfEven)->ToString(), "2.36");
  // Halves of negative values go away from zero under half-up.
  EXPECT_EQ(Decimal::Divide(D("-469"), D("200"), 2, Rounding::kHalfUp)->ToString(), "-2.35");
  EXPECT_EQ(Decimal::Divide(D("469"), D("-200"), 2, Rounding::kHalfUp)->ToString(), "-2.35");
  // 15 / 3 is 5 exactly (Boost.Multiprecision issue 368 with cpp_dec_float).
  EXPECT_EQ(*Decimal::Divide(D("15"), D("3"), 0, Rounding::kTruncate), D("5"));
  EXPECT_EQ(Decimal::Divide(D("1"), D("3"), 18, Rounding::kHalfUp)->ToString(),
            "0.333333333333333333");
  EXPECT_FALSE(Decimal::Divide(D("1"), D("0"), 2, Rounding::kHalfUp).ok());
  EXPECT_FALSE(Decimal::Divide(D("1"), D("3"), 19, Rounding::kHalfUp).ok());
}

TEST(DecimalArithmetic, RoundedWidensAndNarrows) {
  EXPECT_EQ(D("6").Rounded(2, Rounding::kHalfUp).ToString(), "6.00");
  EXPECT_EQ(D("5.0975").Rounded(2, Rounding::kHalfUp).ToString(), "5.10");
  EXPECT_EQ(D("0.125").Rounded(2, Rounding::kHalfEven).ToString(), "0.12");
  EXPECT_EQ(D("0.135").Rounded(2, Rounding::kHalfEven).ToString(), "0.14");
}

TEST(DecimalArithmetic, CompareQuotientNeverRounds) {
  EXPECT_EQ(D("15").CompareQuotient(D("3"), D("5")), std::strong_ordering::equal);
  EXPECT_EQ(D("1").CompareQuotient(D("3"), D("0.333333333333333333")),
            std::strong_ordering::greater);
  EXPECT_EQ(D("2").CompareQuotient(D("3"), D("0.666666666666666667")), std::strong_ordering::less);
  // 23000 deaths-per-mille over 4512 births against the ≤6 target.
  EXPECT_EQ(D("23000").CompareQuotient(D("4512"), D("6")), std::strong_ordering::less);
  EXPECT_EQ(D("1").CompareQuotient(D("-3"), D("-0.3")), std::strong_ordering::less);
}

}  // namespace
}  // namespace healthact
