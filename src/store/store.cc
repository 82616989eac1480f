// The round's SQLite store (store.hpp).
#include "healthact/store/store.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "core/sha256.hpp"
#include "core/overloaded.hpp"
#include "core/strings.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;
namespace {

// 'HACT': PRAGMA application_id, so that no other SQLite file is read as a round.
constexpr int kApplicationId = 0x48414354;
constexpr int kSchemaVersion = 1;

// One event as the columns of its row.
struct Row {
  std::string at, kind, unit, actor;
  std::int64_t revision = 0;
  std::string reason, document, figures, figures_sha256;

  // Every column, each with its length, so that no two rows hash alike.
  std::string Hash(std::int64_t seq) const {
    std::string all;
    for (const std::string* field : {&at, &kind, &unit, &actor, &reason, &document, &figures,
                                     &figures_sha256}) {
      text::StrAppend(&all, field->size(), ":", *field, ";");
    }
    text::StrAppend(&all, seq, ";", revision);
    return Sha256Hex(all);
  }
};

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) text::StrAppend(&out, k > 0 ? "\n" : "", items[k]);
  return out;
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    items.push_back(text.substr(start, end - start));
  }
  items.push_back(text.substr(start));
  return items;
}

Row ToRow(const RoundEvent& event) {
  Row row;
  row.at = event.at.ToString();
  std::visit(Overloaded{
                 [&](const RoundOpened& e) { row.kind = "open", row.actor = e.by; },
                 [&](const FiguresSubmitted& e) {
                   row.kind = "submit", row.unit = e.unit, row.actor = e.by;
                   row.document = e.document, row.figures = e.figures, row.figures_sha256 = e.sha256;
                 },
                 [&](const SubmissionAccepted& e) {
                   row.kind = "accept", row.unit = e.unit, row.actor = e.by, row.revision = e.revision;
                 },
                 [&](const SubmissionReturned& e) {
                   row.kind = "return", row.unit = e.unit, row.actor = e.by, row.revision = e.revision;
                   row.reason = e.reason;
                 },
                 // A spot-check's units in `unit` and its group in `document`, a
                 // line each; its seed in `revision`; the verified values in `figures`.
                 [&](const FiguresReviewed& e) {
                   row.kind = "review", row.actor = e.by, row.unit = Joined(e.sample);
                   row.document = Joined(e.group), row.revision = static_cast<std::int64_t>(e.seed);
                   row.figures = e.verified, row.figures_sha256 = e.sha256;
                 },
                 [&](const RoundApproved& e) { row.kind = "approve", row.actor = e.by; },
                 [&](const ApprovalWithdrawn& e) {
                   row.kind = "withdraw", row.actor = e.by, row.reason = e.reason;
                 },
                 [&](const RoundPublished& e) { row.kind = "publish", row.actor = e.by; },
                 [&](const RoundReopened& e) {
                   row.kind = "reopen", row.actor = e.by, row.reason = e.reason;
                 },
                 // A receipt's round in `document`, a field a line: framework,
                 // year, kind, state, who approved it; its result in `figures`.
                 [&](const UnitRoundReceived& e) {
                   row.kind = "receive", row.unit = e.unit, row.actor = e.by;
                   row.document = Joined({e.framework, std::to_string(e.year), std::string(RoundKindKey(e.kind)),
                                          std::string(RoundStateName(e.state)), e.approved_by});
                   row.figures = e.result_csv, row.figures_sha256 = e.file_sha256;
                 },
                 [&](const OverallReportStep& e) {
                   row.kind = text::StrCat("report_", ReportActionKey(e.action)), row.actor = e.by;
                   row.figures = e.text, row.figures_sha256 = e.sha256;
                 },
             },
             event.body);
  return row;
}

