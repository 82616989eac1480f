// UTF-8 helpers shared by the number parser and the DSL front end.
// Internal header: not installed.
#ifndef HEALTHACT_SRC_UTF8_HPP_
#define HEALTHACT_SRC_UTF8_HPP_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace healthact::utf8 {

// The byte offset of the first byte that does not begin a well-formed UTF-8
// sequence (overlong forms, surrogates and values above U+10FFFF included),
// or nullopt when the whole text is valid.
std::optional<std::size_t> FindInvalid(std::string_view text);

// Decodes the code point at text[offset] (text must be valid UTF-8) and
// advances `offset` past it.
char32_t Next(std::string_view text, std::size_t& offset);

// 1-based line and column of a byte offset; the column counts code points,
// so "目标" is two columns wide, not six.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn Locate(std::string_view text, std::size_t offset);

// Line and column of any number of offsets, in any order: the lines' starts
// are found once, when first asked, then each offset is a binary search and
// the code points before it on its line, counted on from the offset asked
// before when that is earlier on the same line (a table's cells, asked in
// order, on one long line).  Locating each cell of a table, or
// each diagnostic of a file, from the top made a file with many of them
// quadratic in its size (an 8 KB table took 116 M instructions; 20 000
// duplicate indicators, 11 s).  Not for use from two threads at once.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {}
  LineColumn At(std::size_t offset) const;

 private:
  std::string_view text_;
  mutable std::vector<std::size_t> starts_;  // of every line; made by the first At
  mutable std::size_t last_offset_ = 0;      // the offset asked before, and where it is
  mutable LineColumn last_;
};

// The number of code points in valid UTF-8 text.
std::size_t CountCodePoints(std::string_view text);

}  // namespace healthact::utf8

#endif  // HEALTHACT_SRC_UTF8_HPP_
