"""Write output to a temporary file beside its destination and rename it into place on success.

Left out: what is written (any encoding is the caller's, see ``encoding``).
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from ..heldsignals import held
from .encoding import Encoding

__all__ = ["atomic_binary", "atomic_output"]


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
    is removed and ``path`` is left as it was (signals are held while the
    temporary file is created, so none can come between its creation and
    the clean-up that knows its name). An existing file's permission
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
    temp: str | None = None
    try:
        with held():  # a signal between creating and naming would orphan the file
            try:
                fd, temp = tempfile.mkstemp(
                    prefix=f".{dest.name}.", suffix=".part", dir=dest.parent
                )
            except OSError as exc:  # name the file asked for, not the temporary one
                raise OSError(exc.errno, exc.strerror, os.fspath(path)) from exc
            raw = os.fdopen(fd, "wb")
        with raw:
            yield raw
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temp, dest)
    except BaseException:
        if temp is not None:
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
