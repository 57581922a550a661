"""The score scale's constants: in one frozen structure, in the order the scale needs."""

from __future__ import annotations

import dataclasses

import pytest

from namenorm import Registry
from namenorm.index import SCORING, Scoring
from namenorm.match import THRESHOLD


def test_constants_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        SCORING.initial = 50.0  # type: ignore[misc]
    assert Scoring() == SCORING


def test_the_scale_is_ordered() -> None:
    s = SCORING
    best_key = s.key_base + s.key_span
    assert s.fuzzy_cap < best_key <= 100.0
    # a typo alone may still be accepted, a surname alone by sound too
    assert s.fuzzy_cap >= THRESHOLD
    assert s.key_base - s.surname_only_penalty >= THRESHOLD
    assert s.surname_weight + s.given_weight == pytest.approx(1.0)
    assert 0.0 < s.min_fuzzy_similarity < 1.0


def test_an_inflected_given_name_keeps_its_role(people: Registry) -> None:
    """A given name read back from a case form counts as the given name (not as
    the patronymic the loop looked at last), so no 'surname only' discount."""
    best = people.lookup("Siarhie Cichanouski")[0]
    assert best.id == "tsikhanouski-siarhei"
    assert "surname only" not in best.note
