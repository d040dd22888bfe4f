// The benchmarks' input: the "text" fields of ../shared/corpus/baomoi-2017.jsonl.xz
// (or of the file VNSQL_CORPUS names), JSON-unescaped, up to a byte budget.
// Run the benchmarks from the worktree root so that the default path resolves.
#pragma once

#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace vnsql::bench {

// The articles' texts, in corpus order, until `bytes` of text are read.
// Empty when the corpus cannot be read.
std::vector<std::string> corpus_articles(size_t bytes);

// The baseline every extraction is compared with in the same run: splitting
// the text into words (and folding them) with the WordScanner that the
// tokenizer and both extractors start from. Returns the number of words.
size_t scan_words(const std::string& text);

// The baseline benchmark: scan_words() on each of `docs`, one call per article,
// bytes counted; skipped with an error when the corpus could not be read.
void word_scan_per_article(benchmark::State& state, const std::vector<std::string>& docs);

}  // namespace vnsql::bench
