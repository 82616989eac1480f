// The C interface's parse-and-assess path: the input is a framework text and
// a data file separated by a line "----"; every handle is freed, every
// status checked, as an embedding MIS would.  The framework text doubles as
// what a resolver hands back for any 继承; the data's bytes are also fed as
// three packed columns of arbitrary sizes (hact_observations_add_columns);
// every verdict is read back by its indicator's number; the data are the
// figures of a round (Zhangye's organisation) submitted, accepted, verified,
// approved, exported and imported again; the data are read from a file too;
// and a call that succeeds must leave hact_last_error() empty.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <unistd.h>

#include "healthact.h"
#include "zhangye_framework.hpp"

namespace {

std::string_view resolved;  // what the resolver hands back

int32_t Resolve(void*, const char*, const char*, const char** text, size_t* length, const char**) {
  *text = resolved.data();
  *length = resolved.size();
  return HACT_OK;
}

void MustBeCleared(int32_t status) {
  if (status == HACT_OK && *hact_last_error() != '\0') __builtin_trap();
}

// The data's bytes as three packed columns (sizes from its first bytes), all
// or nothing: a refused batch must leave `observations` unchanged.
void AddColumns(hact_observations* observations, std::string_view bytes) {
  if (bytes.size() < 3) return;
  const std::size_t count = static_cast<unsigned char>(bytes[0]) % 8;
  const std::size_t rest = bytes.size() - 2;
  const std::size_t first = static_cast<unsigned char>(bytes[1]) % (rest + 1);
  const std::size_t second = (rest - first) / 2;
  const char* base = bytes.data() + 2;
  const int32_t years[8] = {2022, 2021, 2022, 2020, 2022, 1900, 2022, 2022};
  size_t failed = 0;
  const int32_t status =
      hact_observations_add_columns(observations, count, base, first, base + first, second, years,
                                    base + first + second, rest - first - second, &failed);
  MustBeCleared(status);
  if (status != HACT_OK && failed > count) __builtin_trap();
}

// The data's bytes as typed columns (hact_observations_add_coded): the
// categories are the bytes themselves, packed, with a count from the first
// byte that may not match; codes and numbers come from the bytes too, some
// out of range, NaN and infinities among them.
void AddCoded(hact_observations* observations, std::string_view bytes) {
  if (bytes.size() < 4) return;
  const std::size_t count = static_cast<unsigned char>(bytes[0]) % 8;
  const std::size_t categories = static_cast<unsigned char>(bytes[1]) % 5;
  const std::string_view packed = bytes.substr(2);
  int32_t codes[3][8];
  double numbers[8];
  int32_t years[8];
  const double special[4] = {__builtin_nan(""), __builtin_inf(), 74.6, -0.0};
  for (std::size_t i = 0; i < count; ++i) {
    const auto b = static_cast<unsigned char>(bytes[(i + 2) % bytes.size()]);
    for (int c = 0; c < 3; ++c) codes[c][i] = static_cast<int32_t>((b >> (2 * c)) % (categories + 2)) - 1;
    numbers[i] = b % 3 == 0 ? special[b % 4] : static_cast<double>(b) / 8.0;
    years[i] = 2020 + b % 4;
  }
  hact_coded_column columns[3];
  for (int c = 0; c < 3; ++c) {
    columns[c] = {sizeof(hact_coded_column), codes[c], packed.data(), packed.size(), categories};
  }
  size_t failed = 0;
  const int32_t status = hact_observations_add_coded(observations, count, &columns[0], &columns[1], years,
                                                     numbers, bytes[1] & 1 ? &columns[2] : nullptr, &failed);
  MustBeCleared(status);
  if (status != HACT_OK && failed > count) __builtin_trap();
}

// A file of this process's, in memory where there is a tmpfs (the store syncs
// every step), removed before and after.
std::string RoundPath(const char* name) {
  const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  std::string path = std::string(dir) + "/healthact-fuzz-" + std::to_string(getpid()) + "-" + name;
  std::remove(path.c_str());
  return path;
}

// The data as the figures of `unit` in a round of `framework`: every step
// through, each either taken or refused with a message, and the history read
// back into a second file.
void Round(const hact_framework* framework, const hact_observations* units, const char* unit,
           std::string_view figures) {
  hact_organisation* organisation = nullptr;
  const std::string_view text = healthact::fuzz::kZhangyeOrganisation;
  if (hact_organisation_parse(text.data(), text.size(), "zhangye.org.ha", &organisation, nullptr) != HACT_OK) {
    __builtin_trap();
  }
  const std::string path = RoundPath("round.db"), copy = RoundPath("copy.db");
  char* departments = nullptr;
  MustBeCleared(hact_report_departments(framework, units, organisation, nullptr, 2022, nullptr, HACT_FORMAT_JSON,
                                        &departments, nullptr));
  hact_free(departments);
  hact_round_definition definition{};
  definition.struct_size = sizeof definition;
  definition.year = 2022;
  definition.by = "魏士博";
  definition.at = "2023-01-02T09:00:00";
  hact_round* round = nullptr;
  const int32_t created = hact_round_create(path.c_str(), framework, organisation, units, &definition, &round);
  MustBeCleared(created);
  if (created != HACT_OK) {
    if (round != nullptr || *hact_last_error() == '\0') __builtin_trap();
    hact_organisation_free(organisation);
    return;
  }
  hact_diagnostics* diagnostics = nullptr;
  MustBeCleared(hact_round_submit(round, unit, "统计员", nullptr, figures.data(), figures.size(),
                                  "2023-01-10T10:00:00", &diagnostics));
  hact_diagnostics_free(diagnostics);
  MustBeCleared(hact_round_accept(round, unit, "魏士博", "2023-01-13T09:00:00"));
  hact_review* review = nullptr;
  diagnostics = nullptr;
  MustBeCleared(hact_round_review(round, "宋生礼", nullptr, 0, 0, figures.data(), figures.size(),
                                  "2023-01-14T09:00:00", &diagnostics, &review));
  hact_diagnostics_free(diagnostics);
  hact_review_free(review);
  MustBeCleared(hact_round_step(round, HACT_STEP_APPROVE, "马斌", nullptr, "2023-01-15T10:00:00"));
  for (const int32_t format : {HACT_FORMAT_JSON, HACT_FORMAT_CSV}) {
    char* bytes = nullptr;
    size_t length = 0;
    const int32_t exported = hact_round_export(round, format, &bytes, &length);
    MustBeCleared(exported);
    if (exported == HACT_OK && (bytes == nullptr || bytes[length] != '\0')) __builtin_trap();
    hact_free(bytes);
  }
  hact_round_status* status = nullptr;
  if (hact_round_status_create(round, nullptr, &status) != HACT_OK) __builtin_trap();
  hact_round_summary summary{};
  summary.struct_size = sizeof summary;
  if (hact_round_status_summary(status, &summary) != HACT_OK) __builtin_trap();
  for (int32_t i = 0; i < summary.unit_count; ++i) {
    hact_round_unit u;
    if (hact_round_status_unit(status, i, &u) != HACT_OK || u.unit == nullptr) __builtin_trap();
  }
  hact_round_status_free(status);
  char* history = nullptr;
  size_t length = 0;
  if (hact_round_history(round, nullptr, &history, &length) != HACT_OK) __builtin_trap();
  hact_round* imported = nullptr;
  // The history the library wrote reads back as the same round.
  if (hact_round_import(copy.c_str(), framework, organisation, history, length, &imported) != HACT_OK) {
    __builtin_trap();
  }
  hact_round_free(imported);
  hact_free(history);
  hact_round_free(round);
  hact_organisation_free(organisation);
  std::remove(path.c_str());
  std::remove(copy.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find("\n----\n");
  const std::string_view framework_text = input.substr(0, split);
  const std::string_view data_text =
      split == std::string_view::npos ? std::string_view() : input.substr(split + 6);
  hact_framework* framework = nullptr;
  hact_diagnostics* diagnostics = nullptr;
  resolved = framework_text;
  MustBeCleared(hact_framework_parse_with(framework_text.data(), framework_text.size(), "fuzz.ha",
                                          Resolve, nullptr, &framework, &diagnostics));
  int32_t count = 0;
  if (hact_diagnostics_count(diagnostics, &count) == HACT_OK) {
    for (int32_t i = 0; i < count; ++i) {
      hact_diagnostic d;
      if (hact_diagnostics_get(diagnostics, i, &d) != HACT_OK || d.message == nullptr) __builtin_trap();
    }
  }
  hact_diagnostics_free(diagnostics);
  hact_observations* observations = nullptr;
  if (hact_observations_create(framework, &observations) != HACT_OK) __builtin_trap();
  AddColumns(observations, data_text);
  AddCoded(observations, data_text);
  hact_diagnostics* data_diagnostics = nullptr;
  hact_observations_read_csv(observations, data_text.data(), data_text.size(), "fuzz.csv", framework,
                             &data_diagnostics);
  hact_diagnostics_free(data_diagnostics);
  // The same text from a file (hact_observations_read_file maps it): the
  // same answer and as many diagnostics as from the text.
  {
    const std::string path = RoundPath("data.csv");
    if (FILE* file = std::fopen(path.c_str(), "wb")) {
      // (fwrite's buffer must not be null, which an empty view's may be.)
      if (!data_text.empty()) std::fwrite(data_text.data(), 1, data_text.size(), file);
      std::fclose(file);
      hact_observations* from_text = nullptr;
      hact_observations* from_file = nullptr;
      if (hact_observations_new(&from_text) != HACT_OK || hact_observations_new(&from_file) != HACT_OK) {
        __builtin_trap();
      }
      hact_diagnostics* text_diagnostics = nullptr;
      hact_diagnostics* file_diagnostics = nullptr;
      // (An empty view may have no address: "" is what a file of no bytes holds.)
      const int32_t by_text = hact_observations_read_csv(from_text, data_text.empty() ? "" : data_text.data(),
                                                         data_text.size(), path.c_str(), framework, &text_diagnostics);
      const int32_t by_file = hact_observations_read_file(from_file, path.c_str(), framework, &file_diagnostics);
      MustBeCleared(by_file);
      int32_t text_count = 0, file_count = 0;
      hact_diagnostics_count(text_diagnostics, &text_count);
      hact_diagnostics_count(file_diagnostics, &file_count);
      if (by_text != by_file || text_count != file_count) __builtin_trap();
      hact_diagnostics_free(text_diagnostics);
      hact_diagnostics_free(file_diagnostics);
      hact_observations_free(from_text);
      hact_observations_free(from_file);
    }
    std::remove(path.c_str());
  }
  hact_assessment* assessment = nullptr;
  if (hact_assess(framework, observations, 2022, &assessment) == HACT_OK) {
    char* json = nullptr;
    if (hact_assessment_json(assessment, 1, &json) != HACT_OK || json == nullptr) __builtin_trap();
    hact_free(json);
    int32_t units = 0;
    hact_assessment_unit_count(assessment, &units);
    for (int32_t u = 0; u < units; ++u) {
      hact_unit_result result;
      if (hact_assessment_unit(assessment, u, &result) != HACT_OK) __builtin_trap();
    }
    int32_t indicators = 0;
    if (hact_assessment_indicator_count(assessment, &indicators) != HACT_OK) __builtin_trap();
    for (int32_t i = 0; i < indicators && units > 0; ++i) {
      hact_indicator indicator;
      if (hact_framework_indicator(framework, i, &indicator) != HACT_OK) __builtin_trap();
      hact_verdict_detail detail;
      std::memset(&detail, 0, sizeof detail);
      detail.struct_size = sizeof detail;
      if (hact_assessment_verdict_of(assessment, 0, indicator.number, &detail) != HACT_OK) __builtin_trap();
      MustBeCleared(HACT_OK);
      int32_t index = -1, part = 0;
      if (hact_framework_indicator_find(framework, indicator.number, &index, &part) != HACT_OK ||
          index != i || part != -1) {
        __builtin_trap();
      }
    }
  }
  if (assessment != nullptr) {
    // The spot-check on the data's text as verified values, and the reports.
    int32_t units = 0;
    hact_assessment_unit_count(assessment, &units);
    hact_review* review = nullptr;
    if (hact_review_draw(assessment, units, 7, &review) != HACT_OK) __builtin_trap();
    hact_diagnostics* verified = nullptr;
    const bool checked = hact_review_verify_csv(review, data_text.data(), data_text.size(), "verified.csv",
                                                &verified) == HACT_OK;
    hact_diagnostics_free(verified);
    for (const int32_t format : {HACT_FORMAT_MARKDOWN, HACT_FORMAT_JSON, HACT_FORMAT_HTML}) {
      char* bytes = nullptr;
      size_t length = 0;
      if (hact_report_assessment(assessment, checked ? review : nullptr, format, &bytes, &length) != HACT_OK ||
          bytes == nullptr || bytes[length] != '\0') {
        __builtin_trap();
      }
      hact_free(bytes);
    }
    char* monitoring = nullptr;
    if (hact_report_monitoring(framework, observations, nullptr, nullptr, HACT_FORMAT_JSON, &monitoring,
                               nullptr) != HACT_OK) {
      __builtin_trap();
    }
    hact_free(monitoring);
    for (const int32_t format : {HACT_FORMAT_MARKDOWN, HACT_FORMAT_JSON, HACT_FORMAT_HTML}) {
      char* bytes = nullptr;
      if (hact_report_overall(assessment, checked ? review : nullptr, nullptr, nullptr, format, &bytes, nullptr) !=
              HACT_OK ||
          bytes == nullptr) {
        __builtin_trap();
      }
      hact_free(bytes);
      MustBeCleared(hact_report_actions(framework, observations, nullptr, 2022, nullptr, nullptr, format, &bytes,
                                        nullptr));
      hact_free(bytes);
    }
    hact_aggregation* aggregation = nullptr;
    if (hact_aggregation_create(framework, observations, 2022, &aggregation) != HACT_OK) __builtin_trap();
    int32_t notes = 0;
    hact_aggregation_note_count(aggregation, &notes);
    for (int32_t i = 0; i < notes; ++i) {
      hact_aggregation_note note;
      if (hact_aggregation_note_get(aggregation, i, &note) != HACT_OK || note.reason == nullptr) __builtin_trap();
    }
    hact_observations* aggregated = nullptr;
    if (hact_aggregation_observations(aggregation, &aggregated) != HACT_OK) __builtin_trap();
    hact_aggregation_free(aggregation);
    hact_observations_free(aggregated);
    hact_review_free(review);
    hact_unit_result first;
    if (units > 0 && hact_assessment_unit(assessment, 0, &first) == HACT_OK) {
      Round(framework, observations, first.unit, data_text);
    }
  }
  hact_assessment_free(assessment);
  // The data's text as an organisation: overdue tasks and a seat change on it.
  hact_organisation* organisation = nullptr;
  if (hact_organisation_parse(data_text.data(), data_text.size(), "fuzz.org.ha", &organisation, nullptr) ==
      HACT_OK) {
    int32_t committees = 0;
    hact_organisation_committee_count(organisation, &committees);
    for (int32_t c = 0; c < committees; ++c) {
      hact_tasks* tasks = nullptr;
      if (hact_tasks_overdue(organisation, c, "2022-12-31", &tasks) != HACT_OK) __builtin_trap();
      int32_t count = 0;
      hact_tasks_count(tasks, &count);
      for (int32_t i = 0; i < count; ++i) {
        hact_task task;
        if (hact_tasks_get(tasks, i, &task) != HACT_OK || task.description == nullptr) __builtin_trap();
      }
      hact_tasks_free(tasks);
      hact_seat_change change{};
      change.struct_size = sizeof change;
      change.kind = HACT_SEAT_ADD;
      change.date = "2022-05-01";
      change.role = "成员";
      change.post = "x";
      change.proposed_by = "y";
      change.approved_by = "z";
      MustBeCleared(hact_organisation_propose_change(organisation, c, &change));
    }
    hact_organisation_free(organisation);
  }
  hact_observations_free(observations);
  hact_framework_free(framework);
  // The data's text as an attachment table, both ways.
  for (const int32_t format : {HACT_TABLE_TEXT, HACT_TABLE_CSV}) {
    char* text = nullptr;
    size_t length = 0;
    hact_framework* imported = nullptr;
    hact_diagnostics* found = nullptr;
    const int32_t status = hact_framework_import(data_text.data(), data_text.size(), "fuzz.txt", format, nullptr,
                                                 &text, &length, &imported, &found);
    MustBeCleared(status);
    if ((status == HACT_OK) != (imported != nullptr)) __builtin_trap();
    if (text != nullptr && text[length] != '\0') __builtin_trap();
    hact_free(text);
    hact_framework_free(imported);
    hact_diagnostics_free(found);
  }
  return 0;
}
