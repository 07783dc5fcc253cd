"""Appendix C's table as a report prints it: the whole product's masses beside the rate (red-team round 6, pc103: a
printed 82.0 % passed beside masses that give 70.2 %)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]


@pytest.mark.parametrize(("recyclable", "status"), [("5615", "manual_review"), ("6560", "pass")])
def test_a_printed_rate_against_its_masses(make_pdf: MakePdf, recyclable: str, status: str) -> None:
    pdf = make_pdf([["附录 C 可再生利用率评估计算表", "产品名称 台式微型计算机", "型号规格 D-100",
                     ("部件名称", "质量 (g)", "材质可再生利用质量 (g)"), ("机箱", "5200", "4800"),
                     ("主板", "900", "450"), ("整机质量 (g)", "8000"), ("整机材质可再生利用质量 (g)", recyclable),
                     ("整机可再生利用率", "82.0%")]],
                   col_width=170)
    report = check([pdf], date(2026, 1, 1), category="desktop").report()
    found = next(c for c in report.products[0].clauses if c.id == "6.2.2/recyclability")
    assert found.status == status


@pytest.mark.parametrize(("recyclable", "status"), [("16 800", "manual_review"), ("18 600", "pass")])
def test_masses_grouped_by_spaces_under_a_unit_label(make_pdf: MakePdf, recyclable: str, status: str) -> None:
    """GB-style thousands with the unit in the label only ('整机质量 (g) 21 350'): one mass, not 21 and 350 (red-team
    round 1, S19: the masses were not read and a printed 86.7 % passed beside masses giving 78.7 %)."""
    pdf = make_pdf([["附录 C 可再生利用率评估计算表", "产品名称 机架式服务器", "型号（系列） HX-2288X V7",
                     "整机质量 (g) 21 350", ("部件名称", "质量 (g)", "材质名称", "材质可再生利用质量 (g)"),
                     ("机箱", "12100", "金属(钢)", "10440"), f"整机【材质可再生利用质量】(g) {recyclable}",
                     "整机可再生利用率 86.7%"]], col_width=130)
    report = check([pdf], date(2026, 1, 1), category="server").report()
    found = next(c for c in report.products[0].clauses if c.id == "6.2.1/recyclability")
    assert found.status == status
