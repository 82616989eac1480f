// Units of the indicators and their algebra.
//
// The documents state every indicator in one of a few units: 岁 (years),
// 小时 (hours), % (or the full-width ％), ‰, 1/10万 (per 100 000), 人 per
// 1000 residents (indicator 9, "每千常住人口……（人）"), and plain counts of
// persons, cases or items.  A MeasureUnit is one of those named units.  Its
// Dimension is what the unit measures, for the algebra of formulas:
// deaths (例) / live births (人) is a pure ratio, and a ratio × 1000 is per
// mille.  A formula whose Dimension differs from its indicator's unit is a
// type error; so is a % target on a ‰ indicator.
#ifndef HEALTHACT_MEASURE_UNIT_HPP_
#define HEALTHACT_MEASURE_UNIT_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace healthact {

// Exponents of the base quantities and a power-of-ten scale.  A value v of a
// quantity with scale s means v / 10^s of the unscaled quantity: % has scale
// 2, ‰ scale 3, 1/10万 scale 5.
struct Dimension {
  std::int8_t count = 0;  // persons, cases, items: all counts
  std::int8_t years = 0;
  std::int8_t hours = 0;
  std::int8_t scale = 0;  // log10 of the "per" factor

  friend bool operator==(const Dimension&, const Dimension&) = default;

  // deaths / births: exponents subtract, scales subtract.
  Dimension DividedBy(const Dimension& other) const;
  Dimension Times(const Dimension& other) const;
  // Multiplying a value by 10^k: the number grows, so its scale grows by k
  // (ratio × 1000 is per mille).
  Dimension ScaledBy(int power_of_ten) const;

  // For messages: "count/count×10^3".
  std::string ToString() const;
};

enum class MeasureUnit : std::int32_t {
  kYears = 0,               // 岁
  kHours = 1,               // 小时
  kPercent = 2,             // % and ％
  kPerMille = 3,            // ‰
  kPer100k = 4,             // 1/10万
  kPersonsPerThousand = 5,  // 人/千人: 每千常住人口……（人）
  kPersons = 6,             // 人 (a head count)
  kCases = 7,               // 例
  kItems = 8,               // 个
};

// The unit a document writes: "%", "％", "‰", "1/10万", "岁", "小时",
// "人/千人", "人", "例", "个".  nullopt for anything else.
std::optional<MeasureUnit> ParseMeasureUnit(std::string_view symbol);

// The canonical symbol: "%" for both % and ％.
std::string_view MeasureUnitSymbol(MeasureUnit unit);

// The unit's dimension in the algebra above.
Dimension MeasureUnitDimension(MeasureUnit unit);

// True for the units of a share (%, ‰, 1/10万, per thousand), where a value
// above the whole (100 %, 1000 ‰) is suspicious.
bool IsShare(MeasureUnit unit);

}  // namespace healthact

#endif  // HEALTHACT_MEASURE_UNIT_HPP_
