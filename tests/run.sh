#!/usr/bin/env bash
# Every test: installs what is missing, builds the module and the tests with
# AddressSanitizer and UndefinedBehaviorSanitizer into build-test/, and runs
# them all through ctest.
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

# The libFuzzer targets (fuzz/): a separate clang build in build-fuzz/, each
# target run for a bounded time (VNSQL_FUZZ_TIME seconds, 20 by default).
cd ..
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNSQL_FUZZ=ON -DVNSQL_TESTS=OFF -DVNSQL_BENCH=OFF \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build-fuzz -j"$(nproc)"
ctest --test-dir build-fuzz -L fuzz --output-on-failure -j"$(nproc)" --timeout 300
