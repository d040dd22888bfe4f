#!/usr/bin/env bash
# Installs whichever of the project's Debian packages are missing.
# Usage: scripts/install-deps.sh [build|test|hosts|cluster]...   (default: build)
# As root it runs apt-get directly, otherwise through sudo.
set -euo pipefail

build=(cmake g++ make pkg-config libsqlite3-dev sqlite3 libicu-dev libutf8proc-dev xz-utils)
test=(googletest libgtest-dev libbenchmark-dev python3 clang libclang-rt-14-dev sqlite-utils valgrind)
# The host tests (scripts/install-hosts.sh installs their pip and npm packages): a
# virtual environment of Debian's python3, Node.js with npm (this machine's nodejs
# package is NodeSource's Node 20, npm included), headless Chromium.
hosts=(python3-venv nodejs chromium)
# cluster/: the dqlite library the node links, and the dqlite shell; Debian's Go
# (1.19) builds the loader where no newer Go is installed. The tests run the cluster.
cluster=(libdqlite-dev go-dqlite)
command -v go >/dev/null || [ -x /usr/local/go/bin/go ] || cluster+=(golang-go)
test+=("${cluster[@]}")

wanted=()
for group in "${@:-build}"; do
  case "$group" in
    build) wanted+=("${build[@]}") ;;
    test) wanted+=("${build[@]}" "${test[@]}") ;;
    hosts) wanted+=("${hosts[@]}") ;;
    cluster) wanted+=("${build[@]}" "${cluster[@]}") ;;
    *) echo "install-deps: unknown group '$group' (build, test, hosts, cluster)" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
