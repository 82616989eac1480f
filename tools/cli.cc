#include "cli.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "healthact/assess/aggregation.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/core/limits.hpp"
#include "healthact/assess/review.hpp"
#include "healthact/lang/framework_files.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/spreadsheet/xlsx.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::cli {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path) { return ReadTextFile(path); }


// Parses one file, printing its diagnostics to standard error.
ParsedFramework Load(const std::string& file) {
  absl::StatusOr<ParsedFramework> loaded = LoadFrameworkFile(file);
  if (!loaded.ok()) {
    std::cerr << "healthact: " << loaded.status().message() << "\n";
    return {};
  }
  ParsedFramework parsed = *std::move(loaded);
  for (const Diagnostic& diagnostic : parsed.diagnostics) {
    std::cerr << diagnostic.ToString() << "\n";
  }
  return parsed;
}

namespace {
// Switches take no value: --aggregate.
const std::vector<std::string> kSwitches = {"aggregate", "departments", "trial"};
}  // namespace

std::optional<Arguments> ParseArguments(const std::vector<std::string>& words,
                                        const std::vector<std::string>& known_flags) {
  Arguments arguments;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].starts_with("--")) {
      arguments.positional.push_back(words[i]);
      continue;
    }
    // --year 2022 or --year=2022.
    const std::size_t equals = words[i].find('=');
    const std::string name = words[i].substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    if (std::find(known_flags.begin(), known_flags.end(), name) == known_flags.end()) {
      std::cerr << "healthact: " << Format("unknown option --$0 (this command's options: --help)", name) << "\n";
      return std::nullopt;
    }
    // An option given twice is refused: which one was meant is not for the tool to guess.
    if (arguments.flags.count(name)) {
      std::cerr << "healthact: " << Format("--$0 is given twice", name) << "\n";
      return std::nullopt;
    }
    const bool is_switch = std::find(kSwitches.begin(), kSwitches.end(), name) != kSwitches.end();
    if (is_switch) {
      if (equals != std::string::npos) {
        std::cerr << "healthact: " << Format("--$0 takes no value", name) << "\n";
        return std::nullopt;
      }
      arguments.flags[name] = "yes";
      continue;
    }
    if (equals != std::string::npos) {
      arguments.flags[name] = words[i].substr(equals + 1);
      continue;
    }
    if (i + 1 >= words.size()) {
      std::cerr << "healthact: " << Format("--$0 needs a value", name) << "\n";
      return std::nullopt;
    }
    arguments.flags[name] = words[++i];
  }
  return arguments;
}

