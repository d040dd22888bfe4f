#include "tokenizer.h"
#include "data/attested_syllables.h"

#include <gtest/gtest.h>

#include "unicode_forms.h"

#include <algorithm>
#include <utf8proc.h>

#include "sql_fixture.h"
#include "sql_util.h"

namespace vnsql {
namespace {

struct Emitted {
  std::string term;
  size_t begin, end;
  bool colocated;
  bool operator==(const Emitted& o) const {
    return term == o.term && begin == o.begin && end == o.end && colocated == o.colocated;
  }
};
std::ostream& operator<<(std::ostream& os, const Emitted& e) {
  return os << "{" << e.term << " " << e.begin << "-" << e.end << (e.colocated ? " colocated}" : "}");
}

std::vector<Emitted> tokens(std::string_view text, Diacritics mode = Diacritics::Smart, bool query = false) {
  TokenStream stream(text, TokenizerOptions{mode}, query);
  std::vector<Emitted> out;
  Token t;
  while (stream.next(t)) out.push_back({std::string(t.term), t.begin, t.end, t.colocated});
  return out;
}

std::vector<std::string> terms(std::string_view text, Diacritics mode = Diacritics::Smart, bool query = false) {
  std::vector<std::string> out;
  for (const auto& e : tokens(text, mode, query)) out.push_back(e.term);
  return out;
}

using vnsql::testing::nfd;

using V = std::vector<std::string>;

// The language cases are in tests/cases/: tokens.tsv (the terms of a text) and
// match.tsv (which documents a query finds).

TEST(TokenStream, SmartDocumentsIndexTheCanonicalTerm) {
  EXPECT_EQ(tokens("Đảng ta"), (std::vector<Emitted>{{"đảng", 0, 7, false}, {"ta", 8, 10, false}}));
  // Accented words that are not regular syllables also index their folded form.
  EXPECT_EQ(tokens("Đắk café"), (std::vector<Emitted>{{"đắk", 0, 6, false}, {"dak", 0, 6, true},
                                                       {"café", 7, 12, false}, {"cafe", 7, 12, true}}));
}

TEST(TokenStream, SmartQueriesLookUpAllSpellings) {
  auto all = tokens("dang", Diacritics::Smart, true);
  ASSERT_GT(all.size(), 6u);
  EXPECT_EQ(all[0].term, "dang");
  EXPECT_FALSE(all[0].colocated);
  V spellings;
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_TRUE(all[i].colocated);
    spellings.push_back(all[i].term);
  }
  for (const char* s : {"đảng", "đang", "dáng", "đăng", "dạng", "dâng", "đẳng"})
    EXPECT_NE(std::find(spellings.begin(), spellings.end(), s), spellings.end()) << s;
  EXPECT_EQ(std::find(spellings.begin(), spellings.end(), "dang"), spellings.end());
}

// Issue 22: one quoted 500 KB phrase of "dang" gave FTS5 3.6 million terms (168 s, 9.5 GB).
TEST(TokenStream, AQueryStringGivesAtMostMaxQueryTerms) {
  const std::string unit = "dang đảng ";
  std::string phrase;
  while (phrase.size() < (500 << 10)) phrase += unit;
  for (Diacritics mode : {Diacritics::Smart, Diacritics::Fold, Diacritics::Keep}) {
    TokenStream stream(phrase, TokenizerOptions{mode}, /*query=*/true, /*prefix=*/true);
    Token t;
    size_t n = 0, words = 0;
    while (stream.next(t)) {
      ++n;
      words += !t.colocated;
    }
    EXPECT_TRUE(stream.cut());
    EXPECT_FALSE(stream.next(t));
    EXPECT_LE(n, kMaxQueryTerms);
    // Whole words only: the one that did not fit is left out with the rest.
    EXPECT_EQ(stream.position(), (words / 2) * unit.size() + (words % 2 ? unit.find("đảng") : 0)) << n;
    EXPECT_GT(n, kMaxQueryTerms - 40);
  }
  // No word has more spellings than the bound: attested syllables only
  // (data/attested_syllables.tsv), also for the shortest prefixes.
  std::vector<std::string> out;
  size_t most = 0;
  for (const char* e : data::attested_syllables::kEntries)
    for (bool prefix : {false, true}) {
      const std::string f = fold(e);
      for (size_t len = prefix ? 1 : f.size(); len <= f.size(); ++len)
        if (accented_spellings(f.substr(0, len), prefix, out)) most = std::max(most, out.size());
    }
  EXPECT_LT(most, kMaxQueryTerms / 4);
  // Documents are never cut.
  EXPECT_EQ(tokens(phrase).size(), 2 * (phrase.size() / unit.size()));
  // Nor is a phrase within the bound: "dang" and its spellings, then "đảng" and "~dang".
  EXPECT_EQ(tokens("dang đảng", Diacritics::Smart, true).size(), terms("dang", Diacritics::Smart, true).size() + 2);
}

TEST(AccentedSpellings, WholeWordsAndPrefixes) {
  std::vector<std::string> out;
  ASSERT_TRUE(accented_spellings("nguoi", false, out));
  EXPECT_NE(std::find(out.begin(), out.end(), "người"), out.end());
  EXPECT_NE(std::find(out.begin(), out.end(), "nguội"), out.end());
  EXPECT_LE(out.size(), 2u * 3u * 6u);
  ASSERT_TRUE(accented_spellings("hoa", false, out));
  EXPECT_NE(std::find(out.begin(), out.end(), "hòa"), out.end());   // canonical placement only
  EXPECT_EQ(std::find(out.begin(), out.end(), "hoà"), out.end());
  EXPECT_FALSE(accented_spellings("ubnd", false, out));
  EXPECT_FALSE(accented_spellings("x2", false, out));
  ASSERT_TRUE(accented_spellings("nghi", true, out));
  EXPECT_NE(std::find(out.begin(), out.end(), "nghị"), out.end());
  ASSERT_TRUE(accented_spellings("ngu", true, out));
  EXPECT_NE(std::find(out.begin(), out.end(), "ngư"), out.end());
  EXPECT_FALSE(accented_spellings("nghi", true, out, 3));  // more than the limit: the caller keeps the folded word only
  EXPECT_TRUE(out.empty());
  // Attested spellings only: the folded word first, then each attested
  // syllable of that folded form, each of them in canonical form.
  ASSERT_TRUE(accented_spellings("dang", false, out));
  EXPECT_EQ(out[0], "dang");
  for (size_t i = 1; i < out.size(); ++i) {
    WordScanner scanner(out[i]);
    Word w;
    ASSERT_TRUE(scanner.next(w));
    EXPECT_TRUE(w.syllable) << out[i];
    EXPECT_EQ(w.lower, out[i]);
    EXPECT_EQ(w.folded, "dang");
  }
}

// Every entry of data/attested_syllables.tsv is an accented Vietnamese
// syllable in canonical form, so accented_spellings() can list it.
TEST(AccentedSpellings, EveryAttestedEntryIsACanonicalAccentedSyllable) {
  std::vector<std::string> out;
  for (const char* e : data::attested_syllables::kEntries) {
    WordScanner scanner(e);
    Word w;
    ASSERT_TRUE(scanner.next(w)) << e;
    EXPECT_EQ(w.lower, e);
    EXPECT_TRUE(w.accented) << e;
    EXPECT_TRUE(w.syllable) << e;
    ASSERT_TRUE(accented_spellings(w.folded, false, out)) << e;
    EXPECT_NE(std::find(out.begin(), out.end(), e), out.end()) << e;
  }
}

// A rare syllable (not attested) indexes its folded form too, at the same
// position, so an unaccented query finds it without expanding into it.
TEST(AccentedSpellings, ARareSyllableIndexesItsFoldedForm) {
  auto toks = tokens("Đăm", Diacritics::Smart);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[0].term, "đăm");
  EXPECT_EQ(toks[1].term, "dam");
  EXPECT_TRUE(toks[1].colocated);
  toks = tokens("Đảng", Diacritics::Smart);
  ASSERT_EQ(toks.size(), 1u);  // attested: found through its spelling
}

