"""Reading and validating registry CSV bytes: every problem with its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Registry, RegistryError
from namenorm.registry_csv import parse_registry

REGISTRY = Path(__file__).parent / "fixtures" / "registry"


def problems_of(name: str) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        Registry.from_csv(REGISTRY / name)
    return [str(p) for p in caught.value.problems]


def test_bom_crlf_and_extra_columns_are_accepted() -> None:
    registry = Registry.from_csv(REGISTRY / "bom-crlf.csv")
    assert registry.entity("viasna").preferred("en") == "Viasna"
    assert registry.entity("viasna").preferred("be") == "Вясна"


def test_columns_in_any_order() -> None:
    assert Registry.from_csv(REGISTRY / "reordered.csv").entity("viasna").kind == "org"


def test_every_problem_is_reported_with_line_and_field() -> None:
    found = problems_of("broken.csv")
    path = str(REGISTRY / "broken.csv")
    expected = [
        f"{path}:2: id: bad id 'Bad_ID'; expected [a-z0-9][a-z0-9-]*",
        f"{path}:3: kind: unknown kind 'robot'; expected one of person, org, place",
        f"{path}:5: kind: kind 'org' for 'x-2' differs from 'person' on line 4; expected the same kind on every row of an id",
        f"{path}:7: preferred: second preferred 'en' name for 'x-3' (first on line 6); expected at most one per id and language",
        f"{path}:8: name: Latin-script name 'Ivan Petrov' has the Cyrillic language tag 'ru'; expected a Latin tag such as en, pl, de or be-Latn",
        f"{path}:9: name: Cyrillic name 'Иван Петров' has the Latin-script language tag 'en'; expected be, ru or uk",
        f"{path}:10: name: empty name; expected a spelling",
        f"{path}:11: preferred: 'x-6' has no preferred en name; expected exactly one",
        f"{path}:12: preferred: bad value 'yes'; expected 1 or empty",
        f"{path}:12: preferred: 'x-7' has no preferred en name; expected exactly one",
    ]
    assert found == expected


def test_undecodable_bytes_are_reported_with_their_line() -> None:
    found = problems_of("latin1.csv")
    assert len(found) == 1
    assert found[0].endswith(
        ":2: (encoding): bytes b'\\xe9,1' at column 18 are not valid UTF-8; expected a UTF-8 file"
    )


def test_missing_column_is_reported() -> None:
    (problem,) = problems_of("missing-column.csv")
    assert "missing column(s) lang, preferred" in problem
    assert ":1: (header):" in problem


def test_empty_file_is_reported() -> None:
    with pytest.raises(RegistryError, match="file is empty"):
        parse_registry(b"", "empty.csv")


def test_short_row_is_reported() -> None:
    with pytest.raises(RegistryError, match=r"x\.csv:3: \(row\): 2 fields, expected 5"):
        parse_registry(b"id,kind,lang,name,preferred\nok,person,en,Ok,1\nshort,person\n", "x.csv")


def test_quoted_newline_keeps_line_numbers_right() -> None:
    data = b'id,kind,lang,name,preferred\nok,person,en,"Ok",1\nx,person,en,"multi\nline",\nbad id,person,en,Bad,1\n'
    with pytest.raises(RegistryError) as caught:
        parse_registry(data, "q.csv")
    lines = sorted({p.line for p in caught.value.problems})
    assert 5 in lines  # "bad id" starts on line 5, after the two-line record


def test_optional_link_and_source_columns_load() -> None:
    registry = Registry.from_csv(REGISTRY / "linked.csv")
    minsk = registry.entity("minsk")
    assert (minsk.wikidata, minsk.geonames) == ("Q2280", 625144)
    assert [n.source for n in minsk.names] == [
        "https://en.wikipedia.org/wiki/Minsk",
        "wikidata:Q2280",
        "geonames:625144",
    ]
    ales = registry.entity("bialiatski-ales")
    assert (ales.wikidata, ales.geonames) == ("Q2633436", None)  # the QID may be on any row
    assert ales.names[0].source == ""


def test_files_without_the_optional_columns_still_load(small: Registry) -> None:
    entity = small.entity("hrodna")
    assert (entity.wikidata, entity.geonames) == (None, None)
    assert {n.source for n in entity.names} == {""}


def test_bad_links_and_sources_are_reported_with_line_and_field() -> None:
    found = problems_of("broken-links.csv")
    path = str(REGISTRY / "broken-links.csv")
    assert found == [
        f"{path}:3: wikidata: wikidata 'Q2281' for 'minsk' differs from 'Q2280' on line 2; expected one wikidata ID per id",
        f"{path}:4: wikidata: bad wikidata ID '2280'; expected a Wikidata QID such as Q42",
        f"{path}:4: geonames: bad geonames ID 'abc'; expected a GeoNames ID such as 625144",
        f"{path}:5: wikidata: wikidata 'Q2280' of 'brest' is already the wikidata ID of 'minsk' (line 2); expected one id per wikidata ID",
        f"{path}:5: source: bad source 'wikipedia'; expected a URL (http:// or https://), wikidata:Q... or geonames:ID",
        f"{path}:6: geonames: geonames '625144' for 'brest' differs from '629634' on line 5; expected one geonames ID per id",
        f"{path}:6: source: bad source 'wikidata:2280'; expected a URL (http:// or https://), wikidata:Q... or geonames:ID",
        f"{path}:7: source: bad source 'geonames:Q1'; expected a URL (http:// or https://), wikidata:Q... or geonames:ID",
    ]
