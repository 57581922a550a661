"""Copy normalization: bring every registry name in running text to house style.

``normalize`` assembles the result, ``markup`` says which characters are
prose, ``rules`` holds the editorial rules, ``house`` what a mention becomes.
"""

from ..errors import InvalidInputError
from .house import replacement
from .markup import FORMATS, MASK, Layout, layout
from .normalize import (
    LANGS,
    QUOTES,
    Edit,
    Mention,
    NormalizeResult,
    Plan,
    apply_edits,
    find_names,
    normalize_text,
    plan,
    warm,
)

__all__ = [
    "FORMATS",
    "LANGS",
    "MASK",
    "QUOTES",
    "Edit",
    "InvalidInputError",
    "Layout",
    "Mention",
    "NormalizeResult",
    "Plan",
    "apply_edits",
    "find_names",
    "layout",
    "normalize_text",
    "plan",
    "replacement",
    "warm",
]
