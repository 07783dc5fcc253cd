"""Refrigerants and ODPs on cooling documents (red-team round 7, cooling: d13, c27, c29).

The ODP printed for another substance of the unit (its insulation's blowing agent, a fire-suppression agent) is not
the refrigerant's, and the refrigerant is read in the forms vendors print it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.models import ClauseResult
from checker.pipeline import check

MakePdf = Callable[..., Path]


def odp(path: Path) -> ClauseResult:
    report = check([path], date(2026, 12, 1), category="cooling").report()
    return next(c for p in report.products for c in p.clauses if c.id == "6.3.1.2/odp")


OTHER_SUBSTANCES = ["保温发泡剂 环戊烷，ODP 0", "保温材料 橡塑（发泡剂 ODP=0）",
                    "Insulation foam blowing agent: cyclopentane, ODP 0", "灭火剂 七氟丙烷 ODP 0",
                    "Fire suppression agent FK-5-1-12, ODP 0"]


@pytest.mark.parametrize("line", OTHER_SUBSTANCES)
@pytest.mark.parametrize(("refrigerant", "status"), [("制冷剂 HCFC-22（R22）", "fail"), ("Refrigerant R-22", "fail"),
                                                    ("制冷剂 R410A", "pass")])
def test_another_substances_odp_is_not_the_refrigerants(make_pdf: MakePdf, line: str, refrigerant: str,
                                                        status: str) -> None:
    pdf = make_pdf([["机房空调 ACR-30 环保说明", line, refrigerant]])
    assert odp(pdf).status == status


@pytest.mark.parametrize(("line", "status"), [("制冷剂 HCFC-22", "fail"), ("制冷剂 HCFC-123 (R123)", "fail"),
                                              ("制冷剂 R717（氨）", "pass"), ("Refrigerant: HFC-134a", "pass"),
                                              ("制冷剂 R22（可选 R407C）", "manual_review"),
                                              ("制冷剂：本机组采用 R22 制冷剂", "fail")])
def test_refrigerant_forms_on_a_sheet(make_pdf: MakePdf, line: str, status: str) -> None:
    pdf = make_pdf([["水冷螺杆冷水机组 WCS-900", line]])
    assert odp(pdf).status == status


def test_the_refrigerants_own_odp_still_reads(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["水冷螺杆冷水机组 WCS-900", "制冷剂 R134a，ODP 0"]])
    assert odp(pdf).status == "pass"


@pytest.mark.parametrize(("line", "status"), [
    ("Refrigerant R407C as standard; R22 version for retrofit markets on request", "manual_review"),
    ("制冷剂 R410A；可选 R22（旧机改造）", "manual_review"),
    ("Refrigerant R407C as standard", "pass"),  # the control: one refrigerant
])
def test_an_option_after_a_semicolon_is_named_too(make_pdf: MakePdf, line: str, status: str) -> None:
    """The refrigerant field runs to its cell's end (round 2 English sheets, cool09: "R407C as standard; R22 version
    … on request" was cut at the semicolon and passed on R407C's ODP 0 since this session's refrigerant reading)."""
    path = make_pdf([["Polaris Close Control CC-25", "Type Computer room air conditioner, air-cooled DX",
                      "Cooling capacity 25 kW", line]], col_width=400)
    assert odp(path).status == status
