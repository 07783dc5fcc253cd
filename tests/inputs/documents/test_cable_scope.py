"""6.3.6's scope read from what a cable report says the cable is (red-team round 7, materials C11: a wrong fail).

The smoke transmittance limit is for power-distribution cables laid in concealed ventilated spaces (INTERFACE §6:
``power_distribution`` false → not applicable). A data or communication cable says so in its product line ("Data
(communication) cable, Category 6A, not a power cable", "六类非屏蔽网线", "Cat 5e LAN cable", "室内光缆"); a power
cable says so too, also beside a negated data word ("Power cable (not a data cable)"). Words that disagree read nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf
from checker.pipeline import check

MakePdf = Callable[..., Path]
SMOKE = "6.3.6/smoke-transmittance"


def smoke(make_pdf: MakePdf, line: tuple[str, str]) -> str:
    pdf = make_pdf([["Cable Test Report 电缆检验报告", line, ("Model", "CX-2025"),
                     ("Installation", "laid in concealed ventilated space"),
                     ("Minimum light transmittance (IEC 61034-2)", "52 %")]], col_width=200)
    report = check([pdf], date(2026, 12, 1), category="cable").report()
    return next(c.status for c in report.products[0].clauses if c.id == SMOKE)


@pytest.mark.parametrize("line", [
    ("Product", "Data (communication) cable, Category 6A, not a power cable"),
    ("Product", "Cat 5e U/UTP LAN cable, LSZH"),
    ("产品名称", "六类非屏蔽网线（通信电缆）"),
    ("产品", "室内单模光缆 12 芯"),
    ("Use", "structured cabling (signal transmission only)"),
    ("Description", "Optical fibre cable, 24 cores"),
])
def test_a_data_cable_is_out_of_scope(make_pdf: MakePdf, line: tuple[str, str]) -> None:
    assert smoke(make_pdf, line) == "not_applicable"


@pytest.mark.parametrize("line", [
    ("Product", "LSZH power distribution cable 0.6/1 kV"),
    ("Product", "Power cable (not a data cable), 0.6/1 kV"),
    ("产品名称", "低烟无卤阻燃电力电缆（配电线路）"),
])
def test_a_power_cable_is_judged(make_pdf: MakePdf, line: tuple[str, str]) -> None:
    assert smoke(make_pdf, line) == "fail"


@pytest.mark.parametrize(("line", "expected"), [
    (("产品名称", "阻燃控制电缆（非配电线路）"), False),
    (("产品名称", "电力电缆（不用于通信）"), True),
    (("产品名称", "电力电缆（通信机房配电）"), None),  # power words and a communication word: not read (applies, noted)
    (("Product", "Hybrid power cable with data (communication) pairs"), None),
    (("敷设方式", "直埋，非隐蔽通风空间"), None),  # another flag's row
])
def test_negated_and_disagreeing_words(make_pdf: MakePdf, line: tuple[str, str], expected: bool | None) -> None:
    pdf = make_pdf([["电缆检验报告", line]], col_width=200)
    facts = {f.field: f.value for f in read_pdf(pdf, "cable").facts}
    assert facts.get("power_distribution") is expected
