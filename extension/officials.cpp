#include "officials.h"

#include <utf8proc.h>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "chars.h"
#include "data/abbreviations.h"
#include "data/bodies.h"
#include "data/boundary_words.h"
#include "data/countries.h"
#include "data/honorifics.h"
#include "data/issuers.h"
#include "data/name_contexts.h"
#include "data/place_words.h"
#include "data/places.h"
#include "data/surnames.h"
#include "data/title_heads.h"
#include "normalize.h"
#include "packed.h"
#include "sql_util.h"
#include "table_function.h"
#include "utf8.h"

namespace vnsql {
namespace {

// ---------------------------------------------------------------------------
// The officials vocabulary: the tables of data/ (data/README.md says which class is what).
// Phrases are written as in careful text; they are matched word by word,
// accent-sensitively when the text has accents (so Trưởng ≠ Trường) and
// through the folded form when it has none ("Uy vien Bo Chinh tri").

// ---------------------------------------------------------------------------
// Phrase matching.

struct PhraseWord {
  std::string lower, folded;
};
using VocabularyPhrase = std::vector<PhraseWord>;

VocabularyPhrase make_phrase(const char* text) {
  VocabularyPhrase p;
  std::string_view s(text);
  WordScanner scanner(s);
  Word w;
  while (scanner.next(w)) p.push_back({w.lower, w.folded});
  return p;
}

// Phrases indexed by the folded form of their first word.
class PhraseSet {
 public:
  template <size_t... N>
  explicit PhraseSet(const char* const (&... tables)[N]) { (add(tables), ...); }
  const std::vector<VocabularyPhrase>* candidates(const std::string& first_folded) const {
    auto it = by_first_.find(first_folded);
    return it == by_first_.end() ? nullptr : &it->second;
  }
  // Whether a phrase starts with the word (as written: "Nguyễn" starts no "nguyên ...").
  bool starts(const Word& w) const {
    if (const auto* cands = candidates(w.folded))
      for (const VocabularyPhrase& p : *cands)
        if (!w.accented || p[0].lower == w.lower) return true;
    return false;
  }

 private:
  template <size_t N>
  void add(const char* const (&entries)[N]) {
    for (const char* e : entries) {
      VocabularyPhrase p = make_phrase(e);
      by_first_[p[0].folded].push_back(std::move(p));
    }
  }

  std::unordered_map<std::string, std::vector<VocabularyPhrase>> by_first_;
};

// Single words: accented forms, and folded forms for text without accents.
class WordSet {
 public:
  template <size_t... N>
  explicit WordSet(const char* const (&... tables)[N]) { (add(tables), ...); }
  bool contains(const Word& w, bool accented_text) const {
    return accented_text ? lower_.count(w.lower) > 0 : folded_.count(w.folded) > 0;
  }

 private:
  template <size_t N>
  void add(const char* const (&entries)[N]) {
    for (const char* e : entries)
      for (const PhraseWord& w : make_phrase(e)) {
        lower_.insert(w.lower);
        folded_.insert(w.folded);
      }
  }

