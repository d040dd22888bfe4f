#include "tokenizer.h"

#include <memory>
#include <string>
#include <vector>

#include "sql_util.h"
#include "table_function.h"

namespace vnsql {

// ---------------------------------------------------------------------------
// Options.

namespace {

struct DiacriticsValue {
  const char* name;
  Diacritics value;
};
constexpr DiacriticsValue kDiacriticsValues[] = {
    {"smart", Diacritics::Smart}, {"fold", Diacritics::Fold}, {"keep", Diacritics::Keep}};

}  // namespace

TokenizerOptions parse_tokenizer_options(const char* const* args, int nargs) {
  TokenizerOptions options;
  // The values met so far; which one of two would win is not what anyone
  // reading the table definition should have to know.
  const char* diacritics = nullptr;
  const char* folded_index = nullptr;
  for (int i = 0; i < nargs; i += 2) {
    std::string option = args[i];
    if (option != "diacritics" && option != "folded_index")
      throw sql::Error("unknown tokenizer option '" + option + "' (expected: diacritics, folded_index)");
    const bool is_diacritics = option == "diacritics";
    if (i + 1 >= nargs)
      throw sql::Error(is_diacritics ? "option 'diacritics' needs a value (smart, fold or keep)"
                                     : "option 'folded_index' needs a value (0 or 1)");
    std::string value = args[i + 1];
    const char*& given = is_diacritics ? diacritics : folded_index;
    if (given)
      throw sql::Error("option '" + option + "' is given twice ('" + std::string(given) + "', then '" + value + "')");
    given = args[i + 1];
    if (is_diacritics) {
      bool known = false;
      for (const auto& v : kDiacriticsValues)
        if (value == v.name) { options.diacritics = v.value; known = true; }
      if (!known)
        throw sql::Error("unknown value '" + value + "' for option 'diacritics' (expected smart, fold or keep)");
    } else {
      if (value != "0" && value != "1")
        throw sql::Error("unknown value '" + value + "' for option 'folded_index' (expected 0 or 1)");
      options.folded_index = value == "1";
    }
  }
  if (options.folded_index && options.diacritics != Diacritics::Smart)
    throw sql::Error("option 'folded_index 1' goes with 'diacritics smart' only, not '" + std::string(diacritics) +
                     "' (fold indexes folded forms already; keep never looks them up)");
  return options;
}

TokenizerOptions parse_tokenizer_options(std::string_view args) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < args.size()) {
    while (i < args.size() && (args[i] == ' ' || args[i] == '\t' || args[i] == '\n')) ++i;
    size_t start = i;
    while (i < args.size() && args[i] != ' ' && args[i] != '\t' && args[i] != '\n') ++i;
    if (i > start) words.emplace_back(args.substr(start, i - start));
  }
  // "vietnamese diacritics fold" is accepted too, as written in tokenize=.
  size_t first = !words.empty() && words[0] == "vietnamese" ? 1 : 0;
  std::vector<const char*> argv;
  for (size_t k = first; k < words.size(); ++k) argv.push_back(words[k].c_str());
  return parse_tokenizer_options(argv.data(), static_cast<int>(argv.size()));
}

// ---------------------------------------------------------------------------
// The token stream.

TokenStream::TokenStream(std::string_view text, TokenizerOptions options, bool query, bool prefix)
    : scanner_(text),
      options_(options),
      query_(query),
      prefix_(prefix),
      unaccented_text_(!query && options.diacritics == Diacritics::Smart && !has_diacritics(text)) {}

bool TokenStream::next(Token& token) {
  if (cut_) return false;
  if (next_colocated_ < colocated_.size()) {
    token.term = colocated_[next_colocated_++];
    token.begin = word_.begin;
    token.end = word_.end;
    token.colocated = true;
    return true;
  }
  if (!scanner_.next(word_)) return false;
  colocated_.clear();
  next_colocated_ = 0;
  token.begin = word_.begin;
  token.end = word_.end;
  token.colocated = false;
  switch (options_.diacritics) {
    case Diacritics::Keep:
      token.term = word_.lower;
      return within_query_bound();
    case Diacritics::Fold:
      token.term = word_.folded;
      return within_query_bound();
    case Diacritics::Smart:
      break;
  }
  // folded_index: an accented word's own spelling is written after
  // kExactMarker (documents and queries alike).
  const auto exact = [&]() -> std::string_view {
    if (!options_.folded_index) return word_.lower;
    exact_.assign(kExactMarker).append(word_.lower);
    return exact_;
  };
  if (query_) {
    if (word_.accented) {
      token.term = exact();
      colocated_.push_back(std::string(kUnaccentedMarker) + word_.folded);
    } else {
      token.term = word_.folded;
      // folded_index: every accented word indexes its folded form, the one
      // term to look up. Otherwise the first spelling is the folded word
      // itself, already emitted.
      if (!options_.folded_index && accented_spellings(word_.folded, prefix_, colocated_)) next_colocated_ = 1;
    }
    return within_query_bound();
  } else if (unaccented_text_) {
    token.term = word_.folded;
    colocated_.push_back(std::string(kUnaccentedMarker) + word_.folded);
  } else if (!word_.accented) {
    token.term = word_.lower;
  } else {
    token.term = exact();
    // folded_index: every accented word; otherwise those that an unaccented
    // query word does not expand into (not attested syllables).
    if (options_.folded_index || !word_.syllable) colocated_.push_back(word_.folded);
  }
  return true;
}

