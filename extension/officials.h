// People named as officials, with the titles the text gives them:
// extract_officials(text) (a JSON array) and officials(text) (table-valued).
//
// One pass over the words of the text (WordScanner), in paragraph-sized
// segments, so time is linear and memory bounded by the largest segment.
// A person is recognized from evidence around a run of capitalized words:
// an honorific before it (đồng chí, ông, bà, ...), a title before it
// ("Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký", "Tổng thống Mỹ Donald Trump":
// a country or place between them belongs to the title), or a surname from
// the table, or a foreign-looking name, followed by a title in apposition
// (", Ủy viên ...", " - Trưởng Ban ...", " (Phó Chủ tịch ...)"). Titles run
// until punctuation, a boundary verb or a lower-case word that is not title
// vocabulary. A title before one word ("Tổng thống Trump") names the person
// the text names in full elsewhere.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

struct OfficialMention {
  std::string name;                 // normalized, single spaces
  std::vector<std::string> titles;  // normalized, in text order
  // For each title, the province (vn_province() name) the article gives a
  // title that names a province-level body without its place ("Bí thư Tỉnh
  // ủy"); empty for the others.
  std::vector<std::string> places;
  std::string honorific;            // lower-case normalized; empty if none
  size_t start = 0;                 // 1-based character position of the name
  size_t length = 0;                // characters of the name as written
};

// Every person mention, in text order. Within the text, a title that is a
// word prefix of a longer title of the same person (same name), and of no
// other of that person's titles that is not itself a prefix of the longer
// one, is given in its longer form ("Bí thư Thành ủy" beside "Bí thư Thành ủy
// TP.HCM"); a mention gives each of its titles once.
std::vector<OfficialMention> find_officials(std::string_view text);

// The mentions as a JSON array of {"name","titles","places","honorific","start","length"};
// "places" has one entry per title, null where the article gives none, and is
// left out of a mention none of whose titles has one.
std::string officials_json(const std::vector<OfficialMention>& mentions);

// SQL wrappers (registered in vnsql.cpp).
void sql_extract_officials(sqlite3_context* ctx, int argc, sqlite3_value** argv);
struct TableFunction;
extern const TableFunction kOfficialsFunction;

}  // namespace vnsql
