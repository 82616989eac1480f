// A CSV reader (RFC 4180: quoted fields, "" inside quotes, CRLF or LF, a
// UTF-8 byte-order mark ignored).  Internal header: not installed.
//
// Cursor reads a row at a time and hands out views of the text: a field is
// copied only when its quotes must be undone ("a ""b"""), so reading a
// data file costs no string per field.  Parse keeps whole rows, for the
// small tables of an import.
#ifndef HEALTHACT_SRC_CSV_HPP_
#define HEALTHACT_SRC_CSV_HPP_

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"

namespace healthact::csv {

struct FieldView {
  std::string_view text;   // unquoted
  std::size_t offset = 0;  // byte offset of the field in the text
};

class Cursor {
 public:
  // Where a cursor stands: the offset of a row's first byte (or the end),
  // and the line it is on.
  struct Position {
    std::size_t offset = 0;
    int line = 1;
  };

  explicit Cursor(std::string_view text);
  // Reads `text` from `from` on, as a Cursor that had read up to there
  // would: another cursor's position() (a header read first, the rows
  // after it split on another thread).
  Cursor(std::string_view text, Position from);

  // The next row that is not blank, into `fields`; its views stay valid until
  // the next call (or as long as the text, for fields without quotes).  False
  // at the end of the text, or at a quoted field that is never closed.
  bool Next(std::vector<FieldView>& fields);
  // The same row's fields appended to `fields`, which keeps what it held:
  // a reader that gathers many rows into one vector copies none of them.
  bool AppendNext(std::vector<FieldView>& fields);

  // Where the next row would be read from.
  Position position() const { return {pos_, next_line_}; }

  bool unterminated_quote() const { return unterminated_quote_; }
  std::size_t error_offset() const { return error_offset_; }  // of that field's quote
  int line() const { return line_; }                           // where the last row starts
  std::size_t line_start() const { return line_start_; }       // the offset that line starts at

  // Line and column (in code points) of a byte offset; counted from the
  // start of the last row when the offset lies at or after it, so that
  // placing a problem in a large file does not read it from the top.
  utf8::LineColumn Locate(std::size_t offset) const;

 private:
  // Reads the quoted field starting at pos_; false when it is never closed.
  bool ReadQuoted(FieldView& field, std::size_t index);

  std::string_view text_;
  std::size_t pos_ = 0;
  int next_line_ = 1;           // the line pos_ is on
  int line_ = 0;                // the line the last row starts on
  std::size_t line_start_ = 0;  // the offset that line starts at
  bool unterminated_quote_ = false;
  std::size_t error_offset_ = 0;
  // By field index, reused from row to row; a deque, so that growing it
  // leaves the views of the row's earlier fields valid.
  std::deque<std::string> unescaped_;
};

// Line and column (in code points) of a byte offset, counted from
// `line_start`, the start of line `line`, when the offset lies at or after
// it, and from the top of the text otherwise (or when `line` is 0).
utf8::LineColumn LocateFrom(std::string_view text, int line, std::size_t line_start, std::size_t offset);

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

// Every row that is not blank, read with a Cursor.
Table Parse(std::string_view text);

}  // namespace healthact::csv

#endif  // HEALTHACT_SRC_CSV_HPP_
