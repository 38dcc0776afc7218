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
measured no client CPU less. Each thread keeps one cursor for the connection it holds (a new
connection, or another one from the pool, gets a new cursor). Other databases (SQLite in development
and tests) take Django's cursor.
"""

from __future__ import annotations

import threading
import time
from functools import partial

import psycopg
from django.db import DEFAULT_DB_ALIAS, connections

# Per thread: one cursor on the connection it was made for, used again while the thread holds that
# connection (making a cursor per statement was about 40 µs of the 135-170 µs of a one-row read).
_kept = threading.local()


def plain_rows(sql: str, params: list) -> list[tuple]:
    """Every row of ``sql`` (``%s`` placeholders) run with ``params`` on this thread's connection."""
    db = connections[DEFAULT_DB_ALIAS]  # once: every ``connection.x`` is a lookup in asgiref's Local
    if db.vendor != "postgresql":
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    db.validate_no_broken_transaction()
    db.ensure_connection()
    with db.wrap_database_errors:
        raw = db.connection
        cursor = getattr(_kept, "cursor", None)
        if cursor is None or cursor.connection is not raw:
            cursor = _kept.cursor = psycopg.Cursor(raw)
        if db.execute_wrappers or db.queries_logged:
            _wrapped(db, cursor, sql, params)
        else:
            cursor.execute(sql, params, prepare=False)
        return cursor.fetchall()


def plain_row(sql: str, params: list) -> tuple | None:
    """The first row of ``plain_rows(sql, params)``, or None (for a statement that reads one row)."""
    rows = plain_rows(sql, params)
    return rows[0] if rows else None


def _wrapped(db, cursor, sql: str, params) -> None:
    """``sql`` through ``db``'s execute wrappers (outermost first, as Django's cursor runs them), and
    logged as Django's debug cursor logs it when queries are logged: the SQL with its parameters quoted in.
    """

    def execute(sql, params, many, context):
        cursor.execute(sql, params, prepare=False)

    executor = execute
    for wrapper in reversed(db.execute_wrappers):
        executor = partial(wrapper, executor)
    started = time.monotonic()
    try:
        executor(sql, params, False, {"connection": db, "cursor": cursor})
    finally:
        if db.queries_logged:
            shown = psycopg.ClientCursor(db.connection).mogrify(sql, params)
            db.queries_log.append({"sql": shown, "time": f"{time.monotonic() - started:.3f}"})
