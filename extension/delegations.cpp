#include "delegations.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "article.h"
#include "chars.h"
#include "data/delegation_words.h"
#include "data/titles.h"
#include "data/plenums.h"
#include "data/surnames.h"
#include "normalize.h"
#include "officials.h"
#include "provinces.h"
#include "resolutions.h"
#include "sql_util.h"
#include "table_function.h"
#include "utf8.h"

namespace vnsql {
namespace {

// ---------------------------------------------------------------------------
// Knowledge: data/delegation_words.tsv, as word sequences.

enum Class : unsigned {
  kDelegationWord = 1u << 0,
  kKind = 1u << 1,
  kHeadTitle = 1u << 2,
  kDeputy = 1u << 3,
  kHeadVerb = 1u << 4,
  kCount = 1u << 5,
  kPlan = 1u << 6,
  kSenderCue = 1u << 7,
  kHeadCue = 1u << 8,
  kHostCue = 1u << 9,
  kHostWord = 1u << 10,
  kEnd = 1u << 11,
  kContinuation = 1u << 12,
  kMandateCue = 1u << 13,
  kActivity = 1u << 14,
  kEventDate = 1u << 15,
  kGeneral = 1u << 16,
  kStop = 1u << 17,
  kKindModifier = 1u << 18,
  kWith = 1u << 19,
  kAnaphora = 1u << 20,
  kMembers = 1u << 21,
};

struct Phrase {
  std::vector<std::string> lower, folded;  // its words
  unsigned classes = 0;
  std::string output;
  size_t order = 0;  // line in the table: activities, most specific first
};

struct Lexicon {
  // Phrases by their first word (lower case; folded).
  std::unordered_map<std::string, std::vector<const Phrase*>> by_lower, by_folded;
  std::vector<Phrase> phrases;

