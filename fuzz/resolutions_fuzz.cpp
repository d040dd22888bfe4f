// resolutions() (the C++ function behind the SQL table function): every
// reference's start/length select its surface with SQLite's substr(), in text
// order; resolution_id(text, n) agrees with the n-th reference.
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "resolutions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<vnsql::Resolution> all = vnsql::resolutions(text);
  size_t chars = vnsql::fuzz::sqlite_char_starts(text).size();
  size_t previous_start = 0;
  for (const vnsql::Resolution& r : all) {
    FUZZ_CHECK(r.start >= 1 && r.length >= 1);
    FUZZ_CHECK(r.start + r.length - 1 <= chars);
    FUZZ_CHECK(r.start >= previous_start);
    FUZZ_CHECK(vnsql::fuzz::substr_selects(text, r.start, r.length, r.surface));
    // Every row has its number, but a plenum the table does not hold ("NQ TW 26"): id NULL, issuer TW.
    FUZZ_CHECK(!r.number.empty() || (!r.id && r.issuer && *r.issuer == "TW"));
    if (r.id) FUZZ_CHECK(vnsql::fuzz::valid_utf8(*r.id) && !r.id->empty());
    if (r.date) FUZZ_CHECK(r.date->size() == 10 && (*r.date)[4] == '-' && (*r.date)[7] == '-');
    previous_start = r.start;
  }
  if (!all.empty()) {
    FUZZ_CHECK(vnsql::resolution_id(text, 1) == all.front().id);
    FUZZ_CHECK(vnsql::resolution_id(text, static_cast<long long>(all.size())) == all.back().id);
  }
  FUZZ_CHECK(!vnsql::resolution_id(text, static_cast<long long>(all.size()) + 1));
  return 0;
}
