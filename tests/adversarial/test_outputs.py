"""Issue 14 items 1-3 and 9: outputs never attack their reader, and every format writes every name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from checker.outputs.safe_text import markdown, printable, spreadsheet, terminal

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_IDS = ['=HYPERLINK("http://x/?"&A1,"click")', "=cmd|'/c calc'!A1", "+1+1", "-2+3", "@SUM(1+1)",
               "SRV\x1b[2K\r verdict: PASS", "ID\x0bwith vt", "＝1+1"]


def _catalog(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.csv"
    rows = ["model,category,psu_efficiency_50"]
    rows += ['"' + text.replace('"', '""') + '",server,90' for text in HOSTILE_IDS]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _audit(path: Path, fmt: str, out: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "checker", "audit", str(path), "--format", fmt]
    if out:
        command += ["--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    done = _audit(_catalog(tmp_path), "csv")
    import csv
    import io

    ids = [row["id"] for row in csv.DictReader(io.StringIO(done.stdout))]
    assert len(ids) == len(HOSTILE_IDS)
    assert all(not cell.startswith(("=", "+", "-", "@", "＝")) for cell in ids), ids
    assert all("\x1b" not in cell and "\x0b" not in cell for cell in ids)


def test_xlsx_holds_no_formula_and_writes_control_characters(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    done = _audit(_catalog(tmp_path), "xlsx", out)
    assert done.returncode in (0, 1), done.stderr
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "＝")), cell.value


def test_text_output_escapes_terminal_controls(tmp_path: Path) -> None:
    done = _audit(_catalog(tmp_path), "text")
    assert "\x1b" not in done.stdout and "\r" not in done.stdout and "\x0b" not in done.stdout
    assert "SRV\\x1b[2K\\x0d verdict: PASS" in done.stdout  # shown, not run


@pytest.mark.parametrize("fmt", ["json", "html", "text", "csv"])
def test_a_file_name_that_is_not_utf8_is_written(tmp_path: Path, fmt: str) -> None:
    folder = os.fsencode(tmp_path) + b"/bad\xff.yaml"
    with open(folder, "wb") as handle:
        handle.write(b"category: server\npsu_efficiency_50: 95\n")
    done = subprocess.run([sys.executable, "-m", "checker", "audit", str(tmp_path), "--format", fmt],
                          capture_output=True, cwd=ROOT, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    text = done.stdout.decode("utf-8")
    if fmt == "json":
        text = json.loads(text)["products"][0]["id"]
    assert "bad\\xff" in text


def test_helpers() -> None:
    assert spreadsheet("=1+1") == "'=1+1" and spreadsheet(94.5) == 94.5 and spreadsheet("SR-1") == "SR-1"
    assert terminal("a\x1b[2Kb\rc\nd") == "a\\x1b[2Kb\\x0dc\\x0ad"
    assert printable("x\u202ey") == "x\\u202ey"  # a right-to-left override cannot reorder the line
    shown = markdown("SRV ![p](http://127.0.0.1:8999/track.png) [Click](http://x)")
    assert "![" not in shown and "](" not in shown
    assert markdown("<img src=x>") == "\\<img src=x\\>"
