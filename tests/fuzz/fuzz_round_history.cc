// A round's history as JSON lines: any bytes give an error or events, and an
// event read and written again reads back to the same line (nothing of a
// kept history is lost or changed on the way through the library).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "healthact/round/round.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const absl::StatusOr<healthact::NumberedRoundEvent> read = healthact::ParseRoundEventJson(line);
    if (!read.ok()) continue;
    const std::string written = healthact::RoundEventJson(read->seq, read->event);
    const absl::StatusOr<healthact::NumberedRoundEvent> again = healthact::ParseRoundEventJson(written);
    if (!again.ok() || healthact::RoundEventJson(again->seq, again->event) != written) std::abort();
  }
  return 0;
}