std::optional<RoundEvent> FromRow(const Row& row, const RoundDefinition& definition) {
  const std::optional<Instant> at = Instant::Parse(row.at);
  if (!at) return std::nullopt;
  const int revision = static_cast<int>(row.revision);
  if (row.kind == "open") return RoundEvent{*at, RoundOpened{definition, row.actor}};
  if (row.kind == "submit") {
    return RoundEvent{*at, FiguresSubmitted{row.unit, row.actor, row.document, row.figures,
                                            row.figures_sha256}};
  }
  if (row.kind == "accept") return RoundEvent{*at, SubmissionAccepted{row.unit, revision, row.actor}};
  if (row.kind == "return") {
    return RoundEvent{*at, SubmissionReturned{row.unit, revision, row.actor, row.reason}};
  }
  if (row.kind == "review") {
    return RoundEvent{*at, FiguresReviewed{row.actor, Split(row.document), Split(row.unit),
                                           static_cast<std::uint64_t>(row.revision), row.figures,
                                           row.figures_sha256}};
  }
  if (row.kind == "approve") return RoundEvent{*at, RoundApproved{row.actor}};
  if (row.kind == "withdraw") return RoundEvent{*at, ApprovalWithdrawn{row.actor, row.reason}};
  if (row.kind == "publish") return RoundEvent{*at, RoundPublished{row.actor}};
  if (row.kind == "reopen") return RoundEvent{*at, RoundReopened{row.actor, row.reason}};
  if (row.kind == "receive") {
    const std::vector<std::string> fields = Split(row.document);
    if (fields.size() != 5) return std::nullopt;
    const std::optional<RoundKind> kind = ParseRoundKindKey(fields[2]);
    const std::optional<RoundState> state = ParseRoundStateName(fields[3]);
    int year = 0;
    try {
      year = std::stoi(fields[1]);
    } catch (const std::exception&) {
      return std::nullopt;
    }
    if (!kind || !state) return std::nullopt;
    return RoundEvent{*at, UnitRoundReceived{row.unit, row.actor, row.figures_sha256, fields[0], year, *kind,
                                             *state, fields[4], row.figures}};
  }
  if (row.kind.starts_with("report_")) {
    const std::optional<ReportAction> action = ParseReportActionKey(std::string_view(row.kind).substr(7));
    if (!action) return std::nullopt;
    return RoundEvent{*at, OverallReportStep{*action, row.actor, row.figures, row.figures_sha256}};
  }
  return std::nullopt;
}

std::map<std::string, std::string> DefinitionMeta(const RoundDefinition& d) {
  return {
      {"framework", d.framework},
      {"framework_sha256", d.framework_sha256},
      {"year", std::to_string(d.year)},
      {"kind", std::string(RoundKindKey(d.kind))},
      {"targets_of", d.targets_of ? std::to_string(*d.targets_of) : ""},
      {"level", d.level ? std::string(UnitLevelName(*d.level)) : ""},
      {"within", d.within},
      {"units", Joined(d.units)},
      {"committee", d.committee},
      {"assessment_group", Joined(d.assessment_group)},
      {"deadline", d.deadline ? d.deadline->ToString() : ""},
      {"send_up_deadline", d.send_up_deadline ? d.send_up_deadline->ToString() : ""},
  };
}

std::optional<RoundDefinition> DefinitionFrom(const std::map<std::string, std::string>& meta) {
  const auto get = [&](const char* key) -> const std::string* {
    const auto found = meta.find(key);
    return found == meta.end() ? nullptr : &found->second;
  };
  for (const char* key : {"framework", "framework_sha256", "year", "kind", "targets_of", "level",
                          "within", "units", "committee", "assessment_group", "deadline"}) {
    if (get(key) == nullptr) return std::nullopt;
  }
  RoundDefinition d;
  d.framework = *get("framework");
  d.framework_sha256 = *get("framework_sha256");
  try {
    d.year = std::stoi(*get("year"));
    if (!get("targets_of")->empty()) d.targets_of = std::stoi(*get("targets_of"));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  const std::optional<RoundKind> kind = ParseRoundKindKey(*get("kind"));
  if (!kind) return std::nullopt;
  d.kind = *kind;
  if (!get("level")->empty()) {
    d.level = ParseUnitLevel(*get("level"));
    if (!d.level) return std::nullopt;
  }
  d.within = *get("within");
  d.units = Split(*get("units"));
  d.committee = *get("committee");
  d.assessment_group = Split(*get("assessment_group"));
  if (!get("deadline")->empty()) {
    d.deadline = Instant::Parse(*get("deadline"));
    if (!d.deadline) return std::nullopt;
  }
  // Optional: stores made before it was kept have none.
  if (const std::string* send_up = get("send_up_deadline"); send_up != nullptr && !send_up->empty()) {
    d.send_up_deadline = Instant::Parse(*send_up);
    if (!d.send_up_deadline) return std::nullopt;
  }
  return d;
}

// The hash over every meta value but its own, in key order.
std::string MetaHash(const std::map<std::string, std::string>& meta) {
  std::string all;
  for (const auto& [key, value] : meta) {
    if (key != "meta_sha256") text::StrAppend(&all, key.size(), ":", key, value.size(), ":", value, ";");
  }
  return Sha256Hex(all);
}

}  // namespace

