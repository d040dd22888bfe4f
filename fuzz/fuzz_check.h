// Checks shared by the fuzz targets. A failed check prints what was expected
// and aborts, so libFuzzer saves the input as a crash.
#pragma once
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "utf8.h"

namespace vnsql::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
  std::abort();
}
#define FUZZ_CHECK(cond) ((cond) ? (void)0 : ::vnsql::fuzz::fail(#cond, __FILE__, __LINE__))

// True if every byte sequence is a complete, shortest, non-surrogate UTF-8 character.
inline bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t before = i;
    char32_t cp = utf8::decode(s, i);
    // decode() consumes one byte for every invalid sequence; a real U+FFFD takes three.
    if (cp == utf8::kReplacement && i - before != 3) return false;
  }
  return true;
}

// Byte offsets at which utf8::decode (the reader every function uses) starts a
// character, plus the end of the text.
inline std::vector<bool> char_boundaries(std::string_view s) {
  std::vector<bool> at(s.size() + 1, false);
  for (size_t i = 0; i < s.size();) {
    at[i] = true;
    utf8::decode(s, i);
  }
  at[s.size()] = true;
  return at;
}

// Where SQLite's length() and substr() start characters in a text value: a
// byte >= 0xC0 takes every continuation byte (0x80-0xBF) after it, any other
// byte (a stray continuation byte too) is one character (SQLITE_SKIP_UTF8).
inline std::vector<size_t> sqlite_char_starts(std::string_view s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size();) {
    starts.push_back(i);
    if (static_cast<unsigned char>(s[i++]) >= 0xC0)
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return starts;
}

// SQLite's substr(s, start, length) on text, for start >= 1 and length >= 0.
inline std::string_view sqlite_substr(std::string_view s, size_t start, size_t length) {
  std::vector<size_t> starts = sqlite_char_starts(s);
  if (start < 1 || start > starts.size()) return {};
  size_t begin = starts[start - 1];
  size_t end = start - 1 + length < starts.size() ? starts[start - 1 + length] : s.size();
  return s.substr(begin, end - begin);
}

// True if SQLite's substr(s, start, length) selects `surface`. On invalid
// UTF-8 SQLite's last character also takes the stray continuation bytes that
// follow the surface (they belong to it in SQLite's counting): allowed.
inline bool substr_selects(std::string_view s, size_t start, size_t length, std::string_view surface) {
  std::string_view got = sqlite_substr(s, start, length);
  if (got.substr(0, surface.size()) != surface) return false;
  for (char c : got.substr(surface.size()))
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) return false;
  return true;
}

// A strict JSON reader (RFC 8259) that only says whether `s` is one JSON value.
class JsonChecker {
 public:
  explicit JsonChecker(std::string_view s) : s_(s) {}
  bool valid() {
    ws();
    if (!value(0)) return false;
    ws();
    return i_ == s_.size();
  }

 private:
  void ws() { while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_; }
  bool lit(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool value(int depth) {
    if (depth > 64 || i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '"') return string();
    if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      ++i_;
      ws();
      if (i_ < s_.size() && s_[i_] == close) { ++i_; return true; }
      for (;;) {
        ws();
        if (close == '}') {
          if (i_ >= s_.size() || s_[i_] != '"' || !string()) return false;
          ws();
          if (!lit(":")) return false;
          ws();
        }
        if (!value(depth + 1)) return false;
        ws();
        if (lit(",")) continue;
        return lit(std::string_view(&close, 1));
      }
    }
    if (c == 't') return lit("true");
    if (c == 'f') return lit("false");
    if (c == 'n') return lit("null");
    return number();
  }
  bool number() {
    size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    size_t digits = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    if (i_ == digits || (s_[digits] == '0' && i_ - digits > 1)) return false;
    if (i_ < s_.size() && s_[i_] == '.') {
      size_t f = ++i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == f) return false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      size_t e = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == e) return false;
    }
    return i_ > start;
  }
  bool string() {
    ++i_;  // opening quote
    size_t start = i_;
    while (i_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return valid_utf8(s_.substr(start, i_ - 1 - start));
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++i_ >= s_.size()) return false;
        char e = s_[i_];
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k)
            if (i_ + k >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_ + k]))) return false;
          i_ += 4;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return false;
        }
      }
      ++i_;
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace vnsql::fuzz
