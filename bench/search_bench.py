#!/usr/bin/python3
"""Search at corpus scale (issue 18): builds the same FTS5 index of the corpus
with unicode61 and with the vietnamese tokenizer in each mode (smart-folded:
smart mode with the option folded_index 1), in one run, and
prints side by side the query latency (median and p99 of --runs runs) of
realistic typed queries, the number of hits, and index size and indexing time
against unicode61.

  bench/search_bench.py [--ext build/vnsql.so] [--corpus FILE.jsonl.xz] [--mb 0] [--runs 20]
                        [--modes unicode61,fold,smart,keep,smart-folded] [--dir DIR]

--mb 0 (the default) is the whole corpus; --mb 30 its first 30 MB of text.
Each index is a file database in --dir (a temporary folder by default),
built in one transaction (CPU time of the process, the least of
--build-repeat interleaved builds); query runs are interleaved across the modes so
that drift on a shared machine affects every mode alike. Latency is wall
clock of one statement, first row to last, in milliseconds. Use a Release
build of the module (cmake -B build && cmake --build build).
"""
import argparse, json, lzma, os, sqlite3, statistics, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--ext", default="build/vnsql.so")
ap.add_argument("--corpus", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "../../shared/corpus/baomoi-2017.jsonl.xz"))
ap.add_argument("--mb", type=float, default=0, help="first MB of text; 0: the whole corpus")
ap.add_argument("--runs", type=int, default=20)
ap.add_argument("--build-repeat", type=int, default=1, help="builds of each index, interleaved; the fastest counts")
ap.add_argument("--modes", default="unicode61,fold,smart,keep,smart-folded")
ap.add_argument("--dir", default=None, help="where the index databases go (default: a temporary folder)")
ap.add_argument("--only", default=None, help="run only the queries whose kind is in this comma list")
a = ap.parse_args()

MODES = {
    "unicode61": "unicode61 remove_diacritics 2",
    "fold": "vietnamese diacritics fold",
    "smart": "vietnamese",
    "keep": "vietnamese diacritics keep",
    "smart-folded": "vietnamese folded_index 1",  # smart mode, unaccented query words one term
}
modes = a.modes.split(",")

# What people type: (kind, MATCH string). Counted as SELECT count(*); the
# "top10" kind returns the 10 best rows by the table's rank (bm25) with
# snippet(), "ranked" the same through MATCH vn_query(?) ORDER BY vn_rank(t);
# "limits": 50 accentless words, and NEAR of 20 words.
QUERIES = [
    ("word", "dang"), ("word", "duoc"), ("word", "chinh"), ("word", "nguoi"), ("word", "viet"),
    ("word", "tinh"), ("word", "quan"), ("word", "cong"), ("word", "tham"), ("word", "nhung"),
    ("words", "chong tham nhung"), ("words", "bo chinh tri"), ("words", "kinh te xa hoi"),
    ("words", "ban chap hanh trung uong"),
    ("or", "dang OR chinh"), ("or", "tham OR nhung"), ("or", "quoc OR hoi OR dan"),
    ("phrase", '"bo chinh tri"'), ("phrase", '"chong tham nhung"'), ("phrase", '"uy ban nhan dan"'),
    ("phrase", '"quoc hoi"'), ("phrase", '"dang vien"'),
    ("near", "NEAR(bi thu, 3)"), ("near", "NEAR(tham nhung, 5)"), ("near", "NEAR(kinh te xa hoi, 10)"),
    ("prefix", "dao*"), ("prefix", "nghi*"), ("prefix", "thu*"), ("prefix", "ng*"), ("prefix", "th*"),
    ("prefix", "chinh sa*"),
    ("accented", "đảng"), ("accented", '"bộ chính trị"'), ("accented", "tham nhũng"), ("accented", "chính phủ"),
    ("top10", "dang"), ("top10", "chong tham nhung"), ("top10", "bo chinh tri"),
    ("ranked", "chong tham nhung"), ("ranked", "bo chinh tri"), ("ranked", "cong an"), ("ranked", "dang vien"),
    ("limits", " ".join(["nguoi dan thanh pho nghe thong tin ve cong tac dang"] * 5)),
    ("limits", "NEAR(" + " ".join(["nguoi dan thanh pho nghe thong tin ve cong tac"] * 2) + ", 20)"),
]
if a.only:
    QUERIES = [q for q in QUERIES if q[0] in a.only.split(",")]


