"""Grow the registry from public knowledge: Wikidata entities and GeoNames places.

Each source module plans rows (:class:`NewRow`) without touching files;
:func:`append_rows` validates and writes them. Re-exports only.
"""

from __future__ import annotations

from .places import PlacesPlan, cyrillic_forms, plan_places, usable_alternate
from .write import NewRow, append_rows, render_rows

__all__ = [
    "NewRow",
    "PlacesPlan",
    "append_rows",
    "cyrillic_forms",
    "plan_places",
    "render_rows",
    "usable_alternate",
]
