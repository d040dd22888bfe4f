// What every SQL wrapper needs: reading arguments, returning results, and
// turning C++ exceptions into SQL errors so none crosses the C interface.
#pragma once
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sqlite_api.h"

namespace vnsql::sql {

// A user-facing error; its message becomes the SQL error text.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The text of an argument. NULL gives nullopt; numbers are converted as SQLite
// converts them; a BLOB's bytes are taken as UTF-8 (invalid sequences are then
// handled by each function as U+FFFD, see utf8.h).
std::optional<std::string_view> text_arg(sqlite3_value* value);

// An optional integer argument: NULL gives `fallback`; anything that is not an
// integer is an Error saying that `what` must be one.
long long int_arg(sqlite3_value* value, const char* what, long long fallback);

void result_text(sqlite3_context* ctx, std::string_view text);

// One scalar SQL function as the registration table (vnsql.cpp) lists it.
// Registered for any argument count, so that a wrong count gets an error
// that says what was expected; the entry is the function's user data.
struct ScalarFunction {
  const char* name;
  int min_args, max_args;
  const char* usage;  // "resolution_id(text [, n])"
  int flags;
  void (*impl)(sqlite3_context*, int, sqlite3_value**);
};

// The name a scalar function was registered under.
inline const char* function_name(sqlite3_context* ctx) {
  return static_cast<const ScalarFunction*>(sqlite3_user_data(ctx))->name;
}

// Runs `body`; an exception becomes an SQL error "NAME: message".
template <class Body>
void guarded(sqlite3_context* ctx, Body&& body) noexcept {
  try {
    body();
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  } catch (const std::exception& e) {
    std::string msg = std::string(function_name(ctx)) + ": " + e.what();
    sqlite3_result_error(ctx, msg.c_str(), -1);
  } catch (...) {
    sqlite3_result_error(ctx, "vnsql: unknown internal error", -1);
  }
}

}  // namespace vnsql::sql
