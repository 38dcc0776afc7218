"""Settings for the test suite: the project's settings plus a fast password hasher.

As HackSoft's Django-Styleguide-Example does (config/django/test.py): hashing with the production hasher
costs ~0.85 s per user here and dominated the suite. Server processes started by tests use this module too,
so a user created in the test process can sign in through them.

Each xdist worker has its own deployment namespace (``DEWAN_INSTANCE``) and, in the services pass, its own
Redis database; both are put in the environment, so the servers and workers a test starts share them with
the test process (their ``DATABASE_URL`` names the test database, which would otherwise derive another
namespace). Redis pub/sub ignores the database number, so without a namespace per worker one worker's
servers would hear another's webinar with the same id.
"""

import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def _redis_url_for_worker(url: str, worker: str) -> str:
    """The worker's own Redis database: ``/<base + n>`` for xdist worker ``gw<n>``.

    Django's Redis cache ``clear()`` is FLUSHDB, and a few tests flush or count a whole database, so
    workers of the services pass must not share one.
    """
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    database = base + int(worker.removeprefix("gw") or 0)
    if database > 15:
        raise RuntimeError(f"REDIS_URL database {base} leaves no room for worker {worker} (0-15)")
    return urlunsplit(parts._replace(path=f"/{database}"))


# Once per process tree: the pytest controller, then each worker (which inherits the controller's
# environment), sets these; servers and Celery workers a test starts inherit them as they are.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if os.environ.get("DEWAN_TEST_WORKER_ENV") != _worker:
    _base = (
        os.environ.get("DEWAN_TEST_INSTANCE_BASE")
        or os.environ.get("DEWAN_INSTANCE")
        or ("t" + hashlib.sha256(str(Path(__file__).resolve().parent.parent).encode()).hexdigest()[:8])
    )
    os.environ["DEWAN_TEST_INSTANCE_BASE"] = _base
    os.environ["DEWAN_INSTANCE"] = _base + _worker
    if os.environ.get("REDIS_URL") and _worker:
        os.environ["REDIS_URL"] = _redis_url_for_worker(os.environ["REDIS_URL"], _worker)
    os.environ["DEWAN_TEST_WORKER_ENV"] = _worker
    # Connecting to the machine's Redis on loopback takes microseconds, but four test processes and the
    # servers they start on two cores can starve an event loop past production's 1 s connect timeout (CI
    # saw "Timeout connecting to server" at load 9). A hung Redis still accepts connections (the kernel
    # does), so the hung-Redis tests are about DEWAN_REDIS_TIMEOUT_SECONDS, which stays as in production.
    os.environ.setdefault("DEWAN_REDIS_CONNECT_TIMEOUT_SECONDS", "5")

from webinar.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# What webinar.screening.backends.FixedVerdictBackend returns when a test selects it (tests about
# something other than screening choose the backend in settings instead of patching the pipeline).
DEWAN_SCREENING_FIXED_VERDICT = {"action": "publish", "language": "en"}
# The second screening stage is off unless a test turns it on (tests/live/test_checking.py): most tests are
# about something else and need no embedding model.
DEWAN_SECOND_STAGE = False
# Server processes started by tests load the screener on their first question instead of at start-up
# (webinar/startup.py): most never screen, and loading it was ~0.7 of the ~1.6 CPU-s of each of the
# suite's server starts. tests/webinar/test_startup.py turns it on to check the production start-up.
DEWAN_SCREENER_WARM_UP = os.environ.get("DEWAN_SCREENER_WARM_UP", "").strip().lower() in {"1", "true", "on"}

# The suite opens many sockets from one address and fuzzes frames quickly: budgets are relaxed here
# unless a run sets them; tests of the budgets themselves set their own (tests/abuse/).
DEWAN_WS_SOCKET_BUDGET = os.environ.get("DEWAN_WS_SOCKET_BUDGET", "100000/60")
DEWAN_WS_REGISTRATION_BUDGET = os.environ.get("DEWAN_WS_REGISTRATION_BUDGET", "100000/60")
DEWAN_WS_CONNECT_RATE = os.environ.get("DEWAN_WS_CONNECT_RATE", "100000/60")
DEWAN_WS_MAX_SOCKETS_PER_ADDRESS = int(os.environ.get("DEWAN_WS_MAX_SOCKETS_PER_ADDRESS", "100000"))
DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION = int(os.environ.get("DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION", "1000"))

# Commits without waiting for the disk. A commit here waits for an fsync that costs 21 ms (SQLite) and
# 5 ms (PostgreSQL) on the development machine against 0.4 ms without; the suite commits tens of
# thousands of times (transactional tests, the servers they start). What the tests check survives a
# killed process either way (the data is in the operating system's cache or PostgreSQL's WAL buffers);
# only a machine crash would lose it, which no test simulates. Production keeps the durable defaults.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF"  # noqa: F405
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
