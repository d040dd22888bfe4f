// Limits: SQLITE_LIMIT_LENGTH is respected by every text-returning function;
// NUL bytes, invalid UTF-8, lone surrogates and overlong encodings give valid
// UTF-8 out; a huge value goes through every function and into an FTS5 index.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "delegations.h"
#include "sql_fixture.h"

namespace vnsql {
namespace {

using testing::Rows;

std::string article() {
  std::ifstream in(std::string(VNSQL_SOURCE_DIR) + "/examples/corpus/01_dien-bien-doan-kiem-tra-bo-chinh-tri.txt",
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every function, each as a query over the input ?1 returning text cells.
const char* const kQueries[] = {
    "SELECT vn_normalize(?1)",
    "SELECT vn_unaccent(?1)",
    "SELECT term FROM vn_tokens(?1)",
    "SELECT term FROM vn_tokens(?1, 'diacritics keep')",
    "SELECT id, kind, number, symbol, issuer, date, surface FROM resolutions(?1)",
    "SELECT resolution_id(?1)",
    "SELECT resolution_id(?1, 2)",
    "SELECT extract_officials(?1)",
    "SELECT name, title, honorific FROM officials(?1)",
    "SELECT * FROM delegations(?1)",
    "SELECT * FROM delegations(?1, '2019-12-07')",
    "SELECT * FROM vn_dates(?1)",
    "SELECT vn_date(?1)",
    "SELECT vn_decode(?1)",
    "SELECT vn_decode(?1, 'utf-8')",
    "SELECT vn_decode(?1, 'tcvn3')",
    "SELECT vn_decode(?1, 'viqr')",
    "SELECT vn_query(?1)",
    "SELECT vn_province(?1)",
    "SELECT vn_name_key(?1)",
    "SELECT vn_title(?1)",
    "SELECT vn_province_2025(?1)",
    "SELECT vn_article_title(?1)",
    "SELECT vn_article_published(?1)",
    "SELECT vn_article_source(?1)",
    "SELECT vn_article_body(?1)",
    "SELECT vn_sha256(?1)",
};

class Limits : public testing::SqlTest {
 protected:
  // Runs `sql` with ?1 bound to `input` under the default limit, then steps it
  // with SQLITE_LIMIT_LENGTH set to `limit` (the bound input itself is not
  // checked again). Returns false with the error message on failure.
  bool run_limited(const std::string& sql, const std::string& input, int limit, Rows& rows, std::string& error) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db_);
      return false;
    }
    sqlite3_bind_text(stmt, 1, input.data(), static_cast<int>(input.size()), SQLITE_STATIC);
    const int old = sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, limit);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<testing::Value> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) row.emplace_back(std::nullopt);
        else row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                                          static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
      }
      rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) {
      error = sqlite3_errmsg(db_);
      code_ = rc;
    }
    sqlite3_finalize(stmt);
    sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, old);
    return rc == SQLITE_DONE;
  }
  int code_ = SQLITE_OK;  // of the last failed run_limited()
};

size_t longest_cell(const Rows& rows) {
  size_t n = 0;
  for (const auto& row : rows)
    for (const auto& cell : row)
      if (cell && cell->size() > n) n = cell->size();
  return n;
}

