#!/usr/bin/python3
"""Writes data/attested_syllables.tsv: the accented Vietnamese syllables that
a corpus uses at least --min times per million words.

  scripts/attested_syllables.py [--ext build/vnsql.so] [--corpus FILE.jsonl.xz] [--min 1] [--out data/attested_syllables.tsv]

Why (issue 18, README "Search at corpus scale"): in the tokenizer's smart
mode an accentless query word looks up the attested spellings of itself only,
and an accented syllable missing from the table indexes its accentless form
too, so the table changes speed and index size, never what a query finds.
Counts come from an FTS5 index of the corpus (title and text) built with
`vietnamese diacritics keep`; entries are canonical, lower case, and made of
an onset, vowels and a coda of data/syllables.tsv with at most one tone mark.
"""
import argparse, json, lzma, os, re, sqlite3, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--ext", default=os.path.join(here, "../build/vnsql.so"))
ap.add_argument("--corpus", default=os.path.join(here, "../../shared/corpus/baomoi-2017.jsonl.xz"))
ap.add_argument("--min", type=float, default=1.0, help="occurrences per million words")
ap.add_argument("--out", default=os.path.join(here, "../data/attested_syllables.tsv"))
a = ap.parse_args()

onsets, codas = set(), set()
with open(os.path.join(here, "../data/syllables.tsv"), encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or line.startswith("entry\t"):
            continue
        entry, classes = line.rstrip("\n").split("\t")[:2]
        if "onset" in classes.split():
            onsets.add(entry)
        if "coda" in classes.split():
            codas.add(entry)
VOWELS = set("aăâeêioôơuưy")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def regular(term):
    base, tones = [], 0
    for ch in term:
        d = unicodedata.normalize("NFD", ch)
        tones += sum(1 for m in d if m in TONES)
        base.append(unicodedata.normalize("NFC", "".join(m for m in d if m not in TONES)))
    base = "".join(base)
    if tones > 1 or not re.fullmatch(r"[a-zđăâêôơư]+", base):
        return False
    for onset in sorted(onsets, key=len, reverse=True):
        if base.startswith(onset):
            rest = base[len(onset):]
            for coda in sorted(codas, key=len, reverse=True):
                if rest.endswith(coda) and rest[: len(rest) - len(coda)] and all(c in VOWELS for c in rest[: len(rest) - len(coda)]):
                    return True
    return False


con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension(os.path.abspath(a.ext))
con.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='vietnamese diacritics keep')")
with lzma.open(a.corpus, "rt", encoding="utf-8") as f, con:
    con.executemany("INSERT INTO t(title, body) VALUES (?, ?)",
                    ((d.get("title") or "", d.get("text") or "") for d in map(json.loads, f)))
con.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, t, row)")
rows = con.execute("SELECT term, cnt FROM temp.v").fetchall()
words = sum(cnt for _, cnt in rows)
keep = sorted(term for term, cnt in rows
              if cnt * 1e6 / words >= a.min and con.execute("SELECT vn_unaccent(?1) != ?1", (term,)).fetchone()[0]
              and regular(term))
with open(a.out, "w", encoding="utf-8") as out:
    out.write("# Accented syllables in use: an unaccented query word in the tokenizer's smart mode looks up these spellings\n"
              "# of itself (and itself); an accented syllable not listed also indexes its unaccented form, so the list\n"
              f"# changes speed and index size, never what is found. Made by scripts/attested_syllables.py --min {a.min:g}:\n"
              f"# the syllables of the baomoi 2017 corpus ({words:,} words) used at least {a.min:g} times per million words.\n")
    out.write("entry\tclass\tnote\n")
    for term in keep:
        out.write(f"{term}\tattested\t\n")
print(f"{len(keep)} syllables of {len(rows)} terms ({words} words) at >= {a.min:g} per million -> {a.out}")
