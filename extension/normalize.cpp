#include "normalize.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <vector>

#include "data/attested_syllables.h"
#include "data/syllables.h"
#include "chars.h"
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

constexpr char32_t kVowels[] = {U'a', U'ă', U'â', U'e', U'ê', U'i', U'o', U'ô', U'ơ', U'u', U'ư', U'y'};
constexpr char32_t kMarkedVowels[] = {U'ă', U'â', U'ê', U'ô', U'ơ', U'ư'};

// Syllable onsets and codas (lower case, no marks but đ): data/syllables.tsv.

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
  // Left to Unicode's own rules (see is_irregular): code points that NFC
  // changes (Ω sign, Å sign) or composes with their neighbours (Hangul jamo).
  bool unicode = false;
  bool marked = false;  // its canonical decomposition has a combining mark
  // Unicode's stream-safe format (UAX #15) counts non-starters (combining
  // class not 0) in runs: how many its canonical decomposition starts with
  // and ends with; a code point made only of non-starters has lead == trail.
  uint8_t lead = 0, trail = 0;
  bool only_nonstarters = false;
  // Nothing before it can compose with it or be reordered past it, so a word
  // may be cut in front of it without changing its normalized form.
  bool safe_cut = false;
  // NFC may compose it with a combining mark after it ('<' + U+0338 is ≮).
  bool composes_forward = false;
};

constexpr char32_t kTableSize = 0x2000;

// ASCII letters and digits; every other ASCII character separates words.
constexpr auto kAsciiWordChar = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();  // Latin, Greek, Cyrillic, combining marks, Latin Extended Additional

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

bool is_mark_category(utf8proc_int32_t cp) {
  auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

// True if NFC leaves the code point alone and it cannot compose with a
// neighbour as Hangul jamo do. Below the table size this is checked exactly;
// above, a canonical decomposition is reason enough to let Unicode decide.
bool nfc_stable(char32_t cp) {
  if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3))
    return false;  // conjoining jamo and the syllables they make
  if (cp >= kTableSize) {
    const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    return p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0;
  }
  std::string one;
  utf8::append(one, cp);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(one.data()),
                                    static_cast<utf8proc_ssize_t>(one.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  bool stable = n >= 0 && std::string_view(reinterpret_cast<const char*>(out), static_cast<size_t>(n)) == one;
  free(out);
  return stable;
}

CharInfo classify_kind(char32_t cp) {
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
      info.unicode = !nfc_stable(cp);
      return info;
    }
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      info.kind = Kind::Number;
      info.lower = info.fold = cp;
      info.unicode = !nfc_stable(cp);
      return info;
    default:  // a separator: NFC may still change it (U+037E → ';')
      info.unicode = !nfc_stable(cp);
      return info;
  }
  const auto lower = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
  info.upper = lower != cp;
  info.lower = lower;
  info.fold = lower;
  info.opaque = true;
  info.unicode = !nfc_stable(cp) || !nfc_stable(lower);
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
  // A letter with a mark outside the model whose lower case is plain ASCII
  // (İ → i) is Unicode's: lower() then reads the word again as ASCII.
  if (lower <= 0x7F) info.unicode = true;
  auto base = static_cast<char32_t>(utf8proc_tolower(parts[0]));
  bool base_and_marks = true;
  for (utf8proc_ssize_t i = 1; i < n; ++i) base_and_marks = base_and_marks && is_mark_category(parts[i]);
  for (utf8proc_ssize_t i = 1; i < n; ++i) info.marked = info.marked || is_mark_category(parts[i]);
  if (!base_and_marks) return info;  // not a letter with marks (a Hangul syllable): folds to itself
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

bool is_nonstarter(utf8proc_int32_t cp) { return utf8proc_get_property(cp)->combining_class != 0; }

