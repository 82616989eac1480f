#include <iostream>

#include "healthact/lang/dsl.hpp"

int main() {
  const healthact::ParsedFramework parsed = healthact::ParseFramework(
      "框架 \"t\"\n指标 1 \"人均预期寿命\" { 单位 岁 方向 越高越好 目标 2022 74.6 }\n", "t.ha");
  if (!parsed.ok()) return 1;
  const auto& target = std::get<healthact::ComparisonTarget>(
      parsed.framework->FindIndicator("1")->TargetFor(2022)->form);
  const bool met = target.IsMetBy(*healthact::Decimal::Parse("74.6"));
  std::cout << (met ? "met" : "not met") << "\n";
  return met ? 0 : 1;
}
