"""The labelled query sets of the accuracy benchmark and the registries they are read against.

Four sets, one format (``query<TAB>expected<TAB>category<TAB>source``, an
empty ``expected`` meaning ``resolve`` must return None):

* ``bench/devset.tsv``: the development set; the resolver is tuned against it;
* ``bench/devset2.tsv``: a second development set (it was meant as held-out,
  but it shared rows with the first and was tuned against after it was
  written); no row is shared with the first;
* ``bench/devset3.tsv``: a third development set, written against the
  registry of 416 entities for the gaps of the resolver v2 issue (the blind
  set's categories) from real spellings (Unicode CLDR names, Wikipedia
  titles, press usage), committed before the resolver was changed for it;
  no row is shared with another set;
* ``bench/blind.tsv``: the blind set, frozen when committed (its sha256 is
  pinned by ``tests/bench/test_blind.py``) and read against the benchmark
  registry frozen beside it, ``bench/blind-registry.csv``. It is only run to
  report; nobody tunes against it or reads its rows.

The benchmark registry keeps only the Cyrillic rows (``be``, ``ru``, ``uk``)
and the preferred ``en`` row of each ID of ``data/variants.csv``, so every
attested Latin variant has to be derived, not looked up.

What it leaves out: running anything; ``bench/accuracy.py`` does that.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ROOT / "data" / "variants.csv"
DEVSET = ROOT / "bench" / "devset.tsv"
DEVSET2 = ROOT / "bench" / "devset2.tsv"
DEVSET3 = ROOT / "bench" / "devset3.tsv"
BLIND = ROOT / "bench" / "blind.tsv"
BLIND_REGISTRY = ROOT / "bench" / "blind-registry.csv"
BLIND_FROZEN_AT = "3782fb7"  # the commit that added bench/blind.tsv and its registry
LABELLED_SETS = (DEVSET, DEVSET2, DEVSET3, BLIND)
HEADER = ("query", "expected", "category", "source")
KEPT_LANGS = frozenset({"be", "ru", "uk"})
REGISTRY_FIELDS = ("id", "kind", "lang", "name", "preferred")

DEV_POSITIVE = (
    "system-be",
    "system-ru",
    "mixed",
    "be-ru",
    "cyrillic",
    "structure",
    "noise",
    "typo",
    "org-place",
)
DEV_NEGATIVE = ("neg-gender", "neg-relative", "neg-similar", "neg-absent")
# The blind set adds one category per gap named by the resolver v2 issue.
BLIND_POSITIVE = (
    *DEV_POSITIVE,
    "typo-short",
    "typo-end",
    "country-lang",
    "org-lang",
    "city-foreign",
    "descriptor",
    "acronym",
    "case-lt-lv",
    "given-en",
    "tie-bar",
)
BLIND_NEGATIVE = (*DEV_NEGATIVE, "neg-surname", "neg-city", "neg-org")
CATEGORIES = (*BLIND_POSITIVE, *BLIND_NEGATIVE)


@dataclass(frozen=True)
class Case:
    """One labelled row; ``expected`` is None when ``resolve`` must return None."""

    query: str
    expected: str | None
    category: str
    source: str


def query_key(query: str) -> str:
    """The key under which two queries count as the same: NFC, then case-folded."""
    return unicodedata.normalize("NFC", query).casefold()


def load_cases(path: Path) -> list[Case]:
    """Read a labelled TSV (header ``query expected category source``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Case(row["query"], row["expected"] or None, row["category"], row["source"])
            for row in reader
        ]


def read_registry_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a registry CSV, as dicts."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def benchmark_rows(variants: Path) -> list[dict[str, str]]:
    """Rows of the benchmark registry: every be/ru/uk row and each preferred ``en`` row."""
    return [
        row
        for row in read_registry_rows(variants)
        if row["lang"] in KEPT_LANGS or (row["lang"] == "en" and row["preferred"] == "1")
    ]


def write_registry(rows: Sequence[dict[str, str]], path: Path) -> None:
    """Write ``rows`` as a registry CSV with the five base columns."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=REGISTRY_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: row[key] for key in REGISTRY_FIELDS})
