#include "usage.hpp"

#include "healthact/core/diagnostic.hpp"
#include "healthact/core/messages.hpp"
#include "healthact/core/version.hpp"

namespace healthact::cli {
namespace {

using ::healthact::messages::Noop;
using ::healthact::messages::Tr;

// A command: its name, what it does (a message), and its synopsis (the
// command line itself, the same in every language; continuation lines are
// indented under the first).
struct Command {
  std::string_view name;
  const char* summary;
  std::string_view synopsis;
  const char* notes = nullptr;  // a message after the synopsis
};

constexpr Command kCommands[] = {
    {"check", Noop("check frameworks (exit 1 if any has an error)"),
        "healthact check FILE.ha...\n"},
    {"fmt", Noop("print a framework file laid out, comments kept (a county's stays a county's: see resolve)"),
        "healthact fmt FILE.ha\n"},
    {"resolve", Noop("print a framework resolved: a county's with the city's it extends applied"),
        "healthact resolve FILE.ha\n"},
    {"summary", Noop("check and summarise frameworks"),
        "healthact summary FILE.ha...\n"},
    {"assess", Noop("assess units: verdicts, scores, grades, ranks"),
        "healthact assess FRAMEWORK.ha DATA.csv --year YEAR [--format "
        "table|json|csv|markdown|ranking] [--level 县区|乡镇|…] [--within UNIT] [--units "
        "UNITS.csv] [--explain failures|all] [--aggregate]\n"
        "healthact assess FRAMEWORK.ha DATA.csv --year YEAR --departments --org "
        "ORG.org.ha [--committee NAME] [--as-of DATE] [--units UNITS.csv] [--format "
        "markdown|json|xlsx] [--output FILE]\n"},
    {"review", Noop("the spot-check: draw units, compare verified values"),
        "healthact review FRAMEWORK.ha DATA.csv --year YEAR [--sample K --seed S] "
        "[--verified VERIFIED.csv] [--level 县区|…] [--within UNIT] [--units UNITS.csv]\n"},
    {"org", Noop("the organisation: its roster on a date, posts, departments, groups"),
        "healthact org FILE [--as-of DATE] [--who POST | --department D | "
        "--group G]\n"},
    {"import-table", Noop("an indicator table (seed text, CSV or .xlsx) into a framework"),
        "healthact import-table TABLE(.txt|.csv|.xlsx) [--name NAME] "
        "[--source DOCUMENT] [--locator 附件3] [--marked-fall 10%] "
        "[--continuous-years 3] [--sheet SHEET] [--baseline-year 2019]\n"},
    {"report", Noop("the reports: assessment, monitoring, special actions, overall"),
        "healthact report assessment FRAMEWORK.ha DATA.csv --year YEAR "
        "--format markdown|json|html|xlsx [--output FILE] [--units UNITS.csv] [--level L] "
        "[--within UNIT] [--verified VERIFIED.csv [--sample K --seed S]]\n"
        "healthact report monitoring FRAMEWORK.ha DATA.csv --format "
        "markdown|json|html|xlsx [--output FILE] [--units UNITS.csv] [--level L] "
        "[--within UNIT] [--org ORG.org.ha [--as-of DATE]]\n"
        "healthact report actions FRAMEWORK.ha DATA.csv --year YEAR --format "
        "markdown|json|html|xlsx [--output FILE] [--units UNITS.csv] [--level L] [--within UNIT] "
        "[--org ORG.org.ha [--as-of DATE]] [--action NAME]\n"
        "healthact report overall FRAMEWORK.ha DATA.csv --year YEAR --format "
        "markdown|json|html|xlsx [--output FILE] [--units UNITS.csv] [--level L] "
        "[--within UNIT] [--org ORG.org.ha [--as-of DATE]] [--action NAME] "
        "[--verified VERIFIED.csv [--sample K --seed S]]\n"},
    {"round", Noop("the assessment round: submissions, return, spot-check, approval, publication"),
        "healthact round new --store FILE --framework F.ha --year YEAR --org ORG.org.ha --units UNITS.csv\n"
        "          [--level LEVEL] [--within UNIT] [--trial [--targets-of YEAR]] [--committee NAME]\n"
        "          [--group \"NAME、NAME\"] [--deadline TIME] [--send-up-deadline TIME] [--by WHO] [--at TIME]\n"
        "healthact round submit --store FILE --unit UNIT --by WHO [--document TEXT] [--at TIME] DATA.csv\n"
        "healthact round accept|return --store FILE --unit UNIT --by WHO [--reason TEXT] [--at TIME]\n"
        "healthact round review --store FILE --by WHO --verified VERIFIED.csv [--sample K --seed S]\n"
        "          [--group \"NAME、NAME\"] [--at TIME]\n"
        "healthact round approve|publish --store FILE --by WHO [--at TIME]\n"
        "healthact round withdraw|reopen --store FILE --by WHO --reason TEXT [--at TIME]\n"
        "healthact round report form --store FILE --by WHO REPORT.md [--at TIME]\n"
        "healthact round report agree|send-up|circulate|release --store FILE --by WHO [--at TIME]\n"
        "healthact round import --store NEW_FILE --framework F.ha --org ORG.org.ha HISTORY.jsonl\n"
        "healthact round receive --store FILE --by WHO [--unit UNIT] [--at TIME] UNIT_ROUND_STORE\n"
        "healthact round received --store FILE\n"
        "healthact round status|history --store FILE [--as-of TIME] [--format jsonl]\n"
        "healthact round export --store FILE [--format json|csv|xlsx] [--output FILE]\n",
        Noop("TIME is 2023-01-05T09:30:00 (or a date); WHO a person or a post of the organisation.\n")},
};

// The columns a text takes on a terminal: two for a wide (CJK, full-width)
// character, one for another.
std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    width += length >= 3 ? 2 : 1;  // U+0800 and up: CJK and full-width forms here
    i += length;
  }
  return width;
}

