// healthact round: the assessment round kept in a store file (round.hpp,
// store.hpp).  The tool reads the clock for each step (--at replays one).
#include <algorithm>
#include <ctime>
#include <iostream>
#include <string>
#include <utility>

#include "cli.hpp"
#include "usage.hpp"
#include "commands.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/assess/review.hpp"
#include "healthact/report/round_result.hpp"
#include "healthact/store/round_file.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::cli {

using ::healthact::messages::Format;
using ::healthact::messages::Noop;
using ::healthact::messages::Tr;
namespace {

// "马斌、魏士博" as names.
std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> names;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find("、", start)) != std::string::npos; start = end + 3) {
    names.push_back(text.substr(start, end - start));
  }
  names.push_back(text.substr(start));
  return names;
}

// A name the round keeps in Chinese (an event's, a state's), in the
// reader's language: the names are literals, and po/en.po has their English.
std::string_view Word(std::string_view chinese) { return Tr(chinese.data()); }

// "已形成": a step the overall report has been through.
const char* ReportStepDone(ReportAction action) {
  switch (action) {
    case ReportAction::kForm: return Noop("已形成");
    case ReportAction::kAgree: return Noop("已同意");
    case ReportAction::kSendUp: return Noop("已上报");
    case ReportAction::kCirculate: return Noop("已通报");
    case ReportAction::kRelease: return Noop("已发布");
  }
  return "?";
}

// "甘州区健康行动考核指标框架 2022 年考核" or "… 2022 年试考核": a round's title.
std::string Title(std::string_view framework, int year, RoundKind kind) {
  return kind == RoundKind::kTrial ? Format("$0 $1 年试考核", framework, year) : Format("$0 $1 年考核", framework, year);
}

// Now, or --at.
std::optional<Instant> When(const Arguments& arguments) {
  if (!arguments.flags.count("at")) {
    const Date today = Today();
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Instant{today, local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec};
  }
  const std::optional<Instant> at = Instant::Parse(arguments.flags.at("at"));
  if (!at) std::cerr << "healthact: " << Tr("--at takes a time like 2023-01-05T09:30:00") << "\n";
  return at;
}

// The exit code of a refused step: a choice that contradicts itself is a
// usage error, anything else an input the rules refuse.
int Fail(const absl::Status& status, bool usage_when_invalid = false) {
  std::cerr << "healthact: " << status.message() << "\n";
  return usage_when_invalid && absl::IsInvalidArgument(status) ? kExitUsage : kExitInvalid;
}

// The store of --store.
absl::StatusOr<RoundFile> OpenStore(const Arguments& arguments) {
  return RoundFile::Open(arguments.flags.at("store"));
}

int Printed(const absl::StatusOr<RoundFile::Step>& step) {
  if (!step.ok()) return Fail(step.status());
  std::cout << Format("第 $0 项：$1，$2", step->seq, Word(RoundEventName(step->event.body)), step->event.at.ToString())
            << "\n";
  return kExitOk;
}

// What a new round is made of: the framework (--framework) and the
// organisation (--org), parsed with their diagnostics printed, and the
// organisation's text, which the store keeps.  nullopt when either does not read.
struct RoundSources {
  ParsedFramework framework;
  std::string org_text;
  std::shared_ptr<const Organisation> organisation;
};
std::optional<RoundSources> LoadSources(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  RoundSources sources;
  sources.framework = Load(flags.at("framework"));
  if (!sources.framework.ok()) return std::nullopt;
  absl::StatusOr<std::string> org_text = ReadFile(flags.at("org"));
  if (!org_text.ok()) {
    Fail(org_text.status());
    return std::nullopt;
  }
  ParsedOrganisation org = ParseOrganisation(*org_text, flags.at("org"));
  for (const Diagnostic& d : org.diagnostics) std::cerr << d.ToString() << "\n";
  if (!org.ok()) return std::nullopt;
  sources.org_text = *std::move(org_text);
  sources.organisation = org.organisation;
  return sources;
}

void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
}

// A refused step whose diagnostics were printed says nothing more.
int FailAfter(const absl::Status& status, const std::vector<Diagnostic>& diagnostics) {
  if (HasErrors(diagnostics)) return kExitInvalid;
  return Fail(status);
}

