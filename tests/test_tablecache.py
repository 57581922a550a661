"""namenorm.tablecache: a table is built once, then mapped from its file; a file
of other sources or code is not read, a damaged one is rebuilt, an unwritable
folder leaves the table in memory, and old files are pruned."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from namenorm import tablecache
from namenorm.tablecache import Built, cached


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    yield tmp_path / "namenorm"


class Builds:
    """A build function that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Built:
        self.calls += 1
        return {"numbers": array("Q", [3, 1, 4])}, {"calls": self.calls}


def test_built_once_then_mapped(cache_dir: Path) -> None:
    build = Builds()
    first = cached("t", build, sources=("lib 1",), code=(tablecache.__file__,))
    second = cached("t", build, sources=("lib 1",), code=(tablecache.__file__,))
    assert build.calls == 1
    assert list(first[0]["numbers"]) == list(second[0]["numbers"]) == [3, 1, 4]
    assert second[1] == {"calls": 1}
    assert len(list(cache_dir.glob("t-*.tables"))) == 1


def test_other_sources_are_another_file(cache_dir: Path) -> None:
    build = Builds()
    cached("t", build, sources=("lib 1",), code=())
    _, meta = cached("t", build, sources=("lib 2",), code=())
    assert build.calls == 2 and meta == {"calls": 2}
    assert len(list(cache_dir.glob("t-*.tables"))) == 2


def test_a_damaged_file_is_rebuilt(cache_dir: Path) -> None:
    build = Builds()
    cached("t", build, sources=(), code=())
    (path,) = cache_dir.glob("t-*.tables")
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    arrays, _ = cached("t", build, sources=(), code=())
    assert build.calls == 2 and list(arrays["numbers"]) == [3, 1, 4]
    assert path.read_bytes() != bytes(data)


def test_an_unwritable_folder_leaves_the_table_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    build = Builds()
    arrays, _ = cached("t", build, sources=(), code=())
    assert list(arrays["numbers"]) == [3, 1, 4]
    cached("t", build, sources=(), code=())
    assert build.calls == 2


def test_only_the_newest_files_are_kept(cache_dir: Path) -> None:
    build = Builds()
    for version in range(tablecache.KEPT + 3):
        cached("t", build, sources=(f"lib {version}",), code=())
    cached("u", build, sources=(), code=())
    assert len(list(cache_dir.glob("t-*.tables"))) == tablecache.KEPT
    assert len(list(cache_dir.glob("u-*.tables"))) == 1
