"""The skip policy of ``tests/conftest.py``: a skip fails the run unless it is expected."""

from __future__ import annotations

import pytest

from tests.conftest import expected_skips, unexpected

SKIPS = [("tests/a.py::test_x", "no /proc"), ("tests/b.py::test_y", "no browser")]


def test_every_skip_is_unexpected_with_an_empty_list() -> None:
    assert unexpected(SKIPS, ()) == SKIPS


def test_listed_ids_and_prefixes_are_expected() -> None:
    assert unexpected(SKIPS, ("tests/a.py::",)) == SKIPS[1:]
    assert unexpected(SKIPS, ("tests/a.py::test_x", "tests/b.py::test_y")) == []


def test_the_list_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TESTS_EXPECTED_SKIPS", raising=False)
    assert expected_skips() == ()
    monkeypatch.setenv("TESTS_EXPECTED_SKIPS", " tests/a.py:: , ,tests/b.py::test_y")
    assert expected_skips() == ("tests/a.py::", "tests/b.py::test_y")
