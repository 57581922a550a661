"""Find registry names in running text: the scanning half of copy normalization.

``automaton`` finds spellings of surnames and whole names, ``folding`` folds
the text like the match keys, ``spans`` reads the words around a hit,
``document`` judges each span and reads the text as a whole, ``fuzzy`` adds
the capitalized words the automaton missed, and ``found`` holds what is
reported.
"""

from .automaton import Scanner, scanner
from .document import scan
from .found import Found, Mention, Part

__all__ = ["Found", "Mention", "Part", "Scanner", "scan", "scanner"]
