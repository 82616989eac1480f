#include "healthact/core/measure_unit.hpp"

#include <array>
#include <utility>

#include "core/strings.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {
namespace {

struct UnitSpelling {
  std::string_view symbol;
  MeasureUnit unit;
};

// Every spelling the documents use.  The first spelling of each unit is the
// canonical one.
constexpr std::array<UnitSpelling, 18> kSpellings = {{
    {"岁", MeasureUnit::kYears},
    {"小时", MeasureUnit::kHours},
    {"%", MeasureUnit::kPercent},
    {"％", MeasureUnit::kPercent},
    {"‰", MeasureUnit::kPerMille},
    {"1/10万", MeasureUnit::kPer100k},
    {"人/千人", MeasureUnit::kPersonsPerThousand},
    {"人", MeasureUnit::kPersons},
    {"例", MeasureUnit::kCases},
    {"个", MeasureUnit::kItems},
    // The English words, for frameworks written in English (docs/dsl.md).
    {"years", MeasureUnit::kYears},
    {"hours", MeasureUnit::kHours},
    {"percent", MeasureUnit::kPercent},
    {"permille", MeasureUnit::kPerMille},
    {"per100k", MeasureUnit::kPer100k},
    {"persons", MeasureUnit::kPersons},
    {"cases", MeasureUnit::kCases},
    {"items", MeasureUnit::kItems},
}};

std::int8_t Narrow(int value) { return static_cast<std::int8_t>(value); }

}  // namespace

Dimension Dimension::DividedBy(const Dimension& other) const {
  return {Narrow(count - other.count), Narrow(years - other.years),
          Narrow(hours - other.hours), Narrow(scale - other.scale)};
}

Dimension Dimension::Times(const Dimension& other) const {
  return {Narrow(count + other.count), Narrow(years + other.years),
          Narrow(hours + other.hours), Narrow(scale + other.scale)};
}

Dimension Dimension::ScaledBy(int power_of_ten) const {
  Dimension scaled = *this;
  scaled.scale = Narrow(scale + power_of_ten);
  return scaled;
}

std::string Dimension::ToString() const {
  std::string out;
  const auto factor = [&](std::string_view name, int exponent) {
    if (exponent == 0) return;
    if (!out.empty()) out += "·";
    text::StrAppend(&out, name);
    if (exponent != 1) text::StrAppend(&out, "^", exponent);
  };
  // A dimension is named only in diagnostics, so in the reader's language.
  factor(messages::Tr("count"), count);
  factor(messages::Tr("years"), years);
  factor(messages::Tr("hours"), hours);
  if (out.empty()) out = messages::Tr("ratio");
  if (scale != 0) text::StrAppend(&out, " ×10^", static_cast<int>(scale));
  return out;
}

std::optional<MeasureUnit> ParseMeasureUnit(std::string_view symbol) {
  for (const UnitSpelling& spelling : kSpellings) {
    if (spelling.symbol == symbol) return spelling.unit;
  }
  return std::nullopt;
}

std::string_view MeasureUnitSymbol(MeasureUnit unit) {
  for (const UnitSpelling& spelling : kSpellings) {
    if (spelling.unit == unit) return spelling.symbol;
  }
  return "?";
}

Dimension MeasureUnitDimension(MeasureUnit unit) {
  switch (unit) {
    case MeasureUnit::kYears: return {0, 1, 0, 0};
    case MeasureUnit::kHours: return {0, 0, 1, 0};
    case MeasureUnit::kPercent: return {0, 0, 0, 2};
    case MeasureUnit::kPerMille: return {0, 0, 0, 3};
    case MeasureUnit::kPer100k: return {0, 0, 0, 5};
    // Doctors per thousand residents: persons / persons × 1000.
    case MeasureUnit::kPersonsPerThousand: return {0, 0, 0, 3};
    case MeasureUnit::kPersons:
    case MeasureUnit::kCases:
    case MeasureUnit::kItems: return {1, 0, 0, 0};
  }
  return {};
}

bool IsShare(MeasureUnit unit) {
  const Dimension d = MeasureUnitDimension(unit);
  return d.count == 0 && d.years == 0 && d.hours == 0 && d.scale > 0;
}

}  // namespace healthact
