"""spans: the words a surname absorbs on either side, and where a position stands."""

from __future__ import annotations

from namenorm import Registry
from namenorm.mentions import scanner
from namenorm.mentions.spans import Spans


def read(text: str, registry: Registry, lang: str = "en") -> Spans:
    return Spans(text, scanner(registry), lang)


def test_titles_and_given_names_before_a_surname(small: Registry) -> None:
    text = "The President Ales Bialiatski"
    parts = read(text, small).absorb_left(text.index("Bialiatski"), 0)
    assert [(p.text, p.role) for p in parts] == [("President", "title"), ("Ales", "given")]


def test_nothing_is_absorbed_below_the_floor(small: Registry) -> None:
    text = "Ales Bialiatski"
    assert read(text, small).absorb_left(5, 5) == []
    assert [p.text for p in read(text, small).absorb_left(5, 0)] == ["Ales"]


def test_initials_and_a_line_break(small: Registry) -> None:
    text = "A. B.\nBabaryka"
    parts = read(text, small).absorb_left(text.index("Babaryka"), 0)
    assert [(p.text, p.role) for p in parts] == [("A.", "initial"), ("B.", "initial")]


def test_after_a_surname_only_the_candidates_own_given_names(small: Registry) -> None:
    text = "Бабарыка Віктар сказаў"
    spans = read(text, small, "be")
    own = scanner(small).anchor("бабарыка").given
    parts = spans.absorb_right(len("Бабарыка"), len(text), own)
    assert [(p.text, p.role) for p in parts] == [("Віктар", "given")]
    assert spans.absorb_right(len("Бабарыка"), len(text), frozenset()) == []
    text = "Бабарыка В. Д. сказаў"
    parts = read(text, small, "be").absorb_right(len("Бабарыка"), len(text), own)
    assert [(p.text, p.role) for p in parts] == [("В.", "initial"), ("Д.", "initial")]


def test_unknown_given_name_only_when_it_can_be_nothing_else(small: Registry) -> None:
    assert read("Nikolai Babaryka", small).unknown_given("Nikolai", " ", 0)  # lexicons tell
    # at a sentence start in Cyrillic copy a capital says nothing
    assert not read("Мікалай Бабарыка", small, "be").unknown_given("Мікалай", " ", 0)
    assert read("і Мікалай Бабарыка", small, "be").unknown_given("Мікалай", " ", 2)
    spans = read("met Nikolai Babaryka", small)
    assert spans.unknown_given("Nikolai", " ", 4)
    assert not spans.unknown_given("Nikolai", "\n", 4)  # not on the same line
    assert not spans.unknown_given("Hrodna", " ", 4)  # names a place
    assert not spans.unknown_given("President", " ", 4)  # a title


def test_sentence_starts_headlines_and_quotes(small: Registry) -> None:
    text = "Babaryka spoke. «Babaryka» said: (Babaryka) and Babaryka"
    spans = read(text, small)
    assert spans.sentence_start(0)
    assert spans.sentence_start(text.index("«") + 1)
    assert spans.sentence_start(text.index("(") + 1)
    assert not spans.sentence_start(text.rindex("Babaryka"))
    assert spans.quoted(text.index("«") + 1)
    assert not spans.quoted(0)
    assert read("THE NEWS FROM HRODNA TODAY\nbody text here", small).headline(14)
    assert not read("the news from Hrodna today", small).headline(14)


def test_mark_inflection_keeps_titles_and_latin(small: Registry) -> None:
    text = "спадар Віктара Бабарыкі"
    spans = read(text, small, "be")
    parts = spans.absorb_left(text.index("Бабарыкі"), 0)
    number = small.index.entity_number("babaryka-viktar")
    marked = spans.mark_inflection(parts, number)
    assert [(p.text, p.role, p.inflected) for p in marked] == [
        ("спадар", "title", False),
        ("Віктара", "given", True),
    ]
