"""``namenorm clean --engine dask``: one big CSV file, a folder or glob of CSV files, or Parquet.

Finds the inputs, checks the options that apply to them, starts a local
cluster (``--workers N``) or connects to a scheduler (``--scheduler
ADDRESS``), and calls :mod:`namenorm.dask`; the review file, the report and
the summary are the local path's, merged over the tasks.

Left out: cleaning itself (``namenorm.batch``, ``namenorm.dask``).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..batch import CleanResult, summary, warnings, write_report, write_unmatched
from ..batch.result import report_body
from ..registry import Registry

__all__ = ["DaskOptions", "inputs_of", "run_dask"]

#: Suffixes of the CSV files taken from a folder.
CSV_SUFFIXES = (".csv", ".tsv", ".txt")


@dataclass(frozen=True)
class DaskOptions:
    """What ``clean`` was asked to do, as the Dask branch needs it."""

    wanted: tuple[str, ...]
    target: str | None  # None: standard output
    registry: Registry
    kind: str | None
    replace: bool
    unmatched_path: str | None
    report_path: str | None
    encoding: str | None
    output_encoding: str | None
    delimiter: str | None
    scheduler: str | None
    workers: int | None
    quiet: bool


def inputs_of(spec: str) -> list[Path]:
    """The files named by INPUT: a file, a folder's CSV or Parquet files, or a glob."""
    path = Path(spec)
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        parquet = [p for p in files if p.suffix == ".parquet"]
        return parquet or [p for p in files if p.suffix.lower() in CSV_SUFFIXES]
    if glob.has_magic(spec):
        return sorted(Path(p) for p in glob.glob(spec) if Path(p).is_file())
    raise click.BadParameter(f"{spec!r} is not a file, a folder or a glob", param_hint="INPUT")


def _targets(files: list[Path], target: str | None, spec: str) -> list[tuple[str, str]]:
    if target is None:
        raise click.UsageError(f"{spec} holds {len(files)} files; give -o FOLDER for the outputs")
    folder = Path(target)
    if folder.exists() and not folder.is_dir():
        raise click.UsageError(f"-o {target}: {spec} holds several files; expected a folder")
    names = [f.name for f in files]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise click.UsageError(f"two inputs are called {twice[0]!r}; their outputs would clash")
    folder.mkdir(parents=True, exist_ok=True)
    return [(str(f), str(folder / f.name)) for f in files]


def run_dask(
    spec: str, options: DaskOptions, *, progress: Callable[[int, int | None], None] | None
) -> None:
    """Clean ``spec`` on Dask and write the review file, the report and the summary."""
    from ..dask import clean_csv_dask, clean_files, cluster
    from ..dask.parquet import clean_parquet_files
    from .options import stdout_bytes

    files = inputs_of(spec)
    if not files:
        raise click.BadParameter(f"{spec!r} names no CSV or Parquet file", param_hint="INPUT")
    parquet = all(f.suffix == ".parquet" for f in files)
    if parquet and (options.replace or options.encoding or options.output_encoding):
        raise click.UsageError("--replace, --encoding and --output-encoding apply to CSV only")
    if parquet and options.delimiter:
        raise click.UsageError("--delimiter applies to CSV only")
    single = len(files) == 1 and Path(spec).is_file()
    extra: dict[str, Any] = {"engine": "dask"}
    with cluster(scheduler=options.scheduler, workers=options.workers) as client:
        extra["workers"] = len(client.scheduler_info().get("workers", {}))
        if parquet:
            if single and options.target is None:
                raise click.UsageError("Parquet output needs -o FILE.parquet")
            pairs = (
                [(str(files[0]), str(options.target))]
                if single
                else _targets(files, options.target, spec)
            )
            found = clean_parquet_files(
                pairs,
                client=client,
                columns=options.wanted,
                registry=options.registry,
                kind=options.kind,
                progress=progress,
            )
            extra.update(
                files=found.files,
                row_groups=found.row_groups,
                registry={"source": options.registry.source, "sha256": options.registry.digest},
            )
            _finish(options, found, extra, report=None)
            return
        csv_options: dict[str, Any] = {
            "columns": options.wanted,
            "kind": options.kind,
            "unmatched": options.unmatched_path is not None,
            "encoding": options.encoding,
            "output_encoding": options.output_encoding,
            "delimiter": options.delimiter,
        }
        if single:
            result = clean_csv_dask(
                files[0],
                options.target if options.target is not None else stdout_bytes(),
                client=client,
                registry=options.registry,
                replace_column=options.replace,
                progress=progress,
                **csv_options,
            )
            _finish(options, result, extra, report=result)
            return
        results = clean_files(
            _targets(files, options.target, spec),
            client=client,
            registry=options.registry,
            progress=progress,
            replace=options.replace,
            **csv_options,
        )
    merged = results[0]
    for part in results[1:]:
        merged = merged.merge(part)
    extra["files"] = [report_body(r) for r in results]
    _finish(options, merged, extra, report=merged)


def _finish(
    options: DaskOptions, result: Any, extra: dict[str, Any], *, report: CleanResult | None
) -> None:
    from .options import stdout_bytes

    if options.unmatched_path:
        write_unmatched(
            stdout_bytes() if options.unmatched_path == "-" else options.unmatched_path, result
        )
    if options.report_path:
        where = stdout_bytes() if options.report_path == "-" else options.report_path
        if report is not None:
            write_report(where, report, extra=extra)
        else:
            _parquet_report(where, result, extra)
    if report is not None:
        for warning in warnings(report):
            click.echo(f"warning: {warning}", err=True)
    if not options.quiet:
        for line in summary(result):
            click.echo(line, err=True)


def _parquet_report(where: Any, result: Any, extra: dict[str, Any]) -> None:
    import json

    from ..csvio import Encoding, atomic_output

    body = {
        "rows": result.rows,
        "columns": {
            c.name: {**c.counts, "distinct": c.distinct, "lookups": c.lookups}
            for c in result.columns
        },
        "seconds": round(result.seconds, 3),
        **extra,
    }
    target, stream = (where, None) if isinstance(where, str | os.PathLike) else (None, where)
    with atomic_output(target, Encoding("utf-8"), stdout=stream) as out:
        json.dump(body, out, ensure_ascii=False, indent=2)
        out.write("\n")
