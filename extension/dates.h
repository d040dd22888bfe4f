// Dates written in Vietnamese text: "19/5/2018", "19-5-2018", "19.5.2018",
// "ngày 25 tháng 10 năm 2017" (also without diacritics), "tháng 10/2017".
// A date needs its year: "Sáng 7/12" is reported only to callers that ask for
// yearless dates (to know that the first date of an article has no year),
// never as an ISO date. Impossible dates (31/2/2019) are not dates.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "normalize.h"

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

// The words of a written-out date, folded (lower case, no marks): "ngày D
// tháng M năm Y". resolutions() reads the dates after a reference with them.
namespace date_words {
constexpr std::string_view kDay = "ngay";
constexpr std::string_view kMonth = "thang";
constexpr std::string_view kYear = "nam";
}  // namespace date_words

struct DateMatch {
  size_t begin = 0;  // byte offsets of the surface
  size_t end = 0;
  int year = 0;      // 0: written without a year
  int month = 0;
  int day = 0;       // 0: a month ("tháng 10/2017")
  // "YYYY-MM-DD", "YYYY-MM", or "" for a yearless date.
  std::string iso() const;
};

// Finds dates in one forward pass over the text (linear time, constant memory
// besides the text itself, which must outlive the scanner).
class DateScanner {
 public:
  explicit DateScanner(std::string_view text, bool with_yearless = false)
      : text_(text), words_(text), with_yearless_(with_yearless) {}
  // Fills `date` with the next date in text order and returns true, or returns false at the end.
  bool next(DateMatch& date);

 private:
  static constexpr size_t kWindow = 6;  // the longest pattern: ngày D tháng M năm Y
  const Word& back(size_t k) const { return window_[(count_ - 1 - k) % kWindow]; }
  bool match_at_last_word(DateMatch& date) const;
  bool next_match(DateMatch& date);  // every pattern match, overlapping ones too

  std::string_view text_;
  WordScanner words_;
  bool with_yearless_;
  Word window_[kWindow];
  size_t count_ = 0;  // words seen so far
  size_t reported_end_ = 0;  // end of the last date returned: dates never overlap
  // A yearless date waits until the next match: a full date that overlaps it
  // ("25 tháng 10" in "ngày 25 tháng 10 năm 2017") takes its place.
  DateMatch held_{}, queued_{};
  bool have_held_ = false, have_queued_ = false;
};

// The ISO form of the first date with a year, or "" if there is none.
std::string first_date(std::string_view text);

// SQL wrappers (registered in vnsql.cpp): vn_date(text) and the table-valued vn_dates(text).
void sql_vn_date(sqlite3_context* ctx, int argc, sqlite3_value** argv);
struct TableFunction;
extern const TableFunction kDatesFunction;

}  // namespace vnsql
