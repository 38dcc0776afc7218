"""Cheap websocket clients for bench/fanout.py: one process drives hundreds of sockets.

A full client library spends more CPU per received message than the servers under test, so each
socket here is a bare ``asyncio.Protocol`` (on uvloop when installed) that parses unmasked server
frames in bulk, answers pings, and sends masked text frames. A worker process is driven by the bench
through a ``multiprocessing`` pipe: connect, reset counters, report. It counts ``bench.tick`` events
(latency = receive time minus the ``t`` the publisher put in the payload, same clock, same machine),
``resync`` messages, and the sequence numbers of real public events, to prove none were lost.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import random
import threading
import time
from array import array

import orjson

TICK = "bench.tick"


class Stats:
    __slots__ = ("closed", "last_ns", "latencies", "measure_latency", "received", "resyncs", "votes")

    def __init__(self):
        self.closed = 0
        self.reset(False)

    def reset(self, measure_latency: bool) -> None:
        self.received = 0
        self.resyncs = 0
        self.votes = 0
        self.last_ns = 0
        self.latencies = array("q")
        self.measure_latency = measure_latency


class Socket(asyncio.Protocol):
    """One viewer: upgrade, then frames. Only what Dewan's server sends is handled."""

    def __init__(
        self, stats: Stats, *, port: int, path: str, cookie: str | None, on_lost=None, previous=None
    ):
        self.stats = stats
        self.port, self.path, self.cookie = port, path, cookie
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.upgraded = False
        self.fragments: list[bytes] | None = None
        loop = asyncio.get_running_loop()
        self.welcome = loop.create_future()
        self.snapshot = loop.create_future()  # the answer to sync: a snapshot or, with since, synced
        self.seqs: set[int] = set()
        self.base: int | None = None  # the snapshot's seq: every later public seq must arrive
        self.vote_counts: dict[str, int] = {}
        self.open = True
        self.close_code: int | None = None
        self.close_reason = ""
        self.refused = ""  # the status line of a refused upgrade
        self.on_lost = on_lost
        self.established = False  # the answer to its first sync arrived
        # Reconnecting: carry on the sequence numbers, and sync from the last one received *without a
        # gap*, the moment the welcome arrives (as static/dewan/live-client.js does). Events that follow
        # the welcome in the same read must not move that point past the ones missed while away.
        self.resume_from: int | None = None
        if previous is not None:
            self.seqs, self.base, self.vote_counts = previous.seqs, previous.base, previous.vote_counts
            if previous.base is not None:
                last = previous.base
                while last + 1 in self.seqs:
                    last += 1
                self.resume_from = last

    def connection_made(self, transport) -> None:
        self.transport = transport
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            f"GET {self.path} HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
            f"Origin: http://127.0.0.1:{self.port}",
        ]
        if self.cookie:
            lines.append(f"Cookie: sessionid={self.cookie}")
        transport.write(("\r\n".join(lines) + "\r\n\r\n").encode())

    def connection_lost(self, exc) -> None:
        if self.open:
            self.open = False
            self.stats.closed += 1
            if self.on_lost is not None:
                self.on_lost(self)
        for future in (self.welcome, self.snapshot):
            if not future.done():
                future.set_exception(ConnectionError("closed before the handshake finished"))
                future.exception()  # whoever awaits it still gets it; nobody need

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer
        buffer += data
        if not self.upgraded:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            if not buffer.startswith(b"HTTP/1.1 101"):
                self.refused = bytes(buffer[:end].split(b"\r\n", 1)[0]).decode("latin-1")
                self.transport.close()
                return
            self.upgraded = True
            del buffer[: end + 4]
        pos, size = 0, len(buffer)
        while size - pos >= 2:
            first, second = buffer[pos], buffer[pos + 1] & 0x7F
            header = 2
            if second == 126:
                if size - pos < 4:
                    break
                second = int.from_bytes(buffer[pos + 2 : pos + 4], "big")
                header = 4
            elif second == 127:
                if size - pos < 10:
                    break
                second = int.from_bytes(buffer[pos + 2 : pos + 10], "big")
                header = 10
            end = pos + header + second
            if end > size:
                break
            payload = bytes(buffer[pos + header : end])
            pos = end
            opcode = first & 0x0F
            if opcode == 1 and first & 0x80:
                self.on_text(payload)
            elif opcode in (0, 1):  # fragmented text (long snapshots)
                self.fragments = [*(self.fragments or []), payload]
                if first & 0x80:
                    self.on_text(b"".join(self.fragments))
                    self.fragments = None
            elif opcode == 9:
                self.write_frame(0xA, payload)
            elif opcode == 8:
                if len(payload) >= 2:
                    self.close_code = int.from_bytes(payload[:2], "big")
                    self.close_reason = payload[2:].decode("utf-8", "replace")
                self.transport.close()
        del buffer[:pos]

    def on_text(self, payload: bytes) -> None:
        message = orjson.loads(payload)
        kind = message["type"]
        stats = self.stats
        if kind == TICK:
            stats.received += 1
            now = time.time_ns()
            stats.last_ns = now
            if stats.measure_latency:
                stats.latencies.append(now - message["data"]["t"])
        elif kind == "votes":
            stats.votes += 1
            self.vote_counts.update(message["counts"])
        elif kind == "resync":
            stats.resyncs += 1
        elif kind == "welcome":
            if not self.welcome.done():
                self.send_text(
                    '{"type":"sync"}'
                    if self.resume_from is None
                    else orjson.dumps({"type": "sync", "since": self.resume_from}).decode()
                )
                self.welcome.set_result(message)
        elif kind == "snapshot":
            if self.base is None or message["seq"] > max(self.seqs, default=self.base):
                # A fresh start (or a reload after too many missed): the snapshot covers up to its seq.
                if self.base is not None:
                    self.seqs.update(range(max(self.seqs, default=self.base) + 1, message["seq"] + 1))
                else:
                    self.base = message["seq"]
            if not self.snapshot.done():
                self.established = True
                self.snapshot.set_result(message)
        elif kind == "synced":
            if not self.snapshot.done():
                self.established = True
                self.snapshot.set_result(message)
        elif message.get("stream") == "public" and "seq" in message:
            self.seqs.add(message["seq"])

    def write_frame(self, opcode: int, payload: bytes) -> None:
        mask = os.urandom(4)
        length = len(payload)
        if length < 126:
            header = bytes([0x80 | opcode, 0x80 | length])
        else:
            header = bytes([0x80 | opcode, 0x80 | 126]) + length.to_bytes(2, "big")
        masked = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
        self.transport.write(header + mask + masked)

    def send_text(self, text: str) -> None:
        self.write_frame(0x1, text.encode())


