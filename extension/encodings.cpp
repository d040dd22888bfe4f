#include "encodings.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <vector>

#include "data/syllables.h"
#include "normalize.h"
#include "sql_util.h"
#include "utf8.h"

namespace vnsql {
namespace {

// ---------------------------------------------------------------------------
// Knowledge: encoding names and code tables.

struct EncodingName {
  const char* name;  // lower case
  Encoding encoding;
};
// The first name of each encoding is its canonical one.
constexpr EncodingName kEncodingNames[] = {
    {"utf-8", Encoding::Utf8},          {"utf8", Encoding::Utf8},
    {"utf-16", Encoding::Utf16},        {"utf16", Encoding::Utf16},
    {"utf-16le", Encoding::Utf16LE},    {"utf16le", Encoding::Utf16LE},
    {"utf-16be", Encoding::Utf16BE},    {"utf16be", Encoding::Utf16BE},
    {"windows-1258", Encoding::Windows1258}, {"cp1258", Encoding::Windows1258},
    {"win1258", Encoding::Windows1258}, {"tcvn3", Encoding::Tcvn3},
    {"abc", Encoding::Tcvn3},           {"tcvn", Encoding::Tcvn3},
    {"tcvn5712", Encoding::Tcvn3},      {"vni", Encoding::Vni},
    {"vni-windows", Encoding::Vni},     {"viqr", Encoding::Viqr},
};

// TCVN3 (ABC) bytes 0x80-0xFF, generated with `iconv -f TCVN5712-1` (VN1,
// which agrees with TCVN3 on every letter TCVN3 has: the lower case ones and
// Ă Â Ê Ô Ơ Ư Đ at 0xA1-0xA7). TCVN3 proper leaves the other upper-case
// positions empty (its capitals lived in separate fonts that reuse the lower
// case codes, so their case is lost); decoding them as VN1 costs nothing.
// Bytes below 0x80 are ASCII (VN1's capitals among the control codes are not
// decoded: they collide with control characters of ordinary text).
constexpr char32_t kTcvn3High[128] = {
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  // 0x80 ÀẢÃÁẠẶẬÈ
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  // 0x88 ẺẼÉẸỆÌỈĨ
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  // 0x90 ÍỊÒỎÕÓỌỘ
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  // 0x98 ỜỞỠỚỢÙỦŨ
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // 0xA0 nbsp ĂÂÊÔƠƯĐ
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // 0xA8 ăâêôơưđẰ
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // 0xB0 combining ` ? ~ ' . àảã
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // 0xB8 áạẲằẳẵắẴ
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // 0xC0 ẮẦẨẪẤỀặầ
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // 0xC8 ẩẫấậèỂẻẽ
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // 0xD0 éẹềểễếệì
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // 0xD8 ỉỄẾỒĩíịò
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // 0xE0 Ổỏõóọồổỗ
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // 0xE8 ốộờởỡớợù
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // 0xF0 Ỗủũúụừửữ
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // 0xF8 ứựỳỷỹýỵỐ
};

// VNI-Windows: a base letter (ASCII) followed by one mark byte, or a whole
// letter in one byte (ơ ư đ and the i's, ỵ). Lower-case mark bytes follow
// lower-case letters, upper-case ones (0x20 lower) upper-case letters; both
// are decoded wherever they appear. Bytes not listed are Windows-1252.
constexpr char32_t kBreve = 0x0306, kCircumflex = 0x0302, kHorn = 0x031B;
constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kHook = 0x0309, kTilde = 0x0303, kDot = 0x0323;
struct VniCode {
  unsigned char lower_byte;  // the upper-case form is lower_byte - 0x20
  char32_t lower, upper;     // a whole letter, or 0 for mark bytes
  char32_t mark1, mark2;     // combining marks to put after the base letter
};
constexpr VniCode kVniCodes[] = {
    // Tones alone:  aù á, aø à, aû ả, aõ ã, aï ạ
    {0xF9, 0, 0, kAcute, 0}, {0xF8, 0, 0, kGrave, 0}, {0xFB, 0, 0, kHook, 0},
    {0xF5, 0, 0, kTilde, 0}, {0xEF, 0, 0, kDot, 0},
    // Breve (after a): aê ă, aé ắ, aè ằ, aú ẳ, aü ẵ, aë ặ
    {0xEA, 0, 0, kBreve, 0}, {0xE9, 0, 0, kBreve, kAcute}, {0xE8, 0, 0, kBreve, kGrave},
    {0xFA, 0, 0, kBreve, kHook}, {0xFC, 0, 0, kBreve, kTilde}, {0xEB, 0, 0, kBreve, kDot},
    // Circumflex (after a e o): aâ â, aá ấ, aà ầ, aå ẩ, aã ẫ, aä ậ
    {0xE2, 0, 0, kCircumflex, 0}, {0xE1, 0, 0, kCircumflex, kAcute}, {0xE0, 0, 0, kCircumflex, kGrave},
    {0xE5, 0, 0, kCircumflex, kHook}, {0xE3, 0, 0, kCircumflex, kTilde}, {0xE4, 0, 0, kCircumflex, kDot},
    // Whole letters (tones on ơ ư follow as mark bytes: ôø ờ, öù ứ).
    {0xF4, U'ơ', U'Ơ', 0, 0}, {0xF6, U'ư', U'Ư', 0, 0}, {0xF1, U'đ', U'Đ', 0, 0},
    {0xED, U'í', U'Í', 0, 0}, {0xEC, U'ì', U'Ì', 0, 0}, {0xE6, U'ỉ', U'Ỉ', 0, 0},
    {0xF3, U'ĩ', U'Ĩ', 0, 0}, {0xF2, U'ị', U'Ị', 0, 0}, {0xEE, U'ỵ', U'Ỵ', 0, 0},
};

// VIQR (RFC 1456) marks, written after the vowel.
struct ViqrMark {
  char ascii;
  char32_t mark;
  const char* vowels;  // the lower-case vowels it can follow
};
constexpr ViqrMark kViqrVowelMarks[] = {{'(', kBreve, "a"}, {'^', kCircumflex, "aeo"}, {'+', kHorn, "ou"}};
constexpr ViqrMark kViqrTones[] = {{'`', kGrave, "aeiouy"}, {'\'', kAcute, "aeiouy"}, {'?', kHook, "aeiouy"},
                                   {'~', kTilde, "aeiouy"}, {'.', kDot, "aeiouy"}};

// Syllable structure (data/syllables.tsv) is checked on folded (unmarked,
// đ→d) lower-case letters: the onset đ never matches, d stands for it.

constexpr size_t kDetectSample = 64 * 1024;
constexpr size_t kPieceBytes = 256 * 1024;  // decoded and normalized at a time

// ---------------------------------------------------------------------------
// Single-byte decoders: one UTF-8 string per byte, built once.

using ByteTable = std::array<std::string, 256>;

// Byte → text as one of ICU's converters decodes it.
ByteTable icu_table(const char* converter) {
  ByteTable table;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(converter, &status);
  for (int b = 0; b < 256; ++b) {
    char byte = static_cast<char>(b);
    UChar out[4];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = conv ? ucnv_toUChars(conv, out, 4, &byte, 1, &st) : 0;
    if (U_FAILURE(status) || U_FAILURE(st) || n != 1 || (out[0] == 0x1A && b != 0x1A)) {
      utf8::append(table[b], b < 0x80 ? static_cast<char32_t>(b) : utf8::kReplacement);
    } else {
      utf8::append(table[b], out[0]);
    }
  }
  if (conv) ucnv_close(conv);
  return table;
}

ByteTable tcvn3_table() {
  ByteTable table;
  for (int b = 0; b < 256; ++b) utf8::append(table[b], b < 0x80 ? static_cast<char32_t>(b) : kTcvn3High[b - 0x80]);
  return table;
}

ByteTable vni_table() {
  ByteTable table = icu_table("windows-1252");
  for (const VniCode& v : kVniCodes) {
    for (int upper = 0; upper < 2; ++upper) {
      std::string& s = table[upper ? v.lower_byte - 0x20 : v.lower_byte];
      s.clear();
      if (v.lower) utf8::append(s, upper ? v.upper : v.lower);
      if (v.mark1) utf8::append(s, v.mark1);
      if (v.mark2) utf8::append(s, v.mark2);
    }
  }
  return table;
}

const ByteTable& byte_table(Encoding encoding) {
  static const ByteTable cp1258 = icu_table("windows-1258");
  static const ByteTable tcvn3 = tcvn3_table();
  static const ByteTable vni = vni_table();
  switch (encoding) {
    case Encoding::Tcvn3: return tcvn3;
    case Encoding::Vni: return vni;
    default: return cp1258;
  }
}

// The UTF-8 size of `bytes` decoded with `table`.
size_t decoded_size(std::string_view bytes, const ByteTable& table) {
  size_t size = 0;
  for (unsigned char b : bytes) size += b < 0x80 ? 1 : table[b].size();
  return size;
}

std::string decode_bytes(std::string_view bytes, const ByteTable& table) {
  std::string out(decoded_size(bytes, table), '\0');
  char* o = out.data();
  for (unsigned char b : bytes) {
    if (b < 0x80) {
      *o++ = static_cast<char>(b);
    } else {
      const std::string& t = table[b];
      o = std::copy(t.begin(), t.end(), o);
    }
  }
  return out;
}

std::string decode_utf16(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  const auto unit = [&](size_t i) {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char32_t>(big_endian ? (a << 8 | b) : (b << 8 | a));
  };
  size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        utf8::append(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    utf8::append(out, (u >= 0xD800 && u <= 0xDFFF) ? utf8::kReplacement : u);
  }
  if (i < bytes.size()) utf8::append(out, utf8::kReplacement);  // odd trailing byte
  return out;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// VIQR to UTF-8 with combining marks (normalize() composes them). A mark
// applies to the vowel right before it; a word takes one tone; `dd` is đ at
// the start of a word; `\` makes the next character literal. Anything else is
// copied, so `?` and `.` after a word that already has its tone, or after a
// consonant, stay punctuation.
std::string decode_viqr(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char vowel = 0;         // lower-case vowel the next mark may apply to
  bool vowel_marked = false, word_toned = false, in_word = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      out.push_back(s[++i]);
      vowel = 0;
      in_word = ascii_letter(s[i]);
      if (!in_word) word_toned = false;
      continue;
    }
    if (vowel) {
      const ViqrMark* found = nullptr;
      if (!vowel_marked && !word_toned)
        for (const auto& m : kViqrVowelMarks)
          if (m.ascii == c && std::string_view(m.vowels).find(vowel) != std::string_view::npos) found = &m;
      if (found) {
        utf8::append(out, found->mark);
        vowel_marked = true;
        continue;
      }
      if (!word_toned)
        for (const auto& m : kViqrTones)
          if (m.ascii == c) found = &m;
      if (found) {
        utf8::append(out, found->mark);
        word_toned = true;
        vowel = 0;
        continue;
      }
    }
    if (ascii_letter(c)) {
      if (!in_word && (c == 'd' || c == 'D') && i + 1 < s.size() && ascii_lower(s[i + 1]) == 'd') {
        utf8::append(out, c == 'd' ? U'đ' : U'Đ');
        ++i;
        in_word = true;
        vowel = 0;
        continue;
      }
      out.push_back(c);
      char l = ascii_lower(c);
      vowel = std::string_view("aeiouy").find(l) != std::string_view::npos ? l : 0;
      vowel_marked = false;
      in_word = true;
      continue;
    }
    out.push_back(c);
    vowel = 0;
    in_word = false;
    word_toned = false;
  }
  return out;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Where to end the next piece of `rest` (at most kPieceBytes): after its last
// ASCII white space, else before the last byte where `cut_before` allows a cut,
// else at the limit.
size_t piece_end(std::string_view rest, bool (*cut_before)(unsigned char)) {
  if (rest.size() <= kPieceBytes) return rest.size();
  const std::string_view window = rest.substr(0, kPieceBytes);
  size_t cut = window.find_last_of(" \t\r\n");
  if (cut != std::string_view::npos && cut > 0) return cut + 1;
  for (cut = kPieceBytes; cut > 0; --cut)
    if (cut_before(static_cast<unsigned char>(rest[cut]))) return cut;
  return kPieceBytes;
}

bool before_ascii(unsigned char b) { return b < 0x80; }
bool before_character(unsigned char b) { return (b & 0xC0) != 0x80; }  // not inside a UTF-8 sequence
bool before_letter(unsigned char b) { return ascii_letter(static_cast<char>(b)); }  // VIQR marks follow letters

// Decodes (decode_piece) and normalizes a text piece by piece, so that memory
// stays a small multiple of the text whatever it holds: only the result and
// one piece are held at a time. Pieces are cut where `cut_before` says no
// character or mark sequence is split. `size` is what the result may need.
template <class DecodePiece>
std::string decode_in_pieces(std::string_view bytes, size_t size, bool (*cut_before)(unsigned char),
                             DecodePiece&& decode_piece) {
  std::string out;
  out.reserve(size + size / 16);  // normalization may add joiners (UAX #15); it mostly shrinks
  while (!bytes.empty()) {
    const size_t end = piece_end(bytes, cut_before);
    const auto& decoded = decode_piece(bytes.substr(0, end));
    if (is_ascii(decoded)) out += decoded;  // nothing to normalize
    else out += normalize(decoded);
    bytes.remove_prefix(end);
  }
  return out;
}

std::string_view as_is(std::string_view piece) { return piece; }

// ---------------------------------------------------------------------------
// Scoring.

// Lower-case letters that may appear in a Vietnamese syllable, as normalize()
// writes them, in order.
const std::vector<char32_t>& vietnamese_letters() {
  static const std::vector<char32_t> letters = [] {
    std::vector<char32_t> v;
    for (char32_t c = 0; c < 0x2000; ++c)
      if (is_vietnamese_letter(c)) v.push_back(c);
    return v;
  }();
  return letters;
}

template <size_t N>
bool in(const char* const (&list)[N], std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

bool is_syllable(const Word& w) {
  const auto& letters = vietnamese_letters();
  for (size_t i = 0; i < w.lower.size();) {
    char32_t cp = utf8::decode(w.lower, i);
    if (!std::binary_search(letters.begin(), letters.end(), cp)) return false;
  }
  std::string_view f = w.folded;
  if (f.size() > 7) return false;
  for (std::string_view onset : data::syllables::kOnset) {
    if (f.substr(0, onset.size()) != onset) continue;
    std::string_view rest = f.substr(onset.size());
    size_t v = rest.find_first_not_of("aeiouy");
    if (v == std::string_view::npos) v = rest.size();
    if (in(data::syllables::kNucleus, rest.substr(0, v)) && in(data::syllables::kCoda, rest.substr(v))) return true;
  }
  return false;
}

// Non-ASCII symbols that decoding the wrong encoding scatters through text:
// Latin-1 signs (¸ µ ¶ · ¹ º ¼ ½ ...), control codes, U+FFFD.
bool is_garbage_symbol(char32_t cp) {
  if (cp < 0x20) return cp != U'\t' && cp != U'\n' && cp != U'\r';
  if (cp >= 0x7F && cp < 0xA0) return true;
  if (cp >= 0xA1 && cp <= 0xBF) return cp != 0xAB && cp != 0xBB;  // « » are quotes
  return cp == utf8::kReplacement;
}

long garbage_in(std::string_view s) {
  long n = 0;
  for (size_t i = 0; i < s.size();) n += is_garbage_symbol(utf8::decode(s, i));
  return n;
}

// VIQR if its marks make Vietnamese syllables: at least one with a vowel
// mark or đ (English punctuation alone never makes those), and at most one
// non-syllable for every three syllables among the words the marks changed.
bool looks_like_viqr(std::string_view ascii) {
  std::string decoded = decode_viqr(ascii);
  WordScanner scanner(decoded);
  Word w;
  long valid = 0, invalid = 0, vowel_marked = 0;
  while (scanner.next(w)) {
    std::string_view raw(decoded.data() + w.begin, w.end - w.begin);
    if (is_ascii(raw)) continue;
    if (!is_syllable(w)) { ++invalid; continue; }
    ++valid;
    // decode_viqr() writes marks as combining characters, so they show in raw.
    for (size_t i = 0; i < raw.size();) {
      char32_t cp = utf8::decode(raw, i);
      if (cp == kBreve || cp == kCircumflex || cp == kHorn || cp == U'đ' || cp == U'Đ') {
        ++vowel_marked;
        break;
      }
    }
  }
  return vowel_marked > 0 && invalid * 3 <= valid;
}

// A prefix of at most `limit` bytes that does not end inside a UTF-8 sequence.
std::string_view sample(std::string_view bytes, size_t limit) {
  if (bytes.size() <= limit) return bytes;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80) --cut;
  return bytes.substr(0, cut);
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

long vietnamese_score(std::string_view text) {
  long score = 0;
  WordScanner scanner(text);
  Word w;
  size_t prev = 0;
  while (scanner.next(w)) {
    score -= garbage_in(text.substr(prev, w.begin - prev));
    prev = w.end;
    if (is_ascii(std::string_view(text.data() + w.begin, w.end - w.begin))) continue;
    score += is_syllable(w) && w.accented ? 2 : -1;
  }
  return score - garbage_in(text.substr(prev));
}

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string lower;
  for (char c : name) lower.push_back(c == '_' ? '-' : ascii_lower(c));
  for (const auto& e : kEncodingNames)
    if (lower == e.name) return e.encoding;
  return std::nullopt;
}

const char* encoding_name(Encoding encoding) {
  for (const auto& e : kEncodingNames)
    if (e.encoding == encoding) return e.name;
  return "?";
}

std::string known_encodings() {
  std::string names;
  for (const auto& e : kEncodingNames) {
    if (!names.empty()) names += ", ";
    names += e.name;
  }
  return names;
}

Encoding detect_encoding(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) return Encoding::Utf8;
  if (starts_with(bytes, "\xFF\xFE")) return Encoding::Utf16LE;
  if (starts_with(bytes, "\xFE\xFF")) return Encoding::Utf16BE;
  if (utf8::is_valid(bytes)) {
    std::string_view head = sample(bytes, kDetectSample);
    return is_ascii(bytes) && looks_like_viqr(head) ? Encoding::Viqr : Encoding::Utf8;
  }
  // Single-byte candidates; ties go to the one listed first.
  std::string_view head = sample(bytes, kDetectSample);
  Encoding best = Encoding::Windows1258;
  long best_score = 0;
  bool first = true;
  for (Encoding e : {Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258}) {
    long score = vietnamese_score(normalize(decode_bytes(head, byte_table(e))));
    if (first || score > best_score) best = e, best_score = score, first = false;
  }
  return best;
}

std::string decode(std::string_view bytes, Encoding encoding) {
  switch (encoding) {
    case Encoding::Utf8: {
      if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
      if (utf8::is_valid(bytes)) return decode_in_pieces(bytes, bytes.size(), before_ascii, as_is);
      const std::string sanitized = utf8::sanitize(bytes);
      return decode_in_pieces(sanitized, sanitized.size(), before_ascii, as_is);
    }
    case Encoding::Utf16:
    case Encoding::Utf16LE:
    case Encoding::Utf16BE: {
      bool big_endian = encoding == Encoding::Utf16BE;
      if (starts_with(bytes, "\xFF\xFE") && encoding != Encoding::Utf16BE) bytes.remove_prefix(2);
      else if (starts_with(bytes, "\xFE\xFF") && encoding != Encoding::Utf16LE) bytes.remove_prefix(2), big_endian = true;
      const std::string utf8 = decode_utf16(bytes, big_endian);
      return decode_in_pieces(utf8, utf8.size(), before_character, as_is);
    }
    case Encoding::Viqr: {
      if (utf8::is_valid(bytes)) return decode_in_pieces(bytes, bytes.size(), before_letter, decode_viqr);
      const std::string sanitized = utf8::sanitize(bytes);
      return decode_in_pieces(sanitized, sanitized.size(), before_letter, decode_viqr);
    }
    case Encoding::Windows1258:
    case Encoding::Tcvn3:
    case Encoding::Vni: {
      const ByteTable& table = byte_table(encoding);
      return decode_in_pieces(bytes, decoded_size(bytes, table), before_ascii,
                              [&](std::string_view piece) { return decode_bytes(piece, table); });
    }
  }
  return std::string(bytes);
}

std::string decode(std::string_view bytes) { return decode(bytes, detect_encoding(bytes)); }

// ---------------------------------------------------------------------------
// SQL wrapper.

void sql_vn_decode(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    auto bytes = sql::text_arg(argv[0]);
    if (!bytes) return sqlite3_result_null(ctx);
    std::optional<std::string_view> name = argc > 1 ? sql::text_arg(argv[1]) : std::nullopt;
    if (!name) return sql::result_text(ctx, decode(*bytes));
    std::optional<Encoding> encoding = parse_encoding(*name);
    if (!encoding)
      throw sql::Error("unknown encoding '" + utf8::sanitize(name->substr(0, 100)) + "' (known: " + known_encodings() + ")");
    sql::result_text(ctx, decode(*bytes, *encoding));
  });
}

}  // namespace vnsql
