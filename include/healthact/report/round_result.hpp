// An approved round's result for the cadre evaluation the seeds feed
// ("作为…领导干部综合考核评价、干部奖惩使用的重要参考"): every unit's score, rank
// and grade from its accepted figures (with the spot-check's verified values
// in their place, when the round was spot-checked), the assessment's
// decision record, and the round's record (official or trial, who approved it
// when, each unit's accepted revision, the spot-check and what it changed).
// A trial is marked in every row and object, so that it is never taken for
// an official result.  Pure functions; no I/O.
#ifndef HEALTHACT_ROUND_RESULT_HPP_
#define HEALTHACT_ROUND_RESULT_HPP_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "healthact/core/sheet.hpp"

#include "absl/status/statusor.h"
#include "healthact/assess/assessment.hpp"
#include "healthact/assess/review.hpp"
#include "healthact/round/round.hpp"

namespace healthact {

struct RoundResult {
  // On the accepted figures, judged as the round defines (its year's
  // targets, or for a trial the later year's it states); after a spot-check,
  // the review's recomputation on the verified values.
  Assessment assessment;
  std::optional<ReviewResult> review;  // the latest spot-check since the round last opened
};

// The round's result from its history; an error when a stored figure no
// longer reads under `framework` (the round's own).
absl::StatusOr<RoundResult> ComputeRoundResult(const Round& round,
                                               std::shared_ptr<const Framework> framework);

// {"round": {"kind": "trial" | "official", "kind_name": "试考核", "targets_of": 2022 | null,
//  "state": "已审定", "framework_sha256": …, "approved_by": …, "approved_at": …,
//  "published_at": …, "events": n, "accepted": [{"unit": …, "revision": 2,
//  "figures_sha256": …}], "review": null | {"by": …, "at": …, "group": [...],
//  "sample": [...], "seed": n, "discrepancies": [{"unit": …, "key": "23",
//  "reported": "76.8", "verified": "73.9", "before": "met", "after": "not_met",
//  "reviewer": "曹俊", "reason": "…"}]},
//  "overall_report": null | {"sha256": …, "steps": [{"action": "form" | "agree" | "send_up" |
//  "circulate" | "release", "name": "形成", "by": …, "at": …}]}},
//  …the fields of `healthact assess --format json`…}
std::string RoundResultJson(const Round& round, const RoundResult& result);
// `healthact assess --format csv` with a first column, round_kind: 试考核 or 正式考核.
std::string RoundResultCsv(const Round& round, const RoundResult& result);
// The assessment report's sheets (with the spot-check's), after a first
// sheet 考核轮次: the round's kind, state, approval and each unit's accepted
// revision.  Every sheet's name begins with 试考核 in a trial.
std::vector<Sheet> RoundResultSheets(const Round& round, const RoundResult& result);

}  // namespace healthact

#endif  // HEALTHACT_ROUND_RESULT_HPP_
