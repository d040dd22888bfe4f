#include "officials.h"

#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
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
#include "data/provinces.h"
#include "data/surnames.h"
#include "data/title_heads.h"
#include "data/titles.h"
#include "json.h"
#include "normalize.h"
#include "packed.h"
#include "provinces.h"
#include "titles.h"
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

// What the vocabulary knows of one folded word, found once per token: the
// phrases of each phrase set that start with it (PhraseSet::index), and the
// word sets that hold it through its folded form (WordSet::bit).
constexpr size_t kPhraseSets = 20;
struct VocabularyEntry {
  const std::vector<VocabularyPhrase>* phrases[kPhraseSets + 1] = {};  // the last for sets left out: none
  uint32_t folded_words = 0;
};
using VocabularyIndex = std::unordered_map<std::string, VocabularyEntry>;

// Phrases indexed by the folded form of their first word.
class PhraseSet {
 public:
  template <size_t... N>
  explicit PhraseSet(const char* const (&... tables)[N]) { (add(tables), ...); }
  const std::vector<VocabularyPhrase>* candidates(const std::string& first_folded) const {
    auto it = by_first_.find(first_folded);
    return it == by_first_.end() ? nullptr : &it->second;
  }
  size_t index() const { return index_; }
  void add_to(size_t index, VocabularyIndex& words) {
    index_ = index;
    for (const auto& [first, phrases] : by_first_) words[first].phrases[index] = &phrases;
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
  size_t index_ = kPhraseSets;  // until add_to(): matches nothing
};

// Single words: accented forms, and folded forms for text without accents.
class WordSet {
 public:
  template <size_t... N>
  explicit WordSet(const char* const (&... tables)[N]) { (add(tables), ...); }
  bool contains(const Word& w, bool accented_text) const {
    return accented_text ? lower_.count(w.lower) > 0 : folded_.count(w.folded) > 0;
  }
  bool contains_lower(const std::string& lower) const { return lower_.count(lower) > 0; }
  uint32_t bit() const { return bit_; }
  void add_to(uint32_t bit, VocabularyIndex& folded_words, std::unordered_map<std::string, uint32_t>& lower_words) {
    bit_ = bit;
    for (const std::string& f : folded_) folded_words[f].folded_words |= bit;
    for (const std::string& l : lower_) lower_words[l] |= bit;
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
  uint32_t bit_ = 0;
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
      compounds{data::title_heads::kCompound},
      title_phrases{data::bodies::kTitleWord, data::place_words::kTitleWord},
      places{data::places::kEntries, data::provinces::kEntries, data::countries::kEntries}, countries{data::countries::kCountry},
      not_person{data::name_contexts::kNotPerson, data::place_words::kNotPerson},
      org_prefixes{data::bodies::kOrgPrefix, data::name_contexts::kOrgPrefix}, name_words{data::bodies::kNameWord},
      local_units{data::place_words::kLocalUnit}, ranks{data::title_heads::kRank},
      counterparts{data::title_heads::kCounterpart}, person_heads{data::title_heads::kPersonHead},
      unit_heads{data::title_heads::kUnitHead};
  WordSet surnames{data::surnames::kSurname},
      title_words{data::bodies::kTitleWord, data::place_words::kTitleWord},
      abbreviations{data::abbreviations::kPeriod}, org_words{data::name_contexts::kOrgWord},
      openers{data::boundary_words::kOpener}, honorific_names{data::honorifics::kNameWord},
      time_openers{data::boundary_words::kTimeOpener}, particles{data::surnames::kParticle},
      owners{data::boundary_words::kOwner}, degrees{data::abbreviations::kDegree}, postings{data::titles::kAt};
  // Titles that may open a comma-joined list of one person's titles, and the
  // honorifics of comrades, folded.
  std::vector<std::string> list_openers = folded(data::title_heads::kOpensList),
                           list_openers_alone = folded(data::title_heads::kOpensListAlone),
                           comrades = folded(data::honorifics::kComrade),
                           country_heads = folded(data::title_heads::kNeedsCountry);
  // Countries and foreign cities of one word of 5 letters or more, folded: a
  // word one letter off is one of them misspelled ("Astralia", "Philipines").
  std::vector<std::string> long_places = one_word_places();
  // Every word the sets know, looked up once per token (OfficialToken).
  VocabularyIndex by_folded;
  std::unordered_map<std::string, uint32_t> by_lower;  // the word sets holding a lower-case form

  static std::vector<std::string> one_word_places() {
    std::vector<std::string> out;
    for (std::string& f : folded(data::countries::kEntries))
      if (f.size() >= 5 && f.find(' ') == std::string::npos) out.push_back(std::move(f));
    return out;
  }

  OfficialsVocabulary() {
    PhraseSet* phrase_sets[] = {&honorifics, &plurals,    &modifiers, &dropped_modifiers, &heads,
                                &bodies,     &boundaries, &captions,  &compounds,         &title_phrases,
                                &places,     &countries,  &not_person, &org_prefixes,     &local_units,
                                &ranks,      &counterparts, &person_heads, &unit_heads,   &name_words};
    static_assert(std::size(phrase_sets) <= kPhraseSets);
    for (size_t k = 0; k < std::size(phrase_sets); ++k) phrase_sets[k]->add_to(k, by_folded);
    WordSet* word_sets[] = {&surnames,      &title_words, &org_words,    &honorific_names,
                            &abbreviations, &openers,     &time_openers, &particles,
                            &owners,        &degrees};
    for (size_t k = 0; k < std::size(word_sets); ++k) word_sets[k]->add_to(1u << k, by_folded, by_lower);
  }
  const VocabularyEntry* entry(const std::string& folded) const {
    auto it = by_folded.find(folded);
    return it == by_folded.end() ? nullptr : &it->second;
  }
  uint32_t lower_bits(const std::string& lower) const {
    auto it = by_lower.find(lower);
    return it == by_lower.end() ? 0 : it->second;
  }
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
  bool inner_cap = false;  // an upper-case letter after a lower-case one ("PVTex", "iPhone")
  bool hyphen = false;     // joined to the word before by a dash without spaces ("Jong-un")
  bool opener = false;     // capitalized word that opens sentences, never a name's ("Ngày", "Theo")
  bool spaced_punct = false;  // a space before a comma or period: word-segmented text ("Moon Jae - in")
  const VocabularyEntry* vocab = nullptr;  // what the vocabulary knows of the word (folded)
  uint32_t lower_words = 0;                // the word sets holding its lower-case form (WordSet::bit)
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
  void add(const OfficialMention& m) { records_.add(record(m)); }
  void replace(size_t k, const OfficialMention& m) { records_.replace(k, record(m)); }
  OfficialMention get(size_t k) const {
    OfficialMention m;
    const char* at = records_[k];
    m.name = *PackedRecords::get_string(at);
    m.honorific = PackedRecords::get_string(at).value_or("");
    m.start = PackedRecords::get_number(at);
    m.length = PackedRecords::get_number(at);
    m.titles.resize(PackedRecords::get_number(at));
    m.places.resize(m.titles.size());
    for (size_t t = 0; t < m.titles.size(); ++t) {
      m.titles[t] = *PackedRecords::get_string(at);
      m.places[t] = PackedRecords::get_string(at).value_or("");
    }
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
  // The name and titles of mention k, read in place (views into the records, which stay).
  void views(size_t k, std::string_view& name, std::vector<std::string_view>& titles) const {
    const char* at = records_[k];
    name = *PackedRecords::get_view(at);
    PackedRecords::get_view(at);    // honorific
    PackedRecords::get_number(at);  // start
    PackedRecords::get_number(at);  // length
    titles.resize(PackedRecords::get_number(at));
    for (std::string_view& title : titles) {
      title = *PackedRecords::get_view(at);
      PackedRecords::get_view(at);  // place
    }
  }
  size_t size() const { return records_.size(); }
  template <class Keep>
  void keep_if(Keep&& keep) { records_.keep_if(keep); }

 private:
  static std::string record(const OfficialMention& m) {
    std::string record;
    PackedRecords::put_string(record, m.name);
    PackedRecords::put_string(record, m.honorific.empty() ? std::nullopt : std::optional<std::string_view>(m.honorific));
    PackedRecords::put_number(record, m.start);
    PackedRecords::put_number(record, m.length);
    PackedRecords::put_number(record, m.titles.size());
    for (size_t t = 0; t < m.titles.size(); ++t) {
      PackedRecords::put_string(record, m.titles[t]);
      const bool place = t < m.places.size() && !m.places[t].empty();
      PackedRecords::put_string(record, place ? std::optional<std::string_view>(m.places[t]) : std::nullopt);
    }
    return record;
  }

  PackedRecords records_;  // in text order
};

// Finds the officials named in one segment, tokens [0, n), into `out`.
class OfficialsParser {
 public:
  // What the article has said so far, for all its segments: the titles it
  // gave before a name (lower case -> that name), the last words of the names
  // it gave in full ("Guterres" of "Antonio Guterres").
  struct ArticleSoFar {
    std::unordered_map<std::string, std::string> title_holders;
    std::unordered_set<std::string> last_words;
    // The starts of one-word mentions that name a foreign office's holder on
    // their own (lone_foreign_name()), when no full name in the text has the word.
    std::unordered_set<size_t> lone_names;
  };

  OfficialsParser(std::string_view text, const std::vector<OfficialToken>& toks, size_t n,
                  utf8::CharCounter& counter, OfficialList& out, ArticleSoFar& so_far)
      : text_(text), t_(toks), n_(n), counter_(counter), out_(out), so_far_(so_far), v_(vocabulary()) {
    for (size_t i = 0; i < n && !accented_; ++i) accented_ = toks[i].word.accented;
    for (size_t i = 0, spaced = 0; i < n && !segmented_; ++i) segmented_ = (spaced += toks[i].spaced_punct) >= 2;
  }

  // Tries the rules at each token in turn; a rule that applies says where to go on.
  void run() {
    size_t i = 0;
    while (i < n_) {
      if (t_[i].sep & (kPeriod | kBlank)) list_mode_ = false;
      size_t next = honorific_rule(i);
      if (!next) next = title_before_name_rule(i);
      if (!next) next = apposition_rule(i);
      if (!next) next = counterpart_rule(i);
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
    if (title_end(i) == i) return 0;
    if (pending_end_ != i) pending_.clear();
    if (size_t k = title_person(i, 0, 0, pending_)) {
      pending_.clear();
      return last_end_ = k;
    }
    const size_t e = title_end(i);
    std::string title = title_text(i, e);
    const bool owned = i > 0 && plain(i) && in(v_.owners, i - 1);  // "người phát ngôn của Tổng thống, ông ..."
    if (size_t k = owned ? 0 : name_after_comma(e, title)) return last_end_ = k;
    if (size_t k = owned ? 0 : name_after_degree(e, title)) return last_end_ = k;
    // "Tổng Tư lệnh Quân đội ..., Thượng tướng Phòng Phong Huy": a position,
    // then a rank and the name.
    if (e < n_ && (t_[e].sep & ~unsigned{kNewline}) == kComma && (leads_title_list(title) || phrase_at(v_.ranks, e))) {
      pending_.push_back(std::move(title));
      pending_end_ = e;
    } else {
      pending_.clear();
    }
    return e;
  }

  // A title, a comma, then the name and the sentence going on: "Đại sứ
  // Triều Tiên tại Ấn Độ, Kye Chun-yong thông báo", "Giám đốc Sở Y tế, ông
  // Nguyễn Văn A cho biết", "..., Nguyễn Minh Đức, cho biết". Not a list
  // ("..., A, B", "..., A và B", "..., A, Giám đốc ...").
  size_t name_after_comma(size_t e, const std::string& title) {
    size_t h = 0, len = 0;
    if (!name_after_comma_at(e, &h, &len)) return 0;
    return mention(e + h, len, {title}, e, h);
  }

  // Whether a mention before names a person whose last word is token i's ("Antonio Guterres").
  bool named_before(size_t i) const { return so_far_.last_words.count(normalize(slice(i, i + 1))) > 0; }

  // Whether token e, after a title, opens such a name (its honorific and name lengths).
  bool name_after_comma_at(size_t e, size_t* honorific = nullptr, size_t* name_len = nullptr) const {
    if (e >= n_ || (t_[e].sep & ~unsigned{kNewline}) != kComma) return false;
    const size_t h = honorific_at(e);
    const size_t j = e + h;
    const size_t len = j < n_ && (!h || plain_line(j)) ? name_run(j) : 0;
    // "..., Phó Trưởng phòng Giáo dục quận Hai Bà Trưng, Hà Nội cho biết": a place, not a name.
    if (len < 2 || len > 5 || !person_like(j, len) || (!h && place_at(j))) return false;
    const size_t k = j + len;
    if (k >= n_ || t_[k].cap || word_is(k, "và", "va") || t_[k].digit) return false;
    if (!plain_line(k) && !(t_[k].sep == kComma && title_end(k, nullptr, true) == k)) return false;
    if (honorific) *honorific = h;
    if (name_len) *name_len = len;
    return true;
  }

  // Whether, from the comma at token e, titles joined by commas end with a
  // person's name ("..., Chủ tịch Ủy ban ..., Bí thư Thành ủy TPHCM Nguyễn Thiện Nhân").
  bool titles_end_with_name(size_t e) const {
    for (int titles = 0; titles < 4 && e < n_ && (t_[e].sep & ~unsigned{kNewline}) == kComma; ++titles) {
      size_t head_end = 0;
      const size_t end = title_end(e, &head_end, true);
      if (end == e) return false;
      if (trailing_name(head_end, end)) return true;
      e = end;
    }
    return false;
  }

  // A title, a degree, then the name: "Nguyên Thống đốc Ngân hàng Nhà nước TS
  // Cao Sĩ Kiêm", "Giám đốc Bệnh viện PGS.TS Nguyễn Văn A".
  size_t name_after_degree(size_t e, const std::string& title) {
    size_t j = e;
    while (j < n_ && j - e < 3 && in(v_.degrees, j) && plain(j)) ++j;
    const size_t len = j > e && j < n_ && plain(j) ? name_run(j) : 0;
    if (len < 2 || len > 5 || !person_like(j, len)) return 0;
    return mention(j, len, {title}, 0, 0);
  }

  // Surname (or an item of a list of people) + title in apposition
  // ("Nguyễn Văn A, Bí thư ..."); or a second person joined by "và".
  size_t apposition_rule(size_t i) {
    const bool after_and = i > 0 && last_end_ == i - 1 && word_is(i - 1, "và", "va") && plain(i);
    const bool list_item = list_mode_ && (t_[i].sep & (kSemi | kColon));
    const bool run_start = i == 0 || !(name_word(i - 1) && plain_line(i));
    if (!run_start || !name_word(i) || !(in(v_.surnames, i) || list_item) ||
        (i > 0 && blocked(i)))
      return 0;
    const size_t len = name_run(i);
    if (len < 2 || len > 5 || place_at(i)) return 0;
    const size_t k = i + len;
    const bool apposition = k < n_ && (t_[k].sep & (kComma | kDash | kOpen)) && title_end(k, nullptr, true) > k;
    if (!apposition && !after_and) return 0;
    return last_end_ = mention(i, len, {}, 0, 0);
  }

  // Whether word set `set` holds token i (accent-sensitively in text with accents).
  bool in(const WordSet& set, size_t i) const {
    const OfficialToken& t = t_[i];
    return accented_ ? (t.lower_words & set.bit()) != 0 : t.vocab && (t.vocab->folded_words & set.bit()) != 0;
  }

  // A name after "người đồng cấp" (counterpart) and a country: a person
  // without a title here, whom a title elsewhere may name by one word
  // ("người đồng cấp Israel Benjamin Netanyahu ... Thủ tướng Netanyahu").
  size_t counterpart_rule(size_t i) {
    const size_t c = phrase_at(v_.counterparts, i);
    if (!c) return 0;
    const size_t j = i + c + phrase_at(v_.countries, i + c);
    const size_t len = j < n_ && plain_line(j) ? name_run(j) : 0;
    if (len < 2 || len > 4 || !person_like(j, len)) return 0;
    // No apposition: "người đồng cấp Qatar Mohammed Al-Thani, Ngoại trưởng Gabriel ..."
    return last_end_ = mention(j, len, {}, 0, 0, false);
  }

  // No punctuation before token i (a line break is allowed).
  bool plain(size_t i) const { return (t_[i].sep & ~unsigned{kNewline}) == 0; }
  bool plain_line(size_t i) const { return t_[i].sep == 0; }
  // Token i goes on the name before it: nothing between them, or it is a piece.
  bool joined(size_t i) const { return plain_line(i) || name_piece(i); }

  bool word_is(size_t i, const char* lower, const char* folded) const {
    const Word& w = t_[i].word;
    return accented_ ? w.lower == lower : w.folded == folded;
  }

  // Length in tokens of the longest phrase of `set` at token i (0 if none).
  size_t phrase_at(const PhraseSet& set, size_t i) const {
    const auto* cands = i < n_ && t_[i].vocab ? t_[i].vocab->phrases[set.index()] : nullptr;
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

  // A capitalized word that may be part of a name; not an abbreviation nor a
  // brand written with inner capitals ("PVTex", "VinGroup").
  bool name_word(size_t i) const {
    return i < n_ && t_[i].cap && !t_[i].allcaps && !t_[i].digit && !t_[i].inner_cap && !opens_sentence(i) &&
           t_[i].word.folded.size() <= 12;
  }

  // A capitalized word that opens a sentence ("Ngày", "Theo"; "Sáng" before a date).
  bool opens_sentence(size_t i) const {
    return t_[i].opener || (t_[i].cap && in(v_.time_openers, i) && i + 1 < n_ && t_[i + 1].digit);
  }

  // A piece that goes on the name word before it: a lower-case piece joined by
  // a dash ("Kim Jong-un", "Prayut Chan-o-cha"; in word-segmented text a
  // spaced dash and a short word without marks: "Moon Jae - in") or a regnal
  // number ("Elizabeth II").
  bool name_piece(size_t i) const {
    if (i == 0 || i >= n_ || t_[i].digit) return false;
    if (segmented_ && t_[i].sep == kDash)
      return !t_[i].cap && !t_[i].word.accented && t_[i].word.folded.size() <= 4 && !phrase_at(v_.boundaries, i);
    if (t_[i].sep != 0) return false;
    if (t_[i].hyphen) return !t_[i].cap;
    // "Salman bin Abdulaziz", "Ursula von der Leyen"
    if (!t_[i].cap && in(v_.particles, i) && i + 1 < n_ && plain_line(i + 1) &&
        (name_word(i + 1) || in(v_.particles, i + 1)))
      return true;
    static const std::unordered_set<std::string> regnal = {"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"};
    return t_[i].allcaps && regnal.count(t_[i].word.folded) > 0;
  }

  // A name word or a piece after one (at most three pieces in a row).
  bool name_part(size_t i) const {
    if (name_word(i)) return true;
    for (size_t k = i; k + 3 > i && name_piece(k); --k)
      if (name_word(k - 1)) return true;
    return false;
  }

  // Evidence that a name is foreign: a word without Vietnamese marks that is
  // not spelled as a Vietnamese syllable ("Trump", "Jong", "Abe"), or a piece.
  // Names of the Central Highlands with marks are places ("Chư Prông", "Krông Pắk").
  bool foreign_word(size_t i) const {
    return name_piece(i) ||
           (name_word(i) && !t_[i].word.accented && !is_syllable_spelling(t_[i].word.folded));
  }

  // Capitalized words from i on (no punctuation between, none of them a title
  // head, body or honorific, but for one that is also a given name after the
  // first: "Nguyễn Tuấn Anh"); returns their number (6 = too many).
  size_t name_run(size_t i) const {
    size_t len = 0;
    while (i + len < n_ && len < 6 && (len == 0 ? name_word(i) : name_part(i + len) && joined(i + len)) &&
           !phrase_at(v_.heads, i + len) && !phrase_at(v_.bodies, i + len) &&
           (!honorific_at(i + len) || (len > 0 && in(v_.honorific_names, i + len))))
      ++len;
    if (len && i + len < n_ && name_part(i + len) && joined(i + len)) return 6;  // runs on into a title
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
    // Written alone: "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh", but not
    // "Phó Thủ tướng Hà Lan, Thủ tướng Nguyễn Xuân Phúc" (a person named before).
    return std::find(v_.list_openers_alone.begin(), v_.list_openers_alone.end(), folded) != v_.list_openers_alone.end();
  }

  // Whether the words right before token i name a kind of school or company
  // ("Công ty cổ phần Tuần Châu Hà Nội", "Trường Tiểu học Lý Tự Trọng") or,
  // with short, are other words of an organization's name in lower case
  // ("Trường mầm non Đồng Thắng"): a name after them is the organization's.
  // Not "Bộ trưởng Giáo dục Benoît Hamon", "Bộ ... thương binh và xã hội Đào Ngọc Dung".
  bool after_name_word(size_t i, bool short_name = true) const {
    if (!plain(i) || i == 0) return false;
    for (size_t back = 1; back <= 4 && back <= i; ++back)
      if (phrase_at(v_.name_words, i - back) == back &&
          (phrase_at(v_.not_person, i - back) == back || (short_name && !t_[i - back].cap)))
        return true;
    return false;
  }

  // True when the words before token i make a following name a street, school, place...
  bool blocked(size_t i) const {
    for (size_t back = 1; back <= 3 && back <= i; ++back) {
      size_t p = phrase_at(v_.not_person, i - back);
      if (p == back && plain_line(i)) return true;  // not across a line break: a headline's last word
    }
    return false;
  }

  // The end (token index) of a title starting at i, or i if none starts there.
  // head_end receives the end of the title's head.
  size_t title_end(size_t i, size_t* head_end = nullptr, bool apposition = false) const {
    const size_t h = title_head_end(i, apposition);
    if (h == i) return i;
    if (head_end) *head_end = h;
    const size_t e = title_name_end(i, h);
    // One word in lower case is no title ("trưởng thành"), nor "Trưởng" alone ("Trưởng khối phố").
    return e - i == 1 && (!t_[i].cap || phrase_at(v_.unit_heads, i)) ? i : e;
  }

  // The end of the modifiers and head of a title at i ("Phó Bí thư", "Bộ
  // trưởng"), or i if none starts there.
  size_t title_head_end(size_t i, bool apposition) const {
    if (!phrase_at(v_.modifiers, i) && !phrase_at(v_.heads, i)) return i;
    // "quyền" ends a compound ("chính quyền Tổng thống Trump").
    if (i > 0 && plain(i) && phrase_at(v_.compounds, i - 1) == 2) return i;
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
    if (!h) return i;
    // A head in lower case ("bộ trưởng", "giám đốc") is a title after a
    // modifier ("cựu thủ tướng"), in apposition ("ông A, giám đốc Sở ..."),
    // or before a body, a place or an abbreviation ("bộ trưởng Bộ Tài chính",
    // "tổng thống Mỹ", "ủy viên BCH"); not before a bare name ("bầu bí thư Nguyễn Văn A").
    if (!t_[j].cap && !modified && !apposition && !capitalized_in(j, j + h)) {  // "đại biểu Quốc hội"
      const size_t k = j + h;
      if (k >= n_ || !plain_line(k) || !t_[k].cap ||
          !(t_[k].allcaps || phrase_at(v_.bodies, k) || phrase_at(v_.places, k)))
        return i;
    }
    // The last word of a head that opens a body goes to the body ("Trưởng
    // Ban tuyên giáo Trung ương": the head "Trưởng", the body "Ban tuyên giáo").
    if (h > 1 && phrase_at(v_.bodies, j + h - 1) > 1 && has_phrase(v_.heads, j, h - 1)) --h;
    return j + h;
  }

  // Whether a head of class person-head starts in [from, to) ("Phó Tổng thống").
  bool starts_person_head(size_t from, size_t to) const {
    for (size_t k = from; k < to; ++k)
      if (phrase_at(v_.person_heads, k)) return true;
    return false;
  }

  // A run of name words that reads as a person's name with no title at hand:
  // it starts with a surname or looks foreign, and holds no initial nor a
  // word of a company's name ("..., Bamboo Airways được định vị là ..."); a
  // foreign one no place ("..., Savills Hà Nội, cho rằng").
  bool person_like(size_t j, size_t len) const {
    bool foreign = false, place = false;
    for (size_t k = j; k < j + len; ++k) {
      if (in(v_.org_words, k)) return false;
      foreign = foreign || foreign_word(k);
      place = place || (k > j && phrase_at(v_.places, k));
    }
    return (in(v_.surnames, j) || (foreign && !place)) && !initials_in(j, j + len);
  }

  // A word of one letter: an initial ("George W. Bush", "V.Putin").
  bool initials_in(size_t from, size_t to) const {
    for (size_t k = from; k < to; ++k)
      if (name_word(k) && t_[k].word.folded.size() < 2) return true;
    return false;
  }

  bool all_initials(size_t from, size_t to) const {
    for (size_t k = from; k < to; ++k)
      if (t_[k].word.folded.size() > 1) return false;
    return true;
  }

  bool capitalized_in(size_t from, size_t to) const {
    for (size_t k = from; k < to; ++k)
      if (t_[k].cap) return true;
    return false;
  }

  // Whether a phrase of `set` of exactly len words is at token i.
  bool has_phrase(const PhraseSet& set, size_t i, size_t len) const {
    const auto* cands = i < n_ && t_[i].vocab ? t_[i].vocab->phrases[set.index()] : nullptr;
    if (!cands || i + len > n_) return false;
    for (const VocabularyPhrase& p : *cands) {
      if (p.size() != len) continue;
      size_t k = 0;
      while (k < len && matches(t_[i + k].word, p[k], accented_) && (k == 0 || plain(i + k))) ++k;
      if (k == len) return true;
    }
    return false;
  }

  // What title_name_end() knows of the words it has taken so far.
  struct NameScan {
    // A capitalized word right after a head, a body or an organization word
    // may open a two-syllable name whose second syllable is lower case
    // ("Giám đốc Xí nghiệp", "Sở Văn hóa Thể thao").
    bool compound_start = true, prev_opens = false;
    size_t capitalized_run = 0;     // capitalized words just taken that are no body
    bool foreign_run = false;       // and one of them looks foreign
    size_t org_end = SIZE_MAX;      // the token after an organization word ("Trung tâm", "Ban Quản lý")
    size_t after_paren = SIZE_MAX;  // the token after a place in parentheses
    void reset(bool opens) {
      capitalized_run = 0;
      foreign_run = prev_opens = false;
      compound_start = opens;
    }
  };

  // The end of the bodies, places and names that the title of token i goes
  // on with after its head ends at after_head ("Bí thư Tỉnh ủy Quảng Ninh").
  size_t title_name_end(size_t i, size_t after_head) const {
    NameScan s;
    size_t j = after_head;
    while (j < n_ && j - i < 24 && continues_title(after_head, j, s)) {
      if (j > after_head && name_part(j) && !name_word(j)) { ++j; continue; }  // "Jong-un", "Elizabeth II"
      if (!plain(j)) { s.compound_start = true; s.prev_opens = false; }
      if (opens_sentence(j)) break;  // "... Nguyễn Xuân Phúc Ngày 6/2"
      if (size_t p = place_in_title(after_head, j)) {
        if (t_[j].sep == kOpen) s.after_paren = j + p;
        j += p;
        s.reset(false);  // after a place a lower-case word ends the title ("... Quảng Ninh khẳng định")
        continue;
      }
      if (ends_after_person(j, s)) break;
      const size_t run = s.capitalized_run;
      const bool was_foreign = s.foreign_run;
      s.capitalized_run = 0;
      s.foreign_run = false;
      // A body, or an organization word of several syllables that is taken
      // whole even after a foreign word ("Giám đốc Marketing Tập đoàn An Gia").
      size_t b = phrase_at(v_.bodies, j);
      if (const size_t o = phrase_at(v_.org_prefixes, j); o > 1 && t_[j].cap) b = std::max(b, o);
      if (b) {
        if (phrase_at(v_.org_prefixes, j)) s.org_end = j + b;
        j += b;
        s.reset(true);
        continue;
      }
      // A capitalized "Chí", "Bà" inside a title is a place name ("Hồ Chí Minh", "Bà Rịa").
      if ((!t_[j].cap && phrase_at(v_.boundaries, j)) || (honorific_at(j) && (!t_[j].cap || honorific_at(j) > 1)))
        break;
      if (t_[j].digit) {
        if (!unit_number(after_head, j)) break;
        ++j;
        continue;
      }
      if (t_[j].cap) {
        if (!capitalized_in_title(j, run, was_foreign, s)) break;
        ++j;
        continue;
      }
      const size_t w = lower_in_title(after_head, j, s);
      if (!w) break;
      j += w;
    }
    return j;
  }

  // Whether token j, after the title's words so far, may go on with it: no
  // punctuation before it, or punctuation inside a name. A line break inside
  // a title is a wrapped line ("UBND\ntỉnh Lào Cai"), but not before a
  // capitalized head or body: that is a new line's own title (a headline
  // "... Đoàn ĐBQH" then "Đại biểu Nguyễn Thiện Nhân ...").
  bool continues_title(size_t after_head, size_t j, const NameScan& s) const {
    if (plain_line(j)) return true;
    const bool new_line_title = t_[j].cap && (phrase_at(v_.heads, j) || phrase_at(v_.bodies, j));
    return (plain(j) && !new_line_title) || name_piece(j) || joins_compound_name(after_head, j) ||
           joins_listed_body(j) || paren_place(after_head, j) || (j == s.after_paren && t_[j].sep == kClose);
  }

  // The tokens of a place at j that a title takes whole: "Hà Lan" ("Trung Quốc
  // Vương Nghị" holds no "Quốc vương"), "(Hà Nội)", an office in a country
  // ("Đại sứ Triều Tiên tại Ấn Độ"). 0 if none.
  size_t place_in_title(size_t after_head, size_t j) const {
    if (t_[j].sep == kOpen) return paren_place(after_head, j);
    if (v_.postings.contains(t_[j].word, accented_) && j + 1 < n_ && plain(j + 1) && t_[j + 1].cap && phrase_at(v_.places, j + 1) &&
        !trailing_name(after_head, j))
      return 1 + phrase_at(v_.places, j + 1);
    return t_[j].cap ? phrase_at(v_.places, j) : 0;
  }

  // After a person's name a lower-case word is the sentence going on, even
  // one of the title vocabulary ("... Trương Quang Nghĩa kiểm tra", "Tổng
  // thống Donald Trump và Phu nhân"); "Đoàn Luật sư" is a body, not a person.
  bool ends_after_person(size_t j, const NameScan& s) const {
    if (t_[j].cap || s.capitalized_run < 2) return false;
    const size_t first = j - s.capitalized_run;
    return s.foreign_run || (in(v_.surnames, first) && !in(v_.title_words, first) && !place_at(first));
  }

  // Takes the capitalized word j into the title, or says it ends the title
  // (a head, a degree: "... Nhà nước TS Cao Sĩ Kiêm").
  bool capitalized_in_title(size_t j, size_t run, bool was_foreign, NameScan& s) const {
    if (phrase_at(v_.heads, j) || in(v_.degrees, j)) return false;
    if (size_t o = phrase_at(v_.org_prefixes, j)) s.org_end = j + o;
    const bool allcaps = t_[j].allcaps;
    // A foreign word opens no Vietnamese two-syllable name ("Tổng Thư ký Guterres mong muốn").
    s.prev_opens = s.compound_start && !allcaps && !foreign_word(j);
    s.compound_start = allcaps;
    s.capitalized_run = allcaps ? 0 : run + 1;
    s.foreign_run = !allcaps && (was_foreign || foreign_word(j));
    return true;
  }

  // The lower-case words at j that the title takes (0: none, the title ends):
  // title words ("tỉnh", "thành phố", "cơ sở"), the lower-case words of an
  // organization's name ("Trung tâm dịch vụ việc làm Hà Nội"), the second
  // syllable of a name ("Ban Tuyên giáo").
  size_t lower_in_title(size_t after_head, size_t j, NameScan& s) const {
    size_t w = phrase_at(v_.title_phrases, j);
    if (j == s.org_end) {
      if (size_t r = lower_words_to_place(j)) return r - j;
      // Right after an organization word, the lower-case words of its name
      // ("Công ty cổ phần", "Cục quản lý", "Viện nghiên cứu quản lý kinh tế", "Ủy ban tổ chức").
      if (const size_t n = phrase_at(v_.name_words, j); n > w) s.org_end = j + (w = n);
    }
    // The rest of a word whose first syllables the name has taken ("Sàn
    // chứng khoán", "Tổ hợp tác", "Ngân hàng Chính sách xã hội").
    for (size_t back = 1; !w && back <= 2 && j >= after_head + back; ++back)
      if (const size_t p = phrase_at(v_.name_words, j - back); p > back) w = p - back;
    if (!w && lower_word_in_name(j, s.prev_opens)) w = 1;
    if (w) {
      s.compound_start = true;
      s.prev_opens = false;
    }
    return w;
  }

  // The end of up to five lower-case words from j that an organization's name
  // holds when a place or an abbreviation closes them: "Trung tâm dịch vụ việc
  // làm Hà Nội", "Ban Quản lý các KCN". 0 if they are not that.
  size_t lower_words_to_place(size_t j) const {
    size_t k = j;
    while (k < n_ && k - j < 5 && plain_line(k) && !t_[k].cap && !t_[k].digit && !phrase_at(v_.boundaries, k)) ++k;
    if (k == j || k >= n_ || !plain_line(k) || !t_[k].cap) return 0;
    return t_[k].allcaps || phrase_at(v_.places, k) ? k : 0;
  }

  // A number that ends a unit's name: "Quân khu 7", "Quận 3", "Hạm đội 7"; not
  // right after the head, nor before a lower-case word ("Sở Y tế 5 năm qua").
  bool unit_number(size_t after_head, size_t j) const {
    const std::string& w = t_[j].word.folded;
    if (j == after_head || w.size() > 3 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return false;
    return j + 1 >= n_ || !plain_line(j + 1) || t_[j + 1].cap;
  }

  // The length of a place in parentheses at j that the title so far (no
  // person's name ends it) goes on with: "Phó Chủ tịch UBND quận Hoàn Kiếm
  // (Hà Nội)", "Tổng Giám đốc Tập đoàn Siemens (Đức)". 0 if none.
  size_t paren_place(size_t after_head, size_t j) const {
    if (t_[j].sep != kOpen || !t_[j].cap) return 0;
    const size_t p = phrase_at(v_.places, j);
    if (!p || (j + p < n_ && !(t_[j + p].sep & kClose)) || trailing_name(after_head, j)) return 0;
    return p;
  }

  // A comma inside a body's name: "Bộ Lao động, thương binh và xã hội" (a
  // listed body of three words or more after it, in lower case).
  bool joins_listed_body(size_t j) const {
    return t_[j].sep == kComma && !t_[j].cap && phrase_at(v_.bodies, j) >= 3 && !phrase_at(v_.heads, j);
  }

  // Whether the lower-case word at j goes on the name inside a title; prev_opens:
  // the word before it may open a two-syllable name.
  bool lower_word_in_name(size_t j, bool prev_opens) const {
    // "Bộ Kế hoạch và Đầu tư"; not "... và Trần Văn B", "... và Chủ tịch".
    // "Hội Hồi sức cấp cứu và chống độc": a body in lower case between lower-case words.
    if (word_is(j, "và", "va"))
      return j + 1 < n_ && plain(j + 1) &&
             ((name_word(j + 1) && !in(v_.surnames, j + 1) && !phrase_at(v_.heads, j + 1) && !honorific_at(j + 1)) ||
              (!t_[j - 1].cap && !t_[j + 1].cap && phrase_at(v_.bodies, j + 1)));
    // Second syllable of an organization's name: "Ban Tuyên giáo", "Bộ Kế hoạch";
    // not after an abbreviation ("Công ty Luật TNHH Vietthink một số ...").
    return j >= 2 && t_[j - 1].cap && !t_[j - 1].allcaps &&
           (prev_opens || (!t_[j - 2].allcaps && phrase_at(v_.org_prefixes, j - 2)));
  }

  // A spaced dash at token i inside a name: "Bộ trưởng Tài nguyên - Môi
  // trường", "Sở Lao động – Thương binh và Xã hội", "tỉnh Bà Rịa - Vũng Tàu".
  // Not after a person's name ("Thiếu tá Nguyễn Văn A - Cán bộ ..."), nor
  // before another title ("Bí thư Tỉnh ủy - Chủ tịch HĐND tỉnh"), a name, a
  // caption ("- Ảnh: ...") or a new clause ("- Đây là ..."). Two abbreviations
  // are joined ("Bộ KH - ĐT").
  bool joins_compound_name(size_t head_end, size_t i) const {
    if (t_[i].sep != kDash || !t_[i].cap || t_[i].digit) return false;
    if (t_[i].allcaps) return t_[i - 1].allcaps;  // "Bộ KH - ĐT", "Sở GD - ĐT"
    if (phrase_at(v_.heads, i) || phrase_at(v_.modifiers, i) || honorific_at(i) || phrase_at(v_.captions, i))
      return false;
    if (in(v_.surnames, i) && name_run(i) >= 2) return false;
    if (i + 1 < n_ && plain(i + 1) && !t_[i + 1].cap && phrase_at(v_.boundaries, i + 1)) return false;
    return !trailing_name(head_end, i);
  }

  // A title at i followed by a name ("Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký"):
  // records the mention and returns the token after its appositions, or 0.
  size_t title_person(size_t i, size_t hon, size_t hon_len, std::vector<std::string> titles = {}) {
    size_t head_end = 0;
    size_t e = title_end(i, &head_end);
    if (e == i || (e < n_ && name_word(e) && plain_line(e))) return 0;
    size_t best = trailing_name(head_end, e, 1);
    if (!best) return 0;
    // The title must keep at least its head.
    const std::string title = title_text(i, best);
    titles.push_back(title);
    so_far_.title_holders[lower(title)] = name_text(best, e - best);
    const bool lone = e - best == 1 && lone_foreign_name(i, head_end, best, title);
    const size_t k = mention(best, e - best, std::move(titles), hon, hon_len, true, lone);
    return i > 0 && plain(i) && phrase_at(v_.plurals, i - 1) ? more_people(k, title) : k;
  }

  // Whether the word s, the one word after the title [i, s) with head ending
  // at head_end, names the holder of a foreign office on its own ("Tổng thống
  // Duterte cho biết", "Ngoại trưởng Nga Lavrov nói"): a word spelled as no
  // Vietnamese syllable nor one letter off a country ("Tổng thống Brazi"),
  // right after the title ("Liên đoàn kinh tế Nhật Bản – Keidanren" is the
  // body's name) and before a lower-case word but a name's particle
  // ("Bashar al - Assad" goes on), punctuation or the end; the
  // title an office abroad (a country's, a role of level "nước ngoài") or a
  // bare head that one capitalized word makes a person's title ("Thủ tướng
  // Abe": Việt Nam's holders are named in syllables), that of a head of class
  // needs-country with its country ("Thị trưởng Rotterdam" is the city), and
  // not inside a name ("Cúp Nhà vua Barca"). Bodies, places, companies and
  // initials before the word were left out by foreign_name().
  bool lone_foreign_name(size_t i, size_t head_end, size_t s, const std::string& title) const {
    const Word& w = t_[s].word;
    const size_t e = s + 1;
    if (w.accented || !plain_line(s) || is_syllable_spelling(w.folded) ||
        (e < n_ && plain_line(e) && (t_[e].cap || t_[e].digit || in(v_.particles, e))) || (i > 0 && blocked(i)))
      return false;
    for (const std::string& place : v_.long_places)
      if (one_letter_off(w.folded, place)) return false;
    TitleParts parts;
    if (!parse_title(title, parts)) return false;
    if (!parts.country.empty()) return true;
    if (std::count(v_.country_heads.begin(), v_.country_heads.end(), fold(parts.role))) return false;
    return parts.level == kLevelAbroad || (head_end == s && parts.level.empty() && starts_person_head(i, head_end));
  }

  // Whether a word of 5 letters or more is one letter off a longer one (one
  // letter changed, added, left out, or two swapped), either of 6 or more:
  // "Quatar" and "Qatar", not "Ghani" and "Ghana".
  static bool one_letter_off(const std::string& a, const std::string& b) {
    if (a.size() < 5 || std::max(a.size(), b.size()) < 6 || a == b) return false;
    const std::string& x = a.size() >= b.size() ? a : b;  // the longer
    const std::string& y = a.size() >= b.size() ? b : a;
    if (x.size() - y.size() > 1) return false;
    size_t p = 0;
    while (p < y.size() && x[p] == y[p]) ++p;
    if (x.size() > y.size()) return x.compare(p + 1, std::string::npos, y, p, std::string::npos) == 0;
    if (x.compare(p + 1, std::string::npos, y, p + 1, std::string::npos) == 0) return true;
    return p + 1 < x.size() && x[p] == y[p + 1] && x[p + 1] == y[p] &&
           x.compare(p + 2, std::string::npos, y, p + 2, std::string::npos) == 0;
  }

  // After a plural title and its first person ("các Phó Thủ tướng Vương Đình
  // Huệ, Vũ Đức Đam và Trịnh Đình Dũng"), the people listed after a comma or
  // "và", each with that title; returns the token after them.
  size_t more_people(size_t k, const std::string& title) {
    while (k < n_) {
      size_t j = k;
      if (word_is(k, "và", "va") && plain(k)) ++j;
      else if ((t_[k].sep & ~unsigned{kNewline}) != kComma) break;
      const size_t len = j < n_ ? name_run(j) : 0;
      if (len < 2 || len > 5 || !person_like(j, len)) break;
      k = last_end_ = mention(j, len, {title}, 0, 0);
    }
    return k;
  }

  // The start of the person's name that a title [.., e) with head ending at
  // head_end ends with ("... Quảng Ninh Nguyễn Xuân Ký"), or 0 if none. A
  // name of one word ("Thủ tướng Netanyahu") only with min_words 1.
  size_t trailing_name(size_t head_end, size_t e, size_t min_words = 2) const {
    // The run of name-like words the title ends with.
    size_t r = e;
    while (r > head_end && name_part(r - 1) && (r == e || joined(r))) --r;
    // Not the end of a body or place that starts before it ("Hội đồng châu Âu Donald Tusk").
    for (size_t back = 1; back <= 2 && back <= r - head_end; ++back)
      r = std::max(r, r - back + std::max(phrase_at(v_.bodies, r - back), phrase_at(v_.places, r - back)));
    // Skip place names at its start; prefer names of 3, 4, 2, then 5 syllables.
    size_t best = 0;
    int best_rank = 99;
    static constexpr int kRank[6] = {99, 99, 2, 0, 1, 3};
    // A run after a kind of school or company is its name: two words in it are
    // no person ("Bệnh viện đa khoa Tâm Đức Cầu Quan").
    const bool org_run = after_name_word(r, false);
    for (size_t s = r; s + 2 <= e; ++s) {
      if (size_t p = phrase_at(v_.places, s)) { s += p - 1; continue; }
      if (!in(v_.surnames, s) || e - s > 5) continue;
      if (phrase_at(v_.heads, s) || phrase_at(v_.bodies, s)) continue;
      if ((e - s == 2 && (after_local_unit(s) || org_run)) || after_name_word(s, e - s == 2)) continue;
      int rank = kRank[e - s];
      if (rank < best_rank) { best_rank = rank; best = s; }
    }
    return best ? best : foreign_name(r, e, min_words);
  }

  // The start of a name with no surname of the table that ends the run [r, e)
  // of capitalized words: the words after the run's last place or body
  // ("Tổng thống Mỹ Donald Trump", "Bộ trưởng Quốc phòng Nga Sergey Shoigu"),
  // two to four of them and foreign-looking, or following a country ("Chủ
  // tịch Trung Quốc Tập Cận Bình"); one word only with min_words 1. Or 0.
  size_t foreign_name(size_t r, size_t e, size_t min_words) const {
    size_t s = r;
    bool after_country = false;
    for (size_t k = r; k < e; ++k) {
      const size_t place = phrase_at(v_.places, k);
      const size_t body =
          std::max({phrase_at(v_.bodies, k), phrase_at(v_.org_prefixes, k), static_cast<size_t>(in(v_.org_words, k))});
      if (place || body) {  // "Chủ tịch Fed Janet Yellen"
        after_country = place >= body && phrase_at(v_.countries, k) == place;
        s = k + std::max(place, body);
        k = s - 1;
      }
    }
    // A run after a local unit is a place ("huyện Krông Pắk", "xã Ia Mơ Nông").
    // Nor a run after a kind of school or company ("Bệnh viện đa khoa Tâm Đức Cầu Quan").
    if (s >= e || !name_word(s) || after_local_unit(s) || blocked(s) || after_name_word(s) || after_name_word(r, false))
      return 0;
    size_t words = 0;
    bool foreign = after_country;
    for (size_t k = s; k < e; ++k) {
      // No titles or honorifics.
      if (phrase_at(v_.heads, k) || honorific_at(k)) return 0;
      words += name_word(k);
      foreign = foreign || foreign_word(k);
    }
    // No initials ("V.Putin", "T.Ư").
    if (words < min_words || words > 4 || (words > 1 && !foreign) || initials_in(s, e)) return 0;
    return s;
  }

  // The name that tokens [s, s+len) write ("Kim Jong-un").
  std::string name_text(size_t s, size_t len) const {
    std::string name;
    for (size_t k = s; k < s + len; ++k) {
      if (k > s) name += t_[k].hyphen || (name_piece(k) && t_[k].sep == kDash) ? '-' : ' ';
      name += normalize(slice(k, k + 1));
    }
    return name;
  }

  // Records a person named by tokens [s, s+len) and the titles in apposition
  // after it; returns the token index after them.
  size_t mention(size_t s, size_t len, std::vector<std::string> titles, size_t hon, size_t hon_len,
                 bool appositions = true, bool lone = false) {
    OfficialMention m;
    m.name = name_text(s, len);
    const bool titled_before = !titles.empty();  // "Thủ tướng Nguyễn Xuân Phúc, ..."
    m.titles = std::move(titles);
    if (hon_len) m.honorific = lower(collapse(slice(hon, hon + hon_len)));
    m.start = counter_.position(t_[s].word.begin);
    m.length = counter_.position(t_[s + len - 1].word.end) - m.start;
    size_t k = s + len;
    bool in_paren = false;
    while (appositions && k < n_) {
      unsigned sep = t_[k].sep;
      if (sep & (kPeriod | kSemi | kColon | kBlank | kClose | kOther)) break;
      if (sep & kOpen) in_paren = true;
      if (!(sep & (kComma | kDash | kOpen))) break;
      size_t head_end = 0;
      size_t e = title_end(k, &head_end, true);
      if (e == k) break;
      // "A, Bí thư Thành ủy, Chủ tịch UBND TPHCM Nguyễn Thành Phong": a title
      // that ends with a name is the next person's, not A's; so is a head of
      // state's and one word ("Tổng thống Trump, Tổng thống Putin và ...").
      if (trailing_name(head_end, e)) break;
      if (starts_person_head(k, head_end) && trailing_name(head_end, e, 1)) break;
      // "Tổng Thư ký Guterres": a title ending with the last word of a name
      // the text gave before is that person's.
      if (trailing_name(head_end, e, 1) == e - 1 && foreign_word(e - 1) && named_before(e - 1)) break;
      // "Báo cáo Thủ tướng Nguyễn Xuân Phúc, Phó Chủ tịch Hội ..., Nguyễn
      // Minh Đức, cho biết": a title, a comma and a name that the sentence
      // goes on from is that name's.
      if (name_after_comma_at(e)) break;
      // In a list of titled names ("Chủ tịch Quốc hội A, Thủ tướng B, Chủ
      // tịch Ủy ban ..., Bí thư Thành ủy TPHCM C"), titles joined by commas
      // to one that ends with a name are that name's.
      if (titled_before && titles_end_with_name(e)) break;
      std::string title = title_text(k, e);
      // "Về vụ việc đối với ông Đinh La Thăng, Tổng Bí thư gửi lời cảm ơn":
      // a bare office that the sentence goes on from, which the text gave
      // before another person's name, is that person (a new clause's subject).
      // "Các Phó Thủ tướng ..., Vương Đình Huệ, Bộ trưởng các Bộ Công thương,
      // Y tế": after a titled name, an office of several people ("các",
      // "những") is the next people's, not the name's.
      if (titled_before && e == head_end && e < n_ && plain_line(e) && phrase_at(v_.plurals, e)) break;
      if (e == head_end && e < n_ && plain_line(e) && !t_[e].cap) {
        const auto holder = so_far_.title_holders.find(lower(title));
        if (holder != so_far_.title_holders.end() && holder->second != m.name) break;
      }
      m.titles.push_back(std::move(title));
      k = e;
      if (in_paren && (k >= n_ || (t_[k].sep & kClose))) break;
    }
    if (!all_initials(s, s + len)) {  // not "ông N.V.A"
      if (const size_t space = m.name.rfind(' '); space != std::string::npos) so_far_.last_words.insert(m.name.substr(space + 1));
      if (lone) so_far_.lone_names.insert(m.start);
      out_.add(m);
    }
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
    // A parenthesis the title opens, it closes: "... Hoàn Kiếm (Hà Nội)".
    const std::string_view span = slice(from, to);
    if (std::count(span.begin(), span.end(), '(') > std::count(span.begin(), span.end(), ')')) {
      size_t end = t_[to - 1].word.end;
      while (end < text_.size() && text_[end] == ' ') ++end;
      if (end < text_.size() && text_[end] == ')')
        return normalize(collapse(text_.substr(t_[from].word.begin, end + 1 - t_[from].word.begin)));
    }
    return span_text(from, to);
  }

  std::string_view text_;
  const std::vector<OfficialToken>& t_;
  size_t n_;
  utf8::CharCounter& counter_;
  OfficialList& out_;
  ArticleSoFar& so_far_;
  const OfficialsVocabulary& v_;
  bool accented_ = false;
  bool segmented_ = false;            // word-segmented text, punctuation standing apart (VietNews)
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
  bool first = true, after_lower = false;
  t.cap = t.digit = t.inner_cap = false;
  while (i < w.size()) {
    auto cp = static_cast<utf8proc_int32_t>(utf8::decode(w, i));
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_ND) t.digit = true;
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT) {
      ++letters;
      bool up = cat != UTF8PROC_CATEGORY_LL;
      upper += up;
      t.inner_cap |= up && after_lower && !(letters == 3 && w.substr(0, 2) == "Mc");  // but "McCain"
      after_lower = !up;
      if (first) t.cap = up;
      first = false;
    } else if (first && cat != UTF8PROC_CATEGORY_MN) {
      first = false;
    }
  }
  t.allcaps = letters >= 2 && upper == letters;
}

// A token's case and what the vocabulary knows of it. News repeats a few
// thousand words, so each thread keeps what the look-ups gave for recent
// ones (direct-mapped by the lower-case form, which fixes the folded one).
void describe(std::string_view text, OfficialToken& t) {
  struct Slot {
    std::string lower;
    const VocabularyEntry* vocab = nullptr;
    uint32_t lower_words = 0;
  };
  static constexpr size_t kSlots = 4096;
  thread_local std::vector<Slot> cache(kSlots);
  const OfficialsVocabulary& v = vocabulary();
  set_case(text, t);
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : t.word.lower) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  Slot& slot = cache[h & (kSlots - 1)];
  if (slot.lower != t.word.lower) {
    slot.lower = t.word.lower;
    slot.vocab = v.entry(t.word.folded);
    slot.lower_words = v.lower_bits(t.word.lower);
  }
  t.vocab = slot.vocab;
  t.lower_words = slot.lower_words;
  t.opener = t.cap && (t.lower_words & v.openers.bit());
}

// A title before one word names someone the text names in full elsewhere
// ("Thủ tướng Netanyahu" and "Benjamin Netanyahu", "Bộ trưởng Tiến" and
// "Nguyễn Thị Kim Tiến"): the mention takes the full name (its start and
// length stay those of the word). One word that is a word of no full name,
// or of several, is dropped: alone it may be a brand or a place ("Chủ tịch
// Vinamilk"); but a word of no full name stays when it names a foreign
// office's holder on its own (`lone`: the starts of such mentions, "Tổng thống Duterte").
void resolve_short_names(OfficialList& out, const std::unordered_set<size_t>& lone) {
  auto single = [&](size_t k) { return out.get(k).name.find(' ') == std::string::npos; };
  bool any = false;
  for (size_t k = 0; k < out.size() && !any; ++k) any = single(k);
  if (!any) return;
  // The word a full name is called by: its last ("Trump", "Tiến"), or its
  // first when that is a surname, as Korean and Chinese names put it ("Kim", "Tập").
  const OfficialsVocabulary& v = vocabulary();
  std::unordered_map<std::string, std::string> full;  // that word -> the full name ("" if several)
  auto add = [&](const std::string& word, const std::string& name) {
    auto [it, fresh] = full.emplace(word, name);
    if (!fresh && it->second != name) it->second.clear();
  };
  for (size_t k = 0; k < out.size(); ++k) {
    const std::string name = out.get(k).name;
    const size_t first = name.find(' '), last = name.rfind(' ');
    if (first == std::string::npos) continue;
    add(name.substr(last + 1), name);
    if (v.surnames.contains_lower(lower(name.substr(0, first)))) add(name.substr(0, first), name);
  }
  std::vector<bool> keep(out.size(), true);
  for (size_t k = 0; k < out.size(); ++k) {
    if (!single(k)) continue;
    OfficialMention m = out.get(k);
    auto it = full.find(m.name);
    const bool resolved = it != full.end() && !it->second.empty();
    keep[k] = resolved || (it == full.end() && lone.count(m.start) > 0);
    if (resolved) {
      m.name = it->second;
      out.replace(k, m);
    }
  }
  out.keep_if([&](size_t k) { return keep[k]; });
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

// The names given two different titles or more (views into the records, which stay until one is replaced).
std::unordered_set<std::string_view> names_with_several_titles(const OfficialList& out) {
  std::unordered_map<std::string_view, std::string_view> first_title;  // name -> its first title
  std::unordered_set<std::string_view> several;
  std::string_view name;
  std::vector<std::string_view> views;
  for (size_t k = 0; k < out.size(); ++k) {
    out.views(k, name, views);
    for (std::string_view t : views) {
      auto [at, fresh] = first_title.emplace(name, t);
      if (!fresh && at->second != t) several.insert(name);
    }
  }
  return several;
}

// One person holds the offices of one country: a name given both Vietnamese
// offices and a foreign country's in one text ("ông Nguyễn Thiện Nhân, Bí thư
// Thành ủy TP Hồ Chí Minh" and, from a sentence about his guest, "Chủ tịch
// Quốc hội Myanmar") keeps the side more of its mentions give; a tie keeps both.
void drop_offices_of_another_country(OfficialList& out) {
  // Only names with two titles or more can hold both.
  const std::unordered_set<std::string_view> several = names_with_several_titles(out);
  if (several.empty()) return;
  std::string_view name;
  std::vector<std::string_view> views;
  // kRoleAtHome: a Vietnamese level from the role alone ("Tổng Bí thư", "Chủ tịch nước"), no body or place.
  enum Side { kNone = 0, kHome = 1, kAbroad = 2, kRoleAtHome = 4 };
  std::unordered_map<std::string, int> side_of;  // title as written -> Side, parsed once per text
  auto side = [&](std::string_view t) {
    auto it = side_of.find(std::string(t));
    if (it == side_of.end()) {
      TitleParts parts;
      int s = kNone;
      if (parse_title(t, parts))
        s = !parts.country.empty() || parts.level == kLevelAbroad ? kAbroad
            : parts.level.empty()                                ? kNone
            : parts.body.empty() && parts.place.empty()          ? kHome | kRoleAtHome
                                                                 : kHome;
      it = side_of.emplace(std::string(t), s).first;
    }
    return it->second;
  };
  std::unordered_map<std::string_view, std::pair<int, int>> mentions;  // name -> mentions at home, abroad
  for (size_t k = 0; k < out.size(); ++k) {
    out.views(k, name, views);
    if (!several.count(name)) continue;
    int sides = 0;
    bool body_at_home = false;  // a Vietnamese title with a body or a place
    for (std::string_view t : views) {
      const int s = side(t);
      sides |= s;
      body_at_home = body_at_home || ((s & kHome) && !(s & kRoleAtHome));
    }
    auto& counts = mentions[name];
    // A role alone beside a foreign office in one mention is that country's
    // ("Tổng Bí thư, Chủ tịch nước Lào X"): it does not count as Vietnamese.
    counts.first += (sides & kHome) && (body_at_home || !(sides & kAbroad));
    counts.second += (sides & kAbroad) != 0;
  }
  std::unordered_map<std::string, int> drop;  // name -> the side it does not hold
  for (const auto& [n, counts] : mentions)
    if (counts.first && counts.second && counts.first != counts.second)
      drop[std::string(n)] = counts.first > counts.second ? kAbroad : kHome;
  if (drop.empty()) return;
  for (size_t k = 0; k < out.size(); ++k) {
    out.views(k, name, views);
    const auto d = drop.find(std::string(name));
    if (d == drop.end()) continue;
    OfficialMention m = out.get(k);
    std::vector<std::string> kept;
    for (const std::string& t : m.titles)
      if ((side(t) & ~kRoleAtHome) != d->second) kept.push_back(t);
    if (kept.size() == m.titles.size()) continue;
    m.titles = std::move(kept);
    m.places.assign(m.titles.size(), "");
    out.replace(k, m);
  }
}

// Every person mention, in text order.
// A title that is a word prefix of longer titles of the same person in the
// text, all of them prefixes of the longest, is that office: it becomes the
// longest ("Bí thư" beside "Bí thư Thành ủy" and "Bí thư Thành ủy TP.HCM").
// Compared in lower case. Sorted, a title's extensions follow it, so each
// pair (title, extension) is looked at once: time linear in the titles' words.
void merge_prefix_titles(OfficialList& out) {
  // Only names with two titles or more can have one inside another.
  const std::unordered_set<std::string_view> several = names_with_several_titles(out);
  if (several.empty()) return;
  std::string_view name;
  std::vector<std::string_view> views;
  std::unordered_map<std::string, std::map<std::string, std::string>> titles;  // name -> lower title -> as written
  for (size_t k = 0; k < out.size(); ++k) {
    out.views(k, name, views);
    if (views.empty() || !several.count(name)) continue;
    auto& mine = titles[std::string(name)];
    for (std::string_view t : views) mine.emplace(lower(t), std::string(t));
  }
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> longer;  // name -> lower title -> longer
  for (const auto& [name, mine] : titles) {
    for (auto it = mine.begin(); it != mine.end(); ++it) {
      const std::string prefix = it->first + ' ';
      const std::string* longest = nullptr;
      std::vector<const std::string*> extensions;
      for (auto jt = std::next(it); jt != mine.end() && jt->first.compare(0, prefix.size(), prefix) == 0; ++jt) {
        extensions.push_back(&jt->first);
        if (!longest || jt->first.size() > longest->size()) longest = &jt->first;
      }
      if (!longest) continue;
      const bool chain = std::all_of(extensions.begin(), extensions.end(), [&](const std::string* e) {
        return longest->compare(0, e->size(), *e) == 0 && (longest->size() == e->size() || (*longest)[e->size()] == ' ');
      });
      if (chain) longer[name][it->first] = mine.at(*longest);
    }
  }
  if (longer.empty()) return;
  for (size_t k = 0; k < out.size(); ++k) {
    out.views(k, name, views);
    if (views.empty() || !longer.count(std::string(name))) continue;
    OfficialMention m = out.get(k);
    const auto mine = longer.find(m.name);
    bool changed = false;
    std::vector<std::string> titles_once;
    std::unordered_set<std::string> seen;
    for (const std::string& t : m.titles) {
      const auto to = mine->second.find(lower(t));
      const std::string& title = to == mine->second.end() ? t : to->second;
      changed = changed || &title != &t;
      if (seen.insert(lower(title)).second) titles_once.push_back(title);
      else changed = true;
    }
    if (!changed) continue;
    m.titles = std::move(titles_once);
    m.places.assign(m.titles.size(), "");
    out.replace(k, m);
  }
}

// The provinces a text names, of each kind (province-level cities, provinces),
// noted while its words are read (official_list): whole spellings at a
// capitalized word that starts a place or is written in capitals ("TP.HCM");
// "Hồ Chí Minh" alone (also a person's name) only after "thành phố" or "TP".
struct ArticleProvinces {
  std::vector<const ProvinceUnit*> cities, provinces;
  // Those named after a unit or a Party committee ("tỉnh Sơn La", "TP Đà Nẵng", "Tỉnh ủy Yên Bái").
  std::vector<const ProvinceUnit*> explicit_cities, explicit_provinces;
};

void note_province(ArticleProvinces& found, const ProvinceUnit* u, bool named_with_unit) {
  auto& list = u->city ? found.cities : found.provinces;
  if (std::find(list.begin(), list.end(), u) == list.end()) list.push_back(u);
  auto& named = u->city ? found.explicit_cities : found.explicit_provinces;
  if (named_with_unit && std::find(named.begin(), named.end(), u) == named.end()) named.push_back(u);
}

// The place of a title that names a province-level body without it ("Bí thư
// Tỉnh ủy", "Chủ tịch UBND tỉnh", "Bí thư Thành ủy"): the one province of its
// kind (a province for a Tỉnh ủy or a "tỉnh", a centrally-run city for a
// Thành ủy or a "thành phố") the article names after a unit word or a
// committee ("tỉnh Sơn La", "Tỉnh ủy Sơn La"), else the one it names at all;
// none when there are several.
void place_titles(OfficialList& out, const ArticleProvinces& provinces) {
  // Whether each title needs a province (0: no; 1: a province; 2: a city), parsed once per text.
  std::unordered_map<std::string, int> needs;
  std::string_view name;
  std::vector<std::string_view> views;
  std::vector<std::string> places;
  for (size_t k = 0; k < out.size(); ++k) {
    out.views(k, name, views);
    bool changed = false;
    places.assign(views.size(), "");
    for (size_t t = 0; t < views.size(); ++t) {
      auto need = needs.find(std::string(views[t]));
      if (need == needs.end()) {
        // Only titles with these words can need a province: a cheap test before parsing.
        const std::string f = fold(views[t]);
        TitleParts parts;
        const bool needed = (f.find("tinh") != std::string::npos || f.find("thanh") != std::string::npos ||
                             f.find("tp") != std::string::npos) &&
                            parse_title(views[t], parts) && parts.needs_province;
        need = needs.emplace(std::string(views[t]), needed ? (parts.city_unit ? 2 : 1) : 0).first;
      }
      if (!need->second) continue;
      const bool city = need->second == 2;
      // One named after a unit word or committee; else the only one named at all.
      const auto& named = city ? provinces.explicit_cities : provinces.explicit_provinces;
      const auto& candidates = named.size() == 1 ? named : city ? provinces.cities : provinces.provinces;
      if (candidates.size() != 1) continue;
      places[t] = candidates.front()->name;
      changed = true;
    }
    if (!changed) continue;
    OfficialMention m = out.get(k);
    m.places = places;
    out.replace(k, m);
  }
}

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
  ArticleProvinces provinces;
  const size_t province_words = province_max_words();
  OfficialsParser::ArticleSoFar so_far;
  std::string key;
  auto flush = [&] {
    for (size_t i = 0; i < n; ++i) {
      const OfficialToken& t = toks[i];
      if (!t.cap || !(t.allcaps || (t.vocab && t.vocab->phrases[v.places.index()])) || !starts_province(t.word.folded))
        continue;
      // The longest spelling from here. Written with diacritics, matched as written;
      // without ("Ha Noi", "HCM"), through the folded form.
      const ProvinceUnit* u = nullptr;
      key.clear();
      for (size_t j = i; j < n && j < i + province_words; ++j) {
        key += t.word.accented ? toks[j].word.lower : toks[j].word.folded;
        if (const ProvinceUnit* longer = province_by_key(key, t.word.accented)) u = longer;
      }
      if (!u) continue;
      const std::string& before = i ? toks[i - 1].word.folded : std::string();
      if (u->person_name && t.word.folded == "ho" && before != "tp" && before != "pho") continue;
      note_province(provinces, u, before == "tinh" || before == "pho" || before == "tp" || before == "uy");
    }
    OfficialsParser(text, toks, n, counter, out, so_far).run();
    n = 0;
  };
  for (;;) {
    if (n == toks.size()) toks.resize(toks.size() * 2);
    OfficialToken& t = toks[n];
    if (!scanner.next(t.word)) break;
    const std::string_view gap = text.substr(prev_end, t.word.begin - prev_end);
    t.sep = classify_separator(gap, prev_abbrev);
    t.hyphen = is_one_dash(gap);
    t.spaced_punct = gap.size() >= 2 && gap[0] == ' ' && (gap[1] == ',' || gap[1] == '.');
    // An unspaced dash joins a compound ("GD-ĐT", "Bà Rịa-Vũng Tàu"), not a
    // name and the title after it ("Ông Trần Minh Sang–Trưởng Phòng ...").
    if (t.sep == 0 && is_one_dash(gap) && (v.heads.starts(t.word) || v.modifiers.starts(t.word))) t.sep = kDash;
    if (n > 0 && ((t.sep & kBlank) || (n >= kSoftLimit && (t.sep & kPeriod)) || n >= kHardLimit)) {
      size_t last = n;
      flush();
      std::swap(toks[0], toks[last]);
      OfficialToken& first = toks[0];
      describe(text, first);
      prev_end = first.word.end;
      prev_abbrev = first.vocab && (first.vocab->folded_words & v.abbreviations.bit());
      n = 1;
      continue;
    }
    describe(text, t);
    prev_end = t.word.end;
    prev_abbrev = t.vocab && (t.vocab->folded_words & v.abbreviations.bit());
    ++n;
  }
  if (n) flush();
  resolve_short_names(out, so_far.lone_names);
  drop_untitled(out);
  drop_offices_of_another_country(out);
  merge_prefix_titles(out);
  place_titles(out, provinces);
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

// One mention as a JSON object.
void append_json(std::string& out, const OfficialMention& m) {
  out += "{\"name\":";
  append_json_string(out, utf8::sanitize(m.name));
  out += ",\"titles\":[";
  for (size_t t = 0; t < m.titles.size(); ++t) {
    if (t) out += ',';
    append_json_string(out, utf8::sanitize(m.titles[t]));
  }
  out += ']';
  // "places" only where the article gives a title its place: the JSON of a text of many titled names stays small.
  if (std::any_of(m.places.begin(), m.places.end(), [](const std::string& p) { return !p.empty(); })) {
    out += ",\"places\":[";
    for (size_t t = 0; t < m.titles.size(); ++t) {
      if (t) out += ',';
      if (t < m.places.size() && !m.places[t].empty()) append_json_string(out, m.places[t]);
      else out += "null";
    }
    out += ']';
  }
  out += ",\"honorific\":";
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
              static_cast<int64_t>(next_), static_cast<int64_t>(m.start), static_cast<int64_t>(m.length),
              title_ < m.places.size() && !m.places[title_].empty() ? Cell{m.places[title_]} : Cell{nullptr}};
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
    "officials", "name, title, honorific, mention, start, length, place", {"text"}, 1, open_officials};

}  // namespace vnsql
