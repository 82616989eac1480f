// hact_aggregation_*: parents' values from their children's (AggregateUp),
// with the notes on what could not be aggregated.
#include <string>

#include "handles.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

using namespace healthact::capi;

extern "C" {

int32_t hact_aggregation_create(const hact_framework* framework, const hact_observations* observations,
                                int32_t year, hact_aggregation** aggregation) {
  return Guard([&] {
    if (aggregation != nullptr) *aggregation = nullptr;
    if (framework == nullptr) return NullArgument("framework");
    if (observations == nullptr) return NullArgument("observations");
    if (aggregation == nullptr) return NullArgument("aggregation");
    if (absl::Status year_ok = healthact::CheckYear(year); !year_ok.ok()) {
      return Fail(HACT_ERROR_INVALID, std::string(year_ok.message()));
    }
    auto made = std::make_unique<hact_aggregation>();
    made->result = healthact::AggregateUp(*framework->framework, *observations->observations, year);
    *aggregation = made.release();
    return HACT_OK;
  });
}

void hact_aggregation_free(hact_aggregation* aggregation) { delete aggregation; }

int32_t hact_aggregation_observations(const hact_aggregation* aggregation, hact_observations** observations) {
  return Guard([&] {
    if (observations != nullptr) *observations = nullptr;
    if (aggregation == nullptr) return NullArgument("aggregation");
    if (observations == nullptr) return NullArgument("observations");
    auto made = std::make_unique<hact_observations>();
    // Shared, copy-on-write: adding to the new handle copies first.
    made->observations = aggregation->result.observations;
    *observations = made.release();
    return HACT_OK;
  });
}

int32_t hact_aggregation_note_count(const hact_aggregation* aggregation, int32_t* count) {
  return Guard([&] {
    if (aggregation == nullptr) return NullArgument("aggregation");
    if (count == nullptr) return NullArgument("count");
    *count = static_cast<int32_t>(aggregation->result.notes.size());
    return HACT_OK;
  });
}

int32_t hact_aggregation_note_get(const hact_aggregation* aggregation, int32_t index, hact_aggregation_note* out) {
  return Guard([&] {
    if (aggregation == nullptr) return NullArgument("aggregation");
    if (out == nullptr) return NullArgument("out");
    const auto& notes = aggregation->result.notes;
    if (index < 0 || static_cast<std::size_t>(index) >= notes.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("note index out of range")));
    }
    out->unit = notes[index].unit.c_str();
    out->key = notes[index].key.c_str();
    out->reason = notes[index].reason.c_str();
    return HACT_OK;
  });
}

}  // extern "C"
