"""The exception hierarchy of namenorm.

Every error is a :class:`NamenormError` carrying the HTTP status and a short
machine-readable ``code``; the HTTP layer maps them to one JSON error body and
the CLI to exit codes. Messages quote the offending value and say what was
expected. This module defines errors only; it does no formatting for any
particular front end.
"""

from __future__ import annotations

from dataclasses import dataclass


class NamenormError(Exception):
    """Base class of every error raised on purpose by namenorm."""

    status: int = 500
    code: str = "internal_error"


class InvalidInputError(NamenormError, ValueError):
    """A caller passed a value outside what the function accepts."""

    status = 400
    code = "invalid_input"


class SettingError(InvalidInputError):
    """A ``NAMENORM_*`` setting (or the option standing for it) has a value it
    cannot take; the message names the setting, the value and what it expects."""

    code = "invalid_setting"


class TimeBudgetError(NamenormError):
    """A request's names took longer to look up than its time budget allows
    (``NAMENORM_TIME_BUDGET``); raised between two queries, never inside one.
    Not a ``ValueError``: no caller may take it for "not a name"."""

    status = 413
    code = "time_budget_exceeded"


class QueryTooLongError(InvalidInputError):
    """A name query is longer than the accepted maximum."""

    code = "query_too_long"


class UnknownLanguageError(InvalidInputError):
    """A language tag that namenorm has no data for."""

    code = "unknown_lang"


class UnknownSystemError(InvalidInputError):
    """A transliteration system name that does not exist for the language."""

    code = "unknown_system"


class UnknownKindError(InvalidInputError):
    """An entity kind other than person, org or place."""

    code = "unknown_kind"


class NotFoundError(NamenormError, KeyError):
    """An entity ID (or another named thing) that does not exist."""

    status = 404
    code = "not_found"

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else "not found"


class CsvError(NamenormError, ValueError):
    """A CSV file that cannot be read or written as asked (bad bytes, an unclosed quote)."""

    status = 422
    code = "invalid_csv"


class CsvOptionError(CsvError, InvalidInputError):
    """A CSV option that cannot be used: an unknown encoding, a delimiter that is not one character."""

    status = 400
    code = "invalid_csv_option"


@dataclass(frozen=True)
class Problem:
    """One validation problem in a registry file, located to the line and field."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class RegistryError(NamenormError):
    """A registry file failed validation; ``problems`` lists every problem found."""

    status = 422
    code = "invalid_registry"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems[:50])
        more = f"\n  ... and {count - 50} more" if count > 50 else ""
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"registry has {count} {noun}:\n{lines}{more}")


class IndexFileError(NamenormError):
    """An index file that cannot be used: missing, damaged, of another format or
    namenorm version, or built from another registry (the message says which)."""

    status = 500
    code = "invalid_index"
