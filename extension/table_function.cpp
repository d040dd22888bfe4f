#include "table_function.h"

#include <string>

#include "sql_util.h"

namespace vnsql {
namespace {

struct Table {
  sqlite3_vtab base;  // must come first: SQLite sees a sqlite3_vtab*
  const TableFunction* function;
  int ncolumns;  // output columns; the hidden argument columns follow them
};

struct Cursor {
  sqlite3_vtab_cursor base;  // must come first
  std::unique_ptr<RowSource> source;
  Row row;
  std::vector<sqlite3_value*> args;  // copies, returned as the hidden columns
  int64_t rowid = 0;
  bool eof = true;

  void clear_args() {
    for (sqlite3_value* v : args) sqlite3_value_free(v);
    args.clear();
  }
};

int column_count(const TableFunction& f) {
  // Output columns are counted from the declaration: one per top-level comma.
  int n = 1;
  for (const char* p = f.columns; *p; ++p) n += *p == ',';
  return n;
}

void set_error(sqlite3_vtab* vtab, const std::string& message) {
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = sqlite3_mprintf("%s", message.c_str());
}

// Runs `body`, turning exceptions into an error code and message on the table.
template <class Body>
int guarded(sqlite3_vtab* vtab, const TableFunction& f, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (const std::exception& e) {
    set_error(vtab, std::string(f.name) + ": " + e.what());
    return SQLITE_ERROR;
  } catch (...) {
    set_error(vtab, std::string(f.name) + ": unknown internal error");
    return SQLITE_ERROR;
  }
}

int xConnect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char** err) {
  const auto* f = static_cast<const TableFunction*>(aux);
  std::string schema = std::string("CREATE TABLE x(") + f->columns;
  for (const char* arg : f->arguments) schema += std::string(", ") + arg + " HIDDEN";
  schema += ")";
  int rc = sqlite3_declare_vtab(db, schema.c_str());
  if (rc != SQLITE_OK) {
    *err = sqlite3_mprintf("%s: cannot declare table: %s", f->name, sqlite3_errmsg(db));
    return rc;
  }
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  auto* table = static_cast<Table*>(sqlite3_malloc(sizeof(Table)));
  if (!table) return SQLITE_NOMEM;
  *table = Table{};
  table->function = f;
  table->ncolumns = column_count(*f);
  *out = &table->base;
  return SQLITE_OK;
}

int xDisconnect(sqlite3_vtab* vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

std::string usage_error(const TableFunction& f) {
  const int nargs = static_cast<int>(f.arguments.size());
  std::string usage;
  for (int i = 0; i < nargs; ++i) {
    const bool optional = i >= f.required_arguments;
    usage += std::string(optional ? " [" : "") + (i ? ", " : "") + f.arguments[i];
  }
  for (int i = f.required_arguments; i < nargs; ++i) usage += "]";
  return "expected at least " + std::to_string(f.required_arguments) + " argument(s): " + f.name + "(" + usage + ")";
}

// Arguments are the hidden columns; each usable "=" constraint on one becomes
// an argument to xFilter. idxNum is the bit mask of the arguments given.
int xBestIndex(sqlite3_vtab* vtab, sqlite3_index_info* info) {
  const TableFunction& f = *reinterpret_cast<Table*>(vtab)->function;
  const int first_hidden = reinterpret_cast<Table*>(vtab)->ncolumns;
  const int nargs = static_cast<int>(f.arguments.size());
  int constraint_of[32];
  for (int i = 0; i < nargs; ++i) constraint_of[i] = -1;
  int unusable = 0, present = 0;
  for (int c = 0; c < info->nConstraint; ++c) {
    const auto& con = info->aConstraint[c];
    int arg = con.iColumn - first_hidden;
    if (arg < 0 || arg >= nargs || con.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    present |= 1 << arg;
    if (!con.usable) { unusable |= 1 << arg; continue; }
    constraint_of[arg] = c;
  }
  int mask = 0, next_argv = 1;
  for (int i = 0; i < nargs; ++i) {
    if (constraint_of[i] < 0) continue;
    mask |= 1 << i;
    info->aConstraintUsage[constraint_of[i]].argvIndex = next_argv++;
    info->aConstraintUsage[constraint_of[i]].omit = 1;
  }
  // A plan that cannot supply the required arguments (or one the query gives
  // later) is not usable; SQLite then tries another join order.
  const int required = (1 << f.required_arguments) - 1;
  if ((present & required) != required) {
    // Either f() is called with too few arguments, or SQLite is costing one
    // branch of an OR in the WHERE clause, where the argument constraints are
    // not offered. An error here would fail the second kind of query, so the
    // plan is accepted at a cost no real plan reaches, and xFilter reports
    // the missing argument if it is ever run.
    info->idxNum = mask;
    info->estimatedCost = 1e300;
    info->estimatedRows = 1;
    return SQLITE_OK;
  }
  if ((mask & required) != required || (unusable & ~mask)) return SQLITE_CONSTRAINT;
  info->idxNum = mask;
  info->estimatedCost = 1000;
  info->estimatedRows = 100;
  return SQLITE_OK;
}

int xOpen(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
  auto* cursor = new (std::nothrow) Cursor();
  if (!cursor) return SQLITE_NOMEM;
  *out = &cursor->base;
  return SQLITE_OK;
}

int xClose(sqlite3_vtab_cursor* base) {
  auto* cursor = reinterpret_cast<Cursor*>(base);
  cursor->source.reset();  // it may point into the arguments
  cursor->clear_args();
  delete cursor;
  return SQLITE_OK;
}

int advance(Cursor* cursor) {
  cursor->eof = !cursor->source->next(cursor->row);
  ++cursor->rowid;
  return SQLITE_OK;
}

int xFilter(sqlite3_vtab_cursor* base, int mask, const char*, int argc, sqlite3_value** argv) {
  auto* cursor = reinterpret_cast<Cursor*>(base);
  const TableFunction& f = *reinterpret_cast<Table*>(base->pVtab)->function;
  return guarded(base->pVtab, f, [&] {
    cursor->source.reset();
    cursor->clear_args();
    cursor->eof = true;
    cursor->rowid = 0;
    // Arguments must be given in order: f(a, b) but never b alone.
    int given = 0;
    while (given < static_cast<int>(f.arguments.size()) && (mask & (1 << given))) ++given;
    if (given < f.required_arguments) throw sql::Error(usage_error(f));
    if ((mask >> given) != 0 || given != argc)
      throw sql::Error(std::string("argument '") + f.arguments[given] + "' is missing");
    for (int i = 0; i < argc; ++i) {
      sqlite3_value* copy = sqlite3_value_dup(argv[i]);
      if (!copy) throw std::bad_alloc();
      cursor->args.push_back(copy);
    }
    cursor->source = f.open(cursor->args.data(), argc);
    return advance(cursor);
  });
}

int xNext(sqlite3_vtab_cursor* base) {
  auto* cursor = reinterpret_cast<Cursor*>(base);
  const TableFunction& f = *reinterpret_cast<Table*>(base->pVtab)->function;
  return guarded(base->pVtab, f, [&] { return advance(cursor); });
}

int xEof(sqlite3_vtab_cursor* base) { return reinterpret_cast<Cursor*>(base)->eof; }

int xColumn(sqlite3_vtab_cursor* base, sqlite3_context* ctx, int column) {
  auto* cursor = reinterpret_cast<Cursor*>(base);
  const int ncols = reinterpret_cast<Table*>(base->pVtab)->ncolumns;
  if (column >= ncols) {
    // A hidden column: the argument as given (NULL where it was left out).
    size_t arg = static_cast<size_t>(column - ncols);
    if (arg < cursor->args.size()) sqlite3_result_value(ctx, cursor->args[arg]);
    return SQLITE_OK;
  }
  if (static_cast<size_t>(column) >= cursor->row.size()) return SQLITE_OK;  // NULL
  const Cell& cell = cursor->row[static_cast<size_t>(column)];
  if (const auto* i = std::get_if<int64_t>(&cell)) {
    sqlite3_result_int64(ctx, *i);
  } else if (const auto* s = std::get_if<std::string>(&cell)) {
    sqlite3_result_text64(ctx, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } else {
    sqlite3_result_null(ctx);
  }
  return SQLITE_OK;
}

int xRowid(sqlite3_vtab_cursor* base, sqlite3_int64* rowid) {
  *rowid = reinterpret_cast<Cursor*>(base)->rowid;
  return SQLITE_OK;
}

const sqlite3_module kModule = {
    /* iVersion */ 0,
    /* xCreate */ nullptr,  // eponymous only: no CREATE VIRTUAL TABLE
    xConnect, xBestIndex, xDisconnect,
    /* xDestroy */ nullptr,
    xOpen, xClose, xFilter, xNext, xEof, xColumn, xRowid,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
};

}  // namespace

int register_table_function(sqlite3* db, const TableFunction& function) {
  return sqlite3_create_module_v2(db, function.name, &kModule, const_cast<TableFunction*>(&function), nullptr);
}

}  // namespace vnsql
