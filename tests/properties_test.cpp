// Properties that must hold for any text: idempotence, no marks left after
// unaccenting, and the same terms for a text and its decomposed form. Checked
// on random strings built from Vietnamese letters, marks and noise, and on the
// real decomposed articles of ../shared/corpus/vietnews-sample.jsonl.xz.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdio>
#include <random>
#include <string>

#include "normalize.h"
#include "tokenizer.h"
#include "unicode_forms.h"
#include "utf8.h"

namespace vnsql {
namespace {

using vnsql::testing::nfc;
using vnsql::testing::nfd;

std::vector<std::string> terms(const std::string& text, Diacritics mode) {
  TokenStream stream(text, TokenizerOptions{mode}, false);
  std::vector<std::string> out;
  Token t;
  while (stream.next(t)) out.emplace_back(t.term);
  return out;
}

// Random text from pieces that exercise every path: Vietnamese letters in
// both cases, combining tone and vowel marks, look-alikes, other scripts,
// separators, and bytes that are not UTF-8.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "đ", "Đ", "ng", "qu", "gi", "th", "tr", "ch",
      "A", "Ơ", "Ư", "H", "c", "n", "t", "m", "p", "hòa", "hoà", "Uỷ", "thuỷ", "qúy", "người", "Nguyễn",
      "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031B", "\u0327", "\u00D0",
      "\u00F0", "\u0189", "é", "ç", "Ω", "北", "я", " ", "-", "/", "\u00A0", "\u2011", ".", "1", "9", "\xFF",
      "\xC3", "\xE1\xBB", "\xED\xA0\x80", "\xC0\xAF", "\0"};
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), length(0, 24);
  std::string s;
  for (size_t n = length(rng); n > 0; --n) s += pieces[pick(rng)];
  return s;
}

bool has_combining_mark_or_d(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp = utf8::decode(s, i);
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME) return true;
    if (cp == 0x0110 || cp == 0x0111) return true;
  }
  return false;
}

TEST(Properties, RandomText) {
  std::mt19937 rng(20261124);
  for (int i = 0; i < 20000; ++i) {
    std::string s = random_text(rng);
    std::string once = normalize(s);
    ASSERT_EQ(normalize(once), once) << "normalize not idempotent on case " << i;
    ASSERT_TRUE(utf8::is_valid(once)) << i;
    ASSERT_EQ(once, nfc(once)) << "normalize output is not NFC on case " << i;
    std::string plain = unaccent(s);
    ASSERT_FALSE(has_combining_mark_or_d(plain)) << "unaccent left a mark on case " << i;
    ASSERT_EQ(unaccent(plain), plain) << i;
    std::string valid = utf8::sanitize(s);
    for (Diacritics mode : {Diacritics::Smart, Diacritics::Fold, Diacritics::Keep})
      ASSERT_EQ(terms(nfd(valid), mode), terms(valid, mode)) << "NFD changed the terms on case " << i;
  }
}

TEST(Properties, RealDecomposedArticles) {
  FILE* f = popen("xz -dc " VNSQL_SOURCE_DIR "/../shared/corpus/vietnews-sample.jsonl.xz 2>/dev/null", "r");
  ASSERT_NE(f, nullptr);
  std::string line;
  int checked = 0, c;
  // Lines are JSON objects; the text only needs \n and \" unescaped for this check.
  while ((c = fgetc(f)) != EOF) {
    if (c != '\n') { line.push_back(static_cast<char>(c)); continue; }
    size_t at = line.find("\"text\": \"");
    if (at != std::string::npos && line.find("\"nfc\": false") != std::string::npos) {
      std::string text;
      for (size_t i = at + 9; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) { ++i; text.push_back(line[i] == 'n' ? '\n' : line[i]); }
        else text.push_back(line[i]);
      }
      ASSERT_EQ(terms(text, Diacritics::Smart), terms(nfc(text), Diacritics::Smart)) << line.substr(0, 40);
      ASSERT_EQ(normalize(text), normalize(nfc(text))) << line.substr(0, 40);
      ++checked;
    }
    line.clear();
  }
  pclose(f);
  if (checked == 0) GTEST_SKIP() << "../shared/corpus/vietnews-sample.jsonl.xz not found";
  EXPECT_GE(checked, 900);
}

}  // namespace
}  // namespace vnsql
