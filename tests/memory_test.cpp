// Bounded memory on any input (issue 21): every function, called on a 4 MB
// text of each hostile shape (hostile_shapes.h) and on ordinary news text,
// may allocate at most 4 × the text + 1 MiB above what was allocated when the
// call began (its peak, not what is left at the end); a function whose
// result is larger than the text, 4 × the result + 1 MiB. The plain C++
// functions are called directly; the table-valued functions through SQLite,
// rows read one by one, where SQLite's own copy of the argument counts too.
//
// A separate executable (vnsql_memory_tests), because it replaces the global
// allocation functions to count:
// - every heap byte, at the malloc level (C++ new, utf8proc, ICU, SQLite):
//   in a plain build by wrapping malloc & co. around glibc's __libc_malloc;
//   under AddressSanitizer, whose allocator already intercepts malloc, through
//   its malloc and free hooks (heap_counter.h).
//   This is the figure the limit applies to.
// - the C++ heap alone: global operator new/delete, every variant, replaced
//   (it works under ASan: the executable's definitions take precedence over
//   the sanitizer's), reported next to it.
// Each call runs in a forked child process with an alarm, so that one
// measurement starts from the same heap as the others, and a call that takes
// superlinear time (alternating combining marks on today's code) fails that
// shape after kSeconds instead of hanging the suite.
#include <gtest/gtest.h>
#include <malloc.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utf8proc.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <new>
#include <string>
#include <vector>

#include "article.h"
#include "dates.h"
#include "encodings.h"
#include "heap_counter.h"
#include "hostile_shapes.h"
#include "normalize.h"
#include "names.h"
#include "officials.h"
#include "titles.h"
#include "provinces.h"
#include "query.h"
#include "resolutions.h"
#include "sql_fixture.h"
#include "tokenizer.h"

using vnsql::testing::all_heap;

// ---- every heap byte: under ASan heap_counter.h's hooks count it ------------
#ifndef VNSQL_HEAP_HOOKS
// glibc's own entry points (https://www.gnu.org/software/libc/manual/html_node/Replacing-malloc.html).
namespace {
void* counted(void* p) {
  if (p) all_heap.add(static_cast<long long>(malloc_usable_size(p)));
  return p;
}
}  // namespace
extern "C" {
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
void __libc_free(void*);

void* malloc(size_t n) { return counted(__libc_malloc(n)); }
void* calloc(size_t n, size_t size) { return counted(__libc_calloc(n, size)); }
void* memalign(size_t align, size_t n) { return counted(__libc_memalign(align, n)); }
void* aligned_alloc(size_t align, size_t n) { return memalign(align, n); }
void* valloc(size_t n) { return memalign(static_cast<size_t>(sysconf(_SC_PAGESIZE)), n); }
void* pvalloc(size_t n) {
  const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return memalign(page, (n + page - 1) / page * page);
}
int posix_memalign(void** out, size_t align, size_t n) {
  void* p = memalign(align, n);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}
void free(void* p) {
  if (p) all_heap.add(-static_cast<long long>(malloc_usable_size(p)));
  __libc_free(p);
}
void* realloc(void* p, size_t n) {
  const long long before = p ? static_cast<long long>(malloc_usable_size(p)) : 0;
  void* q = __libc_realloc(p, n);
  if (q || n == 0) all_heap.add(-before);  // on failure p is left as it was
  return counted(q);
}
}
#endif

// ---- the C++ heap ----------------------------------------------------------
namespace {
vnsql::testing::HeapCounter cxx_heap;

void* cxx_new(size_t n, size_t align, bool nothrow) {
  if (n == 0) n = 1;
  void* p = align <= alignof(std::max_align_t) ? std::malloc(n) : std::aligned_alloc(align, (n + align - 1) / align * align);
  if (!p) {
    if (nothrow) return nullptr;
    throw std::bad_alloc();
  }
  cxx_heap.add(static_cast<long long>(malloc_usable_size(p)));
  return p;
}
void cxx_delete(void* p) noexcept {
  if (!p) return;
  cxx_heap.add(-static_cast<long long>(malloc_usable_size(p)));
  std::free(p);
}
constexpr size_t kPlain = 0;
}  // namespace

