"""``clean_csv``: add house-style IDs and names after the name columns of a CSV file.

The one entry point of batch cleaning that the command line, the Dask
engine and the tests call. It opens the input (encoding detected or given),
reads the header, finds the columns, and streams every record through
:func:`namenorm.batch.loop.run` into an output that replaces its target only
when everything succeeded; it returns a :class:`CleanResult`.

Left out: the command line (``namenorm.cli.clean``), the review file and
the report (``namenorm.batch.result``), and matching itself
(``namenorm.index``).
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, BinaryIO

from ..csvio import (
    CsvError,
    Dialect,
    Encoding,
    RawReader,
    Source,
    atomic_output,
    locate_decode_error,
    normalize_header,
    open_source,
    unquote,
)
from ..csvio import output_encoding as _output_encoding
from ..errors import InvalidInputError
from ..registry import Registry, check_kind, default_registry
from .loop import Tally, added_names, entry_maker, header_out, run
from .pipeline import Column, Pipeline
from .result import CleanResult, ColumnResult, unmatched_of

__all__ = ["ColumnError", "Progress", "clean_csv", "find_columns"]

#: ``progress(bytes_read, total_bytes)``; the total is ``None`` for a pipe.
Progress = Callable[[int, int | None], None]

_clock: Callable[[], float] = time.perf_counter


class ColumnError(InvalidInputError):
    """A column asked for is not in the file, or the file already has a column clean adds."""

    code = "unknown_column"


def find_columns(
    wanted: Iterable[str], header: list[str], source: str, *, replace: bool = False
) -> list[tuple[str, int]]:
    """(name, index) of each wanted column, last column first.

    A name matches exactly, else loosely (NFC, trimmed, case-folded) when
    that finds one column. Raises :class:`ColumnError` naming the columns
    there are, or the column ``clean`` would add that the file already has.
    """
    exact = {name: i for i, name in reversed(list(enumerate(header)))}
    loose: dict[str, list[int]] = {}
    for i, name in enumerate(header):
        loose.setdefault(normalize_header(name), []).append(i)
    found: dict[int, str] = {}
    for name in wanted:
        index = exact.get(name)
        if index is None:
            near = loose.get(normalize_header(name), [])
            if len(near) != 1:
                columns = ", ".join(repr(h) for h in header)
                raise ColumnError(f"no column {name!r} in {source}; expected one of: {columns}")
            index = near[0]
        found[index] = header[index]
    taken = {normalize_header(h) for h in header}
    for name in found.values():
        clash = [n for n in added_names(name, replace=replace) if normalize_header(n) in taken]
        if clash:
            raise ColumnError(
                f"{source} already has column {clash[0]!r}; namenorm clean adds it "
                f"(was the file cleaned already? clean the original, or rename the column)"
            )
    return sorted(((name, index) for index, name in found.items()), key=lambda c: -c[1])


def read_header(reader: RawReader, name: str) -> tuple[list[str], str, int]:
    """The header's raw fields, its line ending and its physical lines."""
    line = next(reader.lines, None)
    if line is None:
        raise CsvError(f"{name} is empty; expected a header row")
    fields, end, used = reader.record(line, 1)
    if not fields:
        raise CsvError(f"{name}: the header row opens a quote that never closes")
    return fields, end, used


def decode_error(exc: UnicodeDecodeError, source: Source) -> CsvError:
    """A data error naming the line and the bytes that do not decode."""
    found = None
    if source.size is not None:
        with contextlib.suppress(OSError, ValueError):
            found = locate_decode_error(source.binary, source.encoding)
    if found is not None:
        where, bad = f" at line {found[0]}", found[1]
    else:
        where = ""  # a pipe: the bytes are gone
        bad = bytes(exc.object[exc.start : exc.start + 4])
    return CsvError(
        f"cannot read {source.name} as {source.encoding.codec}{where}: bytes {bad!r} "
        f"do not decode; pass --encoding (e.g. utf-8, utf-16, cp1251)"
    )


def encode_error(exc: UnicodeEncodeError, target: str, encoding: Encoding) -> CsvError:
    """A data error naming the value (and its line) that the output encoding cannot hold."""
    text = exc.object
    start = text.rfind("\n", 0, exc.start) + 1
    end = text.find("\n", exc.end)
    line = text[start : end if end >= 0 else len(text)].rstrip("\r")
    if len(line) > 60:
        line = line[:57] + "..."
    return CsvError(
        f"cannot write {text[exc.start : exc.end]!r} (in {line!r}) to {target} as "
        f"{encoding.codec}; pass --output-encoding utf-8 (or utf-8-sig, utf-16)"
    )


@dataclass
class _Progress:
    source: Source
    report: Progress | None
    done: int = 0

    def __call__(self) -> None:
        if self.report is not None:
            position = self.source.position()
            if position != self.done:
                self.done = position
                self.report(position, self.source.size)


