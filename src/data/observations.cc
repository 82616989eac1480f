#include "healthact/data/observations.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>

#include "core/collation.hpp"
#include "healthact/core/messages.hpp"
#include "healthact/core/limits.hpp"
#include "core/strings.hpp"

namespace healthact {

std::string Reported::ToString() const {
  std::string out;
  AppendTo(out);
  return out;
}

void Reported::AppendTo(std::string& out) const {
  switch (kind) {
    case ReportKind::kNothing: return;
    case ReportKind::kNumber: number.AppendTo(out); return;
    case ReportKind::kAchieved: out += "实现"; return;
    case ReportKind::kNotAchieved: out += "未实现"; return;
    case ReportKind::kNotCounted: out += "未统计"; return;
    case ReportKind::kNotEstablished: out += "未建立"; return;
    case ReportKind::kPending: out += "待公布"; return;
  }
}

absl::StatusOr<Reported> ParseReported(std::string_view text) {
  // Surrounding spaces (ASCII or ideographic) come with pasted cells.
  const auto trim = [](std::string_view s) {
    for (bool changed = true; changed;) {
      changed = false;
      for (std::string_view space : {" ", "\t", "\r", "\u3000"}) {
        if (s.starts_with(space)) s.remove_prefix(space.size()), changed = true;
        if (s.ends_with(space)) s.remove_suffix(space.size()), changed = true;
      }
    }
    return s;
  };
  text = trim(text);
  if (text.empty()) return Reported{};
  static constexpr std::pair<std::string_view, ReportKind> kWords[] = {
      {"实现", ReportKind::kAchieved},         {"是", ReportKind::kAchieved},
      {"已实现", ReportKind::kAchieved},       {"未实现", ReportKind::kNotAchieved},
      {"否", ReportKind::kNotAchieved},        {"未统计", ReportKind::kNotCounted},
      {"未建立", ReportKind::kNotEstablished}, {"待公布", ReportKind::kPending},
      // The English words, as the DSL spells them (docs/dsl.md).
      {"achieved", ReportKind::kAchieved},        {"not_achieved", ReportKind::kNotAchieved},
      {"not_counted", ReportKind::kNotCounted},   {"not_established", ReportKind::kNotEstablished},
      {"pending", ReportKind::kPending},
  };
  if (const std::optional<ReportKind> kind = text::FindWord(kWords, text)) {
    return Reported{*kind, Decimal()};
  }
  absl::StatusOr<Decimal> number = Decimal::Parse(text);
  if (!number.ok()) {
    return absl::InvalidArgumentError(messages::Format(
        "'$0' is not a value (a number, 实现, 未实现, 是, 否, 未统计, 未建立, 待公布, their English words achieved, "
        "not_achieved, not_counted, not_established, pending, or empty): $1",
        text, number.status().message()));
  }
  return Reported{ReportKind::kNumber, *number};
}

namespace {
constexpr double kExactPowers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
constexpr std::int64_t kPowers[] = {1,
                                    10,
                                    100,
                                    1000,
                                    10000,
                                    100000,
                                    1000000,
                                    10000000,
                                    100000000,
                                    1000000000,
                                    10000000000,
                                    100000000000,
                                    1000000000000,
                                    10000000000000,
                                    100000000000000,
                                    1000000000000000,
                                    10000000000000000,
                                    100000000000000000,
                                    1000000000000000000};
}  // namespace

std::optional<ScaledNumber> ShortestScaled(double value) {
  // The fewest fractional digits s whose nearest decimal m / 10^s reads back
  // as `value`.  m < 2^53 and 10^s are exact doubles, so m / 10^s is one
  // correctly rounded division: exactly what parsing that decimal gives
  // (Clinger's fast path).  Below 2^49 the doubles near `value`, times 10^s,
  // are less than 1/8 apart, so no other decimal of s digits reads back as
  // `value`: this is the shortest round trip, as printing it would find.
  const double magnitude = std::fabs(value);
  if (!(magnitude < 562949953421312.0)) return std::nullopt;  // 2^49; NaN fails too
  for (int s = 0; s < 10; ++s) {
    const double scaled = magnitude * kExactPowers[s];
    if (scaled >= 562949953421312.0) return std::nullopt;
    const auto m = static_cast<std::int64_t>(scaled + 0.5);
    if (static_cast<double>(m) / kExactPowers[s] == magnitude) {
      // A whole number keeps one fractional digit, as Python writes a float (75.0).
      return s == 0 ? ScaledNumber{(value < 0 ? -m : m) * 10, 1} : ScaledNumber{value < 0 ? -m : m, s};
    }
  }
  return std::nullopt;
}

absl::StatusOr<Reported> ReportedOf(double value) {
  if (std::isnan(value)) return Reported{};
  if (const std::optional<ScaledNumber> fast = ShortestScaled(value)) {
    return Reported{ReportKind::kNumber, Decimal::FromScaled(fast->mantissa, fast->scale)};
  }
  if (std::isinf(value)) return absl::InvalidArgumentError(std::string(messages::Tr("an infinite number is not a value")));
  // Fixed notation, shortest round trip: 1e20 is 100000000000000000000.
  char digits[400];
  const std::to_chars_result written =
      std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed);
  const std::string_view text(digits, static_cast<std::size_t>(written.ptr - digits));
  // Most values have few digits: read them straight into a scaled integer.
  std::int64_t mantissa = 0;
  int scale = 0, significant = 0;
  bool point = false, negative = false;
  for (const char c : text) {
    if (c == '-') {
      negative = true;
    } else if (c == '.') {
      point = true;
    } else {
      if (++significant > 18) break;
      mantissa = mantissa * 10 + (c - '0');
      scale += point ? 1 : 0;
    }
  }
  // A whole number keeps one fractional digit, as Python writes a float
  // (75.0): the same value whichever way it crossed.
  if (!point && significant < 18) mantissa *= 10, scale = 1, ++significant;
  if (significant <= 18) {
    return Reported{ReportKind::kNumber, Decimal::FromScaled(negative ? -mantissa : mantissa, scale)};
  }
  absl::StatusOr<Decimal> number = Decimal::Parse(text);
  if (!number.ok()) {
    return absl::InvalidArgumentError(messages::Format("the number $0 is not a value: $1", text, number.status().message()));
  }
  return Reported{ReportKind::kNumber, *number};
}

