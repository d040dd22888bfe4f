#!/usr/bin/python3
"""Ranking on the whole baomoi corpus (issue 18): for accentless multi-word
queries typed as a user types them (no quotes), at least 9 of the 10 best rows
of  MATCH vn_query(?) ORDER BY vn_rank(t)  hold the intended phrase, the
accented phrase the corpus uses most (checked here: the rows holding it are
most of the rows holding the phrase in any reading). The same through the
table's rank option. Skipped (exit 77) when ../shared is not there.

  tests/ranking_test.py --ext build/vnsql.so [--shared ../shared] [--tokenize 'vietnamese folded_index 1']
"""
import argparse, json, lzma, os, sqlite3, sys, time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--ext", default=os.environ.get("VNSQL_MODULE", os.path.join(here, "../build/vnsql.so")))
ap.add_argument("--shared", default=os.path.join(here, "../../shared"))
ap.add_argument("--tokenize", default="vietnamese", help="the table's tokenize= (default: vietnamese, smart mode)")
a = ap.parse_args()

corpus = os.path.join(a.shared, "corpus", "baomoi-2017.jsonl.xz")
if not os.path.exists(corpus):
    print(f"skipped: no {corpus}")
    sys.exit(77)

# (typed, intended): what a user types, and the phrase they mean.
QUERIES = [
    ("chong tham nhung", "chống tham nhũng"),
    ("bo chinh tri", "bộ chính trị"),
    ("kinh te xa hoi", "kinh tế xã hội"),
    ("uy ban nhan dan", "ủy ban nhân dân"),
    ("quoc hoi", "quốc hội"),
    ("dang vien", "đảng viên"),
    ("bi thu tinh uy", "bí thư tỉnh ủy"),
    ("thu tuong chinh phu", "thủ tướng chính phủ"),
    ("an toan giao thong", "an toàn giao thông"),
    ("bien doi khi hau", "biến đổi khí hậu"),
    ("tai nan giao thong", "tai nạn giao thông"),
    ("cai cach hanh chinh", "cải cách hành chính"),
    ("doanh nghiep nho va vua", "doanh nghiệp nhỏ và vừa"),
    ("thi truong chung khoan", "thị trường chứng khoán"),
    ("xay dung nong thon moi", "xây dựng nông thôn mới"),
    ("ngan hang nha nuoc", "ngân hàng nhà nước"),
    ("ve sinh an toan thuc pham", "vệ sinh an toàn thực phẩm"),
    ("bao hiem xa hoi", "bảo hiểm xã hội"),
    ("tong bi thu", "tổng bí thư"),
    ("dang cong san", "đảng cộng sản"),
    ("cong an", "công an"),
]

con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension(os.path.abspath(a.ext))
assert "'" not in a.tokenize
con.execute(f"CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='{a.tokenize}')")
start = time.perf_counter()
with lzma.open(corpus, "rt", encoding="utf-8") as f, con:
    con.executemany("INSERT INTO t(title, body) VALUES (?, ?)",
                    ((d.get("title") or "", d.get("text") or "") for d in map(json.loads, f)))
rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
print(f"{rows} articles indexed ({a.tokenize}) in {time.perf_counter() - start:.1f} s")
con.execute("INSERT INTO t(t, rank) VALUES ('rank', 'vn_rank()')")  # ORDER BY rank: the table's rank option


def count(match):
    return con.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()[0]


def holds(rowid, phrase):
    return con.execute("SELECT count(*) FROM t WHERE t MATCH ? AND rowid = ?", (f'"{phrase}"', rowid)).fetchone()[0] > 0


failures = 0
print(f"{'typed':28s} {'intended':28s} {'rows':>6s} {'any reading':>11s}  top 10 holding it: vn_rank, rank option")
for typed, intended in QUERIES:
    assert '"' not in typed and '"' not in intended
    wanted, any_reading = count(f'"{intended}"'), count(f'"{typed}"')
    if wanted * 2 <= any_reading or wanted < 10:
        print(f"{typed}: '{intended}' is not the reading the corpus uses most ({wanted} of {any_reading} rows)")
        failures += 1
        continue
    got = []
    for sql in ("SELECT rowid FROM t WHERE t MATCH vn_query(?) ORDER BY vn_rank(t) LIMIT 10",
                "SELECT rowid FROM t WHERE t MATCH vn_query(?) ORDER BY rank LIMIT 10"):
        ids = [r[0] for r in con.execute(sql, (typed,))]
        got.append(sum(holds(i, intended) for i in ids) if len(ids) == 10 else -1)
    ok = all(g >= 9 for g in got)
    failures += not ok
    print(f"{typed:28s} {intended:28s} {wanted:6d} {any_reading:11d}  {got[0]}/10, {got[1]}/10{'' if ok else '  FAIL'}")

print(f"{len(QUERIES) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
