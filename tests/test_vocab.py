"""The closed vocabularies: the run-time tuples are the types' values, and
what the resolver returns stays inside them."""

from __future__ import annotations

import pytest

from namenorm import Registry, UnknownKindError
from namenorm.vocab import KINDS, METHODS, STATUSES, check_kind


def test_tuples_hold_the_values() -> None:
    assert KINDS == ("person", "org", "place")
    assert METHODS == ("exact", "key", "fuzzy")
    assert STATUSES == ("matched", "ambiguous", "unmatched")
    assert check_kind(None) is None and check_kind("org") == "org"
    with pytest.raises(UnknownKindError, match="expected one of person, org, place"):
        check_kind("city")


@pytest.mark.parametrize("query", ["Lukashenka", "Lukaschenko", "Lukashenkko", "Babaryka", "xyz"])
def test_results_use_the_vocabularies(shipped: Registry, query: str) -> None:
    matches = shipped.lookup(query)
    assert shipped.index.decide(matches) in STATUSES
    for match in matches:
        assert match.method in METHODS
        assert match.kind in KINDS
