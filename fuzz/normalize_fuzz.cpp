// vnsql::normalize, unaccent, lower and fold: valid UTF-8 out of any bytes;
// normalize and lower idempotent; unaccent leaves no combining mark and no đ/Đ.
#include <utf8proc.h>

#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "normalize.h"

namespace {

bool has_mark_or_dd(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp = vnsql::utf8::decode(s, i);
    if (cp == U'đ' || cp == U'Đ') return true;
    utf8proc_category_t c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    if (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  std::string normalized = vnsql::normalize(text);
  FUZZ_CHECK(vnsql::fuzz::valid_utf8(normalized));
  FUZZ_CHECK(vnsql::normalize(normalized) == normalized);

  std::string unaccented = vnsql::unaccent(text);
  FUZZ_CHECK(vnsql::fuzz::valid_utf8(unaccented));
  FUZZ_CHECK(!has_mark_or_dd(unaccented));

  std::string lowered = vnsql::lower(text);
  FUZZ_CHECK(vnsql::fuzz::valid_utf8(lowered));
  FUZZ_CHECK(vnsql::lower(lowered) == lowered);

  std::string folded = vnsql::fold(text);
  FUZZ_CHECK(vnsql::fuzz::valid_utf8(folded));
  FUZZ_CHECK(!has_mark_or_dd(folded));
  return 0;
}
