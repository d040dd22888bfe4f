// The fields of a news article saved as text: its title, its publication
// date, its source, and its body without the boilerplate that news pages
// append (comment forms, "Tin liên quan" lists, share prompts).
//
// The text is expected decoded and normalized (vn_normalize), one paragraph
// or page element per line, as saved from a news page.
#pragma once
#include <string>
#include <string_view>

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

// The first non-empty line that is not page furniture ("Truy cập nội dung
// luôn", a line that is only a date, "Thứ sáu, 22/03/2019"); when that line is
// an unaccented copy of the next one (a URL slug), the accented line. "" if none.
std::string article_title(std::string_view text);

// The publication date (ISO) from the head of the article (first 5 non-empty
// lines, at most 500 characters): the first date there if it has a year;
// "" if there is none or the first date has no year ("Sáng 7/12").
std::string article_published(std::string_view text);

// The site or agency the article names as its source: a "Nguồn:"/"Theo"
// credit line, a dateline opening a paragraph ("VOV.VN -", "LSO-",
// "(TTXVN) -"), or a "Theo dõi VOV.VN" follow prompt, in that order of
// preference. "" if none.
std::string article_source(std::string_view text);

// The text with the boilerplate trailer cut: from the first trailer line
// ("Tin liên quan", "Viết bình luận", "Leave a Reply", ...) or the first
// line of a list of repeated related-article headlines, to the end. Trailing
// blank lines are removed too.
std::string article_body(std::string_view text);

// SHA-256 of bytes, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

// SQL wrappers (registered in vnsql.cpp).
void sql_vn_article_title(sqlite3_context* ctx, int argc, sqlite3_value** argv);
void sql_vn_article_published(sqlite3_context* ctx, int argc, sqlite3_value** argv);
void sql_vn_article_source(sqlite3_context* ctx, int argc, sqlite3_value** argv);
void sql_vn_article_body(sqlite3_context* ctx, int argc, sqlite3_value** argv);
void sql_vn_sha256(sqlite3_context* ctx, int argc, sqlite3_value** argv);

}  // namespace vnsql
