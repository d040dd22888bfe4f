#!/usr/bin/python3
"""Time and peak memory per MB of every SQL function and the tokenizer, on
ordinary news text and on each hostile shape of issue 21, at two sizes.

  /usr/bin/python3 bench/cost_bench.py [--ext build/vnsql.so] [--corpus FILE.jsonl.xz]
                                       [--sizes 1,4] [--timeout 60] [--only NAME] [--quick]

Use a Release build of the module (cmake -S . -B build -DVNSQL_BENCH=OFF &&
cmake --build build -j2); Debian's /usr/bin/python3, whose sqlite3 module can
load extensions. --quick: 0.25 and 1 MB, 10 s per measurement.

Ordinary text: the `text` fields of the first articles of
../shared/corpus/baomoi-2017.jsonl.xz. The hostile shapes are those of
tests/hostile_shapes.h. Each measurement runs in a fresh subprocess: it reads
its input, loads the module, binds the value once (so that Python's UTF-8 copy
of it exists before), then runs the statement, which reads every column of
every row in SQLite. Time: CPU time (the machine may be shared), the best
of 3 runs (1 when a run takes over 0.5 s). Memory: the peak resident size
(ru_maxrss, here VmHWM, reset just before through /proc/self/clear_refs)
during the first run minus the resident size before it, per MB of input,
with glibc's mmap threshold fixed at 128 KiB so that large blocks freed before
do not hide new ones; it includes SQLite's copy of the bound value (the
"(binding only)" rows show it). A measurement over --timeout seconds is killed and printed as
"> N s"; the larger size is then not tried.

Columns: ms/MB at each size; growth = (ms/MB at the large size) / (ms/MB at the
small one): 1 for linear work, the size ratio (4) for quadratic; vs ordinary =
ms/MB on the shape / ms/MB on ordinary text, at the large size; MiB/MB = peak
memory per MB of input at the large size.
"""
import argparse, json, lzma, os, subprocess, sys, tempfile, time

# (name, statement over ?1, setup). The tokenizer: an FTS5 insert in a
# transaction rolled back (tokenizing and FTS5's in-memory index), and a query
# of the whole text as one phrase (not MATCH vn_query(?1): FTS5's own parser is
# superlinear in the number of ANDed terms, unicode61 too).
FTS5 = "CREATE VIRTUAL TABLE f USING fts5(body, tokenize='vietnamese {}');"
ROWS = ("INSERT INTO f(body) VALUES ('Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương'), "
        "('Trần Quang Vinh, Ủy viên Trung ương Đảng'), ('Ha Noi, dang uy vien'), ('Hà Nội');")
PHRASE = "SELECT rowid FROM f WHERE f MATCH '\"' || replace(?1, '\"', '\"\"') || '\" *'"
# Every column of every row is computed, and summed up in SQLite rather than
# turned into Python objects (whose cost is Python's, not the module's).
FUNCTIONS = [
    ("(binding only)", "SELECT length(?1)", None),
    ("vn_normalize", "SELECT length(vn_normalize(?1))", None),
    ("vn_unaccent", "SELECT length(vn_unaccent(?1))", None),
    ("vn_tokens", "SELECT sum(length(term) + start + end + colocated) FROM vn_tokens(?1)", None),
    ("vn_tokens keep", "SELECT sum(length(term) + start) FROM vn_tokens(?1, 'diacritics keep')", None),
    ("resolutions", "SELECT count(id), sum(length(kind) + length(number) + length(symbol) + length(issuer)"
     " + length(year) + length(date) + length(surface) + start + length + resolved) FROM resolutions(?1)", None),
    ("resolution_id", "SELECT length(resolution_id(?1, 2))", None),
    ("extract_officials", "SELECT length(extract_officials(?1))", None),
    ("officials", "SELECT sum(length(name) + length(title) + length(honorific) + length(mention) + start + length)"
     " FROM officials(?1)", None),
    ("delegations", "SELECT count(*), sum(length(head) + length(host) + length(documents) + start + length)"
     " FROM delegations(?1)", None),
    ("vn_dates", "SELECT sum(length(date) + length(surface) + start + length) FROM vn_dates(?1)", None),
    ("vn_date", "SELECT length(vn_date(?1))", None),
    ("vn_decode", "SELECT length(vn_decode(?1))", None),
    ("vn_decode tcvn3", "SELECT length(vn_decode(?1, 'tcvn3'))", None),
    ("vn_decode viqr", "SELECT length(vn_decode(?1, 'viqr'))", None),
    ("vn_query", "SELECT length(vn_query(?1))", None),
    ("vn_article_title", "SELECT length(vn_article_title(?1))", None),
    ("vn_article_published", "SELECT length(vn_article_published(?1))", None),
    ("vn_article_source", "SELECT length(vn_article_source(?1))", None),
    ("vn_article_body", "SELECT length(vn_article_body(?1))", None),
    ("vn_sha256", "SELECT length(vn_sha256(?1))", None),
    ("fts5 insert smart", "INSERT INTO f(body) VALUES (?1)", FTS5.format("")),
    ("fts5 insert fold", "INSERT INTO f(body) VALUES (?1)", FTS5.format("diacritics fold")),
    ("fts5 insert keep", "INSERT INTO f(body) VALUES (?1)", FTS5.format("diacritics keep")),
    ("fts5 query smart", PHRASE, FTS5.format("") + ROWS),
    ("fts5 query fold", PHRASE, FTS5.format("diacritics fold") + ROWS),
    ("fts5 query keep", PHRASE, FTS5.format("diacritics keep") + ROWS),
]

