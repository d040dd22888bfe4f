// find_officials() and officials_json() (extract_officials): the JSON parses,
// strings are valid UTF-8, and each name's start/length lie inside the text.
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "officials.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<vnsql::OfficialMention> mentions = vnsql::find_officials(text);
  size_t chars = vnsql::fuzz::sqlite_char_starts(text).size();
  size_t previous_start = 0;
  for (const vnsql::OfficialMention& m : mentions) {
    FUZZ_CHECK(m.start >= 1 && m.length >= 1);
    FUZZ_CHECK(m.start + m.length - 1 <= chars);
    FUZZ_CHECK(m.start >= previous_start);
    FUZZ_CHECK(!m.name.empty() && vnsql::fuzz::valid_utf8(m.name));
    for (const std::string& title : m.titles) FUZZ_CHECK(!title.empty() && vnsql::fuzz::valid_utf8(title));
    previous_start = m.start;
  }
  std::string json = vnsql::officials_json(mentions);
  FUZZ_CHECK(vnsql::fuzz::JsonChecker(json).valid());
  FUZZ_CHECK(json.front() == '[' && json.back() == ']');
  return 0;
}
