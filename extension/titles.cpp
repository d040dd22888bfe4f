#include "titles.h"

#include <utf8proc.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "data/countries.h"
#include "data/honorifics.h"
#include "data/surnames.h"
#include "data/titles.h"
#include "json.h"
#include "normalize.h"
#include "provinces.h"
#include "sql_util.h"
#include "utf8.h"

namespace vnsql {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// One word of the title, or of an expansion.
struct Tok {
  std::string surface;  // as written (normalized), or the expansion's word
  std::string lower, folded;
  bool cap = false;       // has an upper-case letter
  bool caps = false;      // has no lower-case letter (an abbreviation as written: "UBND"; also "Tp")
  bool accented = false;
  unsigned sep = 0;       // separators before it (kParen, kComma)
  size_t begin = kNone, end = kNone;  // bytes in the normalized title; kNone for an expansion's word
};
constexpr unsigned kParen = 1, kComma = 2;

enum class Kind { kWord, kFormer, kDropped, kDeputy, kModifier, kRole, kBody, kPhrase, kUnit, kTerm, kAt, kVietnam, kProvince, kCountry };

// A phrase of the vocabulary.
struct Phrase {
  std::vector<std::string> lower, folded;
  // Whether the entry writes a dash or a comma before each word ("Lao động -
  // Thương binh"): there a text's comma does not end the phrase ("Bộ Lao
  // động, thương binh và xã hội").
  std::vector<bool> joined;
  Kind kind = Kind::kWord;
  const data::titles::Row* row = nullptr;  // titles.tsv
  std::string canonical;                   // spelling in the canonical title
  std::string country;                     // countries.tsv: the country it names or is in
  bool city = false;                       // countries.tsv: a foreign city
};

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  WordScanner scanner(text);
  for (Word w; scanner.next(w);) words.push_back(std::move(w));
  return words;
}

std::string capitalize(std::string s) {
  if (s.empty()) return s;
  size_t i = 0;
  const char32_t cp = utf8::decode(s, i);
  const auto upper = static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
  if (upper == cp) return s;
  std::string out;
  utf8::append(out, upper);
  return out + s.substr(i);
}

Kind kind_of(const data::titles::Row& row) {
  using data::titles::has_class;
  if (has_class(row, "former")) return Kind::kFormer;
  if (has_class(row, "dropped-word")) return Kind::kDropped;
  if (has_class(row, "deputy")) return Kind::kDeputy;
  if (has_class(row, "role")) return Kind::kRole;
  if (has_class(row, "body-name")) return Kind::kBody;
  if (has_class(row, "role-modifier")) return Kind::kModifier;
  if (has_class(row, "unit")) return Kind::kUnit;
  if (has_class(row, "term")) return Kind::kTerm;
  if (has_class(row, "at")) return Kind::kAt;
  if (has_class(row, "vietnam")) return Kind::kVietnam;
  return Kind::kPhrase;
}

struct TitleVocabulary {
  // Phrases by the folded form of their first word; abbreviations by their first lower-case word.
  std::unordered_map<std::string, std::vector<Phrase>> phrases, abbreviations;
  size_t longest_abbreviation = 1;
  std::unordered_set<std::string> capitalized;  // abbreviations matched as written "Tp" too
  // What the rules ask of the table by class (titles.tsv's header says what each means).
  const data::titles::Row *province_committee = nullptr, *city_committee = nullptr, *people_committee = nullptr;
  std::string province_unit, city_unit, home_country;
  std::vector<std::string> central, ministry;
  std::vector<std::string> department, enterprise;  // bodies of a province ("Sở"); of no level of the State ("Công ty")
  std::unordered_set<std::string> body_openers;      // first words of bodies, in lower case ("sở", "bộ", "ban")
  std::unordered_set<std::string> country_joiners;   // lower case: "việt" in "Bệnh viện Việt Đức"
  std::vector<std::string> not_ministry;             // "Bộ phận", "Bộ môn": a body starting so is no ministry
  // Lower-case words that open a person's name or stand before one, after a
  // title that ran on ("... Yên Bái Ông", "... Quảng Ninh Nguyễn Văn Đọc").
  std::unordered_set<std::string> honorifics, surnames;

  static Phrase make(const char* entry) {
    Phrase p;
    const std::string_view text(entry);
    size_t previous_end = 0;
    for (const Word& w : words_of(entry)) {
      p.lower.push_back(w.lower);
      p.folded.push_back(w.folded);
      const std::string_view gap = text.substr(previous_end, w.begin - previous_end);
      p.joined.push_back(!p.joined.empty() && gap.find_first_of("-,") != std::string_view::npos);
      previous_end = w.end;
    }
    return p;
  }

