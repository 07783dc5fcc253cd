"""Data-centre figures of less than the data centre (red-team round 7, data-centre operation): a PUE or WUE whose
numerator leaves out a part of the facility (c20 'WUE（不含冷却塔补水）', c22 a PUE without the shared chiller
plant) is at least the printed figure: it can fail, never pass; buildings outside the data centre and the IT energy's
own metering stay honest passes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]
PERIOD = "统计期：2025年1月1日至2025年12月31日"


def _status(make_pdf: MakePdf, lines: list, clause: str) -> str:
    report = check([make_pdf([lines])], date(2026, 6, 30), category="datacenter").report()
    return next(c.status for c in report.products[0].clauses if c.id == clause)


@pytest.mark.parametrize(("lines", "clause", "expected"), [
    (["统计范围：2号楼（不含动力中心冷站）", PERIOD, "年均PUE：1.24"], "5.1/pue", "manual_review"),
    ([PERIOD, "年均PUE：1.24", "注：园区冷源站（冷水机组、冷却塔）为共用，耗电量 5,200 MWh 未分摊。"], "5.1/pue",
     "manual_review"),
    (["Statistics period: 2025-01-01 to 2025-12-31", "Annual PUE 1.22 (excluding UPS and transformer losses)"],
     "5.1/pue", "manual_review"),
    (["Statistics period: 2025-01-01 to 2025-12-31", "Annual PUE: 1.27", "Scope: IT halls, excl. chiller plant"],
     "5.1/pue", "manual_review"),
    ([PERIOD, "年均PUE：1.36（不含照明及变配电损耗）"], "5.1/pue", "fail"),  # at least 1.36: fails either way
    ([PERIOD, "WUE（不含冷却塔补水）：0.42 L/kWh"], "5.3/wue", "manual_review"),
    (["Reporting period: 1 Jan 2025 - 31 Dec 2025", "WUE 0.38 L/kWh (excluding make-up water of the towers)"],
     "5.3/wue", "manual_review"),
    ([PERIOD, "WUE：2.70 L/kWh（扣除加湿用水）"], "5.3/wue", "fail"),
    # honest: buildings outside the data centre, the IT energy metered after the UPS, water including the towers
    (["统计范围：数据中心机房楼（不含园区办公楼及生活区）", PERIOD, "年均PUE：1.24"], "5.1/pue", "pass"),
    (["Scope: the data centre, excluding the office building and canteen", "Statistics period: 2025-01-01 to "
      "2025-12-31", "Annual PUE: 1.26"], "5.1/pue", "pass"),
    ([PERIOD, "IT设备耗电量（不含UPS损耗）：25,000 MWh", "年均PUE：1.25"], "5.1/pue", "pass"),
    ([PERIOD, "全年取水量（含冷却塔补水）：74,000 m³", "WUE：1.85 L/kWh"], "5.3/wue", "pass"),
], ids=["cn-chiller-plant", "cn-not-allocated", "en-ups-transformer", "en-chiller-scope", "cn-over-limit",
        "cn-wue-towers", "en-wue-make-up", "cn-wue-over", "office", "en-office", "it-after-ups", "water-with-towers"])
def test_a_figure_that_leaves_out_part_of_the_facility(make_pdf: MakePdf, lines: list, clause: str,
                                                        expected: str) -> None:
    assert _status(make_pdf, lines, clause) == expected


@pytest.mark.parametrize(("lines", "clause", "expected"), [
    (["集团可持续发展报告（摘录）", "报告期：2025年度", "集团可再生能源使用率：36.4%",
      "本次投标数据中心2025年度可再生能源电量未单独统计。"], "5.2/renewable-share", "manual_review"),
    (["Sustainability report 2025", "Reporting period: 1 Jan 2025 - 31 Dec 2025",
      "Group-wide renewable energy share: 41.0 %"], "5.2/renewable-share", "manual_review"),
    (["ESG报告", PERIOD, "公司整体年均PUE：1.24"], "5.1/pue", "manual_review"),
    (["Operations report", "Reporting period: 1 Jan 2025 - 31 Dec 2025",
      "Average PUE across all our data centres: 1.21"], "5.1/pue", "manual_review"),
    (["运营报告", PERIOD, "可再生能源使用率：33.0%", "注：上海外高桥机房的用电数据未单独计量，上述指标为园区合计。"],
     "5.2/renewable-share", "manual_review"),
    # honest: the data centre's own figure
    (["可再生能源使用情况说明", PERIOD, "数据中心可再生能源使用率：33.0%"], "5.2/renewable-share", "pass"),
    (["Renewable energy statement", "Reporting period: 1 Jan 2025 - 31 Dec 2025", "Renewable energy share: 31.5 %",
      "Lighting is not metered separately; it is included in the total."], "5.2/renewable-share", "pass"),
], ids=["cn-group", "en-group-wide", "cn-company", "en-all-sites", "cn-not-separate", "own", "en-lighting-included"])
def test_a_figure_of_a_larger_scope_than_the_data_centre(make_pdf: MakePdf, lines: list, clause: str,
                                                         expected: str) -> None:
    """Red-team round 7 dcops, c19: a group's share (another site's wind farm in it) passed as the data centre's."""
    assert _status(make_pdf, lines, clause) == expected
