"""Resolve each distinct cell of ``namenorm clean`` once, here or in worker processes,
and emit the rows in input order.

Resolution is the library's one path (``Registry.lookup`` + ``Index.decide``,
see :func:`outcome`). A small file is resolved in this process. Once a file
shows more than :data:`POOL_AFTER` distinct values, new values go to a pool of
forked worker processes (which inherit the loaded registry) in chunks, while
this process keeps reading: rows whose values are still being resolved wait,
in order, in a queue bounded by :data:`MAX_PENDING` rows, so memory stays
flat; the pool is replaced by fresh forks after :data:`WORKER_CHUNKS` chunks
per worker, so the resolver's caches in the workers stay small too. Workers ignore
Ctrl-C; the pool is torn down with the command.

Left out: CSV details (``namenorm.csvio``) and how results are written
(``namenorm.batch.loop`` makes the :class:`Entry` of an outcome).
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import threading
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType
from typing import NamedTuple

from ..errors import InvalidInputError
from ..heldsignals import held
from ..registry import Registry

__all__ = [
    "CACHE_SIZE",
    "CHUNK",
    "MAX_INFLIGHT",
    "MAX_PENDING",
    "MEMO_SIZE",
    "POOL_AFTER",
    "STATUSES",
    "WORKER_CHUNKS",
    "Column",
    "Entry",
    "Outcome",
    "Pipeline",
    "outcome",
]

#: Status of a cell: resolved to one ID, two IDs too close to call, no ID, blank.
STATUSES: tuple[str, ...] = ("matched", "ambiguous", "unmatched", "empty")
#: Distinct values remembered per column; later new values are resolved each time.
CACHE_SIZE = 100_000
#: Distinct values resolved in this process before worker processes take over.
POOL_AFTER = 200
#: Outcomes a ``memo`` shared by several runs keeps (one per Dask worker process).
MEMO_SIZE = 200_000
#: Values sent to a worker at a time.
CHUNK = 16
#: Rows that may wait in order behind a row whose value is being resolved,
#: before reading pauses (each is kept as its finished text, ~100 bytes).
MAX_PENDING = 50_000
#: Values being resolved at a time, before reading pauses.
MAX_INFLIGHT = 8192
#: Chunks per worker before the pool is replaced by a fresh one: the resolver's
#: own caches grow with every lookup (about 4 MB per 1,000); a new fork starts
#: small. (Not ``maxtasksperchild``: that forks from the pool's thread while the
#: main thread may hold a lock, e.g. reading standard input, and the new worker
#: deadlocks closing its copy of stdin. Here every fork is made by the main
#: thread, between rows.)
WORKER_CHUNKS = 250


class Outcome(NamedTuple):
    """What one cell value resolves to."""

    #: One of :data:`STATUSES`.
    status: str
    #: The entity's ID when matched, else empty.
    id: str
    #: Its house name when matched, else empty.
    name: str
    #: The best candidate's score, or None without a candidate.
    score: float | None
    #: The candidates as ``id:score|...``.
    candidates: str


def outcome(registry: Registry, value: str, kind: str | None) -> Outcome:
    """What one cell value resolves to: ``matched``, ``ambiguous``, ``unmatched`` or ``empty``."""
    if not value.strip():
        return Outcome("empty", "", "", None, "")
    try:
        matches = registry.lookup(value, limit=3, kind=kind)
    except InvalidInputError:  # e.g. a cell longer than any name
        matches = []
    status = registry.index.decide(matches)
    best = matches[0] if matches else None
    candidates = "|".join(f"{m.id}:{m.score:.1f}" for m in matches)
    if best is not None and status == "matched":
        return Outcome(status, best.id, best.name, best.score, candidates)
    return Outcome(status, "", "", best.score if best else None, candidates)


# -- worker processes ----------------------------------------------------------
#: Seconds a pool torn down after an error or a signal may take before its
#: workers are killed outright (see :func:`_abort`).
TEARDOWN_GRACE = 10.0

_WORKER: tuple[Registry, str | None] | None = None

#: Blocked in the thread that makes the pool, and so in the pool's threads and
#: in every worker they fork, until the worker has set its own dispositions.
_FORK_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def _init_worker() -> None:
    """Give a new worker its own signal dispositions, then let signals in.

    Workers are forked with :data:`_FORK_SIGNALS` blocked (see
    :func:`_fork_pool`), so a signal sent to a worker before this runs (the
    pool torn down while its workers start) waits here instead of running a
    handler inherited from the command (which would take the SIGTERM meant
    to end the worker and leave it alive).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for sig in (signal.SIGTERM, signal.SIGHUP):  # the parent's handlers are not for workers:
        signal.signal(sig, signal.SIG_DFL)  # the pool is torn down with SIGTERM
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _FORK_SIGNALS)


