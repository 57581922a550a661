"""The folding knowledge tables and queries share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from namenorm.knowledge.fold import fold, fold_words


def test_diacritics_case_and_punctuation_fold() -> None:
    assert fold("Brześć-Litewski") == fold("brzesc litewski") == "brzesc litewski"
    assert fold("Byeras’tsye") == fold("Byerastsye")


def test_cyrillic_stays_cyrillic_with_yo_and_i_folded() -> None:
    assert fold("Магілёў") == "магилеў"
    assert fold("Мінск") == fold("Минск")


def test_words() -> None:
    assert fold_words("Stany  Zjednoczone") == ("stany", "zjednoczone")
    assert fold_words(" - ") == ()


@given(st.text())
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
