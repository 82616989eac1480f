// healthact: the command-line tool for people who do not program.
//
//   healthact check FILE...     check frameworks; exit 0 when all are valid
//   healthact fmt FILE          print the canonical text of a framework
//   healthact summary FILE...   check and summarise frameworks
//   healthact assess FRAMEWORK DATA.csv --year Y [--format table|json|csv|markdown]
//                    [--level LEVEL] [--within UNIT] [--units UNITS.csv] [--explain failures|all]
//                    [--aggregate]
//   healthact org FILE [--as-of DATE] [--who POST | --department D | --group G]
//   healthact review FRAMEWORK DATA.csv --year Y [--sample K --seed S] [--verified VERIFIED.csv]
//                    [--level LEVEL] [--within UNIT] [--units UNITS.csv]
//
// The tool does the file I/O; the library never touches files.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <algorithm>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <variant>
#include <sstream>
#include <string>
#include <vector>

#include "healthact/aggregation.hpp"
#include "healthact/assessment.hpp"
#include "healthact/assessment_text.hpp"
#include "healthact/data_file.hpp"
#include "healthact/dsl.hpp"
#include "healthact/organisation_text.hpp"
#include "healthact/review.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

absl::StatusOr<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// 继承 "name" is a path relative to the file that says it.
healthact::ParseOptions FileOptions() {
  healthact::ParseOptions options;
  options.resolver = [](std::string_view name, std::string_view from_file)
      -> absl::StatusOr<healthact::FrameworkSource> {
    const fs::path path = fs::path(from_file).parent_path() / fs::path(std::string(name));
    absl::StatusOr<std::string> text = ReadFile(path);
    if (!text.ok()) return text.status();
    return healthact::FrameworkSource{path.lexically_normal().string(), *std::move(text)};
  };
  return options;
}

// Parses one file, printing its diagnostics to standard error.
healthact::ParsedFramework Load(const std::string& file) {
  healthact::ParsedFramework parsed;
  absl::StatusOr<std::string> text = ReadFile(file);
  if (!text.ok()) {
    std::cerr << "healthact: " << text.status().message() << "\n";
    return parsed;
  }
  parsed = healthact::ParseFramework(*text, file, FileOptions());
  for (const healthact::Diagnostic& diagnostic : parsed.diagnostics) {
    std::cerr << diagnostic.ToString() << "\n";
  }
  return parsed;
}

int Check(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const std::string& file : files) {
    if (!Load(file).ok()) status = kExitInvalid;
  }
  return status;
}

int Format(const std::vector<std::string>& files) {
  if (files.size() != 1) {
    std::cerr << "healthact fmt takes one file\n";
    return kExitUsage;
  }
  const healthact::ParsedFramework parsed = Load(files.front());
  if (!parsed.ok()) return kExitInvalid;
  std::cout << healthact::FormatFramework(*parsed.framework);
  return kExitOk;
}

void PrintSummary(const std::string& file, const healthact::Framework& framework) {
  std::cout << file << ": " << framework.name() << "\n";
  if (!framework.source().empty()) {
    std::cout << "  来源: " << framework.source().document << " " << framework.source().locator
              << "\n";
  }
  std::map<std::string, int> by_basis;
  std::vector<std::string> basis_order;
  int qualitative = 0, with_parts = 0, with_baseline = 0, targets = 0;
  for (const healthact::Indicator& indicator : framework.indicators()) {
    if (by_basis[indicator.basis]++ == 0) basis_order.push_back(indicator.basis);
    qualitative += indicator.is_qualitative();
    with_parts += !indicator.parts.empty();
    with_baseline += indicator.baseline.has_value();
    targets += static_cast<int>(indicator.targets.size());
  }
  std::cout << "  " << framework.indicators().size() << " indicators (" << qualitative
            << " qualitative, " << with_parts << " with parts, " << with_baseline
            << " with a baseline), " << targets << " targets for the years";
  for (int year : framework.TargetYears()) std::cout << " " << year;
  std::cout << "\n";
  for (const std::string& basis : basis_order) {
    std::cout << "  " << (basis.empty() ? "(no basis)" : basis) << ": " << by_basis[basis]
              << " indicators\n";
  }
  for (const healthact::Indicator& indicator : framework.indicators()) {
    std::cout << "  " << indicator.number << " " << indicator.name;
    if (indicator.unit) std::cout << " (" << healthact::UnitSymbol(*indicator.unit) << ")";
    if (indicator.baseline) {
      std::cout << "  基期" << indicator.baseline->year << ": "
                << healthact::BaselineText(indicator.baseline->value);
    }
    for (const healthact::Target& target : indicator.targets) {
      std::cout << "  " << target.year << ": " << healthact::TargetText(target.form);
    }
    std::cout << "\n";
  }
}

