#include "dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sql_fixture.h"

namespace vnsql {
namespace {

std::vector<std::string> isos(std::string_view text, bool yearless = false) {
  std::vector<std::string> out;
  DateScanner scanner(text, yearless);
  DateMatch d;
  while (scanner.next(d)) out.push_back(d.year ? d.iso() : "yearless " + std::to_string(d.day) + "/" + std::to_string(d.month));
  return out;
}

using V = std::vector<std::string>;

TEST(Dates, NumericForms) {
  EXPECT_EQ(isos("ngày 19/5/2018"), V{"2018-05-19"});
  EXPECT_EQ(isos("19-5-2018"), V{"2018-05-19"});
  EXPECT_EQ(isos("19.5.2018"), V{"2018-05-19"});
  EXPECT_EQ(isos("19.12.2016."), V{"2016-12-19"});
  EXPECT_EQ(isos("Thứ sáu, 22/03/2019 10:30"), V{"2019-03-22"});
  EXPECT_EQ(isos("(1/4/2019)"), V{"2019-04-01"});
}

TEST(Dates, WrittenOut) {
  EXPECT_EQ(isos("ngày 25 tháng 10 năm 2017"), V{"2017-10-25"});
  EXPECT_EQ(isos("Ngày 07 tháng 12 năm 2019"), V{"2019-12-07"});
  EXPECT_EQ(isos("ngay 25 thang 10 nam 2017"), V{"2017-10-25"});
  EXPECT_EQ(isos("NGÀY 25 THÁNG 10 NĂM 2017"), V{"2017-10-25"});
  EXPECT_EQ(isos("25 tháng 10 năm 2017"), V{"2017-10-25"});
  EXPECT_EQ(isos("tháng 10/2017"), V{"2017-10"});
  EXPECT_EQ(isos("tháng 10 năm 2017"), V{"2017-10"});
  EXPECT_EQ(isos("Tháng 3-2019"), V{"2019-03"});
}

TEST(Dates, NotDates) {
  EXPECT_EQ(isos("31/2/2019 và 29/2/2019, 31/4/2020, 0/1/2020, 1/13/2020"), V{});
  EXPECT_EQ(isos("29/2/2020"), V{"2020-02-29"});
  EXPECT_EQ(isos("Sáng 7/12, chiều 23/5"), V{});
  EXPECT_EQ(isos("tăng 15-20%, đạt 19/19 chỉ tiêu, 4.687/4.687 hộ, nhiệm kỳ 2020-2025"), V{});
  EXPECT_EQ(isos("Điện thoại: 0912.345.678, 024.3825.1234, 091 234 5678"), V{});
  EXPECT_EQ(isos("1,5/6/2019 và 3.5/6/2019"), V{});
  EXPECT_EQ(isos("19/5/2018/12 và 19/5-2018"), V{});
  EXPECT_EQ(isos("ngày 25 tháng 13 năm 2017; tháng 0/2017"), V{});
  EXPECT_EQ(isos("62/2020/NĐ-CP, 01/2019/NQ-CP"), V{});
  EXPECT_EQ(isos("ngày 1/1/1500"), V{});
}

TEST(Dates, YearlessOnlyWhenAsked) {
  EXPECT_EQ(isos("Sáng 7/12, ngày 23 tháng 5, 1/4/2019", true),
            (V{"yearless 7/12", "yearless 23/5", "2019-04-01"}));
  EXPECT_EQ(isos("ngày 25 tháng 10 năm 2017", true), V{"2017-10-25"});
  EXPECT_EQ(isos("3/14 Bí thư", true), V{});
}

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

TEST(Dates, FirstDate) {
  EXPECT_EQ(first_date("Sáng 7/12, tháng 10/2017 và 19/5/2018"), "2017-10");
  EXPECT_EQ(first_date("không có"), "");
  EXPECT_EQ(first_date(""), "");
}

TEST(Dates, InvalidBytesAndLargeInput) {
  EXPECT_EQ(isos(std::string("\xff\xfe" "19/5/2018\x80", 12)), V{"2018-05-19"});
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

namespace vnsql {
namespace {

// Found by fuzz/dates_fuzz: "ngày D tháng M/Y" was read as a yearless date
// overlapping the month "tháng M/Y".
TEST(Dates, DayMonthSlashYear) {
  EXPECT_EQ(isos("ngày 1 tháng 1/2020; 3 tháng 2/2021"), (V{"2020-01-01", "2021-02-03"}));
  EXPECT_EQ(isos("ngày 1 tháng 1/2020", /*yearless=*/true), V{"2020-01-01"});
  EXPECT_EQ(isos("ngày 31 tháng 2/2020"), V{});
}

}  // namespace
}  // namespace vnsql
