#include "collation.h"

#include <unicode/ucol.h>

#include <cstring>

namespace vnsql {
namespace {

constexpr const char* kVietnameseLocale = "vi";

void* create_vietnamese() {
  UErrorCode status = U_ZERO_ERROR;
  UCollator* collator = ucol_open(kVietnameseLocale, &status);
  if (U_FAILURE(status)) {
    if (collator) ucol_close(collator);
    return nullptr;
  }
  return collator;
}

// Byte order (memcmp must not see a null pointer, even for 0 bytes).
int compare_bytes(int size_a, const void* a, int size_b, const void* b) {
  int common = size_a < size_b ? size_a : size_b;
  int n = common > 0 ? std::memcmp(a, b, static_cast<size_t>(common)) : 0;
  return n ? n : (size_a > size_b) - (size_a < size_b);
}

void destroy_collator(void* state) { ucol_close(static_cast<UCollator*>(state)); }

int compare_with(const UCollator* collator, int size_a, const void* a, int size_b, const void* b) {
  if (!a) a = "";
  if (!b) b = "";
  UErrorCode status = U_ZERO_ERROR;
  // ICU reads ill-formed UTF-8 as U+FFFD, so any bytes are safe here.
  UCollationResult r = ucol_strcollUTF8(collator, static_cast<const char*>(a), size_a,
                                        static_cast<const char*>(b), size_b, &status);
  // Cannot compare: byte order, still a total order.
  if (U_FAILURE(status)) return compare_bytes(size_a, a, size_b, b);
  if (r == UCOL_EQUAL) {
    // Canonically equivalent strings (NFC vs NFD) collate equal; break the
    // tie by bytes so that only identical strings are equal (what UNIQUE and
    // DISTINCT expect of a collation that is a total order on values).
    return compare_bytes(size_a, a, size_b, b);
  }
  return r == UCOL_LESS ? -1 : 1;
}

int compare_vietnamese_state(void* state, int size_a, const void* a, int size_b, const void* b) {
  return compare_with(static_cast<const UCollator*>(state), size_a, a, size_b, b);
}

}  // namespace

const Collation kVietnameseCollation = {"vietnamese", create_vietnamese, compare_vietnamese_state, destroy_collator};

int compare_vietnamese(std::string_view a, std::string_view b) {
  void* state = create_vietnamese();
  if (!state) return a.compare(b);
  int r = compare_with(static_cast<const UCollator*>(state), static_cast<int>(a.size()), a.data(),
                       static_cast<int>(b.size()), b.data());
  destroy_collator(state);
  return r;
}

}  // namespace vnsql
