#include "core/escape.hpp"

#include <algorithm>

namespace healthact::escape {

std::string JsonString(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  AppendJsonString(out, text);
  return out;
}

namespace {

bool Escaped(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == '"' || byte == '\\';
}

}  // namespace

bool NeedsJsonEscape(std::string_view text) { return std::any_of(text.begin(), text.end(), Escaped); }

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
