// healthact report assessment|monitoring|actions|overall: the reports the committee's office
// sends out, as Markdown, JSON, an HTML page or an .xlsx workbook.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli.hpp"
#include "usage.hpp"
#include "commands.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/assess/review.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/report/actions_report.hpp"
#include "healthact/report/overall_report.hpp"
#include "healthact/report/report.hpp"
#include "healthact/spreadsheet/xlsx.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::cli {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;
namespace {

bool KnownFormat(const std::string& format) {
  return format == "markdown" || format == "json" || format == "html" || format == "xlsx";
}

// The spot-check of --verified (and --sample), into `review`; 0, or the
// exit code of a failure.
int SpotCheck(const Arguments& arguments, const AssessmentInputs& inputs, const Assessment& assessment,
              std::optional<ReviewResult>& review) {
  const auto& flags = arguments.flags;
  if (!flags.count("verified")) return kExitOk;
  Observations verified;
  VerifiedNotes notes;
  if (!LoadVerified(flags.at("verified"), inputs.parsed.framework.get(), verified, notes)) {
    return kExitInvalid;
  }
  std::vector<UnitId> reviewed;
  if (flags.count("sample")) {
    std::uint64_t seed = 0;
    const std::optional<std::vector<UnitId>> drawn = DrawSample(arguments, assessment, seed);
    if (!drawn) return kExitUsage;
    reviewed = *drawn;
  } else {
    reviewed = UnitsVerified(assessment, verified);
  }
  review = Review(assessment, verified, reviewed, &notes);
  return kExitOk;
}

int AssessmentReport(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  auto loaded = LoadInputs(arguments);
  if (const int* code = std::get_if<int>(&loaded)) return *code;
  const AssessmentInputs& inputs = std::get<AssessmentInputs>(loaded);
  const Assessment assessment =
      Assess(inputs.parsed.framework, inputs.observations, inputs.year, inputs.options);
  std::optional<ReviewResult> review;
  if (const int code = SpotCheck(arguments, inputs, assessment, review)) return code;
  const ReviewResult* r = review ? &*review : nullptr;
  const std::string format = flags.at("format");
  const std::string output = flags.count("output") ? flags.at("output") : "";
  if (format == "markdown") return Emit(AssessmentReportMarkdown(assessment, r), output);
  if (format == "json") return Emit(AssessmentReportJson(assessment, r), output);
  if (format == "html") return Emit(AssessmentReportHtml(assessment, r), output);
  return EmitSheets(AssessmentReportSheets(assessment, r), output);
}

int MonitoringReportCommand(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  if (flags.count("aggregate")) {
    std::cerr << "healthact: " << Tr("--aggregate is for the assessment report") << "\n";
    return kExitUsage;
  }
  auto loaded = LoadInputs(arguments, /*assessing=*/false);
  if (const int* code = std::get_if<int>(&loaded)) return *code;
  const AssessmentInputs& inputs = std::get<AssessmentInputs>(loaded);
  MonitoringRequest request;
  request.framework = inputs.parsed.framework;
  request.observations = inputs.observations;
  request.options = inputs.options;
  if (!LoadOrganisation(arguments, request.organisation)) return kExitInvalid;
  if (request.organisation) request.as_of = Today();
  if (flags.count("as-of")) {
    request.as_of = Date::Parse(flags.at("as-of"));
    if (!request.as_of) {
      std::cerr << "healthact: " << Tr("--as-of takes a date like 2022-12-31") << "\n";
      return kExitUsage;
    }
  }
  const MonitoringReport report = BuildMonitoringReport(request);
  const std::string format = flags.at("format");
  const std::string output = flags.count("output") ? flags.at("output") : "";
  if (format == "markdown") return Emit(MonitoringReportMarkdown(report), output);
  if (format == "json") return Emit(MonitoringReportJson(report), output);
  if (format == "html") return Emit(MonitoringReportHtml(report), output);
  return EmitSheets(MonitoringReportSheets(report), output);
}

// The working groups' report asked for; 0, or the exit code of a failure.
int ActionsRequestOf(const Arguments& arguments, const AssessmentInputs& inputs,
                     ActionsRequest& request) {
  const auto& flags = arguments.flags;
  request.framework = inputs.parsed.framework;
  request.observations = inputs.observations;
  request.year = inputs.year;
  request.options = inputs.options;
  if (!LoadOrganisation(arguments, request.organisation)) return kExitInvalid;
  if (flags.count("as-of")) {
    request.as_of = Date::Parse(flags.at("as-of"));
    if (!request.as_of) {
      std::cerr << "healthact: " << Tr("--as-of takes a date like 2022-12-31") << "\n";
      return kExitUsage;
    }
  }
  if (flags.count("action")) {
    request.action = flags.at("action");
    const auto& actions = request.framework->actions();
    if (std::none_of(actions.begin(), actions.end(),
                     [&](const SpecialAction& a) { return a.name == *request.action; })) {
      std::cerr << "healthact: " << Format("the framework has no special action '$0'", *request.action) << "\n";
      return kExitInvalid;
    }
  }
  return kExitOk;
}

int ActionsReportCommand(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  const std::string format = flags.at("format");
  auto loaded = LoadInputs(arguments, /*assessing=*/false);
  if (const int* code = std::get_if<int>(&loaded)) return *code;
  const AssessmentInputs& inputs = std::get<AssessmentInputs>(loaded);
  ActionsRequest request;
  if (const int code = ActionsRequestOf(arguments, inputs, request)) return code;
  const ActionsReport report = BuildActionsReport(request);
  const std::string output = flags.count("output") ? flags.at("output") : "";
  if (format == "markdown") return Emit(ActionsReportMarkdown(report), output);
  if (format == "json") return Emit(ActionsReportJson(report), output);
  if (format == "html") return Emit(ActionsReportHtml(report), output);
  return EmitSheets(ActionsReportSheets(report), output);
}

// The office's overall report: the group reports, the ranking, the spot-check.
int OverallReportCommand(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  auto loaded = LoadInputs(arguments);  // the ranking needs the year's targets
  if (const int* code = std::get_if<int>(&loaded)) return *code;
  const AssessmentInputs& inputs = std::get<AssessmentInputs>(loaded);
  ActionsRequest request;
  if (const int code = ActionsRequestOf(arguments, inputs, request)) return code;
  const Assessment assessment =
      Assess(inputs.parsed.framework, inputs.observations, inputs.year, inputs.options);
  std::optional<ReviewResult> review;
  if (const int code = SpotCheck(arguments, inputs, assessment, review)) return code;
  const OverallReport report = BuildOverallReport(
      BuildActionsReport(request), BuildAssessmentReport(assessment, review ? &*review : nullptr));
  const std::string format = flags.at("format");
  const std::string output = flags.count("output") ? flags.at("output") : "";
  if (format == "markdown") return Emit(OverallReportMarkdown(report), output);
  if (format == "json") return Emit(OverallReportJson(report), output);
  if (format == "html") return Emit(OverallReportHtml(report), output);
  return EmitSheets(OverallReportSheets(report), output);
}

}  // namespace

