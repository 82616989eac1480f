// Parse-and-check throughput of the framework DSL on a generated framework of
// 10 000 indicators in the shape of the seeds (comparisons, bare values,
// 实现, trends, two-part targets, baselines, full-width symbols).
#include <benchmark/benchmark.h>

#include <string>

#include "healthact/lang/dsl.hpp"

namespace {

std::string GeneratedFramework(int indicators) {
  std::string text = "框架 \"生成的框架\"\n来源 \"基准\" \"附件\"\n明显下降幅度 10%\n持续下降年数 3\n";
  for (int i = 1; i <= indicators; ++i) {
    if (i % 10 == 1) text += "依据 \"《“健康广西2030”规划》\"\n";
    const std::string n = std::to_string(i);
    text += "指标 " + n + " \"城乡居民达到《国民体质测定标准》合格以上的人数比例" + n + "\" {\n";
    switch (i % 5) {
      case 0:
        text += "  单位 %\n  方向 越高越好\n  基期 2019 88.56\n  目标 2022 ≥90.86\n"
                "  目标 2030 ≥92.17\n";
        break;
      case 1:
        text += "  单位 ‰\n  方向 越低越好\n  基期 2019 3.28\n  目标 2022 ≤6.0\n  目标 2030 ≤4.0\n";
        break;
      case 2:
        text += "  基期 2019 未建立\n  目标 2022 实现\n  目标 2030 --\n";
        break;
      case 3:
        text += "  单位 %\n  方向 越高越好\n  分项 " + n + ".1 \"乡镇\"\n  分项 " + n +
                ".2 \"村\"\n  基期 2019 100，65\n  目标 2022 100，70\n  目标 2030 100，80\n";
        break;
      case 4:
        text += "  单位 %\n  方向 越低越好\n  基期 2019 --\n  目标 2022 明显下降\n"
                "  目标 2030 持续下降\n";
        break;
    }
    text += "}\n";
  }
  return text;
}

void BM_ParseFramework(benchmark::State& state) {
  const std::string text = GeneratedFramework(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    healthact::ParsedFramework parsed = healthact::ParseFramework(text, "generated.ha");
    if (!parsed.ok()) state.SkipWithError("generated framework did not check");
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["indicators"] = static_cast<double>(state.range(0));
  state.counters["bytes"] = static_cast<double>(text.size());
}
// Wall-clock time: a text of 256 KB or more is read on two threads, and the
// main thread's CPU time alone would flatter it.
BENCHMARK(BM_ParseFramework)->Arg(1000)->Arg(10000)->Arg(100000)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_FormatFramework(benchmark::State& state) {
  const healthact::ParsedFramework parsed =
      healthact::ParseFramework(GeneratedFramework(static_cast<int>(state.range(0))), "g.ha");
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string text = healthact::FormatFramework(*parsed.framework);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_FormatFramework)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
