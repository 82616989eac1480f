// The Liuzhou framework of examples/, parsed once: what the national-scale
// benchmarks assess.
#ifndef HEALTHACT_BENCH_LIUZHOU_HPP_
#define HEALTHACT_BENCH_LIUZHOU_HPP_

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "healthact/lang/dsl.hpp"

namespace healthact::bench {

inline std::shared_ptr<const Framework> Liuzhou() {
  static const auto framework = [] {
    std::ifstream in(std::string(HEALTHACT_SOURCE_DIR) + "/examples/liuzhou.ha");
    std::stringstream text;
    text << in.rdbuf();
    return ParseFramework(text.str(), "liuzhou.ha").framework;
  }();
  return framework;
}

// The keys an indicator is reported under (its parts' numbers, or its own)
// and the years the benchmarks report it in: 2022, and 2021 too for the
// marked fall of indicator 21.
inline std::vector<std::pair<std::string, int>> ReportedKeys(const Indicator& indicator) {
  std::vector<std::string> keys;
  for (const auto& part : indicator.parts) keys.push_back(part.number);
  if (keys.empty()) keys.push_back(indicator.number);
  std::vector<std::pair<std::string, int>> reported;
  for (const std::string& key : keys) {
    if (key == "21") reported.emplace_back(key, 2021);
    reported.emplace_back(key, 2022);
  }
  return reported;
}

}  // namespace healthact::bench

#endif  // HEALTHACT_BENCH_LIUZHOU_HPP_