TEST(TokenStream, OffsetsPointIntoTheOriginalTextAlsoForNfd) {
  std::string text = nfd("Nghị quyết Đảng");
  auto toks = tokens(text, Diacritics::Keep);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(text.substr(toks[0].begin, toks[0].end - toks[0].begin), nfd("Nghị"));
  EXPECT_EQ(text.substr(toks[2].begin, toks[2].end - toks[2].begin), nfd("Đảng"));
  EXPECT_EQ(toks[2].end, text.size());
  // Same terms as the NFC text.
  EXPECT_EQ(terms(text), terms("Nghị quyết Đảng"));
}

TEST(TokenStream, ToneCaseAndLookAlikesGiveOneTerm) {
  for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"hòa", "hoà"}, {"thủy", "thuỷ"}, {"Ủy", "Uỷ"}, {"khóa", "khoá"}, {"qúy", "quý"}, {"ĐẢNG", "đảng"},
           {"\u00D0ảng", "Đảng"}, {"\u00F0ồng", "đồng"}, {"\u0189à", "Đà"}, {nfd("Nguyễn"), "Nguyễn"}}) {
    EXPECT_EQ(terms(a, Diacritics::Keep), terms(b, Diacritics::Keep)) << a << " vs " << b;
  }
}

TEST(TokenStream, InvalidUtf8IsASeparatorAndOffsetsStayInside) {
  std::string text = "ab\xFF\xC3(cd\xE1\xBB";
  auto toks = tokens(text, Diacritics::Keep);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[0].term, "ab");
  EXPECT_EQ(toks[1].term, "cd");
  for (const auto& t : toks) EXPECT_LE(t.end, text.size());
}

