// The `vietnamese` FTS5 tokenizer and vn_tokens(), which shows what it indexes.
//
// Terms are normalize.h's lower-case canonical words. Diacritics modes:
//   keep   the canonical term only (accent-sensitive; NFC/NFD, case and tone
//          placement still never matter);
//   fold   the folded term only (accent-insensitive);
//   smart  (default) a query word typed with diacritics matches only its own
//          spelling; one typed without finds every accented form. Documents
//          index the canonical term; a query word without diacritics that is
//          a Vietnamese syllable looks up its canonical spellings in use at
//          once (FTS5 synonyms: itself and the attested syllables of
//          data/attested_syllables.tsv that fold to it, "dang" → dang, đang,
//          đảng, dáng, …, 19; for a prefix query, the first letters of those
//          syllables). Accented words that are not attested syllables (Đắk,
//          café, the rare đăm) also index their folded form at the same
//          position (FTS5_TOKEN_COLOCATED), which the unaccented query word
//          looks up too: the table changes speed, never what is found. A column value written
//          entirely without diacritics indexes each word as itself and as
//          "~" + word, and an accented query word also looks up "~" + its
//          folded form: accented queries find accent-stripped texts but never
//          an ordinary unaccented word inside accented text.
//          Indexing one term per word keeps the index as small as `keep`.
//   smart with folded_index 1: finds exactly what smart finds, but every
//          accented word of a document also indexes its folded form at the
//          same position (FTS5_TOKEN_COLOCATED), so that a query word without
//          diacritics is one term, its folded form, without synonyms (FTS5's
//          single-term path, as fold mode: a prefix too is one prefix term).
//          The accented word's own spelling is indexed and looked up as
//          kExactMarker + spelling ("=đảng"). Accented query words and
//          values written entirely without diacritics are otherwise handled
//          as in smart mode. The attested syllables play no part. The index
//          is about the size of fold's and keep's together less what they
//          share: 1.87 times unicode61's on the baomoi corpus (README:
//          "Search at corpus scale").
//
// A query string (FTS5 hands the tokenizer one phrase or bare word at a time)
// gives at most kMaxQueryTerms terms, synonyms included, or its first word
// alone when that word has more: a phrase stops before the first word whose
// terms do not fit, so that FTS5, which reads a doclist for every term, does
// bounded work however long the phrase. A notice goes to the SQLite error log
// when a phrase is cut. Documents are never cut.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "normalize.h"

struct sqlite3;
struct fts5_api;

namespace vnsql {

enum class Diacritics { Smart, Fold, Keep };

struct TokenizerOptions {
  Diacritics diacritics = Diacritics::Smart;
  // Smart mode only ("folded_index 1"): what smart mode finds, at fold mode's
  // query speed, for a larger index (see above).
  bool folded_index = false;
};

// Parses tokenizer arguments ("diacritics", "fold", "folded_index", "1").
// Throws sql::Error naming an unknown option or value, an option given twice,
// or folded_index 1 with diacritics other than smart.
TokenizerOptions parse_tokenizer_options(const char* const* args, int nargs);
// The same from one string ("diacritics fold"), as vn_tokens() takes it.
TokenizerOptions parse_tokenizer_options(std::string_view args);

// Terms of one query string (see above): a phrase of 256 plain words, or of
// 7 to 50 unaccented words with all their spellings ("dang" has 19, most
// words fewer than 50), which keeps a phrase within about 10 times the cost
// of the same phrase under unicode61 (bench/query_bench.py).
constexpr size_t kMaxQueryTerms = 256;

// Marks the terms of accent-stripped column values (see above).
constexpr std::string_view kUnaccentedMarker = "~";

// folded_index 1: precedes an accented word's own spelling, so that no folded
// term (ASCII for Vietnamese) shares its first bytes with an accented one and
// an unaccented prefix ("ng*") reads folded terms only, as in fold mode,
// rather than "người" as well as "nguoi".
constexpr std::string_view kExactMarker = "=";

struct Token {
  std::string_view term;  // valid until the next call to next()
  size_t begin = 0;       // byte offsets into the original text
  size_t end = 0;
  bool colocated = false;  // same position as the previous token
};

// Produces the tokens of one text, one at a time, exactly as the FTS5
// tokenizer passes them to FTS5.
class TokenStream {
 public:
  // `prefix`: the query's last word is a prefix (FTS5_TOKENIZE_PREFIX).
  TokenStream(std::string_view text, TokenizerOptions options, bool query, bool prefix = false);
  bool next(Token& token);
  // A query whose next word did not fit in kMaxQueryTerms: the stream ended before it.
  bool cut() const { return cut_; }
  // Where the word the stream ended before begins.
  size_t position() const { return word_.begin; }

 private:
  bool within_query_bound();  // counts the word's terms (queries); false if they do not fit

  WordScanner scanner_;
  TokenizerOptions options_;
  bool query_;
  bool prefix_;
  bool unaccented_text_;  // smart documents: no diacritics anywhere in the value
  Word word_;
  std::string exact_;  // folded_index: kExactMarker + the word's spelling
  std::vector<std::string> colocated_;  // terms still to emit at the word's position
  size_t next_colocated_ = 0;
  size_t terms_ = 0;  // emitted so far (queries)
  bool cut_ = false;
};

// The connection's FTS5 API, or null if it has none.
fts5_api* fts5_api_of(sqlite3* db);

// Registers the tokenizer with the connection's FTS5. Returns an SQLite code.
int register_tokenizer(sqlite3* db, char** error);

// vn_tokens(text [, options]): table-valued (see vnsql.cpp).
struct TableFunction;
extern const TableFunction kTokensFunction;

}  // namespace vnsql