  std::unordered_set<std::string> lower_, folded_;
};

// Folded forms, for comparing whole strings.
template <size_t N>
std::vector<std::string> folded(const char* const (&entries)[N]) {
  std::vector<std::string> out;
  for (const char* e : entries) out.push_back(fold(e));
  return out;
}

struct OfficialsVocabulary {
  PhraseSet honorifics{data::honorifics::kHonorific}, plurals{data::honorifics::kPlural},
      modifiers{data::title_heads::kModifier}, dropped_modifiers{data::title_heads::kDropped},
      heads{data::title_heads::kHead},
      bodies{data::bodies::kBody, data::title_heads::kBody, data::issuers::kBody},
      boundaries{data::boundary_words::kBoundary}, captions{data::boundary_words::kCaption},
      places{data::places::kEntries, data::countries::kCountry},
      not_person{data::name_contexts::kNotPerson, data::place_words::kNotPerson},
      org_prefixes{data::bodies::kOrgPrefix, data::name_contexts::kOrgPrefix},
      local_units{data::place_words::kLocalUnit};
  WordSet surnames{data::surnames::kSurname},
      title_words{data::bodies::kTitleWord, data::place_words::kTitleWord},
      abbreviations{data::abbreviations::kPeriod};
  // Titles that may open a comma-joined list of one person's titles, and the
  // honorifics of comrades, folded.
  std::vector<std::string> list_openers = folded(data::title_heads::kOpensList),
                           comrades = folded(data::honorifics::kComrade);
};

const OfficialsVocabulary& vocabulary() {
  static const OfficialsVocabulary v;
  return v;
}

// ---------------------------------------------------------------------------
// Tokens of one segment with what separates each from the one before.

enum Sep : unsigned {
  kComma = 1, kSemi = 2, kColon = 4, kPeriod = 8, kDash = 16, kOpen = 32, kClose = 64,
  kNewline = 128, kBlank = 256, kSlash = 512, kOther = 1024,
};

struct OfficialToken {
  Word word;
  unsigned sep = 0;   // separators between the previous token and this one
  bool cap = false;   // first letter upper case
  bool allcaps = false;
  bool digit = false;
};

// Text with accents is matched accent-sensitively (Trưởng ≠ Trường, La ≠ là);
// text without any is matched through folded forms.
bool matches(const Word& w, const PhraseWord& p, bool accented_text) {
  return accented_text ? w.lower == p.lower : w.folded == p.folded;
}

// The mentions of a text, packed (packed.h): a text of nothing but titled
// names must not cost hundreds of bytes a name. A record: the name, the
// honorific (or none), the position and length, the number of titles, the
// titles.
class OfficialList {
 public:
  void add(const OfficialMention& m) {
    std::string record;
    PackedRecords::put_string(record, m.name);
    PackedRecords::put_string(record, m.honorific.empty() ? std::nullopt : std::optional<std::string_view>(m.honorific));
    PackedRecords::put_number(record, m.start);
    PackedRecords::put_number(record, m.length);
    PackedRecords::put_number(record, m.titles.size());
    for (const std::string& title : m.titles) PackedRecords::put_string(record, title);
    records_.add(record);
  }
  OfficialMention get(size_t k) const {
    OfficialMention m;
    const char* at = records_[k];
    m.name = *PackedRecords::get_string(at);
    m.honorific = PackedRecords::get_string(at).value_or("");
    m.start = PackedRecords::get_number(at);
    m.length = PackedRecords::get_number(at);
    m.titles.resize(PackedRecords::get_number(at));
    for (std::string& title : m.titles) title = *PackedRecords::get_string(at);
    return m;
  }
  // What drop_untitled() needs of mention k, read in place.
  struct Summary {
    std::string_view name, honorific;
    bool titled;
  };
  Summary summary(size_t k) const {
    const char* at = records_[k];
    Summary s;
    s.name = *PackedRecords::get_view(at);
    s.honorific = PackedRecords::get_view(at).value_or("");
    PackedRecords::get_number(at);  // start
    PackedRecords::get_number(at);  // length
    s.titled = PackedRecords::get_number(at) > 0;
    return s;
  }
  size_t size() const { return records_.size(); }
  template <class Keep>
  void keep_if(Keep&& keep) { records_.keep_if(keep); }

 private:
  PackedRecords records_;  // in text order
};

// Finds the officials named in one segment, tokens [0, n), into `out`.
class OfficialsParser {
 public:
  OfficialsParser(std::string_view text, const std::vector<OfficialToken>& toks, size_t n,
                  utf8::CharCounter& counter, OfficialList& out)
      : text_(text), t_(toks), n_(n), counter_(counter), out_(out), v_(vocabulary()) {
    for (size_t i = 0; i < n && !accented_; ++i) accented_ = toks[i].word.accented;
  }

  // Tries the rules at each token in turn; a rule that applies says where to go on.
  void run() {
    size_t i = 0;
    while (i < n_) {
      if (t_[i].sep & (kPeriod | kBlank)) list_mode_ = false;
      size_t next = honorific_rule(i);
      if (!next) next = title_before_name_rule(i);
      if (!next) next = apposition_rule(i);
      i = next ? next : i + 1;
    }
  }

 private:
  // Each rule returns the token to go on from, or 0 when it does not apply at i.

