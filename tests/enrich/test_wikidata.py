"""Wikidata enrichment: both JSON shapes, the rows planned, conflicts, idempotence.

Fixture: ``tests/fixtures/wikidata/wbgetentities.json`` holds 50 real
entities (countries, capitals, international bodies, heads of state, and
two real namesakes: Brest in France, Washington State) in the Wikibase
JSON format, and ``registry.csv`` links 49 of them by QID.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namenorm import Registry
from namenorm.enrich import render_rows
from namenorm.enrich.wikidata import (
    DEFAULT_LANGS,
    WikidataError,
    plan_enrichment,
    read_entities,
)
from namenorm.registry import parse_registry

FIXTURES = Path(__file__).parent.parent / "fixtures" / "wikidata"
ANSWER = FIXTURES / "wbgetentities.json"
REGISTRY = FIXTURES / "registry.csv"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.from_csv(REGISTRY)


@pytest.fixture(scope="module")
def entities() -> list[Mapping[str, Any]]:
    return list(read_entities(ANSWER))


def write_dump(path: Path, entities: list[Mapping[str, Any]], *, gzipped: bool) -> Path:
    lines = ["[\n", *(json.dumps(e, ensure_ascii=False) + ",\n" for e in entities), "]\n"]
    lines[-2] = lines[-2].replace(",\n", "\n")
    data = "".join(lines).encode()
    path.write_bytes(gzip.compress(data) if gzipped else data)
    return path


def test_the_fixture_has_50_entities(entities: list[Mapping[str, Any]]) -> None:
    assert len(entities) == 50
    assert len({e["id"] for e in entities}) == 50


@pytest.mark.parametrize("gzipped", [False, True])
def test_dumps_read_like_the_api_answer(
    tmp_path: Path, entities: list[Mapping[str, Any]], gzipped: bool
) -> None:
    dump = write_dump(tmp_path / "dump.json", entities, gzipped=gzipped)
    assert list(read_entities(dump)) == entities


def test_json_lines_and_single_entities_read(
    tmp_path: Path, entities: list[Mapping[str, Any]]
) -> None:
    lines = tmp_path / "entities.jsonl"
    lines.write_text("".join(json.dumps(e) + "\n" for e in entities[:3]))
    assert [e["id"] for e in read_entities(lines)] == [e["id"] for e in entities[:3]]
    single = tmp_path / "one.json"
    single.write_text(json.dumps(entities[0]))
    assert [e["id"] for e in read_entities(single)] == [entities[0]["id"]]


def test_a_bad_dump_line_is_reported_with_its_line(tmp_path: Path) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text('[\n{"id": "Q1", "labels": {}},\n{"id": "Q2", "labels": \n]\n')
    with pytest.raises(WikidataError, match=r"dump\.json:3: bad JSON at column \d+: .*"):
        list(read_entities(dump))


def test_other_json_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"results": []}')
    with pytest.raises(WikidataError, match="expected a Wikidata entity"):
        list(read_entities(other))


def test_labels_and_aliases_become_attested_rows(
    registry: Registry, entities: list[Mapping[str, Any]]
) -> None:
    plan = plan_enrichment(registry, entities, langs=DEFAULT_LANGS)
    rows = {(r.id, r.lang, r.name): r for r in plan.rows}
    assert ("minsk", "lt", "Minskas") in rows  # a label
    assert ("minsk", "pl", "Mińsk Białoruski") in rows  # an alias
    assert ("nato", "fr", "OTAN") in rows
    assert ("germany", "pl", "Niemcy") in rows
    assert ("putin-vladimir", "ru", "Владимир Владимирович Путин") in rows
    assert ("minsk", "be", "Мінск") not in rows  # stored already
    assert not any(r.preferred for r in plan.rows)
    assert {r.source for r in plan.rows if r.id == "minsk"} == {"wikidata:Q2280"}
    assert not any(r.lang == "es" for r in plan.rows)  # not asked for
    assert plan.unknown == ["Q184"]  # Belarus has no QID in this registry


def test_taraskievica_is_written_as_belarusian(
    registry: Registry, entities: list[Mapping[str, Any]]
) -> None:
    plan = plan_enrichment(registry, entities, langs=("be-tarask",))
    assert [(r.id, r.lang, r.name) for r in plan.rows] == [
        ("minsk", "be", "Менск"),
        ("vilnius", "be", "Вільня"),
    ]


def test_spellings_of_two_ids_are_conflicts_not_rows(
    registry: Registry, entities: list[Mapping[str, Any]]
) -> None:
    plan = plan_enrichment(registry, entities, langs=("en", "be"))
    assert [str(c) for c in plan.conflicts] == [
        "'Вашынгтон' (be, Q61) for washington is also a spelling of washington-state",
        "'Вашынгтон' (be, Q1223) for washington-state is also a spelling of washington",
        "'Brest' (en, Q12193) for brest-france is also a spelling of brest",
        "'Брэст' (be, Q12193) for brest-france is also a spelling of brest",
        "'Washington' (en, Q1223) for washington-state is also a spelling of washington",
    ]
    written = {r.name for r in plan.rows}
    assert not written & {"Brest", "Брэст", "Washington", "Вашынгтон"}


def test_a_second_run_adds_nothing(registry: Registry, entities: list[Mapping[str, Any]]) -> None:
    plan = plan_enrichment(registry, entities, langs=DEFAULT_LANGS)
    data = render_rows(REGISTRY.read_bytes(), plan.rows, "enriched.csv")
    enriched = Registry(parse_registry(data, "enriched.csv"))
    again = plan_enrichment(enriched, entities, langs=DEFAULT_LANGS)
    assert again.rows == []
    assert len(again.conflicts) == len(plan.conflicts)


names = st.text(min_size=0, max_size=30)
langs = st.sampled_from([*DEFAULT_LANGS, "be-tarask", "es"])
term = st.builds(lambda lang, value: (lang, value), langs, names)


@st.composite
def entity_batches(draw: st.DrawFn) -> list[dict[str, Any]]:
    qids = draw(
        st.lists(st.sampled_from(["Q2280", "Q216", "Q7747", "Q61", "Q1223", "Q9"]), max_size=4)
    )
    batch = []
    for qid in qids:
        labels = {
            lang: {"language": lang, "value": v} for lang, v in draw(st.lists(term, max_size=4))
        }
        aliases: dict[str, list[dict[str, str]]] = {}
        for lang, value in draw(st.lists(term, max_size=6)):
            aliases.setdefault(lang, []).append({"language": lang, "value": value})
        batch.append({"type": "item", "id": qid, "labels": labels, "aliases": aliases})
    return batch


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entity_batches())
def test_the_enriched_registry_always_loads(batch: list[dict[str, Any]]) -> None:
    registry = Registry.from_csv(REGISTRY)
    plan = plan_enrichment(registry, batch, langs=(*DEFAULT_LANGS, "be-tarask"))
    data = render_rows(REGISTRY.read_bytes(), plan.rows, "enriched.csv")
    loaded = Registry(parse_registry(data, "enriched.csv"))
    before = sum(len(e.names) for e in registry.entities())
    assert sum(len(e.names) for e in loaded.entities()) == before + len(plan.rows)
