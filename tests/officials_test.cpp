#include "officials.h"

#include <gtest/gtest.h>

#include <string>

#include "sql_fixture.h"

namespace vnsql {
namespace {

// The language cases (text -> officials found) are in tests/cases/officials.tsv.

TEST(Officials, OffsetsPointAtTheNameAsWritten) {
  std::string text = "Hôm nay, ông Nguyễn Văn A, Chủ tịch UBND xã dự.";
  auto m = find_officials(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].start, 14u);  // characters, not bytes
  EXPECT_EQ(m[0].length, 12u);
}

TEST(Officials, JsonEscapesAndNulls) {
  std::vector<OfficialMention> ms(1);
  ms[0].name = "A \"B\"\\";
  ms[0].titles = {"x\ny"};
  ms[0].start = 3;
  ms[0].length = 2;
  EXPECT_EQ(officials_json(ms),
            R"([{"name":"A \"B\"\\","titles":["x\ny"],"honorific":null,"start":3,"length":2}])");
  ms[0].places = {"Sơn La"};
  EXPECT_EQ(officials_json(ms),
            R"([{"name":"A \"B\"\\","titles":["x\ny"],"places":["Sơn La"],"honorific":null,"start":3,"length":2}])");
  EXPECT_EQ(officials_json({}), "[]");
}

// Issue 15: the place the article gives a title that names a provincial body
// without it, and a title given once in its longer form.
std::string places_of(const std::string& text) {
  std::string out;
  for (const OfficialMention& m : find_officials(text))
    for (size_t t = 0; t < m.titles.size(); ++t)
      out += m.name + ": " + m.titles[t] + " @" + (t < m.places.size() ? m.places[t] : "") + "; ";
  return out;
}

TEST(Officials, PlaceOfATitleFromTheOneProvinceOfTheArticle) {
  EXPECT_EQ(places_of("Đoàn kiểm tra của Bộ Chính trị làm việc tại tỉnh Sơn La. Bí thư Tỉnh ủy Hoàng Văn Chất báo cáo."),
            "Hoàng Văn Chất: Bí thư Tỉnh ủy @Sơn La; ");
  EXPECT_EQ(places_of("Tại tỉnh Sơn La, Chủ tịch UBND tỉnh Cầm Ngọc Minh cho biết."),
            "Cầm Ngọc Minh: Chủ tịch UBND tỉnh @Sơn La; ");
  // A province named after "tỉnh" wins over one named in passing.
  EXPECT_EQ(places_of("Bác gặp cán bộ tỉnh Thanh Hóa ở Nho Quan (Ninh Bình): đồng chí Bùi Đạt – Bí thư Tỉnh ủy báo cáo."),
            "Bùi Đạt: Bí thư Tỉnh ủy @Thanh Hóa; ");
}

TEST(Officials, NoPlaceWhenTheArticleNamesSeveralOrNoneOfItsKind) {
  EXPECT_EQ(places_of("Đoàn của tỉnh Sơn La thăm tỉnh Lai Châu. Bí thư Tỉnh ủy Hoàng Văn Chất phát biểu."),
            "Hoàng Văn Chất: Bí thư Tỉnh ủy @; ");
  EXPECT_EQ(places_of("Bí thư Tỉnh ủy Hoàng Văn Chất phát biểu."), "Hoàng Văn Chất: Bí thư Tỉnh ủy @; ");
  // A Tỉnh ủy takes a province, a Thành ủy a centrally-run city.
  EXPECT_EQ(places_of("Tại TP.HCM, Bí thư Tỉnh ủy Hoàng Văn Chất phát biểu."), "Hoàng Văn Chất: Bí thư Tỉnh ủy @; ");
  EXPECT_EQ(places_of("Tại TP.HCM và tỉnh Sơn La, Bí thư Thành ủy Đinh La Thăng phát biểu."),
            "Đinh La Thăng: Bí thư Thành ủy @Hồ Chí Minh; ");
  // "Hồ Chí Minh" alone is also a person's name.
  EXPECT_EQ(places_of("Học tập tư tưởng Hồ Chí Minh, Bí thư Thành ủy Đinh La Thăng phát biểu."),
            "Đinh La Thăng: Bí thư Thành ủy @; ");
}

TEST(Officials, APrefixTitleIsGivenInItsLongerForm) {
  EXPECT_EQ(places_of("Ông Đinh La Thăng, Bí thư Thành ủy TP.HCM phát biểu. Bí thư Thành ủy Đinh La Thăng cho biết."),
            "Đinh La Thăng: Bí thư Thành ủy TP.HCM @; Đinh La Thăng: Bí thư Thành ủy TP.HCM @; ");
  // Longer titles that are not one chain: the short one stays.
  EXPECT_EQ(places_of("Ông Hoàng Trung Hải, Bí thư Thành ủy Hà Nội phát biểu. Ông Hoàng Trung Hải, Bí thư Trung ương Đảng "
                      "nói. Bí thư Hoàng Trung Hải cho biết."),
            "Hoàng Trung Hải: Bí thư Thành ủy Hà Nội @; Hoàng Trung Hải: Bí thư Trung ương Đảng @; "
            "Hoàng Trung Hải: Bí thư @; ");
  // Another person's longer title changes nothing.
  EXPECT_EQ(places_of("Ông Nguyễn Văn An, Bí thư Tỉnh ủy Sơn La phát biểu. Ông Trần Văn Bình, Bí thư Tỉnh ủy nói."),
            "Nguyễn Văn An: Bí thư Tỉnh ủy Sơn La @; Trần Văn Bình: Bí thư Tỉnh ủy @Sơn La; ");
}

