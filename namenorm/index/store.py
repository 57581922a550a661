"""The index file: named arrays behind a versioned, checksummed header.

Layout (all numbers little-endian)::

    magic      16 bytes  b"NAMENORM-INDEX\\n\\0"
    header     8 bytes   length of the JSON header
    checksums  8 bytes   CRC-32 of the JSON header, CRC-32 of the body
    JSON       the header: {"format", "code", "registry", "meta", "sections"}
    body       the arrays, each at an 8-byte boundary

``format`` is :data:`FORMAT_VERSION`, ``code`` :func:`code_fingerprint` (a
file made by other code is never used), ``sections`` each array's
``[offset, length in bytes, typecode]``. :func:`read` maps the file
read-only (processes share its pages), checks all of it, and raises
:class:`~namenorm.errors.IndexFileError` on any mismatch; :func:`write`
renames a finished temporary file over the target.

Left out: what the arrays hold (``namenorm.index.tables``) and when a file is
built or reused (``namenorm.index.cache``).
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import struct
import sys
import tempfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import IndexFileError

__all__ = ["FORMAT_VERSION", "Loaded", "code_fingerprint", "read", "write"]

MAGIC = b"NAMENORM-INDEX\n\0"
#: Changes whenever the layout of the file or of its arrays changes.
FORMAT_VERSION = 2
_PREFIX = struct.Struct("<16sQII")
_CHUNK = 1 << 24
#: Package folders whose code or data does not shape the index.
_NOT_INDEX = frozenset({"cli", "http", "static", "templates", "dask", "batch", "enrich"})


@cache
def code_fingerprint() -> str:
    """A hash of every source and data file of the package that shapes an index
    (the index, transliteration, keys, inflection, names, knowledge, ...)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{FORMAT_VERSION}".encode())
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if (
            path.is_file()
            and relative.parts[0] not in _NOT_INDEX
            and "__pycache__" not in relative.parts
            and path.suffix in (".py", ".tsv", ".csv", ".json", ".txt")
        ):
            digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class Loaded:
    """An index file read: its header fields and its arrays."""

    path: str
    registry: str
    meta: dict[str, Any]
    arrays: dict[str, memoryview]
    size: int


def write(
    path: str | os.PathLike[str],
    arrays: Mapping[str, memoryview],
    *,
    registry: str,
    meta: Mapping[str, Any],
    code: str | None = None,
) -> int:
    """Write ``arrays`` to ``path`` (atomically); return the number of bytes written.
    ``code`` is the fingerprint of the code that made them (``None``:
    :func:`code_fingerprint`)."""
    sections: dict[str, list[Any]] = {}
    offset = 0
    for name, values in arrays.items():
        length = values.nbytes
        sections[name] = [offset, length, values.format]
        offset += length + (-length % 8)
    header = json.dumps(
        {
            "format": FORMAT_VERSION,
            "code": code or code_fingerprint(),
            "registry": registry,
            "byteorder": sys.byteorder,
            "meta": dict(meta),
            "sections": sections,
        },
        sort_keys=True,
    ).encode()
    header += b" " * (-(len(header) + _PREFIX.size) % 8)
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_PREFIX.pack(MAGIC, len(header), zlib.crc32(header), 0))
            out.write(header)
            body_crc = 0
            for values in arrays.values():
                data = values.cast("B")
                padding = b"\0" * (-len(data) % 8)
                body_crc = zlib.crc32(padding, zlib.crc32(data, body_crc))
                out.write(data)
                out.write(padding)
            size = out.tell()
            out.seek(0)
            out.write(_PREFIX.pack(MAGIC, len(header), zlib.crc32(header), body_crc))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
    return size


def read(
    path: str | os.PathLike[str], *, registry: str | None = None, code: str | None = None
) -> Loaded:
    """Map the index file at ``path`` and check it; ``registry`` is the digest
    it must have been built from (``None``: any), ``code`` the fingerprint of
    the code that must have made it (``None``: :func:`code_fingerprint`)."""
    where = str(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < _PREFIX.size:
                raise IndexFileError(f"{where}: {size} bytes is too short for an index file")
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except OSError as exc:
        raise IndexFileError(f"{where}: cannot read the index file ({exc.strerror})") from exc
    view = memoryview(mapped)
    magic, header_size, header_crc, body_crc = _PREFIX.unpack_from(view)
    if magic != MAGIC:
        raise IndexFileError(f"{where}: not a namenorm index file (starts with {magic[:8]!r})")
    start = _PREFIX.size + header_size
    if start > size or zlib.crc32(view[_PREFIX.size : start]) != header_crc:
        raise IndexFileError(f"{where}: the header is damaged (checksum mismatch)")
    header = json.loads(bytes(view[_PREFIX.size : start]))
    if header.get("format") != FORMAT_VERSION:
        raise IndexFileError(
            f"{where}: index format {header.get('format')!r}; this namenorm reads format "
            f"{FORMAT_VERSION} (rebuild it with `namenorm index build`)"
        )
    if (
        header.get("code") != (code or code_fingerprint())
        or header.get("byteorder") != sys.byteorder
    ):
        raise IndexFileError(
            f"{where}: built by another version of namenorm (rebuild it with "
            "`namenorm index build`)"
        )
    if registry is not None and header.get("registry") != registry:
        raise IndexFileError(
            f"{where}: built from another registry (hash {str(header.get('registry'))[:12]}, "
            f"expected {registry[:12]}); rebuild it with `namenorm index build`"
        )
    crc = 0
    for at in range(start, size, _CHUNK):
        crc = zlib.crc32(view[at : min(at + _CHUNK, size)], crc)
    if crc != body_crc:
        raise IndexFileError(f"{where}: the index file is damaged (checksum mismatch)")
    arrays: dict[str, memoryview] = {}
    for name, (offset, length, typecode) in header["sections"].items():
        if start + offset + length > size:
            raise IndexFileError(f"{where}: section {name!r} runs past the end of the file")
        arrays[name] = view[start + offset : start + offset + length].cast(typecode)
    return Loaded(where, header["registry"], header["meta"], arrays, size)
