"""The parsed-YAML cache of catalog.files.read_yaml: keyed by the file's bytes, never stale, never trusted blindly."""

from __future__ import annotations

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
    assert len(list((cache / "yaml").glob("*.pickle"))) == 2


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
    (stored,) = (cache / "yaml").glob("*.pickle")
    monkeypatch.setattr(catalog_files, "_parsed", {})
    monkeypatch.setattr(catalog_files, "safe_yaml", lambda text: pytest.fail("parsed although cached"))
    assert read_yaml(source) == {"limit": 90}  # from the disk cache
    stored.write_bytes(stored.read_bytes().replace(b"K\x5a", b"K\x5e"))  # the pickled 90 altered to 94
    monkeypatch.setattr(catalog_files, "_parsed", {})
    monkeypatch.setattr(catalog_files, "safe_yaml", lambda text: {"parsed": text})
    assert read_yaml(source) == {"parsed": "limit: 90\n"}  # the altered cache was refused, the text parsed


def test_no_cache_folder_when_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDC_CACHE_DIR", "off")
    monkeypatch.setattr(catalog_files, "_parsed", {})
    source = tmp_path / "a.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    assert read_yaml(source) == {"a": 1}
    assert catalog_files.cache_root() is None
