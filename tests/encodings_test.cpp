#include "encodings.h"

#include <gtest/gtest.h>

#include "unicode_forms.h"
#include <iconv.h>
#include <utf8proc.h>

#include <chrono>
#include <map>

#include "normalize.h"
#include "sql_fixture.h"
#include "utf8.h"

namespace vnsql {
namespace {

// The 134 Vietnamese letters with diacritics (67 lower-case, 67 upper-case).
std::vector<std::string> toned_letters(bool upper) {
  std::vector<std::string> letters;
  const std::u32string vowels = U"aăâeêioôơuưy";
  const char32_t tones[] = {0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323};
  for (char32_t v : vowels) {
    for (char32_t t : tones) {
      if (!t && v < 0x80) continue;  // plain a e i o u y carry no diacritic
      std::string s;
      utf8::append(s, upper ? static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(v))) : v);
      if (t) utf8::append(s, t);
      letters.push_back(normalize(s));
    }
  }
  letters.push_back(upper ? "Đ" : "đ");
  return letters;
}

// Encodes with glibc's iconv(3): an encoder independent of the decoder.
std::string iconv_encode(const std::string& utf8_text, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << to;
  std::string out(utf8_text.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8_text.data());
  size_t in_left = utf8_text.size();
  char* o = out.data();
  size_t out_left = out.size();
  size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
  EXPECT_NE(rc, static_cast<size_t>(-1)) << "iconv cannot encode " << utf8_text << " to " << to;
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

using vnsql::testing::nfd;

// The language cases with known bytes are in tests/cases/: decode.tsv and
// detect_encoding.tsv. Here: round trips through independent encoders.

// Splits NFD text into (base letter, vowel mark, tone) per letter and writes
// each with `put`; other characters are copied (they must be ASCII).
template <class Put>
std::string encode_by_parts(const std::string& text, Put put) {
  std::string out;
  std::string d = nfd(text);
  for (size_t i = 0; i < d.size();) {
    char32_t base = utf8::decode(d, i);
    char32_t vowel_mark = 0, tone = 0;
    while (i < d.size()) {
      size_t j = i;
      char32_t m = utf8::decode(d, j);
      if (m == 0x0306 || m == 0x0302 || m == 0x031B) vowel_mark = m;
      else if (m == 0x0300 || m == 0x0301 || m == 0x0303 || m == 0x0309 || m == 0x0323) tone = m;
      else break;
      i = j;
    }
    put(out, base, vowel_mark, tone);
  }
  return out;
}

// VNI-Windows encoder written from the published VNI keyboard/font table.
std::string vni_encode(const std::string& text) {
  return encode_by_parts(text, [](std::string& out, char32_t base, char32_t vm, char32_t tone) {
    const bool up = base < 0x80 && base >= U'A' && base <= U'Z';
    const auto b = [&](int lower) { out.push_back(static_cast<char>(up ? lower - 0x20 : lower)); };
    const std::map<char32_t, int> plain_tone = {{0x0301, 0xF9}, {0x0300, 0xF8}, {0x0309, 0xFB}, {0x0303, 0xF5}, {0x0323, 0xEF}};
    const std::map<char32_t, int> breve = {{0, 0xEA}, {0x0301, 0xE9}, {0x0300, 0xE8}, {0x0309, 0xFA}, {0x0303, 0xFC}, {0x0323, 0xEB}};
    const std::map<char32_t, int> circ = {{0, 0xE2}, {0x0301, 0xE1}, {0x0300, 0xE0}, {0x0309, 0xE5}, {0x0303, 0xE3}, {0x0323, 0xE4}};
    const std::map<char32_t, int> i_letters = {{0, 'i'}, {0x0301, 0xED}, {0x0300, 0xEC}, {0x0309, 0xE6}, {0x0303, 0xF3}, {0x0323, 0xF2}};
    if (base == U'đ' || base == U'Đ') return out.push_back(static_cast<char>(base == U'đ' ? 0xF1 : 0xD1));
    if (base >= 0x80) {  // punctuation and symbols: VNI fonts show Windows-1252 there
      std::string c;
      utf8::append(c, base);
      out += iconv_encode(c, "CP1252//TRANSLIT");
      return;
    }
    char32_t lower = up ? base + 32 : base;
    if (lower == U'i') {
      if (!tone) return out.push_back(static_cast<char>(base));
      return b(i_letters.at(tone));
    }
    if (lower == U'y' && tone == 0x0323) return b(0xEE);
    if (vm == 0x031B) {  // ơ ư are letters of their own, the tone follows
      b(lower == U'o' ? 0xF4 : 0xF6);
      if (tone) b(plain_tone.at(tone));
      return;
    }
    out.push_back(static_cast<char>(base));
    if (vm == 0x0306) b(breve.at(tone));
    else if (vm == 0x0302) b(circ.at(tone));
    else if (tone) b(plain_tone.at(tone));
  });
}

// VIQR encoder (RFC 1456).
std::string viqr_encode(const std::string& text) {
  return encode_by_parts(text, [](std::string& out, char32_t base, char32_t vm, char32_t tone) {
    if (base == U'đ' || base == U'Đ') { out.append(base == U'đ' ? "dd" : "DD"); return; }
    if (base >= 0x80) return out.push_back(' ');  // VIQR is ASCII: other characters are lost
    out.push_back(static_cast<char>(base));
    if (vm == 0x0306) out.push_back('(');
    if (vm == 0x0302) out.push_back('^');
    if (vm == 0x031B) out.push_back('+');
    const std::map<char32_t, char> tones = {{0x0300, '`'}, {0x0301, '\''}, {0x0309, '?'}, {0x0303, '~'}, {0x0323, '.'}};
    if (tone) out.push_back(tones.at(tone));
  });
}

std::string join(const std::vector<std::string>& letters) {
  std::string s;
  for (const auto& l : letters) s += l + " ";
  return s;
}

const char* const kSentences[] = {
    "Ngày 7 tháng 12 năm 2019, Bộ Chính trị ban hành Nghị quyết số 18-NQ/TW về một số vấn đề tiếp tục đổi mới, "
    "sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả.",
    "Đồng chí Bí thư Tỉnh ủy phát biểu chỉ đạo hội nghị, yêu cầu các cấp ủy đảng tập trung lãnh đạo thực hiện "
    "tốt nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh.",
    "Người dân phấn khởi trước những đổi thay của quê hương sau mười năm xây dựng nông thôn mới.",
};

TEST(Decode, RoundTripsEveryTonedLetterThroughWindows1258) {
  for (bool upper : {false, true}) {
    std::string text = join(toned_letters(upper));
    EXPECT_EQ(decode(iconv_encode(text, "CP1258"), Encoding::Windows1258), text);
  }
}

TEST(Decode, RoundTripsTcvn3Letters) {
  std::string lower = join(toned_letters(false));
  std::string bytes = iconv_encode(lower, "TCVN5712-1");
  EXPECT_EQ(bytes.size(), 67u * 2);  // one byte per letter
  EXPECT_EQ(decode(bytes, Encoding::Tcvn3), lower);
  // Upper case: the letters TCVN3 (and VN1 above 0x7F) has codes for.
  int decoded = 0;
  for (const std::string& letter : toned_letters(true)) {
    std::string b = iconv_encode(letter, "TCVN5712-1");
    ASSERT_EQ(b.size(), 1u) << letter;
    if (static_cast<unsigned char>(b[0]) < 0x80) continue;  // VN1 puts it among control codes
    EXPECT_EQ(decode(b, Encoding::Tcvn3), letter);
    ++decoded;
  }
  EXPECT_EQ(decoded, 67 - 12);
  for (const char* letter : {"Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"})  // TCVN3's own capitals
    EXPECT_EQ(decode(iconv_encode(letter, "TCVN5712-1"), Encoding::Tcvn3), letter);
}

TEST(Decode, RoundTripsEveryTonedLetterThroughVni) {
  for (bool upper : {false, true}) {
    std::string text = join(toned_letters(upper));
    EXPECT_EQ(decode(vni_encode(text), Encoding::Vni), text);
  }
}

TEST(Decode, RoundTripsEveryTonedLetterThroughViqr) {
  for (bool upper : {false, true}) {
    for (const std::string& letter : toned_letters(upper)) {
      EXPECT_EQ(decode(viqr_encode(letter), Encoding::Viqr), letter) << viqr_encode(letter);
    }
  }
}

TEST(Decode, Utf8AndUtf16WithAndWithoutBom) {
  const std::string text = kSentences[0];
  EXPECT_EQ(decode(text, Encoding::Utf8), text);
  EXPECT_EQ(decode("\xEF\xBB\xBF" + text, Encoding::Utf8), text);
  EXPECT_EQ(decode(nfd(text), Encoding::Utf8), text);  // output is NFC
  std::string le = iconv_encode(text, "UTF-16LE"), be = iconv_encode(text, "UTF-16BE");
  EXPECT_EQ(decode("\xFF\xFE" + le, Encoding::Utf16), text);
  EXPECT_EQ(decode("\xFE\xFF" + be, Encoding::Utf16), text);
  EXPECT_EQ(decode(le, Encoding::Utf16LE), text);
  EXPECT_EQ(decode(be, Encoding::Utf16BE), text);
  // Surrogate pairs (lone surrogates: tests/cases/decode.tsv).
  EXPECT_EQ(decode(iconv_encode("a😀b", "UTF-16LE"), Encoding::Utf16LE), "a😀b");
}

TEST(Detect, RealisticSentencesInEveryEncoding) {
  for (const char* sentence : kSentences) {
    const std::string text = sentence;
    SCOPED_TRACE(text);
    EXPECT_EQ(detect_encoding(text), Encoding::Utf8);
    EXPECT_EQ(decode(text), text);
    EXPECT_EQ(decode(nfd(text)), text);
    EXPECT_EQ(detect_encoding("\xEF\xBB\xBF" + text), Encoding::Utf8);
    EXPECT_EQ(decode("\xFF\xFE" + iconv_encode(text, "UTF-16LE")), text);
    EXPECT_EQ(decode("\xFE\xFF" + iconv_encode(text, "UTF-16BE")), text);

    std::string cp1258 = iconv_encode(text, "CP1258");
    EXPECT_EQ(detect_encoding(cp1258), Encoding::Windows1258);
    EXPECT_EQ(decode(cp1258), text);

    std::string vni = vni_encode(text);
    EXPECT_EQ(detect_encoding(vni), Encoding::Vni);
    EXPECT_EQ(decode(vni), text);

    std::string viqr = viqr_encode(text);
    EXPECT_EQ(detect_encoding(viqr), Encoding::Viqr) << viqr;
  }
  // TCVN3: these sentences have no capital outside TCVN3's codes but Đ and B, N...
  for (const char* sentence : kSentences) {
    std::string text = sentence;
    std::string tcvn = iconv_encode(text, "TCVN5712-1");
    EXPECT_EQ(detect_encoding(tcvn), Encoding::Tcvn3) << text;
    EXPECT_EQ(decode(tcvn), text);
  }
  // A whole VIQR sentence decodes (its final "." follows a toned word).
  EXPECT_EQ(decode(viqr_encode(kSentences[2])), kSentences[2]);
}

// Whole news articles (../shared/seeds), converted to each legacy encoding.
TEST(Detect, SeedArticlesInEveryEncoding) {
  const std::string dir = VNSQL_SOURCE_DIR "/../shared/seeds/";
  int articles = 0;
  for (const char* name : {"000_d126b7c606d477ea.txt", "001_ce89a14dfc8bd3c1.txt", "002_9b0b22747e62e363.txt",
                           "003_69f8726ca008182f.txt", "004_8c93615bc56bc492.txt"}) {
    FILE* f = std::fopen((dir + name).c_str(), "rb");
    if (!f) continue;
    std::string raw;
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) raw.append(buf, n);
    std::fclose(f);
    ++articles;
    SCOPED_TRACE(name);
    const std::string text = normalize(raw);
    EXPECT_EQ(decode(raw), text);
    EXPECT_EQ(detect_encoding(iconv_encode(text, "CP1258//TRANSLIT")), Encoding::Windows1258);
    EXPECT_EQ(detect_encoding(iconv_encode(text, "TCVN5712-1//TRANSLIT")), Encoding::Tcvn3);
    EXPECT_EQ(detect_encoding(vni_encode(text)), Encoding::Vni);
    EXPECT_EQ(detect_encoding(viqr_encode(text)), Encoding::Viqr);
    // The whole article comes back (its punctuation is all in Windows-1252).
    EXPECT_EQ(decode(vni_encode(text)), text);
    EXPECT_EQ(decode(iconv_encode(text, "CP1258//TRANSLIT")), text);
  }
  if (articles == 0) GTEST_SKIP() << "no seed articles in " << dir;
}

