#include "dates.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "chars.h"
#include "data/date_words.h"
#include "sql_util.h"
#include "table_function.h"
#include "utf8.h"

namespace vnsql {
namespace {

// ---------------------------------------------------------------------------
// Knowledge: the words of written-out dates (folded: lower case, no marks)
// and the range of years taken as years.

constexpr std::string_view kDayWord = date_words::kDay;      // ngày
constexpr std::string_view kMonthWord = date_words::kMonth;  // tháng
// "năm" (year); "nam" is accepted only as written without any diacritics,
// since accented look-alikes (nâm, nấm) are other words.
constexpr std::string_view kYearWords[] = {"năm", date_words::kYear};
// Separators of numeric dates, every dash as '-' (chars.h); one date uses one
// separator ("19/5-2018" is not a date).
constexpr std::string_view kNumericSeparators = "/-.";
// "tháng 10/2017", "tháng 10-2017".
constexpr std::string_view kMonthYearSeparators = "/-";
// Separators that join numbers into something else ("4.687/4.687", "1,5/6/2019").
constexpr std::string_view kNumberJoiners = "/-.,:";
constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2199;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of a word of 1..max_digits ASCII digits, or -1.
int number_of(const Word& w, std::string_view text, size_t max_digits) {
  size_t n = w.end - w.begin;
  if (n == 0 || n > max_digits) return -1;
  int value = 0;
  for (size_t i = w.begin; i < w.end; ++i) {
    if (!is_digit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

int year_of(const Word& w, std::string_view text) {
  if (w.end - w.begin != 4) return -1;
  int y = number_of(w, text, 4);
  return (y >= kMinYear && y <= kMaxYear) ? y : -1;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_day(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  if (month == 2 && day == 29) return year == 0 || is_leap(year);  // yearless 29/2 may be real
  return day <= kDays[month - 1];
}

// The separator the code point at text[i] is (every dash is '-'), or 0;
// `next` receives the position after it.
char separator_at(std::string_view text, size_t i, size_t& next) {
  next = i;
  const char32_t c = utf8::decode(text, next);
  if (chars::is_dash(c)) return '-';
  return c < 0x80 ? static_cast<char>(c) : 0;
}

// The single separator character between two words, or 0 if the gap is not one such character.
char single_separator(std::string_view text, const Word& a, const Word& b, std::string_view allowed) {
  size_t next = 0;
  const char c = b.begin > a.end ? separator_at(text, a.end, next) : 0;
  return c && next == b.begin && allowed.find(c) != std::string_view::npos ? c : 0;
}

// True if the gap between two words is horizontal space only (chars.h).
bool space_between(std::string_view text, const Word& a, const Word& b) {
  if (b.begin <= a.end) return false;
  for (size_t i = a.end; i < b.begin;)
    if (!chars::is_space(utf8::decode(text, i))) return false;
  return true;
}

// A numeric date must not be the tail of a longer number ("4.687/4.687", "1,5/6/2019").
bool starts_a_number(std::string_view text, const Word& first) {
  // The code point before the date's first word: back over continuation bytes.
  size_t at = first.begin;
  while (at > 0 && first.begin - at < 3 && (static_cast<unsigned char>(text[at - 1]) & 0xC0) == 0x80) --at;
  if (at == 0) return true;
  size_t next = 0;
  const char c = separator_at(text, --at, next);
  return !(next == first.begin && c && kNumberJoiners.find(c) != std::string_view::npos && at > 0 &&
           is_digit(text[at - 1]));
}

// ...nor its head ("19/5/2018/5", "1.2.2019.3").
bool ends_a_number(std::string_view text, const Word& last) {
  size_t next = 0;
  const char c = last.end < text.size() ? separator_at(text, last.end, next) : 0;
  return !(c && kNumberJoiners.find(c) != std::string_view::npos && next < text.size() && is_digit(text[next]));
}

bool is_year_word(const Word& w) {
  for (auto y : kYearWords)
    if (w.lower == y) return true;
  return false;
}

// True if "năm" (or "nam") follows position `pos` after horizontal space: the
// written-out date goes on with its year.
bool year_word_follows(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i < text.size()) {
    size_t next = i;
    if (!chars::is_space(utf8::decode(text, next))) break;
    i = next;
  }
  if (i == pos) return false;
  // The next word, read as every other word is (any case, tone placement, NFD).
  WordScanner next_word(text.substr(i));
  Word w;
  return next_word.next(w) && w.begin == 0 && is_year_word(w);
}

}  // namespace

bool is_real_date(int year, int month, int day) { return year > 0 && valid_day(year, month, day); }

std::string DateMatch::iso() const {
  if (year == 0) return "";
  char buf[16];
  if (day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool DateScanner::next_match(DateMatch& date) {
  Word word;
  while (words_.next(word)) {
    window_[count_ % kWindow] = std::move(word);
    ++count_;
    if (match_at_last_word(date)) return true;
  }
  return false;
}

bool DateScanner::next(DateMatch& date) {
  for (;;) {
    DateMatch m;
    bool more;
    if (have_queued_) {
      m = queued_;
      have_queued_ = false;
      more = true;
    } else {
      more = next_match(m);
    }
    if (!more) {  // the end: a held yearless date stands
      if (!have_held_) return false;
      have_held_ = false;
      date = held_;
      reported_end_ = date.end;
      return true;
    }
    if (m.begin < reported_end_) continue;  // reaches into a date already returned
    if (have_held_) {
      if (m.begin < held_.end) {  // overlaps the held yearless date
        if (m.year) have_held_ = false;  // the full date wins
        else continue;
      } else {  // the held date stands; this match comes next
        have_held_ = false;
        queued_ = m;
        have_queued_ = true;
        date = held_;
        reported_end_ = date.end;
        return true;
      }
    }
    if (m.year == 0) {
      held_ = m;
      have_held_ = true;
      continue;
    }
    date = m;
    reported_end_ = date.end;
    return true;
  }
}

// Tries every pattern that ends at the newest word.
bool DateScanner::match_at_last_word(DateMatch& date) const {
  const std::string_view t = text_;
  const Word& w0 = back(0);
  const auto have = [&](size_t k) { return count_ > k; };

  if (int year = year_of(w0, t); year > 0) {
    // D/M/Y, D-M-Y, D.M.Y
    if (have(2)) {
      const Word &m = back(1), &d = back(2);
      int month = number_of(m, t, 2), day = number_of(d, t, 2);
      char sep = single_separator(t, d, m, kNumericSeparators);
      if (month > 0 && day > 0 && sep && single_separator(t, m, w0, kNumericSeparators) == sep &&
          starts_a_number(t, d) && ends_a_number(t, w0)) {
        if (!valid_day(year, month, day)) return false;
        date = {d.begin, w0.end, year, month, day};
        return true;
      }
    }
    // [ngày] D tháng M năm Y, tháng M năm Y
    if (have(3) && is_year_word(back(1)) && back(3).folded == kMonthWord &&
        space_between(t, back(1), w0) && space_between(t, back(2), back(1)) && space_between(t, back(3), back(2))) {
      int month = number_of(back(2), t, 2);
      if (month < 1 || month > 12) return false;
      if (have(4) && space_between(t, back(4), back(3)) && starts_a_number(t, back(4))) {
        if (int day = number_of(back(4), t, 2); day > 0) {
          if (!valid_day(year, month, day)) return false;
          bool with_word = have(5) && back(5).folded == kDayWord && space_between(t, back(5), back(4));
          date = {with_word ? back(5).begin : back(4).begin, w0.end, year, month, day};
          return true;
        }
      }
      date = {back(3).begin, w0.end, year, month, 0};
      return true;
    }
    // [ngày] D tháng M/Y, tháng M/Y
    if (have(2) && back(2).folded == kMonthWord && space_between(t, back(2), back(1)) &&
        single_separator(t, back(1), w0, kMonthYearSeparators) && ends_a_number(t, w0)) {
      int month = number_of(back(1), t, 2);
      if (month < 1 || month > 12) return false;
      if (have(3) && space_between(t, back(3), back(2)) && starts_a_number(t, back(3))) {
        if (int day = number_of(back(3), t, 2); day > 0) {
          if (!valid_day(year, month, day)) return false;
          bool with_word = have(4) && back(4).folded == kDayWord && space_between(t, back(4), back(3));
          date = {with_word ? back(4).begin : back(3).begin, w0.end, year, month, day};
          return true;
        }
      }
      date = {back(2).begin, w0.end, year, month, 0};
      return true;
    }
    return false;
  }

  if (!with_yearless_ || !have(1)) return false;
  int month = number_of(w0, t, 2);
  if (month < 1) return false;
  // D/M or D-M with no year after it ("Sáng 7/12", "tối 7-5"), not a share ("5-6%").
  const Word& d = back(1);
  int day = number_of(d, t, 2);
  if (day > 0 && single_separator(t, d, w0, "/-") && starts_a_number(t, d) && ends_a_number(t, w0) &&
      (w0.end >= t.size() || t[w0.end] != '%')) {
    if (!valid_day(0, month, day)) return false;
    date = {d.begin, w0.end, 0, month, day};
    return true;
  }
  // [ngày] D tháng M, not followed by "năm" nor by "/Y" (those have a year).
  if (have(2) && back(1).folded == kMonthWord && space_between(t, back(1), w0) && space_between(t, back(2), back(1)) &&
      !year_word_follows(t, w0.end) && ends_a_number(t, w0)) {
    day = number_of(back(2), t, 2);
    if (day < 1 || !valid_day(0, month, day)) return false;
    bool with_word = have(3) && back(3).folded == kDayWord && space_between(t, back(3), back(2));
    date = {with_word ? back(3).begin : back(2).begin, w0.end, 0, month, day};
    return true;
  }
  return false;
}

namespace {

// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
long days_of(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

template <size_t N>
bool in_class(const char* const (&list)[N], std::string_view words) {
  for (const char* entry : list)
    if (words == entry) return true;
  return false;
}

// The words right after `pos`, lower case, while only space (or a character
// of `also`) stands before each: at most `count` of them.
std::vector<std::string> words_after(std::string_view text, size_t pos, size_t count, std::string_view also = "") {
  std::vector<std::string> out;
  const std::string_view rest = text.substr(pos);
  WordScanner scanner(rest);
  Word w;
  for (size_t at = 0; out.size() < count && scanner.next(w); at = w.end) {
    for (size_t i = at; i < w.begin;) {
      const char32_t c = utf8::decode(rest, i);
      if (!chars::is_space(c) && (c >= 0x80 || also.find(static_cast<char>(c)) == std::string_view::npos)) return out;
    }
    out.push_back(w.lower);
  }
  return out;
}

std::string joined(const std::vector<std::string>& words, size_t from, size_t count) {
  std::string out;
  for (size_t k = from; k < from + count && k < words.size(); ++k) out += (k > from ? " " : "") + words[k];
  return out;
}

bool is_number(const std::string& word) { return !word.empty() && word.find_first_not_of("0123456789") == std::string::npos; }

// The last word before `end` (looked for in the 64 bytes before it), if only
// space and at most one comma stand between ("hôm nay, 6/2"); else "".
std::string cue_before(std::string_view text, size_t end) {
  size_t from = end > 64 ? end - 64 : 0;
  while (from < end && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  const std::string_view before = text.substr(from, end - from);
  WordScanner scanner(before);
  Word w, last;
  bool any = false;
  while (scanner.next(w)) last = std::move(w), any = true;
  if (!any) return "";
  int commas = 0;
  for (size_t i = last.end; i < before.size();) {
    const char32_t c = utf8::decode(before, i);
    if (c == ',') ++commas;
    else if (!chars::is_space(c)) return "";
  }
  return commas <= 1 ? last.lower : "";
}

}  // namespace

bool parse_iso_date(std::string_view s, DateMatch& date) {
  if (s.size() < 10 || (s.size() > 10 && s[10] != 'T' && s[10] != ' ') || s[4] != '-' || s[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  for (int p = 0, i = 0; p < 3; ++p, ++i)
    for (int n = 0; n < (p ? 2 : 4); ++n, ++i) {
      if (!is_digit(s[i])) return false;
      parts[p] = parts[p] * 10 + (s[i] - '0');
    }
  if (!valid_day(parts[0], parts[1], parts[2])) return false;
  date = DateMatch{};
  date.year = parts[0], date.month = parts[1], date.day = parts[2];
  return true;
}

DateReader::DateReader(std::string_view text, const DateMatch* reference)
    : text_(text), scanner_(text, reference != nullptr), has_reference_(reference != nullptr) {
  if (reference) reference_ = *reference;
}

bool DateReader::next(DateMatch& date) {
  while (scanner_.next(date)) {
    if (date.year == 0 && !read_yearless(date)) continue;
    previous_end_ = date.end;
    return true;
  }
  return false;
}

// Gives a yearless day its year from the reference, if words say it is a day.
bool DateReader::read_yearless(DateMatch& date) const {
  namespace words = data::date_words;
  const std::string_view t = text_;
  if (!has_reference_ || date.day == 0) return false;
  WordScanner surface(t.substr(date.begin, date.end - date.begin));
  Word first;
  const bool said = surface.next(first) && first.folded == date_words::kDay;  // "ngày 23 tháng 5"
  const bool parenthesized = date.begin > 0 && t[date.begin - 1] == '(' && date.end < t.size() && t[date.end] == ')';
  bool follows = false;  // right after a date: "ngày 5/2 và 6/2", "từ 20/5 đến 25/5", "5/2, 6/2"
  if (previous_end_ != std::string_view::npos && previous_end_ <= date.begin) {
    std::string between;
    const std::string_view gap = t.substr(previous_end_, date.begin - previous_end_);
    for (size_t i = 0; i < gap.size();) {
      const char32_t c = utf8::decode(gap, i);
      if (chars::is_dash(c)) between += '-';
      else if (!chars::is_space(c)) utf8::append(between, c);
    }
    follows = between.empty() || between == "," || between == "-" || in_class(words::kJoiner, lower(between));
  }
  if (!said && !parenthesized && !follows && !in_class(words::kCue, cue_before(t, date.begin))) return false;
  if (in_class(words::kLunar, joined(words_after(t, date.end, 2, "("), 0, 2))) return false;
  // "tới" before no number ("ngày 7/12 tới", not "từ 5/12 tới 7/12"), "sắp tới"; "vừa qua", "qua".
  const std::vector<std::string> after = words_after(t, date.end, 3);
  int direction = 0;
  for (size_t n : {2, 1}) {
    if (after.size() < n || direction) continue;
    const std::string phrase = joined(after, 0, n);
    if (in_class(words::kAhead, phrase) && (after.size() == n || !is_number(after[n]))) direction = 1;
    else if (in_class(words::kBehind, phrase)) direction = -1;
  }
  const long reference = days_of(reference_.year, reference_.month, reference_.day);
  int best_year = 0;
  long best = 0;
  for (int y = reference_.year - 1; y <= reference_.year + 1; ++y) {
    if (!valid_day(y, date.month, date.day)) continue;
    const long d = days_of(y, date.month, date.day) - reference;
    if ((direction > 0 && d < 0) || (direction < 0 && d > 0)) continue;
    if (!best_year || std::labs(d) < std::labs(best)) best_year = y, best = d;  // a tie goes to the earlier year
  }
  if (!best_year) return false;
  date.year = best_year;
  date.inferred = true;
  return true;
}

std::string first_date(std::string_view text) {
  DateScanner scanner(text);
  DateMatch date;
  return scanner.next(date) ? date.iso() : std::string();
}

// ---------------------------------------------------------------------------
// SQL wrappers.

void sql_vn_date(sqlite3_context* ctx, int, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    auto text = sql::text_arg(argv[0]);
    if (!text) return sqlite3_result_null(ctx);
    std::string iso = first_date(*text);
    if (iso.empty()) return sqlite3_result_null(ctx);
    sql::result_text(ctx, iso);
  });
}

namespace {

class DateRows : public RowSource {
 public:
  DateRows(std::string_view text, const DateMatch* reference) : text_(text), dates_(text_, reference), chars_(text_) {}
  bool next(Row& row) override {
    DateMatch date;
    if (!dates_.next(date)) return false;
    size_t start = chars_.position(date.begin);
    size_t after = chars_.position(date.end);
    row.resize(5);
    row[0] = date.iso();
    row[1] = std::string(text_.substr(date.begin, date.end - date.begin));
    row[2] = static_cast<int64_t>(start);
    row[3] = static_cast<int64_t>(after - start);
    row[4] = static_cast<int64_t>(date.inferred);
    return true;
  }

 private:
  std::string_view text_;  // the argument (see TableFunction::open)
  DateReader dates_;
  utf8::CharCounter chars_;
};

std::unique_ptr<RowSource> open_dates(sqlite3_value** args, int argc) {
  auto text = sql::text_arg(args[0]);
  if (!text) return std::make_unique<VectorRowSource>(std::vector<Row>{});
  DateMatch reference;
  auto given = argc > 1 ? sql::text_arg(args[1]) : std::nullopt;
  if (given && !parse_iso_date(*given, reference))
    throw sql::Error("vn_dates: the reference must be an ISO date, YYYY-MM-DD");
  return std::make_unique<DateRows>(*text, given ? &reference : nullptr);
}

}  // namespace

const TableFunction kDatesFunction = {"vn_dates", "date, surface, start, length, inferred", {"text", "reference"}, 1,
                                      open_dates};

}  // namespace vnsql
