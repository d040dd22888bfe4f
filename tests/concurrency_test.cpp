// Four writers and four readers, each with its own connection, on one WAL
// database built by sql/schema.sql, for VNSQL_CONCURRENCY_SECONDS (3 by
// default; the ctest concurrency_60s runs 60) in the documented way to write
// concurrently (docs/hardening.md): afterwards no unexpected error, the
// database and its FTS5 index are intact and every row is accounted for. And
// four threads that call every function at the same moment on a freshly
// loaded module get what one thread gets. Both also run under
// ThreadSanitizer (tests/run.sh, build-tsan/).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr int kThreads = 4;  // writers, readers, and threads of the first-use test

// The documented way to write concurrently (docs/hardening.md, "Writers at
// the same time"): WAL; busy_timeout on every connection; every write transaction
// begun with BEGIN IMMEDIATE, retried while that reports SQLITE_BUSY (nothing
// is done yet, so a retry is safe: SQLite's busy handler polls, it is no
// queue, so with writers that never pause one may wait past the timeout),
// for at most kMaxBeginWait in all.
constexpr int kBusyTimeoutMs = 5000;
constexpr std::chrono::milliseconds kMaxBeginWait{60000};

std::chrono::seconds run_for() {
  const char* env = std::getenv("VNSQL_CONCURRENCY_SECONDS");
  return std::chrono::seconds(env ? std::atol(env) : 3);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The articles of examples/corpus, as bytes: real Vietnamese text with
// document identifiers and officials. Without legacy_encodings, only the UTF-8
// ones (the other files are Windows-1258 and TCVN3).
std::vector<std::string> articles(bool legacy_encodings = false) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(fs::path(VNSQL_SOURCE_DIR) / "examples" / "corpus")) {
    const std::string name = entry.path().filename().string();
    const bool legacy = name.find(".cp1258") != std::string::npos || name.find(".tcvn3") != std::string::npos;
    if (entry.path().extension() != ".txt" || (legacy && !legacy_encodings)) continue;
    out.push_back(read_file(entry.path()));
  }
  return out;
}

sqlite3* open_connection(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK)
    return nullptr;
  sqlite3_enable_load_extension(db, 1);
  char* error = nullptr;
  if (sqlite3_load_extension(db, VNSQL_MODULE_PATH, "sqlite3_vnsql_init", &error) != SQLITE_OK) {
    ADD_FAILURE() << "load: " << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  return db;
}

bool busy(int rc) { return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED; }

// What one thread does, on its own connection; the first unexpected error stops it.
struct Worker {
  int index = 0;
  std::string db_path;
  const std::vector<std::string>* texts = nullptr;
  std::chrono::seconds seconds{3};
  std::string error;  // the first unexpected error
  sqlite3* db = nullptr;

  // Each thread opens its own connection (and so loads the module) in the thread.
  bool open() {
    db = open_connection(db_path);
    if (!db) error = "cannot open " + db_path;
    return db != nullptr;
  }
  ~Worker() { sqlite3_close(db); }

  // Runs one statement to completion with text parameters and an optional
  // integer one after them; the rows' first column goes to `out`. Any error,
  // SQLITE_BUSY included, is unexpected.
  bool run(const char* sql, const std::vector<std::string>& texts_in, std::vector<std::string>* out = nullptr,
           long long int_param = 0, bool bind_int = false) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
      int i = 1;
      for (const auto& t : texts_in) sqlite3_bind_text(stmt, i++, t.data(), static_cast<int>(t.size()), SQLITE_STATIC);
      if (bind_int) sqlite3_bind_int64(stmt, i, int_param);
      if (out) out->clear();
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        if (out) {
          const unsigned char* v = sqlite3_column_text(stmt, 0);
          out->push_back(v ? reinterpret_cast<const char*>(v) : "");
        }
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE) return true;
    if (error.empty()) error = std::string(sql) + ": " + sqlite3_errmsg(db);
    return false;
  }
};

// Inserts, updates (title and body, so every trigger runs) and deletes its
// own documents (path prefix "tN/"), one write transaction each.
struct Writer : Worker {
  long inserts = 0, deletes = 0, updates = 0, begin_retries = 0;
  double longest_begin_wait = 0;  // seconds
  std::set<long long> live;       // ids of this writer's documents still present
  std::chrono::milliseconds max_begin_wait = kMaxBeginWait;

