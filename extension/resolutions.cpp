#include "resolutions.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <memory>
#include <unordered_map>

#include "chars.h"
#include "data/document_types.h"
#include "data/issuers.h"
#include "normalize.h"
#include "sql_util.h"
#include "table_function.h"
#include "utf8.h"

namespace vnsql {

// ---------------------------------------------------------------------------
// Knowledge: document types and issuing bodies, in words and as codes
// (data/document_types.tsv, data/issuers.tsv).

namespace {

enum class Entry { DocType, PartyBody, StateBody };

struct Knowledge {
  Entry entry;
  const char* name;         // the document type in words (the `kind` column), or the body's name
  const char* party_code;   // Party type code or Party body code ("" if none)
  const char* state_code;   // State type code or State body code ("" if none)
  const char* other_names;  // other ways of writing the name in words, '|'-separated
  const char* other_codes;  // other ways of writing the code, '|'-separated
  // Types that one body alone issues, and the year from which their numbers
  // carry the year ("Nghị định 123/2015" is 123/2015/NĐ-CP); "" and 0 if not.
  const char* sole_issuer = "";
  int numbered_with_year_since = 0;
};

// The document types in table order (the first row is the default kind of a
// shared code), then one row per way of writing an issuer.
std::vector<Knowledge> knowledge_rows() {
  std::vector<Knowledge> rows;
  for (const auto& t : data::document_types::kRows)
    rows.push_back({Entry::DocType, t.entry, t.party_code, t.state_code, t.other_names, t.other_codes, t.sole_issuer,
                    std::atoi(t.numbered_with_year_since)});
  for (const auto& b : data::issuers::kRows) {
    const bool party = data::issuers::has_class(b, "party");
    rows.push_back({party ? Entry::PartyBody : Entry::StateBody, b.entry, party ? b.code : "", party ? "" : b.code, "",
                    data::issuers::has_class(b, "code") ? b.entry : ""});
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Lookups built once from the tables.

std::vector<std::string> split(const char* list) {
  std::vector<std::string> out;
  std::string_view s(list);
  while (!s.empty()) {
    size_t bar = s.find('|');
    std::string_view part = s.substr(0, bar);
    if (!part.empty()) out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

// A code's key: letters upper-case, look-alikes of Đ as Đ, dots dropped.
// `ok` is false when the text holds anything a code cannot hold.
std::string code_key(std::string_view raw, bool* ok = nullptr, bool* upper = nullptr) {
  std::string key;
  bool good = !raw.empty(), all_upper = true;
  for (size_t i = 0; i < raw.size();) {
    char32_t c = utf8::decode(raw, i);
    if (c >= 'a' && c <= 'z') { key.push_back(static_cast<char>(c - 32)); all_upper = false; }
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) key.push_back(static_cast<char>(c));
    else if (chars::is_capital_d(c)) key += "Đ";
    else if (chars::is_small_d(c)) { key += "Đ"; all_upper = false; }
    else if (c == 0x1AF) key += "Ư";
    else if (c == 0x1B0) { key += "Ư"; all_upper = false; }
    else if (c == '.') {}
    else good = false;
  }
  if (ok) *ok = good;
  if (upper) *upper = all_upper;
  return key;
}

struct Phrase {
  std::vector<std::string> words;  // folded
  const Knowledge* what;
};

struct Lexicon {
  const std::vector<Knowledge> rows = knowledge_rows();
  std::unordered_map<std::string, std::vector<Phrase>> phrases;  // by first folded word, longest first
  std::unordered_map<std::string, const Knowledge*> party_types, state_types;  // by code key
  std::unordered_map<std::string, std::string> body_codes;  // code key -> canonical code
  std::unordered_map<std::string, std::string> canonical;   // code key -> official spelling
  // The National Assembly and its Standing Committee sign with their term
  // (103/2023/QH15): their codes, the types whose word keeps its kind before
  // such an identifier, and the kind without one.
  std::vector<std::string> assembly_codes;
  std::vector<std::string> assembly_types;
  const char* assembly_kind = data::document_types::kAssemblyDefault[0];
  const char* letter_kind = data::document_types::kLetter[0];  // NUMBER/BODY-UNIT

  Lexicon() {
    for (const auto& b : data::issuers::kRows)
      if (data::issuers::has_class(b, "assembly")) assembly_codes.emplace_back(b.code);
    assembly_types.assign(std::begin(data::document_types::kAssembly), std::end(data::document_types::kAssembly));
    for (const Knowledge& k : rows) {
      std::vector<std::string> names = split(k.other_names);
      names.insert(names.begin(), k.name);
      for (const std::string& name : names) {
        Phrase p{{}, &k};
        WordScanner scanner(name);
        Word w;
        while (scanner.next(w)) p.words.push_back(w.folded);
        if (!p.words.empty()) phrases[p.words[0]].push_back(std::move(p));
      }
      std::vector<std::string> codes = split(k.other_codes);
      for (const char* c : {k.party_code, k.state_code})
        if (*c) codes.insert(codes.begin(), c);
      for (const std::string& code : codes) {
        std::string key = code_key(code);
        canonical.emplace(key, code);
        if (k.entry == Entry::DocType) {
          if (*k.party_code && (code == k.party_code || !*k.state_code)) party_types.emplace(key, &k);
          if (*k.state_code && code == k.state_code) state_types.emplace(key, &k);
        } else {
          body_codes.emplace(key, *k.party_code ? k.party_code : k.state_code);
        }
      }
    }
    for (auto& [first, list] : phrases)
      std::stable_sort(list.begin(), list.end(),
                       [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
  }
};

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

// ---------------------------------------------------------------------------
// A window of words over the text: tokens are read on demand and dropped once
// the scan has passed them, so memory stays bounded on any input.

struct Tok {
  size_t begin = 0, end = 0;
  std::string folded;
  bool digits = false;
};

// What stands between two words, spaces left out (dashes become '-').
struct Gap {
  std::string marks;
  bool newline = false;
  bool spaced = false;
};

class Window {
 public:
  explicit Window(std::string_view text) : text_(text), scanner_(text) { eof_.begin = eof_.end = text.size(); }

  const Tok& at(size_t i) {
    while (!done_ && base_ + toks_.size() <= i) load();
    return i - base_ < toks_.size() ? toks_[i - base_] : eof_;
  }
  bool exists(size_t i) { return &at(i) != &eof_; }
  std::string_view raw(size_t i) {
    const Tok& t = at(i);
    return text_.substr(t.begin, t.end - t.begin);
  }
  Gap gap(size_t i) {  // before token i
    size_t from = i == 0 ? 0 : at(i - 1).end;  // callers never look behind the window
    size_t to = at(i).begin;
    Gap g;
    for (size_t k = from; k < to;) {
      char32_t c = utf8::decode(text_, k);
      if (chars::is_line_break(c)) g.newline = true;
      else if (chars::is_space(c)) g.spaced = true;
      else if (chars::is_dash(c)) g.marks.push_back('-');
      else if (c == '/' && !g.marks.empty() && g.marks.back() == '/') {}  // doubled slash
      else utf8::append(g.marks, c);
    }
    return g;
  }
  void release_before(size_t i) {
    while (base_ < i && !toks_.empty()) { toks_.pop_front(); ++base_; }
  }
  std::string_view text() const { return text_; }

 private:
  void load() {
    if (!scanner_.next(word_)) { done_ = true; return; }
    Tok t;
    t.begin = word_.begin;
    t.end = word_.end;
    t.folded = word_.folded;
    t.digits = std::all_of(t.folded.begin(), t.folded.end(), [](char c) { return c >= '0' && c <= '9'; });
    toks_.push_back(std::move(t));
  }

  std::string_view text_;
  WordScanner scanner_;
  Word word_;
  std::deque<Tok> toks_;
  size_t base_ = 0;
  bool done_ = false;
  Tok eof_;
};

// ---------------------------------------------------------------------------
// The grammar.

struct Code {
  std::string code;   // canonical
  size_t next = 0;    // first token after it
  size_t end = 0;     // byte end (a code glued to the next word ends inside its token)
  bool glued = false; // "CPngày": nothing can follow
};

struct Mention {
  Resolution r;
  const Knowledge* type = nullptr;
  size_t begin = 0, end = 0;  // bytes
  bool is_short = false;
  std::string context_code;   // issuer named in words after a short reference
  bool context_party = false;
  bool glued_ngay = false;    // "NĐ-CPngày 5/1/2017": the date follows directly
};

bool plain(const Gap& g) { return g.marks.empty() && !g.newline; }
bool only(const Gap& g, const char* marks) { return g.marks == marks && !g.newline; }

class Parser {
 public:
  explicit Parser(std::string_view text) : w_(text), lex_(lexicon()) {}

  std::vector<Mention> run() {
    size_t i = 0;
    while (w_.exists(i)) {
      w_.release_before(i > 0 ? i - 1 : 0);
      size_t next = i;
      if (phrase_at(i, Entry::DocType).first) next = group(i);
      if (next == i && w_.at(i).digits) {
        Mention m;
        m.begin = w_.at(i).begin;
        if (auto after = full(i, nullptr, m)) {
          out_.push_back(std::move(m));
          next = add_date(*after, 1);
        }
      }
      i = next > i ? next : i + 1;
    }
    return std::move(out_);
  }

 private:
  // The longest known phrase of `entry` starting at token i: (entry, tokens).
  std::pair<const Knowledge*, size_t> phrase_at(size_t i, Entry entry) {
    auto it = lex_.phrases.find(w_.at(i).folded);
    if (it == lex_.phrases.end()) return {nullptr, 0};
    for (const Phrase& p : it->second) {
      if (p.what->entry != entry) continue;
      bool ok = true;
      for (size_t k = 1; ok && k < p.words.size(); ++k)
        ok = w_.at(i + k).folded == p.words[k] && !w_.gap(i + k).newline &&
             (w_.gap(i + k).marks.empty() || w_.gap(i + k).marks == "-" || w_.gap(i + k).marks == ",");
      if (ok) return {p.what, p.words.size()};
    }
    return {nullptr, 0};
  }
  std::pair<const Knowledge*, size_t> body_at(size_t i) {
    auto party = phrase_at(i, Entry::PartyBody), state = phrase_at(i, Entry::StateBody);
    return party.second >= state.second ? party : state;
  }

  // A code at token i: "TW", "TƯ", "T.Ư", "TTg", "tw", "CPngày" (→ CP, glued).
  std::optional<Code> code_at(size_t i) {
    if (!w_.exists(i)) return std::nullopt;
    std::string_view raw = w_.raw(i);
    size_t next = i + 1, end = w_.at(i).end;
    std::string joined(raw);
    // Dotted abbreviations: T.Ư
    while (raw.size() <= 3 && w_.exists(next) && only(w_.gap(next), ".") && !w_.gap(next).spaced &&
           w_.raw(next).size() <= 3) {
      joined += w_.raw(next);
      end = w_.at(next).end;
      ++next;
    }
    bool ok = false, upper = false;
    std::string key = code_key(joined, &ok, &upper);
    auto known = [&](const std::string& k) -> std::optional<std::string> {
      if (auto b = lex_.body_codes.find(k); b != lex_.body_codes.end()) return b->second;
      if (auto c = lex_.canonical.find(k); c != lex_.canonical.end()) return c->second;
      return std::nullopt;
    };
    unsigned char first = static_cast<unsigned char>(joined[0]);
    if (ok) {
      if (auto k = known(key)) return Code{*k, next, end, false};
      if (upper && !(first >= '0' && first <= '9')) return Code{key, next, end, false};
      return std::nullopt;
    }
    // Glued to the next word: the longest upper-case prefix (or a known code
    // ending in one lower-case letter, like TTg), followed by lower case.
    if (next != i + 1) return std::nullopt;
    size_t k = 0, upper_end = 0;
    while (k < raw.size()) {
      size_t p = k;
      char32_t c = utf8::decode(raw, p);
      bool is_upper = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || chars::is_capital_d(c) || c == 0x1AF;
      if (!is_upper) break;
      k = p;
      upper_end = k;
    }
    if (upper_end < 2 || (first >= '0' && first <= '9')) return std::nullopt;
    size_t p = upper_end;
    char32_t after = utf8::decode(raw, p);
    if (after >= 'a' && after <= 'z') {
      std::string with_one = code_key(raw.substr(0, p));
      auto c = lex_.canonical.find(with_one);
      if (c != lex_.canonical.end() && c->second.back() >= 'a' && p < raw.size())
        return Code{c->second, next, w_.at(i).begin + p, true};
    }
    std::string prefix = code_key(raw.substr(0, upper_end));
    return Code{known(prefix).value_or(prefix), next, w_.at(i).begin + upper_end, true};
  }

  // Whether the rest of the token a glued code ends inside is "ngày".
  bool glued_ngay(const Code& c, size_t token) {
    const Tok& t = w_.at(token);
    return fold(w_.text().substr(c.end, t.end - c.end)) == "ngay";
  }

  const Knowledge* type_code(size_t i, bool party) {
    bool ok = false;
    std::string key = code_key(w_.raw(i), &ok);
    if (!ok) return nullptr;
    auto& table = party ? lex_.party_types : lex_.state_types;
    auto it = table.find(key);
    return it == table.end() ? nullptr : it->second;
  }

  // A full identifier whose number is token i. Fills m.r (not surface/position)
  // and m.end; returns the first token after it.
  std::optional<size_t> full(size_t i, const Knowledge* word, Mention& m) {
    const Tok& num = w_.at(i);
    if (!num.digits || num.folded.size() > 5) return std::nullopt;
    std::string number(w_.raw(i));
    Gap g = w_.gap(i + 1);
    if (g.newline || !w_.exists(i + 1)) return std::nullopt;
    Resolution& r = m.r;
    // The Government's yearly resolutions are numbered with a dash: 19-2017/NQ-CP.
    const bool dash_year = g.marks == "-" && w_.at(i + 1).digits && w_.at(i + 1).folded.size() == 4 &&
                           only(w_.gap(i + 2), "/");
    if (g.marks == "-" && !dash_year) {  // Party: NUMBER-TYPE/ISSUER[/ISSUER...]
      const Knowledge* type = type_code(i + 1, true);
      if (!type) return std::nullopt;
      std::string type_str = lex_.canonical.at(code_key(w_.raw(i + 1)));
      size_t k = i + 2;
      std::vector<std::string> issuers;
      size_t end = 0;
      while (only(w_.gap(k), "/") && w_.exists(k)) {
        if (auto c = code_at(k)) {
          issuers.push_back(c->code);
          k = c->next;
          end = c->end;
          if (c->glued) { m.glued_ngay = glued_ngay(*c, k - 1); break; }
        } else if (auto body = body_at(k); body.first && *body.first->party_code) {
          issuers.push_back(body.first->party_code);
          k += body.second;
          end = w_.at(k - 1).end;
        } else {
          break;
        }
      }
      if (issuers.empty()) return std::nullopt;
      std::string symbol = type_str;
      for (const auto& s : issuers) symbol += "/" + s;
      r.id = number + "-" + symbol;
      r.symbol = symbol;
      r.issuer = issuers.back();
      r.kind = kind_of(word, type, true, type_str);
      r.number = number;
      m.type = type;
      m.end = end;
      return k;
    }
    if (g.marks != "/" && !dash_year) return std::nullopt;
    // State: NUMBER/[YEAR/]TYPE-ISSUER[-ISSUER...], NUMBER/YEAR/QH15, NUMBER/BODY-UNIT, NUMBER-YEAR/TYPE-ISSUER.
    size_t k = i + 1;
    std::optional<std::string> year;
    if (w_.at(k).digits && w_.at(k).folded.size() == 4 && only(w_.gap(k + 1), "/")) {
      int y = std::stoi(w_.at(k).folded);
      if (y < 1945 || y > 2099) return std::nullopt;
      year = w_.at(k).folded;
      k += 1;
    } else if (w_.at(k).digits) {
      return std::nullopt;  // a date: 19/5/2018
    }
    std::string prefix = number + (dash_year ? "-" : "/") + (year ? *year + "/" : "");
    bool ok = false;
    std::string key = code_key(w_.raw(k), &ok);
    const Knowledge* type = nullptr;
    std::string symbol;
    std::vector<std::string> issuers;
    size_t end = 0;
    // The National Assembly and its Standing Committee sign with their term: QH15, UBTVQH14.
    auto is_assembly = [this](const std::string& s) {
      for (std::string_view body : lex_.assembly_codes)
        if (s.size() > body.size() && s.compare(0, body.size(), body) == 0 &&
            std::all_of(s.begin() + static_cast<long>(body.size()), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return true;
      return false;
    };
    if (ok && year && is_assembly(key)) {  // 103/2023/QH15
      symbol = key;
      issuers.push_back(key);
      end = w_.at(k).end;
      k += 1;
      type = word && std::count(lex_.assembly_types.begin(), lex_.assembly_types.end(), word->name) ? word : nullptr;
      r.kind = type ? type->name : lex_.assembly_kind;
    } else if ((type = type_code(k, false)) && only(w_.gap(k + 1), "-")) {
      symbol = lex_.canonical.at(key);
      size_t j = k + 1;
      while (w_.exists(j) && (j == k + 1 || only(w_.gap(j), "-"))) {
        auto c = code_at(j);
        if (!c) break;
        issuers.push_back(c->code);
        end = c->end;
        j = c->next;
        if (c->glued) { m.glued_ngay = glued_ngay(*c, j - 1); break; }
      }
      if (issuers.empty()) return std::nullopt;
      k = j;
      r.kind = kind_of(word, type, false, symbol);
    } else if (!year && ok && lex_.body_codes.count(key) && only(w_.gap(k + 1), "-")) {
      // An official letter: NUMBER/BODY-UNIT (1195/BXD-HĐXD).
      auto body = code_at(k);
      auto unit = body && !body->glued ? code_at(k + 1) : std::nullopt;
      if (!unit) return std::nullopt;
      symbol = body->code;
      issuers.push_back(unit->code);
      end = unit->end;
      k = unit->next;
      r.kind = lex_.letter_kind;
      r.issuer = body->code;
    } else {
      return std::nullopt;
    }
    std::string joined;
    for (const auto& s : issuers) joined += (joined.empty() ? "" : "-") + s;
    if (symbol != joined) symbol += "-" + joined;
    r.id = prefix + symbol;
    r.symbol = (year ? *year + "/" : "") + symbol;
    if (!r.issuer) r.issuer = joined;
    r.year = year;
    r.number = number;
    m.type = type;
    m.end = end;
    return k;
  }

  // The kind in words: the type word in front when it agrees with the code.
  static std::string kind_of(const Knowledge* word, const Knowledge* type, bool party, const std::string& code) {
    if (word) {
      const char* word_code = party ? word->party_code : word->state_code;
      if (code == word_code) return word->name;
      for (const auto& alt : split(word->other_codes))
        if (alt == code) return word->name;
    }
    return type->name;
  }

  // "ngày 19/5/2018", ", ngày 25 tháng 10 năm 2017" at token i: (ISO date, next token).
  // With `glued`, "ngày" was glued to the identifier and token i is the day.
  std::optional<std::pair<std::string, size_t>> date_at(size_t i, bool glued = false) {
    if (glued) {
      --i;  // the day's index minus one, as if "ngày" were token i
    } else {
      Gap g = w_.gap(i);
      if (g.newline || !(g.marks.empty() || g.marks == ",") || w_.at(i).folded != "ngay") return std::nullopt;
    }
    const Tok& d = w_.at(i + 1);
    if (!d.digits || d.folded.size() > 2 || !plain(w_.gap(i + 1))) return std::nullopt;
    std::string day = d.folded, month, year;
    size_t next;
    Gap g2 = w_.gap(i + 2);
    if ((g2.marks == "/" || g2.marks == "-" || g2.marks == ".") && !g2.newline && only(w_.gap(i + 3), g2.marks.c_str())) {
      month = w_.at(i + 2).folded;
      year = w_.at(i + 3).folded;
      next = i + 4;
      if (!w_.at(i + 2).digits || !w_.at(i + 3).digits) return std::nullopt;
    } else if (plain(g2) && w_.at(i + 2).folded == "thang" && plain(w_.gap(i + 4)) && w_.at(i + 4).folded == "nam") {
      month = w_.at(i + 3).folded;
      year = w_.at(i + 5).folded;
      next = i + 6;
      if (!w_.at(i + 3).digits || !w_.at(i + 5).digits || !plain(w_.gap(i + 5))) return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (month.size() > 2 || year.size() != 4) return std::nullopt;
    int dd = std::stoi(day), mm = std::stoi(month);
    if (dd < 1 || dd > 31 || mm < 1 || mm > 12) return std::nullopt;
    std::string iso = year + "-" + (mm < 10 ? "0" : "") + std::to_string(mm) + "-" + (dd < 10 ? "0" : "") + std::to_string(dd);
    return std::make_pair(iso, next);
  }

  // Gives the date at token i (if any) to the last `count` mentions without one.
  size_t add_date(size_t i, size_t count) {
    auto d = date_at(i, !out_.empty() && out_.back().glued_ngay);
    if (!d) return i;
    for (size_t k = 0; k < count && k < out_.size(); ++k) {
      auto& r = out_[out_.size() - 1 - k].r;
      if (!r.date) r.date = d->first;
    }
    return d->second;
  }

  // A short reference's number at token i: not part of a date, a decimal or an amount.
  bool short_number(size_t i) {
    const Tok& t = w_.at(i);
    if (!t.digits || t.folded.size() > 4) return false;
    Gap after = w_.gap(i + 1);
    if (!w_.exists(i + 1) || after.newline) return true;
    if (w_.at(i + 1).digits && !after.spaced && !after.marks.empty()) return false;  // 19/5, 1.150, 1,5
    if (after.marks.rfind("%", 0) == 0) return false;
    return true;
  }

  // "Nghị định 123/2015": NUMBER/YEAR after the type word of a type that one
  // body alone issues (its sole_issuer) is that body's identifier. Returns the
  // token after the year; nothing when more of an identifier follows (a code
  // this parser does not know is no ground for a guess).
  std::optional<size_t> number_and_year(size_t i, const Knowledge* word, Mention& m) {
    const Tok& year = w_.at(i + 1);
    if (!*word->sole_issuer || w_.at(i).folded.size() > 4 || !only(w_.gap(i + 1), "/") || w_.gap(i + 1).spaced || !year.digits ||
        year.folded.size() != 4)
      return std::nullopt;
    const int y = std::stoi(year.folded);
    if (y < word->numbered_with_year_since || y > 2099) return std::nullopt;
    const Gap after = w_.gap(i + 2);
    if (w_.exists(i + 2) && !after.newline && (after.marks == "/" || after.marks == "-" ||
                                               (!after.spaced && !after.marks.empty() && w_.at(i + 2).digits)))
      return std::nullopt;  // 123/2015/XYZ, 123/2015-..., 123/2015.5
    Resolution& r = m.r;
    r.kind = word->name;
    r.number = std::string(w_.raw(i));
    r.year = year.folded;
    r.symbol = year.folded + "/" + word->state_code + "-" + word->sole_issuer;
    r.id = r.number + "/" + *r.symbol;
    r.issuer = word->sole_issuer;
    r.resolved = true;
    m.type = word;
    m.end = year.end;
    return i + 2;
  }

  // One item of a reference list at token i: TYPE [số] NUMBER[-ID], or a bare
  // NUMBER continuing the previous kind. Returns the token after it.
  std::optional<size_t> item(size_t i, const Knowledge* kind_word, bool bare) {
    size_t begin_tok = i;
    const Knowledge* word = kind_word;
    if (!bare) {
      auto [type, n] = phrase_at(i, Entry::DocType);
      if (!type) return std::nullopt;
      word = type;
      i += n;
      if (w_.at(i).folded == "so" && plain(w_.gap(i))) ++i;
      if (!plain(w_.gap(i)) && !only(w_.gap(i), ":")) return std::nullopt;
    }
    if (!w_.at(i).digits) return std::nullopt;
    Mention m;
    m.begin = w_.at(begin_tok).begin;
    if (auto after = full(i, word, m)) {
      out_.push_back(std::move(m));
      return after;
    }
    if (auto after = number_and_year(i, word, m)) {
      out_.push_back(std::move(m));
      return after;
    }
    if (!short_number(i)) return std::nullopt;
    m.r.kind = word->name;
    m.r.number = std::string(w_.raw(i));
    m.type = word;
    m.is_short = true;
    m.end = w_.at(i).end;
    size_t next = i + 1;
    // "Nghị quyết 26-NQ" (type code but no issuer) is still a short reference.
    if (only(w_.gap(next), "-") && w_.exists(next) && *word->party_code &&
        code_key(w_.raw(next)) == code_key(word->party_code)) {
      m.end = w_.at(next).end;
      ++next;
    }
    out_.push_back(std::move(m));
    return next;
  }

  // "của Trung ương Hội Nông dân", "của Ban Chấp hành Trung ương Đoàn": a name
  // ending in "Trung ương" that goes on with a capitalized word is another body.
  bool names_other_body(size_t next) {
    if (w_.at(next - 1).folded != "uong" || !plain(w_.gap(next)) || !w_.exists(next)) return false;
    const std::string& f = w_.at(next).folded;
    if (f == "dang" || f == "khoa") return false;
    std::string_view raw = w_.raw(next);
    std::string low = lower(raw);
    size_t a = 0, b = 0;
    return utf8::decode(raw, a) != utf8::decode(low, b);  // capitalized
  }

  // A list of references starting with a type word at token i, its dates, and
  // the issuer named after it. Returns the token after it (i if none).
  size_t group(size_t i) {
    size_t first = out_.size();
    auto e = item(i, nullptr, false);
    if (!e) return i;
    size_t undated = 1;
    for (;;) {
      size_t after_date = add_date(*e, undated);
      if (after_date != *e) undated = 0;
      e = after_date;
      Gap g = w_.gap(*e);
      if (g.newline || !w_.exists(*e)) break;
      size_t k = *e;
      if (w_.at(k).folded == "va" && (g.marks.empty() || g.marks == ",")) { ++k; g = w_.gap(k); if (!plain(g)) break; }
      else if (g.marks != ",") break;
      const bool last_short = out_.back().is_short;
      const Knowledge* last_type = out_.back().type;
      std::optional<size_t> next = item(k, nullptr, false);
      if (!next && last_short) next = item(k, last_type, true);
      if (!next) break;
      e = next;
      ++undated;
    }
    // Issuer context: "của Ban Chấp hành Trung ương (khóa XII)", "do Ban Tổ chức Trung ương ban hành".
    size_t k = *e;
    Gap g = w_.gap(k);
    if (!g.newline && (g.marks.empty() || g.marks == "," || g.marks == "(") &&
        (w_.at(k).folded == "cua" || w_.at(k).folded == "do") && plain(w_.gap(k + 1))) {
      auto [body, n] = body_at(k + 1);
      if (body && names_other_body(k + 1 + n)) body = nullptr;
      if (body) {
        for (size_t m = first; m < out_.size(); ++m) {
          if (!out_[m].is_short) continue;
          out_[m].context_party = body->entry == Entry::PartyBody;
          out_[m].context_code = out_[m].context_party ? body->party_code : body->state_code;
        }
        k += 1 + n;
      }
    }
    return k;
  }

  Window w_;
  const Lexicon& lex_;
  std::vector<Mention> out_;
};

std::string strip_zeros(const std::string& n) {
  size_t k = n.find_first_not_of('0');
  return k == std::string::npos ? "0" : n.substr(k);
}

// Short references take the identifier of the same-kind, same-number document
// written out in the text (the nearest one before, else after) or are built
// from the Party body named after them; those with a body named come first,
// so that "Nghị quyết 18 của Trung ương ... Nghị quyết 18" resolves both.
// A reference whose issuer or year cannot be known keeps no id.
void resolve(std::vector<Mention>& mentions) {
  // Mentions with an id, in text order, by kind|number and by kind|number|issuer
  // (the first of joint issuers), so each look-up is a binary search.
  std::unordered_map<std::string, std::vector<size_t>> known;
  auto key = [](const Mention& m) { return m.r.kind + "|" + strip_zeros(m.r.number); };
  auto issuer_key = [&](const Mention& m, const std::string& issuer) {
    return key(m) + "|" + issuer.substr(0, issuer.find('-'));
  };
  auto add = [&](size_t k) {
    for (const std::string& kk : {key(mentions[k]), issuer_key(mentions[k], mentions[k].r.issuer.value_or(""))}) {
      auto& list = known[kk];
      list.insert(std::upper_bound(list.begin(), list.end(), k), k);
    }
  };
  for (size_t k = 0; k < mentions.size(); ++k)
    if (!mentions[k].is_short) add(k);
  auto nearest = [&](size_t k) -> const Mention* {
    const Mention& m = mentions[k];
    auto it = known.find(m.context_code.empty() ? key(m) : issuer_key(m, m.context_code));
    if (it == known.end() || it->second.empty()) return nullptr;
    auto after = std::upper_bound(it->second.begin(), it->second.end(), k);
    return &mentions[after == it->second.begin() ? *after : *(after - 1)];
  };
  std::vector<size_t> built;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < mentions.size(); ++k) {
      Mention& m = mentions[k];
      if (!m.is_short || m.context_code.empty() != (pass == 1)) continue;
      if (const Mention* best = nearest(k)) {
        m.r.id = best->r.id;
        m.r.symbol = best->r.symbol;
        m.r.issuer = best->r.issuer;
        m.r.year = best->r.year;
        m.r.resolved = true;
      } else if (m.context_party && *m.type->party_code) {
        std::string symbol = std::string(m.type->party_code) + "/" + m.context_code;
        m.r.id = m.r.number + "-" + symbol;
        m.r.symbol = symbol;
        m.r.issuer = m.context_code;
        m.r.resolved = true;
        built.push_back(k);
      } else if (!m.context_code.empty()) {
        m.r.issuer = m.context_code;  // known issuer, unknown year or style: no guess
      }
    }
    for (size_t k : built) add(k);
    built.clear();
  }
  // A type word with a bare number and nothing to identify it is not a reference.
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                [](const Mention& m) { return m.is_short && !m.r.id && m.context_code.empty(); }),
                 mentions.end());
}

}  // namespace

std::vector<Resolution> resolutions(std::string_view text) {
  std::vector<Mention> mentions = Parser(text).run();
  resolve(mentions);
  std::vector<Resolution> out;
  out.reserve(mentions.size());
  utf8::CharCounter chars(text);
  for (Mention& m : mentions) {
    Resolution& r = m.r;
    r.surface = std::string(text.substr(m.begin, m.end - m.begin));
    r.start = chars.position(m.begin);
    r.length = chars.position(m.end) - r.start;
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<std::string> resolution_id(std::string_view text, long long n) {
  if (n < 1) return std::nullopt;
  std::vector<Resolution> all = resolutions(text);
  if (static_cast<unsigned long long>(n) > all.size()) return std::nullopt;
  return all[static_cast<size_t>(n - 1)].id;
}

// ---------------------------------------------------------------------------
// SQL wrappers.

namespace {

Cell cell(const std::optional<std::string>& s) { return s ? Cell(*s) : Cell(nullptr); }

std::unique_ptr<RowSource> open_resolutions(sqlite3_value** args, int) {
  std::vector<Row> rows;
  if (auto text = sql::text_arg(args[0])) {
    for (Resolution& r : resolutions(*text)) {
      rows.push_back(Row{cell(r.id), Cell(r.kind), Cell(r.number), cell(r.symbol), cell(r.issuer), cell(r.year),
                         cell(r.date), Cell(r.surface), Cell(static_cast<int64_t>(r.start)),
                         Cell(static_cast<int64_t>(r.length)), Cell(static_cast<int64_t>(r.resolved))});
    }
  }
  return std::make_unique<VectorRowSource>(std::move(rows));
}

}  // namespace

const TableFunction kResolutionsFunction = {
    "resolutions", "id, kind, number, symbol, issuer, year, date, surface, start, length, resolved", {"text"}, 1,
    open_resolutions};

void sql_resolution_id(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    long long n = 1;
    if (argc > 1) {
      if (sqlite3_value_type(argv[1]) == SQLITE_NULL) return sqlite3_result_null(ctx);
      n = sql::int_arg(argv[1], "n", 1);
      if (n < 1) throw sql::Error("n must be an integer >= 1");
    }
    auto text = sql::text_arg(argv[0]);
    if (!text) return sqlite3_result_null(ctx);
    auto id = resolution_id(*text, n);
    if (!id) return sqlite3_result_null(ctx);
    sql::result_text(ctx, *id);
  });
}

}  // namespace vnsql
