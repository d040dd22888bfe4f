// The module adds exactly the documented functions, table-valued functions,
// collation and tokenizer: nothing more, nothing less.
#include <gtest/gtest.h>

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
                                   "extract_officials/-1/11", "vn_decode/-1/11", "vn_query/-1/11"}));
  EXPECT_EQ(added(modules_before, column("SELECT name FROM pragma_module_list")),
            (std::set<std::string>{"vn_tokens", "vn_dates", "resolutions", "officials"}));
  EXPECT_EQ(added(collations_before, column("SELECT name FROM pragma_collation_list")),
            (std::set<std::string>{"vietnamese"}));
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db_, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='vietnamese')", nullptr, nullptr, &error),
            SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
}

}  // namespace