// True if NFC may compose the code point with a starter before it: the second
// of a canonical pair (as utf8proc marks it), and Hangul vowel and final jamo.
bool composes_backward(utf8proc_int32_t cp) {
  const utf8proc_uint16_t index = utf8proc_get_property(cp)->comb_index;
  return (index != UINT16_MAX && index >= 0x8000) || (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2);
}

void add_stream_info(char32_t cp, CharInfo& info) {
  utf8proc_int32_t parts[8];
  int last_boundclass = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts, 8, UTF8PROC_DECOMPOSE,
                                               &last_boundclass);
  if (n < 1 || n > 8) {
    parts[0] = static_cast<utf8proc_int32_t>(cp);
    n = 1;
  }
  int lead = 0, trail = 0;
  while (lead < n && is_nonstarter(parts[lead])) ++lead;
  while (trail < n && is_nonstarter(parts[n - 1 - trail])) ++trail;
  info.lead = static_cast<uint8_t>(lead);
  info.trail = static_cast<uint8_t>(trail);
  info.only_nonstarters = lead == n;
  info.safe_cut = lead == 0 && !composes_backward(parts[0]);
  const utf8proc_uint16_t index = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->comb_index;
  info.composes_forward = index != UINT16_MAX && index < 0x8000;
}

CharInfo classify_slow(char32_t cp) {
  CharInfo info = classify_kind(cp);
  add_stream_info(cp, info);
  return info;
}

struct Tables {
  std::array<CharInfo, kTableSize> info;
  // compose[letter][tone]: the precomposed lower-case letter, for letters < 0x250.
  std::array<std::array<char32_t, 6>, 0x250> compose{};
  std::array<char32_t, kTableSize> upper{};
  // vowel[letter]: 0 not a vowel, 1 plain vowel, 2 vowel with a vowel mark.
  std::array<uint8_t, 0x250> vowel{};
  // Onsets and codas packed as integers (see pack()), for quick lookup.
  std::vector<uint64_t> onsets, codas;

  Tables() {
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      info[cp] = classify_slow(cp);
      upper[cp] = static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
    }
    for (char32_t cp = 0; cp < 0x0400; ++cp)  // ʼ and ʻ are letters to Unicode (chars.h)
      if (chars::is_apostrophe(cp)) info[cp].kind = Kind::Separator;
    for (char32_t cp = 0; cp < 0x0260; ++cp) {  // đ, Đ and their look-alikes (chars.h)
      if (!chars::is_capital_d(cp) && !chars::is_small_d(cp)) continue;
      CharInfo& c = info[cp];  // a letter of its own: its stream-safe fields stay
      c.kind = Kind::Letter;
      c.lower = 0x0111;
      c.fold = U'd';
      c.tone = 0;
      c.upper = chars::is_capital_d(cp);
      c.opaque = c.unicode = c.marked = false;
    }
    for (char32_t l = 0; l < 0x250; ++l) compose[l][0] = l;
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      const CharInfo& c = info[cp];
      if (c.kind == Kind::Letter && !c.opaque && !c.upper && c.tone && c.lower < 0x250)
        compose[c.lower][c.tone] = cp;
    }
    for (char32_t v : kVowels) vowel[v] = 1;
    for (char32_t v : kMarkedVowels) vowel[v] = 2;
    for (const char* o : data::syllables::kOnset) onsets.push_back(pack(o));
    for (const char* c : data::syllables::kCoda) codas.push_back(pack(c));
  }

  static uint64_t pack(std::string_view utf8) {
    char32_t s[4];
    int n = 0;
    for (size_t i = 0; i < utf8.size() && n < 4;) s[n++] = utf8::decode(utf8, i);
    return pack(s, n);
  }

  // Up to three letters below U+0250 as one integer; anything else as ~0.
  static uint64_t pack(const char32_t* s, int n) {
    if (n > 3) return ~uint64_t{0};
    uint64_t key = static_cast<uint64_t>(n) << 60;
    for (int k = 0; k < n; ++k) {
      if (s[k] >= 0x250) return ~uint64_t{0};
      key |= static_cast<uint64_t>(s[k]) << (16 * k);
    }
    return key;
  }
  bool is_onset(const char32_t* s, int n) const { return contains(onsets, pack(s, n)); }
  bool is_coda(const char32_t* s, int n) const { return contains(codas, pack(s, n)); }
  static bool contains(const std::vector<uint64_t>& keys, uint64_t key) {
    for (uint64_t k : keys)
      if (k == key) return true;
    return false;
  }
  int vowel_class(char32_t c) const { return c < 0x250 ? vowel[c] : 0; }
};

