// Text inside JSON and HTML/SVG.  Internal header: not installed.
#ifndef HEALTHACT_SRC_ESCAPE_HPP_
#define HEALTHACT_SRC_ESCAPE_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace healthact::escape {

// A JSON string literal, quotes included; UTF-8 passes through.
std::string JsonString(std::string_view text);
// ["a", "b"]: a JSON array of strings.
std::string JsonStringList(const std::vector<std::string>& items);

// Text safe inside HTML or SVG elements and attribute values.
std::string Html(std::string_view text);

}  // namespace healthact::escape

#endif  // HEALTHACT_SRC_ESCAPE_HPP_
