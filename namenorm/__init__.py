"""namenorm: one stable ID and one house spelling for every spelling of a name."""

from .copy import Edit, Mention, NormalizeResult, find_names, normalize_text
from .errors import (
    InvalidInputError,
    NamenormError,
    NotFoundError,
    Problem,
    QueryTooLongError,
    RegistryError,
    UnknownKindError,
    UnknownLanguageError,
    UnknownSystemError,
)
from .match import AMBIGUITY_MARGIN, THRESHOLD, Match
from .registry import Entity, Name, Registry, SharedSpelling, default_registry, reset_caches
from .translit import System, cyrillize, systems, transliterate

__version__ = "0.1.0"

__all__ = [
    "AMBIGUITY_MARGIN",
    "THRESHOLD",
    "Edit",
    "Entity",
    "InvalidInputError",
    "Match",
    "Mention",
    "Name",
    "NamenormError",
    "NormalizeResult",
    "NotFoundError",
    "Problem",
    "QueryTooLongError",
    "Registry",
    "RegistryError",
    "SharedSpelling",
    "System",
    "UnknownKindError",
    "UnknownLanguageError",
    "UnknownSystemError",
    "__version__",
    "cyrillize",
    "default_registry",
    "find_names",
    "normalize_text",
    "reset_caches",
    "systems",
    "transliterate",
]
