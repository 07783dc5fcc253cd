"""A catalog with a two-level header ("电源效率" over "20%负载 | 50%负载 | 100%负载", merged or spanning blank headers)
is read by field, its upper level's unit kept.

Before, the upper headers were not recognised and the lower row was taken as a product of unknown category: an
honest workbook gave no value at all.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checker.catalog.clauses import load_catalog
from checker.inputs.table_headers import two_level
from checker.pipeline import audit

AS_OF = date(2026, 11, 20)
ROWS = [["model", "category", "PSU efficiency (%)", None, None, "Power factor", None, None],
        [None, None, "20%", "50%", "100%", "20%", "50%", "100%"],
        ["X1", "server", 95, 93, 92, 0.95, 0.96, 0.97]]
ROWS_ZH = [["型号", "类别", "电源效率", None, None, "功率因数", None, None],
           [None, None, "20%负载", "50%负载", "100%负载", "20%负载", "50%负载", "100%负载"],
           ["X1", "服务器", 95, 93, 92, 0.95, 0.96, 0.97]]


def _clauses(path: Path) -> dict[str, tuple[str, float | None]]:
    report = audit([path], AS_OF).report()
    assert report.errors == [] and [p.id for p in report.products] == ["X1"]
    return {c.id: (c.status, c.value) for c in report.products[0].clauses if c.id.startswith("6.2.1/psu")}


EXPECTED = {"6.2.1/psu-eff-20": ("pass", 95.0), "6.2.1/psu-eff-50": ("fail", 93.0),
            "6.2.1/psu-eff-100": ("pass", 92.0), "6.2.1/psu-pf-20": ("pass", 0.95),
            "6.2.1/psu-pf-50": ("pass", 0.96), "6.2.1/psu-pf-100": ("pass", 0.97)}


@pytest.mark.parametrize("rows", [ROWS, ROWS_ZH], ids=["en", "zh"])
def test_a_merged_two_level_header_in_a_workbook(tmp_path: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.active.merge_cells("C1:E1")
    book.active.merge_cells("F1:H1")
    path = tmp_path / "c.xlsx"
    book.save(path)
    assert _clauses(path) == EXPECTED


@pytest.mark.parametrize("rows", [ROWS, ROWS_ZH], ids=["en", "zh"])
def test_a_two_level_header_in_a_csv(tmp_path: Path, rows: list[list[object]]) -> None:
    path = tmp_path / "c.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["" if cell is None else cell for cell in row] for row in rows])
    assert _clauses(path) == EXPECTED


@pytest.mark.parametrize(("headers", "first"), [
    (["model", "category", "效率"], ["", "", "50%"]),               # one pair only: no header level
    (["model", "category", "Efficiency", ""], ["X1", "server", "20%", "50%"]),  # the model is given: a product
    (["model", "category", "Remarks", ""], ["", "", "tested", "2025"]),          # names no field
])
def test_what_is_no_second_header_level(headers: list[str], first: list[str]) -> None:
    labels = [header or f"Unnamed: {index}" for index, header in enumerate(headers)]
    assert two_level(labels, first, load_catalog()) is None
