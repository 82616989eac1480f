// A round's events as JSON lines (round.hpp).
#include "core/escape.hpp"
#include "core/overloaded.hpp"
#include "core/strings.hpp"
#include "healthact/round/round.hpp"

namespace healthact {
namespace {

using escape::JsonString;

std::string DefinitionJson(const RoundDefinition& d) {
  return text::StrCat(
      "{\"framework\": ", JsonString(d.framework), ", \"framework_sha256\": ", JsonString(d.framework_sha256),
      ", \"year\": ", d.year, ", \"kind\": ", JsonString(RoundKindKey(d.kind)),
      ", \"targets_of\": ", d.targets_of ? std::to_string(*d.targets_of) : std::string("null"),
      ", \"level\": ", d.level ? JsonString(UnitLevelName(*d.level)) : std::string("null"), ", \"within\": ",
      JsonString(d.within), ", \"units\": ", escape::JsonStringList(d.units), ", \"committee\": ", JsonString(d.committee),
      ", \"assessment_group\": ", escape::JsonStringList(d.assessment_group), ", \"deadline\": ",
      d.deadline ? JsonString(d.deadline->ToString()) : std::string("null"), "}");
}

}  // namespace

std::string RoundEventJson(std::int64_t seq, const RoundEvent& event) {
  std::string out = text::StrCat("{\"seq\": ", seq, ", \"at\": ", JsonString(event.at.ToString()), ", ");
  std::visit(
      Overloaded{
          [&](const RoundOpened& e) {
            text::StrAppend(&out, "\"event\": \"open\", \"by\": ", JsonString(e.by), ", \"definition\": ",
                            DefinitionJson(e.definition));
          },
          [&](const FiguresSubmitted& e) {
            text::StrAppend(&out, "\"event\": \"submit\", \"unit\": ", JsonString(e.unit), ", \"by\": ",
                            JsonString(e.by), ", \"document\": ", JsonString(e.document), ", \"figures\": ",
                            JsonString(e.figures), ", \"sha256\": ", JsonString(e.sha256));
          },
          [&](const SubmissionAccepted& e) {
            text::StrAppend(&out, "\"event\": \"accept\", \"unit\": ", JsonString(e.unit), ", \"revision\": ",
                            e.revision, ", \"by\": ", JsonString(e.by));
          },
          [&](const SubmissionReturned& e) {
            text::StrAppend(&out, "\"event\": \"return\", \"unit\": ", JsonString(e.unit), ", \"revision\": ",
                            e.revision, ", \"by\": ", JsonString(e.by), ", \"reason\": ", JsonString(e.reason));
          },
          [&](const FiguresReviewed& e) {
            text::StrAppend(&out, "\"event\": \"review\", \"by\": ", JsonString(e.by), ", \"group\": ",
                            escape::JsonStringList(e.group), ", \"sample\": ", escape::JsonStringList(e.sample), ", \"seed\": ", e.seed,
                            ", \"verified\": ", JsonString(e.verified), ", \"sha256\": ", JsonString(e.sha256));
          },
          [&](const RoundApproved& e) { text::StrAppend(&out, "\"event\": \"approve\", \"by\": ", JsonString(e.by)); },
          [&](const ApprovalWithdrawn& e) {
            text::StrAppend(&out, "\"event\": \"withdraw\", \"by\": ", JsonString(e.by), ", \"reason\": ",
                            JsonString(e.reason));
          },
          [&](const RoundPublished& e) { text::StrAppend(&out, "\"event\": \"publish\", \"by\": ", JsonString(e.by)); },
          [&](const RoundReopened& e) {
            text::StrAppend(&out, "\"event\": \"reopen\", \"by\": ", JsonString(e.by), ", \"reason\": ",
                            JsonString(e.reason));
          },
          [&](const UnitRoundReceived& e) {
            text::StrAppend(&out, "\"event\": \"receive\", \"unit\": ", JsonString(e.unit), ", \"by\": ",
                            JsonString(e.by), ", \"file_sha256\": ", JsonString(e.file_sha256), ", \"framework\": ",
                            JsonString(e.framework), ", \"year\": ", e.year, ", \"kind\": ",
                            JsonString(RoundKindKey(e.kind)), ", \"state\": ", JsonString(RoundStateName(e.state)),
                            ", \"approved_by\": ", JsonString(e.approved_by), ", \"result_csv\": ",
                            JsonString(e.result_csv));
          },
          [&](const OverallReportStep& e) {
            text::StrAppend(&out, "\"event\": \"report_", ReportActionKey(e.action), "\", \"by\": ", JsonString(e.by));
            if (e.action == ReportAction::kForm) {
              text::StrAppend(&out, ", \"text\": ", JsonString(e.text), ", \"sha256\": ", JsonString(e.sha256));
            }
          },
      },
      event.body);
  text::StrAppend(&out, ", \"name\": ", JsonString(RoundEventName(event.body)), "}");
  return out;
}

}  // namespace healthact
