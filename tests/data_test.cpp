// The vocabularies of data/ (data/README.md): well-formed columns, each entry
// once, in canonical form, made of the words it shows; and the generated
// headers hold what the tables say.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "data/abbreviations.h"
#include "data/attested_syllables.h"
#include "data/bodies.h"
#include "data/boundary_words.h"
#include "data/countries.h"
#include "data/date_words.h"
#include "data/delegation_words.h"
#include "data/districts.h"
#include "data/document_types.h"
#include "data/honorifics.h"
#include "data/issuers.h"
#include "data/name_contexts.h"
#include "data/number_words.h"
#include "data/page_lines.h"
#include "data/place_words.h"
#include "data/places.h"
#include "data/plenums.h"
#include "data/provinces.h"
#include "data/provinces_2025.h"
#include "data/surnames.h"
#include "data/syllables.h"
#include "data/title_heads.h"
#include "data/titles.h"
#include "normalize.h"
#include "provinces.h"

namespace vnsql {
namespace {

namespace fs = std::filesystem;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;  // line number of each row
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + 1) out.push_back(s.substr(from, at - from));
  out.push_back(s.substr(from));
  return out;
}

Table read_table(const fs::path& path) {
  Table t;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    if (t.header.empty()) {
      t.header = split(line, '\t');
      continue;
    }
    t.rows.push_back(split(line, '\t'));
    t.lines.push_back(n);
  }
  return t;
}

const fs::path kDataDir = fs::path(VNSQL_SOURCE_DIR) / "data";

// The classes each table may use (data/README.md); a class not listed is a typo.
const std::map<std::string, std::set<std::string>> kClasses = {
    {"abbreviations", {"period", "not-agency", "degree"}},
    {"attested_syllables", {"attested"}},
    {"bodies", {"body", "title-word", "org-prefix", "name-word"}},
    {"boundary_words", {"boundary", "caption", "opener", "time-opener", "owner", "subject-end"}},
    {"countries", {"country", "city", "seat"}},
    {"date_words", {"cue", "joiner", "ahead", "behind", "lunar"}},
    {"delegation_words", {"delegation", "kind", "head-title", "deputy", "head-verb", "count", "plan", "sender-cue", "head-cue",
                          "host-cue", "host-word", "end", "stop", "continuation", "mandate-cue", "activity", "general", "event-date", "kind-modifier", "with", "anaphora", "members"}},
    {"districts", {"district", "urban-district", "town", "city"}},
    {"document_types", {"type", "letter", "assembly", "assembly-default"}},
    {"honorifics", {"honorific", "comrade", "plural", "name-word"}},
    {"issuers", {"party", "state", "code", "body", "assembly"}},
    {"name_contexts", {"not-person", "org-prefix", "org-word"}},
    {"number_words", {"number"}},
    {"page_lines", {"furniture", "trailer", "credit-label", "credit", "follow", "date-line"}},
    {"place_words", {"title-word", "local-unit", "not-person", "province-prefix"}},
    {"places", {"district", "archipelago", "region"}},
    {"plenums", {"resolution"}},
    {"provinces", {"province", "city", "person-name"}},
    {"titles", {"former", "dropped-word", "deputy", "role-modifier", "role", "body-name", "local-body", "committee", "phrase", "unit", "abbreviation", "term", "at", "vietnam",
                "committee-head", "local-head", "people-committee", "district", "urban-district", "town", "city", "province-committee", "city-committee", "ministry", "department", "enterprise", "not-ministry", "name-before-country", "central", "province-unit", "city-unit",
                "capitalized", "home-country"}},
    {"provinces_2025", {"current-province", "current-city"}},
    {"surnames", {"surname", "left-out", "particle"}},
    {"syllables", {"onset", "nucleus", "coda"}},
    {"title_heads", {"head", "modifier", "dropped", "body", "opens-list", "opens-list-alone", "compound", "rank", "counterpart", "person-head", "unit-head", "needs-country"}},
};

