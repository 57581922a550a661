"""Append accepted proposals to a registry file: validated by the registry's parser, atomically.

Reading the file and rendering the new rows is ``namenorm.enrich.write``'s,
shared with ``namenorm registry add`` and the enrichment commands.

Left out: the queue (``namenorm.proposals.queue``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..csvio import atomic_binary
from ..enrich.write import NewRow, read_rows, render_rows, spelling_key
from ..errors import RegistryError
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
    rows = read_rows(data, str(where))
    stored = set(rows.stored)
    added: list[Proposal] = []
    present: list[Proposal] = []
    for item in proposals:
        key = spelling_key(item.id, item.lang, item.name)
        if key in stored:
            present.append(item)
            continue
        stored.add(key)
        added.append(item)
    if not added:
        return added, present
    new_rows = [NewRow(p.id, p.kind, p.lang, p.name, preferred=p.preferred) for p in added]
    try:
        new = render_rows(data, new_rows, str(where))
    except RegistryError as exc:
        mine = [p for p in exc.problems if p.line >= rows.next_line]
        raise RegistryError(mine or exc.problems) from None
    with atomic_binary(where) as handle:
        handle.write(new)
    return added, present
