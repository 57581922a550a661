"""Shared fixtures.

Fixture strategy: the smallest fixture that has what you need. Unit tests use
the tiny registries in ``tests/fixtures/registry/``; tests about real
spellings use the shipped registry, loaded once per session.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from namenorm import Registry, default_registry

FIXTURES = Path(__file__).parent / "fixtures"

# -- hypothesis ------------------------------------------------------------------
# ``ci`` (the default, what ``make test`` runs): every run tries the same
# examples, so CI never fails by chance; no example database, no deadline
# (a loaded machine is slow, not wrong). ``explore`` (``make explore``): fresh
# random examples on every run and a database that replays what failed; run
# it in a loop to find new bugs, then pin each one as an ``@example``.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def shipped() -> Registry:
    """The shipped registry with its index built."""
    return default_registry().warm()


@pytest.fixture(scope="session")
def small() -> Registry:
    """Three people and a place: two Babarykas share a surname."""
    return Registry.from_csv(FIXTURES / "registry" / "small.csv").warm()


# -- skips -----------------------------------------------------------------------
# A skip hides a test, so every skip fails the run unless it is expected: set
# TESTS_EXPECTED_SKIPS to a comma-separated list of test node IDs (or
# prefixes such as ``tests/cli/test_clean_jobs.py::``) on a machine that lacks
# something a test needs. CI sets nothing, so there the list is empty and any
# skip is a failure. ``-rs`` (pyproject addopts) prints each skip's reason.
_SKIPPED: list[tuple[str, str]] = []


def expected_skips() -> tuple[str, ...]:
    """The allow-list from ``TESTS_EXPECTED_SKIPS`` (empty when unset)."""
    raw = os.environ.get("TESTS_EXPECTED_SKIPS", "")
    return tuple(item.strip() for item in raw.split(",") if item.strip())


def unexpected(skipped: list[tuple[str, str]], allowed: tuple[str, ...]) -> list[tuple[str, str]]:
    """The skips whose node ID starts with no allowed entry."""
    return [(nodeid, why) for nodeid, why in skipped if not nodeid.startswith(allowed or ("\0",))]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _SKIPPED.append((report.nodeid, reason))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if unexpected(_SKIPPED, expected_skips()) and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    bad = unexpected(_SKIPPED, expected_skips())
    if bad:
        terminalreporter.section("unexpected skips (they fail the run)", red=True)
        for nodeid, why in bad:
            terminalreporter.line(f"{nodeid}: {why}")
        terminalreporter.line("expected ones go in TESTS_EXPECTED_SKIPS (empty on CI)")


@pytest.fixture(scope="session")
def dask_client() -> Iterator[Any]:
    """A Dask client of a ``LocalCluster``: two worker processes on loopback, closed at the end.

    Started only by the tests that ask for it, once per session.
    """
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # loopback, a free port
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
