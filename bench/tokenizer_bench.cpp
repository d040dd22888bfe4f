// The tokenizer alone (no FTS5), per mode, over real text: where its time goes.
// Whole-index comparisons against unicode61 are in tokenizer_bench.py.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "tokenizer.h"

namespace {

// The "text" fields of the first `limit` bytes of the corpus, JSON-unescaped
// well enough for a benchmark (\n, \", \\ and \uXXXX of the BMP).
std::string load_corpus(size_t limit) {
  std::string text;
  FILE* f = popen("xz -dc ../shared/corpus/baomoi-2017.jsonl.xz 2>/dev/null || xz -dc ../../shared/corpus/baomoi-2017.jsonl.xz", "r");
  if (!f) return text;
  char buf[1 << 16];
  std::string raw;
  size_t n;
  while (raw.size() < limit * 2 && (n = fread(buf, 1, sizeof buf, f)) > 0) raw.append(buf, n);
  pclose(f);
  for (size_t i = 0; i < raw.size() && text.size() < limit; ++i) {
    if (raw[i] != '\\') { text.push_back(raw[i]); continue; }
    char c = raw[++i];
    if (c == 'n') text.push_back('\n');
    else if (c == 'u' && i + 4 < raw.size()) {
      unsigned cp = std::stoul(raw.substr(i + 1, 4), nullptr, 16);
      i += 4;
      if (cp < 0x80) text.push_back(static_cast<char>(cp));
      else if (cp < 0x800) { text.push_back(static_cast<char>(0xC0 | (cp >> 6))); text.push_back(static_cast<char>(0x80 | (cp & 0x3F))); }
      else { text.push_back(static_cast<char>(0xE0 | (cp >> 12))); text.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F))); text.push_back(static_cast<char>(0x80 | (cp & 0x3F))); }
    } else text.push_back(c);
  }
  return text;
}

const std::string& corpus() {
  static const std::string text = load_corpus(10 << 20);
  return text;
}

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
