// extract_officials() over real news, against the baseline of splitting the
// same text into words (bench/corpus.h), in the same run: the first 20 MB of
// article text of ../shared/corpus/baomoi-2017.jsonl.xz. From the worktree root:
//   ./build/bench/officials_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "corpus.h"
#include "officials.h"

namespace {

const std::vector<std::string>& articles() {
  static const std::vector<std::string> docs = vnsql::bench::corpus_articles(20u << 20);
  return docs;
}

std::string joined() {
  std::string all;
  for (const std::string& d : articles()) (all += d) += "\n\n";
  return all;
}

// Baseline: the word scan every extractor starts with, one call per article.
void BM_Baseline_WordScanPerArticle(benchmark::State& state) {
  vnsql::bench::word_scan_per_article(state, articles());
}
BENCHMARK(BM_Baseline_WordScanPerArticle)->Unit(benchmark::kMillisecond);

// One call per article, as `SELECT extract_officials(body) FROM documents` makes.
void BM_ExtractOfficialsPerArticle(benchmark::State& state) {
  const auto& docs = articles();
  if (docs.empty()) { state.SkipWithError("corpus not found (../shared/corpus/baomoi-2017.jsonl.xz)"); return; }
  size_t bytes = 0, mentions = 0;
  for (auto _ : state) {
    for (const std::string& d : docs) {
      auto m = vnsql::find_officials(d);
      mentions += m.size();
      std::string json = vnsql::officials_json(m);
      benchmark::DoNotOptimize(json);
      bytes += d.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["articles"] = static_cast<double>(docs.size());
  state.counters["mentions/iter"] = static_cast<double>(mentions) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ExtractOfficialsPerArticle)->Unit(benchmark::kMillisecond);

// The same 20 MB as one text: a single call stays linear.
void BM_ExtractOfficialsOneText(benchmark::State& state) {
  if (articles().empty()) { state.SkipWithError("corpus not found"); return; }
  const std::string all = joined();
  for (auto _ : state) {
    std::string json = vnsql::officials_json(vnsql::find_officials(all));
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(all.size()) * state.iterations());
}
BENCHMARK(BM_ExtractOfficialsOneText)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
