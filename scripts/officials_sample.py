#!/usr/bin/python3
"""Draws the random sample of (name, title) rows of officials() over the baomoi
corpus whose judgements are in docs/officials_precision.tsv (README,
"Officials on the whole corpus").

  /usr/bin/python3 scripts/officials_sample.py --ext build/vnsql.so [--n 120] [--seed 14] [--context]

Every row of officials() with a title, over every article of
../shared/corpus/baomoi-2017.jsonl.xz, is a candidate; the sample is the n
candidates whose SHA-1 of "seed:article:start:title" is smallest, printed in
that order as TSV: row, article id, start, name, title (and, with --context,
the text around the mention, to judge it: the corpus is not copied into the
project). A row keeps its place in the order whatever else the extractor
finds, so a sample drawn again after a change holds the same rows where
they are still found.
"""
import argparse, hashlib, json, lzma, os, sqlite3

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--ext", default=os.path.join(here, "..", "build", "vnsql.so"))
ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "baomoi-2017.jsonl.xz"))
ap.add_argument("--n", type=int, default=120)
ap.add_argument("--seed", type=int, default=14)
ap.add_argument("--context", action="store_true")
a = ap.parse_args()

con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension(os.path.abspath(a.ext))
rows, texts = [], {}
with lzma.open(a.corpus, "rt", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        for name, title, start, length in con.execute(
                "SELECT name, title, start, length FROM officials(?) WHERE title IS NOT NULL", (d["text"],)):
            rows.append((d["id"], start, length, name, title))
        if a.context:
            texts[d["id"]] = d["text"]
print("row\tarticle\tstart\tname\ttitle" + ("\tcontext" if a.context else ""))
def key(row):
    doc, start, length, name, title = row
    return hashlib.sha1(f"{a.seed}:{doc}:{start}:{title}".encode()).hexdigest()

for k, (doc, start, length, name, title) in enumerate(sorted(rows, key=key)[:a.n], 1):
    out = f"{k}\t{doc}\t{start}\t{name}\t{title}"
    if a.context:
        t, s = texts[doc], start - 1
        out += "\t" + (t[max(0, s - 160):s] + "[[" + t[s:s + length] + "]]" + t[s + length:s + length + 100]).replace("\n", " ⏎ ").replace("\t", " ")
    print(out)
print(f"# {len(rows)} rows with a title; sample of {a.n}, seed {a.seed}")