TEST(TokenStream, SameTermsForAnyNormalizationForm) {
  const char* samples[] = {"Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng", "Công trình thuỷ lợi được hoà thành",
                           "Người dân tỉnh Sơn La", "NGHỊ QUYẾT SỐ 26-NQ/TW"};
  for (const char* s : samples) EXPECT_EQ(terms(nfd(s)), terms(s)) << s;
}

// Found by fuzz/tokenizer_fuzz: a precomposed non-Vietnamese accented letter
// made a smart document "unaccented" while its NFD form did not.
TEST(TokenStream, NonVietnameseAccentsAgreeWithTheirNfd) {
  for (const char* s : {"\u0450", "Ångström", "naïve café"})
    EXPECT_EQ(terms(nfd(s)), terms(s)) << s;
}

TEST(TokenizerOptions, ParsesAndRejectsUnknown) {
  EXPECT_EQ(parse_tokenizer_options("diacritics fold").diacritics, Diacritics::Fold);
  EXPECT_EQ(parse_tokenizer_options("vietnamese diacritics keep").diacritics, Diacritics::Keep);
  EXPECT_EQ(parse_tokenizer_options("").diacritics, Diacritics::Smart);
  EXPECT_THROW(parse_tokenizer_options("diacritics smrt"), sql::Error);
  EXPECT_THROW(parse_tokenizer_options("remove_diacritics 2"), sql::Error);
  EXPECT_THROW(parse_tokenizer_options("diacritics"), sql::Error);
}

// Issue 22: 'diacritics fold diacritics keep' was accepted, and the last one won.
TEST(TokenizerOptions, ARepeatedOptionIsAnErrorNamingIt) {
  for (const char* spec : {"diacritics fold diacritics keep", "vietnamese diacritics keep diacritics keep"}) {
    try {
      parse_tokenizer_options(spec);
      ADD_FAILURE() << spec << " accepted";
    } catch (const sql::Error& e) {
      EXPECT_NE(std::string(e.what()).find("'diacritics' is given twice"), std::string::npos) << e.what();
    }
  }
}

