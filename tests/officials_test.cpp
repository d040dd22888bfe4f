#include "officials.h"

#include <gtest/gtest.h>

#include <string>

#include "sql_fixture.h"

namespace vnsql {
namespace {

// Renders the mentions as "Name [honorific]: title | title; Name: ..." for compact expectations.
std::string render(const std::string& text) {
  std::string out;
  for (const OfficialMention& m : find_officials(text)) {
    if (!out.empty()) out += "; ";
    out += m.name;
    if (!m.honorific.empty()) out += " [" + m.honorific + "]";
    out += ":";
    for (size_t i = 0; i < m.titles.size(); ++i) out += (i ? " | " : " ") + m.titles[i];
  }
  return out;
}

struct Case {
  const char* label;
  const char* text;
  const char* expected;
};

class OfficialsCase : public ::testing::TestWithParam<Case> {};

TEST_P(OfficialsCase, Extracts) {
  EXPECT_EQ(render(GetParam().text), GetParam().expected) << GetParam().text;
}

const Case kCases[] = {
    // Honorific + name + titles in apposition.
    {"apposition_ends_at_verb",
     "Ngày 7/12, đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung "
     "ương, Trưởng Đoàn kiểm tra thực hiện Quyết định số 1150 đã làm việc tại tỉnh Sơn La.",
     "Trương Thị Mai [đồng chí]: Ủy viên Bộ Chính trị | Bí thư Trung ương Đảng | Trưởng Ban Dân vận Trung ương | "
     "Trưởng Đoàn kiểm tra"},
    {"ends_at_phat_bieu", "Ông Nguyễn Văn Bình, Trưởng Ban Kinh tế Trung ương phát biểu tại hội nghị.",
     "Nguyễn Văn Bình [ông]: Trưởng Ban Kinh tế Trung ương"},
    {"ends_at_cho_biet", "Bà Nguyễn Thị Kim Ngân, Chủ tịch Quốc hội cho biết sẽ xem xét.",
     "Nguyễn Thị Kim Ngân [bà]: Chủ tịch Quốc hội"},
    {"ends_at_nhan_manh", "Đồng chí Phạm Minh Chính, Trưởng Ban Tổ chức Trung ương nhấn mạnh yêu cầu.",
     "Phạm Minh Chính [đồng chí]: Trưởng Ban Tổ chức Trung ương"},
    {"ends_at_trong_buoi",
     "Đó là nhấn mạnh của đồng chí Phạm Minh Chính, Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương trong buổi "
     "làm việc.",
     "Phạm Minh Chính [đồng chí]: Ủy viên Bộ Chính trị | Trưởng Ban Tổ chức Trung ương"},
    {"ends_at_sentence", "Dự có đồng chí Lâm Thị Phương Thanh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy.",
     "Lâm Thị Phương Thanh [đồng chí]: Ủy viên Trung ương Đảng | Bí thư Tỉnh ủy"},
    {"ends_at_other_verb", "ông Võ Văn Thưởng, Trưởng Ban Tuyên giáo Trung ương, Trưởng Đoàn kiểm tra lưu ý, với",
     "Võ Văn Thưởng [ông]: Trưởng Ban Tuyên giáo Trung ương | Trưởng Đoàn kiểm tra"},
    {"dc_abbreviation", "Đ/c Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh dự.",
     "Nguyễn Văn Hùng [đ/c]: Phó Chủ tịch UBND tỉnh"},
    {"anh_chi", "Chị Hà Thị Lan, Bí thư Đoàn xã phát biểu.", "Hà Thị Lan [chị]: Bí thư Đoàn xã"},
    // Title words kept as written.
    {"nguyen_former", "đồng chí Trần Quốc Tỏ, Thứ trưởng Bộ Công an, nguyên Bí thư Tỉnh ủy Thái Nguyên; các đồng chí",
     "Trần Quốc Tỏ [đồng chí]: Thứ trưởng Bộ Công an | nguyên Bí thư Tỉnh ủy Thái Nguyên"},
    {"pho_thuong_truc", "đồng chí Bùi Xuân Hòa, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh đã báo cáo",
     "Bùi Xuân Hòa [đồng chí]: Phó Bí thư Thường trực Tỉnh ủy | Chủ tịch HĐND tỉnh"},
    {"du_khuyet", "đồng chí Nguyễn Hữu Đông, Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Bí thư tỉnh ủy.",
     "Nguyễn Hữu Đông [đồng chí]: Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng | Bí thư tỉnh ủy"},
    {"abbreviations_mttq", "ông Đỗ Văn Chiến, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam phát biểu.",
     "Đỗ Văn Chiến [ông]: Chủ tịch Ủy ban Trung ương MTTQ Việt Nam"},
    {"abbreviation_tu", "đồng chí Trần Văn Nam, Ủy viên TƯ Đảng, Bí thư Tỉnh ủy Bình Dương.",
     "Trần Văn Nam [đồng chí]: Ủy viên TƯ Đảng | Bí thư Tỉnh ủy Bình Dương"},
    {"uy_new_style_normalized", "đồng chí Lê Văn Thành, Uỷ viên Ban Thường vụ Thành uỷ, Chủ tịch UBND thành phố.",
     "Lê Văn Thành [đồng chí]: Ủy viên Ban Thường vụ Thành ủy | Chủ tịch UBND thành phố"},
    {"whitespace_collapsed", "đồng chí Mai Văn Chính, Ủy viên  Trung ương   Đảng,  Phó Trưởng Ban Tổ chức Trung ương;",
     "Mai Văn Chính [đồng chí]: Ủy viên Trung ương Đảng | Phó Trưởng Ban Tổ chức Trung ương"},
    {"title_across_line_break",
     "Đồng chí Phan Đình Trạc, Bí thư Trung ương Đảng,\nTrưởng Ban Nội chính Trung ương, Trưởng Đoàn Kiểm tra phát biểu\n"
     "kết luận",
     "Phan Đình Trạc [đồng chí]: Bí thư Trung ương Đảng | Trưởng Ban Nội chính Trung ương | Trưởng Đoàn Kiểm tra"},
    {"title_split_by_line_break", "Ông Hoàng Văn Trà, Phó Chủ tịch UBND\ntỉnh Lào Cai cho biết.",
     "Hoàng Văn Trà [ông]: Phó Chủ tịch UBND tỉnh Lào Cai"},
    // Lists and "và".
    {"list_with_semicolons",
     "có các đồng chí: Nguyễn Hữu Đông, Bí thư tỉnh ủy; Nguyễn Đắc Quỳnh, Phó Bí thư Thường trực tỉnh ủy, Trưởng Đoàn "
     "đại biểu Quốc hội tỉnh; Hoàng Quốc Khánh, Chủ tịch UBND tỉnh.",
     "Nguyễn Hữu Đông: Bí thư tỉnh ủy; Nguyễn Đắc Quỳnh: Phó Bí thư Thường trực tỉnh ủy | Trưởng Đoàn đại biểu Quốc hội "
     "tỉnh; Hoàng Quốc Khánh: Chủ tịch UBND tỉnh"},
    {"list_unknown_surname", "có các đồng chí: Ksor Phước, Phó Chủ tịch HĐND tỉnh; Rah Lan Chung, Chủ tịch UBND huyện.",
     "Ksor Phước: Phó Chủ tịch HĐND tỉnh; Rah Lan Chung: Chủ tịch UBND huyện"},
    {"two_people_va",
     "đồng chí Nguyễn Văn A, Bí thư Huyện ủy và đồng chí Trần Văn B, Chủ tịch UBND huyện đã dự.",
     "Nguyễn Văn A [đồng chí]: Bí thư Huyện ủy; Trần Văn B [đồng chí]: Chủ tịch UBND huyện"},
    {"two_people_va_no_honorific", "ông Lê Văn Hiến và Phạm Thị Hoa, Phó Giám đốc Sở Y tế cho biết.",
     "Phạm Thị Hoa: Phó Giám đốc Sở Y tế"},
    // Title before the name.
    {"title_place_name", "Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký khẳng định sẽ phấn đấu.",
     "Nguyễn Xuân Ký: Bí thư Tỉnh ủy Quảng Ninh"},
    {"prime_minister", "Thủ tướng Chính phủ Phạm Minh Chính chủ trì cuộc họp.",
     "Phạm Minh Chính: Thủ tướng Chính phủ"},
    {"head_of_commission", "Trưởng Ban Tổ chức Trung ương Phạm Minh Chính làm việc tại Quảng Ninh.",
     "Phạm Minh Chính: Trưởng Ban Tổ chức Trung ương"},
    {"rank_general", "Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng thăm đơn vị.",
     "Phan Văn Giang: Đại tướng | Bộ trưởng Bộ Quốc phòng"},
    {"two_syllable_name", "Bộ trưởng Bộ Công an Tô Lâm dự lễ.", "Tô Lâm: Bộ trưởng Bộ Công an"},
    {"four_syllable_name_after_place", "Bí thư Tỉnh ủy Lạng Sơn Lâm Thị Phương Thanh phát biểu.",
     "Lâm Thị Phương Thanh: Bí thư Tỉnh ủy Lạng Sơn"},
    {"place_that_looks_like_name", "Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn cho biết.",
     "Nguyễn Văn Sơn: Chủ tịch UBND tỉnh Hà Giang"},
    {"honorific_then_title_then_name", "ông Bí thư Huyện ủy Giàng A Chu đã đến thăm.",
     "Giàng A Chu [ông]: Bí thư Huyện ủy"},
    {"former_title_before_name", "nguyên Chủ tịch nước Trương Tấn Sang dự lễ.",
     "Trương Tấn Sang: nguyên Chủ tịch nước"},
    {"title_then_name_then_apposition", "Phó Thủ tướng Vương Đình Huệ, Trưởng Ban chỉ đạo nhà nước đã ký.",
     "Vương Đình Huệ: Phó Thủ tướng | Trưởng Ban"},
    {"org_with_and", "Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng cho biết.",
     "Nguyễn Chí Dũng: Bộ trưởng Bộ Kế hoạch và Đầu tư"},
    {"city_abbreviation", "Chủ tịch UBND TP.HCM Nguyễn Thành Phong chỉ đạo.", "Nguyễn Thành Phong: Chủ tịch UBND TP.HCM"},
    {"unit_after_bare_head", "Bác sĩ Trần Đức Dũng, Trưởng khoa Ngoại, Bệnh viện tỉnh cho biết.",
     "Trần Đức Dũng: Trưởng khoa Ngoại"},
    {"capitalized_verb_inside_name_of_body", "ông Nguyễn Thế Kỷ - Tổng Giám đốc Đài Tiếng Nói Việt Nam phát biểu.",
     "Nguyễn Thế Kỷ [ông]: Tổng Giám đốc Đài Tiếng Nói Việt Nam"},
    // Dash and parenthesis appositions.
    {"dash_apposition", "Bà Lò Thị Mai - Trưởng Ban Tuyên giáo Huyện ủy - nhấn mạnh vai trò.",
     "Lò Thị Mai [bà]: Trưởng Ban Tuyên giáo Huyện ủy"},
    {"en_dash_apposition", "Ông Điểu Kré – Phó Trưởng Ban Dân tộc HĐND tỉnh cho biết.",
     "Điểu Kré [ông]: Phó Trưởng Ban Dân tộc HĐND tỉnh"},
    {"parenthesis_apposition", "ông Cầm Văn Chiến (Phó Chủ tịch UBND tỉnh) cho biết.",
     "Cầm Văn Chiến [ông]: Phó Chủ tịch UBND tỉnh"},
    {"parenthesis_two_titles", "ông Nguyễn Thanh Quang (Ủy viên Ban Thường vụ Thành ủy, Trưởng Ban Tuyên giáo Thành ủy) dự.",
     "Nguyễn Thanh Quang [ông]: Ủy viên Ban Thường vụ Thành ủy | Trưởng Ban Tuyên giáo Thành ủy"},
    // Ethnic-minority surnames and honorific evidence.
    {"minority_surname_list", "Ông Quàng Văn Hương, Bí thư Huyện ủy; ông Lường Văn Thành, Chủ tịch UBND huyện.",
     "Quàng Văn Hương [ông]: Bí thư Huyện ủy; Lường Văn Thành [ông]: Chủ tịch UBND huyện"},
    {"minority_surname_apposition", "Triệu Tài Vinh, Bí thư Tỉnh ủy Hà Giang đã dự.",
     "Triệu Tài Vinh: Bí thư Tỉnh ủy Hà Giang"},
    {"unknown_surname_needs_evidence", "Y Thanh Hà Niê Kđăm, Chủ nhiệm Ủy ban Dân tộc của Quốc hội.", ""},
    {"unknown_surname_with_honorific", "ông Y Thanh Hà Niê Kđăm, Chủ nhiệm Ủy ban Dân tộc của Quốc hội.",
     "Y Thanh Hà Niê Kđăm [ông]: Chủ nhiệm Ủy ban Dân tộc"},
    {"repeat_mention_kept", "Đồng chí Trương Thị Mai phát biểu kết luận tại cuộc làm việc.",
     "Trương Thị Mai [đồng chí]:"},
    {"repeat_mention_of_titled_person", "Ông Nguyễn Xuân Ký, Bí thư Tỉnh ủy. Ông Nguyễn Xuân Ký sinh năm 1972.",
     "Nguyễn Xuân Ký [ông]: Bí thư Tỉnh ủy; Nguyễn Xuân Ký [ông]:"},
    {"private_person_dropped", "Anh Nguyễn Thành Công, nhân viên bán vé cho biết.", ""},
    // Accentless text.
    {"accentless",
     "dong chi Nguyen Van Nen, Uy vien Bo Chinh tri, Bi thu Thanh uy TP Ho Chi Minh phat bieu",
     "Nguyen Van Nen [dong chi]: Uy vien Bo Chinh tri | Bi thu Thanh uy TP Ho Chi Minh"},
    {"accentless_title_before", "Bi thu Tinh uy Quang Ninh Nguyen Xuan Ky khang dinh.",
     "Nguyen Xuan Ky: Bi thu Tinh uy Quang Ninh"},
    // Not officials.
    {"street", "Trụ sở ở đường Nguyễn Trãi, Chủ tịch UBND phường cho biết.", ""},
    {"school", "Trường THPT Lê Quý Đôn, Hiệu trưởng nhà trường cho biết.", ""},
    {"company", "Công ty Nguyễn Kim, Giám đốc chi nhánh cho biết.", ""},
    {"ideology", "học tập tư tưởng Hồ Chí Minh, Bí thư Chi bộ nhấn mạnh.", ""},
    {"province", "tỉnh Hòa Bình, Chủ tịch UBND tỉnh đã chỉ đạo.", ""},
    {"place_with_title_after", "Tại Hà Nội, Thủ tướng đã chỉ đạo.", ""},
    {"byline", "Thanh Mai - Thanh Hiếu", ""},
    {"byline_caps", "nhanh chóng.\n\n  PHÙNG KHIÊM", ""},
    {"title_without_name", "Phát biểu tại buổi làm việc, đồng chí Bí thư Tỉnh ủy Lạng Sơn cảm ơn.", ""},
    {"title_without_name_verb", "Ông Bí thư Huyện ủy khẳng định: Thời gian tới sẽ tiếp tục.", ""},
    {"place_after_ba", "Tỉnh Bà Rịa - Vũng Tàu, Chủ tịch UBND tỉnh chỉ đạo.", ""},
    {"single_syllable_name", "Ông Cửu cho biết thêm.", ""},
    {"plural_honorific_alone", "Các đồng chí trong Ban Thường vụ tỉnh ủy dự họp.", ""},
    {"number_breaks_title", "Quảng Ninh bầu tân Bí thư Tỉnh ủy 7x Nguyễn Xuân Ký", ""},
    {"lowercase_bi_thu", "bầu bí thư Nguyễn Văn A làm việc", ""},
    // Bad input.
    {"empty", "", ""},
    {"punctuation_only", ",,, ;; -- ()", ""},
    {"invalid_utf8", "đồng chí \xff\xfe Nguyễn \xc3 Văn A, Bí thư \x80 Tỉnh ủy", ""},
    // Titles before a name joined by commas; a title ending with a name starts the next person.
    {"titles_before_name_joined_by_commas",
     "Dự buổi lễ có Ủy viên Bộ Chính trị, Bí thư Thành ủy TPHCM Đinh La Thăng, Chủ tịch UBND TPHCM Nguyễn "
     "Thành Phong cùng đại diện lãnh đạo các bộ.",
     "Đinh La Thăng: Ủy viên Bộ Chính trị | Bí thư Thành ủy TPHCM; Nguyễn Thành Phong: Chủ tịch UBND TPHCM"},
    {"apposition_stops_at_next_person",
     "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Trần Văn Bình và các đồng chí dự họp.",
     "Nguyễn Văn An [đồng chí]: Bí thư Tỉnh ủy; Trần Văn Bình: Chủ tịch UBND tỉnh"},
    {"comma_joined_positions_of_two_people",
     "Đồng tình với ý kiến của Chủ tịch Hội đồng Dân tộc, Chủ tịch Quốc hội Nguyễn Thị Kim Ngân cho rằng như vậy.",
     "Nguyễn Thị Kim Ngân: Chủ tịch Quốc hội"},
    {"surname_uong_after_title", "Phó Chủ tịch Quốc hội Uông Chu Lưu nêu ý kiến.",
     "Uông Chu Lưu: Phó Chủ tịch Quốc hội"},
    // A spaced dash inside a name that a title holds; not before another title, a name, a caption or a clause.
    {"dash_inside_ministry_name",
     "Nhiều cán bộ như Nguyễn Minh Quang, nguyên Bộ trưởng Tài nguyên - Môi trường vụ Formosa; Vũ Huy Hoàng.",
     "Nguyễn Minh Quang: nguyên Bộ trưởng Tài nguyên - Môi trường"},
    {"dash_inside_province_name", "Chủ tịch UBND tỉnh Bà Rịa – Vũng Tàu Nguyễn Văn Trình phát biểu.",
     "Nguyễn Văn Trình: Chủ tịch UBND tỉnh Bà Rịa – Vũng Tàu"},
    {"dash_between_two_titles", "Phó Bí thư Tỉnh ủy - Chủ tịch UBND tỉnh Nguyễn Văn Sơn dự.",
     "Nguyễn Văn Sơn: Chủ tịch UBND tỉnh"},
    {"dash_after_rank_and_name", "Thiếu tá Nguyễn Văn Binh - Cán bộ Công an huyện cho biết.",
     "Nguyễn Văn Binh: Thiếu tá"},
    {"dash_before_caption", "Ông Đinh Văn Quyết, Giám đốc Công ty Điện lực - Ảnh: Hải Đăng",
     "Đinh Văn Quyết [ông]: Giám đốc Công ty Điện lực"},
    {"dash_before_clause", "ông Lê Văn Thành, Bí thư Thành ủy Hải Phòng - Đây là địa phương đi đầu.",
     "Lê Văn Thành [ông]: Bí thư Thành ủy Hải Phòng"},
    {"dash_before_next_name", "Giám đốc Sở Y tế Lê Văn Cường - Nguyễn Thị Hoa phát biểu.",
     "Lê Văn Cường: Giám đốc Sở Y tế"},
    // Bodies whose later words are lower case are matched whole.
    {"lower_case_body_before_name", "Bộ trưởng Bộ Giao thông vận tải Trương Quang Nghĩa kiểm tra.",
     "Trương Quang Nghĩa: Bộ trưởng Bộ Giao thông vận tải"},
    {"lower_case_body_with_place", "Tổng Giám đốc Đài Tiếng nói Việt Nam Nguyễn Thế Kỷ dự.",
     "Nguyễn Thế Kỷ: Tổng Giám đốc Đài Tiếng nói Việt Nam"},
    {"lower_case_body_in_apposition", "ông Hồ Sỹ Tiến, Cục trưởng Cục Cảnh sát hình sự, cho biết.",
     "Hồ Sỹ Tiến [ông]: Cục trưởng Cục Cảnh sát hình sự"},
    {"newly_elected_is_not_part_of_the_title", "Tân Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký phát biểu.",
     "Nguyễn Xuân Ký: Bí thư Tỉnh ủy Quảng Ninh"},
    {"former_is_part_of_the_title", "ông Trần Văn Tám, nguyên Phó Chủ tịch UBND tỉnh, cho biết.",
     "Trần Văn Tám [ông]: nguyên Phó Chủ tịch UBND tỉnh"},
    {"name_then_lower_case_title_word", "Thủ tướng Nguyễn Xuân Phúc và Phu nhân thăm chính thức Hà Lan.",
     "Nguyễn Xuân Phúc: Thủ tướng"},
    {"body_named_like_a_person", "Phó chủ nhiệm Đoàn Luật sư Hà Tĩnh Nguyễn Khắc Tuấn cho biết.",
     "Nguyễn Khắc Tuấn: Phó chủ nhiệm Đoàn Luật sư Hà Tĩnh"},
    {"ward_after_apposition", "bà Đoàn Thị Bích Ngọc, Phó chủ tịch UBND phường Mai Dịch (quận Cầu Giấy) cho biết.",
     "Đoàn Thị Bích Ngọc [bà]: Phó chủ tịch UBND phường Mai Dịch"},
    {"person_after_district_word", "Chủ tịch UBND huyện Lê Văn Bình cho biết.", "Lê Văn Bình: Chủ tịch UBND huyện"},
    {"district_named_like_a_person", "Chủ tịch UBND quận Hoàng Mai kiểm tra công trình.", ""},
    {"city_named_like_a_person", "nguyên Trưởng Đài Truyền thanh TP Uông Bí phát biểu.", ""},
    {"comma_title_without_name_is_dropped",
     "Phó Chủ tịch UBND tỉnh, các sở ngành và Giám đốc Sở Y tế Lê Văn Cường cùng dự.",
     "Lê Văn Cường: Giám đốc Sở Y tế"},
};

INSTANTIATE_TEST_SUITE_P(Officials, OfficialsCase, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.label); });

