"""``namenorm lookup``: candidate entities for names, as a table or JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..match import Match
from .options import kind_option, library_errors, load_registry, registry_option

__all__ = ["lookup"]


def _table(query: str, status: str, matches: list[Match]) -> list[str]:
    lines = [f"{query}: {status}"]
    if not matches:
        lines.append("  (no candidates)")
    id_width = max(len(m.id) for m in matches) if matches else 0
    for m in matches:
        lines.append(f"  {m.score:5.1f}  {m.id:<{id_width}}  {m.name}")
        lines.append(f"  {'':5}  {m.explain()}")
    return lines


@click.command()
@click.argument("names", nargs=-1, required=True)
@click.option(
    "--limit",
    "-n",
    type=click.IntRange(1, 100),
    default=5,
    show_default=True,
    help="Candidates per name.",
)
@kind_option
@registry_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per name (JSON lines).")
def lookup(
    names: tuple[str, ...],
    limit: int,
    kind: str | None,
    registry_path: Path | None,
    as_json: bool,
) -> None:
    """Show the candidate entities for each NAME, best first.

    The status is what `clean` would write: matched (one ID), ambiguous (two
    IDs too close to call) or unmatched.

    \b
    Examples:
      namenorm lookup Lukashenko
      namenorm lookup "Svetlana Tikhanovskaya" Ціханоўская --limit 2
      namenorm lookup Minsk --kind place --json
    """
    registry = load_registry(registry_path)
    first = True
    for name in names:
        with library_errors():
            matches = registry.lookup(name, limit=limit, kind=kind)
        status = registry.index.decide(matches)
        if as_json:
            body = {"query": name, "status": status, "matches": [m.as_dict() for m in matches]}
            click.echo(json.dumps(body, ensure_ascii=False))
            continue
        if not first:
            click.echo()
        first = False
        click.echo("\n".join(_table(name, status, matches)))
