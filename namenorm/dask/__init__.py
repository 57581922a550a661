"""namenorm on Dask: ``clean`` for files larger than one machine, and name columns of dataframes.

:func:`clean_csv_dask` cleans one CSV file in record-aligned ranges on a
cluster, byte for byte as :func:`namenorm.batch.clean_csv` does in one
process; :func:`clean_files` cleans many CSV files, one task per file;
:func:`clean_parquet_files` adds the columns to Parquet files, one task per row
group; :func:`resolve_column` adds id, name, score and status columns to a
Dask dataframe (its pandas twin: :func:`resolve_frame`). Each worker loads
the registry once per process (:class:`RegistryPlugin`,
:func:`registry_for`), keyed by the registry file's hash.
"""

from __future__ import annotations

from .engine import clean_csv_dask, clean_files, cluster
from .frame import resolve_column, resolve_frame
from .loader import RegistryMismatchError, RegistryPlugin, registry_for
from .parquet import ParquetResult, clean_parquet_files

__all__ = [
    "ParquetResult",
    "RegistryMismatchError",
    "RegistryPlugin",
    "clean_csv_dask",
    "clean_files",
    "clean_parquet_files",
    "cluster",
    "registry_for",
    "resolve_column",
    "resolve_frame",
]
