// Helpers shared by the test suites.
#ifndef HEALTHACT_TESTS_TEST_SUPPORT_HPP_
#define HEALTHACT_TESTS_TEST_SUPPORT_HPP_

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "healthact/lang/dsl.hpp"

namespace healthact::testing {

inline std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline std::string ExamplePath(const std::string& name) {
  return std::string(HEALTHACT_SOURCE_DIR) + "/examples/" + name;
}

// Parses text that must be valid; fails the test with the diagnostics if not.
inline std::shared_ptr<const Framework> MustParse(std::string_view text,
                                                  const ParseOptions& options = {}) {
  ParsedFramework parsed = ParseFramework(text, "test.ha", options);
  std::string messages;
  for (const Diagnostic& d : parsed.diagnostics) messages += d.ToString() + "\n";
  EXPECT_TRUE(parsed.ok()) << messages;
  return parsed.framework;
}

inline std::string DiagnosticsText(const ParsedFramework& parsed) {
  std::string out;
  for (const Diagnostic& d : parsed.diagnostics) out += d.ToString() + "\n";
  return out;
}

// An example framework without what no attachment table states: the ranges
// and consistency rules the example frameworks add for validation, and the
// special actions and categories they place the indicators in, and the rule
// for assessing departments.
inline Framework WhatATableStates(const Framework& example) {
  Framework::Contents contents = example.contents();
  contents.rules.clear();
  contents.actions.clear();
  contents.department_rule.reset();  // the examples' own, not the seeds'
  for (Indicator& indicator : contents.indicators) {
    indicator.range.reset();
    indicator.action.clear();
    indicator.category.reset();
  }
  return Framework(std::move(contents));
}

}  // namespace healthact::testing

#endif  // HEALTHACT_TESTS_TEST_SUPPORT_HPP_