  // BEGIN IMMEDIATE, retried on SQLITE_BUSY for at most max_begin_wait.
  bool begin() {
    const auto start = std::chrono::steady_clock::now();
    while (true) {
      int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
      const std::chrono::duration<double> waited = std::chrono::steady_clock::now() - start;
      if (rc == SQLITE_OK) {
        longest_begin_wait = std::max(longest_begin_wait, waited.count());
        return true;
      }
      if (!busy(rc) || waited > max_begin_wait) {
        error = "BEGIN IMMEDIATE after " + std::to_string(waited.count()) + " s: " + sqlite3_errmsg(db);
        return false;
      }
      ++begin_retries;
    }
  }

  void operator()() {
    if (!open()) return;
    std::mt19937 rng(static_cast<unsigned>(index * 7919 + 17));
    const std::string prefix = "t" + std::to_string(index) + "/";
    std::vector<std::string> rows;
    long serial = 0;
    const auto until = std::chrono::steady_clock::now() + seconds;
    while (std::chrono::steady_clock::now() < until && error.empty()) {
      const std::string& text = (*texts)[rng() % texts->size()];
      const int op = static_cast<int>(rng() % 10);
      if (!begin()) break;
      long long gone = -1, added = -1;
      bool ok;
      if (op < 5 || live.empty()) {
        ok = run("INSERT INTO documents(path, title, body) VALUES (?1, vn_article_title(?2), vn_article_body(?2)) "
                 "RETURNING id",
                 {prefix + std::to_string(serial++), text}, &rows);
        if (ok) added = std::atoll(rows.at(0).c_str());
      } else if (op < 7) {
        auto it = std::next(live.begin(), static_cast<long>(rng() % live.size()));
        ok = run("DELETE FROM documents WHERE id = ?1 RETURNING id", {}, &rows, *it, true);
        if (ok && rows.size() != 1) error = "delete of " + std::to_string(*it) + " removed " + std::to_string(rows.size());
        gone = *it;
      } else {
        auto it = std::next(live.begin(), static_cast<long>(rng() % live.size()));
        ok = run("UPDATE documents SET title = vn_article_title(?1), body = vn_article_body(?1) WHERE id = ?2",
                 {text}, nullptr, *it, true);
      }
      if (!ok || !error.empty() || !run("COMMIT", {})) break;
      // Counted once committed.
      if (added >= 0) live.insert(added), ++inserts;
      else if (gone >= 0) live.erase(gone), ++deletes;
      else ++updates;
    }
    if (!error.empty()) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
};

// Searches while the writers write: MATCH with accented and unaccented
// words, phrases and prefixes, ORDER BY ... COLLATE vietnamese, and the
// extractors on stored bodies.
struct Reader : Worker {
  long searches = 0;

  void operator()() {
    if (!open()) return;
    std::mt19937 rng(static_cast<unsigned>(index * 104729 + 3));
    const char* const kQueries[] = {"đảng", "dang", "\"Bộ Chính trị\"", "bo chinh tri", "\"26-NQ/TW\"",
                                    "nghi*", "ủy ban", "uy ban", "Sơn La", "\"18-NQ/TW\"", "Đắk Nông", "dak nong"};
    std::vector<std::string> rows;
    const auto until = std::chrono::steady_clock::now() + seconds;
    while (std::chrono::steady_clock::now() < until && error.empty()) {
      const std::string q = kQueries[rng() % (sizeof kQueries / sizeof *kQueries)];
      const std::string& text = (*texts)[rng() % texts->size()];
      bool ok = run("SELECT d.title FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                    "WHERE documents_fts MATCH vn_query(?1) ORDER BY d.title COLLATE vietnamese LIMIT 20",
                    {q}, &rows) &&
                run("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1", {q}, &rows) &&
                run("SELECT r.id FROM (SELECT body FROM documents ORDER BY random() LIMIT 2) AS d, "
                    "resolutions(d.body) AS r",
                    {}, &rows) &&
                run("SELECT o.name FROM (SELECT body FROM documents ORDER BY random() LIMIT 2) AS d, "
                    "officials(d.body) AS o ORDER BY o.name COLLATE vietnamese",
                    {}, &rows) &&
                run("SELECT extract_officials(?1) || resolution_id(?1) || vn_unaccent(?1)", {text}, &rows);
      if (!ok) break;
      ++searches;
    }
  }
};

class Concurrency : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/vnsql-concurrency-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    db_path_ = (dir_ / "analyst.db").string();
  }
  void TearDown() override {
    if (db_) sqlite3_close(db_);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string scalar(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db_);
    std::string out;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0))
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return out;
  }
  void exec(const std::string& sql) {
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
  }
  fs::path dir_;
  std::string db_path_;
  sqlite3* db_ = nullptr;
};

