"""A renewable share resting on certificates of another vintage than the statistics period (red-team round 7,
data-centre operation, c18: 12,800 GECs of 2022 made a 2025 share of 32.0 % that passed) goes to a person; one of the
period's own vintage stays an honest pass."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.catalog.vintage import other_vintages, vintages
from checker.pipeline import check

MakePdf = Callable[..., Path]


def _share(make_pdf: MakePdf, lines: list) -> tuple[str, str]:
    report = check([make_pdf([lines], col_width=250)], date(2026, 6, 30), category="datacenter").report()
    row = next(c for c in report.products[0].clauses if c.id == "5.2/renewable-share")
    return row.status, row.note


@pytest.mark.parametrize(("lines", "expected"), [
    (["2025年度可再生能源使用率核算", "统计期：2025年1月1日—2025年12月31日",
      "绿证：12,800 张（生产年份：2022年，集团2023年采购结转）", "可再生能源使用率：32.0%"], "manual_review"),
    (["Renewable energy statement FY2025", "Reporting period: 1 Jan 2025 - 31 Dec 2025",
      "Unbundled GECs: 14,000 MWh, vintage 2023", "Renewable energy share: 33.1 %"], "manual_review"),
    (["可再生能源使用情况（2025年度）", "统计期：2025年1月—12月", "绿色电力证书 9,000 张，电量生产年份2022年至2023年",
      "可再生能源使用率：35.0%"], "manual_review"),
    (["Renewable energy share: 31.0 %", "Certificates: 2024 vintage I-RECs, 20,000 MWh"], "manual_review"),  # no period
    # honest: the period's own vintage, or no certificates named
    (["可再生能源使用情况说明（2025年度）", "统计期：2025年1月—12月", "绿证（GEC）：4,000 张，生产年份 2025 年",
      "可再生能源使用率：31.7%"], "pass"),
    (["Renewable energy statement", "Reporting period: 1 Jan 2025 - 31 Dec 2025", "GECs of 2025 vintage: 18,000 MWh",
      "Renewable energy share: 30.5 %"], "pass"),
    (["可再生能源使用情况（2025年度）", "统计期：2025年1月—12月", "绿电交易电量 19,000 MWh（2023年签订的长期协议）",
      "可再生能源使用率：31.2%"], "pass"),
], ids=["cn-2022-for-2025", "en-vintage-2023", "cn-range", "en-no-period", "cn-same-vintage", "en-same-vintage",
        "contract-year-no-vintage"])
def test_certificates_of_another_vintage(make_pdf: MakePdf, lines: list, expected: str) -> None:
    status, note = _share(make_pdf, lines)
    assert status == expected
    assert ("vintage" in note) == (expected == "manual_review")


def test_the_vintage_words() -> None:
    assert vintages("GEC绿证9,000张，电量生产年份2022年（核发2023-02），用于2024年度") == {2022}
    assert vintages("GECs of 2022 vintage used for 2024") == {2022}
    assert vintages("林业碳汇 2024") == set()
    assert vintages("綠證 12,800 張（生產年份：2022年）") == {2022}  # Traditional forms read as Simplified ones
    assert other_vintages("生产年份 2024 年", range(2024, 2025)) == []
    assert other_vintages("生产年份 2024 年", None) == [2024]
