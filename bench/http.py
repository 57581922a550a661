"""HTTP throughput and latency of the service under gunicorn, beside a floor.

Usage::

    .venv/bin/python bench/http.py [--duration 10] [--connections 16] [--workers 2]
                                   [--client auto|wrk|python] [--batch-duration 10]

Starts the production server (``namenorm.http.server.serve``: gunicorn,
threaded workers, the shipped registry) on a free loopback port with the
hidden constant route switched on (``BENCH_ROUTES``), waits for ``/health``,
and drives it for a fixed time per phase:

1. *floor*: ``GET /_bench/constant``, a constant JSON answer from a flask
   route of the same app (same hooks, access log and server);
2. *lookup*: ``GET /v1/lookup?q=...`` rotating through stored spellings,
   surnames alone, generated romanizations, misspellings and unknown names;
3. *batch*: ``POST /v1/lookup`` with 1,000 of those names per request, one
   keep-alive connection per worker;
4. *first asks*: the lookup mix in every language of the registry with a
   new ``limit`` each round: more distinct answers than a worker keeps in
   its memory of answers (``namenorm.http.state.ANSWERS``), so each request
   looks its name up and serialises the answer (the resolver's own caches
   are warm);
5. *slow clients*: the lookup phase again while ``--stalled`` connections
   (16) hold a request whose body stops half-way and ``--idle`` connections
   (100) have sent nothing; any of them the server closes (a 408 after its
   read time-out, an idle one after the keep-alive time-out) is opened
   again at once, so the count holds for the whole phase.

Phases 1, 2, 4 and 5 alternate for ``--rounds`` rounds (so drift in other load on
the machine hits both alike) and use ``wrk`` when it is installed
(``--client auto``), else a Python asyncio client; both keep
``--connections`` connections alive. Phase 3 always uses the Python client.
Every phase counts errors (non-200 answers and socket errors) and the
server's CPU time (master and workers, from ``/proc``). It prints a markdown
table, the issue's targets beside the measurements, and the load average
before and after (a shared machine skews latency), then stops the server
(SIGTERM, bounded wait). The lookup mix repeats, so the resolver's caches are
as warm as in a long-running server that sees recurring names.

Only 127.0.0.1 is ever contacted; each phase is bounded in time (at most
60 s) and the whole run in ``--timeout`` seconds. Left out: cold start and
reload (see ``tests/http/test_server.py``), TLS, anything but loopback.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, where this very
# file would shadow the standard library's ``http`` package: drop that entry.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import select  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402
import urllib.request  # noqa: E402
from collections.abc import Iterator, Sequence  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from namenorm import QueryTooLongError, Registry, default_registry, systems, transliterate  # noqa: E402
from namenorm.http.server import Timing  # noqa: E402

HOST = "127.0.0.1"
MAX_PHASE = 60.0
BATCH = 1000
#: ``limit`` of the first-asks phase per round (never the default, 5).
FIRST_LIMITS = (4, 3, 6, 7, 8, 9, 10, 11, 12, 13)
TARGETS = {"ratio": 0.85, "p99_ms": 20.0, "names_per_s": 20_000, "slow_p99_ms": 100.0}

SERVER = """
import sys
from namenorm.http import create_app
from namenorm.http.server import serve
serve(lambda: create_app(config={"BENCH_ROUTES": True}), host=sys.argv[1],
      port=int(sys.argv[2]), workers=int(sys.argv[3]))
