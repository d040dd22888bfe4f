// extract_officials() over real news: the "text" fields of the first 20 MB of
// articles in ../shared/corpus/baomoi-2017.jsonl.xz (JSON-unescaped).
// Run from the worktree root (or set VNSQL_CORPUS to the .jsonl.xz file):
//   ./build/bench/officials_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "officials.h"
#include "utf8.h"

namespace {

constexpr size_t kCorpusBytes = 20u << 20;

// Appends the JSON string starting after the opening quote at line[i]; returns the index after it.
size_t unescape_json_string(const std::string& line, size_t i, std::string& out) {
  while (i < line.size() && line[i] != '"') {
    char c = line[i++];
    if (c != '\\' || i >= line.size()) { out += c; continue; }
    char e = line[i++];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        char32_t cp = static_cast<char32_t>(std::strtoul(line.substr(i, 4).c_str(), nullptr, 16));
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= line.size() && line[i] == '\\' && line[i + 1] == 'u') {
          char32_t lo = static_cast<char32_t>(std::strtoul(line.substr(i + 2, 4).c_str(), nullptr, 16));
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        }
        vnsql::utf8::append(out, cp);
        break;
      }
      default: out += e;
    }
  }
  return i + 1;
}

const std::vector<std::string>& articles() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    const char* path = std::getenv("VNSQL_CORPUS");
    std::string cmd = std::string("xz -dc ") + (path ? path : "../shared/corpus/baomoi-2017.jsonl.xz");
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return out;
    std::string line;
    size_t total = 0;
    char buf[1 << 16];
    while (total < kCorpusBytes && fgets(buf, sizeof buf, pipe)) {
      line += buf;
      if (line.empty() || line.back() != '\n') continue;
      size_t key = line.find("\"text\": \"");
      if (key != std::string::npos) {
        std::string text;
        unescape_json_string(line, key + 9, text);
        total += text.size();
        out.push_back(std::move(text));
      }
      line.clear();
    }
    pclose(pipe);
    return out;
  }();
  return docs;
}

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
  const auto& docs = articles();
  if (docs.empty()) { state.SkipWithError("corpus not found"); return; }
  std::string all;
  for (const std::string& d : docs) { all += d; all += "\n\n"; }
  for (auto _ : state) {
    std::string json = vnsql::officials_json(vnsql::find_officials(all));
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(all.size()) * state.iterations());
}
BENCHMARK(BM_ExtractOfficialsOneText)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
