#include "core/csv.hpp"

namespace healthact::csv {

Table Parse(std::string_view text) {
  Table table;
  std::size_t i = 0;
  if (text.starts_with("\xEF\xBB\xBF")) i = 3;
  int line = 1;
  while (i < text.size()) {
    Row row;
    row.line = line;
    bool row_has_content = false;
    while (true) {
      Field field;
      field.offset = i;
      if (i < text.size() && text[i] == '"') {
        const std::size_t quote = i++;
        bool closed = false;
        while (i < text.size()) {
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field.text += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (text[i] == '\n') ++line;
          field.text += text[i++];
        }
        if (!closed) {
          table.unterminated_quote = true;
          table.error_offset = quote;
          return table;
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        field.text += text[i++];
      }
      row_has_content = row_has_content || !field.text.empty() || row.fields.size() > 0;
      row.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        row_has_content = true;
        continue;
      }
      break;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') {
      ++i;
      ++line;
    }
    if (row_has_content) table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace healthact::csv
