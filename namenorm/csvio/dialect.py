"""How a CSV file writes its records: delimiter, line ending, quoting; splitting and quoting fields.

:func:`sniff` reads the dialect from the first lines; :func:`split_record`
splits one record into raw fields (quotes kept), :func:`unquote` reads a raw
field's value as the stdlib :mod:`csv` reader would, and :func:`quote`
writes a new field the way the file does. Left out: reading whole files
(``records``); quote characters other than ``"`` and escape characters
(``\\"``), which spreadsheet exports do not use.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from ..errors import CsvOptionError

__all__ = [
    "DELIMITERS",
    "QUOTE",
    "Dialect",
    "Quoting",
    "normalize_header",
    "quote",
    "sniff",
    "split_record",
    "unquote",
]

#: Delimiters the sniffer tries, in order of preference on a tie.
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
QUOTE = '"'
Quoting = Literal["minimal", "all", "nonnumeric"]
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\Z")


@dataclass(frozen=True)
class Dialect:
    """How a file writes records: delimiter, line ending and quoting style.

    ``quoting`` is ``minimal`` (quote only when needed), ``all`` (every field
    quoted) or ``nonnumeric`` (every field but numbers quoted), as seen in the
    file; new fields are quoted the same way.
    """

    delimiter: str = ","
    lineterminator: str = "\n"
    quoting: Quoting = "minimal"


def _field_pattern(delimiter: str) -> str:
    d = re.escape(delimiter)
    # A quoted part ("" is an escaped quote; line breaks allowed), then anything
    # up to the next delimiter, as the csv module reads it; or a field that does
    # not start with a quote. Possessive quantifiers: a "" is always an escaped
    # quote, never a closing quote plus the start of a new quote (that reading
    # would be backtracking), and matching stays linear.
    return rf'"[^"]*+(?:""[^"]*+)*+"[^{d}\r\n]*+|(?!")[^{d}\r\n]*+'


@dataclass(frozen=True)
class _Splitter:
    delimiter: str
    complete: re.Pattern[str]
    field: re.Pattern[str]

    @classmethod
    def make(cls, delimiter: str) -> _Splitter:
        if len(delimiter) != 1 or delimiter in '"\r\n':
            raise CsvOptionError(
                f"bad delimiter {delimiter!r}; expected one character such as , ; or a tab"
            )
        pattern = _field_pattern(delimiter)
        d = re.escape(delimiter)
        return cls(delimiter, re.compile(rf"(?:(?:{pattern}){d})*"), re.compile(rf"({pattern}){d}"))

    def split(self, content: str) -> list[str] | None:
        """Raw fields of one record (terminator removed), or ``None`` if a quote is still open."""
        if QUOTE not in content:
            return content.split(self.delimiter)
        padded = content + self.delimiter
        if self.complete.fullmatch(padded) is None:
            return None
        return self.field.findall(padded)


def split_record(content: str, delimiter: str = ",") -> list[str] | None:
    """Split one record's text (without its line ending) into raw fields.

    Quotes stay in the raw fields; ``None`` means a quoted field is still open
    (the record goes on on the next line).

    >>> split_record('1,"Lukashenka, A.",x')
    ['1', '"Lukashenka, A."', 'x']
    """
    return _Splitter.make(delimiter).split(content)


def _terminator(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    if line.endswith(("\n", "\r")):
        return line[-1]
    return ""


def _quoting_of(fields: list[str]) -> Quoting:
    quoted = [f.startswith(QUOTE) for f in fields]
    if fields and all(quoted):
        return "all"
    if any(quoted) and all(q or _NUMBER.match(f) for q, f in zip(quoted, fields, strict=True)):
        return "nonnumeric"
    return "minimal"


def sniff(lines: list[str], *, delimiter: str | None = None) -> Dialect:
    """The dialect of a file from its first physical lines (each with its line ending).

    The delimiter is the candidate (``, ; tab |``) that splits the header into
    the most fields while giving the most following records the same count;
    quoted fields are respected. The line ending is the first line's; the
    quoting style is read from the first data record.
    """
    candidates = (delimiter,) if delimiter else DELIMITERS
    best: tuple[tuple[float, int, int], str, list[list[str]]] | None = None
    for rank, cand in enumerate(candidates):
        records = _records_of(lines, _Splitter.make(cand), limit=50)
        if not records:
            return Dialect(cand, _terminator(lines[0]) if lines else "\n")
        width = len(records[0])
        same = sum(1 for r in records[1:] if len(r) == width)
        consistency = same / (len(records) - 1) if len(records) > 1 else 1.0
        score = (consistency if width > 1 else 0.0, width, -rank)
        if best is None or score > best[0]:
            best = (score, cand, records)
    assert best is not None
    _, chosen, records = best
    terminator = _terminator(lines[0]) or "\n"
    sample = records[1] if len(records) > 1 and len(records[1]) == len(records[0]) else records[0]
    return Dialect(chosen, terminator, _quoting_of(sample))


def _records_of(lines: list[str], splitter: _Splitter, *, limit: int) -> list[list[str]]:
    records: list[list[str]] = []
    buffer = ""
    for line in lines:
        buffer += line
        fields = splitter.split(buffer.rstrip("\r\n"))
        if fields is None:
            continue
        records.append(fields)
        buffer = ""
        if len(records) >= limit:
            break
    return records


def unquote(raw: str, delimiter: str = ",") -> str:
    """The value of one raw field, as the stdlib :mod:`csv` reader reads it.

    >>> unquote('"Ales ""Viasna"" Bialiatski"')
    'Ales "Viasna" Bialiatski'
    """
    if not raw.startswith(QUOTE):
        return raw
    inner = raw[1:-1]
    if len(raw) >= 2 and raw.endswith(QUOTE) and QUOTE not in inner.replace('""', ""):
        return inner.replace('""', QUOTE)
    # Text after a closing quote, or a stray quote: let the csv module decide.
    for row in csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter):
        return "\n".join(row)
    return ""


def quote(value: str, dialect: Dialect) -> str:
    """``value`` as a raw field in ``dialect``: quoted when the file would quote it.

    >>> quote('Lukashenka, A.', Dialect(","))
    '"Lukashenka, A."'
    >>> quote("92.0", Dialect(";", quoting="nonnumeric"))
    '92.0'
    """
    if (
        dialect.quoting == "all"
        or (dialect.quoting == "nonnumeric" and not _NUMBER.match(value))
        or dialect.delimiter in value
        or QUOTE in value
        or "\n" in value
        or "\r" in value
    ):
        return QUOTE + value.replace(QUOTE, '""') + QUOTE
    return value


def normalize_header(name: str) -> str:
    """A column name compared loosely: NFC, trimmed, case-folded."""
    return unicodedata.normalize("NFC", name).strip().casefold()
