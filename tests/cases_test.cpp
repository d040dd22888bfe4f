// The language cases of tests/cases/*.tsv (format and files: tests/cases/README.md).
// Every row is a test of its own, named after its file and line
// (Tsv/Case.Holds/officials_12); a failure is reported at that line. The files
// are read when the tests run; a changed file relinks this binary
// (tests/CMakeLists.txt), so the next build lists its new rows as tests.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "article.h"
#include "collation.h"
#include "dates.h"
#include "delegations.h"
#include "encodings.h"
#include "normalize.h"
#include "names.h"
#include "officials.h"
#include "provinces.h"
#include "query.h"
#include "resolutions.h"
#include "titles.h"
#include "tokenizer.h"
#include "utf8.h"

namespace vnsql {
namespace {

// One row: its cells by column name, escapes decoded.
struct Row {
  std::string file;  // the file's name without .tsv: which function the row calls
  int line = 0;
  std::map<std::string, std::string> cells;
  std::string error;  // what is wrong with the row itself
  const std::string& operator[](const std::string& column) const {
    auto it = cells.find(column);
    if (it == cells.end()) throw std::runtime_error("no column '" + column + "' in the header");
    return it->second;
  }
};

// \t \n \r \\, \xHH (one byte: invalid UTF-8 can be written), \uXXXX and
// \UXXXXXXXX (a code point, written as UTF-8).
std::string unescape(const std::string& s, std::string& error) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    const char c = i + 1 < s.size() ? s[++i] : '\0';
    const size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    const std::string hex = s.substr(i + 1, digits);
    if (digits && hex.size() == digits && hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
      const auto value = std::stoul(hex, nullptr, 16);
      if (c == 'x') out += static_cast<char>(value);
      else utf8::append(out, static_cast<char32_t>(value));
      i += digits;
    } else if (c == 't' || c == 'n' || c == 'r' || c == '\\') {
      out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : '\\';
    } else {
      error = "bad escape \\" + std::string(1, c) + hex;
    }
  }
  return out;
}

// The inverse, for failure messages: what to paste into the file.
std::string escape(const std::string& s) {
  std::string out;
  char buf[16];
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t cp = utf8::decode(s, i);
    const bool invalid = cp == utf8::kReplacement && i - start != 3;
    const bool invisible = (cp >= 0x300 && cp <= 0x36F) || cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
                           (cp >= 0x2028 && cp <= 0x202F) || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
    if (cp == '\\') out += "\\\\";
    else if (cp == '\t') out += "\\t";
    else if (cp == '\n') out += "\\n";
    else if (cp == '\r') out += "\\r";
    else if (invalid || cp < 0x20) out += (std::snprintf(buf, sizeof buf, "\\x%02X", s[start] & 0xFF), buf);
    else if (invisible) out += (std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp)), buf);
    else out.append(s, start, i - start);
  }
  return out;
}

std::vector<std::string> split(const std::string& s, char separator) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == separator) out.emplace_back();
    else out.back() += c;
  }
  return out;
}

const std::filesystem::path kCasesDir = std::filesystem::path(VNSQL_SOURCE_DIR) / "tests" / "cases";

