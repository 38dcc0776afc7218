"""Settings for the test suite: the project's settings plus a fast password hasher.

As HackSoft's Django-Styleguide-Example does (config/django/test.py): hashing with the production hasher
costs ~0.85 s per user here and dominated the suite. Server processes started by tests use this module too,
so a user created in the test process can sign in through them.

The deployment namespace (``DEWAN_INSTANCE``) is fixed per checkout and xdist worker and put in the
environment, so the servers and workers a test starts share it with the test process (their
``DATABASE_URL`` names the test database, which would otherwise derive another namespace).
"""

import hashlib
import os
from pathlib import Path

os.environ.setdefault(
    "DEWAN_INSTANCE",
    "t"
    + hashlib.sha256(str(Path(__file__).resolve().parent.parent).encode()).hexdigest()[:8]
    + os.environ.get("PYTEST_XDIST_WORKER", ""),
)

from webinar.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# What webinar.screening.backends.FixedVerdictBackend returns when a test selects it (tests about
# something other than screening choose the backend in settings instead of patching the pipeline).
DEWAN_SCREENING_FIXED_VERDICT = {"action": "publish", "language": "en"}