struct RoundStore::Connection {
  sqlite3* db = nullptr;
  std::string path;
  RoundDefinition definition;
  bool read_only = false;
  ~Connection() {
    if (db != nullptr) sqlite3_close(db);
  }

  absl::Status Error(std::string_view doing) const {
    const int code = sqlite3_extended_errcode(db);
    const std::string message = text::StrCat(path, ": ", doing, ": ", sqlite3_errmsg(db));
    if ((code & 0xFF) == SQLITE_CORRUPT || (code & 0xFF) == SQLITE_NOTADB) {
      return absl::DataLossError(Format("$0 (the file is damaged or not a round's store)", message));
    }
    if ((code & 0xFF) == SQLITE_BUSY) return absl::UnavailableError(message);
    return absl::InternalError(message);
  }

  absl::Status Exec(const char* sql) const {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return Error(sql);
    return absl::OkStatus();
  }

  // One integer of a PRAGMA.
  absl::StatusOr<std::int64_t> Pragma(const char* sql) const {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) return Error(sql);
    const int step = sqlite3_step(statement);
    const std::int64_t value = step == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0;
    sqlite3_finalize(statement);
    if (step != SQLITE_ROW && step != SQLITE_DONE) return Error(sql);
    return value;
  }
};

namespace {

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { ok_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) == SQLITE_OK; }
  ~Statement() { sqlite3_finalize(s_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return ok_; }
  sqlite3_stmt* get() { return s_; }
  void Bind(int index, const std::string& text) {
    sqlite3_bind_text(s_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void Bind(int index, std::int64_t value) { sqlite3_bind_int64(s_, index, value); }
  std::string Text(int column) {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(s_, column));
    return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(s_, column)))
                 : std::string();
  }

 private:
  sqlite3_stmt* s_ = nullptr;
  bool ok_ = false;
};

absl::StatusOr<std::unique_ptr<RoundStore::Connection>> Connect(const std::string& path, int flags) {
  auto connection = std::make_unique<RoundStore::Connection>();
  connection->path = path;
  if (sqlite3_open_v2(path.c_str(), &connection->db, flags, nullptr) != SQLITE_OK) {
    if (connection->db == nullptr) return absl::ResourceExhaustedError(std::string(Tr("cannot allocate a connection")));
    return connection->Error(std::string(Tr("cannot open")));
  }
  sqlite3_extended_result_codes(connection->db, 1);
  // Another process appending waits its turn rather than failing at once.
  sqlite3_busy_timeout(connection->db, 30000);
  if (absl::Status s = connection->Exec("PRAGMA synchronous=FULL"); !s.ok()) return s;
  return connection;
}

}  // namespace