  TitleVocabulary() {
    using data::titles::has_class;
    for (const auto& row : data::titles::kRows) {
      if (has_class(row, "province-committee")) province_committee = &row;
      if (has_class(row, "city-committee")) city_committee = &row;
      if (has_class(row, "people-committee")) people_committee = &row;
      if (has_class(row, "province-unit")) province_unit = row.entry;
      if (has_class(row, "city-unit")) city_unit = row.entry;
      if (has_class(row, "central")) central.push_back(row.entry);
      // Not words of a title.
      if (has_class(row, "ministry")) ministry.push_back(row.entry);
      if (has_class(row, "department")) department.push_back(row.entry);
      if (has_class(row, "name-before-country")) country_joiners.insert(lower(row.entry));
      if (has_class(row, "not-ministry")) not_ministry.push_back(lower(row.entry));
      if (has_class(row, "enterprise")) enterprise.push_back(row.entry);
      if (has_class(row, "home-country")) home_country = row.entry;
      const auto first_word = [](std::string_view words) { return lower(words.substr(0, words.find(' '))); };
      if (has_class(row, "body-name") || has_class(row, "ministry") || has_class(row, "department") ||
          has_class(row, "enterprise"))
        body_openers.insert(first_word(row.entry));
      if (*row.body_word) body_openers.insert(first_word(row.body_word));
      if (has_class(row, "ministry") || has_class(row, "home-country") || has_class(row, "department") ||
          has_class(row, "enterprise") || has_class(row, "name-before-country") || has_class(row, "not-ministry"))
        continue;
      Phrase p = make(row.entry);
      if (p.lower.empty()) continue;
      p.row = &row;
      p.canonical = *row.means ? row.means : row.entry;
      if (has_class(row, "abbreviation")) {
        longest_abbreviation = std::max(longest_abbreviation, p.lower.size());
        if (has_class(row, "capitalized"))
          for (const std::string& w : p.lower) capitalized.insert(capitalize(w));
        abbreviations[p.lower[0]].push_back(std::move(p));
      } else {
        p.kind = kind_of(row);
        phrases[p.folded[0]].push_back(std::move(p));
      }
    }
    for (const char* entry : data::honorifics::kHonorific) honorifics.insert(entry);
    for (const char* entry : data::surnames::kSurname) surnames.insert(lower(entry));
    for (const auto& row : data::countries::kRows) {
      Phrase p = make(row.entry);
      if (p.lower.empty()) continue;
      p.kind = Kind::kCountry;
      // A seat of government ("Nhà Trắng") is read as a city is: a place in its country.
      p.city = data::countries::has_class(row, "city") || data::countries::has_class(row, "seat");
      p.canonical = row.entry;
      p.country = p.city ? row.country : (*row.country ? row.country : row.entry);
      phrases[p.folded[0]].push_back(std::move(p));
    }
  }
};

const TitleVocabulary& vocabulary() {
  static const TitleVocabulary v;
  return v;
}

Tok make_tok(std::string surface) {
  Tok t;
  const std::vector<Word> w = words_of(surface);
  t.lower = w.empty() ? lower(surface) : w[0].lower;
  t.folded = w.empty() ? fold(surface) : w[0].folded;
  t.accented = !w.empty() && w[0].accented;
  t.surface = std::move(surface);
  return t;
}

// Whether a token is written as a number ("quận 1", "P.15").
bool is_number(const Tok& t) { return !t.surface.empty() && t.surface[0] >= '0' && t.surface[0] <= '9'; }

bool has_upper(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = utf8::decode(s, i);
    if (utf8proc_isupper(static_cast<utf8proc_int32_t>(cp))) return true;
  }
  return false;
}

bool has_lower(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = utf8::decode(s, i);
    if (utf8proc_islower(static_cast<utf8proc_int32_t>(cp))) return true;
  }
  return false;
}

// Where a word that runs on into capitals splits ("uỷTP": "uỷ", "TP"): the byte
// after its last lower-case letter when two or more capitals and nothing else
// follow it; 0 when it does not.
size_t glued_capitals(std::string_view word) {
  size_t split = 0, capitals = 0;
  for (size_t i = 0; i < word.size();) {
    const size_t at = i;
    const auto cp = static_cast<utf8proc_int32_t>(utf8::decode(word, i));
    if (utf8proc_islower(cp)) {
      split = i;
      capitals = 0;
    } else if (utf8proc_isupper(cp)) {
      if (split == 0 && at == 0) continue;
      ++capitals;
    } else {
      return 0;
    }
  }
  return split && capitals >= 2 ? split : 0;
}

// The text's words with the separators before them; false if more than kMaxTitleWords.
bool tokenize(const std::string& text, std::vector<Tok>& toks) {
  WordScanner scanner(text);
  size_t previous_end = 0;
  for (Word w; scanner.next(w);) {
    // A word that runs on into an abbreviation ("Thành uỷTP Hồ Chí Minh") is two.
    if (const size_t split = glued_capitals(std::string_view(text).substr(w.begin, w.end - w.begin))) {
      WordScanner first(std::string_view(text).substr(w.begin, split));
      Word head;
      if (first.next(head)) {
        head.begin += w.begin;
        head.end += w.begin;
        WordScanner second(std::string_view(text).substr(w.begin + split, w.end - w.begin - split));
        Word tail;
        if (second.next(tail)) {
          tail.begin += w.begin + split;
          tail.end += w.begin + split;
          for (Word* part : {&head, &tail}) {
            if (toks.size() == kMaxTitleWords) return false;
            Tok t;
            t.surface = text.substr(part->begin, part->end - part->begin);
            t.lower = std::move(part->lower);
            t.folded = std::move(part->folded);
            t.accented = part->accented;
            t.cap = has_upper(t.surface);
            t.caps = !has_lower(t.surface);
            if (part == &head)
              for (size_t k = previous_end; k < part->begin; ++k) {
                if (text[k] == '(' || text[k] == '[') t.sep |= kParen;
                if (text[k] == ',' || text[k] == ';') t.sep |= kComma;
              }
            t.begin = part->begin;
            t.end = part->end;
            toks.push_back(std::move(t));
          }
          previous_end = w.end;
          continue;
        }
      }
    }
    if (toks.size() == kMaxTitleWords) return false;
    Tok t;
    t.surface = text.substr(w.begin, w.end - w.begin);
    t.lower = std::move(w.lower);
    t.folded = std::move(w.folded);
    t.accented = w.accented;
    t.cap = has_upper(t.surface);
    t.caps = !has_lower(t.surface) || vocabulary().capitalized.count(t.surface);
    for (size_t k = previous_end; k < w.begin; ++k) {
      if (text[k] == '(' || text[k] == '[') t.sep |= kParen;
      if (text[k] == ',' || text[k] == ';') t.sep |= kComma;
    }
    t.begin = w.begin;
    t.end = w.end;
    previous_end = w.end;
    toks.push_back(std::move(t));
  }
  return true;
}

