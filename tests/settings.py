"""Settings for the test suite: the project's settings plus a fast password hasher.

As HackSoft's Django-Styleguide-Example does (config/django/test.py): hashing with the production hasher
costs ~0.85 s per user here and dominated the suite. Server processes started by tests use this module too,
so a user created in the test process can sign in through them.
"""

from webinar.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# What webinar.screening.backends.FixedVerdictBackend returns when a test selects it (tests about
# something other than screening choose the backend in settings instead of patching the pipeline).
DEWAN_SCREENING_FIXED_VERDICT = {"action": "publish", "language": "en"}
