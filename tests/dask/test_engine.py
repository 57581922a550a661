"""namenorm.dask.engine: a CSV file cleaned in ranges on a cluster gives the local bytes."""

from __future__ import annotations

import io
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from distributed import Client

from namenorm.batch import clean_csv, write_unmatched
from namenorm.batch.ranges import plan_file
from namenorm.dask import clean_csv_dask, clean_files, loader
from namenorm.errors import CsvError
from namenorm.registry import Registry
from tests.cli.test_clean_jobs import messy_rows

from .conftest import FIXTURES


def local(source: Path, registry: Registry, **options: object) -> tuple[bytes, object]:
    out = io.BytesIO()
    result = clean_csv(source, out, registry=registry, **options)  # type: ignore[arg-type]
    return out.getvalue(), result


def test_many_ranges_give_the_local_bytes_review_and_counts(
    client: Client, registry: Registry, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(messy_rows(2000, seed=7))  # quoted line breaks, ragged and blank rows
    options = {"columns": ["name", "city"], "unmatched": True}
    expected, whole = local(source, registry, **options)
    target = tmp_path / "out.csv"
    result = clean_csv_dask(
        source, target, client=client, registry=registry, range_bytes=2048, **options
    )
    assert len(plan_file(source, columns=["name"], range_bytes=2048).ranges) > 20
    assert target.read_bytes() == expected
    for got, want in zip(result.columns, whole.columns, strict=True):  # type: ignore[attr-defined]
        assert (got.counts, got.distinct) == (want.counts, want.distinct)
    assert (result.rows, result.ragged_rows, result.blank_lines, result.ragged_lines) == (
        whole.rows,  # type: ignore[attr-defined]
        whole.ragged_rows,  # type: ignore[attr-defined]
        whole.blank_lines,  # type: ignore[attr-defined]
        whole.ragged_lines,  # type: ignore[attr-defined]
    )
    reviews = [io.BytesIO(), io.BytesIO()]
    write_unmatched(reviews[0], result)
    write_unmatched(reviews[1], whole)  # type: ignore[arg-type]
    assert reviews[0].getvalue() == reviews[1].getvalue()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_each_worker_loads_the_registry_once_and_tasks_carry_no_index(
    client: Client, registry: Registry, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(messy_rows(1000, seed=3))
    clean_csv_dask(
        source,
        tmp_path / "a.csv",
        client=client,
        registry=registry,
        columns=["name"],
        range_bytes=1024,
    )
    clean_csv_dask(
        source,
        tmp_path / "b.csv",
        client=client,
        registry=registry,
        columns=["name"],
        range_bytes=1024,
    )
    loads = client.run(loader.loads)
    assert len(loads) == 2
    assert all(found == [registry.digest] for found in loads.values())
    plan = plan_file(source, columns=["name"], range_bytes=1024)
    task = pickle.dumps(
        (replace(plan, ranges=()), plan.ranges[0], registry.source, registry.digest)
    )
    assert len(task) < 4096  # a plan, a range, a path and a hash: no registry, no index


def test_a_bad_byte_in_a_later_range_fails_like_the_local_path_and_writes_nothing(
    client: Client, registry: Registry, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"name\n" + b"Smith\n" * 3000 + b"Sm\xffth\n" + b"Minsk\n" * 10)
    target = tmp_path / "out.csv"
    with pytest.raises(CsvError) as local_error:
        clean_csv(source, io.BytesIO(), columns=["name"], registry=registry, encoding="utf-8")
    with pytest.raises(CsvError) as dask_error:
        clean_csv_dask(
            source,
            target,
            client=client,
            registry=registry,
            columns=["name"],
            encoding="utf-8",
            range_bytes=1024,
        )
    assert str(dask_error.value) == str(local_error.value)
    assert "at line 3002" in str(dask_error.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_a_folder_of_files_one_task_each(
    client: Client, registry: Registry, tmp_path: Path
) -> None:
    names = ["utf8.csv", "cp1251-semicolon.csv", "quoted-crlf.csv"]
    pairs = [(str(FIXTURES / n), str(tmp_path / n)) for n in names]
    results = clean_files(pairs, client=client, registry=registry, columns=["name"])
    for (source, target), result in zip(pairs, results, strict=True):
        assert Path(target).read_bytes() == local(Path(source), registry, columns=["name"])[0]
        assert result.input == source
