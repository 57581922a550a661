"""Fixture registries of the resolver's unit tests.

The smallest fixture that has what a test needs: ``people`` holds only the
preferred English, Belarusian and Russian spellings of a few people, places
and organizations (``tests/fixtures/registry/people.csv``; one more English
spelling, Alexander Lukashenko, is stored to show an exact hit that is not
the house spelling). Every romanization, case form, Belarusian-Russian
correspondence and typo a test resolves is therefore made by a rule, not
stored. Tests whose rule needs one particular spelling write their own
registry in ``tmp_path``; the shipped registry (``shipped``, in
``tests/conftest.py``) is left to the integration tests.
"""

from __future__ import annotations

import pytest

from namenorm import Registry
from tests.conftest import FIXTURES

PEOPLE = FIXTURES / "registry" / "people.csv"


@pytest.fixture(scope="session")
def people() -> Registry:
    """The people fixture registry (see the module docstring), indexed on first use."""
    return Registry.from_csv(PEOPLE)
