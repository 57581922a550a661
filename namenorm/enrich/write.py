"""Add rows to a registry file: validated first, written atomically, nothing lost.

The one place rows are appended to a registry file: the enrichment commands
plan new rows (:class:`NewRow`) and hand them to :func:`append_rows`;
``namenorm registry add`` and accepted proposals read the file's header and
stored spellings with :func:`read_rows` and render with :func:`render_rows`. It keeps every existing byte of the file (rows, order,
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

from ..csvio import Dialect, RawReader, atomic_binary, quote, unquote
from ..errors import Problem, RegistryError
from ..registry import COLUMNS, OPTIONAL_COLUMNS, parse_registry
from ..text import clean

__all__ = ["NewRow", "RegistryRows", "append_rows", "read_rows", "render_rows", "spelling_key"]


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


def spelling_key(entity_id: str, lang: str, name: str) -> tuple[str, str, str]:
    """What makes two rows the same spelling: ID, language and the cleaned, case-folded name."""
    return (entity_id, lang, clean(name).casefold())


@dataclass(frozen=True)
class RegistryRows:
    """What adding to a registry file needs to know of it."""

    #: The file's dialect (delimiter, line ending, quoting).
    dialect: Dialect
    #: The header's column names, in file order.
    header: list[str]
    #: :func:`spelling_key` of every stored row -> (its line, its name as written).
    stored: dict[tuple[str, str, str], tuple[int, str]]
    #: The line a first appended row will be on.
    next_line: int


def read_rows(data: bytes, path: str = "<registry>") -> RegistryRows:
    """The dialect, header and stored spellings of the registry ``data``.

    Raises :class:`RegistryError` when the header lacks a required column.
    """
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    text = data[len(bom) :].decode("utf-8", errors="replace")
    reader = RawReader(io.StringIO(text, newline=""))
    records = iter(reader)
    header_raw, _ = next(records, ([""], ""))
    header = [unquote(f, reader.dialect.delimiter).strip() for f in header_raw]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        expected = f"missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}"
        raise RegistryError([Problem(path, 1, "(header)", expected)])
    at = {c: header.index(c) for c in COLUMNS}
    stored: dict[tuple[str, str, str], tuple[int, str]] = {}
    for fields, _ in records:
        if len(fields) == len(header):
            cells = {c: unquote(fields[i], reader.dialect.delimiter).strip() for c, i in at.items()}
            key = spelling_key(cells["id"], cells["lang"], cells["name"])
            stored.setdefault(key, (reader.line, cells["name"]))
    next_line = len(io.StringIO(text, newline="").readlines()) + 1
    return RegistryRows(reader.dialect, header, stored, next_line)


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
