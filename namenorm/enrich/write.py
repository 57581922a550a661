"""Add rows to a registry file: validated first, written atomically, nothing lost.

The enrichment commands plan new rows (:class:`NewRow`) and hand them to
:func:`append_rows`. It keeps every existing byte of the file (rows, order,
quoting, line endings, BOM); when a new row needs an optional column the
header lacks (``source``, ``wikidata``, ``geonames``), that column is added at
the end of the header and every existing record gains one empty cell, and
nothing else changes. The new file is parsed by the library's own validator
before it replaces the old one, so an invalid result is never written. What
rows to add is decided elsewhere (``wikidata.py``, ``places.py``).
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from pathlib import Path

from ..csvio import RawReader, atomic_binary, quote, unquote
from ..errors import Problem, RegistryError
from ..registry import COLUMNS, OPTIONAL_COLUMNS, parse_registry

__all__ = ["NewRow", "append_rows", "render_rows"]


@dataclass(frozen=True)
class NewRow:
    """One row to add: a spelling of ``id`` with its language and source."""

    id: str
    kind: str
    lang: str
    name: str
    preferred: bool = False
    source: str = ""
    wikidata: str = ""
    geonames: str = ""

    def value(self, column: str) -> str:
        """The cell of ``column`` (empty for columns a row does not fill)."""
        if column == "preferred":
            return "1" if self.preferred else ""
        return str(getattr(self, column, ""))


def render_rows(data: bytes, rows: list[NewRow], path: str = "<registry>") -> bytes:
    """The bytes of the registry ``data`` with ``rows`` appended (columns added as needed).

    Raises :class:`RegistryError` if the result would not validate; the
    problems of the new rows are listed first.
    """
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    try:
        text = data[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        parse_registry(data, path)  # raises, naming every undecodable line
        raise
    reader = RawReader(io.StringIO(text, newline=""), delimiter=None)
    dialect = reader.dialect
    records = list(reader)
    if not records:
        raise RegistryError([Problem(path, 1, "(header)", "file is empty; expected a header row")])
    header = [unquote(f, dialect.delimiter).strip() for f in records[0][0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RegistryError(
            [
                Problem(
                    path,
                    1,
                    "(header)",
                    f"missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}",
                )
            ]
        )
    used = {c for c in OPTIONAL_COLUMNS for row in rows if row.value(c)}
    extra = [c for c in OPTIONAL_COLUMNS if c in used and c not in header]
    ending = next((end for _, end in records if end in ("\n", "\r\n", "\r")), "\n")
    out: list[str] = []
    for number, (fields, end) in enumerate(records):
        if number == 0:
            fields = fields + [quote(c, dialect) for c in extra]
        elif extra and fields:
            fields = fields + [""] * len(extra)
        out.append(dialect.delimiter.join(fields) + (end or (ending if rows else "")))
    columns = header + extra
    for row in rows:
        out.append(dialect.delimiter.join(quote(row.value(c), dialect) for c in columns) + ending)
    new = bom + "".join(out).encode("utf-8")
    try:
        parse_registry(new, path)
    except RegistryError as exc:
        first_new = text.count("\n") + (0 if text.endswith("\n") else 1) + 1
        mine = [p for p in exc.problems if p.line >= first_new]
        raise RegistryError(mine + [p for p in exc.problems if p not in mine]) from None
    return new


def append_rows(path: str | Path, rows: list[NewRow]) -> int:
    """Append ``rows`` to the registry at ``path`` atomically; return how many were added.

    Nothing is written when ``rows`` is empty or the result does not validate
    (:class:`RegistryError`).
    """
    if not rows:
        return 0
    data = Path(path).read_bytes()
    new = render_rows(data, rows, str(path))
    with atomic_binary(path) as out:
        out.write(new)
    return len(rows)