TEST(Encodings, NamesAreCaseInsensitiveWithAliases) {
  EXPECT_EQ(parse_encoding("UTF-8"), Encoding::Utf8);
  EXPECT_EQ(parse_encoding("utf8"), Encoding::Utf8);
  EXPECT_EQ(parse_encoding("Windows-1258"), Encoding::Windows1258);
  EXPECT_EQ(parse_encoding("CP1258"), Encoding::Windows1258);
  EXPECT_EQ(parse_encoding("ABC"), Encoding::Tcvn3);
  EXPECT_EQ(parse_encoding("tcvn"), Encoding::Tcvn3);
  EXPECT_EQ(parse_encoding("VNI-Windows"), Encoding::Vni);
  EXPECT_EQ(parse_encoding("VIQR"), Encoding::Viqr);
  EXPECT_EQ(parse_encoding("utf_16"), Encoding::Utf16);
  EXPECT_EQ(parse_encoding("latin1"), std::nullopt);
  EXPECT_EQ(parse_encoding(""), std::nullopt);
}

using DecodeSql = testing::SqlTest;

TEST_F(DecodeSql, DecodesBlobsAndText) {
  exec("CREATE TABLE f(raw BLOB)");
  exec("INSERT INTO f VALUES (X'" + std::string("566965E474204E616D") + "')");  // "Vieät Nam" in VNI
  EXPECT_EQ(scalar("SELECT vn_decode(raw) FROM f"), "Việt Nam");
  EXPECT_EQ(scalar("SELECT vn_decode(raw, 'VNI') FROM f"), "Việt Nam");
  EXPECT_EQ(scalar("SELECT vn_decode('Vie^.t Nam')"), "Việt Nam");
  EXPECT_EQ(scalar("SELECT vn_decode(?, 'utf-8')", {nfd("Thủ tướng")}), "Thủ tướng");
  EXPECT_EQ(scalar("SELECT vn_decode(X'EFBBBF4869')"), "Hi");
  EXPECT_EQ(scalar("SELECT vn_decode('x', NULL)"), "x");  // NULL encoding: detect
}