std::map<std::string, Table> all_tables() {
  std::map<std::string, Table> tables;
  for (const auto& file : fs::directory_iterator(kDataDir))
    if (file.path().extension() == ".tsv") tables[file.path().stem().string()] = read_table(file.path());
  return tables;
}

// Why `text` is not words as written ("" if it is): words separated by one
// space; a part may be words joined by dots, ampersands or hyphens (T.Ư,
// TP.HCM, GD&ĐT, LĐ-TB&XH: abbreviations as written), end with a comma
// ("văn hóa, thể thao") or be a spaced dash ("Lao động - Thương binh").
std::string word_problem(const std::string& text) {
  const std::vector<std::string> parts = split(text, ' ');
  size_t expected = 0;
  for (size_t p = 0; p < parts.size(); ++p) {
    std::string part = parts[p];
    if (part == "-" && p > 0 && p + 1 < parts.size()) continue;
    if (part.size() > 1 && part.back() == ',' && p + 1 < parts.size()) part.pop_back();
    std::string pieces = part;
    for (char& c : pieces)
      if (c == '&' || c == '-') c = '.';
    for (const std::string& piece : split(pieces, '.')) {
      WordScanner scanner(piece);
      Word w;
      if (piece.empty()) return "an empty word: two spaces, or a stray '.' or ','";
      if (!scanner.next(w) || w.begin != 0 || w.end != piece.size() || scanner.next(w))
        return "'" + piece + "' is not one word";
      ++expected;
    }
  }
  WordScanner scanner(text);
  Word w;
  size_t words = 0;
  while (scanner.next(w)) ++words;
  if (words != expected) return std::to_string(words) + " words, " + std::to_string(expected) + " written";
  return "";
}

TEST(Data, EveryTableIsKnownAndWellFormed) {
  const auto tables = all_tables();
  std::set<std::string> names;
  for (const auto& [name, table] : tables) {
    names.insert(name);
    SCOPED_TRACE("data/" + name + ".tsv");
    ASSERT_GE(table.header.size(), 3u);
    EXPECT_EQ(table.header.front(), "entry");
    EXPECT_EQ(table.header[1], "class");
    EXPECT_EQ(table.header.back(), "note");
    EXPECT_FALSE(table.rows.empty());
    const auto known = kClasses.find(name);
    ASSERT_NE(known, kClasses.end()) << "a new table: list its classes in kClasses and data/README.md";
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      SCOPED_TRACE("line " + std::to_string(table.lines[r]));
      ASSERT_EQ(row.size(), table.header.size());
      for (const std::string& field : row) {
        EXPECT_EQ(field.find('\r'), std::string::npos);
        EXPECT_EQ(field, std::string(field.c_str())) << "NUL byte";
        if (!field.empty()) {
          EXPECT_NE(field.front(), ' ') << field;
          EXPECT_NE(field.back(), ' ') << field;
        }
      }
      ASSERT_FALSE(row[1].empty()) << "no class";
      for (const std::string& c : split(row[1], ' ')) EXPECT_TRUE(known->second.count(c)) << "class '" << c << "'";
    }
  }
  std::set<std::string> expected;
  for (const auto& [name, classes] : kClasses) expected.insert(name);
  EXPECT_EQ(names, expected);
}

TEST(Data, EntriesAreCanonicalWordsAsWritten) {
  for (const auto& [name, table] : all_tables()) {
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const std::string& entry = table.rows[r][0];
      SCOPED_TRACE("data/" + name + ".tsv line " + std::to_string(table.lines[r]) + ": " + entry);
      EXPECT_EQ(normalize(entry), entry);
      if (entry.empty()) {
        EXPECT_EQ(name, "syllables") << "only a syllable's onset or coda may be empty";
        continue;
      }
      // The register writes some names of the Central Highlands with an apostrophe ("Ea H'leo", "M'Đrắk").
      if (name == "districts" && entry.find('\'') != std::string::npos) continue;
      EXPECT_EQ(word_problem(entry), "");
    }
  }
}

