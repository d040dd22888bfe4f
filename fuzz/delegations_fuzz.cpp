// find_delegations() with and without a publication date: every string is
// valid UTF-8 (documents as JSON that parses), each row's sentence lies inside
// the text and rows come in text order, a date is ISO or --MM-DD, and a
// delegation without a head has a date and a place (nothing else is one).
#include <cstdint>
#include <string>

#include "delegations.h"
#include "fuzz_check.h"

namespace {

// "2019-12-07", or "--12-07" for a day written without its year.
bool date_shape(const std::string& d) {
  const std::string shape = d.size() == 10 ? "dddd-dd-dd" : "--dd-dd";
  if (d.size() != shape.size()) return false;
  for (size_t i = 0; i < d.size(); ++i)
    if (shape[i] == 'd' ? !(d[i] >= '0' && d[i] <= '9') : d[i] != '-') return false;
  return true;
}

void check(std::string_view text, const vnsql::DateMatch* reference) {
  const size_t chars = vnsql::fuzz::sqlite_char_starts(text).size();
  size_t previous = 0;
  for (const vnsql::Delegation& d : vnsql::find_delegations(text, reference)) {
    FUZZ_CHECK(d.start >= 1 && d.length >= 1 && d.start + d.length - 1 <= chars);
    FUZZ_CHECK(d.start >= previous);
    previous = d.start;
    FUZZ_CHECK(!d.kind.empty() && vnsql::fuzz::valid_utf8(d.kind));
    for (const auto* field : {&d.number, &d.sender, &d.head, &d.head_title, &d.host, &d.province, &d.mandate, &d.activity})
      if (*field) FUZZ_CHECK(!(*field)->empty() && vnsql::fuzz::valid_utf8(**field));
    if (d.date) FUZZ_CHECK(date_shape(*d.date) && (!reference || (*d.date)[0] != '-'));
    FUZZ_CHECK(d.head || (d.date && (d.host || d.province)));
    const std::string json = vnsql::documents_json(d.documents);
    FUZZ_CHECK(vnsql::fuzz::JsonChecker(json).valid() && vnsql::fuzz::valid_utf8(json));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check(text, nullptr);
  vnsql::DateMatch reference;
  reference.year = 2019, reference.month = 12, reference.day = 7;
  check(text, &reference);
  return 0;
}