// Abbreviations written in capitals ("Tp" too) become the words they stand for.
std::vector<Tok> expand(std::vector<Tok> toks) {
  const TitleVocabulary& v = vocabulary();
  std::vector<Tok> out;
  for (size_t i = 0; i < toks.size();) {
    const Phrase* best = nullptr;
    auto it = toks[i].caps ? v.abbreviations.find(toks[i].lower) : v.abbreviations.end();
    if (it != v.abbreviations.end())
      for (const Phrase& p : it->second) {
        if (best && p.lower.size() <= best->lower.size()) continue;
        bool ok = i + p.lower.size() <= toks.size();
        for (size_t k = 0; ok && k < p.lower.size(); ++k)
          ok = toks[i + k].lower == p.lower[k] && toks[i + k].caps && (k == 0 || toks[i + k].sep == 0);
        // A one-letter abbreviation ("H.", "Q.", "P.") stands for its unit only before a
        // place's name or number: "H.Ngọc Hồi", not the end of "xã Ea H".
        const size_t next = i + p.lower.size();
        if (ok && p.lower.size() == 1 && p.lower[0].size() == 1)
          ok = next < toks.size() && !toks[next].sep && (toks[next].cap || is_number(toks[next]));
        if (ok) best = &p;
      }
    if (!best) {
      out.push_back(std::move(toks[i++]));
      continue;
    }
    const unsigned sep = toks[i].sep;
    bool first = true;
    for (const Word& w : words_of(best->canonical)) {
      Tok t = make_tok(best->canonical.substr(w.begin, w.end - w.begin));
      t.cap = has_upper(t.surface);
      if (first) t.sep = sep;
      first = false;
      out.push_back(std::move(t));
    }
    i += best->lower.size();
  }
  return out;
}

struct Unit {
  Kind kind = Kind::kWord;
  size_t from = 0, to = 0;  // tokens
  const Phrase* phrase = nullptr;
  const ProvinceUnit* province = nullptr;
};

void append_words(std::string& out, std::string_view words) {
  if (words.empty()) return;
  if (!out.empty()) out += ' ';
  out += words;
}

// The surfaces of tokens [from, to) joined by spaces.
std::string as_written_words(const std::vector<Tok>& toks, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) append_words(out, toks[k].surface);
  return out;
}

// Whether unit u, a country's name, ends a district's name with the words
// before it ("Thủ Đức", "Mộ Đức", "Phú Mỹ": districts.tsv).
bool ends_district_name(const std::vector<Tok>& toks, const std::vector<Unit>& units, size_t u) {
  std::string name = as_written_words(toks, units[u].from, units[u].to);
  for (size_t k = units[u].from; k-- > 0 && units[u].from - k <= 3;) {
    if (!toks[k].cap || (toks[k + 1].sep & (kParen | kComma))) return false;
    name = toks[k].surface + " " + name;
    if (!district_provinces(name, "").empty()) return true;
  }
  return false;
}

// Whether a unit names the home country ("Hội Hữu nghị Việt Nam - Trung Quốc": the country after it is a name's).
bool is_home_country(const Unit& x) {
  return x.kind == Kind::kVietnam ||
         (x.kind == Kind::kCountry && !x.phrase->city && x.phrase->country == vocabulary().home_country);
}

