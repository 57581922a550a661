"""The registry file a server serves, its last good copy, and the watcher that swaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Registry
from namenorm.http.source import NoUsableRegistryError, RegistryFile
from namenorm.http.state import Holder, Service
from namenorm.http.watch import refresh

from .conftest import SMALL_CSV

BROKEN_ROW = "nobody,giant,en,Nobody,1\n"  # an unknown kind on line 15


def test_a_good_load_keeps_a_copy_and_a_broken_file_falls_back_to_it(
    tmp_path: Path, registry_csv: Path
) -> None:
    file = RegistryFile(registry_csv, keep=tmp_path / "state")
    registry, broken = file.load()
    assert broken is None and len(registry) == 5
    assert file.copy_path is not None and file.copy_path.read_bytes() == registry_csv.read_bytes()

    registry_csv.write_text(SMALL_CSV + BROKEN_ROW, encoding="utf-8")
    fallback, broken = file.load()
    assert fallback.digest == registry.digest and len(fallback) == 5
    assert broken is not None and broken.path == str(registry_csv)
    assert broken.problems[0].line == 15 and broken.problems[0].field == "kind"
    assert "has 1 problem" in broken.line() and "giant" in broken.line()
    assert broken.as_dict()["hash"] == file.digest_now() != registry.digest


def test_no_file_and_no_copy_is_one_clear_error(tmp_path: Path) -> None:
    file = RegistryFile(tmp_path / "missing.csv", keep=tmp_path / "state")
    with pytest.raises(NoUsableRegistryError) as exc:
        file.load()
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(f"no usable registry: cannot read {tmp_path / 'missing.csv'}")
    assert "no last good copy in" in message


def test_a_tampered_copy_is_not_served(tmp_path: Path, registry_csv: Path) -> None:
    file = RegistryFile(registry_csv, keep=tmp_path / "state")
    file.load()
    assert file.copy_path is not None
    file.copy_path.write_text(SMALL_CSV.replace("Minsk", "Pinsk"), encoding="utf-8")
    registry_csv.unlink()
    with pytest.raises(NoUsableRegistryError):
        file.load()


def test_refresh_swaps_only_to_a_valid_new_version(tmp_path: Path, registry_csv: Path) -> None:
    file = RegistryFile(registry_csv, keep=tmp_path / "state")
    registry, _ = file.load()
    holder = Holder(Service.build(registry))
    first = holder.service

    refresh(holder, file)  # unchanged: nothing to do
    assert holder.service is first and holder.broken is None

    registry_csv.write_text(SMALL_CSV + BROKEN_ROW, encoding="utf-8")
    refresh(holder, file)
    assert holder.service is first  # a broken file is never served
    assert holder.broken is not None and holder.broken.problems[0].field == "kind"

    registry_csv.write_text(SMALL_CSV + "brest,place,en,Brest,1\n", encoding="utf-8")
    refresh(holder, file)
    assert holder.broken is None
    assert holder.service is not first
    assert holder.service.registry.digest == file.digest_now()
    assert holder.service.registry.resolve("Brest") is not None


def test_a_static_registry_has_no_file(registry_csv: Path) -> None:
    holder = Holder(Service.build(Registry.from_csv(registry_csv)))
    assert holder.file is None and holder.broken is None
