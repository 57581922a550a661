"""Property values in reconciliation queries (OpenRefine's "also use relevant details
from other columns"): identifiers pin the entity, other properties are features."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from namenorm import Registry, default_registry
from namenorm.http import create_app
from namenorm.registry import parse_registry

from .conftest import assert_valid
from .test_reconcile_extend import LINKED_CSV

TWINS_CSV = """\
id,kind,lang,name,preferred,wikidata
babaryka-viktar,person,en,Viktar Babaryka,1,Q60834285
babaryka-viktar,person,be,Віктар Бабарыка,1,
babaryka-eduard,person,en,Eduard Babaryka,1,
babaryka-eduard,person,be,Эдуард Бабарыка,1,
"""


def _client(csv: str) -> FlaskClient:
    registry = Registry(parse_registry(csv.encode()))
    return create_app(registry, config={"ACCESS_LOG": False}).test_client()


def _post(client: FlaskClient, batch: dict[str, Any]) -> dict[str, Any]:
    assert_valid(batch, "reconciliation-query-batch")
    response = client.post("/reconcile", data={"queries": json.dumps(batch)})
    assert response.status_code == 200
    body: dict[str, Any] = response.get_json()
    assert_valid(body, "reconciliation-result-batch")
    return body


def _features(candidate: dict[str, Any]) -> dict[str, object]:
    return {f["id"]: f["value"] for f in candidate["features"]}


@pytest.mark.parametrize(
    "value", ["Q2280", "q2280", ["Q1", "Q2280"], {"id": "Q2280", "name": "Minsk"}]
)
def test_an_identifier_alone_finds_the_entity(value: object) -> None:
    body = _post(_client(LINKED_CSV), {"q": {"properties": [{"pid": "wikidata", "v": value}]}})
    (top,) = body["q"]["result"]
    assert (top["id"], top["match"], top["score"]) == ("minsk", True, 100.0)
    assert _features(top) == {"method:property": True, "property:wikidata": True}
    assert "Q2280" in top["description"]


def test_a_number_identifier_and_a_type() -> None:
    client = _client(LINKED_CSV)
    place = {"properties": [{"pid": "geonames", "v": 625144}], "type": "place"}
    person = {"properties": [{"pid": "geonames", "v": 625144}], "type": "person"}
    body = _post(client, {"place": place, "person": person})
    assert body["place"]["result"][0]["id"] == "minsk"
    assert body["person"] == {"result": []}


def test_an_identifier_settles_an_ambiguous_name() -> None:
    client = _client(TWINS_CSV)
    plain = _post(client, {"q": {"query": "Babaryka"}})["q"]["result"]
    assert len(plain) == 2 and not any(c["match"] for c in plain)
    batch = {"q": {"query": "Babaryka", "properties": [{"pid": "wikidata", "v": "Q60834285"}]}}
    result = _post(client, batch)["q"]["result"]
    assert [(c["id"], c["match"]) for c in result] == [
        ("babaryka-viktar", True),
        ("babaryka-eduard", False),
    ]


def test_a_different_identifier_is_never_the_match() -> None:
    client = _client(LINKED_CSV)
    right = _post(client, {"q": {"query": "Minsk"}})["q"]["result"][0]
    assert right["match"] is True
    batch = {"q": {"query": "Minsk", "properties": [{"pid": "wikidata", "v": "Q1"}]}}
    (top,) = _post(client, batch)["q"]["result"]
    assert top["id"] == "minsk" and top["match"] is False
    assert _features(top)["property:wikidata"] is False


def test_other_properties_are_features() -> None:
    client = _client(LINKED_CSV)
    batch = {
        "q": {
            "query": "Minsk",
            "properties": [
                {"pid": "kind", "v": "place"},
                {"pid": "name:be", "v": "мінск"},
                {"pid": "name:pl", "v": "Minsk"},
            ],
        }
    }
    (top,) = _post(client, batch)["q"]["result"]
    assert top["match"] is True
    features = _features(top)
    assert features["property:kind"] is True
    assert features["property:name:be"] is True  # case and clean-up ignored
    assert features["property:name:pl"] is False


def test_property_errors_stay_with_their_query() -> None:
    client = _client(LINKED_CSV)
    batch = {
        "unknown": {"query": "Minsk", "properties": [{"pid": "born", "v": "1963"}]},
        "bad value": {"query": "Minsk", "properties": [{"pid": "kind", "v": [True]}]},
        "no v": {"query": "Minsk", "properties": [{"pid": "kind"}]},
        "fine": {"query": "Minsk"},
    }
    response = client.post("/reconcile", data={"queries": json.dumps(batch)})
    body = response.get_json()
    assert_valid(body, "reconciliation-result-batch")
    assert "'born', which is no property" in body["unknown"]["error"]["message"]
    assert ".v is True" in body["bad value"]["error"]["message"]
    assert "pid and v" in body["no v"]["error"]["message"]
    assert body["fine"]["result"][0]["match"] is True


def test_wikidata_ids_of_the_shipped_registry_find_their_entities(
    shipped_client: FlaskClient,
) -> None:
    linked = [e for e in default_registry().entities() if e.wikidata]
    batch = {e.id: {"properties": [{"pid": "wikidata", "v": e.wikidata}]} for e in linked}
    body = _post(shipped_client, batch)
    for entity in linked:
        (top,) = body[entity.id]["result"]
        assert (top["id"], top["match"]) == (entity.id, True)
