// vn_rank(): an FTS5 ranking function for searches typed as words (issue 18).
//
//   SELECT ... FROM t WHERE t MATCH vn_query(?) ORDER BY vn_rank(t);
//   INSERT INTO t(t, rank) VALUES ('rank', 'vn_rank()');   -- then ORDER BY rank
//
// Rows come in three tiers, best first:
//   phrase    the query's words stand together, in the order typed, in one
//             column ("chong tham nhung": chống tham nhũng);
//   near      one column holds every word with at most kNearTokens other
//             tokens between them;
//   anywhere  the row holds the words (FTS5 decided that it matches).
// Within the phrase tier, a row weighs by its reading: vn_query() ORs the
// typed words, joined into one phrase, into what it writes (query.h), and
// vn_rank() reads once per query which spellings the rows holding that
// phrase use there (at its first occurrence: in the first column holding it,
// the lowest offset; "chống tham nhũng" in 236 rows, "chồng tham nhũng" in
// none): a row ranks by the share its reading has among the rows' readings. Then, within a tier and reading, by bm25 (FTS5's formula: k1 = 1.2,
// b = 0.75, every column weight 1) over the typed words.
//
// Cost: what FTS5's bm25() costs (one pass per typed word to count its rows),
// plus reading the text of the rows that hold the whole phrase, once per query
// and up to the phrase's first occurrence (as snippet() reads the rows it is
// asked for).
#pragma once
#include <vector>

struct sqlite3;

namespace vnsql {

// One occurrence of a query phrase in the current row, as FTS5's xInst gives it.
struct Instance {
  int phrase = 0;
  int column = 0;
  int offset = 0;  // in tokens from the column's start
};

enum class Closeness { Anywhere = 0, Near = 1, Phrase = 2 };

// At most this many other tokens between the words of a near row.
constexpr int kNearTokens = 10;

// How close phrases 0 .. sizes.size()-1 (sizes[i]: tokens of phrase i) stand
// in one row, from their instances (others are ignored).
Closeness closeness(const std::vector<int>& sizes, const std::vector<Instance>& instances);

// The value vn_rank() returns (lower ranks first, as with bm25()): the tier,
// then the reading's share (0 to 1), then the bm25 score (higher is better).
double rank_value(Closeness closeness, double reading_share, double bm25);

// Registers vn_rank with the connection's FTS5 (after the tokenizer, whose
// registration has checked that there is an fts5_api). Returns an SQLite code.
int register_rank(sqlite3* db, char** error);

}  // namespace vnsql
