"""namenorm.csvio.source: a file or a pipe opened as decoded text."""

from __future__ import annotations

import io
from pathlib import Path

from namenorm.csvio import (
    open_source,
)


def test_a_late_windows_1251_byte_is_found_in_a_seekable_file(tmp_path: Path) -> None:
    data = b"id,name\n" + b"1,Smith\n" * 200_000 + "2,Лукашэнка\n".encode("cp1251")
    path = tmp_path / "late.csv"
    path.write_bytes(data)
    with path.open("rb") as binary, open_source(binary, str(path)) as source:
        assert source.encoding.codec == "cp1251"
        assert source.text.read().encode("cp1251") == data


def test_a_pipe_is_read_through_after_the_sample() -> None:
    data = "id,імя\n".encode() + b"1,x\n" * 400_000

    class Pipe(io.BytesIO):
        def seekable(self) -> bool:
            return False

    with open_source(Pipe(data), "-") as source:
        assert source.size is None
        assert source.text.read().encode() == data