def _fork_pool(jobs: int) -> Pool:
    """A pool of ``jobs`` forked workers, made in a thread of its own that blocks
    :data:`_FORK_SIGNALS`: the pool's threads inherit that mask, and so does
    every worker they fork, then or later (a replaced worker). The main
    thread never masks them (a masked signal goes to another thread, such as
    numpy's OpenBLAS thread, and is lost to a main thread blocked in a read:
    ``namenorm.heldsignals``); the caller holds them meanwhile."""
    made: list[Pool] = []
    failed: list[BaseException] = []

    def make() -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, _FORK_SIGNALS)  # this thread only
        try:
            made.append(multiprocessing.get_context("fork").Pool(jobs, initializer=_init_worker))
        except BaseException as exc:  # handed to the caller's thread
            failed.append(exc)

    starter = threading.Thread(target=make, name="namenorm-pool-start")
    starter.start()
    starter.join()
    if failed:
        raise failed[0]
    return made[0]


def _abort(pool: Pool) -> None:
    """End the pool after an error or a signal; never wait on a lock a killed worker held.

    ``Pool.terminate()`` sends SIGTERM to the workers and then puts an end
    marker on the results queue; a worker killed while it was putting a
    result holds that queue's lock for ever, and ``terminate()`` waits for
    ever. So it runs in a daemon thread with :data:`TEARDOWN_GRACE` seconds
    to end; if it has not, the workers are killed here and the stuck thread
    ends with the process.
    """
    workers = list(pool._pool)  # type: ignore[attr-defined]
    teardown = threading.Thread(target=pool.terminate, name="namenorm-pool-teardown", daemon=True)
    teardown.start()
    teardown.join(TEARDOWN_GRACE)
    if teardown.is_alive():
        for worker in workers:
            if worker.exitcode is None:
                worker.kill()
        for worker in workers:
            worker.join(TEARDOWN_GRACE)


def _resolve_many(values: list[str]) -> list[Outcome]:
    assert _WORKER is not None, "worker started without a registry"
    registry, kind = _WORKER
    return [outcome(registry, value, kind) for value in values]


# -- values and columns --------------------------------------------------------
@dataclass(slots=True)
class Entry:
    """What one distinct raw cell becomes in the output, and how often it was written."""

    status: str
    insert: str  # the new fields, joined by the delimiter, spliced in after the column
    replace: str | None  # the column's new raw text (--replace), None to keep it
    value: str
    candidates: str
    splice: str = ""  # the column as written out, the delimiter, then ``insert``
    count: int = 0
    cached: bool = False


@dataclass(slots=True)
class _Slot:
    """A value some waiting rows need; ``entry`` is set once it is resolved."""

    entry: Entry | None = None


@dataclass
class Column:
    """One column being cleaned: where it is, and what its values became."""

    name: str
    index: int
    make: Callable[[str, str, Outcome], Entry]  # (raw, value, outcome) -> Entry
    keep_unmatched: bool = False
    cache: dict[str, Entry] = field(default_factory=dict)
    waiting: dict[str, _Slot] = field(default_factory=dict)
    uncached: Counter[str] = field(default_factory=Counter)  # statuses written from no cache
    resolved: int = 0

    def add(self, raw: str, value: str, result: Outcome) -> Entry:
        """The entry of a newly resolved value, cached while there is room."""
        entry = self.make(raw, value, result)
        self.resolved += 1
        if len(self.cache) < CACHE_SIZE or (
            self.keep_unmatched and entry.status in ("unmatched", "ambiguous")
        ):
            self.cache[raw] = entry
            entry.cached = True
        return entry

    def counts(self) -> dict[str, int]:
        """Cells written per status."""
        totals = Counter(self.uncached)
        for entry in self.cache.values():
            totals[entry.status] += entry.count
        return {status: totals[status] for status in STATUSES}

    def distinct(self) -> int | None:
        """Distinct values seen, or ``None`` when the cache overflowed (not known)."""
        return None if self.uncached else self.resolved


