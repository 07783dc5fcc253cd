"""Which of a test report's readings are the battery's (red-team round 7, materials T05, T06, T08, T11).

A line of a report's header that names the product's battery ("Battery: CR2032 lithium coin cell on the mainboard")
says the product holds one; it does not make the report's table (the housing's, the PCB's) a battery test. A line
saying the battery was not tested ("– not tested in this report", "本报告未对电池进行检测") leaves 6.1.10 unproven; one
saying there is none ("contains no battery (不含电池)") makes 6.1.10 not applicable (not for a UPS, which always holds
one). A heading of the battery's part ("Part A – Battery (Li-ion pack)", "一、电池检测结果") makes the rows under it the
battery's, until a heading of another part ("Part B – Homogeneous materials").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]

BATTERY = ("6.1.10/battery-hg", "6.1.10/battery-cd", "6.1.10/battery-pb")
ROHS = ("6.1.11/pb", "6.1.11/hg", "6.1.11/cd", "6.1.11/cr6")
TABLE = [("Test Item", "Unit", "MDL", "Limit", "Result"), ("Lead (Pb)", "mg/kg", "2", "1000", "N.D."),
         ("Mercury (Hg)", "mg/kg", "2", "1000", "N.D."), ("Cadmium (Cd)", "mg/kg", "2", "100", "N.D."),
         ("Cr(VI)", "mg/kg", "8", "1000", "N.D.")]


def statuses(path: Path, category: str) -> dict[str, str]:
    report = check([path], date(2026, 12, 1), category=category).report()
    assert not report.errors, report.errors
    return {c.id: c.status for p in report.products for c in p.clauses}


@pytest.mark.parametrize("line", [
    ("Battery:", "CR2032 lithium coin cell (RTC) on mainboard – not tested in this report"),
    ("电池", "主板含 CR1220 纽扣电池一颗（本报告未对电池进行检测）"),
    ("Battery", "BR2032 coin cell on the system board; not included in this report"),
    ("Battery:", "CR2032 coin cell on the mainboard"),  # named only: the table is still the materials'
])
def test_a_header_naming_the_battery_is_no_battery_test(make_pdf: MakePdf, line: tuple[str, str]) -> None:
    pdf = make_pdf([["TEST REPORT", ("Product", "Rack server"), ("Model", "RS-2280"), line, *TABLE]], col_width=95)
    got = statuses(pdf, "server")
    assert all(got[c] in ("missing_evidence", "manual_review") for c in BATTERY), got
    assert all(got[c] == "pass" for c in ROHS), got


@pytest.mark.parametrize("line", [
    ("Battery", "The product contains no battery (不含电池); RTC is backed by a supercapacitor."),
    ("电池", "本产品不含电池"),
    ("Note", "The switch does not contain a battery."),
])
def test_no_battery_said(make_pdf: MakePdf, line: tuple[str, str]) -> None:
    pdf = make_pdf([["TEST REPORT", ("Product", "Ethernet switch"), ("Model", "SW-5560"), line, *TABLE]],
                   col_width=95)
    got = statuses(pdf, "switch")
    assert all(got[c] == "not_applicable" for c in BATTERY), got
    assert all(got[c] == "pass" for c in ROHS), got


def test_a_ups_always_holds_a_battery(make_pdf: MakePdf) -> None:
    """'不含电池' in a UPS's sheet (sold without its battery cabinet) does not make 6.1.10 not applicable."""
    pdf = make_pdf([["不间断电源 UPS 检测报告", ("型号", "UPS-60K"), ("电池", "标配不含电池（外置电池柜另购）"),
                     *TABLE]], col_width=95)
    got = statuses(pdf, "ups")
    assert all(got[c] != "not_applicable" for c in BATTERY), got


@pytest.mark.parametrize(("part_a", "part_b"), [
    ("Part A – Battery (Li-ion pack L23D3P73)", "Part B – Homogeneous materials (GB/T 26572)"),
    ("一、电池检测结果", "二、均质材料检测结果"),
    ("Sample 1: Li-ion battery pack", "Sample 2: yellow PVC sleeve of the DC-in cable"),
])
def test_the_batterys_part_of_a_report(make_pdf: MakePdf, part_a: str, part_b: str) -> None:
    """T08: the battery's table (Cd 6, Pb 11: 6.1.10 passes) and the materials' (Cd 150: 6.1.11 fails)."""
    pdf = make_pdf([["Intertek – Test Report", ("Product", "Notebook computer"), ("Model", "TP-X13"), part_a,
                     ("Test Item", "Unit", "MDL", "Result"), ("Mercury (Hg)", "mg/kg", "0.5", "N.D."),
                     ("Cadmium (Cd)", "mg/kg", "2", "6"), ("Lead (Pb)", "mg/kg", "2", "11"), part_b,
                     ("Test Item", "Unit", "MDL", "Limit", "Result"), ("Lead (Pb)", "mg/kg", "2", "1000", "45"),
                     ("Mercury (Hg)", "mg/kg", "2", "1000", "N.D."), ("Cadmium (Cd)", "mg/kg", "2", "100", "150"),
                     ("Cr(VI)", "mg/kg", "8", "1000", "N.D.")]], col_width=95)
    got = statuses(pdf, "laptop")
    assert [got[c] for c in BATTERY] == ["pass", "pass", "pass"], got
    assert (got["6.1.11/pb"], got["6.1.11/cd"]) == ("pass", "fail"), got


def test_a_battery_heading_over_the_only_table(make_pdf: MakePdf) -> None:
    """A report whose one table sits under the battery's heading: its Pb 61 fails 6.1.10 (40 mg/kg), not 6.1.11."""
    pdf = make_pdf([["TEST REPORT", ("Product", "Rack server"), ("Model", "RS-2280"), "3.2 Battery test results",
                     ("Test Item", "Unit", "MDL", "Result"), ("Lead (Pb)", "mg/kg", "2", "61"),
                     ("Cadmium (Cd)", "mg/kg", "2", "N.D."), ("Mercury (Hg)", "mg/kg", "0.5", "N.D.")]], col_width=95)
    got = statuses(pdf, "server")
    assert got["6.1.10/battery-pb"] == "fail"
    assert got["6.1.11/pb"] == "missing_evidence"


@pytest.mark.parametrize("heading", ["有害物质及电池重金属含量", "Hazardous substances and battery metals"])
def test_a_heading_of_both_is_no_batterys_part(make_pdf: MakePdf, heading: str) -> None:
    """A heading naming the battery beside another subject heads both: its table (GB/T 26572's limits) stays 6.1.11's
    (the sample desktop report's page 6)."""
    pdf = make_pdf([["TEST REPORT", ("Product", "Desktop computer"), ("Model", "QD-7000"), heading,
                     ("检测项目", "检测结果", "限值"), ("铅（Pb）", "42.0 mg/kg", "≤1000 mg/kg"),
                     ("镉（Cd）", "未检出", "≤100 mg/kg")]], col_width=110)
    got = statuses(pdf, "desktop")
    assert (got["6.1.11/pb"], got["6.1.11/cd"]) == ("pass", "pass"), got
    assert got["6.1.10/battery-pb"] != "fail", got
