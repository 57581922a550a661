"""``namenorm registry check`` and ``namenorm registry add``.

``check`` lists every validation problem of a registry file with its line,
then the quality findings of ``namenorm.quality``. Other modules add their
subcommands to the ``registry`` group (``enrich.py``). ``add`` appends one row: the
new file is validated with the library's own parser before anything is
written, the existing bytes (rows, order, quoting, line endings, BOM) are
kept, and the file is replaced atomically.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import click

from ..csvio import atomic_binary, quote
from ..enrich.write import NewRow, read_rows, render_rows, spelling_key
from ..errors import RegistryError
from ..quality import CHECKS, load_allowed, quality_report
from ..registry import (
    KINDS,
    OPTIONAL_COLUMNS,
    Registry,
    SharedSpelling,
    parse_registry,
    shipped_registry_path,
)
from ..settings import setting
from ..text import clean as clean_text
from .options import library_errors

__all__ = ["default_registry_path", "registry"]


def default_registry_path() -> Path:
    """The registry file commands change: ``$NAMENORM_REGISTRY``, else the shipped one."""
    return Path(setting("NAMENORM_REGISTRY") or shipped_registry_path())


def _shared_from_rows(data: bytes) -> list[SharedSpelling]:
    """Shared spellings of a registry that does not validate (best effort, row by row)."""
    text = data.decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    seen: dict[str, dict[str, int]] = {}
    display: dict[str, str] = {}
    for row in reader:
        ident, name = (row.get("id") or "").strip(), clean_text(row.get("name") or "")
        if ident and name:
            key = name.casefold()
            display.setdefault(key, name)
            seen.setdefault(key, {}).setdefault(ident, reader.line_num)
    return [
        SharedSpelling(display[key], tuple(ids), tuple(ids.values()))
        for key, ids in seen.items()
        if len(ids) > 1
    ]


@click.group()
def registry() -> None:
    """Check the registry, or add a spelling to it.

    \b
    Examples:
      namenorm registry check
      namenorm registry check my-variants.csv
      namenorm registry add lukashenka-alaksandr --kind person --lang pl --name "Ałaksandr Łukaszenka"
    """


@registry.command()
@click.argument(
    "path", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--allow",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Intended ambiguities (check,ids,reason); default: ambiguities.csv beside the registry.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on any quality finding not declared intended.")
def check(path: Path | None, allow: Path | None, strict: bool) -> None:
    """Validate a registry file and report where ambiguity will bite.

    Prints every validation problem as FILE:LINE: FIELD: MESSAGE, then the
    quality findings: spellings stored under more than one ID, names of
    different entities one typo apart, entities without a Cyrillic source
    form, rows without a source. Findings the allow-list declares intended
    are marked so. Exits 1 if there are problems (with --strict, also if
    there are findings not declared intended).

    \b
    Examples:
      namenorm registry check
      namenorm registry check data/variants.csv --strict
    """
    path = path or default_registry_path()
    with library_errors():
        data = path.read_bytes()
    beside = path.parent / "ambiguities.csv"
    allow = allow or (beside if beside.is_file() else None)
    problems = []
    try:
        loaded = Registry(parse_registry(data, str(path)), source=str(path))
    except RegistryError as exc:
        problems = exc.problems
        for problem in problems:
            click.echo(str(problem))
        noun = "problem" if len(problems) == 1 else "problems"
        click.echo(f"{path}: {len(problems):,} {noun}")
        shared = _shared_from_rows(data)
        click.echo(f"shared spellings: {len(shared)}")
        for item in shared:
            where = ", ".join(f"{i} (line {n})" for i, n in zip(item.ids, item.lines, strict=True))
            click.echo(f"  {item.spelling!r}: {where}")
        raise SystemExit(1) from None
    names = sum(len(e.names) for e in loaded.entities())
    click.echo(f"{path}: {len(loaded):,} entities, {names:,} names: OK")
    with library_errors():
        allowed = load_allowed(allow) if allow else {}
    report = quality_report(loaded, allowed=allowed)
    for check_name, heading in CHECKS.items():
        findings = report.findings[check_name]
        intended = sum(1 for f in findings if f.reason)
        extra = f" ({intended} intended)" if intended else ""
        click.echo(f"{heading}: {report.count(check_name)}{extra}")
        for finding in findings:
            click.echo(f"  {finding}")
    if strict and report.failing():
        count = len(report.failing())
        noun = "finding" if count == 1 else "findings"
        click.echo(f"{path}: {count} {noun} not declared intended (--strict)")
        raise SystemExit(1)


@registry.command()
@click.argument("entity_id", metavar="ID")
@click.option("--kind", type=click.Choice(KINDS), required=True, help="Kind of the entity.")
@click.option(
    "--lang", required=True, help="Language tag of the spelling: be, ru, uk, en, pl, be-Latn, ..."
)
@click.option("--name", required=True, help="The spelling, as written.")
@click.option("--preferred", is_flag=True, help="Make it the house spelling for --lang.")
@click.option(
    "--source",
    default="",
    help="Where the spelling was seen: a URL, wikidata:Q... or geonames:ID (needs a source column).",
)
@click.option("--wikidata", default="", help="The entity's Wikidata QID (needs a wikidata column).")
@click.option("--geonames", default="", help="The place's GeoNames ID (needs a geonames column).")
@click.option(
    "--registry",
    "path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Registry file to change (default: $NAMENORM_REGISTRY, else the shipped one).",
)
def add(
    entity_id: str,
    kind: str,
    lang: str,
    name: str,
    preferred: bool,
    source: str,
    wikidata: str,
    geonames: str,
    path: Path | None,
) -> None:
    """Append a spelling of ID to the registry, validating first.

    The file keeps its rows, order, quoting, line endings and BOM; the new
    row uses the file's delimiter and line ending, and the file is replaced
    atomically. A new ID needs its preferred English spelling first.

    \b
    Examples:
      namenorm registry add lukashenka-alaksandr --kind person --lang pl --name "Ałaksandr Łukaszenka"
      namenorm registry add viasna --kind org --lang en --name Viasna --preferred
      namenorm registry add minsk --kind place --lang lt --name Minskas --source https://lt.wikipedia.org/wiki/Minskas
    """
    path = path or default_registry_path()
    with library_errors():
        data = path.read_bytes()
    try:
        rows = read_rows(data, str(path))
    except RegistryError as exc:
        raise click.ClickException(f"{path}: {exc.problems[0].message}") from exc
    new_row = NewRow(
        entity_id.strip(),
        kind,
        lang.strip(),
        name.strip(),
        preferred=preferred,
        source=source.strip(),
        wikidata=wikidata.strip(),
        geonames=geonames.strip(),
    )
    lacking = [c for c in OPTIONAL_COLUMNS if new_row.value(c) and c not in rows.header]
    if lacking:
        raise click.ClickException(
            f"{path}: no {' or '.join(lacking)} column to write --{' and --'.join(lacking)} to; "
            f"add the column(s) to the header first; nothing added"
        )
    found = rows.stored.get(spelling_key(new_row.id, new_row.lang, new_row.name))
    if found is not None:
        raise click.ClickException(
            f"{path}:{found[0]}: {new_row.id} already has the "
            f"{new_row.lang} spelling {found[1]!r}; nothing added"
        )
    line = rows.next_line
    try:
        new = render_rows(data, [new_row], str(path))
    except RegistryError as exc:
        mine = [p for p in exc.problems if p.line == line]
        detail = "\n".join(f"  {p}" for p in mine or exc.problems)
        before = "" if mine else " (the file already has problems; see namenorm registry check)"
        raise click.ClickException(f"nothing added{before}:\n{detail}") from exc
    with library_errors(), atomic_binary(path) as out:
        out.write(new)
    row = rows.dialect.delimiter.join(quote(new_row.value(c), rows.dialect) for c in rows.header)
    click.echo(f"{path}:{line}: added {row}")
