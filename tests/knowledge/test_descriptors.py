"""``namenorm.knowledge.descriptors``: organizations' names translated word by word."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from namenorm import Registry
from namenorm.errors import CsvError
from namenorm.inflect import word_case_forms
from namenorm.knowledge.descriptors import (
    CONCEPT_FORMS,
    DescriptorTable,
    concepts_of,
    countries_named,
    home_country,
    load_concepts,
    signatures,
)
from namenorm.knowledge.fold import fold_words
from namenorm.names import shipped_word_list_path


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
    for concepts, form in CONCEPT_FORMS:
        readings = concepts_of(" ".join(fold_words(form.rstrip("*"))))
        assert readings, form
        assert concepts in readings or form.endswith("*"), form


def _concept_rows() -> list[dict[str, str]]:
    with shipped_word_list_path("concepts.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_concept_file_holds_lemmas_not_their_case_forms() -> None:
    rows = _concept_rows()
    generated = {
        (row["concept"], form)
        for row in rows
        if row["pos"] in ("noun", "adjective")
        for form in word_case_forms(row["form"], row["lang"], adjective=row["pos"] == "adjective")
    }
    typed = [(row["concept"], row["form"]) for row in rows if row["pos"] == "word"]
    assert [entry for entry in typed if entry in generated] == []
    assert len(typed) == len(set(typed))


@pytest.mark.parametrize(
    ("word", "concept"),
    [("группой", "group"), ("радзе", "council"), ("центром", "centre"), ("судом", "court")],
)
def test_a_declined_lemma_brings_its_case_forms(word: str, concept: str) -> None:
    assert (concept,) in concepts_of(" ".join(fold_words(word)))


def test_a_compound_stands_for_its_concepts() -> None:
    assert ("european", "union") in concepts_of(" ".join(fold_words("Евросоюза")))


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("concept,lang,lemma,pos\n", "header"),
        ("concept,lang,form,pos\nCentre,mul,centre,word\n", "concept"),
        ("concept,lang,form,pos\ncentre,mul,centre,verb\n", "pos"),
        ("concept,lang,form,pos\ncentre,mul,centr,stem\n", "form"),
        ("concept,lang,form,pos\ncentre,mul,centr*,word\n", "form"),
        ("concept,lang,form,pos\ncentre,pl,centrum,noun\n", "lang"),
        ("concept,lang,form,pos\ncentre,mul,centre,word,extra\n", "5 fields"),
    ],
)
def test_a_bad_concept_row_names_its_file_line_and_field(
    tmp_path: Path, text: str, field: str
) -> None:
    path = tmp_path / "concepts.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CsvError) as caught:
        load_concepts(path)
    line = 1 if field == "header" else 2
    assert str(caught.value).startswith(f"{path}:{line}: {field}")


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