int New(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  for (const char* flag : {"framework", "year", "org", "units"}) {
    if (!flags.count(flag)) {
      std::cerr << "healthact: " << Format("round new needs --$0", flag) << "\n" << UsageOf("round");
      return kExitUsage;
    }
  }
  const std::optional<RoundSources> sources = LoadSources(arguments);
  if (!sources) return kExitInvalid;
  Observations units;
  if (!LoadData(flags.at("units"), nullptr, true, units)) return kExitInvalid;
  RoundChoice choice;
  try {
    choice.year = std::stoi(flags.at("year"));
    if (flags.count("targets-of")) choice.targets_of = std::stoi(flags.at("targets-of"));
  } catch (const std::exception&) {
    std::cerr << "healthact: " << Tr("--year and --targets-of take a year") << "\n";
    return kExitUsage;
  }
  choice.kind = flags.count("trial") ? RoundKind::kTrial : RoundKind::kOfficial;
  if (flags.count("level")) {
    choice.level = ParseUnitLevel(flags.at("level"));
    if (!choice.level) {
      std::cerr << "healthact: " << Format("unknown level '$0'", flags.at("level")) << "\n";
      return kExitUsage;
    }
  }
  if (flags.count("within")) choice.within = flags.at("within");
  if (flags.count("committee")) choice.committee = flags.at("committee");
  if (flags.count("group")) choice.assessment_group = SplitList(flags.at("group"));
  for (const auto& [flag, into] : {std::pair{"deadline", &choice.deadline},
                                   std::pair{"send-up-deadline", &choice.send_up_deadline}}) {
    if (!flags.count(flag)) continue;
    *into = Instant::Parse(flags.at(flag));
    if (!*into) {
      std::cerr << "healthact: " << Format("--$0 takes a time like 2023-01-15T18:00:00", flag) << "\n";
      return kExitUsage;
    }
  }
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  absl::StatusOr<RoundFile> file =
      RoundFile::Create(flags.at("store"), sources->framework.framework, sources->org_text, sources->organisation,
                        units, choice, *at, flags.count("by") ? flags.at("by") : "");
  if (!file.ok()) return Fail(file.status(), true);
  const absl::StatusOr<Round> round = file->Replay();
  if (!round.ok()) return Fail(round.status());
  const RoundDefinition& definition = round->definition();
  std::cout << (definition.kind == RoundKind::kTrial
                    ? Format("第 1 项：$0，$1 年（试考核），$2 个单位", Word(RoundEventName(round->history().front().body)),
                             definition.year, definition.units.size())
                    : Format("第 1 项：$0，$1 年，$2 个单位", Word(RoundEventName(round->history().front().body)),
                             definition.year, definition.units.size()))
            << "\n";
  return kExitOk;
}

int Submit(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  if (!flags.count("unit") || !flags.count("by") || arguments.positional.size() != 1) {
    std::cerr << UsageOf("round");
    return kExitUsage;
  }
  absl::StatusOr<RoundFile> file = OpenStore(arguments);
  if (!file.ok()) return Fail(file.status());
  const std::string& path = arguments.positional.front();
  absl::StatusOr<std::string> figures = ReadFile(path);
  if (!figures.ok()) return Fail(figures.status());
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> findings;
  const absl::StatusOr<RoundFile::Step> step =
      file->Submit(flags.at("unit"), flags.at("by"), flags.count("document") ? flags.at("document") : "",
                   *std::move(figures), path, *at, diagnostics, findings);
  PrintDiagnostics(diagnostics);
  if (!step.ok()) return FailAfter(step.status(), diagnostics);
  Printed(step);
  for (const std::string& finding : findings) std::cout << "  " << finding << "\n";
  return kExitOk;
}

int Decide(const std::string& step, const Arguments& arguments) {
  const auto& flags = arguments.flags;
  const bool per_unit = step == "accept" || step == "return";
  if (!flags.count("by") || (per_unit && !flags.count("unit"))) {
    std::cerr << UsageOf("round");
    return kExitUsage;
  }
  absl::StatusOr<RoundFile> file = OpenStore(arguments);
  if (!file.ok()) return Fail(file.status());
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  const std::string& by = flags.at("by");
  const std::string reason = flags.count("reason") ? flags.at("reason") : "";
  if (step == "accept") return Printed(file->Accept(flags.at("unit"), by, *at));
  if (step == "return") return Printed(file->Return(flags.at("unit"), by, reason, *at));
  RoundEventBody body;
  if (step == "approve") {
    body = RoundApproved{by};
  } else if (step == "publish") {
    body = RoundPublished{by};
  } else if (step == "withdraw") {
    body = ApprovalWithdrawn{by, reason};
  } else {
    body = RoundReopened{by, reason};
  }
  return Printed(file->Append(RoundEvent{*at, body}));
}

