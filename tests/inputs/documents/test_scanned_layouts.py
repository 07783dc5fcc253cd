"""Layouts the scanned-documents red team found (round 3), rebuilt as text PDFs: a caption's unit that belongs to one
of the quantities it names, a table whose rows open with a sibling model, a header cell lost under a seal, a battery
pack's report whose sample line reads "样品：…"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from checker.pipeline import check

MakePdf = Callable[..., Path]


def _clauses(path: Path, category: str) -> dict[str, tuple[str, str]]:
    report = check([path], date(2026, 1, 1), category=category).report()
    return {c.id: (c.status, c.note or "") for c in report.products[0].clauses}


def test_a_caption_s_percent_is_not_the_power_factor_s(make_pdf: MakePdf) -> None:
    path = make_pdf([["服务器 SU-2U12 检验报告", "电源效率（%）与功率因数：", ("负载率", "效率", "PF"),
                      ("20%", "90.5", "0.961"), ("50%", "94.3", "0.984"), ("100%", "92.1", "0.990")]])
    found = _clauses(path, "server")
    assert [found[f"6.2.1/psu-pf-{load}"][0] for load in (20, 50, 100)] == ["pass"] * 3
    assert found["6.2.1/psu-eff-50"][0] == "pass"


def test_rows_of_a_sibling_model_are_not_the_product_s(make_pdf: MakePdf) -> None:
    rows = [("机型", "负载率", "效率(%)", "功率因数")]
    path = make_pdf([["检验报告", ("样品名称", "机架式服务器"), ("型号规格", "ZX-R5300 G6"), *rows,
                      ("ZX-R5300 G5", "50%", "94.2", "0.981")]])
    status, note = _clauses(path, "server")["6.2.1/psu-eff-50"]
    assert status == "manual_review" and "ZX-R5300 G5" in note
    own = make_pdf([["检验报告", ("样品名称", "机架式服务器"), ("型号规格", "ZX-R5300 G6"), *rows,
                     ("ZX-R5300 G6", "50%", "94.2", "0.981")]], name="own.pdf")
    assert _clauses(own, "server")["6.2.1/psu-eff-50"][0] == "pass"  # control: the product's own rows


def test_a_reading_under_no_column_makes_its_row_doubtful(make_pdf: MakePdf) -> None:
    """The seal hid header "A3": its column's 136 mg/kg Cd lay under no header cell and the row's NDs passed."""
    path = make_pdf([["RoHS 检测报告", "样品型号：NS-S6730", ("项目", "RL", "限值", "A1", "A2", "", "A4"),
                      ("Cd", "2", "100", "ND", "ND", "136", "")]], col_width=70)
    assert _clauses(path, "switch")["6.1.11/cd"][0] != "pass"


def test_a_battery_pack_s_report_is_the_battery_s(make_pdf: MakePdf) -> None:
    path = make_pdf([["锂离子电池重金属检测报告", "样品：笔记本电脑 RX-13 内置电池组",
                      ("检测项目", "检出限(mg/kg)", "结果(mg/kg)"),
                      ("汞 Hg", "0.5", "ND"), ("镉 Cd", "2", "3.2"), ("铅 Pb", "50", "ND")]])
    found = _clauses(path, "laptop")
    assert found["6.1.10/battery-cd"][0] == "pass"
    assert found["6.1.11/cd"][0] == "missing_evidence"
