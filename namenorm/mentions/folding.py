"""Fold running text the way match keys are folded, keeping a map to its offsets.

:func:`fold` case-folds a text and replaces apostrophe-, hyphen- and
space-like characters one for one as :func:`~namenorm.text.clean` does (its
:data:`~namenorm.text.FOLDS`); runs of spaces become one space and format
characters (:data:`~namenorm.text.INVISIBLE`) are dropped, as in the index
keys. :class:`Offsets` maps a position in the folded text back to the
original. :func:`fold_slowly` is the character-by-character reference that
:func:`fold` short-cuts, and the path taken for text that case-folding
lengthens (ß) or that is not in NFC.

Left out: NFKC compatibility folding and confusable letters (``clean`` does
both for keys; neither can be undone offset by offset).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from ..text import FOLDS, INVISIBLE

__all__ = ["Offsets", "fold", "fold_slowly", "is_word_char"]

_FOLD = str.maketrans(FOLDS)
_FOLD_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(FOLDS)) + "]")
_INVISIBLE = "".join(re.escape(c) for c in sorted(INVISIBLE))
#: Runs the folded text shortens: spaces with invisibles, or two spaces and more.
_SQUEEZE = re.compile(rf"[ {_INVISIBLE}]*[{_INVISIBLE}][ {_INVISIBLE}]*| {{2,}}")
#: The same for text without invisibles (the common case, and much faster).
_SQUEEZE_SPACES = re.compile("  +")


class Offsets:
    """Maps positions in the folded text back to the original text."""

    def __init__(self, folded_starts: list[int], original_starts: list[int]) -> None:
        self.folded = folded_starts
        self.original = original_starts

    def __call__(self, position: int) -> int:
        segment = bisect_right(self.folded, position) - 1
        return self.original[segment] + position - self.folded[segment]


def fold(text: str) -> tuple[str, Offsets | None]:
    """``text`` case-folded like the index keys, and a map to original offsets.

    The map is ``None`` when every folded character sits at its original offset
    (the common case, checked rather than assumed).
    """
    same = _FOLD_RE.sub(_fold_char, text)
    lowered = same.casefold()
    if len(lowered) == len(text) and unicodedata.is_normalized("NFC", text):
        squeeze = _SQUEEZE if any(char in lowered for char in INVISIBLE) else _SQUEEZE_SPACES
        if not squeeze.search(lowered):
            return lowered, None
        pieces: list[str] = []
        folded_starts: list[int] = []
        original_starts: list[int] = []
        position = length = 0
        for run in squeeze.finditer(lowered):
            piece = lowered[position : run.start()] + (" " if " " in run.group() else "")
            folded_starts.append(length)
            original_starts.append(position)
            pieces.append(piece)
            length += len(piece)
            position = run.end()
        folded_starts.append(length)
        original_starts.append(position)
        pieces.append(lowered[position:])
        return "".join(pieces), Offsets(folded_starts, original_starts)
    return fold_slowly(text)


def _fold_char(found: re.Match[str]) -> str:
    return FOLDS[found.group()]


def fold_slowly(text: str) -> tuple[str, Offsets]:
    """:func:`fold` character by character (each base character with its combining marks)."""
    out: list[str] = []
    folded_starts: list[int] = []
    original_starts: list[int] = []
    position, size = 0, len(text)
    while position < size:
        end = position + 1
        while end < size and unicodedata.combining(text[end]):
            end += 1
        cluster = unicodedata.normalize("NFC", text[position:end]).translate(_FOLD).casefold()
        cluster = "".join(c for c in cluster if c not in INVISIBLE)
        if cluster.startswith(" ") and out and out[-1] == " ":
            cluster = cluster[1:]  # a run of spaces folds to one (a mark may sit on it)
        for char in cluster:
            folded_starts.append(len(out))
            original_starts.append(position)
            out.append(char)
        position = end
    folded_starts.append(len(out))
    original_starts.append(size)
    return "".join(out), Offsets(folded_starts, original_starts)


def is_word_char(char: str) -> bool:
    """Whether ``char`` continues a word (a letter, digit or combining mark)."""
    return char.isalnum() or unicodedata.category(char)[0] == "M"
