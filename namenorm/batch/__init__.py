"""Batch cleaning of CSV files: the library behind ``namenorm clean``.

:func:`clean_csv` cleans one file and returns a :class:`CleanResult`;
:func:`write_unmatched` and :func:`write_report` write its review file and
JSON report. The command line and the Dask engine call these; none
re-implements them.
"""

from __future__ import annotations

from .clean import ColumnError, Progress, clean_csv, find_columns
from .pipeline import STATUSES, Outcome, outcome
from .result import (
    CleanResult,
    ColumnResult,
    Unmatched,
    summary,
    warnings,
    write_report,
    write_unmatched,
)

__all__ = [
    "STATUSES",
    "CleanResult",
    "ColumnError",
    "ColumnResult",
    "Outcome",
    "Progress",
    "Unmatched",
    "clean_csv",
    "find_columns",
    "outcome",
    "summary",
    "warnings",
    "write_report",
    "write_unmatched",
]
