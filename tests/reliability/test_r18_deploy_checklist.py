"""R18: ``check --deploy --fail-level WARNING`` passes with production settings; production refuses
the in-memory channel layer and a default SECRET_KEY (more cases in tests/test_settings.py)."""

from __future__ import annotations

import pytest

from tests.django_process import run_django

# Django checks in a fresh interpreter whose environment the test chooses (tests/django_process.py): the
# same in both passes of `make test`, so only the embedded pass runs them (tests/backend_free.py).
pytestmark = pytest.mark.backend_free

KEY = "r18-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2


def manage(*args: str, **env: str):
    return run_django("manage.py", *args, DJANGO_ENV="production", ALLOWED_HOSTS="dewan.example", **env)


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
