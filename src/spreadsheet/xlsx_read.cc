// Reading .xlsx with libzip (the package) and pugixml (its XML parts).
#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "healthact/core/messages.hpp"
#include "healthact/spreadsheet/xlsx.hpp"
#include "pugixml.hpp"

namespace healthact {
namespace {

using messages::Format;
using messages::Tr;

constexpr zip_uint64_t kMaxPartBytes = 64u << 20;

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ZipCloser>;

// One part of the package, unpacked; NotFound when absent.
absl::StatusOr<std::string> ReadPart(zip_t* archive, const std::string& name) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, name.c_str(), 0, &stat) != 0) {
    return absl::NotFoundError(Format("the workbook has no part $0", name));
  }
  if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > kMaxPartBytes) {
    return absl::InvalidArgumentError(Format("$0 is larger than 64 MiB unpacked", name));
  }
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (file == nullptr) return absl::InvalidArgumentError(Format("cannot unpack $0", name));
  std::string data(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t got = zip_fread(file, data.data(), stat.size);
  zip_fclose(file);
  if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
    return absl::InvalidArgumentError(Format("cannot unpack $0: the file is damaged", name));
  }
  return data;
}

absl::StatusOr<pugi::xml_document> ParsePart(zip_t* archive, const std::string& name) {
  absl::StatusOr<std::string> data = ReadPart(archive, name);
  if (!data.ok()) return data.status();
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(data->data(), data->size());
  if (!parsed) {
    return absl::InvalidArgumentError(Format("$0 is not well-formed XML: $1", name, parsed.description()));
  }
  return document;
}

// The text of every <t> under a string item, skipping phonetic runs (<rPh>).
std::string StringItemText(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node child : item.children()) {
    const std::string_view name = child.name();
    if (name == "t") {
      out += child.text().get();
    } else if (name == "r") {
      out += child.child("t").text().get();
    }
  }
  return out;
}

// "AB12" → column index 27 (0-based); -1 if malformed.
int ColumnIndex(std::string_view reference) {
  int column = 0;
  std::size_t i = 0;
  while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z') {
    column = column * 26 + (reference[i] - 'A' + 1);
    if (column > 16384) return -1;
    ++i;
  }
  return i == 0 ? -1 : column - 1;
}

