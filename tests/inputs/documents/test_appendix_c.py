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
