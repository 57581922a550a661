"""``namenorm.knowledge.descriptors``: organizations' names translated word by word."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from namenorm import Registry
from namenorm.knowledge.descriptors import (
    CONCEPTS,
    DescriptorTable,
    concepts_of,
    countries_named,
    home_country,
    signatures,
)
from namenorm.knowledge.fold import fold_words


@dataclass(frozen=True)
class Name:
    text: str
    lang: str


@dataclass(frozen=True)
class Entity:
    kind: str
    names: tuple[Name, ...]


ENTITIES = [
    Entity("org", (Name("European Union", "en"), Name("Европейский союз", "ru"))),
    Entity("org", (Name("Council of Europe", "en"), Name("Совет Европы", "ru"))),
    Entity("org", (Name("Coordination Council", "en"), Name("Каардынацыйная рада", "be"))),
    Entity("org", (Name("Office of Sviatlana Tsikhanouskaya", "en"),)),
    Entity("org", (Name("Centre 12", "en"),)),
    Entity("place", (Name("European Union Square", "en"),)),
]


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Unia Europejska", 0),
        ("Europäische Union", 0),
        ("Europos Sąjungos", 0),  # Lithuanian genitive
        ("Евросоюза", 0),  # a compound
        ("Rada Europy", 1),
        ("Rady Koordynacyjnej", 2),
        ("Conseil de coordination", 2),
        ("Офис Светланы Тихановской", 3),  # other words must sound alike
    ],
)
def test_translations_find_their_organization(query: str, entity: int) -> None:
    found = DescriptorTable.build(ENTITIES).find(query)
    assert found is not None and found.entity == entity
    assert found.evidence.system == "translation"


@pytest.mark.parametrize(
    "query",
    [
        "European Council",  # not the Council of Europe
        "Coordination Council of Belarus",  # one word more
        "Centre 13",  # another number
        "Europe",  # one word: a spelling, not a translation
        "Office of Maria Kalesnikava",
    ],
)
def test_other_names_are_not_guessed(query: str) -> None:
    assert DescriptorTable.build(ENTITIES).find(query) is None


def test_a_signature_two_organizations_share_answers_nothing() -> None:
    twins = [*ENTITIES, Entity("org", (Name("Union européenne", "fr"),))]
    assert DescriptorTable.build(twins).find("Unia Europejska") is None


def test_every_listed_word_reads_as_its_concept() -> None:
    for concept, words in CONCEPTS.items():
        for word in words.split():
            readings = concepts_of(" ".join(fold_words(word.rstrip("*"))))
            assert readings, word
            assert any(concept in reading for reading in readings) or word.endswith("*"), word


def test_signatures_leave_out_function_words_and_keep_numbers() -> None:
    assert signatures("Centre 12") == signatures("the Centre 12") == signatures("Zentrum 12")
    assert signatures("Centre 12") and signatures("Centre 12") != signatures("Centre 13")


def test_the_home_country_and_republic_of_add_nothing() -> None:
    entities = [
        Entity("org", (Name("Ministry of Defence", "en"), Name("Министерство обороны", "ru"))),
        Entity("org", (Name("National Bank of Belarus", "en"), Name("Национальный банк", "ru"))),
        Entity("org", (Name("Belarusian Railways", "en"),)),
    ]
    table = DescriptorTable.build(entities)
    assert table.home == "belarus"
    for query, number in (
        ("Ministerstwo Obrony Republiki Białorusi", 0),
        ("Narodowy Bank Republiki Białorusi", 1),
        ("Nationalbank der Republik Belarus", 1),
        ("Koleje Białoruskie", 2),
    ):
        found = table.find(query)
        assert found is not None and found.entity == number, query
    assert table.find("Ministry of Defence of Russia") is None  # another country stays
    assert table.find("Russian Railways") is None


def test_countries_named_and_the_home_country() -> None:
    assert countries_named("of Russia") == {"russia"} and countries_named("Rosji") == {"russia"}
    assert countries_named("PEN America") == {"america"} and not countries_named("Minsk")
    entities = [
        Entity("org", (Name("PEN Belarus", "en"),)),
        Entity("org", (Name("Belarusian Railways", "en"),)),
        Entity("org", (Name("Lithuanian Red Cross", "en"),)),
    ]
    assert home_country(entities) == "belarus"


def test_an_organization_with_another_country_beside_it_is_another(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "pen-belarus,org,en,PEN Belarus,1\n"
        "investigative-committee,org,en,Investigative Committee,1\n"
        "investigative-committee,org,ru,Следственный комитет,\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    assert registry.resolve("PEN America") is None
    assert registry.resolve("Investigative Committee of Russia") is None
    found = registry.resolve("Investigative Committee of Belarus")
    assert found is not None and found.id == "investigative-committee"
