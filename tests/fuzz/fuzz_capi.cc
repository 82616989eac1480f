// The C interface's parse-and-assess path: the input is a framework text and
// a data file separated by a line "----"; every handle is freed, every
// status checked, as an embedding MIS would.  The framework text doubles as
// what a resolver hands back for any 继承; the data's bytes are also fed as
// three packed columns of arbitrary sizes (hact_observations_add_columns);
// every verdict is read back by its indicator's number; and a call that
// succeeds must leave hact_last_error() empty.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "healthact.h"

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
  hact_diagnostics* data_diagnostics = nullptr;
  hact_observations_read_csv(observations, data_text.data(), data_text.size(), "fuzz.csv", framework,
                             &data_diagnostics);
  hact_diagnostics_free(data_diagnostics);
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
    hact_review_free(review);
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
  return 0;
}
