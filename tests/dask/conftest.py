"""Fixtures for the Dask tests.

Strategy: one real cluster for the whole module set — a ``LocalCluster`` of
two worker processes on loopback, one thread each, closed at the end — so
tests run the real path (tasks pickled to other processes, a worker plugin,
per-process registry loads) without paying for a cluster each. Data: the
six-entity registry and tiny messy files of ``tests/fixtures/csv``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from namenorm.registry import Registry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
REGISTRY = FIXTURES / "registry.csv"


@pytest.fixture(scope="session")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.from_csv(REGISTRY).warm()
