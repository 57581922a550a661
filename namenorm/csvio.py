"""Read and write messy CSV files without losing a byte.

Real spreadsheets of names arrive in UTF-8 with or without a byte-order
mark, in UTF-16 from Excel, or in Windows-1251 from Belarusian and Russian
systems; they are separated by ``,``, ``;`` or tabs, end lines in CRLF, and
hold quoted fields with delimiters, quotes and line breaks inside. This
module

* detects the encoding (:func:`detect_encoding`: BOM, then strict UTF-8,
  then a Windows-1251 check, then ``charset-normalizer``) or takes one;
* sniffs the dialect (:func:`sniff`: delimiter, line ending, quoting style);
* tokenizes records *keeping each field's raw text*, quotes included
  (:class:`RawReader`), so a field that is not changed is written back
  exactly as it was read; a record is split with :meth:`str.split` when it
  has no quote character (the fast path) and by a compiled regular
  expression otherwise; both follow the stdlib :mod:`csv` reader's rules;
* quotes new fields the way the file does (:func:`quote`);
* writes output to a temporary file in the destination folder and renames it
  into place only when everything succeeded (:func:`atomic_output`).

Everything streams: memory does not grow with the file. Left out: any
knowledge of names (that is ``namenorm.cli.clean``), quote characters other
than ``"``, and escape characters (``\\"``), which spreadsheet exports do not use.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO, Literal

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "DELIMITERS",
    "MAX_RECORD_CHARS",
    "PIPE_SAMPLE_BYTES",
    "QUOTE",
    "SAMPLE_BYTES",
    "CsvError",
    "Dialect",
    "Encoding",
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

#: Delimiters the sniffer tries, in order of preference on a tie.
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
#: Bytes read from the start of the input to detect its encoding.
SAMPLE_BYTES = 1 << 20
#: Bytes of a pipe sampled to detect its encoding (what has arrived, up to this).
PIPE_SAMPLE_BYTES = 1 << 16
#: A record longer than this (a quote that never closes) is a data error.
MAX_RECORD_CHARS = 1 << 20

QUOTE = '"'
Quoting = Literal["minimal", "all", "nonnumeric"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\Z")


class CsvError(ValueError):
    """A file that cannot be read or written as asked (bad bytes, an unclosed quote)."""


# -- encodings ---------------------------------------------------------------
@dataclass(frozen=True)
class Encoding:
    """How a file's bytes become text: a codec without BOM handling, plus the BOM.

    ``codec`` is a Python codec name (``utf-8``, ``utf-16-le``, ``cp1251``);
    ``bom`` is the byte-order mark the file starts with (written back on
    output); ``how`` says how it was found, for reports.
    """

    codec: str
    bom: bytes = b""
    how: str = "given"

    @property
    def label(self) -> str:
        """``utf-8``, ``utf-8 with BOM``, ``cp1251``, ..."""
        return f"{self.codec} with BOM" if self.bom else self.codec


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise CsvError(
            f"unknown encoding {name!r}; expected a Python codec name such as utf-8, utf-16, cp1251"
        ) from None


def _bom_of(sample: bytes) -> tuple[bytes, str] | None:
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return bom, codec
    return None


def _is_utf8(sample: bytes, *, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _looks_cp1251(sample: bytes) -> bool:
    """True when ``sample`` reads as Windows-1251 Cyrillic text.

    Every byte but 0x98 decodes in cp1251, so decoding proves little; what
    tells is the result: nearly all non-ASCII characters are Cyrillic letters,
    mostly lowercase (names are capitalized words). KOI8-R read as cp1251 comes
    out mostly uppercase, and other code pages come out as symbols.
    """
    try:
        text = sample.decode("cp1251")
    except UnicodeDecodeError:
        return False
    letters = [c for c in text if not c.isascii()]
    if not letters:
        return False
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff" and c.isalpha()]
    lower = sum(1 for c in cyrillic if c.islower())
    return len(cyrillic) >= 0.9 * len(letters) and lower >= 0.5 * len(cyrillic)


def detect_encoding(sample: bytes, *, complete: bool = True) -> Encoding:
    """Guess the encoding of ``sample`` (the start of a file, or all of it).

    In order: a byte-order mark; strict UTF-8 (a multi-byte character cut at
    the end of an incomplete sample is allowed); Windows-1251 Cyrillic (see
    :func:`_looks_cp1251`); ``charset-normalizer``'s best guess. Raise
    :class:`CsvError` when nothing fits.

    >>> detect_encoding("Лукашэнка".encode("cp1251")).codec
    'cp1251'
    """
    found = _bom_of(sample)
    if found:
        return Encoding(found[1], found[0], "byte-order mark")
    if _is_utf8(sample, complete=complete):
        return Encoding("utf-8", b"", "valid UTF-8")
    if _looks_cp1251(sample):
        return Encoding("cp1251", b"", "Cyrillic Windows-1251")
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise CsvError(
            "cannot tell the encoding of the input; pass --encoding (utf-8, utf-16, cp1251, ...)"
        )
    return Encoding(_codec_name(best.encoding), b"", "charset-normalizer")


def given_encoding(name: str, sample: bytes) -> Encoding:
    """The encoding named by the user, with the BOM the file starts with (if any) split off.

    ``utf-8`` on a file that starts with a UTF-8 BOM keeps (and later writes
    back) the BOM instead of reading it into the first column name; ``utf-16``
    picks the byte order from the BOM.
    """
    codec = _codec_name(name)
    found = _bom_of(sample)
    family = codec.replace("-sig", "")
    if found and (found[1] == family or found[1].startswith(family + "-")):
        return Encoding(found[1], found[0], "given")
    if codec == "utf-8-sig":
        return Encoding("utf-8", b"", "given")
    if codec in ("utf-16", "utf-32"):
        return Encoding(codec + "-le", b"", "given")
    return Encoding(codec, b"", "given")


def output_encoding(name: str) -> Encoding:
    """The encoding to write for ``--output-encoding NAME``.

    ``utf-8`` writes no BOM, ``utf-8-sig`` does; ``utf-16`` and ``utf-32``
    write little-endian with a BOM, as Excel expects.
    """
    codec = _codec_name(name)
    if codec == "utf-8-sig":
        return Encoding("utf-8", codecs.BOM_UTF8)
    if codec == "utf-16":
        return Encoding("utf-16-le", codecs.BOM_UTF16_LE)
    if codec == "utf-32":
        return Encoding("utf-32-le", codecs.BOM_UTF32_LE)
    return Encoding(codec)


# -- opening the input -----------------------------------------------------
class _Prefixed(io.RawIOBase):
    """A raw stream that serves ``prefix`` first, then the rest of ``stream``."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        if self._prefix.nbytes:
            size = min(view.nbytes, self._prefix.nbytes)
            view[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        data = self._stream.read(view.nbytes)
        view[: len(data)] = data
        return len(data)


def _read_some(stream: BinaryIO, size: int) -> tuple[bytes, bool]:
    """Up to ``size`` bytes of a pipe, not waiting once 4 KiB have come; and whether it ended."""
    read1 = getattr(stream, "read1", None)
    if read1 is None:
        data = stream.read(size)
        return data, len(data) < size
    chunks: list[bytes] = []
    got = 0
    while got < 4096:
        chunk = read1(size - got)
        if not chunk:
            return b"".join(chunks), True
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks), False