TEST(TokenizerOptions, FoldedIndex) {
  EXPECT_TRUE(parse_tokenizer_options("folded_index 1").folded_index);
  EXPECT_EQ(parse_tokenizer_options("folded_index 1").diacritics, Diacritics::Smart);
  EXPECT_TRUE(parse_tokenizer_options("vietnamese diacritics smart folded_index 1").folded_index);
  EXPECT_TRUE(parse_tokenizer_options("folded_index 1 diacritics smart").folded_index);
  EXPECT_FALSE(parse_tokenizer_options("folded_index 0").folded_index);
  EXPECT_FALSE(parse_tokenizer_options("diacritics smart").folded_index);
  EXPECT_EQ(parse_tokenizer_options("diacritics fold folded_index 0").diacritics, Diacritics::Fold);
  const auto message = [](const char* spec) {
    try {
      parse_tokenizer_options(spec);
    } catch (const sql::Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("diacritics fold folded_index 1"),
            "option 'folded_index 1' goes with 'diacritics smart' only, not 'fold' (fold indexes folded forms "
            "already; keep never looks them up)");
  EXPECT_NE(message("folded_index 1 diacritics keep").find("not 'keep'"), std::string::npos);
  EXPECT_EQ(message("folded_index 2"), "unknown value '2' for option 'folded_index' (expected 0 or 1)");
  EXPECT_EQ(message("folded_index yes"), "unknown value 'yes' for option 'folded_index' (expected 0 or 1)");
  EXPECT_EQ(message("folded_index"), "option 'folded_index' needs a value (0 or 1)");
  EXPECT_EQ(message("folded_index 1 folded_index 1"), "option 'folded_index' is given twice ('1', then '1')");
  EXPECT_EQ(message("folded_index 1 folded_index 0"), "option 'folded_index' is given twice ('1', then '0')");
  EXPECT_EQ(message("folded 1"), "unknown tokenizer option 'folded' (expected: diacritics, folded_index)");
}

// folded_index 1: documents index every accented word's folded form too, and
// an unaccented query word (or prefix) is that one term, never synonyms.
TEST(TokenStream, FoldedIndexMakesAnUnaccentedQueryWordOneTerm) {
  TokenizerOptions folded{Diacritics::Smart, true};
  const auto emitted = [&](std::string_view text, bool query, bool prefix = false) {
    TokenStream stream(text, folded, query, prefix);
    std::vector<Emitted> out;
    Token t;
    while (stream.next(t)) out.push_back({std::string(t.term), t.begin, t.end, t.colocated});
    return out;
  };
  EXPECT_EQ(emitted("Đảng ta", false), (std::vector<Emitted>{{"=đảng", 0, 7, false}, {"dang", 0, 7, true},
                                                               {"ta", 8, 10, false}}));
  EXPECT_EQ(emitted("Đăm café", false), (std::vector<Emitted>{{"=đăm", 0, 5, false}, {"dam", 0, 5, true},
                                                                {"=café", 6, 11, false}, {"cafe", 6, 11, true}}));
  EXPECT_EQ(emitted("dang", true), (std::vector<Emitted>{{"dang", 0, 4, false}}));
  EXPECT_EQ(emitted("dao", true, true), (std::vector<Emitted>{{"dao", 0, 3, false}}));
  EXPECT_EQ(emitted("ng", true, true), (std::vector<Emitted>{{"ng", 0, 2, false}}));
  // An accented word: its spelling after kExactMarker, so that no unaccented
  // prefix ("ng*") reads accented terms ("người"); and the ~ term as in smart mode.
  EXPECT_EQ(emitted("đảng", true), (std::vector<Emitted>{{"=đảng", 0, 7, false}, {"~dang", 0, 7, true}}));
  EXPECT_EQ(emitted("đả", true, true), (std::vector<Emitted>{{"=đả", 0, 5, false}, {"~da", 0, 5, true}}));
  EXPECT_EQ(emitted("Bao cao chinh tri", false), tokens("Bao cao chinh tri"));
  // A phrase of 256 unaccented words is 256 terms; in smart mode fewer words fit.
  std::string phrase;
  for (int i = 0; i < 300; ++i) phrase += "dang ";
  TokenStream stream(phrase, folded, true);
  Token t;
  size_t n = 0;
  while (stream.next(t)) ++n;
  EXPECT_EQ(n, kMaxQueryTerms);
  EXPECT_TRUE(stream.cut());
}

// ---------------------------------------------------------------------------
// Through SQLite's FTS5.

class TokenizerSql : public vnsql::testing::SqlTest {
 protected:
  long long count(const std::string& table, const std::string& query) {
    auto v = scalar("SELECT count(*) FROM " + table + " WHERE " + table + " MATCH ?", {query});
    return v ? std::stoll(*v) : -1;
  }
  void integrity(const std::string& table) {
    exec("INSERT INTO " + table + "(" + table + ") VALUES('integrity-check')");
  }
};

TEST_F(TokenizerSql, HighlightMarksTheOriginalSpellingAlsoForNfd) {
  exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='vietnamese')");
  std::string text = nfd("Đồng chí Trương Thị Mai làm việc");
  query("INSERT INTO t VALUES(?)", {text});
  auto hl = scalar("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH 'truong thi'");
  EXPECT_EQ(hl, nfd("Đồng chí [Trương] [Thị] Mai làm việc"));
  auto snip = scalar("SELECT snippet(t, 0, '[', ']', '…', 3) FROM t WHERE t MATCH 'mai'");
  ASSERT_TRUE(snip.has_value());
  EXPECT_NE(snip->find("[Mai]"), std::string::npos);
}

