#include "sql_util.h"

#include <cmath>

namespace vnsql::sql {

std::optional<std::string_view> text_arg(sqlite3_value* value) {
  switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
      return std::nullopt;
    case SQLITE_BLOB: {
      const void* data = sqlite3_value_blob(value);
      int size = sqlite3_value_bytes(value);
      return std::string_view(static_cast<const char*>(data), data ? static_cast<size_t>(size) : 0);
    }
    default: {
      const unsigned char* text = sqlite3_value_text(value);
      if (!text) throw std::bad_alloc();
      return std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_value_bytes(value)));
    }
  }
}

long long int_arg(sqlite3_value* value, const char* what, long long fallback) {
  switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
      return fallback;
    case SQLITE_INTEGER:
      return sqlite3_value_int64(value);
    default:
      // Accept "2" or 2.0 as SQLite's own functions do, but nothing lossy.
      if (sqlite3_value_numeric_type(value) == SQLITE_INTEGER) return sqlite3_value_int64(value);
      if (sqlite3_value_type(value) == SQLITE_FLOAT) {
        double d = sqlite3_value_double(value);
        // Casting a double outside [-2^63, 2^63) is undefined behaviour (9.3e18, inf;
        // NaN fails both comparisons), so the range is checked first.
        if (d >= -0x1p63 && d < 0x1p63 && d == std::trunc(d)) return static_cast<long long>(d);
      }
      throw Error(std::string(what) + " must be an integer");
  }
}

void result_text(sqlite3_context* ctx, std::string_view text) {
  sqlite3_result_text64(ctx, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace vnsql::sql
