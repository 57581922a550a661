"""Which encoding a CSV file is in: byte-order marks, strict UTF-8, Windows-1251, a guess.

Detection (:func:`detect_encoding`) and the user's choice (:func:`given_encoding`,
:func:`output_encoding`) both give an :class:`Encoding`: a codec without BOM
handling plus the BOM the file starts with, written back on output. Left out:
opening streams (``source``) and anything about records.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import CsvError, CsvOptionError

__all__ = [
    "Encoding",
    "detect_encoding",
    "given_encoding",
    "locate_decode_error",
    "output_encoding",
]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


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
        raise CsvOptionError(
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


#: Share of zero bytes above which a sample is read as UTF-16 or UTF-32 without a BOM.
WIDE_ZERO_SHARE = 0.05
#: Tried in this order: a UTF-16 reading of UTF-32 text has NUL characters.
_WIDE: tuple[tuple[str, int], ...] = (
    ("utf-32-le", 4),
    ("utf-32-be", 4),
    ("utf-16-le", 2),
    ("utf-16-be", 2),
)
#: Where the characters of a CSV file of names live: ASCII, Latin-1, Latin
#: Extended, Cyrillic, General Punctuation. Bytes read in the wrong order come
#: out as CJK ideographs, private-use or unassigned characters instead.
_TEXT_RANGES: tuple[tuple[int, int], ...] = (
    (0x09, 0x0D),
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x400, 0x52F),
    (0x2000, 0x206F),
)


def _plausible_text(text: str) -> bool:
    if not text:
        return False
    ordinary = sum(1 for c in text if any(low <= ord(c) <= high for low, high in _TEXT_RANGES))
    return ordinary >= 0.95 * len(text)


def _wide_codec(sample: bytes, *, complete: bool) -> str | None:
    """The UTF-16 or UTF-32 byte order ``sample`` reads as plausible text in, if any."""
    for codec, unit in _WIDE:
        data = sample if complete else sample[: len(sample) - len(sample) % unit]
        try:
            text = codecs.getincrementaldecoder(codec)().decode(data, final=complete)
        except UnicodeDecodeError:
            continue
        if _plausible_text(text[:4096]):
            return codec
    return None


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

    In order: a byte-order mark; UTF-16 or UTF-32 without one when at least
    :data:`WIDE_ZERO_SHARE` of the bytes are zero (the byte order that reads
    as plausible text, else a :class:`CsvError` that says so); strict UTF-8 (a multi-byte character cut at
    the end of an incomplete sample is allowed); Windows-1251 Cyrillic (see
    :func:`_looks_cp1251`); ``charset-normalizer``'s best guess. Raise
    :class:`CsvError` when nothing fits.

    >>> detect_encoding("Лукашэнка".encode("cp1251")).codec
    'cp1251'
    """
    found = _bom_of(sample)
    if found:
        return Encoding(found[1], found[0], "byte-order mark")
    if sample and sample.count(0) >= WIDE_ZERO_SHARE * len(sample):
        wide = _wide_codec(sample, complete=complete)
        if wide is None:
            raise CsvError(
                "the input looks like UTF-16 or UTF-32 without a byte-order mark (many zero "
                "bytes) but reads as neither byte order; pass --encoding (e.g. utf-16-le)"
            )
        return Encoding(wide, b"", "zero bytes, no byte-order mark")
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
