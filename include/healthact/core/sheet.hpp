// A sheet of a spreadsheet as plain text cells: what the .xlsx reader gives
// and what the report's spreadsheet view is made of.  The cells are the text
// a clerk sees; numbers stay decimal strings so that nothing passes through
// binary floating point.
#ifndef HEALTHACT_SHEET_HPP_
#define HEALTHACT_SHEET_HPP_

#include <string>
#include <vector>

namespace healthact {

struct Sheet {
  std::string name;  // 排名, 结论, …
  std::vector<std::vector<std::string>> rows;
};

}  // namespace healthact

#endif  // HEALTHACT_SHEET_HPP_
