"""Editorial rules (``namenorm.copy.rules``): longer proper nouns in headlines, at the
start of a sentence and across hyphens, read with what the whole document says."""

from __future__ import annotations

import pytest

from namenorm import Registry
from namenorm.copy import normalize_text
from namenorm.copy.rules import ProperNouns, quotations


def fix(text: str, registry: Registry, lang: str = "en", format: str = "text") -> str:
    return normalize_text(text, lang, registry, format=format).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two place names joined by a hyphen are two names
        ("the Grodno-Minsk express", "the Hrodna-Minsk express"),
        ("the Kuznica-Bruzgi crossing", "the Kuźnica-Bruzgi crossing"),
        ("the Minsk-Mogilev highway", "the Minsk-Mahiliou highway"),
        # another capitalized word joined by a hyphen still makes a longer name
        ("the Grodno-Azotny works", "the Grodno-Azotny works"),
        # a registry surname in someone else's double name; two registry people joined
        ("a student of the Karpenko-Kary University", "a student of the Karpenko-Kary University"),
        ("the Lukashenko-Putin talks", "the Lukashenka-Putin talks"),
        ("the anti-Lukashenko protests", "the anti-Lukashenka protests"),
        ("Anti-Lukashenko protests grew.", "Anti-Lukashenka protests grew."),
    ],
)
def test_names_joined_by_a_hyphen(shipped: Registry, text: str, expected: str) -> None:
    assert fix(text, shipped) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Title Case: a common word beside a place says nothing
        (
            "Protests in Gomel Spread to Mogilev\n\nPolice detained dozens.",
            "Protests in Homiel Spread to Mahiliou\n\nPolice detained dozens.",
        ),
        (
            "Mogilev Region Farms Hit by Drought\n\nThe harvest fell.",
            "Mahiliou Region Farms Hit by Drought\n\nThe harvest fell.",
        ),
        # capitals: a word that is no common word still makes a proper noun
        (
            "BATE BORISOV AND NEMAN GRODNO FINED\n\nBoth clubs paid.",
            "BATE BORISOV AND NEMAN GRODNO FINED\n\nBoth clubs paid.",
        ),
        (
            "MOGILEV WORKERS DETAINED\n\nPolice in Mogilev acted.",
            "MAHILIOU WORKERS DETAINED\n\nPolice in Mahiliou acted.",
        ),
        # a pair the text writes as a proper noun in running text counts in a headline
        (
            "MOGILEV AUTOMOBILE PLANT TO CUT JOBS\n\nThe Mogilev Automobile Plant said so.",
            "MOGILEV AUTOMOBILE PLANT TO CUT JOBS\n\nThe Mogilev Automobile Plant said so.",
        ),
        # a line in Title Case that heads nothing, or ends a sentence, is no headline
        ("Grodno Regional Hospital", "Grodno Regional Hospital"),
        (
            "Grodno Regional Hospital Reopened.\n\nIt did.",
            "Grodno Regional Hospital Reopened.\n\nIt did.",
        ),
        # opening a sentence, a word that is no common word makes a proper noun
        ("Shakhtyor Soligorsk won in Soligorsk.", "Shakhtyor Soligorsk won in Salihorsk."),
        ("Neman Grodno lost.", "Neman Grodno lost."),
    ],
)
def test_capitals_in_headlines_and_at_a_sentence_start(
    shipped: Registry, text: str, expected: str
) -> None:
    assert fix(text, shipped) == expected


def test_headings_of_the_markup_are_headlines(shipped: Registry) -> None:
    assert fix("## Gomel Students Detained\nPolice acted.\n", shipped, format="markdown") == (
        "## Homiel Students Detained\nPolice acted.\n"
    )
    assert fix("<h2>Gomel Students Detained</h2><p>Police acted.</p>", shipped, format="html") == (
        "<h2>Homiel Students Detained</h2><p>Police acted.</p>"
    )
    # in a heading in sentence case, capitals say what they say in prose
    assert fix("## Workers strike at Gomel Regional Hospital\n", shipped, format="markdown") == (
        "## Workers strike at Gomel Regional Hospital\n"
    )


def test_german_title_case_is_no_headline(shipped: Registry) -> None:
    text = "Proteste an der Universität Grodno\n\nDie Polizei griff ein."
    assert fix(text, shipped, "de") == text


def test_proper_nouns_read_alone_and_with_the_document() -> None:
    text = "MOGILEV AUTOMOBILE PLANT\n\nthe Mogilev Automobile Plant"
    alone = ProperNouns(text, "en")
    assert alone.headline(0)
    assert not alone.inside(0, 7)  # AUTOMOBILE is a common word
    learned = ProperNouns(text, "en")
    body = text.rindex("Mogilev")
    learned.learn([(0, 7), (body, body + 7)])
    assert learned.inside(0, 7)
    assert learned.inside(body, body + 7)
    assert ProperNouns("Gomel Students Detained", "en").common("Students")
    assert not ProperNouns("Neman Grodno", "en").common("Neman")


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # British copy quotes in single quotation marks; apostrophes quote nothing
        (
            "‘I am free,’ Kolesnikova said. Lukashenko’s office called it ‘a gesture’.",
            ["‘I am free,’", "‘a gesture’"],
        ),
        ("He said 'Lukashenko lied,' and left.", ["'Lukashenko lied,'"]),
        ("The Tsepkalos’ house; don’t; Belarus’ exports.", []),
        ("It's the '90s, and l'Université d'État.", []),
        # German single quotation marks: ‚…‘
        ("Er sagte ‚Lukaschenko lügt‘ und ging.", ["‚Lukaschenko lügt‘"]),
        # a single quotation inside a double one: the outer one
        ("“He said ‘Lukashenko lied’ to me,” she said.", ["“He said ‘Lukashenko lied’ to me,”"]),
        # unclosed, or closed in another paragraph: nothing
        ("‘Lukashenko lied.\n\nKolesnikova’ said", []),
    ],
)
def test_single_quotation_marks_quote(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in quotations(text)] == quoted


def test_names_in_single_quotation_marks_are_kept(shipped: Registry) -> None:
    text = "‘Lukashenko is still holding a thousand people,’ Kolesnikova said of Mr Lukashenko’s jails."
    assert fix(text, shipped) == (
        "‘Lukashenko is still holding a thousand people,’ Kalesnikava said of Mr Lukashenka’s jails."
    )
