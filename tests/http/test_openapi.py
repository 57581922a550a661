"""Schemathesis against the app's own ``/openapi.json``: every operation, a few
hundred generated requests (valid and invalid), no 5xx, and every response
conforming to the document (status, content type, body schema).

The app serves the shipped registry with an admin token set, so generated
reload calls without the token get the documented 401.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from namenorm import default_registry
from namenorm.http import create_app

QUEUE = Path(tempfile.mkdtemp(prefix="namenorm-openapi-")) / "proposals.csv"  # not data/
app = create_app(
    default_registry(),
    config={"ACCESS_LOG": False, "ADMIN_TOKEN": "not-guessable", "PROPOSALS_PATH": str(QUEUE)},
)
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
