#include "query.h"

#include "chars.h"
#include "normalize.h"
#include "sql_util.h"
#include "tokenizer.h"
#include "utf8.h"

namespace vnsql {
namespace {

// Operators FTS5 knows, taken as such only in capitals.
constexpr std::string_view kOperators[] = {"AND", "OR", "NOT"};

// An empty phrase: parses, matches nothing.
constexpr std::string_view kMatchNothing = "\"\"";

// Characters that join word runs into one identifier (26-NQ/TW, 19.5.2018),
// every dash included (18‑NQ/TW, 40–CT/TW).
bool is_joiner(char32_t cp) { return cp == U'/' || cp == U'.' || chars::is_dash(cp); }

bool is_ascii_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The end of the run of word characters starting at s[i].
size_t run_end(std::string_view s, size_t i) {
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // fast path, same answer as is_word_char()
      if (!is_ascii_word_char(c)) break;
      ++i;
      continue;
    }
    size_t next = i;
    if (!is_word_char(utf8::decode(s, next))) break;
    i = next;
  }
  return i;
}

class Parser {
 public:
  Parser(std::string_view s, QueryWriter& writer) : s_(s), writer_(writer) {}

  void parse() {
    while (pos_ < s_.size() && !writer_.cut()) {
      auto c = static_cast<unsigned char>(s_[pos_]);
      if (c < 0x80 && c != '"' && !is_ascii_word_char(c)) {  // fast path: ASCII separator
        ++pos_;
        continue;
      }
      size_t start = pos_;
      char32_t cp = utf8::decode(s_, pos_);
      if (cp == U'"') {
        size_t close = s_.find('"', pos_);
        if (close == std::string_view::npos) continue;  // unbalanced: ignore the quote
        QueryItem phrase;
        phrase.words = append_runs(s_.substr(pos_, close - pos_), phrase.text);
        if (phrase.words) writer_.add(std::move(phrase));
        pos_ = close + 1;
      } else if (is_word_char(cp)) {
        pos_ = start;
        read_word();
      }
    }
  }

 private:
  // Appends every word run of `part` to `out`, separated by spaces, up to
  // kMaxQueryWords of them (the writer keeps no more); returns how many.
  static size_t append_runs(std::string_view part, std::string& out) {
    size_t runs = 0;
    for (size_t i = 0; i < part.size() && runs <= kMaxQueryWords;) {
      size_t start = i;
      if (!is_word_char(utf8::decode(part, i))) continue;
      i = run_end(part, i);
      if (!out.empty()) out.push_back(' ');
      out.append(part.substr(start, i - start));
      ++runs;
    }
    return runs;
  }

  // A word, or an identifier: runs joined by single joiner characters.
  void read_word() {
    QueryItem item;
    while (true) {
      size_t end = run_end(s_, pos_);
      // Runs past the limit are read but not kept (the writer would cut them).
      if (item.words <= kMaxQueryWords) {
        if (!item.text.empty()) item.text.push_back(' ');
        item.text.append(s_.substr(pos_, end - pos_));
      }
      ++item.words;
      pos_ = end;
      if (pos_ >= s_.size()) break;
      size_t after = pos_;
      if (!is_joiner(utf8::decode(s_, after)) || after >= s_.size()) break;
      size_t probe = after;
      if (!is_word_char(utf8::decode(s_, probe))) break;
      pos_ = after;
    }
    if (pos_ < s_.size() && s_[pos_] == '*') {
      item.prefix = true;
      ++pos_;
    } else if (item.words == 1 && operators_ < kMaxQueryOperators) {
      for (std::string_view op : kOperators)
        if (item.text == op) {
          item.op = true;
          ++operators_;
        }
    }
    writer_.add(std::move(item));
  }

  std::string_view s_;
  size_t pos_ = 0;
  size_t operators_ = 0;
  QueryWriter& writer_;
};

void append_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

void QueryWriter::add(QueryItem item) {
  if (item.op) {
    if (any_term_) pending_op_ = item.text;  // leading operators are dropped; the last of a run counts
    return;
  }
  // Terms between two operators are ANDed (FTS5 binds that tightest), so a
  // repeated one changes nothing: 10,000 typed "dang" are one lookup.
  if (!pending_op_.empty()) run_.clear();
  for (const QueryItem& earlier : run_)
    if (earlier.text == item.text && earlier.prefix == item.prefix) return;
  if (words_ + item.words > kMaxQueryWords) {
    cut_ = true;
    if (words_ == kMaxQueryWords) return;
    // Keep the first words of a phrase or identifier; the prefix star belonged to its last word.
    size_t keep = kMaxQueryWords - words_, at = 0;
    for (size_t k = 0; k < keep; ++k) at = item.text.find(' ', at) + 1;
    item.text.resize(at - 1);
    item.words = keep;
    item.prefix = false;
  }
  words_ += item.words;
  if (any_term_) {
    out_.push_back(' ');
    if (!pending_op_.empty()) {
      out_.append(pending_op_).push_back(' ');
      operators_ = true;
    }
  }
  ++terms_;
  prefix_ = prefix_ || item.prefix;
  // The words are kept for the phrase of ranked_query() while they are short enough to be one.
  if (words_text_.size() + 1 + item.text.size() > kMaxPhraseBytes) {
    long_ = true;
    words_text_.clear();
  }
  if (!long_) {
    if (!words_text_.empty()) words_text_.push_back(' ');
    words_text_ += item.text;
  }
  pending_op_.clear();
  append_string(out_, item.text);
  if (item.prefix) out_.append(" *");
  any_term_ = true;
  run_.push_back(std::move(item));
}

std::string QueryWriter::finish() { return any_term_ ? std::move(out_) : std::string(kMatchNothing); }

std::string fts5_query(std::string_view input, bool* cut) {
  QueryWriter writer;
  Parser(input, writer).parse();
  if (cut) *cut = writer.cut();
  return writer.finish();
}

std::string ranked_query(std::string_view input, bool* cut) {
  QueryWriter writer;
  Parser(input, writer).parse();
  if (cut) *cut = writer.cut();
  std::string query = writer.finish();
  if (!writer.plain_terms()) return query;
  TokenStream whole(writer.words(), TokenizerOptions{}, /*query=*/true);
  Token token;
  while (whole.next(token)) {
  }
  if (whole.cut()) return query;
  std::string ranked = "(" + query + ") OR ";
  append_string(ranked, writer.words());
  return ranked;
}

void sql_vn_query(sqlite3_context* ctx, int, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    auto text = sql::text_arg(argv[0]);
    if (!text) return sqlite3_result_null(ctx);
    bool cut = false;
    sql::result_text(ctx, ranked_query(*text, &cut));
    if (cut)
      sqlite3_log(SQLITE_NOTICE, "vn_query: the text has more than %d words; only the first %d are searched",
                  static_cast<int>(kMaxQueryWords), static_cast<int>(kMaxQueryWords));
  });
}

}  // namespace vnsql
