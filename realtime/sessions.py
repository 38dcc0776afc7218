"""The live socket's session: Django's database store, read in plain SQL, one at a time or many at once.

``ConnectSessionStore`` is what ``realtime.entry`` gives every live socket (with the database session
engine); its ``load`` is one primary-key read on the connection's own cursor (``webinar.plain_cursor``).
``sessions_load`` loads the sessions of viewers connecting together with **one** statement
(``realtime.identify``), and leaves each store exactly as its own ``load`` would have.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.sessions.backends import db as db_sessions
from django.db import connection
from django.utils import timezone

from webinar.plain_cursor import plain_row, plain_rows


class ConnectSessionStore(db_sessions.SessionStore):
    """Django's database session store, loaded with one plain SQL read (the same row, the same rule)
    on the connection's own cursor (``webinar.plain_cursor``: no Django cursor layer).

    Everything else (decoding, ``flush`` when the user's password changed) is the stock store's,
    and so is the signing salt (Django derives it from the class name).
    """

    @property
    def key_salt(self) -> str:
        return "django.contrib.sessions." + db_sessions.SessionStore.__qualname__

    def load(self):
        """The session's data, or ``{}`` (and no key) when it is missing or expired, as the stock store."""
        row = plain_row(
            f"SELECT session_data FROM {self.model._meta.db_table}"  # noqa: S608  # nosec B608 (a model's table)
            " WHERE session_key = %s AND expire_date > %s",
            [self.session_key, _now()],
        )
        return self.loaded(None if row is None else row[0])

    def loaded(self, data: str | None) -> dict:
        """What ``load`` returns for the row's ``session_data`` (None: no live row; the key is dropped)."""
        if data is None:
            self._session_key = None
            return {}
        return self.decode(data)

    @property
    def pending(self) -> bool:
        """Whether reading the session would load it from the database (it has a key, not yet read)."""
        return self.session_key is not None and not hasattr(self, "_session_cache")


def sessions_load(stores: Iterable[object]) -> int:
    """Load every ``ConnectSessionStore`` among ``stores`` not yet loaded, with one statement for all.

    Each store ends as its own ``load`` leaves it (its data decoded, or ``{}`` and no key when its row
    is missing or expired); other stores (another engine, a store already read, no key) are left
    alone and read as before. Returns the number of stores loaded; a database error propagates and
    leaves them all unloaded.
    """
    pending = [store for store in stores if isinstance(store, ConnectSessionStore) and store.pending]
    if not pending:
        return 0
    keys = sorted({str(store.session_key) for store in pending})
    table = ConnectSessionStore.get_model_class()._meta.db_table
    rows = plain_rows(
        f"SELECT session_key, session_data FROM {table}"  # noqa: S608  # nosec B608 (a model's table)
        f" WHERE session_key IN ({', '.join(['%s'] * len(keys))}) AND expire_date > %s",
        [*keys, _now()],
    )
    data = dict(rows)
    for store in pending:
        store._session_cache = store.loaded(data.get(store.session_key))  # type: ignore[attr-defined]
    return len(pending)


def _now():
    return connection.ops.adapt_datetimefield_value(timezone.now())
