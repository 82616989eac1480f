// An approved round's result (round_result.hpp).
#include "healthact/report/round_result.hpp"

#include "core/escape.hpp"
#include "core/strings.hpp"
#include "healthact/report/assessment_text.hpp"

namespace healthact {

using escape::JsonString;

Assessment AssessRound(const Round& round, std::shared_ptr<const Framework> framework,
                       std::shared_ptr<const Observations> observations) {
  AssessOptions options;
  options.targets = round.definition().targets_of ? TargetChoice::kInForce : TargetChoice::kOfTheYear;
  return Assess(std::move(framework), std::move(observations), round.definition().year, options);
}

std::string RoundResultJson(const Round& round, const Assessment& assessment) {
  const RoundDefinition& d = round.definition();
  const RoundStatus status = round.StatusAt();
  const bool trial = d.kind == RoundKind::kTrial;
  std::string accepted;
  for (const auto& [unit, submission] : round.AcceptedFigures()) {
    int revision = 0;
    for (int r = 1; round.Submission(unit, r) != nullptr; ++r) {
      if (round.Submission(unit, r) == submission) revision = r;
    }
    text::StrAppend(&accepted, accepted.empty() ? "" : ", ", "{\"unit\": ", JsonString(unit),
                    ", \"revision\": ", revision, ", \"figures_sha256\": ", JsonString(submission->sha256),
                    "}");
  }
  const std::string json = AssessmentToJson(assessment, Explanation::kAll);
  return text::StrCat(
      "{\"round\": {\"kind\": ", JsonString(trial ? "trial" : "official"), ", \"kind_name\": ",
      JsonString(trial ? "试考核" : "正式考核"), ", \"targets_of\": ",
      d.targets_of ? std::to_string(*d.targets_of) : std::string("null"), ", \"state\": ",
      JsonString(RoundStateName(status.state)), ", \"framework_sha256\": ", JsonString(d.framework_sha256),
      ", \"approved_by\": ", JsonString(status.approved_by), ", \"approved_at\": ",
      JsonString(status.approved_at ? status.approved_at->ToString() : ""), ", \"published_at\": ",
      JsonString(status.published_at ? status.published_at->ToString() : ""), ", \"events\": ",
      round.history().size(), ", \"accepted\": [", accepted, "]},\n ", json.substr(1));
}

std::string RoundResultCsv(const Round& round, const Assessment& assessment) {
  const std::string kind = round.definition().kind == RoundKind::kTrial ? "试考核" : "正式考核";
  const std::string csv = AssessmentToCsv(assessment, Explanation::kAll);
  std::string out;
  std::size_t start = 0;
  for (std::size_t end; (end = csv.find('\n', start)) != std::string::npos; start = end + 1) {
    text::StrAppend(&out, start == 0 ? "round_kind" : kind, ",", csv.substr(start, end - start + 1));
  }
  return out;
}

}  // namespace healthact
