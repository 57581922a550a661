"""namenorm.dask.parquet: Parquet in and out, one task per row group, other columns kept."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import Client

from namenorm.dask.parquet import clean_parquet_files
from namenorm.errors import InvalidInputError
from namenorm.registry import Registry


def write(path: Path) -> pa.Table:
    table = pa.table(
        {
            "id": pa.array(range(9), pa.int64()),
            "name": ["Minsk", "Smith", None, "Лукашэнка", "Zhanna Doe", "Minsk", "", "x", "Smith"],
            "when": pa.array([None, 1, 2, 3, 4, 5, 6, 7, 8], pa.int32()),
        }
    )
    pq.write_table(table, path, row_group_size=3)
    return table


def test_row_groups_in_order_and_columns_kept(
    client: Client, registry: Registry, tmp_path: Path
) -> None:
    source, target = tmp_path / "in.parquet", tmp_path / "out.parquet"
    table = write(source)
    result = clean_parquet_files(
        [(str(source), str(target))], client=client, columns=["name"], registry=registry
    )
    out = pq.read_table(target)
    assert pq.ParquetFile(target).num_row_groups == 3
    assert out.column_names == [
        "id",
        "name",
        "name_id",
        "name_name",
        "name_score",
        "name_status",
        "when",
    ]
    assert out.select(["id", "name", "when"]).equals(table)
    assert out.column("name_status").to_pylist() == [
        "matched",
        "ambiguous",
        "empty",
        "matched",
        "unmatched",
        "matched",
        "empty",
        "unmatched",
        "ambiguous",
    ]
    assert out.column("name_id").to_pylist()[:2] == ["minsk", None]
    assert (result.rows, result.row_groups) == (9, 3)
    assert result.columns[0].counts == {"matched": 3, "ambiguous": 2, "unmatched": 2, "empty": 2}
    assert result.unmatched["Smith"].count == 2


def test_a_missing_column_is_refused_before_any_task(
    client: Client, registry: Registry, tmp_path: Path
) -> None:
    source = tmp_path / "in.parquet"
    write(source)
    with pytest.raises(InvalidInputError, match="no column 'nmae'"):
        clean_parquet_files(
            [(str(source), str(tmp_path / "o.parquet"))],
            client=client,
            columns=["nmae"],
            registry=registry,
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.parquet"]