// A place's name is a place only where it stands as one. A country written
// in lower case inside a title with capitals is a word ("Ủy ban Tư pháp");
// a place that a capitalized word of no vocabulary goes on from is the start
// of another name ("Huyện ủy Đức Hòa", "Tổng công ty Đức Giang", "Hội Hữu
// nghị Nhật-Việt"), unless that word opens a person's name or is an
// honorific (a title that ran on: "... Quảng Ninh Nguyễn Văn Đọc", "... Yên
// Bái Ông"); a country after "Việt" or right after Việt Nam names a bilateral
// body ("Bệnh viện Việt Đức", "Hội Hữu nghị Việt Nam - Cuba"), and one that
// ends a district's name is the district ("Thủ Đức"). Its words are then words
// of the body. (A country after another name stays one: "Ủy ban Olympic Malaysia".)
void demote_places_inside_names(const std::vector<Tok>& toks, std::vector<Unit>& units) {
  const TitleVocabulary& v = vocabulary();
  const bool any_capital = std::any_of(toks.begin(), toks.end(), [](const Tok& t) { return t.cap; });
  const auto name_word = [&](size_t u) {  // a capitalized word of no vocabulary, as written, joined to the one before
    if (u >= units.size() || units[u].kind != Kind::kWord) return false;
    const Tok& t = toks[units[u].from];
    return t.cap && !t.caps && t.begin != kNone && !(t.sep & (kParen | kComma));
  };
  const auto opens_person = [&](size_t u) {
    const Tok& t = toks[units[u].from];
    return v.honorifics.count(t.lower) || (v.surnames.count(t.lower) && name_word(u + 1));
  };
  std::vector<Unit> out;
  out.reserve(units.size());
  for (size_t u = 0; u < units.size(); ++u) {
    const Unit& x = units[u];
    bool demote = false;
    if (x.kind == Kind::kCountry || x.kind == Kind::kProvince) {
      const Tok& first = toks[x.from];
      demote = (x.kind == Kind::kCountry && !first.cap && any_capital) ||
               (x.kind == Kind::kCountry && x.from > 0 && v.country_joiners.count(toks[x.from - 1].lower)) ||
               (x.kind == Kind::kCountry && ends_district_name(toks, units, u)) ||
               (x.kind == Kind::kCountry && u > 0 && is_home_country(units[u - 1])) ||
               (first.begin != kNone && name_word(u + 1) && !opens_person(u + 1));
    }
    if (!demote) {
      out.push_back(x);
      continue;
    }
    for (size_t k = x.from; k < x.to; ++k) out.push_back(Unit{Kind::kWord, k, k + 1});
  }
  units = std::move(out);
}

// The tokens grouped into the longest phrases the vocabulary knows.
std::vector<Unit> segment(const std::vector<Tok>& toks, bool accented) {
  const TitleVocabulary& v = vocabulary();
  std::vector<Word> words;  // for match_province
  words.reserve(toks.size());
  for (const Tok& t : toks) {
    Word w;
    w.lower = t.lower;
    w.folded = t.folded;
    w.accented = t.accented;
    words.push_back(std::move(w));
  }
  std::vector<Unit> units;
  for (size_t i = 0; i < toks.size();) {
    Unit best{Kind::kWord, i, i + 1};
    auto it = v.phrases.find(toks[i].folded);
    if (it != v.phrases.end())
      for (const Phrase& p : it->second) {
        if (i + p.lower.size() > toks.size() || (best.phrase && p.lower.size() <= best.to - best.from)) continue;
        bool ok = true;
        for (size_t k = 0; ok && k < p.lower.size(); ++k) {
          const Tok& t = toks[i + k];
          ok = (k == 0 || !(t.sep & kParen)) && (k == 0 || !(t.sep & kComma) || p.joined[k]) &&
               (accented ? t.lower == p.lower[k] : t.folded == p.folded[k]);
        }
        if (ok && (!best.phrase || p.lower.size() > best.to - best.from)) best = {p.kind, i, i + p.lower.size(), &p};
      }
    size_t length = 0;
    if (const ProvinceUnit* u = match_province(words, i, toks.size() - i, accented, length)) {
      bool ok = true;
      for (size_t k = 1; k < length; ++k) ok = ok && !(toks[i + k].sep & (kParen | kComma));
      // A province's name is capitalized (or a known abbreviation, expanded already),
      // every word of it unless a unit word or a Party committee stands before it
      // ("Thành ủy Hải phòng"): "Viện Hải dương học" names no Hải Dương.
      const bool after_unit = !units.empty() && units.back().phrase && units.back().phrase->row &&
                              (units.back().kind == Kind::kUnit || data::titles::has_class(*units.back().phrase->row, "committee"));
      for (size_t k = 0; k < (after_unit ? 1 : length); ++k) ok = ok && toks[i + k].cap;
      if (ok && length > (best.phrase ? best.to - best.from : 0)) best = {Kind::kProvince, i, i + length, nullptr, u};
    }
    units.push_back(best);
    i = best.to;
  }
  demote_places_inside_names(toks, units);
  return units;
}

// How a run of tokens reads: the original text between them when none was
// expanded (so "Bà Rịa - Vũng Tàu" keeps its dash), else the words.
std::string as_written(const std::string& text, const std::vector<Tok>& toks, size_t from, size_t to) {
  bool original = from < to;
  for (size_t k = from; k < to && original; ++k) original = toks[k].begin != kNone;
  if (original) return text.substr(toks[from].begin, toks[to - 1].end - toks[from].begin);
  return as_written_words(toks, from, to);
}

// The canonical spelling of a unit: the vocabulary's, else as written.
std::string spelled(const std::string& text, const std::vector<Tok>& toks, const Unit& u) {
  const bool named = u.kind == Kind::kRole || u.kind == Kind::kBody || u.kind == Kind::kPhrase ||
                     u.kind == Kind::kModifier || u.kind == Kind::kUnit;
  if (u.phrase && named) return u.phrase->canonical;
  if (u.kind == Kind::kCountry && !u.phrase->city) return u.phrase->country;
  return as_written(text, toks, u.from, u.to);
}

