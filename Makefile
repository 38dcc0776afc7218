# Dewan: `make run` serves the demo, `make test` runs the whole suite. Both bootstrap .venv.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# The port `make run` serves on. `make run` records it in var/port and `make worker` reads it back, and
# both pass it on: settings derive SITE_URL (the base of every e-mailed and calendar link) from PORT,
# so the server and the worker build the same links. An explicit SITE_URL wins for both.
PORT ?= $(shell cat var/port 2>/dev/null || echo 8000)
# Running needs the runtime dependencies only; tests, lint and benchmarks add the `dev` extra.
STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev
# Test processes (pytest-xdist). Embedded: three on this 2-core machine: the pass is not CPU-bound (about
# 240 CPU-s in a 3:40 pass with two; browser round trips and server start-ups wait), and on 2 December at
# load 4-9 the same tree took 3:04 with three against 3:41 with two (6,870 tests). PostgreSQL + Redis:
# four, because that pass mostly waits (TRUNCATE between transactional tests, real servers, killed and
# hung Redis, a killed Celery worker): on 2 cores it took 7:53 with two workers, 5:29 with four, 7:01
# with six. Each worker has its own test database (pytest-django) and Redis database (tests/settings.py).
PYTEST_WORKERS ?= $(if $(DATABASE_URL),4,3)
# Measured fastest for websocket fan-out here (docs/scaling.md). Uvicorn's frame cap (128 KiB) is above
# the app's (64 KiB) so the app answers `frame_too_large` itself; --no-proxy-headers because only
# DEWAN_TRUSTED_PROXIES decides whose X-Forwarded-For is believed (docs/reliability.md).
# `--lifespan on`: the shutdown event stops the process's realtime runtime (realtime/runtime.py).
# `--http realtime.httpprotocol:HttpProtocol`: httptools, refusing unwanted upgrades before they cost.
UVICORN_FLAGS := --ws realtime.wsprotocol:WebSocketProtocol --loop uvloop --http realtime.httpprotocol:HttpProtocol \
	--ws-per-message-deflate false --ws-max-size 131072 --no-proxy-headers --lifespan on --timeout-graceful-shutdown 10

.PHONY: run demo-reset test check static-checks lint format worker browser-deps clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(DEV_STAMP)

# Debian's Chromium for the browser tests (never a downloaded browser).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

run: $(STAMP)
	mkdir -p var && echo $(PORT) > var/port
	$(PY) manage.py migrate --noinput
	PORT=$(PORT) $(PY) manage.py seed_demo
	PORT=$(PORT) exec $(VENV)/bin/uvicorn webinar.asgi:application --host 127.0.0.1 --port $(PORT) $(UVICORN_FLAGS)

# Put the demo back as `make run` first loaded it: empties the (development) database, then seeds.
demo-reset: $(STAMP)
	$(PY) manage.py migrate --noinput
	PORT=$(PORT) $(PY) manage.py seed_demo --reset

worker: $(STAMP)
	PORT=$(PORT) $(VENV)/bin/celery -A webinar worker -B --loglevel=info

# `--dist worksteal`: a worker that runs out takes queued tests from a busy one. With the default `load`
# one worker was handed the browser tests early and ran 160 s alone after the other had finished (6:53
# against 5:20 for the same embedded pass at the same load). `PYTHONDONTWRITEBYTECODE=` (empty: off) lets
# pytest keep its rewritten test modules: with it set, as on this machine, every worker re-parsed every
# test module's asserts on every run (~10 s of CPU each). Backend-free tests (tests/backend_free.py: pure
# code such as tests/screening's text -> verdict cases, no database, cache, channel layer or Celery; the
# rule refuses them those in the embedded pass) run in the embedded pass only: with DATABASE_URL or
# REDIS_URL set they are deselected (DEWAN_TEST_BACKEND_FREE=all keeps them); any test that asks for a
# database or a server runs in both passes.
test: $(DEV_STAMP) browser-deps
	mkdir -p var test-artifacts
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(DEV_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Lint, types (mypy on realtime/ and webinar/services/, [tool.mypy]), Django's deployment checklist
# with production settings, and bandit.
static-checks: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	DJANGO_ENV=production SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
	  ALLOWED_HOSTS=dewan.example REDIS_URL=redis://127.0.0.1:6379/0 \
	  $(PY) manage.py check --deploy --fail-level WARNING
	$(VENV)/bin/bandit -q -c pyproject.toml -r webinar accounts realtime

check: static-checks test

clean:
	rm -rf $(VENV) var db.sqlite3
