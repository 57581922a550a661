"""Tables read from other libraries' data, built once per machine and mapped by every process.

:func:`cached` returns a table's named arrays and meta data from the file
``$XDG_CACHE_HOME/namenorm/NAME-KEY.tables`` (``~/.cache`` when the variable
is unset) when that file is current and intact; otherwise it calls the
table's build function, writes the file (atomically) and maps what was
written. KEY hashes the table's ``sources`` (the versions of the libraries
it is read from, anything else its content depends on) and the code of the
modules that build it, so a file made by other code or library versions is
never read. The file is an index file (``namenorm.index.store``: versioned
header, CRC-32 checksums checked on every read, arrays mapped read-only and
shared between processes). A damaged file is rebuilt; a cache folder that cannot
be written leaves the table built in memory, each time. Of each table the
:data:`KEPT` newest files are kept (several checkouts of namenorm may share
one cache folder), older ones are removed.

Left out: what the tables hold (``namenorm.wordlists``,
``namenorm.knowledge.gazetteer``, ``namenorm.knowledge.countries``) and the
registry's own index (``namenorm.index.cache``).
"""

from __future__ import annotations

import hashlib
import os
from array import array
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import IndexFileError

__all__ = ["KEPT", "Built", "cache_dir", "cached"]

#: Files kept per table name (the newest).
KEPT = 8

#: What a build function returns: named arrays and JSON-able meta data.
Built = tuple[Mapping[str, "array[Any]"], dict[str, Any]]


def cache_dir() -> Path:
    """The folder of namenorm's cached tables."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "namenorm"


def _key(name: str, sources: Iterable[str], code: Iterable[str | os.PathLike[str]]) -> str:
    from .index import store

    digest = hashlib.sha256(f"{name}\0{store.FORMAT_VERSION}".encode())
    for source in sources:
        digest.update(b"\0" + source.encode())
    for path in (*code, __file__, store.__file__):
        digest.update(b"\0" + Path(path).read_bytes())
    return digest.hexdigest()[:16]


def cached(
    name: str,
    build: Callable[[], Built],
    *,
    sources: Iterable[str],
    code: Iterable[str | os.PathLike[str]],
) -> tuple[Mapping[str, memoryview], dict[str, Any]]:
    """The arrays and meta data of table ``name``: mapped from its cache file
    when current (see the module docstring), else ``build()`` and written.
    ``code`` names the source files of the modules that build it."""
    from .index import store  # here: the knowledge modules that call this load before it

    key = _key(name, sources, code)
    path = cache_dir() / f"{name}-{key}.tables"
    try:
        loaded = store.read(path, registry=key, code=key)
    except IndexFileError:
        pass
    else:
        return loaded.arrays, loaded.meta
    arrays, meta = build()
    views = {part: memoryview(values) for part, values in arrays.items()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        store.write(path, views, registry=key, meta=meta, code=key)
        loaded = store.read(path, registry=key, code=key)
    except (OSError, IndexFileError):
        return views, meta  # a read-only cache folder: built again next time
    _prune(path.parent, name)
    return loaded.arrays, loaded.meta


def _prune(folder: Path, name: str) -> None:
    """Remove all but the :data:`KEPT` newest files of table ``name``."""
    files = []
    for path in folder.glob(f"{name}-*.tables"):
        try:
            files.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for _, path in sorted(files, reverse=True)[KEPT:]:
        try:
            path.unlink()
        except OSError:
            continue
