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
