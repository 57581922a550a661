"""Who a surname alone names when relatives share it: ``data/bearers.csv``.

The registry knows a president and his sons, who share his surname; a
query of the surname alone is ambiguous among them, yet the news means the
president by it and names a son with his given name. ``data/bearers.csv``
(``id,others,reason,source``) says so per family: the ID the surname alone
names, the IDs of the relatives, why, and a page that shows the usage.
:func:`bearer_of` answers, for a relative's ID, the ID that the surname
alone names instead; the scorer then puts the relative below the bearer by
more than the ambiguity margin (``Scoring.bearer_gap``), so ``lookup`` still
lists every relative and a given name still picks the one it names.

Left out: any guess from frequency or fame; only the table decides.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from ..errors import Problem, RegistryError

__all__ = ["bearer_of", "bearers_path"]

_COLUMNS = ("id", "others", "reason", "source")


def bearers_path() -> Path:
    """Path of the shipped table (package data, or ``data/`` in a checkout)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "data" / "bearers.csv"
    return packaged if packaged.exists() else here.parent / "data" / "bearers.csv"


@cache
def _table() -> dict[str, str]:
    """Relative's ID -> the ID the surname alone names."""
    path = bearers_path()
    found: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != _COLUMNS:
            got = ",".join(reader.fieldnames or ())
            message = f"expected {','.join(_COLUMNS)}, got {got!r}"
            raise RegistryError([Problem(str(path), 1, "header", message)])
        for line, row in enumerate(reader, start=2):
            bearer, others = row["id"].strip(), row["others"].split()
            for column, value in (("id", bearer), ("others", others), ("source", row["source"])):
                if not value or (isinstance(value, str) and not value.strip()):
                    message = "expected an ID, the relatives' IDs and a source; this is empty"
                    raise RegistryError([Problem(str(path), line, column, message)])
            for other in others:
                found[other] = bearer
    return found


def bearer_of(entity_id: str) -> str | None:
    """The ID the surname alone names when ``entity_id`` is a relative sharing it, else None."""
    return _table().get(entity_id)
