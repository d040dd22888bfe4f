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
  std::string honorific;            // lower-case normalized; empty if none
  size_t start = 0;                 // 1-based character position of the name
  size_t length = 0;                // characters of the name as written
};

// Every person mention, in text order.
std::vector<OfficialMention> find_officials(std::string_view text);

// The mentions as a JSON array of {"name","titles","honorific","start","length"}.
std::string officials_json(const std::vector<OfficialMention>& mentions);

// SQL wrappers (registered in vnsql.cpp).
void sql_extract_officials(sqlite3_context* ctx, int argc, sqlite3_value** argv);
struct TableFunction;
extern const TableFunction kOfficialsFunction;

}  // namespace vnsql
