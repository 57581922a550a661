"""Clean one CSV file in parts: record-aligned byte ranges, each cleaned on its own.

:func:`plan_file` reads a file's encoding, dialect and header once (as
:func:`namenorm.batch.clean_csv` does) and cuts its body into byte ranges
that start and end on record boundaries, quoted line breaks respected: the
cuts are found by the same :class:`namenorm.csvio.RawReader` that cleaning
uses, run over the bytes read as Latin-1 (one character per byte, so
offsets are byte offsets; in an ASCII-compatible encoding the quotes,
delimiters and line endings are the same bytes). :func:`clean_range`
cleans one range with the same loop as the local path and returns its
bytes and its :class:`CleanResult`; the header bytes plus every range's
bytes in order are the bytes ``clean_csv`` writes.

Left out: running the ranges somewhere (``namenorm.dask``) and files in
encodings that are not ASCII-compatible (UTF-16, UTF-32), which are one
range.
"""

from __future__ import annotations

import codecs
import functools
import io
import os
from dataclasses import dataclass

from ..csvio import QUOTE, CsvError, Dialect, Encoding, RawReader, open_source, unquote
from ..csvio import output_encoding as _output_encoding
from ..registry import Registry
from .clean import decode_error, encode_error, find_columns, read_header
from .loop import entry_maker, header_out, run
from .pipeline import STATUSES, Column, Outcome, Pipeline
from .result import CleanResult, ColumnResult, unmatched_of

__all__ = ["ByteRange", "FilePlan", "clean_range", "empty_result", "plan_file"]

#: Codecs in which every byte below 0x80 is that ASCII character, wherever it is.
_ASCII_COMPATIBLE = {"utf-8", "ascii", "latin-1", "koi8-r", "koi8-u", "cp866", "mac-cyrillic"}


def _ascii_compatible(codec: str) -> bool:
    name = codecs.lookup(codec).name
    return name in _ASCII_COMPATIBLE or name.startswith(("cp125", "iso8859-"))


@dataclass(frozen=True)
class ByteRange:
    """Bytes ``start`` to ``end`` of a file: whole records, the first on physical line ``line``."""

    start: int
    end: int
    line: int


@dataclass(frozen=True)
class FilePlan:
    """What every range of one file needs to be cleaned as the whole file would be.

    Small and picklable: it travels with each task (the registry travels as
    its path and hash, never as an index).
    """

    path: str
    name: str
    encoding: Encoding
    output_encoding: Encoding
    dialect: Dialect
    width: int
    columns: tuple[tuple[str, int], ...]  # (name, index), last column first
    replace: bool
    kind: str | None
    unmatched: bool
    target_name: str
    head: bytes  # the output's BOM and header record, encoded
    ranges: tuple[ByteRange, ...]


def plan_file(
    path: str | os.PathLike[str],
    *,
    columns: list[str] | tuple[str, ...],
    range_bytes: int,
    kind: str | None = None,
    replace: bool = False,
    unmatched: bool = False,
    encoding: str | None = None,
    output_encoding: str | None = None,
    delimiter: str | None = None,
    target_name: str = "-",
) -> FilePlan:
    """Read the header and cut the body of ``path`` into ranges of about ``range_bytes``.

    Raises what :func:`namenorm.batch.clean_csv` raises for a bad header or
    column, before any range is cleaned.
    """
    name = os.fspath(path)
    out_encoding = _output_encoding(output_encoding) if output_encoding else None
    with open(path, "rb") as binary, open_source(binary, name, encoding=encoding) as source:
        reader = RawReader(source.text, delimiter=delimiter)
        try:
            header_raw, header_end, header_lines = read_header(reader, name)
        except UnicodeDecodeError as exc:
            raise decode_error(exc, source) from exc
        dialect = reader.dialect
        header = [unquote(f, dialect.delimiter) for f in header_raw]
        found = find_columns(columns, header, name, replace=replace)
        size = source.size or 0
        found_encoding = source.encoding
    encoding_out = out_encoding or found_encoding
    header_text = dialect.delimiter.join(header_raw) + header_end
    start = len(found_encoding.bom) + len(header_text.encode(found_encoding.codec))
    columns_ = [Column(n, i, entry_maker(dialect, replace=replace)) for n, i in found]
    head_text = dialect.delimiter.join(header_out(header_raw, columns_, dialect, replace=replace))
    try:
        head = encoding_out.bom + (head_text + header_end).encode(encoding_out.codec)
    except UnicodeEncodeError as exc:
        raise encode_error(exc, target_name, encoding_out) from exc
    if _ascii_compatible(found_encoding.codec):
        ranges = _cut(name, start, size, 1 + header_lines, dialect, max(range_bytes, 1))
    else:
        ranges = (ByteRange(start, size, 1 + header_lines),) if size > start else ()
    return FilePlan(
        name,
        name,
        found_encoding,
        encoding_out,
        dialect,
        len(header),
        tuple(found),
        replace,
        kind,
        unmatched,
        target_name,
        head,
        ranges,
    )


