"""Iterate the records of a CSV text stream, keeping each field's raw text.

Joining a record's raw fields with the delimiter and adding its line ending
gives back the input exactly; a record is split with :meth:`str.split` when
it has no quote character (the fast path) and by a compiled regular
expression otherwise; both follow the stdlib :mod:`csv` reader's rules.
Left out: decoding (``source``) and the dialect's rules (``dialect``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import IO

from .dialect import QUOTE, Dialect, _Splitter, sniff

__all__ = ["MAX_RECORD_CHARS", "RawReader"]

#: A quoted field still open after this many characters is taken for a quote
#: that never closes: the record and the rest of the file are passed through.
MAX_RECORD_CHARS = 1 << 20


class RawReader:
    """Iterate the records of a CSV text stream as ``(raw_fields, terminator)``.

    ``raw_fields`` are the fields exactly as written (quotes and all); joining
    them with the delimiter and adding ``terminator`` gives back the record's
    text, so ``"".join(delimiter.join(f) + t for f, t in reader)`` is the
    input. A record whose quote never closes (before the end of the file, or
    within :data:`MAX_RECORD_CHARS` characters) comes back as ``([], text)``
    and every physical line after it as ``([], line)``: memory stays bounded
    and nothing is lost. ``line`` is the physical line the last record
    started on.

    ``dialect`` skips sniffing (a later part of a file whose start was sniffed).
    Fast loops may iterate :attr:`lines` (the physical lines, line endings
    kept) themselves and hand any line they do not handle to :meth:`record`,
    which reads the rest of a multi-line record from the same iterator;
    iterating the reader does exactly that for every line.
    """

    def __init__(
        self, text: IO[str], *, delimiter: str | None = None, dialect: Dialect | None = None
    ) -> None:
        head: list[str] = []
        if dialect is None:  # sniff from the first lines
            size = 0
            while size < 1 << 16 and len(head) < 200:  # enough; a pipe is not waited on
                line = text.readline()
                if not line:
                    break
                head.append(line)
                size += len(line)
            dialect = sniff(head, delimiter=delimiter)
        self.dialect = dialect
        self.lines: Iterator[str] = itertools.chain(head, text)
        self.line = 0
        self._splitter = _Splitter.make(self.dialect.delimiter)

    def __iter__(self) -> Iterator[tuple[list[str], str]]:
        record = self.record
        number = 1
        for line in self.lines:
            self.line = number
            fields, end, used = record(line, number)
            yield fields, end
            number += used
            if not fields:  # a quote that never closes: the rest goes through as it is
                for rest in self.lines:
                    yield [], rest

    def record(self, line: str, number: int = 0) -> tuple[list[str], str, int]:
        """The record that starts with physical ``line`` (number ``number``, for errors).

        Returns the raw fields, the line ending, and how many physical lines
        the record took (more than 1 when a quoted field holds line breaks).
        No fields (``[]``) mean a quote that never closes: the caller passes
        the text and the rest of :attr:`lines` through untouched.
        """
        if QUOTE not in line:  # no quoting: split in C
            if line.endswith("\n"):
                if line.endswith("\r\n"):
                    return line[:-2].split(self.dialect.delimiter), "\r\n", 1
                return line[:-1].split(self.dialect.delimiter), "\n", 1
            content = line.rstrip("\r")
            return content.split(self.dialect.delimiter), line[len(content) :], 1
        split = self._splitter.split
        buffer = line
        used = 1
        while (fields := split(content := buffer.rstrip("\r\n"))) is None:
            more = next(self.lines, None)
            if more is None:  # end of file inside a quoted field: pass it through
                return [], buffer, used
            buffer += more
            used += 1
            while QUOTE not in more:  # only a quote can close the field: skip the split
                if len(buffer) > MAX_RECORD_CHARS:
                    return [], buffer, used
                more = next(self.lines, None)
                if more is None:
                    return [], buffer, used
                buffer += more
                used += 1
            if len(buffer) > MAX_RECORD_CHARS and split(buffer.rstrip("\r\n")) is None:
                return [], buffer, used
        return fields, buffer[len(content) :], used
