"""A row of units under a catalog's header (",,Gbps,kW,,mm" or "单位,,%,%") names the columns' units.

Regression: it was read as a product with an unknown category, and the units it gave were ignored, so a
firewall's "0.5" under a "kW" in that row was 0.5 W: 0.05 W/Gbps, a pass (the truth, 50 W/Gbps, fails).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checker.inputs.table_headers import units_row
from checker.pipeline import audit

AS_OF = date(2026, 11, 20)
FIREWALL = ("model,category,fw_throughput,fw_power,port_type,length,height,depth\n"
            "{units}\nF1,firewall,10,0.5,fixed,440,44,300\n")


def _clauses(path: Path) -> dict[str, tuple[str, float | None]]:
    report = audit([path], AS_OF).report()
    assert report.errors == [] and [p.id for p in report.products] == ["F1"]
    return {c.id: (c.status, c.value) for c in report.products[0].clauses}


@pytest.mark.parametrize("units", [",,Gbps,kW,,mm,mm,mm", "单位,,Gbps,kW,-,mm,mm,mm", "Unit,,Gb/s,千瓦,,mm,mm,mm"])
def test_a_units_row_in_a_csv(tmp_path: Path, units: str) -> None:
    path = tmp_path / "c.csv"
    path.write_text(FIREWALL.format(units=units), encoding="utf-8")
    clauses = _clauses(path)
    assert clauses["6.2.4/power-per-throughput"] == ("fail", 50.0)
    assert clauses["6.2.4/volume"][0] == "pass"


def test_a_units_row_in_a_workbook_and_its_row_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for line in FIREWALL.format(units=",,Gbps,kW,,mm,mm,mm").splitlines():
        book.active.append([cell or None for cell in line.split(",")])
    path = tmp_path / "c.xlsx"
    book.save(path)
    report = audit([path], AS_OF).report()
    power = next(c for c in report.products[0].clauses if c.id == "6.2.4/power-per-throughput")
    assert (power.status, power.value) == ("fail", 50.0)
    assert any(e.text.startswith("row 3: fw_power") for e in power.evidence)


def test_a_units_row_that_contradicts_the_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("model,category,fw_power [W]\n,,kW\nF1,firewall,500\n", encoding="utf-8")
    report = audit([path], AS_OF).report()
    assert report.products == [] and "the units row says 'kW', the header 'W'" in report.errors[0].error


@pytest.mark.parametrize(("row", "units"), [
    (["", "", "Gbps", "kW"], [None, None, "Gbps", "kW"]),
    (["F1", "firewall", "10", "0.5"], None),
    (["W", "firewall", "", ""], None),         # a product named "W" is still a product
    (["", "", "", ""], None),
    (["", "", "10 Gbps", ""], None),
])
def test_what_is_a_units_row(row: list[str], units: list[str | None] | None) -> None:
    assert units_row(row) == units
