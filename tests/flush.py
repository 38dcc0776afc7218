"""Emptying the database between transactional tests at a few per cent of the cost of Django's own flush.

pytest-django's ``transactional_db`` ends each test with Django's ``flush``: on PostgreSQL one
``TRUNCATE`` of every table (new files for each table, an exclusive lock on all of them), then the
``post_migrate`` signal, which finds the content types and permissions it just deleted gone and creates
them again (~70 queries). Measured on this project's 32 tables (machine under load ~11): 1,468 ms per
flush that way, 48 ms with the one below. The suite runs hundreds of transactional tests (every test
that starts a real server), so the flush was a large share of the PostgreSQL pass (README, "Tests").

Here a flush deletes the rows of every table except those migrate itself made (content types,
permissions, the migration record), which no test changes, and so needs no ``post_migrate``. On
PostgreSQL it is ``DELETE`` rather than ``TRUNCATE`` (under the same table locks): the tables hold a few
rows after a test, and Django's foreign keys are ``DEFERRABLE INITIALLY DEFERRED``, so the deletes may run
in any order inside the one transaction ``execute_sql_flush`` opens. The same idea as PostHog's selective
flush (PostHog/posthog#69487) and Respawn's DELETE mode (jbogard/Respawn#126). A flush that resets sequences
(``reset_sequences=True``, no test here) keeps Django's way.
"""

from __future__ import annotations

import time

from django.core.management import sql as management_sql
from django.core.management.base import CommandError
from django.core.management.commands import flush as flush_command
from django.db import OperationalError

_django_handle = flush_command.Command.handle
# A shared browser-test server keeps writing between tests (its sampler, a page's socket), so a flush can
# lose a deadlock to it more than once in a row: up to 8 attempts, 0.05 s doubling to 1 s apart (~4 s in
# all), where 3 back-to-back attempts all lost in a CI run's PostgreSQL pass.
FLUSH_ATTEMPTS = 8
KEPT_TABLES = frozenset({"django_content_type", "auth_permission", "django_migrations"})


class _State:
    kept_migrated_rows = False


def sql_flush_keeping_migrated_rows(style, connection, reset_sequences=True, allow_cascade=False):
    """``django.core.management.sql.sql_flush`` without the tables in ``KEPT_TABLES``.

    Returns the list of SQL statements ``execute_sql_flush`` runs in one transaction.
    """
    _State.kept_migrated_rows = not reset_sequences
    if reset_sequences:
        return management_sql.sql_flush(style, connection, reset_sequences=True, allow_cascade=allow_cascade)
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False)
        if table not in KEPT_TABLES
    ]
    if connection.vendor == "postgresql":
        # Table names from Django's own introspection, quoted: nothing here comes from outside. The lock
        # first, as TRUNCATE takes it: a server process a test left running (tests/browser shares one per
        # module) may be writing, and deletes taking row locks one table at a time could deadlock with it.
        quoted = [connection.ops.quote_name(table) for table in tables]
        return [f"LOCK TABLE {', '.join(quoted)} IN ACCESS EXCLUSIVE MODE;"] + [
            f"DELETE FROM {table};"  # noqa: S608
            for table in quoted
        ]
    return connection.ops.sql_flush(style, tables, reset_sequences=False, allow_cascade=allow_cascade)


def emit_post_migrate_unless_kept(verbosity, interactive, db, **kwargs):
    """``post_migrate`` only after a flush that deleted what it recreates."""
    if not _State.kept_migrated_rows:
        management_sql.emit_post_migrate_signal(verbosity, interactive, db, **kwargs)


def handle_retrying_deadlocks(self, **options):
    """``flush``'s ``handle``, run again (up to ``FLUSH_ATTEMPTS`` times) when PostgreSQL chose the flush
    as the victim of a deadlock with a server process still writing: that process's transaction has then
    finished, so the next attempt, a moment later, gets its locks."""
    for attempt in range(1, FLUSH_ATTEMPTS + 1):
        try:
            return _django_handle(self, **options)
        except CommandError as exc:
            if attempt == FLUSH_ATTEMPTS or not isinstance(exc.__cause__, OperationalError):
                raise
            if "deadlock" not in str(exc.__cause__):
                raise
            time.sleep(min(0.05 * 2 ** (attempt - 1), 1.0))
    return None


def install() -> None:
    """Make ``manage.py flush`` (as the test runner calls it) use the functions above, in this process."""
    flush_command.sql_flush = sql_flush_keeping_migrated_rows
    flush_command.emit_post_migrate_signal = emit_post_migrate_unless_kept
    flush_command.Command.handle = handle_retrying_deadlocks