bool TokenStream::within_query_bound() {
  if (!query_) return true;
  // The word's own term and the synonyms still to emit; the first word
  // always (accented_spellings() gives at most 1,024).
  const size_t terms = 1 + colocated_.size() - next_colocated_;
  cut_ = terms_ > 0 && terms_ + terms > kMaxQueryTerms;
  terms_ += terms;
  return !cut_;
}

// ---------------------------------------------------------------------------
// FTS5 glue (the API that SQLite 3.40 has: fts5_api version 2, v1 tokenizers).

namespace {

struct VietnameseTokenizer {
  TokenizerOptions options;
};

int xCreate(void*, const char** args, int nargs, Fts5Tokenizer** out) {
  try {
    *out = reinterpret_cast<Fts5Tokenizer*>(new VietnameseTokenizer{parse_tokenizer_options(args, nargs)});
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (const std::exception& e) {
    // FTS5 (3.40) reports a fixed "error in tokenizer constructor"; the
    // details go to the SQLite error log. vn_tokens() reports them in full.
    sqlite3_log(SQLITE_ERROR, "vietnamese tokenizer: %s", e.what());
    return SQLITE_ERROR;
  }
}

void xDelete(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<VietnameseTokenizer*>(tokenizer); }

int xTokenize(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text, int size,
              int (*emit)(void*, int, const char*, int, int, int)) {
  try {
    const auto* self = reinterpret_cast<VietnameseTokenizer*>(tokenizer);
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    const bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
    TokenStream stream(std::string_view(text ? text : "", text ? static_cast<size_t>(size) : 0), self->options,
                       query, prefix);
    Token token;
    while (stream.next(token)) {
      int rc = emit(ctx, token.colocated ? FTS5_TOKEN_COLOCATED : 0, token.term.data(),
                    static_cast<int>(token.term.size()), static_cast<int>(token.begin),
                    static_cast<int>(token.end));
      if (rc != SQLITE_OK) return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    if (stream.cut())
      sqlite3_log(SQLITE_NOTICE, "vietnamese tokenizer: a query phrase gives more than %d terms; its words from byte %d on are not searched",
                  static_cast<int>(kMaxQueryTerms), static_cast<int>(stream.position()));
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

}  // namespace

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

int register_tokenizer(sqlite3* db, char** error) {
  fts5_api* api = fts5_api_of(db);
  // Any version from 2 on has xCreateTokenizer (3.47+ reports 3).
  if (!api || api->iVersion < 2) {
    *error = sqlite3_mprintf("vnsql: this SQLite has no FTS5 (version 2 or later) to register the tokenizer with");
    return SQLITE_ERROR;
  }
  static fts5_tokenizer tokenizer = {xCreate, xDelete, xTokenize};
  int rc = api->xCreateTokenizer(api, "vietnamese", nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK)
    *error = sqlite3_mprintf("vnsql: cannot register the tokenizer vietnamese: %s", sqlite3_errstr(rc));
  return rc;
}

// ---------------------------------------------------------------------------
// vn_tokens(text [, options]): one row per token, as the tokenizer indexes it.

namespace {

class TokenRows : public RowSource {
 public:
  TokenRows(std::string_view text, TokenizerOptions options) : stream_(text, options, /*query=*/false) {}
  bool next(Row& row) override {
    Token token;
    if (!stream_.next(token)) return false;
    row.resize(4);
    row[0] = std::string(token.term);
    row[1] = static_cast<int64_t>(token.begin);
    row[2] = static_cast<int64_t>(token.end);
    row[3] = static_cast<int64_t>(token.colocated);
    return true;
  }

 private:
  TokenStream stream_;  // points into the argument (see TableFunction::open)
};

std::unique_ptr<RowSource> open_tokens(sqlite3_value** args, int argc) {
  auto text = sql::text_arg(args[0]);
  if (!text) return std::make_unique<VectorRowSource>(std::vector<Row>{});
  TokenizerOptions options;
  if (argc > 1) {
    if (auto spec = sql::text_arg(args[1])) options = parse_tokenizer_options(*spec);
  }
  return std::make_unique<TokenRows>(*text, options);
}

}  // namespace

const TableFunction kTokensFunction = {
    "vn_tokens", "term, start, end, colocated", {"text", "options"}, 1, open_tokens};

}  // namespace vnsql