void Observations::PrefetchUnit(UnitId unit) const {
  const auto index = static_cast<std::size_t>(unit);
  const auto fetch = [index](const auto& values) {
    if (index < values.size()) __builtin_prefetch(values.data() + index);
  };
  for (const auto& [key, column] : columns_) {
    fetch(column.kinds_);
    fetch(column.scaled_);
    fetch(column.written_scales_);
    fetch(column.wide_);
  }
}

Reported Observations::Column::Get(UnitId unit) const {
  const ReportKind k = kind(unit);
  if (k != ReportKind::kNumber) return Reported{k, Decimal()};
  if (!narrow()) return Reported{k, wide_[unit]};
  // Back to the scale it was written with; exact, since it had no more
  // digits: the column's integer divided by a power of ten, natively.
  const int written = written_scales_[unit];
  if (written == scale_) return Reported{k, Decimal::FromScaled(scaled_[unit], written)};  // no division
  if (written > scale_) {  // not made by Set, which widens the column first; kept exact all the same
    return Reported{k, Decimal::FromScaled(scaled_[unit], scale_).Rounded(written, Rounding::kTruncate)};
  }
  return Reported{k, Decimal::FromScaled(scaled_[unit] / kPowers[scale_ - written], written)};
}

void Observations::Column::Widen() {
  wide_.resize(kinds_.size());
  for (std::size_t i = 0; i < kinds_.size(); ++i) {
    wide_[i] = kinds_[i] == ReportKind::kNumber
                   ? Decimal::FromScaled(scaled_[i], scale_).Rounded(written_scales_[i],
                                                                      Rounding::kTruncate)
                   : Decimal();
  }
  scaled_.clear();
  scaled_.shrink_to_fit();
  written_scales_.clear();
  written_scales_.shrink_to_fit();
}

bool Observations::Column::SetNew(UnitId unit, ScaledNumber number) {
  const auto index = static_cast<std::size_t>(unit);
  if (!narrow() || number.scale > scale_ || (index < kinds_.size() && kinds_[index] != ReportKind::kNothing)) {
    return false;
  }
  std::int64_t scaled = 0;
  if (__builtin_mul_overflow(number.mantissa, kPowers[scale_ - number.scale], &scaled)) return false;
  if (index == kinds_.size()) {  // units in order, as a frame's rows mostly come
    kinds_.push_back(ReportKind::kNumber);
    scaled_.push_back(scaled);
    written_scales_.push_back(static_cast<std::int8_t>(number.scale));
    return true;
  }
  if (kinds_.size() < index) {
    kinds_.resize(index + 1, ReportKind::kNothing);
    scaled_.resize(index + 1, 0);
    written_scales_.resize(index + 1, 0);
  }
  kinds_[index] = ReportKind::kNumber;
  scaled_[index] = scaled;
  written_scales_[index] = static_cast<std::int8_t>(number.scale);
  return true;
}

