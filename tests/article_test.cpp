#include "article.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "normalize.h"
#include "sql_fixture.h"

namespace vnsql {
namespace {

// The language cases are in tests/cases/: article_title.tsv, article_published.tsv,
// article_source.tsv and article_body.tsv.

TEST(ArticlePublished, OnlyTheFirst500Characters) {
  EXPECT_EQ(article_published(std::string(600, 'a') + " ngày 7/12/2019"), "");
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
