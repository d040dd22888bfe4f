"""What the host tests share: the set-up scripts/install-hosts.sh made in
VNSQL_HOSTS_DIR (the virtual environment this pytest runs in, with the vnsql
wheel; demo.db, built by ./examples/quickstart.sh), the sqlite3 shell as the
reference host, and a Datasette server on a loopback port."""
import json, os, socket, subprocess, sys, time, urllib.parse, urllib.request

import pytest
import vnsql

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HOSTS = os.environ.get("VNSQL_HOSTS_DIR") or pytest.exit("VNSQL_HOSTS_DIR is not set: run scripts/install-hosts.sh DIR first", 2)
DEMO_DB = os.path.join(HOSTS, "demo.db")
VENV_BIN = os.path.dirname(sys.executable)


def shell(sql, db=DEMO_DB):
    """Rows (lists) of the last statement of `sql`, as the sqlite3 shell prints them in JSON mode."""
    run = subprocess.run(["sqlite3", "-bail", "-json", db, "-cmd", f".load {vnsql.loadable_path()}"],
                         input=sql, capture_output=True, text=True, check=True)
    decoder, text, rows = json.JSONDecoder(), run.stdout.strip(), []
    while text:  # one JSON array per statement that returned rows
        rows, end = decoder.raw_decode(text)
        text = text[end:].strip()
    return [list(r.values()) for r in rows]


def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


class Datasette:
    def __init__(self, url):
        self.url = url

    def get(self, path, **params):
        query = urllib.parse.urlencode(params, doseq=True)
        with urllib.request.urlopen(f"{self.url}{path}{'?' + query if query else ''}", timeout=30) as r:
            return json.load(r)

    def rows(self, path, **params):
        return self.get(path, _shape="arrays", **params)["rows"]


@pytest.fixture(scope="session")
def datasette():
    """`datasette serve demo.db -m examples/datasette.yml` on a free loopback port, no --load-extension."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(os.path.join(HOSTS, f"datasette-{port}.log"), "w")
    server = subprocess.Popen([os.path.join(VENV_BIN, "datasette"), "serve", DEMO_DB, "-m",
                               os.path.join(ROOT, "examples", "datasette.yml"), "-h", "127.0.0.1", "-p", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    ds = Datasette(f"http://127.0.0.1:{port}")
    try:
        for _ in range(150):
            try:
                ds.get("/-/versions.json")
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"datasette exited with {server.returncode}; see {log.name}")
                time.sleep(0.2)
        else:
            pytest.fail(f"datasette did not answer on port {port} in 30 s; see {log.name}")
        yield ds
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
