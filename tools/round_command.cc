// healthact round: the assessment round kept in a store file (round.hpp,
// store.hpp).  The tool reads the clock for each step (--at replays one).
#include <algorithm>
#include <ctime>
#include <iostream>
#include <string>

#include "cli.hpp"
#include "commands.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/assess/review.hpp"
#include "healthact/report/round_result.hpp"
#include "healthact/round/store.hpp"

namespace healthact::cli {
namespace {

constexpr const char* kUsage =
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
    "TIME is 2023-01-05T09:30:00 (or a date); WHO a person or a post of the organisation.\n";

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

// "2022 年考核", "2022 年试考核": how a round's title names its kind.
std::string_view Assessed(RoundKind kind) { return kind == RoundKind::kTrial ? RoundKindName(kind) : "考核"; }

int Fail(const absl::Status& status) {
  std::cerr << "healthact: " << status.message() << "\n";
  return kExitInvalid;
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
  if (!at) std::cerr << "healthact: --at takes a time like 2023-01-05T09:30:00\n";
  return at;
}

struct Opened {
  RoundStore store;
  std::shared_ptr<const Organisation> organisation;
  std::shared_ptr<const Framework> framework;
};

// The store at `path` with the organisation and framework it keeps.
absl::StatusOr<Opened> OpenStoreAt(const std::string& path, RoundStore::Access access) {
  absl::StatusOr<RoundStore> store = RoundStore::Open(path, access);
  if (!store.ok()) return store.status();
  ParsedOrganisation org = ParseOrganisation(store->organisation_text(), "(the round's organisation)");
  ParsedFramework framework = ParseFramework(store->framework_text(), "(the round's framework)");
  if (!org.ok() || !framework.ok()) {
    return absl::DataLossError("the round's organisation or framework no longer reads");
  }
  return Opened{std::move(*store), org.organisation, framework.framework};
}

// The store of --store.
absl::StatusOr<Opened> OpenStore(const Arguments& arguments) {
  return OpenStoreAt(arguments.flags.at("store"), RoundStore::Access::kReadWrite);
}

// The round as its store holds it, replayed under its rules.
absl::StatusOr<Round> Replayed(const Opened& opened) {
  const absl::StatusOr<std::vector<RoundEvent>> events = opened.store.Events();
  if (!events.ok()) return events.status();
  return Round::Replay(*events, opened.organisation);
}

int Append(Opened& opened, const RoundEvent& event) {
  const absl::StatusOr<std::int64_t> seq = opened.store.Append(event, opened.organisation);
  if (!seq.ok()) return Fail(seq.status());
  std::cout << "第 " << *seq << " 项：" << RoundEventName(event.body) << "，" << event.at.ToString() << "\n";
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

int New(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  for (const char* flag : {"framework", "year", "org", "units"}) {
    if (!flags.count(flag)) {
      std::cerr << "healthact: round new needs --" << flag << "\n" << kUsage;
      return kExitUsage;
    }
  }
  const std::optional<RoundSources> sources = LoadSources(arguments);
  if (!sources) return kExitInvalid;
  const ParsedFramework& framework = sources->framework;
  Observations units;
  if (!LoadData(flags.at("units"), nullptr, true, units)) return kExitInvalid;

  RoundDefinition definition;
  definition.framework = framework.framework->name();
  definition.framework_sha256 = FrameworkSha256(*framework.framework);
  try {
    definition.year = std::stoi(flags.at("year"));
    if (flags.count("targets-of")) definition.targets_of = std::stoi(flags.at("targets-of"));
  } catch (const std::exception&) {
    std::cerr << "healthact: --year and --targets-of take a year\n";
    return kExitUsage;
  }
  definition.kind = flags.count("trial") ? RoundKind::kTrial : RoundKind::kOfficial;
  if (definition.targets_of && definition.kind != RoundKind::kTrial) {
    std::cerr << "healthact: only a trial (--trial) judges a year against another year's targets\n";
    return kExitUsage;
  }
  if (flags.count("level")) {
    definition.level = ParseUnitLevel(flags.at("level"));
    if (!definition.level) {
      std::cerr << "healthact: unknown level '" << flags.at("level") << "'\n";
      return kExitUsage;
    }
  }
  // An official round judges the year against its own targets; a trial may
  // judge it against the next year that has them, and says so.
  const std::vector<int> target_years = framework.framework->TargetYears();
  const auto next = std::lower_bound(target_years.begin(), target_years.end(), definition.year);
  const bool has_own = next != target_years.end() && *next == definition.year;
  if (definition.targets_of && (next == target_years.end() || *next != *definition.targets_of)) {
    std::cerr << "healthact: a trial of " << definition.year << " is judged against the next targets "
              << "the framework has" << (next == target_years.end() ? std::string(" (it has none later)")
                                                                    : " (" + std::to_string(*next) + ")")
              << ", not " << *definition.targets_of << "\n";
    return kExitUsage;
  }
  if (!has_own && !definition.targets_of) {
    std::cerr << "healthact: the framework has no target for " << definition.year
              << (next != target_years.end()
                      ? "; a trial (试考核) may judge it against " + std::to_string(*next) +
                            "'s: --trial --targets-of " + std::to_string(*next)
                      : std::string())
              << "\n";
    return kExitInvalid;
  }
  std::optional<UnitId> within;
  if (flags.count("within")) {
    definition.within = flags.at("within");
    within = units.FindUnit(definition.within);
    if (!within) {
      std::cerr << "healthact: no unit named '" << definition.within << "' in " << flags.at("units") << "\n";
      return kExitUsage;
    }
  }
  for (UnitId unit = 0; unit < units.unit_count(); ++unit) {
    if (definition.level && units.level(unit) != *definition.level) continue;
    bool under = !within;
    for (std::optional<UnitId> up = units.parent(unit); up && !under; up = units.parent(*up)) under = *up == *within;
    if (under) definition.units.push_back(units.unit_name(unit));
  }
  if (flags.count("committee")) {
    definition.committee = flags.at("committee");
  } else if (sources->organisation->committees.size() == 1) {
    definition.committee = sources->organisation->committees.front().jurisdiction;
  } else {
    std::cerr << "healthact: the organisation has several committees: name the round's (--committee)\n";
    return kExitUsage;
  }
  const Committee* committee = sources->organisation->FindCommittee(definition.committee);
  if (committee == nullptr) {
    std::cerr << "healthact: the organisation has no committee '" << definition.committee << "'\n";
    return kExitUsage;
  }
  if (flags.count("group")) definition.assessment_group = SplitList(flags.at("group"));
  for (const auto& [flag, into] : {std::pair{"deadline", &definition.deadline},
                                   std::pair{"send-up-deadline", &definition.send_up_deadline}}) {
    if (!flags.count(flag)) continue;
    *into = Instant::Parse(flags.at(flag));
    if (!*into) {
      std::cerr << "healthact: --" << flag << " takes a time like 2023-01-15T18:00:00\n";
      return kExitUsage;
    }
  }
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  const std::string by = flags.count("by") ? flags.at("by") : committee->office_department;
  const RoundEvent opening{*at, RoundOpened{definition, by}};
  absl::StatusOr<RoundStore> store = RoundStore::Create(
      flags.at("store"), opening, FormatFramework(*framework.framework), sources->org_text, sources->organisation);
  if (!store.ok()) return Fail(store.status());
  std::cout << "第 1 项：" << RoundEventName(opening.body) << "，" << definition.year << " 年"
            << (definition.kind == RoundKind::kTrial ? "（" + std::string(RoundKindName(definition.kind)) + "）" : "")
            << "，"
            << definition.units.size() << " 个单位\n";
  return kExitOk;
}

int Submit(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  if (!flags.count("unit") || !flags.count("by") || arguments.positional.size() != 1) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  absl::StatusOr<Opened> opened = OpenStore(arguments);
  if (!opened.ok()) return Fail(opened.status());
  const std::string& file = arguments.positional.front();
  absl::StatusOr<std::string> figures = ReadFile(file);
  if (!figures.ok()) return Fail(figures.status());
  // The figures are read as the round's framework reads them: a file that
  // does not read is refused, and so are another unit's rows.
  Observations read;
  const std::vector<Diagnostic> diagnostics =
      ReadObservationsCsv(*figures, file, opened->framework.get(), read);
  for (const Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
  if (HasErrors(diagnostics)) return kExitInvalid;
  const std::string& unit = flags.at("unit");
  for (UnitId id = 0; id < read.unit_count(); ++id) {
    if (read.unit_name(id) != unit) {
      std::cerr << "healthact: " << file << " has figures of '" << read.unit_name(id) << "', not only of '"
                << unit << "'\n";
      return kExitInvalid;
    }
  }
  if (!read.FindUnit(unit)) {
    std::cerr << "healthact: " << file << " has no figures of '" << unit << "'\n";
    return kExitInvalid;
  }
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  const int code = Append(*opened, RoundEvent{*at, SubmissionOf(unit, flags.at("by"),
                                                               flags.count("document") ? flags.at("document") : "",
                                                               *figures)});
  if (code != kExitOk) return code;
  // What validation finds stays with the submission: shown now, and again
  // whenever its figures are read.
  if (const absl::StatusOr<Round> round = Replayed(*opened); round.ok()) {
    AssessOptions options;
    options.targets = round->definition().targets_of ? TargetChoice::kInForce : TargetChoice::kOfTheYear;
    auto observations = std::make_shared<Observations>(std::move(read));
    const Assessment assessment =
        Assess(opened->framework, observations, round->definition().year, options);
    for (std::size_t u = 0; u < assessment.unit_count(); ++u) {
      for (const Finding& finding : assessment.findings(u)) std::cout << "  " << finding.message << "\n";
    }
  }
  return kExitOk;
}

int Decide(const std::string& step, const Arguments& arguments) {
  const auto& flags = arguments.flags;
  const bool per_unit = step == "accept" || step == "return";
  if (!flags.count("by") || (per_unit && !flags.count("unit"))) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  absl::StatusOr<Opened> opened = OpenStore(arguments);
  if (!opened.ok()) return Fail(opened.status());
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  const std::string& by = flags.at("by");
  const std::string reason = flags.count("reason") ? flags.at("reason") : "";
  RoundEventBody body;
  if (per_unit) {
    // The latest revision is the one decided on.
    const absl::StatusOr<Round> round = Replayed(*opened);
    if (!round.ok()) return Fail(round.status());
    int revision = 0;
    for (const UnitSubmissions& unit : round->StatusAt().units) {
      if (unit.unit == flags.at("unit")) revision = unit.revisions;
    }
    if (step == "accept") {
      body = SubmissionAccepted{flags.at("unit"), revision, by};
    } else {
      body = SubmissionReturned{flags.at("unit"), revision, by, reason};
    }
  } else if (step == "approve") {
    body = RoundApproved{by};
  } else if (step == "publish") {
    body = RoundPublished{by};
  } else if (step == "withdraw") {
    body = ApprovalWithdrawn{by, reason};
  } else {
    body = RoundReopened{by, reason};
  }
  return Append(*opened, RoundEvent{*at, body});
}

int Show(const std::string& step, const Arguments& arguments) {
  absl::StatusOr<Opened> opened = OpenStore(arguments);
  if (!opened.ok()) return Fail(opened.status());
  std::optional<Instant> as_of;
  if (arguments.flags.count("as-of")) {
    as_of = Instant::Parse(arguments.flags.at("as-of"));
    if (!as_of) {
      std::cerr << "healthact: --as-of takes a time like 2023-01-05T09:30:00\n";
      return kExitUsage;
    }
  }
  const absl::StatusOr<Round> round = Replayed(*opened);
  if (!round.ok()) return Fail(round.status());
  if (step == "status" && arguments.flags.count("format")) {
    std::cerr << "healthact: round status is text; round history --format jsonl gives the events\n";
    return kExitUsage;
  }
  if (step == "history" && arguments.flags.count("format")) {
    if (arguments.flags.at("format") != "jsonl") {
      std::cerr << "healthact: round history writes text or jsonl (--format jsonl)\n";
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
  std::cout << d.framework << " " << d.year << " 年" << Assessed(d.kind);
  if (d.targets_of) std::cout << "（按 " << *d.targets_of << " 年目标）";
  std::cout << "\n";
  if (step == "history") {
    int seq = 0;
    for (const RoundEvent& event : round->history()) {
      if (as_of && *as_of < event.at) break;
      std::cout << ++seq << "\t" << event.at.ToString() << "\t" << RoundEventName(event.body);
      std::visit([](const auto& e) {
        if constexpr (requires { e.unit; }) std::cout << "\t" << e.unit;
        if constexpr (requires { e.revision; }) std::cout << "\t第 " << e.revision << " 次提交";
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
  std::cout << "状态：" << RoundStateName(status.state);
  if (status.approved_at) std::cout << "（" << status.approved_by << " 审定于 " << status.approved_at->ToString() << "）";
  std::cout << "\n";
  if (status.report.formed != nullptr) {
    std::cout << "综合报告：";
    for (const auto& [action, step] : status.report.steps) {
      std::cout << (action == ReportAction::kForm ? "" : "；") << "已" << ReportActionName(action) << "（"
                << step.second << " " << step.first.ToString() << "）";
    }
    std::cout << "\n";
  }
  for (const UnitSubmissions& u : status.units) {
    std::cout << u.unit << "\t" << SubmissionStateName(u.state);
    if (u.revisions > 0) std::cout << "\t第 " << u.revisions << " 次提交 " << u.last_submitted->ToString();
    if (u.late) std::cout << "\t逾期";
    if (!u.returned_reason.empty()) std::cout << "\t退回：" << u.returned_reason;
    std::cout << "\n";
  }
  return kExitOk;
}

// A history kept elsewhere, as the JSON lines `round history --format jsonl`
// writes, into a new store: every line read, numbered from 1 without a gap,
// the round assessing exactly the framework given, and the whole history
// replaying under the organisation's rules; written at once or not at all.
int Import(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  if (!flags.count("framework") || !flags.count("org") || arguments.positional.size() != 1) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::optional<RoundSources> sources = LoadSources(arguments);
  if (!sources) return kExitInvalid;
  const ParsedFramework& framework = sources->framework;
  const std::string& file = arguments.positional.front();
  absl::StatusOr<std::string> lines = ReadFile(file);
  if (!lines.ok()) return Fail(lines.status());
  std::vector<RoundEvent> history;
  std::size_t start = 0;
  for (int line = 1; start < lines->size(); ++line) {
    std::size_t end = lines->find('\n', start);
    if (end == std::string::npos) end = lines->size();
    const std::string_view text = std::string_view(*lines).substr(start, end - start);
    start = end + 1;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    absl::StatusOr<NumberedRoundEvent> read = ParseRoundEventJson(text);
    if (!read.ok()) {
      std::cerr << file << ":" << line << ": " << read.status().message() << "\n";
      return kExitInvalid;
    }
    if (read->seq != static_cast<std::int64_t>(history.size()) + 1) {
      std::cerr << file << ":" << line << ": event " << read->seq << " where event " << history.size() + 1
                << " comes: the events are numbered from 1, in order, without a gap\n";
      return kExitInvalid;
    }
    history.push_back(std::move(read->event));
  }
  if (history.empty() || !std::holds_alternative<RoundOpened>(history.front().body)) {
    std::cerr << "healthact: " << file << ": a round's history begins with its opening\n";
    return kExitInvalid;
  }
  const RoundDefinition& d = std::get<RoundOpened>(history.front().body).definition;
  const std::string sha256 = FrameworkSha256(*framework.framework);
  if (d.framework_sha256 != sha256) {
    std::cerr << "healthact: the history's round assesses the framework with SHA-256 " << d.framework_sha256
              << "; " << flags.at("framework") << " has " << sha256 << "\n";
    return kExitInvalid;
  }
  absl::StatusOr<RoundStore> store =
      RoundStore::Import(flags.at("store"), history, FormatFramework(*framework.framework), sources->org_text,
                         sources->organisation);
  if (!store.ok()) return Fail(store.status());
  std::cout << history.size() << " 项已导入：" << d.framework << " " << d.year << " 年\n";
  return kExitOk;
}

// A unit's own round, sent up as its store file: checked (it opens intact,
// replays under its own rules, is approved, and its result computes from its
// events), then recorded with the file's hash and the result.
int Receive(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  if (!flags.count("by") || arguments.positional.size() != 1) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string& file = arguments.positional.front();
  absl::StatusOr<Opened> sent = OpenStoreAt(file, RoundStore::Access::kReadOnly);
  if (!sent.ok()) return Fail(sent.status());
  const absl::StatusOr<Round> theirs = Replayed(*sent);
  if (!theirs.ok()) return Fail(absl::DataLossError(file + ": " + std::string(theirs.status().message())));
  const RoundStatus their_status = theirs->StatusAt();
  const absl::StatusOr<RoundResult> result = ComputeRoundResult(*theirs, sent->framework);
  if (!result.ok()) return Fail(result.status());
  const absl::StatusOr<std::string> sha256 = sent->store.FileSha256();
  if (!sha256.ok()) return Fail(sha256.status());
  // The sender is the unit whose committee ran the round.
  const std::string unit = flags.count("unit") ? flags.at("unit") : theirs->definition().committee;
  if (unit != theirs->definition().committee) {
    std::cerr << "healthact: " << file << " is the round of " << theirs->definition().committee << ", not of "
              << unit << "\n";
    return kExitInvalid;
  }
  absl::StatusOr<Opened> opened = OpenStore(arguments);
  if (!opened.ok()) return Fail(opened.status());
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  const RoundDefinition& d = theirs->definition();
  return Append(*opened, RoundEvent{*at, UnitRoundReceived{unit, flags.at("by"), *sha256, d.framework, d.year,
                                                           d.kind, their_status.state, their_status.approved_by,
                                                           RoundResultCsv(*theirs, *result)}});
}

// What each unit of the round has sent up, and who has not.
int Received(const Arguments& arguments) {
  absl::StatusOr<Opened> opened = OpenStore(arguments);
  if (!opened.ok()) return Fail(opened.status());
  const absl::StatusOr<Round> round = Replayed(*opened);
  if (!round.ok()) return Fail(round.status());
  const RoundStatus status = round->StatusAt();
  for (const std::string& unit : round->definition().units) {
    const auto found = status.received.find(unit);
    if (found == status.received.end()) {
      std::cout << unit << "\t未报送\n";
      continue;
    }
    const UnitRoundReceived& r = *found->second.second;
    std::cout << unit << "\t" << found->second.first.ToString() << " 收到\t" << r.framework << " " << r.year
              << " 年" << Assessed(r.kind) << "\t" << RoundStateName(r.state)
              << "（" << r.approved_by << "）\tSHA-256 " << r.file_sha256
              << (std::find(status.sent_up_late.begin(), status.sent_up_late.end(), unit) != status.sent_up_late.end()
                      ? "\t逾期"
                      : "")
              << "\n";
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
    std::cerr << kUsage;
    return kExitUsage;
  }
  absl::StatusOr<Opened> opened = OpenStore(arguments);
  if (!opened.ok()) return Fail(opened.status());
  std::string text;
  if (*action == ReportAction::kForm) {
    absl::StatusOr<std::string> read = ReadFile(words[1]);
    if (!read.ok()) return Fail(read.status());
    text = std::move(*read);
  }
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  return Append(*opened, RoundEvent{*at, ReportStepOf(*action, flags.at("by"), std::move(text))});
}

// The spot-check (复核): the units drawn (--sample K --seed S) or those the
// verified file names, their verified values, and what they change, printed
// and recorded.
int ReviewStep(const Arguments& arguments) {
  const auto& flags = arguments.flags;
  if (!flags.count("by") || !flags.count("verified")) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  absl::StatusOr<Opened> opened = OpenStore(arguments);
  if (!opened.ok()) return Fail(opened.status());
  const absl::StatusOr<Round> round = Replayed(*opened);
  if (!round.ok()) return Fail(round.status());
  const absl::StatusOr<RoundResult> result = ComputeRoundResult(*round, opened->framework);
  if (!result.ok()) return Fail(result.status());
  const Assessment& assessment = result->assessment;
  absl::StatusOr<std::string> verified_text = ReadFile(flags.at("verified"));
  if (!verified_text.ok()) return Fail(verified_text.status());
  Observations verified;
  VerifiedNotes notes;
  const std::vector<Diagnostic> read =
      ReadVerifiedCsv(*verified_text, flags.at("verified"), opened->framework.get(), verified, notes);
  for (const Diagnostic& d : read) std::cerr << d.ToString() << "\n";
  if (HasErrors(read)) return kExitInvalid;
  std::uint64_t seed = 0;
  std::vector<UnitId> sample;
  if (flags.count("sample")) {
    const std::optional<std::vector<UnitId>> drawn = DrawSample(arguments, assessment, seed);
    if (!drawn) return kExitUsage;
    sample = *drawn;
  } else {
    sample = UnitsVerified(assessment, verified);
  }
  std::vector<std::string> names;
  for (UnitId unit : sample) names.push_back(assessment.observations().unit_name(unit));
  const FiguresReviewed review =
      ReviewOf(flags.at("by"), flags.count("group") ? SplitList(flags.at("group")) : std::vector<std::string>{},
               names, seed, *verified_text);
  // Every value the spot-check changes says why, before it is kept.
  const ReviewResult checked = Review(assessment, verified, sample, &notes);
  if (absl::Status record = CheckReviewRecord(checked, flags.at("verified"), review.by, review.group);
      !record.ok()) {
    return Fail(record);
  }
  const std::optional<Instant> at = When(arguments);
  if (!at) return kExitUsage;
  if (const int code = Append(*opened, RoundEvent{*at, review}); code != kExitOk) return code;
  for (const Discrepancy& x : checked.discrepancies) {
    std::cout << x.unit << "  指标 " << x.key << "  报告 " << x.reported.ToString() << "  核实 "
              << x.verified.ToString() << "  " << VerdictStatusName(x.before) << " → "
              << VerdictStatusName(x.after) << "  " << (x.reviewer.empty() ? review.by : x.reviewer) << "："
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
    std::cerr << "healthact: round export writes json, csv or xlsx (with --output FILE.xlsx)\n";
    return kExitUsage;
  }
  absl::StatusOr<Opened> opened = OpenStore(arguments);
  if (!opened.ok()) return Fail(opened.status());
  const absl::StatusOr<Round> round = Replayed(*opened);
  if (!round.ok()) return Fail(round.status());
  const RoundStatus status = round->StatusAt();
  if (status.state == RoundState::kCollecting) {
    std::cerr << "healthact: the round is " << RoundStateName(status.state)
              << ": its result is exported once the committee's director has approved it\n";
    return kExitInvalid;
  }
  const absl::StatusOr<RoundResult> result = ComputeRoundResult(*round, opened->framework);
  if (!result.ok()) return Fail(result.status());
  const std::string output = arguments.flags.count("output") ? arguments.flags.at("output") : "";
  if (format == "xlsx") return EmitSheets(RoundResultSheets(*round, *result), output);
  return Emit(format == "csv" ? RoundResultCsv(*round, *result) : RoundResultJson(*round, *result), output);
}

}  // namespace

int RoundCommand(const std::vector<std::string>& words) {
  if (words.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string step = words.front();
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  const auto arguments =
      ParseArguments(rest, {"store", "framework", "year", "org", "units", "level", "within", "trial",
                            "targets-of", "committee", "group", "deadline", "send-up-deadline", "by", "at", "unit",
                            "document", "reason", "as-of", "format", "verified", "sample", "seed", "output"});
  if (!arguments || !arguments->flags.count("store")) {
    std::cerr << kUsage;
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
  if (step == "received") return Received(*arguments);
  std::cerr << "healthact: unknown round step '" << step << "'\n" << kUsage;
  return kExitUsage;
}

}  // namespace healthact::cli