def _first_bad_utf8(stream: BinaryIO, start: int) -> int | None:
    """Offset of the first byte after ``start`` that is not valid UTF-8 (streaming)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    stream.seek(start)
    offset = start
    while True:
        chunk = stream.read(1 << 20)
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            return max(offset - pending + exc.start, 0)
        if not chunk:
            return None
        offset += len(chunk)


def locate_decode_error(stream: BinaryIO, encoding: Encoding) -> tuple[int, bytes] | None:
    """Line number (1-based) and bytes of the first undecodable spot of a seekable file."""
    decoder = codecs.getincrementaldecoder(encoding.codec)()
    stream.seek(len(encoding.bom))
    line = 1
    while True:
        chunk = stream.read(1 << 16)
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            good = exc.object[: exc.start]
            return line + decoder.decode(good, final=False).count("\n"), exc.object[
                exc.start : exc.start + 4
            ]
        line += text.count("\n")
        if not chunk:
            return None


@dataclass
class Source:
    """An opened input: its text stream, encoding, name and size (``None`` for pipes)."""

    text: IO[str]
    binary: BinaryIO
    encoding: Encoding
    name: str
    size: int | None

    def position(self) -> int:
        """Bytes consumed so far (for progress bars; read-ahead included)."""
        try:
            return self.binary.tell()
        except (OSError, ValueError):
            return 0


@contextlib.contextmanager
def open_source(binary: BinaryIO, name: str, *, encoding: str | None = None) -> Iterator[Source]:
    """Detect (or take) the encoding of ``binary`` and yield a text stream over it.

    The text stream keeps line endings as they are (``newline=""``) and
    decodes strictly. For a seekable UTF-8 looking file the whole file is
    checked for UTF-8 first (fast), so a Windows-1251 export whose first
    megabyte happens to be ASCII is still read right.
    """
    seekable = binary.seekable()
    if seekable:
        sample = binary.read(SAMPLE_BYTES)
        complete = len(sample) < SAMPLE_BYTES
    else:
        sample, complete = _read_some(binary, PIPE_SAMPLE_BYTES)
    if encoding:
        found = given_encoding(encoding, sample)
    else:
        found = detect_encoding(sample, complete=complete)
        if found.codec == "utf-8" and not found.bom and not complete and seekable:
            bad = _first_bad_utf8(binary, 0)
            if bad is not None:
                binary.seek(max(bad - 1024, 0))
                window = binary.read(1 << 16)
                if bad > 1024:  # start on a line boundary
                    window = window[window.find(b"\n") + 1 :]
                found = detect_encoding(window, complete=False)
                found = Encoding(found.codec, b"", found.how + f" (from byte {bad})")
    size: int | None = None
    if seekable:
        size = binary.seek(0, os.SEEK_END)
        binary.seek(len(found.bom))
        stream: BinaryIO = binary
    else:
        stream = io.BufferedReader(_Prefixed(sample[len(found.bom) :], binary), 1 << 16)
    text = io.TextIOWrapper(stream, encoding=found.codec, errors="strict", newline="")
    try:
        yield Source(text, binary, found, name, size)
    finally:
        text.detach()


# -- dialect -----------------------------------------------------------------
@dataclass(frozen=True)
class Dialect:
    """How a file writes records: delimiter, line ending and quoting style.

    ``quoting`` is ``minimal`` (quote only when needed), ``all`` (every field
    quoted) or ``nonnumeric`` (every field but numbers quoted), as seen in the
    file; new fields are quoted the same way.
    """

    delimiter: str = ","
    lineterminator: str = "\n"
    quoting: Quoting = "minimal"


def _field_pattern(delimiter: str) -> str:
    d = re.escape(delimiter)
    # A quoted part ("" is an escaped quote; line breaks allowed), then anything
    # up to the next delimiter, as the csv module reads it; or a field that does
    # not start with a quote. Possessive quantifiers: a "" is always an escaped
    # quote, never a closing quote plus the start of a new quote (that reading
    # would be backtracking), and matching stays linear.
    return rf'"[^"]*+(?:""[^"]*+)*+"[^{d}\r\n]*+|(?!")[^{d}\r\n]*+'


@dataclass(frozen=True)
class _Splitter:
    delimiter: str
    complete: re.Pattern[str]
    field: re.Pattern[str]

    @classmethod
    def make(cls, delimiter: str) -> _Splitter:
        if len(delimiter) != 1 or delimiter in '"\r\n':
            raise CsvError(
                f"bad delimiter {delimiter!r}; expected one character such as , ; or a tab"
            )
        pattern = _field_pattern(delimiter)
        d = re.escape(delimiter)
        return cls(delimiter, re.compile(rf"(?:(?:{pattern}){d})*"), re.compile(rf"({pattern}){d}"))

    def split(self, content: str) -> list[str] | None:
        """Raw fields of one record (terminator removed), or ``None`` if a quote is still open."""
        if QUOTE not in content:
            return content.split(self.delimiter)
        padded = content + self.delimiter
        if self.complete.fullmatch(padded) is None:
            return None
        return self.field.findall(padded)


def split_record(content: str, delimiter: str = ",") -> list[str] | None:
    """Split one record's text (without its line ending) into raw fields.

    Quotes stay in the raw fields; ``None`` means a quoted field is still open
    (the record goes on on the next line).

    >>> split_record('1,"Lukashenka, A.",x')
    ['1', '"Lukashenka, A."', 'x']
    """
    return _Splitter.make(delimiter).split(content)


def _terminator(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    if line.endswith(("\n", "\r")):
        return line[-1]
    return ""


def _quoting_of(fields: list[str]) -> Quoting:
    quoted = [f.startswith(QUOTE) for f in fields]
    if fields and all(quoted):
        return "all"
    if any(quoted) and all(q or _NUMBER.match(f) for q, f in zip(quoted, fields, strict=True)):
        return "nonnumeric"
    return "minimal"


def sniff(lines: list[str], *, delimiter: str | None = None) -> Dialect:
    """The dialect of a file from its first physical lines (each with its line ending).

    The delimiter is the candidate (``, ; tab |``) that splits the header into
    the most fields while giving the most following records the same count;
    quoted fields are respected. The line ending is the first line's; the
    quoting style is read from the first data record.
    """
    candidates = (delimiter,) if delimiter else DELIMITERS
    best: tuple[tuple[float, int, int], str, list[list[str]]] | None = None
    for rank, cand in enumerate(candidates):
        records = _records_of(lines, _Splitter.make(cand), limit=50)
        if not records:
            return Dialect(cand, _terminator(lines[0]) if lines else "\n")
        width = len(records[0])
        same = sum(1 for r in records[1:] if len(r) == width)
        consistency = same / (len(records) - 1) if len(records) > 1 else 1.0
        score = (consistency if width > 1 else 0.0, width, -rank)
        if best is None or score > best[0]:
            best = (score, cand, records)
    assert best is not None
    _, chosen, records = best
    terminator = _terminator(lines[0]) or "\n"
    sample = records[1] if len(records) > 1 and len(records[1]) == len(records[0]) else records[0]
    return Dialect(chosen, terminator, _quoting_of(sample))


def _records_of(lines: list[str], splitter: _Splitter, *, limit: int) -> list[list[str]]:
    records: list[list[str]] = []
    buffer = ""
    for line in lines:
        buffer += line
        fields = splitter.split(buffer.rstrip("\r\n"))
        if fields is None:
            continue
        records.append(fields)
        buffer = ""
        if len(records) >= limit:
            break
    return records


# -- reading records ---------------------------------------------------------
class RawReader:
    """Iterate the records of a CSV text stream as ``(raw_fields, terminator)``.

    ``raw_fields`` are the fields exactly as written (quotes and all); joining
    them with the delimiter and adding ``terminator`` gives back the record's
    text, so ``"".join(delimiter.join(f) + t for f, t in reader)`` is the
    input. A record whose quote never closes before the end of the file comes
    back as ``([], text)``. ``line`` is the physical line the last record
    started on.

    Fast loops may iterate :attr:`lines` (the physical lines, line endings
    kept) themselves and hand any line they do not handle to :meth:`record`,
    which reads the rest of a multi-line record from the same iterator;
    iterating the reader does exactly that for every line.
    """

    def __init__(self, text: IO[str], *, delimiter: str | None = None) -> None:
        head: list[str] = []
        size = 0
        while size < 1 << 16 and len(head) < 200:  # enough to sniff; a pipe is not waited on
            line = text.readline()
            if not line:
                break
            head.append(line)
            size += len(line)
        self.dialect = sniff(head, delimiter=delimiter)
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

    def record(self, line: str, number: int = 0) -> tuple[list[str], str, int]:
        """The record that starts with physical ``line`` (number ``number``, for errors).

        Returns the raw fields, the line ending, and how many physical lines
        the record took (more than 1 when a quoted field holds line breaks).
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
            if len(buffer) > MAX_RECORD_CHARS:
                raise CsvError(
                    f"line {number}: a quoted field opened on this line is still "
                    f"open after {MAX_RECORD_CHARS:,} characters; expected a closing quote"
                )
        return fields, buffer[len(content) :], used


