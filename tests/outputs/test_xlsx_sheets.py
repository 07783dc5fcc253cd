"""Issue 14 item 8: every sheet of a workbook is read; blank rows and stray far-away cells cost nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from workbooks import write_workbook

from checker.pipeline import audit

AS_OF = date(2026, 11, 20)




HEADER = ["model", "category", "psu_efficiency_50"]


def test_every_sheet_is_read_and_named_in_the_ids(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "bid.xlsx", {"Servers": [HEADER, ["SR-1", "server", 95], [None, None, None],
                                                          ["SR-2", "server", 93]],
                                             "Switches": [HEADER, ["SW-1", "switch", 93]], "Notes": []})
    report = audit([path], AS_OF).report()
    ids = {p.id: p for p in report.products}
    assert set(ids) == {"Servers/SR-1", "Servers/SR-2", "Switches/SW-1"}
    assert not report.errors
    sr2 = {c.id: c for c in ids["Servers/SR-2"].clauses}["6.2.1/psu-eff-50"]
    assert sr2.status == "fail"
    assert sr2.evidence[0].text.startswith("row 4:")  # the sheet's own row number, the blank row skipped
    assert "[Servers]" in sr2.evidence[0].source


def test_a_stray_far_cell_is_one_row_not_a_million(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "stray.xlsx", {"Servers": [HEADER, ["SR-1", "server", 95]]})
    book = openpyxl.load_workbook(path)
    book["Servers"]["A1048576"] = "stray"
    book.save(path)
    report = audit([path], AS_OF).report()
    assert [p.id for p in report.products] == ["SR-1"]
    assert len(report.errors) == 1 and "stray" in report.errors[0].error


def test_a_bad_sheet_does_not_lose_the_others(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "mixed.xlsx", {"Good": [HEADER, ["SR-1", "server", 95]],
                                               "Bad": [["model", "psu_efficiency_50"], ["X", 90]]})
    report = audit([path], AS_OF).report()
    assert [p.id for p in report.products] == ["Good/SR-1"]
    assert any("Bad" in e.error and "category" in e.error for e in report.errors)


@pytest.mark.parametrize("formula", ["=95", '=HYPERLINK("http://x","96")'])
def test_formulas_are_not_evaluated(tmp_path: Path, formula: str) -> None:
    path = write_workbook(tmp_path / "formula.xlsx", {"Servers": [HEADER, ["SR-1", "server", formula]]})
    product = audit([path], AS_OF).report().products[0]
    assert {c.id: c for c in product.clauses}["6.2.1/psu-eff-50"].status != "pass"
