#!/usr/bin/python3
"""Builds the same FTS5 index with unicode61 and with vietnamese in each mode,
in one run, and prints time and index-size ratios against unicode61.

  bench/tokenizer_bench.py [--ext build/vnsql.so] [--corpus FILE.jsonl.xz] [--mb 20] [--repeat 3]

Text: title and text of the first --mb megabytes of articles of the corpus
(../shared/corpus/baomoi-2017.jsonl.xz by default). Each index is built in a
fresh in-memory database in one transaction; the best of --repeat runs counts.
Use a Release build of the module (cmake -B build && cmake --build build).
"""
import argparse, json, lzma, os, sqlite3, time

ap = argparse.ArgumentParser()
ap.add_argument("--ext", default="build/vnsql.so")
ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "../../shared/corpus/baomoi-2017.jsonl.xz"))
ap.add_argument("--mb", type=float, default=20)
ap.add_argument("--repeat", type=int, default=3)
a = ap.parse_args()

docs, size = [], 0
with lzma.open(a.corpus, "rt", encoding="utf-8") as f:
    for line in f:
        article = json.loads(line)
        body = (article.get("title") or "") + "\n" + (article.get("text") or "")
        docs.append((body,))
        size += len(body.encode("utf-8"))
        if size >= a.mb * 1e6:
            break

CONFIGS = [
    ("unicode61 remove_diacritics 2", "unicode61 remove_diacritics 2"),
    ("vietnamese diacritics fold", "vietnamese diacritics fold"),
    ("vietnamese (smart)", "vietnamese"),
    ("vietnamese diacritics keep", "vietnamese diacritics keep"),
]


QUERIES = ["dang", "nghi quyet", '"trung uong"', "nguoi*", "chinh phu", "đảng", '"hà nội"', "ủy ban", "thu*",
           "kinh te xa hoi"]


def build(tokenize):
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(os.path.abspath(a.ext))
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize='{tokenize}')")
    start = time.perf_counter()
    with con:
        con.executemany("INSERT INTO t(body) VALUES (?)", docs)
    seconds = time.perf_counter() - start
    index_bytes = con.execute("SELECT sum(length(block)) FROM t_data").fetchone()[0]
    start = time.perf_counter()
    for q in QUERIES:
        for _ in range(5):
            con.execute("SELECT count(*) FROM t WHERE t MATCH ?", (q,)).fetchone()
    query_seconds = time.perf_counter() - start
    con.close()
    return seconds, index_bytes, query_seconds


print(f"{len(docs)} articles, {size / 1e6:.1f} MB of text; best of {a.repeat} runs")
results = {}
for _ in range(a.repeat):  # interleaved, so drift affects every config alike
    for name, tokenize in CONFIGS:
        seconds, index_bytes, query_seconds = build(tokenize)
        best = results.get(name)
        results[name] = (min(seconds, best[0]) if best else seconds, index_bytes,
                         min(query_seconds, best[2]) if best else query_seconds)
base_time, base_size, base_query = results[CONFIGS[0][0]]
print(f"{'tokenizer':32s} {'seconds':>8s} {'MB/s':>7s} {'time ratio':>10s} {'index MB':>9s} {'size ratio':>10s}"
      f" {'query s':>8s} {'query ratio':>11s}")
for name, _ in CONFIGS:
    seconds, index_bytes, query_seconds = results[name]
    print(f"{name:32s} {seconds:8.2f} {size / 1e6 / seconds:7.1f} {seconds / base_time:10.2f} "
          f"{index_bytes / 1e6:9.1f} {index_bytes / base_size:10.2f} {query_seconds:8.3f} {query_seconds / base_query:11.2f}")
print(f"queries: {len(QUERIES)} typed queries x 5, count(*) of matches: {QUERIES}")
