// Import of a seed table: the Liuzhou attachment table as the document
// carries it (26 indicators), read, imported and checked by the DSL.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "healthact/import/table_import.hpp"

namespace {

std::string LiuzhouTable() {
  std::ifstream in(std::string(HEALTHACT_SOURCE_DIR) +
                   "/tests/data/seed-tables/liuzhou-attachment3.txt");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void BM_ImportSeedTable(benchmark::State& state) {
  const std::string text = LiuzhouTable();
  healthact::ImportOptions options;
  options.source.document = "柳州市推进健康中国行动考核办法";
  options.trend_rules.marked_change_percent = *healthact::Decimal::Parse("10");
  options.trend_rules.continuous_years = 3;
  for (auto _ : state) {
    const healthact::TableRead read = healthact::ReadTextTable(text, "liuzhou.txt");
    const healthact::ImportedFramework imported = healthact::ImportTable(read.table, options);
    if (!imported.ok()) state.SkipWithError("the seed table did not import");
    benchmark::DoNotOptimize(imported.framework.get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ImportSeedTable)->Unit(benchmark::kMicrosecond);

}  // namespace
