"""vnsql: Vietnamese text, first-class in SQLite.

    import sqlite3, vnsql
    con = sqlite3.connect("analyst.db")
    vnsql.load(con)

The loadable module ships inside this package; loadable_path() gives its path
for other hosts (the sqlite3 shell's .load, --load-extension options).
"""
import sys
from importlib.metadata import version
from pathlib import Path

__version__ = version("vnsql")
__all__ = ["load", "loadable_path", "LoadError", "__version__"]


class LoadError(RuntimeError):
    """The connection's SQLite cannot load extensions."""


def loadable_path() -> str:
    """The path of the module (vnsql.so) that this package ships."""
    return str(Path(__file__).with_name("vnsql.so"))


def load(con) -> None:
    """Loads the module into `con`, a sqlite3.Connection (or pysqlite3's)."""
    if not hasattr(con, "enable_load_extension"):
        raise LoadError(
            f"{type(con).__module__}.{type(con).__name__} cannot load SQLite extensions: the Python "
            f"{sys.executable} was built without --enable-loadable-sqlite-extensions. Use a Python "
            "whose sqlite3 can (Debian's /usr/bin/python3 can; with pyenv, reinstall with "
            "PYTHON_CONFIGURE_OPTS=--enable-loadable-sqlite-extensions), or `pip install pysqlite3` "
            "and connect with pysqlite3.dbapi2.connect(...) instead of sqlite3.connect(...).")
    con.enable_load_extension(True)
    try:
        con.load_extension(loadable_path())
    finally:
        con.enable_load_extension(False)
