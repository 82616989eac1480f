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

namespace {

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
  std::optional<std::string> chosen;
  for (std::size_t i = 0; i < words.size();) {
    std::optional<std::string> value;
    if (words[i] == "--lang") {
      if (i + 1 >= words.size()) {
        std::cerr << "healthact: --lang needs a value: zh or en\n";
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
      std::cerr << "healthact: --lang is given twice\n";
      return false;
    }
    chosen = value;
  }
  std::optional<healthact::Language> language = healthact::LanguageFromEnvironment();
  if (chosen) {
    if (*chosen != "zh" && *chosen != "en") {
      std::cerr << "healthact: unknown language '" << *chosen << "' (zh or en)\n";
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
  if (argc < 2) {
    std::cerr << healthact::cli::ToolUsage();
    return kUsage;
  }
  const std::string_view command = argv[1];
  if (AsksForHelp(command) || command == "help") {
    // healthact help assess: a command's usage; help dsl|data|codes: a topic;
    // healthact --help: every command.
    if (argc <= 2) {
      std::cout << healthact::cli::ToolUsage();
      return 0;
    }
    const std::string_view usage = healthact::cli::UsageOf(argv[2]);
    const std::string topic = usage.empty() ? healthact::cli::HelpTopic(argv[2]) : std::string(usage);
    if (topic.empty()) {
      std::cerr << "healthact: no help on '" << argv[2]
                << "': it is neither a command nor dsl, data or codes (healthact --help lists the commands)\n";
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
    std::cerr << "healthact: unknown command '" << command << "' (healthact --help lists the commands)\n";
    return kUsage;
  }
  std::vector<std::string> words(argv + 2, argv + argc);
  if (!TakeLanguage(words)) return kUsage;
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
