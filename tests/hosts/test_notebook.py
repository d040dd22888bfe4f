"""examples/notebook.ipynb, executed top to bottom by `jupyter execute` (nbclient)
in this environment's kernel over the quickstart's database: every question of
examples/queries.sql answered by a %%sql cell with the rows the same SQL gives,
two plots, no error."""
import json, os, re, shutil, sqlite3, subprocess, sys, tempfile

import nbformat
import vnsql
from conftest import DEMO_DB, ROOT, VENV_BIN

NOTEBOOK = os.path.join(ROOT, "examples", "notebook.ipynb")
# Appended to a copy: each %%sql result the kernel kept (Out), by execution count.
DUMP = """import json, sys
from sql.run.resultset import ResultSet
print(json.dumps({"python": sys.executable, "results": {n: [list(r) for r in out] for n, out in Out.items()
                                                       if isinstance(out, ResultSet)}}, default=str))"""


def questions():
    """{n: SQL of question n} from examples/queries.sql, and the statements before question 1."""
    parts = re.split(r"^\.print '-- (\d+)\..*'$", open(os.path.join(ROOT, "examples", "queries.sql"), encoding="utf-8").read(), flags=re.M)
    sql = lambda chunk: "\n".join(l for l in chunk.split("\n") if not l.startswith("."))
    return sql(parts[0]), {int(n): sql(chunk) for n, chunk in zip(parts[1::2], parts[2::2])}


def last_rows(con, script):
    """The rows of the last statement of `script`."""
    rows, statement = [], ""
    for line in script.split("\n"):
        statement += line + "\n"
        if sqlite3.complete_statement(statement):
            rows = [list(r) for r in con.execute(statement)]
            statement = ""
    return rows


def test_the_notebook_answers_the_quickstart_questions():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(DUMP))
    with tempfile.TemporaryDirectory() as tmp:
        nbformat.write(nb, os.path.join(tmp, "notebook.ipynb"))
        subprocess.run([os.path.join(VENV_BIN, "jupyter"), "execute", "--timeout=300", "--output=executed",
                        os.path.join(tmp, "notebook.ipynb")], env=dict(os.environ, VNSQL_DB=DEMO_DB), check=True)
        done = nbformat.read(os.path.join(tmp, "executed.ipynb"), as_version=4)
    code = [c for c in done.cells if c.cell_type == "code"]
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert all(c.execution_count for c in code), "not every cell ran"
    dump = json.loads(code[-1].outputs[-1].text)
    assert os.path.dirname(dump["python"]) == VENV_BIN  # the kernel is this environment's Python

    # Each question's %%sql cell ("%%sql\n-- N.") shows the rows of the same question in queries.sql.
    preamble, asked = questions()
    con = sqlite3.connect(f"file:{DEMO_DB}?mode=ro", uri=True)
    vnsql.load(con)
    last_rows(con, preamble)
    cells = {int(m.group(1)): c for c in code if (m := re.match(r"%%sql\n-- (\d+)\.", c.source))}
    assert sorted(cells) == sorted(asked) == list(range(1, 17))
    for n, cell in cells.items():
        want = last_rows(con, asked[n])
        assert dump["results"][str(cell.execution_count)] == json.loads(json.dumps(want, default=str)), f"question {n}"
        assert want, f"question {n} has no answer on the example corpus"
    # Question 5: the four articles that cite 18-NQ/TW (examples/corpus/expected.json).
    cite = {e["document"] for e in json.load(open(os.path.join(ROOT, "examples", "corpus", "expected.json")))["documents"]
            if any("18-NQ/TW" in (r if isinstance(r, list) else [r]) for r in e["resolutions"])}
    assert {r[1] for r in dump["results"][str(cells[5].execution_count)]} == cite

    plots = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(plots) >= 2
