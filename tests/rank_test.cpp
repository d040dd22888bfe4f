// vn_rank() and the phrase vn_query() adds for it (issue 18). The ranking on
// the whole corpus is tests/ranking_test.py.
#include "rank.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "query.h"
#include "sql_fixture.h"

namespace vnsql {
namespace {

TEST(Closeness, PhraseNearAnywhere) {
  const std::vector<int> three = {1, 1, 1};
  // chong(0) tham(1) nhung(2) in a row, in the order typed.
  EXPECT_EQ(closeness(three, {{0, 1, 7}, {1, 1, 8}, {2, 1, 9}}), Closeness::Phrase);
  // The same words in another order, or with a word between: near.
  EXPECT_EQ(closeness(three, {{1, 1, 7}, {0, 1, 8}, {2, 1, 9}}), Closeness::Near);
  EXPECT_EQ(closeness(three, {{0, 1, 7}, {1, 1, 9}, {2, 1, 10}}), Closeness::Near);
  // Ten other tokens between them is near, eleven is not.
  EXPECT_EQ(closeness(three, {{0, 0, 0}, {1, 0, 6}, {2, 0, 12}}), Closeness::Near);
  EXPECT_EQ(closeness(three, {{0, 0, 0}, {1, 0, 6}, {2, 0, 13}}), Closeness::Anywhere);
  // In different columns: anywhere, however close the offsets.
  EXPECT_EQ(closeness(three, {{0, 0, 7}, {1, 1, 8}, {2, 1, 9}}), Closeness::Anywhere);
  // The phrase found among many other instances.
  EXPECT_EQ(closeness(three, {{0, 1, 1}, {2, 1, 3}, {1, 1, 40}, {0, 1, 50}, {1, 1, 51}, {2, 1, 52}, {2, 1, 90}}),
            Closeness::Phrase);
  // Phrases of several tokens: the next starts where the previous ends.
  EXPECT_EQ(closeness({2, 1}, {{0, 0, 4}, {1, 0, 6}}), Closeness::Phrase);
  EXPECT_EQ(closeness({2, 1}, {{0, 0, 4}, {1, 0, 5}}), Closeness::Near);
  // Instances of phrases that are not typed words (vn_query()'s whole phrase) are ignored.
  EXPECT_EQ(closeness({1, 1}, {{0, 0, 4}, {2, 0, 4}}), Closeness::Anywhere);
  EXPECT_EQ(closeness({}, {}), Closeness::Anywhere);
}

TEST(RankValue, TierThenReadingThenBm25) {
  // Lower ranks first.
  EXPECT_LT(rank_value(Closeness::Phrase, 0.001, 0.0), rank_value(Closeness::Near, 1.0, 1e9));
  EXPECT_LT(rank_value(Closeness::Near, 0.0, 0.0), rank_value(Closeness::Anywhere, 1.0, 1e9));
  EXPECT_LT(rank_value(Closeness::Phrase, 0.9, 0.0), rank_value(Closeness::Phrase, 0.1, 50.0));
  EXPECT_LT(rank_value(Closeness::Phrase, 0.5, 3.0), rank_value(Closeness::Phrase, 0.5, 2.0));
}

TEST(RankedQuery, AddsTheWholePhraseToPlainWordsOnly) {
  EXPECT_EQ(ranked_query("chong tham nhung"), R"(("chong" "tham" "nhung") OR "chong tham nhung")");
  EXPECT_EQ(ranked_query("Nghị quyết 26-NQ/TW"), R"(("Nghị" "quyết" "26 NQ TW") OR "Nghị quyết 26 NQ TW")");
  // One word, operators, prefixes: as fts5_query() writes them.
  for (const char* typed : {"dang", "a OR b", "a NOT b", "nghi* quyet", "\"bo chinh tri\"", "", "dang dang"})
    EXPECT_EQ(ranked_query(typed), fts5_query(typed)) << typed;
  // 32 words of about 12 spellings each would give the phrase more terms than the tokenizer
  // takes for one string: no phrase, rather than a shorter one that would find other rows.
  std::string many;
  for (const char* w : {"dang", "do", "doi", "dong", "de", "dau", "dung", "bo", "ban", "da", "tu", "co", "cho", "the",
                        "tai", "nam", "voi", "an", "thu", "so", "khi", "ve", "bao", "chi", "thi", "hoa", "la", "ma", "tam", "sa",
                        "ra", "ta"})
    many += std::string(w) + " ";
  EXPECT_EQ(ranked_query(many), fts5_query(many));
}

class RankSql : public testing::SqlTest {
 protected:
  void SetUp() override {
    SqlTest::SetUp();
    exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='vietnamese')");
    exec("INSERT INTO t(rowid, title, body) VALUES "
         "(1, 'Gia đình', 'Người chồng đi làm từ sáng sớm đến tối muộn mỗi ngày trong tuần để lo cho gia đình nhỏ, "
         "còn vợ tham gia nấu ăn những ngày nghỉ'),"
         "(2, 'Nội chính', 'Công tác chống tham nhũng được đẩy mạnh'),"
         "(3, 'Biểu tình', 'Người dân chống lại tham vọng của nhóm nhũng nhiễu'),"
         "(4, 'Hội nghị', 'Bàn về phòng, chống tham nhũng, lãng phí'),"
         "(5, 'Lỗi chính tả', 'Một bài viết sai: chồng tham nhũng'),"
         "(6, 'Thời sự', 'Kết quả chống tham nhũng năm 2017 và chống tham nhũng vặt')");
  }
  std::vector<std::string> ranked(const std::string& sql, const std::string& typed) {
    std::vector<std::string> ids;
    for (const auto& r : query(sql, {typed})) ids.push_back(*r[0]);
    return ids;
  }
};

TEST_F(RankSql, PhraseInItsMostUsedReadingThenOtherReadingsThenNearThenAnywhere) {
  const auto ids = ranked("SELECT rowid FROM t WHERE t MATCH vn_query(?) ORDER BY vn_rank(t), rowid", "chong tham nhung");
  ASSERT_EQ(ids.size(), 6u);
  // "chống tham nhũng" (rows 2, 4, 6) is 4 of the 5 readings; row 6 holds it twice (bm25).
  EXPECT_EQ(std::vector<std::string>(ids.begin(), ids.begin() + 3), (std::vector<std::string>{"6", "2", "4"}));
  EXPECT_EQ(ids[3], "5");  // "chồng tham nhũng": the phrase, in a reading used once
  EXPECT_EQ(ids[4], "3");  // the words near each other
  EXPECT_EQ(ids[5], "1");  // the words far apart
  // The same order as the table's rank.
  exec("INSERT INTO t(t, rank) VALUES ('rank', 'vn_rank()')");
  EXPECT_EQ(ranked("SELECT rowid FROM t WHERE t MATCH vn_query(?) ORDER BY rank, rowid", "chong tham nhung"), ids);
}

TEST_F(RankSql, AccentedQueriesAndQueriesWithoutTheWholePhrase) {
  // Typed with diacritics: only that spelling matches; the phrase comes first.
  auto ids = ranked("SELECT rowid FROM t WHERE t MATCH vn_query(?) ORDER BY vn_rank(t), rowid", "chống tham nhũng");
  EXPECT_EQ(ids, (std::vector<std::string>{"6", "2", "4", "3"}));  // 3: chống, tham, nhũng near each other
  // A MATCH written by hand (no whole phrase to read readings from): every
  // phrase row counts alike, then near, then anywhere.
  ids = ranked("SELECT rowid FROM t WHERE t MATCH ? ORDER BY vn_rank(t), rowid", "chong tham nhung");
  ASSERT_EQ(ids.size(), 6u);
  EXPECT_EQ(ids[4], "3");
  EXPECT_EQ(ids[5], "1");
  // One quoted phrase: its readings weigh.
  ids = ranked("SELECT rowid FROM t WHERE t MATCH ? ORDER BY vn_rank(t), rowid", "\"chong tham nhung\"");
  EXPECT_EQ(ids, (std::vector<std::string>{"6", "2", "4", "5"}));
  // One word, an OR, a prefix, NEAR: a valid rank for every row.
  for (const char* q : {"chong", "chong OR nhung", "nhu*", "NEAR(chong nhung, 3)", "\"chong\" \"tham\" \"nhung\" OR gia"})
    EXPECT_EQ(scalar(std::string("SELECT count(*) FROM (SELECT vn_rank(t) AS r FROM t WHERE t MATCH '") + q +
                     "') WHERE r < 0"),
              scalar(std::string("SELECT count(*) FROM t WHERE t MATCH '") + q + "'"))
        << q;
}

TEST_F(RankSql, WorksWithExternalContentAndSnippet) {
  exec("CREATE TABLE docs(id INTEGER PRIMARY KEY, title TEXT, body TEXT)");
  exec("INSERT INTO docs SELECT rowid, title, body FROM t");
  exec("CREATE VIRTUAL TABLE d USING fts5(title, body, content='docs', content_rowid='id', tokenize='vietnamese')");
  exec("INSERT INTO d(d) VALUES ('rebuild')");
  const auto rows = query(
      "SELECT rowid, snippet(d, 1, '[', ']', '…', 6) FROM d WHERE d MATCH vn_query(?) ORDER BY vn_rank(d), rowid "
      "LIMIT 2",
      {"chong tham nhung"});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(*rows[0][0], "6");
  EXPECT_NE(rows[1][1]->find("[chống tham nhũng]"), std::string::npos) << *rows[1][1];
  // Contentless: no text to read readings from; the tiers still hold.
  exec("CREATE VIRTUAL TABLE c USING fts5(title, body, content='', tokenize='vietnamese')");
  exec("INSERT INTO c(rowid, title, body) SELECT rowid, title, body FROM t");
  const auto ids = ranked("SELECT rowid FROM c WHERE c MATCH vn_query(?) ORDER BY vn_rank(c), rowid", "chong tham nhung");
  EXPECT_EQ(ids, (std::vector<std::string>{"6", "2", "4", "5", "3", "1"}));
}

// What a search costs is bounded whatever is typed (issue 18): one- and
// two-letter prefixes, 50 accentless words, NEAR of 20 words, with vn_rank.
// SQLite's own memory high-water mark during each query, on 300 rows that
// hold every word; the time of the same queries on the corpus is in
// bench/search_bench.py.
TEST_F(RankSql, ShortPrefixesLongQueriesAndWideNearCostBoundedMemory) {
  exec("BEGIN");
  for (int i = 0; i < 300; ++i)
    exec("INSERT INTO t(title, body) VALUES ('Tin " + std::to_string(i) +
         "', 'Người dân thành phố nghe thông tin về công tác chống tham nhũng, đang dâng đăng dạng đảng, "
         "thu thủ thư thứ thử, nghị quyết trung ương về kinh tế xã hội của những người thân')");
  exec("COMMIT");
  std::string fifty, twenty;
  const char* words[] = {"nguoi", "dan", "thanh", "pho", "nghe", "thong", "tin", "ve", "cong", "tac"};
  for (int i = 0; i < 50; ++i) fifty += std::string(words[i % 10]) + (i % 3 ? " " : " dang ");
  for (int i = 0; i < 20; ++i) twenty += std::string(words[i % 10]) + " ";
  const struct {
    const char* what;
    std::string sql, param;
  } cases[] = {
      {"n*", "SELECT count(*) FROM t WHERE t MATCH ?1", "n*"},
      {"t*", "SELECT count(*) FROM t WHERE t MATCH ?1", "t*"},
      {"ng*", "SELECT count(*) FROM t WHERE t MATCH ?1", "ng*"},
      {"th*", "SELECT count(*) FROM t WHERE t MATCH ?1", "th*"},
      {"d* ranked", "SELECT vn_rank(t) FROM t WHERE t MATCH ?1 ORDER BY vn_rank(t) LIMIT 1", "d*"},
      {"50 words", "SELECT count(*) FROM t WHERE t MATCH ?1", fifty},
      {"50 words as a phrase", "SELECT count(*) FROM t WHERE t MATCH ?1", '"' + fifty + '"'},
      {"50 words through vn_query, ranked", "SELECT vn_rank(t) FROM t WHERE t MATCH vn_query(?1) ORDER BY vn_rank(t) LIMIT 1", fifty},
      {"NEAR of 20 words", "SELECT count(*) FROM t WHERE t MATCH ?1", "NEAR(" + twenty + ", 20)"},
      {"NEAR of 20 words, ranked", "SELECT vn_rank(t) FROM t WHERE t MATCH ?1 ORDER BY vn_rank(t) LIMIT 1", "NEAR(" + twenty + ", 20)"},
  };
  for (const auto& c : cases) expect_peak_below(c.what, c.sql, c.param, 16 << 20);
}

}  // namespace
}  // namespace vnsql
