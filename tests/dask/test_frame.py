"""namenorm.dask.frame: resolve_column on a Dask dataframe equals its pandas twin."""

from __future__ import annotations

import math

import dask.dataframe as dd
import pandas as pd
from distributed import Client

from namenorm.dask.frame import resolve_column, resolve_frame
from namenorm.registry import Registry

NAMES = ["Alexander Lukashenko", "Smith", None, "Zhanna Doe", "Мінск", float("nan"), "Minsk"]


def frame() -> pd.DataFrame:
    return pd.DataFrame({"id": range(len(NAMES) * 3), "who": NAMES * 3, "n": [1.5] * 21})


def test_pandas_twin(registry: Registry) -> None:
    out = resolve_frame(frame(), "who", registry=registry)
    assert list(out.columns) == ["id", "who", "who_id", "who_name", "who_score", "who_status", "n"]
    first = out.iloc[0]
    assert (first.who_id, first.who_name, first.who_score, first.who_status) == (
        "lukashenka-alaksandr",
        "Aliaksandr Lukashenka",
        100.0,
        "matched",
    )
    assert out.iloc[1].who_status == "ambiguous" and out.iloc[1].who_id is None
    assert out.iloc[2].who_status == "empty" and math.isnan(out.iloc[2].who_score)
    assert out.iloc[5].who_status == "empty"
    assert list(out.n) == [1.5] * 21  # other columns untouched


def test_dask_equals_pandas_on_the_cluster(client: Client, registry: Registry) -> None:
    ddf = dd.from_pandas(frame(), npartitions=4)
    lazy = resolve_column(ddf, "who", registry=registry, prefix="person")
    got = lazy.compute().reset_index(drop=True)
    want = resolve_frame(ddf.compute(), "who", registry=registry, prefix="person")
    want = want.reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)
    assert list(lazy.columns) == list(want.columns)