# -- the pipeline ---------------------------------------------------------------
class Pipeline:
    """Rows that need a value not in the cache, or that come after such rows.

    :meth:`push` takes a full-width row (raw fields and line ending) and
    :meth:`push_line` a finished line (passed through, or rendered by a fast
    loop from cached values); both come out through ``emit`` in input order.
    Rows behind a row that waits are kept as finished text, so reading can run
    far ahead of the workers. :meth:`finish` waits for every value and emits
    the rest. ``memo`` (a dictionary of value -> outcome for one registry
    and kind, shared by several runs in one process, as the parts of a file
    a Dask worker cleans are) saves resolving a value again. Use as a
    context manager: the worker pool is closed on exit.
    """

    def __init__(
        self,
        columns: list[Column],
        *,
        registry: Registry,
        kind: str | None,
        unquote: Callable[[str], str],
        join: Callable[[list[str]], str],
        emit: Callable[[str], None],
        jobs: int = 1,
        memo: dict[str, Outcome] | None = None,
    ) -> None:
        self.columns = columns
        self.registry = registry
        self.kind = kind
        self.unquote = unquote
        self.join = join
        self.emit = emit
        self.jobs = jobs
        self.memo = memo
        self.pending: deque[tuple[list[str] | None, str, list[_Slot] | tuple[()]]] = deque()
        self.batch: list[tuple[Column, str, str]] = []
        self.tasks: deque[tuple[AsyncResult[list[Outcome]], list[tuple[Column, str, str]]]] = (
            deque()
        )
        self.pool: Pool | None = None
        self.local = 0
        self.chunks = 0
        self.inflight = 0

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        global _WORKER
        if self.pool is not None:
            if kind is None:
                self.pool.close()
                self.pool.join()
            else:
                _abort(self.pool)
            self.pool = None
            _WORKER = None

    # -- rows ----------------------------------------------------------------
    def push(self, fields: list[str], end: str) -> None:
        """A full-width row: resolve (or schedule) its new values, then emit what is ready."""
        slots = []
        ready = True
        for column in self.columns:
            raw = fields[column.index]
            slot = column.waiting.get(raw)
            if slot is None:
                slot = _Slot(column.cache.get(raw))
                if slot.entry is None:
                    value = self.unquote(raw)
                    if self.pool is None:
                        slot.entry = column.add(raw, value, self._outcome(value))
                        self.local += 1
                    else:
                        column.waiting[raw] = slot
                        self.batch.append((column, raw, value))
                        self.inflight += 1
            ready = ready and slot.entry is not None
            slots.append(slot)
        if not ready:
            self.pending.append((fields, end, slots))
        elif self.pending:
            self.pending.append((None, self._render(fields, end, slots), ()))
        else:
            self.emit(self._render(fields, end, slots))
        if self.pool is None and self.jobs > 1 and self.local >= POOL_AFTER:
            self._start_pool()
        self._advance()

    def push_line(self, line: str) -> None:
        """A row written as it is: passed through (ragged, blank) or already rendered."""
        if self.pending:
            self.pending.append((None, line, ()))
            if not len(self.pending) % 256:
                self._advance()
        else:
            self.emit(line)

    def finish(self) -> None:
        """Wait for every value still being resolved and emit the remaining rows."""
        self._submit()
        while self.tasks:
            self._collect(block=True)
        self._flush()
        assert not self.pending, "rows left waiting after every value was resolved"

    # -- internals -------------------------------------------------------------
    def _outcome(self, value: str) -> Outcome:
        memo = self.memo
        if memo is None:
            return outcome(self.registry, value, self.kind)
        found = memo.get(value)
        if found is None:
            found = outcome(self.registry, value, self.kind)
            if len(memo) < MEMO_SIZE:
                memo[value] = found
        return found

    def _render(self, fields: list[str], end: str, slots: list[_Slot] | tuple[()]) -> str:
        for column, slot in zip(self.columns, slots, strict=True):
            entry = slot.entry
            assert entry is not None
            if entry.cached:
                entry.count += 1
            else:
                column.uncached[entry.status] += 1
            if entry.replace is not None:
                fields[column.index] = entry.replace
            fields.insert(column.index + 1, entry.insert)
        return self.join(fields) + end

    def _advance(self) -> None:
        # A full chunk goes out at once; a partial one only when a worker would
        # otherwise wait (one-value chunks would just add overhead).
        if self.batch and (len(self.batch) >= CHUNK or len(self.tasks) < self.jobs):
            self._submit()
        if self.tasks:
            self._collect(block=False)
        while (len(self.pending) > MAX_PENDING or self.inflight > MAX_INFLIGHT) and (
            self.batch or self.tasks
        ):
            self._submit()
            self._collect(block=True)

    def _start_pool(self) -> None:
        global _WORKER
        # Load now what a first lookup of each worker would load (the knowledge
        # tables), so that the workers inherit it instead of each loading its own.
        if self.registry is not None:  # (None: tests that stub the lookups)
            self.registry.warm()
        _WORKER = (self.registry, self.kind)  # inherited by the forked workers
        gc.freeze()  # the collector then leaves the inherited objects (and their pages) alone
        # Signals sent to this process meanwhile are held until the pool is up
        # (and is self.pool, for the clean-up they start), and taken then.
        try:
            with held():
                self.pool = _fork_pool(self.jobs)
        finally:
            gc.unfreeze()
        self.chunks = 0

    def _submit(self) -> None:
        if self.batch and self.pool is not None:
            if self.chunks >= WORKER_CHUNKS * self.jobs:  # replace the pool (see WORKER_CHUNKS)
                while self.tasks:
                    self._collect(block=True)
                self.pool.close()
                self.pool.join()
                self._start_pool()
            self.chunks += 1
            values = [value for _, _, value in self.batch]
            self.tasks.append((self.pool.apply_async(_resolve_many, (values,)), self.batch))
            self.batch = []

    def _collect(self, *, block: bool) -> None:
        """Take finished chunks (waiting for the oldest one if ``block``), then flush."""
        while self.tasks and (block or self.tasks[0][0].ready()):
            result, batch = self.tasks.popleft()
            for (column, raw, value), found in zip(batch, result.get(), strict=True):
                slot = column.waiting.pop(raw)
                slot.entry = column.add(raw, value, found)
                self.inflight -= 1
            block = False
        self._flush()

    def _flush(self) -> None:
        pending = self.pending
        while pending:
            fields, end, slots = pending[0]
            if fields is None:
                self.emit(end)
            elif all(slot.entry is not None for slot in slots):
                self.emit(self._render(fields, end, slots))
            else:
                break
            pending.popleft()