absl::Status Observations::Column::Set(UnitId unit, const Reported& value, bool replace) {
  const auto index = static_cast<std::size_t>(unit);
  if (kinds_.size() <= index) {
    kinds_.resize(index + 1, ReportKind::kNothing);
    if (narrow()) {
      scaled_.resize(index + 1, 0);
      written_scales_.resize(index + 1, 0);
    } else {
      wide_.resize(index + 1);
    }
  }
  const Reported existing = Get(unit);
  if (replace) {
    kinds_[index] = ReportKind::kNothing;
  } else if (existing.kind != ReportKind::kNothing) {
    if (existing.kind == value.kind &&
        (value.kind != ReportKind::kNumber || existing.number == value.number)) {
      return absl::OkStatus();
    }
    return absl::AlreadyExistsError(messages::Format("reported twice: '$0' and '$1'", existing.ToString(), value.ToString()));
  }
  kinds_[index] = value.kind;
  if (value.kind == ReportKind::kNothing) return absl::OkStatus();
  if (value.kind != ReportKind::kNumber) return absl::OkStatus();
  if (narrow()) {
    // Widen the common scale if this value needs more digits, as long as
    // every value still fits in 64 bits; otherwise keep full Decimals.
    const int scale = std::max(scale_, value.number.scale());
    std::optional<std::int64_t> scaled = value.number.ToScaledExactly(scale);
    if (scaled && scale > scale_) {
      // Every value already stored must fit the wider scale too.
      std::vector<std::int64_t> rescaled(scaled_);
      for (std::size_t i = 0; i < kinds_.size() && scaled; ++i) {
        if (kinds_[i] != ReportKind::kNumber || i == index) continue;
        const std::optional<std::int64_t> wider =
            Decimal::FromScaled(scaled_[i], scale_).ToScaledExactly(scale);
        if (!wider) {
          scaled.reset();
        } else {
          rescaled[i] = *wider;
        }
      }
      if (scaled) {
        scaled_ = std::move(rescaled);
        scale_ = scale;
      }
    }
    if (scaled) {
      scaled_[index] = *scaled;
      written_scales_[index] = static_cast<std::int8_t>(value.number.scale());
      return absl::OkStatus();
    }
    kinds_[index] = ReportKind::kNothing;
    Widen();
    kinds_[index] = ReportKind::kNumber;
  }
  wide_[index] = value.number;
  return absl::OkStatus();
}

UnitId Observations::AddUnit(std::string_view name) {
  // One hash and one probe, whether the unit is known or new.
  const auto id = static_cast<UnitId>(units_.size());
  const auto [it, added] = unit_ids_.try_emplace(name, id);
  if (!added) return it->second;
  try {
    units_.push_back(UnitInfo{std::string(name), std::nullopt, UnitLevel::kUnspecified});
  } catch (...) {
    unit_ids_.erase(it);  // no name without its unit
    throw;
  }
  listing_.Set(nullptr);
  return id;
}

std::optional<UnitId> Observations::FindUnit(std::string_view name) const {
  if (auto it = unit_ids_.find(name); it != unit_ids_.end()) return it->second;
  return std::nullopt;
}

absl::Status Observations::SetParent(UnitId unit, UnitId parent) {
  for (std::optional<UnitId> up = parent; up; up = units_[*up].parent) {
    if (*up == unit) {
      return absl::InvalidArgumentError(messages::Format("'$0' cannot be the parent of '$1': the tree would have a cycle",
                                                         units_[parent].name, units_[unit].name));
    }
  }
  if (units_[unit].parent && *units_[unit].parent != parent) {
    return absl::InvalidArgumentError(
        messages::Format("'$0' already belongs to '$1'", units_[unit].name, units_[*units_[unit].parent].name));
  }
  units_[unit].parent = parent;
  return absl::OkStatus();
}

void Observations::List(UnitId unit) {
  if (units_[unit].listed >= 0) return;
  units_[unit].listed = listed_count_++;
  listing_.Set(nullptr);
}

std::shared_ptr<const std::vector<std::int32_t>> Observations::ListingRanks() const {
  if (std::shared_ptr<const std::vector<std::int32_t>> kept = listing_.Get()) return kept;
  std::vector<std::int32_t> ranks(units_.size());
  std::vector<UnitId> unlisted;
  std::vector<std::string_view> names;
  for (UnitId unit = 0; unit < unit_count(); ++unit) {
    if (units_[unit].listed >= 0) {
      ranks[unit] = units_[unit].listed;
    } else {
      unlisted.push_back(unit);
      names.push_back(units_[unit].name);
    }
  }
  const std::vector<std::int32_t> collated = collation::Ranks(names);
  for (std::size_t k = 0; k < unlisted.size(); ++k) ranks[unlisted[k]] = listed_count_ + collated[k];
  auto made = std::make_shared<const std::vector<std::int32_t>>(std::move(ranks));
  listing_.Set(made);
  return made;
}

