// The columns one assessment reads, found through a memo kept per thread.
// Assessing one unit looks up a column per indicator, and a hash lookup of
// a (key, year) was a fifth of hact_validate_unit's time; a vendor checks
// the same observations again and again, so what the thread found last time
// is found again by the key's address and confirmed by its bytes.  The memo
// is kept while the observations' column_generation() stays the same: the
// same object, with no column made since, so the columns it points at are
// the ones there.  Internal header.
#ifndef HEALTHACT_SRC_ASSESS_COLUMN_LOOKUP_HPP_
#define HEALTHACT_SRC_ASSESS_COLUMN_LOOKUP_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "healthact/data/observations.hpp"

namespace healthact {

class ColumnLookup {
 public:
  // Made on the thread that reads through it, for one pass over
  // `observations` that does not change them.
  explicit ColumnLookup(const Observations& observations);
  ColumnLookup(const ColumnLookup&) = delete;
  ColumnLookup& operator=(const ColumnLookup&) = delete;

  // Observations::FindColumn, remembered.  The hit is inline: a call and
  // a call to memcmp were most of its cost.
  const Observations::Column* Find(std::string_view key, int year) {
    if (memo_.generation == generation_ && !memo_.slots.empty()) {
      const auto address = reinterpret_cast<std::uintptr_t>(key.data());
      const std::size_t mask = memo_.slots.size() - 1;
      for (std::size_t at = SlotOf(address, year) & mask;; at = (at + 1) & mask) {
        const Memo::Slot& slot = memo_.slots[at];
        if (!slot.filled) break;
        if (slot.address == address && slot.year == year && SameBytes(slot.key, key)) return slot.column;
      }
    }
    return FindAndRemember(key, year);
  }
  const Observations& observations() const { return observations_; }

  // An open-addressed table by the key's address and year, at most half
  // full.  A key at another address (a copy of the framework) is another
  // entry; the key's bytes are kept and compared, so an address reused by
  // another string is never mistaken.
  struct Memo {
    struct Slot {
      std::uintptr_t address = 0;
      std::string key;
      int year = 0;
      bool filled = false;
      const Observations::Column* column = nullptr;
    };
    std::uint64_t generation = 0;  // none: a generation is never 0
    std::size_t filled = 0;
    std::vector<Slot> slots;       // a power of two of them, or none
  };

 private:
  static std::size_t SlotOf(std::uintptr_t address, int year) {
    const std::uint64_t mixed =
        (address ^ static_cast<std::uint64_t>(static_cast<std::uint32_t>(year)) << 3) * 0x9E3779B97F4A7C15u;
    return static_cast<std::size_t>(mixed >> 32);
  }
  // Keys are a few bytes: compared here, not by a call to memcmp.
  static bool SameBytes(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  const Observations::Column* FindAndRemember(std::string_view key, int year);
  // Puts a slot where Find will look for it; there is room.
  Memo::Slot& Place(Memo::Slot slot);

  const Observations& observations_;
  std::uint64_t generation_;
  Memo& memo_;
};

}  // namespace healthact

#endif  // HEALTHACT_SRC_ASSESS_COLUMN_LOOKUP_HPP_
