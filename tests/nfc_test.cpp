// vn_normalize() is NFC for every code point, alone and followed by any mark
// that composes with it, with the Vietnamese rules on top: the tone placement
// (syllables only, never a single letter) and the look-alikes of Đ/đ, which
// become Đ/đ. The oracle is utf8proc's NFC; tests/nfc_sweep.py checks the
// same against Python's unicodedata.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "chars.h"
#include "normalize.h"
#include "utf8.h"

namespace vnsql {
namespace {

std::string nfc(const std::string& text) {
  auto* mapped = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
  std::string out(reinterpret_cast<const char*>(mapped));
  free(mapped);
  return out;
}

std::string encode(std::initializer_list<char32_t> cps) {
  std::string s;
  for (char32_t cp : cps) utf8::append(s, cp);
  return s;
}

bool is_look_alike(char32_t cp) { return (chars::is_capital_d(cp) || chars::is_small_d(cp)) && cp != 0x0110 && cp != 0x0111; }

TEST(Nfc, EveryCodePointAlone) {
  int checked = 0;
  for (char32_t cp = 1; cp <= 0x10FFFF; ++cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || is_look_alike(cp)) continue;
    const std::string s = encode({cp});
    ASSERT_EQ(normalize(s), nfc(s)) << std::hex << static_cast<uint32_t>(cp);
    ++checked;
  }
  EXPECT_EQ(checked, 0x10FFFF - 0x800 - 4);
  EXPECT_EQ(normalize("\u037E"), ";");       // Greek question mark
  EXPECT_EQ(normalize("\u2329"), "\u3008");  // left-pointing angle bracket
}

// Every canonical pair that NFC composes (the first code point of a pair
// followed by a second one, as utf8proc's tables mark them), and every code
// point below U+2000 followed by each Vietnamese mark.
TEST(Nfc, EveryCodePointFollowedByAMarkThatComposes) {
  std::vector<char32_t> firsts, seconds;
  for (char32_t cp = 1; cp <= 0x10FFFF; ++cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || is_look_alike(cp)) continue;
    const utf8proc_uint16_t index = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->comb_index;
    if (index == UINT16_MAX) continue;
    (index < 0x8000 ? firsts : seconds).push_back(cp);
  }
  ASSERT_GT(firsts.size(), 100u);
  ASSERT_GT(seconds.size(), 50u);
  for (char32_t a : firsts)
    for (char32_t b : seconds) {
      const std::string s = encode({a, b});
      ASSERT_EQ(normalize(s), nfc(s)) << std::hex << static_cast<uint32_t>(a) << " " << static_cast<uint32_t>(b);
    }
  for (char32_t a = 1; a < 0x2000; ++a) {
    if (is_look_alike(a)) continue;
    for (char32_t mark : {0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B}) {
      const std::string s = encode({a, mark});
      ASSERT_EQ(normalize(s), nfc(s)) << std::hex << static_cast<uint32_t>(a) << " " << static_cast<uint32_t>(mark);
    }
  }
  EXPECT_EQ(normalize("\u00A8\u0300"), "\u1FED");  // a spacing diaeresis and a grave: one symbol
  EXPECT_EQ(normalize("a <\u0338 b"), "a \u226E b");
}

}  // namespace
}  // namespace vnsql
