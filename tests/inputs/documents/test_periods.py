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
