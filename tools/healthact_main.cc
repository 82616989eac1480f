// healthact: the command-line tool for the clerks of a health commission's
// office and the county staff who send them figures.  `healthact --help`
// lists the commands (usage.cc holds every command's usage).
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "healthact/core/language.hpp"
#include "healthact/core/version.hpp"
#include "usage.hpp"
#include "healthact/core/messages.hpp"

namespace {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

using Runner = int (*)(const healthact::cli::Words&);

const std::map<std::string_view, Runner>& Commands() {
  static const std::map<std::string_view, Runner> kCommands = {
      {"check", healthact::cli::Check},         {"fmt", healthact::cli::Format},
      {"resolve", healthact::cli::Resolve},
      {"summary", healthact::cli::Summary},     {"assess", healthact::cli::Assess},
      {"review", healthact::cli::Review},       {"org", healthact::cli::Org},
      {"import-table", healthact::cli::ImportTable}, {"report", healthact::cli::Report},
      {"round", healthact::cli::RoundCommand},
  };
  return kCommands;
}

bool AsksForHelp(std::string_view word) { return word == "--help" || word == "-h"; }

// Takes --lang zh|en (or --lang=…) out of `words`, wherever it stands: every
// command has it.  Without it the environment's locale decides (zh_* is
// Chinese, another named locale English); with neither, Chinese.  False
// (said why) for a language that is neither, or --lang given twice.
bool TakeLanguage(std::vector<std::string>& words) {
  // Until --lang is read, the environment's (its own messages are in it).
  std::optional<healthact::Language> language = healthact::LanguageFromEnvironment();
  healthact::SetCurrentLanguage(language.value_or(healthact::Language::kChinese));
  std::optional<std::string> chosen;
  for (std::size_t i = 0; i < words.size();) {
    std::optional<std::string> value;
    if (words[i] == "--lang") {
      if (i + 1 >= words.size()) {
        std::cerr << "healthact: " << Tr("--lang needs a value: zh or en") << "\n";
        return false;
      }
      value = words[i + 1];
      words.erase(words.begin() + static_cast<std::ptrdiff_t>(i), words.begin() + static_cast<std::ptrdiff_t>(i) + 2);
    } else if (words[i].starts_with("--lang=")) {
      value = words[i].substr(7);
      words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
      continue;
    }
    if (chosen) {
      std::cerr << "healthact: " << Tr("--lang is given twice") << "\n";
      return false;
    }
    chosen = value;
  }
  if (chosen) {
    if (*chosen != "zh" && *chosen != "en") {
      std::cerr << "healthact: " << Format("unknown language '$0' (zh or en)", *chosen) << "\n";
      return false;
    }
    language = *chosen == "zh" ? healthact::Language::kChinese : healthact::Language::kEnglish;
  }
  healthact::SetCurrentLanguage(language.value_or(healthact::Language::kChinese));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  constexpr int kUsage = 2;  // wrong usage
  // The language first, so that every message below is in it.
  std::vector<std::string> all(argv + 1, argv + argc);
  if (!TakeLanguage(all)) return kUsage;
  if (all.empty()) {
    std::cerr << healthact::cli::ToolUsage();
    return kUsage;
  }
  const std::string_view command = all[0];
  if (AsksForHelp(command) || command == "help") {
    // healthact help assess: a command's usage; help dsl|data|codes: a topic;
    // healthact --help: every command.
    if (all.size() < 2) {
      std::cout << healthact::cli::ToolUsage();
      return 0;
    }
    const std::string usage = healthact::cli::UsageOf(all[1]);
    const std::string topic = usage.empty() ? healthact::cli::HelpTopic(all[1]) : usage;
    if (topic.empty()) {
      std::cerr << "healthact: "
                << Format("no help on '$0': it is neither a command nor dsl, data or codes (healthact --help lists "
                          "the commands)",
                          all[1])
                << "\n";
      return kUsage;
    }
    std::cout << topic;
    return 0;
  }
  if (command == "--version" || command == "-V") {
    std::cout << "healthact " << HEALTHACT_VERSION_STRING << "\n";
    return 0;
  }
  const auto found = Commands().find(command);
  if (found == Commands().end()) {
    std::cerr << "healthact: " << Format("unknown command '$0' (healthact --help lists the commands)", command) << "\n";
    return kUsage;
  }
  const std::vector<std::string> words(all.begin() + 1, all.end());
  for (const std::string& word : words) {
    if (AsksForHelp(word)) {
      std::cout << healthact::cli::UsageOf(command);
      return 0;
    }
  }
  if (words.empty()) {
    std::cerr << healthact::cli::UsageOf(command);
    return kUsage;
  }
  return found->second(words);
}
