"""What the live benchmarks share: servers under test, client processes, /proc figures, the bench env.

``bench/fanout.py`` and ``bench/connect.py`` start Uvicorn processes of the real Dewan app (through
``bench/instrumented_asgi.py``, which only adds a counter of database queries and hub messages) and
of the raw ASGI broadcast server (``bench/raw_broadcast_server.py``) with the same flags, and drive
websocket clients from separate processes (``bench/wsclients.py``).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import wsclients  # noqa: E402  (bench/ is on the path only now)

# A bench stopped with SIGTERM (or by ``timeout``) still runs its ``finally`` blocks: servers, nginx
# and client processes are stopped instead of being left behind.
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

DEWAN_APP = "bench.instrumented_asgi:app"
RAW_APP = "bench.raw_broadcast_server:app"

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def note(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_answering(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"server on port {port} did not start")


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / CLOCK_TICKS


def rss_kb(pids: list[int]) -> int:
    return sum(int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB for pid in pids)


def percentile(values: list[int], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# --- Database and Django (Dewan's publisher and the end-to-end pass) ----------------------------


def ensure_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    admin = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


# --- Servers ------------------------------------------------------------------------------------


def uvicorn_command(app: str, port: int, args) -> list[str]:
    command = [sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port)]
    command += ["--ws", args.ws, "--loop", args.loop, "--http", args.http, "--ws-max-size", "65536"]
    command += ["--no-access-log", "--log-level", "warning"]
    # A socket whose client reads nothing keeps its unsent bytes, so Uvicorn's shutdown would wait on
    # it for ever; after the 1012 closes, 10 s is plenty for the rest (docs/scaling.md, deploys).
    command += ["--timeout-graceful-shutdown", "10"]
    if not args.deflate:
        command += ["--ws-per-message-deflate", "false"]
    return command


def start_servers(
    kind: str, args, env: dict, count: int | None = None, wrap: list[str] | None = None
) -> tuple[list[subprocess.Popen], list[int]]:
    """``count`` (default ``args.processes``) Uvicorn processes of ``kind`` (dewan | raw) on free ports."""
    app = DEWAN_APP if kind == "dewan" else RAW_APP
    ports = [free_port() for _ in range(count or args.processes)]
    log = (ROOT / "var").joinpath(f"bench-{kind}.log")
    log.parent.mkdir(exist_ok=True)
    with log.open("ab") as output:
        servers = [
            subprocess.Popen(
                [*(wrap or []), *uvicorn_command(app, port, args)],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
            for port in ports
        ]
    for port, server in zip(ports, servers, strict=True):
        wait_answering(port, server)
    return servers, ports


def stop_servers(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
    for server in servers:
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- Client processes ---------------------------------------------------------------------------


class Clients:
    def __init__(self, count: int):
        context = multiprocessing.get_context("spawn")
        self.pipes, self.processes = [], []
        for _ in range(count):
            ours, theirs = context.Pipe()
            process = context.Process(target=wsclients.worker_main, args=(theirs,), daemon=True)
            process.start()
            self.pipes.append(ours)
            self.processes.append(process)
        self.failures = 0

    def ask(self, command: str, *args, only: int | None = None, timeout: float = 300) -> list:
        pipes = self.pipes if only is None else [self.pipes[only]]
        for pipe in pipes:
            pipe.send((command, args))
        replies = []
        for pipe in pipes:
            if not pipe.poll(timeout):
                raise TimeoutError(f"client process did not answer {command!r}")
            status, value = pipe.recv()
            if status != "ok":
                raise RuntimeError(f"client process failed {command!r}: {value}")
            replies.append(value)
        return replies

    def connect(self, targets: list[tuple], parallel: int) -> int:
        shares = [targets[n :: len(self.pipes)] for n in range(len(self.pipes))]
        for pipe, share in zip(self.pipes, shares, strict=True):
            pipe.send(("connect", (share, parallel)))
        connected = self.failures = self.refused_busy = 0
        for pipe in self.pipes:
            if not pipe.poll(600):
                raise TimeoutError("clients did not connect in time")
            status, value = pipe.recv()
            if status != "ok":
                raise RuntimeError(value)
            connected += value["connected"]
            self.failures += value["failures"]  # handshakes refused or timed out (60 s each) in this call
            self.refused_busy += value.get("refused_busy", 0)  # 1013 with a hint, then retried as told
        return connected

    def totals(self, latencies: bool = False) -> dict:
        return self._sum(self.ask("stats", latencies), latencies)

    def totals_of(self, index: int, latencies: bool = False) -> dict:
        """The figures of one client process only."""
        return self._sum(self.ask("stats", latencies, only=index), latencies)

    def totals_over(self, indices: list[int], latencies: bool = False) -> dict:
        """The figures of the client processes ``indices`` only."""
        replies = [reply for index in indices for reply in self.ask("stats", latencies, only=index)]
        return self._sum(replies, latencies)

    @staticmethod
    def _sum(replies: list, latencies: bool) -> dict:
        total = {key: sum(r[key] for r in replies) for key in ("received", "resyncs", "votes", "closed")}
        total["last_ns"] = max(r["last_ns"] for r in replies)
        if latencies:
            merged = array("q")
            for reply in replies:
                merged.frombytes(reply["latencies"])
            total["latencies"] = list(merged)
        return total

    def stop(self) -> None:
        for pipe in self.pipes:
            pipe.send(("stop", ()))
        for process in self.processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()


def add_common_arguments(parser) -> None:
    """Client processes, the servers' Uvicorn flags, and the services, as every live bench takes them."""
    parser.add_argument("--client-procs", type=int, default=3)
    parser.add_argument("--parallel", type=int, default=32, help="connections opened at once per client proc")
    # What `make run` serves with: websockets-sansio with a 1 s closing handshake (realtime/wsprotocol.py).
    parser.add_argument("--ws", default="realtime.wsprotocol:WebSocketProtocol")
    parser.add_argument("--loop", default="uvloop")
    parser.add_argument("--http", default="realtime.httpprotocol:HttpProtocol")
    parser.add_argument("--deflate", action="store_true", help="leave permessage-deflate on (off by default)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/dewan_bench")


