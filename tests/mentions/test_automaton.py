"""automaton: keys from the index's anchor spellings, hits on word boundaries with
their registry capitals, the longest of overlapping hits, and the tables kept per index."""

from __future__ import annotations

from namenorm import Registry
from namenorm.keys import surface
from namenorm.mentions import Scanner, scanner
from namenorm.mentions.automaton import _SCANNERS, hits


def keys_of(text: str, registry: Registry) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.key) for h in hits(text, scanner(registry))]


def test_keys_are_the_anchor_spellings(small: Registry) -> None:
    found = scanner(small)
    expected = {surface(s) for s, _ in small.index.anchor_spellings()}
    assert set(found.caps) >= expected
    assert "babaryka" in found.caps and "бабарыкі" in found.caps  # a generated case form
    assert "віктар" not in found.caps  # given names are reached from the surname
    assert surface("Віктар") in found.given


def test_hits_need_word_boundaries_and_capitals(small: Registry) -> None:
    text = "babaryka Babaryka, Бабарыкі in Hrodna and Hrodnas"
    assert keys_of(text, small) == [
        ("Babaryka", "babaryka"),
        ("Бабарыкі", "бабарыкі"),
        ("Hrodna", "hrodna"),
    ]


def test_hits_across_folded_characters(small: Registry) -> None:
    assert keys_of("Ales  Bialia\u00adtski", small) == [("Bialia\u00adtski", "bialiatski")]
    assert keys_of("BIALIATSKI", small) == [("BIALIATSKI", "bialiatski")]


def test_anchor_names_the_people_a_key_can_mean(small: Registry) -> None:
    anchor = scanner(small).anchor("babaryka")
    assert anchor.person
    assert anchor.ids == {"babaryka-viktar", "babaryka-eduard"}
    assert {"віктар", "viktar", "эдуард"} <= anchor.given
    place = scanner(small).anchor("hrodna")
    assert not place.person and place.ids == {"hrodna"} and not place.given


def test_scanner_is_built_once_per_index(small: Registry) -> None:
    found = scanner(small)
    assert isinstance(found, Scanner)
    assert scanner(small) is found
    assert _SCANNERS[small.index] is found


def test_lookups_are_remembered(small: Registry) -> None:
    found = scanner(small)
    first = found.lookup("Viktar Babaryka")
    assert first[0].id == "babaryka-viktar"
    assert found.lookup("Viktar Babaryka") is first
    assert found.lookup("x" * 10_000) == []  # longer than any name: no candidates


def test_given_like_words(small: Registry) -> None:
    found = scanner(small)
    assert found.given_like("Viktar")
    assert found.given_like("Аляксандравіч")  # a patronymic by its ending
    assert not found.given_like("Hrodna")


def test_sound_keys_read_taraskievica_and_case_forms(small: Registry) -> None:
    found = scanner(small)
    assert found.sound_keys("Бабарыкі")  # a case form read back to its nominative
    assert not found.sound_keys("Minsk")