// A stored number as Excel shows it: at most 15 significant digits, no
// exponent, no trailing zeros ("74.599999999999994" → "74.6", "1E-3" → "0.001").
std::string NumberText(std::string_view stored) {
  bool negative = false;
  std::size_t i = 0;
  if (i < stored.size() && (stored[i] == '-' || stored[i] == '+')) negative = stored[i++] == '-';
  std::string digits;
  int point = -1;  // digits before the decimal point
  for (; i < stored.size() && stored[i] != 'E' && stored[i] != 'e'; ++i) {
    if (stored[i] == '.') {
      point = static_cast<int>(digits.size());
    } else if (stored[i] >= '0' && stored[i] <= '9') {
      digits += stored[i];
    } else {
      return std::string(stored);  // not a number: keep it as written
    }
  }
  if (point < 0) point = static_cast<int>(digits.size());
  if (i < stored.size()) {
    const std::string exponent(stored.substr(i + 1));
    if (exponent.empty() || exponent.size() > 5) return std::string(stored);
    try {
      point += std::stoi(exponent);
    } catch (...) {
      return std::string(stored);
    }
  }
  // Strip leading zeros, keeping the point's place.
  std::size_t lead = 0;
  while (lead < digits.size() && digits[lead] == '0') ++lead;
  digits.erase(0, lead);
  point -= static_cast<int>(lead);
  if (digits.empty()) return "0";
  if (point > 400 || point < -400) return std::string(stored);
  // Round half up to 15 significant digits.
  if (digits.size() > 15) {
    const bool up = digits[15] >= '5';
    digits.resize(15);
    if (up) {
      int k = 14;
      while (k >= 0 && digits[k] == '9') digits[k--] = '0';
      if (k < 0) {
        digits.insert(digits.begin(), '1');
        digits.pop_back();
        ++point;
      } else {
        ++digits[k];
      }
    }
  }
  while (!digits.empty() && digits.back() == '0' && static_cast<int>(digits.size()) > point) {
    digits.pop_back();
  }
  std::string out = negative ? "-" : "";
  if (point <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    out += digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    out += digits.substr(0, point) + "." + digits.substr(point);
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<Sheet>> ReadXlsx(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return absl::InvalidArgumentError(std::string(Tr("cannot read the workbook")));
  Archive archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);
    zip_error_fini(&error);
    return absl::InvalidArgumentError(std::string(Tr("not an .xlsx file (not a ZIP package)")));
  }
  zip_error_fini(&error);

  absl::StatusOr<pugi::xml_document> workbook = ParsePart(archive.get(), "xl/workbook.xml");
  if (!workbook.ok()) return workbook.status();
  absl::StatusOr<pugi::xml_document> relations =
      ParsePart(archive.get(), "xl/_rels/workbook.xml.rels");
  if (!relations.ok()) return relations.status();
  std::map<std::string, std::string> targets;
  for (pugi::xml_node r : relations->child("Relationships").children("Relationship")) {
    std::string target = r.attribute("Target").value();
    if (target.starts_with("/")) {
      target.erase(0, 1);
    } else {
      target = "xl/" + target;
    }
    targets[r.attribute("Id").value()] = target;
  }
  std::vector<std::string> shared;
  absl::StatusOr<pugi::xml_document> strings = ParsePart(archive.get(), "xl/sharedStrings.xml");
  if (strings.ok()) {
    for (pugi::xml_node item : strings->child("sst").children("si")) {
      shared.push_back(StringItemText(item));
    }
  } else if (!absl::IsNotFound(strings.status())) {
    return strings.status();
  }

  std::vector<Sheet> sheets;
  for (pugi::xml_node s : workbook->child("workbook").child("sheets").children("sheet")) {
    Sheet sheet;
    sheet.name = s.attribute("name").value();
    const auto target = targets.find(s.attribute("r:id").value());
    if (target == targets.end()) {
      return absl::InvalidArgumentError(Format("sheet '$0' has no part in the package", sheet.name));
    }
    absl::StatusOr<pugi::xml_document> part = ParsePart(archive.get(), target->second);
    if (!part.ok()) return part.status();
    for (pugi::xml_node row : part->child("worksheet").child("sheetData").children("row")) {
      const long number = row.attribute("r").as_llong(static_cast<long long>(sheet.rows.size()) + 1);
      if (number < 1 || number > 1048576) {
        return absl::InvalidArgumentError(Format("sheet '$0' has a row out of range", sheet.name));
      }
      sheet.rows.resize(std::max<std::size_t>(sheet.rows.size(), static_cast<std::size_t>(number)));
      std::vector<std::string>& cells = sheet.rows[static_cast<std::size_t>(number - 1)];
      for (pugi::xml_node c : row.children("c")) {
        const int column = c.attribute("r") ? ColumnIndex(c.attribute("r").value())
                                            : static_cast<int>(cells.size());
        if (column < 0) {
          return absl::InvalidArgumentError(Format("sheet '$0' has a malformed cell reference", sheet.name));
        }
        const std::string_view type = c.attribute("t").value();
        std::string value;
        if (type == "s") {
          const long index = c.child("v").text().as_llong(-1);
          if (index < 0 || static_cast<std::size_t>(index) >= shared.size()) {
            return absl::InvalidArgumentError(Format("sheet '$0' refers to a missing string", sheet.name));
          }
          value = shared[static_cast<std::size_t>(index)];
        } else if (type == "inlineStr") {
          value = StringItemText(c.child("is"));
        } else if (type == "b") {
          value = c.child("v").text().as_bool() ? "TRUE" : "FALSE";
        } else if (type == "str" || type == "e") {
          value = c.child("v").text().get();
        } else {
          value = NumberText(c.child("v").text().get());
          if (!c.child("v")) value.clear();
        }
        cells.resize(std::max<std::size_t>(cells.size(), static_cast<std::size_t>(column) + 1));
        cells[static_cast<std::size_t>(column)] = std::move(value);
      }
    }
    sheets.push_back(std::move(sheet));
  }
  if (sheets.empty()) return absl::InvalidArgumentError(std::string(Tr("the workbook has no sheets")));
  return sheets;
}

}  // namespace healthact