  // Honorific + name, or honorific + title (+ name): "ông Nguyễn Văn A",
  // "đồng chí Bí thư Tỉnh ủy Nguyễn Văn B".
  size_t honorific_rule(size_t i) {
    const size_t h = honorific_at(i);
    if (!h) return 0;
    const size_t j = i + h;
    if (i > 0 && plain(i) && phrase_at(v_.plurals, i - 1)) {  // "các đồng chí": several people, listed after a colon
      if (j < n_ && (t_[j].sep & kColon)) list_mode_ = true;
      return j;
    }
    if (j < n_ && plain_line(j) && !blocked(i)) {
      if (title_end(j) > j) {
        if (size_t k = title_person(j, i, h)) return last_end_ = k;
      } else if (size_t len = name_run(j); len >= 2 && len <= 5) {
        return last_end_ = mention(j, len, {}, i, h);
      }
    }
    return j;
  }

  // Title before a name; titles before it joined by commas are the same
  // person's ("Ủy viên Bộ Chính trị, Bí thư Thành ủy TPHCM Đinh La Thăng").
  size_t title_before_name_rule(size_t i) {
    if (!(t_[i].cap || phrase_at(v_.modifiers, i)) || title_end(i) == i) return 0;
    if (pending_end_ != i) pending_.clear();
    if (size_t k = title_person(i, 0, 0, pending_)) {
      pending_.clear();
      return last_end_ = k;
    }
    const size_t e = title_end(i);
    std::string title = title_text(i, e);
    if (e < n_ && (t_[e].sep & ~unsigned{kNewline}) == kComma && leads_title_list(title)) {
      pending_.push_back(std::move(title));
      pending_end_ = e;
    } else {
      pending_.clear();
    }
    return e;
  }

  // Surname (or an item of a list of people) + title in apposition
  // ("Nguyễn Văn A, Bí thư ..."); or a second person joined by "và".
  size_t apposition_rule(size_t i) {
    const bool after_and = i > 0 && last_end_ == i - 1 && word_is(i - 1, "và", "va") && plain(i);
    const bool list_item = list_mode_ && (t_[i].sep & (kSemi | kColon));
    const bool run_start = i == 0 || !(name_word(i - 1) && plain_line(i));
    if (!run_start || !name_word(i) || !(v_.surnames.contains(t_[i].word, accented_) || list_item) ||
        (i > 0 && blocked(i)))
      return 0;
    const size_t len = name_run(i);
    if (len < 2 || len > 5 || place_at(i)) return 0;
    const size_t k = i + len;
    const bool apposition = k < n_ && (t_[k].sep & (kComma | kDash | kOpen)) && title_end(k) > k;
    if (!apposition && !after_and) return 0;
    return last_end_ = mention(i, len, {}, 0, 0);
  }

  // No punctuation before token i (a line break is allowed).
  bool plain(size_t i) const { return (t_[i].sep & ~unsigned{kNewline}) == 0; }
  bool plain_line(size_t i) const { return t_[i].sep == 0; }

  bool word_is(size_t i, const char* lower, const char* folded) const {
    const Word& w = t_[i].word;
    return accented_ ? w.lower == lower : w.folded == folded;
  }

  // Length in tokens of the longest phrase of `set` at token i (0 if none).
  size_t phrase_at(const PhraseSet& set, size_t i) const {
    if (i >= n_) return 0;
    const auto* cands = set.candidates(t_[i].word.folded);
    if (!cands) return 0;
    size_t best = 0;
    for (const VocabularyPhrase& p : *cands) {
      if (p.size() <= best || i + p.size() > n_) continue;
      size_t k = 0;
      while (k < p.size() && matches(t_[i + k].word, p[k], accented_) && (k == 0 || plain(i + k))) ++k;
      if (k == p.size()) best = k;
    }
    return best;
  }

  size_t honorific_at(size_t i) const {
    // đ/c, Đ/c
    if (i + 1 < n_ && t_[i].word.folded == "d" && t_[i + 1].word.folded == "c" && t_[i + 1].sep == kSlash)
      return 2;
    return phrase_at(v_.honorifics, i);
  }

  bool name_word(size_t i) const {
    return i < n_ && t_[i].cap && !t_[i].allcaps && !t_[i].digit && t_[i].word.folded.size() <= 12;
  }

  // Capitalized words from i on (no punctuation between, none of them a
  // title head, honorific or body); returns their number (6 = too many).
  size_t name_run(size_t i) const {
    size_t len = 0;
    while (i + len < n_ && len < 6 && name_word(i + len) && (len == 0 || plain_line(i + len)) &&
           !phrase_at(v_.heads, i + len) && !phrase_at(v_.bodies, i + len) && !honorific_at(i + len))
      ++len;
    if (len && i + len < n_ && name_word(i + len) && plain_line(i + len)) return 6;  // runs on into a title
    return len;
  }

