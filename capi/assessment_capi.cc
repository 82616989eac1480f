// hact_assessment_*: an assessment of many units or of one, its ranking,
// verdicts (by indicator index or by number, parts included) and findings.
#include <string>

#include "handles.hpp"
#include "healthact/report/assessment_text.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

namespace healthact::capi {

std::unique_ptr<hact_assessment> WrapAssessment(Assessment assessment) {
  auto result = std::make_unique<hact_assessment>();
  result->assessment.emplace(std::move(assessment));
  const Assessment& a = *result->assessment;
  for (std::size_t u = 0; u < a.unit_count(); ++u) {
    result->scores.push_back(a.score(u).ToString());
    for (const Finding& finding : a.findings(u)) {
      std::string joined;
      for (const std::string& number : finding.indicators) joined += (joined.empty() ? "" : ",") + number;
      result->finding_indicators[u].push_back(std::move(joined));
    }
  }
  return result;
}

namespace {

int32_t MakeAssessment(const hact_framework* framework, std::shared_ptr<const Observations> data,
                       int32_t year, hact_assessment** out,
                       const AssessOptions& options = {}) {
  // No target can fall outside the range: such a year would only give an
  // assessment where everything is "not applicable", silently.
  if (absl::Status year_ok = CheckYear(year); !year_ok.ok()) {
    return Fail(HACT_ERROR_INVALID, std::string(year_ok.message()));
  }
  if (absl::Status assessable = CheckAssessment(*framework->framework, *data, year, options);
      !assessable.ok()) {
    return Fail(HACT_ERROR_INVALID, std::string(assessable.message()));
  }
  *out = WrapAssessment(Assess(framework->framework, std::move(data), year, options)).release();
  return HACT_OK;
}

// The verdict of unit u on indicator i (or its part), explained on first
// request and kept, so that the strings handed out live as long as the
// assessment.
const hact_assessment::ShownVerdict& ShowVerdict(const hact_assessment& assessment, std::size_t u,
                                                 std::size_t i, int32_t part) {
  std::lock_guard<std::mutex> lock(assessment.mutex);
  const auto key = std::make_tuple(u, i, part, healthact::CurrentLanguage());
  auto it = assessment.verdicts.find(key);
  if (it == assessment.verdicts.end()) {
    Verdict verdict = assessment.assessment->Explain(u, i);
    if (part >= 0 && static_cast<std::size_t>(part) < verdict.parts.size()) {
      Verdict chosen = verdict.parts[part];
      verdict = std::move(chosen);
    }
    std::string value = ValueText(verdict), target = TargetText(verdict), reason = ReasonText(verdict);
    it = assessment.verdicts
             .emplace(key, hact_assessment::ShownVerdict{std::move(verdict), std::move(value),
                                                         std::move(target), std::move(reason)})
             .first;
  }
  return it->second;
}

// The fields hact_verdict and hact_verdict_detail share.
template <typename Out>
void FillVerdict(const hact_assessment::ShownVerdict& shown, Out& out) {
  out.indicator = shown.verdict.indicator.c_str();
  out.status = static_cast<int32_t>(shown.verdict.status);
  out.value = shown.value.c_str();
  out.target = shown.target.c_str();
  out.reason = shown.reason.c_str();
}

}  // namespace
}  // namespace healthact::capi

using namespace healthact::capi;

