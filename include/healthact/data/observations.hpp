// Reported values: what each unit (a county, a township, a department)
// reported for an indicator, a part ("25.2") or a raw count, in a year.
//
// A report is a number, 实现/未实现 (also 是/否), a stated absence (未统计,
// 未建立), 待公布 (published later by a higher level's monitoring), or nothing.
// These stay distinct all the way to the verdict: none of them is zero.
//
// Storage is columnar, one column per (key, year), indexed by unit: a number
// is kept as a 64-bit integer at the column's common scale, plus one byte for
// its kind and one for the scale it was written with ("6" stays "6" beside a
// "6.25"), about 10 bytes per value.  A column holding a value that does not
// fit is kept as full Decimals instead.  Nothing is lost either way.
#ifndef HEALTHACT_OBSERVATIONS_HPP_
#define HEALTHACT_OBSERVATIONS_HPP_

#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "healthact/core/decimal.hpp"
#include "healthact/model/reporting_unit.hpp"

namespace healthact {

enum class ReportKind : std::uint8_t {
  kNothing = 0,         // no report (an empty cell, or no row at all)
  kNumber = 1,          // a value
  kAchieved = 2,        // 实现, 是
  kNotAchieved = 3,     // 未实现, 否
  kNotCounted = 4,      // 未统计
  kNotEstablished = 5,  // 未建立
  kPending = 6,         // 待公布
};

struct Reported {
  ReportKind kind = ReportKind::kNothing;
  Decimal number;  // for kNumber

  // "74.8", "实现", "未统计", "" (nothing).
  std::string ToString() const;
  void AppendTo(std::string& out) const;  // the same, appended
  friend bool operator==(const Reported&, const Reported&) = default;
};

// OK for a year in limits::kFirstYear..kLastYear; otherwise an
// InvalidArgument error, "year 3000 is not from 1949 to 2100".  What
// Observations::Add holds reports to, and what the C interface checks first.
absl::Status CheckYear(int year);

// Reads a report as written in a data file: a number (full-width digits too),
// 实现, 是, 未实现, 否, 未统计, 未建立, 待公布, or empty for nothing.
absl::StatusOr<Reported> ParseReported(std::string_view text);

// A number handed over as a double (a DataFrame's float column): the
// shortest decimal that reads back as the same double, which is what
// Python's repr and numpy print (74.6, not 74.599999999999994315658…; a
// whole number as 75.0), in fixed notation (1e20 is 100000000000000000000.0);
// NaN is nothing reported; an infinity, or a value beyond what a Decimal holds, is
// an InvalidArgument error.
absl::StatusOr<Reported> ReportedOf(double value);

// ReportedOf's decimal as mantissa / 10^scale, found without printing the
// double when it has at most 9 fractional digits and a mantissa below 2^49
// (nearly every figure a county reports); nullopt otherwise (NaN, infinities
// and long numbers too), and ReportedOf decides.
struct ScaledNumber {
  std::int64_t mantissa = 0;
  int scale = 0;
};
std::optional<ScaledNumber> ShortestScaled(double value);


class Observations {
 public:
  // One column: the reports of every unit for one key in one year.
  class Column {
   public:
    Reported Get(UnitId unit) const;
    ReportKind kind(UnitId unit) const {
      return unit < static_cast<UnitId>(kinds_.size()) ? kinds_[unit] : ReportKind::kNothing;
    }
    // Narrow columns hold numbers as integers at scale(): value = scaled / 10^scale.
    bool narrow() const { return wide_.empty(); }
    int scale() const { return scale_; }
    const std::vector<std::int64_t>& scaled() const { return scaled_; }
    const std::vector<ReportKind>& kinds() const { return kinds_; }

   private:
    friend class Observations;
    absl::Status Set(UnitId unit, const Reported& value, bool replace);
    // Set's shortcut for a number into an empty slot of a narrow column at
    // no more than its scale; false when it does not apply (Set decides).
    bool SetNew(UnitId unit, ScaledNumber number);
    void Widen();

    int scale_ = 0;
    std::vector<std::int64_t> scaled_;
    std::vector<std::int8_t> written_scales_;  // each value's own scale, for display
    std::vector<ReportKind> kinds_;
    std::vector<Decimal> wide_;  // non-empty once the column is wide
  };

  // Units, by name; adding an existing name returns its id.
  UnitId AddUnit(std::string_view name);
  std::optional<UnitId> FindUnit(std::string_view name) const;
  int unit_count() const { return static_cast<int>(units_.size()); }
  const std::string& unit_name(UnitId unit) const { return units_[unit].name; }

