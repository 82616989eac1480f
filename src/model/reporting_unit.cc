#include "healthact/model/reporting_unit.hpp"

#include "model/vocabulary.hpp"

namespace healthact {

std::optional<UnitLevel> ParseUnitLevel(std::string_view text) {
  return vocabulary::Lookup(vocabulary::kUnitLevels, text);
}

std::string_view UnitLevelName(UnitLevel level) {
  if (level == UnitLevel::kUnspecified) return "";
  return vocabulary::Chinese(vocabulary::kUnitLevels, level);
}

}  // namespace healthact
