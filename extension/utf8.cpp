#include "utf8.h"

namespace vnsql::utf8 {

bool is_valid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    if (decode(s, i) == kReplacement && !(i - start == 3 && s.compare(start, 3, "\xEF\xBF\xBD") == 0))
      return false;
  }
  return true;
}

std::string sanitize(std::string_view s) {
  if (is_valid(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) append(out, decode(s, i));
  return out;
}

}  // namespace vnsql::utf8
