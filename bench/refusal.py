"""Refused handshakes: the server's CPU per websocket upgrade request it refuses, by where it refuses it.

Three Uvicorn processes of the real app run at once (SQLite; ``DEWAN_WS_CONNECT_RATE`` 1/3600 and
``DEWAN_WS_REGISTRATION_BUDGET`` 10/3600, so one connect spends an address's rate and a registration's
budget for an hour), differing only in where a refusal happens:

- ``websocket`` (the baseline, how a refusal was made before ``realtime/httpprotocol.py``): Uvicorn's
  own ``--http httptools``; the gate is asked by ``realtime/wsprotocol.py`` once websockets' protocol
  object exists and websockets has parsed the request again; HTTP 429;
- ``http``: ``--http realtime.httpprotocol:HttpProtocol``, the escalation off (``DEWAN_WS_SILENCE_AFTER``
  a billion): HTTP 429 from the HTTP layer;
- ``silent``: the same with the default escalation (5): after 1 + 5 refusals early, a TCP reset.

Two kinds of refused request go to each: ``address`` (from 127.0.0.2, whose one connect is spent: refused
on the request line, before httptools parses the headers, in ``http``/``silent``) and ``session`` (the
session of a registration whose budget one connect spent, each request from a fresh loopback address
127.0.x.y so only the session refuses it: refused once httptools has parsed the headers), and for
reference ``tcp``: a connection opened and closed without sending a byte (the kernel's accept and close,
the event loop and the HTTP protocol object: the floor under any refusal).

Each round sends ``--handshakes`` sequential upgrade requests of each kind to each server (connect, send,
read until the server closes) and reads the server's CPU time (``/proc/<pid>/stat``, user + system, so
the kernel's accept and close are in it) before and after; the server's idle CPU rate over
``--idle`` seconds before the round is subtracted. Printed: per server and kind the median over rounds of
the CPU per refused handshake (ms), and the ratio to the ``websocket`` baseline of the same kind in the
same run, then a JSON last line. Servers run on CPU 0 and this client on CPU 1 where the machine has two.

    flock /tmp/dewan-bench.lock nice .venv/bin/python bench/refusal.py [--handshakes 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from abuse import cpu_seconds, load_average, median, note  # noqa: E402 - after the path is set
from common import live_webinar_with_viewers, pin  # noqa: E402
from soak import database  # noqa: E402

from tests.servers import HTTP_PROTOCOL, Server, free_port, server_env  # noqa: E402

SERVERS = {
    "websocket": {"http": "httptools", "DEWAN_WS_SILENCE_AFTER": "1000000000"},
    "http": {"http": HTTP_PROTOCOL, "DEWAN_WS_SILENCE_AFTER": "1000000000"},
    "silent": {"http": HTTP_PROTOCOL, "DEWAN_WS_SILENCE_AFTER": "5"},
}
KINDS = ("address", "session", "tcp")
SPENT_ADDRESS = "127.0.0.2"  # its one connect of the hour is spent: every later request is refused
SESSION_ADDRESS = "127.0.0.3"  # where the session's one paid connect comes from
MAX_HANDSHAKES = 20_000


def upgrade_request(port: int, slug: str, session_key: str) -> bytes:
    return (
        f"GET /ws/w/{slug}/?mode=attendee HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: http://127.0.0.1:{port}\r\nCookie: sessionid={session_key}\r\n"
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64) bench/refusal\r\nAccept-Language: en\r\n\r\n"
    ).encode()


def handshake(port: int, source: str, request: bytes) -> str:
    """One upgrade request from ``source``; the answer's kind: ``429``, ``reset`` (no answer), ``101``."""
    with socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0)) as sock:
        sock.sendall(request)
        received = b""
        try:
            while chunk := sock.recv(4096):
                received += chunk
                if b"\r\n\r\n" in received:
                    break
        except ConnectionResetError:
            pass
    if not received:
        return "reset"
    return received.split(b" ", 2)[1].decode()


