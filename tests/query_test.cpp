#include "query.h"

#include <gtest/gtest.h>

#include <random>

#include "sql_fixture.h"
#include "utf8.h"

namespace vnsql {
namespace {

// The language cases (what is typed -> the FTS5 query) are in tests/cases/query.tsv.

TEST(Query, OperatorCountIsBounded) {
  std::string input = "a";
  for (int i = 0; i < 1000; ++i) input += " NOT a";
  std::string q = fts5_query(input);
  size_t ops = 0;
  for (size_t p = 0; (p = q.find(" NOT ", p)) != std::string::npos; ++p) ++ops;
  EXPECT_EQ(ops, kMaxQueryOperators);
}

class QuerySql : public testing::SqlTest {
 protected:
  void SetUp() override {
    SqlTest::SetUp();
    exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='vietnamese')");
    exec("INSERT INTO t VALUES ('Nghị quyết 26-NQ/TW', 'Tỉnh ủy Sơn La triển khai Nghị quyết 26-NQ/TW về cán bộ'),"
         "('Đảng bộ', 'Nghị quyết 18-NQ/TW ngày 25/10/2017 về sắp xếp bộ máy. AND OR NOT NEAR'),"
         "('Tin khác', 'Hà Nội, 19/5/2018: Quốc hội họp; OR \"quoted\" x*y')");
  }
  // The rowids matching vn_query(input), asserting the query parses.
  std::vector<std::string> match(const std::string& input) {
    std::vector<std::string> ids;
    for (const auto& r : query("SELECT rowid FROM t WHERE t MATCH vn_query(?) ORDER BY rowid", {input}))
      ids.push_back(*r[0]);
    return ids;
  }
};

TEST_F(QuerySql, FindsWhatItShould) {
  EXPECT_EQ(match("Nghị quyết 26-NQ/TW Sơn La"), std::vector<std::string>{"1"});
  EXPECT_EQ(match("nghi quyet"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(match("\"nghi quyet 18\""), std::vector<std::string>{"2"});
  EXPECT_EQ(match("18-NQ/TW OR 19/5/2018"), (std::vector<std::string>{"2", "3"}));
  EXPECT_EQ(match("nghị NOT sơn"), std::vector<std::string>{"2"});
  EXPECT_EQ(match("trien*"), std::vector<std::string>{"1"});
  EXPECT_EQ(match("title:dang"), std::vector<std::string>{});  // "title" is a word, and no row has it
  EXPECT_EQ(match("or near"), std::vector<std::string>{"2"});  // the words, lower case
  EXPECT_EQ(match(""), std::vector<std::string>{});
  EXPECT_EQ(match("((("), std::vector<std::string>{});
  EXPECT_EQ(scalar("SELECT vn_query(NULL)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT vn_query(42)"), R"("42")");
  EXPECT_EQ(scalar("SELECT vn_query(X'22FF22')"), R"("")");
}

// Any input gives a query FTS5 accepts.
TEST_F(QuerySql, NeverASyntaxError) {
  const std::vector<std::string> atoms = {"AND", "OR", "NOT", "NEAR", "NEAR(", "and", "or", "not", "*", "^", ":", "(",
                                          ")", "+", "-", "\"", "\"\"", "'", ",", "title:", "body:", "{title body}:",
                                          "-title:", "a", "nghị", "26-NQ/TW", "19/5/2018", "x*", "\\", "\x01", "\t",
                                          "\xFF", "\xC3", "\xCC\x81", "đ", " ", "  ", "..", "/", "NOT NOT", "Ủy"};
  std::mt19937 rng(7);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db_, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &stmt, nullptr), SQLITE_OK);
  const auto check = [&](const std::string& input) {
    std::string q = fts5_query(input);
    ASSERT_TRUE(utf8::is_valid(q));
    sqlite3_bind_text(stmt, 1, q.data(), static_cast<int>(q.size()), SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    ASSERT_EQ(rc, SQLITE_ROW) << "input: " << input << "\nquery: " << q << "\nerror: " << sqlite3_errmsg(db_);
    sqlite3_reset(stmt);
  };
  for (int i = 0; i < 3000; ++i) {  // operator soup
    std::string input;
    int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      input += atoms[rng() % atoms.size()];
      if (rng() % 2) input += ' ';
    }
    check(input);
  }
  for (int i = 0; i < 2000; ++i) {  // random bytes
    std::string input(rng() % 40, '\0');
    for (char& c : input) c = static_cast<char>(rng() % 256);
    check(input);
  }
  std::string many;  // thousands of terms and operators
  for (int i = 0; i < 3000; ++i) many += atoms[rng() % atoms.size()] + " ";
  check(many);
  sqlite3_finalize(stmt);
}

TEST_F(QuerySql, HundredMegabytes) {
  // A result for 30 MB of words (10 million terms); a clear result (no terms)
  // for 100 MB of punctuation and for 100 MB of NULs.
  EXPECT_EQ(scalar("SELECT length(vn_query(replace(hex(zeroblob(10000000)), '00', 'ab ')))"),
            std::to_string(10000000 * 5 - 1));
  EXPECT_EQ(scalar("SELECT vn_query(replace(hex(zeroblob(25000000)), '0', '(('))"), R"("")");
  EXPECT_EQ(scalar("SELECT vn_query(zeroblob(100000000))"), R"("")");
}

}  // namespace
}  // namespace vnsql