"""


# -- the query mix -----------------------------------------------------------------
def query_mix() -> list[str]:
    """Names a newsroom would send, in a fixed order: stored spellings, surnames alone,
    generated romanizations, one-letter typos, and names the registry does not hold
    (less the few the resolver refuses as too long to be a name)."""
    registry = default_registry()
    stored = [name.text for entity in registry.entities() for name in entity.names]
    surnames = [text.split()[-1] for text in stored if " " in text]
    generated = [
        transliterate(name.text, name.lang, system.name)
        for entity in registry.entities()
        for name in entity.names
        if name.lang in ("be", "ru", "uk")
        for system in systems(name.lang)
    ]
    typos = [text[:-2] + text[-1] + text[-2] for text in stored if len(text) > 6][::3]
    unknown = ["Ivan Petrov", "Smithson", "Zyxwvu", "Olga Ivanova", "Berlin", "ACME Ltd"]
    mix = stored + surnames + generated + typos + unknown
    return [q for q in dict.fromkeys(q for q in mix if q.strip()) if _answerable(registry, q)]


def _answerable(registry: Registry, query: str) -> bool:
    """Whether the resolver takes ``query`` (it refuses what cannot be a name: 400)."""
    try:
        registry.lookup(query, limit=1)
    except QueryTooLongError:
        return False
    return True


# -- results ---------------------------------------------------------------------
@dataclass
class Phase:
    """What one load phase measured."""

    name: str
    connections: int
    seconds: float
    requests: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    p50_ms: float | None = None
    p99_ms: float | None = None
    names: int = 0
    cpu_seconds: float | None = None  # used by the server (master and workers)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_us(self) -> float | None:
        """Server CPU time per request, in microseconds."""
        if self.cpu_seconds is None or not self.requests:
            return None
        return self.cpu_seconds / self.requests * 1e6

    @classmethod
    def merge(cls, parts: Sequence[Phase]) -> Phase:
        """One phase from several rounds: counts add up; latencies merge when every
        sample is known (Python client), else p50 is the median and p99 the worst
        of the rounds' (wrk)."""
        first = parts[0]
        merged = cls(first.name, first.connections, sum(p.seconds for p in parts))
        merged.requests = sum(p.requests for p in parts)
        merged.errors = sum(p.errors for p in parts)
        merged.latencies_ms = [ms for p in parts for ms in p.latencies_ms]
        if all(p.cpu_seconds is not None for p in parts):
            merged.cpu_seconds = sum(p.cpu_seconds or 0.0 for p in parts)
        if not merged.latencies_ms:
            merged.p50_ms = statistics.median(p.p50_ms for p in parts if p.p50_ms is not None)
            merged.p99_ms = max(p.p99_ms for p in parts if p.p99_ms is not None)
        return merged.finish()

    def finish(self) -> Phase:
        if self.latencies_ms and self.p50_ms is None:
            ordered = sorted(self.latencies_ms)
            self.p50_ms = statistics.median(ordered)
            self.p99_ms = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        return self


# -- the Python client -----------------------------------------------------------
def _request(method: str, path: str, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: keep-alive\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode("ascii") + b"\r\n" + body


async def _connection(
    port: int, requests: Sequence[bytes], start: int, stop_at: float, phase: Phase
) -> None:
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    i = start
    while time.perf_counter() < stop_at:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            assert reader is not None
            sent = time.perf_counter()
            writer.write(requests[i % len(requests)])
            i += 1
            status_line = await reader.readline()
            length, close = 0, False
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
                elif name.lower() == "connection" and value.strip().lower() == "close":
                    close = True
            await reader.readexactly(length)
            phase.latencies_ms.append((time.perf_counter() - sent) * 1000)
            phase.requests += 1
            if status_line.split(b" ", 2)[1:2] != [b"200"]:
                phase.errors += 1
            if close:
                writer.close()
                writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            phase.errors += 1
            if writer is not None:
                writer.close()
            writer = None
            await asyncio.sleep(0.01)
    if writer is not None:
        writer.close()


def python_load(
    port: int, name: str, requests: Sequence[bytes], connections: int, seconds: float
) -> Phase:
    """Keep ``connections`` keep-alive connections busy for ``seconds``."""
    phase = Phase(name, connections, seconds)

    async def run() -> None:
        stop_at = time.perf_counter() + seconds
        step = max(1, len(requests) // connections)
        await asyncio.gather(
            *(_connection(port, requests, k * step, stop_at, phase) for k in range(connections))
        )

    started = time.perf_counter()
    asyncio.run(run())
    phase.seconds = time.perf_counter() - started
    return phase.finish()


# -- wrk ---------------------------------------------------------------------------
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not match:
        raise ValueError(f"cannot read wrk latency {text!r}")
    return float(match[1]) * _UNITS[match[2]]


def wrk_load(
    port: int, name: str, paths: Sequence[str], connections: int, seconds: float, tmp: Path
) -> Phase:
    """Run ``wrk`` (one thread, ``connections`` connections) rotating through ``paths``."""
    script = tmp / (re.sub(r"\W+", "-", name).strip("-") + ".lua")
    lua_paths = ",\n".join(json.dumps(p) for p in paths)  # JSON strings are Lua strings here
    script.write_text(
        f"local paths = {{\n{lua_paths}\n}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n',
        encoding="utf-8",
    )
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        "--timeout",
        "5s",
        "-s",
        str(script),
        f"http://{HOST}:{port}{paths[0]}",
    ]
    out = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 30, check=True
    ).stdout
    phase = Phase(name, connections, seconds)
    total = re.search(r"(\d+) requests in ([\d.]+)(ms|s)", out)
    if not total:
        raise RuntimeError(f"cannot read wrk output:\n{out}")
    phase.requests = int(total[1])
    phase.seconds = float(total[2]) / (1000 if total[3] == "ms" else 1)
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    phase.p50_ms, phase.p99_ms = _ms(percentiles["50"]), _ms(percentiles["99"])
    if non_ok := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        phase.errors += int(non_ok[1])
    if sockets := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        phase.errors += sum(int(n) for n in sockets.groups())
    return phase


