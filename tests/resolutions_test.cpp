#include "resolutions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sql_fixture.h"

namespace vnsql {
namespace {

// ---------------------------------------------------------------------------
// Identifiers found in a text, in order ("NULL" for a row without an id).

struct IdCase {
  const char* name;
  const char* text;
  std::vector<const char*> ids;
};

std::vector<std::string> ids_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& r : resolutions(text)) out.push_back(r.id ? *r.id : "NULL");
  return out;
}

const IdCase kIdCases[] = {
    // Party style.
    {"PartyFull", "thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Trung ương", {"26-NQ/TW"}},
    {"PartyNoTypeWord", "theo 64-KL/TW của Trung ương", {"64-KL/TW"}},
    {"PartyTypeWordNoSo", "theo Kết luận 64-KL/TW", {"64-KL/TW"}},
    {"PartyTwoIssuers", "Quyết định số 1150-QĐ/QĐNS/TW ngày 1/4/2019", {"1150-QĐ/QĐNS/TW"}},
    {"PartyBoardIssuer", "Hướng dẫn số 26-HD/BTCTW", {"26-HD/BTCTW"}},
    {"PartyDistrict", "Kế hoạch 12-KH/HU của Huyện ủy", {"12-KH/HU"}},
    {"PartyProvince", "Nghị quyết 06-NQ/TU", {"06-NQ/TU"}},
    {"PartyProgramme", "Chương trình số 01-CTr/TU", {"01-CTr/TU"}},
    {"PartyOldQuyDinh", "Quy định 102-QĐi/TW", {"102-QĐi/TW"}},
    {"PartyTuWithHorn", "Quyết định số 218-QĐ/TƯ", {"218-QĐ/TW"}},
    {"PartyDottedTu", "Chỉ thị 05-CT/T.Ư", {"05-CT/TW"}},
    {"PartyLowerCase", "nghị quyết 31-nq/tw", {"31-NQ/TW"}},
    {"PartyLeadingZero", "Chỉ thị 05-CT/TW", {"05-CT/TW"}},
    // State style.
    {"StateDecree", "Nghị định 62/2020/NĐ-CP", {"62/2020/NĐ-CP"}},
    {"StateCircular", "Thông tư số 12/2022/TT-BNV", {"12/2022/TT-BNV"}},
    {"StateLaw", "Luật số 103/2023/QH15", {"103/2023/QH15"}},
    {"StateLawNoWord", "theo 54/2017/QH14", {"54/2017/QH14"}},
    {"StateAdministrative", "Quyết định số 1629/QĐ-TTg", {"1629/QĐ-TTg"}},
    {"StateGovernmentResolution", "Nghị quyết 01/NQ-CP", {"01/NQ-CP"}},
    {"StateProvince", "Quyết định 1234/QĐ-UBND", {"1234/QĐ-UBND"}},
    {"StateInParentheses", "đã được phê duyệt (số 1629/QĐ-TTg)", {"1629/QĐ-TTg"}},
    {"StateJointIssuers", "Thông tư liên tịch 01/2017/TTLT-VKSNDTC-TANDTC-BCA-BTP", {"01/2017/TTLT-VKSNDTC-TANDTC-BCA-BTP"}},
    {"StateLetter", "công văn số 1195/BXD-HĐXD", {"1195/BXD-HĐXD"}},
    {"StateStandingCommittee", "Nghị quyết 916/NQ-UBTVQH13", {"916/NQ-UBTVQH13"}},
    {"StateLegalDecision", "Quyết định 58/2010/QĐ-TTg", {"58/2010/QĐ-TTg"}},
    // Noisy spacing and dashes.
    {"NoisySpaces", "Căn cứ Chỉ thị số 35- CT / TW của Bộ Chính trị", {"35-CT/TW"}},
    {"EnDash", "Chỉ thị 40 – CT/TW", {"40-CT/TW"}},
    {"NonBreakingHyphen", "Nghị quyết 18‑NQ/TW", {"18-NQ/TW"}},
    {"EmDash", "Nghị quyết 18—NQ/TW", {"18-NQ/TW"}},
    {"MinusSign", "Nghị quyết 18−NQ/TW", {"18-NQ/TW"}},
    {"SpacedSlash", "Quy định số 205-QĐ / TW", {"205-QĐ/TW"}},
    {"GluedNextWord", "Nghị định số 03/2017/NĐ-CPngày 5/1/2017", {"03/2017/NĐ-CP"}},
    {"GluedOfficialLowerCase", "Quyết định 15/2020/QĐ-TTgngày 1/4/2020", {"15/2020/QĐ-TTg"}},
    {"DoubledSlash", "Nghị định 62/2020//NĐ-CP", {"62/2020/NĐ-CP"}},
    {"StateSpacedDash", "công văn số 301/BGDĐT – GDMN", {"301/BGDĐT-GDMN"}},
    {"LookAlikeEth", "Nghị định 62/2020/NÐ-CP", {"62/2020/NĐ-CP"}},
    {"SpaceAfterSlash", "Nghị định số 155/2016/ NĐ-CP", {"155/2016/NĐ-CP"}},
    {"IssuerInWords", "Chỉ thị số 35-CT / Bộ Chính trị của Ban Chấp hành Trung ương", {"35-CT/TW"}},
    // Lists and issuer context.
    {"ListBareNumbers", "Nghị quyết số 18, 19 của Ban Chấp hành Trung ương Đảng khóa XII", {"18-NQ/TW", "19-NQ/TW"}},
    {"ListRepeatedWords", "Nghị quyết số 18, Nghị quyết số 19, ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII",
     {"18-NQ/TW", "19-NQ/TW"}},
    {"ListMixedKinds", "nghị quyết 18, 19, kết luận 64 của Trung ương", {"18-NQ/TW", "19-NQ/TW", "64-KL/TW"}},
    {"ListWithVa", "Nghị quyết 26 và Nghị quyết 18 của Trung ương Đảng", {"26-NQ/TW", "18-NQ/TW"}},
    {"ContextPolitburo", "Chỉ thị 05 của Bộ Chính trị", {"05-CT/TW"}},
    {"ContextSecretariat", "theo quyết định số 439 của Ban Bí thư", {"439-QĐ/TW"}},
    {"ContextBoard", "Hướng dẫn số 26 do Ban Tổ chức Trung ương ban hành", {"26-HD/BTCTW"}},
    {"ContextProvincialCommittee", "Chỉ thị 08 của Thành ủy Hà Nội", {"08-CT/TU"}},
    {"ContextParenthesisKhoa", "Nghị quyết số 18 của Ban Chấp hành Trung ương (khóa XII)", {"18-NQ/TW"}},
    {"ContextOtherCentralBody", "Quyết định 25 của Trung ương Hội Nông dân Việt Nam", {}},
    {"ContextCentralCommitteeKhoa", "Nghị quyết 18 của Ban Chấp hành Trung ương Khóa XII", {"18-NQ/TW"}},
    {"StateContextNoGuess", "theo Nghị định 67 của Chính phủ", {"NULL"}},
    {"StateContextPrimeMinister", "Quyết định số 45 của Thủ tướng Chính phủ", {"NULL"}},
    {"StateContextMatchesFull", "Nghị định 67/2014/NĐ-CP quy định... Nghị định 67 của Chính phủ", {"67/2014/NĐ-CP", "67/2014/NĐ-CP"}},
    {"StateInspectionConclusion", "theo Kết luận thanh tra số 2734/KL-TTCP của Thanh tra Chính phủ", {"2734/KL-TTCP"}},
    {"StateNumberDashYear", "ban hành Nghị quyết 19-2017/NQ-CP ngày 6/2/2017; Nghị quyết 19 đặt mục tiêu",
     {"19-2017/NQ-CP", "19-2017/NQ-CP"}},
    {"YearRangeIsNotNumberDashYear", "giai đoạn 2016-2020/2025", {}},
    // A decree by number and year (only the Government issues decrees).
    {"DecreeNumberAndYear", "theo Nghị định 123/2015 (quy định chi tiết Luật Hộ tịch)", {"123/2015/NĐ-CP"}},
    {"DecreeNumberAndYearThenShort", "Nghị định số 16/2015 của Chính phủ ... Nghị định 16 quy định",
     {"16/2015/NĐ-CP", "16/2015/NĐ-CP"}},
    {"DecreeNumberAndYearInList", "Nghị định 01/2017 sửa đổi Nghị định 43/2014 và Nghị định 44/2014/NĐ-CP",
     {"01/2017/NĐ-CP", "43/2014/NĐ-CP", "44/2014/NĐ-CP"}},
    {"DecreeOldNumbering", "Nghị định số 60/1994 về quyền sở hữu nhà ở", {}},
    {"DecreeUnknownCodeAfterYear", "Nghị định 12/2015/XYZ-AB", {}},
    {"CircularNumberAndYearNoIssuer", "theo Thông tư 02/2017 hướng dẫn", {}},
    {"DecreeNumberYearIsNotADate", "Nghị định 5/2018 và ngày 5/2018", {"5/2018/NĐ-CP"}},
    // Short references before and after the full one.
    {"ShortAfterFull", "Nghị quyết số 26-NQ/TW về cán bộ (gọi tắt là Nghị quyết 26)", {"26-NQ/TW", "26-NQ/TW"}},
    {"ShortBeforeFull", "Nghị quyết 26 rất quan trọng. Nghị quyết số 26-NQ/TW ngày 19/5/2018", {"26-NQ/TW", "26-NQ/TW"}},
    {"ShortState", "Nghị định 116/2010/NĐ-CP... theo Nghị định 116, cán bộ", {"116/2010/NĐ-CP", "116/2010/NĐ-CP"}},
    {"ShortLeadingZero", "Chỉ thị 05-CT/TW; Chỉ thị 5 đã đi vào cuộc sống", {"05-CT/TW", "05-CT/TW"}},
    {"ShortNearestBefore", "Nghị quyết 26/NQ-CP, Nghị quyết 26-NQ/TW, rồi Nghị quyết 26", {"26/NQ-CP", "26-NQ/TW", "26-NQ/TW"}},
    {"ShortFromContextElsewhere", "Chỉ thị 11 của Ban Bí thư ... mà Chỉ thị 11 đề cập", {"11-CT/TW", "11-CT/TW"}},
    {"ShortKindMustMatch", "Chỉ thị 26-CT/TW và Nghị quyết 26 về", {"26-CT/TW"}},
    {"QuyDinhKindFromWord", "Quy định 205 ... Quy định số 205-QĐ/TW", {"205-QĐ/TW", "205-QĐ/TW"}},
    // Accentless text and case.
    {"Accentless", "Nghi quyet so 31-NQ/TW", {"31-NQ/TW"}},
    {"AccentlessShortList", "nghi quyet so 18, 19 cua Ban Chap hanh Trung uong", {"18-NQ/TW", "19-NQ/TW"}},
    {"UpperCase", "NGHỊ QUYẾT SỐ 26 CỦA BỘ CHÍNH TRỊ", {"26-NQ/TW"}},
    {"NewToneStyle", "Nghị quyết 18 của Uỷ ban Kiểm tra Trung ương", {"18-NQ/UBKTTW"}},
    // Not identifiers.
    {"Dates", "ngày 19/5/2018, 25-10-2017, 19.12.2016 và tháng 10/2017", {}},
    {"Phone", "gọi 0912-345-678 hoặc 024/3825 1234", {}},
    {"Money", "1.150 tỷ đồng, 2,5 triệu, 15-20%", {}},
    {"InspectionTeam", "Đoàn kiểm tra số 1150 của Bộ Chính trị", {}},
    {"TermsAndCongress", "khóa XII, Đại hội lần thứ XIII, Nghị quyết XIX", {}},
    {"Plenum", "Nghị quyết Trung ương 4 khóa XII", {}},
    {"BareSo", "số 3 cán bộ", {}},
    {"TypeWordWordsThenNumber", "Quyết định thành lập số 25", {}},
    {"BareShortNoContext", "Quyết định số 25 về việc", {}},
    {"DiplomaSerial", "bằng tốt nghiệp số 2473746/BTPT", {}},
    {"YearRange", "nhiệm kỳ 2020-2025, 19/19 chỉ tiêu", {}},
    {"UnknownPartyType", "mã 12-XYZ/TW", {}},
    {"ShortIsDate", "Nghị quyết 19/5/2018", {}},
    {"NewlineBreaks", "Nghị quyết 26-\nNQ/TW", {}},
};

