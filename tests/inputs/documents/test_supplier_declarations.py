"""Supplier declarations and material disclosures (red-team round 4): an alloy's designation, a list of detection
limits by element, exemptions named or claimed, a REACH statement, a concentration of the whole article, a
representative model's family declaration, a part maker's test, a battery's test summary and a surface spot test are
each read for what they are."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]


def _status(path: Path, category: str, clause: str) -> str:
    report = check([path], date(2026, 1, 1), category=category).report()
    return next(c.status for c in report.products[0].clauses if c.id == clause)


IPC = ["IPC-1752A Materials Declaration - Class C", "Item name CPU heatsink 1U, XS-R5300 G6",
       ("Subpart", "Homogeneous material", "Substance", "CAS", "PPM")]


@pytest.mark.parametrize(("lines", "category", "clause", "expected"), [
    ([*IPC, ("Heatsink base", "Aluminium 6063-T5", "Lead", "7439-92-1", "200")], "server", "6.1.11/pb", "pass"),
    (["XRF 有害物质筛选结果", "产品 液晶显示器 HP-2719L", ("部件", "Pb", "Cd", "Hg"), ("后壳", "N.D.", "N.D.", "N.D."),
      "检出限（mg/kg）：Pb 300，Cd 150，Hg 300，Cr 300。N.D. = 低于检出限"], "monitor", "6.1.11/cd", "manual_review"),
    (["XRF 有害物质筛选结果", "产品 液晶显示器 HP-2719L", ("部件", "Pb", "Cd", "Hg"), ("后壳", "N.D.", "N.D.", "N.D."),
      "检出限（mg/kg）：Pb 300，Cd 150，Hg 300，Cr 300。N.D. = 低于检出限"], "monitor", "6.1.11/pb", "pass"),
    (["EU Declaration of Conformity", "Product: storage system HS-5500", "Exemptions applied:",
      "6(c) Copper alloy containing up to 4 % lead by weight"], "storage", "6.1.11/pb", "manual_review"),
    ([*IPC[:2], "Exemptions: 6(c) Copper alloy containing up to 4 % lead by weight", IPC[2],
      ("Contact pin", "CuZn39Pb3 brass", "Lead", "7439-92-1", "30000")], "server", "6.1.11/pb", "manual_review"),
    ([*IPC[:2], "Exemptions claimed: 6(c)", IPC[2],
      ("Contact pin", "CuZn39Pb3 brass", "Lead", "7439-92-1", "300")], "server", "6.1.11/pb", "pass"),
    (["REACH Article 33 Communication", "Product XS-R5300 G6 rack server", ("SVHC", "CAS", "Location", "Concentration"),
      ("Lead", "7439-92-1", "Brass pins of I/O connectors", "3.5 % w/w")], "server", "6.1.11/pb", "manual_review"),
    (["Full Material Disclosure", "Product cable assembly for XS-R5300 G6", "Values are ppm of article.",
      "Lead (Pb): 600 ppm"], "server", "6.1.11/pb", "manual_review"),
    (["系列产品有害物质符合性声明", "适用范围：本声明适用于 XS-R5300 系列所有型号。", "代表性送检型号：XS-R5300 G3。",
      ("测试项目", "单位", "方法检出限", "限值", "结果"), ("铅 (Pb)", "mg/kg", "2", "1000", "61")], "server",
     "6.1.11/pb", "manual_review"),
    (["Hazardous Substance Test Summary", "Product XS-R5300 G6 server",
      "Scope Power supply unit (PSU) supplied for the product above - PSU only", ("Test item", "Unit", "MDL", "Result"),
      ("Lead (Pb)", "mg/kg", "2", "31")], "server", "6.1.11/pb", "manual_review"),
    (["Hazardous Substance Test Summary", "Product XS-R5300 G6 server",
      "Scope Power supply unit (PSU) supplied for the product above - PSU only", ("Test item", "Unit", "MDL", "Result"),
      ("Lead (Pb)", "mg/kg", "2", "1310")], "server", "6.1.11/pb", "fail"),
    (["Coin Cell Test Summary", "Battery CR2032 coin cell, TN-CR2032H", "Used in XS-R5300 G6 server mainboard",
      ("Item", "Unit", "MDL", "Result"), ("Lead (Pb)", "mg/kg", "2", "65")], "server", "6.1.10/battery-pb", "fail"),
    (["RoHS Screening Summary - Metal Parts", "Product Ethernet switch HT-S6850",
      "Cr(VI) (IEC 62321-7-1 spot test), chassis coating: 0.32 µg/cm² (positive)"], "switch", "6.1.11/cr6",
     "manual_review"),
], ids=["alloy-designation", "listed-mdl-cd", "listed-mdl-pb", "exemption-row", "exemption-claimed-above",
        "exemption-claimed-below", "reach", "ppm-of-article", "representative-model", "psu-only", "psu-only-fail",
        "coin-cell", "spot-test"])
def test_a_declaration_is_read_for_what_it_is(make_pdf: MakePdf, lines: list, category: str, clause: str,
                                              expected: str) -> None:
    assert _status(make_pdf([lines], col_width=120), category, clause) == expected


@pytest.mark.parametrize(("validity", "as_of", "expected"), [
    ("有效期至 2024-06-30（逾期须重新评估）", date(2026, 12, 7), "manual_review"),
    ("有效期至 2027-06-30", date(2026, 12, 7), "pass"),
    ("Valid until 30 June 2024", date(2026, 12, 7), "manual_review"),
], ids=["expired-zh", "still-valid", "expired-en"])
def test_a_declaration_past_its_validity_is_for_a_person(make_pdf: MakePdf, validity: str, as_of: date,
                                                         expected: str) -> None:
    lines = ["有害物质符合性声明", "产品：以太网交换机 ZX-S5960-48", validity,
             ("测试项目", "单位", "方法检出限", "结果"), ("铅 (Pb)", "mg/kg", "2", "33")]
    report = check([make_pdf([lines])], as_of, category="switch").report()
    assert next(c.status for c in report.products[0].clauses if c.id == "6.1.11/pb") == expected
