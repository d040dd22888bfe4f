// The module adds exactly the documented functions, table-valued functions,
// collation and tokenizer: nothing more, nothing less.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "sql_fixture.h"

namespace {

class Registration : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK); }
  void TearDown() override { sqlite3_close(db_); }
  std::set<std::string> column(const char* sql) {
    std::set<std::string> out;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
    while (sqlite3_step(stmt) == SQLITE_ROW) out.insert(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return out;
  }
  void load() {
    sqlite3_enable_load_extension(db_, 1);
    char* error = nullptr;
    ASSERT_EQ(sqlite3_load_extension(db_, VNSQL_MODULE_PATH, nullptr, &error), SQLITE_OK) << (error ? error : "");
  }
  static std::set<std::string> added(const std::set<std::string>& before, const std::set<std::string>& after) {
    std::set<std::string> out;
    for (const auto& s : after)
      if (!before.count(s)) out.insert(s);
    return out;
  }
  sqlite3* db_ = nullptr;
};

// SQLITE_DETERMINISTIC is 0x800 and SQLITE_INNOCUOUS 0x200000 in pragma_function_list's flags.
constexpr const char* kFunctions =
    "SELECT name || '/' || narg || '/' || (flags & 0x800 != 0) || (flags & 0x200000 != 0) "
    "FROM pragma_function_list";

TEST_F(Registration, ExactlyTheDocumentedSet) {
  // Pragma tables register themselves as modules on first use: use each before listing modules.
  auto functions_before = column(kFunctions);
  auto collations_before = column("SELECT name FROM pragma_collation_list");
  auto modules_before = column("SELECT name FROM pragma_module_list");
  load();
  // name/argument count/deterministic innocuous: every scalar function is pure,
  // and registered for any count (-1) so that it can say what count it expects.
  EXPECT_EQ(added(functions_before, column(kFunctions)),
            (std::set<std::string>{"vn_normalize/-1/11", "vn_unaccent/-1/11", "vn_date/-1/11",
                                   "vn_article_title/-1/11", "vn_article_published/-1/11", "vn_article_source/-1/11",
                                   "vn_article_body/-1/11", "vn_sha256/-1/11", "resolution_id/-1/11",
                                   "extract_officials/-1/11", "vn_decode/-1/11", "vn_query/-1/11",
                                   "vn_province/-1/11", "vn_title/-1/11", "vn_name_key/-1/11", "vn_province_2025/-1/11",
                                   "vnsql_version/-1/11",
                                   // FTS5's ranking function: FTS5 registers an SQL stub for it, as for bm25.
                                   "vn_rank/-1/00"}));
  EXPECT_EQ(added(modules_before, column("SELECT name FROM pragma_module_list")),
            (std::set<std::string>{"vn_tokens", "vn_dates", "resolutions", "officials", "delegations"}));
  EXPECT_EQ(added(collations_before, column("SELECT name FROM pragma_collation_list")),
            (std::set<std::string>{"vietnamese"}));
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db_, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='vietnamese')", nullptr, nullptr, &error),
            SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
}

// "The documented list" is docs/functions/: one page per function and per
// table-valued function, named after it, plus the collation, the tokenizer and
// the overview of the vn_article_* family. A function without its page, or a
// page for a function that is gone, fails here.
TEST_F(Registration, EveryFunctionHasItsDocPageAndNoPageIsStale) {
  std::set<std::string> pages;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(VNSQL_SOURCE_DIR) / "docs" /
                                                               "functions"))
    if (entry.path().extension() == ".md") pages.insert(entry.path().stem().string());
  ASSERT_FALSE(pages.empty());
  auto functions_before = column("SELECT name FROM pragma_function_list");
  auto modules_before = column("SELECT name FROM pragma_module_list");
  load();
  std::set<std::string> registered = added(functions_before, column("SELECT name FROM pragma_function_list"));
  for (const auto& m : added(modules_before, column("SELECT name FROM pragma_module_list"))) registered.insert(m);
  registered.insert({"collation", "tokenizer", "vn_article"});
  EXPECT_EQ(pages, registered);
}

// When the tokenizer cannot be registered, loading fails with a message that
// says so. A function fts5(?) of the test's own stands in for FTS5's: it hands
// out no fts5_api (as a SQLite without FTS5 would), or one whose
// xCreateTokenizer fails.
int failing_create_tokenizer(fts5_api*, const char*, void*, fts5_tokenizer*, void (*)(void*)) { return SQLITE_NOMEM; }

