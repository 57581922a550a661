"""Open a CSV input (a file or a pipe) as a strictly decoded text stream.

The encoding is detected from a sample (a pipe is not waited on once some
bytes have come) or taken from the user; line endings are kept as they are.
Left out: what the records are (``records``) and the encodings themselves
(``encoding``).
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, BinaryIO

from .encoding import Encoding, _first_bad_utf8, detect_encoding, given_encoding

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["PIPE_SAMPLE_BYTES", "SAMPLE_BYTES", "Source", "open_source"]

#: Bytes read from the start of the input to detect its encoding.
SAMPLE_BYTES = 1 << 20
#: Bytes of a pipe sampled to detect its encoding (what has arrived, up to this).
PIPE_SAMPLE_BYTES = 1 << 16


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
