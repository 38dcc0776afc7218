"""R18: ``check --deploy --fail-level WARNING`` passes with production settings; production refuses
the in-memory channel layer and a default SECRET_KEY (more cases in tests/test_settings.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEY = "r18-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ENV", "SECRET_KEY"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_ENV": "production", "ALLOWED_HOSTS": "dewan.example", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_r18_deploy_check_passes_at_warning_level_with_production_settings():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=KEY, REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "complaint"),
    [({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "SECRET_KEY"), ({"SECRET_KEY": KEY}, "channel layer")],
)
def test_r18_production_refuses_a_default_secret_key_and_the_in_memory_layer(env, complaint):
    result = manage("check", **env)
    assert result.returncode != 0
    assert complaint in result.stderr