TEST_F(TokenizerSql, RepeatedOptions) {
  EXPECT_NE(error_of("CREATE VIRTUAL TABLE x USING fts5(body, tokenize='vietnamese diacritics fold diacritics keep')"),
            "");
  EXPECT_EQ(error_of("SELECT * FROM vn_tokens('x', 'diacritics fold diacritics keep')"),
            "vn_tokens: option 'diacritics' is given twice ('fold', then 'keep')");
}

TEST_F(TokenizerSql, UnknownOptions) {
  EXPECT_NE(error_of("CREATE VIRTUAL TABLE x USING fts5(body, tokenize='vietnamese diacritics smrt')"), "");
  EXPECT_NE(error_of("CREATE VIRTUAL TABLE x USING fts5(body, tokenize='vietnamese accents fold')"), "");
  EXPECT_NE(error_of("CREATE VIRTUAL TABLE x USING fts5(body, tokenize='vietnamese diacritics')"), "");
}

TEST_F(TokenizerSql, FoldedIndexOptionErrors) {
  for (const char* spec : {"diacritics fold folded_index 1", "folded_index 1 diacritics keep", "folded_index 2",
                           "folded_index 1 folded_index 1", "folded_index"})
    EXPECT_NE(error_of(std::string("CREATE VIRTUAL TABLE x USING fts5(body, tokenize='vietnamese ") + spec + "')"), "")
        << spec;
  EXPECT_EQ(error_of("SELECT * FROM vn_tokens('x', 'diacritics keep folded_index 1')"),
            "vn_tokens: option 'folded_index 1' goes with 'diacritics smart' only, not 'keep' (fold indexes folded "
            "forms already; keep never looks them up)");
  EXPECT_EQ(scalar("SELECT group_concat(term, ' ') FROM vn_tokens('Uỷ ban', 'folded_index 1')"), "=ủy uy ban");
}

