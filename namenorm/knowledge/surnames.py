"""Common surnames per country, from the ``names-dataset`` package.

``names-dataset`` (Remy, "name-dataset", v3) ships about 980,000 last names,
each with its rank among the surnames of each country where it is common
(counted over the public profiles of a large social network, one count per
name and country, nothing per person). :func:`surname_rank` gives a word's
best rank in the countries whose press and readers the registry serves
(:data:`COUNTRIES`): Scholze is the 1,903rd surname of Germany, Borel the
1,168th of France, Šimonis the 1,555th of Lithuania, so each is a name of
its own, not a typing error of Scholz, Borrell or Šimkus. The names kept
(rank up to :data:`KEPT_RANK` in one of those countries, about 130,000) are
read from the package once per machine and then mapped from a cached table
file (``namenorm.tablecache``); the package's own loader, which holds 3 GB
of dictionaries, is never used.

Left out: given names (``namenorm.given``), countries the dataset does not
rank (Belarus, Ukraine, Latvia), and the names it lists without a rank.
"""

from __future__ import annotations

import gzip
import pickle
from array import array
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ..tablecache import Built, cached

if TYPE_CHECKING:
    from ..index.packed import StringMap

__all__ = ["COUNTRIES", "KEPT_RANK", "SurnameRank", "surname_rank"]

#: Countries whose ranks are read (ISO 3166 alpha-2): the English-speaking
#: countries, the European Union's and its neighbours', Russia and Kazakhstan
#: (Russian speakers); in this order, so that of two equal ranks the first
#: country is reported.
COUNTRIES: tuple[str, ...] = (
    "GB", "US", "IE", "CA", "DE", "AT", "CH", "FR", "BE", "NL", "LU", "PL", "LT", "EE",
    "CZ", "IT", "ES", "PT", "DK", "SE", "NO", "FI", "HU", "BG", "SI", "HR", "RS", "GR",
    "RU", "KZ", "MD", "GE",
)  # fmt: skip
#: Worst rank kept in the table (the resolver asks for less: see
#: ``namenorm.knowledge.othernames.SURNAME_RANK``).
KEPT_RANK = 5000


class SurnameRank(NamedTuple):
    """A surname's best rank among the surnames of one of :data:`COUNTRIES`."""

    rank: int
    country: str


def _read() -> dict[str, Any]:
    """The package's table of last names (name -> country shares, gender, ranks)."""
    from importlib.resources import files

    data = files("names_dataset").joinpath("v3", "last_names.pkl.gz")
    with data.open("rb") as raw, gzip.open(raw, "rb") as handle:
        table: dict[str, Any] = pickle.load(handle)  # the package's own data file
    return table


def _pack() -> Built:
    """Case-folded surname -> (best rank, country number), for the names kept."""
    from ..index.packed import pack_map

    best: dict[str, tuple[int, int]] = {}
    for name, record in _read().items():
        ranks: Mapping[str, int] = record.get("rank") or {}
        found = min(
            ((rank, n) for n, c in enumerate(COUNTRIES) if (rank := ranks.get(c)) is not None),
            default=None,
        )
        if found is None or found[0] > KEPT_RANK:
            continue
        key = name.casefold()
        if key not in best or found < best[key]:
            best[key] = found
    arrays: dict[str, array[int]] = pack_map(
        ((name, found) for name, found in sorted(best.items())), "surnames"
    )
    return arrays, {"surnames": len(best)}


@cache
def _table() -> StringMap:
    from importlib.metadata import version

    from ..index.packed import StringMap  # not at import: namenorm.index imports knowledge

    arrays, _ = cached(
        "surnames",
        _pack,
        sources=(f"names-dataset {version('names-dataset')}", f"kept {KEPT_RANK}", *COUNTRIES),
        code=(__file__,),
    )
    return StringMap(arrays, "surnames")


def surname_rank(word: str) -> SurnameRank | None:
    """The best rank of ``word`` (any case) among the surnames of
    :data:`COUNTRIES`, if it is within :data:`KEPT_RANK` in one of them.

    >>> surname_rank("Scholze")
    SurnameRank(rank=1903, country='DE')
    >>> surname_rank("Lukashenak") is None
    True
    """
    found = _table().get(word.casefold(), ())
    if not found:
        return None
    rank, country = found
    return SurnameRank(int(rank), COUNTRIES[int(country)])
