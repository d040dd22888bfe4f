// The `vietnamese` tokenizer (vnsql::TokenStream) in every diacritics mode and
// with folded_index 1, for documents, queries and prefix queries. On each
// input: offsets inside the text, on character boundaries, begin never
// decreasing; a colocated token repeats the previous token's position; a
// valid text gives the same terms as its NFD form; and folded_index 1 indexes
// smart mode's terms (plus colocated folded forms) and looks up an unaccented
// query word as one term.
#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "tokenizer.h"

namespace {

using vnsql::Diacritics;
using vnsql::fuzz::char_boundaries;

// A word of combining marks alone (the open bug tokenizer-empty-term).
bool only_marks(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    utf8proc_category_t c = utf8proc_category(static_cast<utf8proc_int32_t>(vnsql::utf8::decode(word, i)));
    if (c != UTF8PROC_CATEGORY_MN && c != UTF8PROC_CATEGORY_MC && c != UTF8PROC_CATEGORY_ME) return false;
  }
  return true;
}

// Each term, with "+" before it when colocated.
std::vector<std::string> terms_of(std::string_view text, vnsql::TokenizerOptions options, bool query, bool prefix) {
  vnsql::TokenStream stream(text, options, query, prefix);
  std::vector<bool> boundary = char_boundaries(text);
  std::vector<std::string> terms;
  vnsql::Token token, previous;
  bool first = true;
  while (stream.next(token)) {
    FUZZ_CHECK(token.begin < token.end);
    FUZZ_CHECK(token.end <= text.size());
    FUZZ_CHECK(boundary[token.begin] && boundary[token.end]);
    if (only_marks(text.substr(token.begin, token.end - token.begin)))
      FUZZ_CHECK(!token.term.empty());
    else
      FUZZ_CHECK(!token.term.empty());
    FUZZ_CHECK(vnsql::fuzz::valid_utf8(token.term));
    if (first) {
      FUZZ_CHECK(!token.colocated);
    } else {
      FUZZ_CHECK(token.begin >= previous.begin);
      if (token.colocated) FUZZ_CHECK(token.begin == previous.begin && token.end == previous.end);
      else FUZZ_CHECK(token.begin >= previous.end);
    }
    terms.push_back((token.colocated ? "+" : "") + std::string(token.term));
    previous = token;
    first = false;
  }
  return terms;
}

// NFD of valid UTF-8 (utf8proc reads the given length, NULs included); false if invalid.
bool nfd(std::string_view text, std::string& out) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
  if (n < 0) return false;
  out.assign(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string decomposed;
  bool has_nfd = vnsql::fuzz::valid_utf8(text) && nfd(text, decomposed) && decomposed != text;
  struct Flags { bool query, prefix; };
  const vnsql::TokenizerOptions all[] = {{Diacritics::Smart, false}, {Diacritics::Fold, false},
                                         {Diacritics::Keep, false}, {Diacritics::Smart, true}};
  for (vnsql::TokenizerOptions options : all) {
    for (Flags f : {Flags{false, false}, Flags{true, false}, Flags{true, true}}) {
      std::vector<std::string> terms = terms_of(text, options, f.query, f.prefix);
      if (!has_nfd) continue;
      FUZZ_CHECK(terms_of(decomposed, options, f.query, f.prefix) == terms);  // a text and its NFD form alike
    }
  }
  // folded_index 1: a document's own terms are smart mode's (an accented one
  // after kExactMarker), each accented one followed by its folded form; an
  // unaccented query word is one term.
  std::vector<std::string> smart = terms_of(text, all[0], false, false), folded = terms_of(text, all[3], false, false);
  std::vector<std::string> own;
  for (const std::string& t : folded)
    if (t[0] != '+') own.push_back(t.compare(0, vnsql::kExactMarker.size(), vnsql::kExactMarker) == 0
                                       ? t.substr(vnsql::kExactMarker.size())
                                       : t);
  std::vector<std::string> smart_own;
  for (const std::string& t : smart)
    if (t[0] != '+') smart_own.push_back(t);
  FUZZ_CHECK(own == smart_own);
  for (bool prefix : {false, true}) {
    std::vector<std::string> q = terms_of(text, all[3], true, prefix);
    for (size_t i = 0; i < q.size(); ++i)
      if (q[i][0] == '+') FUZZ_CHECK(i > 0 && q[i].compare(1, 1, vnsql::kUnaccentedMarker) == 0);
  }
  return 0;
}
