// Texts of any size for the cost tests (cost_test.cpp: time, memory_test.cpp:
// memory): ordinary news text, and hostile shapes that a function doing work
// worse than linear in one word, run or line would take far longer on, or
// that would make it hold far more memory than the text (issue 21).
#pragma once
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace vnsql::testing {

// Whole copies of `unit` until the text has at least `bytes` bytes (so UTF-8 stays valid).
inline std::string repeat(std::string_view unit, size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

// The UTF-8 articles of examples/corpus (not the NFD, unaccented or legacy-encoded ones), concatenated.
inline const std::string& news() {
  static const std::string text = [] {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(VNSQL_SOURCE_DIR) / "examples" / "corpus")) {
      const std::string name = entry.path().filename().string();  // 01_name.txt, not 06_name.nfd.txt
      if (std::isdigit(static_cast<unsigned char>(name[0])) && name.find('.') == name.size() - 4 &&
          entry.path().extension() == ".txt")
        files.push_back(entry);
    }
    std::sort(files.begin(), files.end());
    std::string s;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream content;
      content << in.rdbuf();
      s += content.str() + "\n";
    }
    return s;
  }();
  return text;
}

inline std::string ordinary(size_t bytes) { return repeat(news(), bytes); }

// Alternating marks: utf8proc's canonical reordering is a swap sort, quadratic on them.
constexpr std::string_view kMarks = "\u0301\u0323";
constexpr std::string_view kExoticSeparators =
    "\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000"
    "\u2010\u2011\u2013\u2014\u2212\uFF0D";

inline std::string distinct_references(size_t bytes) {
  std::string s;
  for (long i = 1; s.size() < bytes; ++i) {
    const std::string n = std::to_string(i);
    s += "Nghị quyết số " + n + "-NQ/TW ngày 19/5/2018, Nghị định " + n + "/2020/NĐ-CP, ";
  }
  return s;
}

inline std::string titled_names(size_t bytes) {
  const char* const surnames[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"};
  const char* const names[] = {"An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Minh", "Nam"};
  std::string s;
  for (size_t i = 0; s.size() < bytes; ++i)
    s += std::string("Bí thư Tỉnh ủy ") + surnames[i % 7] + " Văn " + names[i / 7 % 9] + " phát biểu. ";
  return s;
}

inline std::string one_line(size_t bytes) {
  std::string s = ordinary(bytes);
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

struct Shape {
  const char* name;
  std::string (*make)(size_t bytes);
};
inline void PrintTo(const Shape& shape, std::ostream* os) { *os << shape.name; }

// Every hostile shape of issue 21, each about `bytes` bytes long.
inline const std::vector<Shape>& hostile_shapes() {
  static const std::vector<Shape> shapes = {
      {"MarksAfterLetter", [](size_t n) { return "a" + repeat(kMarks, n); }},
      {"MarksAfterSpace", [](size_t n) { return "Đảng " + repeat(kMarks, n); }},
      {"MarksAtStart", [](size_t n) { return repeat(kMarks, n); }},
      {"WordOfA", [](size_t n) { return repeat("a", n); }},
      {"WordOfVietnameseLetters", [](size_t n) { return repeat("ạĐ", n); }},
      {"WordOfDecomposedLetters", [](size_t n) { return repeat("a\u0323", n); }},
      {"ExoticSeparators", [](size_t n) { return repeat(kExoticSeparators, n); }},
      {"ExoticSeparatorsBetweenWords", [](size_t n) {
         return repeat("Hà\u00A0Nội\u2013ngày\u200919/5/2018\u2212Đảng\u3000ủy\u2011viên\u2014a\uFF0Db\u2002", n);
       }},
      {"References", [](size_t n) { return repeat("Nghị quyết số 26-NQ/TW ngày 19/5/2018, Nghị định 62/2020/NĐ-CP, ", n); }},
      {"DistinctReferences", distinct_references},
      {"TitlesWithoutName", [](size_t n) { return repeat("Ủy viên Bộ Chính trị, Bí thư Tỉnh ủy, Phó Chủ tịch UBND tỉnh ", n); }},
      {"Dates", [](size_t n) { return repeat("ngày 19/5/2018, ngày 25 tháng 10 năm 2017, 7-12-2019, tháng 10/2017, Sáng 6/12, ", n); }},
      {"OneLine", one_line},
      {"RepeatedHonorific", [](size_t n) { return repeat("đồng chí ", n); }},
      // A titled name every 40 bytes, each with its own surname and name.
      {"TitledNames", titled_names},
  };
  return shapes;
}

}  // namespace vnsql::testing
