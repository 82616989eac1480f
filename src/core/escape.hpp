// Text inside JSON, HTML/SVG, Markdown and the DSL's own files.  Internal header: not installed.
#ifndef HEALTHACT_SRC_ESCAPE_HPP_
#define HEALTHACT_SRC_ESCAPE_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace healthact::escape {

// A JSON string literal, quotes included; UTF-8 passes through.
std::string JsonString(std::string_view text);
// The same literal appended to `out` (no string of its own: a long report
// writes five a verdict).
void AppendJsonString(std::string& out, std::string_view text);
// Whether `text` has a byte a JSON string escapes (a quote, a backslash, a
// control character): AppendJsonString would not copy it as it is.
bool NeedsJsonEscape(std::string_view text);
// Closes the JSON string whose opening quote is out[open] and whose text was
// appended after it as it is: escaped in place only when it must be, so a
// writer words a value or a reason straight into its output.
void CloseJsonString(std::string& out, std::size_t open);
// ["a", "b"]: a JSON array of strings.
std::string JsonStringList(const std::vector<std::string>& items);

// Text safe inside HTML or SVG elements and attribute values.
std::string Html(std::string_view text);

// Text from the input (a unit's, an indicator's, a department's name, a
// reason) as Markdown shows it, in a table cell or a heading: | and \ are
// escaped, a line break is a space, and what could open HTML (<a, </, <!,
// &name;) is written as entities; "3.0 < 6.0" stays as it is.
std::string Markdown(std::string_view text);

// A string literal of the framework DSL, quotes included: " and \ are
// escaped with \, as the lexer reads them back; UTF-8 passes through.
std::string DslString(std::string_view text);

}  // namespace healthact::escape

#endif  // HEALTHACT_SRC_ESCAPE_HPP_
