"""What every worker of one server serves, in memory the workers share.

The gunicorn master creates one :class:`Board` before it forks its workers;
each worker takes a slot, writes the hash of the registry it serves there
after every swap, and watches the board's reload generation. An admin reload
raises the generation and waits until every live worker's slot shows the new
hash (:meth:`Board.lagging`), so it answers only once the whole server has
switched. Slots of workers that died are recognised by their process ID and
taken over by their replacements.

Left out: loading registries (``namenorm.http.watch``) and HTTP.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

__all__ = ["Board"]

_HASH = 64  # hex SHA-256


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie, already dead, is not)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc: trust kill()


class Board:
    """Slots of ``(worker pid, registry hash)`` and a reload generation, shared by fork."""

    def __init__(self, slots: int) -> None:
        context = multiprocessing.get_context("fork")
        self.slots = slots
        self._lock = context.Lock()
        self._generation: Any = context.RawValue("Q", 0)
        self._pids: Any = context.RawArray("q", slots)
        self._hashes: Any = context.RawArray("c", slots * _HASH)

    def join(self, pid: int) -> int:
        """Take a free slot (or one of a dead worker) for ``pid``; -1 when all are taken."""
        with self._lock:
            for slot in range(self.slots):
                holder = self._pids[slot]
                if holder == pid or not _alive(holder):
                    self._pids[slot] = pid
                    self._hashes[slot * _HASH : (slot + 1) * _HASH] = b"\0" * _HASH
                    return slot
        return -1

    def leave(self, slot: int) -> None:
        """Free ``slot`` (a worker that exits)."""
        if 0 <= slot < self.slots:
            with self._lock:
                self._pids[slot] = 0

    def leave_pid(self, pid: int) -> None:
        """Free the slot of the worker with process ID ``pid``."""
        with self._lock:
            for slot in range(self.slots):
                if self._pids[slot] == pid:
                    self._pids[slot] = 0

    def report(self, slot: int, digest: str) -> None:
        """Record that the worker in ``slot`` now serves ``digest``."""
        if 0 <= slot < self.slots:
            raw = digest.encode("ascii")[:_HASH].ljust(_HASH, b"\0")
            with self._lock:
                self._hashes[slot * _HASH : (slot + 1) * _HASH] = raw

    def served(self) -> dict[int, str]:
        """Hash served by each live worker, by process ID."""
        with self._lock:
            rows = [
                (self._pids[slot], bytes(self._hashes[slot * _HASH : (slot + 1) * _HASH]))
                for slot in range(self.slots)
            ]
        return {pid: raw.rstrip(b"\0").decode("ascii") for pid, raw in rows if _alive(pid)}

    def lagging(self, digest: str) -> list[int]:
        """Process IDs of live workers that do not serve ``digest`` yet."""
        return sorted(pid for pid, served in self.served().items() if served != digest)

    @property
    def generation(self) -> int:
        """How many reloads have been asked for."""
        return int(self._generation.value)

    def request_reload(self) -> int:
        """Ask every worker to re-read the registry file; the new generation."""
        with self._lock:
            self._generation.value += 1
            return int(self._generation.value)