def load_average() -> list[float]:
    """The machine's 1/5/15-minute load averages, printed with every figure (the machine is shared)."""
    return [round(x, 2) for x in os.getloadavg()]


def raise_nofile(wanted: int) -> int:
    """Raise this process's soft descriptor limit (children inherit it) towards ``wanted``; returns it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def bench_env(*, database_url: str, redis_url: str, prefix: str, **extra: str) -> dict:
    """The servers' environment: production-like settings on loopback, the bench's own layer prefix.

    ``DEWAN_INSTANCE`` (the deployment namespace, docs/scaling.md) keeps this run's pub/sub channels,
    cache and presence keys apart from anyone else's on the same Redis (pub/sub ignores database numbers).
    """
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "webinar.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DEWAN_INSTANCE": re.sub(r"[^A-Za-z0-9_-]+", "-", prefix).strip("-"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "0",  # as in production: no query log, no debug cursor
        "DEWAN_QUESTION_RATE": "100000/60",
        "DEWAN_QUESTIONS_PER_ATTENDEE": "1000000",
        "DEWAN_VOTE_RATE": "100000/60",
        # Every simulated viewer connects from 127.0.0.1: lift the per-address caps (realtime/budget.py).
        "DEWAN_WS_CONNECT_RATE": "1000000/60",
        "DEWAN_WS_MAX_SOCKETS_PER_ADDRESS": "1000000",
        "LOG_LEVEL": "WARNING",
        "DEWAN_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def server_stats(port: int, timeout: float = 10) -> dict:
    """Counters of one instrumented Dewan process (bench/instrumented_asgi.py)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__bench/stats", timeout=timeout) as response:
        return json.loads(response.read())


# --- nginx in front (bench/fanout.py --nginx) ------------------------------------------------------


def nginx_ensure() -> str:
    """The nginx binary; installs Debian's nginx-light when missing, without starting its service.

    ``policy-rc.d`` answering 101 keeps the package's post-install from starting nginx on port 80:
    the bench's nginx listens on loopback only, under a temporary prefix.
    """
    import shutil

    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found:
        return found
    policy = Path("/usr/sbin/policy-rc.d")
    created = not policy.exists()
    if created:
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
    try:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(
            ["apt-get", "install", "-y", "--no-install-recommends", "nginx-light"], env=env, check=True
        )
    finally:
        if created:
            policy.unlink()
    return shutil.which("nginx") or "/usr/sbin/nginx"


class Nginx:
    """deploy/nginx.conf with this run's upstream ports, on a free loopback port.

    One worker unless ``sockets`` would not fit in one worker's descriptors: each proxied socket holds
    two (client side and upstream side), and ``worker_rlimit_nofile`` cannot raise the limit past the
    hard limit this process inherited (the sandbox refuses CAP_SYS_RESOURCE; here 20,000, so one worker
    tops out just under 10,000 sockets and the rest time out in the handshake). More workers then share
    the listening port with ``reuseport``, so the kernel spreads new connections over them.
    """

    def __init__(self, upstream_ports: list[int], sockets: int = 0):
        import tempfile

        self.binary = nginx_ensure()
        self.port = free_port()
        self.prefix = Path(tempfile.mkdtemp(prefix="dewan-bench-nginx-"))
        for sub in ("logs", "tmp"):
            (self.prefix / sub).mkdir()
        conf = (ROOT / "deploy" / "nginx.conf").read_text()
        servers = "".join(f"        server 127.0.0.1:{port} max_fails=0;\n" for port in upstream_ports)
        lines = [
            line
            for line in conf.splitlines(keepends=True)
            if not line.strip().startswith("server 127.0.0.1:")
        ]
        conf = "".join(lines).replace("        least_conn;\n", "        least_conn;\n" + servers)
        conf = conf.replace("listen 127.0.0.1:8080;", f"listen 127.0.0.1:{self.port};")
        nofile = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        spare = 256  # listening socket, logs, keepalive upstream sockets, the event loop's own
        self.workers = max(1, -(-(2 * sockets + spare) // max(1, nofile - spare)))
        conf = conf.replace("worker_processes auto;", f"worker_processes {self.workers};")
        conf = conf.replace("worker_rlimit_nofile 65536;", f"worker_rlimit_nofile {nofile};")
        conf = conf.replace("worker_connections 16384;", f"worker_connections {nofile};")
        if self.workers > 1:
            conf = conf.replace(f"listen 127.0.0.1:{self.port};", f"listen 127.0.0.1:{self.port} reuseport;")
        (self.prefix / "nginx.conf").write_text(conf)
        self.process = subprocess.Popen(
            [
                self.binary,
                "-p",
                f"{self.prefix}/",
                "-c",
                str(self.prefix / "nginx.conf"),
                "-g",
                "daemon off;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        wait_answering(self.port, self.process)

    def pids(self) -> list[int]:
        """The master and its workers (their CPU is reported beside the servers')."""
        found = [self.process.pid]
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(stat.parent.name))
        return found

    def stop(self) -> None:
        import shutil

        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.prefix, ignore_errors=True)
