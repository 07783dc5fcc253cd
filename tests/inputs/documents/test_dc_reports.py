"""Data-centre reports (red-team round 3, data centres): the best month presented as the year's, a report that names
its year in a line or as a calendar year without dates, a quarter's report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]


@pytest.mark.parametrize(("lines", "clause", "expected"), [
    (["2024年度数据中心能耗运行月报汇总", "统计期：2024年1月—12月", ("月份", "PUE"), ("1月", "1.18"), ("7月", "1.55"),
      "2024年全年最优月度PUE为1.18（1月），达到行业领先水平。"], "5.1/pue", "missing_evidence"),
    (["云泽亦庄数据中心2024年度可再生能源使用情况",
      "2024年度，本数据中心总耗电量52,000 MWh，其中可再生能源电量3,224 MWh，可再生能源使用率6.2%。"],
     "5.2/renewable-share", "pass"),  # 2024: Table 1's 5 %, not today's 30 %
    (["Annual Energy Report FY2024", "Annual PUE 1.36", "All figures cover the financial year 2024 (calendar year)."],
     "5.1/pue", "pass"),  # 2024: 1.4, not 1.3
    (["数据中心电能比阶段性测试报告", "统计期：2024年10月1日至2024年12月31日", "统计期内数据中心电能比（PUE）为1.24。"],
     "5.1/pue", "manual_review"),  # a quarter
], ids=["best-month", "year-in-the-line", "calendar-year", "quarter"])
def test_a_report_s_period_and_figure(make_pdf: MakePdf, lines: list, clause: str, expected: str) -> None:
    report = check([make_pdf([lines])], date(2026, 12, 7), category="datacenter").report()
    assert {c.id: c.status for c in report.products[0].clauses}[clause] == expected
