// A CSV Cursor that splits the text into rows on a second thread, a few
// thousand rows ahead of its caller, so that on two cores tokenising a large
// data file overlaps with what the caller makes of each row.  The rows, the
// fields' texts and offsets, the lines and every position it locates are
// exactly a Cursor's.  Internal header: not installed.
//
// When no thread can be started it reads the rows on the caller's thread.
#ifndef HEALTHACT_SRC_CSV_BACKGROUND_HPP_
#define HEALTHACT_SRC_CSV_BACKGROUND_HPP_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/csv.hpp"

namespace healthact::csv {

class BackgroundCursor {
 public:
  explicit BackgroundCursor(std::string_view text);
  ~BackgroundCursor();  // stops the reader and waits for it
  BackgroundCursor(const BackgroundCursor&) = delete;
  BackgroundCursor& operator=(const BackgroundCursor&) = delete;

  // As Cursor::Next, the row as a view of the batch it was read in, valid
  // until the next call.
  bool Next(std::span<const FieldView>& fields);
  // Once Next has returned false.
  bool unterminated_quote() const { return unterminated_quote_; }
  std::size_t error_offset() const { return error_offset_; }
  int line() const { return line_; }
  std::size_t line_start() const { return line_start_; }  // of the row Next gave last
  utf8::LineColumn Locate(std::size_t offset) const { return LocateFrom(text_, line_, line_start_, offset); }

 private:
  // Rows as the Cursor gave them; a field whose quotes were undone is kept
  // in `copies`, whose strings do not move when the batch does.
  struct Batch {
    struct Row {
      std::uint32_t end = 0;  // one past its last field in `fields`
      int line = 0;
      std::size_t line_start = 0;
    };
    std::vector<FieldView> fields;
    std::vector<Row> rows;
    std::deque<std::string> copies;
    bool last = false;  // the cursor has no more rows
  };

  // Fills `batch` from the cursor.
  void Fill(Batch& batch);
  void Produce(std::stop_token stop);
  // The next batch, from the reader or, without one, read here; false at the end.
  bool TakeBatch();

  std::string_view text_;
  Cursor cursor_;  // the reader's alone while it runs
  bool unterminated_quote_ = false;
  std::size_t error_offset_ = 0;
  int line_ = 0;
  std::size_t line_start_ = 0;

  Batch current_;
  std::size_t row_ = 0;  // the next row of current_ to hand out
  bool started_ = false;

  std::mutex mutex_;
  std::condition_variable_any changed_;
  std::deque<Batch> full_;   // read, not yet taken
  std::vector<Batch> spare_; // taken and handed back, for reuse
  bool failed_ = false;      // the reader ran out of memory
  std::jthread reader_;      // last: it starts once the rest exists
};

}  // namespace healthact::csv

#endif  // HEALTHACT_SRC_CSV_BACKGROUND_HPP_
