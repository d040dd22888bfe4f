#include "query.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "sql_fixture.h"
#include "utf8.h"

namespace vnsql {
namespace {

// The language cases (what is typed -> the FTS5 query) are in tests/cases/query.tsv.

TEST(Query, OperatorCountIsBounded) {
  std::string input = "a";
  for (int i = 0; i < 1000; ++i) input += " NOT";
  // The first kMaxQueryOperators are operators (the last of them counts), later ones words.
  static_assert(kMaxQueryOperators < 1000);
  EXPECT_EQ(fts5_query(input + " b"), R"("a" NOT "NOT" "b")");
}

// Issue 22: each typed word may expand into hundreds of terms in FTS5.
TEST(Query, KeepsAtMostMaxQueryWordsWords) {
  std::string words, expected;
  for (size_t i = 0; i < 1000; ++i) {
    words += "w" + std::to_string(i) + " ";
    if (i < kMaxQueryWords) expected += (i ? " \"w" : "\"w") + std::to_string(i) + "\"";
  }
  bool cut = false;
  EXPECT_EQ(fts5_query(words, &cut), expected);
  EXPECT_TRUE(cut);
  EXPECT_EQ(fts5_query("\"" + words + "\"", &cut), "\"" + words.substr(0, words.find("w32") - 1) + "\"");
  EXPECT_TRUE(cut);
  // A phrase or identifier across the limit keeps its first words, and loses its prefix star.
  std::string thirty;
  for (size_t i = 0; i < kMaxQueryWords - 2; ++i) thirty += "w" + std::to_string(i) + " ";
  EXPECT_EQ(fts5_query(thirty + "62/2020/NĐ-CP*").substr(fts5_query(thirty).size()), R"( "62 2020")");
  EXPECT_EQ(fts5_query(thirty + "a b", &cut).substr(fts5_query(thirty).size()), R"( "a" "b")");
  EXPECT_FALSE(cut);
}

TEST(Query, ATermRepeatedBetweenOperatorsIsWrittenOnce) {
  std::string dang;
  for (int i = 0; i < 20000; ++i) dang += "dang ";
  bool cut = true;
  EXPECT_EQ(fts5_query(dang, &cut), R"("dang")");
  EXPECT_FALSE(cut);
  EXPECT_EQ(fts5_query("a b a b* b* \"a\" A"), R"("a" "b" "b" * "A")");
  // Not across an operator: "a OR b a" is not "a OR b".
  EXPECT_EQ(fts5_query("a OR b a a NOT a"), R"("a" OR "b" "a" NOT "a")");
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
    for (const std::string& q : {fts5_query(input), ranked_query(input)}) {  // ranked_query(): what vn_query() gives
      ASSERT_TRUE(utf8::is_valid(q));
      sqlite3_bind_text(stmt, 1, q.data(), static_cast<int>(q.size()), SQLITE_TRANSIENT);
      int rc = sqlite3_step(stmt);
      ASSERT_EQ(rc, SQLITE_ROW) << "input: " << input << "\nquery: " << q << "\nerror: " << sqlite3_errmsg(db_);
      sqlite3_reset(stmt);
    }
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

// What typed text costs is bounded (issue 22): 50 KB of "dang dang ..." took
// 4-10 s and 239 MB in a MATCH on 200 rows, as each of its 10,000 words
// looked up all its spellings. SQLite's own memory high-water mark (FTS5's
// iterators and doclists) during each query, on 200 rows holding the spellings.
TEST_F(QuerySql, LongQueriesCostBoundedMemory) {
  exec("BEGIN");
  for (int i = 0; i < 200; ++i)
    exec("INSERT INTO t VALUES ('Đảng bộ " + std::to_string(i) +
         "', 'đang dâng đăng dạng dáng đắng đẳng đảng dang dàng nghị quyết trung ương người dân')");
  exec("COMMIT");
  const auto repeat = [](const std::string& unit, size_t bytes) {
    std::string s;
    while (s.size() < bytes) s += unit;
    return s;
  };
  const std::string dang = repeat("dang ", 100 << 10);
  const std::string news = repeat("nghi quyet trung uong ve cong tac can bo dang nguoi dan tinh uy ", 100 << 10);
  const struct {
    const char* what;
    std::string sql, param;
  } cases[] = {
      {"vn_query(100 KB of dang)", "SELECT count(*) FROM t WHERE t MATCH vn_query(?1)", dang},
      {"vn_query(100 KB of unaccented news)", "SELECT count(*) FROM t WHERE t MATCH vn_query(?1)", news},
      {"vn_query(one quoted 100 KB phrase)", "SELECT count(*) FROM t WHERE t MATCH vn_query(?1)", '"' + dang + '"'},
      // Without vn_query: one FTS5 string of 500 KB, which the tokenizer bounds itself.
      {"a 500 KB phrase", "SELECT count(*) FROM t WHERE t MATCH ?1", '"' + repeat("dang ", 500 << 10) + '"'},
  };
  for (const auto& c : cases) expect_peak_below(c.what, c.sql, c.param, 16 << 20);
}

TEST_F(QuerySql, HundredMegabytes) {
  // A result for 30 MB of words (10 million terms, the same one); a clear result (no terms)
  // for 100 MB of punctuation and for 100 MB of NULs.
  EXPECT_EQ(scalar("SELECT vn_query(replace(hex(zeroblob(10000000)), '00', 'ab '))"), R"("ab")");
  EXPECT_EQ(scalar("SELECT vn_query(replace(hex(zeroblob(25000000)), '0', '(('))"), R"("")");
  EXPECT_EQ(scalar("SELECT vn_query(zeroblob(100000000))"), R"("")");
}

}  // namespace
}  // namespace vnsql
