// The Liuzhou framework of examples/, parsed once: what the national-scale
// benchmarks assess.
#ifndef HEALTHACT_BENCH_LIUZHOU_HPP_
#define HEALTHACT_BENCH_LIUZHOU_HPP_

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

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

}  // namespace healthact::bench

#endif  // HEALTHACT_BENCH_LIUZHOU_HPP_
