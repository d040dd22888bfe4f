#!/bin/sh
# The whole baomoi corpus through sql/schema.sql + sql/ingest_jsonl.sql in the sqlite3 shell,
# for two versions side by side, alternated, RUNS times each (README, "Ingest"):
#   bench/ingest_side_by_side.sh BASE_MODULE BASE_SOURCE NEW_MODULE NEW_SOURCE [RUNS]
# A version is a module (…/vnsql.so) and the source folder whose sql/ it runs. For main, e.g.:
#   git worktree add /tmp/vnsql-main main && cmake -S /tmp/vnsql-main -B /tmp/vnsql-main/build \
#     && cmake --build /tmp/vnsql-main/build -j2
# Prints wall clock and CPU time (user, sys) of the shell for each run; the corpus is
# decompressed once beforehand, so xz is not counted.
set -eu
[ $# -ge 4 ] || { echo "usage: $0 BASE_MODULE BASE_SOURCE NEW_MODULE NEW_SOURCE [RUNS]" >&2; exit 2; }
corpus=$(cd "$(dirname "$0")/.." && pwd)/../shared/corpus/baomoi-2017.jsonl.xz
runs=${5:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xz -dc "$corpus" > "$tmp/baomoi.jsonl"
i=1
while [ "$i" -le "$runs" ]; do
  for which in base new; do
    if [ "$which" = base ]; then module=$1 source=$2; else module=$3 source=$4; fi
    rm -f "$tmp/$which.db"
    (cd "$source" && /usr/bin/time -f "$which run $i: %e s wall, %U s user, %S s sys" \
       sqlite3 "$tmp/$which.db" -cmd ".load ${module%.so}" -cmd '.parameter set @source baomoi-2017' \
       '.read sql/schema.sql' '.read sql/ingest_jsonl.sql' < "$tmp/baomoi.jsonl" > /dev/null)
  done
  i=$((i + 1))
done
