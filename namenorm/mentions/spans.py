"""The words around a name: what a span absorbs, and where in the text it stands.

:class:`Spans` reads one text around an automaton hit: the given names,
patronymics, initials and titles just before a surname ("President Alexander
Lukashenko", "Alexander\\nLukashenko") or the given name, patronymic and
initials just after it ("Лукашенко А. Г."), marks which Cyrillic words are
case forms of an entity's names, and tells whether a position opens a
sentence, sits in a headline or follows an opening quotation mark.

Left out: asking the resolver about a span (``document``).
"""

from __future__ import annotations

import re

from ..keys import surface
from ..lexicon import is_common_word
from ..names import TITLES, is_patronymic
from ..text import is_cyrillic
from .automaton import Scanner
from .found import Part

__all__ = ["Spans"]

_PREFIX_WORDS = 3  # given name + patronymic + one initial, at most
_TITLE_WORDS = 2
_HEADLINE = 300  # longest line taken for a headline, in characters
_TOKEN = r"[^\W\d_](?:[\w'’.\-]*[^\W\d_])?\.?"
_GAP = r"[^\S\n]*\n?[^\S\n]*"
#: The word before a position, matched on the reversed text (so only that word is read).
_PREV_REVERSED = re.compile(rf"({_GAP})(\.?[^\W\d_](?:[\w'’.\-]*[^\W\d_])?)(?![\w'’.\-])")
_NEXT = re.compile(rf"([^\S\n]+)({_TOKEN})(?![\w'’\-])")  # on the same line
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+\Z")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\Z")
_WORD = re.compile(r"(?<![\w'’\-])[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_END = frozenset(".!?…\n:;")
_OPENING = "\"'«„“‘‚([‹"


class Spans:
    """One text read around its hits (see the module docstring)."""

    def __init__(self, text: str, scanner: Scanner, lang: str) -> None:
        self.text = text
        self.scanner = scanner
        self.index = scanner.registry.index
        self.lang = lang
        self.reversed = text[::-1]

    def absorb_left(self, position: int, floor: int) -> list[Part]:
        """Initials, given names and patronymics, then titles, just before ``position``."""
        parts: list[Part] = []
        names = titles = 0
        size = len(self.text)
        while True:
            found = _PREV_REVERSED.match(self.reversed, size - position)
            if found is None or not found.group(1) or size - found.end(2) < floor:
                break
            token = found.group(2)[::-1]
            token_start = size - found.end(2)
            folded = token.rstrip(".").casefold()
            if not titles and names < _PREFIX_WORDS and _INITIALS.match(token):
                role = "initial"
                names += 1
            elif (
                not titles
                and names < _PREFIX_WORDS
                and token[0].isupper()
                and _NAME_WORD.match(token)
                and folded not in TITLES
                and self.given_like(token)
            ):
                role = "patronymic" if is_patronymic(token) and names == 0 else "given"
                names += 1
            elif (
                titles < _TITLE_WORDS
                and folded in TITLES
                and (token[0].isupper() or is_cyrillic(token))
                and (token.endswith(".") or _NAME_WORD.match(token))
            ):
                role = "title"
                titles += 1
            elif not parts and self.unknown_given(token, found.group(1), token_start):
                role = "given"  # "Nikolai Lukashenko": a given name the tables do not know
                names += 1
            else:
                break
            parts.insert(0, Part(token_start, token_start + len(token), token, role))
            position = token_start
        return parts

    def unknown_given(self, token: str, gap: str, start: int) -> bool:
        """Whether a capitalized word right before a surname, on the same line, can only
        be a given name: a name-like word that is no title and no common word (at the
        start of a sentence only in Latin script, where the lexicons can tell)."""
        return (
            gap == " "
            and not (self.sentence_start(start) and (is_cyrillic(token) or self.lang == "be"))
            and len(token) > 2
            and token[0].isupper()
            and not token.isupper()
            and _NAME_WORD.match(token) is not None
            and token.casefold() not in TITLES
            and not is_common_word(token, self.lang)
            and not self.scanner.names_place(token)
        )

    def absorb_right(self, position: int, ceiling: int, own: frozenset[str]) -> list[Part]:
        """A given name (``own``: of a candidate), patronymic or initials after a surname."""
        parts: list[Part] = []
        while len(parts) < _PREFIX_WORDS:
            found = _NEXT.match(self.text, position)
            if found is None or not found.group(1) or found.end(2) > ceiling:
                break
            token = found.group(2)
            if not _INITIALS.match(token):
                token = token.removesuffix(".")  # the end of the sentence, not of the name
            if _INITIALS.match(token):
                role = "initial"
            elif (
                token[0].isupper()
                and _NAME_WORD.match(token)
                and surface(token) in own
                and all(p.role == "given" for p in parts)
            ):
                role = "patronymic" if parts else "given"
            else:
                break
            parts.append(Part(found.start(2), found.start(2) + len(token), token, role))
            position = found.start(2) + len(token)
        return parts

    def given_like(self, token: str) -> bool:
        return self.scanner.given_like(token)

    def mark_inflection(self, parts: list[Part], entity: int) -> list[Part]:
        """Flag Cyrillic parts not known as nominative spellings of this entity's names."""
        if self.text[parts[0].start : parts[-1].end].isascii():  # the span holds every part
            return parts
        index = self.index
        marked: list[Part] = []
        for part in parts:
            if part.role in ("title", "initial") or not is_cyrillic(part.text):
                marked.append(part)
                continue
            systems = index.spelling_systems(entity, surface(part.text))
            inflected = not systems or all(s == "case" for s in systems)
            marked.append(Part(part.start, part.end, part.text, part.role, inflected))
        return marked

    # -- context -------------------------------------------------------------------------
    def sentence_start(self, position: int) -> bool:
        cursor = position - 1
        while cursor >= 0 and (self.text[cursor] in " \t\u00a0" or self.text[cursor] in _OPENING):
            cursor -= 1
        return cursor < 0 or self.text[cursor] in _SENTENCE_END

    def headline(self, position: int) -> bool:
        """Whether the line is in capitals or Title Case (where capitals say nothing)."""
        text = self.text
        low, high = max(0, position - _HEADLINE), min(len(text), position + _HEADLINE)
        before, after = text.rfind("\n", low, position), text.find("\n", position, high)
        if (before < 0 and low > 0) or (after < 0 and high < len(text)):
            return False  # a line this long is not a headline
        line_start, line_end = before + 1, after if after >= 0 else len(text)
        words = _WORD.findall(text, line_start, line_end)
        return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) >= 0.75 * len(words)

    def quoted(self, position: int) -> bool:
        return position > 0 and self.text[position - 1] in _OPENING
