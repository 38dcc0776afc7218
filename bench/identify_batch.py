"""The identify read alone: thread CPU per viewer, one viewer a read against a batch (realtime/identify.py).

A webinar with ``--viewers`` confirmed registrations and a join-link session each; then, alternated for
``--rounds`` rounds, every viewer identified with ``identify_sockets`` one at a time (two statements
each, as every connect did before the eighth step), and in batches of ``--batch`` (two statements a
batch). Printed per way: the median and best thread CPU per viewer (µs) over the rounds, and the
statements per viewer. Everything runs in this one process and thread, against the same database,
with nothing else in the way, so the difference is the reads' own client CPU (the database's share
is not counted). The connection is the thread's persistent one, as on the connect pool.

    .venv/bin/python bench/identify_batch.py [--viewers 512] [--batch 8,64] [--rounds 8]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from common import live_webinar_with_viewers
from harness import bench_env, ensure_database, load_average


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewers", type=int, default=512)
    parser.add_argument("--batch", default="8,64")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/dewan_bench")
    args = parser.parse_args()
    ensure_database(args.database_url)
    env = bench_env(database_url=args.database_url, redis_url=args.redis_url, prefix="identify-batch")
    room = live_webinar_with_viewers(env, args.viewers, title="Identify batch bench")

    from django.db import connection

    from realtime.identify import SocketRequest, identify_sockets
    from realtime.sessions import ConnectSessionStore

    def requests(keys: list[str]) -> list[SocketRequest]:
        return [
            SocketRequest(
                {"session": ConnectSessionStore(key)}, room["slug"], "attendee", None, None, None, _never
            )
            for key in keys
        ]

    def statements_and_cpu(size: int) -> tuple[int, float]:
        keys = room["keys"][: args.viewers]
        counted = [0]

        def count(execute, sql, params, many, context):
            counted[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            started = time.thread_time()
            for start in range(0, len(keys), size):
                for _result, error in identify_sockets(requests(keys[start : start + size])):
                    assert error is None, error
            cpu = time.thread_time() - started
        return counted[0], cpu * 1e6 / len(keys)

    sizes = [1] + [int(size) for size in args.batch.split(",")]
    statements_and_cpu(1)  # warm: the connection, the webinar behind the URL, imports
    load_before = load_average()
    per_viewer: dict[int, list[float]] = {size: [] for size in sizes}
    statements: dict[int, int] = {}
    for _round in range(args.rounds):
        for size in sizes:
            statements[size], micros = statements_and_cpu(size)
            per_viewer[size].append(micros)
    result = {
        "bench": "identify_batch",
        "viewers": args.viewers,
        "rounds": args.rounds,
        "load_average": [load_before, load_average()],
        "ways": {
            f"batch_{size}": {
                "cpu_us_per_viewer_median": round(statistics.median(per_viewer[size]), 1),
                "cpu_us_per_viewer_best": round(min(per_viewer[size]), 1),
                "statements_per_viewer": round(statements[size] / args.viewers, 3),
            }
            for size in sizes
        },
    }
    print(json.dumps(result))


def _never() -> bool:
    return False


if __name__ == "__main__":
    main()
