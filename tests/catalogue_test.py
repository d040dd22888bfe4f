#!/usr/bin/python3
"""The catalogue of the documents cited (issue 16): sql/schema.sql and sql/ingest_jsonl.sql in
the sqlite3 shell on articles written as the news writes them, with their publication dates.

- One identifier, several documents: 11-NQ/TW of 2007 (the Politburo's, on women) and of 2017
  (the 5th plenum's) are two rows, told apart by the issue date the articles write; an article
  that writes no date for it cannot be told, and stays under the id alone.
- One document, several identifiers: 67/NĐ-CP in one article is 67/2014/NĐ-CP written in another
  (the only 67/YEAR/NĐ-CP of the corpus); 15/NĐ-CP stays as written when the corpus gives two
  years (15/2015/NĐ-CP and 15/2018/NĐ-CP).
- A plenum's resolutions ("Nghị quyết Trung ương 4 khóa XII") count for the ones it names.
- A date after the citing article's publication is no issue date ("ngày 15/9 tới"); an id never
  dated stays one row; subject and issuer: the ones written most often.
- resolution_mentions counts by the catalogue's identifiers.

  catalogue_test.py      (the module is $VNSQL_MODULE; sql/ is this checkout's)
"""
import json, os, sqlite3, subprocess, sys, tempfile

SHELL = "/usr/bin/sqlite3"
source = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
module = os.environ["VNSQL_MODULE"]
failures = []

