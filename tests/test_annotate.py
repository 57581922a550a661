"""Annotation for review: the changes are exactly copy normalization's edits,
with evidence; ambiguous mentions get one option per candidate; unknown names
are listed; markup is never offered for change."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.text_accuracy import load
from namenorm import Registry
from namenorm.annotate import FORMATS, annotate, prose_mask
from namenorm.copy import normalize_text
from namenorm.errors import InvalidInputError


def test_matched_changes_are_the_normalize_edits(shipped: Registry) -> None:
    texts = load()  # the copy test set, every language and format
    assert len(texts) >= 60
    for item in texts:
        edits = normalize_text(item.text, item.lang, shipped, format=item.format).edits
        changes = [
            c
            for c in annotate(item.text, item.lang, shipped, fmt=item.format).changes
            if c.status == "matched"
        ]
        assert [(e.start, e.end, e.original, e.replacement, e.id) for e in edits] == [
            (c.start, c.end, c.original, c.options[0].replacement, c.options[0].id) for c in changes
        ], item.file


def test_a_word_longer_than_a_name_is_no_unknown_name(shipped: Registry) -> None:
    result = annotate("Die Menschenrechtsorganisation Wjasna berichtete.", "de", shipped)
    assert "Menschenrechtsorganisation" not in [u.text for u in result.unknown]


def test_every_change_carries_its_evidence(shipped: Registry) -> None:
    result = annotate("President Lukashenko met Svetlana Tikhanovskaya in Grodno.", "en", shipped)
    first = result.changes[0]
    assert (first.original, first.status) == ("President Lukashenko", "matched")
    option = first.options[0]
    assert (option.id, option.replacement, option.score) == (
        "lukashenka-alaksandr",
        "President Lukashenka",
        94.0,
    )
    assert option.explanation == (
        "'President Lukashenko' contains 'Lukashenko', a stored en spelling of "
        "Aliaksandr Lukashenka (surname only)."
    )
    assert result.as_dict()["entities"]["lukashenka-alaksandr"] == {  # type: ignore[index]
        "id": "lukashenka-alaksandr",
        "kind": "person",
        "name": "Aliaksandr Lukashenka",
        "description": None,
    }


def test_ambiguous_mentions_offer_each_candidate(shipped: Registry) -> None:
    result = annotate("Babariko was freed.", "en", shipped)
    (change,) = result.changes
    assert change.status == "ambiguous"
    assert [(o.id, o.replacement) for o in change.options] == [
        ("babaryka-eduard", "Babaryka"),
        ("babaryka-viktar", "Babaryka"),
    ]
    assert normalize_text("Babariko was freed.", "en", shipped).edits == ()  # nothing by itself
    # In house style already for every candidate: nothing to decide, so no change.
    assert annotate("Babaryka was freed.", "en", shipped).changes == ()


def test_unknown_names_skip_titles_openers_and_acronyms(shipped: Registry) -> None:
    text = (
        "The court heard Kastus Zhybul. Yesterday Jorinde Vanmaele spoke to NATO and "
        "President Zelenskyy; Kastus Zhybul replied. Minsk is calm."
    )
    unknown = annotate(text, "en", shipped).unknown
    # Zelenskyy is in the registry; The, Yesterday (sentence openers), NATO (an
    # acronym) and Minsk (known) are not proposed.
    assert [(u.text, u.count) for u in unknown] == [("Kastus Zhybul", 2), ("Jorinde Vanmaele", 1)]
    first = unknown[0]
    assert text[first.start : first.end] == "Kastus Zhybul"
    assert "Kastus Zhybul" in first.context


@pytest.mark.parametrize(
    ("fmt", "text", "kept"),
    [
        ("markdown", "[Grodno](https://x.org/Grodno) `Grodno`\n```\nGrodno\n```\n", 1),
        # a title attribute is prose, as in normalize_text
        ("html", '<a href="/Grodno" title="Grodno">Grodno</a><code>Grodno</code>', 2),
        ("text", "Mail press@grodno.by or see https://x.org/Grodno about Grodno.", 1),
    ],
)
def test_markup_is_never_offered_for_change(
    shipped: Registry, fmt: str, text: str, kept: int
) -> None:
    changes = annotate(text, "en", shipped, fmt=fmt).changes
    assert len(changes) == kept
    assert all(text[c.start : c.end] == "Grodno" for c in changes)
    masked = prose_mask(text, fmt)
    assert not any(s < c.end and c.start < e for c in changes for s, e in masked)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="unknown format 'pdf'; expected one of text"):
        prose_mask("x", "pdf")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.sampled_from(FORMATS))
def test_any_text_is_annotated_with_offsets_inside_it(text: str, fmt: str) -> None:
    from namenorm import default_registry

    result = annotate(text, "en", default_registry(), fmt=fmt)
    for change in result.changes:
        assert text[change.start : change.end] == change.original
        assert change.options
    for item in result.unknown:
        assert text[item.start : item.end] == item.text


def test_a_registry_of_its_own_is_read_for_house_spellings(tmp_path: Path) -> None:
    # An entity the shipped registry does not hold: the house spelling comes
    # from the registry the caller passed, not from the shipped one.
    path = tmp_path / "variants.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "zhybul-kastus,person,en,Kastus Zhybul,1\n"
        "zhybul-kastus,person,be,Кастусь Жыбуль,1\n"
        "zhybul-kastus,person,ru,Костусь Жибуль,1\n"
        "zhybul-kastus,person,en,Kastus Zhibul,\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    result = annotate("Kastus Zhibul wrote.", "en", registry)
    assert [(c.original, c.options[0].replacement) for c in result.changes] == [
        ("Kastus Zhibul", "Kastus Zhybul")
    ]
    edits = normalize_text("Kastus Zhibul wrote.", "en", registry).edits
    assert [e.replacement for e in edits] == ["Kastus Zhybul"]
