// The rules a whole indicator must keep, whatever source it came from: one
// kind of target across its years, values with one number per part, a unit
// for numbers, trends defined, and the warnings (a comparator against the
// direction, a share above the whole, a later target weaker).  The DSL's
// checker and the table importer both call these, each naming its own
// places: a text offset, a table cell.  Internal header.
#ifndef HEALTHACT_SRC_LANG_INDICATOR_RULES_HPP_
#define HEALTHACT_SRC_LANG_INDICATOR_RULES_HPP_

#include <cstddef>
#include <functional>
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "healthact/core/diagnostic.hpp"
#include "healthact/model/framework.hpp"

namespace healthact::dsl {

// The places of a value's items (one for each part), kept inline: a value
// has one or two.
using ItemPlaces = absl::InlinedVector<std::size_t, 2>;

// What an indicator says for each of its years, in the order they were
// first given: a flat map kept inline, since an indicator has two or three
// years (a map of nodes cost a quarter of checking a large framework).
template <typename Value>
class YearMap {
 public:
  using Entry = std::pair<int, Value>;
  using const_iterator = typename absl::InlinedVector<Entry, 3>::const_iterator;
  Value& operator[](int year) {
    for (Entry& entry : entries_) {
      if (entry.first == year) return entry.second;
    }
    return entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(year), std::forward_as_tuple()).second;
  }
  const_iterator find(int year) const {
    return std::find_if(entries_.begin(), entries_.end(), [year](const Entry& entry) { return entry.first == year; });
  }
  const_iterator end() const { return entries_.end(); }

 private:
  absl::InlinedVector<Entry, 3> entries_;
};

// Where the parts of one indicator were written, as places its source knows
// how to name (for the DSL an offset in the text; for a table a cell).
struct IndicatorSites {
  std::size_t head = 0;
  YearMap<std::size_t> target;        // year -> the target's place
  YearMap<ItemPlaces> target_items;  // year -> each part's place
  std::optional<std::size_t> baseline;
  // What reading already reported, so that it is not reported twice.
  bool target_failed = false;     // a target was written but had an error
  bool unit_failed = false;       // a unit was written but was not understood
  bool direction_failed = false;  // likewise for the direction

  std::size_t Target(int year) const;  // the year's target, else the head
};

// "9", "25", "25.1": what an indicator's (or part's) number may be.
bool IsWellFormedLabel(std::string_view label);

// Reports one diagnostic at a place of IndicatorSites.
using ReportAt = std::function<void(DiagnosticCode code, std::size_t place, std::string message)>;

// Fills each trend target's size (明显下降 by N %) and years (持续下降 N
// years) from the indicator's rules, else the framework's; an error where
// neither states them.
void ResolveTrends(Indicator& indicator, const TrendRules& framework_rules,
                   const IndicatorSites& sites, const ReportAt& report);

// The errors and warnings of a whole indicator (see above).
void CheckWholeIndicator(const Indicator& indicator, const IndicatorSites& sites,
                         const ReportAt& report);

}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_LANG_INDICATOR_RULES_HPP_
