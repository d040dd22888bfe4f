"""The Python package as pip installed it from the wheel built from this checkout."""
import json, os, re, shutil, sqlite3, subprocess, sys, sysconfig
from importlib.metadata import distribution

import pytest
import vnsql
from conftest import HOSTS, ROOT


def test_the_wheel_ships_the_module():
    path = vnsql.loadable_path()
    assert path == os.path.join(sysconfig.get_paths()["purelib"], "vnsql", "vnsql.so")
    assert "vnsql/vnsql.so" in [str(f) for f in distribution("vnsql").files]
    assert os.path.getsize(path) > 100_000


def test_load_into_sqlite3():
    con = sqlite3.connect(":memory:")
    vnsql.load(con)
    one = lambda sql, *args: con.execute(sql, args).fetchone()[0]
    assert one("SELECT vn_unaccent(?)", "Đồng chí Trương Thị Mai") == "Dong chi Truong Thi Mai"
    con.executescript("CREATE VIRTUAL TABLE news USING fts5(body, tokenize='vietnamese');"
                      "INSERT INTO news VALUES ('Đảng bộ tỉnh'), ('Hội nghị đang họp'), ('dáng đứng');")
    assert one("SELECT count(*) FROM news WHERE news MATCH 'dang'") == 3
    assert one("SELECT count(*) FROM news WHERE news MATCH 'đảng'") == 1
    ids = con.execute("SELECT id FROM resolutions(?) ORDER BY start",
                      ("Nghị quyết số 18, 19 của Ban Chấp hành Trung ương khóa XII",)).fetchall()
    assert ids == [("18-NQ/TW",), ("19-NQ/TW",)]
    with pytest.raises(sqlite3.OperationalError, match="vn_unaccent: expected 1 argument, got 2"):
        one("SELECT vn_unaccent(1, 2)")
    # Loading is switched off again afterwards: SQL cannot load other modules.
    with pytest.raises(sqlite3.OperationalError, match="not authorized"):
        one("SELECT load_extension('x')")


def test_one_version_everywhere():
    """vnsql_version(), vnsql.__version__, the npm package's version and CMake's project version."""
    con = sqlite3.connect(":memory:")
    vnsql.load(con)
    npm = json.load(open(os.path.join(ROOT, "bindings", "node", "package.json")))["version"]
    node = subprocess.run(["node", "-p", "require('./bindings/node').version"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()
    cache = open(os.path.join(HOSTS, "cmake", "CMakeCache.txt")).read()
    cmake = re.search(r"^CMAKE_PROJECT_VERSION:STATIC=(.*)$", cache, re.M).group(1)
    versions = {"vnsql_version()": con.execute("SELECT vnsql_version()").fetchone()[0],
                "vnsql.__version__": vnsql.__version__, "package.json": npm, "node": node, "cmake": cmake}
    assert len(set(versions.values())) == 1, versions
    assert re.fullmatch(r"\d+\.\d+\.\d+", npm)


class NoExtensions:
    """A sqlite3.Connection as a Python built without --enable-loadable-sqlite-extensions has it."""

    def execute(self, *args):
        pass


def test_a_sqlite3_that_cannot_load_extensions_is_told_what_to_do():
    with pytest.raises(vnsql.LoadError) as e:
        vnsql.load(NoExtensions())
    for advice in ("--enable-loadable-sqlite-extensions", "/usr/bin/python3", "pip install pysqlite3"):
        assert advice in str(e.value)


def test_a_real_python_that_cannot_load_extensions():
    """Such a Python on PATH (this machine's pyenv python3), given this package, gets LoadError."""
    here = os.path.dirname(sys.executable)
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if os.path.abspath(p) != here)
    python = shutil.which("python3", path=path)
    probe = "import sqlite3; sqlite3.connect(':memory:').enable_load_extension"
    if not python or subprocess.run([python, "-c", probe], capture_output=True).returncode == 0:
        pytest.skip(f"no python3 on PATH lacks extension loading ({python})")
    run = subprocess.run([python, "-c", "import sqlite3, vnsql; vnsql.load(sqlite3.connect(':memory:'))"],
                         env=dict(os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"]), capture_output=True, text=True)
    assert run.returncode == 1
    assert "vnsql.LoadError: sqlite3.Connection cannot load SQLite extensions" in run.stderr
    assert "pip install pysqlite3" in run.stderr


def test_pysqlite3():
    """pysqlite3 (its own SQLite) can. Its own process: one SQLite library per process (README)."""
    run = subprocess.run([sys.executable, "-c", """if 1:
        import pysqlite3.dbapi2 as sqlite3, vnsql
        con = sqlite3.connect(':memory:')
        vnsql.load(con)
        print(*con.execute("SELECT vnsql_version(), vn_normalize('Uỷ ban tỉnh Hoà Bình'), sqlite_version()").fetchone(), sep='|')
        """], capture_output=True, text=True, check=True)
    version, normalized, sqlite_version = run.stdout.strip().split("|")
    assert (version, normalized) == (vnsql.__version__, "Ủy ban tỉnh Hòa Bình")
    assert sqlite_version != sqlite3.sqlite_version  # really another SQLite


def test_a_second_sqlite_library_in_one_process_is_refused():
    """Loaded into Python's sqlite3 first, the module refuses pysqlite3's SQLite with a clear error
    (its calls go through the first library's table), and the first connection goes on working."""
    run = subprocess.run([sys.executable, "-c", """if 1:
        import sqlite3, pysqlite3.dbapi2 as other, vnsql
        first = sqlite3.connect(':memory:')
        vnsql.load(first)
        second = other.connect(':memory:')
        try:
            vnsql.load(second)
            print('loaded')
        except other.OperationalError as e:
            print('refused:', e)
        print(first.execute("SELECT vn_unaccent('Đảng')").fetchone()[0])
        """], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    refused, unaccented = run.stdout.strip().split("\n")
    assert refused.startswith("refused: ")  # SQLite puts "error during initialization: " before the module's words
    assert "vnsql: already loaded into another SQLite library (" + sqlite3.sqlite_version + ")" in refused
    assert "one SQLite library per process" in refused
    assert unaccented == "Dang"
