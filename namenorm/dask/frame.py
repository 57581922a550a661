"""Resolve a name column of a dataframe: pandas on one machine, Dask on a cluster.

:func:`resolve_frame` (pandas) and :func:`resolve_column` (Dask, the same
function over each partition with ``map_partitions``) add four columns
after the named one: ``NAME_id``, ``NAME_name`` (house spelling),
``NAME_score`` and ``NAME_status`` (matched, ambiguous, unmatched, empty),
as ``namenorm clean`` does for CSV files. Each distinct value of a
partition is resolved once, by the library's one path
(:func:`namenorm.batch.outcome`). Missing values (``None``, ``NaN``) are
``empty``; ids and names of cells that did not match are missing values.

Left out: CSV bytes (``namenorm.batch``) and Parquet files
(``namenorm.dask.parquet``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..batch import Outcome, Unmatched, outcome
from ..batch.pipeline import STATUSES
from ..registry import Registry, check_kind, default_registry
from .loader import registry_for

__all__ = ["Resolved", "added_columns", "resolve_column", "resolve_frame", "resolve_values"]


def added_columns(name: str) -> tuple[str, str, str, str]:
    """The columns added after column ``name``."""
    return (f"{name}_id", f"{name}_name", f"{name}_score", f"{name}_status")


@dataclass
class Resolved:
    """The four new columns of a list of values, and what they counted."""

    ids: list[str | None] = field(default_factory=list)
    names: list[str | None] = field(default_factory=list)
    scores: list[float | None] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    distinct: set[str] = field(default_factory=set)
    unmatched: dict[str, Unmatched] = field(default_factory=dict)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if value is pd.NA:
        return ""
    return str(value)


def resolve_values(values: Iterable[object], registry: Registry, kind: str | None) -> Resolved:
    """Resolve each value (each distinct one once) into the four new columns."""
    seen: dict[str, Outcome] = {}
    found = Resolved()
    for value in values:
        text = _text(value)
        result = seen.get(text)
        if result is None:
            result = seen[text] = outcome(registry, text, kind)
        status, ident, name, score, candidates = result
        found.ids.append(ident or None)
        found.names.append(name or None)
        found.scores.append(score)
        found.statuses.append(status)
        found.counts[status] += 1
        if status in ("unmatched", "ambiguous"):
            before = found.unmatched.get(text)
            count = before.count + 1 if before else 1
            found.unmatched[text] = Unmatched(count, status, candidates)
    found.distinct = set(seen)
    for status in STATUSES:
        found.counts.setdefault(status, 0)
    return found


def _insert(frame: pd.DataFrame, column: str, resolved: Resolved, prefix: str) -> pd.DataFrame:
    out = frame.copy()
    at = out.columns.get_loc(column) + 1
    data: tuple[Any, ...] = (
        pd.Series(resolved.ids, index=out.index, dtype=object),
        pd.Series(resolved.names, index=out.index, dtype=object),
        pd.Series(resolved.scores, index=out.index, dtype="float64"),
        pd.Series(resolved.statuses, index=out.index, dtype=object),
    )
    for offset, (name, values) in enumerate(zip(added_columns(prefix), data, strict=True)):
        out.insert(at + offset, name, values)
    return out


def resolve_frame(
    frame: pd.DataFrame,
    column: str,
    *,
    registry: Registry | None = None,
    kind: str | None = None,
    prefix: str | None = None,
) -> pd.DataFrame:
    """A copy of ``frame`` with id, name, score and status columns after ``column``.

    ``prefix`` names the new columns (default: the column's name);
    ``registry`` defaults to :func:`namenorm.default_registry`.
    """
    if column not in frame.columns:
        raise KeyError(f"no column {column!r}; expected one of {list(frame.columns)!r}")
    registry = (registry or default_registry()).warm()
    resolved = resolve_values(frame[column].tolist(), registry, check_kind(kind))
    return _insert(frame, column, resolved, prefix or column)


def _partition(
    frame: pd.DataFrame, column: str, path: str, sha256: str, kind: str | None, prefix: str
) -> pd.DataFrame:
    if frame.empty:
        return _insert(frame, column, Resolved(), prefix)
    return _insert(
        frame,
        column,
        resolve_values(frame[column].tolist(), registry_for(path, sha256), kind),
        prefix,
    )


def resolve_column(
    ddf: Any,
    column: str,
    *,
    registry: Registry | None = None,
    kind: str | None = None,
    prefix: str | None = None,
) -> Any:
    """:func:`resolve_frame` over every partition of the Dask dataframe ``ddf`` (lazily).

    Tasks carry the registry's path and hash; each worker process loads it
    once (:func:`namenorm.dask.registry_for`), never once per partition.
    """
    from .engine import registry_key

    if column not in ddf.columns:
        raise KeyError(f"no column {column!r}; expected one of {list(ddf.columns)!r}")
    path, sha256 = registry_key(registry or default_registry())
    name = prefix or column
    meta = _insert(ddf._meta, column, Resolved(), name)
    return ddf.map_partitions(_partition, column, path, sha256, check_kind(kind), name, meta=meta)
