"""Editorial rules: where a found name is left as written, and glosses.

* :func:`quotations`: spans of text in quotation marks (“…”, «…», „…“, "…",
  ‘…’, ‚…‘, '…'; an apostrophe quotes nothing), left alone by default; a
  name standing alone in quotation marks is a name.
* :class:`ProperNouns` (:func:`inside_proper_noun`): a place or organization
  beside a capitalized word or a closing quotation mark, or after "of"/"de"
  after a capitalized word other than a title, is part of a longer proper
  noun (Grodno Azot, University of Grodno) and stays, unless the registry
  knows the whole span. Where capitals say nothing (a headline in capitals or
  Title Case, a sentence start) only a word that is no common word counts
  (Neman Grodno, not Gomel Students), or a pair the text writes as a proper
  noun in running text; a registry name joined by a hyphen makes none
  (Grodno-Minsk); a person's surname joined to another name is someone
  else's (Karpenko-Kary); German settlement nouns (Stadt) do not count.
* :func:`gloss_end`: a mention followed by a bracketed gloss of the same
  entity in the same script is rewritten once, gloss included.

Left out: which characters are prose at all (``namenorm.copy.markup``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from ..lexicon import ZIPF_COMMON, is_common_word
from ..names import TITLES
from ..wordlists import zipf_frequency

__all__ = ["ProperNouns", "covers_quotation", "gloss_end", "inside_proper_noun", "quotations"]

#: Opening mark -> closing marks, for typographic quotation marks.
_PAIRS = {"“": "”", "«": "»", "„": "“”", "‹": "›", "”": "”"}
_CLOSERS = "”»“›"
_STRAIGHT = '"'
_MARKS = re.compile("[“”«»„‹›\"‘’‚']")
#: Single quotation marks that open a quotation, and the mark that closes each
#: (‘…’ in English, ‚…‘ in German, '…' typed straight).
_SINGLE = {"‘": "’", "‚": "‘", "'": "'", "’": "’"}
_OPENS_BEFORE = "([{—–-/"
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_WORD_AFTER = re.compile(r"\A([ \u00a0]+|-)([^\W\d_][\w'’\-]*)")
_SENTENCE_END = frozenset(".!?…:;")
_OF_BEFORE = re.compile(r"([^\W\d_][\w'’.\-]*)[ \u00a0]+(?:of|de|d['’])[ \u00a0]*\Z")
_HEADLINE = 200  # longest line read as a headline, in characters
_HEADLINE_WEAK = "headline"  # capitals say nothing: a headline, or words in capitals
_SEPARATORS = frozenset(" \u00a0-")
_WORD_INNER = "_'’.-"
_LINE_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_BLANK = " \t\r\ufffc"  # white space, and markup the prose view masks
#: wordfreq has no Belarusian list: Russian stands in (as the lexicon does).
_ZIPF_LANG = {"be": "ru"}
#: Languages that capitalize every noun: Title Case says nothing of a headline there.
_NOUNS_CAPITALIZED = frozenset({"de", "lb"})
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
    single: tuple[int, str] | None = None  # an open single quotation mark, and its closer
    paragraph_ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    next_break = 0
    for mark in _MARKS.finditer(text):
        position, char = mark.start(), mark.group()
        while position > paragraph_ends[next_break]:
            next_break += 1
            stack.clear()
            straight = single = None
        if char in _SINGLE:
            if single is not None and char == single[1] and _closes(text, position):
                spans.append((single[0], position + 1))
                single = None
            elif single is None and _opens(text, position):
                single = (position, _SINGLE[char])
        elif char == _STRAIGHT:
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


def _opens(text: str, position: int) -> bool:
    """Whether the single quotation mark at ``position`` opens a quotation: at the start
    of a word, before a letter ('90s and 'n' are elisions, a ’ is an apostrophe)."""
    char = text[position]
    if char == "’":
        return False
    after = text[position + 1 : position + 2]
    before = text[position - 1 : position] if position else " "
    if char == "'" and not (before.isspace() or before in _OPENS_BEFORE):
        return False
    return after.isalpha() or (char != "'" and after in _OPENS_BEFORE + '“”"')


def _closes(text: str, position: int) -> bool:
    """Whether the single quotation mark at ``position`` closes the open one: at the end
    of a word, before no letter (Lukashenko’s and don’t hold apostrophes)."""
    after = text[position + 1 : position + 2]
    before = text[position - 1 : position]
    return bool(before) and not before.isspace() and not after.isalnum()


def covers_quotation(text: str, span: tuple[int, int], start: int, end: int) -> bool:
    """Whether the mention ``start:end`` is all the quotation ``span`` holds."""
    inner = text[span[0] + 1 : span[1] - 1]
    return inner.strip(" \u00a0.,") == text[start:end]


def inside_proper_noun(
    text: str, start: int, end: int, *, lang: str = "en", nouns: ProperNouns | None = None
) -> bool:
    """Whether a capitalized word or a closing quotation mark sits right beside ``start:end``,
    or a capitalized word that is no title sits before an "of" or "de" right before it
    (where capitals say nothing, in a headline or at the start of a sentence, only a word
    that is no common word counts, or a pair the text writes as a proper noun elsewhere;
    in German, a noun naming a kind of settlement before it says nothing; a registry
    name joined by a hyphen is a name of its own). ``nouns``: what the whole document
    says (:class:`ProperNouns`); without it, the text alone is read."""
    nouns = nouns or ProperNouns(text, lang)
    return nouns.inside(start, end)


class ProperNouns:
    """One document read for longer proper nouns (:func:`inside_proper_noun`).

    ``names`` are the spans of the registry names found in the text (a name
    joined to one by a hyphen makes no longer proper noun: Hrodna-Minsk);
    ``headings`` the spans the markup marks as headings. :meth:`learn` reads
    the pairs the text writes as proper nouns in running text ("the Mogilev
    Automobile Plant"), which count in a headline in capitals too.
    """

    def __init__(
        self,
        text: str,
        lang: str = "en",
        *,
        names: Iterable[tuple[int, int]] = (),
        headings: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self.lang = lang
        spans = list(names)
        self.starts = {s for s, _ in spans}
        self.ends = {e for _, e in spans}
        self.headings = sorted(headings)
        self.spans: list[tuple[int, int]] = []
        self.pairs: set[tuple[str, str, str]] | None = None
        self.lines: dict[int, bool] = {}

    def learn(self, spans: Iterable[tuple[int, int]]) -> None:
        """Remember the spans whose pairs make a proper noun where capitals say
        something; the pairs are read on first need (a headline)."""
        self.spans = list(spans)
        self.pairs = None

    def _pairs(self) -> set[tuple[str, str, str]]:
        if self.pairs is None:
            self.pairs = set()
            for start, end in self.spans:
                for side, word, weak in self._neighbours(start, end, hyphen_only=False):
                    if not weak:
                        self.pairs.add((_fold(self.text[start:end]), side, _fold(word)))
        return self.pairs

    def inside(self, start: int, end: int, *, person: bool = False) -> bool:
        """Whether ``start:end`` is part of a longer proper noun; for a ``person``, only
        another capitalized name joined by a hyphen counts (Karpenko-Kary)."""
        text = self.text
        if person and text[start - 1 : start] != "-" and text[end : end + 1] != "-":
            return False
        for side, word, weak in self._neighbours(start, end, hyphen_only=person):
            if (
                not weak
                or not self.common(word)
                or (
                    weak == _HEADLINE_WEAK
                    and (_fold(text[start:end]), side, _fold(word)) in self._pairs()
                )
            ):
                return True
        if person:
            return False
        caps = text[start:end].isupper()
        if not caps and _after_name_and_of(text, max(0, start - 60), start):
            return True
        return start >= 2 and text[start - 1] in " \u00a0" and text[start - 2] in _CLOSERS + "'’\""

    def _neighbours(
        self, start: int, end: int, *, hyphen_only: bool
    ) -> Iterator[tuple[str, str, str]]:
        """The capitalized words right beside ``start:end`` that may make it part of a
        longer proper noun: (side, word, where capitals say nothing there: a headline
        or words in capitals, a sentence start, or empty)."""
        text, lang = self.text, self.lang
        caps = text[start:end].isupper()
        before = _word_before(text, start)
        if before is not None and (before[2] == "-" or not hyphen_only):
            word_start, word_end, separator = before
            word = text[word_start:word_end]
            if (
                word[0].isupper()
                and word[-1] not in _SENTENCE_END
                and not (lang == "de" and _SETTLEMENT_DE.search(word.casefold()))
                and not (separator == "-" and word_end in self.ends)
            ):
                if (caps and word.isupper()) or self.headline(start):
                    yield "before", word, _HEADLINE_WEAK
                else:
                    yield "before", word, "sentence" if _sentence_start(text, word_start) else ""
        if text[end : end + 1] not in _SEPARATORS:
            return
        after = _WORD_AFTER.match(text[end : end + 60])
        if after is not None and (after.group(1) == "-" or not hyphen_only):
            word = after.group(2)
            if word[0].isupper() and not (
                after.group(1) == "-" and end + after.start(2) in self.starts
            ):
                weak = (caps and word.isupper()) or self.headline(start)
                yield "after", word, _HEADLINE_WEAK if weak else ""

    def common(self, word: str) -> bool:
        """Whether ``word`` is an ordinary word of the copy's language (lexicon, or a
        wordfreq Zipf frequency of at least 3: plurals and verb forms too)."""
        lang = self.lang
        return is_common_word(word, lang) or (
            zipf_frequency(word.casefold(), _ZIPF_LANG.get(lang, lang)) >= ZIPF_COMMON
        )

    def headline(self, position: int) -> bool:
        """Whether the line at ``position`` is a headline in capitals or Title Case: a
        heading of the markup, or a line standing alone between blank lines."""
        text = self.text
        number = bisect_right(self.headings, (position, len(text) + 1)) - 1
        if number >= 0 and self.headings[number][1] > position:
            return self._capitalized(*self.headings[number]) is not None
        line_start = text.rfind("\n", max(0, position - _HEADLINE), position) + 1
        if line_start == 0 and position > _HEADLINE:
            return False
        found = self.lines.get(line_start)
        if found is None:
            line_end = text.find("\n", position, position + _HEADLINE)
            if line_end < 0:
                line_end = len(text) if len(text) - position <= _HEADLINE else -1
            found = line_end >= 0 and self._headline(line_start, line_end)
            self.lines[line_start] = found
        return found

    def _capitalized(self, start: int, end: int) -> str | None:
        """``caps`` or ``title`` when ``start:end`` is written in capitals or Title Case
        (every word longer than three letters capitalized), else ``None``."""
        words = _LINE_WORD.findall(self.text, start, end)
        letters = [c for w in words for c in w if c.isalpha()]
        if len(words) < 2 or not letters:
            return None
        if all(c.isupper() for c in letters):
            return "caps"
        long = [w for w in words if len(w) > 3]
        if self.lang in _NOUNS_CAPITALIZED or len(long) < 2:
            return None
        return "title" if all(w[0].isupper() for w in long) else None

    def _headline(self, line_start: int, line_end: int) -> bool:
        text = self.text
        shape = self._capitalized(line_start, line_end)
        if shape != "title":
            return shape == "caps"
        # a line in Title Case standing alone, with no full stop, that heads more text
        return (
            not text[line_start:line_end].rstrip(_BLANK).endswith(".")
            and _blank_before(text, line_start)
            and _blank_after(text, line_end)
            and bool(text[line_end:].strip(_BLANK + "\n"))
        )


def _word_before(text: str, start: int) -> tuple[int, int, str] | None:
    """The word right before ``start`` and the separator between (spaces, or one
    hyphen), as ``(word start, word end, separator)``: a letter, then letters, digits
    and ``_'’.-``, at most 60 characters back; found by walking back (a regular
    expression searched over a window costs more per mention)."""
    cursor = start - 1
    if cursor < 0:
        return None
    if text[cursor] == "-":
        separator = "-"
        cursor -= 1
    else:
        while cursor >= 0 and text[cursor] in " \u00a0":
            cursor -= 1
        if cursor == start - 1:
            return None
        separator = " "
    word_end = cursor + 1
    low = max(0, start - 60)
    while cursor >= low and (text[cursor].isalnum() or text[cursor] in _WORD_INNER):
        cursor -= 1
    word_start = cursor + 1
    while word_start < word_end and not (
        text[word_start].isalpha() and text[word_start] not in "_"
    ):
        word_start += 1
    if word_start >= word_end:
        return None
    return word_start, word_end, separator


def _fold(word: str) -> str:
    return " ".join(word.casefold().split())


def _blank_before(text: str, line_start: int) -> bool:
    if line_start == 0:
        return True
    previous = text.rfind("\n", 0, line_start - 1) + 1
    return not text[previous : line_start - 1].strip(_BLANK)


def _blank_after(text: str, line_end: int) -> bool:
    if line_end >= len(text):
        return True
    following = text.find("\n", line_end + 1)
    return not text[line_end + 1 : len(text) if following < 0 else following].strip(_BLANK)


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
