# Dewan: `make run` serves the demo, `make test` runs the whole suite. Both bootstrap .venv.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# Measured fastest for websocket fan-out here (docs/scaling.md); frames capped at 64 KiB.
UVICORN_FLAGS := --ws websockets-sansio --loop uvloop --http httptools --ws-per-message-deflate false \
	--ws-max-size 65536

.PHONY: run test check static-checks lint format worker browser-deps clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Debian's Chromium for the browser tests (never a downloaded browser).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py seed_demo
	$(VENV)/bin/uvicorn webinar.asgi:application --host 127.0.0.1 --port $(PORT) $(UVICORN_FLAGS)

worker: $(STAMP)
	$(VENV)/bin/celery -A webinar worker -B --loglevel=info

test: $(STAMP) browser-deps
	mkdir -p var test-artifacts
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Lint, Django's deployment checklist with production settings, and bandit.
static-checks: $(STAMP)
	$(VENV)/bin/ruff check .
	DJANGO_ENV=production SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
	  ALLOWED_HOSTS=dewan.example REDIS_URL=redis://127.0.0.1:6379/0 \
	  $(PY) manage.py check --deploy --fail-level WARNING
	$(VENV)/bin/bandit -q -c pyproject.toml -r webinar accounts realtime

check: static-checks test

clean:
	rm -rf $(VENV) var db.sqlite3
