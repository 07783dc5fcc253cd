"""A cable's fluorine printed as the element's row ("氟 (F) | % | 68.5", red-team round 7 materials C07, C26: the
clause was missing evidence), in the unit of its row or of the table's caption."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]


@pytest.mark.parametrize(("rows", "status"), [
    ([("检测项目", "单位", "结果"), ("氟 (F)", "%", "68.5")], "fail"),
    ([("检测项目", "单位", "结果"), ("氟（F）", "mg/kg", "800")], "pass"),
    (["卤素含量检测结果（单位：mg/kg）", ("检测项目", "检出限", "结果"), ("氟 (F)", "50", "1500")], "fail"),
    ([("检测项目", "单位", "检出限", "结果"), ("氟元素", "%", "0.005", "未检出")], "pass"),
])
def test_fluorine_row(make_pdf: MakePdf, rows: list[object], status: str) -> None:
    pdf = make_pdf([["电缆卤素检测报告", ("产品名称", "低烟无卤电力电缆"), ("型号", "WDZ-YJY 4x25"), *rows]],
                   col_width=110)
    report = check([pdf], date(2026, 12, 1), category="cable").report()
    assert next(c.status for c in report.products[0].clauses if c.id == "6.1.5/cable-fluorine") == status
