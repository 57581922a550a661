"""Schemathesis against the app's own ``/openapi.json``: every operation, a few
hundred generated requests (valid and invalid), every check schemathesis has
(no 5xx; status, content type, headers and body as documented; valid requests
accepted and invalid ones refused; auth enforced), with the exceptions
``schemathesis.toml`` gives and explains.

The app serves the shipped registry with an admin token set, so generated
reload calls without the token get the documented 401.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from namenorm import default_registry
from namenorm.http import create_app

QUEUE = Path(tempfile.mkdtemp(prefix="namenorm-openapi-")) / "proposals.csv"  # not data/
app = create_app(
    default_registry(),
    config={"ACCESS_LOG": False, "ADMIN_TOKEN": "not-guessable", "PROPOSALS_PATH": str(QUEUE)},
)
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api(case: schemathesis.Case) -> None:
    case.call_and_validate()  # every check, as configured in schemathesis.toml