RoundStore::RoundStore(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
RoundStore::RoundStore(RoundStore&&) noexcept = default;
RoundStore& RoundStore::operator=(RoundStore&&) noexcept = default;
RoundStore::~RoundStore() = default;

absl::StatusOr<RoundStore> RoundStore::Create(const std::string& path, const RoundEvent& opening,
                                              std::string_view framework_text,
                                              std::string_view organisation_text,
                                              std::shared_ptr<const Organisation> organisation) {
  return Import(path, {opening}, framework_text, organisation_text, std::move(organisation));
}

absl::StatusOr<RoundStore> RoundStore::Import(const std::string& path, const std::vector<RoundEvent>& history,
                                              std::string_view framework_text,
                                              std::string_view organisation_text,
                                              std::shared_ptr<const Organisation> organisation) {
  const auto* opened = history.empty() ? nullptr : std::get_if<RoundOpened>(&history.front().body);
  if (opened == nullptr) return absl::InvalidArgumentError(std::string(Tr("a round's store begins with its opening")));
  if (absl::StatusOr<Round> round = Round::Replay(history, std::move(organisation)); !round.ok()) {
    return round.status();
  }
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    return absl::AlreadyExistsError(Format("$0 exists: a new round gets a new file", path));
  }
  // Written under another name and renamed when complete, so that a killed
  // process leaves no half-made store under the name asked for.
  const std::string partial = path + ".partial";
  std::filesystem::remove(partial, error);
  {
    absl::StatusOr<std::unique_ptr<Connection>> connection =
        Connect(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!connection.ok()) return connection.status();
    Connection& c = **connection;
    const std::string pragmas = text::StrCat("PRAGMA application_id=", kApplicationId,
                                             "; PRAGMA user_version=", kSchemaVersion, ";");
    for (const char* sql :
         {"BEGIN IMMEDIATE",
          "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
          "CREATE TABLE events(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, "
          "unit TEXT NOT NULL, actor TEXT NOT NULL, revision INTEGER NOT NULL, reason TEXT NOT NULL, "
          "document TEXT NOT NULL, figures TEXT NOT NULL, figures_sha256 TEXT NOT NULL, "
          "row_sha256 TEXT NOT NULL) STRICT"}) {
      if (absl::Status s = c.Exec(sql); !s.ok()) return s;
    }
    if (absl::Status s = c.Exec(pragmas.c_str()); !s.ok()) return s;
    std::map<std::string, std::string> meta = DefinitionMeta(opened->definition);
    meta["framework_text"] = std::string(framework_text);
    meta["organisation_text"] = std::string(organisation_text);
    meta["meta_sha256"] = MetaHash(meta);
    Statement insert(c.db, "INSERT INTO meta(key, value) VALUES(?, ?)");
    if (!insert.ok()) return c.Error(std::string(Tr("preparing")));
    for (const auto& [key, value] : meta) {
      insert.Bind(1, key);
      insert.Bind(2, value);
      if (sqlite3_step(insert.get()) != SQLITE_DONE) return c.Error(std::string(Tr("writing the round's definition")));
      sqlite3_reset(insert.get());
    }
    Statement event(c.db,
                    "INSERT INTO events(seq, at, kind, unit, actor, revision, reason, document, "
                    "figures, figures_sha256, row_sha256) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!event.ok()) return c.Error(std::string(Tr("preparing")));
    for (std::size_t k = 0; k < history.size(); ++k) {
      const std::int64_t seq = static_cast<std::int64_t>(k) + 1;
      const Row row = ToRow(history[k]);
      event.Bind(1, seq), event.Bind(2, row.at), event.Bind(3, row.kind), event.Bind(4, row.unit);
      event.Bind(5, row.actor), event.Bind(6, row.revision), event.Bind(7, row.reason);
      event.Bind(8, row.document), event.Bind(9, row.figures), event.Bind(10, row.figures_sha256);
      event.Bind(11, row.Hash(seq));
      if (sqlite3_step(event.get()) != SQLITE_DONE) return c.Error(std::string(Tr("writing the events")));
      sqlite3_reset(event.get());
    }
    if (absl::Status s = c.Exec("COMMIT"); !s.ok()) return s;
  }
  std::filesystem::rename(partial, path, error);
  if (error) return absl::InternalError(Format("cannot name the store $0: $1", path, error.message()));
  return Open(path);
}

absl::StatusOr<RoundStore> RoundStore::Open(const std::string& path, Access access) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::NotFoundError(Format("$0: no such round store", path));
  }
  absl::StatusOr<std::unique_ptr<Connection>> connection =
      Connect(path, access == Access::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
  if (!connection.ok()) return connection.status();
  Connection& c = **connection;
  c.read_only = access == Access::kReadOnly;
  const absl::StatusOr<std::int64_t> application = c.Pragma("PRAGMA application_id");
  if (!application.ok()) return application.status();
  if (*application != kApplicationId) {
    return absl::InvalidArgumentError(Format("$0 is not a healthact round's store", path));
  }
  const absl::StatusOr<std::int64_t> version = c.Pragma("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version != kSchemaVersion) {
    return absl::FailedPreconditionError(
        Format("$0 is a round's store of version $1; this library reads $2", path, *version, kSchemaVersion));
  }
  {
    Statement check(c.db, "PRAGMA quick_check");
    if (!check.ok() || sqlite3_step(check.get()) != SQLITE_ROW) return c.Error(std::string(Tr("checking the file")));
    if (const std::string verdict = check.Text(0); verdict != "ok") {
      return absl::DataLossError(Format("$0 is damaged: $1", path, verdict));
    }
  }
  std::map<std::string, std::string> meta;
  {
    Statement read(c.db, "SELECT key, value FROM meta");
    if (!read.ok()) return c.Error(std::string(Tr("reading the round's definition")));
    int step;
    while ((step = sqlite3_step(read.get())) == SQLITE_ROW) meta[read.Text(0)] = read.Text(1);
    if (step != SQLITE_DONE) return c.Error(std::string(Tr("reading the round's definition")));
  }
  const auto hash = meta.find("meta_sha256");
  std::optional<RoundDefinition> definition = DefinitionFrom(meta);
  if (hash == meta.end() || hash->second != MetaHash(meta) || !definition ||
      !meta.count("framework_text") || !meta.count("organisation_text")) {
    return absl::DataLossError(Format("$0: the round's definition does not match its hash", path));
  }
  c.definition = std::move(*definition);
  RoundStore store(std::move(*connection));
  store.framework_text_ = meta["framework_text"];
  store.organisation_text_ = meta["organisation_text"];
  return store;
}

