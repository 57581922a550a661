"""namenorm: one stable ID and one house spelling for every spelling of a name."""

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
from .translit import System, cyrillize, systems, transliterate

__version__ = "0.1.0"

__all__ = [
    "InvalidInputError",
    "NamenormError",
    "NotFoundError",
    "Problem",
    "QueryTooLongError",
    "RegistryError",
    "System",
    "UnknownKindError",
    "UnknownLanguageError",
    "UnknownSystemError",
    "__version__",
    "cyrillize",
    "systems",
    "transliterate",
]
