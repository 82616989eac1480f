// healthact assess and review.
#include "commands.hpp"

#include <algorithm>
#include <iostream>
#include <string>

#include "healthact/report/assessment_text.hpp"
#include "healthact/assess/department_assessment.hpp"
#include "healthact/assess/review.hpp"
#include "healthact/report/departments_report.hpp"

#include "cli.hpp"
#include "usage.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::cli {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

namespace {

// A streamed text's pieces, to standard output as they come.
void StandardOutput(std::string_view piece) { std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size())); }

// healthact assess … --departments: the committee's departments on their
// tasks and the indicators of the actions they lead (部门考核).
int AssessDepartmentsCommand(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  for (const char* flag : {"level", "within", "explain"}) {
    if (flags.count(flag)) {
      std::cerr << "healthact: " << Format("--$0 selects units; departments are assessed without it", flag) << "\n";
      return kExitUsage;
    }
  }
  if (!flags.count("org")) {
    std::cerr << "healthact: " << Tr("--departments needs the organisation (--org ORG.org.ha): its working groups and meetings' tasks are what departments are assessed on") << "\n";
    return kExitUsage;
  }
  const std::string format = flags.count("format") ? flags.at("format") : "markdown";
  if (format != "markdown" && format != "json" && format != "xlsx") {
    std::cerr << "healthact: " << Format("unknown format '$0' for --departments (markdown, json or xlsx)", format) << "\n";
    return kExitUsage;
  }
  DepartmentRequest request;
  if (flags.count("as-of")) {
    request.as_of = Date::Parse(flags.at("as-of"));
    if (!request.as_of) {
      std::cerr << "healthact: " << Tr("--as-of takes a date like 2022-12-31") << "\n";
      return kExitUsage;
    }
  }
  auto loaded = LoadInputs(arguments, /*assessing=*/false);
  if (const int* code = std::get_if<int>(&loaded)) return *code;
  const AssessmentInputs& inputs = std::get<AssessmentInputs>(loaded);
  request.framework = inputs.parsed.framework;
  request.observations = inputs.observations;
  request.year = inputs.year;
  if (flags.count("committee")) request.committee = flags.at("committee");
  if (!LoadOrganisation(arguments, request.organisation)) return kExitInvalid;
  const absl::StatusOr<DepartmentAssessment> assessed = AssessDepartments(request);
  if (!assessed.ok()) {
    std::cerr << "healthact: " << assessed.status().message() << "\n";
    return kExitInvalid;
  }
  const std::string output = flags.count("output") ? flags.at("output") : "";
  if (format == "json") return Emit(DepartmentsJson(*assessed), output);
  if (format == "markdown") return Emit(DepartmentsMarkdown(*assessed), output);
  return EmitSheets(DepartmentsSheets(*assessed), output);
}

}  // namespace

