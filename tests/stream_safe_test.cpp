// Long runs of combining marks and huge words: what the normalization and the
// word scanner give for them (their cost is tested in cost_test.cpp).
// vn_normalize() follows Unicode's stream-safe format (UAX #15): a run of more
// than 30 non-starters is broken by U+034F COMBINING GRAPHEME JOINER; words
// are normalized in pieces cut where nothing composes across the cut, which
// must give what normalizing them whole gives.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>

#include "normalize.h"
#include "sql_fixture.h"
#include "utf8.h"

namespace vnsql {
namespace {

int combining_class(char32_t cp) {
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class;
}

// Non-starters at the start and end of a code point's canonical decomposition.
struct NonStarters {
  int lead = 0, trail = 0, size = 1;
};
NonStarters non_starters(char32_t cp) {
  utf8proc_int32_t parts[8];
  int boundclass = 0;
  utf8proc_ssize_t n =
      utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts, 8, UTF8PROC_DECOMPOSE, &boundclass);
  NonStarters s;
  s.size = static_cast<int>(n);
  while (s.lead < n && combining_class(static_cast<char32_t>(parts[s.lead]))) ++s.lead;
  while (s.trail < n && combining_class(static_cast<char32_t>(parts[n - 1 - s.trail]))) ++s.trail;
  return s;
}

// UAX #15, section 13: a COMBINING GRAPHEME JOINER before the non-starter that
// would make a run longer than 30. Written from the standard, as an oracle.
std::string stream_safe(std::string_view text) {
  std::string out;
  int run = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = utf8::decode(text, i);
    const NonStarters s = non_starters(cp);
    if (run + s.lead > 30) {
      utf8::append(out, 0x034F);
      run = 0;
    }
    run = s.lead == s.size ? run + s.lead : s.trail;
    utf8::append(out, cp);
  }
  return out;
}

std::string nfc(const std::string& text) {
  auto* mapped = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
  std::string out(reinterpret_cast<const char*>(mapped));
  free(mapped);
  return out;
}

// The longest run of non-starters in the canonical decomposition of a text.
int longest_run(std::string_view text) {
  int longest = 0, run = 0;
  for (size_t i = 0; i < text.size();) {
    const NonStarters s = non_starters(utf8::decode(text, i));
    run = s.lead == s.size ? run + s.lead : s.trail;
    if (run > longest) longest = run;
  }
  return longest;
}

std::string repeat(std::string_view unit, size_t times) {
  std::string s;
  for (size_t k = 0; k < times; ++k) s += unit;
  return s;
}

// The word pieces are cut without looking closer when a word is at most 30
// bytes long: that is safe only if no code point decomposes into more
// non-starters than it has bytes. Checked for every code point.
TEST(StreamSafe, NoCodePointHasMoreNonStartersThanBytes) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string bytes;
    utf8::append(bytes, cp);
    const NonStarters s = non_starters(cp);
    ASSERT_LE(s.lead, static_cast<int>(bytes.size())) << std::hex << static_cast<uint32_t>(cp);
    ASSERT_LE(s.trail, static_cast<int>(bytes.size())) << std::hex << static_cast<uint32_t>(cp);
  }
}

// Words outside the Vietnamese model are Unicode's: normalize() is NFC of the
// stream-safe text, however long the run or the word.
TEST(StreamSafe, NormalizeIsNfcOfTheStreamSafeText) {
  const std::string inputs[] = {
      "a" + repeat("\u0301\u0323", 200),                  // alternating marks after a letter
      " " + repeat("\u0323\u0301", 100) + " x",           // marks with no letter
      repeat("\u0301", 61),                               // at the very start
      "\u1EC5" + repeat("\u0323", 40) + "n",              // ễ carries two non-starters itself
      repeat("a\u0301\u0323", 300),                       // a long word of short runs: no joiner
      repeat("\u1100\u1161\u11A8", 500),                  // conjoining jamo compose across every piece
      "Vi\u1EC7t" + repeat("\u0302\u0309", 25) + " Nam",  // a Vietnamese letter then a long run
      repeat("\u0F73", 40),                               // one code point, two non-starters
  };
  for (const std::string& input : inputs) {
    const std::string expected = nfc(stream_safe(input));
    const std::string got = normalize(input);
    EXPECT_EQ(got, expected) << "input of " << input.size() << " bytes";
    EXPECT_LE(longest_run(got), 30);
    EXPECT_EQ(normalize(got), got) << "not idempotent";
    EXPECT_EQ(lower(got), lower(input));
    const std::string folded = fold(input);
    EXPECT_EQ(longest_run(folded), 0) << "folding leaves no mark";
  }
  // The joiner stands where the 31st non-starter would have: after the letter
  // and 30 marks, of which NFC composes the first with the letter.
  const std::string marks = normalize("a" + repeat("\u0301", 40));
  EXPECT_EQ(marks, "\u00E1" + repeat("\u0301", 29) + "\u034F" + repeat("\u0301", 10));
}

// A Vietnamese word is never cut: its tone still goes where the rule puts it,
// and a long run of other text after it changes nothing.
TEST(StreamSafe, WordsOfTheModelAreUntouched) {
  EXPECT_EQ(normalize("hoà " + repeat("x", 100) + " thuỷ"), "hòa " + repeat("x", 100) + " thủy");
  EXPECT_EQ(normalize(repeat("hoà ", 1000)), repeat("hòa ", 1000));
}

class HugeWords : public testing::SqlTest {};

// A word's forms are made from its first 32,768 bytes (FTS5 keeps no more of
// a term); its offsets still cover all of it.
TEST_F(HugeWords, TermsStopAt32KilobytesAndOffsetsCoverTheWord) {
  const std::string word = repeat("Ạ", 50000);  // 3 bytes each
  auto rows = query("SELECT length(term), start, end FROM vn_tokens(?1) WHERE NOT colocated", {word + " hết"});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(*rows[0][0], std::to_string(32766 / 3));  // whole letters only
  EXPECT_EQ(*rows[0][1], "0");
  EXPECT_EQ(*rows[0][2], std::to_string(word.size()));
  EXPECT_EQ(*rows[1][1], std::to_string(word.size() + 1));
  // Its folded form, indexed beside it (it is no syllable), stops there too.
  EXPECT_EQ(scalar("SELECT length(term) FROM vn_tokens(?1) WHERE colocated", {word}), std::to_string(32766 / 3));
  // Whatever its length, the word is found by its start in an FTS5 index.
  exec("CREATE VIRTUAL TABLE f USING fts5(body, tokenize='vietnamese')");
  query("INSERT INTO f(rowid, body) VALUES (1, ?1)", {"đầu " + word + " cuối"});
  EXPECT_EQ(scalar("SELECT rowid FROM f WHERE f MATCH ?1", {"\"" + word + "\""}), "1");
  EXPECT_EQ(scalar("SELECT rowid FROM f WHERE f MATCH 'đầu AND cuối'"), "1");
  // Normalizing keeps the whole word.
  EXPECT_EQ(scalar("SELECT length(vn_normalize(?1)) = length(?1)", {word}), "1");
  EXPECT_EQ(scalar("SELECT vn_unaccent(?1) = ?2", {word, repeat("A", 50000)}), "1");
}

}  // namespace
}  // namespace vnsql