// The first line of a file is its header: '#', then the column names separated
// by tabs. Other lines starting with '#', and empty lines, are comments. The
// last column, note, may be left out of a row.
std::vector<Row> load_rows() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(kCasesDir))
    if (entry.path().extension() == ".tsv") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<Row> rows;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> columns;
    std::string text;
    for (int line = 1; std::getline(in, text); ++line) {
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (line == 1 && text.rfind("# ", 0) == 0) columns = split(text.substr(2), '\t');
      if (text.empty() || text[0] == '#') continue;
      Row row{path.stem().string(), line, {}, ""};
      const std::vector<std::string> fields = split(text, '\t');
      const bool note_left_out = !columns.empty() && columns.back() == "note" && fields.size() + 1 == columns.size();
      if (columns.empty()) row.error = "the first line is not a header ('# column<TAB>column...')";
      else if (fields.size() != columns.size() && !note_left_out)
        row.error = std::to_string(fields.size()) + " cells, the header has " + std::to_string(columns.size());
      else
        for (size_t c = 0; c < fields.size(); ++c) row.cells[columns[c]] = unescape(fields[c], row.error);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------
// What each file's rows call, and how the result is written.

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

// "Name [honorific]: title | title; Name: ..."
std::string officials_of(const Row& row) {
  std::vector<std::string> people;
  for (const OfficialMention& m : find_officials(row["text"])) {
    std::string person = m.name + (m.honorific.empty() ? "" : " [" + m.honorific + "]") + ":";
    if (!m.titles.empty()) person += " " + join(m.titles, " | ");
    people.push_back(person);
  }
  return join(people, "; ");
}

std::string resolution_ids(const Row& row) {
  std::vector<std::string> ids;
  for (const auto& r : resolutions(row["text"])) ids.push_back(r.id.value_or("NULL"));
  return join(ids, " ");
}

// One line per reference, its columns as the sqlite3 shell lists them (NULL empty).
std::string resolution_columns(const Row& row) {
  std::vector<std::string> lines;
  for (const auto& r : resolutions(row["text"]))
    lines.push_back(join({r.id.value_or(""), r.kind, r.number, r.symbol.value_or(""), r.issuer.value_or(""),
                          r.year.value_or(""), r.date.value_or(""), r.surface, std::to_string(r.start),
                          std::to_string(r.length), r.resolved ? "1" : "0", r.subject.value_or(""),
                          r.issuer_name.value_or("")},
                         "|"));
  return join(lines, "\n");
}

// ISO dates separated by spaces; a date without a year as --MM-DD.
std::string dates_in(const std::string& text, bool yearless) {
  std::vector<std::string> out;
  DateScanner scanner(text, yearless);
  DateMatch d;
  char buf[16];
  while (scanner.next(d))
    out.push_back(d.year ? d.iso() : (std::snprintf(buf, sizeof buf, "--%02d-%02d", d.month, d.day), buf));
  return join(out, " ");
}

// ISO dates separated by spaces, an inferred year marked with *; no reference: none given.
std::string dates_near(const Row& row) {
  DateMatch reference;
  if (!row["reference"].empty() && !parse_iso_date(row["reference"], reference))
    throw std::runtime_error("bad reference " + row["reference"]);
  DateReader dates(row["text"], row["reference"].empty() ? nullptr : &reference);
  std::vector<std::string> out;
  DateMatch d;
  while (dates.next(d)) out.push_back(d.iso() + (d.inferred ? "*" : ""));
  return join(out, " ");
}

// options: what follows 'vietnamese' in tokenize=, plus the word query to tokenize a MATCH query.
std::string terms(const Row& row) {
  std::vector<std::string> words = split(row["options"], ' ');
  const auto query = std::find(words.begin(), words.end(), "query");
  const bool is_query = query != words.end();
  if (is_query) words.erase(query);
  TokenStream stream(row["text"], parse_tokenizer_options(join(words, " ")), is_query);
  std::vector<std::string> out;
  Token t;
  while (stream.next(t)) out.emplace_back(t.term);
  return join(out, " ");
}

// 1 if the document, alone in an FTS5 table with tokenize='vietnamese OPTIONS', matches the query.
std::string matches(const Row& row) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> closer(db, sqlite3_close);
  // Runs one statement with one text parameter; the first column of its last row.
  const auto run = [db](const std::string& sql, const std::string& value) {
    sqlite3_stmt* stmt = nullptr;
    std::string result;
    int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
      sqlite3_bind_text(stmt, 1, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
    return result;
  };
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, VNSQL_MODULE_PATH, "sqlite3_vnsql_init", nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot load " VNSQL_MODULE_PATH);
  run("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='vietnamese " + row["options"] + "')", "");
  run("INSERT INTO t VALUES (?)", row["document"]);
  return run("SELECT count(*) FROM t WHERE t MATCH ?", row["query"]);
}

// One line per delegation: kind|number|sender|head|host|province|date|documents|mandate|activity (NULL empty,
// documents separated by spaces); published empty: none.
std::string delegations_of(const Row& row) {
  DateMatch reference;
  if (!row["published"].empty() && !parse_iso_date(row["published"], reference))
    throw std::runtime_error("bad published " + row["published"]);
  std::vector<std::string> lines;
  for (const Delegation& d : find_delegations(row["text"], row["published"].empty() ? nullptr : &reference))
    lines.push_back(join({d.kind, d.number.value_or(""), d.sender.value_or(""), d.head.value_or(""), d.host.value_or(""),
                          d.province.value_or(""), d.date.value_or(""), join(d.documents, " "), d.mandate.value_or(""),
                          d.activity.value_or("")},
                         "|"));
  return join(lines, "\n");
}

using Evaluator = std::string (*)(const Row&);

const std::map<std::string, Evaluator> kEvaluators = {
    {"normalize", [](const Row& r) { return normalize(r["text"]); }},
    {"unaccent", [](const Row& r) { return unaccent(r["text"]); }},
    {"lower", [](const Row& r) { return lower(r["text"]); }},
    {"fold", [](const Row& r) { return fold(r["text"]); }},
    {"officials", officials_of},
    {"resolutions", resolution_ids},
    {"resolution_columns", resolution_columns},
    {"resolution_id",
     [](const Row& r) { return resolution_id(r["text"], std::stoll(r["n"])).value_or(std::string("NULL")); }},
    {"dates", [](const Row& r) { return dates_in(r["text"], false); }},
    {"dates_yearless", [](const Row& r) { return dates_in(r["text"], true); }},
    {"dates_reference", dates_near},
    {"delegations", delegations_of},
    {"first_date", [](const Row& r) { return first_date(r["text"]); }},
    {"tokens", terms},
    {"match", matches},
    {"query", [](const Row& r) { return fts5_query(r["text"]); }},
    {"article_title", [](const Row& r) { return article_title(r["text"]); }},
    {"article_published", [](const Row& r) { return article_published(r["text"]); }},
    {"article_source", [](const Row& r) { return article_source(r["text"]); }},
    {"article_body", [](const Row& r) { return article_body(r["text"]); }},
    {"collation",
     [](const Row& r) {
       const int c = compare_vietnamese(r["a"], r["b"]);
       return std::string(c < 0 ? "<" : c > 0 ? ">" : "=");
     }},
    {"decode",
     [](const Row& r) {
       if (r["encoding"].empty()) return decode(r["bytes"]);
       const auto encoding = parse_encoding(r["encoding"]);
       if (!encoding) throw std::runtime_error("unknown encoding " + r["encoding"]);
       return decode(r["bytes"], *encoding);
     }},
    {"name_key", [](const Row& r) { return name_key(r["text"]).value_or("NULL"); }},
    {"name_pairs",
     [](const Row& r) { return std::string(name_key(r["a"]) == name_key(r["b"]) ? "same" : "different"); }},
    {"titles",
     [](const Row& r) {
       TitleParts parts;
       return parse_title(r["text"], parts, r["place"]) ? title_json(parts) : std::string("NULL");
     }},
    {"provinces",
     [](const Row& r) {
       return province(r["text"]).value_or("NULL") + " / " + province_2025(r["text"]).value_or("NULL");
     }},
    {"detect_encoding", [](const Row& r) { return std::string(encoding_name(detect_encoding(r["bytes"]))); }},
};

// gtest names a failing row by its place, not its bytes.
void PrintTo(const Row& row, std::ostream* os) { *os << "tests/cases/" << row.file << ".tsv:" << row.line; }

class Case : public ::testing::TestWithParam<Row> {};

TEST_P(Case, Holds) {
  const Row& row = GetParam();
  const std::string where = "tests/cases/" + row.file + ".tsv";
  if (!row.error.empty()) {
    ADD_FAILURE_AT(where.c_str(), row.line) << row.error;
    return;
  }
  const auto evaluator = kEvaluators.find(row.file);
  if (evaluator == kEvaluators.end()) {
    ADD_FAILURE_AT(where.c_str(), row.line) << "no function for " << where << " in tests/cases_test.cpp";
    return;
  }
  try {
    const std::string expected = row["expected"], actual = evaluator->second(row);
    if (actual != expected)
      ADD_FAILURE_AT(where.c_str(), row.line) << (row.cells.count("note") ? row.cells.at("note") : "")
                                              << "\n  expected: " << escape(expected) << "\n  actual:   " << escape(actual);
  } catch (const std::exception& e) {
    ADD_FAILURE_AT(where.c_str(), row.line) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Tsv, Case, ::testing::ValuesIn(load_rows()), [](const ::testing::TestParamInfo<Row>& info) {
  std::string name = info.param.file + "_" + std::to_string(info.param.line);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

}  // namespace
}  // namespace vnsql
