#include "rank.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "sql_util.h"
#include "tokenizer.h"

namespace vnsql {

Closeness closeness(const std::vector<int>& sizes, const std::vector<Instance>& instances) {
  const int n = static_cast<int>(sizes.size());
  if (n == 0) return Closeness::Anywhere;
  // Instances of the phrases, by column and offset.
  std::vector<Instance> mine;
  for (const Instance& i : instances)
    if (i.phrase >= 0 && i.phrase < n) mine.push_back(i);
  std::sort(mine.begin(), mine.end(), [](const Instance& a, const Instance& b) {
    return a.column != b.column ? a.column < b.column : a.offset != b.offset ? a.offset < b.offset : a.phrase < b.phrase;
  });
  auto has = [&](int phrase, int column, int offset) {
    Instance key{phrase, column, offset};
    auto it = std::lower_bound(mine.begin(), mine.end(), key, [](const Instance& a, const Instance& b) {
      return a.column != b.column ? a.column < b.column : a.offset != b.offset ? a.offset < b.offset : a.phrase < b.phrase;
    });
    for (; it != mine.end() && it->column == column && it->offset == offset; ++it)
      if (it->phrase == phrase) return true;
    return false;
  };
  // The phrase: phrase 0 somewhere, each next one where the previous ends.
  for (const Instance& first : mine) {
    if (first.phrase != 0) continue;
    int at = first.offset + sizes[0];
    int k = 1;
    for (; k < n && has(k, first.column, at); ++k) at += sizes[k];
    if (k == n) return Closeness::Phrase;
  }
  // Near: the shortest window of one column holding every phrase.
  int own = 0;
  for (int s : sizes) own += s;
  std::vector<int> count(n, 0);
  size_t lo = 0;
  int distinct = 0;
  for (size_t hi = 0; hi < mine.size(); ++hi) {
    if (hi > 0 && mine[hi].column != mine[hi - 1].column) {  // a new column: start over
      std::fill(count.begin(), count.end(), 0);
      distinct = 0;
      lo = hi;
    }
    if (count[mine[hi].phrase]++ == 0) ++distinct;
    while (distinct == n) {
      const int span = mine[hi].offset + sizes[mine[hi].phrase] - mine[lo].offset;
      if (span - own <= kNearTokens) return Closeness::Near;
      if (--count[mine[lo].phrase] == 0) --distinct;
      ++lo;
    }
  }
  return Closeness::Anywhere;
}

double rank_value(Closeness c, double reading_share, double bm25) {
  const double share = std::round(std::clamp(reading_share, 0.0, 1.0) * 1000.0);  // 0.1 % steps
  return -(static_cast<int>(c) * 1e6 + share * 100.0 + std::clamp(bm25, 0.0, 99.99));
}

// ---------------------------------------------------------------------------
// FTS5 glue.

namespace {

// What vn_rank() learns once per query (FTS5 auxiliary data).
struct QueryFacts {
  std::vector<int> sizes;  // tokens of each typed phrase (the words)
  int whole = -1;          // the phrase of all the words (vn_query()'s), or -1
  double rows = 0, average_tokens = 0;
  std::vector<double> idf;  // per typed phrase
  // Readings of the whole phrase: how often each occurs, and which ones each row holds.
  std::map<std::string, int> reading_ids;
  std::vector<double> reading_count;
  double readings_total = 0;
  std::unordered_map<int64_t, std::vector<int>> row_readings;
};

struct CountRows {
  int64_t rows = 0;
};

int count_rows(const Fts5ExtensionApi*, Fts5Context*, void* data) {
  ++static_cast<CountRows*>(data)->rows;
  return SQLITE_OK;
}

// Collects the terms at the given token positions of one column's text.
struct TermsAt {
  std::vector<int> positions;       // sorted, distinct
  std::vector<std::string> terms;   // the same length
  size_t next = 0;
  int position = -1;
};

int collect_term(void* data, int flags, const char* token, int size, int, int) {
  auto* t = static_cast<TermsAt*>(data);
  if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
  ++t->position;
  while (t->next < t->positions.size() && t->positions[t->next] < t->position) ++t->next;
  if (t->next == t->positions.size()) return SQLITE_DONE;  // nothing more wanted: stop reading
  if (t->positions[t->next] == t->position) t->terms[t->next].assign(token, static_cast<size_t>(size));
  return SQLITE_OK;
}

struct ReadingPass {
  QueryFacts* facts;
  int size;  // tokens of the whole phrase
};

// Called for every row holding the whole phrase: reads its spellings there.
int read_readings(const Fts5ExtensionApi* api, Fts5Context* ctx, void* data) {
  auto* pass = static_cast<ReadingPass*>(data);
  QueryFacts& f = *pass->facts;
  int n = 0;
  if (int rc = api->xInstCount(ctx, &n); rc != SQLITE_OK) return rc;
  // The row's first occurrence: in the first column holding the phrase (a
  // title before its body), the lowest offset. Only the text up to it is read.
  std::map<int, std::vector<int>> starts;  // column -> offsets
  for (int i = 0; i < n; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (int rc = api->xInst(ctx, i, &phrase, &column, &offset); rc != SQLITE_OK) return rc;
    if (!starts.empty() && starts.begin()->first < column) continue;
    if (!starts.empty() && starts.begin()->first > column) starts.clear();
    auto& s = starts[column];
    if (s.empty()) s.push_back(offset);
    else s[0] = std::min(s[0], offset);
  }
  std::vector<int>& mine = f.row_readings[api->xRowid(ctx)];
  for (auto& [column, offsets] : starts) {
    TermsAt t;
    for (int o : offsets)
      for (int k = 0; k < pass->size; ++k) t.positions.push_back(o + k);
    std::sort(t.positions.begin(), t.positions.end());
    t.positions.erase(std::unique(t.positions.begin(), t.positions.end()), t.positions.end());
    t.terms.resize(t.positions.size());
    const char* text = nullptr;
    int bytes = 0;
    if (int rc = api->xColumnText(ctx, column, &text, &bytes); rc != SQLITE_OK) return rc;
    if (int rc = api->xTokenize(ctx, text ? text : "", text ? bytes : 0, &t, collect_term); rc != SQLITE_OK) return rc;
    for (int o : offsets) {
      std::string reading;
      for (int k = 0; k < pass->size; ++k) {
        auto at = std::lower_bound(t.positions.begin(), t.positions.end(), o + k) - t.positions.begin();
        if (k) reading.push_back(' ');
        reading += t.terms[static_cast<size_t>(at)];
      }
      auto [it, fresh] = f.reading_ids.emplace(reading, static_cast<int>(f.reading_count.size()));
      if (fresh) f.reading_count.push_back(0);
      f.reading_count[static_cast<size_t>(it->second)] += 1;
      f.readings_total += 1;
      if (std::find(mine.begin(), mine.end(), it->second) == mine.end()) mine.push_back(it->second);
    }
  }
  return SQLITE_OK;
}

// Learns what vn_rank() needs about the query: which phrases are the typed
// words, their idf, and the readings of the whole phrase.
int learn(const Fts5ExtensionApi* api, Fts5Context* ctx, QueryFacts& f) {
  const int phrases = api->xPhraseCount(ctx);
  std::vector<int> sizes(static_cast<size_t>(phrases));
  for (int i = 0; i < phrases; ++i) sizes[static_cast<size_t>(i)] = api->xPhraseSize(ctx, i);
  // vn_query() writes ("w1" "w2" ...) OR "w1 w2 ...": the last phrase as long as all others together.
  int typed = phrases;
  if (phrases >= 3) {
    int others = 0;
    for (int i = 0; i + 1 < phrases; ++i) others += sizes[static_cast<size_t>(i)];
    if (sizes.back() == others) {
      typed = phrases - 1;
      f.whole = phrases - 1;
    }
  } else if (phrases == 1 && sizes[0] >= 2) {
    f.whole = 0;  // one quoted phrase: its readings weigh too
  }
  f.sizes.assign(sizes.begin(), sizes.begin() + typed);
  sqlite3_int64 rows = 0, tokens = 0;
  if (int rc = api->xRowCount(ctx, &rows); rc != SQLITE_OK) return rc;
  if (int rc = api->xColumnTotalSize(ctx, -1, &tokens); rc != SQLITE_OK) return rc;
  f.rows = static_cast<double>(rows);
  f.average_tokens = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
  for (int i = 0; i < typed; ++i) {
    CountRows hits;
    if (int rc = api->xQueryPhrase(ctx, i, &hits, count_rows); rc != SQLITE_OK) return rc;
    const double h = static_cast<double>(hits.rows);
    double idf = std::log((f.rows - h + 0.5) / (h + 0.5));
    f.idf.push_back(idf <= 0.0 ? 1e-6 : idf);
  }
  if (f.whole >= 0) {
    ReadingPass pass{&f, sizes[static_cast<size_t>(f.whole)]};
    if (int rc = api->xQueryPhrase(ctx, f.whole, &pass, read_readings); rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

void vn_rank(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* result, int, sqlite3_value**) {
  try {
    auto* f = static_cast<QueryFacts*>(api->xGetAuxdata(ctx, 0));
    if (!f) {
      auto fresh = std::make_unique<QueryFacts>();
      if (int rc = learn(api, ctx, *fresh); rc != SQLITE_OK) return sqlite3_result_error_code(result, rc);
      f = fresh.get();
      if (int rc = api->xSetAuxdata(ctx, fresh.release(), [](void* p) { delete static_cast<QueryFacts*>(p); });
          rc != SQLITE_OK)
        return sqlite3_result_error_code(result, rc);  // FTS5 has deleted it
    }
    int n = 0;
    if (int rc = api->xInstCount(ctx, &n); rc != SQLITE_OK) return sqlite3_result_error_code(result, rc);
    std::vector<Instance> instances;
    std::vector<double> frequency(f->sizes.size(), 0.0);
    instances.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      Instance in;
      if (int rc = api->xInst(ctx, i, &in.phrase, &in.column, &in.offset); rc != SQLITE_OK)
        return sqlite3_result_error_code(result, rc);
      if (in.phrase < static_cast<int>(f->sizes.size())) {
        instances.push_back(in);
        frequency[static_cast<size_t>(in.phrase)] += 1;
      }
    }
    const Closeness c = closeness(f->sizes, instances);
    double share = 0.0;
    if (c == Closeness::Phrase) {
      share = 1.0;  // without the whole phrase in the query, every reading counts alike
      if (f->whole >= 0 && f->readings_total > 0) {
        auto it = f->row_readings.find(api->xRowid(ctx));
        if (it != f->row_readings.end()) {
          share = 0.0;
          for (int id : it->second) share = std::max(share, f->reading_count[static_cast<size_t>(id)] / f->readings_total);
        }
      }
    }
    int row_tokens = 0;
    if (int rc = api->xColumnSize(ctx, -1, &row_tokens); rc != SQLITE_OK) return sqlite3_result_error_code(result, rc);
    constexpr double k1 = 1.2, b = 0.75;
    double bm25 = 0.0;
    const double d = static_cast<double>(row_tokens) / (f->average_tokens > 0 ? f->average_tokens : 1.0);
    for (size_t i = 0; i < f->sizes.size(); ++i)
      bm25 += f->idf[i] * frequency[i] * (k1 + 1.0) / (frequency[i] + k1 * (1.0 - b + b * d));
    sqlite3_result_double(result, rank_value(c, share, bm25));
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(result);
  } catch (...) {
    sqlite3_result_error(result, "vn_rank: internal error", -1);
  }
}

}  // namespace

int register_rank(sqlite3* db, char** error) {
  fts5_api* api = fts5_api_of(db);
  if (!api || api->iVersion < 2 || !api->xCreateFunction) {
    *error = sqlite3_mprintf("vnsql: this SQLite has no FTS5 to register vn_rank with");
    return SQLITE_ERROR;
  }
  int rc = api->xCreateFunction(api, "vn_rank", nullptr, vn_rank, nullptr);
  if (rc != SQLITE_OK) *error = sqlite3_mprintf("vnsql: cannot register vn_rank: %s", sqlite3_errstr(rc));
  return rc;
}

}  // namespace vnsql
