// The rule kernel: each rule of judgement, written once.  The explaining
// evaluator (evaluation.cc), the columnar fast path (assessment.cc), the
// checker and the importer all read these; the fast path differs only in
// the layout of its data (integers at a column's scale instead of exact
// rationals), which the templates below take as they come.
// Internal header: not installed.
#ifndef HEALTHACT_SRC_KERNEL_HPP_
#define HEALTHACT_SRC_KERNEL_HPP_

#include <cstddef>

#include "healthact/assess/assessment.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/data/observations.hpp"

namespace healthact::kernel {

// (Which trends fall, and how many years one reads, are facts of the model:
// IsFall, IsContinuous, IsMarked and TrendYearsBack in framework.hpp.)

// The verdict when a number is needed and the report is not one: nothing,
// 未统计 and 未建立 are missing, 待公布 pending, 实现/未实现 invalid.
constexpr VerdictStatus NonNumberStatus(ReportKind kind) {
  switch (kind) {
    case ReportKind::kPending: return VerdictStatus::kPending;
    case ReportKind::kAchieved:
    case ReportKind::kNotAchieved: return VerdictStatus::kInvalid;
    default: return VerdictStatus::kMissing;
  }
}

// The verdict of a report on a 实现 target: 实现 is met, 未实现 and 未建立
// are not, a number cannot be judged, nothing and 未统计 are missing.
constexpr VerdictStatus AchievementStatus(ReportKind kind) {
  switch (kind) {
    case ReportKind::kAchieved: return VerdictStatus::kMet;
    case ReportKind::kNotAchieved:
    case ReportKind::kNotEstablished: return VerdictStatus::kNotMet;
    case ReportKind::kPending: return VerdictStatus::kPending;
    case ReportKind::kNumber: return VerdictStatus::kInvalid;
    default: return VerdictStatus::kMissing;
  }
}

// A comparison's verdict on a number: met or not.
template <typename T>
constexpr VerdictStatus CompareStatus(Comparator comparator, const T& value, const T& target) {
  return Holds(comparator, value, target) ? VerdictStatus::kMet : VerdictStatus::kNotMet;
}

// An indicator of parts is as good as its worst part: invalid, then not met,
// then missing, then pending, then met.  (Not applicable never occurs in a
// part: a part has the indicator's target year.)
constexpr int PartSeverity(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kInvalid: return 4;
    case VerdictStatus::kNotMet: return 3;
    case VerdictStatus::kMissing: return 2;
    case VerdictStatus::kPending: return 1;
    default: return 0;
  }
}
constexpr VerdictStatus WorsePart(VerdictStatus a, VerdictStatus b) {
  return PartSeverity(b) > PartSeverity(a) ? b : a;
}

// A trend over values oldest first: whether it fell (or rose) every year.
template <typename T>
bool MovedEveryYear(bool fall, const T* values, std::size_t count) {
  for (std::size_t i = 1; i < count; ++i) {
    if (!(fall ? values[i] < values[i - 1] : values[i] > values[i - 1])) return false;
  }
  return true;
}

// A marked change: (before - now) / before (for a rise, now - before) is at
// least percent_numerator / percent_denominator per cent of the earlier
// value, which must be positive.  Compared without dividing.
template <typename T>
bool ChangedEnough(bool fall, const T& before, const T& now, const T& percent_numerator,
                   const T& percent_denominator) {
  if (!(before > 0)) return false;
  const T change = fall ? before - now : now - before;
  return change * 100 * percent_denominator >= percent_numerator * before;
}

}  // namespace healthact::kernel

#endif  // HEALTHACT_SRC_KERNEL_HPP_
