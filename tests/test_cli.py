"""The `checker` command: INTERFACE.md §3 and §4 (formats, exit codes, one-line errors)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_clauses_json_lists_every_clause(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "clauses", "--format", "json")
    ids = [c["id"] for c in json.loads(out)]
    assert code == 0 and "6.2.3/teer" in ids and "6.1.7/pops" in ids and len(ids) == len(set(ids))


def test_clauses_for_a_category(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "clauses", "--category", "generator")
    assert code == 0 and "6.3.5/fuel-consumption" in out and "6.2.1" not in out


def test_template_prints_a_header_that_audits(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, header, _ = run(capsys, "template", "server")
    columns = header.strip().split(",")
    assert columns[:3] == ["model", "manufacturer", "category"] and "psu_efficiency_50" in columns
    path = tmp_path / "t.csv"
    row = {c: "" for c in columns} | {"model": "X", "category": "server", "psu_efficiency_50": "95"}
    pd.DataFrame([row]).to_csv(path, index=False)
    code, out, _ = run(capsys, "audit", str(path), "--format", "json")
    assert code == 1 and json.loads(out)["errors"] == []


@pytest.mark.parametrize("category", ["server", "storage", "desktop", "laptop", "monitor", "switch", "firewall",
                                      "cooling", "ups", "pdu", "generator", "cable", "motor", "compressor",
                                      "fan", "transformer", "pump", "datacenter"])
def test_every_template_header_is_recognised(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             category: str) -> None:
    """Regression: the compressor template's "specific_power [kW/(m**3/min)]" (a unit with brackets of
    its own) was not recognised by the audit it was printed for."""
    _, header, _ = run(capsys, "template", category)
    path = tmp_path / "t.csv"
    path.write_text(header.strip() + "\n" + ",".join(["X", "", category] + [""] * (header.count(",") - 2)) + "\n",
                    encoding="utf-8")
    _, out, _ = run(capsys, "audit", str(path), "--format", "json")
    assert json.loads(out)["errors"] == []


def test_check_json_report_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLES / "records/server-SR2U.yaml"), "--format", "json",
                       "--as-of", "2026-11-20")
    report = json.loads(out)
    assert code == 1
    assert report["standard"] == "绿色数据中心政府采购需求标准（试行）" and report["as_of"] == "2026-11-20"
    product = report["products"][0]
    assert set(product) == {"id", "category", "sources", "verdict", "clauses"}
    clause = next(c for c in product["clauses"] if c["id"] == "6.2.1/psu-eff-50")
    assert clause == {"id": "6.2.1/psu-eff-50", "status": "fail", "value": 93.8, "unit": "%", "limit": 94.0,
                      "op": ">=", "margin": -0.2,
                      "evidence": [{"source": "SR-2U-X8-report.pdf", "page": 3, "text": "50%  93.8%  0.991",
                                    "ocr": False}], "note": ""}


def test_exit_code_zero_when_every_product_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "check", str(SAMPLES / "records/pdu-P24.yaml"), "--format", "json")
    assert code == 0


def test_exit_code_two_and_one_line_on_unusable_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "check", str(bad), "--format", "text")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(SAMPLES / "records/pdu-P24.yaml"), "--as-of", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx", "html", "json", "text"])
def test_audit_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    code, _, _ = run(capsys, "audit", str(SAMPLES / "catalogs/servers.csv"), "--format", fmt, "--out", str(out))
    assert code == 1 and out.stat().st_size > 0
    if fmt in ("csv", "parquet"):
        table = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert list(table.columns[:3]) == ["id", "category", "verdict"]
        assert "6.2.1/psu-eff-50" in table.columns and len(table) == 6
        assert set(table["6.2.1/psu-eff-50"]) <= {"pass", "fail", "not_applicable", "missing_evidence",
                                                  "manual_review"}


def test_pdu_calculator_and_energy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calc", "pdu", "--power", "2", "--outlets", "4")
    assert code == 0 and json.loads(out)["clauses"][0]["value"] == 0.5
    code, out, _ = run(capsys, "calc", "pdu", "--power", "2.1", "--outlets", "4")
    assert code == 1 and json.loads(out)["clauses"][0]["status"] == "fail"


def test_installed_console_script_runs() -> None:
    done = subprocess.run([sys.executable, "-m", "checker.cli", "clauses", "--category", "pdu"],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0 and "6.3.4/outlet-power" in done.stdout


# Issue 14 item 10: options validated, errors only on stderr, closed streams handled
def _run_shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("value", ["inf", "nan", "1e300", "-1", "0", "abc"])
def test_timeout_must_be_a_finite_positive_number(value: str) -> None:
    done = _run_shell(f"{sys.executable} -m checker audit samples/records/server-SR2U.yaml --timeout {value}")
    assert done.returncode == 2
    assert "--timeout" in done.stderr and "Traceback" not in done.stderr


def test_empty_folder_says_why(tmp_path: Path) -> None:
    done = _run_shell(f"{sys.executable} -m checker audit {tmp_path}")
    assert done.returncode == 2
    assert "empty" in done.stderr


def test_closed_stdout_is_a_one_line_error() -> None:
    done = _run_shell(f"{sys.executable} -m checker check samples/records/server-SR2U.yaml >&-")
    assert done.returncode == 2
    assert "standard output is closed" in done.stderr and "Traceback" not in done.stderr


def test_closed_stderr_keeps_errors_out_of_the_json() -> None:
    done = _run_shell(f"{sys.executable} -m checker audit samples/records/server-SR2U.yaml missing.pdf "
                      f"--format json 2>&-")
    report = json.loads(done.stdout)  # still valid JSON: no error line mixed into it
    assert report["errors"]


def test_an_error_names_its_file_once_in_the_text_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"error: a.csv: a.csv: no category column" read twice the file's name: once, whether or not the error
    text begins with it."""
    nameless = tmp_path / "a.csv"
    nameless.write_text("model,psu_efficiency_50\nX,95\n", encoding="utf-8")
    good = tmp_path / "b.csv"
    good.write_text("model,category,psu_efficiency_50\nY,server,95\n", encoding="utf-8")
    code, out, _ = run(capsys, "audit", str(nameless), str(good), "--format", "text")
    errors = [line for line in out.splitlines() if line.startswith("error")]
    assert code == 1 and errors and all(line.count(str(nameless)) == 1 for line in errors)
    assert any("no category column" in line for line in errors)