def _cut(
    path: str, start: int, size: int, line: int, dialect: Dialect, every: int
) -> tuple[ByteRange, ...]:
    """Record-aligned ranges of bytes ``start`` to ``size``, found by the cleaning reader."""
    ranges: list[ByteRange] = []
    with open(path, "rb") as binary:
        binary.seek(start)
        text = io.TextIOWrapper(binary, encoding="latin-1", newline="")
        reader = RawReader(text, dialect=dialect)
        record = reader.record
        first, first_line = start, line
        position = start
        cut = start + every
        for physical in reader.lines:
            if QUOTE in physical:
                fields, end, used = record(physical, line)
                if not fields:  # a quote that never closes: the rest is one range
                    break
                position += len(dialect.delimiter.join(fields)) + len(end)
                line += used
            else:
                position += len(physical)
                line += 1
            if position >= cut and position < size:
                ranges.append(ByteRange(first, position, first_line))
                first, first_line = position, line
                cut = position + every
    if size > first:
        ranges.append(ByteRange(first, size, first_line))
    return tuple(ranges)


def clean_range(
    plan: FilePlan,
    part: ByteRange,
    registry: Registry,
    *,
    memo: dict[str, Outcome] | None = None,
) -> tuple[bytes, CleanResult]:
    """The cleaned bytes of one range of ``plan``'s file, and its counts.

    The same loop and the same resolver as :func:`namenorm.batch.clean_csv`,
    one process, so the bytes are the ones the whole file would get there.
    ``memo`` keeps outcomes across ranges cleaned by one process (see
    :class:`namenorm.batch.pipeline.Pipeline`).
    """
    with open(plan.path, "rb") as binary:
        binary.seek(part.start)
        data = binary.read(part.end - part.start)
    try:
        text = data.decode(plan.encoding.codec)
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode(plan.encoding.codec, errors="replace")
        line = part.line + before.count("\n") + before.count("\r") - before.count("\r\n")
        bad = data[exc.start : exc.start + 4]
        raise CsvError(
            f"cannot read {plan.name} as {plan.encoding.codec} at line {line}: bytes {bad!r} "
            f"do not decode; pass --encoding (e.g. utf-8, utf-16, cp1251)"
        ) from exc
    dialect = plan.dialect
    reader = RawReader(io.StringIO(text, newline=""), dialect=dialect)
    make = entry_maker(dialect, replace=plan.replace)
    columns = [Column(n, i, make, keep_unmatched=plan.unmatched) for n, i in plan.columns]
    out = io.StringIO(newline="")
    batch: list[str] = []
    with Pipeline(
        columns,
        registry=registry,
        kind=plan.kind,
        unquote=functools.partial(unquote, delimiter=dialect.delimiter),
        join=dialect.delimiter.join,
        emit=batch.append,
        memo=memo,
    ) as pipeline:
        tally = run(reader, out, pipeline, plan.width, lambda: None, batch, part.line)
    try:
        cleaned = out.getvalue().encode(plan.output_encoding.codec)
    except UnicodeEncodeError as exc:
        raise encode_error(exc, plan.target_name, plan.output_encoding) from exc
    result = CleanResult(
        input=plan.name,
        output=plan.target_name,
        encoding=plan.encoding,
        output_encoding=plan.output_encoding,
        dialect=dialect,
        width=plan.width,
        rows=tally.rows,
        blank_lines=tally.blank,
        ragged_rows=tally.ragged,
        ragged_lines=tuple(tally.ragged_lines),
        unclosed_quote_line=tally.unclosed_line,
        columns=tuple(ColumnResult.of(c) for c in reversed(columns)),
        seconds=0.0,
        registry_source=registry.source,
        registry_sha256=registry.digest,
        unmatched=unmatched_of(columns) if plan.unmatched else {},
    )
    return cleaned, result


def empty_result(plan: FilePlan, registry: Registry) -> CleanResult:
    """The counts of a file with a header and no records."""
    return CleanResult(
        input=plan.name,
        output=plan.target_name,
        encoding=plan.encoding,
        output_encoding=plan.output_encoding,
        dialect=plan.dialect,
        width=plan.width,
        rows=0,
        blank_lines=0,
        ragged_rows=0,
        ragged_lines=(),
        unclosed_quote_line=None,
        columns=tuple(
            ColumnResult(n, dict.fromkeys(STATUSES, 0), 0, 0, frozenset())
            for n, _ in reversed(plan.columns)
        ),
        seconds=0.0,
        registry_source=registry.source,
        registry_sha256=registry.digest,
    )
