#include "resolutions.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "chars.h"
#include "data/boundary_words.h"
#include "data/document_types.h"
#include "data/issuers.h"
#include "data/number_words.h"
#include "data/plenums.h"
#include "dates.h"
#include "normalize.h"
#include "packed.h"
#include "sql_util.h"
#include "table_function.h"
#include "utf8.h"

namespace vnsql {

// ---------------------------------------------------------------------------
// The reference vocabulary: document types and issuing bodies, in words and as codes
// (data/document_types.tsv, data/issuers.tsv).

namespace {

enum class Entry { DocType, PartyBody, StateBody };

struct ReferenceRow {
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
std::vector<ReferenceRow> make_reference_rows() {
  std::vector<ReferenceRow> rows;
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

// Built once; a stored mention refers to its type and issuer by index into it.
const std::vector<ReferenceRow>& reference_rows() {
  static const std::vector<ReferenceRow> rows = make_reference_rows();
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

struct ReferencePhrase {
  std::vector<std::string> words;  // folded
  const ReferenceRow* what;
};

// The words of a phrase: folded, or lower case with their marks.
std::vector<std::string> words_of(std::string_view phrase, bool folded) {
  std::vector<std::string> out;
  WordScanner scanner(phrase);
  Word w;
  while (scanner.next(w)) out.push_back(folded ? w.folded : w.lower);
  return out;
}

// A plenum's resolutions are Party resolutions of the Central Committee: NUMBER-NQ/TW.
constexpr const char* kPlenumType = "NQ";
constexpr const char* kPlenumIssuer = "TW";

struct Lexicon {
  std::unordered_map<std::string, std::vector<ReferencePhrase>> phrases;  // by first folded word, longest first
  std::unordered_map<std::string, const ReferenceRow*> party_types, state_types;  // by code key
  std::unordered_map<std::string, std::string> body_codes;  // code key -> canonical code
  std::unordered_map<std::string, std::string> canonical;   // code key -> official spelling
  // The National Assembly and its Standing Committee sign with their term
  // (103/2023/QH15): their codes, the types whose word keeps its kind before
  // such an identifier, and the kind without one.
  std::vector<std::string> assembly_codes;
  std::vector<std::string> assembly_types;
  const char* assembly_kind = data::document_types::kAssemblyDefault[0];
  const char* letter_kind = data::document_types::kLetter[0];  // NUMBER/BODY-UNIT
  std::unordered_set<std::string> party_body_codes;  // canonical: TW, TU, BTCTW, ...
  const ReferenceRow* central_committee = nullptr;     // the first Party body signing TW: Ban Chấp hành Trung ương
  // The resolutions of each plenum (data/plenums.tsv) by "term|plenum": "XII|4".
  std::unordered_map<std::string, std::vector<const data::plenums::Row*>> plenums;
  std::unordered_map<std::string, int> number_words;  // folded: "tu" -> 4, "muoi mot" -> 11
  // Words where the subject after a reference ends (data/boundary_words.tsv, subject-end), lower case.
  std::vector<std::vector<std::string>> subject_ends;

  // An assembly code followed by its term: QH15, UBTVQH14.
  bool is_assembly(const std::string& s) const {
    for (std::string_view body : assembly_codes)
      if (s.size() > body.size() && s.compare(0, body.size(), body) == 0 &&
          std::all_of(s.begin() + static_cast<long>(body.size()), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return true;
    return false;
  }

  Lexicon() {
    for (const auto& b : data::issuers::kRows)
      if (data::issuers::has_class(b, "assembly")) assembly_codes.emplace_back(b.code);
    assembly_types.assign(std::begin(data::document_types::kAssembly), std::end(data::document_types::kAssembly));
    for (const ReferenceRow& k : reference_rows()) {
      std::vector<std::string> names = split(k.other_names);
      names.insert(names.begin(), k.name);
      for (const std::string& name : names) {
        ReferencePhrase p{{}, &k};
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
      std::stable_sort(list.begin(), list.end(), [](const ReferencePhrase& a, const ReferencePhrase& b) {
        return a.words.size() > b.words.size();
      });
    for (const auto& b : data::issuers::kRows)
      if (data::issuers::has_class(b, "party")) party_body_codes.insert(b.code);
    for (const ReferenceRow& k : reference_rows())
      if (!central_committee && k.entry == Entry::PartyBody && std::string_view(k.party_code) == kPlenumIssuer)
        central_committee = &k;
    for (const auto& r : data::plenums::kRows) plenums[std::string(r.term) + "|" + std::to_string(std::atoi(r.plenum))].push_back(&r);
    for (const auto& n : data::number_words::kRows) {
      std::string key;
      for (const std::string& w : words_of(n.entry, true)) key += (key.empty() ? "" : " ") + w;
      number_words.emplace(key, std::atoi(n.value));
    }
    for (const char* end : data::boundary_words::kSubjectEnd) subject_ends.push_back(words_of(end, false));
  }
};

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

// ---------------------------------------------------------------------------
// A window of words over the text: tokens are read on demand and dropped once
// the scan has passed them, so memory stays bounded on any input.

struct ReferenceToken {
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

  const ReferenceToken& at(size_t i) {
    while (!done_ && base_ + toks_.size() <= i) load();
    return i - base_ < toks_.size() ? toks_[i - base_] : eof_;
  }
  bool exists(size_t i) { return &at(i) != &eof_; }
  std::string_view raw(size_t i) {
    const ReferenceToken& t = at(i);
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
    ReferenceToken t;
    t.begin = word_.begin;
    t.end = word_.end;
    t.folded = word_.folded;
    t.digits = std::all_of(t.folded.begin(), t.folded.end(), [](char c) { return c >= '0' && c <= '9'; });
    toks_.push_back(std::move(t));
  }

  std::string_view text_;
  WordScanner scanner_;
  Word word_;
  std::deque<ReferenceToken> toks_;
  size_t base_ = 0;
  bool done_ = false;
  ReferenceToken eof_;
};

// ---------------------------------------------------------------------------
// The grammar.

struct Code {
  std::string code;   // canonical
  size_t next = 0;    // first token after it
  size_t end = 0;     // byte end (a code glued to the next word ends inside its token)
  bool glued = false; // "CPngày": nothing can follow
};

// The issuers that end an identifier: "QĐNS/TW" in 1150-QĐ/QĐNS/TW,
// "VKSNDTC-TANDTC" in 01/2017/TTLT-VKSNDTC-TANDTC.
struct IssuerChain {
  std::vector<std::string> codes;
  size_t next = 0;  // first token after it
  size_t end = 0;   // byte end
};

struct Mention {
  Resolution r;
  const ReferenceRow* type = nullptr;
  size_t begin = 0, end = 0;  // bytes
  bool is_short = false;
  std::string context_code;   // issuer named in words after a short reference
  bool context_party = false;
  bool glued_ngay = false;    // "NĐ-CPngày 5/1/2017": the date follows directly
};

bool plain(const Gap& g) { return g.marks.empty() && !g.newline; }
bool only(const Gap& g, const char* marks) { return g.marks == marks && !g.newline; }

// The mentions of a text, packed (packed.h): a Mention takes about 400 bytes
// however short its reference. A record holds its flags, the issuer named
// after it and its date (fixed places, set in place), its type and kind,
// its position and length in characters, then its strings (the subject last).
// The issuing body named after a mention is its context: its name is the
// issuer_name column.
class MentionStore {
 public:
  void add(const Mention& m, std::string_view surface, size_t start, size_t length) {
    records_.add(encode(m, surface, start, length));
    if (m.r.date) set_date(records_.size() - 1, *m.r.date);
  }
  Mention get(size_t k) const {
    Mention m;
    const char* at = records_[k];
    const auto flags = static_cast<unsigned char>(*at);
    at += kFixedBytes;
    m.is_short = flags & kShort;
    m.r.resolved = flags & kResolved;
    m.glued_ngay = flags & kGluedNgay;
    const size_t type = PackedRecords::get_number(at);
    m.type = type ? &reference_rows()[type - 1] : nullptr;
    Resolution& r = m.r;
    r.kind = reference_rows()[PackedRecords::get_number(at)].name;
    r.start = PackedRecords::get_number(at);
    r.length = PackedRecords::get_number(at);
    for (auto* field : {&r.id, &r.symbol, &r.issuer, &r.year}) *field = PackedRecords::get_string(at);
    for (auto* field : {&r.number, &r.surface}) *field = PackedRecords::get_string(at).value_or("");
    r.subject = PackedRecords::get_string(at);
    if (flags & (kIdDash | kIdSlash)) r.id = r.number + ((flags & kIdDash) ? "-" : "/") + *r.symbol;
    if (uint32_t d = date(k)) {
      std::string iso = "0000-00-00";
      for (size_t i : {9, 8, 6, 5, 3, 2, 1, 0}) iso[i] = static_cast<char>('0' + d % 10), d /= 10;
      r.date = std::move(iso);
    }
    if (const ReferenceRow* body = context(k)) {
      m.context_party = body->entry == Entry::PartyBody;
      m.context_code = m.context_party ? body->party_code : body->state_code;
      r.issuer_name = body->name;
    }
    if (flags & (kBuiltFromContext | kIssuerFromContext)) r.issuer = m.context_code;
    if (flags & kBuiltFromContext) {  // NUMBER-TYPE/ISSUER, the issuer named after the list
      r.symbol = std::string(m.type->party_code) + "/" + m.context_code;
      r.id = r.number + "-" + *r.symbol;
      r.resolved = true;
    }
    return m;
  }
  // Dates and issuers named after a list come once its mentions are stored:
  // they have fixed places in the record, written there in place.
  bool has_date(size_t k) const { return date(k) != 0; }
  void set_date(size_t k, const std::string& iso) {  // YYYY-MM-DD
    const auto d = static_cast<uint32_t>(std::stoul(iso.substr(0, 4)) * 10000 + std::stoul(iso.substr(5, 2)) * 100 +
                                         std::stoul(iso.substr(8, 2)));
    std::memcpy(records_[k] + 2, &d, sizeof d);
  }
  bool has_context(size_t k) const { return records_[k][1] != 0; }
  // The subject is read after the mentions it belongs to: their records are written anew with it.
  void set_subject(size_t k, std::string_view subject) {
    Mention m = get(k);
    m.r.subject = std::string(subject);
    replace(k, m);
  }
  void set_context(size_t k, const ReferenceRow* body) {
    records_[k][1] = static_cast<char>(body - reference_rows().data() + 1);
  }
  // Writes record k anew; its date and context stay as they were.
  void replace(size_t k, const Mention& m) {
    std::string record = encode(m, m.r.surface, m.r.start, m.r.length);
    std::memcpy(record.data() + 1, records_[k] + 1, kFixedBytes - 1);
    records_.replace(k, record);
  }
  bool is_short(size_t k) const { return *records_[k] & kShort; }
  // How a short reference is resolved by the issuer named after it (see get()).
  enum Derived : unsigned char { kBuiltFromContext = 32, kIssuerFromContext = 64 };
  void mark(size_t k, Derived how) { *records_[k] = static_cast<char>(*records_[k] | how); }
  bool has_id(size_t k) const {  // the id is the first string, after four numbers
    if (*records_[k] & (kIdDash | kIdSlash | kBuiltFromContext)) return true;
    const char* at = records_[k] + kFixedBytes;
    for (int n = 0; n < 4; ++n) PackedRecords::get_number(at);
    return PackedRecords::get_number(at) != 0;
  }
  size_t size() const { return records_.size(); }
  bool empty() const { return records_.size() == 0; }
  template <class Keep>
  void keep_if(Keep&& keep) { records_.keep_if(keep); }

 private:
  enum : unsigned char { kShort = 1, kResolved = 2, kGluedNgay = 4, kIdDash = 8, kIdSlash = 16 };
  // Flags, the issuer named after the mention (index + 1 in reference_rows(),
  // or 0), its date (YYYYMMDD as 4 bytes, or 0).
  static constexpr size_t kFixedBytes = 6;
  static_assert(std::size(data::document_types::kRows) + std::size(data::issuers::kRows) < 255,
                "an issuer's index fits in a byte");
  static std::string encode(const Mention& m, std::string_view surface, size_t start, size_t length) {
    const Resolution& r = m.r;
    // Almost every id is its number and its symbol: then it is not written.
    const char joint = !r.id || !r.symbol || r.id->size() != r.number.size() + 1 + r.symbol->size() ||
                               r.id->compare(0, r.number.size(), r.number) != 0 ||
                               r.id->compare(r.number.size() + 1, std::string::npos, *r.symbol) != 0
                           ? 0
                           : (*r.id)[r.number.size()];
    std::string record;
    record.push_back(static_cast<char>((m.is_short ? kShort : 0) | (r.resolved ? kResolved : 0) |
                                       (m.glued_ngay ? kGluedNgay : 0) | (joint == '-' ? kIdDash : 0) |
                                       (joint == '/' ? kIdSlash : 0)));
    record.append(kFixedBytes - 1, '\0');  // context and date, set in place
    PackedRecords::put_number(record, m.type ? static_cast<size_t>(m.type - reference_rows().data()) + 1 : 0);
    PackedRecords::put_number(record, kind_index(r.kind));
    PackedRecords::put_number(record, start);
    PackedRecords::put_number(record, length);
    PackedRecords::put_string(record, r.id && joint != '-' && joint != '/' ? std::optional<std::string_view>(*r.id)
                                                                             : std::nullopt);
    for (const auto& field : {r.symbol, r.issuer, r.year})
      PackedRecords::put_string(record, field ? std::optional<std::string_view>(*field) : std::nullopt);
    for (std::string_view field : {std::string_view(r.number), surface}) PackedRecords::put_string(record, field);
    PackedRecords::put_string(record, r.subject ? std::optional<std::string_view>(*r.subject) : std::nullopt);
    return record;
  }
  uint32_t date(size_t k) const {
    uint32_t d;
    std::memcpy(&d, records_[k] + 2, sizeof d);
    return d;
  }
  const ReferenceRow* context(size_t k) const {
    const auto index = static_cast<unsigned char>(records_[k][1]);
    return index ? &reference_rows()[index - 1] : nullptr;
  }
  // Every kind is the name of a document type in reference_rows().
  static size_t kind_index(const std::string& kind) {
    for (const ReferenceRow& k : reference_rows())
      if (k.entry == Entry::DocType && kind == k.name) return static_cast<size_t>(&k - reference_rows().data());
    throw std::logic_error("resolutions: unknown kind " + kind);
  }

  PackedRecords records_;  // in text order
};

class ReferenceParser {
 public:
  // Finds every mention, in text order, into `out`.
  ReferenceParser(std::string_view text, MentionStore& out) : w_(text), lex_(lexicon()), chars_(text), out_(out) {}

  void run() {
    size_t i = 0;
    while (w_.exists(i)) {
      w_.release_before(i > 0 ? i - 1 : 0);
      size_t next = i;
      const ReferenceToken& t = w_.at(i);  // a deque's elements stay where they are while tokens are added
      const auto doc_type = phrase_at(i, Entry::DocType);
      // A plenum reference opens with a type word or "NQ" (2 bytes): most words are neither.
      const bool may_be_plenum = doc_type.first || t.end - t.begin == 2;
      if (auto after = may_be_plenum ? plenum_reference(i, doc_type) : std::nullopt) next = *after;
      else if (doc_type.first) next = group(i);
      if (next == i && t.digits) {
        Mention m;
        m.begin = t.begin;
        if (auto after = full(i, nullptr, m)) {
          const size_t first = out_.size();
          push(m);
          next = tail(add_date(*after, 1), first);
        }
      }
      i = next > i ? next : i + 1;
    }
  }

 private:
  // The longest known phrase of `entry` starting at token i: (entry, tokens).
  std::pair<const ReferenceRow*, size_t> phrase_at(size_t i, Entry entry) {
    auto it = lex_.phrases.find(w_.at(i).folded);
    if (it == lex_.phrases.end()) return {nullptr, 0};
    for (const ReferencePhrase& p : it->second) {
      if (p.what->entry != entry) continue;
      bool ok = true;
      for (size_t k = 1; ok && k < p.words.size(); ++k)
        ok = w_.at(i + k).folded == p.words[k] && !w_.gap(i + k).newline &&
             (w_.gap(i + k).marks.empty() || w_.gap(i + k).marks == "-" || w_.gap(i + k).marks == ",");
      if (ok) return {p.what, p.words.size()};
    }
    return {nullptr, 0};
  }
  std::pair<const ReferenceRow*, size_t> body_at(size_t i) {
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
    const ReferenceToken& t = w_.at(token);
    return fold(w_.text().substr(c.end, t.end - c.end)) == date_words::kDay;
  }

  const ReferenceRow* type_code(size_t i, bool party) {
    bool ok = false;
    std::string key = code_key(w_.raw(i), &ok);
    if (!ok) return nullptr;
    auto& table = party ? lex_.party_types : lex_.state_types;
    auto it = table.find(key);
    return it == table.end() ? nullptr : it->second;
  }

  // A full identifier whose number is token i. Fills m.r (not surface/position)
  // and m.end; returns the first token after it.
  std::optional<size_t> full(size_t i, const ReferenceRow* word, Mention& m) {
    const ReferenceToken& num = w_.at(i);
    if (!num.digits || num.folded.size() > 5) return std::nullopt;
    Gap g = w_.gap(i + 1);
    if (g.newline || !w_.exists(i + 1)) return std::nullopt;
    // The Government's yearly resolutions are numbered with a dash: 19-2017/NQ-CP.
    const bool dash_year = g.marks == "-" && w_.at(i + 1).digits && w_.at(i + 1).folded.size() == 4 &&
                           only(w_.gap(i + 2), "/");
    if (g.marks == "-" && !dash_year) return party_identifier(i, word, m);
    if (g.marks == "/" || dash_year) return state_identifier(i, word, dash_year, m);
    return std::nullopt;
  }

  // Party: NUMBER-TYPE/ISSUER[/ISSUER...] (26-NQ/TW, 35-HD/BTGTW).
  std::optional<size_t> party_identifier(size_t i, const ReferenceRow* word, Mention& m) {
    const ReferenceRow* type = type_code(i + 1, true);
    if (!type) return untyped_party_identifier(i, word, m);
    const std::string type_str = lex_.canonical.at(code_key(w_.raw(i + 1)));
    const IssuerChain chain = issuer_chain(i + 2, "/", true, m);
    if (chain.codes.empty()) return std::nullopt;
    std::string symbol = type_str;
    for (const auto& s : chain.codes) symbol += "/" + s;
    Resolution& r = m.r;
    r.number = std::string(w_.raw(i));
    r.id = r.number + "-" + symbol;
    r.symbol = symbol;
    r.issuer = chain.codes.back();
    r.kind = kind_of(word, type, true, type_str);
    m.type = type;
    m.end = chain.end;
    return chain.next;
  }

  // Party, no type letters before the issuers: "470-QĐNS/TW", "Quyết định 1150-QĐNS/TW". The last
  // issuer must be a Party body's code; the kind is the type word's in front, else that of the type
  // code the first code starts with (QĐNS: QĐ, a Quyết định); without either it is not read.
  std::optional<size_t> untyped_party_identifier(size_t i, const ReferenceRow* word, Mention& m) {
    const auto first = code_at(i + 1);
    bool upper = false, ok = false;
    if (!first || first->glued || !w_.exists(i + 1) || w_.at(i + 1).digits) return std::nullopt;
    code_key(w_.raw(i + 1), &ok, &upper);
    if (!ok || !upper || first->code.size() > 8) return std::nullopt;
    const IssuerChain chain = issuer_chain(first->next, "/", true, m);
    if (chain.codes.empty() || !lex_.party_body_codes.count(chain.codes.back())) return std::nullopt;
    const ReferenceRow* kind = word && *word->party_code ? word : nullptr;
    for (size_t n = first->code.size(); !kind && n > 0; --n)
      if (auto t = lex_.party_types.find(first->code.substr(0, n)); t != lex_.party_types.end()) kind = t->second;
    if (!kind) return std::nullopt;
    std::string symbol = first->code;
    for (const auto& c : chain.codes) symbol += "/" + c;
    Resolution& r = m.r;
    r.number = std::string(w_.raw(i));
    r.id = r.number + "-" + symbol;
    r.symbol = symbol;
    r.issuer = chain.codes.back();
    r.kind = kind->name;
    m.type = kind;
    m.end = chain.end;
    return chain.next;
  }

  // State: NUMBER/[YEAR/]TYPE-ISSUER[-ISSUER...], NUMBER/YEAR/QH15, NUMBER/BODY-UNIT, NUMBER-YEAR/TYPE-ISSUER.
  std::optional<size_t> state_identifier(size_t i, const ReferenceRow* word, bool dash_year, Mention& m) {
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
    const std::string number(w_.raw(i));
    bool ok = false;
    std::string key = code_key(w_.raw(k), &ok);
    const ReferenceRow* type = nullptr;
    std::string symbol;
    IssuerChain chain;
    Resolution& r = m.r;
    if (ok && year && lex_.is_assembly(key)) {  // 103/2023/QH15
      symbol = key;
      chain = {{key}, k + 1, w_.at(k).end};
      type = word && std::count(lex_.assembly_types.begin(), lex_.assembly_types.end(), word->name) ? word : nullptr;
      r.kind = type ? type->name : lex_.assembly_kind;
    } else if ((type = type_code(k, false)) && only(w_.gap(k + 1), "-")) {
      symbol = lex_.canonical.at(key);
      chain = issuer_chain(k + 1, "-", false, m);
      if (chain.codes.empty()) return std::nullopt;
      r.kind = kind_of(word, type, false, symbol);
    } else if (!year && ok && lex_.body_codes.count(key) && only(w_.gap(k + 1), "-")) {
      // An official letter: NUMBER/BODY-UNIT (1195/BXD-HĐXD).
      auto body = code_at(k);
      auto unit = body && !body->glued ? code_at(k + 1) : std::nullopt;
      if (!unit) return std::nullopt;
      symbol = body->code;
      chain = {{unit->code}, unit->next, unit->end};
      r.kind = lex_.letter_kind;
      r.issuer = body->code;
    } else {
      return std::nullopt;
    }
    std::string joined;
    for (const auto& s : chain.codes) joined += (joined.empty() ? "" : "-") + s;
    if (symbol != joined) symbol += "-" + joined;
    r.id = number + (dash_year ? "-" : "/") + (year ? *year + "/" : "") + symbol;
    r.symbol = (year ? *year + "/" : "") + symbol;
    if (!r.issuer) r.issuer = joined;
    r.year = year;
    r.number = number;
    m.type = type;
    m.end = chain.end;
    return chain.next;
  }

  // The issuers of an identifier from token k on, each after `sep`: "/QĐNS/TW"
  // after a Party type, "-VKSNDTC-TANDTC" after a State one; a Party issuer
  // may be written as its name in words. A code glued to the next word ends
  // the chain; m.glued_ngay says whether that word is "ngày".
  IssuerChain issuer_chain(size_t k, const char* sep, bool party, Mention& m) {
    IssuerChain chain{{}, k, 0};
    while (only(w_.gap(chain.next), sep) && w_.exists(chain.next)) {
      if (auto c = code_at(chain.next)) {
        chain.codes.push_back(c->code);
        chain.next = c->next;
        chain.end = c->end;
        if (c->glued) {
          m.glued_ngay = glued_ngay(*c, chain.next - 1);
          break;
        }
        continue;
      }
      if (!party) break;
      auto [body, n] = body_at(chain.next);
      if (!body || !*body->party_code) break;
      chain.codes.push_back(body->party_code);
      chain.next += n;
      chain.end = w_.at(chain.next - 1).end;
    }
    return chain;
  }

  // The kind in words: the type word in front when it agrees with the code.
  static std::string kind_of(const ReferenceRow* word, const ReferenceRow* type, bool party, const std::string& code) {
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
      if (g.newline || !(g.marks.empty() || g.marks == ",") || w_.at(i).folded != date_words::kDay) return std::nullopt;
    }
    const ReferenceToken& d = w_.at(i + 1);
    if (!d.digits || d.folded.size() > 2 || !plain(w_.gap(i + 1))) return std::nullopt;
    std::string day = d.folded, month, year;
    size_t next;
    Gap g2 = w_.gap(i + 2);
    if ((g2.marks == "/" || g2.marks == "-" || g2.marks == ".") && !g2.newline && only(w_.gap(i + 3), g2.marks.c_str())) {
      month = w_.at(i + 2).folded;
      year = w_.at(i + 3).folded;
      next = i + 4;
      if (!w_.at(i + 2).digits || !w_.at(i + 3).digits) return std::nullopt;
    } else if (plain(g2) && w_.at(i + 2).folded == date_words::kMonth && plain(w_.gap(i + 4)) &&
               w_.at(i + 4).folded == date_words::kYear) {
      month = w_.at(i + 3).folded;
      year = w_.at(i + 5).folded;
      next = i + 6;
      if (!w_.at(i + 3).digits || !w_.at(i + 5).digits || !plain(w_.gap(i + 5))) return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (month.size() > 2 || year.size() != 4) return std::nullopt;
    int dd = std::stoi(day), mm = std::stoi(month);
    if (!is_real_date(std::stoi(year), mm, dd)) return std::nullopt;  // 29/2/2006, 31/4/2017: a typo, no date
    std::string iso = year + "-" + (mm < 10 ? "0" : "") + std::to_string(mm) + "-" + (dd < 10 ? "0" : "") + std::to_string(dd);
    return std::make_pair(iso, next);
  }

  // Gives the date at token i (if any) to the last `count` mentions without one.
  size_t add_date(size_t i, size_t count) {
    auto d = date_at(i, !out_.empty() && out_.get(out_.size() - 1).glued_ngay);
    if (!d) return i;
    for (size_t k = out_.size() - std::min(count, out_.size()); k < out_.size(); ++k)
      if (!out_.has_date(k)) out_.set_date(k, d->first);
    return d->second;
  }

  // The rows of one plenum share one surface: its position is counted once (chars_ counts forward only;
  // going back would count from the start of the text again).
  void push(const Mention& m) {
    if (m.begin != pushed_.begin || m.end != pushed_.end) {
      pushed_ = {m.begin, m.end, chars_.position(m.begin), 0};
      pushed_.length = chars_.position(m.end) - pushed_.start;
    }
    out_.add(m, w_.text().substr(m.begin, m.end - m.begin), pushed_.start, pushed_.length);
  }

  // A short reference's number at token i: not part of a date, a decimal or an amount.
  bool short_number(size_t i) {
    const ReferenceToken& t = w_.at(i);
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
  std::optional<size_t> number_and_year(size_t i, const ReferenceRow* word, Mention& m) {
    const ReferenceToken& year = w_.at(i + 1);
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
  std::optional<size_t> item(size_t i, const ReferenceRow* kind_word, bool bare) {
    size_t begin_tok = i;
    const ReferenceRow* word = kind_word;
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
      push(m);
      return after;
    }
    if (auto after = number_and_year(i, word, m)) {
      push(m);
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
    push(m);
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
      w_.release_before(*e - 1);  // a list may be as long as the text
      Gap g = w_.gap(*e);
      if (g.newline || !w_.exists(*e)) break;
      size_t k = *e;
      if (w_.at(k).folded == "va" && (g.marks.empty() || g.marks == ",")) { ++k; g = w_.gap(k); if (!plain(g)) break; }
      else if (g.marks != ",") break;
      const Mention last = out_.get(out_.size() - 1);
      const bool last_short = last.is_short;
      const ReferenceRow* last_type = last.type;
      std::optional<size_t> next = item(k, nullptr, false);
      if (!next && last_short) next = item(k, last_type, true);
      if (!next) break;
      e = next;
      ++undated;
    }
    return tail(*e, first);
  }

  // What follows the references from `first` on, at token k: the issuer named ("của Ban Chấp hành
  // Trung ương (khóa XII)", "do Ban Tổ chức Trung ương ban hành", "của Hội nghị Trung ương 7 khóa XII"),
  // then, for a single reference, its subject ("về ..."). Returns the token after them.
  size_t tail(size_t k, size_t first) {
    Gap g = w_.gap(k);
    if (!g.newline && (g.marks.empty() || g.marks == "," || g.marks == "(") &&
        (w_.at(k).folded == "cua" || w_.at(k).folded == "do") && plain(w_.gap(k + 1))) {
      auto [body, n] = body_at(k + 1);
      size_t after = k + 1 + n;
      if (auto plenum = plenum_number(k + 1)) {  // "của Hội nghị Trung ương 7": the Central Committee's
        body = lex_.central_committee;
        after = plenum->second;
      } else if (body && names_other_body(after)) {
        body = nullptr;
      }
      if (body) {
        for (size_t j = first; j < out_.size(); ++j) out_.set_context(j, body);
        k = after;
      }
    }
    k = term_at(k).second;
    if (out_.size() == first + 1)
      if (auto subject = subject_at(k)) {
        out_.set_subject(first, subject->first);
        k = subject->second;
      }
    return k;
  }

  bool capitalized(size_t i) {
    std::string_view raw = w_.raw(i);
    std::string low = lower(raw);
    size_t a = 0, b = 0;
    return utf8::decode(raw, a) != utf8::decode(low, b);
  }

  // Whether a subject-end phrase (data/boundary_words.tsv) starts at token i.
  bool subject_ends_at(size_t i) {
    for (const auto& phrase : lex_.subject_ends) {
      bool ok = true;
      for (size_t k = 0; ok && k < phrase.size(); ++k)
        ok = (k == 0 || plain(w_.gap(i + k))) && w_.exists(i + k) && lower(w_.raw(i + k)) == phrase[k];
      if (ok) return true;
    }
    return false;
  }

  // "về tập trung xây dựng đội ngũ cán bộ ..." at token k: the subject as written and the token
  // after it. A quoted subject ("về “Tăng cường ...”") ends at its closing quote; another ends where
  // the sentence or the line does, at ";", ":", a bracket, a comma before a capitalized word (the next
  // clause), a subject-end word ("đã", "gắn với"), the next reference's type word, or after 60 words.
  std::optional<std::pair<std::string, size_t>> subject_at(size_t k) {
    static constexpr size_t kMaxWords = 60;
    const Gap before = w_.gap(k);
    if (before.newline || before.marks.find_first_not_of("),") != std::string::npos || w_.at(k).folded != "ve" ||
        !w_.exists(k + 1))
      return std::nullopt;
    const Gap open = w_.gap(k + 1);
    const bool quoted = open.marks == "\"" || open.marks == "“" || open.marks == ":“" || open.marks == ":\"";
    if (open.newline || !(quoted || open.marks.empty() || open.marks == ":")) return std::nullopt;
    size_t last = k + 1;
    for (size_t j = k + 2; j < k + 1 + kMaxWords && w_.exists(j); ++j) {
      const Gap g = w_.gap(j);
      if (g.newline) break;
      if (quoted) {
        if (g.marks.find('"') != std::string::npos || g.marks.find("”") != std::string::npos) break;
      } else if (!(g.marks.empty() || g.marks == "," || g.marks == "-") || (g.marks == "," && capitalized(j)) ||
                 subject_ends_at(j) || phrase_at(j, Entry::DocType).first) {
        break;
      }
      last = j;
    }
    while (last > k + 1 && (w_.at(last).folded == "va" || w_.at(last).folded == "hoac")) --last;  // "về X và Chỉ thị 05"
    std::string_view subject = w_.text().substr(w_.at(k + 1).begin, w_.at(last).end - w_.at(k + 1).begin);
    return std::make_pair(std::string(subject), last + 1);
  }

  // "khóa XII", ", khóa XII", "(khóa XII)", "khoá 12" at token k: the term in Roman numerals ("" if
  // none) and the token after it.
  std::pair<std::string, size_t> term_at(size_t k) {
    const Gap g = w_.gap(k);
    if (g.newline || g.marks.find_first_not_of(",(") != std::string::npos || w_.at(k).folded != "khoa" ||
        !plain(w_.gap(k + 1)))
      return {"", k};
    const std::string& t = w_.at(k + 1).folded;
    if (w_.at(k + 1).digits && t.size() <= 2) {
      static constexpr const char* kRoman[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                               "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
      const int n = std::stoi(t);
      return n >= 1 && n <= 20 ? std::make_pair(std::string(kRoman[n]), k + 2) : std::make_pair(std::string(), k);
    }
    if (t.empty() || t.find_first_not_of("ivx") != std::string::npos) return {"", k};
    std::string roman = t;
    for (char& c : roman) c = static_cast<char>(c - 32);
    return {roman, k + 2};
  }

  // A number at token i, in digits ("4") or words ("tư", "mười một"): (value, next token).
  std::optional<std::pair<int, size_t>> number_at(size_t i) {
    const ReferenceToken& t = w_.at(i);
    if (t.digits) {
      if (t.folded.size() > 2 || (w_.exists(i + 1) && !w_.gap(i + 1).spaced && !w_.gap(i + 1).marks.empty() &&
                                  w_.at(i + 1).digits))
        return std::nullopt;  // 4/5, 4.5
      return std::make_pair(std::stoi(t.folded), i + 1);
    }
    if (plain(w_.gap(i + 1)))
      if (auto two = lex_.number_words.find(t.folded + " " + w_.at(i + 1).folded); two != lex_.number_words.end())
        return std::make_pair(two->second, i + 2);
    if (auto one = lex_.number_words.find(t.folded); one != lex_.number_words.end()) return std::make_pair(one->second, i + 1);
    return std::nullopt;
  }

  // A plenum named at token i: "Trung ương 4", "TƯ 5", "T.Ư 4", "TW4", "Hội nghị Trung ương 6",
  // "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng", "Hội nghị 5 Ban Chấp hành Trung ương":
  // (its number, next token).
  std::optional<std::pair<int, size_t>> plenum_number(size_t i) {
    size_t k = i;
    const bool meeting = w_.at(k).folded == "hoi" && w_.at(k + 1).folded == "nghi" && plain(w_.gap(k + 1));
    if (meeting) k += 2;
    if (!plain(w_.gap(k))) return std::nullopt;
    const auto ordinal = [&](size_t at) -> std::optional<std::pair<int, size_t>> {
      if (!plain(w_.gap(at))) return std::nullopt;
      if (w_.at(at).folded == "lan" && w_.at(at + 1).folded == "thu" && plain(w_.gap(at + 1))) at += 2;
      return plain(w_.gap(at)) ? number_at(at) : std::nullopt;
    };
    // The Central Committee first: "Trung ương 4", "TƯ 5", "TW4".
    size_t central = 0;
    if (w_.at(k).folded == "trung" && w_.at(k + 1).folded == "uong" && plain(w_.gap(k + 1))) central = 2;
    else if (auto c = code_at(k); c && !c->glued && c->code == kPlenumIssuer) central = c->next - k;
    if (central) return ordinal(k + central);
    const std::string_view raw = w_.raw(k);
    if (raw.size() >= 3 && raw.size() <= 5 && (raw.rfind("TW", 0) == 0 || raw.rfind("TƯ", 0) == 0)) {  // TW4
      const std::string_view digits = raw.substr(raw[1] == 'W' ? 2 : 3);
      if (!digits.empty() && digits.size() <= 2 && digits.find_first_not_of("0123456789") == std::string_view::npos)
        return std::make_pair(std::stoi(std::string(digits)), k + 1);
    }
    // Then the number: "Hội nghị lần thứ tư Ban Chấp hành Trung ương".
    if (!meeting) return std::nullopt;
    auto n = ordinal(k);
    if (!n || !plain(w_.gap(n->second))) return std::nullopt;
    auto [body, words] = body_at(n->second);
    if (!body || std::string_view(body->party_code) != kPlenumIssuer || names_other_body(n->second + words)) return std::nullopt;
    return std::make_pair(n->first, n->second + words);
  }

  // Which of a plenum's resolutions a subject names: the one whose subject shares the most word
  // pairs with it (at least 2, and more than any other), else none.
  static const data::plenums::Row* named_by(const std::vector<const data::plenums::Row*>& rows, const std::string& subject) {
    const auto pairs = [](std::string_view text) {
      std::unordered_set<std::string> out;
      const std::vector<std::string> w = words_of(text, true);
      for (size_t k = 1; k < w.size(); ++k) out.insert(w[k - 1] + " " + w[k]);
      return out;
    };
    const auto said = pairs(subject);
    const data::plenums::Row* best = nullptr;
    size_t best_shared = 0, second = 0;
    for (const auto* row : rows) {
      size_t shared = 0;
      for (const std::string& p : pairs(row->subject)) shared += said.count(p);
      if (shared > best_shared) second = best_shared, best_shared = shared, best = row;
      else if (shared > second) second = shared;
    }
    return best_shared >= 2 && best_shared > second ? best : nullptr;
  }

  // "Nghị quyết Trung ương 4 khóa XII", "NQ TƯ 5 khóa XII", "Nghị quyết Hội nghị Trung ương 4 và Trung
  // ương 5 (khóa XII)" at token i: one row per resolution of each plenum (data/plenums.tsv), or of
  // the one its subject names; the term, if not written, is the one the text gave the same plenum
  // before. Without a term, or for a plenum not in the table: one row without an id. Returns the
  // token after the reference (and its subject), or nothing if there is none at i.
  // doc_type: the type phrase at i (phrase_at(i, Entry::DocType)), looked up once per token by the caller.
  std::optional<size_t> plenum_reference(size_t i, std::pair<const ReferenceRow*, size_t> doc_type) {
    size_t k = i;
    const auto is_nq = [](std::string_view raw) {  // "NQ", "nq": code_key(raw) == kPlenumType, without building it
      return raw.size() == 2 && (raw[0] | 0x20) == 'n' && (raw[1] | 0x20) == 'q';
    };
    if (auto [type, n] = doc_type; type && std::string_view(type->party_code) == kPlenumType) k += n;
    else if (is_nq(w_.raw(i))) k += 1;  // "NQ TƯ 5"
    else return std::nullopt;
    std::vector<std::pair<int, size_t>> plenums;  // number, end byte
    for (auto p = plenum_number(k); p;) {
      plenums.push_back({p->first, w_.at(p->second - 1).end});
      k = p->second;
      // "... Trung ương 4 và Trung ương 5", "..., Nghị quyết Hội nghị Trung ương 6"
      const Gap g = w_.gap(k);
      size_t j = k;
      if (w_.at(j).folded == "va" && (g.marks.empty() || g.marks == ",") && !g.newline) ++j;
      else if (!only(g, ",")) break;
      if (auto [type, n] = phrase_at(j, Entry::DocType); type && std::string_view(type->party_code) == kPlenumType) j += n;
      p = plenum_number(j);
    }
    if (plenums.empty()) return std::nullopt;
    auto [term, after_term] = term_at(k);
    const size_t end = term.empty() ? plenums.back().second : w_.at(after_term - 1).end;
    k = after_term;
    std::optional<std::pair<std::string, size_t>> subject = plenums.size() == 1 ? subject_at(k) : std::nullopt;
    if (subject) k = subject->second;
    const ReferenceRow* type = lex_.party_types.at(kPlenumType);
    for (const auto& [number, unused] : plenums) {
      std::string known = term.empty() ? plenum_terms_[number] : term;
      if (!term.empty()) plenum_terms_[number] = term;
      std::vector<const data::plenums::Row*> rows;
      if (auto it = lex_.plenums.find(known + "|" + std::to_string(number)); it != lex_.plenums.end()) rows = it->second;
      if (subject && rows.size() > 1)
        if (const auto* one = named_by(rows, subject->first)) rows = {one};
      Mention m;
      m.begin = w_.at(i).begin;
      m.end = end;
      m.type = type;
      m.r.kind = type->name;
      m.r.issuer = kPlenumIssuer;
      // The subject is one document's: not given to each of several resolutions it could not tell apart.
      if (subject && rows.size() <= 1) m.r.subject = subject->first;
      if (rows.empty()) push(m);  // a plenum this table cannot identify
      for (const auto* row : rows) {
        m.r.number = row->number;
        m.r.symbol = std::string(kPlenumType) + "/" + kPlenumIssuer;
        m.r.id = m.r.number + "-" + *m.r.symbol;
        m.r.date = row->date;
        m.r.resolved = true;
        push(m);
      }
    }
    return k;
  }

  Window w_;
  const Lexicon& lex_;
  utf8::CharCounter chars_;
  MentionStore& out_;
  std::unordered_map<int, std::string> plenum_terms_;  // the term the text last gave each plenum
  struct {
    size_t begin = SIZE_MAX, end = SIZE_MAX, start = 0, length = 0;  // bytes; characters
  } pushed_;  // the surface pushed last
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
void resolve(MentionStore& mentions) {
  // Mentions with an id, in text order, by kind|number and by kind|number|issuer
  // (the first of joint issuers), so each look-up is a binary search.
  std::unordered_map<std::string, std::vector<size_t>> known;
  auto key = [](const Mention& m) { return m.r.kind + "|" + strip_zeros(m.r.number); };
  auto issuer_key = [&](const Mention& m, const std::string& issuer) {
    return key(m) + "|" + issuer.substr(0, issuer.find('-'));
  };
  auto wanted_key = [&](const Mention& m) { return m.context_code.empty() ? key(m) : issuer_key(m, m.context_code); };
  // Only what a short reference looks for is indexed: a text with none needs no index.
  std::unordered_set<std::string> wanted;
  for (size_t k = 0; k < mentions.size(); ++k)
    if (mentions.is_short(k)) wanted.insert(wanted_key(mentions.get(k)));
  if (wanted.empty()) return;
  auto add = [&](size_t k, const Mention& m) {
    for (const std::string& kk : {key(m), issuer_key(m, m.r.issuer.value_or(""))}) {
      if (!wanted.count(kk)) continue;
      auto& list = known[kk];
      list.insert(std::upper_bound(list.begin(), list.end(), k), k);
    }
  };
  for (size_t k = 0; k < mentions.size(); ++k)
    if (!mentions.is_short(k)) add(k, mentions.get(k));
  auto nearest = [&](size_t k, const Mention& m) -> std::optional<size_t> {
    auto it = known.find(wanted_key(m));
    if (it == known.end() || it->second.empty()) return std::nullopt;
    auto after = std::upper_bound(it->second.begin(), it->second.end(), k);
    return after == it->second.begin() ? *after : *(after - 1);
  };
  std::vector<size_t> built;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < mentions.size(); ++k) {
      if (!mentions.is_short(k) || mentions.has_context(k) == (pass == 1)) continue;
      Mention m = mentions.get(k);
      if (auto best_at = nearest(k, m)) {
        const Mention best = mentions.get(*best_at);
        m.r.id = best.r.id;
        m.r.symbol = best.r.symbol;
        m.r.issuer = best.r.issuer;
        m.r.year = best.r.year;
        m.r.resolved = true;
        mentions.replace(k, m);
      } else if (m.context_party && *m.type->party_code) {
        mentions.mark(k, MentionStore::kBuiltFromContext);
        built.push_back(k);
      } else if (!m.context_code.empty()) {
        mentions.mark(k, MentionStore::kIssuerFromContext);  // known issuer, unknown year or style: no guess
      }
    }
    for (size_t k : built) add(k, mentions.get(k));
    built.clear();
  }
  // A type word with a bare number and nothing to identify it is not a reference.
  mentions.keep_if([&](size_t k) { return !mentions.is_short(k) || mentions.has_id(k) || mentions.has_context(k); });
}

// "Nghị định 67/NĐ-CP" after "Nghị định số 67/2014/NĐ-CP" is one decree: a State id written without
// its year takes the id with a year that the text gives the same number, type and issuer (resolved
// = 1); when the text gives two (67/2014/NĐ-CP and 67/2016/NĐ-CP), it cannot tell and keeps its own.
void one_id_per_document(MentionStore& mentions) {
  // A State id: NUMBER/SYMBOL. Its key without the year: "67|NĐ-CP".
  const auto state_key = [](const Resolution& r) -> std::optional<std::string> {
    if (!r.id || !r.symbol || r.id->size() <= r.number.size() || (*r.id)[r.number.size()] != '/') return std::nullopt;
    if (!r.year) return strip_zeros(r.number) + "|" + *r.symbol;
    if (r.symbol->size() <= r.year->size() + 1) return std::nullopt;  // 103/2023/QH15: no type code after the year
    return strip_zeros(r.number) + "|" + r.symbol->substr(r.year->size() + 1);
  };
  // First the ids written without their year (few, usually none): memory stays bounded by them.
  struct Candidate {
    std::string id;  // the one id with a year found so far
    bool several = false;
  };
  std::unordered_map<std::string, Candidate> wanted;
  std::vector<std::pair<size_t, std::string>> without_year;
  for (size_t k = 0; k < mentions.size(); ++k) {
    const Resolution r = mentions.get(k).r;
    if (r.year) continue;
    if (auto key = state_key(r)) {
      wanted.emplace(*key, Candidate{});
      without_year.emplace_back(k, *key);
    }
  }
  if (without_year.empty()) return;
  for (size_t k = 0; k < mentions.size(); ++k) {
    const Resolution r = mentions.get(k).r;
    if (!r.year) continue;
    const auto key = state_key(r);
    auto it = key ? wanted.find(*key) : wanted.end();
    if (it == wanted.end()) continue;
    if (it->second.id.empty()) it->second.id = *r.id;
    else if (it->second.id != *r.id) it->second.several = true;
  }
  for (const auto& [k, key] : without_year) {
    const Candidate& c = wanted.at(key);
    if (c.id.empty() || c.several) continue;
    Mention m = mentions.get(k);
    m.r.id = c.id;
    m.r.symbol = c.id.substr(c.id.find('/') + 1);
    m.r.year = m.r.symbol->substr(0, 4);
    m.r.resolved = true;
    mentions.replace(k, m);
  }
}

MentionStore find_resolutions(std::string_view text) {
  MentionStore mentions;
  ReferenceParser(text, mentions).run();
  resolve(mentions);
  one_id_per_document(mentions);
  return mentions;
}

}  // namespace

std::vector<Resolution> resolutions(std::string_view text) {
  const MentionStore mentions = find_resolutions(text);
  std::vector<Resolution> out;
  out.reserve(mentions.size());
  for (size_t k = 0; k < mentions.size(); ++k) out.push_back(mentions.get(k).r);
  return out;
}

std::optional<std::string> resolution_id(std::string_view text, long long n) {
  if (n < 1) return std::nullopt;
  const MentionStore mentions = find_resolutions(text);
  if (static_cast<unsigned long long>(n) > mentions.size()) return std::nullopt;
  return mentions.get(static_cast<size_t>(n - 1)).r.id;
}

// ---------------------------------------------------------------------------
// SQL wrappers.

namespace {

Cell cell(const std::optional<std::string>& s) { return s ? Cell(*s) : Cell(nullptr); }

// Rows made one at a time from the packed mentions.
class ResolutionRows : public RowSource {
 public:
  explicit ResolutionRows(MentionStore mentions) : mentions_(std::move(mentions)) {}
  bool next(Row& row) override {
    if (next_ >= mentions_.size()) return false;
    const Resolution r = mentions_.get(next_++).r;
    row = Row{cell(r.id), Cell(r.kind), r.number.empty() ? Cell(nullptr) : Cell(r.number), cell(r.symbol),
              cell(r.issuer), cell(r.year), cell(r.date), Cell(r.surface), Cell(static_cast<int64_t>(r.start)),
              Cell(static_cast<int64_t>(r.length)), Cell(static_cast<int64_t>(r.resolved)), cell(r.subject),
              cell(r.issuer_name)};
    return true;
  }

 private:
  MentionStore mentions_;
  size_t next_ = 0;
};

std::unique_ptr<RowSource> open_resolutions(sqlite3_value** args, int) {
  auto text = sql::text_arg(args[0]);
  return std::make_unique<ResolutionRows>(text ? find_resolutions(*text) : MentionStore());
}

}  // namespace

const TableFunction kResolutionsFunction = {
    "resolutions", "id, kind, number, symbol, issuer, year, date, surface, start, length, resolved, subject, issuer_name",
    {"text"}, 1,
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
