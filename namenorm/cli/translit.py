"""``namenorm translit`` and ``namenorm systems``: romanize text, list the systems."""

from __future__ import annotations

import sys

import click

from ..translit import LANGS, transliterate
from ..translit import systems as all_systems
from .options import library_errors

__all__ = ["systems", "translit"]


@click.command()
@click.argument("text")
@click.option("--lang", "-l", type=click.Choice(LANGS), required=True, help="Language of TEXT.")
@click.option(
    "--system",
    "-s",
    default="news",
    show_default=True,
    help="Romanization system (see `namenorm systems`).",
)
def translit(text: str, lang: str, system: str) -> None:
    """Romanize Cyrillic TEXT (- reads standard input, line by line).

    \b
    Examples:
      namenorm translit "Аляксандр Лукашэнка" --lang be
      namenorm translit "Святлана Ціханоўская" --lang be --system lacinka
      cat names.txt | namenorm translit - --lang ru --system iso9
    """
    with library_errors():
        if text != "-":
            click.echo(transliterate(text, lang, system))
            return
        transliterate("", lang, system)  # a bad system fails before reading
        out = sys.stdout
        for line in sys.stdin:
            out.write(transliterate(line, lang, system))


@click.command()
@click.option("--lang", "-l", type=click.Choice(LANGS), help="Only this language.")
@click.option("--sources", is_flag=True, help="Show the published source of each table.")
def systems(lang: str | None, sources: bool) -> None:
    """List the romanization systems, by language.

    \b
    Examples:
      namenorm systems
      namenorm systems --lang be --sources
    """
    found = all_systems(lang)
    width = max(len(s.name) for s in found)
    for system in found:
        click.echo(f"{system.lang}  {system.name:<{width}}  {system.description}")
        if sources:
            click.echo(f"    {'':<{width}}  source: {system.source}")
