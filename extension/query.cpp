#include "query.h"

#include <vector>

#include "normalize.h"
#include "sql_util.h"
#include "utf8.h"

namespace vnsql {
namespace {

// Characters that join word runs into one identifier (26-NQ/TW, 19.5.2018),
// dash variants included (18‑NQ/TW, 40–CT/TW).
constexpr char32_t kJoiners[] = {U'-', U'/', U'.', 0x2010, 0x2011, 0x2013};

// Operators FTS5 knows, taken as such only in capitals.
constexpr std::string_view kOperators[] = {"AND", "OR", "NOT"};

// An empty phrase: parses, matches nothing.
constexpr std::string_view kMatchNothing = "\"\"";

bool is_joiner(char32_t cp) {
  for (char32_t j : kJoiners)
    if (cp == j) return true;
  return false;
}

struct Item {
  std::string text;  // word runs joined by spaces, or the operator
  bool op = false;
  bool prefix = false;
};

// The end of the run of word characters starting at s[i].
size_t run_end(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t next = i;
    if (!is_word_char(utf8::decode(s, next))) break;
    i = next;
  }
  return i;
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  std::vector<Item> parse() {
    while (pos_ < s_.size()) {
      size_t start = pos_;
      char32_t cp = utf8::decode(s_, pos_);
      if (cp == U'"') {
        size_t close = s_.find('"', pos_);
        if (close == std::string_view::npos) continue;  // unbalanced: ignore the quote
        Item phrase;
        append_runs(s_.substr(pos_, close - pos_), phrase.text);
        if (!phrase.text.empty()) items_.push_back(std::move(phrase));
        pos_ = close + 1;
      } else if (is_word_char(cp)) {
        pos_ = start;
        read_word();
      }
    }
    return std::move(items_);
  }

 private:
  // Appends every word run of `part` to `out`, separated by spaces.
  static void append_runs(std::string_view part, std::string& out) {
    for (size_t i = 0; i < part.size();) {
      size_t start = i;
      if (!is_word_char(utf8::decode(part, i))) continue;
      i = run_end(part, i);
      if (!out.empty()) out.push_back(' ');
      out.append(part.substr(start, i - start));
    }
  }

  // A word, or an identifier: runs joined by single joiner characters.
  void read_word() {
    Item item;
    size_t runs = 0;
    while (true) {
      size_t end = run_end(s_, pos_);
      if (!item.text.empty()) item.text.push_back(' ');
      item.text.append(s_.substr(pos_, end - pos_));
      ++runs;
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
    } else if (runs == 1 && operators_ < kMaxQueryOperators) {
      for (std::string_view op : kOperators)
        if (item.text == op) {
          item.op = true;
          ++operators_;
        }
    }
    items_.push_back(std::move(item));
  }

  std::string_view s_;
  size_t pos_ = 0;
  size_t operators_ = 0;
  std::vector<Item> items_;
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

std::string fts5_query(std::string_view input) {
  std::vector<Item> items = Parser(input).parse();
  std::string out;
  const Item* pending_op = nullptr;
  bool any_term = false;
  for (const Item& item : items) {
    if (item.op) {
      if (any_term) pending_op = &item;  // leading operators are dropped
      continue;
    }
    if (any_term) {
      out.push_back(' ');
      if (pending_op) out.append(pending_op->text).push_back(' ');
    }
    pending_op = nullptr;
    append_string(out, item.text);
    if (item.prefix) out.append(" *");
    any_term = true;
  }
  return any_term ? out : std::string(kMatchNothing);
}

void sql_vn_query(sqlite3_context* ctx, int, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    auto text = sql::text_arg(argv[0]);
    if (!text) return sqlite3_result_null(ctx);
    sql::result_text(ctx, fts5_query(*text));
  });
}

}  // namespace vnsql
