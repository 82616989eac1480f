// The small vocabulary of table cells, shared by the table readers and the
// importer.  Internal header: not installed.
#ifndef HEALTHACT_SRC_TABLE_CELLS_HPP_
#define HEALTHACT_SRC_TABLE_CELLS_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "healthact/model/framework.hpp"

namespace healthact::table_cells {

// Without leading and trailing spaces: ASCII white space and the ideographic
// space U+3000 that Word tables are full of.
std::string Trim(std::string_view text);

// Without any white space at all: "指  标" → "指标".
std::string Squeeze(std::string_view text);

// Full-width digits and point as ASCII: "２０２２" → "2022".
std::string AsciiDigits(std::string_view text);

// A comparator written before a number ("≥", "＞", "<="), split off: the
// comparator (if any) and the rest.
struct SplitComparison {
  std::optional<Comparator> comparator;
  std::string_view number;
};
SplitComparison SplitComparator(std::string_view text);

// "≥90.86", "74.6", "＞９６": an optional comparator and a decimal.
bool IsComparisonText(std::string_view text);

// A piece of a cell broken over lines: a comparison, a word of the tables
// (实现, 明显, 持续, 下降, 上升, 未建立, 未统计, --), or a piece of one.
bool IsValueFragment(std::string_view text);

}  // namespace healthact::table_cells

#endif  // HEALTHACT_SRC_TABLE_CELLS_HPP_