// Whether a body is one of these words or opens with it ("Sở" for "Sở Tài chính").
bool starts_with_word(const std::string& body, const std::vector<std::string>& words) {
  for (const std::string& word : words)
    if (body == word || body.rfind(word + " ", 0) == 0) return true;
  return false;
}

// Whether a body is central: a ministry ("Bộ Công an"), or with "Trung ương" in it.
bool central_body(const std::string& body) {
  const TitleVocabulary& v = vocabulary();
  if (!starts_with_word(lower(body), v.not_ministry) && starts_with_word(body, v.ministry)) return true;
  for (const std::string& words : v.central)
    if (body.find(words) != std::string::npos) return true;
  return false;
}

// A place name with a word that is no Vietnamese syllable and no word with
// Vietnamese marks: "Ibaraki", "Nam Jeolla" (the Central Highlands' names
// without marks, "Ea Kar", are districts, never after "tỉnh").
bool foreign_place(const std::string& place) {
  if (place.empty() || has_diacritics(place)) return false;
  for (const Word& w : words_of(place.c_str()))
    if (!is_syllable_spelling(w.folded)) return true;
  return false;
}

// The class of districts.tsv a place after this unit word or committee is (titles.tsv), or nullptr.
const char* district_class(const data::titles::Row* row) {
  if (!row) return nullptr;
  for (const char* kind : {"district", "urban-district", "town", "city"})
    if (data::titles::has_class(*row, kind)) return kind;
  return nullptr;
}

const char* unit_level(const std::string& unit) {
  for (const auto& row : data::titles::kRows)
    if (data::titles::has_class(row, "unit") && unit == row.entry) return row.level;
  return "";
}

