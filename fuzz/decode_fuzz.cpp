// vn_decode(): any bytes in every encoding (and detected) give valid UTF-8 in
// normalize.h's canonical form.
#include <cstdint>
#include <string>

#include "encodings.h"
#include "fuzz_check.h"
#include "normalize.h"

namespace {

void check(const std::string& out) {
  FUZZ_CHECK(vnsql::fuzz::valid_utf8(out));
  FUZZ_CHECK(vnsql::normalize(out) == out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  using vnsql::Encoding;
  for (Encoding e : {Encoding::Utf8, Encoding::Utf16, Encoding::Utf16LE, Encoding::Utf16BE, Encoding::Windows1258,
                     Encoding::Tcvn3, Encoding::Vni, Encoding::Viqr}) {
    check(vnsql::decode(bytes, e));
    FUZZ_CHECK(vnsql::parse_encoding(vnsql::encoding_name(e)) == e);
  }
  check(vnsql::decode(bytes));
  (void)vnsql::vietnamese_score(bytes);
  return 0;
}
