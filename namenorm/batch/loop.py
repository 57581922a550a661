"""The hot loop of ``clean``: splice new fields into every full-width record, pass the rest through.

Every record is split into raw fields by :class:`namenorm.csvio.RawReader`;
the new fields of each cleaned column go in right after it and every other
byte is written back as read. A record whose values are cached is written
here; the others go through :class:`namenorm.batch.pipeline.Pipeline`, which
resolves new values and keeps the order. Ragged rows, blank lines and the
rest of a file after a quote that never closes are passed through untouched
and counted in a :class:`Tally`.

Left out: opening files and finding the columns (``namenorm.batch.clean``)
and matching itself (``namenorm.index``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from ..csvio import QUOTE, Dialect, RawReader, quote
from .pipeline import Column, Entry, Outcome, Pipeline

__all__ = [
    "BATCH",
    "FAST_PATH",
    "SHOWN_LINES",
    "Tally",
    "added_names",
    "entry_maker",
    "header_out",
    "run",
]

#: Splice cached values into plain lines of one-column runs (tests turn it off to
#: compare with the general loop, its reference).
FAST_PATH = True
#: Output records gathered before one write.
BATCH = 4096
#: Ragged lines listed in the warning and the report.
SHOWN_LINES = 20


def entry_maker(dialect: Dialect, *, replace: bool) -> Callable[[str, str, Outcome], Entry]:
    """How a resolved value is written: the new fields, and the column itself with ``replace``."""
    delimiter = dialect.delimiter

    def q(value: str) -> str:
        return quote(value, dialect)

    def make(raw: str, value: str, found: Outcome) -> Entry:
        status, ident, name, best, candidates = found
        score = f"{best:.1f}" if best is not None else ""
        if replace:
            new = q(name) if name and name != value else None
            insert = delimiter.join((raw, q(ident), q(score), q(status)))
        else:
            new = None
            insert = delimiter.join((q(ident), q(name), q(score), q(status)))
        splice = (raw if new is None else new) + delimiter + insert
        return Entry(status, insert, new, value, candidates, splice)

    return make


def added_names(name: str, *, replace: bool) -> tuple[str, ...]:
    """The columns ``clean`` adds after column ``name``."""
    if replace:
        return (f"{name}_original", f"{name}_id", f"{name}_score", f"{name}_status")
    return (f"{name}_id", f"{name}_name", f"{name}_score", f"{name}_status")


def header_out(
    header_raw: list[str], columns: list[Column], dialect: Dialect, *, replace: bool
) -> list[str]:
    """The header's raw fields with the added column names spliced in."""
    fields = list(header_raw)
    for column in columns:
        added = [quote(n, dialect) for n in added_names(column.name, replace=replace)]
        fields.insert(column.index + 1, dialect.delimiter.join(added))
    return fields


@dataclass
class Tally:
    """Records of the body: cleaned rows, and what was passed through untouched."""

    rows: int = 0
    blank: int = 0
    ragged: int = 0
    ragged_lines: list[int] = field(default_factory=list)
    unclosed_line: int | None = None


def run(
    reader: RawReader,
    out: IO[str],
    pipeline: Pipeline,
    width: int,
    progress: Callable[[], None],
    batch: list[str],
    number: int,
) -> Tally:
    """Clean every record left in ``reader`` into ``out``; ``number`` is the first one's line.

    With one column, a plain line (no quote, the file's line ending, the
    header's number of fields) whose value is cached is spliced right here:
    the new fields go in after the column's text, nothing else is split or
    joined. Every other line is read by :meth:`RawReader.record`; a row whose
    values are all cached (and that no earlier row is waiting for) is written
    directly, any other row goes through the pipeline, which resolves new
    values and keeps the order. ``batch`` is the pipeline's output list;
    ``progress`` is called after each write.
    """
    result = Tally()
    dialect = reader.dialect
    delimiter = dialect.delimiter
    join = delimiter.join
    append = batch.append
    pending = pipeline.pending
    push = pipeline.push
    push_line = pipeline.push_line
    record = reader.record
    columns = pipeline.columns
    rows = 0
    single = columns[0] if len(columns) == 1 and FAST_PATH else None
    if single is not None:  # one column: the common case, kept tight
        index, after, last = single.index, single.index + 1, width - 1
        get = single.cache.get
        term = dialect.lineterminator
        cut = len(term)
        for line in reader.lines:
            if QUOTE not in line and line.endswith(term) and line.count(delimiter) == last:
                if index < last:
                    parts = line.split(delimiter, after)
                    raw, rest = parts[index], parts[after]
                    entry = get(raw)
                    if entry is not None:
                        entry.count += 1
                        start = len(line) - len(rest) - len(raw) - 1
                        done = line[:start] + entry.splice + delimiter + rest
                else:
                    start = line.rfind(delimiter) + 1
                    entry = get(line[start:-cut])
                    if entry is not None:
                        entry.count += 1
                        done = line[:start] + entry.splice + term
                if entry is not None:
                    if pending:
                        push_line(done)
                    else:
                        append(done)
                    rows += 1
                    number += 1
                    if len(batch) >= BATCH:
                        out.write("".join(batch))
                        batch.clear()
                        progress()
                    continue
            fields, end, used = record(line, number)
            if len(fields) == width:
                rows += 1
                entry = get(fields[index])
                if entry is None:
                    push(fields, end)
                else:
                    entry.count += 1
                    if entry.replace is not None:
                        fields[index] = entry.replace
                    fields.insert(after, entry.insert)
                    if pending:
                        push_line(join(fields) + end)
                    else:
                        append(join(fields) + end)
            else:
                _odd(fields, number, result)
                push_line(join(fields) + end)
                if not fields:  # a quote that never closes: the rest goes through as it is
                    _drain(reader, out, push_line, batch, progress)
                    break
            number += used
            if len(batch) >= BATCH:
                out.write("".join(batch))
                batch.clear()
                progress()
    else:
        for line in reader.lines:
            fields, end, used = record(line, number)
            if len(fields) == width:
                rows += 1
                push(fields, end)
            else:
                _odd(fields, number, result)
                push_line(join(fields) + end)
                if not fields:  # a quote that never closes: the rest goes through as it is
                    _drain(reader, out, push_line, batch, progress)
                    break
            number += used
            if len(batch) >= BATCH:
                out.write("".join(batch))
                batch.clear()
                progress()
    pipeline.finish()
    out.write("".join(batch))
    batch.clear()
    progress()
    result.rows = rows
    return result


def _drain(
    reader: RawReader,
    out: IO[str],
    push_line: Callable[[str], None],
    batch: list[str],
    progress: Callable[[], None],
) -> None:
    """Pass every line left in ``reader`` through untouched."""
    for line in reader.lines:
        push_line(line)
        if len(batch) >= BATCH:
            out.write("".join(batch))
            batch.clear()
            progress()


def _odd(fields: list[str], number: int, result: Tally) -> None:
    """Count a record that is passed through untouched: a blank line or a ragged row."""
    if fields == [""]:
        result.blank += 1
    elif not fields:
        result.unclosed_line = number
    else:
        result.ragged += 1
        if len(result.ragged_lines) < SHOWN_LINES:
            result.ragged_lines.append(number)