  bool place_at(size_t i) const { return phrase_at(v_.places, i) > 0; }

  // A lower-case local unit word ("phường", "thị xã") right before token i.
  bool after_local_unit(size_t i) const {
    if (!plain(i)) return false;
    for (size_t back = 1; back <= 2 && back <= i; ++back)
      if (!t_[i - back].cap && phrase_at(v_.local_units, i - back) == back) return true;
    return false;
  }

  bool leads_title_list(const std::string& title) const {
    const std::string folded = fold(title);
    for (const std::string& prefix : v_.list_openers) {
      const size_t n = prefix.size();
      if (folded.compare(0, n, prefix) == 0 && (folded.size() == n || folded[n] == ' ')) return true;
    }
    return false;
  }

  // True when the words before token i make a following name a street, school, place...
  bool blocked(size_t i) const {
    for (size_t back = 1; back <= 3 && back <= i; ++back) {
      size_t p = phrase_at(v_.not_person, i - back);
      if (p == back && plain(i)) return true;
    }
    return false;
  }

  // The end (token index) of a title starting at i, or i if none starts there.
  // head_end receives the end of the title's head.
  size_t title_end(size_t i, size_t* head_end = nullptr) const {
    const size_t h = title_head_end(i);
    if (h == i) return i;
    if (head_end) *head_end = h;
    return title_name_end(i, h);
  }

  // The end of the modifiers and head of a title at i ("Phó Bí thư", "Bộ
  // trưởng"), or i if none starts there.
  size_t title_head_end(size_t i) const {
    size_t j = i;
    bool modified = false;
    while (j < n_ && j - i < 4) {
      size_t m = phrase_at(v_.modifiers, j);
      if (!m || (j > i && !plain(j))) break;
      // "Thường trực Tỉnh ủy" is a body, "Phó Bí thư" a modifier + head.
      if (!phrase_at(v_.heads, j + m) && !phrase_at(v_.modifiers, j + m)) break;
      j += m;
      modified = true;
    }
    if (j < n_ && j > i && !plain(j)) return i;
    size_t h = phrase_at(v_.heads, j);
    if (!h || !(t_[j].cap || modified)) return i;
    if (!t_[i].cap && !modified) return i;
    return j + h;
  }

  // The end of the bodies, places and names that the title of token i goes
  // on with after its head ends at after_head ("Bí thư Tỉnh ủy Quảng Ninh").
  size_t title_name_end(size_t i, size_t after_head) const {
    // A capitalized word right after a head, a body or an organization word may
    // start a two-syllable name whose second syllable is lower case
    // ("Giám đốc Xí nghiệp", "Sở Văn hóa Thể thao"); after a place or a
    // person's name a lower-case word ends the title ("... Quảng Ninh khẳng định").
    bool compound_start = true, prev_opens = false;
    size_t capitalized_run = 0;  // capitalized words just taken that are no body
    size_t j = after_head;
    while (j < n_ && j - i < 24 && (plain(j) || joins_compound_name(after_head, j))) {
      if (!plain(j)) { compound_start = true; prev_opens = false; }
      // After a person's name a lower-case word is the sentence going on,
      // even one of the title vocabulary ("... Trương Quang Nghĩa kiểm tra").
      if (!t_[j].cap && capitalized_run >= 2 && v_.surnames.contains(t_[j - capitalized_run].word, accented_) &&
          !v_.title_words.contains(t_[j - capitalized_run].word, accented_) && !place_at(j - capitalized_run))
        break;  // ("Đoàn Luật sư" is a body, not a person)
      const size_t run = capitalized_run;
      capitalized_run = 0;
      if (size_t b = phrase_at(v_.bodies, j)) { j += b; compound_start = true; prev_opens = false; continue; }
      // A capitalized "Chí", "Bà" inside a title is a place name ("Hồ Chí Minh", "Bà Rịa").
      if ((!t_[j].cap && phrase_at(v_.boundaries, j)) || (honorific_at(j) && (!t_[j].cap || honorific_at(j) > 1)))
        break;
      const OfficialToken& t = t_[j];
      if (t.digit) break;
      if (t.cap) {
        if (phrase_at(v_.heads, j)) break;
        prev_opens = compound_start && !t.allcaps;
        compound_start = t.allcaps;
        capitalized_run = t.allcaps ? 0 : run + 1;
        ++j;
        continue;
      }
      if (!lower_word_in_name(j, prev_opens)) break;
      ++j;
      compound_start = true;
      prev_opens = false;
    }
    return j;
  }

