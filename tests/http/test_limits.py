"""The limits of HTTP input, declared once (``namenorm.http.limits``): checked by
the routes and stated by the OpenAPI document from the same declaration."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from namenorm import InvalidInputError, QueryTooLongError, Registry
from namenorm.http import create_app
from namenorm.http.limits import BATCH, CANDIDATES, QUERY, RECONCILE_CANDIDATES, Bound
from namenorm.registry import parse_registry

from .conftest import SMALL_CSV, assert_error, check_response


@pytest.mark.parametrize(("value", "expected"), [(None, 5), (7, 7), (7.0, 7), (50, 50), (1, 1)])
def test_a_bound_takes_json_numbers_and_absence(value: object, expected: int) -> None:
    assert CANDIDATES.check(value, where="limit") == expected


@pytest.mark.parametrize(("text", "expected"), [(None, 5), ("7", 7), ("50", 50), ("01", 1)])
def test_a_bound_parses_query_arguments(text: str | None, expected: int) -> None:
    assert CANDIDATES.parse(text, where="limit") == expected


@pytest.mark.parametrize("value", [0, 51, -1, 1.5, True, "7", [], {}, 10**30])
def test_a_bound_refuses_json_out_of_range_quoting_it(value: object) -> None:
    with pytest.raises(InvalidInputError, match=r"limit is .*; expected an integer from 1 to 50"):
        CANDIDATES.check(value, where="limit")


@pytest.mark.parametrize("text", ["0", "51", "-1", "1.5", "", "5x", "٣", "9" * 30])
def test_a_bound_refuses_arguments_out_of_range_quoting_them(text: str) -> None:
    with pytest.raises(InvalidInputError, match=r"limit is .*; expected an integer from 1 to 50"):
        CANDIDATES.parse(text, where="limit")


def test_a_clamping_bound_cuts_large_values_to_its_range() -> None:
    assert RECONCILE_CANDIDATES.check(None, where="q.limit") == 3
    assert RECONCILE_CANDIDATES.check(1000, where="q.limit") == CANDIDATES.high
    with pytest.raises(InvalidInputError):
        RECONCILE_CANDIDATES.check(0, where="q.limit")
    assert "maximum" not in RECONCILE_CANDIDATES.schema()


def test_counts_name_the_place_and_the_range() -> None:
    BATCH.count(1000, where="body.queries")
    with pytest.raises(
        InvalidInputError, match=r"body.queries has 1001 queries; expected at most 1000"
    ):
        BATCH.count(1001, where="body.queries")
    with pytest.raises(QueryTooLongError, match="q is 513 characters long; expected at most 512"):
        QUERY.count(513, where="q")


def test_schema_states_the_bound() -> None:
    assert Bound("things", 2, 9, default=3).schema() == {
        "type": "integer",
        "minimum": 2,
        "maximum": 9,
        "default": 3,
    }


def test_the_document_states_the_limits_the_routes_check(client: FlaskClient) -> None:
    found = client.get("/openapi.json").get_json()["components"]["schemas"]
    assert found["Limit"] == CANDIDATES.schema()
    assert found["Queries"]["maxItems"] == BATCH.high
    assert found["QueryIds"]["maxProperties"] == BATCH.high
    assert found["Query"]["maxLength"] == QUERY.high
    over = CANDIDATES.high + 1
    assert_error(client.get(f"/v1/lookup?q=Minsk&limit={over}"), 400, "invalid_input")
    body = {"queries": ["Minsk"], "limit": over}
    assert_error(client.post("/v1/lookup", json=body), 400, "invalid_input")
    assert (
        client.post("/reconcile", json={"q": {"query": "Minsk", "limit": over}}).status_code == 200
    )


def test_null_options_of_a_batch_mean_absent(client: FlaskClient) -> None:
    body = {"queries": ["Minsk"], "limit": None, "lang": None, "kind": None}
    answer = client.post("/v1/lookup", json=body).get_json()
    assert answer["results"][0]["match"]["id"] == "minsk"


@pytest.mark.parametrize(
    "path", ["/v1/lookup?q=Mi%ED%A0%80nsk", "/v1/lookup?q=%FF", "/v1/systems?lang=b%C3"]
)
def test_a_url_that_is_not_utf8_is_refused(client: FlaskClient, path: str) -> None:
    error = assert_error(client.get(path), 400, "invalid_input")
    assert "not UTF-8" in error["message"]


def test_surrogates_written_as_utf8_bytes_in_a_body_are_refused(client: FlaskClient) -> None:
    data = b'{"queries": ["Mi\xed\xa0\x80nsk"]}'
    response = client.post("/v1/lookup", data=data, content_type="application/json")
    assert "b'\\xed'" in assert_error(response, 400, "invalid_input")["message"]


def test_a_batch_past_its_time_budget_answers_the_rest_skipped(app: Flask) -> None:
    app.config["TIME_BUDGET"] = -1.0  # spent before the first query
    body = app.test_client().post("/v1/lookup", json={"queries": ["Minsk", "x", "Minsk"]})
    answer = body.get_json()
    assert answer["skipped"] == 3
    assert [r["status"] for r in answer["results"]] == ["skipped"] * 3
    assert [r["query"] for r in answer["results"]] == ["Minsk", "x", "Minsk"]


def test_a_batch_within_its_budget_skips_nothing(client: FlaskClient) -> None:
    answer = client.post("/v1/lookup", json={"queries": ["Minsk", "Hrodna"]}).get_json()
    assert answer["skipped"] == 0
    assert [r["status"] for r in answer["results"]] == ["matched", "matched"]


def test_the_validating_client_fails_a_response_off_its_schema(app: Flask) -> None:
    response = app.response_class('{"query": "x"}', mimetype="application/json")
    with pytest.raises(AssertionError, match="does not fit LookupResult"):
        check_response(app, "GET", "/v1/lookup", response)


@pytest.mark.parametrize("value", ["x", "0", "26", ""])
def test_a_bad_time_budget_setting_is_refused(value: str) -> None:
    registry = Registry(parse_registry(SMALL_CSV.encode()))
    with pytest.raises(InvalidInputError, match="NAMENORM_TIME_BUDGET"):
        create_app(registry, config={"TIME_BUDGET": value})
