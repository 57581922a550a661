"""Read and write messy CSV files without losing a byte.

Real spreadsheets of names arrive in UTF-8 with or without a byte-order
mark, in UTF-16 from Excel, or in Windows-1251 from Belarusian and Russian
systems; they are separated by ``,``, ``;`` or tabs, end lines in CRLF, and
hold quoted fields with delimiters, quotes and line breaks inside. One
module per concern:

* ``encoding``: detect the encoding or take the user's (:func:`detect_encoding`);
* ``source``: open a file or a pipe as decoded text (:func:`open_source`);
* ``dialect``: sniff delimiter, line ending and quoting (:func:`sniff`), split,
  unquote and quote fields;
* ``records``: iterate records keeping each field's raw text (:class:`RawReader`);
* ``atomic``: write to a temporary file renamed into place on success
  (:func:`atomic_output`).

Everything streams: memory does not grow with the file. Left out: any
knowledge of names (that is ``namenorm.batch``).
"""

from __future__ import annotations

from ..errors import CsvError, CsvOptionError
from .atomic import atomic_binary, atomic_output
from .dialect import (
    DELIMITERS,
    QUOTE,
    Dialect,
    Quoting,
    normalize_header,
    quote,
    sniff,
    split_record,
    unquote,
)
from .encoding import (
    Encoding,
    detect_encoding,
    given_encoding,
    locate_decode_error,
    output_encoding,
)
from .records import MAX_RECORD_CHARS, RawReader
from .source import PIPE_SAMPLE_BYTES, SAMPLE_BYTES, Source, open_source

__all__ = [
    "DELIMITERS",
    "MAX_RECORD_CHARS",
    "PIPE_SAMPLE_BYTES",
    "QUOTE",
    "SAMPLE_BYTES",
    "CsvError",
    "CsvOptionError",
    "Dialect",
    "Encoding",
    "Quoting",
    "RawReader",
    "Source",
    "atomic_binary",
    "atomic_output",
    "detect_encoding",
    "given_encoding",
    "locate_decode_error",
    "normalize_header",
    "open_source",
    "output_encoding",
    "quote",
    "sniff",
    "split_record",
    "unquote",
]