  // Whether the lower-case word at j goes on the name inside a title; prev_opens:
  // the word before it may open a two-syllable name.
  bool lower_word_in_name(size_t j, bool prev_opens) const {
    // "Bộ Kế hoạch và Đầu tư"; not "... và Trần Văn B", "... và Chủ tịch".
    if (word_is(j, "và", "va"))
      return j + 1 < n_ && plain(j + 1) && name_word(j + 1) && !v_.surnames.contains(t_[j + 1].word, accented_) &&
             !phrase_at(v_.heads, j + 1) && !honorific_at(j + 1);
    if (v_.title_words.contains(t_[j].word, accented_)) return true;
    // Second syllable of an organization's name: "Ban Tuyên giáo", "Bộ Kế hoạch".
    return j >= 2 && t_[j - 1].cap && !t_[j - 1].allcaps && (prev_opens || phrase_at(v_.org_prefixes, j - 2));
  }

  // A spaced dash at token i inside a name: "Bộ trưởng Tài nguyên - Môi
  // trường", "Sở Lao động – Thương binh và Xã hội", "tỉnh Bà Rịa - Vũng Tàu".
  // Not after a person's name ("Thiếu tá Nguyễn Văn A - Cán bộ ..."), nor
  // before another title ("Bí thư Tỉnh ủy - Chủ tịch HĐND tỉnh"), a name, a
  // caption ("- Ảnh: ...") or a new clause ("- Đây là ...").
  bool joins_compound_name(size_t head_end, size_t i) const {
    if (t_[i].sep != kDash || !t_[i].cap || t_[i].allcaps || t_[i].digit) return false;
    if (phrase_at(v_.heads, i) || phrase_at(v_.modifiers, i) || honorific_at(i) || phrase_at(v_.captions, i))
      return false;
    if (v_.surnames.contains(t_[i].word, accented_) && name_run(i) >= 2) return false;
    if (i + 1 < n_ && plain(i + 1) && !t_[i + 1].cap && phrase_at(v_.boundaries, i + 1)) return false;
    return !trailing_name(head_end, i);
  }

  // A title at i followed by a name ("Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký"):
  // records the mention and returns the token after its appositions, or 0.
  size_t title_person(size_t i, size_t hon, size_t hon_len, std::vector<std::string> titles = {}) {
    size_t head_end = 0;
    size_t e = title_end(i, &head_end);
    if (e == i || (e < n_ && name_word(e) && plain_line(e))) return 0;
    size_t best = trailing_name(head_end, e);
    if (!best) return 0;
    // The title must keep at least its head.
    titles.push_back(title_text(i, best));
    return mention(best, e - best, std::move(titles), hon, hon_len);
  }

  // The start of the person's name that a title [.., e) with head ending at
  // head_end ends with ("... Quảng Ninh Nguyễn Xuân Ký"), or 0 if none.
  size_t trailing_name(size_t head_end, size_t e) const {
    // The run of name-like words the title ends with.
    size_t r = e;
    while (r > head_end && name_word(r - 1) && (r == e || plain_line(r))) --r;
    // Skip place names at its start; prefer names of 3, 4, 2, then 5 syllables.
    size_t best = 0;
    int best_rank = 99;
    static constexpr int kRank[6] = {99, 99, 2, 0, 1, 3};
    for (size_t s = r; s + 2 <= e; ++s) {
      if (size_t p = phrase_at(v_.places, s)) { s += p - 1; continue; }
      if (!v_.surnames.contains(t_[s].word, accented_) || e - s > 5) continue;
      if (phrase_at(v_.heads, s) || phrase_at(v_.bodies, s)) continue;
      if (e - s == 2 && after_local_unit(s)) continue;
      int rank = kRank[e - s];
      if (rank < best_rank) { best_rank = rank; best = s; }
    }
    return best;
  }