  // The jurisdiction tree: a unit's parent and level.  A cycle is an error.
  absl::Status SetParent(UnitId unit, UnitId parent);
  void SetLevel(UnitId unit, UnitLevel level) { units_[unit].level = level; }
  std::optional<UnitId> parent(UnitId unit) const { return units_[unit].parent; }
  UnitLevel level(UnitId unit) const { return units_[unit].level; }
  // Marks a unit as listed by a units file, after those listed before it
  // (offices list their units in their own order: administrative codes).
  // Listing a unit again keeps its first place.
  void List(UnitId unit);
  bool listed(UnitId unit) const { return units_[unit].listed >= 0; }
  // Every unit's position in the order an office lists them (0 for the
  // first): the listed units in the order they were listed, then the others
  // in Chinese collation (core/collation.hpp; pinyin, never code points).
  // Ties in a ranking, reports and every listing of units follow it.
  // Collated once and kept until a unit is added or listed: every
  // assessment of the same data ranks its ties by it, and collating 40 000
  // names cost a third of assessing them.  Shared, not copied: at national
  // scale the copy was megabytes an assessment asked of the system.
  std::shared_ptr<const std::vector<std::int32_t>> ListingRanks() const;

  // The units whose parent is `unit`.
  std::vector<UnitId> Children(UnitId unit) const;

  // Records a report.  `key` is an indicator number ("9"), a part ("25.1")
  // or a count's name.  Reporting the same unit, key and year twice with
  // different values is an error; the same value twice is accepted; a year
  // outside limits::kFirstYear..kLastYear is an error.
  absl::Status Add(UnitId unit, std::string_view key, int year, const Reported& value);

  // For a caller adding many values of a few keys (a typed batch): the
  // column of (key, year), made when nobody has reported it yet, which
  // Add(column, …) then fills by the rules of Add without looking it up
  // again.  The year is checked as Add checks it.
  absl::StatusOr<Column*> ColumnFor(std::string_view key, int year);
  absl::Status Add(Column& column, UnitId unit, const Reported& value);
  // The same for a number mantissa / 10^scale, stored without a Decimal when
  // the unit has nothing there yet and the number fits the column's scale.
  absl::Status Add(Column& column, UnitId unit, ScaledNumber number);

  // Records a report, replacing whatever the unit reported for that key and
  // year (a reviewer's verified value replaces the reported one).
  absl::Status Replace(UnitId unit, std::string_view key, int year, const Reported& value);

  // The report, or kNothing.
  Reported Get(UnitId unit, std::string_view key, int year) const;
  // The column, or null when nobody reported that key that year.
  const Column* FindColumn(std::string_view key, int year) const;

  // Asks the processor to bring `unit`'s slot of every column into its
  // cache, without waiting: a report that explains units in ranking order,
  // which is random in the columns, calls it a few units ahead (each value
  // was otherwise a cache miss).  No effect on what is stored.
  void PrefetchUnit(UnitId unit) const;

  // A number that changes whenever a column is made, and that no other
  // Observations (a copy, or one made later at the same address) ever has:
  // a reader that keeps the columns it found may use them while it stays
  // the same.  Reports added to existing columns leave it as it is.
  std::uint64_t column_generation() const { return column_generation_.value(); }

  // Every (key, year) that has a column, sorted.
  std::vector<std::pair<std::string, int>> Keys() const;
  std::size_t value_count() const { return value_count_; }
  // Bytes held by the columns (for the benchmarks' memory figures).
  std::size_t ColumnBytes() const;

