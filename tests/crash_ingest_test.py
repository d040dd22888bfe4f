#!/usr/bin/python3
"""Crash-safe ingest: SIGKILL the sqlite3 shell in the middle of sql/ingest.sql on a large folder.

  crash_ingest_test.py --source DIR [--shared DIR] [--files N]

Builds a folder of N articles (the first N of ../shared/corpus/baomoi-2017.jsonl.xz; the UTF-8
files of examples/corpus, each made unique, when the corpus is absent), ingests 10 of them, adds the
rest, starts the README's ingest command and kills it with SIGKILL while its transaction writes.
Then the database must open, pass PRAGMA integrity_check and the FTS5 integrity-check, hold none
or all of the killed run, and a rerun must complete it. The module is $VNSQL_MODULE.
"""
import argparse, os, shutil, signal, sqlite3, subprocess, sys, tempfile, time

from sample_articles import sample_articles

SHELL = "/usr/bin/sqlite3"
ap = argparse.ArgumentParser()
ap.add_argument("--source", required=True)
ap.add_argument("--shared", default="")
ap.add_argument("--files", type=int, default=3000)
a = ap.parse_args()
module = os.environ["VNSQL_MODULE"]
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def articles(n):
    arts, origin = sample_articles(n, a.shared, a.source)
    return [f"{x['title']}\n\n{x['text']}\n" if "title" in x else x["text"] for x in arts], origin


def ingest_args(db_path, folder):
    return [SHELL, db_path, "-cmd", ".load " + os.path.splitext(module)[0],
            "-cmd", f".parameter set @dir \"'{folder}'\"", ".read sql/schema.sql", ".read sql/ingest.sql"]


def connect(path):
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(module)
    return db


def intact(db_path, what):
    db = connect(db_path)
    check(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"{what}: PRAGMA integrity_check is ok")
    try:
        db.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        check(True, f"{what}: FTS5 integrity-check passes")
    except sqlite3.Error as e:
        check(False, f"{what}: FTS5 integrity-check passes ({e})")
    paths = {r[0] for r in db.execute("SELECT path FROM documents")}
    extracted = db.execute("SELECT (SELECT count(*) FROM document_resolutions) = "
                           "(SELECT count(*) FROM documents d, resolutions(d.body))").fetchone()[0]
    check(extracted == 1, f"{what}: document_resolutions holds what resolutions() gives")
    db.close()
    return paths


tmp = tempfile.mkdtemp(prefix="vnsql-crash-")
try:
    texts, origin = articles(a.files)
    folder = os.path.join(os.path.realpath(tmp), "articles")  # ingest.sql stores canonical paths
    os.mkdir(folder)
    names = [os.path.join(folder, f"{i:05d}.txt") for i in range(len(texts))]
    first = 10
    for name, text in zip(names[:first], texts[:first]):
        open(name, "w", encoding="utf-8").write(text)
    db_path = os.path.join(tmp, "analyst.db")
    run = subprocess.run(ingest_args(db_path, folder), cwd=a.source, capture_output=True, text=True)
    check(run.returncode == 0, f"first ingest of {first} files ({run.stderr.strip()})")
    before = intact(db_path, "before")
    check(len(before) == first, f"{first} documents before the crash")
    for name, text in zip(names[first:], texts[first:]):
        open(name, "w", encoding="utf-8").write(text)
    print(f"{len(texts)} files from {origin} in {folder}", flush=True)

    # Kill while the run's transaction writes: once the rollback journal exists, plus a moment.
    start = time.monotonic()
    proc = subprocess.Popen(ingest_args(db_path, folder), cwd=a.source, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    journal = db_path + "-journal"
    seen = None
    while proc.poll() is None:
        if seen is None and os.path.exists(journal) and os.path.getsize(journal) > 0:
            seen = time.monotonic()
        if seen is not None and time.monotonic() - seen > 0.5:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()
    killed = proc.returncode == -signal.SIGKILL
    print(f"sqlite3 {'killed' if killed else 'ended by itself'} after {time.monotonic() - start:.1f} s "
          f"(journal seen after {seen - start:.1f} s)" if seen else "", flush=True)
    check(killed, "the ingest was killed in the middle (it had not finished)")
    check(os.path.exists(journal), "a hot journal was left behind")

    after = intact(db_path, "after the kill")
    everything = set(names)
    check(after == before or after == everything,
          f"documents hold none or all of the killed run ({len(after)} of {len(before)} or {len(everything)})")

    run = subprocess.run(ingest_args(db_path, folder), cwd=a.source, capture_output=True, text=True)
    check(run.returncode == 0, f"the rerun completes ({run.stdout.strip()} {run.stderr.strip()})")
    final = intact(db_path, "after the rerun")
    check(final == everything, f"all {len(everything)} files are in documents after the rerun ({len(final)})")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
