"""fuzzy: capitalized words the automaton missed, found only in a name context."""

from __future__ import annotations

from namenorm import Registry
from namenorm.mentions import scan, scanner
from namenorm.mentions.document import Document
from namenorm.mentions.fuzzy import fuzzy_drafts


def spans(text: str, registry: Registry, lang: str = "en") -> list[tuple[str, str | None]]:
    return [(f.mention.text, f.mention.id) for f in scan(text, registry, lang=lang)]


def test_a_typo_after_a_given_name_of_that_person(shipped: Registry) -> None:
    document = Document("Alexander Likashenka spoke.", scanner(shipped), "en")
    [draft] = fuzzy_drafts(document, [])
    assert [(p.text, p.role) for p in draft.parts] == [
        ("Alexander", "given"),
        ("Likashenka", "surname"),
    ]
    assert draft.matches[0].id == "lukashenka-alaksandr" and draft.full
    # the given name belongs to the span only when it is that person's
    [draft] = fuzzy_drafts(Document("Svetlana Likashenka spoke.", scanner(shipped), "en"), [])
    assert [p.text for p in draft.parts] == ["Likashenka"]


def test_a_typo_of_a_surname_named_elsewhere(shipped: Registry) -> None:
    assert spans("Lukashenka met. Later Lukashanka said.", shipped) == [
        ("Lukashenka", "lukashenka-alaksandr"),
        ("Lukashanka", "lukashenka-alaksandr"),
    ]
    assert spans("Ihar Losik met. Later Lasick said.", shipped) == [
        ("Ihar Losik", "losik-ihar"),
        ("Lasick", "losik-ihar"),
    ]
    assert spans("Later Lasick said.", shipped) == [("Lasick", None)]  # not named: not settled


def test_a_long_word_one_letter_off(shipped: Registry) -> None:
    assert spans("Lukashenkko spoke.", shipped) == [("Lukashenkko", "lukashenka-alaksandr")]


def test_sound_alikes_spelled_like_the_name(shipped: Registry) -> None:
    assert spans("Калесьнікава выйшла", shipped, "be") == [("Калесьнікава", "kalesnikava-maria")]
    assert spans("Brestov and Breast", shipped) == []


def test_rejected_hits_and_drafts_are_left_alone(small: Registry) -> None:
    document = Document("Viktar Babaryka", scanner(small), "en")
    drafts = document.run()
    assert [f.mention.text for f in drafts] == ["Viktar Babaryka"]
    document = Document("Viktar Babaryka", scanner(small), "en")
    document.rejected.append((0, 15))
    assert list(fuzzy_drafts(document, [])) == []
