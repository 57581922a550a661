"""namenorm.batch.clean_csv: the library seam the command line and the Dask engine share.

Fixtures: the tiny CSV files and six-entity registry of ``tests/fixtures/csv``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from namenorm.batch import (
    CleanResult,
    ColumnError,
    clean_csv,
    summary,
    warnings,
    write_report,
    write_unmatched,
)
from namenorm.registry import Registry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.from_csv(FIXTURES / "registry.csv").warm()


def test_a_path_to_a_path(registry: Registry, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = clean_csv(FIXTURES / "utf8.csv", target, columns=["name"], registry=registry)
    assert target.read_text().splitlines()[:2] == [
        "id,name,name_id,name_name,name_score,name_status,city,note",
        "1,Alexander Lukashenko,lukashenka-alaksandr,Aliaksandr Lukashenka,100.0,matched,Minsk,"
        "president since 1994",
    ]
    assert (result.rows, result.width, result.dialect.delimiter) == (7, 4, ",")
    (column,) = result.columns
    assert column.counts == {"matched": 4, "ambiguous": 1, "unmatched": 1, "empty": 1}
    assert column.distinct == 6
    assert result.registry_sha256 == registry.digest
    assert summary(result)[1] == (
        "name: 4 matched, 1 ambiguous, 1 unmatched, 1 empty; 6 distinct values"
    )


def test_streams_in_and_out(registry: Registry) -> None:
    out = io.BytesIO()
    data = b"name\nSmith\nZhanna Doe\nSmith\n"
    result = clean_csv(io.BytesIO(data), out, columns=["name"], registry=registry, unmatched=True)
    assert out.getvalue().decode().splitlines()[1] == "Smith,,,94.0,ambiguous"
    assert result.input == "standard input"
    review = io.BytesIO()
    assert write_unmatched(review, result) == 2
    assert review.getvalue().decode() == (
        "value,count,status,candidates\n"
        "Smith,2,ambiguous,smith-jane:94.0|smith-john:94.0\n"
        "Zhanna Doe,1,unmatched,\n"
    )


def test_a_missing_column_is_a_column_error_and_nothing_is_written(
    registry: Registry, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(ColumnError, match=r"no column 'nmae'.*expected one of: 'id', 'name'"):
        clean_csv(FIXTURES / "utf8.csv", target, columns=["nmae"], registry=registry)
    assert list(tmp_path.iterdir()) == []


def test_merged_parts_add_up_to_the_whole(registry: Registry, tmp_path: Path) -> None:
    """Two halves of a file, cleaned apart and merged, count what the whole file counts."""
    lines = (FIXTURES / "ragged.csv").read_bytes().splitlines(keepends=True)
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"".join(lines[:3]))
    second.write_bytes(lines[0] + b"".join(lines[3:]))
    parts = [
        clean_csv(
            p, tmp_path / f"{p.stem}.out", columns=["name"], registry=registry, unmatched=True
        )
        for p in (first, second)
    ]
    whole = clean_csv(
        FIXTURES / "ragged.csv", tmp_path / "w.out", columns=["name"], registry=registry
    )
    merged: CleanResult = parts[0].merge(parts[1])
    assert (merged.rows, merged.blank_lines, merged.ragged_rows) == (
        whole.rows,
        whole.blank_lines,
        whole.ragged_rows,
    )
    assert merged.columns[0].counts == whole.columns[0].counts
    assert merged.columns[0].distinct == whole.columns[0].distinct
    assert warnings(merged)[0].startswith("2 ragged rows (not 4 fields)")
    report = tmp_path / "report.json"
    write_report(report, merged, extra={"engine": "test"})
    body = json.loads(report.read_text())
    assert (body["rows"], body["engine"]) == (whole.rows, "test")