absl::StatusOr<std::string> RoundStore::FileSha256() const {
  std::ifstream in(connection_->path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return absl::InternalError(Format("$0: cannot read", connection_->path));
  return Sha256Hex(bytes);
}

absl::StatusOr<std::vector<RoundEvent>> RoundStore::Events() const {
  Connection& c = *connection_;
  Statement read(c.db,
                 "SELECT seq, at, kind, unit, actor, revision, reason, document, figures, "
                 "figures_sha256, row_sha256 FROM events ORDER BY seq");
  if (!read.ok()) return c.Error(std::string(Tr("reading the events")));
  std::vector<RoundEvent> events;
  int step;
  while ((step = sqlite3_step(read.get())) == SQLITE_ROW) {
    const std::int64_t seq = sqlite3_column_int64(read.get(), 0);
    Row row{read.Text(1), read.Text(2), read.Text(3), read.Text(4), sqlite3_column_int64(read.get(), 5),
            read.Text(6), read.Text(7), read.Text(8), read.Text(9)};
    const std::optional<RoundEvent> event = FromRow(row, c.definition);
    if (seq != static_cast<std::int64_t>(events.size()) + 1 || read.Text(10) != row.Hash(seq) || !event) {
      return absl::DataLossError(
          Format("$0: event $1 does not match its hash (the store was altered)", c.path, seq));
    }
    events.push_back(*event);
  }
  if (step != SQLITE_DONE) return c.Error(std::string(Tr("reading the events")));
  if (events.empty()) return absl::DataLossError(Format("$0: the round has no opening", c.path));
  return events;
}

absl::StatusOr<std::int64_t> RoundStore::Append(const RoundEvent& event,
                                                std::shared_ptr<const Organisation> organisation) {
  Connection& c = *connection_;
  if (c.read_only) {
    return absl::FailedPreconditionError(
        Format("$0 was opened read-only (a round received from another office is never written)", c.path));
  }
  // IMMEDIATE: the write lock is taken before the history is read, so the
  // check and the write see the same history.
  if (absl::Status s = c.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  const auto fail = [&](absl::Status status) {
    sqlite3_exec(c.db, "ROLLBACK", nullptr, nullptr, nullptr);
    return status;
  };
  absl::StatusOr<std::vector<RoundEvent>> events = Events();
  if (!events.ok()) return fail(events.status());
  absl::StatusOr<Round> round = Round::Replay(*events, std::move(organisation));
  if (!round.ok()) return fail(round.status());
  if (absl::Status allowed = round->Check(event); !allowed.ok()) return fail(allowed);
  const std::int64_t seq = static_cast<std::int64_t>(events->size()) + 1;
  const Row row = ToRow(event);
  Statement insert(c.db,
                   "INSERT INTO events(seq, at, kind, unit, actor, revision, reason, document, "
                   "figures, figures_sha256, row_sha256) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return fail(c.Error(std::string(Tr("preparing"))));
  insert.Bind(1, seq), insert.Bind(2, row.at), insert.Bind(3, row.kind), insert.Bind(4, row.unit);
  insert.Bind(5, row.actor), insert.Bind(6, row.revision), insert.Bind(7, row.reason);
  insert.Bind(8, row.document), insert.Bind(9, row.figures), insert.Bind(10, row.figures_sha256);
  insert.Bind(11, row.Hash(seq));
  if (sqlite3_step(insert.get()) != SQLITE_DONE) return fail(c.Error(std::string(Tr("writing the event"))));
  if (absl::Status s = c.Exec("COMMIT"); !s.ok()) return fail(s);
  return seq;
}

}  // namespace healthact
