#include "import/table_cells.hpp"

#include <array>

#include "lang/vocabulary.hpp"
#include "healthact/core/decimal.hpp"

namespace healthact::table_cells {
namespace {

// The byte length of the white space at the start of `text`, or 0: ASCII
// space, and the Unicode spaces Word tables are full of (no-break U+00A0,
// en/em and the other U+2000–U+200B spaces, U+202F, U+205F, ideographic
// U+3000, and the byte-order mark U+FEFF).
std::size_t SpaceAt(std::string_view text) {
  if (text.empty()) return 0;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const char c = text[0];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
  if (text.size() >= 2 && byte(0) == 0xC2 && byte(1) == 0xA0) return 2;
  if (text.size() < 3) return 0;
  if (byte(0) == 0xE2 && byte(1) == 0x80 && (byte(2) <= 0x8B || byte(2) == 0xAF)) return 3;
  if (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;
  if (byte(0) == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;
  if (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return 3;
  return 0;
}

// The byte length of the white space that ends `text`, or 0.
std::size_t SpaceBefore(std::string_view text) {
  for (std::size_t length = 1; length <= 3 && length <= text.size(); ++length) {
    if (SpaceAt(text.substr(text.size() - length)) == length) return length;
  }
  return 0;
}

}  // namespace

std::string Trim(std::string_view text) {
  while (const std::size_t n = SpaceAt(text)) text.remove_prefix(n);
  while (const std::size_t n = SpaceBefore(text)) text.remove_suffix(n);
  return std::string(text);
}

std::string Squeeze(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t space = SpaceAt(text.substr(i));
    if (space != 0) {
      i += space;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string AsciiDigits(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    // U+FF10..U+FF19 are EF BC 90..99; U+FF0E (．) is EF BC 8E.
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
        static_cast<unsigned char>(text[i + 1]) == 0xBC) {
      const unsigned char last = static_cast<unsigned char>(text[i + 2]);
      if (last >= 0x90 && last <= 0x99) {
        out += static_cast<char>('0' + (last - 0x90));
        i += 3;
        continue;
      }
      if (last == 0x8E) {
        out += '.';
        i += 3;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

SplitComparison SplitComparator(std::string_view text) {
  // Longest spellings first, so that "<=" is not read as "<".
  static constexpr std::array<std::string_view, 12> kSymbols = {
      "<=", ">=", "≤", "≥", "≦", "≧", "＜", "＞", "＝", "<", ">", "="};
  for (std::string_view symbol : kSymbols) {
    if (text.starts_with(symbol)) {
      std::string_view rest = text.substr(symbol.size());
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      return SplitComparison{dsl::ParseComparator(symbol), rest};
    }
  }
  return SplitComparison{std::nullopt, text};
}

bool IsComparisonText(std::string_view text) {
  const SplitComparison split = SplitComparator(text);
  return !split.number.empty() && Decimal::Parse(split.number).ok();
}

bool IsValueFragment(std::string_view text) {
  // The DSL's own words, and the halves of 明显下降 and 持续下降.
  return IsComparisonText(text) || dsl::IsAchievementWord(text) || dsl::ParseTrendKind(text) ||
         dsl::ParseAbsence(text) || text == "明显" || text == "持续";
}

}  // namespace healthact::table_cells