std::vector<UnitId> Observations::Children(UnitId unit) const {
  std::vector<UnitId> children;
  for (UnitId id = 0; id < unit_count(); ++id) {
    if (units_[id].parent == unit) children.push_back(id);
  }
  return children;
}

absl::Status Observations::Add(UnitId unit, std::string_view key, int year, const Reported& value) {
  return Put(unit, key, year, value, false);
}

absl::Status Observations::Replace(UnitId unit, std::string_view key, int year,
                                   const Reported& value) {
  return Put(unit, key, year, value, true);
}

absl::Status CheckYear(int year) {
  if (limits::IsYearInRange(year)) return absl::OkStatus();
  return absl::InvalidArgumentError(
      messages::Format("year $0 is not from $1 to $2", year, limits::kFirstYear, limits::kLastYear));
}

absl::StatusOr<Observations::Column*> Observations::ColumnFor(std::string_view key, int year) {
  if (absl::Status year_ok = CheckYear(year); !year_ok.ok()) return year_ok;
  auto it = columns_.find(std::pair<std::string_view, int>(key, year));
  if (it == columns_.end()) {
    it = columns_.emplace(std::make_pair(std::string(key), year), Column{}).first;
    column_generation_.Advance();
  }
  return &it->second;
}

absl::Status Observations::Add(Column& column, UnitId unit, const Reported& value) {
  if (unit < 0 || unit >= unit_count()) return absl::InvalidArgumentError(std::string(messages::Tr("no such unit")));
  if (value.kind == ReportKind::kNothing) return absl::OkStatus();
  const bool was_empty = column.kind(unit) == ReportKind::kNothing;
  absl::Status status = column.Set(unit, value, false);
  if (status.ok() && was_empty) ++value_count_;
  return status;
}

absl::Status Observations::Add(Column& column, UnitId unit, ScaledNumber number) {
  if (unit < 0 || unit >= unit_count()) return absl::InvalidArgumentError(std::string(messages::Tr("no such unit")));
  if (column.SetNew(unit, number)) {
    ++value_count_;
    return absl::OkStatus();
  }
  return Add(column, unit, Reported{ReportKind::kNumber, Decimal::FromScaled(number.mantissa, number.scale)});
}

absl::Status Observations::Put(UnitId unit, std::string_view key, int year, const Reported& value,
                               bool replace) {
  if (unit < 0 || unit >= unit_count()) return absl::InvalidArgumentError(std::string(messages::Tr("no such unit")));
  if (absl::Status year_ok = CheckYear(year); !year_ok.ok()) return year_ok;
  if (value.kind == ReportKind::kNothing && !replace) return absl::OkStatus();
  auto it = columns_.find(std::pair<std::string_view, int>(key, year));
  if (it == columns_.end()) {
    it = columns_.emplace(std::make_pair(std::string(key), year), Column{}).first;
    column_generation_.Advance();
  }
  const bool was_empty = it->second.kind(unit) == ReportKind::kNothing;
  absl::Status status = it->second.Set(unit, value, replace);
  const bool is_empty = it->second.kind(unit) == ReportKind::kNothing;
  if (status.ok() && was_empty && !is_empty) ++value_count_;
  if (status.ok() && !was_empty && is_empty) --value_count_;
  return status;
}

Reported Observations::Get(UnitId unit, std::string_view key, int year) const {
  const Column* column = FindColumn(key, year);
  return column == nullptr ? Reported{} : column->Get(unit);
}

std::uint64_t Observations::Generation::Next() {
  // Relaxed: only uniqueness matters, and copies and moves are not
  // concurrent with reads of the same object.
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

const Observations::Column* Observations::FindColumn(std::string_view key, int year) const {
  auto it = columns_.find(std::pair<std::string_view, int>(key, year));
  return it == columns_.end() ? nullptr : &it->second;
}

std::vector<std::pair<std::string, int>> Observations::Keys() const {
  std::vector<std::pair<std::string, int>> keys;
  for (const auto& [key, column] : columns_) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::size_t Observations::ColumnBytes() const {
  std::size_t bytes = 0;
  for (const auto& [key, column] : columns_) {
    bytes += column.scaled_.capacity() * sizeof(std::int64_t) + column.written_scales_.capacity() +
             column.kinds_.capacity() * sizeof(ReportKind) + column.wide_.capacity() * sizeof(Decimal);
  }
  return bytes;
}

}  // namespace healthact