MARKS = "\u0301\u0323"
SEPARATORS = "\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000" \
             "\u2010\u2011\u2013\u2014\u2212\uFF0D"


def repeat(unit, n):
    """Whole copies of unit until at least n UTF-8 bytes."""
    return unit * -(-n // len(unit.encode()))


def distinct_references(n):
    parts, size, i = [], 0, 0
    while size < n:
        i += 1
        p = f"Nghị quyết số {i}-NQ/TW ngày 19/5/2018, Nghị định {i}/2020/NĐ-CP, "
        parts.append(p)
        size += len(p.encode())
    return "".join(parts)


def titled_names(n):
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"]
    names = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Minh", "Nam"]
    parts, size, i = [], 0, 0
    while size < n:
        p = f"Bí thư Tỉnh ủy {surnames[i % 7]} Văn {names[i // 7 % 9]} phát biểu. "
        parts.append(p)
        size += len(p.encode())
        i += 1
    return "".join(parts)


# As in tests/hostile_shapes.h.
SHAPES = {
    "MarksAfterLetter": lambda n: "a" + repeat(MARKS, n),
    "MarksAfterSpace": lambda n: "Đảng " + repeat(MARKS, n),
    "MarksAtStart": lambda n: repeat(MARKS, n),
    "WordOfA": lambda n: repeat("a", n),
    "WordOfVietnameseLetters": lambda n: repeat("ạĐ", n),
    "WordOfDecomposedLetters": lambda n: repeat("a\u0323", n),
    "ExoticSeparators": lambda n: repeat(SEPARATORS, n),
    "ExoticSeparatorsBetweenWords": lambda n: repeat(
        "Hà\u00A0Nội\u2013ngày\u200919/5/2018\u2212Đảng\u3000ủy\u2011viên\u2014a\uFF0Db\u2002", n),
    "References": lambda n: repeat("Nghị quyết số 26-NQ/TW ngày 19/5/2018, Nghị định 62/2020/NĐ-CP, ", n),
    "DistinctReferences": distinct_references,
    "TitlesWithoutName": lambda n: repeat("Ủy viên Bộ Chính trị, Bí thư Tỉnh ủy, Phó Chủ tịch UBND tỉnh ", n),
    "Dates": lambda n: repeat("ngày 19/5/2018, ngày 25 tháng 10 năm 2017, 7-12-2019, tháng 10/2017, Sáng 6/12, ", n),
    "RepeatedHonorific": lambda n: repeat("đồng chí ", n),
    "TitledNames": lambda n: titled_names(n),
}


def status_kb(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))


def child(job):
    """One measurement; prints JSON {seconds, peak_bytes}."""
    import sqlite3
    with open(job["input"], "rb") as f:
        text = f.read().decode()
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(job["ext"])
    if job["setup"]:
        con.executescript(job["setup"])
    con.execute("SELECT length(?1)", (text,)).fetchone()  # Python's UTF-8 form of the value, made once
    rollback = job["sql"].startswith("INSERT")

    def run():
        if rollback:
            con.execute("BEGIN")
        start = time.process_time()
        for _ in con.execute(job["sql"], (text,)):
            pass
        seconds = time.process_time() - start
        if rollback:
            con.execute("ROLLBACK")
        return seconds

    # The peak resident size (what ru_maxrss reports) is reset first: it would
    # otherwise hold the peak of reading the input, or the parent's at exec.
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before = status_kb("VmRSS")
    seconds = run()
    peak = (status_kb("VmHWM") - before) * 1024
    if seconds < 0.5:
        seconds = min([seconds] + [run() for _ in range(2)])
    print(json.dumps({"seconds": seconds, "peak_bytes": max(peak, 0)}))


