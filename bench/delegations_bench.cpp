// delegations() over real news, against the baseline of splitting the same
// text into words (bench/corpus.h), in the same run: the first 20 MB of
// article text of ../shared/corpus/baomoi-2017.jsonl.xz. From the worktree root:
//   ./build/bench/delegations_bench
// Most articles name no delegation: a byte search for "đoàn" skips them. The
// articles that do are also timed alone (BM_DelegationsArticlesWithDoan), the
// cost where every extractor (officials, resolutions, dates) runs.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "corpus.h"
#include "delegations.h"

namespace {

const std::vector<std::string>& articles() {
  static const std::vector<std::string> docs = vnsql::bench::corpus_articles(20u << 20);
  return docs;
}

// The articles with the word "đoàn" (any case), where delegations() does all its work.
const std::vector<std::string>& with_doan() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    for (const std::string& d : articles())
      if (d.find("đoàn") != std::string::npos || d.find("Đoàn") != std::string::npos) out.push_back(d);
    return out;
  }();
  return docs;
}

// Baseline: the word scan every extractor starts with, one call per article.
void BM_Baseline_WordScanPerArticle(benchmark::State& state) {
  vnsql::bench::word_scan_per_article(state, articles());
}
BENCHMARK(BM_Baseline_WordScanPerArticle)->Unit(benchmark::kMillisecond);

void run(benchmark::State& state, const std::vector<std::string>& docs) {
  if (docs.empty()) { state.SkipWithError("corpus not found (../shared/corpus/baomoi-2017.jsonl.xz)"); return; }
  size_t bytes = 0, rows = 0;
  for (auto _ : state)
    for (const std::string& d : docs) {
      for (const vnsql::Delegation& g : vnsql::find_delegations(d)) {
        benchmark::DoNotOptimize(vnsql::documents_json(g.documents));
        ++rows;
      }
      bytes += d.size();
    }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["articles"] = static_cast<double>(docs.size());
  state.counters["delegations/iter"] = static_cast<double>(rows) / static_cast<double>(state.iterations());
}

// One call per article, as `SELECT * FROM documents, delegations(documents.body)` makes.
void BM_DelegationsPerArticle(benchmark::State& state) { run(state, articles()); }
BENCHMARK(BM_DelegationsPerArticle)->Unit(benchmark::kMillisecond);

void BM_DelegationsArticlesWithDoan(benchmark::State& state) { run(state, with_doan()); }
BENCHMARK(BM_DelegationsArticlesWithDoan)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