int Show(const std::string& step, const Arguments& arguments) {
  absl::StatusOr<RoundFile> file = OpenStore(arguments);
  if (!file.ok()) return Fail(file.status());
  std::optional<Instant> as_of;
  if (arguments.flags.count("as-of")) {
    as_of = Instant::Parse(arguments.flags.at("as-of"));
    if (!as_of) {
      std::cerr << "healthact: " << Tr("--as-of takes a time like 2023-01-05T09:30:00") << "\n";
      return kExitUsage;
    }
  }
  const absl::StatusOr<Round> round = file->Replay();
  if (!round.ok()) return Fail(round.status());
  if (step == "status" && arguments.flags.count("format")) {
    std::cerr << "healthact: " << Tr("round status is text; round history --format jsonl gives the events") << "\n";
    return kExitUsage;
  }
  if (step == "history" && arguments.flags.count("format")) {
    if (arguments.flags.at("format") != "jsonl") {
      std::cerr << "healthact: " << Tr("round history writes text or jsonl (--format jsonl)") << "\n";
      return kExitUsage;
    }
    std::int64_t seq = 0;
    for (const RoundEvent& event : round->history()) {
      if (as_of && *as_of < event.at) break;
      std::cout << RoundEventJson(++seq, event) << "\n";
    }
    return kExitOk;
  }
  const RoundDefinition& d = round->definition();
  std::cout << Title(d.framework, d.year, d.kind);
  if (d.targets_of) std::cout << Format("（按 $0 年目标）", *d.targets_of);
  std::cout << "\n";
  if (step == "history") {
    int seq = 0;
    for (const RoundEvent& event : round->history()) {
      if (as_of && *as_of < event.at) break;
      std::cout << ++seq << "\t" << event.at.ToString() << "\t" << Word(RoundEventName(event.body));
      std::visit([](const auto& e) {
        if constexpr (requires { e.unit; }) std::cout << "\t" << e.unit;
        if constexpr (requires { e.revision; }) std::cout << "\t" << Format("第 $0 次提交", e.revision);
        std::cout << "\t" << e.by;
        if constexpr (requires { e.reason; }) {
          if (!e.reason.empty()) std::cout << "\t" << e.reason;
        }
      }, event.body);
      std::cout << "\n";
    }
    return kExitOk;
  }
  const RoundStatus status = round->StatusAt(as_of);
  std::cout << Format("状态：$0", Word(RoundStateName(status.state)));
  if (status.approved_at) std::cout << Format("（$0 审定于 $1）", status.approved_by, status.approved_at->ToString());
  std::cout << "\n";
  if (status.report.formed != nullptr) {
    std::cout << Tr("综合报告：");
    bool first = true;
    for (const auto& [action, step] : status.report.steps) {
      if (!std::exchange(first, false)) std::cout << Tr("；");
      std::cout << Format("$0（$1 $2）", Tr(ReportStepDone(action)), step.second, step.first.ToString());
    }
    std::cout << "\n";
  }
  for (const UnitSubmissions& u : status.units) {
    std::cout << u.unit << "\t" << Word(SubmissionStateName(u.state));
    if (u.revisions > 0) std::cout << "\t" << Format("第 $0 次提交 $1", u.revisions, u.last_submitted->ToString());
    if (u.late) std::cout << "\t" << Tr("逾期");
    if (!u.returned_reason.empty()) std::cout << "\t" << Format("退回：$0", u.returned_reason);
    std::cout << "\n";
  }
  return kExitOk;
}