# A fixed mmap threshold: glibc otherwise raises it when a large block is freed
# and keeps the freed memory resident for reuse, so that what the call
# allocates again would not show in the resident size.
CHILD_ENV = {**os.environ, "MALLOC_MMAP_THRESHOLD_": str(128 << 10)}


def measure(a, function, path, timeout):
    name, sql, setup = function
    job = {"input": path, "ext": os.path.abspath(a.ext), "sql": sql, "setup": setup}
    try:
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", json.dumps(job)],
                             capture_output=True, text=True, timeout=timeout, env=CHILD_ENV)
    except subprocess.TimeoutExpired:
        return None
    if out.returncode != 0:
        sys.exit(f"{name} on {path}: {out.stderr}")
    return json.loads(out.stdout)


def ordinary(corpus, n):
    parts, size = [], 0
    with lzma.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("text") or ""
            parts.append(t + "\n")
            size += len(t.encode()) + 1
            if size >= n:
                break
    return "".join(parts)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--ext", default="build/vnsql.so")
    ap.add_argument("--corpus", default=os.path.join(here, "../../shared/corpus/baomoi-2017.jsonl.xz"))
    ap.add_argument("--sizes", default="1,4", help="the two sizes, MB")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per measurement")
    ap.add_argument("--quick", action="store_true", help="--sizes 0.25,1 --timeout 10")
    ap.add_argument("--only", help="only the functions whose name contains this")
    ap.add_argument("--child")
    a = ap.parse_args()
    if a.child:
        return child(json.loads(a.child))
    if a.quick:
        a.sizes, a.timeout = "0.25,1", 10
    sizes = [int(float(s) * 2**20) for s in a.sizes.split(",")]
    news = ordinary(a.corpus, max(sizes))

    def news_of(n):
        return news.encode()[:n].decode(errors="ignore")

    shapes = {"Ordinary": news_of, **SHAPES, "OneLine": lambda n: news_of(n).replace("\n", " ")}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for shape, make in shapes.items():
            for n in sizes:
                paths[shape, n] = os.path.join(tmp, f"{shape}-{n}")
                with open(paths[shape, n], "w", encoding="utf-8") as f:
                    f.write(make(n))
        small, large = sizes
        print(f"module {a.ext}; sizes {small / 2**20:g} and {large / 2**20:g} MB; "
              f"at most {a.timeout:g} s per measurement")
        header = (f"{'function':22s} {'shape':28s} {'ms/MB ' + format(small / 2**20, 'g'):>11s} "
                  f"{'ms/MB ' + format(large / 2**20, 'g'):>11s} {'growth':>7s} {'vs ordinary':>11s} {'MiB/MB':>7s}")
        for function in [f for f in FUNCTIONS if not a.only or a.only in f[0]]:
            print("\n" + header)
            reference = None
            for shape in shapes:
                row = []
                for n in sizes:
                    r = measure(a, function, paths[shape, n], a.timeout)
                    row.append(r)
                    if r is None:
                        break
                per_mb = [r["seconds"] * 1e3 / (n / 2**20) if r else None for r, n in zip(row, sizes)]
                if shape == "Ordinary":
                    reference = per_mb[-1]
                cells = [f"{per_mb[i]:11.1f}" if i < len(row) and row[i] else
                         f"{'> ' + format(a.timeout, 'g') + ' s':>11s}" if i < len(row) else f"{'-':>11s}"
                         for i in range(2)]
                done = len(row) == 2 and row[1] is not None
                growth = f"{per_mb[1] / per_mb[0]:7.2f}" if done and per_mb[0] > 0 else f"{'-':>7s}"
                versus = f"{per_mb[1] / reference:11.2f}" if done and reference else f"{'-':>11s}"
                memory = f"{row[1]['peak_bytes'] / large:7.2f}" if done else f"{'-':>7s}"
                print(f"{function[0]:22s} {shape:28s} {cells[0]} {cells[1]} {growth} {versus} {memory}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
