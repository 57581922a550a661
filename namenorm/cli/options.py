"""Option groups shared by several commands, and the mapping of library errors to exits.

Each shared group is a decorator (``@registry_option``, ``@kind_option``,
``@csv_options``), stacked on the commands that take it. Library errors
become click errors in one place (:func:`library_errors`): a bad value given
on the command line (unknown language, system, kind) is a usage error (exit
2); bad data (an invalid registry, unreadable bytes, an unclosed quote) is a
data error (exit 1).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

from ..csvio import CsvError
from ..errors import InvalidInputError, NamenormError
from ..registry import KINDS, Registry, default_registry

F = TypeVar("F", bound=Callable[..., Any])

__all__ = [
    "csv_options",
    "kind_option",
    "library_errors",
    "load_registry",
    "parse_delimiter",
    "registry_option",
    "stdin_bytes",
    "stdout_bytes",
]


def stdin_bytes() -> BinaryIO:
    """Standard input as bytes (click's test runner replaces ``sys.stdin`` too)."""
    return sys.stdin.buffer


def stdout_bytes() -> BinaryIO:
    """Standard output as bytes (flushing the text layer first)."""
    sys.stdout.flush()
    return sys.stdout.buffer


def registry_option(func: F) -> F:
    """``--registry PATH``: the registry CSV to use instead of the default."""
    return click.option(
        "--registry",
        "registry_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Registry CSV to use (default: $NAMENORM_REGISTRY, else the shipped one).",
    )(func)


def kind_option(func: F) -> F:
    """``--kind``: only consider entities of one kind."""
    return click.option(
        "--kind",
        type=click.Choice(KINDS),
        help="Only consider entities of this kind.",
    )(func)


def csv_options(func: F) -> F:
    """``--encoding``, ``--output-encoding`` and ``--delimiter`` for CSV input."""
    for option in reversed(
        (
            click.option(
                "--encoding",
                metavar="NAME",
                help="Encoding of the input (default: detected; e.g. utf-8, utf-16, cp1251).",
            ),
            click.option(
                "--output-encoding",
                metavar="NAME",
                help="Encoding of the output (default: the input's, BOM included; "
                "utf-8-sig and utf-16 write a BOM).",
            ),
            click.option(
                "--delimiter",
                metavar="CHAR",
                callback=parse_delimiter,
                help="Field delimiter of the input: , ; tab | ... (default: sniffed).",
            ),
        )
    ):
        func = option(func)
    return func


def parse_delimiter(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Accept ``tab`` and ``\\t`` for a tab; otherwise one character."""
    if value is None:
        return None
    if value.lower() in ("tab", "\\t"):
        return "\t"
    if len(value) != 1 or value in '"\r\n':
        raise click.BadParameter(f"{value!r}; expected one character such as , ; | or tab")
    return value


@contextlib.contextmanager
def library_errors() -> Iterator[None]:
    """Turn library errors into click errors: bad arguments exit 2, bad data exit 1.

    A file that cannot be read or written is a data error too (exit 1); a
    closed pipe is left to :func:`namenorm.cli.main`.
    """
    try:
        yield
    except InvalidInputError as exc:
        raise click.UsageError(str(exc)) from exc
    except (NamenormError, CsvError) as exc:
        raise click.ClickException(str(exc)) from exc
    except BrokenPipeError:
        raise
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        raise click.ClickException(f"{where}{exc.strerror or exc}") from exc


def load_registry(path: Path | None) -> Registry:
    """The registry at ``path``, else the default one; invalid registries exit 1."""
    with library_errors():
        try:
            return Registry.from_csv(path) if path else default_registry()
        except OSError as exc:
            raise click.ClickException(
                f"cannot read registry {exc.filename}: {exc.strerror}"
            ) from exc
