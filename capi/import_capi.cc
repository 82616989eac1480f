// hact_framework_import: an attachment table (text or CSV) into a framework,
// with a warning for everything the importer inferred.
#include <string>

#include "handles.hpp"
#include "healthact/import/table_import.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

using namespace healthact::capi;

extern "C" {

int32_t hact_framework_import(const char* table, size_t length, const char* file_name, int32_t format,
                              const hact_import_options* options, char** text, size_t* text_length,
                              hact_framework** framework, hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (text != nullptr) *text = nullptr;
    if (framework != nullptr) *framework = nullptr;
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (table == nullptr) return NullArgument("table");
    if (framework == nullptr) return NullArgument("framework");
    if (format != HACT_TABLE_TEXT && format != HACT_TABLE_CSV) {
      return Fail(HACT_ERROR_INVALID, Format("unknown table format $0 (HACT_TABLE_TEXT or HACT_TABLE_CSV)", std::to_string(format)));
    }
    const std::string_view input(table, length);
    if (const int32_t status = CheckUtf8(input, "table")) return status;
    if (const int32_t status = CheckUtf8(file_name, "file_name")) return status;
    healthact::ImportOptions chosen;
    if (options != nullptr) {
      if (options->struct_size < static_cast<int32_t>(sizeof(hact_import_options))) {
        return Fail(HACT_ERROR_ARGUMENT, std::string(Tr("options->struct_size is not sizeof(hact_import_options)")));
      }
      for (const auto& [value, name] : {std::pair{options->name, "name"}, std::pair{options->source, "source"},
                                        std::pair{options->locator, "locator"},
                                        std::pair{options->marked_fall_percent, "marked_fall_percent"}}) {
        if (const int32_t status = CheckUtf8(value, name)) return status;
      }
      if (options->name != nullptr) chosen.name = options->name;
      chosen.source = healthact::Citation{options->source != nullptr ? options->source : "",
                                          options->locator != nullptr ? options->locator : ""};
      if (options->marked_fall_percent != nullptr) {
        absl::StatusOr<healthact::Decimal> percent = healthact::Decimal::Parse(options->marked_fall_percent);
        if (!percent.ok()) {
          return Fail(HACT_ERROR_INVALID, Format("marked_fall_percent: $0", std::string(percent.status().message())));
        }
        chosen.trend_rules.marked_change_percent = *percent;
      }
      if (options->continuous_years < 0) return Fail(HACT_ERROR_INVALID, std::string(Tr("continuous_years is a number of years")));
      if (options->continuous_years > 0) chosen.trend_rules.continuous_years = options->continuous_years;
      if (options->baseline_year != 0) {
        if (absl::Status year_ok = healthact::CheckYear(options->baseline_year); !year_ok.ok()) {
          return Fail(HACT_ERROR_INVALID, Format("baseline_year: $0", std::string(year_ok.message())));
        }
        chosen.baseline_year = options->baseline_year;
      }
    }
    const std::string file = file_name != nullptr ? file_name : "<table>";
    healthact::TableRead read =
        format == HACT_TABLE_TEXT ? healthact::ReadTextTable(input, file) : healthact::ReadCsvTable(input, file);
    if (!read.ok()) return HandOver(std::move(read.diagnostics), false, diagnostics);
    healthact::ImportedFramework imported = healthact::ImportTable(read.table, chosen);
    std::vector<healthact::Diagnostic> found = std::move(read.diagnostics);
    found.insert(found.end(), imported.diagnostics.begin(), imported.diagnostics.end());
    // The text is handed over even when a cell has an error: it marks each for a clerk to fix.
    if (text != nullptr) {
      if (const int32_t status = CopyOut(imported.text, text, text_length)) return status;
    }
    const bool ok = imported.ok();
    if (const int32_t status = HandOver(std::move(found), ok, diagnostics)) return status;
    *framework = MakeFramework(std::move(imported.framework)).release();
    return HACT_OK;
  });
}

}  // extern "C"
