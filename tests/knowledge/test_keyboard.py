"""``namenorm.knowledge.keyboard``: spellings one real typing error away."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from namenorm.knowledge.keyboard import LONG_WORD, SHORT_WORD, keystroke_fixes, neighbours

VOWELS = "aeiouyаеёиоуыэюяіїє"


def test_neighbouring_keys() -> None:
    assert {"a", "d", "w", "e", "z", "x"} <= neighbours("s")
    assert "m" in neighbours("n") and "o" not in neighbours("u")
    assert {"м", "п", "р", "т"} <= neighbours("и")
    assert neighbours("7") == frozenset()


def test_each_kind_of_error_is_undone() -> None:
    assert keystroke_fixes("bidne")["biden"].kind == "swap"
    assert keystroke_fixes("trunp")["trump"].kind == "key"
    assert keystroke_fixes("puttin")["putin"].kind == "extra"
    assert keystroke_fixes("kellog")["kellogg"].kind == "double"
    assert keystroke_fixes("pratasevih")["pratasevich"].kind == "dropped"
    assert keystroke_fixes("мниск")["минск"].kind == "swap"
    assert keystroke_fixes("macrn")["macron"].kind == "dropped"  # a vowel, in a short word
    assert keystroke_fixes("putn")["putin"].kind == "dropped"
    assert keystroke_fixes("medvedvev")["medvedev"].kind == "extra"  # v typed again


def test_the_tighter_rules() -> None:
    assert "coale" not in keystroke_fixes("cole")  # a short word loses a doubled letter
    assert "putini" not in keystroke_fixes("putin")  # or a vowel between consonants
    assert "eismant" not in keystroke_fixes("eisman")  # nor does a word under LONG_WORD
    assert "smith" not in keystroke_fixes("smiths")  # a final -s is a plural
    assert "scholz" not in keystroke_fixes("schulz")  # u and o are not neighbours
    assert keystroke_fixes("xi") == {} and keystroke_fixes("77a") == {}
    assert keystroke_fixes("charter97") == {}  # digits are never fuzzed


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzйцукен0 ", max_size=12))
def test_fixes_keep_the_first_letter_and_differ_by_one_letter(word: str) -> None:
    fixes = keystroke_fixes(word)
    if len(word) < SHORT_WORD or not word.isalpha():
        assert fixes == {}
    for fixed, fix in fixes.items():
        assert fixed[0] == word[0] and fixed != word and abs(len(fixed) - len(word)) <= 1
        if fix.kind == "dropped" and len(word) < LONG_WORD:
            assert any(  # a vowel whose loss left two consonants together
                fixed == word[:i] + fixed[i] + word[i:]
                and fixed[i] in VOWELS
                and word[i - 1] not in VOWELS
                and word[i] not in VOWELS
                for i in range(1, len(word))
            )
