// Delegations (đoàn kiểm tra, đoàn công tác, đoàn giám sát): who inspected
// whom, when, on which documents. delegations(text [, published]) gives one
// row per distinct delegation visit a text reports.
//
// A delegation is found where the text names one ("Đoàn kiểm tra số 1150 của
// Bộ Chính trị", "đoàn công tác", "Trưởng Đoàn kiểm tra"); every later mention
// of the same delegation (same number, same sender, or a bare "Đoàn kiểm tra")
// adds to the same row. Its head is the person the text links to it ("do đồng
// chí X, title, làm Trưởng đoàn / dẫn đầu", "X, ..., Trưởng Đoàn kiểm tra";
// officials()); its documents are the references (resolutions(), short and
// plenum references resolved) in the sentences that speak of it; its date the
// first date of those sentences (dates.h: a day and month without a year
// takes its year from `published`). Not delegations: counts and plans ("các
// đoàn kiểm tra", "5 đoàn", "sẽ làm việc với"), a delegation with nothing
// concrete (no head, and no date with a place), related-news items at the foot
// of a page (article_body()). The words are data (data/delegation_words.tsv).
//
// Linear in the text: it is read in pieces of at most kPieceBytes (cut at a
// line, else a sentence, else a space), so memory is bounded by a piece; a
// delegation and what the text says of it must lie in one piece (an article
// does). Pieces without the word "đoàn" are skipped at the cost of a byte search.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"

struct sqlite3_context;
struct sqlite3_value;

namespace vnsql {

struct Delegation {
  std::string kind;                       // "kiểm tra", "công tác", "giám sát", "khảo sát"
  std::optional<std::string> number;      // its own number ("1150")
  std::optional<std::string> sender;      // the body that sent it, as written
  std::optional<std::string> head;        // the leader's name, as officials() gives it
  std::optional<std::string> head_title;  // the leader's titles, joined by ", "
  std::optional<std::string> host;        // whom it worked with or inspected, as written
  std::optional<std::string> province;    // canonical (vn_province())
  std::optional<std::string> date;        // ISO; "--MM-DD" without a year and without `published`
  std::vector<std::string> documents;     // canonical ids of the documents it inspects
  std::optional<std::string> mandate;     // the decision that set it up
  std::optional<std::string> activity;    // what it did ("làm việc", "thông báo kết quả kiểm tra")
  size_t start = 0;                       // 1-based character position of the sentence that introduces it
  size_t length = 0;                      // its characters
};

// Pieces of the text are read one at a time: memory is bounded by a piece.
// 32 KiB: 3 of the 35,440 baomoi articles are longer. Within a piece memory grows
// with the text (its words, people, references), so a piece bounds it.
constexpr size_t kPieceBytes = 32 * 1024;

// Gives the delegations of a text one piece at a time, in text order.
class DelegationReader {
 public:
  // `reference`: the article's publication date, or nullptr. The text must
  // outlive the reader.
  DelegationReader(std::string_view text, const DateMatch* reference);
  ~DelegationReader();
  bool next(Delegation& delegation);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Every delegation of the text, in text order.
std::vector<Delegation> find_delegations(std::string_view text, const DateMatch* reference = nullptr);

// documents as a JSON array of strings.
std::string documents_json(const std::vector<std::string>& documents);

// SQL: delegations(text [, published]) is table-valued (registered in vnsql.cpp).
struct TableFunction;
extern const TableFunction kDelegationsFunction;

}  // namespace vnsql