extern "C" {

int32_t hact_assess(const hact_framework* framework, const hact_observations* observations,
                    int32_t year, hact_assessment** assessment) {
  return Guard([&] {
    if (assessment != nullptr) *assessment = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (assessment == nullptr) return NullArgument("assessment");
    return MakeAssessment(framework, observations->observations, year, assessment);
  });
}

int32_t hact_assess_with(const hact_framework* framework, const hact_observations* observations,
                         int32_t year, const hact_assess_options* options, hact_assessment** assessment) {
  return Guard([&] {
    if (assessment != nullptr) *assessment = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (assessment == nullptr) return NullArgument("assessment");
    healthact::AssessOptions chosen;
    // Fields are read only when the caller's struct is large enough to have them.
    const auto has = [&](std::size_t end) {
      return options != nullptr && options->struct_size >= static_cast<int32_t>(end);
    };
    if (options != nullptr && options->struct_size < static_cast<int32_t>(sizeof(int32_t))) {
      return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("options.struct_size is not set")));
    }
    if (has(offsetof(hact_assess_options, level) + sizeof(const char*))) {
      if (const int32_t status = CheckUtf8(options->level, "options.level")) return status;
    }
    if (has(offsetof(hact_assess_options, within) + sizeof(const char*))) {
      if (const int32_t status = CheckUtf8(options->within, "options.within")) return status;
    }
    if (has(offsetof(hact_assess_options, level) + sizeof(const char*)) && options->level != nullptr) {
      chosen.level = healthact::ParseUnitLevel(options->level);
      if (!chosen.level) {
        return Fail(HACT_ERROR_INVALID,
                    Format("unknown level $0 (市, 县区, 乡镇, 村 or 部门)", options->level));
      }
    }
    if (has(offsetof(hact_assess_options, within) + sizeof(const char*)) && options->within != nullptr) {
      chosen.within = observations->observations->FindUnit(options->within);
      if (!chosen.within) return Fail(HACT_ERROR_NOT_FOUND, Format("no unit named $0", options->within));
    }
    return MakeAssessment(framework, observations->observations, year, assessment, chosen);
  });
}
int32_t hact_validate_unit(const hact_framework* framework, const hact_observations* observations,
                           const char* unit, int32_t year, hact_assessment** assessment) {
  return Guard([&] {
    if (assessment != nullptr) *assessment = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (unit == nullptr) return NullArgument("unit");
    if (assessment == nullptr) return NullArgument("assessment");
    if (const int32_t status = CheckUtf8(unit, "unit")) return status;
    const healthact::Observations& all = *observations->observations;
    const std::optional<healthact::UnitId> id = all.FindUnit(unit);
    if (!id) return Fail(HACT_ERROR_NOT_FOUND, Format("no unit named $0", unit));
    // Observations of this unit alone (a vendor checking one unit's figures)
    // are assessed as they are: the copy-on-write snapshot, not a copy.
    if (all.unit_count() == 1) return MakeAssessment(framework, observations->observations, year, assessment);
    // Only this unit's reports, all years (trends look back).
    auto one = std::make_shared<healthact::Observations>();
    const healthact::UnitId copy = one->AddUnit(unit);
    for (const auto& [key, key_year] : all.Keys()) {
      const healthact::Reported reported = all.Get(*id, key, key_year);
      if (reported.kind != healthact::ReportKind::kNothing) (void)one->Add(copy, key, key_year, reported);
    }
    return MakeAssessment(framework, std::move(one), year, assessment);
  });
}

int32_t hact_assessment_create(const hact_framework* framework, const hact_observations* observations,
                               int32_t year, const hact_assess_options* options,
                               hact_assessment** assessment) {
  return options == nullptr ? hact_assess(framework, observations, year, assessment)
                            : hact_assess_with(framework, observations, year, options, assessment);
}

int32_t hact_assessment_create_for_unit(const hact_framework* framework,
                                        const hact_observations* observations, const char* unit,
                                        int32_t year, hact_assessment** assessment) {
  return hact_validate_unit(framework, observations, unit, year, assessment);
}

void hact_assessment_free(hact_assessment* assessment) { delete assessment; }

int32_t hact_assessment_unit_count(const hact_assessment* assessment, int32_t* count) {
  return Guard([&] {
    if (assessment == nullptr) return NullArgument("assessment");
    if (count == nullptr) return NullArgument("count");
    *count = static_cast<int32_t>(assessment->assessment->unit_count());
    return HACT_OK;
  });
}

namespace {

// Unit u's ranking columns, their strings the assessment's.
void FillUnitResult(const hact_assessment& assessment, std::size_t u, hact_unit_result& out) {
  const healthact::Assessment& a = *assessment.assessment;
  out.unit = a.observations().unit_name(a.units()[u]).c_str();
  out.score = assessment.scores[u].c_str();
  out.rank = a.rank(u);
  out.grade = a.grade(u).c_str();
}

}  // namespace

int32_t hact_assessment_unit(const hact_assessment* assessment, int32_t position, hact_unit_result* out) {
  return Guard([&] {
    if (assessment == nullptr) return NullArgument("assessment");
    if (out == nullptr) return NullArgument("out");
    std::size_t u = 0;
    if (const int32_t status = UnitAtPosition(*assessment->assessment, position, u)) return status;
    FillUnitResult(*assessment, u, *out);
    return HACT_OK;
  });
}

int32_t hact_assessment_units(const hact_assessment* assessment, int32_t first, int32_t count,
                              hact_unit_result* out) {
  return Guard([&] {
    if (assessment == nullptr) return NullArgument("assessment");
    if (out == nullptr && count != 0) return NullArgument("out");
    const healthact::Assessment& a = *assessment->assessment;
    // In 64 bits: first + count may pass INT32_MAX.
    const std::int64_t end = std::int64_t{first} + count;
    if (first < 0 || count < 0 || end > static_cast<std::int64_t>(a.unit_count())) {
      return Fail(HACT_ERROR_RANGE,
                  Format("units $0 to $1 are not within the $2 ranked", first, end, a.unit_count()));
    }
    const std::vector<std::size_t>& ranking = a.ranking();
    for (std::int32_t k = 0; k < count; ++k) FillUnitResult(*assessment, ranking[first + k], out[k]);
    return HACT_OK;
  });
}