 private:
  struct UnitInfo {
    std::string name;
    std::optional<UnitId> parent;
    UnitLevel level = UnitLevel::kUnspecified;
    std::int32_t listed = -1;  // its place in the units file, or -1
  };
  // Hashes and compares (key, year) pairs, and finds them by a string_view
  // key too.  A hash map, not an ordered one: every reported value looks its
  // column up, and string comparisons down a tree were a third of the cost
  // of batch ingestion.  Keys() sorts when order is wanted.
  struct ColumnKeyView {
    static std::pair<std::string_view, int> View(const std::pair<std::string, int>& k) {
      return {k.first, k.second};
    }
    static std::pair<std::string_view, int> View(const std::pair<std::string_view, int>& k) {
      return k;
    }
  };
  // Keys are short ("9", "25.1", 活产数): eight bytes at a time, mixed with
  // the year, then Abseil's mixing of one integer (this Abseil hashes a
  // string through std::hash's byte loop, a fifth of assessing one unit).
  static std::size_t KeyHash(std::string_view key, int year) {
    std::uint64_t h = 0x9E3779B97F4A7C15u ^ (static_cast<std::uint64_t>(static_cast<std::uint32_t>(year)) << 32) ^
                      key.size();
    std::size_t at = 0;
    for (; at + 8 <= key.size(); at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, key.data() + at, 8);
      h = (h ^ word) * 0xBF58476D1CE4E5B9u;
      h ^= h >> 29;
    }
    // The last bytes by shifts: a short memcpy and a wide load of it stall
    // the store forwarding, which cost more than the rest of the lookup.
    std::uint64_t tail = 0;
    for (std::size_t i = at; i < key.size(); ++i) {
      tail |= std::uint64_t{static_cast<unsigned char>(key[i])} << (8 * (i - at));
    }
    h = (h ^ tail) * 0x94D049BB133111EBu;
    return absl::Hash<std::uint64_t>{}(h ^ (h >> 32));
  }
  struct ColumnKeyHash : ColumnKeyView {
    using is_transparent = void;
    template <typename A>
    std::size_t operator()(const A& a) const {
      const auto [key, year] = View(a);
      return KeyHash(key, year);
    }
  };
  struct ColumnKeyEqual : ColumnKeyView {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      const auto [key_a, year_a] = View(a);
      const auto [key_b, year_b] = View(b);
      if (year_a != year_b || key_a.size() != key_b.size()) return false;
      // A key is a few bytes: compared here, not by a call to memcmp,
      // which was a twelfth of assessing one unit.
      for (std::size_t k = 0; k < key_a.size(); ++k) {
        if (key_a[k] != key_b[k]) return false;
      }
      return true;
    }
  };
  // Units by name, hashed as the keys are: reading a file of 40 000 units
  // walked a tree of names, a sixteen-deep row of string comparisons a unit.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return KeyHash(name, 0); }
  };
  struct NameEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };
  std::vector<UnitInfo> units_;
  // Flat: a name is short enough to sit in its slot, and a node a unit was
  // an allocation each to make and to free (500 000 units).
  absl::flat_hash_map<std::string, UnitId, NameHash, NameEqual> unit_ids_;
  absl::Status Put(UnitId unit, std::string_view key, int year, const Reported& value, bool replace);

  // Node-based, so a Column's address never changes once made.  Abseil's
  // map, not std::unordered_map: assessing one unit looks up a column per
  // indicator, and the standard map's prime-modulus buckets and byte hash
  // were two fifths of hact_validate_unit's time.
  absl::node_hash_map<std::pair<std::string, int>, Column, ColumnKeyHash, ColumnKeyEqual> columns_;
  // column_generation(): a fresh number on construction, on every copy or
  // move (both sides: the columns moved away are gone from the source) and
  // on every column made.
  class Generation {
   public:
    Generation() : value_(Next()) {}
    Generation(const Generation&) : value_(Next()) {}
    Generation(Generation&& other) noexcept : value_(Next()) { other.value_ = Next(); }
    Generation& operator=(const Generation&) {
      value_ = Next();
      return *this;
    }
    Generation& operator=(Generation&& other) noexcept {
      value_ = Next();
      other.value_ = Next();
      return *this;
    }
    void Advance() { value_ = Next(); }
    std::uint64_t value() const { return value_; }

   private:
    static std::uint64_t Next();
    std::uint64_t value_;
  };
  Generation column_generation_;
  std::size_t value_count_ = 0;
  std::int32_t listed_count_ = 0;
  // ListingRanks() of the units as they are; empty when not yet made or
  // when a unit was added or listed since.  Const readers on several
  // threads may make it at once, so it sits behind a mutex; copied with the
  // observations.  Not std::atomic<std::shared_ptr>: GCC 12's keeps its
  // pointer under a lock bit ThreadSanitizer cannot see, and CI's TSan
  // build reported its load and store as a race (google/sanitizers#1558).
  class ListingCache {
   public:
    ListingCache() = default;
    ListingCache(const ListingCache& other) : ranks_(other.Get()) {}
    ListingCache& operator=(const ListingCache& other) {
      if (this != &other) Set(other.Get());
      return *this;
    }
    std::shared_ptr<const std::vector<std::int32_t>> Get() const {
      std::lock_guard<std::mutex> lock(mutex_);
      return ranks_;
    }
    void Set(std::shared_ptr<const std::vector<std::int32_t>> ranks) const {
      std::lock_guard<std::mutex> lock(mutex_);
      ranks_ = std::move(ranks);
    }

   private:
    mutable std::mutex mutex_;
    mutable std::shared_ptr<const std::vector<std::int32_t>> ranks_;
  };
  ListingCache listing_;
};

}  // namespace healthact

#endif  // HEALTHACT_OBSERVATIONS_HPP_