TEST(Data, NoEntryTwiceInATableNorInAClass) {
  std::map<std::string, std::string> by_class;  // "class\tlower entry" -> where
  for (const auto& [name, table] : all_tables()) {
    std::map<std::string, int> seen;
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      // A district's name may be several provinces' (Châu Thành), or one unit's of several classes (huyện, then thị xã): a line for each.
      const std::string key = name == "districts" ? lower(row[0]) + "\t" + row[1] + "\t" + row[2] : lower(row[0]);
      const std::string here = "data/" + name + ".tsv line " + std::to_string(table.lines[r]);
      auto [at, fresh] = seen.emplace(key, table.lines[r]);
      EXPECT_TRUE(fresh) << here << ": '" << row[0] << "' is already on line " << at->second;
      for (const std::string& c : split(row[1], ' ')) {
        auto [other, first] = by_class.emplace(c + "\t" + key, here);
        EXPECT_TRUE(first) << here << ": '" << row[0] << "' of class " << c << " is also in " << other->second;
      }
    }
  }
}

// Codes as identifiers write them: letters and digits, dots inside (T.Ư).
bool is_code(const std::string& code) { return !code.empty() && code.find(' ') == std::string::npos && word_problem(code).empty(); }

TEST(Data, DocumentTypesAndIssuersHaveTheirCodes) {
  const auto tables = all_tables();
  const Table& issuers = tables.at("issuers");
  std::set<std::string> state_codes;
  for (size_t r = 0; r < issuers.rows.size(); ++r) {
    const auto& row = issuers.rows[r];
    SCOPED_TRACE("data/issuers.tsv line " + std::to_string(issuers.lines[r]));
    const std::vector<std::string> classes = split(row[1], ' ');
    const bool party = std::count(classes.begin(), classes.end(), "party") > 0;
    const bool state = std::count(classes.begin(), classes.end(), "state") > 0;
    EXPECT_NE(party, state) << "an issuer signs Party or State identifiers";
    EXPECT_TRUE(is_code(row[2])) << row[2];
    if (state) state_codes.insert(row[2]);
  }
  const Table& types = tables.at("document_types");
  ASSERT_EQ(types.header, (std::vector<std::string>{"entry", "class", "party code", "state code", "other names",
                                                    "other codes", "sole issuer", "numbered with year since", "note"}));
  for (size_t r = 0; r < types.rows.size(); ++r) {
    const auto& row = types.rows[r];
    SCOPED_TRACE("data/document_types.tsv line " + std::to_string(types.lines[r]) + ": " + row[0]);
    EXPECT_TRUE(!row[2].empty() || !row[3].empty()) << "no code";
    for (int c : {2, 3}) EXPECT_TRUE(row[c].empty() || is_code(row[c])) << row[c];
    for (const std::string& other : split(row[4], '|')) {
      if (row[4].empty()) break;
      EXPECT_EQ(normalize(other), other);
      EXPECT_EQ(word_problem(other), "") << other;
    }
    for (const std::string& code : split(row[5], '|')) EXPECT_TRUE(row[5].empty() || is_code(code)) << code;
    EXPECT_EQ(row[6].empty(), row[7].empty()) << "a sole issuer needs the year its numbers carry the year from";
    if (!row[6].empty()) {
      EXPECT_TRUE(state_codes.count(row[6])) << row[6] << " is no State issuer's code";
      EXPECT_FALSE(row[3].empty()) << "the identifier is built with the State code";
      EXPECT_EQ(row[7].size(), 4u);
      EXPECT_EQ(row[7].find_first_not_of("0123456789"), std::string::npos) << row[7];
    }
  }
}

