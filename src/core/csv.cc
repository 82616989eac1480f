#include "core/csv.hpp"

#include <cstring>

#include "core/byte_search.hpp"

namespace healthact::csv {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The first byte at or after `at` that ends an unquoted field, or `end`.
// (Eight bytes at a time through bit tricks measured slower than sixteen.)
inline const char* FieldEnd(const char* at, const char* end) { return FindFirstOf<',', '\n', '\r'>(at, end); }

}  // namespace

Cursor::Cursor(std::string_view text) : Cursor(text, Position{}) {}

Cursor::Cursor(std::string_view text, Position from) : text_(text), pos_(from.offset), next_line_(from.line) {
  if (pos_ == 0 && text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
}

bool Cursor::ReadQuoted(FieldView& field, std::size_t index) {
  const std::size_t size = text_.size();
  field.offset = pos_;
  // A view of its inside while it has no doubled quote and nothing after its
  // closing quote, a copy otherwise.
  const std::size_t quote = pos_++;
  const std::size_t start = pos_;
  std::string* copy = nullptr;
  while (true) {
    const void* found = pos_ < size ? std::memchr(text_.data() + pos_, '"', size - pos_) : nullptr;
    if (found == nullptr) {
      unterminated_quote_ = true;
      error_offset_ = quote;
      return false;
    }
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
    for (std::size_t i = pos_; i < at; ++i) next_line_ += text_[i] == '\n';
    if (copy != nullptr) copy->append(text_.substr(pos_, at - pos_));
    pos_ = at + 1;
    if (pos_ < size && text_[pos_] == '"') {  // "" stands for one quote
      if (copy == nullptr) {
        if (unescaped_.size() <= index) unescaped_.resize(index + 1);
        copy = &unescaped_[index];
        copy->assign(text_.substr(start, at - start));
      }
      copy->push_back('"');
      ++pos_;
      continue;
    }
    if (copy == nullptr) field.text = text_.substr(start, at - start);
    break;
  }
  // Whatever follows the closing quote up to the separator belongs to the field.
  const std::size_t after = pos_;
  pos_ = static_cast<std::size_t>(FieldEnd(text_.data() + pos_, text_.data() + size) - text_.data());
  if (pos_ > after) {
    if (copy == nullptr) {
      if (unescaped_.size() <= index) unescaped_.resize(index + 1);
      copy = &unescaped_[index];
      copy->assign(field.text);
    }
    copy->append(text_.substr(after, pos_ - after));
  }
  if (copy != nullptr) field.text = *copy;
  return true;
}

bool Cursor::Next(std::vector<FieldView>& fields) {
  fields.clear();
  return AppendNext(fields);
}

bool Cursor::AppendNext(std::vector<FieldView>& fields) {
  const std::size_t first = fields.size();
  const char* const data = text_.data();
  const char* const end = data + text_.size();
  while (pos_ < text_.size() && !unterminated_quote_) {
    fields.resize(first);
    line_ = next_line_;
    // The first line starts before the byte-order mark, which an editor does
    // not show: the caller's columns count from there.
    line_start_ = line_ == 1 ? 0 : pos_;
    bool has_content = false;
    const char* at = data + pos_;
    while (true) {
      FieldView field;
      if (at < end && *at == '"') {
        pos_ = static_cast<std::size_t>(at - data);
        if (!ReadQuoted(field, fields.size() - first)) {
          fields.resize(first);
          return false;
        }
        at = data + pos_;
      } else {
        const char* const start = at;
        at = FieldEnd(at, end);
        field = {std::string_view(start, static_cast<std::size_t>(at - start)), static_cast<std::size_t>(start - data)};
      }
      has_content = has_content || !field.text.empty() || fields.size() > first;
      fields.push_back(field);
      if (at < end && *at == ',') {
        ++at;
        has_content = true;
        continue;
      }
      break;
    }
    if (at < end && *at == '\r') ++at;
    if (at < end && *at == '\n') {
      ++at;
      ++next_line_;
    }
    pos_ = static_cast<std::size_t>(at - data);
    if (has_content) return true;
  }
  fields.resize(first);
  return false;
}

utf8::LineColumn LocateFrom(std::string_view text, int line, std::size_t line_start, std::size_t offset) {
  if (line == 0 || offset < line_start) return utf8::Locate(text, offset);
  utf8::LineColumn where = utf8::Locate(text.substr(line_start), offset - line_start);
  where.line += line - 1;
  return where;
}

utf8::LineColumn Cursor::Locate(std::size_t offset) const { return LocateFrom(text_, line_, line_start_, offset); }

Table Parse(std::string_view text) {
  Table table;
  Cursor cursor(text);
  std::vector<FieldView> fields;
  while (cursor.Next(fields)) {
    Row row;
    row.line = cursor.line();
    row.fields.reserve(fields.size());
    for (const FieldView& field : fields) row.fields.push_back(Field{std::string(field.text), field.offset});
    table.rows.push_back(std::move(row));
  }
  table.unterminated_quote = cursor.unterminated_quote();
  table.error_offset = cursor.error_offset();
  return table;
}

}  // namespace healthact::csv
