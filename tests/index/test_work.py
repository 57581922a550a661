"""The typo pass of one query has a fixed budget (``namenorm.index.work``).

Adversarial queries of many long words are counted, never timed: the
deletion-neighbourhood probes and swapped-letter forms stay within their
caps, and the sound keys computed grow with the words, not faster.
``bench/query_cost.py`` prints the milliseconds.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namenorm import QueryTooLongError, Registry
from namenorm.index import MAX_NAME_WORDS, MAX_QUERY_LENGTH, MAX_WORD_LENGTH
from namenorm.index.work import (
    MAX_SWAPPED_FORMS,
    MAX_TYPO_PROBES,
    Work,
    counting,
    current,
    observed,
)
from namenorm.keys import phonetic_keys
from namenorm.names import split_query

#: Sound keys one query word may need computed: its own, its Lithuanian stems,
#: the lemmas its case endings read back to (each with its own keys).
KEYS_PER_WORD = 10

#: Letters that every reading and typo rule must try: ambiguous Latin
#: graphemes (c, s, z, h, j, y), vowels, Cyrillic, Lithuanian and Polish marks.
_HOSTILE = st.sampled_from(
    [
        "szchktrnj",
        "bdrltvmnpfyyy",
        "aeiouyj",
        "abcdefghijklmnopqrstuvwxyz",
        "абвгдежзийклмнопрстуфхцчшщыьэюяіў",
        "ąčęėįšųūžłńśź",
    ]
)


@st.composite
def _hostile_word(draw: st.DrawFn) -> str:
    letters = draw(_HOSTILE)
    size = draw(st.integers(1, MAX_WORD_LENGTH + 2))
    return "".join(draw(st.lists(st.sampled_from(letters), min_size=size, max_size=size)))


@given(
    words=st.lists(
        st.one_of(
            _hostile_word(),
            st.sampled_from("Aliaksandr Lukashenka Лукашэнкам of the для A. President".split()),
        ),
        min_size=1,
        max_size=MAX_NAME_WORDS + 6,
    )
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_work_of_a_hostile_query_grows_with_its_words(
    shipped: Registry, words: list[str]
) -> None:
    query = " ".join(w.capitalize() for w in words)[:MAX_QUERY_LENGTH]
    phonetic_keys.cache_clear()
    before = phonetic_keys.cache_info().misses
    with observed() as counts:
        try:
            shipped.lookup(query, limit=5)
        except QueryTooLongError:
            assert all(w.probes == w.swapped == 0 for w in counts)
            return
    (work,) = counts
    assert work.probes <= MAX_TYPO_PROBES
    assert work.swapped <= MAX_SWAPPED_FORMS
    # A swapped form of a Cyrillic word is read in full (one key, one pass);
    # every other key computed belongs to a word of the query.
    computed = phonetic_keys.cache_info().misses - before
    assert computed <= KEYS_PER_WORD * len(split_query(query)) + MAX_SWAPPED_FORMS


def test_the_longest_hostile_query_spends_the_budget_and_stops(shipped: Registry) -> None:
    query = " ".join(["Szczhkrtnjszczhkrtnjszch"] * MAX_NAME_WORDS)
    assert all(len(w) == MAX_WORD_LENGTH for w in query.split())
    with observed() as counts:
        assert shipped.lookup(query) == []
    (work,) = counts
    assert work.stopped
    assert work.probes <= MAX_TYPO_PROBES and work.swapped <= MAX_SWAPPED_FORMS


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Bialiatksi", "bialiatski-ales"),  # a swapped pair, read back
        ("Svetlana Tikanovskaya", "tsikhanouskaya-sviatlana"),  # a dropped letter
        ("Mariia Kolesnkova", "kalesnikava-maria"),
    ],
)
def test_a_real_typo_is_found_well_within_the_budget(
    shipped: Registry, query: str, expected: str
) -> None:
    with observed() as counts:
        match = shipped.resolve(query)
    assert match is not None and match.id == expected
    assert not any(w.stopped for w in counts)
    assert max(w.probes for w in counts) < MAX_TYPO_PROBES // 2


def test_each_query_of_a_batch_has_its_own_budget(shipped: Registry) -> None:
    hostile = " ".join(["Szczhkrtnjszczhkrtnjszch"] * MAX_NAME_WORDS)
    with observed() as counts:
        for query in (hostile, "Bialiatksi"):
            shipped.lookup(query)
    assert [w.stopped for w in counts] == [True, False]
    assert shipped.resolve("Bialiatksi") is not None


def test_a_spent_budget_refuses_more_work() -> None:
    work = Work()
    assert work.probe(MAX_TYPO_PROBES)
    assert not work.probe(1) and work.stopped and work.probes == MAX_TYPO_PROBES
    fresh = Work()
    for _ in range(MAX_SWAPPED_FORMS):
        assert fresh.swap()
    assert not fresh.swap() and fresh.swapped == MAX_SWAPPED_FORMS


def test_counting_is_per_query_and_outside_a_query_fresh() -> None:
    with counting() as outer:
        assert current() is outer
        with counting() as inner:
            assert current() is inner is not outer
        assert current() is outer
    assert current() is not outer and current().probes == 0