// Reads a data or units file into `observations`, printing its diagnostics.
namespace {

// Reads `file` with `read`, printing what it finds; false on an error.
template <typename ReadText>
bool ReadPrinting(const std::string& file, ReadText read) {
  absl::StatusOr<std::string> text = ReadFile(file);
  if (!text.ok()) {
    std::cerr << "healthact: " << text.status().message() << "\n";
    return false;
  }
  const std::vector<Diagnostic> diagnostics = read(*text);
  for (const Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
  return !HasErrors(diagnostics);
}

}  // namespace

bool LoadData(const std::string& file, const Framework* framework, bool units_file,
              Observations& observations) {
  // Offices keep their figures in Excel: a workbook's first sheet is read as
  // the CSV would be.
  if (std::filesystem::path(file).extension() == ".xlsx") {
    absl::StatusOr<std::string> bytes = ReadFile(file);
    absl::StatusOr<std::vector<Sheet>> sheets =
        bytes.ok() ? ReadXlsx(*bytes) : absl::StatusOr<std::vector<Sheet>>(bytes.status());
    if (!sheets.ok()) {
      std::cerr << "healthact: " << file << ": " << sheets.status().message() << "\n";
      return false;
    }
    const std::vector<Diagnostic> diagnostics =
        units_file ? ReadUnitsSheet(sheets->front(), file, observations)
                   : ReadObservationsSheet(sheets->front(), file, framework, observations);
    for (const Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
    return !HasErrors(diagnostics);
  }
  if (units_file) {
    return ReadPrinting(file, [&](const std::string& text) { return ReadUnitsCsv(text, file, observations); });
  }
  // A data file may be hundreds of megabytes: read mapped, not copied.
  const absl::StatusOr<std::vector<Diagnostic>> diagnostics = ReadObservationsFile(file, framework, observations);
  if (!diagnostics.ok()) {
    std::cerr << "healthact: " << diagnostics.status().message() << "\n";
    return false;
  }
  for (const Diagnostic& d : *diagnostics) std::cerr << d.ToString() << "\n";
  return !HasErrors(*diagnostics);
}

bool LoadVerified(const std::string& file, const Framework* framework, Observations& verified,
                  VerifiedNotes& notes) {
  return ReadPrinting(file, [&](const std::string& text) {
    return ReadVerifiedCsv(text, file, framework, verified, notes);
  });
}

// Loads FRAMEWORK and DATA and reads --year, --units, --level, --within;
// on failure returns the exit code.
std::variant<AssessmentInputs, int> LoadInputs(const Arguments& arguments, bool assessing) {
  const auto& flags = arguments.flags;
  AssessmentInputs inputs;
  inputs.parsed = Load(arguments.positional[0]);
  if (!inputs.parsed.ok()) return kExitInvalid;
  inputs.observations = std::make_shared<Observations>();
  if (flags.count("units") && !LoadData(flags.at("units"), nullptr, true, *inputs.observations)) {
    return kExitInvalid;
  }
  if (!LoadData(arguments.positional[1], inputs.parsed.framework.get(), false,
                *inputs.observations)) {
    return kExitInvalid;
  }
  if (flags.count("level")) {
    inputs.options.level = ParseUnitLevel(flags.at("level"));
    if (!inputs.options.level) {
      std::cerr << "healthact: " << Format("unknown level '$0' (市, 县区, 乡镇, 村 or 部门)", flags.at("level")) << "\n";
      return kExitUsage;
    }
  }
  if (flags.count("within")) {
    inputs.options.within = inputs.observations->FindUnit(flags.at("within"));
    if (!inputs.options.within) {
      std::cerr << "healthact: " << Format("no unit named '$0' in the data", flags.at("within")) << "\n";
      return kExitUsage;
    }
  }
  if (flags.count("year")) {
    try {
      std::size_t used = 0;
      inputs.year = std::stoi(flags.at("year"), &used);
      if (used != flags.at("year").size() || !limits::IsYearInRange(inputs.year)) {
        throw std::out_of_range("year");
      }
    } catch (const std::exception&) {
      std::cerr << "healthact: " << Format("--year takes a year from $0 to $1, like 2022", limits::kFirstYear, limits::kLastYear) << "\n";
      return kExitUsage;
    }
  }
  if (assessing && flags.count("year")) {
    // A year without targets, no unit, or a selection of none: nothing to rank.
    const absl::Status assessable = CheckAssessment(*inputs.parsed.framework, *inputs.observations,
                                                    inputs.year, inputs.options);
    if (!assessable.ok()) {
      std::cerr << "healthact: " << assessable.message() << "\n";
      return kExitInvalid;
    }
  }
  if (flags.count("aggregate")) {
    if (!flags.count("year")) {
      std::cerr << "healthact: " << Tr("--aggregate aggregates one year: give --year") << "\n";
      return kExitUsage;
    }
    // Parents' own values from their children's: ratios of sums, weighted rates.
    AggregationResult aggregated =
        AggregateUp(*inputs.parsed.framework, *inputs.observations, inputs.year);
    for (const AggregationNote& note : aggregated.notes) {
      std::cerr << "healthact: " << note.unit << " " << note.key << ": " << note.reason << "\n";
    }
    inputs.observations = std::move(aggregated.observations);
  }
  return inputs;
}

std::optional<std::pair<int, std::uint64_t>> SampleAndSeed(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  try {
    std::size_t used = 0;
    const int k = std::stoi(flags.at("sample"), &used);
    if (used != flags.at("sample").size() || k < 1) throw std::invalid_argument("sample");
    // The draw must be one anyone can repeat, so its seed is the clerk's to
    // state and the record's to keep; no seed is chosen silently.
    if (!flags.count("seed")) {
      std::cerr << "healthact: " << Tr("--sample needs --seed S (any whole number from 0, kept in the record), so that the draw can be repeated") << "\n";
      return std::nullopt;
    }
    const std::string& seed_text = flags.at("seed");
    const std::uint64_t seed = std::stoull(seed_text, &used);
    if (used != seed_text.size() || seed_text.starts_with('-')) throw std::invalid_argument("seed");
    return std::pair{k, seed};
  } catch (const std::exception&) {
    std::cerr << "healthact: " << Tr("--sample takes a number of units (at least 1) and --seed a whole number from 0") << "\n";
    return std::nullopt;
  }
}

std::optional<std::vector<UnitId>> DrawSample(const Arguments& arguments,
                                              const Assessment& assessment, std::uint64_t& seed) {
  const std::optional<std::pair<int, std::uint64_t>> asked = SampleAndSeed(arguments);
  if (!asked) return std::nullopt;
  seed = asked->second;
  if (asked->first > static_cast<int>(assessment.unit_count())) {
    std::cerr << "healthact: " << Format("--sample $0 asks for more units than the $1 assessed", asked->first, assessment.unit_count()) << "\n";
    return std::nullopt;
  }
  return ChooseForReview(assessment, asked->first, seed);
}

// Today's date, for `org` without --as-of (the tool may read the clock; the
// library never does).
Date Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// Writes `text` to --output, or to standard output without it.
int Emit(const std::string& text, const std::string& output) {
  if (output.empty()) {
    std::cout << text;
    return kExitOk;
  }
  // Written beside its name and renamed over it once complete: a process
  // killed in the middle leaves the old file, never half a report.
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      std::remove(partial.c_str());
      std::cerr << "healthact: " << Format("cannot write $0", output) << "\n";
      return kExitInvalid;
    }
  }
  if (std::rename(partial.c_str(), output.c_str()) != 0) {
    std::cerr << "healthact: " << Format("cannot write $0: $1", output, std::strerror(errno)) << "\n";
    std::remove(partial.c_str());
    return kExitInvalid;
  }
  return kExitOk;
}

int EmitSheets(const std::vector<Sheet>& sheets, const std::string& output) {
  if (output.empty()) {
    std::cerr << "healthact: " << Tr("--format xlsx needs --output FILE.xlsx") << "\n";
    return kExitUsage;
  }
  const absl::Status written = WriteXlsx(sheets, output);
  if (!written.ok()) {
    std::cerr << "healthact: " << written.message() << "\n";
    return kExitInvalid;
  }
  return kExitOk;
}

// The organisation of --org, or null; false when it cannot be read.
bool LoadOrganisation(const Arguments& arguments, std::shared_ptr<const Organisation>& organisation) {
  const auto& flags = arguments.flags;
  if (!flags.count("org")) return true;
  absl::StatusOr<std::string> text = ReadFile(flags.at("org"));
  if (!text.ok()) {
    std::cerr << "healthact: " << text.status().message() << "\n";
    return false;
  }
  ParsedOrganisation org = ParseOrganisation(*text, flags.at("org"));
  for (const Diagnostic& d : org.diagnostics) std::cerr << d.ToString() << "\n";
  if (!org.ok()) return false;
  organisation = org.organisation;
  return true;
}

}  // namespace healthact::cli
