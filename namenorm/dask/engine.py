"""``clean`` on a Dask cluster: one big CSV file in record-aligned ranges, or many files.

:func:`clean_csv_dask` plans the file on the client (encoding, dialect,
header, ranges: :func:`namenorm.batch.ranges.plan_file`), sends one task per
range (each carrying the plan, its range and the registry's path and hash),
and writes the header and every range's bytes, in order, to a temporary
file renamed into place when all succeeded: the bytes are the ones
:func:`namenorm.batch.clean_csv` writes in one process. Counts are merged
into one :class:`CleanResult`. :func:`clean_files` cleans a list of CSV
files, one task per file, each written atomically by its worker.

Left out: the cluster itself (:func:`cluster` starts a local one or
connects to a scheduler), dataframes (``namenorm.dask.frame``) and Parquet
(``namenorm.dask.parquet``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from distributed import Client, LocalCluster, as_completed

from ..batch import CleanResult, clean_csv
from ..batch.ranges import ByteRange, FilePlan, clean_range, empty_result, plan_file
from ..csvio import atomic_binary
from ..errors import InvalidInputError
from ..registry import Registry
from .loader import RegistryPlugin, outcomes_for, registry_for

__all__ = [
    "MIN_RANGE_BYTES",
    "TASKS_PER_WORKER",
    "clean_csv_dask",
    "clean_files",
    "cluster",
    "registry_key",
]

#: Ranges per worker when the range size is not given (room to balance the load).
TASKS_PER_WORKER = 4
#: The smallest range worth a task when the size is not given.
MIN_RANGE_BYTES = 1 << 20

_clock: Callable[[], float] = time.perf_counter


@contextlib.contextmanager
def cluster(*, scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, else of a local cluster of ``workers`` processes.

    The local cluster listens on loopback only, one thread per worker
    process (the resolver is pure Python), its status page on a free loopback port; closed with
    the block.
    """
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # loopback, a free port
            silence_logs=logging.ERROR,
        ) as local,
        Client(local) as client,
    ):
        yield client


def registry_key(registry: Registry) -> tuple[str, str]:
    """The (path, SHA-256) that tasks carry instead of the registry."""
    if not Path(registry.source).is_file():
        raise InvalidInputError(
            f"the Dask engine needs a registry file every worker can read; got {registry.source!r}"
        )
    return str(Path(registry.source).resolve()), registry.digest


def _clean_part(
    plan: FilePlan, part: ByteRange, path: str, sha256: str
) -> tuple[bytes, CleanResult]:
    registry = registry_for(path, sha256)
    return clean_range(plan, part, registry, memo=outcomes_for(sha256, plan.kind))


def _workers(client: Client) -> int:
    return max(len(client.scheduler_info().get("workers", {})), 1)


def clean_csv_dask(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str] | BinaryIO,
    *,
    client: Client,
    columns: Sequence[str],
    registry: Registry,
    kind: str | None = None,
    replace_column: bool = False,
    unmatched: bool = False,
    encoding: str | None = None,
    output_encoding: str | None = None,
    delimiter: str | None = None,
    range_bytes: int | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> CleanResult:
    """:func:`namenorm.batch.clean_csv` with the body's ranges cleaned on ``client``'s workers.

    The output is byte for byte what ``clean_csv`` writes; a path ``target``
    is replaced only when every range succeeded (a failed task, Ctrl-C or a
    caught signal leaves it as it was and cancels the rest). ``range_bytes``
    defaults to the file over :data:`TASKS_PER_WORKER` tasks per worker, at
    least :data:`MIN_RANGE_BYTES`. ``progress(bytes_done, total)`` is called
    as tasks finish.
    """
    started = _clock()
    path, sha256 = registry_key(registry)
    size = os.path.getsize(source)
    if range_bytes is None:
        range_bytes = max(size // (_workers(client) * TASKS_PER_WORKER), MIN_RANGE_BYTES)
    name = os.fspath(target) if isinstance(target, str | os.PathLike) else "-"
    plan = plan_file(
        source,
        columns=list(columns),
        range_bytes=range_bytes,
        kind=kind,
        replace=replace_column,
        unmatched=unmatched,
        encoding=encoding,
        output_encoding=output_encoding,
        delimiter=delimiter,
        target_name=name,
    )
    client.register_plugin(RegistryPlugin(path, sha256))
    light = replace(plan, ranges=())  # each task carries its own range only
    futures = [
        client.submit(_clean_part, light, part, path, sha256, pure=False) for part in plan.ranges
    ]
    order = {future.key: i for i, future in enumerate(futures)}
    parts: list[CleanResult] = []
    try:
        with _output(target) as out:
            out.write(plan.head)
            done: dict[int, tuple[bytes, CleanResult]] = {}
            written = 0
            finished = plan.ranges[0].start if plan.ranges else size
            for future in as_completed(futures):
                index = order[future.key]
                done[index] = future.result()
                finished += plan.ranges[index].end - plan.ranges[index].start
                if progress is not None:
                    progress(finished, size)
                while written in done:
                    data, part = done.pop(written)
                    out.write(data)
                    parts.append(part)
                    written += 1
    except BaseException:
        client.cancel(futures)
        raise
    result = parts[0] if parts else empty_result(plan, registry)
    for part in parts[1:]:
        result = result.merge(part)
    return replace(
        result,
        seconds=_clock() - started,
        registry_source=registry.source,
        registry_sha256=registry.digest,
    )


@contextlib.contextmanager
def _output(target: str | os.PathLike[str] | BinaryIO) -> Iterator[BinaryIO]:
    if isinstance(target, str | os.PathLike):
        with atomic_binary(target) as out:
            yield out
    else:
        yield target
        target.flush()


def _clean_file(
    source: str, target: str, path: str, sha256: str, options: dict[str, Any]
) -> CleanResult:
    return clean_csv(source, target, registry=registry_for(path, sha256), **options)


def clean_files(
    pairs: Sequence[tuple[str, str]],
    *,
    client: Client,
    registry: Registry,
    progress: Callable[[int, int | None], None] | None = None,
    **options: Any,
) -> list[CleanResult]:
    """Clean each (input, output) CSV file pair in one task; results in the order given.

    Each output is written atomically by its worker (the output folder must
    be reachable by every worker); when a task fails the others are
    cancelled, finished files stay complete and no partial file is left.
    ``options`` are :func:`namenorm.batch.clean_csv`'s keyword options.
    """
    path, sha256 = registry_key(registry)
    client.register_plugin(RegistryPlugin(path, sha256))
    futures = [
        client.submit(_clean_file, source, target, path, sha256, options, pure=False)
        for source, target in pairs
    ]
    total = sum(os.path.getsize(source) for source, _ in pairs)
    sizes = {f.key: os.path.getsize(source) for f, (source, _) in zip(futures, pairs, strict=True)}
    finished = 0
    try:
        for future in as_completed(futures):
            future.result()
            finished += sizes[future.key]
            if progress is not None:
                progress(finished, total)
        return [future.result() for future in futures]
    except BaseException:
        client.cancel(futures)
        raise
