// Reporting units (填报单位): the bodies that report figures and are
// assessed — a city, its counties and districts, their townships and
// villages, and departments.  Not to be confused with a unit of measure
// (岁, %: unit.hpp).
#ifndef HEALTHACT_REPORTING_UNIT_HPP_
#define HEALTHACT_REPORTING_UNIT_HPP_

#include <cstdint>
#include <optional>
#include <string_view>

namespace healthact {

// The kind of body that reports: levels of the jurisdiction tree and
// departments.
enum class UnitLevel : std::int32_t {
  kUnspecified = 0,
  kCity = 1,        // 市
  kCounty = 2,      // 县区 (county or district)
  kTownship = 3,    // 乡镇 (township or street)
  kVillage = 4,     // 村 (village or community)
  kDepartment = 5,  // 部门
};
std::optional<UnitLevel> ParseUnitLevel(std::string_view text);  // "县区", "county", …
std::string_view UnitLevelName(UnitLevel level);                  // "县区"

// A reporting unit's number in one Observations (observations.hpp).
using UnitId = std::int32_t;

}  // namespace healthact

#endif  // HEALTHACT_REPORTING_UNIT_HPP_
