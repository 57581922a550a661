"""Request bodies: limited for every transfer encoding, and text too long for a URL."""

from __future__ import annotations

import io
import json

from flask.testing import FlaskClient

from namenorm.http import MAX_BODY
from namenorm.http.limits import TEXT

from .conftest import assert_error


def _chunked(client: FlaskClient, path: str, body: bytes) -> object:
    """POST ``body`` as a server does with a chunked one: no length, stream terminated."""
    return client.post(
        path,
        input_stream=io.BytesIO(body),
        content_type="application/json",
        environ_overrides={"wsgi.input_terminated": True},
        headers={"Transfer-Encoding": "chunked"},
    )


def test_a_chunked_body_over_the_limit_is_413_not_cut(client: FlaskClient) -> None:
    padding = "x" * MAX_BODY
    body = json.dumps({"queries": ["Minsk"], "kind": padding}).encode()
    error = assert_error(_chunked(client, "/v1/lookup", body), 413, "payload_too_large")
    assert str(MAX_BODY) in error["message"] and "without a length" in error["message"]


def test_a_chunked_body_under_the_limit_arrives_whole(client: FlaskClient) -> None:
    names = ["Minsk"] * 900 + ["Grodno"]
    response = _chunked(client, "/v1/lookup", json.dumps({"queries": names}).encode())
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert len(results) == 901 and results[-1]["match"]["id"] == "hrodna"


def test_transliterate_takes_a_json_body(client: FlaskClient) -> None:
    text = "Святлана Ціханоўская " * 400  # over any URL gunicorn accepts
    response = client.post("/v1/transliterate", json={"text": text, "lang": "be"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["system"] == "news" and body["result"].startswith("Sviatlana Tsikhanouskaya")
    same = client.get("/v1/transliterate", query_string={"text": "Мінск", "lang": "be"})
    posted = client.post("/v1/transliterate", json={"text": "Мінск", "lang": "be"})
    assert same.get_json() == posted.get_json()


def test_transliterate_body_errors(client: FlaskClient) -> None:
    long = "а" * (TEXT.high + 1)
    assert_error(client.post("/v1/transliterate", json={"text": long, "lang": "be"}), 400)
    assert_error(client.post("/v1/transliterate", json={"lang": "be"}), 400, "invalid_input")
    assert_error(client.post("/v1/transliterate", json={"text": "a", "lang": "be", "x": 1}), 400)
    assert_error(client.post("/v1/transliterate", data="text=a"), 415)
    assert_error(
        client.post("/v1/transliterate", json={"text": "a", "lang": "be", "system": "nope"}),
        400,
        "unknown_system",
    )