// A history kept elsewhere, as the JSON lines `round history --format jsonl`
// writes, into a new store (RoundFile::Import): written at once or not at all.
int Import(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  if (!flags.count("framework") || !flags.count("org") || arguments.positional.size() != 1) {
    std::cerr << UsageOf("round");
    return kExitUsage;
  }
  const std::optional<RoundSources> sources = LoadSources(arguments);
  if (!sources) return kExitInvalid;
  const std::string& path = arguments.positional.front();
  absl::StatusOr<std::string> lines = ReadFile(path);
  if (!lines.ok()) return Fail(lines.status());
  const absl::StatusOr<RoundFile> file = RoundFile::Import(flags.at("store"), sources->framework.framework,
                                                           sources->org_text, sources->organisation, *lines, path);
  if (!file.ok()) return Fail(file.status());
  const absl::StatusOr<Round> round = file->Replay();
  if (!round.ok()) return Fail(round.status());
  std::cout << Format("$0 项已导入：$1 $2 年", round->history().size(), round->definition().framework,
                      round->definition().year)
            << "\n";
  return kExitOk;
}

// A unit's own round, sent up as its store file (RoundFile::Receive).
int Receive(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  if (!flags.count("by") || arguments.positional.size() != 1) {
    std::cerr << UsageOf("round");
    return kExitUsage;
  }
  absl::StatusOr<RoundFile> file = OpenStore(arguments);
  if (!file.ok()) return Fail(file.status());
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  return Printed(file->Receive(arguments.positional.front(), flags.at("by"),
                               flags.count("unit") ? flags.at("unit") : "", *at));
}

// What each unit of the round has sent up, and who has not.
int Received(const Arguments& arguments) {
  absl::StatusOr<RoundFile> file = OpenStore(arguments);
  if (!file.ok()) return Fail(file.status());
  const absl::StatusOr<Round> round = file->Replay();
  if (!round.ok()) return Fail(round.status());
  const RoundStatus status = round->StatusAt();
  for (const std::string& unit : round->definition().units) {
    const auto found = status.received.find(unit);
    if (found == status.received.end()) {
      std::cout << unit << "\t" << Tr("未报送") << "\n";
      continue;
    }
    const UnitRoundReceived& r = *found->second.second;
    const bool late =
        std::find(status.sent_up_late.begin(), status.sent_up_late.end(), unit) != status.sent_up_late.end();
    std::cout << unit << "\t" << Format("$0 收到", found->second.first.ToString()) << "\t"
              << Title(r.framework, r.year, r.kind) << "\t"
              << Format("$0（$1）", Word(RoundStateName(r.state)), r.approved_by) << "\tSHA-256 " << r.file_sha256
              << (late ? "\t" + std::string(Tr("逾期")) : std::string()) << "\n";
  }
  return kExitOk;
}

// The office's overall report, step by step: formed (its text kept
// verbatim), agreed (同意), reported up (上报), circulated (通报), published (发布).
int ReportStep(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  const std::vector<std::string>& words = arguments.positional;
  std::optional<ReportAction> action;
  if (!words.empty()) {
    std::string key = words.front();
    std::replace(key.begin(), key.end(), '-', '_');
    action = ParseReportActionKey(key);
  }
  const std::size_t wanted = action == ReportAction::kForm ? 2 : 1;
  if (!action || !flags.count("by") || words.size() != wanted) {
    std::cerr << UsageOf("round");
    return kExitUsage;
  }
  absl::StatusOr<RoundFile> file = OpenStore(arguments);
  if (!file.ok()) return Fail(file.status());
  std::string text;
  if (*action == ReportAction::kForm) {
    absl::StatusOr<std::string> read = ReadFile(words[1]);
    if (!read.ok()) return Fail(read.status());
    text = std::move(*read);
  }
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  return Printed(file->Append(RoundEvent{*at, ReportStepOf(*action, flags.at("by"), std::move(text))}));
}

