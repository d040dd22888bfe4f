// Heap bytes in use and their peak, for the memory tests (memory_test.cpp)
// and the cost fuzz target (fuzz/cost_fuzz.cpp). Under AddressSanitizer,
// whose allocator serves every malloc and operator new, its malloc and free
// hooks count everything; without it, the includer must count (memory_test.cpp
// wraps malloc).
#pragma once
#include <atomic>
#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define VNSQL_HEAP_HOOKS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VNSQL_HEAP_HOOKS 1
#endif
#endif

namespace vnsql::testing {

struct HeapCounter {
  std::atomic<long long> now{0}, peak{0};
  void add(long long bytes) {
    const long long n = now.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    long long p = peak.load(std::memory_order_relaxed);
    while (n > p && !peak.compare_exchange_weak(p, n, std::memory_order_relaxed)) {
    }
  }
  // Starts a measurement: returns the bytes in use, which peak() is compared with.
  long long reset() {
    peak.store(now.load());
    return now.load();
  }
};

// Every heap byte, at the malloc level.
inline HeapCounter all_heap;

#ifdef VNSQL_HEAP_HOOKS
extern "C" {
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void*, size_t),
                                              void (*free_hook)(const volatile void*));
size_t __sanitizer_get_allocated_size(const volatile void* p);
}
// ASan calls the free hook before it releases the block, so its size is still known.
[[maybe_unused]] inline const int heap_hooks_installed = __sanitizer_install_malloc_and_free_hooks(
    [](const volatile void*, size_t size) { all_heap.add(static_cast<long long>(size)); },
    [](const volatile void* p) { all_heap.add(-static_cast<long long>(__sanitizer_get_allocated_size(p))); });
#endif

}  // namespace vnsql::testing
