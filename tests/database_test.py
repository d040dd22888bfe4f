#!/usr/bin/python3
"""The analyst's database end to end: sql/schema.sql + sql/ingest.sql in the sqlite3 shell.

  database_test.py seeds  --source DIR --shared DIR      the proof on ../shared/seeds
  database_test.py corpus --source DIR --shared DIR [--limit N]
                                      JSON-lines ingest of baomoi-2017 (first N articles; 0: all), timed

The module is $VNSQL_MODULE. Exits 77 (a skip for ctest) when ../shared is absent or when the
module lacks a function the pipeline needs (vn_decode, resolutions, officials), naming it.
"""
import argparse, hashlib, os, re, resource, shutil, sqlite3, subprocess, sys, tempfile, time, unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import people_proof  # noqa: E402  (issue 15: people and their offices)

SHELL = "/usr/bin/sqlite3"
NEEDED = ["vn_decode", "vn_normalize", "vn_sha256", "vn_article_title", "resolutions", "officials"]

ap = argparse.ArgumentParser()
ap.add_argument("mode", choices=["seeds", "corpus"])
ap.add_argument("--source", required=True)
ap.add_argument("--shared", required=True)
ap.add_argument("--limit", type=int, default=0)
a = ap.parse_args()
module = os.environ["VNSQL_MODULE"]
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def skip(why):
    print("skipped: " + why)
    sys.exit(77)


def connect(path):
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(module)
    return db


