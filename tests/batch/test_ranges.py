"""namenorm.batch.ranges: a file cleaned range by range gives the bytes of one pass.

The reference is :func:`namenorm.batch.clean_csv` on the same bytes; the
inputs are generated messy files (quoted delimiters, quotes and line breaks,
CR, LF and CRLF endings, ragged and blank rows, an unclosed quote) cut into
ranges of every size down to one byte.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.batch import clean_csv
from namenorm.batch.ranges import ByteRange, clean_range, plan_file
from namenorm.registry import Registry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
CELLS = ["Minsk", "Smith", "Лукашэнка", "", '"Lukashenka, A."', '"x ""y"""', '"a\nb"', "x", '"']


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.from_csv(FIXTURES / "registry.csv").warm()


def in_ranges(path: Path, registry: Registry, every: int, **options: object) -> bytes:
    plan = plan_file(path, columns=["b"], range_bytes=every, **options)  # type: ignore[arg-type]
    parts = [clean_range(plan, part, registry)[0] for part in plan.ranges]
    return plan.head + b"".join(parts)


@settings(max_examples=80, deadline=None)
@given(
    rows=st.lists(st.lists(st.sampled_from(CELLS), min_size=1, max_size=4), max_size=15),
    endings=st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=3),
    every=st.integers(1, 60),
    codec=st.sampled_from(["utf-8", "cp1251", "utf-16-le"]),
)
def test_ranges_join_to_the_bytes_of_one_pass(
    registry: Registry, rows: list[list[str]], endings: list[str], every: int, codec: str
) -> None:
    lines = ["a,b,c"] + [",".join(row) for row in rows]
    text = "".join(line + endings[i % len(endings)] for i, line in enumerate(lines))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        path.write_bytes(text.encode(codec))
        expected = io.BytesIO()
        clean_csv(path, expected, columns=["b"], registry=registry, delimiter=",", encoding=codec)
        got = in_ranges(path, registry, every, delimiter=",", encoding=codec)
    assert got == expected.getvalue()


def test_ranges_start_on_records_and_count_physical_lines() -> None:
    data = b'a,b\n1,"x\ny"\n2,z\r\n3,"q"\r4,w\n'
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        path.write_bytes(data)
        plan = plan_file(path, columns=["b"], range_bytes=1)
    assert plan.ranges == (
        ByteRange(4, 12, 2),
        ByteRange(12, 17, 4),
        ByteRange(17, 23, 5),
        ByteRange(23, 27, 6),
    )
