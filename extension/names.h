// People's names: vn_name_key(name), the key that groups the spellings of one
// name. Two spellings get the same key when they differ only in Unicode form
// (NFC/NFD), tone placement (Thụy = Thuỵ), look-alike letters (Ð for Đ), case,
// or the spaces, hyphens and other punctuation between words ("Kim Jong-un" =
// "Kim Jong Un"). Diacritics are kept: "Nguyễn Văn Bình" and "Nguyễn Văn
// Bính" are two people, and a name written without them has a key of its own
// (the analyst's schema joins it to the accented person when only one fits).
#pragma once
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

// The key: the words of the name (WordScanner), each in lower-case canonical
// form, separated by one space; nullopt when the name has no word.
std::optional<std::string> name_key(std::string_view name);

// SQL wrapper (registered in vnsql.cpp).
void sql_vn_name_key(sqlite3_context* ctx, int argc, sqlite3_value** argv);

}  // namespace vnsql
