// What the tool's commands share: reading files, flags, and loading a
// framework with its data.  The tool does the I/O; the library never does.
#ifndef HEALTHACT_TOOLS_CLI_HPP_
#define HEALTHACT_TOOLS_CLI_HPP_

#include <filesystem>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "healthact/assess/assessment.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "healthact/core/sheet.hpp"
#include "healthact/model/organisation.hpp"

namespace healthact::cli {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path);

// Parses one framework file, printing its diagnostics to standard error;
// 继承 names a file relative to the file that says it.
ParsedFramework Load(const std::string& file);

// Flags after the positional arguments: --name value.
struct Arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;
};
std::optional<Arguments> ParseArguments(const std::vector<std::string>& words,
                                        const std::vector<std::string>& known_flags);

// Reads a data or units file into `observations`, printing its diagnostics.
bool LoadData(const std::string& file, const Framework* framework, bool units_file,
              Observations& observations);
// Reads a spot-check's verified values and their notes, printing its diagnostics.
bool LoadVerified(const std::string& file, const Framework* framework, Observations& verified,
                  VerifiedNotes& notes);

// The framework, data and options that assess, review and report share.
struct AssessmentInputs {
  ParsedFramework parsed;
  std::shared_ptr<Observations> observations;
  AssessOptions options;
  int year = 0;
};
// Loads FRAMEWORK and DATA and reads --year (optional: 0 without it), --units,
// --level, --within, --aggregate (which needs --year); on failure returns
// the exit code.
// With `assessing`, --year must be a year the framework has targets for and
// the selection must hold a unit (CheckAssessment); monitoring reads any year.
std::variant<AssessmentInputs, int> LoadInputs(const Arguments& arguments, bool assessing = true);

// --sample K (at least 1) and --seed S (required: a draw must be repeatable); nullopt, with
// the message printed, when they are not whole numbers.
std::optional<std::pair<int, std::uint64_t>> SampleAndSeed(const Arguments& arguments);
// The spot-check's draw from them (S is set).
std::optional<std::vector<UnitId>> DrawSample(const Arguments& arguments,
                                              const Assessment& assessment, std::uint64_t& seed);

// Writes `text` to --output's FILE, or to standard output without one; the
// exit code.
int Emit(const std::string& text, const std::string& output);
// Writes a workbook to FILE (an .xlsx needs --output); the exit code.
int EmitSheets(const std::vector<Sheet>& sheets, const std::string& output);

// The organisation of --org, or null without it; false when it cannot be
// read (its diagnostics printed).
bool LoadOrganisation(const Arguments& arguments, std::shared_ptr<const Organisation>& organisation);

// Today's date (the tool may read the clock; the library never does).
Date Today();

}  // namespace healthact::cli

#endif  // HEALTHACT_TOOLS_CLI_HPP_
