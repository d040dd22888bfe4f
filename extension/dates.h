// Dates written in Vietnamese text: "19/5/2018", "19-5-2018", "19.5.2018",
// "ngày 25 tháng 10 năm 2017" (also without diacritics), "tháng 10/2017".
// A date needs its year: "Sáng 7/12" is reported only to callers that ask for
// yearless dates, and gets a year only from a reference date (DateReader: the
// article's publication date), never a guess. Impossible dates (31/2/2019)
// are not dates.
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

// Whether the day exists: 29/2/2016 does, 29/2/2006 and 31/4/2017 do not.
bool is_real_date(int year, int month, int day);

struct DateMatch {
  size_t begin = 0;  // byte offsets of the surface
  size_t end = 0;
  int year = 0;      // 0: written without a year
  int month = 0;
  int day = 0;       // 0: a month ("tháng 10/2017")
  bool inferred = false;  // the year was not written: it comes from the reference (DateReader)
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

// The dates of a text read beside a reference date (an article's publication
// date): every date DateScanner finds with its year, and a day and month
// written without one where a word says it is a day ("Sáng 7/12", "tối 7-5",
// "ngày 25/10", "hôm 3-1", "(19/9)", "ngày 5/2 và 6/2": data/date_words.tsv),
// with the year that puts it nearest the reference, or the next one on or after
// it ("ngày 7/12 tới"), the last one on or before it ("hôm 3/2 vừa qua").
// Without a reference, the dates with a year only.
class DateReader {
 public:
  DateReader(std::string_view text, const DateMatch* reference);
  bool next(DateMatch& date);

 private:
  bool read_yearless(DateMatch& date) const;

  std::string_view text_;
  DateScanner scanner_;
  DateMatch reference_;
  bool has_reference_;
  size_t previous_end_ = std::string_view::npos;  // the end of the last date given
};

// "YYYY-MM-DD", alone or before a time ("2019-12-07T10:20", "2019-12-07 10:20"),
// as a date; false if s is not one.
bool parse_iso_date(std::string_view s, DateMatch& date);

// The ISO form of the first date with a year, or "" if there is none.
std::string first_date(std::string_view text);

// SQL wrappers (registered in vnsql.cpp): vn_date(text) and the table-valued vn_dates(text).
void sql_vn_date(sqlite3_context* ctx, int argc, sqlite3_value** argv);
struct TableFunction;
extern const TableFunction kDatesFunction;

}  // namespace vnsql
