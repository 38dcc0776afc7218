"""Run Django in a fresh interpreter with a chosen environment: settings are read at start-up only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Variables the settings read that a test must choose itself rather than inherit from the run.
_CHOSEN = {
    *("DATABASE_URL", "REDIS_URL", "DJANGO_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"),
    *("PORT", "SITE_URL"),
}

PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "prod-test-" + "0123456789abcdefghijklmnopqrstuvwxyz" * 2,
    "ALLOWED_HOSTS": "dewan.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_django(*argv: str, timeout: int = 120, **env: str) -> subprocess.CompletedProcess:
    """``python <argv>`` in the project root with DJANGO_SETTINGS_MODULE set and ``env`` on top."""
    clean = {k: v for k, v in os.environ.items() if k not in _CHOSEN}
    return subprocess.run(
        [sys.executable, *argv],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "webinar.settings", **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
