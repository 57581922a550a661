"""folding: the folded text matches the index keys, and offsets map back exactly."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from namenorm.keys import surface
from namenorm.mentions.folding import fold, fold_slowly, is_word_char
from namenorm.text import FOLDS, INVISIBLE


def test_plain_text_keeps_its_offsets() -> None:
    assert fold("Lukashenko and Hrodna") == ("lukashenko and hrodna", None)


def test_folds_like_the_keys_one_for_one() -> None:
    folded, offsets = fold("Mar\u2019ia \u2013 Ciach\u00a0Babaryka")
    assert folded == "mar'ia - ciach babaryka"
    assert offsets is None
    for char, replacement in FOLDS.items():
        assert fold(f"a{char}b")[0] == f"a{replacement}b".casefold()


def test_spaces_squeezed_and_invisibles_dropped() -> None:
    text = "Freedom  House and Luka\u00adshenko"
    folded, offsets = fold(text)
    assert folded == "freedom house and lukashenko"
    assert offsets is not None
    start = folded.index("lukashenko")
    assert text[offsets(start) : offsets(start + len("lukashenko") - 1) + 1] == "Luka\u00adshenko"
    assert all(c not in folded for c in INVISIBLE)


def test_folding_that_lengthens_maps_back_to_the_character() -> None:
    text = "Weißrussland"
    folded, offsets = fold(text)
    assert folded == "weissrussland" == surface(text)
    assert offsets is not None
    assert [offsets(i) for i in range(4)] == [0, 1, 2, 3]
    assert offsets(4) == 3  # both s of ß come from one character
    assert offsets(5) == 4


def test_decomposed_letters_are_composed() -> None:
    assert fold("Nause\u0307da")[0] == "nausėda"


def test_word_characters() -> None:
    assert is_word_char("a") and is_word_char("ў") and is_word_char("7")
    assert is_word_char("\u0301")  # a combining mark continues its word
    assert not is_word_char(" ") and not is_word_char("-") and not is_word_char("'")


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80))
@example(text="Freedom\u00ad  House, Weißrussland, q\u0301 Lukashenko")
@example(text="a\t \n\u200bb")
@example(text="0\u1ab0")
@example(text="a\u00ad\t")
@example(text="  \u0301")
def test_fast_path_equals_the_reference(text: str) -> None:
    """Same folded text; each position maps to the same original place (the two
    may pick different characters of one squeezed run of spaces and invisibles,
    or a letter and the combining mark on it)."""
    fast, fast_offsets = fold(text)
    slow, slow_offsets = fold_slowly(text)
    assert fast == slow
    for position in range(len(slow) + 1):
        mapped = position if fast_offsets is None else fast_offsets(position)
        low, high = sorted((mapped, slow_offsets(position)))
        assert all(FOLDS.get(c) == " " or c in INVISIBLE for c in text[low:high]) or all(
            unicodedata.combining(c) for c in text[low + 1 : high + 1]
        ), (position, mapped, slow_offsets(position))
