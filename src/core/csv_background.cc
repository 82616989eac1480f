#include "core/csv_background.hpp"

#include <new>
#include <system_error>
#include <utility>

namespace healthact::csv {
namespace {

// Rows per batch, and batches read ahead: enough to keep both threads busy
// through a scheduler's hiccup, and a few megabytes at most.
constexpr std::size_t kRowsPerBatch = 8192;
constexpr std::size_t kBatchesAhead = 4;

bool Inside(std::string_view text, std::string_view part) {
  return part.data() >= text.data() && part.data() + part.size() <= text.data() + text.size();
}

}  // namespace

BackgroundCursor::BackgroundCursor(std::string_view text) : text_(text), cursor_(text) {
  // At most this many batches ever exist (the one taken, those read ahead,
  // the one being filled), so the spares never reallocate: a Batch's deque
  // may not be moved without throwing, and a growing vector would copy them.
  spare_.reserve(kBatchesAhead + 2);
}

BackgroundCursor::~BackgroundCursor() {
  if (reader_.joinable()) {
    reader_.request_stop();
    changed_.notify_all();
    reader_.join();
  }
}

void BackgroundCursor::Fill(Batch& batch) {
  batch.fields.clear();
  batch.rows.clear();
  batch.copies.clear();
  while (batch.rows.size() < kRowsPerBatch) {
    const std::size_t first = batch.fields.size();
    if (!cursor_.AppendNext(batch.fields)) {
      batch.last = true;
      return;
    }
    // A field with a doubled quote is the cursor's copy, which the next row
    // reuses: the batch keeps its own.
    for (std::size_t k = first; k < batch.fields.size(); ++k) {
      FieldView& field = batch.fields[k];
      if (!Inside(text_, field.text)) field.text = batch.copies.emplace_back(field.text);
    }
    batch.rows.push_back({static_cast<std::uint32_t>(batch.fields.size()), cursor_.line(), cursor_.line_start()});
  }
  batch.last = false;
}

void BackgroundCursor::Produce(std::stop_token stop) {
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

bool BackgroundCursor::TakeBatch() {
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

bool BackgroundCursor::Next(std::span<const FieldView>& fields) {
  while (row_ >= current_.rows.size()) {
    if (!TakeBatch()) {
      unterminated_quote_ = cursor_.unterminated_quote();
      error_offset_ = cursor_.error_offset();
      return false;
    }
  }
  const Batch::Row& row = current_.rows[row_];
  const std::size_t begin = row_ == 0 ? 0 : current_.rows[row_ - 1].end;
  fields = std::span<const FieldView>(current_.fields).subspan(begin, row.end - begin);
  line_ = row.line;
  line_start_ = row.line_start;
  ++row_;
  return true;
}

}  // namespace healthact::csv
