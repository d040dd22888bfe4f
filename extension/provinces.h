// Provinces and centrally-run cities: vn_province(place), the unit as it was
// before 1 July 2025 (63), and vn_province_2025(place), the unit it belongs to
// since then (34, Nghị quyết 202/2025/QH15). The units, their spellings and
// the merger are data (data/provinces.tsv, data/provinces_2025.tsv).
//
// A spelling is read as words (WordScanner): case, tone placement, spaces,
// dots, hyphens and dashes never matter ("TP.HCM" = "Tp HCM", "Bà Rịa-Vũng
// Tàu" = "Bà Rịa - Vũng Tàu"), and words are compared joined ("Kontum" =
// "Kon Tum"). Text without diacritics matches through the folded form
// ("Ha Noi", "Hanoi"); text with them only as written, so "Hà Nam" is never
// "Hà Năm". A leading "tỉnh", "thành phố", "TP" or "T." is read as such.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize.h"

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

struct ProvinceUnit {
  const char* name;       // canonical, before 1 July 2025 ("Thừa Thiên Huế")
  const char* unit_2025;  // since 1 July 2025 ("Huế")
  bool city;              // a centrally-run city
  bool person_name;       // also a person's name (Hồ Chí Minh): alone, not always a place
};

// The unit a whole text names (a spelling, with or without "tỉnh"/"thành
// phố"), or nullptr. Bounded: a text of more than a few words is no province.
const ProvinceUnit* find_province(std::string_view place);

// The longest run of words starting at words[at] (at most `limit` of them)
// that spells a province without its "tỉnh"/"thành phố" (the caller reads
// those), or nullptr; `length` gets its number of words. `accented_text`: the
// text has diacritics, so words are compared as written.
const ProvinceUnit* match_province(const std::vector<Word>& words, size_t at, size_t limit, bool accented_text,
                                   size_t& length);

// The unit whose spelling, words joined without spaces, is `key` (their lower
// forms if `accented_text`, else their folded forms), or nullptr; and the most
// words a spelling has. For callers that keep their words elsewhere.
const ProvinceUnit* province_by_key(const std::string& key, bool accented_text);
size_t province_max_words();
// Whether a spelling starts with a word whose folded form is `folded`.
bool starts_province(const std::string& folded);

// The provinces that have a district-level unit named `name` (data/districts.tsv:
// huyện, quận, thị xã, thành phố thuộc tỉnh) of class `district_class`
// ("district", "urban-district", "town", "city"; empty: any), as before 1 July 2025: one
// for "Krông Bông", several for "Châu Thành", none for a name of no such unit.
std::vector<const ProvinceUnit*> district_provinces(std::string_view name, std::string_view district_class);

// vn_province(): the canonical name, or nullopt.
std::optional<std::string> province(std::string_view place);
// vn_province_2025(): the unit since 1 July 2025 of a province named as
// before (any spelling) or as since then ("Huế"), or nullopt.
std::optional<std::string> province_2025(std::string_view place);

// SQL wrappers (registered in vnsql.cpp).
void sql_vn_province(sqlite3_context* ctx, int argc, sqlite3_value** argv);
void sql_vn_province_2025(sqlite3_context* ctx, int argc, sqlite3_value** argv);

}  // namespace vnsql
