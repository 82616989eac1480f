// String concatenation over std::string_view.
//
// Debian's Abseil (20220623) is built with its own absl::string_view, which
// does not accept std::string_view; this library speaks std::string_view
// throughout, so it concatenates with these instead of absl::StrCat.
// Internal header: not installed.
#ifndef HEALTHACT_SRC_STRINGS_HPP_
#define HEALTHACT_SRC_STRINGS_HPP_

#include <charconv>
#include <concepts>
#include <optional>
#include <string>
#include <string_view>

#include <iterator>
#include <type_traits>

#include "absl/strings/string_view.h"

namespace healthact::text {

inline void AppendOne(std::string& out, std::string_view piece) { out += piece; }
inline void AppendOne(std::string& out, const char* piece) { out += piece; }
inline void AppendOne(std::string& out, const std::string& piece) { out += piece; }
inline void AppendOne(std::string& out, absl::string_view piece) {
  out.append(piece.data(), piece.size());
}
inline void AppendOne(std::string& out, char c) { out += c; }
template <std::integral T>
  requires(!std::same_as<T, char> && !std::same_as<T, bool>)
void AppendOne(std::string& out, T number) {
  // Straight into `out`: std::to_string made a string a number, and a long
  // report writes several numbers a verdict.
  char digits[24];
  const std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, number);
  out.append(digits, end.ptr);
}

template <typename... Pieces>
void StrAppend(std::string* out, const Pieces&... pieces) {
  (AppendOne(*out, pieces), ...);
}

template <typename... Pieces>
std::string StrCat(const Pieces&... pieces) {
  std::string out;
  (AppendOne(out, pieces), ...);
  return out;
}

// The value paired with `word` in a table of (spelling, value) pairs, or
// nullopt: how every word of the documents (levels, columns, directions…) is read.
template <typename Table>
auto FindWord(const Table& table, std::string_view word)
    -> std::optional<typename std::decay_t<decltype(*std::begin(table))>::second_type> {
  for (const auto& [spelling, value] : table) {
    if (spelling == word) return value;
  }
  return std::nullopt;
}

}  // namespace healthact::text

#endif  // HEALTHACT_SRC_STRINGS_HPP_
