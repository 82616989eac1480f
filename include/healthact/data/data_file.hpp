// Reading reported values and the jurisdiction tree from the CSV files that
// clerks keep.  The library reads text, not files: the caller passes the
// file's content and its name (for diagnostics).
//
// Reported values (UTF-8, one value a row; columns in any order, named in
// English or Chinese):
//   unit,indicator,year,value[,parent][,level]
//   甘州区,1,2022,74.8
//   甘州区,25.2,2022,72
//   甘州区,婴儿死亡数,2022,23
//   甘州区,11,2022,实现
// `indicator` is an indicator's number, a part's number or a count's name;
// `value` is as ParseReported reads it; `parent` and `level` (市, 县区, 乡镇,
// 村, 部门) place the unit in the jurisdiction tree.  Lines starting with '#'
// are comments.
//
// The jurisdiction tree on its own:
//   unit,parent,level
//   张掖市,,市
//   甘州区,张掖市,县区
//
// Values verified by a spot-check (复核) are reported values with two more
// optional columns: who verified the value and why it differs from the
// figure reported.
//   unit,indicator,year,value,reviewer,reason
//   甘州区,23,2022,73.9,曹俊,随访记录核减 2.9 个百分点
// (核实人, 核实说明 or 说明 in Chinese.)
#ifndef HEALTHACT_DATA_FILE_HPP_
#define HEALTHACT_DATA_FILE_HPP_

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "healthact/core/diagnostic.hpp"
#include "absl/status/statusor.h"
#include "healthact/core/sheet.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/data/observations.hpp"

namespace healthact {

// The keys a data file may use with `framework`: its indicator numbers ("9"),
// part numbers ("25.1") and count names.
std::set<std::string, std::less<>> FrameworkKeys(const Framework& framework);

// Adds the file's values to `into`.  With a framework, every key must name one
// of its indicators, parts or counts.  Every problem is reported (file, line,
// column); rows with a problem are skipped, the others are kept.
std::vector<Diagnostic> ReadObservationsCsv(std::string_view text, std::string_view file_name,
                                            const Framework* framework, Observations& into);

// As ReadObservationsCsv, for the CSV file at `path`, which is mapped, not
// copied: the pages each pass over it has left behind go back to the kernel,
// so that a large file's size hardly adds to the peak memory of reading it
// (a pipe or device is read whole).  An error when the file cannot be opened
// or read; otherwise the diagnostics, with the path as the file name.
absl::StatusOr<std::vector<Diagnostic>> ReadObservationsFile(const std::filesystem::path& path,
                                                              const Framework* framework, Observations& into);

// What a spot-check's file says of one verified value.
struct VerifiedNote {
  std::string reviewer;  // "" when the file does not say
  std::string reason;    // "" when the file does not say
  int line = 0;          // of its row in the file
};
// By unit, key as the file writes it (an indicator's number stands for all
// its parts) and year.
using VerifiedNotes = std::map<std::tuple<std::string, std::string, int>, VerifiedNote, std::less<>>;

// As ReadObservationsCsv, for a spreadsheet's sheet (an .xlsx file read by
// ReadXlsx): the first row not blank is the header; rows and columns in
// diagnostics are the sheet's own (line 3, column 2 is cell B3).
std::vector<Diagnostic> ReadObservationsSheet(const Sheet& sheet, std::string_view file_name,
                                              const Framework* framework, Observations& into);

// As ReadObservationsCsv, for verified values; each row's reviewer and
// reason (empty when it does not state them) and line go to `notes`.
std::vector<Diagnostic> ReadVerifiedCsv(std::string_view text, std::string_view file_name,
                                        const Framework* framework, Observations& into,
                                        VerifiedNotes& notes);

// Adds units, their parents and levels to `into`.
std::vector<Diagnostic> ReadUnitsCsv(std::string_view text, std::string_view file_name,
                                     Observations& into);
// The same from a sheet, as ReadObservationsSheet reads one.
std::vector<Diagnostic> ReadUnitsSheet(const Sheet& sheet, std::string_view file_name, Observations& into);

}  // namespace healthact

#endif  // HEALTHACT_DATA_FILE_HPP_