@contextlib.contextmanager
def _opened(source: str | os.PathLike[str] | BinaryIO) -> Iterator[BinaryIO]:
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as binary:
            yield binary
    else:
        yield source


def clean_csv(
    source: str | os.PathLike[str] | BinaryIO,
    target: str | os.PathLike[str] | BinaryIO,
    *,
    columns: Sequence[str],
    registry: Registry | None = None,
    kind: str | None = None,
    replace: bool = False,
    unmatched: bool = False,
    encoding: str | None = None,
    output_encoding: str | None = None,
    delimiter: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    name: str | None = None,
    target_name: str | None = None,
) -> CleanResult:
    """Clean the name ``columns`` of the CSV ``source`` into ``target``.

    After each column NAME come NAME_id, NAME_name (house spelling),
    NAME_score and NAME_status (``replace``: the house spelling goes into
    the column and the value into NAME_original). Every other byte is
    written back as read, in the input's encoding (or ``output_encoding``),
    delimiter, quoting and line endings. A path ``target`` is replaced only
    when everything succeeded; a stream is written as it goes. ``unmatched``
    keeps every unmatched and ambiguous value for the review file;
    ``jobs`` > 1 resolves new values in that many worker processes.
    ``name`` and ``target_name`` are what messages call the input and output.

    Raises :class:`ColumnError` (a column that is not there),
    :class:`namenorm.errors.CsvError` (bytes that do not decode or cannot be
    encoded, an empty file) and :class:`OSError`.
    """
    started = _clock()
    kind = check_kind(kind)
    # Not warmed: a small file loads only what its names need (an exact hit, none
    # of the knowledge tables); the pipeline warms it before forking workers.
    registry = registry or default_registry()
    out_encoding = _output_encoding(output_encoding) if output_encoding else None
    if name is None:
        name = os.fspath(source) if isinstance(source, str | os.PathLike) else "standard input"
    if target_name is None:
        target_name = os.fspath(target) if isinstance(target, str | os.PathLike) else "-"
    with _opened(source) as binary, open_source(binary, name, encoding=encoding) as opened:
        try:
            reader = RawReader(opened.text, delimiter=delimiter)
            header_raw, header_end, header_lines = read_header(reader, name)
            dialect = reader.dialect
            header = [unquote(f, dialect.delimiter) for f in header_raw]
            found = find_columns(columns, header, name, replace=replace)
            encoding_out = out_encoding or opened.encoding
            make = entry_maker(dialect, replace=replace)
            cleaned = [Column(n, i, make, keep_unmatched=unmatched) for n, i in found]
            path, stream = (
                (target, None) if isinstance(target, str | os.PathLike) else (None, target)
            )
            with atomic_output(path, encoding_out, stdout=stream) as out:
                try:
                    tally = _clean_body(
                        reader,
                        out,
                        cleaned,
                        registry=registry,
                        kind=kind,
                        dialect=dialect,
                        head=dialect.delimiter.join(
                            header_out(header_raw, cleaned, dialect, replace=replace)
                        )
                        + header_end,
                        width=len(header),
                        number=1 + header_lines,
                        jobs=jobs,
                        progress=_Progress(opened, progress),
                    )
                except UnicodeEncodeError as exc:
                    where = target_name if path is not None else "standard output"
                    raise encode_error(exc, where, encoding_out) from exc
        except UnicodeDecodeError as exc:
            raise decode_error(exc, opened) from exc
    return CleanResult(
        input=name,
        output=target_name,
        encoding=opened.encoding,
        output_encoding=encoding_out,
        dialect=dialect,
        width=len(header),
        rows=tally.rows,
        blank_lines=tally.blank,
        ragged_rows=tally.ragged,
        ragged_lines=tuple(tally.ragged_lines),
        unclosed_quote_line=tally.unclosed_line,
        columns=tuple(ColumnResult.of(c) for c in reversed(cleaned)),
        seconds=_clock() - started,
        registry_source=registry.source,
        registry_sha256=registry.digest,
        unmatched=unmatched_of(cleaned) if unmatched else {},
    )


def _clean_body(
    reader: RawReader,
    out: IO[str],
    columns: list[Column],
    *,
    registry: Registry,
    kind: str | None,
    dialect: Dialect,
    head: str,
    width: int,
    number: int,
    jobs: int,
    progress: Callable[[], None],
) -> Tally:
    batch: list[str] = []
    with Pipeline(
        columns,
        registry=registry,
        kind=kind,
        unquote=functools.partial(unquote, delimiter=dialect.delimiter),
        join=dialect.delimiter.join,
        emit=batch.append,
        jobs=jobs,
    ) as pipeline:
        out.write(head)
        return run(reader, out, pipeline, width, progress, batch, number)
