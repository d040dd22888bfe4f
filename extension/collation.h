// COLLATE vietnamese: ICU's Vietnamese collator ("vi"), so ORDER BY sorts like
// a Vietnamese dictionary: a ă â b c d đ e ê ... with tones in the order none,
// huyền, hỏi, ngã, sắc, nặng; case is a tertiary difference (a < A < à).
//
// ICU collators must not be shared between threads, so every connection gets
// its own (sqlite3_create_collation_v2 with a destructor).
#pragma once
#include <string_view>

namespace vnsql {

// A collation the module registers: `create` makes the per-connection state
// handed to `compare` and, when the connection closes, to `destroy`.
struct Collation {
  const char* name;
  void* (*create)();  // nullptr on failure
  int (*compare)(void* state, int size_a, const void* a, int size_b, const void* b);
  void (*destroy)(void* state);
};

extern const Collation kVietnameseCollation;

// Compares two UTF-8 strings as COLLATE vietnamese does (<0, 0, >0), with a
// collator of its own; invalid UTF-8 compares as U+FFFD.
int compare_vietnamese(std::string_view a, std::string_view b);

}  // namespace vnsql
