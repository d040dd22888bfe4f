#!/usr/bin/env bash
# The main job, end to end: installs what is missing, builds build/vnsql.so
# (the module only; VNSQL_BUILD_DIR names another build folder),
# creates DB (recreated each run) with sql/schema.sql, ingests every *.txt
# under CORPUS_DIR with sql/ingest.sql, and answers the analyst questions of
# examples/queries.sql, each printed with its answer as a table.
#
#   ./examples/quickstart.sh [CORPUS_DIR] [DB]
#   defaults: examples/corpus  examples/demo.db        (also try: ../shared/seeds)
set -euo pipefail

here=$(pwd)
absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$here/$1" ;; esac; }
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(absolute "${1:-$root/examples/corpus}")
db=$(absolute "${2:-$root/examples/demo.db}")
build=$(absolute "${VNSQL_BUILD_DIR:-$root/build}")
[ -d "$corpus" ] || { echo "quickstart: no such folder: $corpus" >&2; exit 2; }
cd "$root"

scripts/install-deps.sh build
cmake -S . -B "$build" >/dev/null
cmake --build "$build" -j"$(nproc)" --target vnsql >/dev/null
# A dot-command argument that the sqlite3 shell reads back as $1 whatever it
# holds: in double quotes, where the shell undoes \\ and \" (and only there
# can a " or a ' be written).
dot_arg() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
load=".load $(dot_arg "$build/vnsql")"

rm -f "$db" "$db-journal" "$db-wal" "$db-shm"
# The folder goes to ingest.sql as the parameter @dir: an SQL string (' doubled), as a dot-command argument.
sqlite3 "$db" -cmd "$load" -cmd ".parameter set @dir $(dot_arg "'${corpus//\'/\'\'}'")" \
  '.read sql/schema.sql' '.read sql/ingest.sql'

echo "== $db: built from $corpus"
sqlite3 -box "$db" -cmd "$load" "
  SELECT (SELECT count(*) FROM documents) AS documents,
         (SELECT count(*) FROM document_resolutions) AS document_references,
         (SELECT count(DISTINCT id) FROM document_resolutions WHERE id IS NOT NULL) AS distinct_documents_cited,
         (SELECT count(DISTINCT name) FROM document_officials) AS officials,
         (SELECT min(published) FROM documents) AS first_published,
         (SELECT max(published) FROM documents) AS last_published;"

sqlite3 "$db" -cmd "$load" '.read examples/queries.sql'