// The parts of a normalized title. `insert_at` gets the byte offset where a
// place the title leaves out would go (before its term, posting or parenthesis).
bool parse_normalized(const std::string& text, TitleParts& parts, size_t& insert_at) {
  parts = TitleParts{};
  insert_at = text.size();
  std::vector<Tok> raw;
  if (!tokenize(text, raw) || raw.empty()) return false;
  // Text without diacritics is matched through folded forms (as written, not as expanded).
  bool accented = false;
  for (const Tok& t : raw) accented = accented || t.accented;
  const TitleVocabulary& v = vocabulary();
  const std::vector<Tok> toks = expand(std::move(raw));
  const std::vector<Unit> units = segment(toks, accented);
  const bool any_capital = std::any_of(toks.begin(), toks.end(), [](const Tok& t) { return t.cap; });

  // Former and dropped words, Phó, modifiers, the role, modifiers after it.
  size_t u = 0;
  std::string head;
  const data::titles::Row* role = nullptr;
  bool modified_after_role = false;  // "Phó Trưởng ban Thường trực Ban Chỉ đạo": the body keeps its word
  for (; u < units.size(); ++u) {
    const Kind k = units[u].kind;
    if (k == Kind::kFormer && !role && head.empty()) parts.former = true;
    else if (k == Kind::kDropped && !role && head.empty()) continue;
    else if (k == Kind::kDeputy && !role) {
      parts.deputy = true;
      append_words(head, capitalize(units[u].phrase->canonical));
    } else if (k == Kind::kModifier) {
      modified_after_role = role != nullptr;
      append_words(head, role ? units[u].phrase->canonical : capitalize(units[u].phrase->canonical));
    } else if (k == Kind::kRole && !role) {
      role = units[u].phrase->row;
      parts.role = units[u].phrase->canonical;
      append_words(head, parts.role);
    } else {
      break;
    }
  }

  // The body, until a place; then the term, the posting, a parenthesis.
  std::string body;              // the body's words
  std::string body_title;        // the same as the canonical title writes them
  const data::titles::Row* body_row = nullptr;  // the body's first vocabulary entry
  std::string inner_level;       // the level of a body named inside it ("Ban Tổ chức Tỉnh ủy": tỉnh)
  bool committee = false, local = false, vietnam = false;
  std::string unit;              // a local unit word, canonical
  const data::titles::Row* unit_row = nullptr;
  std::string place_text;        // a place that is not a province, as the canonical title writes it
  const ProvinceUnit* province = nullptr;
  const Phrase* country = nullptr;
  std::string tail;              // the term, the posting, and any words after the place
  bool in_tail = false, in_paren = false, in_term = false, in_posting = false;
  std::string paren_province, paren_country;
  const auto stops_place = [&](size_t w) {
    return (toks[units[w].from].sep & (kParen | kComma)) || units[w].kind == Kind::kTerm || units[w].kind == Kind::kAt;
  };
  // A place that is no province: the words from unit v up to a term, posting or parenthesis.
  const auto take_place = [&](size_t v) {
    size_t w = v;
    while (w < units.size() && (w == v || !stops_place(w))) ++w;
    parts.place = as_written(text, toks, units[v].from, units[w - 1].to);
    place_text = unit.empty() ? parts.place : unit + " " + parts.place;
    // A number names no place without its unit: "quận 2".
    if (!unit.empty() && parts.place.find_first_not_of("0123456789") == std::string::npos) parts.place = place_text;
    return w;
  };
  for (; u < units.size(); ++u) {
    const Unit& x = units[u];
    const Tok& first = toks[x.from];
    if (first.sep & kParen) {
      if (!in_tail && !in_paren && first.begin != kNone) insert_at = first.begin;
      in_paren = true;
    }
    if (in_paren) {
      if (x.kind == Kind::kProvince && paren_province.empty()) paren_province = x.province->name;
      if (x.kind == Kind::kCountry && paren_country.empty()) paren_country = x.phrase->country;
      continue;
    }
    // "Bí thư Tỉnh ủy ở Hậu Giang": a Vietnamese committee or local body at a
    // province is that province's, as if the province followed it.
    if (!in_tail && x.kind == Kind::kAt && !country && (committee || local) && u + 1 < units.size() &&
        units[u + 1].kind == Kind::kProvince)
      continue;
    if (!in_tail && (x.kind == Kind::kTerm || x.kind == Kind::kAt)) {
      in_tail = true;
      if (first.begin != kNone) insert_at = first.begin;
    }
    if (in_tail) {
      // The term ("khóa XIV", "nhiệm kỳ 2015-2020") is left out of the canonical title, up to a posting.
      if (x.kind == Kind::kTerm) in_term = true;
      if (x.kind == Kind::kAt) in_term = false;
      if (in_term) continue;
      // Words after a province's or a country's name, outside a posting, are not the title's ("... TP.HCM Ông").
      if ((x.kind == Kind::kWord || x.kind == Kind::kUnit) && !in_posting && (province || country)) continue;
      if (x.kind == Kind::kAt) in_posting = true;
      if (x.kind == Kind::kAt && parts.place.empty()) {
        // The place an office is posted to: the words after "tại" up to a parenthesis.
        size_t end = x.to;
        while (end < toks.size() && !(toks[end].sep & kParen)) ++end;
        if (end > x.to) parts.place = as_written(text, toks, x.to, end);
      }
      append_words(tail, spelled(text, toks, x));
      continue;
    }
    if (x.kind == Kind::kUnit && u + 1 < units.size() && !stops_place(u + 1) && any_capital) {
      // In a title with capitals a place is capitalized or a number: "Khoa Xã
      // hội" holds the word "xã hội", no commune.
      const Tok& next = toks[units[u + 1].from];
      if (!next.cap && !is_number(next)) {
        const std::string words = as_written(text, toks, x.from, x.to);
        append_words(body, words);
        append_words(body_title, words);
        continue;
      }
    }
    if (x.kind == Kind::kUnit) {
      unit = x.phrase->canonical;
      unit_row = x.phrase->row;
      if (u + 1 < units.size() && !stops_place(u + 1)) {
        // The unit's name: a province, or the words up to a term, posting or parenthesis.
        if (units[u + 1].kind == Kind::kProvince) {
          province = units[u + 1].province;
          parts.place = as_written(text, toks, units[u + 1].from, units[u + 1].to);
          u += 1;
        } else {
          u = take_place(u + 1) - 1;
        }
        in_tail = true;
      }
      continue;
    }
    // A province that is also a person's name ("Hồ Chí Minh") is a place after a
    // Party committee, a local body or a committee head only ("Chủ tịch Hồ Chí Minh" is the person).
    const bool committee_head = role && data::titles::has_class(*role, "committee-head") && body.empty();
    if (x.kind == Kind::kProvince && !(x.province->person_name && !committee && !local && !committee_head)) {
      province = x.province;
      parts.place = as_written(text, toks, x.from, x.to);
      in_tail = true;
      continue;
    }
    if (x.kind == Kind::kVietnam || (x.kind == Kind::kCountry && x.phrase->country == v.home_country && !x.phrase->city)) {
      // A Vietnamese office: part of a body that has no level of its own ("Mặt trận Tổ quốc Việt Nam").
      // After a body of known level it is left out of the title too ("Thủ tướng Chính phủ Việt Nam").
      vietnam = true;
      if (!(body_row && *body_row->level)) append_words(body_title, v.home_country);
      if (!body.empty() && !(body_row && *body_row->level)) append_words(body, v.home_country);
      continue;
    }
    if (x.kind == Kind::kCountry) {
      country = x.phrase;
      parts.place = as_written(text, toks, x.from, x.to);
      place_text = spelled(text, toks, x);
      in_tail = true;
      continue;
    }
    if (committee && x.kind == Kind::kWord && first.cap) {
      // After a Party committee, a capitalized name is its place ("Thành ủy Hội An").
      u = take_place(u) - 1;
      in_tail = true;
      continue;
    }
    std::string words = spelled(text, toks, x);
    if (x.kind == Kind::kBody && body.empty()) {
      body_row = x.phrase->row;
      committee = data::titles::has_class(*body_row, "committee");
      local = data::titles::has_class(*body_row, "local-body");
    } else if (x.kind == Kind::kBody) {
      // Not a body after a role inside the name: "Đoàn đại biểu Quốc hội" is no central body.
      if (*x.phrase->row->level && units[u - 1].kind != Kind::kRole) inner_level = x.phrase->row->level;
      // A short name whose canonical name holds it after other words ("Mặt trận
      // Tổ quốc Việt Nam" for "Ủy ban Trung ương ...") is written as itself
      // inside another body's name ("Đảng đoàn MTTQ Việt Nam").
      const std::string entry = x.phrase->row->entry;
      if (*x.phrase->row->means && std::string(x.phrase->row->means).find(" " + entry) != std::string::npos) words = entry;
    }
    append_words(body, words);
    append_words(body_title, words);
  }
  // An organization's name opens with a capital: "sở Tài chính", "cục Quản lý
  // thị trường" are "Sở Tài chính", "Cục Quản lý thị trường": a word that
  // opens a body's name, in lower case, before a capitalized word (not "bộ
  // phận báo chí", "nước Cộng hòa").
  if (const size_t space = body.find(' '); space != std::string::npos && !has_upper(body.substr(0, space)) &&
                                            v.body_openers.count(body.substr(0, space)) &&
                                            has_upper(body.substr(space + 1, body.find(' ', space + 1) - space - 1))) {
    body = capitalize(body);
    body_title = capitalize(body_title);
  }

  // "Bí thư" of a province without a body is the secretary of its Party
  // committee ("Bí thư TP.HCM": "Bí thư Thành ủy Thành phố Hồ Chí Minh").
  if (role && data::titles::has_class(*role, "committee-head") && body.empty() && province) {
    body_row = province->city ? v.city_committee : v.province_committee;
    body = body_title = body_row->entry;
    committee = true;
    unit.clear();
    unit_row = nullptr;
  }
  // "Chủ tịch" of a local unit or a province without a body heads its People's
  // Committee ("Chủ tịch xã Tân Thành": "Chủ tịch Ủy ban nhân dân xã Tân Thành";
  // "Chủ tịch Hà Nội": "Chủ tịch Ủy ban nhân dân thành phố Hà Nội").
  if (role && data::titles::has_class(*role, "local-head") && body.empty() && (!unit.empty() || province) && !country) {
    body_row = v.people_committee;
    body = body_title = body_row->entry;
    local = true;
  }
  // "Thủ tướng Việt Nam": the Vietnamese office's body ("Thủ tướng Chính phủ").
  if (role && *role->national_body && vietnam && body.empty() && !country && !province) {
    body = body_title = role->national_body;
    for (const auto& row : data::titles::kRows)
      if (body == row.entry) body_row = &row;
  }
  // A national body's short name ("Mặt trận Tổ quốc Việt Nam"): with a local unit or place, the body as written.
  std::string body_level = body_row ? body_row->level : "";
  if (body_row && *body_row->means && (!unit.empty() || !parts.place.empty())) {
    const std::string short_name = body_row->entry, full = body_row->means;
    for (std::string* s : {&body, &body_title})
      if (s->rfind(full, 0) == 0) s->replace(0, full.size(), short_name);
    body_level.clear();
    inner_level.clear();
    local = true;
  }

  // The body: the role's body word written out ("Bộ trưởng Quốc phòng": "Bộ
  // Quốc phòng"; "Trưởng Ban Tổ chức Trung ương": "Ban Tổ chức Trung ương"),
  // the unit after a local body ("Ủy ban nhân dân tỉnh").
  parts.body = body;
  if (role && *role->body_word && !body.empty()) {
    const std::string word = role->body_word;
    if (body.compare(0, word.size(), word) != 0 || (body.size() > word.size() && body[word.size()] != ' '))
      parts.body = word + " " + body;
  }
  std::string body_unit = unit;
  if (body_unit.empty() && province && local) body_unit = province->city ? v.city_unit : v.province_unit;
  if (!body.empty() && local && !body_unit.empty()) parts.body += " " + body_unit;

  if (province) {
    parts.province = province->name;
    if (province->person_name) place_text = capitalize(v.city_unit) + " " + province->name;
    else if (committee) place_text = province->name;
    else if (local) place_text = body_unit + " " + province->name;
    else place_text = unit.empty() ? std::string(province->name) : unit + " " + province->name;
  }
  if (parts.province.empty() && !paren_province.empty()) parts.province = paren_province;
  // A district-level unit's province (districts.tsv): "huyện Krông Bông" is Đắk
  // Lắk's, "huyện Quảng Ninh" Quảng Bình's, "Thành ủy Thái Nguyên" the city's.
  // A name several provinces have gives none; a parenthesis says which.
  bool district = false;
  if (const char* kind = district_class(unit_row ? unit_row : committee ? body_row : nullptr);
      kind && !parts.place.empty() && !country) {
    std::string name = parts.place;
    if (!unit.empty() && name.rfind(unit + " ", 0) == 0) name.erase(0, unit.size() + 1);  // "quận 1"
    const std::vector<const ProvinceUnit*> found = district_provinces(name, kind);
    const auto in_found = [&](const std::string& p) {
      return std::any_of(found.begin(), found.end(), [&](const ProvinceUnit* u) { return p == u->name; });
    };
    if (!paren_province.empty()) {
      district = in_found(paren_province);  // "Trưởng Công an TP Yên Bái (Yên Bái)": the city, in that province
    } else {
      district = !found.empty();
      if (found.size() == 1) parts.province = found[0]->name;
      else if (found.size() > 1 && !in_found(parts.province)) parts.province.clear();
    }
    // A district named like its province is written as the title names it ("thành phố Huế", not "Thừa Thiên Huế").
    if (district && province) place_text = committee || unit.empty() ? parts.place : unit + " " + parts.place;
  }
  if (country) parts.country = country->country;
  else if (!paren_country.empty() && paren_country != v.home_country && parts.province.empty()) parts.country = paren_country;

  // The level: a foreign office's; the role's or the body's; the unit's; a
  // central body's; a province's. A "tỉnh" that is none of Việt Nam's and
  // is written as a foreign name is abroad ("Thống đốc tỉnh Ibaraki"); one
  // spelled in Vietnamese syllables ("tỉnh Liêu Ninh", or "tỉnh Hà Tây"
  // before 2008) cannot be told from a Vietnamese one.
  const char* level = "";
  if (!parts.country.empty() || (unit == v.province_unit && !province && foreign_place(parts.place))) level = kLevelAbroad;
  else if (role && *role->level && !(vietnam && std::string_view(role->level) == kLevelAbroad)) level = role->level;
  else if (district) level = "huyện";
  else if (!body_level.empty()) level = body_level.c_str();
  else if (!unit.empty()) level = unit != v.city_unit ? unit_level(unit) : province ? "tỉnh" : parts.place.empty() ? "" : "huyện";
  else if (committee) level = province ? "tỉnh" : parts.place.empty() ? "" : "huyện";
  else if (central_body(parts.body)) level = "trung ương";
  else if (starts_with_word(parts.body, v.department)) level = "tỉnh";
  else if (province) level = "tỉnh";
  else if (!inner_level.empty()) level = inner_level.c_str();
  else if (vietnam && !starts_with_word(parts.body, v.enterprise)) level = "trung ương";
  parts.level = level;

  // A body of a province-level unit named without its place ("Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh").
  const bool provincial_body = (committee && (body_row == v.province_committee || body_row == v.city_committee)) ||
                               (local && (unit == v.province_unit || unit == v.city_unit));
  // Also any title whose unit is a province's or a city's with no place ("Giám
  // đốc Công an tỉnh", "Trưởng đoàn ĐBQH thành phố", "Chủ tịch tỉnh").
  const bool provincial_unit = (unit == v.province_unit || unit == v.city_unit) && !committee;
  parts.needs_province = (provincial_body || provincial_unit) && parts.place.empty() && parts.province.empty() &&
                         parts.country.empty() && std::string_view(level) != kLevelAbroad;
  parts.city_unit = body_row == v.city_committee || unit == v.city_unit;

  // The canonical title. The role's body word once: "Bộ trưởng Quốc phòng" is
  // "Bộ trưởng Bộ Quốc phòng", "Trưởng phòng Phòng Giáo dục" is "Trưởng phòng Giáo dục".
  if (role && *role->body_word && !body_title.empty()) {
    const std::string word = role->body_word;
    const bool starts = body_title.rfind(word + " ", 0) == 0 || body_title == word;
    const std::string role_lower = lower(parts.role), word_lower = lower(word);
    const bool role_ends = role_lower.size() > word_lower.size() &&
                           role_lower.compare(role_lower.size() - word_lower.size(), word_lower.size(), word_lower) == 0;
    if (role_ends && starts && !modified_after_role) body_title.erase(0, std::min(body_title.size(), word.size() + 1));
    else if (!role_ends && !starts) body_title = word + " " + body_title;
  }
  std::string title = head;
  append_words(title, body_title);
  if (place_text.empty() && !committee) append_words(title, unit);
  append_words(title, place_text);
  append_words(title, tail);
  parts.title = capitalize(title);
  return true;
}

}  // namespace

