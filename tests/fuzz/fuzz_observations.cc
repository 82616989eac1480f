// The observations CSV reader against the Zhangye framework, then the
// assessment of whatever was read: never a crash, and every verdict is one
// of the six statuses.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "healthact/assess/assessment.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/lang/dsl.hpp"
#include "zhangye_framework.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::shared_ptr<const healthact::Framework> framework =
      healthact::ParseFramework(healthact::fuzz::kZhangyeFramework, "zhangye.ha").framework;
  if (!framework) __builtin_trap();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto observations = std::make_shared<healthact::Observations>();
  (void)healthact::ReadObservationsCsv(text, "fuzz.csv", framework.get(), *observations);
  for (int year : {2021, 2022}) {
    const healthact::Assessment assessment = healthact::Assess(framework, observations, year);
    for (std::size_t u = 0; u < assessment.unit_count(); ++u) {
      for (std::size_t i = 0; i < assessment.indicator_count(); ++i) {
        if (static_cast<int>(assessment.status(u, i)) > 5) __builtin_trap();
        (void)assessment.Explain(u, i);
      }
    }
  }
  return 0;
}
