// UTF-8 decoding and encoding shared by every text function.
//
// Policy for bad input (documented in README): an invalid, overlong, surrogate
// or truncated sequence decodes as U+FFFD and consumes exactly one byte, so
// scanning always advances and offsets stay inside the text.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vnsql::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[i] and advances i past it.
inline char32_t decode(std::string_view s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) { ++i; return c; }
  size_t n; char32_t cp; char32_t min;
  if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; min = 0x10000; }
  else { ++i; return kReplacement; }
  if (i + n >= s.size()) { ++i; return kReplacement; }  // truncated
  for (size_t k = 1; k <= n; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) { ++i; return kReplacement; }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return kReplacement; }
  i += n + 1;
  return cp;
}

inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Steps over one character as SQLite's length() and substr() count them
// (SQLITE_SKIP_UTF8): a byte of 0xC0 or more takes every continuation byte
// (0x80-0xBF) after it; any other byte, a stray continuation byte too, is a
// character of its own. For valid UTF-8 this is one code point.
inline size_t skip_char(std::string_view s, size_t i) {
  if (static_cast<unsigned char>(s[i++]) >= 0xC0)
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// Characters as SQLite counts them (see skip_char).
inline size_t count_chars(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i = skip_char(s, i)) ++n;
  return n;
}

// Converts byte offsets into 1-based character positions as SQLite's substr()
// counts them, scanning forward only, so a whole text is converted in one
// linear pass. On invalid UTF-8 an end offset may fall inside SQLite's
// character (stray continuation bytes after a letter); that character counts.
class CharCounter {
 public:
  explicit CharCounter(std::string_view s) : s_(s) {}
  // 1 + the number of characters that start before byte `pos`; calls must
  // not go backwards.
  size_t position(size_t pos) {
    if (pos < last_) { next_ = 0; chars_ = 0; }  // tolerate a restart
    last_ = pos;
    while (next_ < pos && next_ < s_.size()) {  // count the characters starting before pos
      next_ = skip_char(s_, next_);
      ++chars_;
    }
    return chars_ + 1;
  }
 private:
  std::string_view s_;
  size_t next_ = 0;   // start of the first character not counted yet
  size_t chars_ = 0;  // characters starting before next_
  size_t last_ = 0;
};

// Returns s with every invalid sequence replaced by U+FFFD (valid input is returned unchanged).
std::string sanitize(std::string_view s);
bool is_valid(std::string_view s);

}  // namespace vnsql::utf8
