#include "normalize.h"
#include "utf8.h"

#include <gtest/gtest.h>

#include "unicode_forms.h"
#include <utf8proc.h>

#include "sql_fixture.h"

namespace vnsql {
namespace {

using vnsql::testing::nfd;

// The language cases are in tests/cases/: normalize.tsv, unaccent.tsv, lower.tsv and fold.tsv.

TEST(Normalize, DecomposedInputGivesTheSameForm) {
  for (const char* s : {"Nghị quyết số 26 của Ban Chấp hành Trung ương Đảng", "Thủ tướng Chính phủ",
                        "Trương Thị Mai", "hoà bình", "TRƯỜNG"}) {
    EXPECT_EQ(normalize(nfd(s)), normalize(s)) << s;
  }
}

TEST(Normalize, IsIdempotent) {
  for (const char* s : {"hoà", "Uỷ ban", "qúy", "Ðảng", "a\u0301\u0301", "\u0301x", "ç"}) {
    std::string once = normalize(s);
    EXPECT_EQ(normalize(once), once) << s;
  }
}

TEST(Words, ScansWithByteOffsets) {
  std::string text = "Sơn La, 26-NQ/TW";
  WordScanner scanner(text);
  Word w;
  std::vector<std::string> lowers;
  while (scanner.next(w)) {
    lowers.push_back(w.lower);
    EXPECT_EQ(text.substr(w.begin, w.end - w.begin).empty(), false);
  }
  EXPECT_EQ(lowers, (std::vector<std::string>{"sơn", "la", "26", "nq", "tw"}));
}

TEST(Words, InvalidUtf8SeparatesAndNeverReadsPastTheEnd) {
  std::string text = "ab\xC3\xE1\x80x\xF0\x9F\x98";
  WordScanner scanner(text);
  Word w;
  std::vector<std::string> lowers;
  while (scanner.next(w)) {
    EXPECT_LE(w.end, text.size());
    lowers.push_back(w.lower);
  }
  EXPECT_EQ(lowers, (std::vector<std::string>{"ab", "x"}));
  EXPECT_EQ(normalize(text), "ab\uFFFD\uFFFD\uFFFDx\uFFFD\uFFFD\uFFFD");
}

using NormalizeSql = vnsql::testing::SqlTest;

TEST_F(NormalizeSql, Functions) {
  EXPECT_EQ(scalar("SELECT vn_normalize('Uỷ ban hoà giải')"), "Ủy ban hòa giải");
  EXPECT_EQ(scalar("SELECT vn_unaccent('Đồng chí Trương Thị Mai')"), "Dong chi Truong Thi Mai");
  EXPECT_EQ(scalar("SELECT vn_normalize(NULL)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT vn_unaccent(NULL)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT vn_unaccent(12)"), "12");
  EXPECT_EQ(scalar("SELECT vn_unaccent(CAST('Đà Nẵng' AS BLOB))"), "Da Nang");
  EXPECT_EQ(scalar("SELECT hex(vn_normalize(x'41FF42'))"), "41EFBFBD42");
  EXPECT_NE(error_of("SELECT vn_normalize()"), "");
  EXPECT_NE(error_of("SELECT vn_normalize('a', 'b')"), "");
}

}  // namespace
}  // namespace vnsql

namespace vnsql {
namespace {

// Found by fuzz/tokenizer_fuzz: a mark with no letter before it made an empty term.
TEST(Words, StrayMarksDoNotMakeWords) {
  WordScanner scanner("a \u0301 b");
  Word w;
  std::vector<std::string> lowers;
  while (scanner.next(w)) lowers.push_back(w.lower);
  EXPECT_EQ(lowers, (std::vector<std::string>{"a", "b"}));
}

// Found by fuzz/normalize_fuzz: lower() was not idempotent on İà.
TEST(Fold, LowerIsIdempotentOnLettersThatLowerToAscii) {
  EXPECT_EQ(lower("\u0130\u00E0"), lower(lower("\u0130\u00E0")));
  EXPECT_EQ(lower("\u0130\u00E0"), lower("ìa"));
}

// Found by fuzz/normalize_fuzz: letters outside the Vietnamese model follow
// Unicode: folding keeps Hangul, lower() is idempotent (NFC of singletons and
// Hangul jamo: tests/cases/normalize.tsv).
TEST(Normalize, FollowsUnicodeOutsideVietnamese) {
  EXPECT_NE(fold("\uBED0"), fold("\uBE60"));              // 뻐 and 빠 stay apart
  EXPECT_EQ(lower(lower("h\u0302\u13CF")), lower("h\u0302\u13CF"));
}

// Found by fuzz/dates_fuzz and resolutions_fuzz: positions after invalid bytes
// must count characters as SQLite's substr() does.
TEST(CharCounter, CountsLikeSqlite) {
  EXPECT_EQ(utf8::count_chars("\xC3\xA9\x80\x80" "A"), 2u);  // C3 A9 80 80 is one character to SQLite
  EXPECT_EQ(utf8::count_chars("\x80\x80" "A"), 3u);          // stray continuation bytes: one each
  utf8::CharCounter counter("\x80 19/5/2018");
  EXPECT_EQ(counter.position(2), 3u);
  EXPECT_EQ(counter.position(2), 3u);
  EXPECT_EQ(counter.position(11), 12u);
}

TEST_F(NormalizeSql, PositionsAfterInvalidBytesAgreeWithSubstr) {
  EXPECT_EQ(scalar("SELECT substr(t, start, length) FROM (SELECT CAST(x'802031392f352f32303138' AS TEXT) t), "
                   "vn_dates(t)"),
            "19/5/2018");
  EXPECT_EQ(scalar("SELECT substr(t, start, length) FROM (SELECT CAST(x'c3a98080' AS TEXT) || "
                   "' Nghị quyết số 26-NQ/TW' t), resolutions(t)"),
            "Nghị quyết số 26-NQ/TW");
}

}  // namespace
}  // namespace vnsql
