#!/usr/bin/python3
"""Ingest stores every article whole or refuses it loudly, naming it (issue 22):
sql/ingest.sql and sql/ingest_jsonl.sql in the sqlite3 shell, on the awkward
cases: NUL escapes in JSON, a run without @source, lines that are skipped, a
folder spelled differently or given as a symbolic link, links, dangling links,
FIFOs and unreadable files inside it, a missing or unset folder, an input
with no article; the counts printed, and no duplicate on a rerun; the
publication date taken from the input (issue 16).

  ingest_test.py      (the module is $VNSQL_MODULE; sql/ and examples/ are this checkout's)

Needs no ../shared. The unreadable file is made with chmod 000, so when run as
root the shell runs as nobody for that case.
"""
import glob, json, os, shutil, sqlite3, stat, subprocess, sys, tempfile

SHELL = "/usr/bin/sqlite3"
source = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))  # this checkout's sql/ and examples/
module = os.environ["VNSQL_MODULE"]
failures = []
printed = ""  # by the last shell run: shown under a check that fails


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)
        print("   | " + printed.strip().replace("\n", "\n   | "))


def dot_quoted(value):
    """A dot-command argument the shell reads back as `value`."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sql_literal(value):
    return "'" + value.replace("'", "''") + "'"


def shell(cwd, db, *scripts, params=(), stdin=None, as_nobody=False, timeout=120):
    """Runs the shell with the module loaded, @name parameters set and sql/SCRIPT.sql read;
    returns (exit code, stdout + stderr)."""
    args = [SHELL, db, "-cmd", ".load " + dot_quoted(os.path.splitext(module)[0])]
    for name, value in params:
        args += ["-cmd", f".parameter set {name} {dot_quoted(sql_literal(value))}"]
    for script in scripts:
        args.append(".read " + dot_quoted(os.path.join(source, "sql", script + ".sql")))
    nobody = lambda: (os.setgid(65534), os.setuid(65534))
    run = subprocess.run(args, cwd=cwd, input=stdin, capture_output=True, timeout=timeout,
                         preexec_fn=nobody if as_nobody else None)
    global printed
    printed = run.stdout.decode(errors="replace") + run.stderr.decode(errors="replace")
    return run.returncode, printed


def rows(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def articles(n):
    """n UTF-8 articles of examples/corpus, as bytes."""
    names = sorted(p for p in glob.glob(os.path.join(source, "examples", "corpus", "*.txt"))
                   if ".cp1258." not in p and ".tcvn3." not in p and ".nfd." not in p)
    return [open(p, "rb").read() for p in names[:n]]


def jsonl_cases(tmp):
    db = os.path.join(tmp, "jsonl.db")
    body = "Chính phủ ban hành Nghị định 62/2020/NĐ-CP về vị trí việc làm."
    lines = [
        {"id": "nul", "title": "Tiêu\u0000đề", "text": "a\u0000b " + body},
        # A backslash then "u0000" is text, not NUL; U+0001 and a backslash before a real NUL survive too.
        {"id": "escapes", "text": "chữ \\u0000, \u0001 và \\\u0000 hết. " + body},
        {"id": 7, "text": "số 7 " + body},
    ]
    feed = "".join(json.dumps(line, ensure_ascii=True) + "\n" for line in lines).encode()

    # Without @source: refused, nothing stored, however often it is run.
    for _ in range(2):
        rc, out = shell(tmp, db, "schema", "ingest_jsonl", stdin=feed)
        check(rc != 0 and "@source" in out, "no @source: the run stops and says @source is not set")
    check(rows(db, "SELECT count(*) FROM documents") == [(0,)], "no @source: nothing stored")

    rc, out = shell(tmp, db, "ingest_jsonl", params=[("@source", "feed")], stdin=feed)
    check(rc == 0 and "3 new or changed article(s) ingested from feed" in out, "3 articles ingested")
    for line in lines:
        got = rows(db, "SELECT raw, title, body FROM documents WHERE path = ?", f"feed#{line['id']}")
        want = line["text"].encode()
        check(len(got) == 1 and got[0][0] == want, f"{line['id']}: raw is the whole text, NUL and all "
              f"({len(got[0][0]) if got else None} of {len(want)} bytes)")
        if got and "title" in line:
            check(got[0][1] == line["title"], f"{line['id']}: the title is whole: {got[0][1]!r}")
        check(bool(got) and got[0][2] is not None and got[0][2].endswith("vị trí việc làm."),
              f"{line['id']}: the body reaches the end of the text")
    ids = rows(db, "SELECT r.id FROM document_resolutions r JOIN documents d ON d.id = r.document_id "
               "WHERE d.path = 'feed#nul'")
    check(ids == [("62/2020/NĐ-CP",)], f"nul: the reference after the NUL is extracted ({ids})")

    rc, out = shell(tmp, db, "ingest_jsonl", params=[("@source", "feed")], stdin=feed)
    check(rc == 0 and "0 new or changed article(s) ingested from feed, 3 unchanged" in out,
          "a rerun: 0 new or changed, 3 unchanged")

    # Skipped lines, each named by its number and reason.
    bad = b'not json\n[1, 2]\n{"id": "x"}\n{"text": "no id"}\n{"id": "x", "text": 5}\n' \
          b'{"id": "r", "text": "first"}\n{"id": "r", "text": "second"}\n'
    rc, out = shell(tmp, db, "ingest_jsonl", params=[("@source", "bad")], stdin=bad)
    check(rc == 0, "a file with bad lines is still ingested")
    check("6 line(s) skipped: 5 not a JSON object with \"id\" and a string \"text\" (lines 1, 2, 3, 4, 5), "
          "1 replaced by a later line with the same id (line 6 by line 7: id r)" in out,
          "the skipped lines are counted by reason and named")
    check("1 new or changed article(s) ingested from bad" in out, "the good line is ingested")
    check(rows(db, "SELECT raw FROM documents WHERE path = 'bad#r'") == [(b"second",)], "the later line of an id is kept")


def folder_cases(tmp):
    db = os.path.join(tmp, "files.db")
    corpus = os.path.join(tmp, "corpus")
    os.makedirs(os.path.join(corpus, "sub"))
    texts = articles(3)
    for i, t in enumerate(texts):
        with open(os.path.join(corpus, "sub" if i == 2 else "", f"{i}.txt"), "wb") as f:
            f.write(t)
    os.symlink("corpus", os.path.join(tmp, "alias"))
    real = os.path.realpath(corpus)
    want = sorted([os.path.join(real, "0.txt"), os.path.join(real, "1.txt"), os.path.join(real, "sub", "2.txt")])

    # The folder given as a symbolic link: its files, under their real path.
    rc, out = shell(tmp, db, "schema", "ingest", params=[("@dir", "alias")])
    check(rc == 0 and f"3 new or changed file(s) ingested from {real}" in out, "a folder given as a link is followed")
    check(sorted(p for (p,) in rows(db, "SELECT path FROM documents")) == want, "paths are canonical")
    # Any other spelling of it: nothing new.
    for spelling in ["corpus", "corpus/", "./corpus", "./corpus//", real, "sub/..", "alias/"]:
        spelled = spelling if spelling != "sub/.." else "corpus/sub/.."
        rc, out = shell(tmp, db, "ingest", params=[("@dir", spelled)])
        check(rc == 0 and f"0 new or changed file(s) ingested from {real}, 3 unchanged" in out,
              f"@dir {spelled!r}: 0 new or changed, 3 unchanged")
    check(rows(db, "SELECT count(*) FROM documents") == [(3,)], "3 documents after every spelling")

    # Rows of a database ingested before paths were canonical (as @dir was spelled) are taken over.
    con = sqlite3.connect(db)
    try:
        con.execute("UPDATE documents SET path = 'corpus/' || substr(path, ?)", (len(real) + 2,))
        con.commit()
    except sqlite3.IntegrityError as e:  # the spellings above made duplicates
        check(False, f"rows made relative as before ({e})")
    con.close()
    rc, out = shell(tmp, db, "ingest", params=[("@dir", "corpus")])
    check(rc == 0 and "3 row(s) stored under a relative path now have their canonical path" in out
          and ", 3 unchanged" in out, "rows stored under the path as spelled before get their canonical path")
    check(sorted(p for (p,) in rows(db, "SELECT path FROM documents")) == want, "3 documents, canonical paths")

    # Refused: no @dir, a missing folder, a file.
    for params, says in [([], "@dir"), ([("@dir", "")], "@dir"), ([("@dir", "missing")], "missing"),
                         ([("@dir", "corpus/0.txt")], "not a folder")]:
        rc, out = shell(tmp, db, "ingest", params=params)
        check(rc != 0 and says in out, f"@dir {params[0][1] if params else 'unset'!r}: stops, saying {says!r}")
    check(rows(db, "SELECT count(*) FROM documents") == [(3,)], "nothing changed by the refused runs")


def published_from_input(tmp):
    """The input's date wins over the text's: a JSON line's "published" or "date", a folder's published.csv."""
    db = os.path.join(tmp, "published.db")
    text = "Tiêu đề\nThứ sáu, 22/03/2019\nSáng 7/12, Ban Thường vụ họp.\n"
    lines = [{"id": "p", "text": text, "published": "2019-12-08T10:20:00+07:00"},
             {"id": "d", "text": text, "date": "09/12/2019"},
             {"id": "bad", "text": text, "published": "hôm qua"},
             {"id": "none", "text": text}]
    feed = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
    rc, out = shell(tmp, db, "schema", "ingest_jsonl", params=[("@source", "s")], stdin=feed)
    check(rc == 0 and '1 published date(s) not read, the text\'s dateline used instead: s#bad "hôm qua"' in out,
          "JSON lines: a published date that is no date is named")
    got = dict(rows(db, "SELECT path, published FROM documents"))
    check(got == {"s#p": "2019-12-08", "s#d": "2019-12-09", "s#bad": "2019-03-22", "s#none": "2019-03-22"},
          f"JSON lines: published, else date, else the text's dateline ({got})")
    got = rows(db, "SELECT d.path, t.date, t.inferred FROM document_dates t JOIN documents d ON d.id = t.document_id "
                   "WHERE t.surface = '7/12' ORDER BY 1")
    check(got == [("s#bad", "2018-12-07", 1), ("s#d", "2019-12-07", 1), ("s#none", "2018-12-07", 1), ("s#p", "2019-12-07", 1)],
          f"document_dates: 'Sáng 7/12' takes the year nearest each article's date ({got})")
    feed2 = (json.dumps({"id": "p", "text": text, "published": "2020-12-01"}, ensure_ascii=False) + "\n").encode()
    rc, out = shell(tmp, db, "ingest_jsonl", params=[("@source", "s")], stdin=feed2)
    check(rc == 0 and "1 unchanged article(s) with a new published date" in out
          and rows(db, "SELECT date FROM document_dates t JOIN documents d ON d.id = t.document_id "
                       "WHERE d.path = 's#p' AND t.surface = '7/12'") == [("2020-12-07",)],
          "JSON lines: an unchanged article given a new date takes it, and its days their new year")

    folder = os.path.join(tmp, "dated")
    os.makedirs(os.path.join(folder, "sub"))
    for name in ["a.txt", "sub/b.txt", "c.txt"]:
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(folder, "published.csv"), "w", encoding="utf-8") as f:
        f.write('path,date\r\n"a.txt","2019-12-08"\n./sub/b.txt,09/12/2019\nc.txt,xx\nmissing.txt,2019-01-01\n')
    rc, out = shell(tmp, db, "ingest", params=[("@dir", "dated")])
    real = os.path.realpath(folder)
    check(rc == 0 and 'published.csv: 2 line(s) not used: c.txt "xx" is no date; missing.txt is no article here' in out
          and "3 new or changed file(s) ingested" in out, "published.csv: the lines not used are named")
    got = dict(rows(db, "SELECT substr(path, ?), published FROM documents WHERE path LIKE ?", len(real) + 2, real + "/%"))
    check(got == {"a.txt": "2019-12-08", "sub/b.txt": "2019-12-09", "c.txt": "2019-03-22"},
          f"published.csv dates its files; the others keep their dateline ({got})")


def empty_inputs(tmp):
    """A path that does not exist or holds no article stops the run, naming it."""
    db = os.path.join(tmp, "empty.db")
    os.makedirs(os.path.join(tmp, "nothing", "sub"))
    with open(os.path.join(tmp, "nothing", "notes.md"), "w") as f:
        f.write("no article")
    real = os.path.realpath(os.path.join(tmp, "nothing"))
    for params, says in [([("@dir", "nothing")], f"no .txt article to read in {real}"),
                         ([("@dir", "no-such-folder")], "no-such-folder")]:
        rc, out = shell(tmp, db, "schema", "ingest", params=params)
        check(rc != 0 and says in out, f"@dir {params[0][1]}: exits {rc}, saying {says!r}")
    for stdin, what in [(b"", "an empty input"), (b"not json\n{}\n", "an input of bad lines")]:
        rc, out = shell(tmp, db, "ingest_jsonl", params=[("@source", "feed")], stdin=stdin)
        check(rc != 0 and "no article in the input of feed" in out, f"JSON lines, {what}: exits {rc}, naming the source")
    rc, out = shell(tmp, db, "ingest_jsonl", params=[("@source", "feed")], stdin=b"[]\n")
    check("1 line(s) skipped: 1 not a JSON object" in out, "the skipped-lines message starts with its count")
    check(rows(db, "SELECT count(*) FROM documents") == [(0,)], "nothing stored by the refused runs")


def odd_entries(tmp):
    """Links, a dangling link, a FIFO and an unreadable file among the articles."""
    odd = os.path.join(tmp, "odd")
    os.makedirs(odd)
    texts = articles(2)
    for name, t in [("a.txt", texts[0]), ("unreadable.txt", texts[1])]:
        with open(os.path.join(odd, name), "wb") as f:
            f.write(t)
    os.chmod(os.path.join(odd, "unreadable.txt"), 0)
    os.symlink("a.txt", os.path.join(odd, "link.txt"))
    os.symlink("nowhere.txt", os.path.join(odd, "dangling.txt"))
    os.symlink("/", os.path.join(odd, "root"))  # a link to a folder: not followed either
    os.mkfifo(os.path.join(odd, "fifo.txt"))
    as_nobody = os.geteuid() == 0  # root reads a file whatever its mode
    if as_nobody:
        for p in [tmp, odd]:
            os.chmod(p, 0o777)
    db = os.path.join(tmp, "odd.db")
    real = os.path.realpath(odd)
    rc, out = shell(tmp, db, "schema", "ingest", params=[("@dir", "odd")], as_nobody=as_nobody, timeout=60)
    check(rc == 0, "a folder with links, a FIFO and an unreadable file is ingested (no wait on the FIFO)")
    for name, says in [("link.txt", "a symbolic link (to a.txt), not followed"),
                       ("dangling.txt", "a symbolic link (to nowhere.txt), not followed"),
                       ("root", "a symbolic link (to /), not followed"),
                       ("fifo.txt", "not a regular file (FIFO)"),
                       ("unreadable.txt", "cannot be read")]:
        check(f"skipped {os.path.join(real, name)}: {says}" in out, f"{name}: {says}")
    check(f"1 new or changed file(s) ingested from {real}, 0 unchanged, 5 skipped" in out, "counts: 1 new, 5 skipped")
    rc, out = shell(tmp, db, "ingest", params=[("@dir", "odd")], as_nobody=as_nobody, timeout=60)
    check(rc == 0 and f"0 new or changed file(s) ingested from {real}, 1 unchanged, 5 skipped" in out,
          "a rerun: the unreadable file is not \"changed\" again")
    check(rows(db, "SELECT path FROM documents") == [(os.path.join(real, "a.txt"),)], "only a.txt is stored")


def waits_for_another_writer(tmp):
    """Another connection holds the write lock for 2 s: each ingest waits for it (.timeout), then runs."""
    db = os.path.join(tmp, "busy.db")
    corpus = os.path.join(tmp, "busy")
    os.makedirs(corpus)
    with open(os.path.join(corpus, "a.txt"), "wb") as f:
        f.write(articles(1)[0])
    check(shell(tmp, db, "schema")[0] == 0, "schema")
    feed = '{"id": "x", "text": "Nghị quyết 18-NQ/TW"}\n'.encode()
    for script, params, stdin in [("ingest", [("@dir", "busy")], None), ("ingest_jsonl", [("@source", "s")], feed)]:
        con = sqlite3.connect(db, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        holder = subprocess.Popen(["sleep", "2"])
        args = [SHELL, db, "-cmd", ".load " + dot_quoted(os.path.splitext(module)[0])]
        for name, value in params:
            args += ["-cmd", f".parameter set {name} {dot_quoted(sql_literal(value))}"]
        args.append(".read " + dot_quoted(os.path.join(source, "sql", script + ".sql")))
        run = subprocess.Popen(args, cwd=tmp, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        run.stdin.write(stdin or b"")
        run.stdin.close()
        holder.wait()
        con.execute("COMMIT")
        con.close()
        global printed
        out = printed = run.stdout.read().decode()
        run.wait(timeout=120)
        check(run.returncode == 0 and "1 new or changed" in out, f"{script}.sql waits for a writer holding the database")


def errors_reach_the_host(tmp):
    """A C++ exception in the module becomes an SQL error in this (uninstrumented) python3: under
    ASan that needs libstdc++ preloaded with libasan (VNSQL_HOST_ENV), else the first throw aborts."""
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(module)
    for sql, says in [("SELECT resolution_id('x', 'abc')", "resolution_id: n must be an integer"),
                      ("SELECT * FROM vn_tokens('x', 'diacritics fold diacritics keep')", "given twice")]:
        try:
            con.execute(sql).fetchall()
            check(False, f"{sql}: no error")
        except sqlite3.OperationalError as e:
            check(says in str(e), f"{sql}: {e}")
    con.close()


tmp = tempfile.mkdtemp(prefix="vnsql-ingest-")
try:
    for case in [errors_reach_the_host, jsonl_cases, folder_cases, published_from_input, empty_inputs, odd_entries,
                 waits_for_another_writer]:
        print(f"== {case.__name__}")
        case(tmp)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("all checks passed")
