// Frameworks and assessments are shared read-only across threads: eight
// threads assess the same framework and observations at once, and read the
// same C-interface assessment at once.  Run under ThreadSanitizer by test.sh.
#include <string>
#include <thread>
#include <vector>

#include "healthact.h"
#include "healthact/assess/assessment.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

using ::healthact::testing::ExamplePath;
using ::healthact::testing::ReadTextFile;

constexpr int kThreads = 8;

std::shared_ptr<Observations> Data() {
  auto data = std::make_shared<Observations>();
  for (int u = 0; u < 300; ++u) {
    const UnitId unit = data->AddUnit("单位" + std::to_string(u));
    for (int key = 1; key <= 26; ++key) {
      if (key == 11 || key == 12) {
        (void)data->Add(unit, std::to_string(key), 2022,
                        Reported{u % 3 ? ReportKind::kAchieved : ReportKind::kNotAchieved, {}});
        continue;
      }
      const std::string k = key == 25 ? "25.1" : std::to_string(key);
      (void)data->Add(unit, k, 2022,
                      Reported{ReportKind::kNumber, Decimal::FromScaled((u * 37 + key * 11) % 10000, 2)});
      if (key == 25) {
        (void)data->Add(unit, "25.2", 2022, Reported{ReportKind::kNumber, Decimal::FromInt(u % 100)});
      }
      if (key == 21) {
        (void)data->Add(unit, "21", 2021, Reported{ReportKind::kNumber, Decimal::FromInt(u % 9)});
      }
    }
  }
  return data;
}

TEST(Threads, AssessTheSameInputsFromEightThreads) {
  auto framework = ParseFramework(ReadTextFile(ExamplePath("liuzhou.ha")), "liuzhou.ha").framework;
  ASSERT_TRUE(framework);
  std::shared_ptr<const Observations> data = Data();
  // The threads are the first to assess this framework: they race to derive
  // its scoring weights, which happens once.
  std::vector<std::vector<std::string>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const Assessment mine = Assess(framework, data, 2022);
      for (std::size_t u : mine.ranking()) {
        seen[t].push_back(mine.observations().unit_name(mine.units()[u]) + " " +
                          mine.score(u).ToString() + " " + ReasonText(mine.Explain(u, 0)));
      }
      (void)mine.record();  // computed once, on first request
    });
  }
  for (std::thread& thread : threads) thread.join();
  const Assessment reference = Assess(framework, data, 2022);
  std::vector<std::string> expected;
  for (std::size_t u : reference.ranking()) {
    expected.push_back(reference.observations().unit_name(reference.units()[u]) + " " +
                       reference.score(u).ToString() + " " + ReasonText(reference.Explain(u, 0)));
  }
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(seen[t], expected) << "thread " << t;
}

TEST(Threads, ReadOneCAssessmentFromEightThreads) {
  const std::string text = ReadTextFile(ExamplePath("liuzhou.ha"));
  hact_framework* framework = nullptr;
  ASSERT_EQ(hact_framework_parse(text.data(), text.size(), "liuzhou.ha", &framework, nullptr), HACT_OK);
  hact_observations* observations = nullptr;
  ASSERT_EQ(hact_observations_new(&observations), HACT_OK);
  for (int u = 0; u < 50; ++u) {
    const std::string unit = "单位" + std::to_string(u);
    const std::string value = std::to_string(70 + u % 20);
    ASSERT_EQ(hact_observations_add(observations, unit.c_str(), "1", 2022, value.c_str()), HACT_OK);
  }
  hact_assessment* assessment = nullptr;
  ASSERT_EQ(hact_assess(framework, observations, 2022, &assessment), HACT_OK);
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int position = 0; position < 50; ++position) {
        for (int index = 0; index < 26; ++index) {
          hact_verdict verdict;
          if (hact_assessment_verdict(assessment, position, index, &verdict) != HACT_OK) {
            ++mismatches[t];
          } else if (index == 0 && verdict.status != HACT_MET && verdict.status != HACT_NOT_MET) {
            ++mismatches[t];
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
  hact_assessment_free(assessment);
  hact_observations_free(observations);
  hact_framework_free(framework);
}

}  // namespace
}  // namespace healthact
