"""Format checks for ``bench/devset.tsv``, the accuracy benchmark's labelled queries.

Checks the file only (columns, categories, IDs, size, share of negatives,
sources, no leak of a benchmark-registry name into a positive); it does not
run the resolver: ``bench/accuracy.py`` does that.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "bench" / "devset.tsv"
VARIANTS = ROOT / "data" / "variants.csv"
HEADER = ["query", "expected", "category", "source"]
POSITIVE = {
    "system-be",
    "system-ru",
    "mixed",
    "be-ru",
    "cyrillic",
    "structure",
    "noise",
    "typo",
    "org-place",
}
NEGATIVE = {"neg-gender", "neg-relative", "neg-similar", "neg-absent"}


def _rows() -> list[dict[str, str]]:
    with DEVSET.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _variants() -> list[dict[str, str]]:
    with VARIANTS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _rows()


def test_header_and_field_count() -> None:
    lines = DEVSET.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == HEADER
    bad = [(n, line) for n, line in enumerate(lines[1:], 2) if line.count("\t") != 3]
    assert not bad, f"{DEVSET.name}: lines without exactly 4 tab-separated fields: {bad[:5]}"


def test_categories_known_and_all_present(rows: list[dict[str, str]]) -> None:
    seen = Counter(row["category"] for row in rows)
    unknown = set(seen) - POSITIVE - NEGATIVE
    assert not unknown, (
        f"unknown categories {sorted(unknown)}; expected one of {sorted(POSITIVE | NEGATIVE)}"
    )
    missing = (POSITIVE | NEGATIVE) - set(seen)
    assert not missing, f"categories with no row: {sorted(missing)}"


def test_expected_matches_category_kind(rows: list[dict[str, str]]) -> None:
    bad = [
        (row["query"], row["category"], row["expected"])
        for row in rows
        if (row["category"] in NEGATIVE) == bool(row["expected"])
    ]
    assert not bad, f"neg-* rows need an empty expected, others an ID: {bad[:5]}"


def test_every_expected_id_exists(rows: list[dict[str, str]]) -> None:
    ids = {row["id"] for row in _variants()}
    unknown = sorted({row["expected"] for row in rows if row["expected"]} - ids)
    assert not unknown, f"expected IDs not in {VARIANTS.name}: {unknown}"


def test_size_and_share_of_negatives(rows: list[dict[str, str]]) -> None:
    negatives = sum(not row["expected"] for row in rows)
    assert len(rows) >= 500, f"{len(rows)} rows; expected at least 500"
    assert negatives * 4 >= len(rows), f"{negatives}/{len(rows)} negatives; expected >= 25%"


def test_every_row_has_a_source_and_a_query(rows: list[dict[str, str]]) -> None:
    bad = [row["query"] for row in rows if not row["source"].strip() or not row["query"].strip()]
    assert not bad, f"rows without a source or query: {bad[:5]}"


def test_queries_unique(rows: list[dict[str, str]]) -> None:
    dups = [q for q, n in Counter(row["query"] for row in rows).items() if n > 1]
    assert not dups, f"duplicate queries: {dups[:5]}"


def test_positives_are_not_benchmark_registry_names(rows: list[dict[str, str]]) -> None:
    """The benchmark registry keeps be/ru/uk rows and preferred en rows: a positive equal
    to one of them (case-insensitively) would measure nothing."""
    kept = {
        row["name"].casefold()
        for row in _variants()
        if row["lang"] in {"be", "ru", "uk"} or (row["lang"] == "en" and row["preferred"] == "1")
    }
    leaks = [row["query"] for row in rows if row["expected"] and row["query"].casefold() in kept]
    assert not leaks, f"positives equal to a benchmark-registry name in {VARIANTS.name}: {leaks}"
