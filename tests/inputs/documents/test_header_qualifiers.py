"""A results table whose column header says what its numbers are (red-team round 3, hostile IT documents): design
targets, typical or nominal values, or the standard's own limits ("限制值", the word of the standard's tables) are not
measurements, however the rows print them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]
SERVER_CLAUSES = ("6.2.1/psu-eff-20", "6.2.1/psu-eff-50", "6.2.1/psu-eff-100", "6.2.1/psu-pf-50")


def _statuses(path: Path, category: str, clauses: tuple[str, ...]) -> list[str]:
    report = check([path], date(2026, 1, 1), category=category).report()
    by_id = {c.id: c.status for c in report.products[0].clauses}
    return [by_id[clause] for clause in clauses]


def _server(header: tuple[str, str, str]) -> list:
    return ["星河 XH-R6 服务器 电源规格", "型号：XH-R6", header, ("20%", "91%", "0.96"), ("50%", "95%", "0.98"),
            ("100%", "92%", "0.99")]


@pytest.mark.parametrize("header", [
    ("负载率", "效率设计目标值", "功率因数设计目标值"),
    ("Load", "Target efficiency", "Target PF"),
    ("负载率", "效率典型值(%)", "功率因数典型值"),
    ("Load", "Nominal efficiency (%)", "Nominal PF"),
], ids=["design-target", "target-en", "typical-zh", "nominal-en"])
def test_a_qualified_header_passes_nothing(make_pdf: MakePdf, header: tuple[str, str, str]) -> None:
    statuses = _statuses(make_pdf([_server(header)], col_width=230), "server", SERVER_CLAUSES)
    assert "pass" not in statuses and "fail" not in statuses


@pytest.mark.parametrize("header", [
    ("负载率", "效率实测值(%)", "功率因数实测值"),
    ("Load", "Measured efficiency (%)", "Measured PF"),
    ("Load", "Efficiency (230 Vac)", "PF"),
], ids=["measured-zh", "measured-en", "plain-en"])
def test_a_measured_header_is_read(make_pdf: MakePdf, header: tuple[str, str, str]) -> None:
    """Controls: the same table under a header of measured values passes."""
    statuses = _statuses(make_pdf([_server(header)], col_width=230), "server", SERVER_CLAUSES)
    assert statuses == ["pass"] * 4


def test_the_standard_s_table_restated_under_its_own_word_is_no_measurement(make_pdf: MakePdf) -> None:
    lines = ["交换机产品技术指标符合性说明", "产品：ZX-S5960-48 固定端口以太网交换机（单路电源）",
             ("指标", "", "限制值"),
             ("单路电源输出效率", "20%负载", "88%"), ("", "50%负载", "92%"), ("", "100%负载", "88%"),
             ("单路电源最低功率因数(50%负载下的)", "", "0.90"), ("噪声发射", "有人值守", "7.6 Bels"),
             ("", "无人值守", "8.1 Bels"), "我司承诺上述指标全部满足。"]
    clauses = ("6.2.3/single-psu-eff-20", "6.2.3/single-psu-pf-50", "6.2.3/noise-attended",
               "6.2.3/noise-unattended")
    assert "pass" not in _statuses(make_pdf([lines], col_width=120), "switch", clauses)


@pytest.mark.parametrize(("line", "expected"), [
    ("TEER 实测值：412 Mbps/W", "pass"),
    ("Measured TEER: 0.25 Gbps/W", "fail"),  # 250 Mbps/W
    ("能效比值 TEER：1870 Mbps/W", "pass"),
    ("TEER：412", "missing_evidence"),  # no unit: Mbps/W or Gbps/W? not read
], ids=["zh", "gbps-per-watt", "label-zh", "bare"])
def test_a_printed_teer_is_read_with_its_unit(make_pdf: MakePdf, line: str, expected: str) -> None:
    """A switch report's TEER (red-team round 3): it was only ever worked out from Td and the powers."""
    path = make_pdf([["以太网交换机 SW-1 检测报告", "端口形态：固定端口", line]])
    assert _statuses(path, "switch", ("6.2.3/teer",)) == [expected]


def test_a_quantity_s_limit_column_beside_its_measured_column(make_pdf: MakePdf) -> None:
    """Red-team round 5 (bids): "效率限值 | 效率实测 | PF 限值 | PF 实测" read the limits as values too (conflicts)."""
    lines = ["服务器 SR-8 检测报告", ("负载率", "效率限值", "效率实测", "PF 限值", "PF 实测"),
             ("20%", "90%", "91.2%", "0.95", "0.941"), ("50%", "94%", "93.8%", "0.95", "0.982")]
    statuses = _statuses(make_pdf([lines], col_width=90), "server",
                         ("6.2.1/psu-eff-20", "6.2.1/psu-pf-20", "6.2.1/psu-eff-50", "6.2.1/psu-pf-50"))
    assert statuses == ["pass", "fail", "fail", "pass"]


@pytest.mark.parametrize(("line", "expected"), [("Power module PSR250-12A1, single-output 12 V DC", "pass"),
                                                ("电源模块：单路输出", "pass")], ids=["en", "zh"])
def test_a_power_module_s_output_type_names_the_psu_type(make_pdf: MakePdf, line: str, expected: str) -> None:
    """Red-team round 5 (English sheets): "Power module …, single-output" left the single-PSU clauses missing."""
    path = make_pdf([["Ethernet switch S-24 test report", line, "PSU efficiency at 50% load: 93.0 %"]])
    assert _statuses(path, "switch", ("6.2.3/single-psu-eff-50",)) == [expected]