// A plenum's resolutions: a Party number, an ISO date inside the term's years, a subject in canonical words.
TEST(Data, PlenumResolutionsAreWellFormed) {
  const Table t = read_table(kDataDir / "plenums.tsv");
  ASSERT_EQ(t.header, (std::vector<std::string>{"entry", "class", "term", "plenum", "number", "date", "subject", "note"}));
  const std::map<std::string, std::pair<int, int>> years = {{"X", {2006, 2011}}, {"XI", {2011, 2016}}, {"XII", {2016, 2021}},
                                                             {"XIII", {2021, 2026}}};
  std::set<std::string> ids;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    SCOPED_TRACE("data/plenums.tsv line " + std::to_string(t.lines[r]) + ": " + row[0]);
    ASSERT_TRUE(years.count(row[2])) << "term " << row[2];
    EXPECT_EQ(row[0], "Trung ương " + row[3] + " khóa " + row[2] + " số " + std::to_string(std::stoi(row[4])));
    EXPECT_EQ(row[4].find_first_not_of("0123456789"), std::string::npos);
    EXPECT_TRUE(row[4].size() >= 2) << "numbers below 10 are written with a leading zero";
    EXPECT_TRUE(ids.insert(row[4] + "-NQ/TW " + row[2]).second) << "twice";
    ASSERT_EQ(row[5].size(), 10u);
    const int year = std::stoi(row[5].substr(0, 4));
    EXPECT_TRUE(year >= years.at(row[2]).first && year <= years.at(row[2]).second) << row[5];
    EXPECT_EQ(normalize(row[6]), row[6]);
    EXPECT_EQ(word_problem(row[6]), "") << row[6];
  }
}

TEST(Data, PageLinesMatchLinesTheirLength) {
  const Table t = read_table(kDataDir / "page_lines.tsv");
  ASSERT_EQ(t.header, (std::vector<std::string>{"entry", "class", "max words", "note"}));
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    SCOPED_TRACE("data/page_lines.tsv line " + std::to_string(t.lines[r]) + ": " + row[0]);
    if (row[2].empty()) continue;
    ASSERT_EQ(row[2].find_first_not_of("0123456789"), std::string::npos) << row[2];
    // A phrase longer than its line limit could never match.
    EXPECT_GE(std::stoul(row[2]), split(row[0], ' ').size());
  }
}

// The 63 units before 1 July 2025 (5 centrally-run cities) and the 34 since
// (6 cities, Nghị quyết 202/2025/QH15) agree: each old unit names one new unit,
// each new unit holds at least one old one, and keeps the name of one of them
// except Huế (Thừa Thiên Huế renamed). Every spelling is canonical words and
// names one unit only, as written and without diacritics.
TEST(Data, ProvincesBeforeAndAfterTheMergerAgree) {
  ASSERT_EQ(std::size(data::provinces::kRows), 63u);
  ASSERT_EQ(std::size(data::provinces_2025::kRows), 34u);
  EXPECT_EQ(std::size(data::provinces::kCity), 5u);
  EXPECT_EQ(std::size(data::provinces_2025::kCurrentCity), 6u);
  std::map<std::string, std::vector<std::string>> held;  // new unit -> old units
  for (const auto& row : data::provinces::kRows) held[row.unit_after_merger].push_back(row.entry);
  std::set<std::string> new_units;
  for (const auto& row : data::provinces_2025::kRows) {
    SCOPED_TRACE(row.entry);
    new_units.insert(row.entry);
    ASSERT_TRUE(held.count(row.entry)) << "holds no unit of provinces.tsv";
    const auto& old = held.at(row.entry);
    const bool keeps_a_name = std::find(old.begin(), old.end(), row.entry) != old.end();
    EXPECT_TRUE(keeps_a_name || (row.entry == std::string("Huế") && old == std::vector<std::string>{"Thừa Thiên Huế"}));
  }
  for (const auto& [unit, old] : held) EXPECT_TRUE(new_units.count(unit)) << unit << " is not in provinces_2025.tsv";
  // Merged units: 23 (the other 11 are unchanged).
  size_t merged = 0;
  for (const auto& [unit, old] : held) merged += old.size() > 1;
  EXPECT_EQ(merged, 23u);
  std::map<std::string, std::string> lower_keys, folded_keys;
  const auto key = [](const std::string& spelling, bool folded) {
    std::string k;
    WordScanner scanner(spelling);
    for (Word w; scanner.next(w);) k += folded ? w.folded : w.lower;
    return k;
  };
  for (const auto& row : data::provinces::kRows) {
    std::vector<std::string> spellings{row.entry};
    for (const std::string& s : split(row.spellings, '|'))
      if (!s.empty()) spellings.push_back(s.substr(s.front() == ' ', s.size() - (s.front() == ' ') - (s.back() == ' ')));
    for (const std::string& s : spellings) {
      SCOPED_TRACE(std::string(row.entry) + ": " + s);
      EXPECT_EQ(normalize(s), s);
      for (bool folded : {false, true}) {
        auto& keys = folded ? folded_keys : lower_keys;
        auto [at, fresh] = keys.emplace(key(s, folded), row.entry);
        EXPECT_TRUE(fresh || at->second == row.entry) << "also a spelling of " << at->second;
      }
    }
  }
}