# -- fields ------------------------------------------------------------------
def unquote(raw: str, delimiter: str = ",") -> str:
    """The value of one raw field, as the stdlib :mod:`csv` reader reads it.

    >>> unquote('"Ales ""Viasna"" Bialiatski"')
    'Ales "Viasna" Bialiatski'
    """
    if not raw.startswith(QUOTE):
        return raw
    inner = raw[1:-1]
    if len(raw) >= 2 and raw.endswith(QUOTE) and QUOTE not in inner.replace('""', ""):
        return inner.replace('""', QUOTE)
    # Text after a closing quote, or a stray quote: let the csv module decide.
    for row in csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter):
        return "\n".join(row)
    return ""


def quote(value: str, dialect: Dialect) -> str:
    """``value`` as a raw field in ``dialect``: quoted when the file would quote it.

    >>> quote('Lukashenka, A.', Dialect(","))
    '"Lukashenka, A."'
    >>> quote("92.0", Dialect(";", quoting="nonnumeric"))
    '92.0'
    """
    if (
        dialect.quoting == "all"
        or (dialect.quoting == "nonnumeric" and not _NUMBER.match(value))
        or dialect.delimiter in value
        or QUOTE in value
        or "\n" in value
        or "\r" in value
    ):
        return QUOTE + value.replace(QUOTE, '""') + QUOTE
    return value


