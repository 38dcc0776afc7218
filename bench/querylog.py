"""Per-step cost of the queries a piece of Django code sends, in figures the machine's load does not change.

``QueryLog`` wraps every connection the process opens (``connection_created``, so the report's reader
threads are covered too) and records for each query: the step that sent it (the outermost and innermost
function of ``webinar.reports``/``webinar.selectors`` on the stack), its wall seconds and, on
PostgreSQL, the CPU seconds its server backend spent on it (``/proc/<backend pid>/stat``: utime +
stime, 10 ms ticks; the server runs on this machine in the benches). ``explain`` then runs each recorded
read again under ``EXPLAIN (ANALYZE, BUFFERS)`` and adds the server's execution time, the rows each
table scan read (kept and filtered out) and the shared buffers touched.

CPU seconds and rows read measure the work itself; wall seconds also measure the waiting for a core on
a shared machine.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

from django.db import connection as default_connection
from django.db.backends.signals import connection_created

STEP_MODULES = ("webinar.reports.", "webinar.selectors.")
TICK = os.sysconf("SC_CLK_TCK")


def backend_cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds of a local process (a PostgreSQL backend), None when unreadable."""
    if not pid:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime: fields 14 and 15 of stat(5)


def _step() -> str:
    """``outer/inner``: the outermost and innermost report or selector function on this thread's stack."""
    names = []
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith(STEP_MODULES) and frame.f_code.co_name not in ("__exit__", "__enter__"):
            names.append(frame.f_code.co_name)
        frame = frame.f_back
    if not names:
        return "other"
    return names[-1] if len(names) == 1 else f"{names[-1]}/{names[0]}"


class QueryLog:
    """Records every query of every connection opened after ``start`` (see the module docstring)."""

    def __init__(self) -> None:
        self.queries: list[dict] = []
        self._lock = threading.Lock()
        self._recording = False

    def start(self) -> None:
        connection_created.connect(self._wrap_connection, weak=False)
        self._wrap_connection(None, default_connection)
        self._recording = True

    def stop(self) -> None:
        self._recording = False

    def _wrap_connection(self, sender, connection, **kwargs) -> None:
        if self._execute not in connection.execute_wrappers:
            connection.execute_wrappers.append(self._execute)

    def _execute(self, execute, sql, params, many, context):
        if not self._recording:
            return execute(sql, params, many, context)
        wrapper = context["connection"]
        pid = getattr(getattr(wrapper.connection, "info", None), "backend_pid", None)
        roomy = wrapper.in_atomic_block  # the report's big reads run in a transaction with more work_mem
        cpu = backend_cpu_seconds(pid)
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            wall = time.perf_counter() - started
            after = backend_cpu_seconds(pid)
            with self._lock:
                self.queries.append(
                    {
                        "step": _step(),
                        "sql": sql,
                        "params": params,
                        "many": many,
                        "roomy": roomy,
                        "wall_seconds": wall,
                        "server_cpu_seconds": None if cpu is None or after is None else after - cpu,
                    }
                )

    def steps(self) -> dict[str, dict]:
        """``{step: {"queries", "wall_seconds", "server_cpu_seconds"[, "explain_ms", "rows_read",
        "buffers"]}}``, the costliest (server CPU, then wall) first."""
        out: dict[str, dict] = defaultdict(
            lambda: {"queries": 0, "wall_seconds": 0.0, "server_cpu_seconds": 0.0}
        )
        for query in self.queries:
            step = out[query["step"]]
            step["queries"] += 1
            step["wall_seconds"] += query["wall_seconds"]
            step["server_cpu_seconds"] += query["server_cpu_seconds"] or 0.0
            for key in ("explain_ms", "buffers"):
                if key in query:
                    step[key] = step.get(key, 0) + query[key]
            for table, rows in query.get("rows_read", {}).items():
                step.setdefault("rows_read", {})
                step["rows_read"][table] = step["rows_read"].get(table, 0) + rows
        ranked = sorted(
            out.items(), key=lambda item: (-item[1]["server_cpu_seconds"], -item[1]["wall_seconds"])
        )
        return {name: _rounded(figures) for name, figures in ranked}

    def totals(self) -> dict:
        """Sums over every recorded query."""
        steps = self.steps().values()
        rows: dict[str, int] = defaultdict(int)
        for step in steps:
            for table, n in step.get("rows_read", {}).items():
                rows[table] += n
        return _rounded(
            {
                "queries": sum(s["queries"] for s in steps),
                "wall_seconds": sum(s["wall_seconds"] for s in steps),
                "server_cpu_seconds": sum(s["server_cpu_seconds"] for s in steps),
                "explain_ms": sum(s.get("explain_ms", 0) for s in steps),
                "buffers": sum(s.get("buffers", 0) for s in steps),
                "rows_read": dict(rows),
            }
        )

    def explain(self, work_mem: str) -> None:
        """Run each recorded read again under ``EXPLAIN (ANALYZE, BUFFERS)`` (PostgreSQL only), with
        ``work_mem`` and no JIT where it first ran in a transaction (as the report's big reads do)."""
        if default_connection.vendor != "postgresql":
            return
        for query in self.queries:
            if query["many"] or not query["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            with default_connection.cursor() as cursor:
                cursor.execute("BEGIN")
                if query["roomy"]:
                    cursor.execute(f"SET LOCAL work_mem = '{work_mem}'")
                    cursor.execute("SET LOCAL jit = off")
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query["sql"], query["params"])
                (plan,) = cursor.fetchone()
                cursor.execute("ROLLBACK")
            plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]
            query["explain_ms"] = plan["Execution Time"]
            top = plan["Plan"]
            query["buffers"] = top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0)
            query["rows_read"] = _rows_read(top)


def _rows_read(node: dict) -> dict[str, int]:
    """Rows each table scan in a plan read: returned plus removed by its filter, times its loops."""
    rows: dict[str, int] = defaultdict(int)
    if "Relation Name" in node and "Scan" in node["Node Type"]:
        read = node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
        rows[node["Relation Name"]] += int(read * node.get("Actual Loops", 1))
    for child in node.get("Plans", []):
        for table, n in _rows_read(child).items():
            rows[table] += n
    return dict(rows)


def _rounded(figures: dict) -> dict:
    return {key: round(value, 3) if isinstance(value, float) else value for key, value in figures.items()}
