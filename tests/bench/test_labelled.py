"""Format checks for the labelled sets of the accuracy benchmark, and their separation.

Checks the files only (columns, categories, IDs, size, share of negatives,
sources, no leak of a benchmark-registry name into a positive, no query
shared between two sets); it does not run the resolver: ``bench/accuracy.py``
does that. The blind set's own checks are in ``test_blind.py``.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest

from bench.labelled import (
    BLIND_NEGATIVE,
    BLIND_POSITIVE,
    DEV_NEGATIVE,
    DEV_POSITIVE,
    DEVSET,
    DEVSET2,
    DEVSET3,
    HEADER,
    LABELLED_SETS,
    VARIANTS,
    Case,
    benchmark_rows,
    load_cases,
    query_key,
    read_registry_rows,
)

DEV_SETS = [DEVSET, DEVSET2, DEVSET3]
# The third development set covers the gaps of the resolver v2 issue: it uses
# the blind set's categories, and needs every one of the issue's.
DEVSET3_REQUIRED = (
    "country-lang",
    "org-lang",
    "city-foreign",
    "typo-short",
    "typo-end",
    "case-lt-lv",
    "given-en",
    "descriptor",
    "acronym",
    "neg-surname",
    "neg-city",
    "neg-org",
)
MIN_ROWS = {DEVSET.name: 500, DEVSET2.name: 500, DEVSET3.name: 300}


def _ids(path: Path) -> str:
    return path.name


@pytest.fixture(scope="module", params=DEV_SETS, ids=_ids)
def dev(request: pytest.FixtureRequest) -> tuple[Path, list[Case]]:
    return request.param, load_cases(request.param)


def test_header_and_field_count(dev: tuple[Path, list[Case]]) -> None:
    path, _ = dev
    lines = path.read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == HEADER
    bad = [(n, line) for n, line in enumerate(lines[1:], 2) if line.count("\t") != 3]
    assert not bad, f"{path.name}: lines without exactly 4 tab-separated fields: {bad[:5]}"


def test_categories_known_and_all_present(dev: tuple[Path, list[Case]]) -> None:
    path, cases = dev
    seen = Counter(case.category for case in cases)
    if path == DEVSET3:
        known, required = set(BLIND_POSITIVE) | set(BLIND_NEGATIVE), set(DEVSET3_REQUIRED)
    else:
        known = required = set(DEV_POSITIVE) | set(DEV_NEGATIVE)
    assert not set(seen) - known, f"{path.name}: unknown categories {sorted(set(seen) - known)}"
    missing = sorted(required - set(seen))
    assert not missing, f"{path.name}: categories with no row {missing}"


def test_expected_matches_category_kind(dev: tuple[Path, list[Case]]) -> None:
    path, cases = dev
    bad = [
        (case.query, case.category)
        for case in cases
        if (case.category in BLIND_NEGATIVE) == (case.expected is not None)
    ]
    assert not bad, f"{path.name}: neg-* rows need an empty expected, others an ID: {bad[:5]}"


def test_every_expected_id_exists(dev: tuple[Path, list[Case]]) -> None:
    path, cases = dev
    ids = {row["id"] for row in read_registry_rows(VARIANTS)}
    unknown = sorted({case.expected for case in cases if case.expected} - ids)
    assert not unknown, f"{path.name}: expected IDs not in {VARIANTS.name}: {unknown}"


def test_size_and_share_of_negatives(dev: tuple[Path, list[Case]]) -> None:
    path, cases = dev
    negatives = sum(case.expected is None for case in cases)
    least = MIN_ROWS[path.name]
    assert len(cases) >= least, f"{path.name}: {len(cases)} rows; expected at least {least}"
    assert negatives * 4 >= len(cases), f"{path.name}: {negatives}/{len(cases)} negatives"


def test_every_row_has_a_source_and_a_query(dev: tuple[Path, list[Case]]) -> None:
    path, cases = dev
    bad = [case.query for case in cases if not case.source.strip() or not case.query.strip()]
    assert not bad, f"{path.name}: rows without a source or query: {bad[:5]}"


def test_queries_unique(dev: tuple[Path, list[Case]]) -> None:
    path, cases = dev
    # Within a set, case and composition variants are deliberate (noise, structure rows).
    dups = [q for q, n in Counter(case.query for case in cases).items() if n > 1]
    assert not dups, f"{path.name}: duplicate queries: {dups[:5]}"


def test_positives_are_not_benchmark_registry_names(dev: tuple[Path, list[Case]]) -> None:
    """A positive equal to a kept name (case-insensitively) would measure nothing."""
    path, cases = dev
    kept = {row["name"].casefold() for row in benchmark_rows(VARIANTS)}
    leaks = [case.query for case in cases if case.expected and case.query.casefold() in kept]
    assert not leaks, f"{path.name}: positives equal to a benchmark-registry name: {leaks}"


@pytest.mark.parametrize(
    ("first", "second"), list(itertools.combinations(LABELLED_SETS, 2)), ids=str
)
def test_no_two_sets_share_a_query(first: Path, second: Path) -> None:
    """A query in two sets makes one of them a copy of the other (NFC, case-folded)."""
    shared = sorted(
        {query_key(c.query) for c in load_cases(first)}
        & {query_key(c.query) for c in load_cases(second)}
    )
    assert not shared, f"{first.name} and {second.name} share {len(shared)} queries: {shared[:5]}"


def test_query_key_folds_case_and_composition() -> None:
    assert query_key("ALEŚ") == query_key("Ales\u0301".replace("s\u0301", "ś")) == "aleś"
    assert query_key("Alesʹ") != query_key("Ales")
