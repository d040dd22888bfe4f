"""The same 10 queries (parity.sql) over the quickstart's database in the sqlite3
shell, Python's sqlite3, Datasette (HTTP JSON API) and Node (better-sqlite3 12):
the same rows everywhere, and the same cost of loading the module."""
import json, os, re, sqlite3, statistics, subprocess, sys, time

import vnsql
from conftest import DEMO_DB, ROOT, shell

HERE = os.path.dirname(os.path.abspath(__file__))
QUERIES = [q.strip() for q in re.split(r";\s*\n", re.sub(r"^--.*\n", "", open(os.path.join(HERE, "parity.sql"), encoding="utf-8").read(), flags=re.M)) if q.strip()]
RUNS = 21  # loads per host: the first (the shared library is opened) and 20 more connections


def python_rows():
    con = sqlite3.connect(f"file:{DEMO_DB}?mode=ro", uri=True)
    vnsql.load(con)
    return [[list(r) for r in con.execute(q)] for q in QUERIES]


def load_ms_shell():
    """.timer on around SELECT load_extension() on a new connection each time (.open); milliseconds, 1 ms steps."""
    script = "".join(f".open :memory:\nSELECT load_extension('{vnsql.loadable_path()}');\n" for _ in range(RUNS))
    out = subprocess.run(["sqlite3", "-cmd", ".timer on"], input=script, capture_output=True, text=True, check=True).stdout
    return [float(t) * 1000 for t in re.findall(r"Run Time: real ([\d.]+)", out)]


def load_ms_python():
    out = subprocess.run([sys.executable, "-c", f"""if 1:
        import json, sqlite3, time, vnsql
        ms = []
        for _ in range({RUNS}):
            con = sqlite3.connect(':memory:')
            start = time.perf_counter(); vnsql.load(con); ms.append((time.perf_counter() - start) * 1000)
        print(json.dumps(ms))"""], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_same_rows_and_load_cost_in_every_host(datasette):
    assert len(QUERIES) == 10
    node = json.loads(subprocess.run(["node", os.path.join(HERE, "parity.js"), DEMO_DB, os.path.join(HERE, "parity.sql")],
                                     capture_output=True, text=True, check=True).stdout)
    hosts = {
        "sqlite3 shell": [shell(q + ";") for q in QUERIES],
        "Python sqlite3": python_rows(),
        "Datasette": [datasette.rows("/demo.json", sql=q) for q in QUERIES],
        "Node better-sqlite3": node["rows"],
    }
    reference = hosts["sqlite3 shell"]
    assert all(reference), "a parity query returned no rows"
    for host, rows in hosts.items():
        for n, (got, want) in enumerate(zip(rows, reference), 1):
            assert got == want, f"{host}, query {n}: {QUERIES[n - 1]}"
    print(f"{len(QUERIES)} queries, {sum(map(len, reference))} rows, the same in {', '.join(hosts)}")

    # Loading the module: its first load in a process (dlopen) and each further connection.
    # Datasette's prepare_connection is vnsql.load(), the Python figure.
    cost = {"sqlite3 shell": load_ms_shell(), "Python sqlite3": load_ms_python(), "Node better-sqlite3": node["load_ms"]}
    for host, ms in cost.items():
        first, each = ms[0], statistics.median(ms[1:])
        print(f"{host:20s} first load {first:6.2f} ms, then {each:5.2f} ms a connection (median of {len(ms) - 1})")
        assert len(ms) == RUNS and first < 100 and each < 5, host
    firsts = [ms[0] for ms in cost.values()]
    assert max(firsts) - min(firsts) < 50, cost  # a few ms each when the machine is idle