int32_t hact_assessment_verdict(const hact_assessment* assessment, int32_t position, int32_t index,
                                hact_verdict* out) {
  return Guard([&] {
    if (assessment == nullptr) return NullArgument("assessment");
    if (out == nullptr) return NullArgument("out");
    const healthact::Assessment& a = *assessment->assessment;
    if (index < 0 || static_cast<std::size_t>(index) >= a.indicator_count()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("indicator index out of range")));
    }
    std::size_t u = 0;
    if (const int32_t status = UnitAtPosition(a, position, u)) return status;
    FillVerdict(ShowVerdict(*assessment, u, index, -1), *out);
    return HACT_OK;
  });
}

int32_t hact_assessment_indicator_count(const hact_assessment* assessment, int32_t* count) {
  return Guard([&] {
    if (assessment == nullptr) return NullArgument("assessment");
    if (count == nullptr) return NullArgument("count");
    *count = static_cast<int32_t>(assessment->assessment->indicator_count());
    return HACT_OK;
  });
}

int32_t hact_assessment_verdict_of(const hact_assessment* assessment, int32_t position,
                                   const char* indicator, hact_verdict_detail* out) {
  return Guard([&] {
    if (assessment == nullptr) return NullArgument("assessment");
    if (indicator == nullptr) return NullArgument("indicator");
    if (out == nullptr) return NullArgument("out");
    if (out->struct_size < static_cast<int32_t>(sizeof(hact_verdict_detail))) {
      return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("out->struct_size is not sizeof(hact_verdict_detail)")));
    }
    if (const int32_t status = CheckUtf8(indicator, "indicator")) return status;
    const healthact::Assessment& a = *assessment->assessment;
    std::size_t u = 0;
    if (const int32_t status = UnitAtPosition(a, position, u)) return status;
    const auto found = FindNumber(a.framework(), indicator);
    if (!found) {
      return Fail(HACT_ERROR_NOT_FOUND,
                  Format("the framework has no indicator or part $0", indicator));
    }
    const auto [index, part] = *found;
    const hact_assessment::ShownVerdict& shown = ShowVerdict(*assessment, u, index, part);
    const healthact::Indicator& info = a.framework().indicators()[index];
    FillVerdict(shown, *out);
    out->name = part < 0 ? info.name.c_str() : info.parts[part].name.c_str();
    out->part_count = static_cast<int32_t>(shown.verdict.parts.size());
    return HACT_OK;
  });
}

int32_t hact_assessment_finding_count(const hact_assessment* assessment, int32_t position,
                                      int32_t* count) {
  return Guard([&] {
    if (assessment == nullptr) return NullArgument("assessment");
    if (count == nullptr) return NullArgument("count");
    const healthact::Assessment& a = *assessment->assessment;
    std::size_t u = 0;
    if (const int32_t status = UnitAtPosition(a, position, u)) return status;
    *count = static_cast<int32_t>(a.findings(u).size());
    return HACT_OK;
  });
}

int32_t hact_assessment_finding(const hact_assessment* assessment, int32_t position, int32_t index,
                                hact_finding* out) {
  return Guard([&] {
    if (assessment == nullptr) return NullArgument("assessment");
    if (out == nullptr) return NullArgument("out");
    const healthact::Assessment& a = *assessment->assessment;
    std::size_t u = 0;
    if (const int32_t status = UnitAtPosition(a, position, u)) return status;
    const std::vector<healthact::Finding>& findings = a.findings(u);
    if (index < 0 || static_cast<std::size_t>(index) >= findings.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("finding index out of range")));
    }
    const healthact::Finding& finding = findings[index];
    out->kind = static_cast<int32_t>(finding.kind);
    out->rule = finding.rule.c_str();
    out->severity = finding.severity == healthact::Severity::kError ? HACT_SEVERITY_ERROR
                                                                     : HACT_SEVERITY_WARNING;
    out->indicators = assessment->finding_indicators.at(u)[index].c_str();
    out->message = finding.message.c_str();
    return HACT_OK;
  });
}

int32_t hact_assessment_json(const hact_assessment* assessment, int32_t failures_only, char** json) {
  return Guard([&] {
    if (json != nullptr) *json = nullptr;
    if (assessment == nullptr) return NullArgument("assessment");
    if (json == nullptr) return NullArgument("json");
    const std::string text = healthact::AssessmentToJson(
        *assessment->assessment,
        failures_only ? healthact::Explanation::kFailures : healthact::Explanation::kAll);
    return CopyOut(text, json, nullptr);
  });
}


}  // extern "C"
