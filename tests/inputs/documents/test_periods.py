"""A data centre report's statistics period, read from its own words (red-team finding of session 13: a 2024 report
was judged on 2025's limits, a wrong fail of PUE 1.38 and a 8.5 % renewable share)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

from .conftest import facts_of

MakePdf = Callable[..., Path]


@pytest.mark.parametrize(("line", "period"), [
    ("统计期：2024年1月1日 至 2024年12月31日", ("2024-01-01", "2024-12-31")),
    ("统计期：2024-01-01 至 2024-12-31", ("2024-01-01", "2024-12-31")),
    ("Reporting period: 1 January 2024 - 31 December 2024", ("2024-01-01", "2024-12-31")),
    ("Reporting period: July 1, 2024 to June 30, 2025", ("2024-07-01", "2025-06-30")),
    ("报告年度：2024 年度（1 月—12 月）", ("2024-01-01", "2024-12-31")),
    ("报告年度：2024 年度", ("2024-01-01", "2024-12-31")),
    ("报告年度：2024 年 3 季度", None),  # a quarter is no year
    ("统计期：2024年12月31日", None),  # one date is no period
    ("统计期：2024-12-31 至 2024-01-01", None),  # an end before its start
])
def test_period_read(make_pdf: MakePdf, line: str, period: tuple[str, str] | None) -> None:
    facts = facts_of(make_pdf([["数据中心年度能效报告", line, ("年均 PUE", "1.38")]], col_width=250), "datacenter")
    read = (facts["period_start"][0].value, facts["period_end"][0].value) if "period_start" in facts else None
    assert read == period


def test_limits_in_force_at_the_period_end(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["某数据中心 2024 年度能源利用状况报告", "统计期：2024年1月1日 至 2024年12月31日",
                     ("年均电能使用效率 PUE（实测）", "1.38"), ("可再生能源使用率", "8.5%")]], col_width=250)
    report = check([pdf], date(2026, 1, 1), category="datacenter").report()
    got = {c.id: c for c in report.products[0].clauses}
    assert (got["5.1/pue"].status, got["5.1/pue"].limit) == ("pass", 1.4)
    assert (got["5.2/renewable-share"].status, got["5.2/renewable-share"].limit) == ("pass", 5.0)


@pytest.mark.parametrize("label", ["审计期", "审计期间", "核查期", "考核期", "监测周期", "测试周期", "报告期间",
                                   "Audit period", "Verification period", "Monitoring period", "Period covered"])
def test_the_period_an_audit_or_a_test_covers(make_pdf: MakePdf, label: str) -> None:
    """The period labels are a family (red-team round 7 dcops, c01 '审计期', c38 '核查期': the 2024 limits were not
    used); the label may stand on the cover, the figure on a later page."""
    pdf = make_pdf([["某数据中心能源审计报告", f"{label}：2024年1月1日—2024年12月31日"],
                    ["数据中心电能比统计", ("年均PUE", "1.34"), ("可再生能源使用率", "12.0%")]], col_width=250)
    report = check([pdf], date(2026, 1, 1), category="datacenter").report()
    got = {c.id: c.status for c in report.products[0].clauses}
    assert got["5.1/pue"] == "pass" and got["5.2/renewable-share"] == "pass"  # 2024: 1.4 and 5 %, not 1.3 and 30 %


@pytest.mark.parametrize("lines", [
    ["PUE 测试报告（半年度）", "测试周期：2025年1月1日至2025年6月30日", "测试期间PUE：1.22",
     "说明：因7月起进行配电系统改造，下半年数据未纳入本次测试。"],
    ["PUE verification", "Verification period: 1 January 2025 - 30 June 2025", "PUE over the period: 1.22"],
    ["监测报告", "监测期：2024年10月1日至2025年3月31日", "PUE：1.19"],  # a winter half year
], ids=["cn-first-half", "en-half", "winter"])
def test_a_figure_over_part_of_a_year_is_not_the_annual_one(make_pdf: MakePdf, lines: list) -> None:
    """Red-team round 7 dcops, c16: a half year's PUE passed as the year's (its label '测试周期' was not read)."""
    report = check([make_pdf([lines], col_width=250)], date(2026, 1, 1), category="datacenter").report()
    row = next(c for c in report.products[0].clauses if c.id == "5.1/pue")
    assert row.status == "manual_review" and "not a year" in row.note
