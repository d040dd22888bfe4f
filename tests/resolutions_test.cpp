#include "resolutions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sql_fixture.h"

namespace vnsql {
namespace {

// The language cases are in tests/cases/: resolutions.tsv (the ids found in a text),
// resolution_columns.tsv (every column) and resolution_id.tsv.

// substr(text, start, length) = surface, with multi-byte characters before.
TEST(Resolutions, StartAndLengthAreCharacters) {
  std::string text = "Đồng chí nói về Nghị quyết 26 và Chỉ thị số 35- CT / TW; rồi Nghị quyết số 26-NQ/TW.";
  auto rows = resolutions(text);
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& r : rows) {
    // Recompute substr() by characters.
    size_t byte = 0, ch = 1;
    while (ch < r.start) { byte++; while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) byte++; ch++; }
    size_t end = byte;
    for (size_t k = 0; k < r.length; ++k) { end++; while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) end++; }
    EXPECT_EQ(text.substr(byte, end - byte), r.surface);
  }
  EXPECT_EQ(rows[0].start, 17u);
  EXPECT_EQ(rows[0].length, 13u);
}

TEST(Resolutions, InvalidUtf8NeverCrashes) {
  std::string text = "Nghị quyết số 26-NQ/TW \xff\xfe\xc3 Nghị \xe1\xbb quyết 18 \x80 của Bộ Chính trị 12-\xff/TW";
  auto rows = resolutions(text);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].id, "26-NQ/TW");
  for (size_t cut = 0; cut <= text.size(); ++cut) resolutions(text.substr(0, cut));  // every truncation
}

// A large text: every reference of every repetition is found, none invented
// (speed is measured by bench/resolutions_bench.cpp, not here).
TEST(Resolutions, LargeInput) {
  std::string unit = "Theo Nghị quyết số 26-NQ/TW ngày 19/5/2018 và Nghị quyết 18, 19 của Bộ Chính trị, ngày 1/2/2017 "
                     "giá 1.150 tỷ đồng; Nghị định 62/2020/NĐ-CP. Đoàn kiểm tra số 1150 làm việc. Nghị quyết 26.\n";
  const size_t per_unit = resolutions(unit).size();
  ASSERT_GT(per_unit, 0u);
  std::string large;
  size_t units = 0;
  for (; large.size() < (8u << 20); ++units) large += unit;
  auto found = resolutions(large);
  ASSERT_EQ(found.size(), units * per_unit);
  EXPECT_EQ(found.back().id, resolutions(unit).back().id);
}

// ---------------------------------------------------------------------------
// SQL surface.

using ResolutionsSql = testing::SqlTest;

TEST_F(ResolutionsSql, TableFunctionColumns) {
  auto rows = query("SELECT id, kind, number, symbol, issuer, year, date, surface, start, length, resolved "
                    "FROM resolutions(?)",
                    {"Theo Nghị định 62/2020/NĐ-CP ngày 1/6/2020 và Nghị quyết 18 của Bộ Chính trị"});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<testing::Value>{"62/2020/NĐ-CP", "Nghị định", "62", "2020/NĐ-CP", "CP", "2020",
                                                  "2020-06-01", "Nghị định 62/2020/NĐ-CP", "6", "23", "0"}));
  EXPECT_EQ(rows[1], (std::vector<testing::Value>{"18-NQ/TW", "Nghị quyết", "18", "NQ/TW", "TW", std::nullopt,
                                                  std::nullopt, "Nghị quyết 18", "47", "13", "1"}));
}

TEST_F(ResolutionsSql, SubstrOfStartLengthIsSurface) {
  std::string text = "Đoàn kiểm tra số 1150 thực hiện Quyết định số 1150-QĐ/QĐNS/TW ngày 1/4/2019 của Bộ Chính trị, "
                     "Nghị quyết số 18, Nghị quyết số 19 của Ban Chấp hành Trung ương khóa XII";
  auto rows = query("SELECT count(*), sum(substr(?1, start, length) = surface) FROM resolutions(?1)", {text});
  EXPECT_EQ(rows[0][0], "3");
  EXPECT_EQ(rows[0][1], "3");
}

TEST_F(ResolutionsSql, NullGivesNoRowsAndNull) {
  EXPECT_EQ(scalar("SELECT count(*) FROM resolutions(NULL)"), "0");
  EXPECT_EQ(scalar("SELECT resolution_id(NULL)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT resolution_id(NULL, 2)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT resolution_id('Nghị quyết 26-NQ/TW', NULL)"), std::nullopt);
}

TEST_F(ResolutionsSql, ResolutionIdNth) {
  const std::string text = "Nghị quyết 26-NQ/TW và Chỉ thị 35-CT/TW";
  EXPECT_EQ(scalar("SELECT resolution_id(?)", {text}), "26-NQ/TW");
  EXPECT_EQ(scalar("SELECT resolution_id(?, 2)", {text}), "35-CT/TW");
  EXPECT_EQ(scalar("SELECT resolution_id(?, '2')", {text}), "35-CT/TW");
  EXPECT_EQ(scalar("SELECT resolution_id(?, 3)", {text}), std::nullopt);
  EXPECT_EQ(scalar("SELECT resolution_id('không có gì')"), std::nullopt);
}

TEST_F(ResolutionsSql, ResolutionIdRejectsBadN) {
  EXPECT_EQ(error_of("SELECT resolution_id('x', 0)"), "resolution_id: n must be an integer >= 1");
  EXPECT_EQ(error_of("SELECT resolution_id('x', -3)"), "resolution_id: n must be an integer >= 1");
  EXPECT_EQ(error_of("SELECT resolution_id('x', 1.5)"), "resolution_id: n must be an integer");
  EXPECT_EQ(error_of("SELECT resolution_id('x', 'abc')"), "resolution_id: n must be an integer");
}

TEST_F(ResolutionsSql, InvalidUtf8Blob) {
  // "Nghi quyet 26\xFF-NQ/TW 26-NQ/TW": the broken one is a short reference to the good one.
  auto rows = query("SELECT id, resolved FROM resolutions(CAST(X'4E676869207175796574203236FF2D4E512F5457203236' || "
                    "'-NQ/TW' AS BLOB))");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<testing::Value>{"26-NQ/TW", "1"}));
  EXPECT_EQ(rows[1], (std::vector<testing::Value>{"26-NQ/TW", "0"}));
}

TEST_F(ResolutionsSql, AnalystQueryOverArticles) {
  exec("CREATE TABLE articles(id INTEGER PRIMARY KEY, text TEXT)");
  exec("INSERT INTO articles(text) VALUES ('Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017'), "
       "('Nghị quyết 18 của Bộ Chính trị'), ('Nghị định 18/2020/NĐ-CP'), (NULL)");
  auto rows = query("SELECT a.id, r.date FROM articles a, resolutions(a.text) r WHERE r.id = '18-NQ/TW' ORDER BY a.id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<testing::Value>{"1", "2017-10-25"}));
  EXPECT_EQ(rows[1], (std::vector<testing::Value>{"2", std::nullopt}));
}

}  // namespace
}  // namespace vnsql
