// The organisation text: any bytes give diagnostics or an organisation whose
// roster and checks can be asked for.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "healthact/lang/organisation_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const healthact::ParsedOrganisation parsed = healthact::ParseOrganisation(text, "fuzz.org.ha");
  if (!parsed.ok()) return 0;
  const healthact::Date date{2022, 6, 30};
  for (const healthact::Committee& committee : parsed.organisation->committees) {
    (void)parsed.organisation->RosterOn(committee, date);
    (void)parsed.organisation->OverdueTasks(committee, date);
  }
  (void)parsed.organisation->Check(date);
  return 0;
}
