// UTF-8 helpers shared by the number parser and the DSL front end.
// Internal header: not installed.
#ifndef HEALTHACT_SRC_UTF8_HPP_
#define HEALTHACT_SRC_UTF8_HPP_

#include <cstddef>
#include <optional>
#include <string_view>

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

// The same for offsets asked mostly in increasing order, each counted on
// from the last: locating every cell of a table from the top of its file
// made reading it quadratic (an 8 KB table took 116 M instructions).  An
// offset before the last is counted from the top again.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}
  LineColumn At(std::size_t offset);

 private:
  std::string_view text_;
  std::size_t at_ = 0;  // where_ is the line and column of text_[at_]
  LineColumn where_;
};

// The number of code points in valid UTF-8 text.
std::size_t CountCodePoints(std::string_view text);

}  // namespace healthact::utf8

#endif  // HEALTHACT_SRC_UTF8_HPP_