ARTICLES = [
    ("a1", "2017-03-08",
     "Hà Nội (TTXVN) - Sáng 7/3, Hội Liên hiệp Phụ nữ Việt Nam tổng kết 10 năm thực hiện Nghị quyết số 11-NQ/TW "
     "ngày 27/4/2007 của Bộ Chính trị về công tác phụ nữ thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước."),
    ("a2", "2017-03-20",
     "Tỉnh ủy tổ chức hội nghị sơ kết Nghị quyết 11-NQ/TW ngày 27-4-2007 của Bộ Chính trị về công tác phụ nữ "
     "thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước. Đồng chí Bí thư Tỉnh ủy phát biểu."),
    ("a3", "2017-06-20",
     "Thực hiện Nghị quyết số 11-NQ/TW ngày 3/6/2017 của Ban Chấp hành Trung ương Đảng khóa XII về hoàn thiện "
     "thể chế kinh tế thị trường định hướng xã hội chủ nghĩa, Bộ Kế hoạch và Đầu tư đã xây dựng chương trình hành động."),
    ("a4", "2017-07-01",
     "Hội nghị quán triệt Nghị quyết 11-NQ/TW, Nghị quyết 12-NQ/TW. Các đại biểu đã nghe báo cáo viên trình bày."),
    ("a5", "2017-02-10",
     "Theo Nghị định số 67/2014/NĐ-CP ngày 7/7/2014 của Chính phủ về một số chính sách phát triển thủy sản, "
     "ngư dân được vay vốn đóng tàu vỏ thép."),
    ("a6", "2017-04-02",
     "Đến nay, tỉnh đã có 35 tàu đóng mới theo Nghị định 67/NĐ-CP của Chính phủ, nhiều tàu nằm bờ."),
    ("a7", "2017-05-05",
     "Nghị định 15/2015/NĐ-CP về đầu tư theo hình thức đối tác công tư và Nghị định 15/2018/NĐ-CP về an toàn thực "
     "phẩm. Nghị định 15/NĐ-CP được nhắc lại."),
    ("a8", "2017-01-12",
     "Quán triệt Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng, ngăn chặn, đẩy lùi sự "
     "suy thoái về tư tưởng chính trị, đạo đức, lối sống."),
    ("a9", "2017-01-15",
     "Đảng ủy khối tổ chức học tập Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng khóa XII."),
    ("a10", "2017-06-01",
     "Tỉnh ủy ban hành Kế hoạch 12-KH/TU để triển khai trước ngày 15/9/2017 về phát triển du lịch."),
    ("a11", "2017-06-05",
     "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách "
     "Hồ Chí Minh đã có nhiều mô hình hay."),
    ("a12", "2017-06-06",
     "Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
     "đi vào cuộc sống. Chỉ thị 05-CT/TW về học tập và làm theo Bác."),
]


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def main():
    tmp = tempfile.mkdtemp(prefix="vnsql-catalogue-")
    db = os.path.join(tmp, "c.db")
    feed = "".join(json.dumps({"id": i, "published": p, "text": t}, ensure_ascii=False) + "\n" for i, p, t in ARTICLES)
    run = subprocess.run([SHELL, db, "-cmd", ".load " + os.path.splitext(module)[0], "-cmd", ".parameter set @source news",
                          ".read " + os.path.join(source, "sql", "schema.sql"),
                          ".read " + os.path.join(source, "sql", "ingest_jsonl.sql")],
                         input=feed.encode(), capture_output=True, cwd=tmp)
    check(run.returncode == 0, "ingest: exit 0 (" + run.stderr.decode(errors="replace").strip()[:200] + ")")
    con = sqlite3.connect(db)
    cat = {row[0]: row for row in con.execute(
        "SELECT doc, id, kind, issuer, issuer_name, issued, subject, articles, mentions, first_cited, last_cited FROM catalogue")}
    for doc, row in sorted(cat.items()):
        print("   |", " | ".join("" if v is None else str(v) for v in row))

    def has(doc, **want):
        row = cat.get(doc)
        names = ["doc", "id", "kind", "issuer", "issuer_name", "issued", "subject", "articles", "mentions", "first_cited",
                 "last_cited"]
        got = dict(zip(names, row)) if row else None
        check(got is not None and all(got[k] == v for k, v in want.items()),
              f"catalogue {doc}: {want}" + ("" if got is None else f" (got {dict((k, got[k]) for k in want)})"))

    # One id, two documents, and the mention that cannot be told apart.
    has("11-NQ/TW@2007", id="11-NQ/TW", issued="2007-04-27", issuer_name="Bộ Chính trị", articles=2,
        subject="công tác phụ nữ thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước",
        first_cited="2017-03-08", last_cited="2017-03-20")
    has("11-NQ/TW@2017", id="11-NQ/TW", issued="2017-06-03", issuer_name="Ban Chấp hành Trung ương Đảng", articles=1,
        subject="hoàn thiện thể chế kinh tế thị trường định hướng xã hội chủ nghĩa")
    has("11-NQ/TW", articles=1, issued=None, first_cited="2017-07-01")
    check(sum(1 for d in cat.values() if d[1] == "11-NQ/TW") == 3, "11-NQ/TW: three rows, no more")
    # A yearless id joined to the corpus's one id with its year; not when there are two.
    has("67/2014/NĐ-CP", kind="Nghị định", issuer="CP", issued="2014-07-07", articles=2, first_cited="2017-02-10",
        last_cited="2017-04-02", subject="một số chính sách phát triển thủy sản, ngư dân được vay vốn đóng tàu vỏ thép")
    check("67/NĐ-CP" not in cat, "67/NĐ-CP is no document of its own")
    check("15/NĐ-CP" in cat and "15/2015/NĐ-CP" in cat and "15/2018/NĐ-CP" in cat,
          "15/NĐ-CP stays as written beside 15/2015/NĐ-CP and 15/2018/NĐ-CP")
    # The plenum's resolutions: 04-NQ/TW named by its plenum and its number.
    has("04-NQ/TW", issued="2016-10-30", articles=2, first_cited="2017-01-12", last_cited="2017-01-15")
    check("05-NQ/TW" not in cat, "the plenum's subject names 04-NQ/TW alone, not 05-NQ/TW")
    # A date after the publication is no issue date; an id never dated is one row.
    has("12-KH/TU", issued=None, articles=1)
    has("05-CT/TW", issued=None, articles=2, issuer_name="Bộ Chính trị",
        subject="đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
    # resolution_mentions by the catalogue's identifiers.
    rm = dict((r[0], r[1]) for r in con.execute("SELECT id, documents FROM resolution_mentions"))
    check(rm.get("67/2014/NĐ-CP") == 2 and "67/NĐ-CP" not in rm, f"resolution_mentions: 67/2014/NĐ-CP in 2 articles ({rm})")
    check(rm.get("11-NQ/TW") == 4, "resolution_mentions: 11-NQ/TW in 4 articles, whichever document")
    check(rm.get("04-NQ/TW") == 2, "resolution_mentions: 04-NQ/TW counts the plenum's name")
    con.close()
    if failures:
        print(f"{len(failures)} failed")
        sys.exit(1)
    print("all passed")


main()
