// Vietnamese normalization: the one place that knows letters, marks and where
// the tone goes. The tokenizer, the extractors and the SQL functions
// vn_normalize() and vn_unaccent() all build on it.
//
// Canonical form (documented in README): NFC; look-alike letters (Ð ð Ɖ ɖ)
// become Đ/đ; in each Vietnamese syllable the tone mark sits where the
// traditional ("old style") rule puts it: on the vowel carrying a vowel mark
// (ă â ê ô ơ ư; ơ in ươ), else on the last vowel when a final consonant
// follows, else on the first of two vowels (hòa, khỏe, thủy, của) and the
// middle of three (ngoài, khuỷu). The qu- and gi- onsets own their u/i
// (quý, giá; but gì, gìn). Words that are not Vietnamese syllables keep
// their marks where they are.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

// vn_normalize(): canonical form; case, spacing and punctuation kept.
std::string normalize(std::string_view text);

// vn_unaccent(): every diacritic removed (tone and vowel marks, and any other
// combining mark), đ→d, Đ→D; case kept; no combining mark left.
std::string unaccent(std::string_view text);

// Lower-case canonical form (normalize + case folding).
std::string lower(std::string_view text);

// Lower-case, every diacritic removed: the key for accent-insensitive matching.
std::string fold(std::string_view text);

// True if the code point is part of a word: a letter, a combining mark or a
// number. Everything else (spaces, punctuation, dashes, slashes) separates.
bool is_word_char(char32_t cp);

// One word of a text: a maximal run of word characters.
struct Word {
  size_t begin = 0;   // byte offsets into the scanned text
  size_t end = 0;
  // Forms of the word, made from its first 32,768 bytes when it is longer
  // (FTS5 keeps no more of a term; no vocabulary has such words).
  std::string lower;  // lower-case canonical form
  std::string folded; // lower-case, diacritics removed, đ→d
  bool accented = false;  // carries a Vietnamese diacritic (so lower != folded)
  // An accented word that is an attested Vietnamese syllable
  // (data/attested_syllables.tsv), so that accented_spellings(folded) lists
  // its canonical form. Unset for unaccented words.
  bool syllable = false;
};

// The canonical lower-case spellings in use whose folded form is `folded` (a
// word of ASCII letters that is a Vietnamese syllable): `folded` itself, then
// the attested syllables of data/attested_syllables.tsv that fold to it
// ("dang" gives dang, dàng, dáng, …, đang, đảng: 19). With `prefix`, the
// first letters of every attested syllable whose folded form starts with
// `folded` ("ng" gives ng alone). Returns false (and nothing) if `folded` is
// not such a word or the spellings would be more than `limit`.
bool accented_spellings(std::string_view folded, bool prefix, std::vector<std::string>& out, size_t limit = 1024);

// True if `folded` (a folded word: a-z only) is spelled as a Vietnamese
// syllable: onset, nucleus and coda of data/syllables.tsv. "trump", "abe" and
// "jong" are not; "long" and "may" are.
bool is_syllable_spelling(std::string_view folded);

// Scans a text word by word in one pass; invalid UTF-8 bytes separate words.
class WordScanner {
 public:
  explicit WordScanner(std::string_view text) : text_(text) {}
  // Fills `word` with the next word and returns true, or returns false at the end.
  bool next(Word& word);
  size_t position() const { return pos_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// True if the code point is a lower-case letter of a Vietnamese syllable, as
// normalize() writes it: a-z, đ, and the vowels with their marks and tone.
bool is_vietnamese_letter(char32_t cp);

// True if any letter of the text carries a diacritic (or is đ), precomposed
// or as a combining mark.
bool has_diacritics(std::string_view text);

// SQL wrappers (registered in vnsql.cpp).
void sql_vn_normalize(sqlite3_context* ctx, int argc, sqlite3_value** argv);
void sql_vn_unaccent(sqlite3_context* ctx, int argc, sqlite3_value** argv);

}  // namespace vnsql