[[gnu::always_inline]] inline const Tables& tables() {
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
  bool unicode;  // see CharInfo
};

// Index (into the letters) where the tone of a syllable belongs, or -1 if the
// letters do not form a Vietnamese syllable.
int tone_position(const char32_t* s, int n) {
  if (n == 0 || n > 8) return -1;
  const Tables& t = tables();
  auto is_vowel = [&](char32_t c) { return t.vowel_class(c) != 0; };
  int i = 0;
  while (i < n && !is_vowel(s[i])) ++i;
  // qu and gi: the u/i belongs to the onset when another vowel follows.
  if (i == 1 && s[0] == U'q' && i < n && s[i] == U'u') ++i;
  else if (i == 1 && s[0] == U'g' && i + 1 < n && s[i] == U'i' && is_vowel(s[i + 1])) ++i;
  if (!t.is_onset(s, i)) return -1;
  int j = i;
  while (j < n && is_vowel(s[j])) ++j;
  const int nucleus = j - i;
  if (nucleus == 0 || nucleus > 3) return -1;
  if (!t.is_coda(s + j, n - j)) return -1;
  if (nucleus == 1) return i;
  for (int k = j - 1; k >= i; --k)
    if (t.vowel_class(s[k]) == 2) return k;  // the marked vowel; ơ in ươ
  if (j < n) return j - 1;                 // closed syllable: hoàn, toán, huỳnh
  return nucleus == 2 ? i : i + 1;         // open: hòa, thủy, của; ngoài, khuỷu
}

// Adds one code point of a word to its glyphs. A combining mark from
// decomposed input is attached to its letter; one that cannot be attached
// becomes a glyph of its own and is kept as written.
inline void add_glyph(std::vector<Glyph>& glyphs, char32_t cp, const CharInfo& c) {
  if (c.kind == Kind::ToneMark || c.kind == Kind::VowelMarkKind) {
    if (!glyphs.empty() && glyphs.back().kind == Kind::Letter && !glyphs.back().opaque) {
      Glyph& g = glyphs.back();
      if (c.kind == Kind::ToneMark && !g.tone) { g.tone = c.tone; return; }
      // A vowel mark after a tone mark of the same combining class is
      // blocked in Unicode (à + ̂ is not ầ): only the horn (class 216) and
      // the dot below (220) commute with the other marks (230).
      const bool blocked = g.tone && g.tone != 5 && cp != 0x031B;
      if (c.kind == Kind::VowelMarkKind && g.lower == g.fold && !blocked) {
        if (char32_t marked = apply_vowel_mark(g.lower, cp)) { g.lower = marked; return; }
      }
    }
    glyphs.push_back({cp, cp, 0, 0, false, Kind::OtherMark, true, c.unicode});
    return;
  }
  if (c.kind == Kind::OtherMark) {
    glyphs.push_back({cp, cp, 0, 0, false, Kind::OtherMark, true, c.unicode});
    return;
  }
  glyphs.push_back({cp, c.lower, c.fold, c.tone, c.upper, c.kind, c.opaque, c.unicode});
}

void to_glyphs(std::string_view word, std::vector<Glyph>& glyphs) {
  glyphs.clear();
  for (size_t i = 0; i < word.size();) {
    char32_t cp = utf8::decode(word, i);
    add_glyph(glyphs, cp, char_info(cp));
  }
}

