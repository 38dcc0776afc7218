"""Dewan's one settings module, driven by the environment.

Nothing set: the embedded default (SQLite, in-memory channel layer, Celery in-process,
console e-mail, DEBUG on). ``DATABASE_URL`` / ``REDIS_URL``: PostgreSQL and Redis.
``DJANGO_ENV=production``: refuses to start without a real secret key, allowed hosts and Redis.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
ENV = os.environ.get("DJANGO_ENV", "development").strip().lower()
PRODUCTION = ENV == "production"
DEV_SECRET_KEY = "dev-only-insecure-secret-key-do-not-use-in-production"  # noqa: S105  # nosec B105


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
DEBUG = _env_bool("DEBUG", not PRODUCTION)
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
# The one base address of every absolute link (join and cancel links, .ics URL/LOCATION, report-ready
# e-mail). ``SITE_URL`` wins; otherwise it follows ``PORT``, the port ``make run`` serves on, so the web
# server and a worker started with the same ``PORT`` build the same links.
PORT = int(os.environ.get("PORT", "8000"))
SITE_URL = os.environ.get("SITE_URL", f"http://127.0.0.1:{PORT}").rstrip("/")

if PRODUCTION:
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("DJANGO_ENV=production needs SECRET_KEY set to a long random value.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ENV=production needs ALLOWED_HOSTS.")
    if not REDIS_URL:
        raise ImproperlyConfigured(
            "DJANGO_ENV=production needs REDIS_URL: the in-memory channel layer is per process."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    "csp",
    "accounts",
    "webinar",
    "webinar.campaigns",
    "realtime",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "webinar.http.StaticFilesMiddleware",  # WhiteNoise without the ASGI streaming warning
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "webinar.urls"
ASGI_APPLICATION = "webinar.asgi.application"
WSGI_APPLICATION = None

# After a refused submit the first field with an error has focus (webinar/form_rendering.py).
FORM_RENDERER = "webinar.form_rendering.FormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        _DATABASE_URL,
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=_env_bool("DB_CONN_HEALTH_CHECKS", True),
    )
}
# PostgreSQL: psycopg 3's connection pool by default (Django's OPTIONS["pool"]; docs/scaling.md,
# "Database connections"). Under ASGI every HTTP request runs in a thread of its own, so persistent
# connections (CONN_MAX_AGE) would leave one open connection behind per request thread until
# PostgreSQL refuses clients (seen: bench/hub.py); Django's docs say to pool instead. A pooled
# connection goes back to the pool when Django closes it, and each process holds at most
# DB_POOL_MAX_SIZE. DB_POOL=0 (for example behind PgBouncer) falls back to DB_CONN_MAX_AGE.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and _env_bool("DB_POOL", True):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # Django refuses persistent connections with a pool
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DB_POOL_MIN_SIZE", "2")),
        "max_size": int(os.environ.get("DB_POOL_MAX_SIZE", "20")),
        "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "10")),  # seconds to wait for a free one
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction starts and others wait, instead of failing
    # on a read-then-write upgrade (seat counting, sequence numbers).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    # A file, not memory, so the server subprocesses of browser tests share it; override per checkout.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("DEWAN_TEST_SQLITE", str(BASE_DIR / "var" / "test-db.sqlite3"))
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "webinar:dashboard_home"
LOGOUT_REDIRECT_URL = "webinar:index"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ms", "Bahasa Malaysia")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own Bahasa Malaysia formats: a 24-hour clock instead of Django's "p.m." = "malam" (webinar/formats).
FORMAT_MODULE_PATH = ["webinar.formats"]
TIME_ZONE = "Asia/Kuala_Lumpur"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# WhiteNoise serves static files from the ASGI server itself; in development straight from the finders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Dewan <no-reply@dewan.local>")
# Where EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend writes each e-mail (one file per
# process run): the end-to-end browser walk reads the confirmation e-mail from there.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "emails"))


# --- Deployment namespace -------------------------------------------------------------------------
# Redis pub/sub ignores the database number, so two deployments sharing a Redis server would hear each
# other's channel-layer groups. Everything this deployment names in Redis (channel-layer groups and
# channels, cache keys, presence keys, Celery queues) starts with its instance name (docs/scaling.md,
# "Deployment namespace"). Default: a hash of the database it serves, so two deployments with two
# databases never share a namespace; set DEWAN_INSTANCE to name it yourself.
def _default_instance(database: dict) -> str:
    import hashlib

    identity = "|".join(str(database.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME"))
    return "d" + hashlib.sha256(identity.encode()).hexdigest()[:10]


DEWAN_INSTANCE = os.environ.get("DEWAN_INSTANCE", "").strip() or _default_instance(DATABASES["default"])
if not DEWAN_INSTANCE.replace("-", "").replace("_", "").isalnum():
    raise ImproperlyConfigured("DEWAN_INSTANCE may hold only letters, digits, '-' and '_'.")

# --- Redis-backed services, or their embedded equivalents -------------------------------------
# Every Redis call has a timeout, so a hung Redis (SIGSTOP, a full network buffer) answers an error
# within seconds instead of freezing the live room (docs/reliability.md, "Redis hung").
DEWAN_REDIS_TIMEOUT_SECONDS = float(os.environ.get("DEWAN_REDIS_TIMEOUT_SECONDS", "2"))
DEWAN_REDIS_CONNECT_TIMEOUT_SECONDS = float(os.environ.get("DEWAN_REDIS_CONNECT_TIMEOUT_SECONDS", "1"))
# After a Redis call fails, calls that can do without Redis skip it this long (realtime/redis_health.py).
DEWAN_REDIS_RETRY_SECONDS = float(os.environ.get("DEWAN_REDIS_RETRY_SECONDS", "5"))
REDIS_TIMEOUTS = {
    "socket_timeout": DEWAN_REDIS_TIMEOUT_SECONDS,
    "socket_connect_timeout": DEWAN_REDIS_CONNECT_TIMEOUT_SECONDS,
}
# redis-py is pinned below 8 (<8): version 8's 5 s socket timeout and capped async pool break channels-redis.
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, **REDIS_TIMEOUTS}],
                "prefix": f"dewan:{DEWAN_INSTANCE}:",
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": DEWAN_INSTANCE,
            "OPTIONS": dict(REDIS_TIMEOUTS),
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = None
    CELERY_TASK_ALWAYS_EAGER = _env_bool("CELERY_TASK_ALWAYS_EAGER", False)
    DEWAN_PRESENCE_BACKEND = "realtime.presence.RedisPresenceStore"
    DEWAN_HUB_COUNTER_BACKEND = "webinar.campaigns.counters.RedisHubCounter"
else:
    # Per process only: fine for one embedded process, loses messages across several.
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"capacity": 10_000}}
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "dewan",
            "KEY_PREFIX": DEWAN_INSTANCE,
        }
    }
    CELERY_BROKER_URL = "memory://localhost/"
    CELERY_TASK_ALWAYS_EAGER = True
    DEWAN_PRESENCE_BACKEND = "realtime.presence.MemoryPresenceStore"
    DEWAN_HUB_COUNTER_BACKEND = "webinar.campaigns.counters.MemoryHubCounter"
# Workers started with `make worker` consume this deployment's queue only.
CELERY_TASK_DEFAULT_QUEUE = f"dewan-{DEWAN_INSTANCE}"
DEWAN_PRESENCE_BACKEND = os.environ.get("DEWAN_PRESENCE_BACKEND", DEWAN_PRESENCE_BACKEND)
DEWAN_HUB_COUNTER_BACKEND = os.environ.get("DEWAN_HUB_COUNTER_BACKEND", DEWAN_HUB_COUNTER_BACKEND)
# Resource-hub visit counters reach the database this often (beat; the embedded process flushes itself).
DEWAN_HUB_FLUSH_SECONDS = float(os.environ.get("DEWAN_HUB_FLUSH_SECONDS", "30"))

CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Set low only by the worker-kill tests, so an unacknowledged task comes back within seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "600")),
    # Enqueueing from a web process must not hang on a hung broker either.
    **REDIS_TIMEOUTS,
}
CELERY_TIMEZONE = TIME_ZONE
# How often presence becomes durable attendance (sessions and the count timeline), by Celery beat and
# by each server process's presence loop alike; the per-webinar lock lets one of them write per tick.
DEWAN_ATTENDANCE_SAMPLE_SECONDS = float(os.environ.get("DEWAN_ATTENDANCE_SAMPLE_SECONDS", "5"))
CELERY_BEAT_SCHEDULE = {
    "end-overdue-webinars": {"task": "webinar.end_overdue_webinars", "schedule": 60.0},
    "sample-attendance": {"task": "webinar.sample_attendance", "schedule": DEWAN_ATTENDANCE_SAMPLE_SECONDS},
    "purge-expired-personal-data": {"task": "webinar.purge_expired_personal_data", "schedule": 3600.0},
    "send-answer-digests": {"task": "campaigns.send_answer_digests", "schedule": 300.0},
    "sweep-checking-questions": {
        "task": "webinar.sweep_checking_questions",
        "schedule": float(os.environ.get("DEWAN_CHECKING_SWEEP_SECONDS", "15")),
    },
    "sweep-outbox": {
        "task": "webinar.sweep_outbox",
        "schedule": float(os.environ.get("DEWAN_OUTBOX_SWEEP_SECONDS", "30")),
    },
    "flush-hub-counts": {
        "task": "campaigns.flush_hub_counts",
        "schedule": float(os.environ.get("DEWAN_HUB_FLUSH_SECONDS", "30")),
    },
}

# --- Dewan's own knobs --------------------------------------------------------------------------

# Which screener question_submit calls (a dotted path, like the presence store; see docs/screening.md).
DEWAN_SCREENING_BACKEND = os.environ.get(
    "DEWAN_SCREENING_BACKEND", "webinar.screening.backends.PipelineBackend"
)
# A server process loads the screener (rules, word lists, model: ~0.7 CPU-s) at start-up so that its first
# question does not wait for it (webinar/startup.py). Off (the test settings: most test servers never
# screen), the first question loads it.
DEWAN_SCREENER_WARM_UP = _env_bool("DEWAN_SCREENER_WARM_UP", True)
# The second screening stage (docs/screening.md, "Second stage"): a question the first stage publishes but
# almost held waits as "checking" while a task checks it with a sentence-embedding model. Off: the first
# stage alone decides. ``DEWAN_SECOND_STAGE_PLAN``: the plan file (default: the one in model_data/).
DEWAN_SECOND_STAGE = _env_bool("DEWAN_SECOND_STAGE", True)
DEWAN_SECOND_STAGE_PLAN = os.environ.get("DEWAN_SECOND_STAGE_PLAN", "")
# The bound on the "checking" wait (webinar/services/checking.py, questions_checking_sweep): a check not
# done after REQUEUE seconds is started again; a question still checking after GIVE_UP seconds is held for
# a host. The sweep runs every SWEEP seconds (beat with a broker; each server process in the embedded
# default), so no question waits as "checking" much longer than GIVE_UP + SWEEP seconds.
DEWAN_CHECKING_REQUEUE_SECONDS = float(os.environ.get("DEWAN_CHECKING_REQUEUE_SECONDS", "30"))
DEWAN_CHECKING_GIVE_UP_SECONDS = float(os.environ.get("DEWAN_CHECKING_GIVE_UP_SECONDS", "120"))
DEWAN_CHECKING_SWEEP_SECONDS = float(os.environ.get("DEWAN_CHECKING_SWEEP_SECONDS", "15"))
# While one of an attendee's own questions is pending, checking or an unreplied care item, its browser
# re-syncs about this often (0.7-1.3 times it, jittered), so a lost `mine.question` is repaired without a
# reconnect (docs/protocol.md, "Own questions"). Sent in `welcome.config.own_resync_seconds`.
DEWAN_OWN_RESYNC_SECONDS = int(os.environ.get("DEWAN_OWN_RESYNC_SECONDS", "15"))
# Work promised on commit (registration e-mails, report rebuilds; webinar/services/outbox.py): the sweep
# queues an entry not done GRACE seconds after its commit, again after a doubling backoff (at most an
# hour), MAX_ATTEMPTS times, then gives up (logged as an error). It runs every SWEEP seconds (beat with a
# broker; each server process in the embedded default); done entries are kept KEEP_DAYS days.
DEWAN_OUTBOX_GRACE_SECONDS = float(os.environ.get("DEWAN_OUTBOX_GRACE_SECONDS", "60"))
DEWAN_OUTBOX_MAX_ATTEMPTS = int(os.environ.get("DEWAN_OUTBOX_MAX_ATTEMPTS", "6"))
DEWAN_OUTBOX_SWEEP_SECONDS = float(os.environ.get("DEWAN_OUTBOX_SWEEP_SECONDS", "30"))
DEWAN_OUTBOX_KEEP_DAYS = float(os.environ.get("DEWAN_OUTBOX_KEEP_DAYS", "7"))
DEWAN_QUESTION_MAX_CHARS = int(os.environ.get("DEWAN_QUESTION_MAX_CHARS", "500"))
DEWAN_WS_MAX_FRAME_BYTES = int(os.environ.get("DEWAN_WS_MAX_FRAME_BYTES", str(64 * 1024)))
DEWAN_QUESTION_RATE = os.environ.get("DEWAN_QUESTION_RATE", "5/60")  # questions per seconds, per attendee
# The most questions one attendee may ask in one webinar (merged, withdrawn and held ones count): what
# makes a socket's ``mine`` (every own question, at most this many) always complete (docs/protocol.md).
DEWAN_QUESTIONS_PER_ATTENDEE = int(os.environ.get("DEWAN_QUESTIONS_PER_ATTENDEE", "50"))
DEWAN_VOTE_RATE = os.environ.get("DEWAN_VOTE_RATE", "60/60")
DEWAN_REGISTRATION_RATE = os.environ.get("DEWAN_REGISTRATION_RATE", "10/m")  # per client address
# A registrant's own links e-mailed again, per registration: the "you are already registered" e-mail
# (the form itself never says so) and "send my join link again" share it; a pledge's e-mailed link,
# per address typed.
DEWAN_REGISTRATION_REMINDER_RATE = os.environ.get("DEWAN_REGISTRATION_REMINDER_RATE", "2/h")
# Sign-in: per account (the e-mail typed) and per client address. Account e-mails (password reset,
# sign-up confirmation): per account, and requests for them per client address.
DEWAN_SIGNIN_RATE = os.environ.get("DEWAN_SIGNIN_RATE", "5/5m")
DEWAN_SIGNIN_ADDRESS_RATE = os.environ.get("DEWAN_SIGNIN_ADDRESS_RATE", "30/5m")
DEWAN_ACCOUNT_EMAIL_RATE = os.environ.get("DEWAN_ACCOUNT_EMAIL_RATE", "3/h")
DEWAN_ACCOUNT_EMAIL_ADDRESS_RATE = os.environ.get("DEWAN_ACCOUNT_EMAIL_ADDRESS_RATE", "10/h")
# Hosts one person adds (each is e-mailed an invitation: webinar/services/hosts.py).
DEWAN_HOST_ADD_RATE = os.environ.get("DEWAN_HOST_ADD_RATE", "20/h")
# One syntax and one failure policy for every rate above: webinar/ratelimit.py, docs/reliability.md.
# Websocket budgets, per process and before any database or Redis work (realtime/budget.py,
# docs/protocol.md "Budgets and close codes"): cost units per socket and per registration, connects
# and open sockets per client address, open sockets per registration.
DEWAN_WS_SOCKET_BUDGET = os.environ.get("DEWAN_WS_SOCKET_BUDGET", "200/60")
DEWAN_WS_REGISTRATION_BUDGET = os.environ.get("DEWAN_WS_REGISTRATION_BUDGET", "400/60")
DEWAN_WS_CONNECT_RATE = os.environ.get("DEWAN_WS_CONNECT_RATE", "60/m")
DEWAN_WS_MAX_SOCKETS_PER_ADDRESS = int(os.environ.get("DEWAN_WS_MAX_SOCKETS_PER_ADDRESS", "100"))
DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION = int(os.environ.get("DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION", "5"))
# Handshakes refused with HTTP 429 that a client may repeat before its Retry-After has passed; after
# that, until it has, its upgrade requests are reset without an answer (realtime/budget.py).
DEWAN_WS_SILENCE_AFTER = int(os.environ.get("DEWAN_WS_SILENCE_AFTER", "5"))
# Replies (acks, errors) queued unread on one socket before it is closed with 4408.
DEWAN_WS_MAX_PENDING_REPLIES = int(os.environ.get("DEWAN_WS_MAX_PENDING_REPLIES", "256"))
DEWAN_EVENT_REPLAY_LIMIT = int(os.environ.get("DEWAN_EVENT_REPLAY_LIMIT", "500"))
DEWAN_PRESENCE_TTL_SECONDS = float(os.environ.get("DEWAN_PRESENCE_TTL_SECONDS", "30"))
DEWAN_HEARTBEAT_SECONDS = float(os.environ.get("DEWAN_HEARTBEAT_SECONDS", "10"))
# The live count (`presence`) goes to every socket of the room when it changes, at most once a second;
# from this many viewers on, at most once every DEWAN_PRESENCE_LARGE_ROOM_SECONDS (docs/protocol.md).
DEWAN_PRESENCE_LARGE_ROOM = int(os.environ.get("DEWAN_PRESENCE_LARGE_ROOM", "1000"))
DEWAN_PRESENCE_LARGE_ROOM_SECONDS = float(os.environ.get("DEWAN_PRESENCE_LARGE_ROOM_SECONDS", "5"))
# A ping re-checks an attendee socket's access at most this often (ask/vote/sync always do; a revoke
# is pushed at once): docs/privacy.md, bench/access_check.py.
DEWAN_ACCESS_RECHECK_SECONDS = float(os.environ.get("DEWAN_ACCESS_RECHECK_SECONDS", "30"))
# Clients ping for presence only where the transport cannot tell a dead socket (docs/protocol.md).
DEWAN_CLIENT_HEARTBEAT = _env_bool("DEWAN_CLIENT_HEARTBEAT", False)
# Threads (each with a database connection) for reads at connect and access re-checks (docs/scaling.md).
DEWAN_CONNECT_READ_THREADS = int(os.environ.get("DEWAN_CONNECT_READ_THREADS", "8"))
# A stopping server process spreads its sockets' reconnects over a window (docs/protocol.md, 1012).
DEWAN_RESTART_RECONNECTS_PER_SECOND = float(os.environ.get("DEWAN_RESTART_RECONNECTS_PER_SECOND", "500"))
DEWAN_RESTART_SPREAD_MAX_SECONDS = float(os.environ.get("DEWAN_RESTART_SPREAD_MAX_SECONDS", "30"))
# Admission control at connect (realtime/admission.py, docs/protocol.md "Too busy: 1013"): at most this
# many connects served at once per process, none while more reads than this wait for a connect-pool
# thread; the refused are closed with 1013 and a retry hint spread over at most this many seconds.
DEWAN_ADMISSION_MAX_CONNECTING = int(os.environ.get("DEWAN_ADMISSION_MAX_CONNECTING", "128"))
DEWAN_ADMISSION_MAX_QUEUED_READS = int(os.environ.get("DEWAN_ADMISSION_MAX_QUEUED_READS", "256"))
DEWAN_ADMISSION_RETRY_MAX_SECONDS = float(os.environ.get("DEWAN_ADMISSION_RETRY_MAX_SECONDS", "30"))
DEWAN_ATTENDANCE_MERGE_GAP_SECONDS = float(os.environ.get("DEWAN_ATTENDANCE_MERGE_GAP_SECONDS", "60"))
DEWAN_RETENTION_DAYS = int(os.environ.get("DEWAN_RETENTION_DAYS", "180"))
# Client IPs come from REMOTE_ADDR unless a trusted proxy is configured (then X-Forwarded-For).
# Uvicorn runs with --no-proxy-headers, so only this list decides whose X-Forwarded-For is believed.
DEWAN_TRUSTED_PROXIES = _env_list("DEWAN_TRUSTED_PROXIES")

# --- Security -------------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form answered in the site's layout and language (webinar/error_views.py).
CSRF_FAILURE_VIEW = "webinar.error_views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True


def _site_websocket_origin(site_url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(site_url)
    return f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}"


# Scripts and styles come only from Dewan itself; the stream may be embedded from the video hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Campaign partners' logos are images at the organiser's https address (never scripts).
        "img-src": ["'self'", "data:", "https:"],
        # The live socket: this site's own ws(s) origin only (CSP 3 browsers read 'self' so already).
        "connect-src": ["'self'", _site_websocket_origin(SITE_URL)],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://www.tiktok.com",
        ],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "dewan": {"level": os.environ.get("DEWAN_LOG_LEVEL", "INFO")},
        # Django's default config gives "django" a console handler of its own (in DEBUG) that also
        # propagates to the root's: every warning ("Not Found: /x") was printed twice. Once, here.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
