#include "normalize.h"

#include <utf8proc.h>

#include <array>
#include <vector>

#include "sql_util.h"
#include "utf8.h"

namespace vnsql {
namespace {

// ---------------------------------------------------------------------------
// Knowledge: Vietnamese marks and letters.

// Tone marks in ICU's Vietnamese collation order (0 = no tone).
constexpr std::array<char32_t, 6> kToneMarks = {0, 0x0300 /* huyền */, 0x0309 /* hỏi */,
                                                0x0303 /* ngã */, 0x0301 /* sắc */, 0x0323 /* nặng */};

// Vowel marks that are part of the letter: base + mark = letter.
struct VowelMark {
  char32_t base, mark, letter;
};
constexpr VowelMark kVowelMarks[] = {
    {U'a', 0x0306, U'ă'}, {U'a', 0x0302, U'â'}, {U'e', 0x0302, U'ê'},
    {U'o', 0x0302, U'ô'}, {U'o', 0x031B, U'ơ'}, {U'u', 0x031B, U'ư'},
};

// Letters that stand for đ/Đ in badly converted text (Icelandic eth, African D).
struct LookAlike {
  char32_t cp;
  bool upper;
};
constexpr LookAlike kDLookAlikes[] = {{0x0110, true}, {0x0111, false}, {0x00D0, true},
                                      {0x00F0, false}, {0x0189, true}, {0x0256, false}};

constexpr char32_t kVowels[] = {U'a', U'ă', U'â', U'e', U'ê', U'i', U'o', U'ô', U'ơ', U'u', U'ư', U'y'};
constexpr char32_t kMarkedVowels[] = {U'ă', U'â', U'ê', U'ô', U'ơ', U'ư'};

// Syllable onsets and codas (lower case, no marks but đ).
constexpr std::u32string_view kOnsets[] = {U"", U"b", U"c", U"ch", U"d", U"đ", U"g", U"gh", U"gi", U"h",
                                           U"k", U"kh", U"l", U"m", U"n", U"ng", U"ngh", U"nh", U"p",
                                           U"ph", U"qu", U"r", U"s", U"t", U"th", U"tr", U"v", U"x"};
constexpr std::u32string_view kCodas[] = {U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};

// ---------------------------------------------------------------------------
// Per-code-point table, built once from utf8proc (thread-safe static init).

enum class Kind : uint8_t { Separator, Letter, Number, ToneMark, VowelMarkKind, OtherMark };

struct CharInfo {
  char32_t lower = 0;  // letters: lower case, tone removed, vowel mark kept
  char32_t fold = 0;   // letters: lower case, every mark removed
  uint8_t tone = 0;    // index into kToneMarks
  Kind kind = Kind::Separator;
  bool upper = false;
  bool opaque = false;  // a letter outside the Vietnamese model: kept as it is
};

constexpr char32_t kTableSize = 0x2000;  // Latin, Greek, Cyrillic, combining marks, Latin Extended Additional

int tone_index(char32_t mark) {
  if (mark == 0x0340) return 1;  // deprecated grave tone mark, canonically U+0300
  if (mark == 0x0341) return 4;  // deprecated acute tone mark, canonically U+0301
  for (int t = 1; t < 6; ++t)
    if (kToneMarks[t] == mark) return t;
  return 0;
}

char32_t apply_vowel_mark(char32_t base, char32_t mark) {
  for (const auto& v : kVowelMarks)
    if (v.base == base && v.mark == mark) return v.letter;
  return 0;
}

CharInfo classify_slow(char32_t cp) {
  CharInfo info;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      info.kind = Kind::Letter;
      break;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: {
      int t = tone_index(cp);
      info.kind = t ? Kind::ToneMark
                    : (cp == 0x0302 || cp == 0x0306 || cp == 0x031B) ? Kind::VowelMarkKind : Kind::OtherMark;
      info.tone = static_cast<uint8_t>(t);
      info.lower = info.fold = cp;
      return info;
    }
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      info.kind = Kind::Number;
      info.lower = info.fold = cp;
      return info;
    default:
      return info;
  }
  const auto lower = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
  info.upper = lower != cp;
  info.lower = lower;
  info.fold = lower;
  info.opaque = true;
  // Letters whose canonical decomposition is an ASCII letter plus Vietnamese
  // marks enter the syllable model; others keep their marks in `lower`.
  utf8proc_int32_t parts[8];
  int last_boundclass = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts, 8,
                                               UTF8PROC_DECOMPOSE, &last_boundclass);
  if (n <= 1) {
    info.opaque = lower > 0x7F;  // plain ASCII letters take part in syllables
    return info;
  }
  auto base = static_cast<char32_t>(utf8proc_tolower(parts[0]));
  info.fold = base;
  if (base > 0x7F) return info;
  char32_t letter = base;
  for (utf8proc_ssize_t i = 1; i < n; ++i) {
    auto mark = static_cast<char32_t>(parts[i]);
    int t = tone_index(mark);
    if (t && !info.tone) {
      info.tone = static_cast<uint8_t>(t);
    } else if (char32_t marked = letter == base ? apply_vowel_mark(base, mark) : 0) {
      letter = marked;
    } else {
      info.tone = 0;
      return info;  // a mark the model does not know (ç, å, ǎ): stays opaque
    }
  }
  info.lower = letter;
  info.opaque = false;
  return info;
}

