// An approved round's result (round_result.hpp).
#include "healthact/core/messages.hpp"
#include "healthact/report/round_result.hpp"

#include "core/escape.hpp"
#include "core/strings.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/report/assessment_text.hpp"
#include "healthact/report/report.hpp"

namespace healthact {
namespace {

using escape::JsonString;
using messages::Tr;

absl::Status ReadInto(const std::string& figures, std::string_view what, const Framework& framework,
                      Observations& observations) {
  if (HasErrors(ReadObservationsCsv(figures, what, &framework, observations))) {
    return absl::DataLossError(text::StrCat(what, " no longer read under the round's framework"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<RoundResult> ComputeRoundResult(const Round& round,
                                               std::shared_ptr<const Framework> framework) {
  auto observations = std::make_shared<Observations>();
  for (const auto& [unit, submission] : round.AcceptedFigures()) {
    if (absl::Status read = ReadInto(submission->figures, unit + "'s accepted figures", *framework,
                                     *observations);
        !read.ok()) {
      return read;
    }
  }
  AssessOptions options;
  options.targets = round.definition().targets_of ? TargetChoice::kInForce : TargetChoice::kOfTheYear;
  Assessment assessment = Assess(framework, observations, round.definition().year, options);
  const RoundStatus status = round.StatusAt();
  if (status.review == nullptr) return RoundResult{std::move(assessment), std::nullopt};
  Observations verified;
  VerifiedNotes notes;
  if (HasErrors(ReadVerifiedCsv(status.review->verified, Tr("the spot-check's verified values"), framework.get(),
                                verified, notes))) {
    return absl::DataLossError(std::string(Tr("the spot-check's verified values no longer read under the round's framework")));
  }
  std::vector<UnitId> sample;
  for (const std::string& unit : status.review->sample) {
    if (const std::optional<UnitId> id = observations->FindUnit(unit)) sample.push_back(*id);
  }
  ReviewResult review = Review(assessment, verified, sample, &notes);
  // A value whose row names no reviewer was verified by the one who recorded the spot-check.
  for (Discrepancy& x : review.discrepancies) {
    if (x.reviewer.empty()) x.reviewer = status.review->by;
  }
  Assessment recomputed = review.recomputed;
  return RoundResult{std::move(recomputed), std::move(review)};
}

std::string RoundResultJson(const Round& round, const RoundResult& result) {
  const RoundDefinition& d = round.definition();
  const RoundStatus status = round.StatusAt();
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
  std::string review = "null";
  if (result.review && status.review) {
    const FiguresReviewed& r = *status.review;
    review = text::StrCat("{\"by\": ", JsonString(r.by), ", \"at\": ", JsonString(status.reviewed_at->ToString()),
                          ", \"group\": ", escape::JsonStringList(r.group), ", \"sample\": ", escape::JsonStringList(r.sample),
                          ", \"seed\": ", r.seed, ", \"discrepancies\": [");
    for (std::size_t k = 0; k < result.review->discrepancies.size(); ++k) {
      const Discrepancy& x = result.review->discrepancies[k];
      text::StrAppend(&review, k > 0 ? ", " : "", "{\"unit\": ", JsonString(x.unit), ", \"key\": ",
                      JsonString(x.key), ", \"reported\": ", JsonString(x.reported.ToString()),
                      ", \"verified\": ", JsonString(x.verified.ToString()), ", \"before\": ",
                      JsonString(VerdictStatusName(x.before)), ", \"after\": ",
                      JsonString(VerdictStatusName(x.after)), ", \"reviewer\": ", JsonString(x.reviewer),
                      ", \"reason\": ", JsonString(x.reason), "}");
    }
    review += "]}";
  }
  std::string report = "null";
  if (status.report.formed != nullptr) {
    report = text::StrCat("{\"sha256\": ", JsonString(status.report.formed->sha256), ", \"steps\": [");
    bool first = true;
    for (const auto& [action, step] : status.report.steps) {
      text::StrAppend(&report, first ? "" : ", ", "{\"action\": ", JsonString(ReportActionKey(action)),
                      ", \"name\": ", JsonString(ReportActionName(action)), ", \"by\": ", JsonString(step.second),
                      ", \"at\": ", JsonString(step.first.ToString()), "}");
      first = false;
    }
    report += "]}";
  }
  const std::string json = AssessmentToJson(result.assessment, Explanation::kAll);
  return text::StrCat(
      "{\"round\": {\"kind\": ", JsonString(RoundKindKey(d.kind)), ", \"kind_name\": ",
      JsonString(RoundKindName(d.kind)), ", \"targets_of\": ",
      d.targets_of ? std::to_string(*d.targets_of) : std::string("null"), ", \"state\": ",
      JsonString(RoundStateName(status.state)), ", \"framework_sha256\": ", JsonString(d.framework_sha256),
      ", \"approved_by\": ", JsonString(status.approved_by), ", \"approved_at\": ",
      JsonString(status.approved_at ? status.approved_at->ToString() : ""), ", \"published_at\": ",
      JsonString(status.published_at ? status.published_at->ToString() : ""), ", \"events\": ",
      round.history().size(), ", \"accepted\": [", accepted, "], \"review\": ", review, ", \"overall_report\": ", report, "},\n ",
      json.substr(1));
}

std::string RoundResultCsv(const Round& round, const RoundResult& result) {
  const std::string_view kind = RoundKindName(round.definition().kind);
  const std::string csv = AssessmentToCsv(result.assessment, Explanation::kAll);
  std::string out;
  std::size_t start = 0;
  for (std::size_t end; (end = csv.find('\n', start)) != std::string::npos; start = end + 1) {
    text::StrAppend(&out, start == 0 ? "round_kind" : kind, ",", csv.substr(start, end - start + 1));
  }
  return out;
}

std::vector<Sheet> RoundResultSheets(const Round& round, const RoundResult& result) {
  const RoundDefinition& d = round.definition();
  const RoundStatus status = round.StatusAt();
  Sheet record{"考核轮次", {{"项目", "内容"}}};
  record.rows.push_back({"考核", text::StrCat(d.framework, " ", d.year, " 年")});
  record.rows.push_back({"类别", std::string(RoundKindName(d.kind))});
  if (d.targets_of) record.rows.push_back({"目标年度", std::to_string(*d.targets_of)});
  record.rows.push_back({"状态", std::string(RoundStateName(status.state))});
  record.rows.push_back({"审定", status.approved_at ? text::StrCat(status.approved_by, " ",
                                                                  status.approved_at->ToString())
                                                     : ""});
  record.rows.push_back({"通报", status.published_at ? status.published_at->ToString() : ""});
  for (const auto& [action, step] : status.report.steps) {
    record.rows.push_back({text::StrCat("综合报告", ReportActionName(action)),
                           text::StrCat(step.second, " ", step.first.ToString())});
  }
  record.rows.push_back({"框架 SHA-256", d.framework_sha256});
  for (const auto& [unit, submission] : round.AcceptedFigures()) {
    record.rows.push_back({text::StrCat(unit, " 受理的数据 SHA-256"), submission->sha256});
  }
  std::vector<Sheet> sheets = {std::move(record)};
  for (Sheet& sheet : AssessmentReportSheets(result.assessment, result.review ? &*result.review : nullptr)) {
    sheets.push_back(std::move(sheet));
  }
  if (d.kind == RoundKind::kTrial) {
    for (Sheet& sheet : sheets) sheet.name = std::string(RoundKindName(d.kind)) + sheet.name;
  }
  return sheets;
}

}  // namespace healthact