// The spot-check (复核): the units drawn (--sample K --seed S) or those the
// verified file names, their verified values, and what they change, printed
// and recorded.
int ReviewStep(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  if (!flags.count("by") || !flags.count("verified")) {
    std::cerr << UsageOf("round");
    return kExitUsage;
  }
  std::optional<RoundFile::Draw> draw;
  if (flags.count("sample")) {
    const std::optional<std::pair<int, std::uint64_t>> asked = SampleAndSeed(arguments);
    if (!asked) return kExitUsage;
    draw = RoundFile::Draw{asked->first, asked->second};
  }
  absl::StatusOr<RoundFile> file = OpenStore(arguments);
  if (!file.ok()) return Fail(file.status());
  absl::StatusOr<std::string> verified = ReadFile(flags.at("verified"));
  if (!verified.ok()) return Fail(verified.status());
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  std::vector<Diagnostic> diagnostics;
  const std::string by = flags.at("by");
  const absl::StatusOr<RoundFile::Reviewed> reviewed =
      file->Review(by, flags.count("group") ? SplitList(flags.at("group")) : std::vector<std::string>{},
                   *std::move(verified), flags.at("verified"), draw, *at, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!reviewed.ok()) return FailAfter(reviewed.status(), diagnostics);
  Printed(reviewed->step);
  for (const Discrepancy& x : reviewed->result.discrepancies) {
    std::cout << x.unit << "  " << Format("指标 $0  报告 $1  核实 $2", x.key, x.reported.ToString(), x.verified.ToString())
              << "  " << VerdictStatusName(x.before) << " → "
              << VerdictStatusName(x.after) << "  " << (x.reviewer.empty() ? by : x.reviewer) << "："
              << x.reason << "\n";
  }
  return kExitOk;
}

// The approved result: every unit's accepted figures assessed as the round
// defines, with the round's record (trial or official, who approved when,
// each unit's accepted revision) beside the assessment's decision record.
int Export(const Arguments& arguments) {
  const std::string format = arguments.flags.count("format") ? arguments.flags.at("format") : "json";
  if (format != "json" && format != "csv" && format != "xlsx") {
    std::cerr << "healthact: " << Tr("round export writes json, csv or xlsx (with --output FILE.xlsx)") << "\n";
    return kExitUsage;
  }
  absl::StatusOr<RoundFile> file = OpenStore(arguments);
  if (!file.ok()) return Fail(file.status());
  const absl::StatusOr<Round> round = file->Replay();
  if (!round.ok()) return Fail(round.status());
  const absl::StatusOr<RoundResult> result = file->Result();
  if (!result.ok()) return Fail(result.status());
  const std::string output = arguments.flags.count("output") ? arguments.flags.at("output") : "";
  if (format == "xlsx") return EmitSheets(RoundResultSheets(*round, *result), output);
  return Emit(format == "csv" ? RoundResultCsv(*round, *result) : RoundResultJson(*round, *result), output);
}

}  // namespace

int RoundCommand(const std::vector<std::string>& words) {
  if (words.empty()) {
    std::cerr << UsageOf("round");
    return kExitUsage;
  }
  const std::string step = words.front();
  constexpr std::string_view kSteps[] = {"new",     "submit", "accept",  "return", "approve", "publish",
                                         "withdraw", "reopen", "status", "history", "export", "review",
                                         "report",  "receive", "import", "received"};
  if (std::find(std::begin(kSteps), std::end(kSteps), step) == std::end(kSteps)) {
    std::cerr << "healthact: " << Format("unknown round step '$0'", step) << "\n" << UsageOf("round");
    return kExitUsage;
  }
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  const auto arguments =
      ParseArguments(rest, {"store", "framework", "year", "org", "units", "level", "within", "trial",
                            "targets-of", "committee", "group", "deadline", "send-up-deadline", "by", "at", "unit",
                            "document", "reason", "as-of", "format", "verified", "sample", "seed", "output"});
  if (!arguments) return kExitUsage;  // ParseArguments said why
  if (!arguments->flags.count("store")) {
    std::cerr << "healthact: " << Format("round $0 needs --store FILE", step) << "\n" << UsageOf("round");
    return kExitUsage;
  }
  if (step == "new") return New(*arguments);
  if (step == "submit") return Submit(*arguments);
  if (step == "accept" || step == "return" || step == "approve" || step == "publish" ||
      step == "withdraw" || step == "reopen") {
    return Decide(step, *arguments);
  }
  if (step == "status" || step == "history") return Show(step, *arguments);
  if (step == "export") return Export(*arguments);
  if (step == "review") return ReviewStep(*arguments);
  if (step == "report") return ReportStep(*arguments);
  if (step == "receive") return Receive(*arguments);
  if (step == "import") return Import(*arguments);
  return Received(*arguments);
}

}  // namespace healthact::cli