int Assess(const std::vector<std::string>& words) {
  const auto arguments =
      ParseArguments(words, {"year", "format", "level", "within", "units", "explain", "aggregate",
                             "departments", "org", "committee", "as-of", "output"});
  if (!arguments || arguments->positional.size() != 2 || !arguments->flags.count("year")) {
    std::cerr << UsageOf("assess");
    return kExitUsage;
  }
  if (arguments->flags.count("departments")) return AssessDepartmentsCommand(*arguments);
  for (const char* flag : {"org", "committee", "as-of", "output"}) {
    if (arguments->flags.count(flag)) {
      std::cerr << "healthact: " << Format("--$0 is for --departments", flag) << "\n";
      return kExitUsage;
    }
  }
  const auto& flags = arguments->flags;
  auto loaded = LoadInputs(*arguments);
  if (const int* code = std::get_if<int>(&loaded)) return *code;
  const AssessmentInputs& inputs = std::get<AssessmentInputs>(loaded);
  const std::string format = flags.count("format") ? flags.at("format") : "table";
  const std::string explain = flags.count("explain") ? flags.at("explain") : "all";
  if (explain != "all" && explain != "failures") {
    std::cerr << "healthact: " << Tr("--explain takes failures or all") << "\n";
    return kExitUsage;
  }
  const Explanation explanation =
      explain == "all" ? Explanation::kAll : Explanation::kFailures;
  const Assessment assessment = Assess(
      inputs.parsed.framework, inputs.observations, inputs.year, inputs.options);
  if (format == "table") {
    WriteAssessmentTable(assessment, StandardOutput);
  } else if (format == "json") {
    WriteAssessmentJson(assessment, explanation, StandardOutput);
  } else if (format == "csv") {
    WriteAssessmentCsv(assessment, explanation, StandardOutput);
  } else if (format == "markdown") {
    std::cout << AssessmentToMarkdown(assessment, explanation);
  } else if (format == "ranking") {
    // One unit a line, tab-separated: rank, unit, score, grade.
    for (std::size_t u : assessment.ranking()) {
      std::cout << assessment.rank(u) << "\t" << inputs.observations->unit_name(assessment.units()[u])
                << "\t" << assessment.score(u).ToString() << "\t" << assessment.grade(u) << "\n";
    }
  } else {
    std::cerr << "healthact: " << Format("unknown format '$0' (table, json, csv, markdown or ranking)", format) << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

int Review(const std::vector<std::string>& words) {
  const auto arguments =
      ParseArguments(words, {"year", "sample", "seed", "verified", "level", "within", "units"});
  if (arguments && !arguments->flags.count("sample") && !arguments->flags.count("verified")) {
    std::cerr << "healthact: " << Tr("review draws units (--sample K --seed S), compares verified values (--verified FILE), or both: give one") << "\n";
  }
  if (!arguments || arguments->positional.size() != 2 || !arguments->flags.count("year") ||
      (!arguments->flags.count("sample") && !arguments->flags.count("verified"))) {
    std::cerr << UsageOf("review");
    return kExitUsage;
  }
  const auto& flags = arguments->flags;
  auto loaded = LoadInputs(*arguments);
  if (const int* code = std::get_if<int>(&loaded)) return *code;
  const AssessmentInputs& inputs = std::get<AssessmentInputs>(loaded);
  const Assessment original = Assess(
      inputs.parsed.framework, inputs.observations, inputs.year, inputs.options);
  std::vector<UnitId> reviewed;
  if (flags.count("sample")) {
    std::uint64_t seed = 0;
    const std::optional<std::vector<UnitId>> drawn = DrawSample(*arguments, original, seed);
    if (!drawn) return kExitUsage;
    reviewed = *drawn;
    std::cout << Format("抽查单位（$0个，种子 $1）:", reviewed.size(), seed);
    for (UnitId unit : reviewed) std::cout << " " << inputs.observations->unit_name(unit);
    std::cout << "\n";
  }
  if (!flags.count("verified")) return kExitOk;
  Observations verified;
  VerifiedNotes notes;
  if (!LoadVerified(flags.at("verified"), inputs.parsed.framework.get(), verified, notes)) {
    return kExitInvalid;
  }
  if (!flags.count("sample")) reviewed = UnitsVerified(original, verified);
  // Verified values the review does not use are named, with the reason: a
  // clerk must not believe a figure was checked that was not.
  for (UnitId unit = 0; unit < verified.unit_count(); ++unit) {
    const std::string& name = verified.unit_name(unit);
    const std::optional<UnitId> known = original.observations().FindUnit(name);
    if (!known) {
      std::cerr << "healthact: " << Format("warning: the verified values of $0 are not used: no unit of that name is assessed", name) << "\n";
    } else if (std::find(reviewed.begin(), reviewed.end(), *known) == reviewed.end()) {
      std::cerr << "healthact: " << Format("warning: the verified values of $0 are not used: it was not drawn for the spot-check", name) << "\n";
    }
  }
  const ReviewResult review = Review(original, verified, reviewed, &notes);
  std::cout << Format("复核差异（$0处）:", review.discrepancies.size()) << "\n";
  for (const Discrepancy& d : review.discrepancies) {
    std::cout << "  " << d.unit << "  "
              << Format("指标 $0  报告 $1  核实 $2", d.key, d.reported.ToString(), d.verified.ToString())
              << "  " << VerdictStatusName(d.before) << " → " << VerdictStatusName(d.after)
              << (d.verdict_changed() ? Tr("  （结论改变）") : "")
              << (d.reviewer.empty() ? std::string() : Format("  核实人 $0", d.reviewer))
              << (d.reason.empty() ? std::string() : Format("  说明：$0", d.reason)) << "\n";
  }
  std::cout << "\n" << Tr("按核实值重新计算:") << "\n" << AssessmentToTable(review.recomputed);
  return kExitOk;
}

}  // namespace healthact::cli