class ResolutionIds : public ::testing::TestWithParam<IdCase> {};

TEST_P(ResolutionIds, Match) {
  const IdCase& c = GetParam();
  std::vector<std::string> want(c.ids.begin(), c.ids.end());
  EXPECT_EQ(ids_of(c.text), want) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Resolutions, ResolutionIds, ::testing::ValuesIn(kIdCases),
                         [](const auto& info) { return std::string(info.param.name); });

// ---------------------------------------------------------------------------
// Columns.

TEST(Resolutions, PartyColumns) {
  auto rows = resolutions("Thực hiện Quy định số 205-QĐ / TW ngày 23/9/2019 của Bộ Chính trị");
  ASSERT_EQ(rows.size(), 1u);
  const auto& r = rows[0];
  EXPECT_EQ(r.id, "205-QĐ/TW");
  EXPECT_EQ(r.kind, "Quy định");
  EXPECT_EQ(r.number, "205");
  EXPECT_EQ(r.symbol, "QĐ/TW");
  EXPECT_EQ(r.issuer, "TW");
  EXPECT_EQ(r.year, std::nullopt);
  EXPECT_EQ(r.date, "2019-09-23");
  EXPECT_EQ(r.surface, "Quy định số 205-QĐ / TW");
  EXPECT_EQ(r.start, 11u);
  EXPECT_EQ(r.length, 23u);
  EXPECT_FALSE(r.resolved);
}