// Moves the single tone of a syllable to its canonical vowel and returns
// true if the word is a Vietnamese syllable (letters only, at most one tone).
// Other words (several tones, stray marks, not a syllable) are left alone.
bool place_tone(std::vector<Glyph>& glyphs) {
  if (glyphs.size() > 8) return false;
  char32_t letters[8] = {};
  int toned = -1, n = 0;
  for (const Glyph& g : glyphs) {
    if (g.kind != Kind::Letter || g.opaque) return false;
    if (g.tone) {
      if (toned >= 0) return false;
      toned = n;
    }
    letters[n++] = g.lower;
  }
  int target = tone_position(letters, n);
  if (target < 0) return false;
  if (toned >= 0 && target != toned) {
    glyphs[static_cast<size_t>(target)].tone = glyphs[static_cast<size_t>(toned)].tone;
    glyphs[static_cast<size_t>(toned)].tone = 0;
  }
  return true;
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

// A word with a combining mark outside the model (a cedilla, a second tone,
// a mark on a non-Vietnamese letter) is handled by Unicode's own rules only:
// reordering its marks would change what it says.
bool is_irregular(const std::vector<Glyph>& glyphs) {
  for (const Glyph& g : glyphs)
    if (g.kind == Kind::OtherMark || g.unicode) return true;
  return false;
}

// Puts each run of combining marks in canonical order (a stable sort by
// combining class), or returns false if they are in order already. utf8proc
// orders them by swapping neighbours one step at a time, which is slow on a
// run in reverse order; given them in order, it has nothing to swap. (Marks
// that a decomposition adds are ordered by utf8proc, and are few.)
bool sort_marks(std::string_view piece, std::string& sorted) {
  const auto combining_class = [](char32_t cp) {
    return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class;
  };
  bool in_order = true;
  utf8proc_propval_t last = 0;
  for (size_t i = 0; i < piece.size() && in_order;) {
    const auto ccc = combining_class(utf8::decode(piece, i));
    in_order = !ccc || ccc >= last;
    last = ccc;
  }
  if (in_order) return false;
  thread_local std::vector<std::pair<utf8proc_propval_t, char32_t>> run;  // (class, mark)
  run.clear();
  const auto flush = [&] {
    std::stable_sort(run.begin(), run.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& mark : run) utf8::append(sorted, mark.second);
    run.clear();
  };
  for (size_t i = 0; i < piece.size();) {
    const char32_t cp = utf8::decode(piece, i);
    if (const auto ccc = combining_class(cp)) {
      run.emplace_back(ccc, cp);
    } else {
      flush();
      utf8::append(sorted, cp);
    }
  }
  flush();
  return true;
}

// Returns true if lower-casing changed a code point after NFC: that may undo
// NFC (İ + U+0306 gives i + U+0306, which composes into ĭ).
bool append_irregular(std::string& out, std::string_view word, Form form) {
  const bool strip = form == Form::Folded || form == Form::Unaccented;
  // Lower case by the same per-letter mapping as the rest (utf8proc_tolower),
  // not by full case folding, so that lower() is the same on every path.
  const bool casefold = form == Form::Lower || form == Form::Folded;
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | (strip ? UTF8PROC_STRIPMARK : 0);
  std::string sorted;  // stripping drops the marks before utf8proc orders them
  if (!strip && sort_marks(word, sorted)) word = sorted;
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                    static_cast<utf8proc_ssize_t>(word.size()), &mapped,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) {  // cannot happen on sanitized input; keep the word as it is
    out.append(word);
    return false;
  }
  std::string_view result(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  bool recased = false;
  for (size_t i = 0; i < result.size();) {
    char32_t cp = utf8::decode(result, i);
    const CharInfo c = char_info(cp);
    if (c.kind == Kind::Letter && c.lower == 0x0111) {  // đ and its look-alikes
      char32_t d = strip ? U'd' : 0x0111;
      utf8::append(out, c.upper && !casefold ? to_upper(d) : d);
    } else {
      const char32_t mapped_cp = casefold ? static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))) : cp;
      recased = recased || mapped_cp != cp;
      utf8::append(out, mapped_cp);
    }
  }
  free(mapped);
  return recased;
}

