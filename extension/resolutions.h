// Document identifiers ("số và ký hiệu") of Party and State documents:
// finds every reference in a text and turns it into one canonical identifier.
//
// Canonical forms: Party `NUMBER-TYPE/ISSUER[/...]` (26-NQ/TW, 1150-QĐ/QĐNS/TW,
// 26-HD/BTCTW), State `NUMBER/YEAR/TYPE-ISSUER` or `NUMBER/TYPE-ISSUER`
// (62/2020/NĐ-CP, 1629/QĐ-TTg, 103/2023/QH15). Short references ("Nghị quyết
// 26", "Nghị quyết số 18, 19 của Ban Chấp hành Trung ương") are resolved
// within the same text; a reference whose issuer or year cannot be known gets
// no identifier rather than a guess. A plenum's resolutions ("Nghị quyết
// Trung ương 4 khóa XII") come from data/plenums.tsv, one row each.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

struct Resolution {
  std::optional<std::string> id;      // canonical identifier; nullopt when it cannot be known
  std::string kind;                   // document type in words: "Nghị quyết", "Quy định", ...
  std::string number;                 // as written ("01" keeps its zero)
  std::optional<std::string> symbol;  // what follows the number in the identifier: "NQ/TW", "2020/NĐ-CP"
  std::optional<std::string> issuer;  // "TW", "BTCTW", "CP", "TTg", "QH15", joint issuers joined by '-'
  std::optional<std::string> year;    // State style, when written
  std::optional<std::string> date;    // ISO YYYY-MM-DD when the reference carries one
  std::optional<std::string> subject;      // the "về ..." after it: what the document is about, as written
  std::optional<std::string> issuer_name;  // the issuing body named after it ("của Bộ Chính trị"), as data/issuers.tsv spells it
  std::string surface;                // as written
  size_t start = 0;                   // 1-based character position (SQLite substr())
  size_t length = 0;                  // in characters
  bool resolved = false;              // identifier inferred (a short reference, a plenum, an id written without its year)
};

// Every reference in text order. Linear in the text; invalid UTF-8 is read as U+FFFD.
std::vector<Resolution> resolutions(std::string_view text);

// The id of the n-th reference (n >= 1); nullopt if there is none or it has no id.
std::optional<std::string> resolution_id(std::string_view text, long long n);

// SQL: resolutions(text) is table-valued; resolution_id(text [, n]) is scalar.
struct TableFunction;
extern const TableFunction kResolutionsFunction;
void sql_resolution_id(sqlite3_context* ctx, int argc, sqlite3_value** argv);

}  // namespace vnsql
