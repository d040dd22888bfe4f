#!/usr/bin/python3
"""The analyst's database on a 3-node dqlite cluster on loopback, with faults.

  cluster_test.py --source DIR --build DIR [--shared DIR] [--articles 300]
  cluster_test.py --source DIR --build DIR --shared DIR --bench N

Articles (the first ones of ../shared/corpus/baomoi-2017.jsonl.xz, else the UTF-8
files of examples/corpus made unique) in three sets A, B and C, each ingested
into a local database by the sqlite3 shell (sql/ingest_jsonl.sql) and into the
cluster by build/vnsql-dqlite load (the same script, in batches of 10):
  1. A while the leader is killed with SIGKILL: another node leads, the loader
     goes on and finishes;
  2. the killed node comes back; a follower is killed, B is ingested by the
     other two, the follower comes back;
  3. the two nodes other than the leader are killed: ingesting C fails with a
     clear error in bounded time; they come back and the same command finishes C;
then on each node in turn as the leader (dqlite serves SQL from the leader):
every article once, PRAGMA integrity_check and the FTS5 integrity-check of an
index in each tokenizer mode, and the rows of the documents, of resolutions()
and officials(), of searches in the three modes and of examples/queries.sql,
equal to the local database's. Folders by sql/ingest.sql, the shell's and the
loader's databases compared the same way: examples/corpus, and a folder of odd
entries given as '..' after a link (the same skips and counts printed by both,
and again once its rows are made relative). Every process it starts is
stopped at the end.
Skipped (77) where the build has no node (libdqlite-dev not installed).

--bench N: ingests the first N articles into a local file (the shell) and into
a fresh 3-node cluster (the loader), both timed in the same run.
The module is $VNSQL_MODULE, else vnsql.so in the build folder.
"""
import argparse, glob, json, os, random, re, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, time

from sample_articles import sample_articles

ap = argparse.ArgumentParser()
ap.add_argument("--source", required=True)
ap.add_argument("--build", required=True)
ap.add_argument("--shared", default="")
ap.add_argument("--articles", type=int, default=300)
ap.add_argument("--bench", type=int, default=0)
a = ap.parse_args()
module = os.environ.get("VNSQL_MODULE", os.path.join(a.build, "vnsql.so"))
node_program = os.path.join(a.build, "vnsql-dqlite-node")
client = os.path.join(a.build, "vnsql-dqlite")
start_sh, stop_sh = (os.path.join(a.source, "cluster", s) for s in ("start.sh", "stop.sh"))
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)
    return ok


if not os.path.exists(node_program):
    print("skipped: no vnsql-dqlite-node in the build: dqlite is not installed "
          "(libdqlite-dev; scripts/install-deps.sh test installs it)")
    sys.exit(77)
if not os.path.exists(client):
    print(f"FAIL  no {client}: the cluster's loader is built with Go (scripts/install-deps.sh cluster)")
    sys.exit(1)


def article_lines(n):
    return [json.dumps(x, ensure_ascii=False) for x in sample_articles(n, a.shared, a.source)[0]]


def free_ports(n):
    """A first port of n free consecutive loopback ports."""
    for _ in range(50):
        first = random.randrange(20000, 60000)
        try:
            for p in range(first, first + n):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", p))
            return first
        except OSError:
            continue
    raise RuntimeError("no free ports")