async def connect(
    stats: Stats,
    *,
    port: int,
    path: str,
    cookie: str | None,
    timeout: float = 60,
    previous: Socket | None = None,
    on_lost=None,
) -> Socket:
    """Open, read ``welcome``, ``sync`` (from ``previous``'s last seq when reconnecting), await the answer."""
    loop = asyncio.get_running_loop()
    _transport, socket = await loop.create_connection(
        lambda: Socket(stats, port=port, path=path, cookie=cookie, on_lost=on_lost, previous=previous),
        "127.0.0.1",
        port,
    )
    try:
        await asyncio.wait_for(socket.welcome, timeout)  # the sync goes out as the welcome is read
        await asyncio.wait_for(socket.snapshot, timeout)
    except Exception as exc:
        if socket.transport is not None:
            socket.transport.close()
        stage = "sync answer" if socket.welcome.done() else "welcome"
        why = "timeout" if isinstance(exc, TimeoutError) else socket.refused or f"close {socket.close_code}"
        failed = AttemptFailed(f"no {stage}: {why}")
        if socket.close_code in (1012, 1013):
            failed.hint_ms = retry_hint(socket.close_reason)
        raise failed from exc
    return socket


class AttemptFailed(ConnectionError):
    """A connect that did not reach its sync answer; the message says where it stopped and why, and
    ``hint_ms`` the server's ``retry_after_ms`` when it was refused with one (1013 busy, 1012 restart)."""

    hint_ms: int | None = None


