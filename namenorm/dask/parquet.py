"""Parquet files on Dask: the name columns of every row group resolved in its own task.

:func:`clean_parquet_files` takes (input, output) pairs of Parquet files,
sends one task per row group (each reads its row group with ``pyarrow``,
adds ``NAME_id``, ``NAME_name``, ``NAME_score``, ``NAME_status`` after each
name column, as :func:`namenorm.dask.resolve_frame` does, and returns the
Arrow table), and writes each output, row groups in order, to a temporary
file renamed into place when all of its row groups are done. Every other
column is kept as it is (type and values).

Left out: CSV files (``namenorm.dask.engine``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, as_completed

from ..batch import ColumnResult, Unmatched
from ..batch.pipeline import STATUSES
from ..csvio import atomic_binary
from ..errors import InvalidInputError
from ..registry import Registry
from .engine import registry_key
from .frame import Resolved, added_columns, resolve_values
from .loader import RegistryPlugin, registry_for

__all__ = ["ParquetResult", "clean_parquet_files"]

_clock: Callable[[], float] = time.perf_counter
#: Types of the four added columns: id, name, score, status.
_TYPES = (pa.string(), pa.string(), pa.float64(), pa.string())


@dataclass
class ParquetResult:
    """Rows, row groups and per-column counts of the Parquet files cleaned."""

    rows: int = 0
    row_groups: int = 0
    files: int = 0
    seconds: float = 0.0
    columns: tuple[ColumnResult, ...] = ()
    unmatched: dict[str, Unmatched] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float | None:
        """Rows per second of the run, ``None`` for a run that took no time."""
        return self.rows / self.seconds if self.seconds > 0 else None


def _clean_row_group(
    source: str, group: int, columns: tuple[str, ...], kind: str | None, path: str, sha256: str
) -> tuple[pa.Table, list[Resolved]]:
    registry = registry_for(path, sha256)
    table = pq.ParquetFile(source).read_row_group(group)
    found = []
    for name in columns:
        resolved = resolve_values(table.column(name).to_pylist(), registry, kind)
        at = table.schema.get_field_index(name) + 1
        values = (resolved.ids, resolved.names, resolved.scores, resolved.statuses)
        arrays = [pa.array(v, t) for v, t in zip(values, _TYPES, strict=True)]
        for offset, (added, array) in enumerate(zip(added_columns(name), arrays, strict=True)):
            table = table.add_column(at + offset, added, array)
        resolved.ids, resolved.names, resolved.scores, resolved.statuses = [], [], [], []
        found.append(resolved)
    return table, found


def _check(source: str, columns: Sequence[str]) -> int:
    schema = pq.read_schema(source)
    for name in columns:
        if name not in schema.names:
            raise InvalidInputError(
                f"no column {name!r} in {source}; expected one of: "
                + ", ".join(repr(n) for n in schema.names)
            )
        clash = [n for n in added_columns(name) if n in schema.names]
        if clash:
            raise InvalidInputError(
                f"{source} already has column {clash[0]!r}; namenorm clean adds it"
            )
    return int(pq.ParquetFile(source).num_row_groups)


def clean_parquet_files(
    pairs: Sequence[tuple[str, str]],
    *,
    client: Client,
    columns: Sequence[str],
    registry: Registry,
    kind: str | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> ParquetResult:
    """Clean each (input, output) Parquet pair, one task per row group.

    Every column is checked in every file before any task starts. An output
    is written only when all its row groups succeeded; when a task fails the
    others are cancelled and no partial file is left.
    """
    started = _clock()
    path, sha256 = registry_key(registry)
    client.register_plugin(RegistryPlugin(path, sha256))
    groups = [_check(source, columns) for source, _ in pairs]
    futures = []
    where: dict[object, tuple[int, int]] = {}
    for index, ((source, _), count) in enumerate(zip(pairs, groups, strict=True)):
        for group in range(count):
            future = client.submit(
                _clean_row_group, source, group, tuple(columns), kind, path, sha256, pure=False
            )
            futures.append(future)
            where[future.key] = (index, group)
    done: list[dict[int, pa.Table]] = [{} for _ in pairs]
    counts = [Resolved() for _ in columns]
    result = ParquetResult(files=len(pairs), row_groups=len(futures))
    finished = 0
    try:
        for future in as_completed(futures):
            table, found = future.result()
            index, group = where[future.key]
            done[index][group] = table
            result.rows += table.num_rows
            for total, part in zip(counts, found, strict=True):
                total.counts.update(part.counts)
                total.distinct |= part.distinct
                for value, seen in part.unmatched.items():
                    before = total.unmatched.get(value)
                    total.unmatched[value] = (
                        seen
                        if before is None
                        else Unmatched(before.count + seen.count, seen.status, seen.candidates)
                    )
            finished += 1
            if progress is not None:
                progress(finished, len(futures))
            if len(done[index]) == groups[index]:
                tables = [done[index][g] for g in range(groups[index])]
                _write(pairs[index][1], tables, tables[0].schema)
                done[index] = {}
    except BaseException:
        client.cancel(futures)
        raise
    for index, count in enumerate(groups):
        if count == 0:  # no row group: an empty file with the new schema
            _write(pairs[index][1], [], _schema(pairs[index][0], columns))
    result.columns = tuple(
        ColumnResult(
            name,
            {s: total.counts[s] for s in STATUSES},
            len(total.distinct),
            len(total.distinct),
        )
        for name, total in zip(columns, counts, strict=True)
    )
    for total in counts:
        for value, seen in total.unmatched.items():
            before = result.unmatched.get(value)
            result.unmatched[value] = (
                seen
                if before is None
                else Unmatched(before.count + seen.count, seen.status, seen.candidates)
            )
    result.seconds = _clock() - started
    return result


def _schema(source: str, columns: Sequence[str]) -> pa.Schema:
    schema = pq.read_schema(source)
    for name in columns:
        at = schema.get_field_index(name) + 1
        for offset, (added, kind) in enumerate(zip(added_columns(name), _TYPES, strict=True)):
            schema = schema.insert(at + offset, pa.field(added, kind))
    return schema


def _write(target: str, tables: list[pa.Table], schema: pa.Schema) -> None:
    with atomic_binary(target) as out, pq.ParquetWriter(out, schema) as writer:
        for table in tables:
            writer.write_table(table)
