#!/usr/bin/python3
"""Load vnsql into Python's sqlite3, build the analyst's database from a folder of
articles and print an answer.

    /usr/bin/python3 examples/python/ingest_and_ask.py [FOLDER] [--db FILE] [--ext build/vnsql.so]

FOLDER defaults to examples/corpus, --db to an in-memory database. Debian's
/usr/bin/python3 is needed: its sqlite3 module can load extensions.
The schema is sql/schema.sql itself; the rows are made the way sql/ingest.sql
makes them (the sqlite3 shell's fsdir() is not available here, so Python lists
the files and the module decodes them).
"""
import argparse, glob, os, sqlite3

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# One row per file; the module decodes the bytes (UTF-8, CP1258, TCVN3, ...) and
# finds title, date, source and body. Unchanged files (same path and sha256) are skipped.
INGEST = """
INSERT INTO documents(path, sha256, title, published, source, body, raw, ingested_at)
SELECT :path, vn_sha256(:raw), vn_article_title(t), vn_article_published(t), vn_article_source(t),
       vn_article_body(t), :raw, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM (SELECT vn_normalize(vn_decode(:raw)) AS t)
WHERE NOT EXISTS (SELECT 1 FROM documents WHERE path = :path AND sha256 = vn_sha256(:raw))
ON CONFLICT(path) DO UPDATE SET
  sha256 = excluded.sha256, title = excluded.title, published = excluded.published,
  source = excluded.source, body = excluded.body, raw = excluded.raw, ingested_at = excluded.ingested_at
"""

QUESTION = "Which Party and State documents do the articles cite most, and over which period?"
ANSWER = """
SELECT doc, kind, issued, articles, first_cited, last_cited
FROM catalogue ORDER BY articles DESC, doc COLLATE vietnamese LIMIT 5
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=os.path.join(ROOT, "examples", "corpus"))
    ap.add_argument("--db", default=":memory:")
    ap.add_argument("--ext", default=os.environ.get("VNSQL_MODULE", os.path.join(ROOT, "build", "vnsql.so")))
    a = ap.parse_args()

    con = sqlite3.connect(a.db)
    con.enable_load_extension(True)
    con.load_extension(os.path.abspath(a.ext))
    con.enable_load_extension(False)
    with open(os.path.join(ROOT, "sql", "schema.sql"), encoding="utf-8") as f:
        con.executescript(f.read())

    paths = sorted(glob.glob(os.path.join(a.folder, "**", "*.txt"), recursive=True))
    with con:  # one transaction: all files or none
        for path in paths:
            with open(path, "rb") as f:
                con.execute(INGEST, {"path": path, "raw": f.read()})

    n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    print(f"{n} articles in the database ({len(paths)} files read from {a.folder})")
    print(f"\n{QUESTION}")
    rows = con.execute(ANSWER).fetchall()
    print(f"{'document':16} {'kind':12} {'issued':11} {'articles':>8}  first       last")
    for doc, kind, issued, docs, first, last in rows:
        print(f"{doc:16} {kind or '':12} {issued or '':11} {docs:8}  {first or '':11} {last or ''}")
    con.close()


if __name__ == "__main__":
    main()
