"""Editorial rules: where a found name is left as written, and glosses.

* :func:`quotations`: spans of text in quotation marks (“…”, «…», „…“, "…"),
  left alone by default; a name standing alone in quotation marks
  («Белавия», "Viasna") is a name, not a quotation.
* :func:`inside_proper_noun`: an organization or place name beside a
  capitalized word or a closing quotation mark, or after an "of" or "de"
  that follows a capitalized word other than a title, is part of a longer
  proper noun (Grodno Azot, FC Neman Grodno, University of Grodno) and is
  left alone, unless the registry knows the whole span as one entity; in
  German copy a noun naming a kind of settlement (in der Stadt Grodno) does
  not count.
* :func:`gloss_end`: a mention followed by a bracketed gloss of the same
  entity in the same script ("Svetlana Tikhanovskaya (Sviatlana
  Tsikhanouskaya)") is rewritten once, gloss included.

Left out: which characters are prose at all (``namenorm.copy.markup``).
"""

from __future__ import annotations

import re

from ..names import TITLES

__all__ = ["covers_quotation", "gloss_end", "inside_proper_noun", "quotations"]

#: Opening mark -> closing marks, for typographic quotation marks.
_PAIRS = {"“": "”", "«": "»", "„": "“”", "‹": "›", "”": "”"}
_CLOSERS = "”»“›"
_STRAIGHT = '"'
_MARKS = re.compile('[“”«»„‹›"]')
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.\-]*)([ \u00a0]+|-)\Z")
_WORD_AFTER = re.compile(r"\A([ \u00a0]+|-)([^\W\d_][\w'’\-]*)")
_SENTENCE_END = frozenset(".!?…:;")
_OF_BEFORE = re.compile(r"([^\W\d_][\w'’.\-]*)[ \u00a0]+(?:of|de|d['’])[ \u00a0]*\Z")
#: German nouns naming a kind of settlement (Stadt, Hauptstadt, Grenzstadt, Dorf, ...).
_SETTLEMENT_DE = re.compile(r"(?:stadt|städte|dorf|metropole|ortschaft|gemeinde|siedlung)\Z")


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans (quotation marks included) of the quotations in ``text``, outermost only.

    Typographic marks are paired by nesting; straight double quotes in turn
    within a paragraph. Unpaired marks quote nothing.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []
    straight: int | None = None
    paragraph_ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    next_break = 0
    for mark in _MARKS.finditer(text):
        position, char = mark.start(), mark.group()
        while position > paragraph_ends[next_break]:
            next_break += 1
            stack.clear()
            straight = None
        if char == _STRAIGHT:
            if straight is None:
                straight = position
            else:
                spans.append((straight, position + 1))
                straight = None
        elif stack and char in stack[-1][1]:
            start, _ = stack.pop()
            if not stack:
                spans.append((start, position + 1))
        elif char in _PAIRS and char not in _CLOSERS:
            stack.append((position, _PAIRS[char]))
        elif char == "“" and not stack:
            stack.append((position, "”"))
    spans.sort()
    outer: list[tuple[int, int]] = []
    for span in spans:
        if not outer or span[0] >= outer[-1][1]:
            outer.append(span)
    return outer


def covers_quotation(text: str, span: tuple[int, int], start: int, end: int) -> bool:
    """Whether the mention ``start:end`` is all the quotation ``span`` holds."""
    inner = text[span[0] + 1 : span[1] - 1]
    return inner.strip(" \u00a0.,") == text[start:end]


def inside_proper_noun(text: str, start: int, end: int, *, lang: str = "en") -> bool:
    """Whether a capitalized word or a closing quotation mark sits right beside ``start:end``,
    or a capitalized word that is no title sits before an "of" or "de" right before it
    (in capitals, a word in capitals beside a name in capitals says nothing; in German,
    a noun naming a kind of settlement before it says nothing)."""
    caps = text[start:end].isupper()
    window = max(0, start - 60)
    before = _WORD_BEFORE.search(text, window, start)
    if before is not None:
        word = before.group(1)
        if (
            word[0].isupper()
            and not (caps and word.isupper())
            and word[-1] not in _SENTENCE_END
            and not _sentence_start(text, before.start(1))
            and not (lang == "de" and _SETTLEMENT_DE.search(word.casefold()))
        ):
            return True
    if not caps and _after_name_and_of(text, window, start):
        return True
    if start >= 2 and text[start - 1] in " \u00a0" and text[start - 2] in _CLOSERS + "'’\"":
        return True
    after = _WORD_AFTER.match(text[end : end + 60])
    return (
        after is not None
        and after.group(2)[0].isupper()
        and not (caps and after.group(2).isupper())
    )


def _after_name_and_of(text: str, window: int, start: int) -> bool:
    """Whether "Word of " or "Word de " (Word capitalized, not a title, not opening a
    sentence) ends right before ``start``."""
    found = _OF_BEFORE.search(text, window, start)
    if found is None:
        return False
    word = re.split("['’]", found.group(1))[-1]  # d'État: État
    return (
        bool(word)
        and word[0].isupper()
        and word[-1] not in _SENTENCE_END
        and word.casefold().rstrip(".") not in TITLES
        and not _sentence_start(text, found.start(1))
    )


def gloss_end(text: str, end: int, next_start: int, next_end: int) -> int | None:
    """The end of ``(next mention)`` when it directly follows position ``end`` as a gloss."""
    between = text[end:next_start]
    if between.strip() != "(" or between.count("\n"):
        return None
    closing = re.match(r"[ \u00a0]*\)", text[next_end : next_end + 8])
    return None if closing is None else next_end + closing.end()


def _sentence_start(text: str, position: int) -> bool:
    cursor = position - 1
    while cursor >= 0 and text[cursor] in " \t\u00a0\"'«„“‘([*_#>":
        cursor -= 1
    return cursor < 0 or text[cursor] in _SENTENCE_END or text[cursor] in "\n\ufffc"