TEST_F(Registration, TokenizerFailureSaysWhy) {
  static fts5_api failing = [] {
    fts5_api api{};
    api.iVersion = 2;
    api.xCreateTokenizer = failing_create_tokenizer;
    return api;
  }();
  for (fts5_api* handed_out : {static_cast<fts5_api*>(nullptr), &failing}) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    auto fts5 = [](sqlite3_context* ctx, int, sqlite3_value** argv) {
      auto** out = static_cast<fts5_api**>(sqlite3_value_pointer(argv[0], "fts5_api_ptr"));
      if (out) *out = static_cast<fts5_api*>(sqlite3_user_data(ctx));
    };
    ASSERT_EQ(sqlite3_create_function(db, "fts5", 1, SQLITE_UTF8, handed_out, fts5, nullptr, nullptr), SQLITE_OK);
    sqlite3_enable_load_extension(db, 1);
    char* error = nullptr;
    EXPECT_NE(sqlite3_load_extension(db, VNSQL_MODULE_PATH, nullptr, &error), SQLITE_OK);
    EXPECT_NE(std::string(error ? error : "").find("tokenizer"), std::string::npos) << (error ? error : "(no message)");
    sqlite3_free(error);
    sqlite3_close(db);
  }
}

// DETERMINISTIC and INNOCUOUS are what let a schema use the functions where
// SQLite allows only those: generated columns, expression indexes, CHECK,
// and (with trusted_schema off, as hardened hosts run) triggers and views.
class PureFunctions : public vnsql::testing::SqlTest {};

TEST_F(PureFunctions, UsableInGeneratedColumnsIndexesTriggersAndViewsWithUntrustedSchema) {
  exec("PRAGMA trusted_schema = OFF");
  exec(
      "CREATE TABLE doc(body TEXT,"
      "  plain TEXT GENERATED ALWAYS AS (vn_unaccent(body)) STORED,"
      "  first_id TEXT GENERATED ALWAYS AS (resolution_id(body)) VIRTUAL,"
      "  CHECK (vn_normalize(body) IS NOT NULL));"
      "CREATE INDEX doc_by_date ON doc(vn_date(body));"
      "CREATE INDEX doc_by_title ON doc(vn_article_title(body) COLLATE vietnamese);"
      "CREATE TABLE fact(what TEXT, value TEXT);"
      "CREATE TRIGGER doc_facts AFTER INSERT ON doc BEGIN"
      "  INSERT INTO fact SELECT 'resolution', id FROM resolutions(new.body);"
      "  INSERT INTO fact SELECT 'official', name FROM officials(new.body);"
      "  INSERT INTO fact SELECT 'date', date FROM vn_dates(new.body);"
      "  INSERT INTO fact SELECT 'token', term FROM vn_tokens(new.body) LIMIT 1;"
      "  INSERT INTO fact VALUES ('json', extract_officials(new.body)), ('query', vn_query(new.body)),"
      "    ('sha', vn_sha256(new.body)), ('decoded', vn_decode(CAST(new.body AS BLOB)));"
      "END;"
      "CREATE VIEW doc_view AS SELECT vn_article_body(body) AS b, vn_article_source(body) AS s,"
      "  vn_article_published(body) AS p FROM doc;");
  exec(
      "INSERT INTO doc(body) VALUES ('Ngày 19/5/2018, đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, "
      "nói về Nghị quyết số 26-NQ/TW.')");
  EXPECT_EQ(scalar("SELECT plain || '|' || first_id FROM doc"),
            "Ngay 19/5/2018, dong chi Truong Thi Mai, Uy vien Bo Chinh tri, noi ve Nghi quyet so 26-NQ/TW.|26-NQ/TW");
  EXPECT_EQ(scalar("SELECT count(*) FROM doc WHERE vn_date(body) = '2018-05-19'"), "1");
  EXPECT_EQ(scalar("SELECT group_concat(what || '=' || value, ';') FROM fact WHERE what IN "
                   "('resolution', 'official', 'date', 'token')"),
            "resolution=26-NQ/TW;official=Trương Thị Mai;date=2018-05-19;token=ngày");
  EXPECT_EQ(scalar("SELECT count(*) FROM fact WHERE what IN ('json', 'query', 'sha', 'decoded') AND value <> ''"),
            "4");
  EXPECT_EQ(scalar("SELECT count(*) FROM doc_view WHERE b IS NOT NULL"), "1");
  EXPECT_EQ(scalar("PRAGMA integrity_check"), "ok");
}

}  // namespace