// SQLite checks the input against the limit too, so the error case needs an
// output longer than its input: each function gets inputs that grow.
TEST_F(Limits, EveryFunctionRespectsTheLengthLimit) {
  const std::vector<std::string> inputs = {
      article(),
      std::string(200, '\xFF'),                    // each byte becomes U+FFFD (3 bytes)
      "\xC8\xBA\xC8\xBA\xC8\xBA\xC8\xBA\xC8\xBA\xC8\xBA\xC8\xBA\xC8\xBA",  // Ⱥ (2 bytes) lower-cases to ⱥ (3)
      "18-NQ/TW",                                  // kind "Nghị quyết" is longer
      "7/12/2019",                                 // ISO date is longer
      std::string(100, '\xB8'),                    // TCVN3 bytes decode to 2-3 bytes each
      "abc",                                       // the SHA-256 is longer
      "Bí thư Nguyễn Văn An",                      // the JSON is longer
      "Tin\n\nNguồn: a" + std::string(40, '\xFF'), // invalid bytes in the source line
      "BR-VT",                                     // the province's name is longer
  };
  // Whose results never outgrow their input (a canonical identifier, a name
  // and a title taken from the text): only the "no truncation" half applies.
  const std::string kNeverLonger[] = {"SELECT resolution_id(?1)", "SELECT resolution_id(?1, 2)",
                                      "SELECT name, title, honorific FROM officials(?1)",
                                      // Names, places and bodies as written; a row needs a head, or a date and a place, in the text.
                                      "SELECT * FROM delegations(?1)", "SELECT * FROM delegations(?1, '2019-12-07')"};
  const int kDefault = sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, -1);
  for (const char* sql : kQueries) {
    bool too_big_tested = false;
    for (const auto& input : inputs) {
      Rows full;
      std::string error;
      ASSERT_TRUE(run_limited(sql, input, kDefault, full, error)) << sql << ": " << error;
      const int longest = static_cast<int>(longest_cell(full));
      // The limit applies to the statement's literals too ('diacritics keep').
      const int size = std::max(static_cast<int>(input.size()), std::strchr(sql, '\'') ? 16 : 0);
      Rows rows;
      if (longest > size) {
        // One byte short of the longest value: an error, never a cut or missing value.
        too_big_tested = true;
        EXPECT_FALSE(run_limited(sql, input, longest - 1, rows, error)) << sql;
        // Below about 22 bytes SQLite cannot keep its own message ("string or
        // blob too big") under the limit; the code says it all the same.
        EXPECT_EQ(code_, SQLITE_TOOBIG) << sql << " on input " << &input - &inputs[0] << ": " << error;
        if (longest > 32) {
          EXPECT_EQ(error, "string or blob too big") << sql << " on input " << &input - &inputs[0];
        }
      }
      // Just enough room: the same result as without a limit.
      rows.clear();
      error.clear();
      EXPECT_TRUE(run_limited(sql, input, std::max(longest, size), rows, error)) << sql << ": " << error;
      EXPECT_EQ(rows, full) << sql;
    }
    const bool never_longer = std::find(std::begin(kNeverLonger), std::end(kNeverLonger), sql) != std::end(kNeverLonger);
    EXPECT_EQ(too_big_tested, !never_longer) << sql;
  }
}

bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 9;
    if (n == 9 || i + n >= s.size()) return false;
    uint32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = cp << 6 | (cc & 0x3F);
    }
    const uint32_t min = n == 1 ? 0x80 : n == 2 ? 0x800 : n == 3 ? 0x10000 : 0;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

TEST(ValidUtf8, TheCheckerItself) {
  EXPECT_TRUE(valid_utf8("Đảng ủy \xF0\x9F\x98\x80"));
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));
  EXPECT_FALSE(valid_utf8("a\xFF"));
  EXPECT_FALSE(valid_utf8("\xE1\xBA"));
}

// README: invalid bytes read as U+FFFD; NUL is an ordinary character (kept in
// text results, a separator for words). Every text that comes out is valid UTF-8.
TEST_F(Limits, BadBytesGiveValidUtf8Out) {
  const std::string nul = std::string("Nghị quyết 26-NQ/TW") + '\0' + " đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị";
  const std::vector<std::string> inputs = {
      nul,
      "Nghị quyết số \xED\xA0\x80 26-NQ/TW, đồng chí Trương\xED\xA0\x80 Thị Mai, Ủy viên Bộ Chính trị",  // CESU-8
      "Chỉ thị số 35\xC0\xAF CT/TW ngày 25\xC0\xAF 10/2017 của Bộ Chính trị",  // overlong "/"
      "Ủy ban \xFF\xFE nhân dân tỉnh Sơn La\xE1\xBA",  // stray bytes, truncated sequence at the end
      "Bí thư Tỉnh ủy \x80\xBF Nguyễn Xuân Ký \xF5\xF8\xFC ngày 7/12/2019",
  };
  for (const auto& input : inputs) {
    for (const char* sql : kQueries) {
      Rows rows;
      std::string error;
      ASSERT_TRUE(run_limited(sql, input, sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, -1), rows, error))
          << sql << ": " << error;
      for (const auto& row : rows)
        for (const auto& cell : row)
          if (cell) {
            EXPECT_TRUE(valid_utf8(*cell)) << sql << " gave invalid UTF-8: " << *cell;
          }
    }
  }
  // NUL: kept by the text functions, a separator for the tokenizer and extractors.
  EXPECT_EQ(scalar("SELECT vn_normalize(?1) = ?1", {nul}), "1");
  EXPECT_EQ(scalar("SELECT vn_unaccent(?1)", {nul}),
            std::string("Nghi quyet 26-NQ/TW") + '\0' + " dong chi Truong Thi Mai, Uy vien Bo Chinh tri");
  EXPECT_EQ(scalar("SELECT group_concat(term, ' ') FROM vn_tokens(?1) WHERE start BETWEEN 18 AND 33", {nul}),
            "nq tw đồng chí");
  EXPECT_EQ(scalar("SELECT resolution_id(?1)", {nul}), "26-NQ/TW");
  EXPECT_EQ(scalar("SELECT name FROM officials(?1)", {nul}), "Trương Thị Mai");
  // An invalid byte is one U+FFFD.
  EXPECT_EQ(scalar("SELECT vn_normalize(?1)", {std::string("a\xC0\xAF" "b")}), "a\uFFFD\uFFFDb");
  EXPECT_EQ(scalar("SELECT vn_unaccent(?1)", {std::string("Hà\xED\xA0\x80")}), "Ha\uFFFD\uFFFD\uFFFD");
}

