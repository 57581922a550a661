"""document: each hit judged by the resolver with the words around it, then the
text read as a whole (ambiguous surnames, someone else's surname, homographs)."""

from __future__ import annotations

from pathlib import Path

from namenorm import Registry
from namenorm.mentions import Found, Mention, Part, scan


def spans(text: str, registry: Registry, lang: str = "en") -> list[tuple[str, str | None, str]]:
    return [
        (f.mention.text, f.mention.id, f.mention.status) for f in scan(text, registry, lang=lang)
    ]


def test_found_carries_parts_entity_and_matched_spelling(small: Registry) -> None:
    [found] = scan("They freed Viktar Babaryka.", small)
    assert isinstance(found, Found)
    assert found.mention == Mention(
        11, 26, "Viktar Babaryka", "babaryka-viktar", "matched", ("babaryka-viktar",)
    )
    assert found.entity is not None and found.entity.id == "babaryka-viktar"
    assert found.parts == (Part(11, 17, "Viktar", "given"), Part(18, 26, "Babaryka", "surname"))
    assert found.matched == "Viktar Babaryka"
    assert found.score > 0


def test_case_forms_are_flagged_inflected(small: Registry) -> None:
    [found] = scan("Віктара Бабарыкі", small, lang="be")
    assert [(p.text, p.role, p.inflected) for p in found.parts] == [
        ("Віктара", "given", True),
        ("Бабарыкі", "surname", True),
    ]
    [found] = scan("Віктар Бабарыка", small, lang="be")
    assert not any(p.inflected for p in found.parts)


def test_ambiguous_surname_takes_the_one_named_in_full(small: Registry) -> None:
    assert spans("Babaryka spoke.", small) == [("Babaryka", None, "ambiguous")]
    assert spans("Babaryka spoke. Viktar Babaryka was freed.", small) == [
        ("Babaryka", "babaryka-viktar", "matched"),
        ("Viktar Babaryka", "babaryka-viktar", "matched"),
    ]


def test_surname_someone_else_bears_stays_ambiguous(small: Registry) -> None:
    assert spans("Bialiatski said.", small) == [("Bialiatski", "bialiatski-ales", "matched")]
    assert spans("Ivan Bialiatski came. Bialiatski said.", small) == [
        ("Bialiatski", None, "ambiguous")
    ]


def test_places_are_whole_names(small: Registry) -> None:
    [found] = scan("in Hrodna", small)
    assert [(p.text, p.role) for p in found.parts] == [("Hrodna", "name")]


def test_initials_after_the_surname(shipped: Registry) -> None:
    assert spans("Лукашенко А. Г. сказал", shipped, "ru") == [
        ("Лукашенко А. Г.", "lukashenka-alaksandr", "matched")
    ]


def test_homographs_need_other_evidence_at_a_sentence_start(shipped: Registry) -> None:
    assert spans("Знак выйшаў з турмы.", shipped, "be") == []
    assert spans("Знак сказаў. Максім Знак сказаў.", shipped, "be") == [
        ("Знак", "znak-maksim", "matched"),
        ("Максім Знак", "znak-maksim", "matched"),
    ]


def test_empty_text(small: Registry) -> None:
    assert scan("", small) == []


def test_given_names_two_surnames_both_take_belong_to_neither(shipped: Registry) -> None:
    """'A B C' read as 'A B' (surname first) and as 'B C': B is in neither mention, on
    every pass, so it is never rewritten for the wrong person."""
    for text in ("Milinkevich Alexandre Loukachenko", "Milinkievič Aliaksandr Lukashenka"):
        assert [s for s, _, _ in spans(text, shipped, "en")] == [text.split()[0], text.split()[2]]
    assert spans("Kolesnikova Maria Babariko", shipped, "en") == [
        ("Kolesnikova Maria", "kalesnikava-maria", "matched"),
        ("Babariko", None, "ambiguous"),
    ]


def test_homographs_come_from_lexicons_whatever_the_registry(tmp_path: Path) -> None:
    """A user's own registry gets the same protection as the shipped one: a name that
    is a common word of the copy's language needs other evidence at a sentence start."""
    csv = tmp_path / "own.csv"
    csv.write_text(
        "id,kind,lang,name,preferred,wikidata,geonames,source\n"
        "summer-anna,person,en,Anna Summer,1,,,https://example.org/a\n"
        "rassvet,org,en,Rassvet,1,,,https://example.org/b\n"
        "rassvet,org,ru,Рассвет,1,,,https://example.org/b\n",
        encoding="utf-8",
    )
    own = Registry.from_csv(csv)
    assert spans("Summer came early this year.", own) == []
    assert spans("Summer said so. Anna Summer agreed.", own) == [
        ("Summer", "summer-anna", "matched"),
        ("Anna Summer", "summer-anna", "matched"),
    ]
    assert spans("Рассвет наступил поздно.", own, "ru") == []
    assert spans("Об этом сообщила газета «Рассвет».", own, "ru") == [
        ("Рассвет", "rassvet", "matched")
    ]


def test_a_surname_alone_is_the_person_named_in_full_last_before_it(shipped: Registry) -> None:
    registry_first = (
        "Roman Bondarenko died in 2020. The lawmaker Oleksandr Bondarenko spoke. "
        "Bondarenko said more."
    )
    assert spans(registry_first, shipped)[-1] == ("Bondarenko", None, "ambiguous")
    other_first = (
        "The lawmaker Oleksandr Bondarenko spoke. Roman Bondarenko died in 2020. "
        "Bondarenko's death shocked many."
    )
    assert spans(other_first, shipped)[-1] == ("Bondarenko", "bandarenka-raman", "matched")
    # named before either: the one the text names in full, as before
    assert spans("Bondarenko said. Roman Bondarenko died.", shipped)[0] == (
        "Bondarenko",
        "bandarenka-raman",
        "matched",
    )
    assert spans("Bondarenko said. Oleksandr Bondarenko spoke.", shipped)[0] == (
        "Bondarenko",
        None,
        "ambiguous",
    )
