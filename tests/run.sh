#!/usr/bin/env bash
# Every test: installs what is missing, builds the module and the tests with
# AddressSanitizer and UndefinedBehaviorSanitizer into build-test/, and runs
# them all through ctest; then the concurrency tests under ThreadSanitizer
# (build-tsan/) and the fuzz targets (build-fuzz/).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test notebook
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNSQL_SANITIZE=ON -DVNSQL_BENCH=OFF >/dev/null
cmake --build build-test -j"$(nproc)"
cd build-test
# halt_on_error: a sanitizer report fails the test that caused it.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
ctest --output-on-failure -j"$(nproc)" --timeout 900

# The concurrency tests again under ThreadSanitizer (it excludes ASan, so a
# third build in build-tsan/; the test binary is the host that loads the module).
cd ..
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNSQL_TSAN=ON -DVNSQL_BENCH=OFF >/dev/null
cmake --build build-tsan -j"$(nproc)" --target vnsql_tests
TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}" \
  ctest --test-dir build-tsan -R '^Concurrency' --output-on-failure --timeout 600

# The libFuzzer targets (fuzz/): a separate clang build in build-fuzz/, each
# target run for a bounded time (VNSQL_FUZZ_TIME seconds, 20 by default).
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNSQL_FUZZ=ON -DVNSQL_TESTS=OFF -DVNSQL_BENCH=OFF \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build-fuzz -j"$(nproc)"
ctest --test-dir build-fuzz -L fuzz --output-on-failure -j"$(nproc)" --timeout 300