// Every district-level unit belongs to a province of provinces.tsv, and the
// lookup reads its name as provinces are read: accented as written, or
// without diacritics; a name several provinces have gives each of them.
TEST(Data, DistrictsBelongToProvinces) {
  EXPECT_GE(std::size(data::districts::kRows), 700u);  // 705 units in 2020, and those renamed or merged since
  for (const auto& row : data::districts::kRows) {
    SCOPED_TRACE(row.entry);
    EXPECT_TRUE(find_province(row.province) && std::string(find_province(row.province)->name) == row.province);
    EXPECT_FALSE(district_provinces(row.entry, row.classes).empty());
  }
  const auto names = [](const std::vector<const ProvinceUnit*>& units) {
    std::set<std::string> out;
    for (const ProvinceUnit* u : units) out.insert(u->name);
    return out;
  };
  EXPECT_EQ(names(district_provinces("Krông Bông", "district")), std::set<std::string>{"Đắk Lắk"});
  EXPECT_EQ(names(district_provinces("krong bong", "district")), std::set<std::string>{"Đắk Lắk"});
  EXPECT_EQ(names(district_provinces("Quảng Ninh", "district")), std::set<std::string>{"Quảng Bình"});
  EXPECT_EQ(names(district_provinces("Thủ Dầu Một", "city")), std::set<std::string>{"Bình Dương"});
  EXPECT_EQ(names(district_provinces("1", "urban-district")), std::set<std::string>{"Hồ Chí Minh"});
  EXPECT_TRUE(names(district_provinces("Phong Điền", "district")) == (std::set<std::string>{"Cần Thơ", "Thừa Thiên Huế"}));
  EXPECT_GE(district_provinces("Châu Thành", "district").size(), 5u);
  EXPECT_TRUE(district_provinces("Krông Bông", "city").empty());
  EXPECT_TRUE(district_provinces("Hà Nội", "city").empty());
  EXPECT_TRUE(district_provinces("Nguyễn Văn A", "district").empty());
}

