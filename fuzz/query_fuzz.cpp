// vn_query(): whatever is typed, the output is an FTS5 query that parses. Each
// output is run as MATCH on in-memory FTS5 tables using the `vietnamese`
// tokenizer in every diacritics mode, ranked by bm25() and by vn_rank(); any
// error other than success fails.
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "fuzz_check.h"
#include "query.h"

extern "C" int sqlite3_vnsql_init(sqlite3* db, char** error, const sqlite3_api_routines* api);

namespace {

struct Db {
  sqlite3* db = nullptr;
  sqlite3_stmt* match[5] = {};

  Db() {
    sqlite3_auto_extension(reinterpret_cast<void (*)(void)>(sqlite3_vnsql_init));
    FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
    const char* setup =
        "CREATE VIRTUAL TABLE smart USING fts5(title, body, tokenize='vietnamese');"
        "CREATE VIRTUAL TABLE fold USING fts5(title, body, tokenize='vietnamese diacritics fold');"
        "CREATE VIRTUAL TABLE keep USING fts5(title, body, tokenize='vietnamese diacritics keep');";
    char* error = nullptr;
    if (sqlite3_exec(db, setup, nullptr, nullptr, &error) != SQLITE_OK) {
      std::fprintf(stderr, "setup: %s\n", error ? error : "?");
      std::abort();
    }
    const char* rows[][2] = {
        {"Nghị quyết 26-NQ/TW", "Đảng bộ tỉnh Quảng Ninh triển khai Nghị quyết số 26-NQ/TW ngày 19/5/2018."},
        {"Nghi dinh 62/2020/ND-CP", "chinh phu ban hanh nghi dinh ve dang ky doanh nghiep"},
        {"Bí thư Tỉnh ủy", "Đồng chí Nguyễn Xuân Ký, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Quảng Ninh and or not"},
    };
    for (const char* table : {"smart", "fold", "keep"}) {
      for (auto& row : rows) {
        char* sql = sqlite3_mprintf("INSERT INTO %s VALUES (%Q, %Q)", table, row[0], row[1]);
        FUZZ_CHECK(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_free(sql);
      }
    }
    const char* queries[] = {"SELECT rowid, bm25(smart), snippet(smart, 1, '[', ']', '…', 8) FROM smart WHERE smart MATCH ?",
                             "SELECT rowid, highlight(fold, 0, '[', ']') FROM fold WHERE fold MATCH ?",
                             "SELECT count(*) FROM keep WHERE keep MATCH ?",
                             "SELECT rowid, vn_rank(smart) FROM smart WHERE smart MATCH ? ORDER BY vn_rank(smart)",
                             "SELECT rowid FROM fold WHERE fold MATCH ? ORDER BY vn_rank(fold) LIMIT 2"};
    for (int i = 0; i < 5; ++i) FUZZ_CHECK(sqlite3_prepare_v2(db, queries[i], -1, &match[i], nullptr) == SQLITE_OK);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Db db;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string query = vnsql::ranked_query(input);  // what vn_query() gives
  FUZZ_CHECK(!query.empty());
  FUZZ_CHECK(vnsql::fuzz::valid_utf8(query));
  FUZZ_CHECK(query.find('\0') == std::string::npos);
  for (sqlite3_stmt* stmt : db.match) {
    sqlite3_bind_text(stmt, 1, query.data(), static_cast<int>(query.size()), SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      std::fprintf(stderr, "vn_query output does not run as MATCH: %s\nquery: %s\n", sqlite3_errmsg(db.db),
                   query.c_str());
      std::abort();
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }
  return 0;
}
