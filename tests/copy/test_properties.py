"""Properties of copy normalization over arbitrary text (hypothesis).

* any ``str`` is accepted, in every copy language, and never raises;
* the edits account for every change: the input is the output with each
  replacement put back, and every character outside an edit is unchanged;
* text without registry names comes back unchanged, with no edits;
* normalizing normalized text changes nothing more (idempotent);
* the fast way of folding text gives the same mentions as the plain reference
  (character by character) it short-cuts.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from namenorm import Registry, default_registry
from namenorm.copy import Edit, NormalizeResult, find_names, normalize_text
from namenorm.mentions import automaton, folding

LANGS = ("en", "be", "ru")

_registry = default_registry()
SPELLINGS = sorted({n.text for e in _registry.entities() for n in e.names})
FILLER = [
    "said", "and", "the", "in", "President", "Mr.", "A.", "'s", "’s", "-", "\n", ",", ".",
    "сказаў", "і", "в", "президент", "ЗАЯВИЛ", "mosaic", "знак", "Знак", "Mosaic", "  ",
    "Viktor", "Maria", "Olga", "Аляксандр", "Марию", "\u00ad", "ß", "İ", "e\u0301",
]  # fmt: skip

copy_like = st.lists(
    st.one_of(
        st.sampled_from(SPELLINGS),
        st.sampled_from(FILLER),
        st.sampled_from(SPELLINGS).map(str.upper),
        st.sampled_from(SPELLINGS).map(lambda s: s.split()[-1]),
        st.text(max_size=6),
    ),
    max_size=12,
).map(" ".join)
any_text = st.one_of(st.text(max_size=200), copy_like)
lowercase = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzабвгдеёжзіийклмнопрстуўфхцчшыьэюя '.,-\n"),
    max_size=200,
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def unapply(result: NormalizeResult) -> str:
    """The input, rebuilt from the output and the edits alone."""
    pieces: list[str] = []
    position = 0  # in the output
    shift = 0  # output offset minus input offset so far
    for edit in result.edits:
        start = edit.start + shift
        pieces.append(result.text[position:start])
        assert result.text[start : start + len(edit.replacement)] == edit.replacement
        pieces.append(edit.original)
        position = start + len(edit.replacement)
        shift += len(edit.replacement) - len(edit.original)
    pieces.append(result.text[position:])
    return "".join(pieces)


@SETTINGS
@given(text=any_text, lang=st.sampled_from(LANGS))
def test_never_raises_and_edits_account_for_every_change(text: str, lang: str) -> None:
    result = normalize_text(text, lang, _registry)
    assert unapply(result) == text
    previous_end = 0
    for edit in result.edits:
        assert isinstance(edit, Edit)
        assert previous_end <= edit.start < edit.end <= len(text)
        assert text[edit.start : edit.end] == edit.original
        assert edit.replacement != edit.original
        previous_end = edit.end
    for mention in find_names(text, lang, _registry):
        assert text[mention.start : mention.end] == mention.text
        assert mention.status in ("matched", "ambiguous")
        assert (mention.id is None) == (mention.status == "ambiguous")


@SETTINGS
@given(text=lowercase, lang=st.sampled_from(LANGS))
def test_text_without_names_is_unchanged(text: str, lang: str) -> None:
    assert find_names(text, lang, _registry) == []
    assert normalize_text(text, lang, _registry) == NormalizeResult(text, ())


@SETTINGS
@given(text=any_text, lang=st.sampled_from(LANGS))
def test_no_mentions_means_no_change(text: str, lang: str) -> None:
    if not find_names(text, lang, _registry):
        assert normalize_text(text, lang, _registry) == NormalizeResult(text, ())


@SETTINGS
@given(text=copy_like, lang=st.sampled_from(LANGS))
@example(text="Milinkevich Alexandre Loukachenko", lang="en")
@example(text="Milinkevich Alexandre Loukachenko", lang="de")
def test_idempotent(text: str, lang: str) -> None:
    once = normalize_text(text, lang, _registry).text
    assert normalize_text(once, lang, _registry).text == once


@SETTINGS
@given(text=any_text, lang=st.sampled_from(LANGS))
@example(text="Freedom \u00ad House and Luka\u00adshenko", lang="en")
@example(text="Freedom\u00ad  House, Weißrussland, q\u0301 Lukashenko", lang="en")
@example(text="Freedom\t \n House", lang="en")
def test_fast_folding_finds_what_the_reference_finds(text: str, lang: str) -> None:
    fast = find_names(text, lang, _registry)
    original = automaton.fold
    automaton.fold = folding.fold_slowly  # type: ignore[assignment]
    try:
        reference = find_names(text, lang, _registry)
    finally:
        automaton.fold = original
    assert fast == reference


@pytest.mark.parametrize("lang", ["en", "be", "ru", "fr", "de", "pl", "lt"])
def test_labelled_outputs_are_fixed_points(shipped: Registry, lang: str) -> None:
    from bench.text_accuracy import load

    for item in load():
        if item.lang == lang:
            once = normalize_text(item.text, lang, shipped, format=item.format).text
            again = normalize_text(once, lang, shipped, format=item.format)
            assert again.edits == (), item.file