void append_form(std::string& out, const std::vector<Glyph>& glyphs, Form form) {
  if (form == Form::Folded || form == Form::Unaccented) {
    for (const Glyph& g : glyphs) {
      char32_t c = g.fold;
      if (form == Form::Unaccented && g.upper) c = to_upper(c);
      utf8::append(out, c);
    }
    return;
  }
  for (const Glyph& g : glyphs) append_composed(out, g, form == Form::Normalized);
}

// Appends a piece of a word (a whole word when `whole`) in `form` and returns
// true if it is a Vietnamese syllable; only a whole word can be one.
bool append_piece(std::string& out, std::string_view piece, Form form, bool whole) {
  thread_local std::vector<Glyph> glyphs;
  to_glyphs(piece, glyphs);
  std::string unicode;
  if (is_irregular(glyphs) && (form == Form::Normalized || form == Form::Lower)) {
    // Unicode's rules may make the word regular: NFC (K + U+0301 + y gives
    // Ḱy, whose tone then belongs on the y) and lower case (İà → ià). Read
    // the result again, so that it reads back unchanged and lower() gives one
    // term for İà, ià and ìa. (Folding strips every mark: one form either way.)
    const bool recased = append_irregular(unicode, piece, form);
    piece = unicode;
    to_glyphs(piece, glyphs);
    if (is_irregular(glyphs)) {
      if (recased) append_irregular(out, unicode, form);  // NFC again, once is enough
      else out += unicode;  // NFC already, and lower case for lower()
      return false;
    }
  }
  if (is_irregular(glyphs)) {
    append_irregular(out, piece, form);
    return false;
  }
  bool syllable = whole && place_tone(glyphs);
  append_form(out, glyphs, form);
  return syllable;
}

// Bounds on the work one piece of a word may cost. utf8proc puts a run of
// combining marks in order by swapping neighbours, so its time grows with the
// square of the run, and the glyphs of a piece are held at once. Unicode's
// stream-safe format (UAX #15) lets a run hold at most 30 non-starters and
// breaks a longer one with U+034F COMBINING GRAPHEME JOINER; a long word is
// cut where nothing composes across the cut. Real words are far shorter: a
// Vietnamese syllable has at most 7 letters.
constexpr int kMaxNonStarters = 30;
constexpr char32_t kGraphemeJoiner = 0x034F;
constexpr size_t kPieceLength = 64;        // code points, then cut at the next safe place
constexpr size_t kMaxPieceLength = 1024;   // cut anyway: only runs of letters that compose
                                           // backward (Hangul vowel jamo) go on this long

// Appends one word in `form`, piece by piece when it is long; returns true if
// it is a Vietnamese syllable. The joiner is written where a run of marks is
// broken when `form` keeps the marks, so that the result is stream-safe and
// reading it again gives it back.
bool append_word(std::string& out, std::string_view word, Form form) {
  // A non-starter takes at least one byte (a test checks every code point),
  // so a word this short needs no cut.
  if (word.size() <= static_cast<size_t>(kMaxNonStarters)) return append_piece(out, word, form, true);
  const bool keeps_marks = form == Form::Normalized || form == Form::Lower;
  size_t piece = 0, length = 0;
  int run = 0;
  bool cut_before = false;
  for (size_t i = 0; i < word.size();) {
    const size_t at = i;
    const CharInfo c = char_info(utf8::decode(word, i));
    const bool too_many_marks = run + c.lead > kMaxNonStarters;
    if (at > piece && (too_many_marks || (c.safe_cut && length >= kPieceLength) || length >= kMaxPieceLength)) {
      append_piece(out, word.substr(piece, at - piece), form, false);
      if (too_many_marks && keeps_marks) utf8::append(out, kGraphemeJoiner);
      piece = at;
      length = 0;
      cut_before = true;
    }
    if (too_many_marks) run = 0;
    run = c.only_nonstarters ? run + c.lead : c.trail;
    ++length;
  }
  return append_piece(out, word.substr(piece), form, !cut_before);
}

