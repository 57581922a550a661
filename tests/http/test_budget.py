"""Every request that looks up many names has a time budget (``namenorm.http.limits``).

A budget already spent (``TIME_BUDGET`` below zero) or a clock that moves a
second per query stands in for a slow batch: the tests never wait.
"""

from __future__ import annotations

import itertools

import pytest
from flask import Flask

from namenorm import Registry, normalize_text
from namenorm.errors import TimeBudgetError
from namenorm.http import reconcile_queries
from namenorm.http.reconcile_queries import answer_batch
from namenorm.http.state import Service
from namenorm.index.work import deadline
from tests.conftest import FIXTURES

from .conftest import assert_error

TEXT = "Viktor Babariko met voters in Grodno and Minsk."


@pytest.mark.parametrize("path", ["/v1/normalize", "/v1/annotate"])
def test_copy_past_its_budget_is_refused(app: Flask, path: str) -> None:
    app.config["TIME_BUDGET"] = -1.0  # spent before the first name
    error = assert_error(
        app.test_client().post(path, json={"text": TEXT}), 413, "time_budget_exceeded"
    )
    assert "time budget of -1 s" in error["message"] and "send it in parts" in error["message"]


@pytest.mark.parametrize("path", ["/v1/normalize", "/v1/annotate"])
def test_copy_without_names_needs_no_lookup(app: Flask, path: str) -> None:
    app.config["TIME_BUDGET"] = -1.0
    assert app.test_client().post(path, json={"text": "nothing to see here."}).status_code == 200


@pytest.mark.parametrize("path", ["/v1/normalize", "/v1/annotate"])
def test_copy_within_its_budget_is_answered(app: Flask, path: str) -> None:
    assert app.test_client().post(path, json={"text": TEXT}).status_code == 200


def test_a_reconcile_batch_past_its_budget_marks_every_query(app: Flask) -> None:
    app.config["TIME_BUDGET"] = -1.0
    batch = {"q0": {"query": "Minsk"}, "q1": {"query": "Hrodna"}, "q2": {"query": ""}}
    answer = app.test_client().post("/reconcile", json=batch).get_json()
    for qid in ("q0", "q1"):
        assert answer[qid]["result"] == []
        assert answer[qid]["error"]["code"] == "time_budget_exceeded"
        assert "send it again" in answer[qid]["error"]["message"]
    assert answer["q2"]["error"]["code"] == "invalid_input"  # a bad query: its own error


def test_a_reconcile_batch_answers_what_it_finished(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = itertools.count()  # one second per query
    monkeypatch.setattr(reconcile_queries.time, "perf_counter", lambda: float(next(clock)))
    service: Service = app.extensions["namenorm"].service
    batch = {f"q{i}": {"query": name} for i, name in enumerate(["Minsk", "Hrodna", "Minsk", "x"])}
    answer = answer_batch(service, batch, deadline=1.5, budget=1.5)
    assert answer["q0"]["result"][0]["id"] == "minsk"
    assert answer["q1"]["result"][0]["id"] == "hrodna"
    assert answer["q2"] == answer["q0"]  # the same query, answered once
    assert answer["q3"]["error"]["code"] == "time_budget_exceeded"
    assert "1.5 s" in answer["q3"]["error"]["message"]


def test_a_reconcile_batch_within_its_budget_marks_nothing(app: Flask) -> None:
    batch = {"q0": {"query": "Minsk"}, "q1": {"query": "Hrodna"}}
    answer = app.test_client().post("/reconcile", json=batch).get_json()
    assert all("error" not in entry for entry in answer.values())


def test_the_library_stops_between_two_names_not_inside_one() -> None:
    # A registry of its own: no cache of an earlier test answers for it.
    registry = Registry.from_csv(FIXTURES / "registry" / "small.csv")
    with deadline(-1.0, budget=2.0), pytest.raises(TimeBudgetError, match="2 s"):
        normalize_text(TEXT, registry=registry)  # not taken for "not a name" anywhere
    with deadline(float("inf"), budget=2.0):
        assert normalize_text(TEXT, registry=registry).text != TEXT