class Reconnector:
    """Brings lost sockets back like static/dewan/live-client.js: honour the server's retry hint (a
    1012 restart's or a 1013 refusal's), else back off (first delay ``backoff_ms``, doubling, jittered
    0.7-1.3x), and sync from the last seq."""

    def __init__(self, stats: Stats, sockets: list[Socket]):
        self.stats, self.sockets = stats, sockets
        self.port: int | None = None
        self.backoff_ms = 500
        self.lost = self.reconnected = self.waiting = 0
        self.last_back_ns = 0
        self.codes: dict[str, int] = {}
        self.retry_after_ms: list[int] = []
        self.back_ms: list[int] = []  # per viewer brought back: from its loss to its sync answer
        self.failed: dict[str, int] = {}  # reconnect attempts that failed, by where and why
        self.hinted_waits_ms: list[int] = []  # retry hints of refused attempts (1013), as waited

    def on_lost(self, socket: Socket) -> None:
        code = str(socket.close_code) if socket.close_code is not None else (socket.refused or "none")
        self.codes[code] = self.codes.get(code, 0) + 1
        hint = retry_hint(socket.close_reason)
        if hint is not None and socket.close_code == 1012:  # the graceful restart's (1013: refusals)
            self.retry_after_ms.append(hint)
        if self.port is None or not socket.established:
            return  # a reconnect attempt that failed: the loop that made it tries again
        self.lost += 1
        self.waiting += 1
        asyncio.get_running_loop().create_task(self._again(socket, hint))

    async def _again(self, old: Socket, hint: int | None) -> None:
        lost_ns = time.time_ns()
        delay = self.backoff_ms
        first = hint if hint is not None else delay * (0.7 + random.random() * 0.6)
        await asyncio.sleep(first / 1000)
        while True:
            try:
                new = await connect(
                    self.stats,
                    port=self.port,
                    path=old.path,
                    cookie=old.cookie,
                    previous=old,
                    on_lost=self.on_lost,
                )
                break
            except Exception as exc:
                why = str(exc) if isinstance(exc, AttemptFailed) else type(exc).__name__
                self.failed[why] = self.failed.get(why, 0) + 1
                hint_ms = exc.hint_ms if isinstance(exc, AttemptFailed) else None
                if hint_ms is not None:  # told when to come back: exactly then, the back-off kept
                    self.hinted_waits_ms.append(hint_ms)
                    await asyncio.sleep(hint_ms / 1000)
                    continue
                delay = min(delay * 2, 15000)
                await asyncio.sleep(delay * (0.7 + random.random() * 0.6) / 1000)
        self.sockets[self.sockets.index(old)] = new
        self.reconnected += 1
        self.waiting -= 1
        self.last_back_ns = time.time_ns()
        self.back_ms.append((self.last_back_ns - lost_ns) // 1_000_000)


def retry_hint(reason: str) -> int | None:
    """``retry_after_ms=<n>`` in a close reason (docs/protocol.md, graceful restart)."""
    if reason.startswith("retry_after_ms="):
        with contextlib.suppress(ValueError):
            return int(reason.split("=", 1)[1])
    return None


def worker_main(pipe) -> None:
    """A client process: obey the bench's commands from ``pipe`` until told to stop."""
    with contextlib.suppress(ImportError):
        import uvloop

        uvloop.install()
    asyncio.run(_serve(pipe))


async def _serve(pipe) -> None:
    loop = asyncio.get_running_loop()
    stats = Stats()
    sockets: list[Socket] = []
    reconnector = Reconnector(stats, sockets)
    done = loop.create_future()

    async def connect_all(targets: list[tuple[int, str, str | None]], parallel: int) -> dict:
        gate = asyncio.Semaphore(parallel)
        failures = refused = 0

        async def one(port, path, cookie):
            nonlocal failures, refused
            for _attempt in range(20):
                async with gate:
                    try:
                        sockets.append(
                            await connect(
                                stats, port=port, path=path, cookie=cookie, on_lost=reconnector.on_lost
                            )
                        )
                        return
                    except AttemptFailed as exc:
                        if exc.hint_ms is None:
                            failures += 1
                            return
                        refused += 1
                        wait_ms = exc.hint_ms
                    except Exception:
                        failures += 1
                        return
                await asyncio.sleep(wait_ms / 1000)  # refused as too busy (1013): come back when told
            failures += 1

        await asyncio.gather(*(one(*target) for target in targets))
        return {"connected": len(sockets), "failures": failures, "refused_busy": refused}

    def missing_seqs(first: int, last: int) -> dict:
        expected = set(range(first, last + 1))
        short = [len(expected - socket.seqs) for socket in sockets]
        return {"sockets_missing": sum(1 for n in short if n), "missing": sum(short), "checked": len(short)}

    pingers: list[asyncio.Task] = []

    async def ping_loop(socket: Socket, seconds: float) -> None:
        """A client heartbeat: ``ping`` every ``seconds`` (staggered), as live-client.js does when asked."""
        await asyncio.sleep(random.random() * seconds)
        while socket.open:
            socket.send_text('{"type":"ping"}')
            await asyncio.sleep(seconds)

    def gaps(last: int) -> dict:
        """Per socket: public seqs after its first snapshot up to ``last`` that never arrived."""
        short = [
            len(set(range(socket.base + 1, last + 1)) - socket.seqs)
            for socket in sockets
            if socket.base is not None
        ]
        return {"sockets_missing": sum(1 for n in short if n), "missing": sum(short), "checked": len(short)}

    def gap_detail(last: int) -> list:
        """For the first sockets missing public seqs: the missing ones' range and count, its resyncs."""
        found = []
        for socket in sockets:
            if socket.base is None:
                continue
            missing = sorted(set(range(socket.base + 1, last + 1)) - socket.seqs)
            if missing:
                found.append(
                    {
                        "base": socket.base,
                        "n": len(missing),
                        "first": missing[0],
                        "last": missing[-1],
                        "port": socket.port,
                        "open": socket.open,
                    }
                )
        return found[:5]

    def votes_seen(expected: dict[str, int]) -> dict:
        wrong = sum(
            1
            for socket in sockets
            if any(socket.vote_counts.get(key) != value for key, value in expected.items())
        )
        return {"sockets_with_stale_votes": wrong}

    async def run(command: str, args: tuple):
        if command == "connect":
            return await connect_all(*args)
        if command == "reset":
            stats.reset(*args)
            return True
        if command == "stats":
            reply = {
                "received": stats.received,
                "last_ns": stats.last_ns,
                "resyncs": stats.resyncs,
                "votes": stats.votes,
                "closed": stats.closed,
            }
            if args and args[0]:
                reply["latencies"] = stats.latencies.tobytes()
            return reply
        if command == "seqs":
            return missing_seqs(*args)
        if command == "votes":
            return votes_seen(*args)
        if command == "gaps":
            return gaps(*args)
        if command == "gap_detail":
            return gap_detail(*args)
        if command == "reconnect_to":
            reconnector.port, reconnector.backoff_ms = args
            return True
        if command == "reconnects":
            return {
                "lost": reconnector.lost,
                "reconnected": reconnector.reconnected,
                "waiting": reconnector.waiting,
                "last_back_ns": reconnector.last_back_ns,
                "back_ms": reconnector.back_ms,
                "failed": reconnector.failed,
                "hinted_waits_ms": reconnector.hinted_waits_ms,
            }
        if command == "ping_every":
            (seconds,) = args
            for task in pingers:
                task.cancel()
            pingers.clear()
            if seconds:
                pingers.extend(loop.create_task(ping_loop(socket, seconds)) for socket in list(sockets))
            return len(pingers)
        if command == "closes":
            return {"codes": reconnector.codes, "retry_after_ms": reconnector.retry_after_ms}
        if command == "close":
            reconnector.port = None
            for socket in sockets:
                if socket.transport is not None:
                    socket.transport.close()
            sockets.clear()
            await asyncio.sleep(0.5)
            stats.closed = 0
            return True
        if command == "reconnects_clear":
            reconnector.lost = reconnector.reconnected = reconnector.waiting = reconnector.last_back_ns = 0
            reconnector.back_ms.clear()
            reconnector.failed.clear()
            reconnector.hinted_waits_ms.clear()  # else a storm counts the resume phase's refusals
            return True
        if command == "drop":
            # Every socket lost at once, as a killed server's are (no close frame): the reconnector
            # brings each back to its port (``reconnect_to``) and syncs from its last sequence number.
            for socket in list(sockets):
                if socket.transport is not None:
                    socket.transport.abort()
            return len(sockets)
        if command == "stop":
            done.set_result(None)
            return True
        raise ValueError(command)

    async def answer(command, args):
        try:
            pipe.send(("ok", await run(command, args)))
        except Exception as exc:
            pipe.send(("error", repr(exc)))

    running: set[asyncio.Task] = set()

    def start(command: str, args: tuple) -> None:
        task = loop.create_task(answer(command, args))
        running.add(task)
        task.add_done_callback(running.discard)

    def read_commands() -> None:
        # A blocking reader thread: large commands (thousands of targets) arrive in several chunks,
        # which a non-blocking read from the event loop would tear.
        while not done.done():
            try:
                command, args = pipe.recv()
            except (EOFError, OSError):
                loop.call_soon_threadsafe(lambda: done.done() or done.set_result(None))
                return
            loop.call_soon_threadsafe(start, command, args)
            if command == "stop":
                return

    threading.Thread(target=read_commands, name="bench-commands", daemon=True).start()
    await done
