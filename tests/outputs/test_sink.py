"""``--out NAME.gz``: the report written gzip-compressed as it goes, the same bytes once decompressed; a workbook or
Parquet (compressed already) refused in one line."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

from checker.cli import main
from checker.outputs import sink

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def catalog() -> Path:
    found = sorted((SAMPLES / "catalogs").glob("*.csv"))
    assert found
    return found[0]


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "html", "text"])
@pytest.mark.parametrize("isal", [True, False])
def test_a_gz_name_gives_the_report_compressed(catalog: Path, fmt: str, isal: bool, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if not isal:
        monkeypatch.setitem(sys.modules, "isal", None)  # no ISA-L: Python's own gzip
    plain, packed = tmp_path / f"r.{fmt}", tmp_path / f"r.{fmt}.gz"
    args = ["audit", str(catalog), "--format", fmt, "--as-of", "2026-11-20"]
    assert main([*args, "--out", str(plain)]) == main([*args, "--out", str(packed)])
    data = packed.read_bytes()
    assert data[:2] == b"\x1f\x8b"  # gzip
    assert gzip.decompress(data) == plain.read_bytes() != b""


def test_a_single_product_report_too(tmp_path: Path) -> None:
    record = next((SAMPLES / "records").glob("*.yaml"))
    out = tmp_path / "one.html.gz"
    main(["check", str(record), "--format", "html", "--out", str(out)])
    assert gzip.decompress(out.read_bytes()).startswith(b"<!doctype html>")


@pytest.mark.parametrize("fmt", ["xlsx", "parquet"])
def test_formats_compressed_already_are_refused(catalog: Path, fmt: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"r.{fmt}.gz"
    assert main(["audit", str(catalog), "--format", fmt, "--out", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "compressed already" in error
    assert not out.exists()


def test_only_a_gz_suffix_compresses() -> None:
    assert sink.compressed(Path("a.json.GZ")) and not sink.compressed(Path("a.gzip.json"))
    assert not sink.compressed(None)


@pytest.mark.parametrize(("command", "fmt"), [
    (["compare", str(SAMPLES / "tender")], "json"), (["compare", str(SAMPLES / "tender")], "html"),
    (["dc", str(SAMPLES / "datacenter" / "dc-excellent.yaml")], "json"),
    (["dc", str(SAMPLES / "datacenter" / "dc-excellent.yaml")], "text")])
def test_compare_and_dc_reports_too(command: list[str], fmt: str, tmp_path: Path) -> None:
    plain, packed = tmp_path / f"r.{fmt}", tmp_path / f"r.{fmt}.gz"
    args = [*command, "--format", fmt, "--as-of", "2026-11-20"]
    assert main([*args, "--out", str(plain)]) == main([*args, "--out", str(packed)])
    assert gzip.decompress(packed.read_bytes()) == plain.read_bytes() != b""


@pytest.mark.parametrize("command", [["compare", str(SAMPLES / "tender")],
                                     ["dc", str(SAMPLES / "datacenter" / "dc-excellent.yaml")]])
def test_compare_and_dc_refuse_a_compressed_workbook(command: list[str], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.xlsx.gz"
    assert main([*command, "--format", "xlsx", "--out", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "compressed already" in error
    assert not out.exists()
