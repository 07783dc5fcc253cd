"""Issue 7: broken, hostile, huge and junk inputs. The corpus is built by ``make_corpus.py``.

Every input is accounted for (a product, or a one-line error naming the file), limits are data
with environment overrides, junk values are never passed, and nothing in a user file runs code or
names a path.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker import cli
from checker.inputs.guard import LimitError, Limits, get_limits, guard_file
from checker.pipeline import audit, check

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from make_corpus import build  # noqa: E402

AS_OF = date(2026, 11, 20)
CORPUS = Path(tempfile.mkdtemp(prefix="gdc-adversarial-"))
atexit.register(shutil.rmtree, CORPUS, ignore_errors=True)
MANIFEST: dict[str, dict[str, Any]] = build(CORPUS)
ENV_KEYS = [f"GDC_{name.upper()}" for name in Limits.model_fields]


@pytest.fixture(autouse=True)
def _default_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from the limits of catalogs/limits.yaml, whatever the environment says."""
    for key in ENV_KEYS:
        monkeypatch.delenv(key, raising=False)


def _prepare(case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in case.get("env", {}).items():
        monkeypatch.setenv(key, value)
    if case.get("no_ocr"):
        monkeypatch.setattr("checker.inputs.documents.ocr.tesseract_path", lambda: None)
        monkeypatch.setattr("checker.inputs.documents.ocr.rapid_engine", lambda: None)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_case(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each corpus file has exactly the outcome its manifest entry says."""
    case = MANIFEST[name]
    _prepare(case, monkeypatch)
    report = audit([CORPUS / name], AS_OF).report()
    products = {p.id: p for p in report.products}
    for error in report.errors:
        assert "\n" not in error.error and str(CORPUS / name) in error.source
    if case["expect"] == "error":
        assert not products, f"{name} became a product"
        assert len(report.errors) == 1, report.errors
        assert case["match"] in report.errors[0].error
    elif case["expect"] == "product":
        assert not report.errors and len(products) == 1, report.errors
        statuses = {c.id: c for c in report.products[0].clauses}
        for clause, status in case["statuses"].items():
            allowed = {status, *case.get("accept", [])}
            assert statuses[clause].status in allowed, (clause, statuses[clause])
            if status == "manual_review":
                assert statuses[clause].note, f"{clause}: manual_review without a reason"
    else:
        assert {pid: p.verdict for pid, p in products.items() if case["products"].get(pid)} == {
            pid: verdict for pid, verdict in case["products"].items() if verdict}
        assert set(products) == set(case["products"])
        if case["match"]:
            assert any(case["match"] in e.error for e in report.errors)
    if "marker" in case:
        assert not Path(case["marker"]).exists(), "a YAML tag ran code"


def test_junk_never_passes_anywhere() -> None:
    """No junk-value file (records, catalogs, PDFs) passes the clause its junk is in."""
    for name, case in MANIFEST.items():
        if case["expect"] != "product" or name == "pdf-control.pdf":
            continue
        product = audit([CORPUS / name], AS_OF).report().products[0]
        statuses = {c.id: c.status for c in product.clauses}
        assert all(statuses[clause] != "pass" for clause in case["statuses"]), name


@pytest.mark.slow
def test_whole_corpus_every_input_accounted_for() -> None:
    """One audit of the whole folder: each input is a product or an error, none lost, none fatal."""
    evaluated = audit([CORPUS], AS_OF)
    report = evaluated.report()
    named = {Path(s).name for p in report.products for s in p.sources} | {
        Path(e.source.split(", ")[0]).name for e in report.errors}
    folders = {Path(s).parent.name for p in report.products for s in p.sources}
    for name in MANIFEST:
        assert name in named or name in folders, f"{name} was silently dropped"
    assert "manifest.json" in named


def test_check_keeps_the_good_file_beside_a_bad_one() -> None:
    """``check`` with a good record and a mislabelled PDF: the product plus an error for the PDF."""
    report = check([CORPUS / "record-conflict.yaml", CORPUS / "html-named.pdf"], AS_OF).report()
    assert [p.id for p in report.products] == ["SR-2U-X8"]
    assert [Path(e.source).name for e in report.errors] == ["html-named.pdf"]


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT, env={**os.environ, **(env or {})}, check=False)


@pytest.mark.slow
def test_command_never_shows_a_traceback() -> None:
    """The command on the whole corpus: one ``checker:`` line per error on stderr, exit 1, no traceback."""
    done = _run(["audit", str(CORPUS), "--format", "json"])
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines and all(line.startswith("checker: ") for line in lines), lines
    report = json.loads(done.stdout)
    assert len(report["errors"]) == len(lines)


@pytest.mark.parametrize("name", ["deep.json", "billion-laughs.yaml", "html-named.pdf", "encrypted.pdf"])
@pytest.mark.slow
def test_check_command_one_line_exit_2(name: str) -> None:
    """``checker check`` on an unusable file: exit 2, one line naming the file."""
    done = _run(["check", str(CORPUS / name), "--format", "text"])
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and name in done.stderr


@pytest.mark.slow
def test_scan_without_tesseract_in_path() -> None:
    """An image-only PDF on a machine without Tesseract: read by RapidOCR (inside its wheel), never a crash."""
    done = _run(["check", str(CORPUS / "image-only.pdf"), "--format", "text"], env={"PATH": "/nonexistent"})
    assert done.returncode in (1, 2)
    assert "Traceback" not in done.stderr
    assert done.returncode == 1 or "OCR" in done.stderr


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """An unexpected failure: one line normally, the traceback with --debug."""
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("unexpected\nsecond line")

    monkeypatch.setattr("checker.pipeline.audit", boom)  # the command imports it when it runs
    assert cli.main(["audit", str(CORPUS / "deep.json")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "checker: RuntimeError: unexpected"
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "audit", str(CORPUS / "deep.json")])


# ---- limits as data ----------------------------------------------------------------------------

def test_limits_file_is_strict_and_complete() -> None:
    """catalogs/limits.yaml holds exactly the model's keys; the defaults are the documented ones."""
    data = yaml.safe_load((ROOT / "catalogs" / "limits.yaml").read_text(encoding="utf-8"))
    assert set(data) == set(Limits.model_fields)
    limits = get_limits({})
    assert (limits.max_file_mb, limits.max_pages, limits.max_nesting) == (50, 300, 50)
    with pytest.raises(ValueError):
        Limits.model_validate({**data, "max_fiel_mb": 3})


def test_environment_overrides_and_bad_values() -> None:
    """GDC_<KEY> overrides a limit; a malformed or negative value is an error naming it."""
    assert get_limits({"GDC_MAX_FILE_MB": "200", "GDC_MAX_PAGES": "20"}).max_pages == 20
    assert get_limits({"GDC_DOCUMENT_SECONDS": "7.5"}).document_seconds == 7.5
    with pytest.raises(LimitError, match="GDC_MAX_PAGES"):
        get_limits({"GDC_MAX_PAGES": "many"})
    with pytest.raises(LimitError, match="max_file_mb"):
        get_limits({"GDC_MAX_FILE_MB": "-1"})


def test_page_limit_reaches_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page limit is the reader's ``max_pages`` too."""
    seen: dict[str, object] = {}
    import checker.inputs.documents as documents

    real = documents.read_pdf

    def spy(path: Path, category: str | None = None, **kwargs: object) -> object:
        seen.update(kwargs)
        return real(path, category, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(documents, "read_pdf", spy)
    monkeypatch.setenv("GDC_MAX_PAGES", "42")
    audit([CORPUS / "pdf-control.pdf"], AS_OF)
    assert seen.get("max_pages") == 42


def test_guard_passes_every_sample() -> None:
    """The guard refuses nothing the project ships as a sample."""
    for path in sorted((ROOT / "samples").rglob("*")):
        if path.is_file() and path.suffix.lower() in {".pdf", ".csv", ".yaml", ".json"}:
            guard_file(path)


# ---- no code, no paths from user files ---------------------------------------------------------

def test_no_unsafe_loading_in_the_code() -> None:
    """No pickle, eval/exec, unsafe YAML or shell in the package: user files are data only."""
    pattern = re.compile(r"\bpickle\b|\beval\(|\bexec\(|yaml\.load\(|unsafe_load|FullLoader|shell=True|"
                         r"read_pickle|allow_pickle=True")
    offenders = [f"{path}:{number}" for path in sorted((ROOT / "checker").rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []


@pytest.mark.parametrize("fmt", ["json", "xlsx", "html", "csv"])
def test_names_inside_inputs_never_make_paths(tmp_path: Path, fmt: str) -> None:
    """Path-like ids and folder names are labels: the only file written is the user's --out."""
    work = tmp_path / "work"
    work.mkdir()
    inputs = [CORPUS / "path-ids.csv", CORPUS / "..product; rm -rf ~"]
    before = sorted(p.relative_to(CORPUS) for p in CORPUS.rglob("*"))
    out = work / f"report.{fmt}"
    assert cli.main(["audit", *map(str, inputs), "--format", fmt, "--out", str(out)]) in (0, 1)
    assert sorted(p.relative_to(CORPUS) for p in CORPUS.rglob("*")) == before
    assert [p.name for p in work.iterdir()] == [out.name]
    assert not (tmp_path / "escape-1").exists() and not Path("/tmp/escape-2").exists()


@pytest.mark.parametrize(("name", "text"), [
    ("unit.yaml", 'id: X\ncategory: server\npsu_efficiency_50: {value: 95, unit: "(W"}\n'),
    ("value.yaml", 'id: X\ncategory: server\npsu_efficiency_50: "95 (W"\n'),
    ("header.csv", "model,category,psu_efficiency_50 [(W]\nX,server,95\n"),
])
def test_unbalanced_bracket_in_a_unit_is_an_input_problem(tmp_path: Path, name: str, text: str) -> None:
    """A unit like "(W" is junk: manual_review or an error naming the file, never an exception."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = audit([path, CORPUS / "pdf-control.pdf"], AS_OF).report()
    assert "HT4100-G3" in {p.id for p in report.products}
