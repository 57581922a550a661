"""Which index a registry gets: a prebuilt file, the cached one next to the registry, or memory.

:func:`open_index` is what ``Registry.index`` calls. With a named index file
(``NAMENORM_INDEX``, or ``Registry.from_csv(..., index=...)``) that file is
mapped when it was built from this registry by this namenorm; a stale,
damaged or missing one is rebuilt in place, and refused with
``IndexFileError`` when it cannot be written. Otherwise a registry file of at
least ``NAMENORM_INDEX_CACHE_FROM`` entities keeps its index in
``REGISTRY.idx`` beside it: mapped when fresh, rebuilt when the registry's
hash (or namenorm) changed, and built in memory when the folder is not
writable. Smaller registries, and registries made in memory, are indexed in
memory (building costs about as much as reading would). Builders take an
exclusive lock (``INDEX.lock``, ``fcntl.flock``) so that workers starting
together build the file once and then all map it.

Left out: the file format (``namenorm.index.store``) and the settings
themselves (``namenorm.settings``).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import IndexFileError
from .core import EntitySource, Index

__all__ = ["cached_path", "open_index"]


def cached_path(registry_path: str | os.PathLike[str]) -> Path:
    """Where the index of the registry file ``registry_path`` is cached."""
    path = Path(registry_path)
    return path.with_name(path.name + ".idx")


def open_index(
    registry: EntitySource,
    *,
    digest: str,
    source: str | None = None,
    size: int = 0,
    index_path: str | os.PathLike[str] | None = None,
    cache_from: int | None = None,
) -> Index:
    """The index of ``registry`` (whose digest is ``digest``, read from the file
    ``source`` and holding ``size`` entities): see the module docstring.
    ``cache_from`` ``None`` never caches."""
    if index_path is not None:
        return _load_or_build(registry, Path(index_path), digest, required=True)
    if source is not None and cache_from is not None and size >= cache_from:
        return _load_or_build(registry, cached_path(source), digest, required=False)
    return Index.build(registry)


def _load_or_build(registry: EntitySource, path: Path, digest: str, *, required: bool) -> Index:
    try:
        return Index.load(registry, path, digest=digest)
    except IndexFileError as problem:
        reason = str(problem)
    built: Index | None = None
    try:
        with _locked(path):
            try:  # another process may have built it while this one waited
                return Index.load(registry, path, digest=digest)
            except IndexFileError as problem:
                reason = str(problem)
            built = Index.build(registry)
            built.save(path, digest=digest)
    except OSError as exc:
        if required:
            raise IndexFileError(
                f"{reason}; no new one can be written there ({exc.strerror or exc}); "
                f"build one with `namenorm index build -o {path}`"
            ) from exc
        return built or Index.build(registry)
    # Map what was written, so this process shares its pages with the others.
    return Index.load(registry, path, digest=digest)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s lock file (raises ``OSError`` when
    the folder cannot be written)."""
    descriptor = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
