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

// The publication date (ISO) that the article states: the first dateline or
// publication line among its first 5 non-empty lines, a line that is a date
// with nothing beside it but weekday, time and posting words ("Thứ sáu,
// 22/03/2019", "Ngày 07 tháng 12 năm 2019", "Cập nhật: 10:20 | 12/05/2017",
// "13/05/2017 10:28 GMT+7"). "" if there is none or it has no year: never a
// date from the title or the body.
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
