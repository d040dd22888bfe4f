// The parts of an official's title: vn_title(title), a JSON object.
//
// "Phó chủ tịch UBND TP.HCM" → title "Phó Chủ tịch Ủy ban nhân dân Thành phố
// Hồ Chí Minh", role "Chủ tịch", deputy 1, body "Ủy ban nhân dân thành phố",
// place "Hồ Chí Minh", province "Hồ Chí Minh", level "tỉnh".
//
// A title is read word by word (at most kMaxTitleWords words): abbreviations
// expanded (UBND, HĐND, MTTQ, TƯ/TW/T.Ư, BCH, TP.HCM, GD&ĐT, ...), then each
// run of words the vocabulary knows (data/titles.tsv: roles, bodies, units,
// phrases; data/provinces.tsv; data/countries.tsv) written in its canonical
// spelling. In order: former and dropped words (nguyên, cựu, cố; tân), the
// deputy's "Phó" and modifiers (Quyền), the role, modifiers after it
// (Thường trực), then the body, until a place: a local unit word with the
// name after it ("huyện Gia Lâm"), a province ("Quảng Ninh", "TP.HCM"), a
// country or a foreign city. "khóa ..." (a term), "tại ..." (a posting) and a
// parenthesis ("(Hà Nội)", read for the province only) end the body.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

// A text of more words or bytes than these is no title: vn_title() gives NULL
// (the longest title officials() finds in the baomoi corpus has 19 words, 110 bytes), so a
// title's cost is bounded whatever the input.
constexpr size_t kMaxTitleWords = 64;
constexpr size_t kMaxTitleBytes = 4096;

// The level of an office abroad (TitleParts::level).
constexpr const char* kLevelAbroad = "nước ngoài";

struct TitleParts {
  std::string title;  // canonical spelling, without the former marker
  // Empty means null.
  std::string role, body, place, province, country, level;
  bool deputy = false, former = false;
  // The body is a Party committee or a local body of a province-level unit
  // ("Tỉnh ủy", "Ủy ban nhân dân tỉnh") named without its place: the article
  // may say which province (officials()).
  bool needs_province = false;
  // The body's unit is a city ("Thành ủy", "Ủy ban nhân dân thành phố"), so a
  // place given by context must be a province-level city, not a province.
  bool city_unit = false;
};

// The parts, or false when the text is no title (no word, or more than
// kMaxTitleWords words or kMaxTitleBytes bytes). `context`: the province the article is about (any
// spelling vn_province() reads); used when the title needs one
// (needs_province) and it fits the body (a city for a Thành ủy or a "thành
// phố", a province for a Tỉnh ủy or a "tỉnh"): the parts are then those of
// the title with that province named.
bool parse_title(std::string_view title, TitleParts& parts, std::string_view context = {});

// The parts as vn_title() returns them: {"title", "role", "deputy", "former",
// "body", "place", "province", "country", "level"}.
std::string title_json(const TitleParts& parts);

// SQL wrapper (registered in vnsql.cpp): vn_title(title [, place]).
void sql_vn_title(sqlite3_context* ctx, int argc, sqlite3_value** argv);

}  // namespace vnsql