bool parse_title(std::string_view input, TitleParts& parts, std::string_view context) {
  if (input.size() > kMaxTitleBytes) return false;
  std::string text = normalize(input);
  size_t insert_at = 0;
  if (!parse_normalized(text, parts, insert_at)) return false;
  if (!parts.needs_province || context.empty()) return true;
  // The place the article gives, when it fits the body: a province-level city
  // for a Thành ủy or a "thành phố", a province for a Tỉnh ủy or a "tỉnh".
  const ProvinceUnit* p = find_province(context);
  if (!p || p->city != parts.city_unit) return true;
  // Written as the title is: without diacritics in a title that has none, so that it still reads as one.
  const std::string name = has_diacritics(text) ? std::string(p->name) : unaccent(p->name);
  text.insert(insert_at, std::string(insert_at && text[insert_at - 1] != ' ' ? " " : "") + name + " ");
  TitleParts with_place;
  if (parse_normalized(text, with_place, insert_at) && with_place.province == p->name) parts = std::move(with_place);
  return true;
}

std::string title_json(const TitleParts& p) {
  std::string out = "{\"title\":";
  append_json_string(out, p.title);
  const auto field = [&out](const char* name, const std::string& value) {
    out += ",\"";
    out += name;
    out += "\":";
    if (value.empty()) out += "null";
    else append_json_string(out, value);
  };
  field("role", p.role);
  out += ",\"deputy\":";
  out += p.deputy ? '1' : '0';
  out += ",\"former\":";
  out += p.former ? '1' : '0';
  field("body", p.body);
  field("place", p.place);
  field("province", p.province);
  field("country", p.country);
  field("level", p.level);
  out += '}';
  return out;
}

void sql_vn_title(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    const auto text = sql::text_arg(argv[0]);
    const auto place = argc > 1 ? sql::text_arg(argv[1]) : std::nullopt;
    TitleParts parts;
    if (!text || !parse_title(*text, parts, place.value_or(std::string_view()))) return sqlite3_result_null(ctx);
    sql::result_text(ctx, title_json(parts));
  });
}

}  // namespace vnsql
