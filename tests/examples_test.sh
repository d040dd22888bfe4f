#!/usr/bin/env bash
# Checks examples/:
#  (a) the corpus itself: at least 12 articles, the NFD file really is NFD, the
#      accent-stripped file has no non-ASCII byte, the CP1258 and TCVN3 files are
#      not valid UTF-8, the derived files are exactly what sources/make_variants.sh
#      makes, and expected.json names every file and only text the files contain;
#  (b) when the module and sql/ are there, the whole pipeline: sql/schema.sql and
#      sql/ingest.sql build a temporary database from examples/corpus, whose
#      titles, dates, sources, identifiers and officials are compared with
#      examples/corpus/expected.json; examples/queries.sql and
#      examples/python/ingest_and_ask.py must run and show what the corpus holds.
#      (The notebook is executed by tests/hosts/test_notebook.py, in the host tests.)
#
# Usage: tests/examples_test.sh [--ext PATH/vnsql.so] [--require-pipeline] [--min MEASURE=VALUE]...
#   --ext defaults to $VNSQL_MODULE, else build/vnsql.so.
#   Measures: resolutions.precision/recall, names.precision/recall,
#   pairs.precision/recall, sources.accuracy (defaults below).
# Exit 0: passed; 1: failed; 77: corpus checks passed but the pipeline is not
# available (module, sql/schema.sql or sql/ingest.sql missing) and was not required.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/examples/corpus"
python=/usr/bin/python3
ext="${VNSQL_MODULE:-$root/build/vnsql.so}"
require_pipeline=0
mins=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ext) ext="$2"; shift 2 ;;
    --require-pipeline) require_pipeline=1; shift ;;
    --min) mins+=("$2"); shift 2 ;;
    *) echo "examples_test: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