def read_docs():
    docs, size = [], 0
    with lzma.open(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            docs.append(((article.get("title") or ""), (article.get("text") or "")))
            size += len(docs[-1][0].encode()) + len(docs[-1][1].encode())
            if a.mb and size >= a.mb * 1e6:
                break
    return docs, size


def connect(path):
    con = sqlite3.connect(path)
    con.enable_load_extension(True)
    con.load_extension(os.path.abspath(a.ext))
    return con


def build(path, tokenize, docs):
    if os.path.exists(path):
        os.remove(path)
    con = connect(path)
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='{tokenize}')")
    start = time.process_time()  # CPU time of this process: other work on a shared machine counts less
    with con:
        con.executemany("INSERT INTO t(title, body) VALUES (?, ?)", docs)
    seconds = time.process_time() - start
    index_bytes = con.execute("SELECT sum(length(block)) FROM t_data").fetchone()[0]
    con.close()
    return seconds, index_bytes


def run(con, kind, query):
    if kind == "top10":
        sql = "SELECT rowid, snippet(t, 1, '[', ']', '…', 10) FROM t WHERE t MATCH ? ORDER BY rank LIMIT 10"
    elif kind == "ranked":  # what an application runs (docs/functions/vn_rank.md)
        sql = ("SELECT rowid, snippet(t, 1, '[', ']', '…', 10) FROM t WHERE t MATCH vn_query(?) "
               "ORDER BY vn_rank(t) LIMIT 10")
    else:
        sql = "SELECT count(*) FROM t WHERE t MATCH ?"
    start = time.perf_counter()
    rows = con.execute(sql, (query,)).fetchall()
    ms = (time.perf_counter() - start) * 1000
    return ms, (len(rows) if kind in ("top10", "ranked") else rows[0][0])


def p99(values):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(0.99 * (len(s) - 1))))]


def main():
    docs, size = read_docs()
    folder = a.dir or tempfile.mkdtemp(prefix="vnsql-search-bench-")
    os.makedirs(folder, exist_ok=True)
    print(f"{len(docs)} articles, {size / 1e6:.1f} MB of text (title, body); {a.runs} runs a query; "
          f"indexes in {folder}", flush=True)
    built = {}
    for _ in range(a.build_repeat):  # interleaved, so drift affects every mode alike
        for mode in modes:
            seconds, index_bytes = build(os.path.join(folder, mode + ".db"), MODES[mode], docs)
            built[mode] = (min(seconds, built[mode][0]) if mode in built else seconds, index_bytes)
            print(f"  built {mode}: {seconds:.1f} s CPU", flush=True)
    del docs
    base_time, base_size = built[modes[0]]
    print()
    print(f"{'tokenizer':32s} {'CPU s':>8s} {'time ratio':>10s} {'index MB':>9s} {'size ratio':>10s}")
    for mode in modes:
        seconds, index_bytes = built[mode]
        print(f"{MODES[mode]:32s} {seconds:8.2f} {seconds / base_time:10.2f} {index_bytes / 1e6:9.1f} "
              f"{index_bytes / base_size:10.3f}")
    cons = {mode: connect(os.path.join(folder, mode + ".db")) for mode in modes}
    times = {(m, q): [] for m in modes for q in QUERIES}
    hits = {}
    for m in modes:  # warm the page cache once
        for kind, q in QUERIES:
            hits[(m, (kind, q))] = run(cons[m], kind, q)[1]
    for _ in range(a.runs):
        for kind, q in QUERIES:
            for m in modes:
                times[(m, (kind, q))].append(run(cons[m], kind, q)[0])
    print()
    header = f"{'kind':8s} {'query':28.28s}"
    for m in modes:
        header += f" {m + ' hits':>14s} {'med ms':>7s} {'p99 ms':>7s}"
    # Latency ratios against fold: smart's, then smart-folded's (a column each, when both modes ran).
    against_fold = [m for m in ("smart", "smart-folded") if m in modes and "fold" in modes]
    for m in against_fold:
        header += f" {m + '/fold':>{max(10, len(m) + 5)}s}"
    print(header)
    ratios = {m: {} for m in against_fold}
    for kind, q in QUERIES:
        line = f"{kind:8s} {q:28.28s}"
        for m in modes:
            t = times[(m, (kind, q))]
            line += f" {hits[(m, (kind, q))]:14d} {statistics.median(t):7.2f} {p99(t):7.2f}"
        for m in against_fold:
            r = statistics.median(times[(m, (kind, q))]) / statistics.median(times[("fold", (kind, q))])
            ratios[m].setdefault(kind, []).append(r)
            line += f" {r:{max(10, len(m) + 5)}.2f}"
        print(line)
    for m in against_fold:
        print()
        print(f"{m}/fold median latency ratio by kind (worst, median):")
        for kind, rs in ratios[m].items():
            print(f"  {kind:8s} worst {max(rs):5.2f}  median {statistics.median(rs):5.2f}")


main()
