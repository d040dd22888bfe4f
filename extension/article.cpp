#include "article.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "chars.h"
#include "data/abbreviations.h"
#include "data/page_lines.h"
#include "dates.h"
#include "normalize.h"
#include "sql_util.h"
#include "utf8.h"

namespace vnsql {
namespace {

// ---------------------------------------------------------------------------
// Knowledge: the lines of a news page around the article (furniture, trailer,
// credits, date lines: data/page_lines.tsv) and the capitals before a dash
// that are no agency (data/abbreviations.tsv), read once below (PageWords).

// A dash written against the next word ("LSO-Chiều nay") also joins compounds
// ("VN-Index", "AV-Test"): such an agency needs this many characters.
constexpr size_t kMinAttachedAgency = 3;

constexpr size_t kHeadLines = 5;          // the head of an article, where its dateline is
constexpr size_t kDatelineLines = 10;      // datelines are looked for in the first paragraphs
constexpr size_t kShortLineBytes = 160;   // longer lines are text, never boilerplate
constexpr size_t kMinLinesBeforeTrailer = 2;  // a title and a paragraph

// ---------------------------------------------------------------------------
// Lines.

struct Line {
  size_t begin, end;     // the line, without its newline
  std::string_view text; // trimmed
};

// Bytes of the code point that starts s if `is` holds for it, else 0.
template <class Class>
size_t leading(std::string_view s, Class is) {
  size_t i = 0;
  return !s.empty() && is(utf8::decode(s, i)) ? i : 0;
}

// Bytes of the code point that ends s if `is` holds for it, else 0.
template <class Class>
size_t trailing(std::string_view s, Class is) {
  size_t start = s.size();
  while (start > 0 && s.size() - start < 3 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  size_t i = --start;
  return is(utf8::decode(s, i)) && i == s.size() ? i - start : 0;
}

// Bytes of white space at the start and at the end of s (chars.h).
size_t space_prefix(std::string_view s) {
  size_t i = 0;
  while (size_t n = leading(s.substr(i), chars::is_space)) i += n;
  return i;
}

size_t space_suffix(std::string_view s) {
  size_t n = 0;
  while (size_t k = trailing(s.substr(0, s.size() - n), chars::is_space)) n += k;
  return n;
}

std::string_view trim(std::string_view s) {
  s.remove_prefix(space_prefix(s));
  s.remove_suffix(space_suffix(s));
  return s;
}

// Splits the text into lines, one pass.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  bool next(Line& line) {
    if (done_) return false;
    size_t nl = text_.find('\n', pos_);
    size_t end = nl == std::string_view::npos ? text_.size() : nl;
    line = {pos_, end, trim(text_.substr(pos_, end - pos_))};
    if (nl == std::string_view::npos) done_ = true;
    else pos_ = nl + 1;
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  bool done_ = false;
};

// The folded words of a line, joined by single spaces, and how many there are.
struct LineKey {
  std::string words;
  size_t count = 0;
};

LineKey key_of(std::string_view line) {
  LineKey key;
  WordScanner scanner(line);
  Word w;
  while (scanner.next(w)) {
    if (key.count++) key.words += ' ';
    key.words += w.folded;
  }
  return key;
}

// A phrase of page_lines.tsv: a line matches it when the line's words start
// with the phrase's and it has at most `max_words` words.
struct LinePhrase {
  LineKey key;
  size_t max_words;
};

bool matches(const LineKey& key, const LinePhrase& phrase) {
  const std::string& words = phrase.key.words;
  if (key.count == 0 || key.count > phrase.max_words) return false;
  if (key.words.compare(0, words.size(), words) != 0) return false;
  return key.words.size() == words.size() || key.words[words.size()] == ' ';
}

// The first of `phrases` that the line matches, or null.
const LinePhrase* match(const LineKey& key, const std::vector<LinePhrase>& phrases) {
  for (const auto& p : phrases)
    if (matches(key, p)) return &p;
  return nullptr;
}

struct PageWords {
  std::vector<LinePhrase> furniture, trailer, credit_labels, credits, follows;
  std::vector<std::string> date_line_words;  // folded
  std::vector<std::string> not_agencies;     // in capitals

