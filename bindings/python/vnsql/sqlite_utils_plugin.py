"""sqlite-utils-vnsql: every connection sqlite-utils opens gets the module."""
import sqlite_utils

import vnsql


@sqlite_utils.hookimpl
def prepare_connection(conn):
    vnsql.load(conn)
