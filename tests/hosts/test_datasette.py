"""Datasette with the datasette-vnsql plugin over the quickstart's database,
through its JSON API, and its search page in headless Chromium."""
import os, shutil, struct, subprocess, tempfile, urllib.parse

import pytest
import yaml
from conftest import HOSTS, ROOT, shell, sql_string

CANNED = yaml.safe_load(open(os.path.join(ROOT, "examples", "datasette.yml"), encoding="utf-8"))["databases"]["demo"]["queries"]
TEXT = ("Thực hiện Nghị quyết số 18-NQ/TW và Chỉ thị 35-CT/TW, đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, "
        "Trưởng Ban Dân vận Trung ương và Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký phát biểu.")


def ids(rows):  # the first column: the primary key in a table's rows
    return sorted(r[0] for r in rows)


def test_the_plugin_registers_on_every_connection(datasette):
    plugins = {p["name"]: p for p in datasette.get("/-/plugins.json")}
    assert plugins["vnsql"]["hooks"] == ["prepare_connection"]
    assert datasette.rows("/demo.json", sql="SELECT vnsql_version()") == shell("SELECT vnsql_version();")


@pytest.mark.parametrize("q", ["tinh gian bien che", "chong tham nhung", "Nghị quyết 18", "bien che"])
def test_search_finds_what_the_shell_finds(datasette, q):
    # ?_search= quotes each word, as vn_query() does; a raw "..." is a phrase.
    got = ids(datasette.rows("/demo/documents.json", _search=q, _col="title"))
    assert got == ids(shell(f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH vn_query({sql_string(q)});"))
    phrase = ids(datasette.rows("/demo/documents.json", _search=f'"{q}"', _searchmode="raw", _col="title"))
    assert phrase == ids(shell(f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH {sql_string(chr(34) + q + chr(34))};"))
    if q != "chong tham nhung":  # the example corpus has no article on it: both find none
        assert got and phrase


def test_accentless_and_accented_queries_behave_as_in_the_shell(datasette):
    found = {q: ids(datasette.rows("/demo/documents.json", _search=q, _col="title")) for q in ("hoa", "hòa", "hoà")}
    for q, got in found.items():
        assert got == ids(shell(f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH '{q}';")), q
    assert found["hòa"] == found["hoà"]  # either tone placement
    assert set(found["hòa"]) < set(found["hoa"])  # unmarked finds every spelling, marked only its own


def test_canned_queries_use_the_module(datasette):
    extract = datasette.rows("/demo/extract.json", text=TEXT)
    assert extract == shell(CANNED["extract"]["sql"].replace(":text", sql_string(TEXT)) + ";")
    assert ["document", "18-NQ/TW", "Nghị quyết số 18-NQ/TW"] in extract
    assert ["official", "Nguyễn Xuân Ký", "Bí thư Tỉnh ủy Quảng Ninh"] in extract
    cited = datasette.rows("/demo/cited.json")
    assert cited == shell(CANNED["cited"]["sql"] + ";")
    assert cited[0][:2] == ["18-NQ/TW", 4]


def test_the_search_page_in_chromium(datasette):
    """Chromium renders the page with the rows the JSON API gave; the screenshot is a real PNG.
    VNSQL_SCREENSHOT=docs/datasette-search.png also copies it there."""
    chromium = shutil.which("chromium") or pytest.fail("chromium is not installed (scripts/install-deps.sh hosts)")
    q = "tinh gian bien che"
    url = f"{datasette.url}/demo/documents?" + urllib.parse.urlencode(
        {"_search": q, "_col": ["title", "published", "source"]}, doseq=True)
    titles = [r[1] for r in datasette.rows("/demo/documents.json", _search=q, _col="title")]  # [id, title]
    with tempfile.TemporaryDirectory() as profile:
        flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--hide-scrollbars", "--window-size=1280,720"]
        dom = subprocess.run(flags + ["--dump-dom", url], capture_output=True, text=True, timeout=120, check=True).stdout
        png = os.path.join(HOSTS, "datasette-search.png")
        subprocess.run(flags + [f"--screenshot={png}", url], capture_output=True, timeout=120, check=True)
    assert f"{len(titles)} rows where search matches" in dom
    for title in titles:
        assert title in dom
    data = open(png, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1280, 720)
    assert len(data) > 20_000  # a page, not a blank
    if os.environ.get("VNSQL_SCREENSHOT"):
        shutil.copyfile(png, os.path.join(ROOT, os.environ["VNSQL_SCREENSHOT"]))
