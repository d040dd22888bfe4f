#include "dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sql_fixture.h"

namespace vnsql {
namespace {

// The language cases are in tests/cases/: dates.tsv, dates_yearless.tsv and first_date.tsv.

TEST(Dates, Offsets) {
  std::string text = "Ngày 7/12/2019 và ngày 25 tháng 10 năm 2017";
  DateScanner scanner(text);
  DateMatch d;
  ASSERT_TRUE(scanner.next(d));
  EXPECT_EQ(text.substr(d.begin, d.end - d.begin), "7/12/2019");
  ASSERT_TRUE(scanner.next(d));
  EXPECT_EQ(text.substr(d.begin, d.end - d.begin), "ngày 25 tháng 10 năm 2017");
  EXPECT_FALSE(scanner.next(d));
}

TEST(Dates, LargeInput) {
  std::string big;
  for (int i = 0; i < 200000; ++i) big += "Sáng 7/12, 4.687/4.687 ngày 19/5/2018 ";
  DateScanner scanner(big);
  DateMatch d;
  size_t n = 0;
  while (scanner.next(d)) ++n;
  EXPECT_EQ(n, 200000u);
}

class DatesSql : public testing::SqlTest {};

TEST_F(DatesSql, TableFunction) {
  testing::Rows rows = query(
      "SELECT date, surface, start, length, substr(?1, start, length) = surface FROM vn_dates(?1)",
      {"Đoàn kiểm tra ngày 1/4/2019 về Nghị quyết ngày 25 tháng 10 năm 2017, tháng 10/2017"});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "2019-04-01");
  EXPECT_EQ(rows[0][1], "1/4/2019");
  EXPECT_EQ(rows[0][2], "20");
  EXPECT_EQ(rows[0][3], "8");
  EXPECT_EQ(rows[1][0], "2017-10-25");
  EXPECT_EQ(rows[1][1], "ngày 25 tháng 10 năm 2017");
  EXPECT_EQ(rows[2][0], "2017-10");
  for (const auto& r : rows) EXPECT_EQ(r[4], "1");
}

TEST_F(DatesSql, ScalarAndBadInput) {
  EXPECT_EQ(scalar("SELECT vn_date('Thứ sáu, 22/03/2019')"), "2019-03-22");
  EXPECT_EQ(scalar("SELECT vn_date('Sáng 7/12')"), std::nullopt);
  EXPECT_EQ(scalar("SELECT vn_date(NULL)"), std::nullopt);
  EXPECT_EQ(scalar("SELECT count(*) FROM vn_dates(NULL)"), "0");
  EXPECT_EQ(scalar("SELECT vn_date(x'ff31392f352f32303138')"), "2018-05-19");
  EXPECT_EQ(scalar("SELECT vn_date(20190101)"), std::nullopt);
  EXPECT_NE(error_of("SELECT * FROM vn_dates()"), "");
  // 100 MB: linear time, one row per date.
  EXPECT_EQ(scalar("SELECT count(*) FROM vn_dates(replace(printf('%.*c', 10000000, 'x'), 'x', ' 1/2/2020,'))"), "10000000");
}

}  // namespace
}  // namespace vnsql
