// The tokenizer alone (no FTS5), per mode, over 10 MB of real article text,
// against the baseline of splitting the same text into words (bench/corpus.h),
// in the same run. Whole-index comparisons against unicode61 are in
// tokenizer_bench.py. From the worktree root: ./build/bench/tokenizer_bench
#include <benchmark/benchmark.h>

#include <string>

#include "corpus.h"
#include "tokenizer.h"

namespace {

const std::string& corpus() {
  static const std::string text = [] {
    std::string all;
    for (const std::string& a : vnsql::bench::corpus_articles(10u << 20)) (all += a) += '\n';
    return all;
  }();
  return text;
}

void BM_Baseline_WordScan(benchmark::State& state) {
  const std::string& text = corpus();
  if (text.empty()) { state.SkipWithError("corpus not found"); return; }
  for (auto _ : state) benchmark::DoNotOptimize(vnsql::bench::scan_words(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Baseline_WordScan)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = corpus();
  if (text.empty()) { state.SkipWithError("corpus not found"); return; }
  vnsql::TokenizerOptions options{static_cast<vnsql::Diacritics>(state.range(0))};
  size_t tokens = 0;
  for (auto _ : state) {
    vnsql::TokenStream stream(text, options, false);
    vnsql::Token token;
    while (stream.next(token)) ++tokens;
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenize)->Arg(static_cast<int>(vnsql::Diacritics::Smart))->Arg(static_cast<int>(vnsql::Diacritics::Fold))
    ->Arg(static_cast<int>(vnsql::Diacritics::Keep))->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
