#!/usr/bin/python3
"""What a long typed search costs: MATCH vn_query(typed) on the same rows indexed
by `vietnamese` (smart) and by `unicode61 remove_diacritics 2`, measured in the
same run, with the time ratio.

  /usr/bin/python3 bench/query_bench.py [--ext build/vnsql.so] [--corpus FILE.jsonl.xz]
                                        [--rows 200] [--kb 100] [--timeout 120]

Rows: title and text of the first --rows articles of
../shared/corpus/baomoi-2017.jsonl.xz, in an in-memory FTS5 table. Each
measurement runs in a fresh subprocess: CPU seconds of the query (best of 3
when under 0.5 s) and its peak memory (VmHWM, reset just before, minus the
resident size before). "raw" runs the typed text as the MATCH string itself
(a quoted phrase stays one FTS5 string): the tokenizer's own bound, without
vn_query's word limit. Use a Release build of the module.
"""
import argparse, json, lzma, os, subprocess, sys, time

TYPED = {  # name: text typed into a search box, repeated to --kb kilobytes
    "dang dang ...": "dang ",
    "unaccented news": "Ban Chap hanh Trung uong Dang ve cong tac can bo nghi quyet so 26 ",
    "accented news": "Ban Chấp hành Trung ương Đảng về công tác cán bộ nghị quyết số 26 ",
    "prefixes": "nghi* uong* th* ",
    "one quoted phrase": None,  # '"' + "dang " * n + '"'
}


def typed(name, size):
    unit = TYPED[name] or "dang "
    text = unit * -(-size // len(unit.encode()))
    return '"' + text + '"' if TYPED[name] is None else text


def status_kb(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))


def child(job):
    import sqlite3
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(job["ext"])
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='{job['tokenize']}')")
    with con:
        con.executemany("INSERT INTO t VALUES (?, ?)", job["rows"])
    match = "?1" if job["raw"] else "vn_query(?1)"
    sql = f"SELECT count(*) FROM t WHERE t MATCH {match}"

    def run():
        start = time.process_time()
        rows = con.execute(sql, (job["text"],)).fetchone()[0]
        return time.process_time() - start, rows

    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before = status_kb("VmRSS")
    seconds, rows = run()
    peak = max(status_kb("VmHWM") - before, 0) * 1024
    if seconds < 0.5:
        seconds = min([seconds] + [run()[0] for _ in range(2)])
    print(json.dumps({"seconds": seconds, "peak": peak, "rows": rows}))


def measure(a, job):
    try:
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child"], input=json.dumps(job),
                             capture_output=True, text=True, timeout=a.timeout)
    except subprocess.TimeoutExpired:
        return None
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1]}
    return json.loads(out.stdout)


def show(r):
    if r is None:
        return "> timeout"
    if "error" in r:
        return r["error"][:40]
    return f"{r['seconds']:.4f} s {r['peak'] / 2**20:.1f} MiB {r['rows']} rows"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--ext", default="build/vnsql.so")
    ap.add_argument("--corpus", default=os.path.join(here, "../../shared/corpus/baomoi-2017.jsonl.xz"))
    ap.add_argument("--rows", type=int, default=200)
    ap.add_argument("--kb", type=float, default=100)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--raw", action="store_true", help="also run each text as the MATCH string itself")
    ap.add_argument("--child", action="store_true")
    a = ap.parse_args()
    if a.child:
        return child(json.loads(sys.stdin.read()))
    rows = []
    with lzma.open(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            rows.append((article.get("title") or "", article.get("text") or ""))
            if len(rows) == a.rows:
                break
    size = int(a.kb * 1024)
    print(f"{len(rows)} rows; typed text of {a.kb:g} KB; CPU seconds, peak memory, rows found")
    print(f"| typed | MATCH | unicode61 remove_diacritics 2 | vietnamese | time ratio |")
    print("| --- | --- | --- | --- | --- |")
    for name in TYPED:
        for raw in [False, True] if a.raw else [False]:
            base = {"ext": os.path.abspath(a.ext), "rows": rows, "text": typed(name, size), "raw": raw}
            u = measure(a, dict(base, tokenize="unicode61 remove_diacritics 2"))
            v = measure(a, dict(base, tokenize="vietnamese"))
            ok = u and v and "error" not in u and "error" not in v
            ratio = f"{v['seconds'] / max(u['seconds'], 1e-4):.2f}" if ok else "-"
            print(f"| {name} | {'raw' if raw else 'vn_query'} | {show(u)} | {show(v)} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
