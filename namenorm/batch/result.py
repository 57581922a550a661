"""What a ``clean`` run found, and the files and lines that report it.

A :class:`CleanResult` holds the counts of one run (or of several parts of
one file, merged with :meth:`CleanResult.merge`), the unmatched values for
the review file, and how the file was read and written. :func:`write_unmatched`
writes the review file (``value,count,status,candidates``, most frequent
first: a stable format other tools read), :func:`write_report` the JSON
report, :func:`summary` and :func:`warnings` the lines a person reads.

Left out: cleaning itself (``namenorm.batch.clean``).
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Protocol

from ..csvio import Dialect, Encoding, atomic_output
from . import pipeline as pipelines
from .loop import SHOWN_LINES
from .pipeline import STATUSES, Column

__all__ = [
    "CleanResult",
    "ColumnResult",
    "Counted",
    "Unmatched",
    "summary",
    "warnings",
    "write_report",
    "write_unmatched",
]


@dataclass(frozen=True)
class Unmatched:
    """An unmatched or ambiguous value: how often it was written, and its best candidates."""

    count: int
    status: str
    candidates: str  # ``id:score|...``


@dataclass(frozen=True)
class ColumnResult:
    """The cells of one cleaned column: how many got each status, how many distinct values.

    ``distinct`` is ``None`` when more values were seen than are remembered
    (:data:`namenorm.batch.pipeline.CACHE_SIZE`); ``values`` are the distinct
    raw cells when known (used to merge the counts of several parts).
    """

    name: str
    counts: dict[str, int]
    distinct: int | None
    lookups: int
    values: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, column: Column) -> ColumnResult:
        """The result of a column after a run."""
        distinct = column.distinct()
        kept = frozenset(column.cache) if distinct is not None else None
        return cls(column.name, column.counts(), distinct, column.resolved, kept)

    def merge(self, other: ColumnResult) -> ColumnResult:
        """Counts of both parts; distinct values of both, while they are known."""
        counts = Counter(self.counts)
        counts.update(other.counts)
        values: frozenset[str] | None = None
        distinct = None
        if self.values is not None and other.values is not None:
            values = self.values | other.values
            if len(values) <= pipelines.CACHE_SIZE:
                distinct = len(values)
            else:
                values = None
        return ColumnResult(
            self.name,
            {status: counts[status] for status in STATUSES},
            distinct,
            self.lookups + other.lookups,
            values,
        )


def unmatched_of(columns: list[Column]) -> dict[str, Unmatched]:
    """Every unmatched or ambiguous value written, over all columns."""
    merged: dict[str, Unmatched] = {}
    for column in columns:
        for entry in column.cache.values():
            if entry.status in ("unmatched", "ambiguous") and entry.count:
                seen = merged.get(entry.value)
                if seen is None:
                    merged[entry.value] = Unmatched(entry.count, entry.status, entry.candidates)
                else:
                    merged[entry.value] = replace(seen, count=seen.count + entry.count)
    return merged


@dataclass(frozen=True)
class CleanResult:
    """Counts, dialect and timing of one ``clean`` run.

    ``columns`` are in the order of the file; ``width`` is the header's number
    of fields; line numbers are the physical lines of the input (1 is the header).
    """

    input: str
    output: str
    encoding: Encoding
    output_encoding: Encoding
    dialect: Dialect
    width: int
    rows: int
    blank_lines: int
    ragged_rows: int
    ragged_lines: tuple[int, ...]
    unclosed_quote_line: int | None
    columns: tuple[ColumnResult, ...]
    seconds: float
    registry_source: str
    registry_sha256: str
    unmatched: dict[str, Unmatched] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float | None:
        """Cleaned rows per second of the run, ``None`` for a run that took no time."""
        return self.rows / self.seconds if self.seconds > 0 else None

    def merge(self, other: CleanResult) -> CleanResult:
        """This part followed by ``other`` (a later part of the same file)."""
        unmatched = dict(self.unmatched)
        for value, found in other.unmatched.items():
            seen = unmatched.get(value)
            unmatched[value] = (
                found if seen is None else replace(seen, count=seen.count + found.count)
            )
        return replace(
            self,
            rows=self.rows + other.rows,
            blank_lines=self.blank_lines + other.blank_lines,
            ragged_rows=self.ragged_rows + other.ragged_rows,
            ragged_lines=(self.ragged_lines + other.ragged_lines)[:SHOWN_LINES],
            unclosed_quote_line=self.unclosed_quote_line or other.unclosed_quote_line,
            columns=tuple(a.merge(b) for a, b in zip(self.columns, other.columns, strict=True)),
            unmatched=unmatched,
        )


def _target(
    path: str | os.PathLike[str] | BinaryIO,
) -> tuple[str | os.PathLike[str] | None, BinaryIO | None]:
    if isinstance(path, str | os.PathLike):
        return path, None
    return None, path


def write_unmatched(path: str | os.PathLike[str] | BinaryIO, result: Counted) -> int:
    """Write the review file: ``value,count,status,candidates``, most frequent first.

    Returns the number of values written. The format is stable (other tools
    read it); a path is written atomically.
    """
    rows = sorted(result.unmatched.items(), key=lambda item: (-item[1].count, item[0]))
    target, stream = _target(path)
    with atomic_output(target, Encoding("utf-8"), stdout=stream) as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("value", "count", "status", "candidates"))
        writer.writerows((value, u.count, u.status, u.candidates) for value, u in rows)
    return len(rows)


def report_body(result: CleanResult) -> dict[str, object]:
    """The JSON report of a run, as a dictionary."""
    rate = result.rows_per_second
    return {
        "input": result.input,
        "output": result.output,
        "encoding": result.encoding.codec,
        "bom": bool(result.encoding.bom),
        "output_encoding": result.output_encoding.codec,
        "output_bom": bool(result.output_encoding.bom),
        "delimiter": result.dialect.delimiter,
        "line_ending": result.dialect.lineterminator,
        "quoting": result.dialect.quoting,
        "rows": result.rows,
        "blank_lines": result.blank_lines,
        "ragged_rows": result.ragged_rows,
        "ragged_lines": list(result.ragged_lines),
        "unclosed_quote_line": result.unclosed_quote_line,
        "columns": {
            c.name: {**c.counts, "distinct": c.distinct, "lookups": c.lookups}
            for c in result.columns
        },
        "seconds": round(result.seconds, 3),
        "rows_per_second": round(rate, 1) if rate is not None else None,
        "registry": {"source": result.registry_source, "sha256": result.registry_sha256},
    }


def write_report(
    path: str | os.PathLike[str] | BinaryIO,
    result: CleanResult,
    *,
    extra: dict[str, object] | None = None,
) -> None:
    """Write the JSON report of a run (``extra`` keys are added, e.g. the engine)."""
    body = {**report_body(result), **(extra or {})}
    target, stream = _target(path)
    with atomic_output(target, Encoding("utf-8"), stdout=stream) as out:
        json.dump(body, out, ensure_ascii=False, indent=2)
        out.write("\n")


class Counted(Protocol):
    """What :func:`summary` and :func:`write_unmatched` read: a CSV run, or Parquet files."""

    @property
    def rows(self) -> int: ...

    @property
    def seconds(self) -> float: ...

    @property
    def rows_per_second(self) -> float | None: ...

    @property
    def columns(self) -> tuple[ColumnResult, ...]: ...

    @property
    def unmatched(self) -> dict[str, Unmatched]: ...


def summary(result: Counted) -> list[str]:
    """The lines printed after a run: rows and speed, then each column's counts."""
    rate = result.rows_per_second or 0.0
    noun = "row" if result.rows == 1 else "rows"
    lines = [f"{result.rows:,} {noun} in {result.seconds:.1f} s ({rate:,.0f} rows/s)"]
    for column in result.columns:
        parts = ", ".join(f"{column.counts[s]:,} {s}" for s in STATUSES)
        note = (
            f"{column.distinct:,} distinct values"
            if column.distinct is not None
            else f"{column.lookups:,} lookups (more than {pipelines.CACHE_SIZE:,} distinct values)"
        )
        lines.append(f"{column.name}: {parts}; {note}")
    return lines


def warnings(result: CleanResult) -> list[str]:
    """What was passed through untouched (ragged rows, an unclosed quote), for a person."""
    found = []
    if result.ragged_rows:
        shown = ", ".join(str(n) for n in result.ragged_lines)
        more = ", ..." if result.ragged_rows > len(result.ragged_lines) else ""
        noun = "row" if result.ragged_rows == 1 else "rows"
        found.append(
            f"{result.ragged_rows:,} ragged {noun} (not {result.width} fields) passed through "
            f"untouched: line {shown}{more}"
        )
    if result.unclosed_quote_line is not None:
        found.append(
            f"line {result.unclosed_quote_line}: a quote opened on this line never closes; "
            "the rest of the file was passed through untouched"
        )
    return found
