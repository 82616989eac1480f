// A CSV Cursor that splits the text into rows on a second thread, a few
// thousand rows ahead of its caller, so that on two cores tokenising a large
// data file overlaps with what the caller makes of each row.  The rows, the
// fields' texts and offsets, the lines and every position it locates are
// exactly a Cursor's.  Internal header: not installed.
//
// It can also work out, on that thread, what the caller would otherwise
// work out of each row first (a data row's year and value as numbers): a
// `digest`, which must read nothing but the row, since it runs beside the
// caller.  Its Facts come with the row.
//
// When no thread can be started it reads the rows on the caller's thread.
#ifndef HEALTHACT_SRC_CSV_BACKGROUND_HPP_
#define HEALTHACT_SRC_CSV_BACKGROUND_HPP_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "core/csv.hpp"

namespace healthact::csv {

template <typename Facts>
class BackgroundCursor {
 public:
  using Digest = std::function<Facts(std::span<const FieldView>)>;

  // Reads `text` from `from` on; a null `digest` works nothing out.
  BackgroundCursor(std::string_view text, Cursor::Position from, Digest digest)
      : text_(text), cursor_(text, from), digest_(std::move(digest)) {
    // At most this many batches ever exist (the one taken, those read ahead,
    // the one being filled), so the spares never reallocate: a Batch's deque
    // may not be moved without throwing, and a growing vector would copy them.
    spare_.reserve(kBatchesAhead + 2);
  }
  ~BackgroundCursor() {  // stops the reader and waits for it
    if (reader_.joinable()) {
      reader_.request_stop();
      changed_.notify_all();
      reader_.join();
    }
  }
  BackgroundCursor(const BackgroundCursor&) = delete;
  BackgroundCursor& operator=(const BackgroundCursor&) = delete;

  // As Cursor::Next, the row as a view of the batch it was read in, valid
  // until the next call, and what the digest made of it (null without one).
  bool Next(std::span<const FieldView>& fields, const Facts*& facts) {
    while (row_ >= current_.rows.size()) {
      if (!TakeBatch()) {
        unterminated_quote_ = cursor_.unterminated_quote();
        error_offset_ = cursor_.error_offset();
        return false;
      }
    }
    const typename Batch::Row& row = current_.rows[row_];
    const std::size_t begin = row_ == 0 ? 0 : current_.rows[row_ - 1].end;
    fields = std::span<const FieldView>(current_.fields).subspan(begin, row.end - begin);
    facts = current_.facts.empty() ? nullptr : &current_.facts[row_];
    line_ = row.line;
    line_start_ = row.line_start;
    ++row_;
    return true;
  }
  // Once Next has returned false.
  bool unterminated_quote() const { return unterminated_quote_; }
  std::size_t error_offset() const { return error_offset_; }
  int line() const { return line_; }
  std::size_t line_start() const { return line_start_; }  // of the row Next gave last
  utf8::LineColumn Locate(std::size_t offset) const { return LocateFrom(text_, line_, line_start_, offset); }

 private:
  // Rows per batch, and batches read ahead: enough to keep both threads
  // busy through a scheduler's hiccup, and a few megabytes at most.
  static constexpr std::size_t kRowsPerBatch = 8192;
  static constexpr std::size_t kBatchesAhead = 4;

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
    std::vector<Facts> facts;  // by row, when there is a digest
    std::deque<std::string> copies;
    bool last = false;  // the cursor has no more rows
  };

  bool Inside(std::string_view part) const {
    return part.data() >= text_.data() && part.data() + part.size() <= text_.data() + text_.size();
  }

  // Fills `batch` from the cursor.
  void Fill(Batch& batch) {
    batch.fields.clear();
    batch.rows.clear();
    batch.facts.clear();
    batch.copies.clear();
    while (batch.rows.size() < kRowsPerBatch) {
      const std::size_t first = batch.fields.size();
      if (!cursor_.AppendNext(batch.fields)) {
        batch.last = true;
        return;
      }
      // A field with a doubled quote is the cursor's copy, which the next
      // row reuses: the batch keeps its own.
      for (std::size_t k = first; k < batch.fields.size(); ++k) {
        FieldView& field = batch.fields[k];
        if (!Inside(field.text)) field.text = batch.copies.emplace_back(field.text);
      }
      batch.rows.push_back({static_cast<std::uint32_t>(batch.fields.size()), cursor_.line(), cursor_.line_start()});
      if (digest_) batch.facts.push_back(digest_(std::span<const FieldView>(batch.fields).subspan(first)));
    }
    batch.last = false;
  }

  void Produce(std::stop_token stop) {
    bool last = false;
    while (!last) {
      Batch batch;
      {
        std::unique_lock lock(mutex_);
        if (!spare_.empty()) {
          batch = std::move(spare_.back());
          spare_.pop_back();
        }
      }
      try {
        Fill(batch);
      } catch (const std::bad_alloc&) {
        std::lock_guard lock(mutex_);
        failed_ = true;
        changed_.notify_all();
        return;
      }
      last = batch.last;
      std::unique_lock lock(mutex_);
      if (!changed_.wait(lock, stop, [&] { return full_.size() < kBatchesAhead; })) return;  // stopped
      full_.push_back(std::move(batch));
      changed_.notify_all();
    }
  }

  // The next batch, from the reader or, without one, read here; false at the end.
  bool TakeBatch() {
    if (current_.last) return false;
    if (!started_) {  // at the first row: a text refused before it is read costs no thread
      started_ = true;
      try {
        reader_ = std::jthread([this](std::stop_token stop) { Produce(std::move(stop)); });
      } catch (const std::system_error&) {
        // No thread to be had: the rows are read on this one.
      }
    }
    if (!reader_.joinable()) {
      Fill(current_);
    } else {
      std::unique_lock lock(mutex_);
      spare_.push_back(std::move(current_));
      changed_.wait(lock, [&] { return !full_.empty() || failed_; });
      if (full_.empty()) throw std::bad_alloc();  // as the same read on this thread would have
      current_ = std::move(full_.front());
      full_.pop_front();
      changed_.notify_all();
    }
    row_ = 0;
    return true;
  }

  std::string_view text_;
  Cursor cursor_;  // the reader's alone while it runs
  Digest digest_;  // likewise
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