int Summary(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const std::string& file : files) {
    const healthact::ParsedFramework parsed = Load(file);
    if (!parsed.ok()) {
      status = kExitInvalid;
      continue;
    }
    PrintSummary(file, *parsed.framework);
  }
  return status;
}

// Flags after the positional arguments: --name value.
struct Arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;
};

// Switches take no value: --aggregate.
const std::vector<std::string> kSwitches = {"aggregate"};

std::optional<Arguments> ParseArguments(const std::vector<std::string>& words,
                                        const std::vector<std::string>& known_flags) {
  Arguments arguments;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].starts_with("--")) {
      arguments.positional.push_back(words[i]);
      continue;
    }
    const std::string name = words[i].substr(2);
    if (std::find(known_flags.begin(), known_flags.end(), name) == known_flags.end()) {
      std::cerr << "healthact: unknown option --" << name << "\n";
      return std::nullopt;
    }
    if (std::find(kSwitches.begin(), kSwitches.end(), name) != kSwitches.end()) {
      arguments.flags[name] = "yes";
      continue;
    }
    if (i + 1 >= words.size()) {
      std::cerr << "healthact: --" << name << " needs a value\n";
      return std::nullopt;
    }
    arguments.flags[name] = words[++i];
  }
  return arguments;
}

// Reads a data or units file into `observations`, printing its diagnostics.
bool LoadData(const std::string& file, const healthact::Framework* framework, bool units_file,
              healthact::Observations& observations) {
  absl::StatusOr<std::string> text = ReadFile(file);
  if (!text.ok()) {
    std::cerr << "healthact: " << text.status().message() << "\n";
    return false;
  }
  const std::vector<healthact::Diagnostic> diagnostics =
      units_file ? healthact::ReadUnitsCsv(*text, file, observations)
                 : healthact::ReadObservationsCsv(*text, file, framework, observations);
  for (const healthact::Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
  return !healthact::HasErrors(diagnostics);
}

// The framework, data and options that assess and review share.
struct AssessmentInputs {
  healthact::ParsedFramework parsed;
  std::shared_ptr<healthact::Observations> observations;
  healthact::AssessOptions options;
  int year = 0;
};

// Loads FRAMEWORK and DATA and reads --year, --units, --level, --within;
// on failure returns the exit code.
std::variant<AssessmentInputs, int> LoadInputs(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  AssessmentInputs inputs;
  inputs.parsed = Load(arguments.positional[0]);
  if (!inputs.parsed.ok()) return kExitInvalid;
  inputs.observations = std::make_shared<healthact::Observations>();
  if (flags.count("units") && !LoadData(flags.at("units"), nullptr, true, *inputs.observations)) {
    return kExitInvalid;
  }
  if (!LoadData(arguments.positional[1], inputs.parsed.framework.get(), false,
                *inputs.observations)) {
    return kExitInvalid;
  }
  if (flags.count("level")) {
    inputs.options.level = healthact::ParseUnitLevel(flags.at("level"));
    if (!inputs.options.level) {
      std::cerr << "healthact: unknown level '" << flags.at("level")
                << "' (市, 县区, 乡镇, 村 or 部门)\n";
      return kExitUsage;
    }
  }
  if (flags.count("within")) {
    inputs.options.within = inputs.observations->FindUnit(flags.at("within"));
    if (!inputs.options.within) {
      std::cerr << "healthact: no unit named '" << flags.at("within") << "' in the data\n";
      return kExitUsage;
    }
  }
  try {
    inputs.year = std::stoi(flags.at("year"));
  } catch (const std::exception&) {
    std::cerr << "healthact: --year takes a year, like 2022\n";
    return kExitUsage;
  }
  if (flags.count("aggregate")) {
    // Parents' own values from their children's: ratios of sums, weighted rates.
    healthact::AggregationResult aggregated =
        healthact::AggregateUp(*inputs.parsed.framework, *inputs.observations, inputs.year);
    for (const healthact::AggregationNote& note : aggregated.notes) {
      std::cerr << "healthact: " << note.unit << " " << note.key << ": " << note.reason << "\n";
    }
    inputs.observations = std::move(aggregated.observations);
  }
  return inputs;
}

int Assess(const std::vector<std::string>& words) {
  const auto arguments =
      ParseArguments(words, {"year", "format", "level", "within", "units", "explain", "aggregate"});
  if (!arguments || arguments->positional.size() != 2 || !arguments->flags.count("year")) {
    std::cerr << "usage: healthact assess FRAMEWORK.ha DATA.csv --year YEAR [--format "
                 "table|json|csv|markdown|ranking] [--level 县区|乡镇|…] [--within UNIT] [--units "
                 "UNITS.csv] [--explain failures|all] [--aggregate]\n";
    return kExitUsage;
  }
  const auto& flags = arguments->flags;
  auto loaded = LoadInputs(*arguments);
  if (const int* code = std::get_if<int>(&loaded)) return *code;
  const AssessmentInputs& inputs = std::get<AssessmentInputs>(loaded);
  const std::string format = flags.count("format") ? flags.at("format") : "table";
  const std::string explain = flags.count("explain") ? flags.at("explain") : "all";
  if (explain != "all" && explain != "failures") {
    std::cerr << "healthact: --explain takes failures or all\n";
    return kExitUsage;
  }
  const healthact::Explanation explanation =
      explain == "all" ? healthact::Explanation::kAll : healthact::Explanation::kFailures;
  const healthact::Assessment assessment = healthact::Assess(
      inputs.parsed.framework, inputs.observations, inputs.year, inputs.options);
  if (format == "table") {
    std::cout << healthact::AssessmentToTable(assessment);
  } else if (format == "json") {
    std::cout << healthact::AssessmentToJson(assessment, explanation);
  } else if (format == "csv") {
    std::cout << healthact::AssessmentToCsv(assessment, explanation);
  } else if (format == "markdown") {
    std::cout << healthact::AssessmentToMarkdown(assessment, explanation);
  } else if (format == "ranking") {
    // One unit a line, tab-separated: rank, unit, score, grade.
    for (std::size_t u : assessment.ranking()) {
      std::cout << assessment.rank(u) << "\t" << inputs.observations->unit_name(assessment.units()[u])
                << "\t" << assessment.score(u).ToString() << "\t" << assessment.grade(u) << "\n";
    }
  } else {
    std::cerr << "healthact: unknown format '" << format
              << "' (table, json, csv, markdown or ranking)\n";
    return kExitUsage;
  }
  return kExitOk;
}

int Review(const std::vector<std::string>& words) {
  const auto arguments =
      ParseArguments(words, {"year", "sample", "seed", "verified", "level", "within", "units"});
  if (!arguments || arguments->positional.size() != 2 || !arguments->flags.count("year") ||
      (!arguments->flags.count("sample") && !arguments->flags.count("verified"))) {
    std::cerr << "usage: healthact review FRAMEWORK.ha DATA.csv --year YEAR [--sample K --seed S] "
                 "[--verified VERIFIED.csv] [--level 县区|…] [--within UNIT] [--units UNITS.csv]\n";
    return kExitUsage;
  }
  const auto& flags = arguments->flags;
  auto loaded = LoadInputs(*arguments);
  if (const int* code = std::get_if<int>(&loaded)) return *code;
  const AssessmentInputs& inputs = std::get<AssessmentInputs>(loaded);
  const healthact::Assessment original = healthact::Assess(
      inputs.parsed.framework, inputs.observations, inputs.year, inputs.options);
  std::vector<healthact::UnitId> reviewed;
  if (flags.count("sample")) {
    int k = 0;
    std::uint64_t seed = 0;
    try {
      k = std::stoi(flags.at("sample"));
      seed = flags.count("seed") ? std::stoull(flags.at("seed")) : 0;
    } catch (const std::exception&) {
      std::cerr << "healthact: --sample and --seed take whole numbers\n";
      return kExitUsage;
    }
    reviewed = healthact::ChooseForReview(original, k, seed);
    std::cout << "抽查单位（" << reviewed.size() << "个，种子 " << seed << "）:";
    for (healthact::UnitId unit : reviewed) std::cout << " " << inputs.observations->unit_name(unit);
    std::cout << "\n";
  }
  if (!flags.count("verified")) return kExitOk;
  healthact::Observations verified;
  if (!LoadData(flags.at("verified"), inputs.parsed.framework.get(), false, verified)) {
    return kExitInvalid;
  }
  if (!flags.count("sample")) {
    for (healthact::UnitId unit : original.units()) {
      if (verified.FindUnit(inputs.observations->unit_name(unit))) reviewed.push_back(unit);
    }
  }
  const healthact::ReviewResult review = healthact::Review(original, verified, reviewed);
  std::cout << "复核差异（" << review.discrepancies.size() << "处）:\n";
  for (const healthact::Discrepancy& d : review.discrepancies) {
    std::cout << "  " << d.unit << "  指标 " << d.key << "  报告 " << d.reported.ToString()
              << "  核实 " << d.verified.ToString() << "  "
              << healthact::VerdictStatusName(d.before) << " → "
              << healthact::VerdictStatusName(d.after)
              << (d.verdict_changed() ? "  （结论改变）" : "") << "\n";
  }
  std::cout << "\n按核实值重新计算:\n" << healthact::AssessmentToTable(review.recomputed);
  return kExitOk;
}

// Today's date, for `org` without --as-of (the tool may read the clock; the
// library never does).
healthact::Date Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return healthact::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

void PrintSeat(const healthact::RosterEntry& entry) {
  std::cout << "  " << healthact::CommitteeRoleName(entry.role) << "  "
            << entry.person.value_or("（按职务，未列姓名）") << "  " << entry.post
            << (entry.concurrent ? "（兼）" : "") << "  [" << entry.department << "]\n";
}

int Org(const std::vector<std::string>& words) {
  const auto arguments = ParseArguments(words, {"as-of", "who", "department", "group"});
  if (!arguments || arguments->positional.size() != 1) {
    std::cerr << "usage: healthact org FILE [--as-of DATE] [--who POST | --department D | "
                 "--group G]\n";
    return kExitUsage;
  }
  const auto& flags = arguments->flags;
  absl::StatusOr<std::string> text = ReadFile(arguments->positional[0]);
  if (!text.ok()) {
    std::cerr << "healthact: " << text.status().message() << "\n";
    return kExitInvalid;
  }
  const healthact::ParsedOrganisation parsed =
      healthact::ParseOrganisation(*text, arguments->positional[0]);
  for (const healthact::Diagnostic& d : parsed.diagnostics) std::cerr << d.ToString() << "\n";
  if (!parsed.ok()) return kExitInvalid;
  healthact::Date date = Today();
  if (flags.count("as-of")) {
    const std::optional<healthact::Date> as_of = healthact::Date::Parse(flags.at("as-of"));
    if (!as_of) {
      std::cerr << "healthact: --as-of takes a date like 2021-03-01\n";
      return kExitUsage;
    }
    date = *as_of;
  }
  const healthact::Organisation& org = *parsed.organisation;
  for (const healthact::Committee& committee : org.committees) {
    std::cout << committee.name << "（" << committee.jurisdiction << "），" << date.ToString()
              << "\n";
    if (flags.count("who")) {
      const std::string& post = flags.at("who");
      std::cout << post << "：" << org.HolderOn(post, date).value_or("（无记录）") << "\n";
      for (const healthact::RosterEntry& entry : org.RosterOn(committee, date)) {
        if (entry.post == post) PrintSeat(entry);
      }
      continue;
    }
    std::string department;
    if (flags.count("group")) {
      for (const healthact::WorkingGroup& group : committee.working_groups) {
        if (group.action == flags.at("group")) department = group.lead_department;
      }
      if (department.empty()) {
        std::cout << "没有名为 " << flags.at("group") << " 的工作组\n";
        continue;
      }
      std::cout << flags.at("group") << "：牵头部门 " << department << "\n";
    }
    if (flags.count("department")) department = flags.at("department");
    if (!department.empty()) {
      const auto r = org.ResponsibilitiesOf(committee, department, date);
      std::cout << department << (r.seats_office ? "（推进委员会办公室设在此）" : "") << "\n";
      for (const healthact::RosterEntry& entry : r.seats) PrintSeat(entry);
      for (const std::string& group : r.groups_led) std::cout << "  牵头 " << group << "\n";
      for (const healthact::Task& task : r.open_tasks) {
        std::cout << "  未完成任务 " << task.description << "，期限 " << task.due.ToString() << "\n";
      }
      continue;
    }
    const auto roster = org.RosterOn(committee, date);
    for (const healthact::RosterEntry& entry : roster) PrintSeat(entry);
    const auto [approver_post, approver] = org.Approver(committee, date);
    std::cout << "办公室：设在 " << committee.office_department << "，主任 "
              << committee.office_director_post << "（"
              << org.HolderOn(committee.office_director_post, date).value_or("按职务") << "）\n"
              << "成员调整：由办公室提出，报主任（" << approver_post << "，"
              << approver.value_or("按职务") << "）批准\n"
              << "工作组 " << committee.working_groups.size() << " 个";
    if (committee.announced_working_groups != 0) {
      std::cout << "（方案提出 " << committee.announced_working_groups << " 项专项行动）";
    }
    std::cout << "\n";
    for (const auto& [meeting, task] : org.OverdueTasks(committee, date)) {
      std::cout << "逾期任务：" << task->description << "（" << task->owner << "，期限 "
                << task->due.ToString() << "，" << healthact::MeetingKindName(meeting->kind) << " "
                << meeting->date.ToString() << "）\n";
    }
  }
  return kExitOk;
}

void Usage() {
  std::cerr << "usage:\n"
               "  healthact check FILE...     check frameworks (exit 1 if any has an error)\n"
               "  healthact fmt FILE          print a framework's canonical text\n"
               "  healthact summary FILE...   check and summarise frameworks\n"
               "  healthact assess FRAMEWORK.ha DATA.csv --year YEAR [--format table|json|csv|markdown]\n"
               "                   [--level LEVEL] [--within UNIT] [--units UNITS.csv] [--explain failures|all]\n"
               "                   [--aggregate]\n"
               "  healthact org FILE.org.ha [--as-of DATE] [--who POST | --department D | --group G]\n"
               "  healthact review FRAMEWORK.ha DATA.csv --year YEAR [--sample K --seed S]\n"
               "                   [--verified VERIFIED.csv] [--level LEVEL] [--within UNIT] [--units UNITS.csv]\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    Usage();
    return kExitUsage;
  }
  const std::string command = argv[1];
  const std::vector<std::string> files(argv + 2, argv + argc);
  if (command == "check") return Check(files);
  if (command == "fmt") return Format(files);
  if (command == "summary") return Summary(files);
  if (command == "assess") return Assess(files);
  if (command == "review") return Review(files);
  if (command == "org") return Org(files);
  Usage();
  return kExitUsage;
}