struct Tables {
  std::array<CharInfo, kTableSize> info;
  // compose[letter][tone]: the precomposed lower-case letter, for letters < 0x250.
  std::array<std::array<char32_t, 6>, 0x250> compose{};
  std::array<char32_t, kTableSize> upper{};

  Tables() {
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      info[cp] = classify_slow(cp);
      upper[cp] = static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
    }
    for (const auto& d : kDLookAlikes) {
      CharInfo& c = info[d.cp];
      c = CharInfo{};
      c.kind = Kind::Letter;
      c.lower = 0x0111;
      c.fold = U'd';
      c.upper = d.upper;
    }
    for (char32_t l = 0; l < 0x250; ++l) compose[l][0] = l;
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      const CharInfo& c = info[cp];
      if (c.kind == Kind::Letter && !c.opaque && !c.upper && c.tone && c.lower < 0x250)
        compose[c.lower][c.tone] = cp;
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

inline CharInfo char_info(char32_t cp) {
  if (cp < kTableSize) return tables().info[cp];
  return classify_slow(cp);
}

inline char32_t to_upper(char32_t cp) {
  if (cp < kTableSize) return tables().upper[cp];
  return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
}

// ---------------------------------------------------------------------------
// Words as glyphs: a letter with its tone, or a number, or a stray mark.

struct Glyph {
  char32_t original;  // the code point as written (opaque letters, numbers, marks)
  char32_t lower;     // see CharInfo
  char32_t fold;      // 0 for marks, which folding drops
  uint8_t tone;
  bool upper;
  Kind kind;
  bool opaque;
};

bool contains(const char32_t* begin, const char32_t* end, char32_t c) {
  for (const char32_t* p = begin; p != end; ++p)
    if (*p == c) return true;
  return false;
}
bool is_vowel(char32_t c) { return contains(std::begin(kVowels), std::end(kVowels), c); }
bool is_marked_vowel(char32_t c) { return contains(std::begin(kMarkedVowels), std::end(kMarkedVowels), c); }

bool in_list(const std::u32string_view* begin, const std::u32string_view* end, std::u32string_view s) {
  for (const auto* p = begin; p != end; ++p)
    if (*p == s) return true;
  return false;
}

// Index (into the letters) where the tone of a syllable belongs, or -1 if the
// letters do not form a Vietnamese syllable.
int tone_position(const char32_t* s, int n) {
  if (n == 0 || n > 8) return -1;
  int i = 0;
  while (i < n && !is_vowel(s[i])) ++i;
  // qu and gi: the u/i belongs to the onset when another vowel follows.
  if (i == 1 && s[0] == U'q' && i < n && s[i] == U'u') ++i;
  else if (i == 1 && s[0] == U'g' && i + 1 < n && s[i] == U'i' && is_vowel(s[i + 1])) ++i;
  if (!in_list(std::begin(kOnsets), std::end(kOnsets), std::u32string_view(s, static_cast<size_t>(i)))) return -1;
  int j = i;
  while (j < n && is_vowel(s[j])) ++j;
  const int nucleus = j - i;
  if (nucleus == 0 || nucleus > 3) return -1;
  if (!in_list(std::begin(kCodas), std::end(kCodas), std::u32string_view(s + j, static_cast<size_t>(n - j))))
    return -1;
  if (nucleus == 1) return i;
  for (int k = j - 1; k >= i; --k)
    if (is_marked_vowel(s[k])) return k;  // the marked vowel; ơ in ươ
  if (j < n) return j - 1;                 // closed syllable: hoàn, toán, huỳnh
  return nucleus == 2 ? i : i + 1;         // open: hòa, thủy, của; ngoài, khuỷu
}

// Parses the code points of one word into glyphs. A combining mark that cannot
// be attached to its letter becomes a glyph of its own and is kept as written.
void to_glyphs(std::string_view word, std::vector<Glyph>& glyphs) {
  glyphs.clear();
  for (size_t i = 0; i < word.size();) {
    char32_t cp = utf8::decode(word, i);
    CharInfo c = char_info(cp);
    if (c.kind == Kind::ToneMark || c.kind == Kind::VowelMarkKind) {
      // A combining mark from decomposed input: attach it to its letter.
      if (!glyphs.empty() && glyphs.back().kind == Kind::Letter && !glyphs.back().opaque) {
        Glyph& g = glyphs.back();
        if (c.kind == Kind::ToneMark && !g.tone) { g.tone = c.tone; continue; }
        if (c.kind == Kind::VowelMarkKind && g.lower == g.fold) {
          if (char32_t marked = apply_vowel_mark(g.lower, cp)) { g.lower = marked; continue; }
        }
      }
      glyphs.push_back({cp, cp, 0, 0, false, Kind::OtherMark, true});
      continue;
    }
    if (c.kind == Kind::OtherMark) {
      glyphs.push_back({cp, cp, 0, 0, false, Kind::OtherMark, true});
      continue;
    }
    glyphs.push_back({cp, c.lower, c.fold, c.tone, c.upper, c.kind, c.opaque});
  }
}

// Moves the single tone of a syllable to its canonical vowel. Words with no
// tone, several tones, stray marks or non-syllable letters are left alone.
void place_tone(std::vector<Glyph>& glyphs) {
  if (glyphs.size() > 8) return;
  char32_t letters[8];
  int toned = -1, n = 0;
  for (const Glyph& g : glyphs) {
    if (g.kind != Kind::Letter || g.opaque) return;
    if (g.tone) {
      if (toned >= 0) return;
      toned = n;
    }
    letters[n++] = g.lower;
  }
  if (toned < 0) return;
  int target = tone_position(letters, n);
  if (target < 0 || target == toned) return;
  glyphs[static_cast<size_t>(target)].tone = glyphs[static_cast<size_t>(toned)].tone;
  glyphs[static_cast<size_t>(toned)].tone = 0;
}

void append_composed(std::string& out, const Glyph& g, bool keep_case) {
  if (g.kind != Kind::Letter || g.opaque) {
    utf8::append(out, keep_case || g.kind != Kind::Letter ? g.original : g.lower);
    return;
  }
  char32_t c = g.lower;
  if (g.tone) {
    char32_t composed = g.lower < 0x250 ? tables().compose[g.lower][g.tone] : 0;
    if (!composed) {  // no precomposed form: letter + combining tone is NFC
      utf8::append(out, keep_case && g.upper ? to_upper(c) : c);
      utf8::append(out, kToneMarks[g.tone]);
      return;
    }
    c = composed;
  }
  if (keep_case && g.upper) c = to_upper(c);
  utf8::append(out, c);
}

enum class Form { Normalized, Lower, Folded, Unaccented };

bool needs_nfc(const std::vector<Glyph>& glyphs) {
  for (const Glyph& g : glyphs)
    if (g.kind == Kind::OtherMark) return true;
  return false;
}

std::string nfc(std::string_view s, bool casefold) {
  utf8proc_uint8_t* out = nullptr;
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | (casefold ? UTF8PROC_CASEFOLD : 0);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(s);  // cannot happen on sanitized input; keep the text
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  free(out);
  return result;
}

void append_form(std::string& out, const std::vector<Glyph>& glyphs, Form form) {
  if (form == Form::Folded || form == Form::Unaccented) {
    for (const Glyph& g : glyphs) {
      if (g.kind == Kind::OtherMark || g.kind == Kind::ToneMark || g.kind == Kind::VowelMarkKind) continue;
      char32_t c = g.fold;
      if (form == Form::Unaccented && g.upper) c = to_upper(c);
      utf8::append(out, c);
    }
    return;
  }
  const bool keep_case = form == Form::Normalized;
  if (!needs_nfc(glyphs)) {
    for (const Glyph& g : glyphs) append_composed(out, g, keep_case);
    return;
  }
  std::string tmp;
  for (const Glyph& g : glyphs) append_composed(tmp, g, keep_case);
  out += nfc(tmp, !keep_case);
}

// Applies `form` to every word of a text; separators are copied as they are
// (invalid bytes become U+FFFD).
std::string transform(std::string_view text, Form form) {
  std::string out;
  out.reserve(text.size());
  std::vector<Glyph> glyphs;
  size_t i = 0;
  while (i < text.size()) {
    // Copy separators through.
    size_t start = i;
    char32_t cp = utf8::decode(text, i);
    if (!is_word_char(cp)) {
      if (cp == utf8::kReplacement && !(i - start == 3)) utf8::append(out, cp);
      else out.append(text.data() + start, i - start);
      continue;
    }
    size_t end = i;
    while (end < text.size()) {
      size_t next = end;
      if (!is_word_char(utf8::decode(text, next))) break;
      end = next;
    }
    i = end;
    to_glyphs(text.substr(start, end - start), glyphs);
    place_tone(glyphs);
    append_form(out, glyphs, form);
  }
  return out;
}

}  // namespace

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9');
  if (cp == utf8::kReplacement) return false;
  return char_info(cp).kind != Kind::Separator;
}

