"""A test report's substance tables as labs print them (red-team findings of session 13, each a false pass before):
one column per tested sample ("001 | 002 | 003", "外壳 Housing | 电源线 Cord"), whose highest result decides (GB/T
26572 limits every homogeneous material); a unit column ("单位 | %"); a row of detection limits under substance
columns ("MDL (mg/kg) | 50 | 120 | 30 | 8"); a report whose sample is a battery (its metals are 6.1.10's); a
bilingual model label ("型号规格 Model HX-D5100"); a method's number whose prefix ended the line above."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf
from checker.inputs.documents.numbers import fold_key
from checker.inputs.documents.vocabulary import load_vocabulary
from checker.models import ClauseResult
from checker.pipeline import check

MakePdf = Callable[..., Path]


def results(path: Path, category: str) -> dict[str, ClauseResult]:
    report = check([path], date(2026, 1, 1), category=category).report()
    assert not report.errors, report.errors
    return {c.id: c for p in report.products for c in p.clauses}


NUMBERED = ["测试结果 Test Results",
            ("测试项目 Test Item", "限值 Limit", "单位 Unit", "MDL", "001", "002", "003")]


@pytest.mark.parametrize(("pb", "cd", "expected_pb", "expected_cd"), [
    (("12", "ND", "35"), ("ND", "ND", "3"), ("pass", 35.0), ("pass", 3.0)),  # the highest sample decides
    (("12", "ND", "1500"), ("ND", "ND", "ND"), ("fail", 1500.0), ("pass", None)),  # the third sample fails
    (("ND", "ND", "ND"), ("ND", "150", "ND"), ("pass", None), ("fail", 150.0)),  # not the first column's ND
])
def test_numbered_sample_columns(make_pdf: MakePdf, pb: tuple[str, ...], cd: tuple[str, ...],
                                 expected_pb: tuple[str, float | None], expected_cd: tuple[str, float | None]) -> None:
    pdf = make_pdf([[*NUMBERED, ("铅 Lead (Pb)", "1000", "mg/kg", "2", *pb),
                     ("镉 Cadmium (Cd)", "100", "mg/kg", "2", *cd)]], col_width=75)
    got = results(pdf, "desktop")
    assert (got["6.1.11/pb"].status, got["6.1.11/pb"].value) == expected_pb
    assert (got["6.1.11/cd"].status, got["6.1.11/cd"].value) == expected_cd


@pytest.mark.parametrize(("cord", "status"), [("3.1", "pass"), ("26.0", "fail")])
def test_named_sample_columns(make_pdf: MakePdf, cord: str, status: str) -> None:
    pdf = make_pdf([["PAH test report", ("Test Item", "MDL (mg/kg)", "Housing", "Cord"),
                     ("Naphthalene", "0.2", "ND", "1.5"), ("Benzo[a]pyrene", "0.2", "ND", cord)]], col_width=110)
    assert results(pdf, "desktop")["6.2.2/bap"].status == status


@pytest.mark.parametrize(("unit", "status", "value"), [("%", "fail", 150.0), ("mg/kg", "pass", 0.015)])
def test_unit_column(make_pdf: MakePdf, unit: str, status: str, value: float) -> None:
    """"0.0150" under a "单位 | %" column is 150 mg/kg, not 0.015."""
    pdf = make_pdf([["检测报告", ("检测项目", "方法检出限", "检测结果", "单位"),
                     ("铅 (Pb)", "0.0005", "0.0090", unit), ("镉 (Cd)", "0.0005", "0.0150", unit)]], col_width=100)
    got = results(pdf, "monitor")["6.1.11/cd"]
    assert (got.status, got.value) == (status, value)


@pytest.mark.parametrize(("mdl", "status"), [("120", "manual_review"), ("20", "pass")])
def test_detection_limit_row(make_pdf: MakePdf, mdl: str, status: str) -> None:
    """An ND under a substance column is below that column's MDL row: 120 mg/kg does not show Cd <= 100."""
    pdf = make_pdf([["XRF screening report", ("Part", "Material", "Pb", "Cd", "Hg", "Cr(VI)"),
                     ("Standoff M3", "Brass", "ND", "ND", "ND", "ND"),
                     ("Side panel", "Steel", "ND", "ND", "ND", "ND"),
                     ("MDL (mg/kg)", "", "50", mdl, "30", "8"),
                     ("Limit (mg/kg)", "", "1000", "100", "1000", "1000")]], col_width=80)
    got = results(pdf, "server")
    assert got["6.1.11/cd"].status == status
    assert got["6.1.11/pb"].status == "pass"


@pytest.mark.parametrize("sample", ["锂离子电池组 (笔记本电脑 内置) 11.52V 57Wh", "Li-ion battery pack 3-cell 54Wh"])
def test_battery_sample_metals_are_the_batterys(make_pdf: MakePdf, sample: str) -> None:
    pdf = make_pdf([["TEST REPORT", ("样品名称 Sample", sample), ("型号规格 Model", "L22M4PF1"),
                     ("测试项目", "单位", "MDL", "结果"), ("汞 (Hg)", "mg/kg", "0.5", "2.1"),
                     ("镉 (Cd)", "mg/kg", "5", "ND"), ("铅 (Pb)", "mg/kg", "5", "8.6")]], col_width=110)
    got = results(pdf, "laptop")
    assert (got["6.1.10/battery-hg"].status, got["6.1.10/battery-hg"].value) == ("fail", 2.1)
    assert got["6.1.10/battery-pb"].status == "pass"
    assert all(got[c].status == "missing_evidence" for c in ("6.1.11/pb", "6.1.11/hg", "6.1.11/cd"))


def test_product_containing_a_battery_is_not_a_battery(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["TEST REPORT", ("样品名称 Sample", "台式微型计算机（含主板 CMOS 纽扣电池）"),
                     ("检测项目", "单位", "MDL", "结果"), ("铅 (Pb)", "mg/kg", "2", "21")]], col_width=110)
    assert results(pdf, "desktop")["6.1.11/pb"].status == "pass"


def test_bilingual_model_label(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["TEST REPORT", "型号规格 Model  HX-D5100", "铅 Pb 2 mg/kg"]])
    assert read_pdf(pdf).model == "HX-D5100"


def test_method_number_without_its_prefix() -> None:
    """"IEC" ending one line and "62321-7-2:2017 (Cr(VI))" starting the next: 2017 is no Cr(VI) content."""
    key = fold_key("62321-7-2:2017 (Cr(VI)), analysed by ICP-OES / UV-VIS.")
    number = key.index("62321")
    assert any(m.start() <= number and m.end() >= key.index("2017") + 4
               for pattern in load_vocabulary().masks for m in pattern.finditer(key))


def test_detection_limit_in_the_unit_column(make_pdf: MakePdf) -> None:
    """An MDL of 0.05 under "Unit | %" is 500 mg/kg: an ND below it does not show Cd <= 100 mg/kg."""
    pdf = make_pdf([["TEST REPORT", ("Test Item", "Unit", "MDL", "Result"), ("Cadmium (Cd)", "%", "0.05", "n.d."),
                     ("Lead (Pb)", "%", "0.0002", "n.d.")]], col_width=110)
    got = results(pdf, "desktop")
    assert got["6.1.11/cd"].status == "manual_review"
    assert got["6.1.11/pb"].status == "pass"