TEST(Resolutions, StateColumns) {
  auto rows = resolutions("Nghị định 62/2020/NĐ-CP ngày 25 tháng 10 năm 2017");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].kind, "Nghị định");
  EXPECT_EQ(rows[0].symbol, "2020/NĐ-CP");
  EXPECT_EQ(rows[0].issuer, "CP");
  EXPECT_EQ(rows[0].year, "2020");
  EXPECT_EQ(rows[0].date, "2017-10-25");
}

TEST(Resolutions, QdKindFromCodeWithoutWord) {
  auto rows = resolutions("theo 1629/QĐ-TTg");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].kind, "Quyết định");
  EXPECT_EQ(rows[0].surface, "1629/QĐ-TTg");
}

TEST(Resolutions, ShortReferenceColumns) {
  auto rows = resolutions("Nghị quyết số 18, 19 của Ban Chấp hành Trung ương");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].surface, "Nghị quyết số 18");
  EXPECT_EQ(rows[1].surface, "19");
  EXPECT_EQ(rows[1].number, "19");
  EXPECT_EQ(rows[1].kind, "Nghị quyết");
  EXPECT_EQ(rows[1].symbol, "NQ/TW");
  EXPECT_TRUE(rows[0].resolved);
  EXPECT_TRUE(rows[1].resolved);
}

