// Unicode normalization forms computed by utf8proc, as an independent
// reference for the tests (the module's own code is what they check).
#pragma once
#include <utf8proc.h>

#include <cstdlib>
#include <string>

namespace vnsql::testing {

inline std::string utf8proc_form(const std::string& s, int options) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                        &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | options));
  if (n < 0) return s;
  std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return r;
}
inline std::string nfd(const std::string& s) { return utf8proc_form(s, UTF8PROC_DECOMPOSE); }
inline std::string nfc(const std::string& s) { return utf8proc_form(s, UTF8PROC_COMPOSE); }

}  // namespace vnsql::testing
