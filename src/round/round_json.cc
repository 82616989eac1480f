// A round's events as JSON lines (round.hpp): written by hand, in the
// library's one JSON style; read with nlohmann/json, which checks the syntax
// and the UTF-8 of every string.
#include <limits>

#include <nlohmann/json.hpp>

#include "healthact/core/limits.hpp"

#include "core/escape.hpp"
#include "core/overloaded.hpp"
#include "core/strings.hpp"
#include "healthact/round/round.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;
namespace {

using escape::JsonString;

std::string DefinitionJson(const RoundDefinition& d) {
  return text::StrCat(
      "{\"framework\": ", JsonString(d.framework), ", \"framework_sha256\": ", JsonString(d.framework_sha256),
      ", \"year\": ", d.year, ", \"kind\": ", JsonString(RoundKindKey(d.kind)),
      ", \"targets_of\": ", d.targets_of ? std::to_string(*d.targets_of) : std::string("null"),
      ", \"level\": ", d.level ? JsonString(UnitLevelName(*d.level)) : std::string("null"), ", \"within\": ",
      JsonString(d.within), ", \"units\": ", escape::JsonStringList(d.units), ", \"committee\": ", JsonString(d.committee),
      ", \"assessment_group\": ", escape::JsonStringList(d.assessment_group), ", \"deadline\": ",
      d.deadline ? JsonString(d.deadline->ToString()) : std::string("null"), ", \"send_up_deadline\": ",
      d.send_up_deadline ? JsonString(d.send_up_deadline->ToString()) : std::string("null"), "}");
}

using nlohmann::json;

// Reading one event's fields: each is required, and of its type; the first
// that is not stops the reading with its name.
class Fields {
 public:
  Fields(const json& object, std::string_view event) : object_(object), event_(event) {}