  Lexicon() {
    static const std::pair<const char*, Class> kNames[] = {
        {"delegation", kDelegationWord}, {"kind", kKind},           {"head-title", kHeadTitle},
        {"deputy", kDeputy},             {"head-verb", kHeadVerb},  {"count", kCount},
        {"plan", kPlan},                 {"sender-cue", kSenderCue}, {"head-cue", kHeadCue},
        {"host-cue", kHostCue},          {"host-word", kHostWord},  {"end", kEnd},
        {"continuation", kContinuation}, {"mandate-cue", kMandateCue}, {"activity", kActivity},
        {"event-date", kEventDate}, {"general", kGeneral},    {"stop", kStop},
        {"kind-modifier", kKindModifier}, {"with", kWith}, {"anaphora", kAnaphora}, {"members", kMembers},
    };
    phrases.reserve(std::size(data::delegation_words::kRows));
    size_t order = 0;
    for (const auto& row : data::delegation_words::kRows) {
      Phrase p;
      WordScanner scanner(row.entry);
      Word w;
      while (scanner.next(w)) {
        p.lower.push_back(w.lower);
        p.folded.push_back(w.folded);
      }
      for (const auto& [name, c] : kNames)
        if (data::delegation_words::has_class(row, name)) p.classes |= c;
      p.output = row.output;
      p.order = order++;
      if (!p.lower.empty()) phrases.push_back(std::move(p));
    }
    // A deputy before "trưởng đoàn" ("Phó trưởng đoàn") is a deputy of titles.tsv ("Phó Chủ tịch").
    for (const char* entry : data::titles::kDeputy) {
      Phrase p;
      WordScanner scanner(entry);
      Word w;
      while (scanner.next(w)) {
        p.lower.push_back(w.lower);
        p.folded.push_back(w.folded);
      }
      p.classes = kDeputy;
      p.order = order++;
      if (!p.lower.empty()) phrases.push_back(std::move(p));
    }
    for (const Phrase& p : phrases) {
      by_lower[p.lower[0]].push_back(&p);
      by_folded[p.folded[0]].push_back(&p);
    }
  }
};

const Lexicon& lexicon() {
  static const Lexicon lex;
  return lex;
}

// The plenums' resolutions (data/plenums.tsv) by id, for their subjects.
const std::unordered_map<std::string, const data::plenums::Row*>& plenum_rows() {
  static const auto* rows = [] {
    auto* m = new std::unordered_map<std::string, const data::plenums::Row*>();
    for (const auto& r : data::plenums::kRows) (*m)[std::string(r.number) + "-NQ/TW"] = &r;
    return m;
  }();
  return *rows;
}

// Whether a piece may hold "đoàn" as text writes it: NFC or NFD, any case,
// Đ or one of its look-alikes (chars.h) or a plain d, with or without the
// grave ("doan"), the grave on the o ("đòan"). A piece without it has no
// delegation; a false "yes" ("doanh") only costs the full reading.
bool d_before(std::string_view s, size_t i) {
  if (s[i - 1] == 'd' || s[i - 1] == 'D') return true;
  if (i < 2) return false;
  size_t j = i - 2;
  const char32_t c = utf8::decode(s, j);
  return j == i && (chars::is_capital_d(c) || chars::is_small_d(c));
}

bool an_at(std::string_view s, size_t k, bool grave_seen) {
  const auto at = [&](size_t n, const char* bytes) { return s.substr(k, n) == std::string_view(bytes, n); };
  if (!grave_seen && (at(2, "\xC3\xA0") || at(2, "\xC3\x80"))) return k + 2 < s.size() && (s[k + 2] | 0x20) == 'n';
  if (k >= s.size() || (s[k] | 0x20) != 'a') return false;
  ++k;
  if (!grave_seen && at(2, "\xCC\x80")) k += 2;  // NFD: a, U+0300
  return k < s.size() && (s[k] | 0x20) == 'n';
}

bool may_hold_delegation(std::string_view piece) {
  for (size_t i = 1; i < piece.size(); ++i) {
    const unsigned char b = piece[i];
    if (b == 'o' || b == 'O') {
      if (d_before(piece, i) && an_at(piece, i + 1, false)) return true;
    } else if (b == 0xC3 && i + 1 < piece.size() && (piece[i + 1] == '\xB2' || piece[i + 1] == '\x92')) {  // ò Ò
      if (d_before(piece, i) && an_at(piece, i + 2, true)) return true;
    }
  }
  return false;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---------------------------------------------------------------------------
// One piece of text, read into words, sentences, people, references and dates.

struct Span {
  size_t begin = 0, end = 0;  // byte offsets in the piece
};

struct Person {
  Span name;
  const OfficialMention* mention = nullptr;
};

struct Reference {
  Span span;
  const Resolution* resolution = nullptr;
};

struct Dated {
  Span span;
  std::string iso;  // "2019-12-07" or "--12-07"
};

struct Mention {
  size_t word = 0;      // index of "đoàn"
  size_t end_word = 0;  // after what names it (kind, number, sender)
  size_t sentence = 0;
  std::string kind;
  std::optional<std::string> number, sender;
  bool head_title = false;  // "Trưởng Đoàn kiểm tra"
  bool deputy = false;      // "Phó trưởng đoàn", "thành viên Đoàn"
  std::optional<size_t> led_from;  // "X dẫn đầu đoàn ...": the byte where the verb starts
  bool bare = false;        // "Đoàn sẽ ...": no kind; it only says that its sentence speaks of the delegation before
};

// The title and lead of an article: a head who "làm việc với" a host there leads a delegation the text names later.
constexpr size_t kLeadSentences = 3;
// The longest sender read ("Ủy ban nhân dân Thành phố Hồ Chí Minh" is 8 words).
constexpr size_t kSenderWords = 12;
// How long the titles between a name and "cùng/và/dẫn đầu đoàn" may be.
constexpr size_t kAppositionBytes = 200;
// How far after a delegation's name its "do" (head cue) may come.
constexpr size_t kHeadCueWords = 16;

struct Draft {
  Delegation d;
  size_t intro_sentence = 0;
  std::vector<size_t> sentences;  // that speak of it, in order
  int host_strength = 0;
  bool province_from_host = false;
  std::optional<size_t> head_sentence;
  std::optional<std::string> session_date, any_date;
};

class Piece {
 public:
  // `foot`: where the page's foot starts (related news...): no delegation is read from there on, though
  // the whole piece is read (people, references, dates), so that the cost does not depend on where it starts.
  Piece(std::string_view text, const DateMatch* reference, bool first_piece, size_t foot)
      : text_(text), reference_(reference), first_piece_(first_piece), foot_(foot), lex_(lexicon()) {
    accented_ = has_diacritics(text);
    WordScanner scanner(text);
    Word w;
    while (scanner.next(w)) words_.push_back(std::move(w));
    split_sentences();
  }

  std::vector<Delegation> delegations() {
    find_mentions();
    if (mentions_.empty()) return {};
    read_people();
    read_references();
    read_dates();
    build();
    std::vector<Delegation> out;
    for (Draft& draft : drafts_) {
      finish(draft);
      const Delegation& d = draft.d;
      if (!d.head && !(d.date && (d.host || d.province))) continue;  // nothing concrete
      out.push_back(std::move(draft.d));
    }
    return out;
  }

  Span sentence_span(size_t s) const { return sentences_[s]; }

 private:
  // --- words and phrases ---------------------------------------------------

  const std::string& form(size_t i) const { return accented_ ? words_[i].lower : words_[i].folded; }

  // The longest phrase of class `c` starting at word i (nullptr if none); `n` gets its words.
  const Phrase* phrase_at(size_t i, unsigned c, size_t& n) const {
    if (i >= words_.size()) return nullptr;
    const auto& index = accented_ ? lex_.by_lower : lex_.by_folded;
    auto it = index.find(form(i));
    if (it == index.end()) return nullptr;
    const Phrase* best = nullptr;
    for (const Phrase* p : it->second) {
      if (!(p->classes & c)) continue;
      const auto& ws = accented_ ? p->lower : p->folded;
      if (i + ws.size() > words_.size() || (best && ws.size() <= n)) continue;
      bool ok = true;
      for (size_t k = 1; k < ws.size() && ok; ++k) ok = form(i + k) == ws[k] && !gap_breaks(i + k - 1, i + k);
      if (ok) best = p, n = ws.size();
    }
    return best;
  }
  bool is(size_t i, unsigned c) const {
    size_t n = 0;
    return phrase_at(i, c, n) != nullptr;
  }

  bool capitalized(size_t i) const {
    size_t k = words_[i].begin;
    const char32_t c = utf8::decode(text_, k);
    return lower(std::string_view(text_.data() + words_[i].begin, k - words_[i].begin)) !=
               std::string_view(text_.data() + words_[i].begin, k - words_[i].begin) ||
           (c >= 'A' && c <= 'Z');
  }

  // An abbreviation: its second letter is a capital too ("VHTTDL", "UBND", "TP").
  bool all_capitals(size_t i) const {
    size_t k = words_[i].begin;
    utf8::decode(text_, k);
    if (k >= words_[i].end) return false;
    const size_t second = k;
    utf8::decode(text_, k);
    const std::string_view c = text_.substr(second, k - second);
    return lower(c) != c;
  }

  // True if the text between two words holds something other than spaces (punctuation ends a phrase).
  bool gap_breaks(size_t a, size_t b) const {
    for (size_t k = words_[a].end; k < words_[b].begin;) {
      const char32_t c = utf8::decode(text_, k);
      if (!chars::is_space(c)) return true;
    }
    return false;
  }
  // The punctuation between two words, if any ("", ",", "(", ...), first non-space character.
  char32_t gap_char(size_t a, size_t b) const {
    for (size_t k = words_[a].end; k < words_[b].begin;) {
      const char32_t c = utf8::decode(text_, k);
      if (!chars::is_space(c)) return c;
    }
    return 0;
  }

  std::string_view slice(Span s) const { return text_.substr(s.begin, s.end - s.begin); }

  // --- sentences -----------------------------------------------------------

  // A sentence ends at a line break, or at . ! ? ; … followed by a space and a capital, a digit or a quote.
  void split_sentences() {
    size_t begin = 0;
    for (size_t i = 0; i < text_.size();) {
      const size_t at = i;
      const char32_t c = utf8::decode(text_, i);
      bool end = chars::is_line_break(c);
      if (!end && (c == '.' || c == '!' || c == '?' || c == ';' || c == 0x2026)) {
        size_t k = i;
        bool space = false;
        while (k < text_.size()) {
          size_t n = k;
          const char32_t d = utf8::decode(text_, n);
          if (!chars::is_space(d) || chars::is_line_break(d)) break;
          space = true;
          k = n;
        }
        if (k >= text_.size()) end = true;
        else if (space) {
          size_t n = k;
          const char32_t d = utf8::decode(text_, n);
          const std::string one(text_.substr(k, n - k));
          end = (d >= '0' && d <= '9') || d == '"' || d == 0x201C || lower(one) != one;
        }
      }
      if (end) {
        if (at > begin) sentences_.push_back({begin, at + (chars::is_line_break(c) ? 0 : i - at)});
        begin = i;
      }
    }
    if (begin < text_.size()) sentences_.push_back({begin, text_.size()});
    // The sentence of each word.
    sentence_of_.resize(words_.size());
    size_t s = 0;
    for (size_t i = 0; i < words_.size(); ++i) {
      while (s + 1 < sentences_.size() && words_[i].begin >= sentences_[s].end) ++s;
      sentence_of_[i] = s;
    }
    first_word_.assign(sentences_.size(), words_.size());
    end_word_.assign(sentences_.size(), words_.size());
    for (size_t i = words_.size(); i-- > 0;) first_word_[sentence_of_[i]] = i;
    for (size_t i = 0; i < words_.size(); ++i) end_word_[sentence_of_[i]] = i + 1;
    for (size_t k = sentences_.size(); k-- > 0;)  // a sentence without words: empty, at the next one's first word
      if (first_word_[k] == words_.size() || sentence_of_[first_word_[k]] != k)
        first_word_[k] = end_word_[k] = k + 1 < sentences_.size() ? first_word_[k + 1] : words_.size();
  }

  size_t sentence_at(size_t byte) const {
    auto it = std::upper_bound(sentences_.begin(), sentences_.end(), byte,
                               [](size_t b, const Span& s) { return b < s.begin; });
    return it == sentences_.begin() ? 0 : static_cast<size_t>(it - sentences_.begin() - 1);
  }
  // Words of sentence s: [first, last).
  std::pair<size_t, size_t> words_of(size_t s) const { return {first_word_[s], end_word_[s]}; }

  // --- names of bodies -------------------------------------------------------

  // A body's name starting at word i, as written: capitalized words and the
  // lower-case words of names (host-word), up to punctuation, an end word or
  // `max` words. Empty if word i is not capitalized.
  std::optional<Span> body_at(size_t i, size_t limit, size_t max = 12) const {
    if (i >= limit || !capitalized(i) || is(i, kEnd) || is(i, kDelegationWord)) return std::nullopt;
    size_t last = i, k = i + 1;
    for (; k < limit && k - i < max; ++k) {
      if (gap_breaks(k - 1, k)) {
        // "Bộ Khoa học- Công nghệ", "Bà Rịa - Vũng Tàu": a dash between capitals joins.
        const char32_t g = gap_char(k - 1, k);
        // "TP.HCM", "Bộ TT&TT": a dot or an ampersand with no space joins too.
        const bool tight = words_[k].begin == words_[k - 1].end + 1;
        if (!((chars::is_dash(g) || ((g == '&' || g == '.') && tight)) && capitalized(k))) break;
      }
      size_t n = 0;
      if ((is(k, kEnd) && !capitalized(k)) || is(k, kStop)) break;
      if (capitalized(k) || is_digits(slice({words_[k].begin, words_[k].end}))) {
        last = k;
        continue;
      }
      if (phrase_at(k, kHostWord, n)) {
        k += n - 1;
        if (form(k) != (accented_ ? "và" : "va")) last = k;
        continue;
      }
      // The second syllable of a capitalized word: "Bộ Chính trị", "Ban Bí thư", "Ban Thường vụ"; not after an abbreviation ("Bộ VHTTDL đến").
      if (capitalized(k - 1) && !all_capitals(k - 1)) {
        last = k;
        continue;
      }
      break;
    }
    return Span{words_[i].begin, words_[last].end};
  }

  // --- mentions of a delegation ------------------------------------------------

  void find_mentions() {
    for (size_t i = 0; i + 1 < words_.size(); ++i) {
      size_t n = 0;
      if (words_[i].begin >= foot_) break;
      if (!phrase_at(i, kDelegationWord, n) || gap_breaks(i, i + 1)) continue;
      const Phrase* kind = phrase_at(i + 1, kKind, n);
      if (!kind) {
        // "Đoàn sẽ tiến hành kiểm tra ...": the delegation named before, as the subject of a sentence.
        if (capitalized(i) && !capitalized(i + 1) && is(i + 1, kAnaphora)) {
          Mention m;
          m.word = m.end_word = i;
          m.sentence = sentence_of_[i];
          m.bare = true;
          mentions_.push_back(std::move(m));
        }
        continue;
      }
      Mention m;
      m.word = i;
      m.sentence = sentence_of_[i];
      m.kind = kind->output;
      size_t j = i + 1 + n;
      // Before it: "Trưởng", "Phó trưởng", "thành viên", a count.
      if (i > 0 && !gap_breaks(i - 1, i)) {
        size_t t = 0;
        if (phrase_at(i - 1, kHeadTitle, t) && t == 2) {  // "Trưởng Đoàn kiểm tra"
          m.head_title = true;
          if (i > 1 && !gap_breaks(i - 2, i - 1) && is(i - 2, kDeputy)) m.deputy = true, m.head_title = false;
        } else if (is(i - 1, kCount) || is_digits(slice({words_[i - 1].begin, words_[i - 1].end}))) {
          continue;  // a count or a plan: "các đoàn kiểm tra", "5 đoàn"
        } else if (i > 1 && is(i - 2, kDeputy) && !gap_breaks(i - 2, i - 1)) {
          m.deputy = true;  // "thành viên Đoàn"
        }
        if (i > 1 && is(i - 2, kCount) && form(i - 1) == (accented_ ? "các" : "cac")) continue;
      }
      // "Đoàn kiểm tra liên ngành số 2", "Đoàn công tác Trung ương".
      for (size_t t = 0; j < words_.size() && !gap_breaks(j - 1, j) && phrase_at(j, kKindModifier, t);) j += t;
      // "số 1150", "(Đoàn kiểm tra số 470)", "Đoàn kiểm tra 1152".
      if (j + 1 < words_.size() && form(j) == (accented_ ? "số" : "so") && is_digits(slice({words_[j + 1].begin, words_[j + 1].end})) &&
          !gap_breaks(j, j + 1) && !gap_breaks(j - 1, j)) {
        m.number = std::string(slice({words_[j + 1].begin, words_[j + 1].end}));
        j += 2;
      } else if (j < words_.size() && !gap_breaks(j - 1, j) && is_digits(slice({words_[j].begin, words_[j].end})) &&
                 !(j + 1 < words_.size() && is(j + 1, kMembers)) &&  // "đoàn công tác 8 người": its size
                 (j + 1 >= words_.size() || words_[j + 1].begin > words_[j].end + 1 ||
                  !std::strchr("/-.", text_[words_[j].end]))) {  // not a date or an identifier ("Đoàn kiểm tra 7/12")
        m.number = std::string(slice({words_[j].begin, words_[j].end}));
        j += 1;
      }
      // "của Bộ Chính trị".
      const size_t limit = words_of(m.sentence).second;
      if (j + 1 < limit && is(j, kSenderCue) && !gap_breaks(j - 1, j) && !gap_breaks(j, j + 1)) {
        if (auto body = body_at(j + 1, limit, kSenderWords)) {
          m.sender = std::string(slice(*body));
          while (j + 1 < limit && words_[j + 1].end <= body->end) ++j;
          ++j;
        }
      } else if (j < limit && !gap_breaks(j - 1, j)) {
        // "đoàn công tác Thành ủy TP.HCM", "đoàn công tác Chính phủ": the body right after it.
        if (auto body = body_at(j, limit, kSenderWords)) {
          m.sender = std::string(slice(*body));
          while (j < limit && words_[j].end <= body->end) ++j;
        }
      }
      // "Phó Thủ tướng X dẫn đầu đoàn công tác", "Tổng Bí thư X và Đoàn công tác": the person just before.
      if (i > 0 && !m.head_title && !m.deputy) {
        for (size_t back = 1; back <= 2 && back <= i; ++back) {
          size_t t = 0;
          if ((phrase_at(i - back, kHeadVerb, t) || phrase_at(i - back, kWith, t)) && i - back + t == i) {
            m.led_from = words_[i - back].begin;
            break;
          }
        }
      }
      m.end_word = j;
      mentions_.push_back(std::move(m));
    }
  }

  // --- people, references, dates of the piece -----------------------------------

  void read_people() {
    officials_ = find_officials(text_);
    std::vector<size_t> chars;
    for (const auto& o : officials_) chars.push_back(o.start), chars.push_back(o.start + o.length);
    const auto bytes = bytes_of(chars);
    for (size_t k = 0; k < officials_.size(); ++k) {
      people_.push_back({{bytes[2 * k], bytes[2 * k + 1]}, &officials_[k]});
      // Full names (two words or more) the piece reads, to find them where officials() does not.
      const std::string& n = officials_[k].name;
      if (names_.size() < kMaxNames && n.find(' ') != std::string::npos &&
          std::find(names_.begin(), names_.end(), n) == names_.end())
        names_.push_back(n);
    }
  }

  void read_references() {
    resolutions_ = resolutions(text_);
    std::vector<size_t> chars;
    for (const auto& r : resolutions_) chars.push_back(r.start), chars.push_back(r.start + r.length);
    const auto bytes = bytes_of(chars);
    for (size_t k = 0; k < resolutions_.size(); ++k)
      references_.push_back({{bytes[2 * k], bytes[2 * k + 1]}, &resolutions_[k]});
  }

  // Byte offsets of 1-based character positions given in text order (each
  // list is: start, end, start, end ... with starts not decreasing).
  std::vector<size_t> bytes_of(const std::vector<size_t>& chars) const {
    std::vector<size_t> sorted(chars);
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::vector<size_t> at(sorted.size());
    size_t byte = 0, ch = 1;
    for (size_t k = 0; k < sorted.size(); ++k) {
      while (ch < sorted[k] && byte < text_.size()) byte = utf8::skip_char(text_, byte), ++ch;
      at[k] = byte;
    }
    std::vector<size_t> out;
    out.reserve(chars.size());
    for (size_t c : chars) out.push_back(at[std::lower_bound(sorted.begin(), sorted.end(), c) - sorted.begin()]);
    return out;
  }

  // Dates of days: with a year as written, or a day and month after a word
  // that makes it a day ("Sáng 7/12"); without `published` those are --MM-DD.
  void read_dates() {
    static const DateMatch kAnyYear = [] {
      DateMatch d;
      d.year = 2000, d.month = 6, d.day = 15;
      return d;
    }();
    DateReader reader(text_, reference_ ? reference_ : &kAnyYear);
    DateMatch d;
    char buf[16];
    while (reader.next(d)) {
      if (d.day == 0) continue;  // a month
      std::string iso = d.iso();
      if (d.inferred && !reference_) iso = (std::snprintf(buf, sizeof buf, "--%02d-%02d", d.month, d.day), buf);
      if (!iso.empty()) dates_.push_back({{d.begin, d.end}, iso});
    }
    // "Ngày 25.5": a day and month with a dot after "ngày", which DateReader leaves to numbers.
    for (size_t i = 0; i + 2 < words_.size(); ++i) {
      if (form(i) != (accented_ ? "ngày" : "ngay") || gap_breaks(i, i + 1)) continue;
      const Word &a = words_[i + 1], &b = words_[i + 2];
      if (b.begin != a.end + 1 || text_[a.end] != '.') continue;
      if (b.end < text_.size() && (text_[b.end] == '.' || text_[b.end] == '/' || text_[b.end] == '-') &&
          b.end + 1 < text_.size() && text_[b.end + 1] >= '0' && text_[b.end + 1] <= '9')
        continue;  // 4.7.2007 has its year
      const std::string_view day = slice({a.begin, a.end}), month = slice({b.begin, b.end});
      if (!is_digits(day) || !is_digits(month) || day.size() > 2 || month.size() > 2) continue;
      const std::string rewritten = "ngày " + std::string(day) + "/" + std::string(month);
      DateReader one(rewritten, reference_ ? reference_ : &kAnyYear);
      if (!one.next(d) || d.day == 0) continue;
      std::string iso = d.iso();
      if (!reference_) iso = (std::snprintf(buf, sizeof buf, "--%02d-%02d", d.month, d.day), buf);
      dates_.push_back({{a.begin, b.end}, iso});
    }
    std::sort(dates_.begin(), dates_.end(), [](const Dated& x, const Dated& y) { return x.span.begin < y.span.begin; });
  }

  // A date right after a reference ("Nghị quyết số 26-NQ/TW ngày 19/5/2018") is the document's, not a session's.
  bool is_document_date(const Dated& d) const {
    // References start in text order; one that ends within 24 bytes before the date starts at most kMaxSurface before it.
    constexpr size_t kMaxSurface = 256;
    auto it = std::lower_bound(references_.begin(), references_.end(), d.span.begin > kMaxSurface ? d.span.begin - kMaxSurface : 0,
                               [](const Reference& r, size_t b) { return r.span.begin < b; });
    for (; it != references_.end() && it->span.begin <= d.span.begin; ++it) {
      const Reference& r = *it;
      if (r.span.end > d.span.begin || r.span.end + 24 < d.span.begin) continue;
      const std::string between = fold(text_.substr(r.span.end, d.span.begin - r.span.end));
      bool ok = true;
      for (char c : between) ok = ok && (c == ' ' || c == ',' || c == '-' || std::strchr("ngayso", c));
      if (ok) return true;
    }
    return false;
  }

  // The first session date of sentence s.
  std::optional<std::string> date_in(size_t s) const {
    const Span sp = sentences_[s];
    auto it = std::lower_bound(dates_.begin(), dates_.end(), sp.begin,
                               [](const Dated& d, size_t b) { return d.span.begin < b; });
    for (; it != dates_.end() && it->span.begin < sp.end; ++it)
      if (it->span.end <= sp.end && !is_document_date(*it)) return it->iso;
    return std::nullopt;
  }

  // Whether sentence s has a phrase of class c (each sentence read once per class).
  bool sentence_has(size_t s, unsigned c) const {
    std::vector<signed char>& known = sentence_classes_[c];
    if (known.empty()) known.assign(sentences_.size(), -1);
    if (known[s] < 0) {
      auto [first, last] = words_of(s);
      known[s] = 0;
      for (size_t i = first; i < last && !known[s]; ++i) known[s] = is(i, c);
    }
    return known[s] > 0;
  }

  // --- heads --------------------------------------------------------------------

  // The person named last before byte `at` in sentence s.
  const Person* person_before(size_t at, size_t s) const { return last_person_in({sentences_[s].begin, at}); }

  // The last person named wholly inside a span (names are in text order and do not overlap).
  const Person* last_person_in(Span span) const {
    auto it = std::upper_bound(people_.begin(), people_.end(), span.end,
                               [](size_t end, const Person& p) { return end < p.name.end; });
    if (it == people_.begin()) return nullptr;
    --it;
    return it->name.begin >= span.begin ? &*it : nullptr;
  }

  // "do ... làm Trưởng đoàn / dẫn đầu" after word j in sentence s: the person between.
  const Person* head_by_verb(size_t j, size_t s, std::optional<std::string>& name) const {
    const auto [first, last] = words_of(s);
    (void)first;
    // "do" within a few words ("Đoàn công tác của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng do ..."),
    // before another delegation is named.
    for (size_t k = j; k < last && k < j + kHeadCueWords; ++k) {
      if (is(k, kDelegationWord) && k + 1 < last && is(k + 1, kKind)) break;
      if (!is(k, kHeadCue)) continue;
      for (size_t v = k + 1; v < last && v < k + 60; ++v) {
        size_t n = 0;
        if (!phrase_at(v, kHeadVerb, n)) continue;
        const Span span{words_[k].end, words_[v].begin};
        const Person* found = last_person_in(span);
        if (found) {
          name = found->mention->name;
          return found;
        }
        // A name officials() did not read there ("Chủ tịch Quốc hội (QH) Nguyễn Thị Kim Ngân"): one it read elsewhere.
        const std::string_view between = slice(span);
        size_t best_end = 0;
        for (const std::string& known : names_) {
          const size_t at = between.rfind(known);
          if (at != std::string_view::npos && at + known.size() > best_end) best_end = at + known.size(), name = known;
        }
        if (name) return nullptr;
        // Else the capitalized words just before the verb, from a surname ("... Nguyễn Thị Kim Ngân dẫn đầu").
        name = name_before(v, k + 1);
        return nullptr;
      }
      break;
    }
    return nullptr;
  }

  // The name written just before word v (from word `from` on): two to five capitalized words, the first a surname.
  std::optional<std::string> name_before(size_t v, size_t from) const {
    size_t b = v;
    while (b > from && capitalized(b - 1) && (b == v || !gap_breaks(b - 1, b)) && v - b < 5) --b;
    for (; b + 1 < v; ++b)
      if (is_surname(b)) return normalize(slice({words_[b].begin, words_[v - 1].end}));
    return std::nullopt;
  }

  bool is_surname(size_t i) const {
    static const auto* folded = [] {
      auto* set = new std::unordered_set<std::string>();
      for (const char* s : data::surnames::kSurname) set->insert(fold(s));
      return set;
    }();
    static const auto* accented = [] {
      auto* set = new std::unordered_set<std::string>();
      for (const char* s : data::surnames::kSurname) set->insert(lower(s));
      return set;
    }();
    return (accented_ ? accented : folded)->count(form(i)) > 0;
  }

  // A title that is a place in a delegation ("Trưởng Đoàn kiểm tra", "Phó trưởng đoàn"): it holds a head-title.
  static bool names_delegation(const std::string& title) {
    std::vector<Word> ws;
    WordScanner scanner(title);
    Word w;
    while (ws.size() < 6 && scanner.next(w)) ws.push_back(std::move(w));
    const auto& lex = lexicon();
    for (size_t k = 0; k + 1 < ws.size(); ++k) {
      auto it = lex.by_folded.find(ws[k].folded);
      if (it == lex.by_folded.end()) continue;
      for (const Phrase* p : it->second) {
        if (!(p->classes & kHeadTitle) || p->folded.size() != 2 || ws[k + 1].folded != p->folded[1]) continue;
        // "Trưởng đoàn", "Trưởng Đoàn kiểm tra"; not "Trưởng Đoàn đại biểu Quốc hội tỉnh".
        if (k + 2 >= ws.size()) return true;
        auto next = lex.by_folded.find(ws[k + 2].folded);
        if (next == lex.by_folded.end()) return false;
        for (const Phrase* q : next->second)
          if ((q->classes & kKind) && (q->folded.size() == 1 || (k + 3 < ws.size() && ws[k + 3].folded == q->folded[1])))
            return true;
        return false;
      }
    }
    return false;
  }

  // "Phó trưởng đoàn", "Phó Trưởng Đoàn kiểm tra": a deputy's title.
  static bool is_deputy_title(const std::string& title) {
    WordScanner scanner(title);
    Word w;
    if (!scanner.next(w)) return false;
    const auto& lex = lexicon();
    auto it = lex.by_folded.find(w.folded);
    if (it == lex.by_folded.end()) return false;
    for (const Phrase* p : it->second)
      if ((p->classes & kDeputy) && p->folded.size() == 1) return true;
    return false;
  }

  static std::string titles_of(const OfficialMention& m) {
    std::string out;
    for (const std::string& t : m.titles) {
      if (names_delegation(t)) continue;
      out += (out.empty() ? "" : ", ") + t;
    }
    return out;
  }

  void set_head(Draft& draft, const Person* p, const std::optional<std::string>& name, size_t s) {
    if (draft.d.head) return;
    if (p) {
      draft.d.head = p->mention->name;
      const std::string t = titles_of(*p->mention);
      if (!t.empty()) draft.d.head_title = t;
    } else if (name) {
      draft.d.head = *name;
      for (const Person& q : people_)  // the titles it has where it is read
        if (q.mention->name == *name && !titles_of(*q.mention).empty()) {
          draft.d.head_title = titles_of(*q.mention);
          break;
        }
    } else {
      return;
    }
    draft.head_sentence = s;
  }

  // "(thành lập) theo quyết định của Bộ Chính trị": who sent it, when the text does not say "Đoàn ... của".
  std::optional<std::string> sender_by_decision(size_t s) const {
    auto [first, last] = words_of(s);
    for (size_t i = first; i + 2 < last; ++i) {
      if (fold(slice({words_[i].begin, words_[i + 1].end})) != "quyet dinh" || !is(i + 2, kSenderCue)) continue;
      if (auto body = body_at(i + 3, last, kSenderWords)) return std::string(slice(*body));
    }
    return std::nullopt;
  }

  // --- hosts and places -----------------------------------------------------------

  // The host of sentence s: the body after the strongest host cue.
  std::optional<Span> host_in(size_t s, int& strength) const {
    auto [first, last] = words_of(s);
    std::optional<Span> best;
    int best_strength = 0;
    for (size_t i = first; i < last; ++i) {
      size_t n = 0;
      const Phrase* cue = phrase_at(i, kHostCue, n);
      if (!cue) continue;
      const int st = std::atoi(cue->output.c_str());
      if (st <= best_strength) continue;
      auto body = body_at(i + n, last);
      if (body && names_person(*body)) body.reset();
      if (!body) {
        // "tại tỉnh Sơn La": a lower-case "tỉnh"/"thành phố" before a place.
        size_t m = 0;
        if (i + n < last && phrase_at(i + n, kHostWord, m) && !capitalized(i + n)) body = body_at(i + n + m, last);
        if (body) body->begin = words_[i + n].begin;
      }
      if (body) best = body, best_strength = st;
    }
    strength = best_strength;
    return best;
  }

  bool names_person(Span span) const {
    auto it = std::lower_bound(people_.begin(), people_.end(), span.begin,
                               [](const Person& p, size_t begin) { return p.name.begin < begin; });
    return it != people_.end() && it->name.begin < span.end;
  }

  // The province a span of text names (its first), canonical.
  // The province a span of text names (its first, within its first kProvinceWords words), canonical.
  std::optional<std::string> province_in(Span span) const {
    constexpr size_t kProvinceWords = 256;
    auto first = std::lower_bound(words_.begin(), words_.end(), span.begin,
                                  [](const Word& w, size_t b) { return w.begin < b; });
    const size_t from = static_cast<size_t>(first - words_.begin());
    size_t to = from;
    while (to < words_.size() && words_[to].end <= span.end && to - from < kProvinceWords) ++to;
    for (size_t k = from; k < to; ++k) {
      size_t n = 0;
      const ProvinceUnit* u = match_province(words_, k, to - k, accented_, n);
      // Not inside a person's name ("Trương Hòa Bình").
      if (u && !names_person({words_[k].begin, words_[k].end}) && !inside_person(words_[k].begin)) return std::string(u->name);
    }
    return std::nullopt;
  }

  // The province a short text (a sender's name) holds.
  std::optional<std::string> province_named(std::string_view name) const {
    std::vector<Word> ws;
    WordScanner scanner(name);
    Word w;
    while (ws.size() < 2 * kSenderWords && scanner.next(w)) ws.push_back(std::move(w));
    for (size_t k = 0; k < ws.size(); ++k) {
      size_t n = 0;
      if (const ProvinceUnit* u = match_province(ws, k, ws.size() - k, accented_, n)) return std::string(u->name);
    }
    return std::nullopt;
  }

  bool inside_person(size_t byte) const {
    auto it = std::upper_bound(people_.begin(), people_.end(), byte,
                               [](size_t b, const Person& p) { return b < p.name.begin; });
    return it != people_.begin() && (it - 1)->name.end > byte;
  }

  // --- building the rows -------------------------------------------------------------

  Draft* find_draft(const Mention& m) {
    if (m.number) {
      for (Draft& d : drafts_)
        if (d.d.number == m.number) return &d;
      for (auto it = drafts_.rbegin(); it != drafts_.rend(); ++it)
        if (!it->d.number && (!m.sender || !it->d.sender || compatible(*it->d.sender, *m.sender))) return &*it;
      return nullptr;
    }
    if (m.sender) {
      for (auto it = drafts_.rbegin(); it != drafts_.rend(); ++it)
        if (!it->d.sender || compatible(*it->d.sender, *m.sender)) return &*it;
      return nullptr;
    }
    return drafts_.empty() ? nullptr : &drafts_.back();
  }

  // Two spellings of one sender: one holds the other ("Ban Bí thư" in "Ban Bí thư Trung ương Đảng",
  // "Tỉnh ủy" in "Ban Thường vụ Tỉnh ủy Lai Châu").
  static bool compatible(const std::string& a, const std::string& b) {
    const std::string fa = fold(a), fb = fold(b);
    return fa.find(fb) != std::string::npos || fb.find(fa) != std::string::npos;
  }

  void add_sentence(Draft& draft, size_t s) {
    if (std::find(draft.sentences.begin(), draft.sentences.end(), s) == draft.sentences.end()) draft.sentences.push_back(s);
  }

  void build() {
    for (const Mention& m : mentions_) {
      size_t n = 0;
      if (m.end_word < words_.size() && phrase_at(m.end_word, kMandateCue, n))
        mandate_cue_ends_.push_back(words_[m.end_word + n - 1].end);
    }
    for (const Mention& m : mentions_) {
      if (m.bare) {
        if (!drafts_.empty()) add_sentence(drafts_.back(), m.sentence);
        continue;
      }
      const bool plan = sentence_has(m.sentence, kPlan);
      Draft* draft = find_draft(m);
      if (!draft) {
        if (drafts_.size() >= 64) continue;
        drafts_.emplace_back();
        draft = &drafts_.back();
        draft->d.kind = m.kind;
        draft->intro_sentence = m.sentence;
      } else if (draft->d.kind == "công tác" && m.kind != "công tác") {
        draft->d.kind = m.kind;  // "Đoàn công tác của Ban Bí thư" that the text then calls "đoàn kiểm tra"
      }
      add_sentence(*draft, m.sentence);
      if (m.number && !draft->d.number) draft->d.number = m.number;
      // The fuller spelling of a sender ("Tỉnh ủy", then "Ban Thường vụ Tỉnh ủy Lai Châu").
      if (m.sender && (!draft->d.sender || (m.sender->size() > draft->d.sender->size() && compatible(*m.sender, *draft->d.sender))))
        draft->d.sender = m.sender;
      if (!draft->d.sender) draft->d.sender = sender_by_decision(m.sentence);
      if (!m.deputy) {
        std::optional<std::string> name;
        const Person* p = nullptr;
        if (m.head_title) p = person_before(words_[m.word].begin, m.sentence);
        if (!p && m.led_from) {
          // The person must end right before the verb ("Nguyễn Phú Trọng và Đoàn").
          const Person* q = person_before(*m.led_from, m.sentence);
          if (q && q->name.end + 8 >= *m.led_from) p = q;
          // Or a name and its titles in apposition before it ("Phạm Minh Chính, Trưởng Ban Tổ chức Trung ương cùng đoàn").
          // The gap holds its titles and little else (not "..., báo cáo với lãnh đạo Bộ và đoàn công tác").
          if (!p && q && *m.led_from - q->name.end <= kAppositionBytes && !q->mention->titles.empty()) {
            const std::string_view gap = text_.substr(q->name.end, *m.led_from - q->name.end);
            size_t titles = 0;
            for (const std::string& t : q->mention->titles) titles += t.size() + 4;
            if ((gap.find(',') != std::string_view::npos || gap.find('-') != std::string_view::npos) &&
                gap.find_first_of(";:()\"") == std::string_view::npos && gap.size() <= titles + 8)
              p = q;
          }
          // Else a name officials() did not read there ("Phó tổng cục trưởng Tổng cục Du lịch (Bộ ...) Hà Văn Siêu dẫn đầu").
          size_t v = m.word;
          while (v > 0 && words_[v - 1].end > *m.led_from) --v;
          if (!p && v > 0) name = name_before(v, first_word_[m.sentence]);
        }
        if (!p) p = head_by_verb(m.end_word, m.sentence, name);
        set_head(*draft, p, name, m.sentence);
      }
      if (plan && m.sentence != draft->intro_sentence) continue;  // "Đoàn ... sẽ làm việc với ...": no place or date
      int strength = 0;
      if (auto host = host_in(m.sentence, strength); host && strength > draft->host_strength) {
        auto province = province_in(*host);
        // A stronger host replaces a weaker one unless it would lose the place the weaker one gave.
        if (!draft->d.host || !draft->province_from_host || (province && (!draft->d.province || province == draft->d.province))) {
          draft->d.host = std::string(slice(*host));
          draft->host_strength = strength;
          if (province) draft->d.province = province, draft->province_from_host = true;
        }
      }
      // The date of a sentence that says where it worked ("Ngày 11/5, ... làm việc với ...") before any other.
      if (!draft->session_date && sentence_has(m.sentence, kHostCue)) draft->session_date = date_in(m.sentence);
      if (!draft->any_date) draft->any_date = date_in(m.sentence);
    }
    for (Draft& draft : drafts_) draft.d.date = draft.session_date ? draft.session_date : draft.any_date;
    // Sentences that go on with one of a delegation's ("Theo đó, ...") are its too.
    for (Draft& draft : drafts_) {
      const size_t n = draft.sentences.size();
      for (size_t k = 0; k < n; ++k) {
        const size_t next = draft.sentences[k] + 1;
        if (next < sentences_.size() && first_word_[next] < words_.size() && is(first_word_[next], kContinuation))
          add_sentence(draft, next);
      }
    }
  }

  void finish(Draft& draft) {
    Delegation& d = draft.d;
    // A head who "làm việc với" a host, when the text names the delegation without one.
    if (!d.head) {
      std::vector<size_t> candidates = draft.sentences;
      // The title and lead are those of the text's first piece only.
      for (size_t s = 0; first_piece_ && s < sentences_.size() && s < kLeadSentences && sentences_[s].begin < foot_; ++s)
        candidates.push_back(s);
      for (size_t s : candidates) {
        auto [first, last] = words_of(s);
        for (size_t i = first; i < last && !d.head; ++i) {
          size_t n = 0;
          const Phrase* cue = phrase_at(i, kHostCue, n);
          if (!cue || std::atoi(cue->output.c_str()) < 2) continue;
          const Person* p = person_before(words_[i].begin, s);
          if (!p || titles_of(*p->mention).empty()) continue;
          set_head(draft, p, std::nullopt, s);
          add_sentence(draft, s);
          int strength = 0;
          if (auto host = host_in(s, strength); host && strength > draft.host_strength) {
            draft.host_strength = strength;
            d.host = std::string(slice(*host));
            if (auto province = province_in(*host)) d.province = province, draft.province_from_host = true;
          }
          if (!d.date) d.date = date_in(s);
        }
        if (d.head) break;
      }
    }
    // A person the piece calls "Trưởng đoàn" ("ông X, Trưởng đoàn, cho biết"), when the piece has one delegation.
    if (!d.head && drafts_.size() == 1) {
      for (const Person& p : people_) {
        if (p.name.begin >= foot_) break;
        bool head = false;
        for (const std::string& t : p.mention->titles) head = head || (names_delegation(t) && !is_deputy_title(t));
        if (head) {
          set_head(draft, &p, std::nullopt, sentence_at(p.name.begin));
          break;
        }
      }
    }
    // The date of a session the sentence before names, or of one that names its sender ("lễ công bố quyết định của Bộ Chính trị ..., sáng 10-5").
    if (!d.date && draft.intro_sentence > 0 && sentence_has(draft.intro_sentence - 1, kEventDate))
      d.date = date_in(draft.intro_sentence - 1);
    if (!d.date && d.sender) {
      const std::string sender = accented_ ? lower(*d.sender) : fold(*d.sender);
      for (size_t s = 0; s < sentences_.size() && !d.date && sentences_[s].begin < foot_; ++s) {
        const std::string sentence = accented_ ? lower(slice(sentences_[s])) : fold(slice(sentences_[s]));
        if (sentence.find(sender) != std::string::npos &&
            (sentence_has(s, kEventDate) || sentence.find(accented_ ? "kiểm tra" : "kiem tra") != std::string::npos))
          d.date = date_in(s);
      }
    }
    // The province: a place the delegation's sentences name ("tại Quảng Ninh"), else the title's.
    if (!d.province && !(d.host && draft.host_strength >= 3)) {
      for (size_t s : draft.sentences) {
        if (auto p = province_in(sentences_[s])) {
          d.province = p;
          break;
        }
      }
    }
    // A host without a place ("Ban Thường vụ Huyện ủy X"), or none: the sender's province ("Ban Thường
    // vụ Tỉnh ủy Lai Châu" works in Lai Châu), else the one the title names.
    if (!d.province && d.sender) d.province = province_named(*d.sender);
    if (!d.province && first_piece_ && !sentences_.empty()) d.province = province_in(sentences_[0]);
    // Documents and mandate, from the sentences that speak of it.
    std::vector<size_t> sentences = draft.sentences;
    std::sort(sentences.begin(), sentences.end());
    std::vector<const Reference*> refs;
    for (const Reference& r : references_)
      if (std::binary_search(sentences.begin(), sentences.end(), sentence_at(r.span.begin))) refs.push_back(&r);
    for (const Reference* r : refs) {
      if (d.mandate || !r->resolution->id || fold(r->resolution->kind) != "quyet dinh") continue;
      const std::string& id = *r->resolution->id;
      bool is_mandate = d.number && id.rfind(*d.number + "-", 0) == 0;
      // "Đoàn kiểm tra thực hiện Quyết định số ...", "Quyết định ... thành lập Đoàn".
      auto cue = std::upper_bound(mandate_cue_ends_.begin(), mandate_cue_ends_.end(), r->span.begin);
      if (cue != mandate_cue_ends_.begin() && r->span.begin - *(cue - 1) < 4) is_mandate = true;
      const std::string after = fold(text_.substr(r->span.end, std::min<size_t>(120, text_.size() - r->span.end)));
      const size_t founded = after.find("thanh lap doan");
      if (founded != std::string::npos && after.substr(0, founded).find('.') == std::string::npos) is_mandate = true;
      if (is_mandate) d.mandate = canonical(id);
    }
    // The resolutions of one plenum share a place: one of them when the text narrows it.
    std::map<size_t, std::vector<std::string>> plenum_groups;
    for (const Reference* r : refs)
      if (r->resolution->id) plenum_groups[r->span.begin].push_back(canonical(*r->resolution->id));
    std::unordered_set<std::string> single;  // ids some reference of the piece gives alone
    {
      std::map<size_t, size_t> count;
      for (const Reference& r : references_) ++count[r.span.begin];
      for (const Reference& r : references_)
        if (r.resolution->id && count[r.span.begin] == 1) single.insert(canonical(*r.resolution->id));
    }
    for (auto& [at, ids] : plenum_groups) {
      if (ids.size() > 1) ids = narrow(ids, single);
      for (const std::string& id : ids)
        if (id != d.mandate && std::find(d.documents.begin(), d.documents.end(), id) == d.documents.end())
          d.documents.push_back(id);
    }
    // What it did: the most specific activity its sentences name.
    // A specific one ("thông báo kết quả kiểm tra") from the first sentence that has one, else a general one
    // ("làm việc"); never the kind word of "Đoàn kiểm tra" itself.
    const Phrase* best = nullptr;
    const Phrase* general = nullptr;
    std::optional<size_t> general_sentence;
    for (size_t s : sentences) {
      auto [first, last] = words_of(s);
      for (size_t i = first; i < last; ++i) {
        size_t n = 0;
        if (i > 0 && is(i - 1, kDelegationWord) && is(i, kKind)) continue;
        const Phrase* p = phrase_at(i, kActivity, n);
        if (!p) continue;
        if (p->classes & kGeneral) {
          if (!general_sentence || (*general_sentence == s && p->order < general->order)) general = p, general_sentence = s;
        } else if (!best || p->order < best->order) {
          best = p;
        }
      }
      if (best) break;
    }
    if (!best) best = general;
    if (best) d.activity = best->output;
    // Names are taken as written: an invalid byte among them reads as U+FFFD; an empty one is none.
    for (auto* field : {&d.number, &d.sender, &d.head, &d.head_title, &d.host, &d.province, &d.date, &d.mandate, &d.activity}) {
      if (*field && !utf8::is_valid(**field)) **field = utf8::sanitize(**field);
      if (*field && (*field)->empty()) field->reset();
    }
    const Span intro = sentences_[draft.intro_sentence];
    d.start = intro.begin;  // byte offsets in the piece; the reader turns them into characters
    d.length = intro.end - intro.begin;
  }

  // Several resolutions of one plenum named without a subject: the one a
  // reference elsewhere gives alone, else the one whose subject the piece
  // echoes most (two words in a row), else all.
  std::vector<std::string> narrow(const std::vector<std::string>& ids, const std::unordered_set<std::string>& single) {
    std::vector<std::string> named;
    for (const std::string& id : ids)
      if (single.count(id)) named.push_back(id);
    if (named.size() == 1) return named;
    if (bigrams_.empty()) {
      for (size_t i = 0; i + 1 < words_.size(); ++i) bigrams_.insert(words_[i].folded + " " + words_[i + 1].folded);
    }
    const auto& rows = plenum_rows();
    size_t best = 0, second = 0;
    std::string best_id;
    for (const std::string& id : ids) {
      auto it = rows.find(id);
      if (it == rows.end()) continue;
      std::vector<std::string> ws;
      WordScanner scanner(it->second->subject);
      Word w;
      while (scanner.next(w)) ws.push_back(w.folded);
      std::unordered_set<std::string> hits;
      for (size_t k = 0; k + 1 < ws.size(); ++k)
        if (bigrams_.count(ws[k] + " " + ws[k + 1])) hits.insert(ws[k] + " " + ws[k + 1]);
      if (hits.size() > best) second = best, best = hits.size(), best_id = id;
      else if (hits.size() > second) second = hits.size();
    }
    if (best >= 2 && best >= 2 * second) return {best_id};
    return ids;
  }

  // A Party document written in the State's order ("68/QĐ-TW"): the Party's ("68-QĐ/TW").
  static std::string canonical(const std::string& id) {
    const size_t slash = id.find('/'), dash = id.find('-');
    if (slash == std::string::npos || dash == std::string::npos || dash < slash) return id;
    if (id.substr(dash + 1) != "TW" || id.find('/', slash + 1) != std::string::npos) return id;
    return id.substr(0, slash) + "-" + id.substr(slash + 1, dash - slash - 1) + "/TW";
  }

  std::string_view text_;
  const DateMatch* reference_;
  bool first_piece_;
  size_t foot_;
  const Lexicon& lex_;
  bool accented_ = true;
  std::vector<Word> words_;
  std::vector<Span> sentences_;
  std::vector<size_t> sentence_of_, first_word_, end_word_;
  mutable std::unordered_map<unsigned, std::vector<signed char>> sentence_classes_;
  static constexpr size_t kMaxNames = 256;
  std::vector<std::string> names_;
  std::vector<size_t> mandate_cue_ends_;  // where "Đoàn kiểm tra thực hiện/theo" ends, sorted
  std::vector<Mention> mentions_;
  std::vector<OfficialMention> officials_;
  std::vector<Person> people_;
  std::vector<Resolution> resolutions_;
  std::vector<Reference> references_;
  std::vector<Dated> dates_;
  std::vector<Draft> drafts_;
  std::unordered_set<std::string> bigrams_;
};

// Where the next piece ends: a line break before `limit`, else a sentence end, else a space, else a character boundary.
size_t piece_end(std::string_view text, size_t from, size_t limit) {
  if (text.size() - from <= limit) return text.size();
  const size_t hard = from + limit;
  const std::string_view window = text.substr(from, limit);
  size_t at = window.rfind('\n');
  if (at != std::string_view::npos && at > limit / 2) return from + at + 1;
  at = window.rfind(". ");
  if (at != std::string_view::npos && at > limit / 2) return from + at + 2;
  at = window.rfind(' ');
  if (at != std::string_view::npos && at > limit / 2) return from + at + 1;
  size_t end = hard;
  while (end > from && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end > from ? end : hard;
}

}  // namespace

struct DelegationReader::State {
  std::string_view text;
  const DateMatch* reference;
  size_t next_piece = 0;
  std::vector<Delegation> pending;
  size_t pending_at = 0;
  utf8::CharCounter chars;
  State(std::string_view t, const DateMatch* r) : text(t), reference(r), chars(t) {}
};

DelegationReader::DelegationReader(std::string_view text, const DateMatch* reference)
    : state_(std::make_unique<State>(text, reference)) {}

DelegationReader::~DelegationReader() = default;

bool DelegationReader::next(Delegation& delegation) {
  State& s = *state_;
  while (s.pending_at >= s.pending.size()) {
    if (s.next_piece >= s.text.size()) return false;
    const size_t from = s.next_piece;
    const size_t end = piece_end(s.text, from, kPieceBytes);
    s.next_piece = end;
    s.pending.clear();
    s.pending_at = 0;
    const std::string_view piece = s.text.substr(from, end - from);
    if (!may_hold_delegation(piece)) continue;
    // Related-news items and the rest of a page's foot are not the article's (vn_article_body()).
    Piece p(piece, s.reference, from == 0, article_body(piece).size());
    s.pending = p.delegations();
    for (Delegation& d : s.pending) {
      const size_t begin = from + d.start, stop = begin + d.length;
      d.start = s.chars.position(begin);
      d.length = utf8::count_chars(s.text.substr(begin, stop - begin));
    }
  }
  delegation = std::move(s.pending[s.pending_at++]);
  return true;
}

std::vector<Delegation> find_delegations(std::string_view text, const DateMatch* reference) {
  std::vector<Delegation> out;
  DelegationReader reader(text, reference);
  Delegation d;
  while (reader.next(d)) out.push_back(std::move(d));
  return out;
}

std::string documents_json(const std::vector<std::string>& documents) {
  std::string out = "[";
  for (size_t k = 0; k < documents.size(); ++k) {
    out += k ? ",\"" : "\"";
    for (char c : documents[k]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "]";
}

namespace {

Cell opt(const std::optional<std::string>& s) { return s ? Cell(utf8::sanitize(*s)) : Cell(nullptr); }

class DelegationRows : public RowSource {
 public:
  DelegationRows(std::string_view text, std::optional<DateMatch> reference)
      : reference_(reference), reader_(text, reference_ ? &*reference_ : nullptr) {}
  bool next(Row& row) override {
    Delegation d;
    if (!reader_.next(d)) return false;
    row = {Cell(d.kind), opt(d.number), opt(d.sender), opt(d.head), opt(d.head_title), opt(d.host), opt(d.province),
           opt(d.date), Cell(utf8::sanitize(documents_json(d.documents))), opt(d.mandate), opt(d.activity),
           Cell(static_cast<int64_t>(d.start)), Cell(static_cast<int64_t>(d.length))};
    return true;
  }

 private:
  std::optional<DateMatch> reference_;  // before reader_: the reader points at it
  DelegationReader reader_;
};

class NoRows : public RowSource {
 public:
  bool next(Row&) override { return false; }
};

std::unique_ptr<RowSource> open_delegations(sqlite3_value** args, int argc) {
  const auto text = sql::text_arg(args[0]);
  std::optional<DateMatch> reference;
  if (argc > 1) {
    if (auto given = sql::text_arg(args[1])) {
      DateMatch d;
      if (!parse_iso_date(*given, d)) throw sql::Error("published must be an ISO date, YYYY-MM-DD");
      reference = d;
    }
  }
  if (!text) return std::make_unique<NoRows>();
  return std::make_unique<DelegationRows>(*text, reference);
}

}  // namespace

const TableFunction kDelegationsFunction = {
    "delegations",
    "kind, number, sender, head, head_title, host, province, date, documents, mandate, activity, start, length",
    {"text", "published"}, 1, open_delegations};

}  // namespace vnsql
