// vn_decode(): bytes in any encoding Vietnamese text still arrives in, to
// canonical text (normalize.h's NFC form).
//
// Encodings: UTF-8 (BOM optional), UTF-16 LE/BE (BOM decides; LE without one),
// Windows-1258 (ICU's converter), TCVN3/ABC (lower case and Ă Â Ê Ô Ơ Ư Đ;
// the upper-case letters TCVN 5712 VN1 puts at 0x80-0xFF are decoded too, the
// ones it puts among the control codes are not), VNI-Windows (letter + mark
// bytes; other bytes as Windows-1252) and VIQR (ASCII: a( a^ e^ o^ o+ u+ dd,
// tones ` ' ? ~ . after the vowel, \ escapes the next character).
#pragma once
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

enum class Encoding { Utf8, Utf16, Utf16LE, Utf16BE, Windows1258, Tcvn3, Vni, Viqr };

// Case-insensitive name or alias ("utf8", "cp1258", "abc", "vni-windows"...);
// nullopt if unknown.
std::optional<Encoding> parse_encoding(std::string_view name);
// The canonical name ("utf-8", "windows-1258", "tcvn3", ...).
const char* encoding_name(Encoding encoding);
// The canonical names, comma separated, for error messages.
std::string known_encodings();

// Guesses the encoding: a BOM; else valid UTF-8 (VIQR when the text is ASCII
// and its VIQR marks make Vietnamese syllables); else the single-byte decoding
// (TCVN3, VNI, Windows-1258) whose words are most often Vietnamese syllables.
// Looks at the first 64 KiB only.
Encoding detect_encoding(std::string_view bytes);

// The text of `bytes` in `encoding`, normalized. Invalid sequences become U+FFFD.
std::string decode(std::string_view bytes, Encoding encoding);
// The same with the detected encoding.
std::string decode(std::string_view bytes);

// How Vietnamese a UTF-8 text looks: +2 per word that is a Vietnamese syllable
// with diacritics, -1 per word (or stray symbol) that cannot be Vietnamese.
long vietnamese_score(std::string_view text);

// SQL wrappers (registered in vnsql.cpp): vn_decode(blob [, encoding]).
void sql_vn_decode(sqlite3_context* ctx, int argc, sqlite3_value** argv);

}  // namespace vnsql
