// healthact import-table: an indicator table (seed text, CSV or .xlsx) in,
// framework text out on standard output, warnings on standard error.
#include <filesystem>
#include <iostream>
#include <string>

#include "cli.hpp"
#include "usage.hpp"
#include "commands.hpp"
#include "healthact/spreadsheet/xlsx.hpp"
#include "healthact/import/table_import.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::cli {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;
namespace {

// The table in FILE, by its extension: .csv, .xlsx (the sheet named by
// --sheet, else the first), anything else the seeds' text form.
std::optional<TableRead> ReadTable(const std::string& file, const std::string& sheet_name) {
  absl::StatusOr<std::string> bytes = ReadFile(file);
  if (!bytes.ok()) {
    std::cerr << "healthact: " << bytes.status().message() << "\n";
    return std::nullopt;
  }
  const std::string extension = std::filesystem::path(file).extension().string();
  if (extension == ".csv") return ReadCsvTable(*bytes, file);
  if (extension != ".xlsx") return ReadTextTable(*bytes, file);
  absl::StatusOr<std::vector<Sheet>> sheets = ReadXlsx(*bytes);
  if (!sheets.ok()) {
    std::cerr << "healthact: " << file << ": " << sheets.status().message() << "\n";
    return std::nullopt;
  }
  for (const Sheet& sheet : *sheets) {
    if (sheet_name.empty() || sheet.name == sheet_name) return TableFromSheet(sheet, file);
  }
  std::cerr << "healthact: " << Format("$0 has no sheet named '$1'", file, sheet_name) << "\n";
  return std::nullopt;
}

}  // namespace

int ImportTable(const Words& words) {
  const auto arguments = ParseArguments(
      words, {"name", "source", "locator", "marked-fall", "continuous-years", "sheet", "baseline-year"});
  if (!arguments || arguments->positional.size() != 1) {
    std::cerr << UsageOf("import-table");
    return kExitUsage;
  }
  const auto& flags = arguments->flags;
  const auto flag = [&](const std::string& name) {
    return flags.count(name) ? flags.at(name) : std::string();
  };
  ImportOptions options;
  options.name = flag("name");
  options.source = Citation{flag("source"), flag("locator")};
  if (flags.count("marked-fall")) {
    std::string percent = flag("marked-fall");
    if (percent.ends_with("%")) percent.pop_back();
    absl::StatusOr<Decimal> value = Decimal::Parse(percent);
    if (!value.ok()) {
      std::cerr << "healthact: " << Tr("--marked-fall takes a percentage, like 10%") << "\n";
      return kExitUsage;
    }
    options.trend_rules.marked_change_percent = *value;
  }
  if (flags.count("continuous-years")) {
    try {
      options.trend_rules.continuous_years = std::stoi(flag("continuous-years"));
    } catch (const std::exception&) {
      std::cerr << "healthact: " << Tr("--continuous-years takes a whole number of years") << "\n";
      return kExitUsage;
    }
  }
  if (flags.count("baseline-year")) {
    try {
      std::size_t used = 0;
      const int year = std::stoi(flag("baseline-year"), &used);
      if (used != flag("baseline-year").size() || !CheckYear(year).ok()) throw std::out_of_range("year");
      options.baseline_year = year;
    } catch (const std::exception&) {
      std::cerr << "healthact: " << Tr("--baseline-year takes a year from 1949 to 2100, like 2019") << "\n";
      return kExitUsage;
    }
  }
  const std::optional<TableRead> read = ReadTable(arguments->positional[0], flag("sheet"));
  if (!read) return kExitInvalid;
  for (const Diagnostic& d : read->diagnostics) std::cerr << d.ToString() << "\n";
  if (!read->ok()) return kExitInvalid;
  const ImportedFramework imported = ImportTable(read->table, options);
  for (const Diagnostic& d : imported.diagnostics) std::cerr << d.ToString() << "\n";
  if (!imported.text.empty()) std::cout << imported.text;
  return imported.ok() ? kExitOk : kExitInvalid;
}

}  // namespace healthact::cli