def node_running(pid):
    """A node process that is there and not a zombie (the node programs are not this process's children)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return state != "Z" and b"vnsql-dqlite-node" in f.read()
    except OSError:
        return False


class Cluster:
    def __init__(self, tmp, n=3):
        self.dir, self.n, self.port = os.path.join(tmp, "cluster"), n, free_ports(n)
        self.servers = ",".join(f"127.0.0.1:{self.port + i}" for i in range(n))
        self.env = dict(os.environ, VNSQL_NODE=node_program)
        self.started = set()

    def start(self):
        r = subprocess.run([start_sh, str(self.n), self.dir, str(self.port)], env=self.env,
                           capture_output=True, text=True, timeout=120)
        self.started |= {self.pid(i) for i in range(1, self.n + 1) if self.pid(i)}
        if r.returncode != 0:
            print(r.stdout + r.stderr)
            for i in range(1, self.n + 1):
                log = os.path.join(self.dir, f"node-{i}.log")
                print(f"      node-{i}.log: " + (open(log, errors="replace").read()[-2000:] if os.path.exists(log) else "-"))
        return r.returncode == 0

    def pid(self, i):
        try:
            return int(open(os.path.join(self.dir, f"node-{i}.pid")).read())
        except (OSError, ValueError):
            return None

    def kill(self, i):
        os.kill(self.pid(i), signal.SIGKILL)
        for _ in range(100):
            if not node_running(self.pid(i)):
                return
            time.sleep(0.05)

    def stop(self):
        subprocess.run([stop_sh, self.dir], timeout=60)
        for pid in filter(node_running, self.started):  # anything stop.sh did not end
            os.kill(pid, signal.SIGKILL)

    def run(self, *args, timeout=120, cwd=None, user=None):
        return subprocess.run([client, args[0], "-s", self.servers, *args[1:]], capture_output=True, text=True,
                              timeout=timeout, cwd=cwd, preexec_fn=user)

    def leader(self):
        r = self.run("leader", "-retry-for", "30s", timeout=60)
        return int(r.stdout.split()[0]) if r.returncode == 0 else None

    def load_args(self, jsonl, source, *more):
        return ["load", "-jsonl", jsonl, "-source", source, "-sql", os.path.join(a.source, "sql"), *more]


def local_ingest(db_path, jsonl, source):
    return local_ingest_said(db_path, jsonl, source)[0]


def local_ingest_said(db_path, jsonl, source):
    with open(jsonl, "rb") as f:
        return shell_ingest(db_path, "ingest_jsonl.sql", f"@source {source}", f)


def shell_ingest(db_path, script, parameter, stdin=subprocess.DEVNULL, cwd=None, user=None):
    """The README's way: sql/schema.sql and an ingest script in the sqlite3 shell, from the source folder (or
    cwd); whether it succeeded, and what it printed."""
    sql = os.path.join(a.source, "sql")
    r = subprocess.run(["/usr/bin/sqlite3", db_path, "-cmd", ".load " + os.path.splitext(module)[0],
                        "-cmd", ".parameter set " + parameter, f'.read "{sql}/schema.sql"', f'.read "{sql}/{script}"'],
                       stdin=stdin, cwd=cwd or a.source, capture_output=True, timeout=600, preexec_fn=user)
    return r.returncode == 0, (r.stdout + r.stderr).decode(errors="replace")


def plain(v):
    return {"blob": v.hex()} if isinstance(v, bytes) else v


def compare_with_local(local, lines, label):
    """Each statement the cluster ran, run again on the local database: same columns, same rows."""
    same = statements = compared = 0
    for line in lines:
        r = json.loads(line)
        if "sql" not in r:
            continue
        statements += 1
        cur = local.execute(r["sql"])
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = [[plain(v) for v in row] for row in cur.fetchall()]
        if columns == r.get("columns", []) and rows == r.get("rows", []):
            same, compared = same + 1, compared + len(rows)
        elif len(failures) < 20:
            print(f"      {label}: differs from the local database: {r['sql'][:200]}\n"
                  f"        cluster: {json.dumps(r.get('rows', []), ensure_ascii=False)[:300]}\n"
                  f"        local:   {json.dumps(rows, ensure_ascii=False)[:300]}")
    return statements > 0 and same == statements, f"{same}/{statements} answers ({compared} rows)"


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# The searches in each tokenizer mode: the schema's index (smart), and one more
# index in each of the other modes over the same documents.
MODES_SETUP = """
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fold USING fts5(title, body, content='documents', content_rowid='id',
  tokenize='vietnamese diacritics fold');
CREATE VIRTUAL TABLE IF NOT EXISTS documents_keep USING fts5(title, body, content='documents', content_rowid='id',
  tokenize='vietnamese diacritics keep');
