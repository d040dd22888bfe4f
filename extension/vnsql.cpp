// The registration file: every SQL function, table-valued function, collation
// and tokenizer the module adds, in one table each, and the entry point.
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <mutex>

#include "article.h"
#include "dates.h"
#include "delegations.h"
#include "normalize.h"
#include "resolutions.h"
#include "sql_util.h"
#include "names.h"
#include "officials.h"
#include "collation.h"
#include "encodings.h"
#include "provinces.h"
#include "query.h"
#include "rank.h"
#include "table_function.h"
#include "titles.h"
#include "tokenizer.h"

namespace vnsql {
namespace {

using sql::ScalarFunction;

// Same result for the same arguments, no side effects: usable in indexes,
// generated columns, CHECK constraints and triggers.
constexpr int kPure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

// The version CMake's project() gives (VNSQL_VERSION, set on this file only).
void sql_vnsql_version(sqlite3_context* ctx, int, sqlite3_value**) {
  sqlite3_result_text(ctx, VNSQL_VERSION, -1, SQLITE_STATIC);
}

const ScalarFunction kScalarFunctions[] = {
    {"vn_normalize", 1, 1, "vn_normalize(text)", kPure, sql_vn_normalize},
    {"vn_unaccent", 1, 1, "vn_unaccent(text)", kPure, sql_vn_unaccent},
    {"vn_date", 1, 1, "vn_date(text)", kPure, sql_vn_date},
    {"vn_article_title", 1, 1, "vn_article_title(text)", kPure, sql_vn_article_title},
    {"vn_article_published", 1, 1, "vn_article_published(text)", kPure, sql_vn_article_published},
    {"vn_article_source", 1, 1, "vn_article_source(text)", kPure, sql_vn_article_source},
    {"vn_article_body", 1, 1, "vn_article_body(text)", kPure, sql_vn_article_body},
    {"vn_sha256", 1, 1, "vn_sha256(blob)", kPure, sql_vn_sha256},
    {"resolution_id", 1, 2, "resolution_id(text [, n])", kPure, sql_resolution_id},
    {"extract_officials", 1, 1, "extract_officials(text)", kPure, sql_extract_officials},
    {"vn_decode", 1, 2, "vn_decode(blob [, encoding])", kPure, sql_vn_decode},
    {"vn_query", 1, 1, "vn_query(text)", kPure, sql_vn_query},
    {"vn_name_key", 1, 1, "vn_name_key(name)", kPure, sql_vn_name_key},
    {"vn_title", 1, 2, "vn_title(title [, place])", kPure, sql_vn_title},
    {"vn_province", 1, 1, "vn_province(place)", kPure, sql_vn_province},
    {"vn_province_2025", 1, 1, "vn_province_2025(place)", kPure, sql_vn_province_2025},
    {"vnsql_version", 0, 0, "vnsql_version()", kPure, sql_vnsql_version},
};

// Checks the argument count, then runs the function.
void call_scalar(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  const auto* f = static_cast<const ScalarFunction*>(sqlite3_user_data(ctx));
  if (argc < f->min_args || argc > f->max_args) {
    // "expected 1 argument", "expected at least 1 argument", "expected at most 2 arguments"
    const char* bound = f->min_args == f->max_args ? "" : argc < f->min_args ? "at least " : "at most ";
    const int n = argc < f->min_args ? f->min_args : f->max_args;
    char* msg = sqlite3_mprintf("%s: expected %s%d argument%s, got %d: %s", f->name, bound, n, n == 1 ? "" : "s",
                                argc, f->usage);
    if (!msg) return sqlite3_result_error_nomem(ctx);
    sqlite3_result_error(ctx, msg, -1);
    sqlite3_free(msg);
    return;
  }
  f->impl(ctx, argc, argv);
}

const TableFunction* const kTableFunctions[] = {
    &kTokensFunction,
    &kDatesFunction,
    &kResolutionsFunction,
    &kOfficialsFunction,
    &kDelegationsFunction,
};

const Collation* const kCollations[] = {
    &kVietnameseCollation,
};

int register_all(sqlite3* db, char** error) {
  for (const auto& f : kScalarFunctions) {
    // The entry travels as user data so that errors can name the function.
    int rc = sqlite3_create_function_v2(db, f.name, -1, f.flags, const_cast<ScalarFunction*>(&f), call_scalar,
                                        nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
      *error = sqlite3_mprintf("vnsql: cannot register %s(): %s", f.name, sqlite3_errmsg(db));
      return rc;
    }
  }
  for (const TableFunction* f : kTableFunctions) {
    int rc = register_table_function(db, *f);
    if (rc != SQLITE_OK) {
      *error = sqlite3_mprintf("vnsql: cannot register %s(): %s", f->name, sqlite3_errmsg(db));
      return rc;
    }
  }
  for (const Collation* c : kCollations) {
    // One state (an ICU collator) per connection: collators are not thread-safe.
    void* state = c->create();
    if (!state) {
      *error = sqlite3_mprintf("vnsql: cannot create collation %s", c->name);
      return SQLITE_ERROR;
    }
    int rc = sqlite3_create_collation_v2(db, c->name, SQLITE_UTF8, state, c->compare, c->destroy);
    if (rc != SQLITE_OK) {
      c->destroy(state);
      *error = sqlite3_mprintf("vnsql: cannot register collation %s: %s", c->name, sqlite3_errmsg(db));
      return rc;
    }
  }
  if (int rc = register_tokenizer(db, error); rc != SQLITE_OK) return rc;
  return register_rank(db, error);
}

}  // namespace
}  // namespace vnsql

extern "C" __attribute__((visibility("default"))) int sqlite3_vnsql_init(sqlite3* db, char** error,
                                                                         const sqlite3_api_routines* api) {
  try {
    // SQLITE_EXTENSION_INIT2 written once: connections that load the module
    // from several threads would otherwise race on the global sqlite3_api
    // (ThreadSanitizer reports it). The table is the same for every connection
    // of one SQLite library.
    static std::once_flag api_set;
    std::call_once(api_set, [api] { SQLITE_EXTENSION_INIT2(api); });
    // Every call goes through that one table, so a second, different SQLite
    // library in the same process (Python's sqlite3 beside pysqlite3) would
    // have its connections driven by the first library's code: refused here,
    // in the caller's own allocator, rather than a crash later.
    if (api != sqlite3_api) {
      if (error) *error = api->mprintf("vnsql: already loaded into another SQLite library (%s) in this process; "
                                        "load it into one SQLite library per process",
                                        sqlite3_api->libversion());
      return SQLITE_ERROR;
    }
    return vnsql::register_all(db, error);
  } catch (...) {
    if (error) *error = api->mprintf("vnsql: initialization failed");
    return SQLITE_ERROR;
  }
}