[ -f "$ext" ] && ext=$(realpath "$ext")  # the steps below run in other folders

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# ---- (a) the corpus ------------------------------------------------------
echo "== corpus checks"
"$corpus/sources/make_variants.sh" "$tmp"
for f in "$tmp"/*.txt; do
  cmp -s "$f" "$corpus/$(basename "$f")" ||
    fail "$(basename "$f") differs from what sources/make_variants.sh makes"
done

"$python" - "$corpus" <<'PY' || exit 1
import glob, json, os, subprocess, sys, unicodedata
corpus = sys.argv[1]
errors = []
files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(corpus, "*.txt")))
if len(files) < 12:
    errors.append(f"only {len(files)} articles, want at least 12")

def one(suffix):
    hits = [f for f in files if f.endswith(suffix)]
    if len(hits) != 1:
        errors.append(f"want exactly one *{suffix} file, found {hits}")
        return None
    return open(os.path.join(corpus, hits[0]), "rb").read()

nfd = one(".nfd.txt")
if nfd is not None:
    t = nfd.decode("utf-8")
    if unicodedata.normalize("NFD", t) != t: errors.append("the .nfd.txt file is not NFD")
    if unicodedata.normalize("NFC", t) == t: errors.append("the .nfd.txt file has nothing to decompose")
plain = one(".no-accents.txt")
if plain is not None and any(b >= 0x80 for b in plain):
    errors.append("the .no-accents.txt file has non-ASCII bytes")
for suffix, enc in ((".cp1258.txt", "CP1258"), (".tcvn3.txt", "TCVN5712-1")):
    raw = one(suffix)
    if raw is None: continue
    try:
        raw.decode("utf-8"); errors.append(f"the {suffix} file is valid UTF-8")
    except UnicodeDecodeError:
        pass
    if not any(b >= 0x80 for b in raw): errors.append(f"the {suffix} file has no 8-bit letters")
for f in files:
    if f.endswith((".cp1258.txt", ".tcvn3.txt")): continue
    try: open(os.path.join(corpus, f), "rb").read().decode("utf-8")
    except UnicodeDecodeError: errors.append(f"{f} is not UTF-8")

# expected.json: one entry per file, and every fact in it is in the file's text.
exp = json.load(open(os.path.join(corpus, "expected.json"), encoding="utf-8"))["documents"]
named = [e["document"] for e in exp]
if sorted(named) != files:
    errors.append(f"expected.json documents {sorted(set(named) ^ set(files))} do not match the files")
def text(e):
    raw = open(os.path.join(corpus, e["document"]), "rb").read()
    enc = {"Windows-1258": "CP1258", "TCVN3 (ABC)": "TCVN5712-1"}.get(e["encoding"])
    if enc: raw = subprocess.run(["iconv", "-f", enc, "-t", "UTF-8"], input=raw, capture_output=True, check=True).stdout
    return unicodedata.normalize("NFC", raw.decode("utf-8"))
def norm(s):  # case, spacing and the two tone placements of "ủy" do not matter here
    return " ".join(s.replace("uỷ", "ủy").replace("Uỷ", "Ủy").split()).casefold()
months = set()
for e in exp:
    if e["document"] not in files: continue
    t = norm(text(e))
    months.add(e["published"][:7])
    for what in [e["title"]] + [o["name"] for o in e["officials"]] + e["not_officials"]:
        if norm(what) not in t: errors.append(f"{e['document']}: '{what}' is not in the text")
    for o in e["officials"]:
        for alts in o["titles"]:
            alts = alts if isinstance(alts, list) else [alts]
            if not any(norm(a) in t for a in alts):
                errors.append(f"{e['document']}: title {alts[0]!r} of {o['name']} is not in the text")
if len(months) < 8 or len({m[:4] for m in months}) < 4:
    errors.append(f"publication dates too bunched: {sorted(months)}")
# The notebook is committed without outputs (the test executes a copy).
nb = json.load(open(os.path.join(corpus, "..", "notebook.ipynb"), encoding="utf-8"))
if any(c.get("outputs") or c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code"):
    errors.append("examples/notebook.ipynb is committed with outputs")
for e in errors: print("FAIL:", e, file=sys.stderr)
print(f"corpus: {len(files)} articles, {len(months)} months, {len(exp)} expected entries"
      + (f", {len(errors)} problem(s)" if errors else ", ok"))
sys.exit(1 if errors else 0)
PY

# ---- (b) the pipeline ----------------------------------------------------
missing=()
[ -f "$ext" ] || missing+=("module $ext")
[ -f "$root/sql/schema.sql" ] || missing+=("sql/schema.sql")
[ -f "$root/sql/ingest.sql" ] || missing+=("sql/ingest.sql")
command -v sqlite3 >/dev/null || missing+=("sqlite3 shell")
if [ ${#missing[@]} -gt 0 ]; then
  echo "pipeline not available: ${missing[*]}"
  [ "$require_pipeline" = 1 ] && fail "the pipeline is required"
  exit 77
fi

echo "== pipeline: schema.sql + ingest.sql into a temporary database"
db="$tmp/demo.db"
cd "$root"
ingest() {
  sqlite3 "$db" -cmd ".load $ext" -cmd ".parameter set @dir $corpus" \
    '.read sql/schema.sql' '.read sql/ingest.sql'
}
ingest >"$tmp/ingest1.out" 2>&1 || { cat "$tmp/ingest1.out"; fail "ingest failed"; }
ingest >"$tmp/ingest2.out" 2>&1 || { cat "$tmp/ingest2.out"; fail "second ingest failed"; }
grep -q '^0 new or changed' "$tmp/ingest2.out" || { cat "$tmp/ingest2.out"; fail "re-ingesting the same files changed something"; }

"$python" - "$db" "$ext" "$corpus/expected.json" "${mins[@]}" <<'PY' || exit 1
import json, os, re, sqlite3, sys, unicodedata
db, ext, expected = sys.argv[1:4]
# Gates: what the extractors reach on this corpus, with a little room.
gates = {"resolutions.precision": 0.95, "resolutions.recall": 0.95,
         "names.precision": 0.90, "names.recall": 0.90,
         "pairs.precision": 0.90, "pairs.recall": 0.85, "sources.accuracy": 0.85}
for m in sys.argv[4:]:
    k, v = m.split("="); 
    if k not in gates: sys.exit(f"unknown measure {k}")
    gates[k] = float(v)

TONES = "\u0300\u0301\u0303\u0309\u0323"
OPEN = re.compile(r"([oOuU])([" + TONES + r"])([aAeEyY])(?![\w\u0300-\u036f])")
def norm(s):  # as ../shared/eval/score.py: NFC, one tone placement, spacing, case
    d = OPEN.sub(r"\1\3\2", unicodedata.normalize("NFD", s))
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", d)).strip().casefold()
def alts(x): return x if isinstance(x, list) else [x]

con = sqlite3.connect(db)
exp = json.load(open(expected, encoding="utf-8"))["documents"]
errors = []
counts = {k: [0, 0, 0] for k in ("resolutions", "names", "pairs")}
sources_ok = 0
for e in exp:
    doc = e["document"]
    row = con.execute("SELECT id, title, published, source FROM documents WHERE path LIKE '%/' || ?",
                      (doc,)).fetchone()
    if row is None:
        errors.append(f"{doc}: not in documents"); continue
    did, title, published, source = row
    if norm(title or "") != norm(e["title"]): errors.append(f"{doc}: title {title!r}, want {e['title']!r}")
    if published != e["published"]: errors.append(f"{doc}: published {published!r}, want {e['published']!r}")
    if source is not None and norm(source) == norm(e["source"]): sources_ok += 1
    else: print(f"  {doc}: source {source!r}, want {e['source']!r}")

    got = {r[0] for r in con.execute(
        "SELECT id FROM document_resolutions WHERE document_id = ? AND id IS NOT NULL", (did,))}
    want = [set(alts(w)) for w in e["resolutions"]]
    missing = [sorted(w)[0] for w in want if not w & got]
    extra = sorted(g for g in got if not any(g in w for w in want))
    c = counts["resolutions"]; c[0] += len(want) - len(missing); c[1] += len(extra); c[2] += len(missing)
    if missing or extra: print(f"  {doc}: identifiers missing {missing} extra {extra}")

    offs = {}
    for name, t in con.execute("SELECT name, title FROM document_officials WHERE document_id = ?", (did,)):
        offs.setdefault(norm(name), set())
        if t: offs[norm(name)].add(norm(t))
    want_names = {norm(o["name"]) for o in e["officials"]}
    for bad in e["not_officials"]:
        if norm(bad) in offs: errors.append(f"{doc}: '{bad}' extracted as an official")
    c = counts["names"]
    c[0] += len(want_names & offs.keys()); c[1] += len(offs.keys() - want_names); c[2] += len(want_names - offs.keys())
    if want_names != offs.keys():
        print(f"  {doc}: names missing {sorted(want_names - offs.keys())} extra {sorted(offs.keys() - want_names)}")
    c = counts["pairs"]
    for o in e["officials"]:
        n = norm(o["name"]); got_t = offs.get(n, set())
        wanted = [{norm(a) for a in alts(t)} for t in o["titles"]]
        allowed = set().union(*wanted, {norm(t) for t in o.get("optional_titles", [])})
        for w in wanted:
            if got_t & w: c[0] += 1
            else: c[2] += 1; print(f"  {doc}: {o['name']}: title missing {sorted(w)[0]!r}")
        for t in sorted(got_t - allowed):
            c[1] += 1; print(f"  {doc}: {o['name']}: extra title {t!r}")
    for n in offs.keys() - want_names:
        c[1] += len(offs[n])

def prf(tp, fp, fn):
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)
measures = {"sources.accuracy": sources_ok / len(exp)}
for k, (tp, fp, fn) in counts.items():
    p, r = prf(tp, fp, fn)
    measures[k + ".precision"], measures[k + ".recall"] = p, r
for k in sorted(measures):
    ok = measures[k] >= gates[k]
    print(f"{k:22s} {measures[k]:.3f}  (gate {gates[k]:.2f}) {'ok' if ok else 'BELOW'}")
    if not ok: errors.append(f"{k} {measures[k]:.3f} below {gates[k]}")
for e in errors: print("FAIL:", e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY

echo "== examples/queries.sql"
sqlite3 "$db" -cmd ".load $ext" '.read examples/queries.sql' >"$tmp/queries.out" 2>&1 ||
  { tail -20 "$tmp/queries.out"; fail "queries.sql failed"; }
asked=$(grep -c "^\.print '-- [0-9]" examples/queries.sql)
answered=$(grep -c '^-- [0-9]' "$tmp/queries.out")
[ "$asked" -ge 10 ] || fail "queries.sql asks only $asked questions"
[ "$asked" = "$answered" ] || fail "queries.sql asked $asked questions, the shell printed $answered"
! grep -qi '^\(parse \|runtime \)\?error' "$tmp/queries.out" || fail "queries.sql printed an error"
# Question 5 lists the articles that cite 18-NQ/TW: every one expected.json says does.
"$python" - "$corpus/expected.json" "$tmp/queries.out" <<'PY' || exit 1
import json, sys
exp = json.load(open(sys.argv[1], encoding="utf-8"))["documents"]
out = open(sys.argv[2], encoding="utf-8").read()
q5 = out.split("-- 5.")[1].split("-- 6.")[0]
citing = [e["document"] for e in exp if "18-NQ/TW" in e["resolutions"]]
absent = [d for d in citing if d not in q5]
q12 = out.split("-- 12.")[1].split("-- 13.")[0]
sources = sorted({e["source"] for e in exp if e["source"]})
print(f"queries: question 5 lists {len(citing) - len(absent)}/{len(citing)} articles citing 18-NQ/TW")
if absent: sys.exit(f"FAIL: question 5 leaves out {absent}")
if "VOV.VN" not in q12: sys.exit("FAIL: question 12 does not count VOV.VN")
PY

echo "== examples/python/ingest_and_ask.py"
"$python" examples/python/ingest_and_ask.py --ext "$ext" --db "$tmp/py.db" "$corpus" >"$tmp/py.out" 2>&1 ||
  { cat "$tmp/py.out"; fail "ingest_and_ask.py failed"; }
grep -q '18-NQ/TW' "$tmp/py.out" || { cat "$tmp/py.out"; fail "ingest_and_ask.py did not name 18-NQ/TW"; }
articles=$(ls "$corpus"/*.txt | wc -l)
grep -q "^$articles articles" "$tmp/py.out" || { cat "$tmp/py.out"; fail "ingest_and_ask.py did not ingest $articles articles"; }

echo "examples_test: all passed"
