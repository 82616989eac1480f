// healthact: the command-line tool for people who do not program.
//
//   healthact check FILE...     check frameworks; exit 0 when all are valid
//   healthact fmt FILE          print the canonical text of a framework
//   healthact summary FILE...   check and summarise frameworks
//   healthact assess FRAMEWORK DATA.csv --year Y [--format table|json|csv|markdown]
//                    [--level LEVEL] [--within UNIT] [--units UNITS.csv] [--explain failures|all]
//                    [--aggregate]
//   healthact org FILE [--as-of DATE] [--who POST | --department D | --group G]
//   healthact review FRAMEWORK DATA.csv --year Y [--sample K --seed S] [--verified VERIFIED.csv]
//                    [--level LEVEL] [--within UNIT] [--units UNITS.csv]
//   healthact import-table TABLE [--name NAME] [--source DOC] [--locator 附件N] …
//   healthact report assessment|monitoring FRAMEWORK DATA.csv --format F [--output FILE] …
//
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"

namespace {

void Usage() {
  std::cerr << "usage:\n"
               "  healthact check FILE...     check frameworks (exit 1 if any has an error)\n"
               "  healthact fmt FILE          print a framework's canonical text\n"
               "  healthact summary FILE...   check and summarise frameworks\n"
               "  healthact assess FRAMEWORK.ha DATA.csv --year YEAR [--format table|json|csv|markdown]\n"
               "                   [--level LEVEL] [--within UNIT] [--units UNITS.csv] [--explain failures|all]\n"
               "                   [--aggregate]\n"
               "  healthact org FILE.org.ha [--as-of DATE] [--who POST | --department D | --group G]\n"
               "  healthact review FRAMEWORK.ha DATA.csv --year YEAR [--sample K --seed S]\n"
               "                   [--verified VERIFIED.csv] [--level LEVEL] [--within UNIT] [--units UNITS.csv]\n"
               "  healthact import-table TABLE(.txt|.csv|.xlsx) [--name NAME] [--source DOCUMENT]\n"
               "                   [--locator 附件3] [--marked-fall 10%] [--continuous-years 3] [--sheet SHEET]\n"
               "  healthact report assessment FRAMEWORK.ha DATA.csv --year YEAR --format markdown|json|html|xlsx\n"
               "                   [--output FILE] [--units UNITS.csv] [--level LEVEL] [--sample K --seed S]\n"
               "                   [--verified VERIFIED.csv]\n"
               "  healthact report monitoring FRAMEWORK.ha DATA.csv --format markdown|json|html|xlsx\n"
               "                   [--output FILE] [--units UNITS.csv] [--level LEVEL] [--org ORG.org.ha --as-of DATE]\n"
               "  healthact round new|submit|accept|return|approve|publish|withdraw|reopen|status|history\n"
               "                   --store FILE …  (healthact round for the options)\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    Usage();
    return 2;  // wrong usage
  }
  const std::string command = argv[1];
  const std::vector<std::string> files(argv + 2, argv + argc);
  if (command == "check") return healthact::cli::Check(files);
  if (command == "fmt") return healthact::cli::Format(files);
  if (command == "summary") return healthact::cli::Summary(files);
  if (command == "assess") return healthact::cli::Assess(files);
  if (command == "review") return healthact::cli::Review(files);
  if (command == "org") return healthact::cli::Org(files);
  if (command == "import-table") return healthact::cli::ImportTable(files);
  if (command == "report") return healthact::cli::Report(files);
  if (command == "round") return healthact::cli::RoundCommand(files);
  Usage();
  return 2;  // wrong usage
}