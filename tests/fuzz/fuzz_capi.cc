// The C interface's parse-and-assess path: the input is a framework text and
// a data file separated by a line "----"; every handle is freed, every
// status checked, as an embedding MIS would.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "healthact.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find("\n----\n");
  const std::string_view framework_text = input.substr(0, split);
  const std::string_view data_text =
      split == std::string_view::npos ? std::string_view() : input.substr(split + 6);
  hact_framework* framework = nullptr;
  hact_diagnostics* diagnostics = nullptr;
  hact_framework_parse(framework_text.data(), framework_text.size(), "fuzz.ha", &framework,
                       &diagnostics);
  int32_t count = 0;
  if (hact_diagnostics_count(diagnostics, &count) == HACT_OK) {
    for (int32_t i = 0; i < count; ++i) {
      hact_diagnostic d;
      if (hact_diagnostics_get(diagnostics, i, &d) != HACT_OK || d.message == nullptr) __builtin_trap();
    }
  }
  hact_diagnostics_free(diagnostics);
  hact_observations* observations = nullptr;
  if (hact_observations_new(&observations) != HACT_OK) __builtin_trap();
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
  }
  hact_assessment_free(assessment);
  hact_observations_free(observations);
  hact_framework_free(framework);
  return 0;
}