  std::string Text(const char* name) {
    const json* value = Find(name);
    if (value != nullptr && !value->is_string()) Wrong(name, "a string");
    return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
  }
  std::optional<std::string> TextOrNull(const char* name) {
    const json* value = Find(name);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (!value->is_string()) Wrong(name, "a string or null");
    return value->is_string() ? std::optional(value->get<std::string>()) : std::nullopt;
  }
  std::int64_t Integer(const char* name) {
    const json* value = Find(name);
    // One past the signed range is read as unsigned: an error, not a wrap-around.
    const bool fits = value != nullptr && value->is_number_integer() &&
                      !(value->is_number_unsigned() &&
                        value->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()));
    if (value != nullptr && !fits) Wrong(name, "an integer");
    return fits ? value->get<std::int64_t>() : 0;
  }
  // An integer that fits an int (a year, a revision): a larger one is an error, not a wrap-around.
  int SmallInteger(const char* name) {
    const std::int64_t value = Integer(name);
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
      Wrong(name, "an integer of a sensible size");
      return 0;
    }
    return static_cast<int>(value);
  }
  std::optional<int> SmallIntegerOrNull(const char* name) {
    const json* value = Find(name);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (!value->is_number_integer()) {
      Wrong(name, "an integer or null");
      return std::nullopt;
    }
    return SmallInteger(name);
  }
  std::uint64_t Unsigned(const char* name) {
    const json* value = Find(name);
    if (value != nullptr && !value->is_number_unsigned()) Wrong(name, "an integer from 0");
    return value != nullptr && value->is_number_unsigned() ? value->get<std::uint64_t>() : 0;
  }
  std::vector<std::string> Texts(const char* name) {
    std::vector<std::string> out;
    const json* value = Find(name);
    if (value == nullptr) return out;
    if (!value->is_array()) {
      Wrong(name, "a list of strings");
      return out;
    }
    for (const json& item : *value) {
      if (!item.is_string()) {
        Wrong(name, "a list of strings");
        return {};
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  const json* Object(const char* name) {
    const json* value = Find(name);
    if (value != nullptr && !value->is_object()) Wrong(name, "an object");
    return value != nullptr && value->is_object() ? value : nullptr;
  }
  absl::Status status() const { return status_; }

 private:
  const json* Find(const char* name) {
    const auto found = object_.find(name);
    if (found == object_.end()) {
      if (status_.ok()) {
        status_ = absl::InvalidArgumentError(Format("the event '$0' has no '$1'", event_, name));
      }
      return nullptr;
    }
    return &*found;
  }
  void Wrong(const char* name, std::string_view type) {
    if (status_.ok()) {
      status_ = absl::InvalidArgumentError(Format("'$0' of the event '$1' is not $2", name, event_, type));
    }
  }
  const json& object_;
  std::string event_;
  absl::Status status_;
};

absl::StatusOr<RoundDefinition> DefinitionFromJson(const json& object) {
  Fields f(object, "open");
  RoundDefinition d;
  d.framework = f.Text("framework");
  d.framework_sha256 = f.Text("framework_sha256");
  d.year = f.SmallInteger("year");
  const std::string kind = f.Text("kind");
  d.targets_of = f.SmallIntegerOrNull("targets_of");
  const std::optional<std::string> level = f.TextOrNull("level");
  d.within = f.Text("within");
  d.units = f.Texts("units");
  d.committee = f.Text("committee");
  d.assessment_group = f.Texts("assessment_group");
  const std::optional<std::string> deadline = f.TextOrNull("deadline");
  const std::optional<std::string> send_up_deadline = f.TextOrNull("send_up_deadline");
  if (!f.status().ok()) return f.status();
  for (const std::optional<int>& year : {std::optional<int>(d.year), d.targets_of}) {
    if (year && (*year < limits::kFirstYear || *year > limits::kLastYear)) {
      return absl::InvalidArgumentError(
          Format("$0 is not a year from $1 to $2", *year, limits::kFirstYear, limits::kLastYear));
    }
  }
  const std::optional<RoundKind> parsed_kind = ParseRoundKindKey(kind);
  if (!parsed_kind) return absl::InvalidArgumentError(Format("unknown round kind '$0'", kind));
  d.kind = *parsed_kind;
  if (level) {
    d.level = ParseUnitLevel(*level);
    if (!d.level) return absl::InvalidArgumentError(Format("unknown level '$0'", *level));
  }
  for (const auto& [given, into] :
       {std::pair{&deadline, &d.deadline}, std::pair{&send_up_deadline, &d.send_up_deadline}}) {
    if (!*given) continue;
    *into = Instant::Parse(**given);
    if (!*into) return absl::InvalidArgumentError(Format("'$0' is not a time", **given));
  }
  return d;
}

absl::StatusOr<RoundEventBody> BodyFromJson(const json& object, const std::string& event) {
  Fields f(object, event);
  RoundEventBody body;
  if (event == "open") {
    const json* definition = f.Object("definition");
    const std::string by = f.Text("by");
    if (!f.status().ok()) return f.status();
    absl::StatusOr<RoundDefinition> d = DefinitionFromJson(*definition);
    if (!d.ok()) return d.status();
    body = RoundOpened{*std::move(d), by};
  } else if (event == "submit") {
    body = FiguresSubmitted{f.Text("unit"), f.Text("by"), f.Text("document"), f.Text("figures"), f.Text("sha256")};
  } else if (event == "accept") {
    body = SubmissionAccepted{f.Text("unit"), f.SmallInteger("revision"), f.Text("by")};
  } else if (event == "return") {
    body = SubmissionReturned{f.Text("unit"), f.SmallInteger("revision"), f.Text("by"),
                              f.Text("reason")};
  } else if (event == "review") {
    body = FiguresReviewed{f.Text("by"), f.Texts("group"), f.Texts("sample"), f.Unsigned("seed"),
                           f.Text("verified"), f.Text("sha256")};
  } else if (event == "approve") {
    body = RoundApproved{f.Text("by")};
  } else if (event == "withdraw") {
    body = ApprovalWithdrawn{f.Text("by"), f.Text("reason")};
  } else if (event == "publish") {
    body = RoundPublished{f.Text("by")};
  } else if (event == "reopen") {
    body = RoundReopened{f.Text("by"), f.Text("reason")};
  } else if (event == "receive") {
    UnitRoundReceived r{f.Text("unit"), f.Text("by"), f.Text("file_sha256"), f.Text("framework"),
                        f.SmallInteger("year"), RoundKind::kOfficial, RoundState::kApproved,
                        f.Text("approved_by"), f.Text("result_csv")};
    const std::string kind = f.Text("kind");
    const std::string state = f.Text("state");
    if (!f.status().ok()) return f.status();
    const std::optional<RoundKind> parsed_kind = ParseRoundKindKey(kind);
    const std::optional<RoundState> parsed_state = ParseRoundStateName(state);
    if (!parsed_kind || !parsed_state) {
      return absl::InvalidArgumentError(Format("unknown kind '$0' or state '$1'", kind, state));
    }
    r.kind = *parsed_kind;
    r.state = *parsed_state;
    body = std::move(r);
  } else if (event.starts_with("report_")) {
    const std::optional<ReportAction> action = ParseReportActionKey(std::string_view(event).substr(7));
    if (!action) return absl::InvalidArgumentError(Format("unknown event '$0'", event));
    OverallReportStep step{*action, f.Text("by"), "", ""};
    if (*action == ReportAction::kForm) {
      step.text = f.Text("text");
      step.sha256 = f.Text("sha256");
    }
    body = std::move(step);
  } else {
    return absl::InvalidArgumentError(Format("unknown event '$0'", event));
  }
  if (!f.status().ok()) return f.status();
  return body;
}

}  // namespace

absl::StatusOr<NumberedRoundEvent> ParseRoundEventJson(std::string_view line) {
  const json object = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return absl::InvalidArgumentError(std::string(Tr("not a line of JSON (or not valid UTF-8)")));
  if (!object.is_object()) return absl::InvalidArgumentError(std::string(Tr("an event is a JSON object")));
  Fields f(object, "?");
  const std::int64_t seq = f.Integer("seq");
  const std::string at_text = f.Text("at");
  const std::string event = f.Text("event");
  if (!f.status().ok()) return f.status();
  const std::optional<Instant> at = Instant::Parse(at_text);
  if (!at) return absl::InvalidArgumentError(Format("'$0' is not a time", at_text));
  absl::StatusOr<RoundEventBody> body = BodyFromJson(object, event);
  if (!body.ok()) return body.status();
  return NumberedRoundEvent{seq, RoundEvent{*at, *std::move(body)}};
}

std::string RoundEventJson(std::int64_t seq, const RoundEvent& event) {
  std::string out = text::StrCat("{\"seq\": ", seq, ", \"at\": ", JsonString(event.at.ToString()), ", ");
  std::visit(
      Overloaded{
          [&](const RoundOpened& e) {
            text::StrAppend(&out, "\"event\": \"open\", \"by\": ", JsonString(e.by), ", \"definition\": ",
                            DefinitionJson(e.definition));
          },
          [&](const FiguresSubmitted& e) {
            text::StrAppend(&out, "\"event\": \"submit\", \"unit\": ", JsonString(e.unit), ", \"by\": ",
                            JsonString(e.by), ", \"document\": ", JsonString(e.document), ", \"figures\": ",
                            JsonString(e.figures), ", \"sha256\": ", JsonString(e.sha256));
          },
          [&](const SubmissionAccepted& e) {
            text::StrAppend(&out, "\"event\": \"accept\", \"unit\": ", JsonString(e.unit), ", \"revision\": ",
                            e.revision, ", \"by\": ", JsonString(e.by));
          },
          [&](const SubmissionReturned& e) {
            text::StrAppend(&out, "\"event\": \"return\", \"unit\": ", JsonString(e.unit), ", \"revision\": ",
                            e.revision, ", \"by\": ", JsonString(e.by), ", \"reason\": ", JsonString(e.reason));
          },
          [&](const FiguresReviewed& e) {
            text::StrAppend(&out, "\"event\": \"review\", \"by\": ", JsonString(e.by), ", \"group\": ",
                            escape::JsonStringList(e.group), ", \"sample\": ", escape::JsonStringList(e.sample), ", \"seed\": ", e.seed,
                            ", \"verified\": ", JsonString(e.verified), ", \"sha256\": ", JsonString(e.sha256));
          },
          [&](const RoundApproved& e) { text::StrAppend(&out, "\"event\": \"approve\", \"by\": ", JsonString(e.by)); },
          [&](const ApprovalWithdrawn& e) {
            text::StrAppend(&out, "\"event\": \"withdraw\", \"by\": ", JsonString(e.by), ", \"reason\": ",
                            JsonString(e.reason));
          },
          [&](const RoundPublished& e) { text::StrAppend(&out, "\"event\": \"publish\", \"by\": ", JsonString(e.by)); },
          [&](const RoundReopened& e) {
            text::StrAppend(&out, "\"event\": \"reopen\", \"by\": ", JsonString(e.by), ", \"reason\": ",
                            JsonString(e.reason));
          },
          [&](const UnitRoundReceived& e) {
            text::StrAppend(&out, "\"event\": \"receive\", \"unit\": ", JsonString(e.unit), ", \"by\": ",
                            JsonString(e.by), ", \"file_sha256\": ", JsonString(e.file_sha256), ", \"framework\": ",
                            JsonString(e.framework), ", \"year\": ", e.year, ", \"kind\": ",
                            JsonString(RoundKindKey(e.kind)), ", \"state\": ", JsonString(RoundStateName(e.state)),
                            ", \"approved_by\": ", JsonString(e.approved_by), ", \"result_csv\": ",
                            JsonString(e.result_csv));
          },
          [&](const OverallReportStep& e) {
            text::StrAppend(&out, "\"event\": \"report_", ReportActionKey(e.action), "\", \"by\": ", JsonString(e.by));
            if (e.action == ReportAction::kForm) {
              text::StrAppend(&out, ", \"text\": ", JsonString(e.text), ", \"sha256\": ", JsonString(e.sha256));
            }
          },
      },
      event.body);
  text::StrAppend(&out, ", \"name\": ", JsonString(RoundEventName(event.body)), "}");
  return out;
}

}  // namespace healthact
