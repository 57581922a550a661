"""Shared fixtures.

Fixture strategy: the smallest fixture that has what you need. Unit tests use
the tiny registries in ``tests/fixtures/registry/``; tests about real
spellings use the shipped registry, loaded once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Registry, default_registry

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def shipped() -> Registry:
    """The shipped registry with its index built."""
    return default_registry().warm()


@pytest.fixture(scope="session")
def small() -> Registry:
    """Three people and a place: two Babarykas share a surname."""
    return Registry.from_csv(FIXTURES / "registry" / "small.csv").warm()