// folded_index 1 finds what smart mode finds, through every query form,
// highlight(), snippet(), vn_query() and vn_rank().
TEST_F(TokenizerSql, FoldedIndexFindsWhatSmartFinds) {
  const std::string rows[] = {"Ban Chấp hành Trung ương Đảng chống tham nhũng", "đang làm việc với chồng",
                        "Bao cao chinh tri dai hoi dang bo tinh Son La", "bao gồm các đồng chí",
                        "Đắk Lắk: quán café", "Nghị quyết 26-NQ/TW của Bộ Chính trị",
                        nfd("Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị")};
  exec("CREATE VIRTUAL TABLE s USING fts5(title, body, tokenize='vietnamese')");
  exec("CREATE VIRTUAL TABLE f USING fts5(title, body, tokenize='vietnamese folded_index 1')");
  for (const std::string& r : rows) {
    query("INSERT INTO s(title, body) VALUES ('Tin', ?)", {r});
    query("INSERT INTO f(title, body) VALUES ('Tin', ?)", {r});
  }
  integrity("f");
  for (const char* q : {"dang", "đảng", "bao", "báo", "chinh", "chính", "\"bo chinh tri\"", "\"bộ chinh trị\"",
                        "\"chinh tri\"", "\"chính trị\"", "dao*", "đồ*", "do*", "ch*", "chí*", "dak lak", "cafe",
                        "\"26-NQ/TW\"", "dang OR chong", "tham AND nhung", "dang NOT chong", "NEAR(bo tri, 2)",
                        "NEAR(chong nhung, 2)", "body: chinh", "title: chinh", "{title body}: tin", "truong thi mai",
                        "uy vien", "ủy viên", "Uỷ"}) {
    const std::string select = "SELECT group_concat(rowid, ',') FROM (SELECT rowid FROM %t WHERE %t MATCH ? ORDER BY rowid)";
    auto in = [&](const std::string& table) {
      std::string sql = select;
      for (size_t at; (at = sql.find("%t")) != std::string::npos;) sql.replace(at, 2, table);
      return scalar(sql, {q});
    };
    EXPECT_EQ(in("f"), in("s")) << q;
  }
  EXPECT_EQ(scalar("SELECT group_concat(rowid, ',') FROM f WHERE f MATCH 'dang'"), "1,2,3");
  EXPECT_EQ(scalar("SELECT highlight(f, 1, '[', ']') FROM f WHERE f MATCH 'chong tham nhung'"),
            "Ban Chấp hành Trung ương Đảng [chống] [tham] [nhũng]");
  EXPECT_EQ(scalar("SELECT highlight(f, 1, '[', ']') FROM f WHERE f MATCH 'truong thi' AND rowid = 7"),
            nfd("Đồng chí [Trương] [Thị] Mai, Ủy viên Bộ Chính trị"));
  EXPECT_EQ(scalar("SELECT highlight(f, 1, '[', ']') FROM f WHERE f MATCH 'chin*' AND rowid = 3"),
            "Bao cao [chinh] tri dai hoi dang bo tinh Son La");
  EXPECT_EQ(scalar("SELECT snippet(f, 1, '[', ']', '…', 3) FROM f WHERE f MATCH 'dak'"), "[Đắk] Lắk: quán…");
  // vn_query() and vn_rank(): the row with the phrase first.
  EXPECT_EQ(scalar("SELECT group_concat(rowid, ',') FROM (SELECT rowid FROM f WHERE f MATCH vn_query('bo chinh tri') "
                   "ORDER BY vn_rank(f))"),
            scalar("SELECT group_concat(rowid, ',') FROM (SELECT rowid FROM s WHERE s MATCH vn_query('bo chinh tri') "
                   "ORDER BY vn_rank(s))"));
  EXPECT_EQ(scalar("SELECT rowid FROM f WHERE f MATCH vn_query('chong tham nhung') ORDER BY vn_rank(f) LIMIT 1"), "1");
}

