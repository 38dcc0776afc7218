#!/usr/bin/env bash
# Dewan as it is deployed, on one machine and loopback only (docs/scaling.md):
# nginx on 127.0.0.1:8080 -> two Uvicorn processes (8001, 8002) -> Redis + PostgreSQL, plus a Celery worker.
#
#   deploy/run-two-processes.sh            # Ctrl-C stops everything it started
#
# Environment (defaults in brackets): DATABASE_URL [postgres://postgres@127.0.0.1:5432/dewan_demo],
# REDIS_URL [redis://127.0.0.1:6379/12], PORT [8080], NO_CELERY=1 to skip the worker, NO_SEED=1 to skip
# the demo data. Needs nginx (apt-get install nginx-light), Redis and PostgreSQL running.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
PORT="${PORT:-8080}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/dewan_demo}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/12}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export SITE_URL="${SITE_URL:-http://127.0.0.1:$PORT}"
# nginx is the only proxy: the app believes X-Forwarded-For from it alone; Uvicorn believes none.
export DEWAN_TRUSTED_PROXIES="${DEWAN_TRUSTED_PROXIES:-127.0.0.1}"
PREFIX="$(mktemp -d /tmp/dewan-nginx.XXXXXX)"
mkdir -p "$PREFIX/logs" "$PREFIX/tmp"

# The flags measured best by bench/fanout.py (docs/scaling.md, "Uvicorn flags").
UVICORN_FLAGS=(--ws realtime.wsprotocol:WebSocketProtocol --loop uvloop --http realtime.httpprotocol:HttpProtocol
               --ws-per-message-deflate false --ws-max-size 131072 --lifespan on --no-access-log --no-proxy-headers
               --timeout-graceful-shutdown 10)

PIDS=()
cleanup() {
    trap - EXIT INT TERM
    [ -f "$PREFIX/nginx.pid" ] && kill "$(cat "$PREFIX/nginx.pid")" 2>/dev/null || true
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$PREFIX"
}
trap cleanup EXIT INT TERM

if [[ "$DATABASE_URL" == postgres* ]]; then
    "$PY" - <<'PYTHON'
import os
import psycopg
url = os.environ["DATABASE_URL"]
name = url.rsplit("/", 1)[1]
with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
    if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
        connection.execute(f'CREATE DATABASE "{name}"')
PYTHON
fi
"$PY" manage.py migrate --noinput -v0
[ -n "${NO_SEED:-}" ] || "$PY" manage.py seed_demo

for port in 8001 8002; do
    "$ROOT/.venv/bin/uvicorn" webinar.asgi:application --host 127.0.0.1 --port "$port" "${UVICORN_FLAGS[@]}" &
    PIDS+=($!)
done
if [ -z "${NO_CELERY:-}" ]; then
    "$ROOT/.venv/bin/celery" -A webinar worker -B --loglevel=warning --concurrency 2 &
    PIDS+=($!)
fi
sed "s/listen 127.0.0.1:8080;/listen 127.0.0.1:$PORT;/" deploy/nginx.conf > "$PREFIX/nginx.conf"
nginx -p "$PREFIX/" -c "$PREFIX/nginx.conf"
echo "Dewan on http://127.0.0.1:$PORT/ (nginx -> 127.0.0.1:8001, 127.0.0.1:8002); Ctrl-C stops it."
wait -n "${PIDS[@]}"
