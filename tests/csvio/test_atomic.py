"""namenorm.csvio.atomic: output replaced only on success, through links and pipes."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from namenorm.csvio import (
    Encoding,
    atomic_output,
)


def test_atomic_output_replaces_only_on_success(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old\n")
    os.chmod(path, 0o640)
    with pytest.raises(RuntimeError), atomic_output(path, Encoding("utf-8")) as out:
        out.write("half")
        raise RuntimeError("boom")
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    with atomic_output(path, Encoding("utf-16-le", codecs.BOM_UTF16_LE)) as out:
        out.write("new\r\n")
    assert path.read_bytes() == codecs.BOM_UTF16_LE + "new\r\n".encode("utf-16-le")
    assert path.stat().st_mode & 0o777 == 0o640


def test_atomic_output_keeps_a_symlink_and_writes_through_a_pipe(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with atomic_output(link, Encoding("utf-8")) as out:
        out.write("new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # The read end is opened first, without blocking, so the write end opens at
    # once and the bytes wait in the pipe: no thread, nothing to hang on.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with atomic_output(fifo, Encoding("utf-8")) as out:
            out.write("through\n")
        received = os.read(reader, 1024)
    finally:
        os.close(reader)
    assert received == b"through\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
