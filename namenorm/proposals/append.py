"""Append accepted proposals to a registry file: validated by the registry's parser, atomically.

Left out: the queue (``namenorm.proposals.queue``).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path

from ..csvio import RawReader, atomic_binary, quote, unquote
from ..errors import Problem, RegistryError
from ..registry_csv import COLUMNS, parse_registry
from ..text import clean
from .proposal import Proposal

__all__ = ["append_to_registry"]


def append_to_registry(
    path: str | os.PathLike[str], proposals: Sequence[Proposal]
) -> tuple[list[Proposal], list[Proposal]]:
    """Append the proposals' rows to a registry file, validated, atomically.

    The file keeps its bytes (rows, order, quoting, line endings, BOM); new
    rows use its delimiter and line ending. Spellings the file already has
    for the same ID and language are skipped. Returns ``(added, present)``.
    """
    where = Path(path)
    data = where.read_bytes()
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data[len(bom) :].decode("utf-8", errors="replace")
    reader = RawReader(io.StringIO(text, newline=""))
    dialect = reader.dialect
    records = iter(reader)
    header_raw, _ = next(records, ([""], ""))
    header = [unquote(f, dialect.delimiter).strip() for f in header_raw]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RegistryError(
            [Problem(str(where), 1, "(header)", f"missing column(s) {', '.join(missing)}")]
        )
    at = {c: header.index(c) for c in COLUMNS}
    stored: set[tuple[str, str, str]] = set()
    for fields, _ in records:
        if len(fields) == len(header):
            cells = {c: unquote(fields[i], dialect.delimiter).strip() for c, i in at.items()}
            stored.add((cells["id"], cells["lang"], clean(cells["name"]).casefold()))
    added: list[Proposal] = []
    present: list[Proposal] = []
    rows: list[str] = []
    for item in proposals:
        key = (item.id, item.lang, clean(item.name).casefold())
        if key in stored:
            present.append(item)
            continue
        stored.add(key)
        values = {c: v for c, v in item.row().items() if c in COLUMNS}
        rows.append(dialect.delimiter.join(quote(values.get(c, ""), dialect) for c in header))
        added.append(item)
    if not rows:
        return added, present
    lead = dialect.lineterminator if text and not text.endswith(("\n", "\r")) else ""
    new = data + (lead + "".join(r + dialect.lineterminator for r in rows)).encode("utf-8")
    first = len(io.StringIO(text, newline="").readlines()) + 1
    try:
        parse_registry(new, str(where))
    except RegistryError as exc:
        mine = [p for p in exc.problems if p.line >= first]
        raise RegistryError(mine or exc.problems) from None
    with atomic_binary(where) as handle:
        handle.write(new)
    return added, present