  // Records a person named by tokens [s, s+len) and the titles in apposition
  // after it; returns the token index after them.
  size_t mention(size_t s, size_t len, std::vector<std::string> titles, size_t hon, size_t hon_len) {
    OfficialMention m;
    for (size_t k = s; k < s + len; ++k) {
      if (k > s) m.name += ' ';
      m.name += normalize(slice(k, k + 1));
    }
    m.titles = std::move(titles);
    if (hon_len) m.honorific = lower(collapse(slice(hon, hon + hon_len)));
    m.start = counter_.position(t_[s].word.begin);
    m.length = counter_.position(t_[s + len - 1].word.end) - m.start;
    size_t k = s + len;
    bool in_paren = false;
    while (k < n_) {
      unsigned sep = t_[k].sep;
      if (sep & (kPeriod | kSemi | kColon | kBlank | kClose | kOther)) break;
      if (sep & kOpen) in_paren = true;
      if (!(sep & (kComma | kDash | kOpen))) break;
      size_t head_end = 0;
      size_t e = title_end(k, &head_end);
      if (e == k) break;
      // "A, Bí thư Thành ủy, Chủ tịch UBND TPHCM Nguyễn Thành Phong": a title
      // that ends with a name is the next person's, not A's.
      if (trailing_name(head_end, e)) break;
      m.titles.push_back(title_text(k, e));
      k = e;
      if (in_paren && (k >= n_ || (t_[k].sep & kClose))) break;
    }
    out_.add(m);
    return k;
  }

  std::string_view slice(size_t from, size_t to) const {
    return text_.substr(t_[from].word.begin, t_[to - 1].word.end - t_[from].word.begin);
  }

  static std::string collapse(std::string_view s) {
    std::string r;
    bool space = false;
    for (size_t i = 0; i < s.size();) {
      size_t start = i;
      char32_t cp = utf8::decode(s, i);
      if (chars::is_space(cp) || chars::is_line_break(cp)) {
        space = true;
        continue;
      }
      if (space && !r.empty()) r += ' ';
      space = false;
      r.append(s.data() + start, i - start);
    }
    return r;
  }

  std::string span_text(size_t from, size_t to) const { return normalize(collapse(slice(from, to))); }

  // A title as written, without a leading dropped modifier ("Tân Bí thư Tỉnh
  // ủy" holds the title "Bí thư Tỉnh ủy"); "nguyên" (former) stays.
  std::string title_text(size_t from, size_t to) const {
    const size_t d = phrase_at(v_.dropped_modifiers, from);
    if (d && to - from > d && (phrase_at(v_.heads, from + d) || phrase_at(v_.modifiers, from + d))) from += d;
    return span_text(from, to);
  }

  std::string_view text_;
  const std::vector<OfficialToken>& t_;
  size_t n_;
  utf8::CharCounter& counter_;
  OfficialList& out_;
  const OfficialsVocabulary& v_;
  bool accented_ = false;
  bool list_mode_ = false;            // after "các đồng chí:", a list item needs no surname
  size_t last_end_ = SIZE_MAX;        // token index where the last mention's appositions ended
  std::vector<std::string> pending_;  // titles (comma-joined) waiting for the name they precede
  size_t pending_end_ = SIZE_MAX;     // token index right after them
};

// Whether s is one code point of the class.
bool is_one(std::string_view s, bool (*is)(char32_t)) {
  size_t i = 0;
  return !s.empty() && is(utf8::decode(s, i)) && i == s.size();
}

bool is_one_dash(std::string_view gap) { return is_one(gap, chars::is_dash); }

// Written without spaces these join the words of one name or abbreviation:
// "TP.HCM", "X.Điền Hải", "GD-ĐT", "TT-Huế", "GD&ĐT"; so does " & ".
bool joins(std::string_view gap) {
  if (gap == "." || gap == "&" || is_one_dash(gap)) return true;
  const size_t amp = gap.find('&');
  return amp != std::string_view::npos && is_one(gap.substr(0, amp), chars::is_space) &&
         is_one(gap.substr(amp + 1), chars::is_space);
}

unsigned classify_separator(std::string_view gap, bool after_abbreviation) {
  if (gap == " " || joins(gap)) return 0;  // one space: most gaps
  unsigned sep = 0;
  int newlines = 0;
  for (size_t i = 0; i < gap.size();) {
    size_t start = i;
    char32_t cp = utf8::decode(gap, i);
    if (chars::is_space(cp)) continue;
    if (chars::is_line_break(cp)) {
      ++newlines;
      continue;
    }
    if (chars::is_dash(cp)) {
      sep |= kDash;
    } else {
      switch (cp) {
        case ',': sep |= kComma; break;
        case ';': sep |= kSemi; break;
        case ':': sep |= kColon; break;
        case '.':
          if (!(after_abbreviation && start == 0)) sep |= kPeriod;
          break;
        case '!': case '?': case 0x2026: sep |= kPeriod; break;
        case '(': case '[': sep |= kOpen; break;
        case ')': case ']': sep |= kClose; break;
        case '/': sep |= kSlash; break;
        default: sep |= kOther; break;
      }
    }
    newlines = newlines > 1 ? newlines : 0;  // one line break then punctuation: no line break
  }
  if (newlines == 1) sep |= kNewline;
  if (newlines > 1) sep |= kBlank;
  return sep;
}

void set_case(std::string_view text, OfficialToken& t) {
  std::string_view w = text.substr(t.word.begin, t.word.end - t.word.begin);
  size_t i = 0;
  int letters = 0, upper = 0;
  bool first = true;
  t.cap = t.digit = false;
  while (i < w.size()) {
    auto cp = static_cast<utf8proc_int32_t>(utf8::decode(w, i));
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_ND) t.digit = true;
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT) {
      ++letters;
      bool up = cat != UTF8PROC_CATEGORY_LL;
      upper += up;
      if (first) t.cap = up;
      first = false;
    } else if (first && cat != UTF8PROC_CATEGORY_MN) {
      first = false;
    }
  }
  t.allcaps = letters >= 2 && upper == letters;
}