// "usage: " and the synopsis, each alternative and continuation under the first.
std::string Usage(std::string_view synopsis) {
  const std::string_view prefix = Tr("usage: ");
  const std::string pad(DisplayWidth(prefix), ' ');
  std::string out;
  std::size_t start = 0;
  while (start < synopsis.size()) {
    const std::size_t end = synopsis.find('\n', start) + 1;
    out += out.empty() ? std::string(prefix) : pad;
    out += synopsis.substr(start, end - start);
    start = end;
  }
  return out;
}

}  // namespace

std::string UsageOf(std::string_view command) {
  for (const Command& c : kCommands) {
    if (c.name != command) continue;
    std::string usage = Usage(c.synopsis);
    if (c.notes != nullptr) usage += Tr(c.notes);
    return usage;
  }
  return {};
}

std::string ToolUsage() {
  std::string out = Usage("healthact COMMAND [ARGUMENTS] [--help]\n");
  out += "\n";
  out += Tr("commands:\n");
  for (const Command& c : kCommands) {
    out += "  ";
    out += c.name;
    out.append(c.name.size() < 14 ? 14 - c.name.size() : 1, ' ');
    out += Tr(c.summary);
    out += '\n';
  }
  out += "\n";
  out += Tr("healthact COMMAND --help shows a command's options; healthact help dsl|data|codes the\n"
            "framework language, the data file and the diagnostic codes; healthact --version the version.\n"
            "Options take their value as --year 2022 or --year=2022.\n"
            "Every command takes --lang zh|en, the language of its messages, diagnostics and reasons;\n"
            "without it the locale decides (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese, another\n"
            "named locale English), and with no locale named, Chinese.\n"
            "\n"
            "exit status: 0 done, 1 the input has errors (they are listed with file:line:column),\n"
            "2 wrong usage.\n");
  return out;
}

std::string HelpTopic(std::string_view topic) {
  if (topic == "dsl") {
    return std::string(Tr("A framework (.ha) is a list of statements, each in Chinese or in English:\n"
           "  框架 \"NAME\"  (framework)        继承 \"CITY.ha\"  (extends)\n"
           "  来源 \"DOC\" \"附件3\"  (source)    依据 \"BASIS\"  (basis)\n"
           "  专项行动 \"ACTION\"  (action)     明显下降幅度 10%  持续下降年数 3\n"
           "  计数 NAME 人  (count)          删除 9  (drop)   权重 9 10  (weight)\n"
           "  等级 优秀 90  (grade)          校验 错误 [3] ≥ [2] \"WHY\"  (rule)\n"
           "  指标 9 \"NAME\" {               (indicator)\n"
           "    单位 %  方向 越高越好  类别 结果性  基期 2019 40  目标 2022 ≥50  目标 2030 实现\n"
           "    分项 25.1 \"PART\"  公式 [a] / [b] × 100  范围 0 24  专项行动 \"ACTION\"\n"
           "  }\n"
           "Targets: ≥ > ≤ < a bare number (by 方向), 实现, 下降, 明显下降, 持续下降, --.\n"
           "Numbers are exact decimals, written without exponents or thousands separators.\n"
           "The whole language, with its grammar: docs/dsl.md.\n"));
  }
  if (topic == "data") {
    return std::string(Tr("A data file is CSV (UTF-8; GB18030 is converted with a warning) or an Excel workbook\n"
           "(.xlsx, its first sheet), one value a row:\n"
           "  unit,indicator,year,value[,parent][,level]     (单位,指标,年份,值[,上级][,层级])\n"
           "  甘州区,1,2022,74.8\n"
           "  甘州区,25,2022,\"100，70\"                       (the parts in order, or 25.1 and 25.2)\n"
           "  甘州区,11,2022,实现\n"
           "A value is a number, 实现/是 (achieved), 未实现/否 (not_achieved), 未统计 (not_counted),\n"
           "未建立 (not_established), 待公布 (pending), or empty for nothing reported.\n"
           "Other columns (备注) are not read, with a warning; lines starting with # are comments.\n"
           "Verified values (review --verified) add reviewer and reason columns (核实人, 核实说明).\n"
           "The whole format: docs/assessment.md.\n"));
  }
  if (topic == "codes") {
    std::string out(Tr("Every diagnostic code (E errors, W warnings; the causes are in docs/dsl.md):\n"));
    for (DiagnosticCode code : AllDiagnosticCodes()) {
      out += "  ";
      out += DiagnosticCodeString(code);
      out += "  ";
      out += DiagnosticCodeName(code);
      out += '\n';
    }
    return out;
  }
  return {};
}

}  // namespace healthact::cli
