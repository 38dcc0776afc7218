"""Settings come from the environment; production refuses unsafe ones (RELIABILITY R18)."""

from __future__ import annotations

import pytest

from tests.django_process import PRODUCTION, run_django

# Settings are loaded in a fresh interpreter whose environment the test chooses (tests/django_process.py):
# the same in both passes of `make test`, so only the embedded pass runs them (tests/backend_free.py).
pytestmark = pytest.mark.backend_free

GOOD_KEY = "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz"


def load_settings(**env: str):
    code = (
        "import django, json; from django.conf import settings; django.setup(); "
        "print(json.dumps({'layer': settings.CHANNEL_LAYERS['default']['BACKEND'], "
        "'db': settings.DATABASES['default']['ENGINE'], 'eager': settings.CELERY_TASK_ALWAYS_EAGER, "
        "'debug': settings.DEBUG, 'email': settings.EMAIL_BACKEND}))"
    )
    return run_django("-c", code, **env)


def test_embedded_default_needs_no_services():
    result = load_settings()
    assert result.returncode == 0, result.stderr
    assert '"layer": "channels.layers.InMemoryChannelLayer"' in result.stdout
    assert '"db": "django.db.backends.sqlite3"' in result.stdout
    assert '"eager": true' in result.stdout
    assert '"debug": true' in result.stdout
    assert "console.EmailBackend" in result.stdout


def test_service_urls_switch_to_postgresql_and_redis():
    result = load_settings(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/x", REDIS_URL="redis://127.0.0.1:6379/3"
    )
    assert result.returncode == 0, result.stderr
    assert "RedisPubSubChannelLayer" in result.stdout
    assert "postgresql" in result.stdout
    assert '"eager": false' in result.stdout


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        ({"ALLOWED_HOSTS": "dewan.example", "REDIS_URL": "redis://127.0.0.1:6379/0"}, "SECRET_KEY"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "dewan.example", "REDIS_URL": "redis://x"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY, "REDIS_URL": "redis://127.0.0.1:6379/0"}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "dewan.example"}, "in-memory channel layer"),
    ],
)
def test_production_refuses_to_start_with_unsafe_settings(env, complaint):
    result = load_settings(DJANGO_ENV="production", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and complaint in result.stderr


def test_production_with_real_settings_starts_without_debug():
    result = load_settings(**PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert '"debug": false' in result.stdout
