#include "assess/column_lookup.hpp"

namespace healthact {
namespace {

ColumnLookup::Memo& ThreadMemo() {
  thread_local ColumnLookup::Memo memo;
  return memo;
}

}  // namespace

ColumnLookup::ColumnLookup(const Observations& observations)
    : observations_(observations), generation_(observations.column_generation()), memo_(ThreadMemo()) {}

const Observations::Column* ColumnLookup::FindAndRemember(std::string_view key, int year) {
  // Checked on every miss, not once: another lookup on this thread (an
  // assessment within an assessment) may have taken the memo since.
  if (memo_.generation != generation_) {
    for (Memo::Slot& slot : memo_.slots) slot.filled = false;
    memo_.generation = generation_;
  }
  Memo::Slot& slot = memo_.slots[SlotOf(key, year)];
  slot.column = observations_.FindColumn(key, year);
  slot.key.assign(key);
  slot.year = year;
  slot.filled = true;
  return slot.column;
}

}  // namespace healthact
