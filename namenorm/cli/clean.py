"""``namenorm clean``: add house-style IDs and names to the name columns of a CSV file.

The file streams through :mod:`namenorm.csvio`: every record is split into
raw fields, the chosen columns are resolved and new fields are spliced in
after them; every other field and every record that cannot be cleaned
(ragged rows, blank lines) is written back exactly as read. A row whose
values are cached is written by the loop here; the others go through
:mod:`namenorm.cli.pipeline`, which resolves each distinct value once (in
worker processes for big files) by the library's one path and keeps the
row order.

Left out: matching itself (``namenorm.index``) and CSV details
(``namenorm.csvio``).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import click

from ..csvio import (
    QUOTE,
    CsvError,
    Dialect,
    Encoding,
    RawReader,
    Source,
    atomic_output,
    locate_decode_error,
    normalize_header,
    open_source,
    output_encoding,
    quote,
    unquote,
)
from ..registry import Registry
from . import pipeline as pipelines
from .options import (
    csv_options,
    kind_option,
    library_errors,
    load_registry,
    registry_option,
    stdin_bytes,
    stdout_bytes,
)
from .pipeline import STATUSES, Column, Entry, Outcome, Pipeline

__all__ = ["STATUSES", "clean"]

#: Splice cached values into plain lines of one-column runs (tests turn it off to
#: compare with the general loop, its reference).
FAST_PATH = True
#: Output records gathered before one write.
BATCH = 4096
#: Ragged lines listed in the warning and the report.
SHOWN_LINES = 20

_clock: Callable[[], float] = time.perf_counter


def _stderr_is_tty() -> bool:
    return sys.stderr.isatty()


def _entry_maker(dialect: Dialect, *, replace: bool) -> Callable[[str, str, Outcome], Entry]:
    """How a resolved value is written: the new fields, and the column itself with --replace."""
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


def _added_names(name: str, *, replace: bool) -> tuple[str, ...]:
    if replace:
        return (f"{name}_original", f"{name}_id", f"{name}_score", f"{name}_status")
    return (f"{name}_id", f"{name}_name", f"{name}_score", f"{name}_status")


def _find_columns(
    wanted: Iterable[str], header: list[str], source: str, *, replace: bool
) -> list[tuple[str, int]]:
    """(name, index) of each wanted column; a usage error names the columns there are."""
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
                raise click.UsageError(
                    f"no column {name!r} in {source}; expected one of: {columns}"
                )
            index = near[0]
        found[index] = header[index]
    taken = {normalize_header(h) for h in header}
    for name in found.values():
        clash = [n for n in _added_names(name, replace=replace) if normalize_header(n) in taken]
        if clash:
            raise click.UsageError(
                f"{source} already has column {clash[0]!r}; namenorm clean adds it "
                f"(was the file cleaned already? clean the original, or rename the column)"
            )
    return sorted(((name, index) for index, name in found.items()), key=lambda c: -c[1])


@dataclass
class _Progress:
    """A progress bar on stderr (when it is a terminal), advanced by bytes read."""

    source: Source
    bar: Any = None
    done: int = 0

    def __enter__(self) -> _Progress:
        return self

    def start(self, enabled: bool) -> None:
        if enabled and self.source.size:
            self.bar = click.progressbar(
                length=self.source.size, label="Cleaning", file=sys.stderr, show_eta=True
            )
            self.bar.__enter__()

    def update(self) -> None:
        if self.bar is not None:
            position = self.source.position()
            self.bar.update(position - self.done)
            self.done = position

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@dataclass
class _Result:
    rows: int = 0
    blank: int = 0
    ragged: int = 0
    ragged_lines: list[int] = field(default_factory=list)
    unclosed_line: int | None = None


def _run(
    reader: RawReader,
    out: IO[str],
    pipeline: Pipeline,
    width: int,
    progress: _Progress,
    batch: list[str],
    number: int,
) -> _Result:
    """The hot loop: splice new fields into every full-width record; pass the rest through.

    With one column, a plain line (no quote, the file's line ending, the
    header's number of fields) whose value is cached is spliced right here:
    the new fields go in after the column's text, nothing else is split or
    joined. Every other line is read by :meth:`RawReader.record`; a row whose
    values are all cached (and that no earlier row is waiting for) is written
    directly, any other row goes through the pipeline, which resolves new
    values and keeps the order.
    """
    result = _Result()
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
                        progress.update()
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
            number += used
            if len(batch) >= BATCH:
                out.write("".join(batch))
                batch.clear()
                progress.update()
    else:
        for line in reader.lines:
            fields, end, used = record(line, number)
            if len(fields) == width:
                rows += 1
                push(fields, end)
            else:
                _odd(fields, number, result)
                push_line(join(fields) + end)
            number += used
            if len(batch) >= BATCH:
                out.write("".join(batch))
                batch.clear()
                progress.update()
    pipeline.finish()
    out.write("".join(batch))
    progress.update()
    result.rows = rows
    return result


def _odd(fields: list[str], number: int, result: _Result) -> None:
    """Count a record that is passed through untouched: a blank line or a ragged row."""
    if fields == [""]:
        result.blank += 1
    elif not fields:
        result.unclosed_line = number
    else:
        result.ragged += 1
        if len(result.ragged_lines) < SHOWN_LINES:
            result.ragged_lines.append(number)


def _header_out(
    header_raw: list[str], columns: list[Column], dialect: Dialect, *, replace: bool
) -> list[str]:
    fields = list(header_raw)
    for column in columns:
        added = [quote(n, dialect) for n in _added_names(column.name, replace=replace)]
        fields.insert(column.index + 1, dialect.delimiter.join(added))
    return fields


def _decode_error(exc: UnicodeDecodeError, source: Source) -> CsvError:
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


def _encode_error(exc: UnicodeEncodeError, target: str, encoding: Encoding) -> CsvError:
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


def _write_unmatched(path: str, columns: list[Column]) -> int:
    merged: dict[str, list[Any]] = {}
    for column in columns:
        for entry in column.cache.values():
            if entry.status in ("unmatched", "ambiguous") and entry.count:
                row = merged.setdefault(entry.value, [0, entry.status, entry.candidates])
                row[0] += entry.count
    rows = sorted(merged.items(), key=lambda item: (-item[1][0], item[0]))
    target = None if path == "-" else path
    with atomic_output(target, Encoding("utf-8"), stdout=stdout_bytes()) as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("value", "count", "status", "candidates"))
        writer.writerows((value, *row) for value, row in rows)
    return len(rows)


def _summary(result: _Result, columns: list[Column], seconds: float) -> list[str]:
    rate = result.rows / seconds if seconds > 0 else 0.0
    noun = "row" if result.rows == 1 else "rows"
    lines = [f"{result.rows:,} {noun} in {seconds:.1f} s ({rate:,.0f} rows/s)"]
    for column in reversed(columns):
        counts = column.counts()
        parts = ", ".join(f"{counts[s]:,} {s}" for s in STATUSES)
        distinct = column.distinct()
        note = (
            f"{distinct:,} distinct values"
            if distinct is not None
            else f"{column.resolved:,} lookups (more than {pipelines.CACHE_SIZE:,} distinct values)"
        )
        lines.append(f"{column.name}: {parts}; {note}")
    return lines


def _report(
    path: str,
    *,
    source: Source,
    output: str,
    out_encoding: Encoding,
    dialect: Dialect,
    registry: Registry,
    result: _Result,
    columns: list[Column],
    seconds: float,
) -> None:
    body = {
        "input": source.name,
        "output": output,
        "encoding": source.encoding.codec,
        "bom": bool(source.encoding.bom),
        "output_encoding": out_encoding.codec,
        "output_bom": bool(out_encoding.bom),
        "delimiter": dialect.delimiter,
        "line_ending": dialect.lineterminator,
        "quoting": dialect.quoting,
        "rows": result.rows,
        "blank_lines": result.blank,
        "ragged_rows": result.ragged,
        "ragged_lines": result.ragged_lines,
        "unclosed_quote_line": result.unclosed_line,
        "columns": {
            c.name: {
                **c.counts(),
                "distinct": c.distinct(),
                "lookups": c.resolved,
            }
            for c in reversed(columns)
        },
        "seconds": round(seconds, 3),
        "rows_per_second": round(result.rows / seconds, 1) if seconds > 0 else None,
        "registry": {"source": registry.source, "sha256": registry.digest},
    }
    target = None if path == "-" else path
    with atomic_output(target, Encoding("utf-8"), stdout=stdout_bytes()) as out:
        json.dump(body, out, ensure_ascii=False, indent=2)
        out.write("\n")


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--column",
    "-c",
    "wanted",
    multiple=True,
    required=True,
    metavar="NAME",
    help="Column of names to clean (repeat for several).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write here (default: standard output; - is standard output).",
)
@click.option("--in-place", is_flag=True, help="Replace INPUT with the cleaned file.")
@registry_option
@kind_option
@click.option(
    "--replace",
    is_flag=True,
    help="Write the house spelling into the column itself; keep the value in NAME_original.",
)
@click.option(
    "--unmatched",
    "unmatched_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write each unmatched or ambiguous value once, with its count and best "
    "candidates (value,count,status,candidates), most frequent first.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write counts, dialect and timing as JSON.",
)
@csv_options
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes resolving new values; more than 1 pays off on files with many "
    "distinct values when cores are free.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def clean(
    input_path: str,
    wanted: tuple[str, ...],
    output: str | None,
    in_place: bool,
    registry_path: Path | None,
    kind: str | None,
    replace: bool,
    unmatched_path: str | None,
    report_path: str | None,
    encoding: str | None,
    output_encoding: str | None,
    delimiter: str | None,
    jobs: int,
    quiet: bool,
) -> None:
    """Add house-style IDs and names after the name columns of a CSV file.

    After each --column NAME come NAME_id, NAME_name (house spelling),
    NAME_score and NAME_status (matched, ambiguous, unmatched or empty).
    Every other field, ragged rows and blank lines are written back byte for
    byte; the output keeps the input's encoding, BOM, delimiter, quoting and
    line endings. Output goes to a temporary file renamed into place only
    when everything succeeded. INPUT - reads standard input.

    \b
    Examples:
      namenorm clean people.csv --column name -o people.clean.csv
      namenorm clean export.csv -c author -c subject --kind person --in-place
      namenorm clean in.csv -c name --replace --unmatched todo.csv -o out.csv
      cat in.csv | namenorm clean - -c name > out.csv
    """
    started = _clock()
    if in_place and output is not None:
        raise click.UsageError("give -o/--output or --in-place, not both")
    if in_place and input_path == "-":
        raise click.UsageError("--in-place needs a file, not standard input")
    if input_path != "-" and not Path(input_path).is_file():
        raise click.BadParameter(f"{input_path!r} is not a file", param_hint="INPUT")
    target = input_path if in_place else (None if output in (None, "-") else output)
    registry = load_registry(registry_path)
    with library_errors():
        registry.warm()
        out_encoding = _output_encoding(output_encoding)
    owned = input_path != "-"
    with library_errors():
        binary = open(input_path, "rb") if owned else stdin_bytes()  # noqa: SIM115
    name = "standard input" if input_path == "-" else input_path
    try:
        with library_errors(), open_source(binary, name, encoding=encoding) as source:
            try:
                reader = RawReader(source.text, delimiter=delimiter)
                header_raw, header_end, header_lines = _header(reader, name)
                dialect = reader.dialect
                header = [unquote(f, dialect.delimiter) for f in header_raw]
                found = _find_columns(wanted, header, name, replace=replace)
                encoding_out = out_encoding or source.encoding
                make = _entry_maker(dialect, replace=replace)
                keep = unmatched_path is not None
                columns = [Column(n, i, make, keep_unmatched=keep) for n, i in found]
                batch: list[str] = []
                with (
                    atomic_output(target, encoding_out, stdout=stdout_bytes()) as out,
                    _Progress(source) as progress,
                    Pipeline(
                        columns,
                        registry=registry,
                        kind=kind,
                        unquote=functools.partial(unquote, delimiter=dialect.delimiter),
                        join=dialect.delimiter.join,
                        emit=batch.append,
                        jobs=jobs,
                    ) as pipeline,
                ):
                    progress.start(not quiet and _stderr_is_tty())
                    header_fields = _header_out(header_raw, columns, dialect, replace=replace)
                    try:
                        out.write(dialect.delimiter.join(header_fields) + header_end)
                        result = _run(
                            reader, out, pipeline, len(header), progress, batch, 1 + header_lines
                        )
                    except UnicodeEncodeError as exc:
                        raise _encode_error(exc, target or "standard output", encoding_out) from exc
            except UnicodeDecodeError as exc:
                raise _decode_error(exc, source) from exc
            seconds = _clock() - started
            if unmatched_path:
                _write_unmatched(unmatched_path, columns)
            if report_path:
                _report(
                    report_path,
                    source=source,
                    output=target or "-",
                    out_encoding=encoding_out,
                    dialect=dialect,
                    registry=registry,
                    result=result,
                    columns=columns,
                    seconds=seconds,
                )
    finally:
        if owned:
            binary.close()
    for warning in _warnings(result, len(header)):
        click.echo(f"warning: {warning}", err=True)
    if not quiet:
        for line in _summary(result, columns, seconds):
            click.echo(line, err=True)


def _warnings(result: _Result, width: int) -> list[str]:
    found = []
    if result.ragged:
        shown = ", ".join(str(n) for n in result.ragged_lines)
        more = ", ..." if result.ragged > len(result.ragged_lines) else ""
        noun = "row" if result.ragged == 1 else "rows"
        found.append(
            f"{result.ragged:,} ragged {noun} (not {width} fields) passed through "
            f"untouched: line {shown}{more}"
        )
    if result.unclosed_line is not None:
        found.append(
            f"line {result.unclosed_line}: a quote opened on this line never closes; "
            "the rest of the file was passed through untouched"
        )
    return found


def _output_encoding(name: str | None) -> Encoding | None:
    return output_encoding(name) if name else None


def _header(reader: RawReader, name: str) -> tuple[list[str], str, int]:
    line = next(reader.lines, None)
    if line is None:
        raise CsvError(f"{name} is empty; expected a header row")
    fields, end, used = reader.record(line, 1)
    if not fields:
        raise CsvError(f"{name}: the header row opens a quote that never closes")
    return fields, end, used
