"""The editor's JSON routes: /v1/annotate and the review queue under /v1/proposals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from namenorm import Registry
from namenorm.http import create_app

from .conftest import TOKEN, assert_error

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def queue_app(registry_csv: Path) -> Flask:
    """The small registry's app, its queue beside the registry file."""
    return create_app(
        Registry.from_csv(registry_csv), config={"ADMIN_TOKEN": TOKEN, "ACCESS_LOG": False}
    )


@pytest.fixture
def queue_client(queue_app: Flask) -> FlaskClient:
    return queue_app.test_client()


def test_annotate_answers_changes_unknown_names_and_entities(client: FlaskClient) -> None:
    body = client.post(
        "/v1/annotate", json={"text": "Babariko met Ihar Losik in Grodno.", "format": "text"}
    ).get_json()
    changes = [
        (c["original"], c["status"], [o["id"] for o in c["options"]]) for c in body["changes"]
    ]
    assert changes == [
        ("Babariko", "matched", ["babaryka-viktar"]),  # a stored spelling of Viktar alone here
        ("Grodno", "matched", ["hrodna"]),
    ]
    assert body["unknown"] == [
        {
            "text": "Ihar Losik",
            "start": 13,
            "end": 23,
            "count": 1,
            "context": "Babariko met Ihar Losik in Grodno.",
            "suggested_ids": {"person": "losik-ihar", "other": "ihar-losik"},
        }
    ]
    assert body["entities"]["hrodna"] == {
        "id": "hrodna",
        "kind": "place",
        "name": "Hrodna",
        "description": None,
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "body has no 'text'"),
        ({"text": 3}, "body.text is a JSON number"),
        ({"text": "x", "format": "pdf"}, "unknown format 'pdf'"),
        ({"text": "x", "lang": "xx"}, "unknown lang 'xx'"),
        ({"text": "x", "colour": "red"}, "unknown field(s) 'colour'"),
    ],
)
def test_annotate_bad_input(client: FlaskClient, body: dict[str, Any], message: str) -> None:
    error = assert_error(client.post("/v1/annotate", json=body), 400)
    assert message in error["message"]


def propose(client: FlaskClient, *items: dict[str, Any]) -> Any:
    return client.post("/v1/proposals", json={"proposals": list(items)})


def test_propose_list_accept_reload(queue_client: FlaskClient, registry_csv: Path) -> None:
    queue = registry_csv.with_name("proposals.csv")
    response = propose(queue_client, {"name": "Horadnia", "id": "hrodna", "context": "in Horadnia"})
    assert response.status_code == 200
    (made,) = response.get_json()["proposals"]
    assert (made["id"], made["kind"], made["lang"], made["source"]) == (
        "hrodna",
        "place",
        "en",
        "editor",
    )
    assert queue.exists() and "Horadnia" not in registry_csv.read_text(encoding="utf-8")
    assert queue_client.get("/v1/lookup?q=Horadnia").get_json()["status"] == "unmatched"

    assert_error(queue_client.get("/v1/proposals"), 401, "unauthorized")
    listed = queue_client.get("/v1/proposals", headers=AUTH).get_json()
    assert listed["count"] == 1 and listed["proposals"][0]["proposal"] == made["proposal"]

    accepted = queue_client.post(
        "/v1/proposals/accept", json={"proposals": [made["proposal"]]}, headers=AUTH
    ).get_json()
    assert [a["name"] for a in accepted["added"]] == ["Horadnia"]
    assert accepted["registry_hash"] != accepted["previous_hash"]
    assert registry_csv.read_text(encoding="utf-8").endswith("hrodna,place,en,Horadnia,\n")
    assert queue_client.get("/v1/lookup?q=Horadnia").get_json()["match"]["id"] == "hrodna"
    assert queue_client.get("/v1/proposals", headers=AUTH).get_json()["count"] == 0


def test_accepting_an_invalid_row_is_a_422_and_writes_nothing(
    queue_client: FlaskClient, registry_csv: Path
) -> None:
    before = registry_csv.read_bytes()
    made = propose(queue_client, {"name": "Лосік", "id": "losik-ihar", "kind": "person"}).get_json()
    pid = made["proposals"][0]["proposal"]
    error = assert_error(
        queue_client.post("/v1/proposals/accept", json={"proposals": [pid]}, headers=AUTH),
        422,
        "invalid_registry",
    )
    assert [p["field"] for p in error["problems"]] == ["preferred"]
    assert registry_csv.read_bytes() == before


def test_reject_and_unknown_proposals(queue_client: FlaskClient) -> None:
    made = propose(queue_client, {"name": "Some Name"}).get_json()["proposals"][0]
    assert_error(
        queue_client.post("/v1/proposals/reject", json={"proposals": ["0" * 12]}, headers=AUTH),
        404,
    )
    gone = queue_client.post(
        "/v1/proposals/reject", json={"proposals": [made["proposal"]]}, headers=AUTH
    ).get_json()
    assert [g["name"] for g in gone["rejected"]] == ["Some Name"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"proposals": []}, "expected an array of 1 to 20 proposals"),
        ({"proposals": [{"name": ""}]}, "name is empty"),
        ({"proposals": [{"name": "X", "id": "new-id"}]}, "needs a kind"),
        ({"proposals": [{"name": "X", "preferred": "yes"}]}, "expected a boolean"),
        ({"proposals": [{"name": "X", "extra": 1}]}, "unknown field(s) 'extra'"),
    ],
)
def test_bad_proposals(queue_client: FlaskClient, body: dict[str, Any], message: str) -> None:
    error = assert_error(queue_client.post("/v1/proposals", json=body), 400)
    assert message in error["message"]


def test_review_routes_do_not_exist_without_a_token(registry_csv: Path) -> None:
    app = create_app(Registry.from_csv(registry_csv), config={"ACCESS_LOG": False})
    client = app.test_client()
    assert_error(client.get("/v1/proposals"), 404)
    assert client.get("/review").status_code == 404