# -- slow clients ----------------------------------------------------------------
STALLED_HEAD = (
    f"POST /v1/lookup HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
    "Content-Length: 1000\r\n\r\n"
).encode("ascii") + b'{"queries": ["Minsk", '


class SlowClients:
    """``stalled`` connections holding half a request body and ``idle`` ones that sent
    nothing, kept open against the server for as long as the ``with`` block lasts:
    any the server closes is opened again (``reopened`` counts them)."""

    def __init__(self, port: int, stalled: int, idle: int) -> None:
        self.port, self.stalled, self.idle = port, stalled, idle
        self.sockets: dict[socket.socket, bool] = {}  # socket -> is a stalled one
        self.reopened = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._keep, name="slow-clients", daemon=True)

    def _open(self, stalled: bool) -> None:
        sock = socket.create_connection((HOST, self.port), timeout=5)
        if stalled:
            sock.sendall(STALLED_HEAD)
        self.sockets[sock] = stalled

    def __enter__(self) -> SlowClients:
        for k in range(self.stalled + self.idle):
            self._open(k < self.stalled)
        self._thread.start()
        return self

    def _keep(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select(list(self.sockets), [], [], 0.1)
            for sock in ready:  # an answer (408) or a close: the server let go
                stalled = self.sockets.pop(sock)
                sock.close()
                self.reopened += 1
                if not self._stop.is_set():
                    self._open(stalled)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for sock in self.sockets:
            sock.close()


# -- the server ------------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def server_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) used so far by process ``pid`` and its children,
    read from ``/proc`` (``None`` where there is no ``/proc``)."""
    try:
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process is gone
            if int(stat.parent.name) == pid or int(fields[1]) == pid:
                total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / tick
    except (OSError, ValueError):
        return None


@contextmanager
def server(workers: int, log: Path) -> Iterator[tuple[int, int]]:
    """gunicorn on a free loopback port, as ``(port, pid)``; stopped with SIGTERM
    (then SIGKILL) on exit."""
    port = free_port()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER, HOST, str(port), str(workers)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited:\n{log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{port}/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not answer /health within 60 s")
            time.sleep(0.1)
        yield port, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


# -- the report ------------------------------------------------------------------
def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def report(
    floor: Phase,
    lookup: Phase,
    batch: Phase,
    slow: Phase,
    first: Phase,
    *,
    client: str,
    workers: int,
    queries: int,
) -> str:
    ratio = lookup.rps / floor.rps if floor.rps else 0.0
    names_per_s = batch.names / batch.seconds if batch.seconds else 0.0
    errors = floor.errors + lookup.errors + batch.errors + slow.errors + first.errors
    cpu_ratio = floor.cpu_us / lookup.cpu_us if floor.cpu_us and lookup.cpu_us else 0.0
    first_ratio = floor.cpu_us / first.cpu_us if floor.cpu_us and first.cpu_us else 0.0
    timing = Timing()
    lines = [
        f"gunicorn, {workers} workers x {timing.threads} threads (namenorm's gthread worker, "
        f"read time-out {timing.read_timeout:g} s), shipped registry "
        f"({len(default_registry())} entities), {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load: {client}; {queries} distinct lookup names",
        "",
        "| phase | connections | requests | seconds | requests/s | p50 ms | p99 ms | errors "
        "| server CPU µs/request |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for phase in (floor, lookup, first, batch, slow):
        lines.append(
            f"| {phase.name} | {phase.connections} | {phase.requests:,} | {phase.seconds:.1f} | "
            f"{phase.rps:,.0f} | {_fmt(phase.p50_ms)} | {_fmt(phase.p99_ms)} | {phase.errors} "
            f"| {_fmt(phase.cpu_us, 0)} |"
        )
    lookup_p99 = lookup.p99_ms if lookup.p99_ms is not None else float("inf")
    slow_p99 = slow.p99_ms if slow.p99_ms is not None else float("inf")
    checks = [
        ("lookup requests/s ÷ floor", f"≥ {TARGETS['ratio']:.0%}", f"{ratio:.0%}", ratio >= TARGETS["ratio"]),
        ("floor's server CPU per request ÷ lookup's", f"≥ {TARGETS['ratio']:.0%}", f"{cpu_ratio:.0%}", cpu_ratio >= TARGETS["ratio"]),
        ("the same, answers not in memory (first asks)", "(shown)", f"{first_ratio:.0%}", True),
        ("lookup p99 at 16 connections", f"≤ {TARGETS['p99_ms']:.0f} ms", f"{_fmt(lookup.p99_ms)} ms", lookup_p99 <= TARGETS["p99_ms"]),
        (f"lookup p99 with {slow.name.split(', ', 1)[1]}", f"≤ {TARGETS['slow_p99_ms']:.0f} ms", f"{_fmt(slow.p99_ms)} ms", slow_p99 <= TARGETS["slow_p99_ms"]),
        ("errors (all phases)", "0", str(errors), errors == 0),
        ("batch names/s", f"≥ {TARGETS['names_per_s']:,}", f"{names_per_s:,.0f}", names_per_s >= TARGETS["names_per_s"]),
    ]  # fmt: skip
    lines += ["", "| target | wanted | measured | met |", "|---|---|---|---|"]
    lines += [
        f"| {what} | {want} | {got} | {'yes' if ok else 'NO'} |" for what, want, got, ok in checks
    ]
    if floor.cpu_us and lookup.cpu_us and batch.cpu_seconds:
        lines += [
            "",
            f"By server CPU time, which other load on the machine disturbs less: lookups "
            f"would reach {floor.cpu_us / lookup.cpu_us:.0%} of the floor's throughput "
            f"({lookup.cpu_us:,.0f} vs {floor.cpu_us:,.0f} µs per request), and batches "
            f"{batch.names / batch.cpu_seconds:,.0f} names per CPU-second.",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per phase")
    parser.add_argument("--batch-duration", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--rounds", type=int, default=2, help="floor/lookup alternations")
    parser.add_argument(
        "--warmup",
        type=float,
        default=15.0,
        help="seconds of lookups first (every worker sees the mix, as a long-running one has)",
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="whole run, seconds")
    parser.add_argument("--stalled", type=int, default=16, help="connections stalled mid-body")
    parser.add_argument("--idle", type=int, default=100, help="connections that send nothing")
    args = parser.parse_args(argv)
    if not all(0 < t <= MAX_PHASE for t in (args.duration, args.batch_duration, args.warmup)):
        parser.error(f"durations must be in (0, {MAX_PHASE:.0f}] seconds")
    if (
        not 1 <= args.connections <= 256
        or not 1 <= args.workers <= 16
        or not 1 <= args.rounds <= 10
        or not 0 <= args.stalled <= 256
        or not 0 <= args.idle <= 512
    ):
        parser.error(
            "connections must be 1..256, workers 1..16, rounds 1..10, stalled 0..256, idle 0..512"
        )
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    if args.client == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed")
    signal.signal(signal.SIGALRM, lambda *_: sys.exit("bench/http.py: --timeout reached"))
    signal.alarm(int(args.timeout))

    names = query_mix()
    lookup_paths = ["/v1/lookup?" + urllib.parse.urlencode({"q": q}) for q in names]
    floor_path = "/_bench/constant"
    batch_body = json.dumps({"queries": (names * (BATCH // len(names) + 1))[:BATCH]}).encode()

    load_before = os.getloadavg()[0]
    with (
        tempfile.TemporaryDirectory() as tmp,
        server(args.workers, Path(tmp) / "server.log") as (port, pid),
    ):
        warm = [_request("GET", p) for p in lookup_paths]
        # Every name in every language of the registry, a new limit each round:
        # more distinct answers than a worker keeps, so none is in memory yet.
        langs = sorted({n.lang for e in default_registry().entities() for n in e.names})

        def first_asks(limit: int) -> list[str]:
            return [f"{p}&limit={limit}&lang={lang}" for lang in langs for p in lookup_paths]

        floor_request = [_request("GET", floor_path)]

        def load(name: str, paths: list[str], requests: list[bytes], seconds: float) -> Phase:
            before = server_cpu(pid)
            if use_wrk:
                phase = wrk_load(port, name, paths, args.connections, seconds, Path(tmp))
            else:
                phase = python_load(port, name, requests, args.connections, seconds)
            after = server_cpu(pid)
            if before is not None and after is not None:
                phase.cpu_seconds = after - before
            return phase

        load("warm-up", lookup_paths, warm, args.warmup)
        floors, lookups, slows, firsts = [], [], [], []
        first_name = "GET /v1/lookup, first asks"
        slow_name = f"GET /v1/lookup, {args.stalled} stalled + {args.idle} idle"
        reopened = 0
        for _ in range(args.rounds):  # alternate, so drift in machine load hits all alike
            floors.append(
                load(
                    "floor: GET /_bench/constant",
                    [floor_path],
                    floor_request,
                    args.duration / args.rounds,
                )
            )
            lookups.append(load("GET /v1/lookup", lookup_paths, warm, args.duration / args.rounds))
            paths = first_asks(FIRST_LIMITS[len(firsts)])
            cold = [_request("GET", p) for p in paths]
            firsts.append(load(first_name, paths, cold, args.duration / args.rounds))
            with SlowClients(port, args.stalled, args.idle) as slow_clients:
                slows.append(load(slow_name, lookup_paths, warm, args.duration / args.rounds))
            reopened += slow_clients.reopened
        floor, lookup, slow = Phase.merge(floors), Phase.merge(lookups), Phase.merge(slows)
        first = Phase.merge(firsts)
        before = server_cpu(pid)
        batch = python_load(
            port,
            f"POST /v1/lookup ({BATCH:,} names)",
            [_request("POST", "/v1/lookup", batch_body)],
            args.workers,
            args.batch_duration,
        )
        after = server_cpu(pid)
        if before is not None and after is not None:
            batch.cpu_seconds = after - before
        batch.names = batch.requests * BATCH
    client = (
        f"wrk (1 thread, {args.connections} keep-alive connections)"
        if use_wrk
        else f"Python asyncio ({args.connections} keep-alive connections)"
    )
    client += (
        f", {args.rounds} alternating rounds; slow clients the server let go and that were "
        f"opened again: {reopened}; load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after (this bench adds about {args.workers + 1})"
    )
    print(
        report(
            floor,
            lookup,
            batch,
            slow,
            first,
            client=client,
            workers=args.workers,
            queries=len(names),
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
