"""PostgreSQL test databases for parallel test processes: migrated once per run, then copied.

pytest-django gives each xdist worker its own test database (``test_<name>_gw<n>``) and migrates each one:
~3.8 CPU-s of Django building migration states, per worker, all at the start of the run when the four
workers of CI's PostgreSQL pass compete for two cores (~20 s of wall time each at load 9). Here the first
worker to get there migrates one template database, ``test_<name>_template``, and every worker (that one
included) gets its own as ``CREATE DATABASE ... TEMPLATE`` (a file copy inside PostgreSQL, well under a
second), the way Django's own parallel runner clones test databases (``_clone_test_db``).

The template carries the run's id (xdist's ``testrunuid``) as its comment: a later run, whatever its
migrations, builds it again rather than copy an old one. A file lock (``fcntl.flock``) orders the workers
of a run; PostgreSQL refuses to copy a database anyone is connected to, so the builder closes its
connection and pool before the copies start. The template is dropped at the end of the run
(``template_drop``, by the controller). SQLite keeps pytest-django's way (its migration is cheap).
"""

from __future__ import annotations

import fcntl
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path

TEMPLATE_SUFFIX = "_template"


def template_name(test_name: str) -> str:
    """``test_dewan_ci_gw0`` -> ``test_dewan_ci_template`` (the name every worker of the run shares)."""
    return re.sub(r"_gw\d+$", "", test_name) + TEMPLATE_SUFFIX


@contextmanager
def _locked(name: str):
    path = Path(tempfile.gettempdir()) / f"dewan-{name}.lock"
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _comment(creation, name: str) -> str | None:
    with creation._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [name]
        )
        row = cursor.fetchone()
    return row[0] if row else None


def install(connection, run_id: str) -> None:
    """Make ``connection.creation.create_test_db`` (as pytest-django's setup calls it) copy this run's
    template instead of migrating, building the template first if this run has none yet."""
    creation = connection.creation
    migrate_test_db = creation.create_test_db

    def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        if keepdb:
            return migrate_test_db(verbosity, autoclobber, serialize, keepdb)
        from django.conf import settings
        from django.core.management import call_command

        name = creation._get_test_db_name()
        template = template_name(name)
        quote = connection.ops.quote_name
        with _locked(template):
            if _comment(creation, template) != run_id:
                test_settings = connection.settings_dict["TEST"]
                own_name = test_settings.get("NAME")
                test_settings["NAME"] = template
                try:
                    migrate_test_db(verbosity, autoclobber=True, serialize=False, keepdb=False)
                finally:
                    test_settings["NAME"] = own_name
                connection.close()
                connection.close_pool()  # PostgreSQL copies no database anyone is connected to
                with creation._nodb_cursor() as cursor:
                    cursor.execute(f"COMMENT ON DATABASE {quote(template)} IS %s", [run_id])
            with creation._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)} WITH (FORCE)")
                cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(template)}")
        # What Django's create_test_db does after its migrate.
        connection.close()
        connection.close_pool()
        settings.DATABASES[connection.alias]["NAME"] = name
        connection.settings_dict["NAME"] = name
        if serialize:
            connection._test_serialized_contents = creation.serialize_db_to_string()
        call_command("createcachetable", database=connection.alias)
        connection.ensure_connection()
        return name

    creation.create_test_db = create_test_db


def template_drop(database_url: str, test_name: str) -> None:
    """Drop the run's template (once every worker has made its copy: at the end of the run). Called
    from the controller, which has no database access through Django, so through psycopg."""
    import psycopg
    from psycopg import sql

    name = template_name(test_name)
    with _locked(name), psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
