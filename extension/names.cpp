#include "names.h"

#include "normalize.h"
#include "sql_util.h"

namespace vnsql {

std::optional<std::string> name_key(std::string_view name) {
  std::string key;
  WordScanner scanner(name);
  Word w;
  bool any = false;
  while (scanner.next(w)) {
    if (any) key += ' ';
    key += w.lower;
    any = true;
  }
  if (!any) return std::nullopt;
  return key;
}

void sql_vn_name_key(sqlite3_context* ctx, int, sqlite3_value** argv) {
  sql::guarded(ctx, [&] {
    const auto text = sql::text_arg(argv[0]);
    const auto key = text ? name_key(*text) : std::nullopt;
    if (!key) return sqlite3_result_null(ctx);
    sql::result_text(ctx, *key);
  });
}

}  // namespace vnsql