// A person never given a title in the text, and not called "đồng chí", is
// not taken for an official ("anh Nguyễn Văn A, nhân viên bán vé").
void drop_untitled(OfficialList& out) {
  const OfficialsVocabulary& v = vocabulary();
  std::unordered_set<std::string_view> titled;  // views into the records, which stay
  for (size_t k = 0; k < out.size(); ++k)
    if (const auto m = out.summary(k); m.titled) titled.insert(m.name);
  out.keep_if([&](size_t k) {
    const auto m = out.summary(k);
    if (m.titled || titled.count(m.name)) return true;
    return m.honorific == "đ/c" || std::count(v.comrades.begin(), v.comrades.end(), fold(m.honorific)) > 0;
  });
}

// Every person mention, in text order.
OfficialList official_list(std::string_view text) {
  OfficialList out;
  utf8::CharCounter counter(text);
  const OfficialsVocabulary& v = vocabulary();
  // Segments end at blank lines, or at a sentence end once long: mentions
  // never span them, and memory stays bounded (a word costs about 100 bytes
  // here). These limits change no result on the baomoi and VietNews corpora.
  constexpr size_t kSoftLimit = 1024, kHardLimit = 4096;
  std::vector<OfficialToken> toks(64);
  size_t n = 0;
  WordScanner scanner(text);
  size_t prev_end = 0;
  bool prev_abbrev = false;
  auto flush = [&] {
    OfficialsParser(text, toks, n, counter, out).run();
    n = 0;
  };
  for (;;) {
    if (n == toks.size()) toks.resize(toks.size() * 2);
    OfficialToken& t = toks[n];
    if (!scanner.next(t.word)) break;
    const std::string_view gap = text.substr(prev_end, t.word.begin - prev_end);
    t.sep = classify_separator(gap, prev_abbrev);
    // An unspaced dash joins a compound ("GD-ĐT", "Bà Rịa-Vũng Tàu"), not a
    // name and the title after it ("Ông Trần Minh Sang–Trưởng Phòng ...").
    if (t.sep == 0 && is_one_dash(gap) && (v.heads.starts(t.word) || v.modifiers.starts(t.word))) t.sep = kDash;
    if (n > 0 && ((t.sep & kBlank) || (n >= kSoftLimit && (t.sep & kPeriod)) || n >= kHardLimit)) {
      size_t last = n;
      flush();
      std::swap(toks[0], toks[last]);
      OfficialToken& first = toks[0];
      set_case(text, first);
      prev_end = first.word.end;
      prev_abbrev = v.abbreviations.contains(first.word, false);
      n = 1;
      continue;
    }
    set_case(text, t);
    prev_end = t.word.end;
    prev_abbrev = v.abbreviations.contains(t.word, false);
    ++n;
  }
  if (n) flush();
  drop_untitled(out);
  return out;
}

}  // namespace

