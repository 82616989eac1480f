#include "core/escape.hpp"

#include <algorithm>
#include <array>

namespace healthact::escape {

std::string JsonString(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  AppendJsonString(out, text);
  return out;
}

namespace {

// The bytes a JSON string escapes, as a table: the writers' inner loop.
constexpr auto kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (std::size_t byte = 0; byte < 0x20; ++byte) escaped[byte] = true;
  escaped['"'] = escaped['\\'] = true;
  return escaped;
}();
inline bool Escaped(char c) { return kEscaped[static_cast<unsigned char>(c)]; }

}  // namespace

bool NeedsJsonEscape(std::string_view text) {
  for (char c : text) {
    if (Escaped(c)) return true;
  }
  return false;
}

void CloseJsonString(std::string& out, std::size_t open) {
  if (NeedsJsonEscape(std::string_view(out).substr(open + 1))) {
    const std::string text = out.substr(open + 1);
    out.resize(open);
    AppendJsonString(out, text);
  } else {
    out += '"';
  }
}

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  // Runs that need no escape are copied whole: most text has none.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!Escaped(text[i])) continue;
    out.append(text.substr(run, i - run));
    run = i + 1;
    const char c = text[i];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        }
    }
  }
  out.append(text.substr(run));
  out += '"';
}

std::string JsonStringList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += ", ";
    out += JsonString(items[k]);
  }
  return out + "]";
}

std::string Html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (c) {
      case '|': out += "\\|"; break;
      case '\\': out += "\\\\"; break;
      case '\r': break;
      case '\n': out += ' '; break;
      case '<': out += letter(next) || next == '/' || next == '!' || next == '?' ? "&lt;" : "<"; break;
      case '&': out += letter(next) || next == '#' ? "&amp;" : "&"; break;
      default: out += c;
    }
  }
  return out;
}

std::string DslString(std::string_view text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace healthact::escape