TEST_F(TokenizerSql, IntegrityCheckAfterInsertUpdateDeleteAndRebuild) {
  exec("CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT)");
  exec("CREATE VIRTUAL TABLE ext USING fts5(body, content='docs', content_rowid='id', tokenize='vietnamese')");
  exec("CREATE TRIGGER docs_ai AFTER INSERT ON docs BEGIN INSERT INTO ext(rowid, body) VALUES (new.id, new.body); END;"
       "CREATE TRIGGER docs_ad AFTER DELETE ON docs BEGIN INSERT INTO ext(ext, rowid, body) VALUES('delete', old.id, old.body); END;"
       "CREATE TRIGGER docs_au AFTER UPDATE ON docs BEGIN INSERT INTO ext(ext, rowid, body) VALUES('delete', old.id, old.body);"
       " INSERT INTO ext(rowid, body) VALUES (new.id, new.body); END;");
  exec("INSERT INTO docs(body) VALUES('Đảng bộ tỉnh Sơn La'), ('Bao cao chinh tri'), ('hoà bình'), ('x\xCC\x81y')");
  exec("UPDATE docs SET body = 'Ủy ban nhân dân' WHERE id = 2");
  exec("DELETE FROM docs WHERE id = 3");
  integrity("ext");
  EXPECT_EQ(count("ext", "uy"), 1);
  EXPECT_EQ(count("ext", "hoa"), 0);
  exec("INSERT INTO ext(ext) VALUES('rebuild')");
  integrity("ext");
  EXPECT_EQ(count("ext", "ủy"), 1);

  exec("CREATE VIRTUAL TABLE nc USING fts5(body, content='', tokenize='vietnamese')");
  exec("INSERT INTO nc(rowid, body) VALUES (1, 'Đảng bộ'), (2, 'Sơn La')");
  exec("INSERT INTO nc(nc, rowid, body) VALUES('delete', 1, 'Đảng bộ')");
  integrity("nc");
  EXPECT_EQ(count("nc", "dang"), 0);
  EXPECT_EQ(count("nc", "son"), 1);

  exec("CREATE VIRTUAL TABLE plain USING fts5(title, body, tokenize='vietnamese')");
  exec("INSERT INTO plain VALUES('Bao cao chinh tri', 'Báo cáo chính trị'), (NULL, 'hòa'), ('', x'FFFE41')");
  exec("UPDATE plain SET body = 'Thuỷ lợi' WHERE rowid = 2");
  exec("DELETE FROM plain WHERE rowid = 1");
  integrity("plain");
}

TEST_F(TokenizerSql, VnTokensShowsWhatIsIndexed) {
  vnsql::testing::Rows rows = query("SELECT term, start, end, colocated FROM vn_tokens('Uỷ ban Đắk Lắk')");
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0], (std::vector<vnsql::testing::Value>{"ủy", "0", "4", "0"}));
  EXPECT_EQ(rows[1], (std::vector<vnsql::testing::Value>{"ban", "5", "8", "0"}));
  EXPECT_EQ(rows[2], (std::vector<vnsql::testing::Value>{"đắk", "9", "15", "0"}));
  EXPECT_EQ(rows[3], (std::vector<vnsql::testing::Value>{"dak", "9", "15", "1"}));
  EXPECT_EQ(scalar("SELECT group_concat(term, ' ') FROM vn_tokens('Thuỷ Lợi', 'diacritics keep')"), "thủy lợi");
  EXPECT_EQ(scalar("SELECT count(*) FROM vn_tokens(NULL)"), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM vn_tokens('')"), "0");
  EXPECT_EQ(scalar("SELECT group_concat(term, ' ') FROM vn_tokens(x'61FF62')"), "a ~a b ~b");
  EXPECT_NE(error_of("SELECT * FROM vn_tokens('a', 'diacritics smrt')").find("smrt"), std::string::npos);
  EXPECT_NE(error_of("SELECT * FROM vn_tokens()"), "");
  // The table-valued function joins against a table.
  exec("CREATE TABLE d(body); INSERT INTO d VALUES('Sơn La'), ('Hà Nội')");
  EXPECT_EQ(scalar("SELECT count(*) FROM d, vn_tokens(d.body) WHERE colocated = 0"), "4");
}

}  // namespace
}  // namespace vnsql