// A huge value through every function and into an FTS5 table. VNSQL_HUGE_MB
// sets the size (the ctest "limits_100mb" runs it with 100); 8 MB by default
// so that the sanitized suite stays fast.
class HugeText : public testing::SqlTest {
 protected:
  static const std::string& text() {
    static const std::string big = [] {
      const char* env = std::getenv("VNSQL_HUGE_MB");
      const size_t bytes = static_cast<size_t>(env ? std::atol(env) : 8) << 20;
      const std::string one = article();
      std::string s;
      s.reserve(bytes + one.size());
      while (s.size() < bytes) s += one;
      return s;
    }();
    return big;
  }
};

TEST_F(HugeText, EveryFunction) {
  const std::string& t = text();
  const std::string count = std::to_string(t.size() / article().size());
  // Results that scale with the input are checked by count, the others by value.
  EXPECT_EQ(scalar("SELECT length(vn_normalize(?1)) = length(?1)", {t}), "1");
  EXPECT_EQ(scalar("SELECT length(vn_unaccent(?1)) = length(?1)", {t}), "1");
  EXPECT_EQ(scalar("SELECT count(*) / " + count + " FROM vn_tokens(?1)", {t}),
            scalar("SELECT count(*) FROM vn_tokens(?1)", {article()}));
  EXPECT_EQ(scalar("SELECT count(*) >= " + count + " FROM resolutions(?1) WHERE id = '26-NQ/TW'", {t}), "1");
  EXPECT_EQ(scalar("SELECT resolution_id(?1)", {t}), "26-NQ/TW");
  EXPECT_EQ(scalar("SELECT json_array_length(extract_officials(?1)) >= " + count, {t}), "1");
  EXPECT_EQ(scalar("SELECT count(DISTINCT name) = (SELECT count(DISTINCT name) FROM officials(?2)) FROM officials(?1)",
                   {t, article()}),
            "1");
  EXPECT_EQ(scalar("SELECT count(*) >= " + count + " FROM vn_dates(?1)", {t}), "1");
  // A text is read as one article a piece of 32 KiB (kPieceBytes): the copies of a piece after its first page foot
  // ("Tin liên quan") are not read, so at most one delegation a piece, each as in the article.
  EXPECT_EQ(scalar("SELECT count(*) >= 1 AND count(*) <= ?3 AND min(head) = max(head) AND min(head) = "
                   "(SELECT head FROM delegations(?2)) FROM delegations(?1)",
                   {t, article(), std::to_string(t.size() / vnsql::kPieceBytes + 1)}),
            "1");
  EXPECT_EQ(scalar("SELECT vn_date(?1)", {t}), scalar("SELECT vn_date(?1)", {article()}));
  EXPECT_EQ(scalar("SELECT length(vn_decode(CAST(?1 AS BLOB))) = length(?1)", {t}), "1");
  // The first kMaxQueryWords words (issue 22), all within the first copy.
  EXPECT_EQ(scalar("SELECT vn_query(?1) = vn_query(?2) AND length(vn_query(?1)) > 100", {t, article()}), "1");
  EXPECT_EQ(scalar("SELECT vn_article_title(?1) = vn_article_title(?2)", {t, article()}), "1");
  EXPECT_EQ(scalar("SELECT vn_article_published(?1) = vn_article_published(?2)", {t, article()}), "1");
  EXPECT_EQ(scalar("SELECT vn_article_source(?1) IS vn_article_source(?2)", {t, article()}), "1");
  EXPECT_EQ(scalar("SELECT substr(vn_article_body(?1), 1, 500) = substr(vn_article_body(?2), 1, 500)", {t, article()}),
            "1");
  EXPECT_EQ(scalar("SELECT length(vn_sha256(?1))", {t}), "64");
}

TEST_F(HugeText, IntoAnFts5Index) {
  exec("CREATE VIRTUAL TABLE f USING fts5(body, tokenize='vietnamese')");
  query("INSERT INTO f(rowid, body) VALUES (1, ?1)", {text()});
  exec("INSERT INTO f(f) VALUES ('integrity-check')");
  EXPECT_EQ(scalar("SELECT rowid FROM f WHERE f MATCH '\"26-NQ/TW\" AND dang AND \"Trần Quang Vinh\"'"), "1");
}

}  // namespace
}  // namespace vnsql