TEST_F(Concurrency, FourWritersAndFourReadersOnOneWalDatabase) {
  const std::vector<std::string> texts = articles();
  ASSERT_GE(texts.size(), 8u);
  db_ = open_connection(db_path_);
  ASSERT_NE(db_, nullptr);
  EXPECT_EQ(scalar("PRAGMA journal_mode=WAL"), "wal");
  exec(read_file(fs::path(VNSQL_SOURCE_DIR) / "sql" / "schema.sql"));

  std::vector<Writer> writers(kThreads);
  std::vector<Reader> readers(kThreads);
  std::vector<Worker*> all;
  for (auto& w : writers) all.push_back(&w);
  for (auto& r : readers) all.push_back(&r);
  for (size_t i = 0; i < all.size(); ++i) {
    all[i]->index = static_cast<int>(i);
    all[i]->db_path = db_path_;
    all[i]->texts = &texts;
    all[i]->seconds = run_for();
  }
  std::vector<std::thread> threads;
  for (auto& w : writers) threads.emplace_back(std::ref(w));
  for (auto& r : readers) threads.emplace_back(std::ref(r));
  for (auto& t : threads) t.join();

  long expected = 0, transactions = 0, retries = 0, searches = 0;
  double longest = 0;
  std::set<long long> expected_ids;
  long inserts = 0, updates = 0, deletes = 0;
  for (const auto& w : writers) {
    EXPECT_EQ(w.error, "") << "writer " << w.index;
    // Every writer got the lock (one may get it far less often than another: no queue).
    EXPECT_GT(w.inserts, 0) << "writer " << w.index;
    inserts += w.inserts, updates += w.updates, deletes += w.deletes;
    std::printf("writer %d: %ld inserts, %ld updates, %ld deletes; BEGIN IMMEDIATE retried %ld times, "
                "longest wait %.2f s\n", w.index, w.inserts, w.updates, w.deletes, w.begin_retries,
                w.longest_begin_wait);
    expected += w.inserts - w.deletes;
    transactions += w.inserts + w.updates + w.deletes;
    retries += w.begin_retries;
    longest = std::max(longest, w.longest_begin_wait);
    expected_ids.insert(w.live.begin(), w.live.end());
  }
  EXPECT_GT(updates, 0);
  EXPECT_GT(deletes, 0);
  for (const auto& r : readers) {
    EXPECT_EQ(r.error, "") << "reader " << r.index;
    EXPECT_GT(r.searches, 0) << "reader " << r.index;
    searches += r.searches;
  }
  std::printf("%lld s: %ld write transactions, %ld searches; %ld BEGIN IMMEDIATE retries, longest wait %.2f s\n",
              static_cast<long long>(run_for().count()), transactions, searches, retries, longest);

  EXPECT_EQ(scalar("PRAGMA integrity_check"), "ok");
  // rank = 1: also checks the index against the external content table.
  exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)");
  EXPECT_EQ(std::stol(scalar("SELECT count(*) FROM documents")), expected);
  std::set<long long> ids;
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db_, "SELECT id FROM documents", -1, &stmt, nullptr), SQLITE_OK);
  while (sqlite3_step(stmt) == SQLITE_ROW) ids.insert(sqlite3_column_int64(stmt, 0));
  sqlite3_finalize(stmt);
  EXPECT_EQ(ids, expected_ids);

  // The extracted rows are exactly what a fresh extraction gives (as multisets).
  const char* const kFresh[][3] = {
      {"1,2,3,4,5,6,7,8", "SELECT document_id, id, kind, date, surface, start, length, resolved FROM document_resolutions",
       "SELECT d.id, r.id, r.kind, r.date, r.surface, r.start, r.length, r.resolved FROM documents d, "
       "resolutions(d.body) r"},
      {"1,2,3,4,5,6,7", "SELECT document_id, name, title, honorific, mention, start, length FROM document_officials",
       "SELECT d.id, o.name, o.title, o.honorific, o.mention, o.start, o.length FROM documents d, officials(d.body) o"},
  };
  for (const auto& pair : kFresh) {
    const std::string columns = pair[0], stored = pair[1], fresh = pair[2];
    const std::string diff = "SELECT count(*) FROM (SELECT *, count(*) FROM (" + stored + ") GROUP BY " + columns +
                             " EXCEPT SELECT *, count(*) FROM (" + fresh + ") GROUP BY " + columns + ")";
    const std::string rdiff = "SELECT count(*) FROM (SELECT *, count(*) FROM (" + fresh + ") GROUP BY " + columns +
                              " EXCEPT SELECT *, count(*) FROM (" + stored + ") GROUP BY " + columns + ")";
    EXPECT_EQ(scalar(diff), "0") << stored;
    EXPECT_EQ(scalar(rdiff), "0") << fresh;
    EXPECT_NE(scalar("SELECT count(*) FROM (" + stored + ")"), "0") << stored;
  }
}

