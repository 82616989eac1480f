// What the tool says of itself: each command's usage (for --help, and for an
// error of usage) and the overview, written once here.
#ifndef HEALTHACT_TOOLS_USAGE_HPP_
#define HEALTHACT_TOOLS_USAGE_HPP_

#include <string>
#include <string_view>

namespace healthact::cli {

// The usage of `command` ("assess") in the thread's language, ending in a
// newline; empty for a word that is no command.
std::string UsageOf(std::string_view command);

// The tool's usage: every command with a line on what it does, the exit
// statuses, and where to find more.
std::string ToolUsage();

// healthact help TOPIC beyond the commands: "dsl" (the framework language at
// a glance), "data" (the data file), "codes" (every diagnostic code, from the
// library's own list); empty for another word.
std::string HelpTopic(std::string_view topic);

}  // namespace healthact::cli

#endif  // HEALTHACT_TOOLS_USAGE_HPP_