TEST(Officials, LargeInputIsLinear) {
  // 200,000 repetitions of a sentence with one official (about 16 MB).
  std::string unit = "Sáng nay, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh đã làm việc với huyện.\n";
  std::string text;
  for (int i = 0; i < 200000; ++i) text += unit;
  auto m = find_officials(text);
  ASSERT_EQ(m.size(), 200000u);
  EXPECT_EQ(m.back().titles.size(), 2u);
  // No newlines at all: segments are cut at sentence ends.
  std::string flat;
  for (int i = 0; i < 20000; ++i) flat += "Ông Trần Văn B, Giám đốc Sở Y tế cho biết. ";
  EXPECT_EQ(find_officials(flat).size(), 20000u);
}

// ---------------------------------------------------------------------------
// SQL surface.

class OfficialsSql : public testing::SqlTest {};

TEST_F(OfficialsSql, ExtractOfficialsReturnsJson) {
  auto v = scalar("SELECT extract_officials(?)", {std::string("ông Lê Văn Hiến, Bí thư Huyện ủy dự.")});
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, R"([{"name":"Lê Văn Hiến","titles":["Bí thư Huyện ủy"],"honorific":"ông","start":5,"length":11}])");
}

TEST_F(OfficialsSql, NullGivesNullAndNoRows) {
  EXPECT_EQ(scalar("SELECT extract_officials(NULL)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT count(*) FROM officials(NULL)"), "0");
  EXPECT_EQ(scalar("SELECT extract_officials('')"), "[]");
}

TEST_F(OfficialsSql, SubstrOfStartLengthIsTheName) {
  std::string text = "Tại hội nghị, đồng chí Trương Thị Mai, Trưởng Ban Dân vận Trung ương phát biểu.";
  auto rows = query("SELECT substr(?1, start, length), name FROM officials(?2)", {text, text});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "Trương Thị Mai");
  EXPECT_EQ(rows[0][1], "Trương Thị Mai");
  auto j = query("SELECT substr(?1, json_extract(value, '$.start'), json_extract(value, '$.length')) "
                 "FROM json_each(extract_officials(?2))", {text, text});
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0][0], "Trương Thị Mai");
}

TEST_F(OfficialsSql, OneRowPerTitleAndNullTitleWithoutOne) {
  std::string text = "Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh dự. Đồng chí Nguyễn Văn A phát biểu.";
  auto rows = query("SELECT name, title, honorific, mention FROM officials(?)", {text});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][1], "Bí thư Tỉnh ủy");
  EXPECT_EQ(rows[1][1], "Chủ tịch HĐND tỉnh");
  EXPECT_EQ(rows[2][1], std::nullopt);
  EXPECT_EQ(rows[0][2], "đồng chí");
  EXPECT_EQ(rows[0][3], "1");
  EXPECT_EQ(rows[2][3], "2");
}

TEST_F(OfficialsSql, GroupByAcrossDocuments) {
  exec("CREATE TABLE documents(id INTEGER PRIMARY KEY, body TEXT)");
  exec("INSERT INTO documents(body) VALUES "
       "('Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký khẳng định.'),"
       "('ông Nguyễn Xuân Ký, Bí thư Tỉnh uỷ Quảng Ninh cho biết.'),"
       "('Thủ tướng Chính phủ Phạm Minh Chính chủ trì.'),"
       "(NULL)");
  auto rows = query("SELECT name, title, count(*) FROM documents, officials(documents.body) GROUP BY 1, 2 ORDER BY 3 DESC, 1");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "Nguyễn Xuân Ký");
  EXPECT_EQ(rows[0][1], "Bí thư Tỉnh ủy Quảng Ninh");
  EXPECT_EQ(rows[0][2], "2");
  EXPECT_EQ(rows[1][0], "Phạm Minh Chính");
}

TEST_F(OfficialsSql, CountsMentionsPerOfficial) {
  exec("CREATE TABLE d(body TEXT)");
  exec("INSERT INTO d VALUES ('Đồng chí Trương Thị Mai, Trưởng Ban Dân vận Trung ương dự. Đồng chí Trương Thị Mai phát biểu.')");
  EXPECT_EQ(scalar("SELECT count(DISTINCT mention) FROM d, officials(d.body) WHERE name = 'Trương Thị Mai'"), "2");
}

TEST_F(OfficialsSql, NoOfficialsGivesEmptyArray) {
  EXPECT_EQ(scalar("SELECT extract_officials('đường Nguyễn Trãi, Công ty Nguyễn Kim')"), "[]");
  EXPECT_EQ(scalar("SELECT count(*) FROM officials('đường Nguyễn Trãi')"), "0");
}

TEST_F(OfficialsSql, InvalidUtf8BlobDoesNotCrash) {
  auto v = scalar("SELECT json_valid(extract_officials(CAST(x'C3BB20C3FF0A' || CAST('ông Lê Văn A, Chủ tịch xã' AS BLOB) AS BLOB)))");
  EXPECT_EQ(v, "1");
  EXPECT_EQ(scalar("SELECT typeof(extract_officials(42))"), "text");
}

TEST_F(OfficialsSql, ArgumentCountIsChecked) {
  EXPECT_NE(error_of("SELECT extract_officials()"), "");
  EXPECT_NE(error_of("SELECT * FROM officials()"), "");
}

TEST_F(OfficialsSql, IsDeterministicForIndexes) {
  exec("CREATE TABLE t(body TEXT, o TEXT GENERATED ALWAYS AS (extract_officials(body)))");
  exec("INSERT INTO t(body) VALUES ('Đại tướng Phan Văn Giang dự lễ.')");
  EXPECT_EQ(scalar("SELECT json_extract(o, '$[0].name') FROM t"), "Phan Văn Giang");
}

}  // namespace
}  // namespace vnsql
