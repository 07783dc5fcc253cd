"""An XLSX catalog is read as its cells show: a number in a percentage-formatted cell is that percentage.

A vendor's workbook often stores 94.5 % as 0.945 with the format ``0.0%``; read bare, it was an implausible
0.945 % sent to a person, and a 0.85 power factor stored as 85 % (shown "85%") read as 0.85 is right only
because the parser reads "85 %" as 0.85.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checker.inputs.table_files import _is_percent_format
from checker.pipeline import audit

AS_OF = date(2026, 11, 20)


def _statuses(tmp_path: Path, cells: dict[str, tuple[object, str]]) -> dict[str, tuple[str, float | None]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["model", "category", *cells])
    sheet.append(["X1", "server", *(value for value, _ in cells.values())])
    for column, (_, number_format) in enumerate(cells.values(), start=3):
        sheet.cell(row=2, column=column).number_format = number_format
    path = tmp_path / "catalog.xlsx"
    book.save(path)
    product = audit([path], AS_OF).report().products[0]
    return {c.id: (c.status, c.value) for c in product.clauses}


@pytest.mark.parametrize(("value", "number_format", "status", "shown"), [
    (0.945, "0.0%", "pass", 94.5),
    (0.945, "0%", "pass", 94.5),          # the stored value, not the rounded "95%" on screen
    (0.935, "0%", "fail", 93.5),          # Excel shows 94%: the stored 93.5 % decides
    (0.93, "0.00%", "fail", 93.0),
    (94.5, "0.0", "pass", 94.5),          # a plain number in a percent column
    (94.5, '0.0"%"', "pass", 94.5),       # a quoted % is printed, not multiplied
    (0.945, "General", "manual_review", None),  # a bare fraction stays implausible
])
def test_percent_formatted_efficiency(tmp_path: Path, value: float, number_format: str, status: str,
                                      shown: float | None) -> None:
    result = _statuses(tmp_path, {"psu_efficiency_50": (value, number_format)})["6.2.1/psu-eff-50"]
    assert result == (status, shown)


@pytest.mark.parametrize(("value", "number_format", "status"), [
    (0.85, "0%", "fail"),
    (0.95, "0%", "pass"),
    (0.85, "General", "fail"),
])
def test_percent_formatted_power_factor(tmp_path: Path, value: float, number_format: str, status: str) -> None:
    assert _statuses(tmp_path, {"psu_power_factor_50": (value, number_format)})["6.2.1/psu-pf-50"][0] == status


@pytest.mark.parametrize(("number_format", "percent"), [
    ("0%", True), ("0.00%", True), ("[Red]0.0%", True), ("0.0%;[Red]-0.0%", True),
    ("General", False), ("0.0", False), ('0.0"%"', False), ("0.0\\%", False), ("[$%-409]0.0", False),
])
def test_percent_format_words(number_format: str, percent: bool) -> None:
    assert _is_percent_format(number_format) is percent