void* operator new(size_t n) { return cxx_new(n, kPlain, false); }
void* operator new[](size_t n) { return cxx_new(n, kPlain, false); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return cxx_new(n, kPlain, true); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return cxx_new(n, kPlain, true); }
void* operator new(size_t n, std::align_val_t a) { return cxx_new(n, static_cast<size_t>(a), false); }
void* operator new[](size_t n, std::align_val_t a) { return cxx_new(n, static_cast<size_t>(a), false); }
void* operator new(size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return cxx_new(n, static_cast<size_t>(a), true);
}
void* operator new[](size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return cxx_new(n, static_cast<size_t>(a), true);
}
void operator delete(void* p) noexcept { cxx_delete(p); }
void operator delete[](void* p) noexcept { cxx_delete(p); }
void operator delete(void* p, size_t) noexcept { cxx_delete(p); }
void operator delete[](void* p, size_t) noexcept { cxx_delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { cxx_delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { cxx_delete(p); }
void operator delete(void* p, std::align_val_t) noexcept { cxx_delete(p); }
void operator delete[](void* p, std::align_val_t) noexcept { cxx_delete(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { cxx_delete(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept { cxx_delete(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { cxx_delete(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { cxx_delete(p); }

namespace vnsql {
namespace {

using testing::Shape;

constexpr size_t kSize = 4 << 20;
constexpr long long kSlack = 1 << 20;
constexpr unsigned kSeconds = 30;  // a linear call on 4 MB takes a few seconds at most, even under ASan

struct Peak {
  long long heap = 0, cxx = 0;  // bytes above what was allocated when the call began
  long long result = 0;         // size of the text the call returned
};

// Runs `call` in a child process; its peaks, or false if it did not finish in kSeconds (or crashed).
bool measure(const std::function<size_t()>& call, Peak& peak) {
  int pipe_fd[2];
  if (pipe(pipe_fd) != 0) return false;
  const pid_t pid = fork();
  if (pid == 0) {
    close(pipe_fd[0]);
    alarm(kSeconds);
    const long long heap = all_heap.reset(), cxx = cxx_heap.reset();
    const auto result = static_cast<long long>(call());
    const Peak p{all_heap.peak - heap, cxx_heap.peak - cxx, result};
    _exit(write(pipe_fd[1], &p, sizeof p) == sizeof p ? 0 : 1);
  }
  close(pipe_fd[1]);
  const bool ok = pid > 0 && read(pipe_fd[0], &peak, sizeof peak) == sizeof peak;
  close(pipe_fd[0]);
  if (pid > 0) waitpid(pid, nullptr, 0);
  return ok;
}

// Runs one function on a text; returns the size of the text it returns (0
// for rows and scanners, whose results are not kept).
struct Call {
  const char* name;
  std::function<size_t(const std::string&)> run;
};

class Memory : public testing::SqlTest, public ::testing::WithParamInterface<Shape> {
 protected:
  // A statement over the text ?1, every row and column read (the table-valued
  // functions must stream their rows, not build them all first).
  std::function<size_t(const std::string&)> sql(const char* statement) {
    return [this, statement](const std::string& text) {
      sqlite3_stmt* stmt = nullptr;
      sqlite3_prepare_v2(db_, statement, -1, &stmt, nullptr);
      sqlite3_bind_text(stmt, 1, text.c_str(), -1, SQLITE_STATIC);  // known NUL-terminated: SQLite need not copy it to add one
      while (sqlite3_step(stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) sqlite3_column_bytes(stmt, c);
      sqlite3_finalize(stmt);
      return size_t{0};
    };
  }
  static std::function<size_t(const std::string&)> tokens(Diacritics mode, bool query) {
    return [mode, query](const std::string& text) {
      TokenStream stream(text, TokenizerOptions{mode}, query, query);
      Token token;
      while (stream.next(token)) {
      }
      return size_t{0};
    };
  }

  std::vector<Call> calls() {
    return {
        {"normalize", [](const std::string& t) { return normalize(t).size(); }},
        {"unaccent", [](const std::string& t) { return unaccent(t).size(); }},
        {"lower", [](const std::string& t) { return lower(t).size(); }},
        {"fold", [](const std::string& t) { return fold(t).size(); }},
        {"name_key", [](const std::string& t) { return name_key(t).value_or("").size(); }},
        {"title",
         [](const std::string& t) {
           TitleParts parts;
           return parse_title(t, parts, "Sơn La") ? title_json(parts).size() : size_t{0};
         }},
        {"province", [](const std::string& t) { return province(t).value_or("").size(); }},
        {"province_2025", [](const std::string& t) { return province_2025(t).value_or("").size(); }},
        {"WordScanner",
         [](const std::string& t) {
           WordScanner words(t);
           Word w;
           while (words.next(w)) {
           }
           return size_t{0};
         }},
        {"TokenStream smart", tokens(Diacritics::Smart, false)},
        {"TokenStream fold", tokens(Diacritics::Fold, false)},
        {"TokenStream keep", tokens(Diacritics::Keep, false)},
        {"TokenStream smart query", tokens(Diacritics::Smart, true)},
        {"vn_tokens()", sql("SELECT term, start, end, colocated FROM vn_tokens(?1)")},
        {"resolutions()", sql("SELECT id, kind, number, symbol, issuer, date, surface FROM resolutions(?1)")},
        {"resolution_id", [](const std::string& t) { return resolution_id(t, 1).value_or("").size(); }},
        {"resolution_id(2)", [](const std::string& t) { return resolution_id(t, 2).value_or("").size(); }},
        // Through SQL: find_officials() gives a vector of structs, for tests.
        {"extract_officials()", sql("SELECT extract_officials(?1)")},
        {"officials()", sql("SELECT name, title, honorific FROM officials(?1)")},
        {"delegations()", sql("SELECT * FROM delegations(?1)")},
        {"DateScanner",
         [](const std::string& t) {
           DateScanner dates(t, true);
           DateMatch d;
           while (dates.next(d)) {
           }
           return size_t{0};
         }},
        {"vn_dates()", sql("SELECT * FROM vn_dates(?1)")},
        {"first_date", [](const std::string& t) { return first_date(t).size(); }},
        {"decode", [](const std::string& t) { return decode(t).size(); }},
        {"decode utf-8", [](const std::string& t) { return decode(t, Encoding::Utf8).size(); }},
        {"decode tcvn3", [](const std::string& t) { return decode(t, Encoding::Tcvn3).size(); }},
        {"decode viqr", [](const std::string& t) { return decode(t, Encoding::Viqr).size(); }},
        {"fts5_query", [](const std::string& t) { return fts5_query(t).size(); }},
        {"ranked_query (vn_query)", [](const std::string& t) { return ranked_query(t).size(); }},
        {"article_title", [](const std::string& t) { return article_title(t).size(); }},
        {"article_published", [](const std::string& t) { return article_published(t).size(); }},
        {"article_source", [](const std::string& t) { return article_source(t).size(); }},
        {"article_body", [](const std::string& t) { return article_body(t).size(); }},
        {"sha256_hex", [](const std::string& t) { return sha256_hex(t).size(); }},
    };
  }
};

TEST_P(Memory, PeakHeapAtMostFourTimesTheText) {
  const std::string text = GetParam().make(kSize);
  for (const Call& call : calls()) {
    call.run(testing::ordinary(64 << 10));  // tables and caches a first call sets up are not the text's
    Peak peak;
    if (!measure([&] { return call.run(text); }, peak)) {
      ADD_FAILURE() << call.name << " on " << GetParam().name << " (" << (text.size() >> 20)
                    << " MiB): did not finish in " << kSeconds << " s (or crashed); the shape's other calls not run";
      return;
    }
    // A result larger than the text (vn_decode from TCVN3 or VIQR writes up
    // to 3 bytes for each byte it reads) is allowed 4 times its own size.
    const long long limit = 4 * std::max(static_cast<long long>(text.size()), peak.result) + kSlack;
    EXPECT_LE(peak.heap, limit) << call.name << " on " << GetParam().name << ": peak heap " << (peak.heap >> 10)
                                << " KiB (C++ " << (peak.cxx >> 10) << " KiB) for " << (text.size() >> 10)
                                << " KiB of text and " << (peak.result >> 10) << " KiB of result: x"
                                << static_cast<double>(peak.heap) / static_cast<double>(text.size());
  }
}

// The counters themselves: a call's peak counts what it freed before returning,
// memory from operator new in both figures, and memory from malloc (here
// utf8proc's) in the heap figure only.
TEST(Counting, SeesNewAndMalloc) {
  const std::string text = testing::repeat("Đảng ", 8 << 20);
  Peak peak;
  ASSERT_TRUE(measure([&] { return std::string(text).size(); }, peak));
  EXPECT_GE(peak.cxx, static_cast<long long>(text.size()));
  EXPECT_GE(peak.heap, static_cast<long long>(text.size()));
  ASSERT_TRUE(measure(
      [&] {
        std::free(utf8proc_NFD(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str())));
        return size_t{0};
      },
      peak));
  EXPECT_LT(peak.cxx, 1 << 20);
  EXPECT_GE(peak.heap, static_cast<long long>(text.size()));
}

std::vector<Shape> shapes() {
  std::vector<Shape> all = {{"Ordinary", testing::ordinary}};
  for (const Shape& s : testing::hostile_shapes()) all.push_back(s);
  return all;
}

INSTANTIATE_TEST_SUITE_P(EveryShape, Memory, ::testing::ValuesIn(shapes()),
                         [](const ::testing::TestParamInfo<Shape>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace vnsql
