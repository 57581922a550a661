"""Per-query answers: a bad query in a reconciliation batch gets its own error entry and
every other query of the batch its normal answer (API 0.2 result batches, as OpenRefine
reads them); only a batch that cannot be read at all is refused whole."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import assert_error, assert_valid

GOOD = {"g0": {"query": "Viktor Babariko"}, "g1": {"query": "Minsk", "type": "place"}}

# (the bad query, its error code, text its message must contain)
BAD: list[tuple[object, str, str]] = [
    ({"query": "a" * 513}, "query_too_long", "513 characters"),
    ({"query": "Minsk", "type": "animal"}, "unknown_kind", "'animal'"),
    ({"query": "Minsk", "type": ["place", "city"]}, "unknown_kind", "'city'"),
    ({"query": "Minsk", "type": [1]}, "invalid_input", ".type is [1]"),
    ({"query": "Minsk", "limit": 0}, "invalid_input", ".limit is 0"),
    ({"query": "Minsk", "limit": -3}, "invalid_input", ".limit is -3"),
    ({"query": "Minsk", "limit": "5"}, "invalid_input", ".limit is '5'"),
    ({"query": "Minsk", "limit": True}, "invalid_input", ".limit is True"),
    ({"query": "Minsk", "limit": 2.5}, "invalid_input", ".limit is 2.5"),
    ({"query": ""}, "invalid_input", ".query is ''"),
    ({"query": 42}, "invalid_input", ".query is 42"),
    ({}, "invalid_input", ".query is None"),
    ({"type": "person"}, "invalid_input", ".query is None"),
    ({"query": "Minsk", "properties": "born"}, "invalid_input", ".properties is 'born'"),
    ({"query": "Minsk", "lang": "be"}, "invalid_input", "has 'lang'"),
    ("Minsk", "invalid_input", "is a JSON string; expected an object"),
    (None, "invalid_input", "is a JSON null"),
    (["Minsk"], "invalid_input", "is a JSON array"),
    # the resolver refuses what cannot be a name: that query alone
    ({"query": " ".join(["Aliaksandr"] * 30)}, "query_too_long", "at most"),
]


def _send(client: FlaskClient, batch: dict[str, object], how: str) -> dict[str, Any]:
    if how == "form":
        response = client.post("/reconcile", data={"queries": json.dumps(batch)})
    elif how == "get":
        response = client.get("/reconcile", query_string={"queries": json.dumps(batch)})
    else:
        response = client.post("/reconcile", json=batch)
    assert response.status_code == 200, response.get_data(as_text=True)
    body: dict[str, Any] = response.get_json()
    assert_valid(body, "reconciliation-result-batch")
    return body


@pytest.fixture
def alone(client: FlaskClient) -> dict[str, Any]:
    """The answers to the good queries sent on their own."""
    return _send(client, GOOD, "form")


@pytest.mark.parametrize(
    ("bad", "code", "needle"), BAD, ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(BAD)]
)
def test_one_bad_query_gets_its_own_error_and_the_rest_their_answers(
    client: FlaskClient, alone: dict[str, Any], bad: object, code: str, needle: str
) -> None:
    body = _send(client, {"g0": GOOD["g0"], "bad": bad, "g1": GOOD["g1"]}, "form")
    assert list(body) == ["g0", "bad", "g1"]
    assert body["g0"] == alone["g0"] and body["g1"] == alone["g1"]
    assert body["g0"]["result"][0]["match"] is True
    entry = body["bad"]
    assert set(entry) == {"result", "error"}
    assert entry["result"] == []
    assert entry["error"]["code"] == code
    assert needle in entry["error"]["message"], entry["error"]["message"]


def test_the_error_names_the_query_by_its_id(client: FlaskClient) -> None:
    body = _send(client, {"row 17": {"query": "Minsk", "limit": 0}}, "form")
    assert body["row 17"]["error"]["message"].startswith("queries['row 17'].limit is 0")


@pytest.mark.parametrize("how", ["form", "get", "json"])
def test_every_way_of_sending_a_batch_answers_per_query(client: FlaskClient, how: str) -> None:
    batch = {"q0": {"query": "Hrodna"}, "q1": {"query": "x" * 600}, "q2": {"query": "Вясна"}}
    body = _send(client, batch, how)
    assert body["q0"]["result"][0]["id"] == "hrodna"
    assert body["q1"]["error"]["code"] == "query_too_long"
    assert body["q2"]["result"][0]["id"] == "viasna"


def test_a_batch_of_only_bad_queries_is_still_answered(client: FlaskClient) -> None:
    batch = {f"q{i}": bad for i, (bad, _, _) in enumerate(BAD)}
    body = _send(client, batch, "form")
    assert [body[f"q{i}"]["error"]["code"] for i in range(len(BAD))] == [c for _, c, _ in BAD]


def test_a_full_batch_with_bad_queries_scattered_through_it(
    shipped_client: FlaskClient,
) -> None:
    """1,000 queries, every tenth too long: 900 answers, 100 errors, nothing else lost."""
    batch = {
        f"q{i}": {"query": "Ł" * 513} if i % 10 == 3 else {"query": "Lukashenka"}
        for i in range(1000)
    }
    body = _send(shipped_client, batch, "json")
    assert len(body) == 1000
    errors = [qid for qid, entry in body.items() if "error" in entry]
    assert errors == [f"q{i}" for i in range(3, 1000, 10)]
    answered = [entry for entry in body.values() if "error" not in entry]
    assert all(e["result"][0]["id"] == "lukashenka-alaksandr" for e in answered)


# -- what is still refused whole ---------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "status", "code", "needle"),
    [
        ({"data": {"queries": "{"}}, 400, "invalid_input", "malformed JSON"),
        ({"data": {"queries": "[]"}}, 400, "invalid_input", "JSON array"),
        ({"data": {"queries": "null"}}, 400, "invalid_input", "JSON null"),
        ({"data": {"other": "1"}}, 400, "invalid_input", "'queries'"),
        ({"data": {"queries": "{}", "extend": "{}"}}, 400, "invalid_input", "both"),
        (
            {"json": {f"q{i}": {"query": "Minsk"} for i in range(1001)}},
            400,
            "invalid_input",
            "1001",
        ),
        ({"data": "{}", "content_type": "text/plain"}, 415, "unsupported_media_type", "text/plain"),
    ],
)
def test_an_unreadable_batch_is_refused_whole(
    client: FlaskClient, kwargs: dict[str, Any], status: int, code: str, needle: str
) -> None:
    error = assert_error(client.post("/reconcile", **kwargs), status, code)
    assert needle in error["message"]


# -- any batch at all ---------------------------------------------------------------
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_QUERY = st.fixed_dictionaries(
    {},
    optional={
        "query": st.text(max_size=40) | _JSON,
        "type": st.sampled_from(["person", "org", "place", "city", ""]) | _JSON,
        "limit": st.integers(-2, 60) | _JSON,
        "properties": _JSON,
        "type_strict": st.sampled_from(["any", "should", "all"]),
    },
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(batch=st.dictionaries(st.text(max_size=6), _QUERY | _JSON, max_size=6))
def test_any_batch_gets_one_valid_entry_per_query(
    client: FlaskClient, batch: dict[str, object]
) -> None:
    body = _send(client, batch, "form")
    assert list(body) == list(batch)
    for qid, entry in body.items():
        if "error" in entry:
            assert entry["result"] == []
            assert entry["error"]["code"] in {"invalid_input", "query_too_long", "unknown_kind"}
            assert entry["error"]["message"]
        else:
            assert len(entry["result"]) <= 50, qid
