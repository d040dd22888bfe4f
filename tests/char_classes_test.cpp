// Every dash, space and line break of chars.h behaves as '-', ' ' and '\n' do
// in officials(), resolutions(), vn_dates(), vn_query() and the tokenizer:
// each sentence written with one of a class gives the result it gives with
// the plain character (the character itself, where a surface quotes the
// text, written back as the plain one).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "chars.h"
#include "normalize.h"
#include "sql_fixture.h"
#include "utf8.h"

namespace vnsql {
namespace {

const char* const kQueries[] = {
    "SELECT name, title, honorific, mention, start, length FROM officials(?1)",
    "SELECT * FROM resolutions(?1)",
    "SELECT * FROM vn_dates(?1)",
    "SELECT vn_query(?1)",
    "SELECT term, colocated FROM vn_tokens(?1)",
};

// Spaced and unspaced dashes in names, titles, identifiers and dates.
const char* const kSentences[] = {
    "Bộ trưởng Bộ Tài nguyên - Môi trường Trần Hồng Hà phát biểu tại hội nghị.",
    "Bộ trưởng Bộ Tài nguyên-Môi trường Trần Hồng Hà phát biểu.",
    "Ông Đào Ngọc Dung, Bộ trưởng Bộ Lao động - Thương binh và Xã hội, cho biết ngày 7-12-2019 sẽ công bố.",
    "Thứ trưởng Bộ Lao động-Thương binh và Xã hội Lê Quân dự họp.",
    "Chỉ thị số 35- CT / TW ngày 26-5-2019 của Bộ Chính trị về đại hội đảng bộ các cấp.",
    "Chỉ thị 35 - CT/TW và Chỉ thị 40-CT/TW ngày 15-1-2020; Kết luận 2734/KL-TTCP.",
    "Nghị quyết 18-NQ/TW và 19-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung ương; Nghị định 123/2015/NĐ-CP.",
    "Theo Thông tư 05/2019/TT-BNV, từ ngày 1-3-2017 các Sở GD-ĐT áp dụng Nghị quyết 19-2017/NQ-CP.",
    "Quyết định 1234/QĐ-UBND ngày 5 tháng 10 năm 2017 và công văn 1195/BXD-HĐXD, tháng 10-2017.",
    "Ông Trần Minh Sang-Trưởng Phòng TN&MT huyện Kiên Lương cho biết.",
    "Thiếu tướng Phan Anh Minh - Phó Giám đốc Công an TP.HCM - cho biết vụ án đã khởi tố.",
    "Bí thư Tỉnh ủy Bà Rịa-Vũng Tàu Nguyễn Hồng Lĩnh dự lễ khai mạc; Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu Nguyễn Văn Trình.",
    "Hà Văn Tiên-nguyên Trưởng phòng TN-MT; Nguyễn Anh Dũng - nguyên Trưởng phòng NN&PTNT.",
    "Bí thư Tỉnh ủy - Chủ tịch HĐND tỉnh Nguyễn Văn A phát biểu - Ảnh: TTXVN",
    "Ngày 19/5/2018, đồng chí Trần Quốc Vượng, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, làm việc tại Hà Nội.",
    "Sáng 7-12, Thủ tướng Nguyễn Xuân Phúc tiếp Đại sứ Nhật Bản; số liệu 4.687-4.687, tỷ lệ 1,5-6-2019.",
};

const std::vector<std::string> kDashes = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015",
                                          "\u2212", "\uFE58", "\uFE63", "\uFF0D"};
const std::vector<std::string> kSpaces = {"\t",     "\r",     "\v",     "\f",     "\u00A0", "\u1680", "\u2000",
                                          "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
                                          "\u2008", "\u2009", "\u200A", "\u202F", "\u205F", "\u3000", "\u200B",
                                          "\uFEFF"};
const std::vector<std::string> kLineBreaks = {"\u2028", "\u2029"};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

std::string code_point(const std::string& s) {
  size_t i = 0;
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(utf8::decode(s, i)));
  return hex;
}

class CharClasses : public testing::SqlTest {
 protected:
  // Every row of `sql` over `text`, one line each.
  std::string result(const char* sql, const std::string& text) {
    std::string out;
    for (const auto& row : query(sql, {text})) {
      for (const auto& v : row) out += (v ? *v : "NULL") + "|";
      out += "\n";
    }
    return out;
  }

