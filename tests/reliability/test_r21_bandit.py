"""R21: bandit runs clean on the application packages (pip-audit is not presented as a check:
it cannot reach its vulnerability database here and would then audit nothing)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Reads the source only: the same in both passes of `make test`, so only the embedded pass runs it
# (tests/backend_free.py).
pytestmark = pytest.mark.backend_free

ROOT = Path(__file__).resolve().parents[2]


def test_r21_bandit_finds_nothing_in_webinar_accounts_and_realtime():
    bandit = Path(sys.executable).with_name("bandit")
    result = subprocess.run(
        [str(bandit), "-q", "-c", "pyproject.toml", "-r", "webinar", "accounts", "realtime"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