std::string normalize(std::string_view text) { return transform(text, Form::Normalized); }
std::string unaccent(std::string_view text) { return transform(text, Form::Unaccented); }
std::string lower(std::string_view text) { return transform(text, Form::Lower); }
std::string fold(std::string_view text) { return transform(text, Form::Folded); }

bool has_vietnamese_diacritics(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }
    char32_t cp = utf8::decode(text, i);
    CharInfo c = char_info(cp);
    if (c.kind == Kind::ToneMark || c.kind == Kind::VowelMarkKind) return true;
    if (c.kind == Kind::Letter && !c.opaque && (c.tone || c.lower != c.fold)) return true;
  }
  return false;
}

bool WordScanner::next(Word& word) {
  // Skip separators.
  size_t start = pos_;
  while (start < text_.size()) {
    size_t next = start;
    if (is_word_char(utf8::decode(text_, next))) break;
    start = next;
  }
  if (start >= text_.size()) { pos_ = text_.size(); return false; }
  size_t end = start;
  bool ascii = true;
  while (end < text_.size()) {
    size_t next = end;
    if (!is_word_char(utf8::decode(text_, next))) break;
    ascii = ascii && next == end + 1;
    end = next;
  }
  pos_ = end;
  word.begin = start;
  word.end = end;
  word.lower.clear();
  word.folded.clear();
  std::string_view w = text_.substr(start, end - start);
  if (ascii) {  // fast path: ASCII letters and digits
    word.lower.resize(w.size());
    for (size_t k = 0; k < w.size(); ++k) {
      char c = w[k];
      word.lower[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    word.folded = word.lower;
    word.accented = false;
    return true;
  }
  thread_local std::vector<Glyph> glyphs;
  to_glyphs(w, glyphs);
  place_tone(glyphs);
  append_form(word.lower, glyphs, Form::Lower);
  append_form(word.folded, glyphs, Form::Folded);
  word.accented = word.lower != word.folded;
  return true;
}

// ---------------------------------------------------------------------------
// SQL wrappers.

namespace {
template <std::string (*F)(std::string_view)>
void text_function(sqlite3_context* ctx, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    auto text = sql::text_arg(argv[0]);
    if (!text) return sqlite3_result_null(ctx);
    sql::result_text(ctx, F(*text));
  });
}
}  // namespace

void sql_vn_normalize(sqlite3_context* ctx, int, sqlite3_value** argv) { text_function<normalize>(ctx, argv); }
void sql_vn_unaccent(sqlite3_context* ctx, int, sqlite3_value** argv) { text_function<unaccent>(ctx, argv); }

}  // namespace vnsql