  // `text` (written with `plain`) gives the same results with each of `others`.
  void same_results(const std::string& text, const std::string& plain, const std::vector<std::string>& others) {
    for (const char* sql : kQueries) {
      const std::string expected = result(sql, text);
      for (const std::string& other : others) {
        const std::string written = replace_all(text, plain, other);
        EXPECT_EQ(replace_all(result(sql, written), other, plain), expected)
            << sql << "\n  with " << code_point(other) << ": " << written;
      }
    }
  }
};

TEST_F(CharClasses, EveryDashIsADash) {
  for (const char* s : kSentences) same_results(s, "-", kDashes);
}

TEST_F(CharClasses, EverySpaceIsASpace) {
  for (const char* s : kSentences) same_results(s, " ", kSpaces);
}

TEST_F(CharClasses, EveryLineBreakIsALineBreak) {
  for (const char* s : {"Bộ trưởng Bộ Công an\nTô Lâm\nphát biểu.", "Nghị quyết 18-NQ/TW\nngày 25/10/2017",
                        "Ông Nguyễn Văn A,\nPhó Chủ tịch UBND tỉnh\n\nNghị định 30/2020/NĐ-CP"})
    same_results(s, "\n", kLineBreaks);
}

// What the dashes used to change (issue 13): each of them now reads as '-'.
TEST_F(CharClasses, DashesThatUsedToDiffer) {
  for (const std::string& dash : kDashes) {
    SCOPED_TRACE(code_point(dash));
    EXPECT_EQ(query("SELECT name, title FROM officials(?1)",
                    {"Bộ trưởng Bộ Tài nguyên " + dash + " Môi trường Trần Hồng Hà phát biểu"}),
              (testing::Rows{{"Trần Hồng Hà", "Bộ trưởng Bộ Tài nguyên " + dash + " Môi trường"}}));
    EXPECT_EQ(scalar("SELECT vn_query(?1)", {"40" + dash + "CT/TW"}), "\"40 CT TW\"");
    EXPECT_EQ(query("SELECT name, title FROM officials(?1)",
                    {"Ông Trần Minh Sang" + dash + "Trưởng Phòng TN&MT huyện Kiên Lương cho biết."}),
              (testing::Rows{{"Trần Minh Sang", "Trưởng Phòng TN&MT huyện Kiên Lương"}}));
    EXPECT_EQ(scalar("SELECT group_concat(date) FROM vn_dates(?1)", {"Kể từ ngày 1" + dash + "3-2017"}), "2017-03-01");
  }
}

// Every apostrophe (chars.h) is punctuation between words, the modifier
// letters ʼ and ʻ too.
TEST_F(CharClasses, ApostrophesAreAlike) {
  for (const char* s : {"Phó Chủ tịch Quốc hội Y Ngông Niê K'Đăm dự họp tại huyện Đắk R'Lấp.",
                        "Nghị quyết 18-NQ/TW 'về sắp xếp' ngày 25'10'2017"})
    same_results(s, "'", {"\u2019", "\u2018", "\u02BC", "\u02BB", "\uFF07"});
  // "đăm" is a rare syllable (not in data/attested_syllables.tsv): it indexes its folded form too.
  EXPECT_EQ(scalar("SELECT group_concat(term, ' ') FROM vn_tokens('K\u02BCĐăm')"), "k đăm dam");
}

TEST(CharClassMembers, SeparateWordsAndDoNotOverlap) {
  for (char32_t c = 0; c < 0x10000; ++c) {
    const int classes = chars::is_dash(c) + chars::is_space(c) + chars::is_line_break(c) + chars::is_apostrophe(c);
    std::string s;
    utf8::append(s, c);
    EXPECT_LE(classes, 1) << code_point(s);
    EXPECT_TRUE(!classes || !is_word_char(c)) << code_point(s);
    // The look-alikes of Đ are the letters normalize() reads as Đ/đ.
    const bool d = chars::is_capital_d(c) || chars::is_small_d(c);
    EXPECT_TRUE(!d || lower(s) == "đ") << code_point(s);
    EXPECT_TRUE(c >= 0x2000 || d || lower(s) != "đ") << code_point(s);
  }
}

}  // namespace
}  // namespace vnsql