bool is_mark(char32_t cp) {
  if (cp < 0x80) return false;
  Kind k = char_info(cp).kind;
  return k == Kind::ToneMark || k == Kind::VowelMarkKind || k == Kind::OtherMark;
}

// A combining mark with no letter or digit before it does not start a word.
bool starts_word(char32_t cp) { return is_word_char(cp) && !is_mark(cp); }

// Appends a word of ASCII letters and digits, where there is nothing to
// normalize: only case, for the lower-case forms.
void append_ascii_word(std::string& out, std::string_view word, Form form) {
  if (form == Form::Normalized || form == Form::Unaccented) {
    out.append(word);
    return;
  }
  for (char ch : word) out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch);
}

char32_t next_code_point(std::string_view text, size_t i) { return utf8::decode(text, i); }

// Applies `form` to every word of a text; separators are copied as they are
// (invalid bytes become U+FFFD) unless NFC changes them.
std::string transform(std::string_view text, Form form) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    // Copy separators through.
    size_t start = i;
    char32_t cp = utf8::decode(text, i);
    if (!starts_word(cp)) {
      if (cp == utf8::kReplacement && !(i - start == 3)) utf8::append(out, cp);
      else if (const CharInfo c = char_info(cp); c.unicode || (c.composes_forward && i < text.size() && is_mark(next_code_point(text, i)))) {
        // A separator that NFC changes, alone or with the marks after it
        // (U+037E → ';', '¨' + U+0300 → U+1FED): Unicode's rules, as for a word.
        size_t end = i;
        for (size_t next = end; next < text.size() && is_mark(utf8::decode(text, next)); next = end) end = next;
        append_word(out, text.substr(start, end - start), form);
        i = end;
      } else if (is_mark(cp)) {
        // Stray marks (no letter before them): dropped when folding, else put
        // in canonical order as NFC wants them.
        size_t end = i;
        for (size_t next = end; next < text.size() && is_mark(utf8::decode(text, next)); next = end) end = next;
        if (form != Form::Folded && form != Form::Unaccented) append_word(out, text.substr(start, end - start), form);
        i = end;
      } else {
        out.append(text.data() + start, i - start);
      }
      continue;
    }
    size_t end = i;
    bool ascii = cp < 0x80;
    while (end < text.size()) {
      const auto byte = static_cast<unsigned char>(text[end]);
      if (byte < 0x80) {
        if (!kAsciiWordChar[byte]) break;
        ++end;
        continue;
      }
      size_t next = end;
      if (!is_word_char(utf8::decode(text, next))) break;
      ascii = false;
      end = next;
    }
    i = end;
    if (ascii) append_ascii_word(out, text.substr(start, end - start), form);
    else append_word(out, text.substr(start, end - start), form);
  }
  return out;
}

}  // namespace

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return kAsciiWordChar[cp];
  if (cp == utf8::kReplacement) return false;
  return char_info(cp).kind != Kind::Separator;
}

std::string normalize(std::string_view text) { return transform(text, Form::Normalized); }
std::string unaccent(std::string_view text) { return transform(text, Form::Unaccented); }
std::string lower(std::string_view text) { return transform(text, Form::Lower); }
std::string fold(std::string_view text) { return transform(text, Form::Folded); }

