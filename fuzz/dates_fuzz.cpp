// vn_dates / vn_date (DateScanner, first_date): dates in text order, offsets on
// character boundaries, real calendar dates, ISO form consistent with the parts.
#include <cstdint>
#include <string>

#include "dates.h"
#include "fuzz_check.h"

namespace {

bool real_date(int year, int month, int day) {
  if (month < 1 || month > 12) return false;
  if (day == 0) return true;  // a month
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day < 1 || day > kDays[month - 1]) return false;
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return !(month == 2 && day == 29 && year != 0 && !leap);
}

std::string first_with_year(std::string_view text, bool with_yearless) {
  vnsql::DateScanner scanner(text, with_yearless);
  std::vector<bool> boundary = vnsql::fuzz::char_boundaries(text);
  vnsql::utf8::CharCounter chars(text);
  vnsql::DateMatch date;
  size_t previous_end = 0;
  std::string first;
  while (scanner.next(date)) {
    FUZZ_CHECK(date.begin < date.end && date.end <= text.size());
    FUZZ_CHECK(boundary[date.begin] && boundary[date.end]);
    FUZZ_CHECK(date.begin >= previous_end);
    FUZZ_CHECK(real_date(date.year, date.month, date.day));
    std::string iso = date.iso();
    if (date.year == 0) {
      FUZZ_CHECK(with_yearless && iso.empty());
    } else {
      FUZZ_CHECK(date.year >= 1800 && date.year <= 2199);
      FUZZ_CHECK(iso.size() == (date.day ? 10u : 7u));
      if (first.empty()) first = iso;
    }
    // vn_dates' start/length select the surface with substr().
    size_t start = chars.position(date.begin);
    size_t length = chars.position(date.end) - start;
    FUZZ_CHECK(vnsql::fuzz::substr_selects(text, start, length, text.substr(date.begin, date.end - date.begin)));
    previous_end = date.end;
  }
  return first;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string first = first_with_year(text, false);
  FUZZ_CHECK(first_with_year(text, true) == first);
  FUZZ_CHECK(vnsql::first_date(text) == first);
  return 0;
}
