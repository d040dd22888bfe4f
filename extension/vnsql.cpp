// The registration file: every SQL function, table-valued function, collation
// and tokenizer the module adds, in one table each, and the entry point.
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "article.h"
#include "dates.h"
#include "normalize.h"
#include "resolutions.h"
#include "officials.h"
#include "collation.h"
#include "encodings.h"
#include "query.h"
#include "table_function.h"
#include "tokenizer.h"

namespace vnsql {
namespace {

using ScalarImpl = void (*)(sqlite3_context*, int, sqlite3_value**);

struct ScalarFunction {
  const char* name;
  int nargs;
  int flags;
  ScalarImpl impl;
};

// Same result for the same arguments, no side effects: usable in indexes,
// generated columns, CHECK constraints and triggers.
constexpr int kPure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

const ScalarFunction kScalarFunctions[] = {
    {"vn_normalize", 1, kPure, sql_vn_normalize},
    {"vn_unaccent", 1, kPure, sql_vn_unaccent},
    {"vn_date", 1, kPure, sql_vn_date},
    {"vn_article_title", 1, kPure, sql_vn_article_title},
    {"vn_article_published", 1, kPure, sql_vn_article_published},
    {"vn_article_source", 1, kPure, sql_vn_article_source},
    {"vn_article_body", 1, kPure, sql_vn_article_body},
    {"vn_sha256", 1, kPure, sql_vn_sha256},
    {"resolution_id", 1, kPure, sql_resolution_id},
    {"resolution_id", 2, kPure, sql_resolution_id},
    {"extract_officials", 1, kPure, sql_extract_officials},
    {"vn_decode", 1, kPure, sql_vn_decode},
    {"vn_decode", 2, kPure, sql_vn_decode},
    {"vn_query", 1, kPure, sql_vn_query},
};

const TableFunction* const kTableFunctions[] = {
    &kTokensFunction,
    &kDatesFunction,
    &kResolutionsFunction,
    &kOfficialsFunction,
};

const Collation* const kCollations[] = {
    &kVietnameseCollation,
};

int register_all(sqlite3* db, char** error) {
  for (const auto& f : kScalarFunctions) {
    // The name travels as user data so that errors can name the function.
    int rc = sqlite3_create_function_v2(db, f.name, f.nargs, f.flags, const_cast<char*>(f.name), f.impl,
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
  return register_tokenizer(db, error);
}

}  // namespace
}  // namespace vnsql

extern "C" __attribute__((visibility("default"))) int sqlite3_vnsql_init(sqlite3* db, char** error,
                                                                         const sqlite3_api_routines* api) {
  SQLITE_EXTENSION_INIT2(api);
  try {
    return vnsql::register_all(db, error);
  } catch (...) {
    if (error) *error = sqlite3_mprintf("vnsql: initialization failed");
    return SQLITE_ERROR;
  }
}
