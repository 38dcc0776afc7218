"""The connect path's statements on the connection's own psycopg cursor, without Django's cursor layer.

Every connect runs two statements (the session row; the bound registration with the viewer's own
question and vote ids) on a connect-pool thread (``realtime.consumers.connect_read``). Through
``connection.cursor()`` each pays Django's cursor layer (the async-safety check, the wrapper, the
executor chain) and psycopg's client-side binding (Django's default cursor class quotes every
parameter into the SQL text in Python): 480-620 µs of client CPU for the two, against 300-410 µs on a
plain ``psycopg.Cursor`` of the same connection, which sends the parameters apart (measured alone,
in turn, load 5-9; docs/scaling.md, *Connect, seventh step*).

What is kept from Django: the connection itself (``ensure_connection``: the same per-thread
connection, borrowed from psycopg's pool or persistent, its health check), the refusal to read in
a broken transaction, the error wrapping (a psycopg error comes out as Django's, and marks the
connection ``errors_occurred``, so ``connect_read``'s retry on a killed connection and its check
after a failed read work as before), the execute wrappers (``connection.execute_wrapper``: the
benches' query counter) and, when queries are logged (``DEBUG``, ``CaptureQueriesContext``), the
log entry with the SQL as it would have run.

No statement is prepared on the server (``prepare=False``): a server-side prepared statement would
not survive a transaction-mode pooler in front of PostgreSQL (``DB_POOL=0`` behind PgBouncer), and it
measured no client CPU less. Other databases (SQLite in development and tests) take Django's cursor.
"""

from __future__ import annotations

import time
from functools import partial

import psycopg
from django.db import connection


def plain_rows(sql: str, params: list) -> list[tuple]:
    """Every row of ``sql`` (``%s`` placeholders) run with ``params`` on this thread's connection."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    connection.validate_no_broken_transaction()
    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        executor = partial(_execute, cursor)
        for wrapper in reversed(connection.execute_wrappers):
            executor = partial(wrapper, executor)
        if connection.queries_logged:
            executor = partial(_logged, executor)
        executor(sql, params, False, {"connection": connection, "cursor": cursor})
        return cursor.fetchall()


def plain_row(sql: str, params: list) -> tuple | None:
    """The first row of ``plain_rows(sql, params)``, or None (for a statement that reads one row)."""
    rows = plain_rows(sql, params)
    return rows[0] if rows else None


def _execute(cursor, sql: str, params, many: bool, context: dict) -> None:
    cursor.execute(sql, params, prepare=False)


def _logged(execute, sql: str, params, many: bool, context: dict) -> None:
    """``execute``, logged as Django's debug cursor logs it: the SQL with its parameters quoted in."""
    started = time.monotonic()
    try:
        execute(sql, params, many, context)
    finally:
        shown = psycopg.ClientCursor(connection.connection).mogrify(sql, params)
        connection.queries_log.append({"sql": shown, "time": f"{time.monotonic() - started:.3f}"})
