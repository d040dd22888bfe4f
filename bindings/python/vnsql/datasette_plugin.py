"""datasette-vnsql: every connection Datasette opens gets the module."""
from datasette import hookimpl

import vnsql


@hookimpl
def prepare_connection(conn):
    vnsql.load(conn)
