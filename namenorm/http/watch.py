"""Keeping one worker on the current registry: poll the file, swap after a full build.

A :class:`Watcher` thread (a daemon, one per app that serves a registry
*file*) checks the file's hash every ``NAMENORM_RELOAD_INTERVAL`` seconds and,
under gunicorn, the shared :class:`~namenorm.http.board.Board` every tenth of
a second for an admin reload. A new hash is read, validated and built into a
warmed :class:`~namenorm.http.state.Service` *before* it replaces the old one
(one reference assignment, so a request sees the old index or the new one,
never half of either). A broken file is logged once per version, reported in
``/health`` and never served.

Left out: where the bytes come from (``source``) and the HTTP routes.
"""

from __future__ import annotations

import gc
import threading
import time

from ..registry import Registry
from .board import Board
from .logs import stderr_logger
from .source import Broken, RegistryFile
from .state import Holder, Service

__all__ = ["Watcher", "log", "swap"]

log = stderr_logger("namenorm.http.registry")

#: Seconds between looks at the board for an admin reload (under gunicorn).
BOARD_POLL = 0.1


def swap(holder: Holder, registry: Registry) -> Service:
    """Build ``registry`` into a warmed service, then make it the one ``holder`` serves."""
    service = Service.build(registry)
    with holder.lock:
        previous = holder.service
        holder.service = service
        holder.broken = None
    if holder.frozen:
        gc.freeze()  # keep the new index out of the cyclic collector's walks, like the first
    if holder.board is not None:
        holder.board.report(holder.slot, registry.digest)
    if previous.registry.digest != registry.digest:
        log.info(
            "registry %s: now serving %s (%d entities), was %s",
            registry.source,
            registry.digest[:12],
            len(registry),
            previous.registry.digest[:12],
        )
    return service


def record(holder: Holder, broken: Broken) -> None:
    """Note that the file is broken (logged once per broken version); keep serving."""
    with holder.lock:
        known = holder.broken
        holder.broken = broken
    if known is None or known.digest != broken.digest or known.message != broken.message:
        log.warning(
            "registry %s is broken, still serving %s: %s",
            broken.path,
            holder.service.registry.digest[:12],
            broken.line(),
        )


def refresh(holder: Holder, file: RegistryFile, *, force: bool = False) -> None:
    """Serve the file's current version if it is new and valid (``force``: check even
    when the hash is the one served, and report it on the board)."""
    digest = file.digest_now()
    served = holder.service.registry.digest
    broken = holder.broken
    if digest == served and not force:
        return
    if digest and broken is not None and digest == broken.digest and not force:
        return  # this broken version was reported already
    if digest == served:
        with holder.lock:
            holder.broken = None
        if holder.board is not None:
            holder.board.report(holder.slot, served)
        return
    registry, problem = file.attempt()
    if registry is not None:
        swap(holder, registry)
    elif problem is not None:
        record(holder, problem)
        if holder.board is not None:
            holder.board.report(holder.slot, served)


class Watcher(threading.Thread):
    """Polls ``file`` every ``interval`` seconds (0: never) and ``holder.board`` for reloads."""

    def __init__(self, holder: Holder, file: RegistryFile, interval: float) -> None:
        super().__init__(name="namenorm-registry-watcher", daemon=True)
        self.holder = holder
        self.file = file
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        board: Board | None = self.holder.board
        generation = board.generation if board is not None else 0
        step = BOARD_POLL if board is not None else self.interval
        due = time.monotonic() + self.interval
        while not self.stopped.wait(step):
            try:
                if board is not None and board.generation != generation:
                    generation = board.generation
                    refresh(self.holder, self.file, force=True)
                elif self.interval and time.monotonic() >= due:
                    refresh(self.holder, self.file)
                    due = time.monotonic() + self.interval
            except Exception:  # the watcher must outlive any one bad reload
                log.exception("registry watcher: reload failed; still serving the old registry")

    def stop(self) -> None:
        """Stop polling (the thread ends within one step)."""
        self.stopped.set()
