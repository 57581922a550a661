"""The registry on a Dask worker: loaded once per process, keyed by the registry's hash.

Tasks carry the registry's path and SHA-256 (two short strings), never the
registry or its index: :func:`registry_for` loads the file the first time a
process asks for that hash and hands the same object to every later task.
:class:`RegistryPlugin` does the first load when a worker starts, so no task
pays for it. A file whose hash is not the one the client planned with (it
changed, or another host has another copy) is an error, never a silent mix
of two registry versions in one output.

Outcomes are kept per process too (:func:`outcomes_for`, keyed by the
hash and the kind), so the ranges of one file that land on one worker
resolve each value once.

Left out: building the index (``namenorm.index``); a prebuilt index file,
when the registry ships one, is what ``Registry.from_csv`` loads.
"""

from __future__ import annotations

import threading
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..batch import Outcome
from ..caches import clears
from ..errors import NamenormError
from ..registry import Registry

__all__ = [
    "RegistryMismatchError",
    "RegistryPlugin",
    "loads",
    "outcomes_for",
    "registry_for",
    "reset",
]

_LOADED: dict[str, Registry] = {}
_LOCK = threading.Lock()
_LOADS: list[str] = []
_OUTCOMES: dict[
    tuple[str, str | None], dict[str, Outcome]
] = {}  # the hash of every load in this process, for tests and reports


class RegistryMismatchError(NamenormError):
    """A worker's registry file is not the version the client planned with."""

    status = 409
    code = "registry_mismatch"


def registry_for(path: str, sha256: str) -> Registry:
    """The registry at ``path`` whose file hashes to ``sha256``, loaded once in this process."""
    found = _LOADED.get(sha256)
    if found is not None:
        return found
    with _LOCK:  # threads of one worker wait for the one load
        found = _LOADED.get(sha256)
        if found is None:
            found = Registry.from_csv(path).warm()
            _LOADS.append(found.digest)
            if found.digest != sha256:
                raise RegistryMismatchError(
                    f"registry {path} on this worker has hash {found.digest[:12]}…, "
                    f"expected {sha256[:12]}… (the file changed, or hosts have different "
                    "copies); every worker must see the same file"
                )
            _LOADED[sha256] = found
    return found


def outcomes_for(sha256: str, kind: str | None) -> dict[str, Outcome]:
    """This process's memo of outcomes for one registry version and kind (shared by its tasks)."""
    return _OUTCOMES.setdefault((sha256, kind), {})


def loads() -> list[str]:
    """The hash of each registry this process loaded, in order."""
    return list(_LOADS)


@clears
def reset() -> None:
    """Forget loaded registries and outcomes (a long-lived worker after a registry change;
    ``namenorm.reset_caches()`` calls this too)."""
    with _LOCK:
        _LOADED.clear()
        _OUTCOMES.clear()


class RegistryPlugin(WorkerPlugin):
    """A Dask worker plugin that loads the registry when a worker starts (and on every new one).

    Register it with ``client.register_plugin(RegistryPlugin(path, sha256))``;
    its ``name`` makes registering it twice a no-op.
    """

    idempotent = True

    def __init__(self, path: str, sha256: str) -> None:
        self.path = path
        self.sha256 = sha256
        self.name = f"namenorm-registry-{sha256[:16]}"

    def setup(self, worker: Any) -> None:
        registry_for(self.path, self.sha256)
