"""sqlite-utils with the sqlite-utils-vnsql plugin: no --load-extension anywhere."""
import json, os, subprocess

import sqlite_utils
from conftest import DEMO_DB, VENV_BIN, shell


def cli(*args):
    run = subprocess.run([os.path.join(VENV_BIN, "sqlite-utils"), *args], capture_output=True, text=True, check=True)
    return run.stdout


def test_the_plugin_is_registered():
    assert "vnsql" in [p["name"] for p in json.loads(cli("plugins"))]


def test_search_finds_what_the_shell_finds():
    for q in ("tinh gian bien che", "hoa", "hòa", '"nghi quyet 18"'):
        got = [r["id"] for r in json.loads(cli("search", DEMO_DB, "documents", q, "-c", "id", "-o", "id"))]
        want = [r[0] for r in shell(f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH '{q}' ORDER BY rowid;")]
        assert got == want and got, q


def test_query_and_the_python_api():
    assert json.loads(cli("query", DEMO_DB, "SELECT vn_unaccent('Đảng bộ') AS plain")) == [{"plain": "Dang bo"}]
    db = sqlite_utils.Database(DEMO_DB)
    rows = list(db.query("SELECT name FROM officials(?) ORDER BY name",
                         ["Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký phát biểu."]))
    assert rows == [{"name": "Nguyễn Xuân Ký"}]
