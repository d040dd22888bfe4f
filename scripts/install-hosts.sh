#!/usr/bin/env bash
# What the host tests (tests/hosts/) need beyond Debian's packages, pinned, all in
# DIR (default build/hosts; the test command uses BUILD_DIR/hosts):
#   DIR/venv     a virtual environment made from Debian's /usr/bin/python3 with
#                tests/hosts/requirements.txt and the vnsql wheel built from this
#                checkout (DIR/dist), as `pip install .` builds it: CMake in DIR/cmake
#   bindings/node/node_modules  better-sqlite3 12 as package-lock.json pins it; npm's
#                prepare step copies the module from DIR/cmake into the package
#   DIR/demo.db  the database ./examples/quickstart.sh builds from examples/corpus
# pip's and npm's downloads are cached in DIR; the environment and node_modules are
# made again only when their pins change.
#
#   scripts/install-hosts.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "${1:-$root/build/hosts}"
dir=$(cd "${1:-$root/build/hosts}" && pwd)
"$root/scripts/install-deps.sh" build hosts

export PIP_CACHE_DIR="$dir/pip-cache" PIP_DISABLE_PIP_VERSION_CHECK=1 npm_config_cache="$dir/npm-cache"
# One CMake build for the wheel, the npm package and the quickstart.
export VNSQL_BUILD_DIR="$dir/cmake"

venv="$dir/venv"
if ! cmp -s "$root/tests/hosts/requirements.txt" "$venv/requirements.txt"; then
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$root/tests/hosts/requirements.txt"
  cp "$root/tests/hosts/requirements.txt" "$venv/requirements.txt"
fi
# The wheel, built as `pip install .` builds it (the backend scikit-build-core, as
# pinned here, runs CMake), without pip's isolated build environment: that one is
# new each time and makes scikit-build-core compile everything again.
rm -rf "$dir/dist"
"$venv/bin/pip" wheel -q --no-build-isolation --no-deps -w "$dir/dist" --config-settings=build-dir="$VNSQL_BUILD_DIR" "$root"
"$venv/bin/pip" install -q --force-reinstall --no-deps "$dir"/dist/vnsql-*.whl

cd "$root/bindings/node"
if [ ! -e node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund  # runs prepare (build.sh) too
else
  ./build.sh
fi

"$root/examples/quickstart.sh" "$root/examples/corpus" "$dir/demo.db" >"$dir/quickstart.out"
echo "install-hosts: $venv, $(ls "$dir"/dist), bindings/node/node_modules, $dir/demo.db"
