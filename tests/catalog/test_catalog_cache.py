"""The parsed-YAML cache of catalog.files.read_yaml: keyed by the file's bytes, never stale, never trusted blindly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.catalog import files as catalog_files
from checker.catalog.files import read_yaml


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GDC_CACHE_DIR", str(folder))
    monkeypatch.setattr(catalog_files, "_parsed", {})
    return folder


def test_a_changed_file_is_parsed_again(tmp_path: Path, cache: Path) -> None:
    source = tmp_path / "limits.yaml"
    source.write_text("limit: 90\n", encoding="utf-8")
    assert read_yaml(source) == {"limit": 90}
    source.write_text("limit: 94\n", encoding="utf-8")
    assert read_yaml(source) == {"limit": 94}
    assert len(list((cache / "yaml").glob("*.json"))) == 2


def test_each_caller_gets_its_own_copy(tmp_path: Path, cache: Path) -> None:
    source = tmp_path / "table.yaml"
    source.write_text("rows: [1, 2]\n", encoding="utf-8")
    read_yaml(source)["rows"].append(3)
    assert read_yaml(source) == {"rows": [1, 2]}


def test_a_cache_file_from_disk_is_used_and_an_altered_one_is_not(tmp_path: Path, cache: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "limit.yaml"
    source.write_text("limit: 90\n", encoding="utf-8")
    read_yaml(source)
    (stored,) = (cache / "yaml").glob("*.json")
    monkeypatch.setattr(catalog_files, "_parsed", {})
    monkeypatch.setattr(catalog_files, "safe_yaml", lambda text: pytest.fail("parsed although cached"))
    assert read_yaml(source) == {"limit": 90}  # from the disk cache
    head, _, body = stored.read_text(encoding="utf-8").partition("\n")
    stored.write_text(head + "\n" + body.replace("90", "94"), encoding="utf-8")  # the value altered, not its hash
    monkeypatch.setattr(catalog_files, "_parsed", {})
    monkeypatch.setattr(catalog_files, "safe_yaml", lambda text: {"parsed": text})
    assert read_yaml(source) == {"parsed": "limit: 90\n"}  # the altered cache was refused, the text parsed


def test_dates_and_keys_that_are_not_text_come_back_as_they_were(tmp_path: Path, cache: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "grades.yaml"
    source.write_text("effective: 2026-11-20\nrows: {1: a, 2.5: b, false: c, x: [2024-01-01]}\n", encoding="utf-8")
    expected = {"effective": date(2026, 11, 20), "rows": {1: "a", 2.5: "b", False: "c", "x": [date(2024, 1, 1)]}}
    assert read_yaml(source) == expected
    monkeypatch.setattr(catalog_files, "_parsed", {})
    from_disk = read_yaml(source)
    assert from_disk == expected and [type(k) for k in from_disk["rows"]] == [int, float, bool, str]


def test_a_value_json_cannot_hold_is_read_but_not_kept(tmp_path: Path, cache: Path) -> None:
    source = tmp_path / "stamp.yaml"
    source.write_text("at: 2026-11-20 10:30:00\n", encoding="utf-8")
    assert read_yaml(source)["at"].hour == 10
    assert not (cache / "yaml").exists() or not list((cache / "yaml").glob("*.json"))


def test_no_cache_folder_when_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDC_CACHE_DIR", "off")
    monkeypatch.setattr(catalog_files, "_parsed", {})
    source = tmp_path / "a.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    assert read_yaml(source) == {"a": 1}
    assert catalog_files.cache_root() is None
