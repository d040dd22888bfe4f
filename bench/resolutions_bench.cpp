// resolutions() over real news: the "text" fields of the first 20 MB (of text)
// of ../shared/corpus/baomoi-2017.jsonl.xz, one article at a time, as an SQL
// query over a table of articles would call it.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "resolutions.h"
#include "utf8.h"

namespace {

constexpr size_t kCorpusBytes = 20u << 20;
constexpr const char* kCorpus = "../shared/corpus/baomoi-2017.jsonl.xz";

// The JSON string value that starts at line[i] (just after the opening quote).
std::string json_string(const std::string& line, size_t i) {
  std::string out;
  while (i < line.size() && line[i] != '"') {
    char c = line[i++];
    if (c != '\\' || i >= line.size()) { out.push_back(c); continue; }
    char e = line[i++];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u': {
        if (i + 4 > line.size()) return out;
        char32_t cp = static_cast<char32_t>(std::stoul(line.substr(i, 4), nullptr, 16));
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= line.size() && line[i] == '\\' && line[i + 1] == 'u') {
          char32_t lo = static_cast<char32_t>(std::stoul(line.substr(i + 2, 4), nullptr, 16));
          if (lo >= 0xDC00 && lo <= 0xDFFF) { cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00); i += 6; }
        }
        vnsql::utf8::append(out, cp);
        break;
      }
      default: out.push_back(e);  // \" \\ \/
    }
  }
  return out;
}

const std::vector<std::string>& articles() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::string cmd = std::string("xz -dc ") + kCorpus + " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return out;
    std::string line;
    char buf[1 << 16];
    size_t total = 0;
    while (total < kCorpusBytes && fgets(buf, sizeof buf, pipe)) {
      line += buf;
      if (line.empty() || line.back() != '\n') continue;
      size_t key = line.find("\"text\": \"");
      if (key != std::string::npos) {
        out.push_back(json_string(line, key + 9));
        total += out.back().size();
      }
      line.clear();
    }
    pclose(pipe);
    return out;
  }();
  return texts;
}

void BM_Resolutions(benchmark::State& state) {
  const auto& texts = articles();
  if (texts.empty()) { state.SkipWithError("corpus not found: ../shared/corpus/baomoi-2017.jsonl.xz"); return; }
  size_t bytes = 0, refs = 0;
  for (const auto& t : texts) bytes += t.size();
  for (auto _ : state) {
    refs = 0;
    for (const auto& t : texts) {
      auto rows = vnsql::resolutions(t);
      refs += rows.size();
      benchmark::DoNotOptimize(rows);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
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
