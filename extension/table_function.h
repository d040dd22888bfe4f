// Table-valued functions (vn_tokens, resolutions, officials, vn_dates, ...)
// share one eponymous virtual table; each function only says what its columns
// and arguments are and how to produce rows.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "sqlite_api.h"

namespace vnsql {

using Cell = std::variant<std::nullptr_t, int64_t, std::string>;
using Row = std::vector<Cell>;

// Produces the rows of one call, one at a time (so a large text need not be
// materialized as rows). May throw sql::Error; the message becomes the SQL error.
class RowSource {
 public:
  virtual ~RowSource() = default;
  // Fills `row` (one cell per output column) and returns true, or returns false at the end.
  virtual bool next(Row& row) = 0;
};

// Rows computed up front, for functions whose output is small next to their input.
class VectorRowSource : public RowSource {
 public:
  explicit VectorRowSource(std::vector<Row> rows) : rows_(std::move(rows)) {}
  bool next(Row& row) override {
    if (pos_ >= rows_.size()) return false;
    row = std::move(rows_[pos_++]);
    return true;
  }
 private:
  std::vector<Row> rows_;
  size_t pos_ = 0;
};

struct TableFunction {
  const char* name;
  const char* columns;    // output columns, as in CREATE TABLE: "term, start, end"
  std::vector<const char*> arguments;  // hidden columns, in call order: {"text", "options"}
  int required_arguments;  // how many leading arguments must be given
  // Called with the given arguments (argc <= arguments.size()); returns the rows.
  // An argument of NULL is passed as an SQL NULL value. The arguments are the
  // cursor's own copies and outlive the row source, which may therefore keep
  // pointers into their text rather than a copy of it.
  std::unique_ptr<RowSource> (*open)(sqlite3_value** args, int argc);
};

int register_table_function(sqlite3* db, const TableFunction& function);

}  // namespace vnsql
