// An approved round's result for the cadre evaluation the seeds feed
// ("作为…领导干部综合考核评价、干部奖惩使用的重要参考"): every unit's score, rank
// and grade from its accepted figures, the assessment's decision record, and
// the round's record (official or trial, who approved it when, each unit's
// accepted revision).  A trial is marked in every row and object, so that it
// is never taken for an official result.  Pure functions; no I/O.
#ifndef HEALTHACT_ROUND_RESULT_HPP_
#define HEALTHACT_ROUND_RESULT_HPP_

#include <memory>
#include <string>

#include "healthact/assess/assessment.hpp"
#include "healthact/round/round.hpp"

namespace healthact {

// The units' accepted figures (`observations`) assessed as the round
// defines: its year, against its own targets, or for a trial stated to use a
// later year's, against the targets in force.
Assessment AssessRound(const Round& round, std::shared_ptr<const Framework> framework,
                       std::shared_ptr<const Observations> observations);

// {"round": {"kind": "trial" | "official", "kind_name": "试考核", "targets_of": 2022 | null,
//  "state": "已审定", "framework_sha256": …, "approved_by": …, "approved_at": …,
//  "published_at": …, "events": n, "accepted": [{"unit": …, "revision": 2,
//  "figures_sha256": …}]}, …the fields of `healthact assess --format json`…}
std::string RoundResultJson(const Round& round, const Assessment& assessment);
// `healthact assess --format csv` with a first column, round_kind: 试考核 or 正式考核.
std::string RoundResultCsv(const Round& round, const Assessment& assessment);

}  // namespace healthact

#endif  // HEALTHACT_ROUND_RESULT_HPP_