std::vector<OfficialMention> find_officials(std::string_view text) {
  const OfficialList list = official_list(text);
  std::vector<OfficialMention> out;
  out.reserve(list.size());
  for (size_t k = 0; k < list.size(); ++k) out.push_back(list.get(k));
  return out;
}

namespace {
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          static const char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

// One mention as a JSON object.
void append_json(std::string& out, const OfficialMention& m) {
  out += "{\"name\":";
  append_json_string(out, utf8::sanitize(m.name));
  out += ",\"titles\":[";
  for (size_t t = 0; t < m.titles.size(); ++t) {
    if (t) out += ',';
    append_json_string(out, utf8::sanitize(m.titles[t]));
  }
  out += "],\"honorific\":";
  if (m.honorific.empty()) out += "null";
  else append_json_string(out, utf8::sanitize(m.honorific));
  out += ",\"start\":" + std::to_string(m.start) + ",\"length\":" + std::to_string(m.length) + "}";
}

// The JSON array of mentions 0..count-1 of `mention(k)`.
template <class Mention>
std::string json_array(size_t count, Mention&& mention) {
  std::string out = "[";
  for (size_t k = 0; k < count; ++k) {
    if (k) out += ',';
    append_json(out, mention(k));
  }
  out += ']';
  return out;
}

// The rows of officials(): one per mention and title (one with a NULL title
// for a mention without any), made one at a time from the packed list.
class OfficialRows : public RowSource {
 public:
  explicit OfficialRows(OfficialList list) : list_(std::move(list)) {}
  bool next(Row& row) override {
    if (title_ >= std::max<size_t>(1, current_.titles.size())) {  // the next mention
      if (next_ >= list_.size()) return false;
      current_ = list_.get(next_++);
      title_ = 0;
    }
    const OfficialMention& m = current_;
    row = Row{utf8::sanitize(m.name), m.titles.empty() ? Cell{nullptr} : Cell{utf8::sanitize(m.titles[title_])},
              m.honorific.empty() ? Cell{nullptr} : Cell{utf8::sanitize(m.honorific)},
              static_cast<int64_t>(next_), static_cast<int64_t>(m.start), static_cast<int64_t>(m.length)};
    ++title_;
    return true;
  }

 private:
  OfficialList list_;
  size_t next_ = 0;      // the mention after the current one
  OfficialMention current_;
  size_t title_ = 1;     // the current mention's next title (1 ends a mention of none)
};

std::unique_ptr<RowSource> open_officials(sqlite3_value** args, int) {
  auto text = sql::text_arg(args[0]);
  return std::make_unique<OfficialRows>(text ? official_list(*text) : OfficialList());
}

}  // namespace

std::string officials_json(const std::vector<OfficialMention>& mentions) {
  return json_array(mentions.size(), [&](size_t k) -> const OfficialMention& { return mentions[k]; });
}

// ---------------------------------------------------------------------------
// SQL wrappers.

void sql_extract_officials(sqlite3_context* ctx, int, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    auto text = sql::text_arg(argv[0]);
    if (!text) return sqlite3_result_null(ctx);
    const OfficialList list = official_list(*text);
    // The array can be twice the text: written once into a buffer of its
    // size that SQLite takes over, not grown and then copied.
    std::string object;
    size_t size = 2;  // []
    for (size_t k = 0; k < list.size(); ++k) {
      object.clear();
      append_json(object, list.get(k));
      size += object.size() + (k > 0);
    }
    auto* json = static_cast<char*>(sqlite3_malloc64(size));
    if (!json) throw std::bad_alloc();
    char* at = json;
    *at++ = '[';
    for (size_t k = 0; k < list.size(); ++k) {
      object.clear();
      append_json(object, list.get(k));
      if (k) *at++ = ',';
      at = std::copy(object.begin(), object.end(), at);
    }
    *at = ']';
    sqlite3_result_text64(ctx, json, size, sqlite3_free, SQLITE_UTF8);
  });
}

const TableFunction kOfficialsFunction = {
    "officials", "name, title, honorific, mention, start, length", {"text"}, 1, open_officials};

}  // namespace vnsql
