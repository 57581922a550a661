"""Fixtures for the Dask tests.

Strategy: one real cluster for the session (``dask_client`` in
``tests/conftest.py``: a ``LocalCluster`` of two worker processes on
loopback, one thread each, closed at the end), so tests run the real path
(tasks pickled to other processes, a worker plugin, per-process registry
loads) without paying for a cluster each. Data: the six-entity registry and
tiny messy files of ``tests/fixtures/csv``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from distributed import Client

from namenorm.registry import Registry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
REGISTRY = FIXTURES / "registry.csv"


@pytest.fixture
def client(dask_client: Client) -> Client:
    return dask_client


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.from_csv(REGISTRY).warm()
