"""The ``namenorm`` command line: clean CSV files, look names up, transliterate,
check and grow the registry, fix names in copy, and run the HTTP service.

One module per command (group); shared options live in ``options.py``. Every
command calls the library; none re-implements matching. Exit codes: 0 success,
1 data or validation errors, 2 usage errors.
"""

from __future__ import annotations

import os
import sys

import click

from .. import __version__
from . import clean, fix, index, lookup, registry, review, serve, translit
from . import enrich as _enrich  # noqa: F401  (adds its subcommands to the registry group)

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="namenorm")
def cli() -> None:
    """One stable ID and one house spelling for every spelling of a name.

    \b
    Examples:
      namenorm lookup Lukashenko "Тихановская"
      namenorm clean people.csv --column name -o people.clean.csv
      namenorm translit "Аляксандр Лукашэнка" --lang be --system lacinka
      namenorm registry check
      namenorm fix article.txt

    Exit codes: 0 success, 1 data or validation errors, 2 usage errors.
    """


for command in (
    clean.clean,
    lookup.lookup,
    translit.translit,
    translit.systems,
    registry.registry,
    fix.fix,
    index.index,
    serve.serve,
):
    cli.add_command(command)


registry.registry.add_command(review.review)  # the review queue, in its own module


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``namenorm`` script (and ``python -m namenorm``)."""
    try:
        cli.main(args=argv, prog_name="namenorm")
    except BrokenPipeError:  # e.g. `namenorm clean big.csv | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
