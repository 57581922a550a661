"""``namenorm registry review``: the review queue of proposed spellings.

Without a subcommand it lists the queue (``proposals.csv`` beside the
registry); ``accept`` adds proposals to the registry file (validated whole,
as every load does; nothing is written on a problem), ``reject`` drops them,
and ``import`` feeds the unmatched values written by ``namenorm clean
--unmatched`` into the queue. The queue logic is ``namenorm.proposals``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from .. import proposals as queue
from ..registry import KINDS, shipped_registry_path
from ..settings import setting
from .options import library_errors

__all__ = ["review"]


@dataclass(frozen=True)
class _Files:
    registry: Path
    queue: Path


def _files(ctx: click.Context) -> _Files:
    files: _Files = ctx.obj
    return files


@click.group(invoke_without_command=True)
@click.option(
    "--registry",
    "registry_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Registry file (default: $NAMENORM_REGISTRY, else the shipped one).",
)
@click.option(
    "--queue",
    "queue_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Queue file (default: proposals.csv beside the registry).",
)
@click.pass_context
def review(ctx: click.Context, registry_path: Path | None, queue_path: Path | None) -> None:
    """List, accept or reject the spellings proposed for the registry.

    \b
    Examples:
      namenorm registry review
      namenorm registry review accept 8169908d99c2
      namenorm registry review accept 0b1c2d3e4f5a --id losik-ihar --kind person
      namenorm registry review reject 8169908d99c2
      namenorm registry review import todo.csv
    """
    registry = registry_path or Path(setting("NAMENORM_REGISTRY") or shipped_registry_path())
    ctx.obj = _Files(registry, queue_path or queue.queue_path(registry))
    if ctx.invoked_subcommand is None:
        _list(ctx.obj.queue)


def _list(path: Path) -> None:
    with library_errors():
        found = queue.read_queue(path)
    noun = "proposal" if len(found) == 1 else "proposals"
    click.echo(f"{path}: {len(found)} {noun}")
    for p in found:
        target = f"{p.id} ({p.kind}, {p.lang})" if p.assigned else "(no entity yet)"
        flag = ", preferred" if p.preferred else ""
        click.echo(f"{p.proposal}  {p.name!r} -> {target}{flag}  [{p.source}, {p.submitted}]")
        if p.context:
            click.echo(f"    {p.context}")


@review.command()
@click.argument("pids", metavar="PROPOSAL...", nargs=-1, required=True)
@click.option("--id", "entity_id", help="Entity ID to accept them under (for unassigned ones).")
@click.option("--kind", type=click.Choice(KINDS), help="Kind of that entity.")
@click.option("--lang", help="Language tag of the spelling.")
@click.option("--preferred", is_flag=True, help="Make it the house spelling for its language.")
@click.pass_context
def accept(
    ctx: click.Context,
    pids: tuple[str, ...],
    entity_id: str | None,
    kind: str | None,
    lang: str | None,
    preferred: bool,
) -> None:
    """Add proposals to the registry file and drop them from the queue.

    The whole new registry file is validated first; on any problem nothing
    is written. Unassigned proposals need --id and --kind.

    \b
    Examples:
      namenorm registry review accept 8169908d99c2
      namenorm registry review accept 0b1c2d3e4f5a --id losik-ihar --kind person --preferred
    """
    files = _files(ctx)
    fields = {k: v for k, v in (("id", entity_id), ("kind", kind), ("lang", lang)) if v is not None}
    if preferred:
        fields["preferred"] = "1"
    with library_errors():
        done = queue.accept(
            files.queue, files.registry, list(pids), assign={p: fields for p in pids}
        )
    for p in done.added:
        click.echo(f"{done.registry}: added {p.id},{p.kind},{p.lang},{p.name}")
    for p in done.present:
        click.echo(f"{done.registry}: already had {p.id},{p.lang},{p.name}")
    click.echo("a running service picks the change up on POST /v1/admin/reload")


@review.command()
@click.argument("pids", metavar="PROPOSAL...", nargs=-1, required=True)
@click.pass_context
def reject(ctx: click.Context, pids: tuple[str, ...]) -> None:
    """Drop proposals from the queue.

    \b
    Examples:
      namenorm registry review reject 8169908d99c2
    """
    with library_errors():
        gone = queue.reject(_files(ctx).queue, list(pids))
    for p in gone:
        click.echo(f"rejected {p.proposal} {p.name!r}")


@review.command(name="import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def import_unmatched(ctx: click.Context, path: Path) -> None:
    """Queue the values of a `namenorm clean --unmatched` file for review.

    They arrive without an entity; name it when accepting (--id, --kind).

    \b
    Examples:
      namenorm clean people.csv -c name --unmatched todo.csv -o out.csv
      namenorm registry review import todo.csv
    """
    files = _files(ctx)
    with library_errors():
        made = queue.from_unmatched(path)
        queued = queue.submit(files.queue, made)
    new = sum(1 for a, b in zip(made, queued, strict=True) if a is b)
    click.echo(f"{files.queue}: {new} queued, {len(made) - new} already there")