// The rows vn_title()'s rules ask titles.tsv for by class: one of each that
// names a single thing, on a row of the kind the rule reads it as.
TEST(Data, TitlesHoldWhatTheRulesAskFor) {
  using data::titles::has_class;
  const auto count = [](const char* name) {
    return std::count_if(std::begin(data::titles::kRows), std::end(data::titles::kRows),
                         [&](const auto& row) { return has_class(row, name); });
  };
  for (const char* single : {"province-committee", "city-committee", "people-committee", "province-unit", "city-unit", "home-country"})
    EXPECT_EQ(count(single), 1) << single;
  for (const char* some : {"committee-head", "ministry", "department", "enterprise", "central", "capitalized"}) EXPECT_GE(count(some), 1) << some;
  for (const auto& row : data::titles::kRows) {
    SCOPED_TRACE(row.entry);
    EXPECT_TRUE(!(has_class(row, "committee-head") || has_class(row, "local-head")) || has_class(row, "role"));
    EXPECT_TRUE(!has_class(row, "people-committee") || has_class(row, "local-body"));
    EXPECT_TRUE(!(has_class(row, "province-committee") || has_class(row, "city-committee")) || has_class(row, "committee"));
    EXPECT_TRUE(!(has_class(row, "province-unit") || has_class(row, "city-unit")) || has_class(row, "unit"));
    EXPECT_TRUE(!has_class(row, "capitalized") || has_class(row, "abbreviation"));
    // Not words of a title: no other class.
    EXPECT_TRUE(!(has_class(row, "ministry") || has_class(row, "department") || has_class(row, "enterprise") ||
                  has_class(row, "not-ministry") || has_class(row, "name-before-country") || has_class(row, "home-country")) ||
                std::string(row.classes).find(' ') == std::string::npos);
    if (has_class(row, "home-country")) {
      const bool country = std::any_of(std::begin(data::countries::kRows), std::end(data::countries::kRows), [&](const auto& c) {
        return c.entry == std::string(row.entry) && data::countries::has_class(c, "country");
      });
      EXPECT_TRUE(country) << "not a country of countries.tsv";
    }
  }
}

// The generated headers (cmake/data_tables.cmake) hold every entry as written.
template <size_t N>
std::vector<std::string> entries_of(const char* const (&entries)[N]) {
  return std::vector<std::string>(std::begin(entries), std::end(entries));
}

TEST(Data, GeneratedHeadersHoldEveryEntry) {
  const std::map<std::string, std::vector<std::string>> generated = {
      {"abbreviations", entries_of(data::abbreviations::kEntries)},
      {"attested_syllables", entries_of(data::attested_syllables::kEntries)},
      {"bodies", entries_of(data::bodies::kEntries)},
      {"boundary_words", entries_of(data::boundary_words::kEntries)},
      {"countries", entries_of(data::countries::kEntries)},
      {"date_words", entries_of(data::date_words::kEntries)},
      {"delegation_words", entries_of(data::delegation_words::kEntries)},
      {"districts", entries_of(data::districts::kEntries)},
      {"document_types", entries_of(data::document_types::kEntries)},
      {"honorifics", entries_of(data::honorifics::kEntries)},
      {"issuers", entries_of(data::issuers::kEntries)},
      {"name_contexts", entries_of(data::name_contexts::kEntries)},
      {"number_words", entries_of(data::number_words::kEntries)},
      {"page_lines", entries_of(data::page_lines::kEntries)},
      {"place_words", entries_of(data::place_words::kEntries)},
      {"places", entries_of(data::places::kEntries)},
      {"plenums", entries_of(data::plenums::kEntries)},
      {"provinces", entries_of(data::provinces::kEntries)},
      {"provinces_2025", entries_of(data::provinces_2025::kEntries)},
      {"surnames", entries_of(data::surnames::kEntries)},
      {"syllables", entries_of(data::syllables::kEntries)},
      {"title_heads", entries_of(data::title_heads::kEntries)},
      {"titles", entries_of(data::titles::kEntries)},
  };
  for (const auto& [name, table] : all_tables()) {
    std::vector<std::string> entries;
    for (const auto& row : table.rows) entries.push_back(row[0]);
    ASSERT_TRUE(generated.count(name)) << name;
    EXPECT_EQ(generated.at(name), entries) << "data/" << name << ".tsv";
  }
  // Class arrays and has_class() agree with the class column.
  EXPECT_EQ(entries_of(data::document_types::kLetter), std::vector<std::string>{"Công văn"});
  EXPECT_TRUE(data::issuers::has_class(data::issuers::kRows[0], "party"));
  EXPECT_FALSE(data::issuers::has_class(data::issuers::kRows[0], "part"));
}

}  // namespace
}  // namespace vnsql
