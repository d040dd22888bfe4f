#!/usr/bin/env bash
# The tests, by entry point (installs what is missing first):
#
#   ./tests/run.sh [all]   asan, then tsan, then fuzz (what .ci/run runs)
#   ./tests/run.sh quick   plain build in build-quick/, every test not labelled slow
#   ./tests/run.sh hosts   plain build in build-quick/, the host tests alone (label hosts, tests/hosts/)
#   ./tests/run.sh asan    AddressSanitizer + UndefinedBehaviorSanitizer build in build-test/, every test
#   ./tests/run.sh tsan    the concurrency tests under ThreadSanitizer, build-tsan/
#   ./tests/run.sh fuzz    each libFuzzer target for VNSQL_FUZZ_TIME seconds (20), clang build in build-fuzz/
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

plain() {
  cmake -S . -B build-quick -DVNSQL_BENCH=OFF >/dev/null
  cmake --build build-quick -j"$jobs"
}

quick() {
  plain
  ctest --test-dir build-quick -LE slow --output-on-failure -j"$jobs"
}

hosts() {
  plain
  ctest --test-dir build-quick -L hosts --output-on-failure -j"$jobs"
}

asan() {
  cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNSQL_SANITIZE=ON -DVNSQL_BENCH=OFF >/dev/null
  cmake --build build-test -j"$jobs"
  # halt_on_error: a sanitizer report fails the test that caused it.
  ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}" \
  UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}" \
    ctest --test-dir build-test --output-on-failure -j"$jobs" --timeout 900
}

# ThreadSanitizer excludes ASan, so a build of its own; the test binary is the
# host that loads the module.
tsan() {
  cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNSQL_TSAN=ON -DVNSQL_BENCH=OFF >/dev/null
  cmake --build build-tsan -j"$jobs" --target vnsql_tests
  TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}" \
    ctest --test-dir build-tsan -R '^Concurrency' --output-on-failure --timeout 600
}

fuzz() {
  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNSQL_FUZZ=ON -DVNSQL_TESTS=OFF -DVNSQL_BENCH=OFF \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
  cmake --build build-fuzz -j"$jobs"
  ctest --test-dir build-fuzz -L fuzz --output-on-failure -j"$jobs" --timeout 300
}

case "${1:-all}" in
  quick | tsan | fuzz) scripts/install-deps.sh test; "$1" ;;
  asan) scripts/install-deps.sh test hosts; asan ;;
  hosts) scripts/install-deps.sh test hosts; hosts ;;
  all) scripts/install-deps.sh test hosts; asan; tsan; fuzz ;;
  *) echo "usage: $0 [all|quick|asan|tsan|fuzz|hosts]" >&2; exit 2 ;;
esac