def normalize_header(name: str) -> str:
    """A column name compared loosely: NFC, trimmed, case-folded."""
    return unicodedata.normalize("NFC", name).strip().casefold()


# -- writing -----------------------------------------------------------------
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_binary(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` only if the block succeeds.

    The bytes go to a temporary file in ``path``'s folder (so the final
    ``os.replace`` is atomic), which is synced and renamed over ``path`` at the
    end; on any exception, ``KeyboardInterrupt`` included, the temporary file
    is removed and ``path`` is left as it was. An existing file's permission
    bits are kept; a symbolic link stays a link (its target is replaced). A
    path that exists but is not a regular file (``/dev/null``, a named pipe)
    is written directly: renaming over it would replace the device.
    """
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "wb") as direct:
            yield direct
        return
    dest = Path(os.path.realpath(path))
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    except OSError as exc:  # name the file asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from exc
    try:
        with os.fdopen(fd, "wb") as raw:
            yield raw
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temp, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str] | None, encoding: Encoding, *, stdout: BinaryIO | None = None
) -> Iterator[IO[str]]:
    """A text stream in ``encoding`` (its BOM first) that replaces ``path`` only on success.

    See :func:`atomic_binary`; line endings are not translated. ``path=None``
    writes to ``stdout`` instead (no atomicity there).
    """
    if path is None:
        if stdout is None:
            raise ValueError("atomic_output(None, ...) needs a stdout stream")
        stdout.write(encoding.bom)
        text = io.TextIOWrapper(stdout, encoding=encoding.codec, errors="strict", newline="")
        try:
            yield text
            text.flush()
        finally:
            text.detach()
        return
    with atomic_binary(path) as raw:
        raw.write(encoding.bom)
        text = io.TextIOWrapper(raw, encoding=encoding.codec, errors="strict", newline="")
        try:
            yield text
            text.flush()
        finally:
            text.detach()
