// resolutions() over real news, against the baseline of splitting the same
// text into words (bench/corpus.h), in the same run: the first 20 MB of article
// text of ../shared/corpus/baomoi-2017.jsonl.xz, one article at a time, as an
// SQL query over a table of articles would call it. From the worktree root:
//   ./build/bench/resolutions_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "corpus.h"
#include "resolutions.h"

namespace {

const std::vector<std::string>& articles() {
  static const std::vector<std::string> texts = vnsql::bench::corpus_articles(20u << 20);
  return texts;
}

size_t total_bytes() {
  size_t bytes = 0;
  for (const auto& t : articles()) bytes += t.size();
  return bytes;
}

// Baseline: the word scan every extractor starts with, one call per article.
void BM_Baseline_WordScan(benchmark::State& state) {
  const auto& texts = articles();
  if (texts.empty()) { state.SkipWithError("corpus not found: ../shared/corpus/baomoi-2017.jsonl.xz"); return; }
  for (auto _ : state)
    for (const auto& t : texts) benchmark::DoNotOptimize(vnsql::bench::scan_words(t));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_Baseline_WordScan)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Resolutions(benchmark::State& state) {
  const auto& texts = articles();
  if (texts.empty()) { state.SkipWithError("corpus not found: ../shared/corpus/baomoi-2017.jsonl.xz"); return; }
  size_t refs = 0;
  for (auto _ : state) {
    refs = 0;
    for (const auto& t : texts) {
      auto rows = vnsql::resolutions(t);
      refs += rows.size();
      benchmark::DoNotOptimize(rows);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
  state.counters["articles"] = static_cast<double>(texts.size());
  state.counters["references"] = static_cast<double>(refs);
}
BENCHMARK(BM_Resolutions)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// One 20 MB text (all articles joined): the single-call, large-input case.
void BM_ResolutionsOneText(benchmark::State& state) {
  const auto& texts = articles();
  if (texts.empty()) { state.SkipWithError("corpus not found"); return; }
  std::string all;
  for (const auto& t : texts) (all += t) += '\n';
  for (auto _ : state) benchmark::DoNotOptimize(vnsql::resolutions(all));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * all.size()));
}
BENCHMARK(BM_ResolutionsOneText)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