def bare_connect(port: int, source: str) -> str:
    """A TCP connection opened and closed without a byte: the floor any refusal costs (``tcp``)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0)):
        pass
    return "closed"


def session_source(n: int) -> str:
    """A fresh loopback address per request (127.0.1.1 onwards): never over an address limit."""
    n = n % (254 * 254)
    return f"127.0.{1 + n // 254}.{1 + n % 254}"


def spend(port: int, slug: str, key: str) -> None:
    """The one connect of the hour: from ``SPENT_ADDRESS`` (anonymous) and the session's (from
    ``SESSION_ADDRESS``), so both are refused from now on."""
    anonymous = upgrade_request(port, slug, "")
    assert handshake(port, SPENT_ADDRESS, anonymous) == "101"
    assert handshake(port, SESSION_ADDRESS, upgrade_request(port, slug, key)) == "101"
    time.sleep(0.5)  # the two sockets' connects and closes are done


def measure(server: Server, kind: str, count: int, request: bytes, offset: int) -> dict:
    answers: Counter = Counter()
    cpu, started = cpu_seconds(server.pid), time.monotonic()
    for n in range(count):
        if kind == "tcp":
            answers[bare_connect(server.port, session_source(offset + n))] += 1
            continue
        source = SPENT_ADDRESS if kind == "address" else session_source(offset + n)
        answers[handshake(server.port, source, request)] += 1
    time.sleep(0.2)  # the last closes are handled
    return {
        "cpu_s": cpu_seconds(server.pid) - cpu,
        "seconds": time.monotonic() - started,
        "answers": dict(answers),
    }


def idle_rates(servers: dict[str, Server], seconds: float) -> dict[str, float]:
    """Each server's CPU seconds per second doing nothing (its background loops), measured together."""
    before = {name: cpu_seconds(s.pid) for name, s in servers.items()}
    time.sleep(seconds)
    return {name: (cpu_seconds(s.pid) - before[name]) / seconds for name, s in servers.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handshakes", type=int, default=1000, help="refused handshakes per kind per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--idle", type=float, default=2.0, help="seconds of idle CPU measured per round")
    args = parser.parse_args()
    args.handshakes = max(10, min(args.handshakes, MAX_HANDSHAKES))
    args.database_url = None
    database_url, drop_database = database(args)
    pinned_client = pin(os.getpid(), {1})
    servers: dict[str, Server] = {}
    try:
        env = server_env(port=0, database_url=database_url, redis_url="")
        setup = live_webinar_with_viewers(env, 1, title="Refusal bench")
        for name, options in SERVERS.items():
            port = free_port()
            extra = {k: v for k, v in options.items() if k != "http"}
            server_settings = server_env(
                port=port,
                database_url=database_url,
                redis_url="",
                DEBUG="0",
                DEWAN_WS_CONNECT_RATE="1/3600",
                DEWAN_WS_REGISTRATION_BUDGET="10/3600",
                **extra,
            )
            servers[name] = Server(
                port=port, env=server_settings, name=f"refusal-{name}", http=options["http"]
            ).start(timeout=60)
        pinned_servers = all(pin(s.pid, {0}) for s in servers.values())
        for server in servers.values():
            spend(server.port, setup["slug"], setup["keys"][0])
        runs = []
        for n in range(args.rounds):
            idle = idle_rates(servers, args.idle)
            load = load_average()
            for name, server in servers.items():
                for kind in KINDS:
                    request = upgrade_request(server.port, setup["slug"], setup["keys"][0])
                    run = measure(server, kind, args.handshakes, request, n * args.handshakes)
                    spent = max(0.0, run["cpu_s"] - idle[name] * run["seconds"])
                    runs.append(
                        {
                            "round": n,
                            "server": name,
                            "kind": kind,
                            "ms_per_handshake": round(spent / args.handshakes * 1000, 4),
                            "cpu_s": round(run["cpu_s"], 3),
                            "idle_cpu_per_s": round(idle[name], 4),
                            "seconds": round(run["seconds"], 2),
                            "answers": run["answers"],
                            "load_average_1m": load[0],
                        }
                    )
            note(f"round {n + 1} of {args.rounds} done")
    finally:
        for server in servers.values():
            server.kill()
        drop_database()
    summary: dict = {"bench": "refusal", "handshakes_per_kind_per_round": args.handshakes}
    summary["rounds"] = args.rounds
    summary["pinned"] = {"servers_cpu0": pinned_servers, "client_cpu1": pinned_client}
    table = {}
    for name in SERVERS:
        for kind in KINDS:
            mine = [r for r in runs if r["server"] == name and r["kind"] == kind]
            table[f"{name}/{kind}"] = {
                "ms_per_handshake_median": median([r["ms_per_handshake"] for r in mine]),
                "ms_per_handshake_rounds": [r["ms_per_handshake"] for r in mine],
                "answers": dict(sum((Counter(r["answers"]) for r in mine), Counter())),
            }
    for name in ("http", "silent"):
        for kind in ("address", "session"):
            base = table[f"websocket/{kind}"]["ms_per_handshake_median"]
            mine = table[f"{name}/{kind}"]["ms_per_handshake_median"]
            table[f"{name}/{kind}"]["ratio_to_websocket"] = round(mine / base, 3) if base else None
    summary["by_server_and_kind"] = table
    summary["load_average_1m"] = [
        next(r["load_average_1m"] for r in runs if r["round"] == n) for n in range(args.rounds)
    ]
    summary["runs"] = runs
    print(f"{'server/kind':<20}{'ms/handshake':>14}{'rounds':>30}{'x websocket':>13}  answers")
    for key, row in table.items():
        rounds = ", ".join(f"{v:.3f}" for v in row["ms_per_handshake_rounds"])
        ratio = row.get("ratio_to_websocket", "")
        print(f"{key:<20}{row['ms_per_handshake_median']:>14}{rounds:>30}{ratio!s:>13}  {row['answers']}")
    print(f"load average (1 min) per round: {summary['load_average_1m']}; pinned: {summary['pinned']}")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
