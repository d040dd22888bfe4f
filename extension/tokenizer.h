// The `vietnamese` FTS5 tokenizer and vn_tokens(), which shows what it indexes.
//
// Terms are normalize.h's lower-case canonical words. Diacritics modes:
//   keep   the canonical term only (accent-sensitive; NFC/NFD, case and tone
//          placement still never matter);
//   fold   the folded term only (accent-insensitive);
//   smart  (default) documents index the canonical term plus, for an accented
//          word, the folded term at the same position (FTS5_TOKEN_COLOCATED).
//          A query word typed without diacritics looks up the folded term, so
//          it finds every accented form; one typed with diacritics looks up
//          its canonical term, so it matches only that spelling. A column
//          value written entirely without diacritics also indexes each word
//          as "~" + word, and an accented query word also looks up "~" +
//          its folded form: accented queries find accent-stripped texts but
//          never an ordinary unaccented word inside accented text.
#pragma once
#include <string>
#include <string_view>

#include "normalize.h"

struct sqlite3;

namespace vnsql {

enum class Diacritics { Smart, Fold, Keep };

struct TokenizerOptions {
  Diacritics diacritics = Diacritics::Smart;
};

// Parses tokenizer arguments ("diacritics", "fold"). Throws sql::Error naming
// an unknown option or value.
TokenizerOptions parse_tokenizer_options(const char* const* args, int nargs);
// The same from one string ("diacritics fold"), as vn_tokens() takes it.
TokenizerOptions parse_tokenizer_options(std::string_view args);

// Marks the terms of accent-stripped column values (see above).
constexpr std::string_view kUnaccentedMarker = "~";

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
  TokenStream(std::string_view text, TokenizerOptions options, bool query);
  bool next(Token& token);

 private:
  WordScanner scanner_;
  TokenizerOptions options_;
  bool query_;
  bool unaccented_text_;  // smart documents: no diacritics anywhere in the value
  Word word_;
  std::string extra_;  // the colocated term still to emit
  bool pending_ = false;
};

// Registers the tokenizer with the connection's FTS5. Returns an SQLite code.
int register_tokenizer(sqlite3* db, char** error);

// vn_tokens(text [, options]): table-valued (see vnsql.cpp).
struct TableFunction;
extern const TableFunction kTokensFunction;

}  // namespace vnsql
