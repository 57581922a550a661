"""namenorm.http.inputs: the checks of request bodies every route shares, and their messages."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from namenorm.errors import InvalidInputError
from namenorm.http.inputs import check_fields, required_str

from .conftest import assert_error


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "body has no 'text'; expected a string"),
        ({"text": 3}, "body.text is a JSON number; expected a string"),
        ({"text": None}, "body.text is a JSON null; expected a string"),
    ],
)
def test_required_str(body: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInputError) as raised:
        required_str(body, "text")
    assert str(raised.value) == message


def test_required_str_gives_the_string() -> None:
    assert required_str({"text": ""}, "text") == ""


def test_check_fields_names_the_unknown_ones_and_the_allowed_ones() -> None:
    check_fields({"text": "x"}, ("text", "lang"))
    with pytest.raises(InvalidInputError) as raised:
        check_fields({"text": "x", "b": 1, "a": 2}, ("text", "lang"))
    assert str(raised.value) == "unknown field(s) 'a', 'b'; expected text, lang"


@pytest.mark.parametrize("route", ["/v1/normalize", "/v1/annotate"])
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "body has no 'text'; expected a string"),
        ({"text": ["x"]}, "body.text is a JSON array; expected a string"),
    ],
)
def test_copy_routes_read_text_alike(
    client: FlaskClient, route: str, body: dict[str, Any], message: str
) -> None:
    assert assert_error(client.post(route, json=body), 400)["message"] == message