TEST_F(DecodeSql, BadInput) {
  EXPECT_EQ(scalar("SELECT vn_decode(NULL)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT vn_decode(NULL, 'tcvn3')"), std::nullopt);
  EXPECT_EQ(scalar("SELECT vn_decode(123)"), "123");
  EXPECT_EQ(scalar("SELECT vn_decode(1.5, 'viqr')"), "1.5");
  EXPECT_EQ(error_of("SELECT vn_decode('x', 'latin-9')"),
            "vn_decode: unknown encoding 'latin-9' (known: " + known_encodings() + ")");
  EXPECT_NE(error_of("SELECT vn_decode('x', 42)").find("unknown encoding '42'"), std::string::npos);
  EXPECT_NE(error_of("SELECT vn_decode(X'FF', X'FF')").find("unknown encoding '\xEF\xBF\xBD'"), std::string::npos);
  // Invalid UTF-8 named as UTF-8: U+FFFD, valid output.
  auto v = scalar("SELECT vn_decode(X'61FF62C3', 'utf-8')");
  EXPECT_EQ(v, "a\uFFFDb\uFFFD");
  // Random bytes in every encoding: valid UTF-8 out, no crash.
  for (const char* enc : {"utf-8", "utf-16", "utf-16be", "windows-1258", "tcvn3", "vni", "viqr"}) {
    auto r = scalar(std::string("SELECT vn_decode(randomblob(5000), '") + enc + "')");
    ASSERT_TRUE(r) << enc;
    EXPECT_TRUE(utf8::is_valid(*r)) << enc;
  }
  for (int i = 0; i < 20; ++i) {
    auto r = scalar("SELECT vn_decode(randomblob(abs(random()) % 3000))");
    ASSERT_TRUE(r);
    EXPECT_TRUE(utf8::is_valid(*r));
  }
}

TEST_F(DecodeSql, HundredMegabytes) {
  const auto start = std::chrono::steady_clock::now();
  // 100 MB values: NUL bytes and ASCII words are valid UTF-8, returned as they are.
  EXPECT_EQ(scalar("SELECT length(CAST(vn_decode(zeroblob(100000000)) AS BLOB))"), "100000000");
  EXPECT_EQ(scalar("SELECT length(vn_decode(replace(hex(zeroblob(25000000)), '0', 'a ')))"), "100000000");
  // A large TCVN3 document (16 MB, to keep the test quick under ASan; the
  // work per byte is linear), detected and decoded.
  std::string sentence = iconv_encode(std::string(kSentences[1]) + "\n", "TCVN5712-1");
  std::string big;
  while (big.size() < 16'000'000) big += sentence;
  EXPECT_EQ(detect_encoding(big), Encoding::Tcvn3);
  std::string text = decode(big);
  EXPECT_EQ(text.substr(0, std::string(kSentences[1]).size()), kSentences[1]);
  EXPECT_EQ(utf8::count_chars(text), utf8::count_chars(std::string(kSentences[1]) + "\n") * (big.size() / sentence.size()));
  std::cout << "large-value tests took "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
}

}  // namespace
}  // namespace vnsql