INSERT INTO documents_fold(documents_fold) VALUES ('rebuild');
INSERT INTO documents_keep(documents_keep) VALUES ('rebuild');
"""
CHECKS = """
SELECT count(*), count(DISTINCT path), count(DISTINCT sha256) FROM documents;
SELECT substr(path, 1, instr(path, '#')) AS source, count(*) FROM documents GROUP BY 1 ORDER BY 1;
PRAGMA integrity_check;
INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check');
INSERT INTO documents_fold(documents_fold) VALUES ('integrity-check');
INSERT INTO documents_keep(documents_keep) VALUES ('integrity-check');
SELECT id, path, sha256, title, published, source, body, raw FROM documents ORDER BY id;
SELECT d.path, r.id, r.kind, r.date, r.surface, r.start, r.length, r.resolved
  FROM document_resolutions r JOIN documents d ON d.id = r.document_id ORDER BY d.path, r.start, r.id;
SELECT d.path, o.name, o.title, o.honorific, o.mention, o.start, o.length
  FROM document_officials o JOIN documents d ON d.id = o.document_id ORDER BY d.path, o.mention, o.start, o.title;
SELECT d.path, r.* FROM documents d, resolutions(d.body) r ORDER BY d.path, r.start;
SELECT d.path, o.* FROM documents d, officials(d.body) o ORDER BY d.path, o.mention, o.start;
"""
FOLDER_CHECKS = """
SELECT id, path, sha256, title, published, source, body, raw FROM documents ORDER BY id;
SELECT document_id, id, kind, date, surface, start, length, resolved FROM document_resolutions ORDER BY 1, 6, 2;
SELECT document_id, name, title, honorific, mention, start, length FROM document_officials ORDER BY 1, 5, 6, 3;
"""
SEARCHES = "".join(
    f"SELECT rowid, rank, highlight({t}, 0, '[', ']') FROM {t} WHERE {t} MATCH {q} ORDER BY rank, rowid;\n"
    for t in ("documents_fts", "documents_fold", "documents_keep")
    for q in ("'hoa'", "'hòa'", "'tinh gian bien che'", "'Đảng'", "'dang'", "vn_query('nghị quyết 18 bộ máy')",
              "'chinh phu'", "'thủ tướng'"))


def bench(tmp):
    lines = article_lines(a.bench)
    jsonl = write(os.path.join(tmp, "bench.jsonl"), "\n".join(lines) + "\n")
    t = time.monotonic()
    ok = local_ingest(os.path.join(tmp, "local.db"), jsonl, "bench")
    local_s = time.monotonic() - t
    cluster = Cluster(tmp)
    try:
        check(cluster.start(), "3 nodes started")
        t = time.monotonic()
        r = cluster.run(*cluster.load_args(jsonl, "bench", "-batch", "100"), timeout=1800)
        cluster_s = time.monotonic() - t
        check(ok and r.returncode == 0, f"{len(lines)} articles ingested locally and through the cluster")
        print(f"{len(lines)} articles: local file {local_s:.2f} s, 3-node cluster {cluster_s:.2f} s, "
              f"ratio {cluster_s / local_s:.2f}")
    finally:
        cluster.stop()


def faults(tmp):
    lines = article_lines(a.articles + 60)
    sets = {"A": lines[:a.articles], "B": lines[a.articles:a.articles + 40], "C": lines[a.articles + 40:]}
    files = {k: write(os.path.join(tmp, f"{k}.jsonl"), "\n".join(v) + "\n") for k, v in sets.items()}
    source = {k: f"set-{k.lower()}" for k in sets}  # paths sort A < B < C: ids as in the local database
    local_path = os.path.join(tmp, "local.db")
    check(all(local_ingest(local_path, files[k], source[k]) for k in sets),
          f"local database: {sum(map(len, sets.values()))} articles, in three runs of sql/ingest_jsonl.sql")

    cluster = Cluster(tmp)
    loader = None
    try:
        if not check(cluster.start(), f"3 nodes started on 127.0.0.1:{cluster.port}-{cluster.port + 2}"):
            return
        # 1. The leader killed while the loader ingests A. The scripts run with a
        # page cache of 16 pages, which every batch outgrows: the node keeps SQLite
        # from spilling pages to the WAL before a commit (dqlite 1.11.1 fails on that).
        small_cache = os.path.join(tmp, "sql")
        os.mkdir(small_cache)
        write(os.path.join(small_cache, "schema.sql"), open(os.path.join(a.source, "sql", "schema.sql")).read())
        write(os.path.join(small_cache, "ingest_jsonl.sql"),
              "PRAGMA cache_size = 16;\n" + open(os.path.join(a.source, "sql", "ingest_jsonl.sql")).read())
        loader = subprocess.Popen([client, *cluster.load_args(files["A"], source["A"], "-batch", "10"),
                                   "-sql", small_cache, "-s", cluster.servers],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        before = [loader.stdout.readline() for _ in range(3)]
        killed = cluster.leader()
        running = loader.poll() is None
        cluster.kill(killed)
        print(f"      killed the leader, node {killed}, after: {before[-1].strip()}")
        try:
            out, err = loader.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            loader.kill()
            out, err = loader.communicate()
        after = [l for l in out.splitlines() if l.startswith("batch")]
        print("      loader: " + "\n      loader: ".join((err.strip().splitlines() or ["(no retries)"]) + out.strip().splitlines()[-1:]))
        check(running and after and loader.returncode == 0,
              f"the loader, running when the leader was killed, finished ({len(after)} more batches)")
        new = cluster.leader()
        check(new is not None and new != killed, f"another node leads: node {new}")

        # 2. The killed node comes back; a follower is killed during B, then comes back.
        check(cluster.start(), f"node {killed} back")
        follower = next(i for i in (1, 2, 3) if i != cluster.leader())
        cluster.kill(follower)
        r = cluster.run(*cluster.load_args(files["B"], source["B"], "-batch", "10"))
        check(r.returncode == 0, f"B ingested with follower {follower} down" + ("" if r.returncode == 0 else ": " + r.stderr))
        check(cluster.start(), f"follower {follower} back")

        # 3. A majority lost: writes fail, with a clear error, in bounded time.
        leader = cluster.leader()
        for i in (1, 2, 3):
            if i != leader:
                cluster.kill(i)
        t = time.monotonic()
        r = cluster.run(*cluster.load_args(files["C"], source["C"], "-batch", "10", "-retry-for", "5s"), timeout=120)
        print("      loader: " + next((l for l in r.stderr.splitlines() if "gave up" in l), r.stderr.strip()))
        check(r.returncode != 0 and "majority" in r.stderr,
              f"with only node {leader} up, ingesting C fails and says why, in {time.monotonic() - t:.0f} s")
        check(cluster.start(), "the two nodes back")
        r = cluster.run("query", write(os.path.join(tmp, "c.sql"),
                                       f"SELECT count(*) FROM documents WHERE path LIKE '{source['C']}#%';"))
        c_there = json.loads(r.stdout)["rows"][0][0] if r.returncode == 0 else -1
        check(c_there % 10 == 0 and 0 <= c_there <= len(sets["C"]),
              f"of the failed ingest, whole batches or nothing: {c_there} of C's {len(sets['C'])} articles")
        r = cluster.run(*cluster.load_args(files["C"], source["C"], "-batch", "10"))
        check(r.returncode == 0, "the same command again finishes C")

        # Every node, as the leader in turn, against the local database.
        setup = write(os.path.join(tmp, "modes.sql"), MODES_SETUP)
        r = cluster.run("query", setup)
        local = sqlite3.connect(local_path)
        local.enable_load_extension(True)
        local.load_extension(module)
        local.executescript(MODES_SETUP)
        check(r.returncode == 0, "an FTS5 index in each of the modes fold and keep, on the cluster and locally")
        files_sql = [write(os.path.join(tmp, "checks.sql"), CHECKS), write(os.path.join(tmp, "searches.sql"), SEARCHES),
                     os.path.join(a.source, "examples", "queries.sql")]
        r = cluster.run("query", "-each-node", *files_sql, timeout=300)
        if not check(r.returncode == 0, "queries on each node as the leader"):
            print(r.stderr)
            return
        per_node, node = {}, None
        for line in r.stdout.splitlines():
            if line.startswith('{"address"'):
                node = json.loads(line)["node"]
                per_node[node] = []
            else:
                per_node[node].append(line)
        total = len(lines)
        check(sorted(per_node) == [1, 2, 3], f"answers from nodes {sorted(per_node)}")
        for n, results in sorted(per_node.items()):
            counts = json.loads(results[0])["rows"][0]
            check(counts == [total] * 3, f"node {n}: every article once ({counts[0]} rows, {counts[1]} paths, of {total})")
            ok, tally = compare_with_local(local, results, f"node {n}")
            check(ok, f"node {n}: integrity checks pass and {tally} equal the local database's "
                      "(documents, resolutions, officials, searches in 3 modes, examples/queries.sql)")

        # A folder too: examples/corpus by sql/ingest.sql, in a database of its own.
        folder_db = os.path.join(tmp, "folder.db")
        ok = shell_ingest(folder_db, "ingest.sql", "@dir \"'examples/corpus'\"")[0]
        r = cluster.run("load", "-db", "folder", "-dir", "examples/corpus", "-sql", os.path.join(a.source, "sql"),
                        cwd=a.source)
        check(ok and r.returncode == 0, "examples/corpus ingested by sql/ingest.sql, locally and through the cluster")
        r = cluster.run("query", "-db", "folder", write(os.path.join(tmp, "folder.sql"), FOLDER_CHECKS),
                        os.path.join(a.source, "examples", "queries.sql"))
        local = sqlite3.connect(folder_db)
        local.enable_load_extension(True)
        local.load_extension(module)
        ok, tally = compare_with_local(local, r.stdout.splitlines(), "folder") if r.returncode == 0 else (False, r.stderr)
        check(ok, f"the folder's database: {tally} equal the local one's")
        folder_outcomes(cluster, tmp)
        jsonl_outcomes(cluster, tmp)
    finally:
        if loader and loader.poll() is None:
            loader.kill()
        cluster.stop()
        alive = list(filter(node_running, cluster.started))
        check(not alive, "every node stopped" + (f" (still: {alive})" if alive else ""))


def said(text, loader):
    """What an ingest of a folder printed: its skip lines, sorted, and its counts added up (the loader prints
    the script's lines of each batch as "batch K of N: LINE; LINE")."""
    lines = text.splitlines()
    if loader:
        lines = [m for l in lines if re.match(r"batch \d+ of \d+: ", l) for m in l.split(": ", 1)[1].split("; ")]
    counts = {"new": 0, "unchanged": 0, "skipped": 0, "taken over": 0, "from": set()}
    for line in lines:
        if m := re.fullmatch(r"(\d+) new or changed file\(s\) ingested from (.*), (\d+) unchanged, (\d+) skipped", line):
            counts["from"].add(m[2])
            for k, v in zip(("new", "unchanged", "skipped"), (m[1], m[3], m[4])):
                counts[k] += int(v)
        elif m := re.fullmatch(r"(\d+) row\(s\) stored under a relative path now have their canonical path", line):
            counts["taken over"] += int(m[1])
    return sorted(l for l in lines if l.startswith("skipped ")), counts


def folder_outcomes(cluster, tmp):
    """A folder of articles (one empty, one .TXT, one in a subfolder) and of what sql/ingest.sql skips (links,
    a dangling one, one to a folder, a FIFO, an unreadable file), given as '..' after a link; then again, its
    rows made relative as stored before paths were canonical. The shell and the loader (in batches of 2)
    print the same skips and counts and store the same rows."""
    odd = os.path.join(tmp, "odd")
    os.makedirs(os.path.join(odd, "sub"))
    corpus = sorted(glob.glob(os.path.join(a.source, "examples", "corpus", "*.txt")))
    for name, article in zip(["a.txt", "B.TXT", "sub/c.txt", "unreadable.txt"], corpus):
        shutil.copy(article, os.path.join(odd, name))
    write(os.path.join(odd, "empty.txt"), "")
    # The dates of the files: the loader gives published.csv to every batch; a bad date is named once.
    write(os.path.join(odd, "published.csv"), "path,date\na.txt,2017-05-13\nsub/c.txt,14/05/2017\nB.TXT,xx\nmissing.txt,2017-01-01\n")
    os.chmod(os.path.join(odd, "unreadable.txt"), 0)
    for link, target in [("odd/link.txt", "a.txt"), ("odd/dangling.txt", "nowhere.txt"), ("odd/up", ".."),
                         ("alias", "odd/sub")]:
        os.symlink(target, os.path.join(tmp, link))
    os.mkfifo(os.path.join(odd, "fifo.txt"))
    user = None
    if os.geteuid() == 0:  # root reads a file whatever its mode: both run as nobody
        user = lambda: (os.setgid(65534), os.setuid(65534))
        for p in (tmp, odd):
            os.chmod(p, 0o777)
    real = os.path.realpath(odd)
    db = os.path.join(tmp, "odd.db")
    relative = f"UPDATE documents SET path = 'odd/' || substr(path, {len(real) + 2});"
    for run, want in [("", (4, 0, 5, 0)), (", its rows made relative first", (0, 4, 5, 4))]:
        if run:
            local = sqlite3.connect(db)
            local.execute(relative)
            local.commit()
            local.close()
            r = cluster.run("query", "-db", "odd", write(os.path.join(tmp, "relative.sql"), relative))
            check(r.returncode == 0, "the rows made relative, locally and in the cluster" + r.stderr)
        ok, out = shell_ingest(db, "ingest.sql", "@dir \"'alias/..'\"", cwd=tmp, user=user)
        r = cluster.run("load", "-db", "odd", "-dir", "alias/..", "-batch", "2", "-sql", os.path.join(a.source, "sql"),
                        cwd=tmp, user=user)
        shell_said, loader_said = said(out, False), said(r.stdout, True)
        counts = shell_said[1]
        check(ok and r.returncode == 0 and shell_said == loader_said and counts["from"] == {real}
              and (counts["new"], counts["unchanged"], counts["skipped"], counts["taken over"]) == want
              and f"skipped {real}/unreadable.txt: cannot be read" in shell_said[0],
              f"a folder with odd entries, as 'alias/..'{run}: the shell and the loader say the same: "
              f"{'; '.join(shell_said[0])}; {counts}")
        if shell_said != loader_said or not ok or r.returncode:
            print(f"      the shell: {out}\n      the loader: {r.stdout}{r.stderr}")
        check(out.count('B.TXT "xx" is no date') == r.stdout.count('B.TXT "xx" is no date') == 1,
              f"published.csv{run}: its bad date named once by the shell and once by the loader")
    r = cluster.run("query", "-db", "odd", os.path.join(tmp, "folder.sql"))
    local = sqlite3.connect(db)
    ok, tally = compare_with_local(local, r.stdout.splitlines(), "odd") if r.returncode == 0 else (False, r.stderr)
    check(ok, f"the odd folder's database: {tally} equal the local one's")
    dated = dict(local.execute("SELECT substr(path, ?), published FROM documents WHERE published IS NOT NULL",
                               (len(real) + 2,)).fetchall())
    check(dated.get("a.txt") == "2017-05-13" and dated.get("sub/c.txt") == "2017-05-14",
          f"published.csv dated its files (the cluster's rows equal these): {dated}")


def jsonl_said(text):
    """What an ingest of JSON lines printed, however cut in batches: the numbers of the lines skipped as not
    articles, the lines replaced by a later one with the same id, and the counts added up."""
    bad = [int(n) for m in re.finditer(r'not a JSON object with "id" and a string "text" \(lines ([^)]*)\)', text)
           for n in m[1].split(", ") if n.isdigit()]
    new = unchanged = 0
    for m in re.finditer(r"(\d+) new or changed article\(s\) ingested from \S+, (\d+) unchanged", text):
        new, unchanged = new + int(m[1]), unchanged + int(m[2])
    return sorted(bad), sorted(re.findall(r"line (\d+) by line (\d+): id ([^;)]*)", text)), (new, unchanged)


def jsonl_outcomes(cluster, tmp):
    """JSON lines with NUL escapes in title and text, lines that are not articles, a blank line, and an id given
    twice, the two lines in different batches of the loader's path order but for its keeping them together:
    the shell and the loader (batches of 2) name the same lines and store the same bytes."""
    body = "Chính phủ ban hành Nghị định 62/2020/NĐ-CP về vị trí việc làm."
    articles = [{"id": "nul", "title": "Tiêu\u0000đề", "text": "a\u0000b " + body},
                {"id": "escapes", "text": "chữ \\u0000, \u0001 và \\\u0000 hết. " + body},
                {"id": 7, "text": "số 7 " + body}]
    feed = write(os.path.join(tmp, "feed.jsonl"), "".join(json.dumps(x) + "\n" for x in articles)
                 + 'not json\n[1, 2]\n{"id": "x"}\n\n{"text": "no id"}\n{"id": "x", "text": 5}\n'
                 '{"id": "r", "text": "first"}\n{"id": "a", "text": "alpha"}\n{"id": "r", "text": "second"}\n')
    db = os.path.join(tmp, "feed.db")
    ok, out = local_ingest_said(db, feed, "feed")
    r = cluster.run("load", "-db", "feed", "-jsonl", feed, "-source", "feed", "-batch", "2",
                    "-sql", os.path.join(a.source, "sql"))
    want = ([4, 5, 6, 7, 8], [("9", "11", "r")], (5, 0))
    check(ok and r.returncode == 0 and jsonl_said(out) == jsonl_said(r.stdout) == want,
          f"JSON lines with NUL escapes and lines skipped: the shell and the loader say the same: {jsonl_said(out)}")
    if jsonl_said(out) != jsonl_said(r.stdout):
        print(f"      the shell: {out}\n      the loader: {r.stdout}{r.stderr}")
    # dqlite's wire protocol ends a text value at NUL (the stored value is whole): hex() shows all of it.
    r = cluster.run("query", "-db", "feed", write(os.path.join(tmp, "feed.sql"), FOLDER_CHECKS.replace(
        "title, published, source, body", "hex(title), published, source, hex(body)")))
    ok, tally = compare_with_local(sqlite3.connect(db), r.stdout.splitlines(), "feed") if r.returncode == 0 \
        else (False, r.stderr)
    check(ok, f"the JSON lines' database: {tally} equal the local one's (NUL in title and body included)")
    # An input of lines that are no article, in several batches: each batch leaves the check to the loader,
    # which stops as the shell does, saying the same.
    empty = write(os.path.join(tmp, "empty.jsonl"), 'not json\n[1, 2]\n{"id": "x"}\n{"text": "no id"}\n')
    ok, out = local_ingest_said(os.path.join(tmp, "empty.db"), empty, "empty")
    r = cluster.run("load", "-db", "feed", "-jsonl", empty, "-source", "empty", "-batch", "2",
                    "-sql", os.path.join(a.source, "sql"))
    says = "no article in the input of empty"
    check(not ok and says in out and r.returncode != 0 and says in r.stderr,
          f"JSON lines without an article, in 2 batches: the shell and the loader stop, saying {says!r}")


# Bounded: past 8 minutes (ctest's limit is 10), or on SIGTERM, the cleanup
# below still stops every node.
def give_up(signum, frame):
    raise SystemExit(f"FAIL  stopped by signal {signum} (time limit or SIGTERM)")


signal.signal(signal.SIGALRM, give_up)
signal.signal(signal.SIGTERM, give_up)
signal.alarm(480)
with tempfile.TemporaryDirectory(prefix="vnsql-cluster-") as tmp:
    bench(tmp) if a.bench else faults(tmp)
print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
