// vn_query(): what a person types into a search box, as an FTS5 query string
// that never raises a syntax error.
//
// - Words are terms, all ANDed. Every term is written as an FTS5 string
//   ("..." with quotes doubled) holding only word characters, so nothing in
//   the input can act as FTS5 syntax: and/or/not/NEAR, * ^ : ( ) + -, column
//   filters ("title:x" is the two words title and x) are plain words.
// - Document identifiers (word runs joined by single - / . characters:
//   26-NQ/TW, 62/2020/NĐ-CP, 19/5/2018) and "quoted parts" become phrases.
// - AND, OR, NOT written in capitals between two terms stay operators (at
//   most kMaxQueryOperators of them; later ones are words). Several in a row: the
//   last one counts; leading and trailing ones are dropped.
// - At most kMaxQueryWords words are kept (words inside identifiers and
//   phrases count), so that what a search costs does not grow with what is
//   typed; the rest is left out, and a notice goes to the SQLite error log.
//   A term repeated between two operators is written once (ANDing it again
//   changes nothing) and does not count.
// - A * right after a word (or identifier) makes it a prefix query: "nghi" *.
// - An unbalanced quote is ignored; the rest is read as unquoted words.
// - Input without any word (empty, punctuation, invalid bytes) gives `""`, an
//   empty phrase: a valid query that matches no row.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

// Bounds the depth of the expression tree FTS5 builds (its limit is 256).
constexpr size_t kMaxQueryOperators = 64;

// ranked_query() adds its phrase only when the words take at most this many
// bytes (a search typed by a person takes a few dozen), so that a huge typed
// word is not kept twice.
constexpr size_t kMaxPhraseBytes = 4096;

// Words a query keeps. Each one may expand into a few hundred spellings in
// the tokenizer's smart mode, and FTS5 reads a doclist for each.
constexpr size_t kMaxQueryWords = 32;

// `cut` (if given) is set when words were left out.
std::string fts5_query(std::string_view input, bool* cut = nullptr);

// vn_query(): fts5_query(), and when the input is two or more terms ANDed
// (no operator, no prefix) the same words joined into one phrase, ORed in:
// `("chong" "tham" "nhung") OR "chong tham nhung"`. The rows are the same
// (the phrase holds every term); the phrase is there for ranking: bm25()
// scores the rows that hold it higher, and vn_rank() reads which spellings
// of it the rows use (rank.h). Left out when the phrase would give the
// tokenizer more than kMaxQueryTerms terms (smart mode, the most), so that
// it is never cut to a shorter phrase, or when its words take more than
// kMaxPhraseBytes.
std::string ranked_query(std::string_view input, bool* cut = nullptr);

// One term, phrase or operator of the input.
struct QueryItem {
  std::string text;  // word runs joined by spaces, or the operator
  size_t words = 0;  // word runs in text
  bool op = false;
  bool prefix = false;
};

// Writes items as they are parsed, up to kMaxQueryWords words.
class QueryWriter {
 public:
  void add(QueryItem item);
  // True once an item had to be cut or left out: parsing can stop.
  bool cut() const { return cut_; }
  std::string finish();
  // True if every item was a term or phrase ANDed, none a prefix, at least two.
  bool plain_terms() const { return terms_ >= 2 && !operators_ && !prefix_ && !long_; }
  // The words of every item written, separated by spaces.
  const std::string& words() const { return words_text_; }

 private:
  size_t terms_ = 0;
  bool operators_ = false, prefix_ = false, long_ = false;
  std::string words_text_;
  std::string out_;
  std::string pending_op_;
  std::vector<QueryItem> run_;  // the terms written since the last operator
  size_t words_ = 0;
  bool any_term_ = false;
  bool cut_ = false;
};

// SQL wrapper (registered in vnsql.cpp): vn_query(text).
void sql_vn_query(sqlite3_context* ctx, int argc, sqlite3_value** argv);

}  // namespace vnsql
