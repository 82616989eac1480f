// The tool's commands: each takes the words after its name and returns the
// exit status (0 done, 1 invalid input, 2 wrong usage).
#ifndef HEALTHACT_TOOLS_COMMANDS_HPP_
#define HEALTHACT_TOOLS_COMMANDS_HPP_

#include <string>
#include <vector>

namespace healthact::cli {

using Words = std::vector<std::string>;

int Check(const Words& files);    // framework_commands.cc
int Format(const Words& files);
int Resolve(const Words& files);  // the resolved (flattened) canonical text
int Summary(const Words& files);
int Assess(const Words& words);   // assessment_commands.cc
int Review(const Words& words);
int Org(const Words& words);      // org_command.cc
int ImportTable(const Words& words);  // import_command.cc
int Report(const Words& words);       // report_command.cc
int RoundCommand(const Words& words);  // round_command.cc

}  // namespace healthact::cli

#endif  // HEALTHACT_TOOLS_COMMANDS_HPP_
