// Wrong argument counts and types: an error that names the function and says
// what was expected, never a crash or a silent wrong answer.
#include <gtest/gtest.h>

#include <string>

#include "sql_fixture.h"

namespace vnsql {
namespace {

class Arguments : public testing::SqlTest {
 protected:
  void expect_error(const std::string& sql, const std::string& name, const std::string& expected) {
    const std::string error = error_of(sql);
    EXPECT_NE(error.find(name), std::string::npos) << sql << ": " << error;
    EXPECT_NE(error.find(expected), std::string::npos) << sql << ": " << error;
  }
};

// Scalar functions: the count is checked before the function runs; the
// message names the function, the count expected and how to call it.
TEST_F(Arguments, ScalarCounts) {
  const struct {
    const char* name;
    int max_args;
    const char* usage;
  } kScalars[] = {{"vn_normalize", 1, "vn_normalize(text)"},
                  {"vn_unaccent", 1, "vn_unaccent(text)"},
                  {"vn_date", 1, "vn_date(text)"},
                  {"vn_sha256", 1, "vn_sha256(blob)"},
                  {"vn_article_title", 1, "vn_article_title(text)"},
                  {"vn_article_published", 1, "vn_article_published(text)"},
                  {"vn_article_source", 1, "vn_article_source(text)"},
                  {"vn_article_body", 1, "vn_article_body(text)"},
                  {"resolution_id", 2, "resolution_id(text [, n])"},
                  {"extract_officials", 1, "extract_officials(text)"},
                  {"vn_decode", 2, "vn_decode(blob [, encoding])"},
                  {"vn_query", 1, "vn_query(text)"},
                  {"vn_province", 1, "vn_province(place)"},
                  {"vn_name_key", 1, "vn_name_key(name)"},
                  {"vn_title", 2, "vn_title(title [, place])"},
                  {"vn_province_2025", 1, "vn_province_2025(place)"}};
  for (const auto& f : kScalars) {
    const std::string none = std::string("SELECT ") + f.name + "()";
    std::string many = std::string("SELECT ") + f.name + "('x'";
    for (int i = 0; i < f.max_args; ++i) many += ", 'x'";
    many += ")";
    const std::string name = f.name;
    const std::string at_least = f.max_args > 1 ? "at least " : "";
    const std::string at_most = f.max_args > 1 ? "at most " : "";
    const std::string plural = f.max_args > 1 ? "s" : "";
    EXPECT_EQ(error_of(none), name + ": expected " + at_least + "1 argument, got 0: " + f.usage);
    EXPECT_EQ(error_of(many), name + ": expected " + at_most + std::to_string(f.max_args) + " argument" + plural +
                                  ", got " + std::to_string(f.max_args + 1) + ": " + f.usage);
  }
}

TEST_F(Arguments, TableValuedCounts) {
  expect_error("SELECT * FROM vn_tokens()", "vn_tokens", "expected at least 1 argument(s): vn_tokens(text [, options])");
  expect_error("SELECT * FROM vn_tokens", "vn_tokens", "vn_tokens(text [, options])");
  expect_error("SELECT * FROM resolutions()", "resolutions", "resolutions(text)");
  expect_error("SELECT * FROM officials()", "officials", "officials(text)");
  expect_error("SELECT * FROM vn_dates()", "vn_dates", "vn_dates(text [, reference])");
  expect_error("SELECT * FROM vn_tokens('a', 'b', 'c')", "vn_tokens", "max 2");
  expect_error("SELECT * FROM resolutions('a', 'b')", "resolutions", "max 1");
  expect_error("SELECT * FROM officials('a', 'b')", "officials", "max 1");
  expect_error("SELECT * FROM vn_dates('a', 'b', 'c')", "vn_dates", "max 2");
  expect_error("SELECT * FROM vn_dates('a', 'b')", "vn_dates", "the reference must be an ISO date, YYYY-MM-DD");
  expect_error("SELECT * FROM vn_dates('a', '2019-02-29')", "vn_dates", "the reference must be an ISO date, YYYY-MM-DD");
  // The argument given as a column constraint, and in a join: still fine.
  EXPECT_EQ(scalar("SELECT count(*) FROM vn_tokens WHERE text = 'Đảng ủy'"), "2");
  EXPECT_EQ(scalar("SELECT count(*) FROM (SELECT 'Đảng ủy' AS t) AS a, vn_tokens(a.t)"), "2");
  // An OR on the output columns: SQLite costs each branch without the
  // argument constraint; that plan must not fail the query.
  EXPECT_EQ(scalar("SELECT count(*) FROM (SELECT 'Đảng ủy' AS t) AS a, vn_tokens(a.t) AS k"
                   " WHERE k.term = 'đảng' OR k.term LIKE 'ủ%'"), "2");
  EXPECT_EQ(scalar("SELECT count(*) FROM (SELECT 'Ông Nguyễn Văn An, Bí thư Tỉnh ủy, nói.' AS t) AS a, officials(a.t) AS o"
                   " WHERE o.name LIKE '%An' OR o.title LIKE 'Bí%'"), "1");
}

TEST_F(Arguments, WrongTypes) {
  expect_error("SELECT resolution_id('Nghị quyết 26-NQ/TW', 'abc')", "resolution_id", "must be an integer");
  expect_error("SELECT resolution_id('Nghị quyết 26-NQ/TW', 1.5)", "resolution_id", "must be an integer");
  expect_error("SELECT resolution_id('Nghị quyết 26-NQ/TW', x'01')", "resolution_id", "must be an integer");
  // Doubles outside long long's range (issue 22: cast unchecked, undefined
  // behaviour that UBSan's float-cast-overflow reports), and infinities.
  for (const char* n : {"9.3e18", "-9.3e18", "9223372036854775808.0", "1e999", "-1e999", "'9.3e18'"})
    expect_error(std::string("SELECT resolution_id('Nghị quyết 26-NQ/TW', ") + n + ")", "resolution_id",
                 "must be an integer");
  EXPECT_EQ(scalar("SELECT resolution_id('Nghị quyết 26-NQ/TW', 9.2e18)"), std::nullopt);  // in range: no 9.2e18th
  expect_error("SELECT vn_decode(x'00', 42)", "vn_decode", "unknown encoding '42' (known: utf-8");
  expect_error("SELECT vn_decode(x'00', x'ff')", "vn_decode", "unknown encoding");
  expect_error("SELECT vn_decode('x', 'klingon')", "vn_decode", "tcvn3");
  expect_error("SELECT * FROM vn_tokens('x', 5)", "vn_tokens", "unknown tokenizer option '5' (expected: diacritics, folded_index)");
  expect_error("SELECT * FROM vn_tokens('x', 'diacritics smrt')", "vn_tokens", "smrt");
  // Numbers and BLOBs are text as SQLite converts them (README): not errors.
  EXPECT_EQ(scalar("SELECT vn_normalize(5)"), "5");
  EXPECT_EQ(scalar("SELECT vn_unaccent(x'c490e1baa36e67')"), "Dang");
  EXPECT_EQ(scalar("SELECT resolution_id('Nghị quyết 26-NQ/TW', '1')"), "26-NQ/TW");
  EXPECT_EQ(scalar("SELECT resolution_id('Nghị quyết 26-NQ/TW', 1.0)"), "26-NQ/TW");
  EXPECT_EQ(scalar("SELECT vn_date(20191207)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT vn_sha256(5) = vn_sha256('5')"), "1");
  // NULL gives NULL (or no rows), in any position.
  EXPECT_EQ(scalar("SELECT resolution_id(NULL, 1)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT resolution_id('Nghị quyết 26-NQ/TW', NULL)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT vn_decode(NULL, 'tcvn3')"), std::nullopt);
  EXPECT_EQ(scalar("SELECT count(*) FROM vn_tokens(NULL)"), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM officials(NULL)"), "0");
}

// The table-valued functions read their argument in place, in the cursor's
// copy of it (no copy of their own): in a UTF-16 database, and for a number or
// a BLOB, the text they read and the hidden column they return stay right.
TEST_F(Arguments, TableFunctionsReadTheArgumentInPlace) {
  exec("PRAGMA encoding = 'UTF-16le'");
  exec("CREATE TABLE t(x)");
  exec("INSERT INTO t VALUES ('Hà Nội ngày 7/12/2019'), (2019), (X'536120506120312F312F32303230')");  // UTF-8 'Sa Pa 1/1/2020'
  EXPECT_EQ(scalar("SELECT group_concat(v.term || '@' || typeof(v.text), ' ') FROM t, vn_tokens(t.x) v "
                   "WHERE NOT v.colocated"),
            "hà@text nội@text ngày@text 7@text 12@text 2019@text 2019@integer sa@blob pa@blob 1@blob 1@blob "
            "2020@blob");
  EXPECT_EQ(scalar("SELECT group_concat(d.date || ' ' || d.surface || ' ' || typeof(d.text) || ' ' || (d.text IS t.x), "
                   "'; ') FROM t, vn_dates(t.x) d"),
            "2019-12-07 7/12/2019 text 1; 2020-01-01 1/1/2020 blob 1");
}

}  // namespace
}  // namespace vnsql
