// The SQLite API as a loadable extension sees it: every call goes through the
// routine table handed to sqlite3_vnsql_init (defined once, in vnsql.cpp).
#pragma once
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
