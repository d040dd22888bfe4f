#!/usr/bin/env bash
# npm's prepare step (`npm install` or `npm pack` in this folder): builds the
# module with the project's CMake in VNSQL_BUILD_DIR (default: the repository's
# build/, the one ./examples/quickstart.sh uses) and copies it here, so that the
# package ships it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${VNSQL_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh" build
cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" -j"$(nproc)" --target vnsql >/dev/null
cp "$build/vnsql.so" "$here/vnsql.so"