// The retry of BEGIN IMMEDIATE, made to happen: another connection holds the
// write lock for 1.5 s against a busy_timeout of 0.3 s. Busy_timeout alone
// (what docs/hardening.md documented before issue 22) gives "database is
// locked"; the retry waits it out; past max_begin_wait the error names the wait.
TEST_F(Concurrency, BeginImmediateIsRetriedPastTheBusyTimeout) {
  db_ = open_connection(db_path_);
  ASSERT_NE(db_, nullptr);
  EXPECT_EQ(scalar("PRAGMA journal_mode=WAL"), "wal");
  exec(read_file(fs::path(VNSQL_SOURCE_DIR) / "sql" / "schema.sql"));
  const auto hold = [&](std::chrono::milliseconds how_long) {
    exec("BEGIN IMMEDIATE");
    return std::thread([this, how_long] {
      std::this_thread::sleep_for(how_long);
      exec("COMMIT");
    });
  };
  Writer writer;
  writer.db_path = db_path_;
  ASSERT_TRUE(writer.open());
  sqlite3_busy_timeout(writer.db, 300);

  std::thread holder = hold(std::chrono::milliseconds(1500));
  EXPECT_EQ(sqlite3_exec(writer.db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_BUSY);  // timeout alone
  EXPECT_TRUE(writer.begin()) << writer.error;  // retried
  EXPECT_GT(writer.begin_retries, 0);
  EXPECT_GT(writer.longest_begin_wait, 0.5);
  EXPECT_TRUE(writer.run("COMMIT", {}));
  holder.join();

  holder = hold(std::chrono::milliseconds(2000));
  writer.max_begin_wait = std::chrono::milliseconds(800);
  EXPECT_FALSE(writer.begin());
  EXPECT_NE(writer.error.find("database is locked"), std::string::npos) << writer.error;
  EXPECT_EQ(writer.error.rfind("BEGIN IMMEDIATE after ", 0), 0u) << writer.error;
  holder.join();
}

// Every function of the module (and the tokenizer in each mode, and the
// collation) on one article t.
const char* const kEveryFunction[] = {
    "vn_normalize(t)", "vn_unaccent(t)", "vn_date(t)", "vn_article_title(t)", "vn_article_published(t)",
    "vn_article_source(t)", "vn_article_body(t)", "vn_sha256(t)", "resolution_id(t)", "resolution_id(t, 2)",
    "extract_officials(t)", "vn_query(vn_article_title(t))", "vn_province(vn_article_title(t))", "vn_name_key(t)",
    "vn_province_2025(substr(t, 1, 12))", "vn_decode(CAST(t AS BLOB), 'utf-8')",
    "(SELECT group_concat(term || start || colocated, ' ') FROM vn_tokens(t))",
    "(SELECT group_concat(term, ' ') FROM vn_tokens(t, 'diacritics fold'))",
    "(SELECT group_concat(term, ' ') FROM vn_tokens(t, 'diacritics keep'))",
    "(SELECT group_concat(date || surface || start, ' ') FROM vn_dates(t))",
    "(SELECT group_concat(id || kind || surface || start, ' ') FROM resolutions(t))",
    "(SELECT group_concat(name || title || start, ' ') FROM officials(t))",
    "(SELECT group_concat(w, ' ') FROM (SELECT DISTINCT term AS w FROM vn_tokens(t) ORDER BY w COLLATE vietnamese))",
};

// One statement that joins the results of kEveryFunction for the article given
// as bytes in ?1 (decoded by vn_decode).
std::string every_function_sql() {
  std::string select;
  for (const char* f : kEveryFunction) select += std::string(select.empty() ? "" : " || char(10) || ") +
                                                 "ifnull(CAST(" + f + " AS TEXT), 'NULL')";
  return "WITH a(t) AS (SELECT vn_decode(?1)) SELECT " + select + " FROM a";
}

// Marks an SQL error inside a result, so that no article's own words ("error")
// can be mistaken for one.
constexpr const char* kSqlError = "\x01sql error: ";

// Runs every_function_sql() on each text through its own connection; on any error,
// the error message (after kSqlError) takes the text's place or ends its row.
std::vector<std::string> every_function(const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  sqlite3* db = open_connection(":memory:");
  if (!db) return {"cannot open"};
  // The FTS5 tokenizer itself, each mode, as a document and as a query.
  for (const char* mode : {"smart", "fold", "keep"}) {
    const std::string create = std::string("CREATE VIRTUAL TABLE fts_") + mode +
                               " USING fts5(body, tokenize='vietnamese diacritics " + mode + "')";
    if (sqlite3_exec(db, create.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      out.push_back(kSqlError + std::string(sqlite3_errmsg(db)));
      sqlite3_close(db);
      return out;
    }
  }
  for (const auto& text : texts) {
    std::string row;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, every_function_sql().c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
      sqlite3_bind_blob(stmt, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
      if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        row = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      else
        row = kSqlError + std::string(sqlite3_errmsg(db));
    } else {
      row = kSqlError + std::string(sqlite3_errmsg(db));
    }
    sqlite3_finalize(stmt);
    for (const char* mode : {"smart", "fold", "keep"}) {
      const std::string table = std::string("fts_") + mode;
      // One row at a time, so the answer does not depend on the order of the texts.
      const std::string sql = "DELETE FROM " + table + "; INSERT INTO " + table +
                              "(body) VALUES (vn_decode(?1)); SELECT snippet(" + table + ", 0, '[', ']', '…', 8) FROM " +
                              table + " WHERE " + table + " MATCH 'dang OR \"bộ chính trị\" OR nghi*'";
      const char* tail = sql.c_str();
      while (*tail) {
        if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
          row += kSqlError + std::string(sqlite3_errmsg(db));
          break;
        }
        if (!stmt) break;  // only whitespace left
        if (sqlite3_bind_parameter_count(stmt) == 1)
          sqlite3_bind_blob(stmt, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) row += std::string(" ") + mode + "=" +
                                                              reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        if (rc != SQLITE_DONE) row += kSqlError + std::string(sqlite3_errmsg(db));
        sqlite3_finalize(stmt);
      }
    }
    out.push_back(row);
  }
  sqlite3_close(db);
  return out;
}

// First use of every once-built table (normalization, encodings, lexicons, the
// per-thread caches) happens in four threads at once: ctest runs each test in
// a new process, so the module is fresh. Every thread must get what a single
// thread gets afterwards.
TEST(ConcurrencyFirstUse, EveryFunctionFromFourThreadsAtOnce) {
  const std::vector<std::string> texts = articles(/*legacy_encodings=*/true);
  ASSERT_GE(texts.size(), 10u);
  std::vector<std::vector<std::string>> results(kThreads);
  std::mutex mutex;
  std::condition_variable start;
  int ready = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      {  // all threads begin together
        std::unique_lock<std::mutex> lock(mutex);
        if (++ready == kThreads) start.notify_all();
        start.wait(lock, [&] { return ready == kThreads; });
      }
      // Each thread takes the texts in its own order, so different functions run at once.
      std::vector<std::string> mine(texts);
      std::rotate(mine.begin(), mine.begin() + (i * 3) % mine.size(), mine.end());
      results[i] = every_function(mine);
      std::rotate(results[i].begin(), results[i].begin() + (mine.size() - (i * 3) % mine.size()) % mine.size(),
                  results[i].end());
    });
  for (auto& t : threads) t.join();

  const std::vector<std::string> expected = every_function(texts);
  ASSERT_EQ(expected.size(), texts.size());
  for (size_t j = 0; j < expected.size(); ++j) {
    EXPECT_EQ(expected[j].find(kSqlError), std::string::npos) << expected[j].substr(0, 300);
    EXPECT_GT(expected[j].size(), texts[j].size()) << "text " << j;
  }
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(results[i], expected) << "thread " << i;
}

}  // namespace
