#!/usr/bin/python3
"""The figures of issue 16 on a whole JSON-lines corpus (the README's "Publication dates and the
catalogue on the baomoi corpus"): builds the analyst's database (sql/schema.sql, sql/ingest_jsonl.sql
in the sqlite3 shell) and prints, as Markdown:

1. how many articles got a publication date, and a sample of them (up to --sample, seeded) with the
   head of their text, to be read by hand;
2. the top 20 documents of the catalogue (with how many of their articles name them only by their
   plenum, "Nghị quyết Trung ương 4 khóa XII"), next to the top 20 of resolution_mentions as the
   module given by --before-ext computes it (resolutions() of the same bodies, grouped by id and kind,
   as the view did before the catalogue).

  bench/corpus_figures.py --ext build/vnsql.so [--before-ext OLD/vnsql.so] [--corpus FILE.jsonl.xz]
                          [--db PATH] [--sample 50]

The "before" module runs in its own sqlite3 process: two builds of the module in one process would
share symbols. Run from the worktree root (../shared/corpus is found from there).
"""
import argparse, os, random, sqlite3, subprocess, sys, time

SHELL = "/usr/bin/sqlite3"
root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

# A reference that names a plenum, not a number: no identifier written in its surface.
PLENUM = ("r.surface NOT LIKE '%/%' AND (r.surface LIKE '%Trung ương%' OR r.surface LIKE '%TƯ%' "
          "OR r.surface LIKE '%T.Ư%' OR r.surface LIKE '%TW%' OR r.surface LIKE '%trung ương%')")


def shell(db, ext, *args, stdin=None):
    run = subprocess.run([SHELL, db, "-cmd", ".load " + os.path.splitext(os.path.abspath(ext))[0], *args],
                         stdin=stdin, capture_output=True, text=True, cwd=root)
    if run.returncode != 0:
        sys.exit(f"sqlite3 failed: {run.stderr.strip()}")
    return run.stdout


def build(db, ext, corpus):
    if os.path.exists(db):
        os.remove(db)
    t = time.time()
    xz = subprocess.Popen(["xz", "-dc", corpus], stdout=subprocess.PIPE)
    out = shell(db, ext, "-cmd", ".parameter set @source " + os.path.basename(corpus).split(".")[0],
                ".read sql/schema.sql", ".read sql/ingest_jsonl.sql", stdin=xz.stdout)
    xz.wait()
    print(f"<!-- ingest: {out.strip()} ({time.time() - t:.0f} s) -->")


def cell(v):
    return "" if v is None else str(v).replace("|", "\\|")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ext", required=True)
    ap.add_argument("--before-ext")
    ap.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus", "baomoi-2017.jsonl.xz"))
    ap.add_argument("--db", default="/tmp/vnsql-corpus-figures.db")
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--keep", action="store_true", help="use the database at --db as it is")
    a = ap.parse_args()
    if not os.path.exists(a.corpus):
        print(f"skipped: {a.corpus} is not there")
        sys.exit(77)
    if not (a.keep and os.path.exists(a.db)):
        build(a.db, a.ext, a.corpus)
    con = sqlite3.connect(a.db)
    con.enable_load_extension(True)
    con.load_extension(os.path.splitext(os.path.abspath(a.ext))[0])

    n, dated = con.execute("SELECT count(*), count(published) FROM documents").fetchone()
    print(f"\n### Publication dates\n\n{dated:,} of {n:,} articles have a publication date.\n")
    rows = con.execute("SELECT path, published, raw FROM documents WHERE published IS NOT NULL ORDER BY path").fetchall()
    random.Random(16).shuffle(rows)
    print("| article | published | its first lines |\n| --- | --- | --- |")
    for path, published, raw in rows[: a.sample]:
        text = con.execute("SELECT vn_decode(?)", (raw,)).fetchone()[0] if isinstance(raw, bytes) else raw
        head = " ⏎ ".join(l.strip() for l in (text or "").split("\n") if l.strip())[:160]
        print(f"| {cell(path)} | {published} | {cell(head)} |")

    print("\n### The most cited documents\n")
    top = con.execute(f"""
        SELECT c.doc, c.kind, c.issued, c.articles,
               (SELECT count(*) FROM (SELECT x.document_id FROM document_citations AS x WHERE x.doc = c.doc
                                      GROUP BY x.document_id HAVING sum(NOT ({PLENUM.replace('r.', 'x.')})) = 0)),
               substr(c.subject, 1, 60)
        FROM catalogue AS c ORDER BY c.articles DESC, c.doc LIMIT 20""").fetchall()
    before = []
    if a.before_ext:
        out = shell(a.db, a.before_ext, "-separator", "\t", """
            SELECT r.id, r.kind, count(DISTINCT d.id) FROM documents AS d, resolutions(d.body) AS r
            WHERE r.id IS NOT NULL GROUP BY r.id, r.kind ORDER BY 3 DESC, 1 LIMIT 20""")
        before = [line.split("\t") for line in out.strip().split("\n") if line]
    print("| # | catalogue: document | kind | issued | articles | of which by plenum name only | subject (most written) |"
          + (" resolution_mentions before: id | articles |" if before else ""))
    print("| --- | --- | --- | --- | --- | --- | --- |" + (" --- | --- |" if before else ""))
    for i in range(20):
        left = top[i] if i < len(top) else (None,) * 6
        line = f"| {i + 1} | " + " | ".join(cell(v) for v in left) + " |"
        if before:
            b = before[i] if i < len(before) else ("", "", "")
            line += f" {cell(b[0])} | {cell(b[2])} |"
        print(line)
    plenum_refs, plenum_articles = con.execute(
        f"SELECT count(*), count(DISTINCT document_id) FROM document_resolutions AS r WHERE r.id IS NOT NULL AND {PLENUM}"
    ).fetchone()
    plenum_mentions = con.execute(
        f"SELECT count(*) FROM (SELECT DISTINCT document_id, start FROM document_resolutions AS r WHERE {PLENUM})").fetchone()[0]
    docs, ids = con.execute("SELECT count(*), count(DISTINCT id) FROM catalogue").fetchone()
    split = con.execute("SELECT count(*) FROM (SELECT id FROM catalogue GROUP BY id HAVING count(*) > 1)").fetchone()[0]
    print(f"\nPlenum references: {plenum_mentions:,} in {plenum_articles:,} articles, giving {plenum_refs:,} rows "
          f"(one per resolution of the plenum unless the subject names one). Catalogue: {docs:,} documents under "
          f"{ids:,} identifiers; {split:,} identifiers stand for more than one row.")


main()
