#include "collation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "sql_fixture.h"

namespace vnsql {
namespace {

// The language cases (how two words compare) are in tests/cases/collation.tsv.

using CollationSql = testing::SqlTest;

TEST_F(CollationSql, OrderByCollateVietnamese) {
  exec("CREATE TABLE p(name TEXT)");
  const std::vector<std::string> sorted = {"An", "Ánh", "Ăn", "Âu", "Bình", "Chi", "Dũng", "Dương", "Đào", "Đức",
                                           "Hà", "Hải", "Hạnh", "Hoa", "Hòa", "Hồ", "Hương", "Ơn", "Uyên", "Ưng", "Yến"};
  std::vector<std::string> shuffled = sorted;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(42));
  for (const auto& n : shuffled) query("INSERT INTO p VALUES (?)", {n});
  testing::Rows rows = query("SELECT name FROM p ORDER BY name COLLATE vietnamese");
  std::vector<std::string> got;
  for (const auto& r : rows) got.push_back(*r[0]);
  EXPECT_EQ(got, sorted);
  // As a column collation, with an index.
  exec("CREATE TABLE q(name TEXT COLLATE vietnamese); CREATE INDEX qi ON q(name); INSERT INTO q SELECT name FROM p");
  EXPECT_EQ(scalar("SELECT name FROM q ORDER BY name LIMIT 1 OFFSET 8"), "Đào");
  EXPECT_EQ(scalar("SELECT count(*) FROM q WHERE name < 'Đ'"), "8");
  EXPECT_EQ(scalar("SELECT 'đ' < 'e' COLLATE vietnamese"), "1");
  EXPECT_EQ(scalar("SELECT 'đ' < 'e'"), "0");  // binary order puts đ after z
}

TEST_F(CollationSql, BadInputNeverCrashes) {
  exec("CREATE TABLE b(x)");
  exec("INSERT INTO b VALUES (NULL), (1), (2.5), (''), (X'FF'), (X'C3'), (X'ED9FBF'), (X'EDA080'), (X'00'), ('a'), ('đ')");
  exec("INSERT INTO b SELECT CAST(randomblob(1 + abs(random()) % 40) AS TEXT) FROM b, b AS b2");
  testing::Rows rows = query("SELECT x FROM b ORDER BY CAST(x AS TEXT) COLLATE vietnamese");
  EXPECT_EQ(rows.size(), 11u + 121u);
  EXPECT_EQ(rows[0][0], std::nullopt);  // NULL first, as always
  // Consistent: sorting twice gives the same order, and DISTINCT works.
  EXPECT_EQ(query("SELECT x FROM b ORDER BY CAST(x AS TEXT) COLLATE vietnamese"), rows);
  query("SELECT DISTINCT CAST(x AS TEXT) COLLATE vietnamese FROM b");
  // 100 MB values compare without trouble.
  EXPECT_EQ(scalar("SELECT (CAST(zeroblob(100000000) AS TEXT) || 'a') < (CAST(zeroblob(100000000) AS TEXT) || 'b') "
                   "COLLATE vietnamese"),
            "1");
}

TEST_F(CollationSql, EveryConnectionHasItsOwnCollator) {
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &other), SQLITE_OK);
  sqlite3_enable_load_extension(other, 1);
  ASSERT_EQ(sqlite3_load_extension(other, VNSQL_MODULE_PATH, "sqlite3_vnsql_init", nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(other, "SELECT 'ă' < 'b' COLLATE vietnamese", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 1);
  sqlite3_finalize(stmt);
  sqlite3_close(other);  // destroys that collator; ours still works
  EXPECT_EQ(scalar("SELECT 'ă' < 'b' COLLATE vietnamese"), "1");
}

}  // namespace
}  // namespace vnsql
