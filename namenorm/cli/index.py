"""``namenorm index build``: the match index as a file, built once and mapped by every process."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..index import Index
from .options import library_errors, load_registry, registry_option

__all__ = ["index"]


@click.group()
def index() -> None:
    """Build the match index of a registry as a file.

    The library, `lookup`, `clean`, `fix`, the HTTP service and Dask workers
    map the file (its pages are shared between processes) instead of building
    the index themselves. Point NAMENORM_INDEX at it; a registry file of
    NAMENORM_INDEX_CACHE_FROM entities or more also keeps one beside it
    (REGISTRY.idx) on its own.

    \b
    Examples:
      namenorm index build -o registry.idx
      namenorm index build --registry big.csv -o big.idx
    """


@index.command()
@registry_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    required=True,
    help="Index file to write (replaced atomically).",
)
def build(registry_path: Path | None, output: Path) -> None:
    """Build the index of the registry and write it to OUTPUT.

    The file records the registry's SHA-256 and the namenorm version that
    built it; a stale or damaged file is never used.

    \b
    Examples:
      namenorm index build -o registry.idx
      NAMENORM_INDEX=registry.idx namenorm lookup Lukashenko
    """
    registry = load_registry(registry_path)
    started, cpu = time.perf_counter(), time.process_time()
    with library_errors():
        built = Index.build(registry)
        try:
            size = built.save(output, digest=registry.digest)
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror}") from exc
    stats = built.stats()
    click.echo(
        f"{output}: {stats['entities']:,} entities, {stats['full_spellings']:,} full spellings, "
        f"{stats['unit_spellings']:,} unit spellings, {stats['keys']:,} sound keys; "
        f"{size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s "
        f"({time.process_time() - cpu:.1f} s CPU)"
    )