int Report(const Words& words) {
  const auto arguments =
      ParseArguments(words, {"year", "format", "output", "units", "level", "within", "sample", "seed",
                             "verified", "org", "as-of", "aggregate", "action"});
  const bool assessment = arguments && !arguments->positional.empty() &&
                          arguments->positional[0] == "assessment";
  const bool monitoring = arguments && !arguments->positional.empty() &&
                          arguments->positional[0] == "monitoring";
  const bool actions = arguments && !arguments->positional.empty() &&
                       arguments->positional[0] == "actions";
  const bool overall = arguments && !arguments->positional.empty() &&
                       arguments->positional[0] == "overall";
  if (!arguments || (!assessment && !monitoring && !actions && !overall) ||
      arguments->positional.size() != 3 || !arguments->flags.count("format") ||
      !KnownFormat(arguments->flags.at("format")) ||
      ((assessment || actions || overall) && !arguments->flags.count("year"))) {
    std::cerr << UsageOf("report");
    return kExitUsage;
  }
  // The options each report reads; one it does not read is refused, not
  // ignored (report monitoring --year 2021 reported every year).
  static const std::map<std::string, std::vector<std::string>, std::less<>> kOptions = {
      {"assessment", {"year", "format", "output", "units", "level", "within", "sample", "seed", "verified", "aggregate"}},
      {"monitoring", {"format", "output", "units", "level", "within", "org", "as-of"}},
      {"actions", {"year", "format", "output", "units", "level", "within", "org", "as-of", "action", "aggregate"}},
      {"overall", {"year", "format", "output", "units", "level", "within", "org", "as-of", "action", "verified",
                   "sample", "seed", "aggregate"}},
  };
  const std::string& kind = arguments->positional[0];
  for (const auto& [flag, value] : arguments->flags) {
    const std::vector<std::string>& read = kOptions.at(kind);
    if (std::find(read.begin(), read.end(), flag) == read.end()) {
      std::cerr << "healthact: " << Format("report $0 does not use --$1$2", kind, flag, (kind == "monitoring" && flag == "year" ? " (it reports every year of the data)" : "")) << "\n";
      return kExitUsage;
    }
  }
  Arguments rest = *arguments;
  rest.positional.erase(rest.positional.begin());
  if (actions) return ActionsReportCommand(rest);
  if (overall) return OverallReportCommand(rest);
  return assessment ? AssessmentReport(rest) : MonitoringReportCommand(rest);
}

}  // namespace healthact::cli