def shell(db_path, *commands, params=(), stdin=None):
    args = [SHELL, db_path, "-cmd", ".load " + os.path.splitext(module)[0]]
    for name, value in params:
        args += ["-cmd", f".parameter set {name} '{value}'"]
    args += list(commands)
    run = subprocess.run(args, cwd=a.source, stdin=stdin, capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    return run.returncode


def dump(db_path):
    run = subprocess.run([SHELL, db_path, ".dump"], capture_output=True)
    return hashlib.sha256(run.stdout).hexdigest()


def fts_ok(db):
    try:
        db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as e:
        print("  ", e)
        return False


def folded_words(text):
    s = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.findall(r"\w+", s)


def contains_phrase(text, phrase):
    words, p = folded_words(text), phrase.split()
    return any(words[i:i + len(p)] == p for i in range(len(words) - len(p) + 1))


def require_module():
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(module)
    have = {r[0] for r in db.execute("SELECT name FROM pragma_function_list")}
    have |= {r[0] for r in db.execute("SELECT name FROM pragma_module_list")}
    missing = [f for f in NEEDED if f not in have]
    if missing:
        skip("the module has no " + ", ".join(missing) + " (not merged yet)")


def seeds():
    seed_dir = os.path.join(a.shared, "seeds")
    if not os.path.isdir(seed_dir):
        skip(seed_dir + " is not here")
    require_module()
    tmp = tempfile.mkdtemp(prefix="vnsql-db-")
    try:
        corpus = os.path.join(tmp, "corpus")
        shutil.copytree(seed_dir, corpus)
        db_path = os.path.join(tmp, "analyst.db")
        schema, ingest = ".read sql/schema.sql", ".read sql/ingest.sql"
        params = [("@dir", corpus)]
        check(shell(db_path, schema, ingest, params=params) == 0, "schema.sql + ingest.sql run")
        db = connect(db_path)
        rows = {os.path.basename(p): (i, t, pub) for i, p, t, pub in
                db.execute("SELECT id, path, title, published FROM documents")}
        check(len(rows) == 5, f"5 documents (got {len(rows)})")
        titles = {
            "000_d126b7c606d477ea.txt": "Đoàn kiểm tra số 1150 của Bộ Chính trị làm việc tại tỉnh Sơn La",
            "001_ce89a14dfc8bd3c1.txt": "Đoàn Kiểm tra của Ban Bí thư Trung ương Đảng làm việc với Ban Thường vụ Tỉnh ủy Lạng Sơn",
            "002_9b0b22747e62e363.txt": "Thực hiện nghiêm quy định của Bộ Chính trị về việc kiểm soát quyền lực trong công tác cán bộ và chống chạy chức chạy quyền",
            "003_69f8726ca008182f.txt": "Thông báo kết quả kiểm tra đối với Ban Thường vụ Tỉnh ủy Quảng Ninh",
            "004_8c93615bc56bc492.txt": "Báo cáo chính trị Đại hội Đảng bộ tỉnh Sơn La",
        }
        for name, title in titles.items():
            got = rows.get(name, (None, None, None))[1]
            check(got == title, f"title of {name}: {got!r}")
        check(rows.get("000_d126b7c606d477ea.txt", (0, 0, None))[2] == "2019-12-07", "published of 000 is 2019-12-07")
        check(rows.get("003_69f8726ca008182f.txt", (0, 0, "x"))[2] is None, "published of 003 (Sáng 7/12) is NULL")

        bodies = dict(db.execute("SELECT id, title || ' ' || body FROM documents"))
        for query, phrase in [("dang", "dang"), ('"nghi quyet 18"', "nghi quyet 18")]:
            found = {r[0] for r in db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", (query,))}
            expected = {i for i, text in bodies.items() if contains_phrase(text, phrase)}
            check(found == expected and expected, f"search {query} finds {sorted(expected)} (got {sorted(found)})")
        found = {r[0] for r in db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH vn_query('Nghị quyết 26-NQ/TW Sơn La')")}
        check(found == {rows["000_d126b7c606d477ea.txt"][0]}, f"vn_query('Nghị quyết 26-NQ/TW Sơn La') finds 000 (got {sorted(found)})")

        n18 = db.execute("SELECT count(DISTINCT document_id) FROM document_resolutions WHERE id = '18-NQ/TW'").fetchone()[0]
        check(n18 == 4, f"document_resolutions holds 18-NQ/TW for 4 documents (got {n18})")
        # Delegations (issue 17): the three seed articles that report one, with the publication date as reference.
        deleg = {os.path.basename(p): (head, date, docs) for p, head, date, docs in db.execute(
            "SELECT d.path, g.head, g.date, g.documents FROM document_delegations g JOIN documents d ON d.id = g.document_id")}
        check(deleg.get("000_d126b7c606d477ea.txt") == ("Trương Thị Mai", "2019-12-07", '["26-NQ/TW","18-NQ/TW"]'),
              f"document_delegations: 000 led by Trương Thị Mai on 2019-12-07 (the year from published) (got {deleg.get('000_d126b7c606d477ea.txt')})")
        check(set(deleg) == {"000_d126b7c606d477ea.txt", "001_ce89a14dfc8bd3c1.txt", "002_9b0b22747e62e363.txt",
                             "003_69f8726ca008182f.txt"}, f"document_delegations: one row for 000-003 only (got {sorted(deleg)})")
        nview = db.execute("SELECT count(*) FROM delegation_documents WHERE id = '18-NQ/TW' AND kind = 'Nghị quyết'").fetchone()[0]
        check(nview == 3, f"delegation_documents: 3 delegations inspected 18-NQ/TW (got {nview})")
        view = db.execute("SELECT documents, first_published, last_published FROM resolution_mentions WHERE id = '18-NQ/TW'").fetchone()
        check(view == (4, "2019-03-22", "2019-12-07"), f"resolution_mentions for 18-NQ/TW: {view}")
        mai = db.execute("SELECT documents FROM official_titles WHERE name = 'Trương Thị Mai' AND title = 'Ủy viên Bộ Chính trị'").fetchone()
        check(mai == (1,), f"official_titles: Trương Thị Mai, Ủy viên Bộ Chính trị in 1 document ({mai})")
        offsets = db.execute("""SELECT count(*) FROM document_resolutions r JOIN documents d ON d.id = r.document_id
                                WHERE substr(d.body, r.start, r.length) IS NOT r.surface""").fetchone()[0]
        check(offsets == 0, "document_resolutions start/length point into documents.body")
        check(fts_ok(db), "FTS5 integrity-check and PRAGMA integrity_check pass")
        db.close()

        # Idempotence: the schema again, the ingest again.
        before = dump(db_path)
        check(shell(db_path, schema, params=params) == 0 and dump(db_path) == before, "schema.sql twice changes nothing")
        check(shell(db_path, schema, ingest, params=params) == 0 and dump(db_path) == before, "ingest.sql twice changes nothing")

        # An ingest that fails leaves the database as it was.
        rc = shell(db_path, ingest, params=[("@dir", os.path.join(tmp, "missing"))])
        check(rc != 0 and dump(db_path) == before, "a failing ingest changes nothing")

        # A changed file replaces its row (same path, same id).
        changed = os.path.join(corpus, "004_8c93615bc56bc492.txt")
        with open(changed, encoding="utf-8") as f:
            head, rest = f.read().split("\n", 1)
        with open(changed, "w", encoding="utf-8") as f:  # before the trailer, which the body loses
            f.write(head + "\n\nQuán triệt Chỉ thị số 12-CT/TW của Ban Bí thư về zyxwvutsrq.\n" + rest)
        check(shell(db_path, ingest, params=params) == 0, "ingest after a change runs")
        db = connect(db_path)
        n = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        row = db.execute("SELECT id, sha256 FROM documents WHERE path LIKE '%004_8c93615bc56bc492.txt'").fetchone()
        with open(changed, "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
        check(n == 5 and row == (rows["004_8c93615bc56bc492.txt"][0], sha), "the changed file replaced its row (same id, new sha256)")
        hit = [r[0] for r in db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'zyxwvutsrq'")]
        check(hit == [row[0]], "the index has the changed text")
        ct = db.execute("SELECT count(*) FROM document_resolutions WHERE document_id = ? AND id = '12-CT/TW'", (row[0],)).fetchone()[0]
        check(ct == 1, "the extracted rows follow the changed text")
        check(fts_ok(db), "integrity-check passes after the change")

        # Deleting a document removes its index entries and extracted rows.
        victim = rows["000_d126b7c606d477ea.txt"][0]
        before_res = db.execute("SELECT count(*) FROM document_resolutions WHERE document_id = ?", (victim,)).fetchone()[0]
        before_off = db.execute("SELECT count(*) FROM document_officials WHERE document_id = ?", (victim,)).fetchone()[0]
        check(before_res > 0 and before_off > 0, "the document to delete has extracted rows")
        db.execute("DELETE FROM documents WHERE id = ?", (victim,))
        db.commit()
        left = db.execute("""SELECT (SELECT count(*) FROM document_resolutions WHERE document_id = ?1)
                                  + (SELECT count(*) FROM document_officials WHERE document_id = ?1)
                                  + (SELECT count(*) FROM document_delegations WHERE document_id = ?1)""", (victim,)).fetchone()[0]
        check(left == 0, "deleting a document removes its extracted rows")
        hits = [r[0] for r in db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'dang OR trương'")]
        check(victim not in hits and hits, "deleting a document removes its index entries")
        check(fts_ok(db), "integrity-check passes after the delete")
        # People and their offices follow the change and the delete: what ingest and the
        # triggers kept is what a full rebuild gives.
        db.execute("INSERT INTO people_refresh VALUES (0)")
        kept = people_proof.tables(db)
        db.execute("INSERT INTO people_refresh VALUES (1)")
        check(people_proof.tables(db) == kept and kept[0], "people tables after a change and a delete = a full rebuild")
        db.rollback()
        db.close()

        # Incremental: the five articles in two runs give the people one run gives; the
        # second run touches only the people of its articles' names.
        one, two = os.path.join(tmp, "one.db"), os.path.join(tmp, "two.db")
        part = os.path.join(tmp, "part")
        shutil.copytree(seed_dir, part)
        later = sorted(os.listdir(part))[3:]
        moved = os.path.join(tmp, "later")
        os.mkdir(moved)
        for name in later:
            shutil.move(os.path.join(part, name), os.path.join(moved, name))
        check(shell(one, schema, ingest, params=[("@dir", seed_dir)]) == 0, "one run over the seeds")
        check(shell(two, schema, ingest, params=[("@dir", part)]) == 0, "the first three seeds")
        db = connect(two)
        ids_before = dict(db.execute("SELECT key, id FROM people"))
        db.close()
        for name in later:
            shutil.move(os.path.join(moved, name), os.path.join(part, name))
        check(shell(two, ingest, params=[("@dir", part)]) == 0, "the last two seeds, in a second run")
        db1, db2 = connect(one), connect(two)
        check(people_proof.tables(db1) == people_proof.tables(db2), "people tables: two runs = one run")
        ids_after = dict(db2.execute("SELECT key, id FROM people"))
        check(all(ids_after.get(k) == i for k, i in ids_before.items() if k in ids_after),
              "a person keeps their id when a later run adds articles")
        names = db1.execute("SELECT count(*) FROM people").fetchone()[0]
        mai = db1.execute("SELECT t.title FROM person_titles AS t JOIN people AS p ON p.id = t.person_id"
                          " WHERE p.key = vn_name_key('Trương Thị Mai') AND t.title = 'Ủy viên Bộ Chính trị'").fetchall()
        check(names > 0 and mai, f"people ({names}) and person_titles (Trương Thị Mai, Ủy viên Bộ Chính trị) are filled")
        # person_name_variants offers one-mark variants with a title in common, and a one-word
        # name that ends another's with a role in common; nothing else.
        doc = db1.execute("INSERT INTO documents(path, body, published) VALUES ('test:variants', 'x', '2017-05-01')").lastrowid
        mentions = [("Nguyễn Phú Trọng", "Tổng Bí thư"), ("Nguyễn Phú Trong", "Tổng Bí thư"),
                    ("Nguyễn Văn Bình", "Thống đốc"), ("Nguyễn Văn Bính", "Đại tá"),
                    ("Barack Obama", "Tổng thống Mỹ"), ("Obama", "cựu Tổng thống"),
                    ("Ivanka Trump", "Cố vấn"), ("Trump", "Tổng thống")]
        db1.executemany("INSERT INTO document_officials(document_id, name, title) VALUES (?, ?, ?)",
                        [(doc, n, t) for n, t in mentions])
        db1.execute("INSERT INTO people_refresh VALUES (0)")
        ours = {n for n, _ in mentions}
        pairs = {(n, o, t) for n, o, t in db1.execute("SELECT name, other_name, shared_titles FROM person_name_variants")
                 if n in ours or o in ours}
        check(pairs == {("Nguyễn Phú Trong", "Nguyễn Phú Trọng", "Tổng Bí thư"), ("Obama", "Barack Obama", "Tổng thống")},
              f"person_name_variants: a one-mark variant with a title in common, a family name with a role in common ({sorted(pairs)})")
        db1.rollback()
        db1.close()
        db2.close()
    finally:
        shutil.rmtree(tmp)


def corpus():
    path = os.path.join(a.shared, "corpus", "baomoi-2017.jsonl.xz")
    if not os.path.exists(path):
        skip(path + " is not here")
    require_module()
    tmp = tempfile.mkdtemp(prefix="vnsql-corpus-")
    try:
        db_path = os.path.join(tmp, "baomoi.db")
        feed = f"xz -dc {path}" + (f" | head -n {a.limit}" if a.limit else "")
        expected = a.limit or 35440
        reader = subprocess.Popen(["sh", "-c", feed], stdout=subprocess.PIPE)
        start = time.monotonic()
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        rc = shell(db_path, ".read sql/schema.sql", ".read sql/ingest_jsonl.sql",
                   params=[("@source", "baomoi-2017")], stdin=reader.stdout)
        shell_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        reader.stdout.close()
        reader.wait()
        seconds = time.monotonic() - start
        # CPU time says what the ingest costs even on a busy machine, where
        # the wall clock also counts the waits for a core.
        cpu = lambda a, b: (b.ru_utime - a.ru_utime) + (b.ru_stime - a.ru_stime)
        print(f"ingested {'the first ' + str(a.limit) if a.limit else 'all'} articles in {seconds:.1f} s "
              f"(CPU: sqlite3 {cpu(cpu_before, shell_cpu):.1f} s, xz {cpu(shell_cpu, resource.getrusage(resource.RUSAGE_CHILDREN)):.1f} s)")
        check(rc == 0, "ingest_jsonl.sql runs")
        db = connect(db_path)
        n = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        check(n == expected, f"{expected} documents (got {n})")
        untitled = db.execute("SELECT count(*) FROM documents WHERE title IS NULL OR body IS NULL").fetchone()[0]
        check(untitled == 0, "every document has a title and a body")
        nres = db.execute("SELECT count(*) FROM document_resolutions").fetchone()[0]
        noff = db.execute("SELECT count(*) FROM document_officials").fetchone()[0]
        ndel = db.execute("SELECT count(*) FROM document_delegations").fetchone()[0]
        print(f"document_resolutions: {nres} rows, document_officials: {noff} rows, document_delegations: {ndel} rows")
        check(nres > 0 and noff > 0, "extraction rows were made")
        check(fts_ok(db), "FTS5 integrity-check and PRAGMA integrity_check pass")
        db.close()
        before = dump(db_path)
        reader = subprocess.Popen(["sh", "-c", feed], stdout=subprocess.PIPE)
        rc = shell(db_path, ".read sql/ingest_jsonl.sql", params=[("@source", "baomoi-2017")], stdin=reader.stdout)
        reader.stdout.close()
        reader.wait()
        check(rc == 0 and dump(db_path) == before, "ingesting the same file again changes nothing")
        if not a.limit:
            db = sqlite3.connect(db_path, isolation_level=None)
            db.enable_load_extension(True)
            db.load_extension(module)
            failures.extend(people_proof.check(db))
            db.close()
    finally:
        shutil.rmtree(tmp)


seeds() if a.mode == "seeds" else corpus()
if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("all checks passed")
