// Cost (issue 21): a short fuzzed pattern repeated into a long text, so that
// work or memory out of proportion to the text shows; small inputs never
// show it. Time: libFuzzer's -timeout (fuzz/CMakeLists.txt). Memory: the call
// runs on a quarter of the text first, and its peak heap (ASan's allocator
// hooks, tests/heap_counter.h) on the whole text may exceed that by at most
// 8 bytes for each byte more + 1 MiB: what grows faster than the text, or
// linearly but by far more than it, fails; a buffer that stops growing at a
// fixed size cancels out once both texts fill it. (tests/memory_test.cpp
// holds every function to 4 bytes a byte, at 4 MB.)
//
// Input: one control byte, then the pattern (at most 64 bytes; -max_len=65).
// Bits 6-7 of the control byte choose the size, 32 KB << (0..3), up to
// 256 KB; bits 0-5 (modulo the number of calls) the function that runs.
// Checks on the outputs, besides the other targets' own: valid UTF-8 where
// they check it; vn_normalize's stream-safe form (UAX #15: no more than 30
// non-starters in a row) and idempotence; vn_title's JSON parses.
//
// New calls go at the end of kCalls: the inputs in fuzz/regressions/ choose
// theirs by index (bits 0-5 below the number of calls).
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "article.h"
#include "dates.h"
#include "delegations.h"
#include "encodings.h"
#include "names.h"
#include "../tests/heap_counter.h"
#include "fuzz_check.h"
#include "normalize.h"
#include "officials.h"
#include "provinces.h"
#include "query.h"
#include "resolutions.h"
#include "titles.h"
#include "tokenizer.h"

namespace {

using vnsql::fuzz::valid_utf8;

// The longest run of characters whose canonical combining class is not 0.
size_t longest_non_starter_run(std::string_view s) {
  size_t run = 0, longest = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = vnsql::utf8::decode(s, i);
    run = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// vn_title(title, place): valid UTF-8 and JSON that parses.
void title(std::string_view text, std::string_view place) {
  vnsql::TitleParts parts;
  if (!vnsql::parse_title(text, parts, place)) return;
  const std::string json = vnsql::title_json(parts);
  FUZZ_CHECK(valid_utf8(json));
  FUZZ_CHECK(vnsql::fuzz::JsonChecker(json).valid());
}

void tokens(const std::string& text, vnsql::Diacritics mode, bool query) {
  vnsql::TokenStream stream(text, vnsql::TokenizerOptions{mode}, query, query);
  vnsql::Token token;
  while (stream.next(token)) FUZZ_CHECK(valid_utf8(token.term));
}

using Call = void (*)(const std::string&);
const Call kCalls[] = {
    [](const std::string& t) {
      const std::string n = vnsql::normalize(t);
      FUZZ_CHECK(valid_utf8(n));
      FUZZ_CHECK(longest_non_starter_run(n) <= 30);
      FUZZ_CHECK(vnsql::normalize(n) == n);
    },
    [](const std::string& t) { FUZZ_CHECK(valid_utf8(vnsql::unaccent(t))); },
    [](const std::string& t) { FUZZ_CHECK(valid_utf8(vnsql::lower(t))); },
    [](const std::string& t) { FUZZ_CHECK(valid_utf8(vnsql::fold(t))); },
    [](const std::string& t) { tokens(t, vnsql::Diacritics::Smart, false); },
    [](const std::string& t) { tokens(t, vnsql::Diacritics::Fold, false); },
    [](const std::string& t) { tokens(t, vnsql::Diacritics::Keep, false); },
    [](const std::string& t) { tokens(t, vnsql::Diacritics::Smart, true); },
    [](const std::string& t) {
      for (const auto& r : vnsql::resolutions(t))
        if (r.id) FUZZ_CHECK(valid_utf8(*r.id));
    },
    [](const std::string& t) { FUZZ_CHECK(valid_utf8(vnsql::officials_json(vnsql::find_officials(t)))); },
    [](const std::string& t) {
      vnsql::DateScanner dates(t, true);
      vnsql::DateMatch date;
      while (dates.next(date)) {
      }
      vnsql::first_date(t);
    },
    [](const std::string& t) { FUZZ_CHECK(valid_utf8(vnsql::decode(t))); },
    [](const std::string& t) { FUZZ_CHECK(valid_utf8(vnsql::decode(t, vnsql::Encoding::Tcvn3))); },
    [](const std::string& t) { FUZZ_CHECK(valid_utf8(vnsql::decode(t, vnsql::Encoding::Viqr))); },
    [](const std::string& t) { FUZZ_CHECK(valid_utf8(vnsql::fts5_query(t))); },
    [](const std::string& t) {
      vnsql::article_title(t);
      vnsql::article_published(t);
      vnsql::article_source(t);
      vnsql::article_body(t);
      vnsql::sha256_hex(t);
    },
    [](const std::string& t) {
      for (const auto& d : vnsql::find_delegations(t)) FUZZ_CHECK(valid_utf8(vnsql::documents_json(d.documents)));
    },
    // vn_title: the whole text (no title: over kMaxTitleBytes), its first
    // kMaxTitleBytes bytes as a title, each with the text as the place; and a
    // title that takes its province from the place.
    [](const std::string& t) {
      title(t, t);
      title(std::string_view(t).substr(0, vnsql::kMaxTitleBytes), t);
      title("Bí thư Tỉnh ủy", t);
    },
    [](const std::string& t) {
      if (const auto key = vnsql::name_key(t)) FUZZ_CHECK(valid_utf8(*key));
    },
    [](const std::string& t) {
      if (const auto p = vnsql::province(t)) FUZZ_CHECK(valid_utf8(*p));
    },
    [](const std::string& t) {
      if (const auto p = vnsql::province_2025(t)) FUZZ_CHECK(valid_utf8(*p));
    },
};
constexpr size_t kCallCount = sizeof kCalls / sizeof kCalls[0];

// The heap a call needs at its peak above what was in use when it began.
long long peak_heap(Call call, const std::string& text) {
  const long long before = vnsql::testing::all_heap.reset();
  call(text);
  return vnsql::testing::all_heap.peak - before;
}

std::string repeat(std::string_view pattern, size_t length) {
  std::string text;
  text.reserve(length + pattern.size());
  while (text.size() < length) text += pattern;
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const std::string_view pattern(reinterpret_cast<const char*>(data) + 1, std::min<size_t>(size - 1, 64));
  const size_t length = size_t{32 << 10} << (data[0] >> 6);
  const Call call = kCalls[(data[0] & 63) % kCallCount];
  const std::string quarter = repeat(pattern, length / 4), text = repeat(pattern, length);
  // Once first, so that what a function sets up once per process (its tables,
  // built on first use) is not counted against the longer text.
  call(std::string(pattern));
  const long long more = peak_heap(call, text) - peak_heap(call, quarter);
  FUZZ_CHECK(more <= 8 * static_cast<long long>(text.size() - quarter.size()) + (1 << 20));
  return 0;
}
