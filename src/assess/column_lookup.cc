#include "assess/column_lookup.hpp"

namespace healthact {
namespace {

// Bounds what a thread keeps: a memo past it starts again empty.
constexpr std::size_t kMostSlots = 1 << 14;

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
    memo_.filled = 0;
    memo_.generation = generation_;
  }
  if ((memo_.filled + 1) * 2 > memo_.slots.size()) {
    std::vector<Memo::Slot> kept = std::move(memo_.slots);
    memo_.slots = std::vector<Memo::Slot>(kept.empty() || kept.size() >= kMostSlots ? 64 : kept.size() * 2);
    memo_.filled = 0;
    if (kept.size() < kMostSlots) {
      for (Memo::Slot& slot : kept) {
        if (slot.filled) Place(std::move(slot));
      }
    }
  }
  Memo::Slot slot;
  slot.address = reinterpret_cast<std::uintptr_t>(key.data());
  slot.key.assign(key);
  slot.year = year;
  slot.filled = true;
  slot.column = observations_.FindColumn(key, year);
  return Place(std::move(slot)).column;
}

ColumnLookup::Memo::Slot& ColumnLookup::Place(Memo::Slot slot) {
  const std::size_t mask = memo_.slots.size() - 1;
  std::size_t at = SlotOf(slot.address, slot.year) & mask;
  while (memo_.slots[at].filled) at = (at + 1) & mask;
  ++memo_.filled;
  return memo_.slots[at] = std::move(slot);
}

}  // namespace healthact
