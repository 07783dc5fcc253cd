"""Several numbers printed where one value is expected ("96%/90%", "1级/3级", "94 / 92 %") are not one
value: the reading is an unreadable fact (manual review), never the first number (issue #11 item 2).
Load lists ("20%/50%/100% load: a/b/c") are still paired, and one plain value is still read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf
from checker.pipeline import check

MakePdf = Callable[..., Path]


@pytest.mark.parametrize(("category", "rows", "field"), [
    ("server", ["Server", "PSU efficiency at 50% load: 96%/90%"], "psu_efficiency_50"),
    ("server", ["Server", "PSU efficiency at 50% load: 94 / 92 %"], "psu_efficiency_50"),
    ("server", ["Server", "PSU efficiency at 50% load: 90~94 %"], "psu_efficiency_50"),
    ("server", ["Server", "Power factor at 50% load: 0.95/0.98"], "psu_power_factor_50"),
    ("server", ["服务器", "50%负载电源效率：96%/90%"], "psu_efficiency_50"),
    ("desktop", ["台式微型计算机", "能效等级：1级/3级"], "energy_grade"),
    ("desktop", ["Desktop computer", "Idle noise: 33/38 dB(A)"], "noise_idle"),
    ("server", ["Server", ("Load", "20%", "50%", "100%"), ("Efficiency", "90.2%", "96%/90%", "91.0%")],
     "psu_efficiency_50"),
])
def test_several_values_are_unreadable(make_pdf: MakePdf, category: str, rows: list[object], field: str) -> None:
    facts = [f for f in read_pdf(make_pdf([rows], col_width=90), category).facts if f.field == field]
    assert len(facts) == 1
    assert facts[0].value is None
    assert facts[0].note.startswith("unreadable: several values")


def test_several_values_clause_is_manual_review(make_pdf: MakePdf) -> None:
    path = make_pdf([["Server", "Model: JX-1", "PSU efficiency at 50% load: 96%/90%"]])
    report = check([path], date(2026, 1, 1), category="server").report()
    result = next(c for c in report.products[0].clauses if c.id == "6.2.1/psu-eff-50")
    assert result.status == "manual_review"
    assert "several values" in result.note


def test_same_figure_in_two_units_is_not_several(make_pdf: MakePdf) -> None:
    facts = read_pdf(make_pdf([["Diesel generator set", "Rated power: 80 kW / 100 kVA"]]), "generator").facts
    assert [(f.value, f.unit, f.note) for f in facts if f.field == "rated_power"] == [(80.0, "kW", "")]


def test_load_list_is_still_paired(make_pdf: MakePdf) -> None:
    path = make_pdf([["Server", "PSU efficiency at 20%/50%/100% load: 90.1%/94.1%/91.9% respectively."]])
    facts = {f.field: f.value for f in read_pdf(path, "server").facts}
    assert facts == {"psu_efficiency_20": 90.1, "psu_efficiency_50": 94.1, "psu_efficiency_100": 91.9}


def test_one_value_is_still_read(make_pdf: MakePdf) -> None:
    facts = read_pdf(make_pdf([["Server", "PSU efficiency at 50% load: 94.5%"]]), "server").facts
    assert [(f.field, f.value, f.note) for f in facts] == [("psu_efficiency_50", 94.5, "")]


@pytest.mark.parametrize(("row", "clause"), [
    ("50% || 90.5–93.0 % || 0.98", "6.2.1/psu-eff-50"),
    ("20% || 91.4 || 0.96–0.99", "6.2.1/psu-pf-20"),
], ids=["efficiency-range", "power-factor-range"])
def test_a_range_of_readings_goes_to_a_person(make_pdf: MakePdf, row: str, clause: str) -> None:
    """A range of units' readings (red-team round 3): "0.96–0.99" was read as 0.0 and "90.5–93.0 %" as 90.0, so an
    honest sheet failed. Both ends are read; which one the clause means, a person decides."""
    path = make_pdf([["Server SR-1 test report", ("负载率", "效率(%)", "功率因数"), tuple(row.split(" || "))]])
    report = check([path], date(2026, 1, 1), category="server").report()
    found = next(c for c in report.products[0].clauses if c.id == clause)
    assert found.status == "manual_review"


@pytest.mark.parametrize("line", ["2 产品可再生利用率：86.4 %",
                                  "2 产品可再生利用率（依据 GB/T 32355.2 及附录 C）：计算结果 86.4 %",
                                  "3. Recyclability rate: 86.4 %"], ids=["zh", "zh-method", "en-dotted"])
def test_a_line_s_item_number_is_no_value(make_pdf: MakePdf, line: str) -> None:
    """Red-team round 5 (bids): "2 产品可再生利用率…：86.4 %" read the item number 2 as a second recyclability (2 %),
    a conflict for a person instead of a pass."""
    report = check([make_pdf([["服务器 SR-1 技术规格", line]])], date(2026, 1, 1), category="server").report()
    assert next(c.status for c in report.products[0].clauses if c.id == "6.2.1/recyclability") == "pass"