bool is_vietnamese_letter(char32_t cp) {
  if (cp >= kTableSize) return false;
  const CharInfo& c = tables().info[cp];
  const int vowel = tables().vowel_class(c.lower);
  return c.kind == Kind::Letter && !c.opaque && !c.upper && (c.lower < 0x80 || cp == 0x0111 || vowel) &&
         (!c.tone || vowel);
}

bool has_diacritics(std::string_view text) {
  bool after_letter = false;  // a mark counts only on a letter (stray marks make no word)
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      after_letter = kAsciiWordChar[static_cast<unsigned char>(text[i])];
      ++i;
      continue;
    }
    char32_t cp = utf8::decode(text, i);
    CharInfo c = char_info(cp);
    // A combining mark on a letter, or a letter that carries one precomposed:
    // so a text and its NFD form always agree.
    const bool mark = c.kind == Kind::ToneMark || c.kind == Kind::VowelMarkKind || c.kind == Kind::OtherMark;
    if (mark && after_letter) return true;
    if (c.kind == Kind::Letter && (c.marked || c.lower != c.fold)) return true;
    after_letter = mark ? after_letter : c.kind != Kind::Separator;
  }
  return false;
}

namespace {

// FTS5 keeps at most this many bytes of a term (FTS5_MAX_TOKEN_SIZE), and no
// word of any vocabulary comes near it: a longer word's forms are made from
// its first bytes, so that one huge word costs no more memory than that.
constexpr size_t kMaxWordFormBytes = 32768;

// Real text repeats a small vocabulary (a few thousand syllables), so each
// thread keeps the forms of recently seen spellings: a direct-mapped cache
// keyed by the word's bytes. Per thread, so it needs no locking.
struct WordCache {
  static constexpr size_t kSlots = 4096;
  static constexpr size_t kMaxBytes = 32;
  struct Entry {
    std::string raw, lower, folded;
    bool accented = false, syllable = false;
  };
  std::vector<Entry> entries{kSlots};

  static size_t slot(std::string_view raw) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (char c : raw) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h & (kSlots - 1);
  }
};

// The accented syllables of data/attested_syllables.tsv, by their folded
// form: what accented_spellings() expands a folded word into.
struct Attested {
  std::unordered_set<std::string_view> spellings;
  std::vector<std::pair<std::string, std::string_view>> by_folded;  // (folded, spelling), sorted
  Attested() {
    for (const char* e : data::attested_syllables::kEntries) {
      spellings.insert(e);
      by_folded.emplace_back(fold(e), e);
    }
    std::sort(by_folded.begin(), by_folded.end());
  }
};

const Attested& attested() {
  static const Attested a;
  return a;
}

// Computes the forms of a word that is not all ASCII.
void analyse(std::string_view raw, Word& word) {
  if (raw.size() > static_cast<size_t>(kMaxNonStarters)) {  // long: piece by piece
    word.syllable = append_word(word.lower, raw, Form::Lower);
    append_word(word.folded, word.lower, Form::Folded);  // the same, with less to do
  } else {
    thread_local std::vector<Glyph> glyphs;
    to_glyphs(raw, glyphs);
    if (is_irregular(glyphs)) {
      word.syllable = append_piece(word.lower, raw, Form::Lower, true);
      append_piece(word.folded, raw, Form::Folded, true);
    } else {
      word.syllable = place_tone(glyphs);
      append_form(word.lower, glyphs, Form::Lower);
      append_form(word.folded, glyphs, Form::Folded);
    }
  }
  word.accented = word.lower != word.folded;
  // accented_spellings() lists only attested syllables (see normalize.h).
  if (word.syllable) word.syllable = word.accented && attested().spellings.count(word.lower) > 0;
}

}  // namespace

