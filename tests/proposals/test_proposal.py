"""A proposal is checked field by field, its language and kind inferred, its ID suggested."""

from __future__ import annotations

import pytest

from namenorm import Registry
from namenorm import proposals as queue


def test_a_variant_takes_its_kind_from_the_registry(small: Registry) -> None:
    p = queue.new_proposal("Babaryka Viktar", entity_id="babaryka-viktar", registry=small)
    assert (p.id, p.kind, p.lang, p.preferred) == ("babaryka-viktar", "person", "en", False)
    assert len(p.proposal) == 12
    cyrillic = queue.new_proposal(
        "Бабарыка", entity_id="babaryka-viktar", copy_lang="ru", registry=small
    )
    assert cyrillic.lang == "ru"
    quoted = queue.new_proposal(
        "Бабарыка", entity_id="babaryka-viktar", copy_lang="en", registry=small
    )
    assert quoted.lang == "be"  # the copy's language does not fit a Cyrillic name


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "  "}, "name is empty"),
        ({"name": "X", "entity_id": "Bad Id"}, "bad id 'Bad Id'"),
        ({"name": "X", "entity_id": "new-one"}, "new id 'new-one' needs a kind"),
        ({"name": "X", "entity_id": "hrodna", "kind": "person"}, "'hrodna' is a place"),
        ({"name": "Гродна", "entity_id": "hrodna", "lang": "en"}, "Cyrillic name 'Гродна'"),
        ({"name": "x" * 201}, "at most 200"),
    ],
)
def test_bad_proposals_say_what_is_wrong(
    small: Registry, kwargs: dict[str, str], message: str
) -> None:
    name = kwargs.pop("name")
    with pytest.raises(queue.ProposalError, match=message):
        queue.new_proposal(name, registry=small, **kwargs)  # type: ignore[arg-type]


def test_suggested_ids_follow_the_registry_style() -> None:
    assert queue.suggest_id("Ihar Losik", "person") == "losik-ihar"
    assert queue.suggest_id("Ihar Losik", "org") == "ihar-losik"
    assert queue.suggest_id("Ігар Лосік", "person") == "losik-ihar"
