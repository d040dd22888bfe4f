#!/usr/bin/python3
"""Runs ./examples/quickstart.sh into a temporary database, building the module
in a temporary folder (VNSQL_BUILD_DIR, so the developer's build/ is left
alone), and checks what it
printed against what examples/corpus contains (examples/corpus/expected.json):
the document count, every question answered, the articles citing 18-NQ/TW,
the citation counts of the most cited documents, and the officials listed.
The corpus is a copy in a folder named with ", \\, ' and spaces."""
import glob, json, os, re, shutil, subprocess, sys, tempfile
from collections import Counter

root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
corpus = os.path.join(root, "examples", "corpus")
expected = json.load(open(os.path.join(corpus, "expected.json"), encoding="utf-8"))["documents"]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


with tempfile.TemporaryDirectory() as tmp:
    # The corpus and the database in a folder whose name the shell's quoting would trip on (issue 22).
    odd = os.path.join(tmp, 'the "news" \\ it\'s here')
    shutil.copytree(corpus, os.path.join(odd, "corpus"))
    run = subprocess.run([os.path.join(root, "examples", "quickstart.sh"), os.path.join(odd, "corpus"),
                          os.path.join(odd, "demo.db")],
                         capture_output=True, text=True, env=dict(os.environ, VNSQL_BUILD_DIR=os.path.join(tmp, "build")))
out = run.stdout
if run.returncode != 0:
    sys.exit(f"quickstart.sh exited with {run.returncode}\n{run.stderr[-3000:]}")
check("Error" not in run.stderr and "Parse error" not in out, f"errors printed: {run.stderr[-2000:]}")

# The summary: documents equal the corpus files.
files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(corpus, "*.txt")))
summary = re.search(r"│ documents │.*\n.*\n│ *(\d+) *│ *(\d+) *│ *(\d+) *│ *(\d+) *│", out)
check(summary is not None, "no summary table")
if summary:
    check(int(summary.group(1)) == len(files), f"documents {summary.group(1)} != {len(files)} files")
    cited = {i if isinstance(i, str) else i[0] for d in expected for i in d["resolutions"]}
    check(int(summary.group(3)) == len(cited), f"distinct documents cited {summary.group(3)} != {len(cited)} expected")

# Every question of queries.sql is printed and answered with a table.
questions = re.findall(r"^\.print '(-- \d+\..*)'$", open(os.path.join(root, "examples", "queries.sql"), encoding="utf-8").read(), re.M)
check(len(questions) >= 10, f"only {len(questions)} questions")
sections = {}
for q in questions:
    at = out.find(q)
    check(at >= 0, f"question not printed: {q}")
    nxt = min([p for p in (out.find("\n-- ", at + 1),) if p > 0] or [len(out)])
    sections[q.split(".")[0]] = out[at:nxt]
    check("┌" in out[at:nxt], f"question without an answer table: {q}")


def section(n):
    return sections.get(f"-- {n}", "")


def ids_of(doc):
    return {i if isinstance(i, str) else i[0] for i in doc["resolutions"]}


# Question 5: exactly the articles that cite 18-NQ/TW.
want = {d["document"] for d in expected if "18-NQ/TW" in ids_of(d)}
got = {f for f in files if f in section(5)}
check(got == want, f"articles citing 18-NQ/TW: got {sorted(got)}, want {sorted(want)}")

# Question 6: each listed document (catalogue: doc, kind, issued, articles) with the number of
# articles that cite it; a doc of one year of an id shared by several ('11-NQ/TW@2017') is not
# comparable with the per-id counts of expected.json, and the corpus has none.
counts = Counter(i for d in expected for i in ids_of(d))
rows = re.findall(r"^│ (\S+) +│ [^│]+│[^│]*│ +(\d+) +│", section(6), re.M)
check(not any("@" in ident for ident, _ in rows), "most cited documents: no identifier split by year here")
check(len(rows) >= 5, "most cited documents: fewer than 5 rows")
for ident, n in rows:
    check(counts.get(ident) == int(n), f"{ident}: printed {n} articles, corpus has {counts.get(ident)}")

# Question 8: the officials, and none of the names that are not officials.
names = {o["name"] for d in expected for o in d["officials"]}
found = {n for n in names if n in section(8)}
check(len(found) >= 0.9 * len(names), f"officials listed: {len(found)}/{len(names)}, missing {sorted(names - found)}")
for d in expected:
    for bad in d.get("not_officials", []):
        check(f"│ {bad} " not in section(8), f"not an official but listed: {bad}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print(f"quickstart: {len(files)} documents, {len(questions)} questions answered, "
      f"{len(rows)} most-cited counts right, {len(found)}/{len(names)} officials listed")
