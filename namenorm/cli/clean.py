"""``namenorm clean``: the command-line face of :func:`namenorm.batch.clean_csv`.

Parses options, opens standard input and output for ``-``, shows a progress
bar on a terminal, writes the review file and the report, and prints the
warnings and the summary. Everything else is the library's
(``namenorm.batch``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..batch import clean_csv, summary, warnings, write_report, write_unmatched
from ..batch.pipeline import STATUSES
from .clean_dask import DaskOptions, run_dask
from .options import (
    csv_options,
    kind_option,
    library_errors,
    load_registry,
    registry_option,
    stdin_bytes,
    stdout_bytes,
)
from .signals import abort_on_signals

__all__ = ["STATUSES", "clean"]


def _stderr_is_tty() -> bool:
    return sys.stderr.isatty()


class _Bar:
    """A progress bar on stderr, made on the first report (when the size is known)."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int | None) -> None:
        if self.bar is None:
            if not total:
                return
            self.bar = click.progressbar(
                length=total, label="Cleaning", file=sys.stderr, show_eta=True
            )
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True))
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
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this process (and --jobs); dask: a Dask cluster, for big files, "
    "folders and globs of CSV files, and Parquet.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the scheduler to use (tcp://host:8786); default: a local cluster.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    help="With --engine dask and no --scheduler: worker processes of the local cluster "
    "(default: one per core).",
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
    engine: str,
    scheduler: str | None,
    workers: int | None,
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
      namenorm clean big.csv -c name -o big.clean.csv --engine dask --workers 8
      namenorm clean 'lake/*.csv' -c name -o cleaned/ --engine dask --scheduler tcp://host:8786
      namenorm clean names.parquet -c name -o names.clean.parquet --engine dask
    """
    if in_place and output is not None:
        raise click.UsageError("give -o/--output or --in-place, not both")
    if in_place and input_path == "-":
        raise click.UsageError("--in-place needs a file, not standard input")
    target = input_path if in_place else (None if output in (None, "-") else output)
    bar = _Bar() if not quiet and _stderr_is_tty() else None
    if engine == "dask":
        if input_path == "-":
            raise click.UsageError(
                "--engine dask needs a file, a folder or a glob, not standard input"
            )
        if jobs != 1:
            raise click.UsageError("--jobs is for --engine local; give --workers to --engine dask")
        if scheduler is not None and workers is not None:
            raise click.UsageError("give --scheduler or --workers, not both")
        options = DaskOptions(
            wanted=wanted,
            target=target,
            registry=load_registry(registry_path),
            kind=kind,
            replace=replace,
            unmatched_path=unmatched_path,
            report_path=report_path,
            encoding=encoding,
            output_encoding=output_encoding,
            delimiter=delimiter,
            scheduler=scheduler,
            workers=workers,
            quiet=quiet,
        )
        with abort_on_signals(), library_errors():
            try:
                run_dask(input_path, options, progress=bar)
            finally:
                if bar is not None:
                    bar.close()
        return
    if scheduler is not None or workers is not None:
        raise click.UsageError("--scheduler and --workers need --engine dask")
    if input_path != "-" and not Path(input_path).is_file():
        raise click.BadParameter(f"{input_path!r} is not a file", param_hint="INPUT")
    registry = load_registry(registry_path)
    with abort_on_signals(), library_errors():
        try:
            result = clean_csv(
                stdin_bytes() if input_path == "-" else input_path,
                stdout_bytes() if target is None else target,
                columns=wanted,
                registry=registry,
                kind=kind,
                replace=replace,
                unmatched=unmatched_path is not None,
                encoding=encoding,
                output_encoding=output_encoding,
                delimiter=delimiter,
                jobs=jobs,
                progress=bar,
                name="standard input" if input_path == "-" else input_path,
            )
        finally:
            if bar is not None:
                bar.close()
        if unmatched_path:
            write_unmatched(stdout_bytes() if unmatched_path == "-" else unmatched_path, result)
        if report_path:
            write_report(stdout_bytes() if report_path == "-" else report_path, result)
    for warning in warnings(result):
        click.echo(f"warning: {warning}", err=True)
    if not quiet:
        for line in summary(result):
            click.echo(line, err=True)
