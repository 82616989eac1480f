#include "usage.hpp"

#include "healthact/core/version.hpp"

namespace healthact::cli {
namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;
};

constexpr Command kCommands[] = {
    {"check", "check frameworks (exit 1 if any has an error)",
        "usage: healthact check FILE.ha...\n"},
    {"fmt", "print a framework's canonical text",
        "usage: healthact fmt FILE.ha\n"},
    {"summary", "check and summarise frameworks",
        "usage: healthact summary FILE.ha...\n"},
    {"assess", "assess units: verdicts, scores, grades, ranks",
        "usage: healthact assess FRAMEWORK.ha DATA.csv --year YEAR [--format "
        "table|json|csv|markdown|ranking] [--level 县区|乡镇|…] [--within UNIT] [--units "
        "UNITS.csv] [--explain failures|all] [--aggregate]\n"
        "       healthact assess FRAMEWORK.ha DATA.csv --year YEAR --departments --org "
        "ORG.org.ha [--committee NAME] [--as-of DATE] [--units UNITS.csv] [--format "
        "markdown|json|xlsx] [--output FILE]\n"},
    {"review", "the spot-check: draw units, compare verified values",
        "usage: healthact review FRAMEWORK.ha DATA.csv --year YEAR [--sample K --seed S] "
        "[--verified VERIFIED.csv] [--level 县区|…] [--within UNIT] [--units UNITS.csv]\n"},
    {"org", "the organisation: its roster on a date, posts, departments, groups",
        "usage: healthact org FILE [--as-of DATE] [--who POST | --department D | "
        "--group G]\n"},
    {"import-table", "an indicator table (seed text, CSV or .xlsx) into a framework",
        "usage: healthact import-table TABLE(.txt|.csv|.xlsx) [--name NAME] "
        "[--source DOCUMENT] [--locator 附件3] [--marked-fall 10%] "
        "[--continuous-years 3] [--sheet SHEET] [--baseline-year 2019]\n"},
    {"report", "the reports: assessment, monitoring, special actions, overall",
        "usage: healthact report assessment FRAMEWORK.ha DATA.csv --year YEAR "
        "--format markdown|json|html|xlsx [--output FILE] [--units UNITS.csv] [--level L] "
        "[--within UNIT] [--verified VERIFIED.csv [--sample K --seed S]]\n"
        "       healthact report monitoring FRAMEWORK.ha DATA.csv --format "
        "markdown|json|html|xlsx [--output FILE] [--units UNITS.csv] [--level L] "
        "[--within UNIT] [--org ORG.org.ha [--as-of DATE]]\n"
        "       healthact report actions FRAMEWORK.ha DATA.csv --year YEAR --format "
        "markdown|json|html|xlsx [--output FILE] [--units UNITS.csv] [--level L] [--within UNIT] "
        "[--org ORG.org.ha [--as-of DATE]] [--action NAME]\n"
        "       healthact report overall FRAMEWORK.ha DATA.csv --year YEAR --format "
        "markdown|json|html|xlsx [--output FILE] [--units UNITS.csv] [--level L] "
        "[--within UNIT] [--org ORG.org.ha [--as-of DATE]] [--action NAME] "
        "[--verified VERIFIED.csv [--sample K --seed S]]\n"},
    {"round", "the assessment round: submissions, return, spot-check, approval, publication",
        "usage: healthact round new --store FILE --framework F.ha --year YEAR --org ORG.org.ha --units UNITS.csv\n"
        "                 [--level LEVEL] [--within UNIT] [--trial [--targets-of YEAR]] [--committee NAME]\n"
        "                 [--group \"NAME、NAME\"] [--deadline TIME] [--send-up-deadline TIME] [--by WHO] [--at TIME]\n"
        "       healthact round submit --store FILE --unit UNIT --by WHO [--document TEXT] [--at TIME] DATA.csv\n"
        "       healthact round accept|return --store FILE --unit UNIT --by WHO [--reason TEXT] [--at TIME]\n"
        "       healthact round review --store FILE --by WHO --verified VERIFIED.csv [--sample K --seed S]\n"
        "                 [--group \"NAME、NAME\"] [--at TIME]\n"
        "       healthact round approve|publish --store FILE --by WHO [--at TIME]\n"
        "       healthact round withdraw|reopen --store FILE --by WHO --reason TEXT [--at TIME]\n"
        "       healthact round report form --store FILE --by WHO REPORT.md [--at TIME]\n"
        "       healthact round report agree|send-up|circulate|release --store FILE --by WHO [--at TIME]\n"
        "       healthact round import --store NEW_FILE --framework F.ha --org ORG.org.ha HISTORY.jsonl\n"
        "       healthact round receive --store FILE --by WHO [--unit UNIT] [--at TIME] UNIT_ROUND_STORE\n"
        "       healthact round received --store FILE\n"
        "       healthact round status|history --store FILE [--as-of TIME] [--format jsonl]\n"
        "       healthact round export --store FILE [--format json|csv|xlsx] [--output FILE]\n"
        "TIME is 2023-01-05T09:30:00 (or a date); WHO a person or a post of the organisation.\n"},
};

}  // namespace

std::string_view UsageOf(std::string_view command) {
  for (const Command& c : kCommands) {
    if (c.name == command) return c.usage;
  }
  return {};
}

std::string ToolUsage() {
  std::string out = "usage: healthact COMMAND [ARGUMENTS] [--help]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    out += "  ";
    out += c.name;
    out.append(c.name.size() < 14 ? 14 - c.name.size() : 1, ' ');
    out += c.summary;
    out += '\n';
  }
  out += "\n"
         "healthact COMMAND --help shows a command's options; healthact --version the version.\n"
         "Options take their value as --year 2022 or --year=2022.\n"
         "\n"
         "exit status: 0 done, 1 the input has errors (they are listed with file:line:column),\n"
         "2 wrong usage.\n";
  return out;
}

}  // namespace healthact::cli
