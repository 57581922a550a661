"""The shape of a query: how long it may be, and which of its words may hold a name.

The caps that bound the work of one query (:data:`MAX_QUERY_LENGTH`,
:data:`MAX_NAME_WORDS`, :data:`MAX_FUNCTION_WORDS`, :data:`MAX_WORD_LENGTH`,
:data:`MAX_SPAN_WORDS`), :func:`check_name_size`, which refuses a query over
them, and :func:`surname_spans`, the runs of words the search tries as the
surname (or a whole organization or place name).

Left out: looking the spans up (``namenorm.index.search``).
"""

from __future__ import annotations

from ..errors import QueryTooLongError
from ..names import PARTICLES, Word, is_function_word

__all__ = [
    "MAX_FUNCTION_WORDS",
    "MAX_NAME_WORDS",
    "MAX_QUERY_LENGTH",
    "MAX_SPAN_WORDS",
    "MAX_WORD_LENGTH",
    "check_name_size",
    "surname_spans",
]

#: Longest query accepted, in characters.
MAX_QUERY_LENGTH = 512
#: Most words (titles aside) of a query that is not a stored spelling as a
#: whole. A name has a given name or two, a patronymic, a surname of up to
#: three words (von der Leyen) and initials; an organization a few descriptors.
#: The search tries runs of these words, so this cap, with
#: :data:`MAX_WORD_LENGTH` and :data:`MAX_SPAN_WORDS`, bounds the work of one
#: query; a query over either cap is refused with ``QueryTooLongError``
#: (running text goes through ``normalize_text``, which finds the names in it).
MAX_NAME_WORDS = 6
#: Function words (``namenorm.names.FUNCTION_WORDS``: of, the, für, по, з) a
#: query may have besides its :data:`MAX_NAME_WORDS`: an organization's full
#: name has them (Coordination Council for the Transfer of Power). They do not
#: add work in proportion: no name part tried starts or ends with one.
MAX_FUNCTION_WORDS = 4
#: Longest word of a query that is not a stored spelling, in characters (the
#: longest word of a shipped name has 19).
MAX_WORD_LENGTH = 24
#: Widest run of query words tried as one name part; the whole query is tried
#: as one name too.
MAX_SPAN_WORDS = 3


def check_name_size(words: list[Word]) -> None:
    """Raise ``QueryTooLongError`` for more words, or a longer word, than a name has
    (titles and up to :data:`MAX_FUNCTION_WORDS` function words aside)."""
    function = sum(1 for w in words if is_function_word(w))
    named = len(words) - min(function, MAX_FUNCTION_WORDS)
    if named > MAX_NAME_WORDS:
        besides = f"titles and {len(words) - named} function words" if function else "titles"
        raise QueryTooLongError(
            f"query has {named} words besides {besides}; a name has at most {MAX_NAME_WORDS} "
            "(look up one name per query; names in running text are found by normalize_text)"
        )
    for word in words:
        if len(word.text) > MAX_WORD_LENGTH:
            shown = word.text if len(word.text) <= 30 else word.text[:27] + "..."
            raise QueryTooLongError(
                f"query word {shown!r} is {len(word.text)} characters long; "
                f"a word of a name has at most {MAX_WORD_LENGTH}"
            )


def surname_spans(words: list[Word]) -> list[tuple[int, int]]:
    """Word spans that may hold the surname (or a whole org/place name), most likely
    first: the whole query, then runs of at most :data:`MAX_SPAN_WORDS` words."""
    size = len(words)
    spans: dict[tuple[int, int], None] = {(0, size): None}
    if size > 1:
        spans.update({(size - 1, size): None, (0, 1): None})
        for i in range(size):
            for j in range(i + 1, min(size, i + MAX_SPAN_WORDS) + 1):
                spans.setdefault((i, j))
    return [
        (i, j)
        for i, j in spans
        if not any(w.initial for w in words[i:j])
        and ((i, j) == (0, size) or not (_edge_word(words[i]) or _edge_word(words[j - 1])))
    ]


def _edge_word(word: Word) -> bool:
    """A word no name part starts or ends with: a function word that is not a
    surname particle (de Gaulle, von der Leyen)."""
    return is_function_word(word) and word.text not in PARTICLES
