#include "article.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "normalize.h"
#include "sql_fixture.h"

namespace vnsql {
namespace {

TEST(ArticleTitle, FirstNonEmptyLine) {
  EXPECT_EQ(article_title("\n  \n  Đoàn kiểm tra làm việc tại Sơn La  \n\nNgày 07 tháng 12 năm 2019\n"),
            "Đoàn kiểm tra làm việc tại Sơn La");
  EXPECT_EQ(article_title(""), "");
  EXPECT_EQ(article_title("\n \xC2\xA0\n"), "");
}

TEST(ArticleTitle, SkipsPageFurnitureAndDateLines) {
  EXPECT_EQ(article_title("Truy cập nội dung luôn\n\nThực hiện nghiêm quy định\n"), "Thực hiện nghiêm quy định");
  EXPECT_EQ(article_title("Thứ sáu, 22/03/2019\n\nĐoàn Kiểm tra làm việc\n"), "Đoàn Kiểm tra làm việc");
  // A line that mentions a date among other words is a title.
  EXPECT_EQ(article_title("Kết quả xổ số ngày 6/2/2017\nabc"), "Kết quả xổ số ngày 6/2/2017");
}

TEST(ArticleTitle, PrefersTheAccentedLineOverItsSlug) {
  EXPECT_EQ(article_title("Bao cao chinh tri dai hoi\n\nBáo cáo chính trị Đại hội Đảng bộ\n"),
            "Báo cáo chính trị Đại hội Đảng bộ");
  // An unaccented title that the next line does not repeat stays.
  EXPECT_EQ(article_title("Hanoi Summit\n\nHội nghị thượng đỉnh\n"), "Hanoi Summit");
}

TEST(ArticlePublished, FirstDateOfTheHead) {
  EXPECT_EQ(article_published("Tiêu đề\n\nNgày 07 tháng 12 năm 2019\n\nNgày 7/12, ... ngày 1/4/2019"), "2019-12-07");
  EXPECT_EQ(article_published("Thứ sáu, 22/03/2019\n\nTiêu đề"), "2019-03-22");
  EXPECT_EQ(article_published("Tiêu đề\nNgày 7/12/2019, đồng chí..."), "2019-12-07");
  // The first date has no year: no guess, even if a full date follows.
  EXPECT_EQ(article_published("Tiêu đề\n\nSáng 7/12, theo Quyết định ngày 1/4/2019"), "");
  // A month is not a publication date; the next full date is.
  EXPECT_EQ(article_published("Kế hoạch tháng 10/2017\nNgày 5/10/2017"), "2017-10-05");
  EXPECT_EQ(article_published("Tiêu đề\nkhông có ngày"), "");
}

TEST(ArticlePublished, OnlyTheHead) {
  EXPECT_EQ(article_published("1\n2\n3\n4\n5\nNgày 7/12/2019"), "");
  EXPECT_EQ(article_published("1\n\n\n2\n3\n4\nNgày 7/12/2019"), "2019-12-07");
  EXPECT_EQ(article_published(std::string(600, 'a') + " ngày 7/12/2019"), "");
}

TEST(ArticleSource, CreditsDatelinesAndFollowPrompts) {
  EXPECT_EQ(article_source("Tiêu đề\n\nVOV.VN - Đã xuất hiện những mô hình mới"), "VOV.VN");
  EXPECT_EQ(article_source("Tiêu đề\n\nLSO-Chiều nay (11/9), Đoàn Kiểm tra"), "LSO");
  EXPECT_EQ(article_source("Tiêu đề\n\n(TTXVN) – Sáng nay"), "TTXVN");
  EXPECT_EQ(article_source("Tiêu đề\n\n(Chinhphu.vn) - Sáng nay"), "Chinhphu.vn");
  EXPECT_EQ(article_source("Tiêu đề\n\nNội dung.\n\nNguồn: thainguyen.gov.vn\n\nThanh Mai"), "thainguyen.gov.vn");
  EXPECT_EQ(article_source("Tiêu đề\n\nNội dung.\n\n(Theo VnExpress)"), "VnExpress");
  EXPECT_EQ(article_source("Tiêu đề\n\nNội dung.\n\nTheo dõi VOV.VN\n"), "VOV.VN");
  // A credit line wins over a dateline.
  EXPECT_EQ(article_source("T\n\nVOV.VN - Nội dung.\n\nNguồn: TTXVN"), "TTXVN");
}

TEST(ArticleSource, NotSources) {
  EXPECT_EQ(article_source("Tiêu đề\n\nTheo dự thảo Báo cáo kết quả kiểm tra, Ban Thường vụ đã tập trung"), "");
  EXPECT_EQ(article_source("Tiêu đề\n\nHÀ NỘI - Sáng nay"), "");
  EXPECT_EQ(article_source("Tiêu đề\n\nTP.HCM - Sáng nay"), "");
  EXPECT_EQ(article_source("Tiêu đề\n\nPV: Xin cảm ơn"), "");
  EXPECT_EQ(article_source(""), "");
}

TEST(ArticleBody, CutsTrailers) {
  EXPECT_EQ(article_body("Tiêu đề\n\nĐoạn một.\n\nTìm kiếm theo ngày"), "Tiêu đề\n\nĐoạn một.");
  EXPECT_EQ(article_body("T\n\nĐoạn.\n\nViết bình luận\n\nTin liên quan\n\nA\nA\n"), "T\n\nĐoạn.");
  EXPECT_EQ(article_body("T\n\nĐoạn.\n\nPV: cảm ơn.\n\nTheo dõi VOV.VN\n\nBài viết được chia sẻ bởi x.com\n\nLeave a Reply\n"),
            "T\n\nĐoạn.\n\nPV: cảm ơn.");
  EXPECT_EQ(article_body("T\nĐoạn.\nYour email address will not be published. Required fields are marked *"), "T\nĐoạn.");
}

TEST(ArticleBody, KeepsArticleText) {
  // Phrases inside sentences, or long lines, are text.
  std::string text = "T\n\nĐoàn đã theo dõi tình hình và viết bình luận trên báo, cùng nhiều tin liên quan khác.\n\nKết.";
  EXPECT_EQ(article_body(text), text);
  // A trailer word as the title or first paragraph is not a trailer.
  EXPECT_EQ(article_body("Bình luận\n\nĐoạn."), "Bình luận\n\nĐoạn.");
  EXPECT_EQ(article_body(""), "");
}

TEST(ArticleBody, CutsRepeatedRelatedHeadlines) {
  std::string article = "Tiêu đề\n\n" + std::string(300, 'x') + ".\n\n";
  std::string related = "Tin một\nTin một\n\nVOV.VN - Tóm tắt.\n\nTin hai\nTin hai\n";
  EXPECT_EQ(article_body(article + related), article.substr(0, article.size() - 2));
  // One repeated line (a caption) is not a list.
  std::string caption = article + "Ảnh: Hội nghị\nẢnh: Hội nghị\n\nKết.";
  EXPECT_EQ(article_body(caption), caption);
}

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// The seed articles (when ../shared is here): the fields a reader sees.
std::string seed(const std::string& name) {
  std::ifstream in(std::string(VNSQL_SOURCE_DIR) + "/../shared/seeds/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return normalize(ss.str());
}

TEST(ArticleSeeds, Fields) {
  std::string s0 = seed("000_d126b7c606d477ea.txt");
  if (s0.empty()) GTEST_SKIP() << "../shared/seeds is not here";
  EXPECT_EQ(article_title(s0), "Đoàn kiểm tra số 1150 của Bộ Chính trị làm việc tại tỉnh Sơn La");
  EXPECT_EQ(article_published(s0), "2019-12-07");
  EXPECT_EQ(article_source(s0), "");
  EXPECT_EQ(article_body(s0).find("Tìm kiếm theo ngày"), std::string::npos);
  std::string s1 = seed("001_ce89a14dfc8bd3c1.txt");
  EXPECT_EQ(article_published(s1), "2019-03-22");
  EXPECT_EQ(article_source(s1), "LSO");
  std::string s3 = seed("003_69f8726ca008182f.txt");
  EXPECT_EQ(article_published(s3), "");  // "Sáng 7/12": no year
  EXPECT_EQ(article_source(s3), "VOV.VN");
  std::string b3 = article_body(s3);
  EXPECT_EQ(b3.find("Tin liên quan"), std::string::npos);
  EXPECT_EQ(b3.find("Nguyễn Xuân Ký"), std::string::npos);
  EXPECT_NE(b3.find("ông Võ Văn Thưởng nói"), std::string::npos);
}

class ArticleSql : public testing::SqlTest {};

TEST_F(ArticleSql, Wrappers) {
  const std::string text = "Truy cập nội dung luôn\n\nTiêu đề bài\n\nThứ sáu, 22/03/2019\n\nVOV.VN - Nội dung.\n\nTin liên quan\n\nX";
  EXPECT_EQ(scalar("SELECT vn_article_title(?)", {text}), "Tiêu đề bài");
  EXPECT_EQ(scalar("SELECT vn_article_published(?)", {text}), "2019-03-22");
  EXPECT_EQ(scalar("SELECT vn_article_source(?)", {text}), "VOV.VN");
  EXPECT_EQ(scalar("SELECT vn_article_body(?)", {text}),
            "Truy cập nội dung luôn\n\nTiêu đề bài\n\nThứ sáu, 22/03/2019\n\nVOV.VN - Nội dung.");
  EXPECT_EQ(scalar("SELECT vn_sha256(x'616263')"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(scalar("SELECT vn_sha256('abc')"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(ArticleSql, BadInput) {
  for (const char* f : {"vn_article_title", "vn_article_published", "vn_article_source", "vn_article_body", "vn_sha256"})
    EXPECT_EQ(scalar(std::string("SELECT ") + f + "(NULL)"), std::nullopt) << f;
  EXPECT_EQ(scalar("SELECT vn_article_title('')"), std::nullopt);
  EXPECT_EQ(scalar("SELECT vn_article_body('')"), "");
  EXPECT_EQ(scalar("SELECT vn_article_title(x'ff0a41')"), "\uFFFD");  // an invalid byte reads as U+FFFD
  EXPECT_EQ(scalar("SELECT vn_article_title(42)"), "42");
  EXPECT_NE(error_of("SELECT vn_article_title()"), "");
  // 100 MB in linear time.
  EXPECT_EQ(scalar("SELECT length(vn_article_body(replace(printf('%.*c', 10000000, 'x'), 'x', 'Đoạn văn, ')))"),
            "99999999");
  EXPECT_EQ(scalar("SELECT length(vn_sha256(zeroblob(100000000)))"), "64");
}

}  // namespace
}  // namespace vnsql
