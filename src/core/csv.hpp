// A small CSV reader (RFC 4180: quoted fields, "" inside quotes, CRLF or LF,
// a UTF-8 byte-order mark ignored).  Internal header: not installed.
#ifndef HEALTHACT_SRC_CSV_HPP_
#define HEALTHACT_SRC_CSV_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace healthact::csv {

struct Field {
  std::string text;
  std::size_t offset = 0;  // byte offset of the field in the text
};

struct Row {
  int line = 0;  // 1-based line where the row starts
  std::vector<Field> fields;
};

struct Table {
  std::vector<Row> rows;
  // Set when a quoted field is not closed: the offset of its quote.
  bool unterminated_quote = false;
  std::size_t error_offset = 0;
};

// Splits text into rows; blank lines are skipped.
Table Parse(std::string_view text);

}  // namespace healthact::csv

#endif  // HEALTHACT_SRC_CSV_HPP_
