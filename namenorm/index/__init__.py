"""The match index: a registry's spellings in lookup tables, and the resolver on them.

``spellings`` makes every spelling of a name unit, ``tables`` builds and
holds the lookup tables, ``shape`` bounds a query and picks the word spans to
try, ``search`` finds candidates for a query, ``score``
scores them, ``decide`` picks one, and ``core`` ties them into :class:`Index`.
"""

from .core import EntitySource, Index
from .score import SCORING, Scoring
from .search import (
    MAX_FUNCTION_WORDS,
    MAX_NAME_WORDS,
    MAX_QUERY_LENGTH,
    MAX_SPAN_WORDS,
    MAX_WORD_LENGTH,
)
from .tables import EntityLike, NameLike

__all__ = [
    "MAX_FUNCTION_WORDS",
    "MAX_NAME_WORDS",
    "MAX_QUERY_LENGTH",
    "MAX_SPAN_WORDS",
    "MAX_WORD_LENGTH",
    "SCORING",
    "EntityLike",
    "EntitySource",
    "Index",
    "NameLike",
    "Scoring",
]