  PageWords() {
    namespace lines = data::page_lines;
    for (const lines::Row& row : lines::kRows) {
      LinePhrase phrase{key_of(row.entry), *row.max_words ? std::stoul(row.max_words) : SIZE_MAX};
      auto add_to = [&](std::vector<LinePhrase>& list, const char* name) {
        if (lines::has_class(row, name)) list.push_back(phrase);
      };
      add_to(furniture, "furniture");
      add_to(trailer, "trailer");
      add_to(credit_labels, "credit-label");
      add_to(credits, "credit");
      add_to(follows, "follow");
      if (lines::has_class(row, "date-line")) date_line_words.push_back(phrase.key.words);
    }
    for (std::string capitals : data::abbreviations::kNotAgency) {
      for (char& c : capitals)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      not_agencies.push_back(std::move(capitals));
    }
  }
};

const PageWords& page_words() {
  static const PageWords words;
  return words;
}

// True if the line is a date with nothing but weekday and time words beside it.
bool is_date_line(std::string_view line) {
  if (line.size() > kShortLineBytes) return false;
  DateScanner dates(line, /*with_yearless=*/true);
  DateMatch date;
  if (!dates.next(date)) return false;
  WordScanner scanner(line);
  Word w;
  while (scanner.next(w)) {
    if (w.begin >= date.begin && w.end <= date.end) continue;
    bool numeric = w.folded.find_first_not_of("0123456789") == std::string::npos;
    bool known = false;
    for (const std::string& word : page_words().date_line_words) known = known || w.folded == word;
    if (!numeric && !known) return false;
  }
  return true;
}

// The text of a line after its first `words` words and the punctuation and space that follow them.
std::string_view after_words(std::string_view line, size_t words) {
  WordScanner scanner(line);
  Word w;
  size_t end = 0;
  for (size_t k = 0; k < words && scanner.next(w); ++k) end = w.end;
  std::string_view rest = line.substr(end);
  auto separates = [](char32_t c) { return c == ':' || chars::is_space(c) || chars::is_dash(c); };
  while (size_t n = leading(rest, separates)) rest.remove_prefix(n);
  return trim(rest);
}

std::string_view strip_parentheses(std::string_view s) {
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') return trim(s.substr(1, s.size() - 2));
  return s;
}

// The agency of a dateline opening a paragraph: "VOV.VN - ...", "LSO-...",
// "(TTXVN) - ...", "(Chinhphu.vn) - ...". ASCII capitals, digits and dots
// (or a domain name), then a dash.
std::string_view dateline_agency(std::string_view line) {
  size_t i = 0;
  bool paren = !line.empty() && line[0] == '(';
  if (paren) ++i;
  size_t begin = i;
  size_t upper = 0, lower = 0, dots = 0;
  for (; i < line.size(); ++i) {
    char c = line[i];
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
    else if (c == '.') ++dots;
    else if (!(c >= '0' && c <= '9')) break;
  }
  std::string_view agency = line.substr(begin, i - begin);
  if (agency.size() < 2 || agency.size() > 24 || agency.back() == '.') return {};
  if (!(upper >= 2 && lower == 0) && !(dots > 0 && upper + lower >= 4)) return {};
  if (paren) {
    if (i >= line.size() || line[i] != ')') return {};
    ++i;
  }
  size_t spaces = i;
  while (size_t n = leading(line.substr(i), chars::is_space)) i += n;
  bool spaced = i > spaces;
  std::string_view rest = line.substr(i);
  size_t dash = leading(rest, chars::is_dash);
  if (!dash) return {};
  for (const std::string& word : page_words().not_agencies)
    if (agency == word) return {};
  rest.remove_prefix(dash);
  if (!spaced && !paren && !leading(rest, chars::is_space)) {
    // "LSO-Chiều nay": the next word is a capitalized word, not more capitals ("PGS-TS").
    if (agency.size() < kMinAttachedAgency) return {};
    if (rest.size() >= 2 && rest[0] >= 'A' && rest[0] <= 'Z' && rest[1] >= 'A' && rest[1] <= 'Z') return {};
  }
  return agency;
}

}  // namespace

// ---------------------------------------------------------------------------

std::string article_title(std::string_view text) {
  LineReader lines(text);
  Line line;
  std::string_view title;
  while (lines.next(line)) {
    if (line.text.empty()) continue;
    if (title.empty()) {
      if (line.text.size() <= kShortLineBytes &&
          (match(key_of(line.text), page_words().furniture) || is_date_line(line.text)))
        continue;
      title = line.text;
      if (has_diacritics(title)) break;
      continue;  // unaccented: maybe a slug of the next line
    }
    // `title` has no diacritics; the next line may be the same title written properly.
    LineKey slug = key_of(title), next = key_of(line.text);
    if (has_diacritics(line.text) && next.words.compare(0, slug.words.size(), slug.words) == 0)
      title = line.text;
    break;
  }
  return std::string(title);
}

std::string article_published(std::string_view text) {
  // The article's own date is on a line of its own at the head: a dateline or
  // publication line ("Thứ sáu, 22/03/2019", "Cập nhật: 10:20 | 12/05/2017").
  // Any other date (a title's, the body's: a birthday, 1945, the day a decree
  // takes effect) says when something else happened, so it is never taken.
  LineReader lines(text);
  Line line;
  for (size_t seen = 0; seen < kHeadLines && lines.next(line);) {
    if (line.text.empty()) continue;
    ++seen;
    if (!is_date_line(line.text)) continue;
    DateScanner dates(line.text, /*with_yearless=*/true);
    DateMatch date;
    dates.next(date);
    return date.year && date.day ? date.iso() : "";  // "Thứ sáu, 22/3": no year written, no guess
  }
  return "";
}

std::string article_source(std::string_view text) {
  enum Rank { kNone, kFollow, kDateline, kCredit };
  Rank best = kNone;
  std::string_view source;
  LineReader lines(text);
  Line line;
  size_t nonempty = 0;
  while (lines.next(line) && best != kCredit) {
    if (line.text.empty()) continue;
    ++nonempty;
    // Datelines open paragraphs, not the title ("MU – Watford: ...").
    if (best < kDateline && nonempty > 1 && nonempty <= kDatelineLines) {
      if (auto agency = dateline_agency(line.text); !agency.empty()) {
        best = kDateline;
        source = agency;
        continue;
      }
    }
    if (line.text.size() > kShortLineBytes) continue;
    std::string_view credit = strip_parentheses(line.text);
    LineKey key = key_of(credit);
    if (key.count < 2) continue;
    const PageWords& words = page_words();
    if (const LinePhrase* follow = match(key, words.follows)) {
      if (best < kFollow) { best = kFollow; source = after_words(credit, follow->key.count); }
      continue;
    }
    // "Nguồn: thainguyen.gov.vn" (a colon soon after), "Theo VnExpress" (no comma).
    const LinePhrase* labeled = credit.find(':') < 12 ? match(key, words.credit_labels) : nullptr;
    const LinePhrase* theo = credit.find(',') == std::string_view::npos ? match(key, words.credits) : nullptr;
    if (const LinePhrase* label = labeled ? labeled : theo) {
      best = kCredit;
      source = after_words(credit, label->key.count);
    }
  }
  return std::string(source);
}

std::string article_body(std::string_view text) {
  // Short lines with the next non-empty line equal to them: related headlines.
  LineReader lines(text);
  Line line;
  std::vector<Line> short_lines;  // short non-empty lines, in order (for the repeated-headline rule)
  size_t nonempty = 0, cut = text.size();
  std::string_view previous;
  size_t previous_begin = 0;
  size_t pairs = 0, first_pair = text.size();
  while (lines.next(line)) {
    if (line.text.empty()) continue;
    ++nonempty;
    bool is_short = line.text.size() <= kShortLineBytes;
    if (is_short && nonempty > kMinLinesBeforeTrailer && match(key_of(line.text), page_words().trailer)) {
      cut = line.begin;
      break;
    }
    // A headline repeated on the next line (link text, then heading) starts a related-article list.
    if (is_short && line.text == previous && line.text.back() != '.' && previous_begin >= text.size() / 3 &&
        nonempty > kMinLinesBeforeTrailer + 1) {
      if (pairs++ == 0) first_pair = previous_begin;
    }
    previous = line.text;
    previous_begin = line.begin;
  }
  if (pairs >= 2 && first_pair < cut) cut = first_pair;
  std::string_view body = text.substr(0, cut);
  // Drop trailing blank lines and spaces.
  body.remove_suffix(space_suffix(body));
  while (!body.empty() && body.back() == '\n') {
    body.remove_suffix(1);
    body.remove_suffix(space_suffix(body));
  }
  return std::string(body);
}

// ---------------------------------------------------------------------------
// SHA-256 (FIPS 180-4). The sqlite3 shell has sha3() but no sha256(), and
// documents.sha256 is meant to match `sha256sum FILE`.

namespace {
constexpr uint32_t kSha256K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void sha256_block(uint32_t h[8], const unsigned char* p) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = (uint32_t(p[4 * i]) << 24) | (uint32_t(p[4 * i + 1]) << 16) | (uint32_t(p[4 * i + 2]) << 8) | p[4 * i + 3];
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (int i = 0; i < 64; ++i) {
    uint32_t t1 = k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kSha256K[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size(), full = n / 64 * 64;
  for (size_t i = 0; i < full; i += 64) sha256_block(h, p + i);
  unsigned char tail[128] = {};
  size_t rest = n - full;
  for (size_t i = 0; i < rest; ++i) tail[i] = p[full + i];
  tail[rest] = 0x80;
  size_t tail_len = rest + 9 <= 64 ? 64 : 128;
  uint64_t bits = static_cast<uint64_t>(n) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  for (size_t i = 0; i < tail_len; i += 64) sha256_block(h, tail + i);
  std::string hex(64, '0');
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 8; ++j) hex[i * 8 + j] = kHex[(h[i] >> (28 - 4 * j)) & 0xF];
  return hex;
}

// ---------------------------------------------------------------------------
// SQL wrappers: NULL gives NULL; a field that is not found gives NULL.

namespace {
template <std::string (*F)(std::string_view)>
void field_function(sqlite3_context* ctx, sqlite3_value** argv, bool empty_is_null) {
  sql::guarded(ctx, [&] {
    auto text = sql::text_arg(argv[0]);
    if (!text) return sqlite3_result_null(ctx);
    std::string value = F(*text);
    if (empty_is_null && value.empty()) return sqlite3_result_null(ctx);
    // The fields are cut from the input as it is: invalid bytes must not reach SQLite as TEXT.
    sql::result_text(ctx, utf8::is_valid(value) ? value : utf8::sanitize(value));
  });
}
}  // namespace

void sql_vn_article_title(sqlite3_context* ctx, int, sqlite3_value** argv) {
  field_function<article_title>(ctx, argv, true);
}
void sql_vn_article_published(sqlite3_context* ctx, int, sqlite3_value** argv) {
  field_function<article_published>(ctx, argv, true);
}
void sql_vn_article_source(sqlite3_context* ctx, int, sqlite3_value** argv) {
  field_function<article_source>(ctx, argv, true);
}
void sql_vn_article_body(sqlite3_context* ctx, int, sqlite3_value** argv) {
  field_function<article_body>(ctx, argv, false);
}

void sql_vn_sha256(sqlite3_context* ctx, int, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    // Bytes as stored: a BLOB's bytes, or the UTF-8 of a text (numbers as their text).
    const void* data = sqlite3_value_blob(argv[0]);
    int size = sqlite3_value_bytes(argv[0]);
    sql::result_text(ctx, sha256_hex(std::string_view(static_cast<const char*>(data), static_cast<size_t>(size))));
  });
}

}  // namespace vnsql
