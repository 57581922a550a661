"""The cost of one query is bounded by its shape, not by a time-out.

A query that is not a stored spelling as a whole is searched as runs of its
words; these tests count that work (spans looked up, spans typo-searched)
instead of timing it, so they hold on a loaded machine. ``bench/query_cost.py``
prints the milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namenorm import QueryTooLongError, Registry
from namenorm.index import (
    MAX_FUNCTION_WORDS,
    MAX_NAME_WORDS,
    MAX_QUERY_LENGTH,
    MAX_SPAN_WORDS,
    MAX_WORD_LENGTH,
)
from namenorm.index.search import Searcher, check_name_size, surname_spans
from namenorm.names import Word, is_function_word, split_query, without_titles


@dataclass
class Work:
    """The spans one lookup searched: every ``find_units`` and ``near_keys`` text."""

    found: list[str] = field(default_factory=list)
    typo: list[str] = field(default_factory=list)


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Work:
    seen = Work()
    find_units, near_keys = Searcher.find_units, Searcher.near_keys

    def counted_find(self: Searcher, text: str, **options: bool) -> Iterator[object]:
        seen.found.append(text)
        return find_units(self, text, **options)

    def counted_near(self: Searcher, keys: tuple[str, ...], text: str) -> Iterator[str]:
        seen.typo.append(text)
        return near_keys(self, keys, text)

    monkeypatch.setattr(Searcher, "find_units", counted_find)
    monkeypatch.setattr(Searcher, "near_keys", counted_near)
    return seen


_LETTERS = st.sampled_from("abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщыьэюяіўąłńšž")
_RANDOM_WORD = st.text(_LETTERS, min_size=1, max_size=60).map(str.capitalize)
_NAME_PARTS = st.sampled_from(
    "Aliaksandr Lukashenka Лукашэнкам Sviatlana Тихановской von der Leyen A. G. "
    "President Human Rights Centre Viasna Belarus Babaryka Kalesnikava Minsk".split()
)


@given(
    words=st.lists(st.one_of(_RANDOM_WORD, _NAME_PARTS), min_size=1, max_size=90),
    separator=st.sampled_from([" ", " - ", ", ", "  "]),
)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_work_per_query_is_bounded_by_its_shape(
    people: Registry, work: Work, words: list[str], separator: str
) -> None:
    query = separator.join(words)[:MAX_QUERY_LENGTH]
    work.found.clear()
    work.typo.clear()
    try:
        people.lookup(query, limit=5)
    except QueryTooLongError as exc:
        assert "at most" in str(exc)
        assert not work.found, "a refused query must be refused before any search"
        return
    every = split_query(query)
    size = len(without_titles(every))
    function = min(MAX_FUNCTION_WORDS, sum(map(is_function_word, without_titles(every))))
    assert size - function <= MAX_NAME_WORDS or not work.found  # else a stored spelling
    widest = len(every) if len(every) <= MAX_NAME_WORDS else size
    # Two passes (surface and sound, then typos), each at most twice (with and
    # without titles), over the whole query and runs of at most MAX_SPAN_WORDS.
    spans = 1 + sum(max(0, widest - width + 1) for width in range(1, MAX_SPAN_WORDS + 1))
    assert len(work.found) <= 4 * spans
    for text in work.found:
        span = text.split(" ")
        assert len(span) <= max(MAX_SPAN_WORDS, MAX_NAME_WORDS + MAX_FUNCTION_WORDS)
        assert all(len(w) <= MAX_WORD_LENGTH for w in span)
    for text in work.typo:  # the typo pass: one or two words, or the whole query
        assert len(text.split(" ")) <= 2 or len(text.split(" ")) >= size


def test_many_words_are_refused_with_what_to_do(people: Registry) -> None:
    query = " ".join(["Aliaksandr"] * (MAX_NAME_WORDS + 1))
    with pytest.raises(QueryTooLongError, match=f"has {MAX_NAME_WORDS + 1} words") as exc:
        people.lookup(query)
    assert "normalize_text" in str(exc.value)


def test_a_long_word_is_refused(people: Registry) -> None:
    word = "Lukashenka" * 3
    with pytest.raises(QueryTooLongError, match="30 characters long; a word of a name has at"):
        people.resolve(f"Aliaksandr {word}")


def test_stored_spellings_of_any_length_are_still_found(people: Registry) -> None:
    long_name = max(
        (n.text for e in people.entities() for n in e.names), key=lambda t: len(t.split())
    )
    assert len(long_name.split()) > MAX_NAME_WORDS
    match = people.resolve(long_name)
    assert match is not None and match.method == "exact"


def test_titles_do_not_count_as_words(people: Registry) -> None:
    match = people.resolve("former jailed opposition leader President Viktar Babaryka")
    assert match is not None and match.id == "babaryka-viktar"


def test_spans_are_the_whole_query_and_short_runs() -> None:
    words = [Word(t) for t in "A B C D E F".split()]
    spans = surname_spans(words)
    assert spans[0] == (0, 6)
    assert all(end - start <= MAX_SPAN_WORDS for start, end in spans[1:])
    assert len(spans) == len(set(spans)) == 1 + 6 + 5 + 4


def test_no_name_part_starts_or_ends_with_a_function_word() -> None:
    words = split_query("Coordination Council for the Transfer of Power")
    spans = surname_spans(words)
    assert (0, len(words)) in spans and (0, 2) in spans
    for start, end in spans[1:]:
        assert words[start].text not in {"for", "the", "of"}
        assert words[end - 1].text not in {"for", "the", "of"}
    assert (3, 6) not in spans and (1, 3) not in spans
    assert (1, 3) in surname_spans(split_query("Charles de Gaulle"))  # a particle may lead


def test_function_words_do_not_count_against_the_word_limit() -> None:
    check_name_size(split_query("Coordination Council for the Transfer of Power"))
    check_name_size(split_query("Координационного штаба по вопросам обращения с военнопленными"))
    with pytest.raises(QueryTooLongError, match="has 7 words besides titles and 4 function"):
        check_name_size(split_query("A B C D E F G of of of of"))


def test_check_name_size_accepts_a_full_name() -> None:
    check_name_size(split_query("Ursula Gertrud von der Leyen"))
    check_name_size(split_query("A. G. Lukashenka"))
    with pytest.raises(QueryTooLongError):
        check_name_size(split_query("a b c d e f g"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Putinas", "putin-vladimir"), ("Zelenskis", "zelenskyy-volodymyr"), ("Budrus", None)],
)
def test_a_lithuanian_nominative_alone_is_read_back_to_a_man(
    people: Registry, query: str, expected: str | None
) -> None:
    match = people.resolve(query)
    assert (match.id if match else None) == expected


def test_an_english_plural_after_the_is_a_family(people: Registry) -> None:
    assert people.resolve("the Tsikhanouskis") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [("von der Leyen", "von-der-leyen-ursula"), ("la Tikhanovskaya", "tsikhanouskaya-sviatlana")],
)
def test_a_leading_particle_is_tried_with_the_name_then_without(
    people: Registry, query: str, expected: str
) -> None:
    match = people.resolve(query)
    assert match is not None and match.id == expected


def test_a_surname_alone_is_read_as_a_typo_only_when_typing_explains_it(
    tmp_path: Path,
) -> None:
    """Alone, a word one letter from a registry surname is often another
    surname: a typo reading must be one real typing error, and a sound-alike
    whose stem vowels differ as no spelling convention has it is no reading."""
    path = tmp_path / "alone.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "merkel-angela,person,en,Angela Merkel,1\n"
        "merkel-angela,person,ru,Ангела Меркель,1\n"
        "ivashin-dzianis,person,en,Dzianis Ivashin,1\n"
        "ivashin-dzianis,person,ru,Денис Ивашин,1\n"
        "lukashuk-aliaksandr,person,en,Aliaksandr Lukashuk,1\n"
        "lukashuk-aliaksandr,person,be,Аляксандр Лукашук,1\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    # Merkl, a vowel from Merkel, is a common surname of its own (Hungary, Germany).
    for other in ("Markel", "Ивашкин", "Лукашик", "Łukasik", "Merkl"):
        assert registry.resolve(other) is None, other
    for typo, expected in [
        ("Lukahsuk", "lukashuk-aliaksandr"),  # two letters swapped
        ("Lukshuk", "lukashuk-aliaksandr"),  # a vowel left out
        ("Merkell", "merkel-angela"),  # a doubled letter
        ("Lukashul", "lukashuk-aliaksandr"),  # the key next to k
        ("Ивашиин", "ivashin-dzianis"),  # a doubled letter
        ("Angela Markel", "merkel-angela"),  # with her given name, the scorer decides
    ]:
        match = registry.resolve(typo)
        assert match is not None and match.id == expected, typo


def test_one_real_typing_error_is_credited_when_the_near_keys_find_the_name_too(
    tmp_path: Path,
) -> None:
    """Trunp, Macrom (a key next to the one meant) and Lukashenak (two letters
    swapped at the end) are found by the near keys as less alike than one
    typing error: the typing error's credit decides, and explain says which."""
    path = tmp_path / "typing.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "trump-donald,person,en,Donald Trump,1\n"
        "macron-emmanuel,person,en,Emmanuel Macron,1\n"
        "lukashenka-alaksandr,person,en,Aliaksandr Lukashenka,1\n"
        "lukashuk-aliaksandr,person,en,Aliaksandr Lukashuk,1\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    for typo, expected, error in [
        ("Trunp", "trump-donald", "n typed for the key next to it, m"),
        ("Macrom", "macron-emmanuel", "m typed for the key next to it, n"),
        ("Lukashenak", "lukashenka-alaksandr", "ak typed for ka"),
    ]:
        match = registry.resolve(typo)
        assert match is not None and match.id == expected, typo
        assert f"with one typing error ({error})" in match.explain()
    assert registry.resolve("Trumpet") is None  # no typing error makes Trump of it


def test_lithuanian_forms_of_russian_surname_endings(tmp_path: Path) -> None:
    path = tmp_path / "lt.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "navalny-alexei,person,en,Alexei Navalny,1\n"
        "navalny-alexei,person,ru,Алексей Навальный,\n"
        "shushkevich-stanislau,person,en,Stanislau Shushkevich,1\n"
        "shushkevich-stanislau,person,ru,Станислав Шушкевич,\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    for query, expected in [
        ("Aleksejus Navalnas", "navalny-alexei"),
        ("Navalnas", "navalny-alexei"),
        ("Stanislavas Šuškevičius", "shushkevich-stanislau"),
        ("Šuškevičius", "shushkevich-stanislau"),
    ]:
        match = registry.resolve(query)
        assert match is not None and match.id == expected, query
