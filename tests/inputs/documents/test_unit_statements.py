"""A results table's unit stated outside the table (red-team round 7, materials M28, M29, M32, T10: false passes).

Labs print the unit once, in a caption ("检测结果（单位：%）", "Test results (unit: %)") or a footnote
("注：表中检出限、限值及结果的单位均为 %", "All results in ppm"), and the table's numbers bare. Those numbers, and
their detection limits printed bare, are in that unit; mg/kg is assumed only where the page states none. Two units
stated, or one the reader cannot use for a concentration, leave the value to a person. A 单位 that is an
organisation (委托单位) states no unit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.models import ClauseResult
from checker.pipeline import check

MakePdf = Callable[..., Path]

HEADER = ("检测项目", "限值", "S01", "S02")
EN_HEADER = ("Test Item", "Limit", "001", "002")


def results(path: Path, category: str = "server") -> dict[str, ClauseResult]:
    report = check([path], date(2026, 12, 1), category=category).report()
    assert not report.errors, report.errors
    return {c.id: c for p in report.products for c in p.clauses}


def table(cd: str, *, header: tuple[str, ...] = HEADER, pb: str = "N.D.") -> list[tuple[str, ...]]:
    """A two-sample substance table printing its numbers without a unit."""
    return [header, ("铅 (Pb)", "0.1", "N.D.", pb), ("镉 (Cd)", "0.01", "N.D.", cd)]


@pytest.mark.parametrize(("above", "below", "cd", "value"), [
    (["检测结果（单位：%）"], [], "0.012", 120.0),  # M28: a Chinese caption
    (["Test results (unit: %)"], [], "0.015", 150.0),  # M29: an English caption
    (["Results (Unit: wt %)"], [], "0.015", 150.0),
    (["检测结果"], ["注：1. 表中检出限、限值及结果的单位均为 %（质量分数）；2. N.D. 表示未检出。"], "0.012",
     120.0),  # M32: a footnote
    (["检测结果"], ["注：检测结果以 % 计。"], "0.012", 120.0),
    (["Test results"], ["Note: all results are expressed in %."], "0.02", 200.0),
    (["检测结果（单位为 ppm）"], [], "150", 150.0),
])
def test_stated_unit_fails_the_sample(make_pdf: MakePdf, above: list[str], below: list[str], cd: str,
                                      value: float) -> None:
    pdf = make_pdf([["检测报告 Test report", *above, *table(cd), *below]], col_width=90)
    got = results(pdf)["6.1.11/cd"]
    assert (got.status, got.value) == ("fail", value)


@pytest.mark.parametrize("above", [["检测结果（单位：mg/kg）"], ["All results in ppm"], ["检测结果"]])
def test_stated_mg_per_kg_passes(make_pdf: MakePdf, above: list[str]) -> None:
    """An honest table in mg/kg (stated, or stated nowhere: mg/kg as before) passes on its numbers."""
    pdf = make_pdf([["检测报告", *above, *table("12", pb="35")]], col_width=90)
    got = results(pdf)
    assert (got["6.1.11/cd"].status, got["6.1.11/cd"].value) == ("pass", 12.0)
    assert (got["6.1.11/pb"].status, got["6.1.11/pb"].value) == ("pass", 35.0)


@pytest.mark.parametrize(("above", "below"), [
    (["检测结果（单位：%）"], ["注：结果单位为 mg/kg。"]),  # two statements that conflict
    (["Test results (unit: %)"], ["All results in ppm."]),
    (["检测结果（单位：mg/L）"], []),  # a unit a content in a material cannot be in
])
def test_conflicting_or_unusable_statement_goes_to_a_person(make_pdf: MakePdf, above: list[str],
                                                            below: list[str]) -> None:
    pdf = make_pdf([["检测报告", *above, *table("12"), *below]], col_width=90)
    got = results(pdf)["6.1.11/cd"]
    assert got.status == "manual_review"
    assert "unit" in (got.note or "")


@pytest.mark.parametrize("line", ["委托单位：华测检测认证集团股份有限公司", "检测单位：SGS-CSTC",
                                  "外形尺寸（单位：mm）", "Unit: pcs"])
def test_no_statement_of_a_concentration_unit(make_pdf: MakePdf, line: str) -> None:
    """An organisation's 单位, a dimension table's mm, a count: the bare contents stay mg/kg, no doubt."""
    pdf = make_pdf([["检测报告", line, *table("12")]], col_width=90)
    got = results(pdf)["6.1.11/cd"]
    assert (got.status, got.value) == ("pass", 12.0)


@pytest.mark.parametrize(("caption", "mdl", "status"), [
    ("Test results (unit: %)", "0.02", "manual_review"),  # ND below 0.02 % = 200 mg/kg does not show Cd <= 100
    ("Test results (unit: %)", "0.0002", "pass"),  # below 2 mg/kg
    ("Test results (unit: mg/kg)", "2", "pass"),
])
def test_detection_limit_column_takes_the_stated_unit(make_pdf: MakePdf, caption: str, mdl: str, status: str) -> None:
    """M29: the MDL column's bare numbers are in the stated unit too (they were "< 0.0002 mg/kg")."""
    pdf = make_pdf([["Test report", caption, ("Test Item", "Limit", "MDL", "001", "002"),
                     ("Lead (Pb)", "0.1", mdl, "N.D.", "N.D."), ("Cadmium (Cd)", "0.01", mdl, "N.D.", "N.D.")]],
                   col_width=90)
    assert results(pdf)["6.1.11/cd"].status == status


def test_battery_caption(make_pdf: MakePdf) -> None:
    """T10: a battery report's caption in %: Hg 0.0003 % is 3 mg/kg, above 6.1.10's 1 mg/kg."""
    pdf = make_pdf([["SGS – Battery Test Report", ("Product", "Notebook computer"), ("Model", "LT-5450"),
                     ("Sample", "Li-ion battery pack 3-cell 54 Wh"), "Test results of battery (unit: %)",
                     ("Test Item", "RL", "Limit", "Result"), ("Mercury (Hg)", "0.0001", "0.0005", "0.0003"),
                     ("Lead (Pb)", "0.0001", "0.004", "0.0012")]], col_width=100)
    got = results(pdf, "laptop")
    assert (got["6.1.10/battery-hg"].status, got["6.1.10/battery-hg"].value) == ("fail", 3.0)
    assert got["6.1.10/battery-pb"].status == "pass"