TEST(Resolutions, StateContextKeepsIssuerWithoutId) {
  auto rows = resolutions("Nghị định 67 của Chính phủ");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].id, std::nullopt);
  EXPECT_EQ(rows[0].issuer, "CP");
  EXPECT_EQ(rows[0].symbol, std::nullopt);
  EXPECT_FALSE(rows[0].resolved);
}

TEST(Resolutions, DecreeNumberAndYearColumns) {
  auto rows = resolutions("Nghị định 07/2017 ngày 25/1/2017 của Chính phủ");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].id, "07/2017/NĐ-CP");
  EXPECT_EQ(rows[0].kind, "Nghị định");
  EXPECT_EQ(rows[0].number, "07");
  EXPECT_EQ(rows[0].symbol, "2017/NĐ-CP");
  EXPECT_EQ(rows[0].issuer, "CP");
  EXPECT_EQ(rows[0].year, "2017");
  EXPECT_EQ(rows[0].date, "2017-01-25");
  EXPECT_EQ(rows[0].surface, "Nghị định 07/2017");
  EXPECT_TRUE(rows[0].resolved);  // the code was inferred
}

TEST(Resolutions, DateAppliesToTheListBeforeIt) {
  auto rows = resolutions("Nghị quyết số 18, Nghị quyết số 19, ngày 25/10/2017 của Ban Chấp hành Trung ương");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].date, "2017-10-25");
  EXPECT_EQ(rows[1].date, "2017-10-25");
}

TEST(Resolutions, GluedNgayStillGivesDate) {
  auto rows = resolutions("Nghị định số 03/2017/NĐ-CPngày 5/1/2017");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].surface, "Nghị định số 03/2017/NĐ-CP");
  EXPECT_EQ(rows[0].date, "2017-01-05");
}

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

TEST(Resolutions, EmptyAndWhitespace) {
  EXPECT_TRUE(resolutions("").empty());
  EXPECT_TRUE(resolutions("   \n\t ").empty());
  EXPECT_TRUE(resolutions("26").empty());
  EXPECT_TRUE(resolutions("26-").empty());
  EXPECT_TRUE(resolutions("26-NQ/").empty());
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

TEST(Resolutions, ResolutionIdFunction) {
  std::string text = "Nghị quyết 26 về cán bộ; Nghị định 67 của Chính phủ; Nghị quyết số 26-NQ/TW.";
  EXPECT_EQ(resolution_id(text, 1), "26-NQ/TW");
  EXPECT_EQ(resolution_id(text, 2), std::nullopt);  // the State reference has no id
  EXPECT_EQ(resolution_id(text, 3), "26-NQ/TW");
  EXPECT_EQ(resolution_id(text, 4), std::nullopt);
  EXPECT_EQ(resolution_id(text, 0), std::nullopt);
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