TEST(Officials, OffsetsPointAtTheNameAsWritten) {
  std::string text = "Hôm nay, ông Nguyễn Văn A, Chủ tịch UBND xã dự.";
  auto m = find_officials(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].start, 14u);  // characters, not bytes
  EXPECT_EQ(m[0].length, 12u);
}

TEST(Officials, NameKeepsItsCaseAndGetsCanonicalTone) {
  auto m = find_officials("ông Bùi Xuân Hoà, Chủ tịch HĐND tỉnh dự.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].name, "Bùi Xuân Hòa");
}

TEST(Officials, DecomposedInputGivesTheSameNames) {
  // "Nguyễn" with combining marks (NFD) still groups with the NFC form.
  std::string nfd = "ông Nguy\x65\xcc\x82\xcc\x83n Văn A, Chủ tịch UBND xã.";
  auto m = find_officials(nfd);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].name, "Nguyễn Văn A");
}

TEST(Officials, JsonEscapesAndNulls) {
  std::vector<OfficialMention> ms(1);
  ms[0].name = "A \"B\"\\";
  ms[0].titles = {"x\ny"};
  ms[0].start = 3;
  ms[0].length = 2;
  EXPECT_EQ(officials_json(ms),
            R"([{"name":"A \"B\"\\","titles":["x\ny"],"honorific":null,"start":3,"length":2}])");
  EXPECT_EQ(officials_json({}), "[]");
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
