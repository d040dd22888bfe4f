#include "corpus.h"

#include <cstdio>
#include <cstdlib>

#include "normalize.h"
#include "utf8.h"

namespace vnsql::bench {
namespace {

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
        char32_t cp = static_cast<char32_t>(std::strtoul(line.substr(i, 4).c_str(), nullptr, 16));
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= line.size() && line[i] == '\\' && line[i + 1] == 'u') {
          char32_t lo = static_cast<char32_t>(std::strtoul(line.substr(i + 2, 4).c_str(), nullptr, 16));
          if (lo >= 0xDC00 && lo <= 0xDFFF) { cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00); i += 6; }
        }
        utf8::append(out, cp);
        break;
      }
      default: out.push_back(e);  // \" \\ \/
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> corpus_articles(size_t bytes) {
  std::vector<std::string> out;
  const char* path = std::getenv("VNSQL_CORPUS");
  const std::string cmd =
      std::string("xz -dc ") + (path ? path : "../shared/corpus/baomoi-2017.jsonl.xz") + " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return out;
  std::string line;
  char buf[1 << 16];
  size_t total = 0;
  while (total < bytes && fgets(buf, sizeof buf, pipe)) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    const size_t key = line.find("\"text\": \"");
    if (key != std::string::npos) {
      out.push_back(json_string(line, key + 9));
      total += out.back().size();
    }
    line.clear();
  }
  pclose(pipe);
  return out;
}

size_t scan_words(const std::string& text) {
  WordScanner scanner(text);
  Word word;
  size_t words = 0;
  while (scanner.next(word)) ++words;
  return words;
}

void word_scan_per_article(benchmark::State& state, const std::vector<std::string>& docs) {
  if (docs.empty()) {
    state.SkipWithError("corpus not found (../shared/corpus/baomoi-2017.jsonl.xz)");
    return;
  }
  size_t bytes = 0;
  for (auto _ : state)
    for (const std::string& d : docs) {
      benchmark::DoNotOptimize(scan_words(d));
      bytes += d.size();
    }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

}  // namespace vnsql::bench