bool WordScanner::next(Word& word) {
  const size_t n = text_.size();
  size_t i = pos_;
  // Skip separators.
  while (i < n) {
    auto c = static_cast<unsigned char>(text_[i]);
    if (c < 0x80) {
      if (kAsciiWordChar[c]) break;
      ++i;
      continue;
    }
    size_t next = i;
    if (starts_word(utf8::decode(text_, next))) break;
    i = next;
  }
  if (i >= n) {
    pos_ = n;
    return false;
  }
  // Find the end of the word.
  const size_t start = i;
  bool ascii = true;
  while (i < n) {
    auto c = static_cast<unsigned char>(text_[i]);
    if (c < 0x80) {
      if (!kAsciiWordChar[c]) break;
      ++i;
      continue;
    }
    size_t next = i;
    if (!is_word_char(utf8::decode(text_, next))) break;
    ascii = false;
    i = next;
  }
  pos_ = i;
  word.begin = start;
  word.end = i;
  std::string_view raw = text_.substr(start, i - start);
  if (raw.size() > kMaxWordFormBytes) {  // its forms are made from its start only
    size_t cut = kMaxWordFormBytes;
    while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;  // a whole code point
    raw = raw.substr(0, cut);
  }
  if (ascii) {  // letters and digits only: lower-casing is all there is to do
    word.lower.clear();
    append_ascii_word(word.lower, raw, Form::Lower);
    word.folded = word.lower;
    word.accented = false;
    word.syllable = false;  // not needed for unaccented words (see tokenizer.h)
    return true;
  }
  if (raw.size() > WordCache::kMaxBytes) {
    word.lower.clear();
    word.folded.clear();
    analyse(raw, word);
    return true;
  }
  thread_local WordCache cache;
  WordCache::Entry& entry = cache.entries[WordCache::slot(raw)];
  if (entry.raw != raw) {
    word.lower.clear();
    word.folded.clear();
    analyse(raw, word);
    entry.raw.assign(raw);
    entry.lower = word.lower;
    entry.folded = word.folded;
    entry.accented = word.accented;
    entry.syllable = word.syllable;
    return true;
  }
  word.lower = entry.lower;
  word.folded = entry.folded;
  word.accented = entry.accented;
  word.syllable = entry.syllable;
  return true;
}

// ---------------------------------------------------------------------------
// Accented spellings of a folded word.


bool is_syllable_spelling(std::string_view folded) {
  char32_t letters[8];
  int n = 0;
  for (char c : folded) {
    if (c < 'a' || c > 'z' || n == 8) return false;
    letters[n++] = static_cast<char32_t>(c);
  }
  return n > 0 && tone_position(letters, n) >= 0;
}

bool accented_spellings(std::string_view folded, bool prefix, std::vector<std::string>& out, size_t limit) {
  out.clear();
  char32_t letters[8];
  int n = 0;
  for (char c : folded) {
    if (c < 'a' || c > 'z' || n == 8) return false;
    letters[n++] = static_cast<char32_t>(c);
  }
  if (n == 0) return false;
  if (!prefix && tone_position(letters, n) < 0) return false;  // not a syllable
  out.emplace_back(folded);
  // The attested syllables whose folded form is `folded` (a prefix: starts
  // with it), sorted by folded form; for a prefix, their first n letters
  // (one code point each in canonical form), each spelling once.
  const auto& rows = attested().by_folded;
  auto it = std::lower_bound(rows.begin(), rows.end(), folded,
                             [](const auto& row, std::string_view key) { return std::string_view(row.first) < key; });
  for (; it != rows.end(); ++it) {
    std::string_view f = it->first;
    if (prefix ? f.substr(0, folded.size()) != folded : f != folded) break;
    std::string_view spelling = it->second;
    if (prefix) {
      size_t at = 0;
      for (int k = 0; k < n; ++k) utf8::decode(spelling, at);
      spelling = spelling.substr(0, at);
      if (spelling == folded) continue;
      if (std::find(out.begin(), out.end(), spelling) != out.end()) continue;
    }
    if (out.size() == limit) {
      out.clear();
      return false;
    }
    out.emplace_back(spelling);
  }
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
