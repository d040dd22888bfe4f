// An in-memory database with the built module loaded, for SQL-level tests.
#pragma once
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace vnsql::testing {

using Value = std::optional<std::string>;  // NULL is nullopt
using Rows = std::vector<std::vector<Value>>;

class SqlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    sqlite3_enable_load_extension(db_, 1);
    char* error = nullptr;
    int rc = sqlite3_load_extension(db_, VNSQL_MODULE_PATH, "sqlite3_vnsql_init", &error);
    ASSERT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
  }
  void TearDown() override { sqlite3_close(db_); }

  // Runs one statement with text parameters; fails the test on error.
  Rows query(const std::string& sql, const std::vector<Value>& params = {}) {
    std::string error;
    Rows rows;
    EXPECT_TRUE(run(sql, params, rows, error)) << sql << ": " << error;
    return rows;
  }
  // The single value of a one-row, one-column query.
  Value scalar(const std::string& sql, const std::vector<Value>& params = {}) {
    Rows rows = query(sql, params);
    if (rows.size() != 1 || rows[0].size() != 1) {
      ADD_FAILURE() << sql << ": expected one value, got " << rows.size() << " rows";
      return std::nullopt;
    }
    return rows[0][0];
  }
  // The error message of a statement expected to fail ("" if it did not fail).
  std::string error_of(const std::string& sql, const std::vector<Value>& params = {}) {
    std::string error;
    Rows rows;
    return run(sql, params, rows, error) ? "" : error;
  }
  void exec(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
    sqlite3_free(error);
  }

  // Runs a query that must give one value, and fails the test when SQLite's
  // memory grew by more than `limit` bytes at its peak (FTS5's iterators and
  // doclists live there). Prints the peak, for the limits' documentation.
  void expect_peak_below(const char* what, const std::string& sql, const std::string& param, sqlite3_int64 limit) {
    const sqlite3_int64 before = sqlite3_memory_used();
    sqlite3_memory_highwater(1);
    EXPECT_TRUE(scalar(sql, {param}).has_value()) << what;
    const sqlite3_int64 peak = sqlite3_memory_highwater(0) - before;
    EXPECT_LT(peak, limit) << what << ": " << (peak >> 20) << " MB";
    std::printf("%s: %lld KB\n", what, static_cast<long long>(peak >> 10));
  }

  bool run(const std::string& sql, const std::vector<Value>& params, Rows& rows, std::string& error) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db_);
      return false;
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      if (params[i]) sqlite3_bind_text(stmt, idx, params[i]->data(), static_cast<int>(params[i]->size()), SQLITE_TRANSIENT);
      else sqlite3_bind_null(stmt, idx);
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<Value> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) row.emplace_back(std::nullopt);
        else row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                                          static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
      }
      rows.push_back(std::move(row));
    }
    bool ok = rc == SQLITE_DONE;
    if (!ok) error = sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return ok;
  }

  sqlite3* db_ = nullptr;
};

}  // namespace vnsql::testing
