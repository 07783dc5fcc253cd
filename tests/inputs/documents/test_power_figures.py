"""Facility power equipment (red-team round 7, power): the figures printed beside a declared grade (a motor's rated
power, poles and efficiency; a transformer's losses; a fan's coefficients and efficiency) are read from documents as
the catalog path reads them, so a grade they contradict goes to a person; a power module's grade is not the UPS
system's; a UPS's rating in kVA does not make it a generator set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checker.inputs.documents import read_pdf
from checker.models import ClauseResult
from checker.pipeline import check

MakePdf = Callable[..., Path]


def clause(path: Path, category: str, clause_id: str) -> ClauseResult:
    """The result of ``clause_id`` for the one product ``path`` describes."""
    report = check([path], date(2026, 1, 1), category=category).report()
    assert not report.errors, report.errors
    return next(c for p in report.products for c in p.clauses if c.id == clause_id)


MOTOR = "6.3.3/motor-grade"


@pytest.mark.parametrize(("rows", "status"), [
    # a label's plain "效率" / "Efficiency" on a motor's label or sheet is its rated efficiency: grade 2 beside a 1
    (["中国能效标识 电动机", "能效等级：1", "额定功率：30 kW 极数：4", "效率：95.5%"], "manual_review"),
    (["中国能效标识 电动机", "能效等级：1", "额定功率：30 kW 极数：4", "效率：96.0%"], "pass"),
    (["Motor data sheet", "Energy efficiency grade: 1", "Rated power: 30 kW, poles: 4", "Efficiency: 95.5 %"],
     "manual_review"),
    (["Motor data sheet", "Energy efficiency grade: 1", "Rated power 30 kW", "Poles 4", "Eff. 96.0 %"], "pass"),
    # "Output 22 kW, 4-pole": the output is the rated power, "4-pole" the poles
    (["IE4 motor M3BP", "Output 22 kW, 4-pole, 50 Hz", "Efficiency at full load: 94.5 %", "Energy grade: Grade 1"],
     "manual_review"),
    (["三相异步电动机", "输出功率 22 kW 4 极", "效率 94.5 %"], "fail"),
    # a nameplate's line: the current and the power factor beside the efficiency are not it
    (["三相异步电动机 YE5-160M-4", "型号 YE5-160M-4 额定功率 11 kW 极数 4",
      "额定电流 20.6 A 额定转速 1475 r/min 效率 94.6 % 功率因数 0.85"], "pass"),
    (["三相异步电动机 YE5-160M-4", "型号 YE5-160M-4 额定功率 11 kW 极数 4",
      "额定电流 20.6 A 额定转速 1475 r/min 效率 93.5 % 功率因数 0.85", "能效等级 1 级"], "manual_review"),
    # a tender's response naming the efficiency by the motor's IE class
    (["电动机技术偏离表", "额定功率 75 kW 极数 4", "YE3 系列，IE3 效率 95.0 %"], "fail"),
], ids=["zh-label-grade2", "zh-label-grade1", "en-grade2", "en-eff-grade1", "output-pole", "zh-output-ji",
        "nameplate-line", "nameplate-line-grade2", "ie3-efficiency"])
def test_a_motors_efficiency_beside_its_grade(make_pdf: MakePdf, rows: list[Any], status: str) -> None:
    pdf = make_pdf([rows], col_width=250)
    assert clause(pdf, "motor", MOTOR).status == status


@pytest.mark.parametrize(("rows", "status"), [
    # the rated efficiency is the 100 % column of a load table, not the 75 % one
    ([("Load", "100 %", "75 %", "50 %"), ("Efficiency %", "93.6", "94.1", "93.2")], "fail"),
    ([("负载", "100%", "75%", "50%"), ("效率 %", "94.2", "93.8", "92.9")], "pass"),
    ([("Load", "100 %", "75 %", "50 %"), ("Efficiency %", "93.6", "94.1", "93.2"), ("Energy grade", "1", "", "")],
     "manual_review"),
], ids=["table-grade2", "table-grade1", "table-declared"])
def test_a_motors_efficiency_per_load(make_pdf: MakePdf, rows: list[Any], status: str) -> None:
    pdf = make_pdf([["Motor data sheet", "Rated output 7.5 kW, 4 poles, 400 V 50 Hz", *rows]], col_width=100)
    assert clause(pdf, "motor", MOTOR).status == status


@pytest.mark.parametrize(("limit", "measured", "status"), [
    ("标准要求（1级）", "95.9", "fail"), ("标准要求（1级）", "96.7", "pass"), ("Requirement (Grade 1)", "95.9", "fail"),
    ("限值（GB 18613 1级）", "95.9", "fail"),
])
def test_a_reports_limit_column_of_a_grade(make_pdf: MakePdf, limit: str, measured: str, status: str) -> None:
    """A limit column headed with the grade it is of is no reading: "≥96.5" under it is the requirement."""
    pdf = make_pdf([["电动机能效检测报告", "样品型号：YE4-250M-4 额定功率：55 kW 极数：4",
                     ("检测项目", limit, "实测值", "判定"), ("效率 %", "≥96.5", measured, "")]], col_width=110)
    assert clause(pdf, "motor", MOTOR).status == status


TRANSFORMER = "6.3.3/transformer-grade"
OIL_1250 = ["S20-M-1250/10 油浸式变压器 出厂试验报告", "额定容量 1250 kVA 10/0.4 kV Dyn11 电工钢铁心"]


@pytest.mark.parametrize(("rows", "status"), [
    # the losses of an oil-immersed 1250 kVA (G1 P0 ≤ 0.78, Pk ≤ 8.64 kW) beside a declared grade
    ([*OIL_1250, "能效等级：1级", ("项目", "实测值"), ("空载损耗 P0 (kW)", "0.76"), ("负载损耗 Pk (kW, 75 ℃)", "9.30")],
     "manual_review"),
    ([*OIL_1250, "能效等级：1级", ("项目", "实测值"), ("空载损耗 P0 (kW)", "0.76"), ("负载损耗 Pk (kW, 75 ℃)", "8.50")],
     "pass"),
    (["Oil-immersed distribution transformer, 10 kV", "Rated capacity: 1250 kVA; core: electrical steel",
      "Energy efficiency grade: 1", "No-load loss: 0.76 kW", "Load loss: 9.30 kW"], "manual_review"),
    ([*OIL_1250, "空载损耗：760 W", "负载损耗：9300 W"], "fail"),
    # a limit column headed with its grade ("一级能效标准值") is no reading: 1.32 kW is (grade 2 of a dry-type F)
    (["干式变压器 型式试验报告", "型号：SCB14-1250/10 绝缘等级 F 硅钢片铁心 10 kV 额定容量 1250 kVA",
      ("项目", "一级能效标准值", "实测值"), ("空载损耗 (kW)", "1.205", "1.32"),
      ("负载损耗 (kW, 120 ℃)", "8.72", "8.55")],
     "fail"),
    # a declared grade qualified by one of the losses ("空载损耗达到一级"): the grade's own claim, for a person
    (["SBH21-M-1600/10 非晶合金变压器", "额定容量 1600 kVA，10 kV 油浸式，非晶合金铁心", "空载损耗 P0 = 0.48 kW",
      "负载损耗 Pk = 12.20 kW", "产品能效等级：一级（空载损耗达到一级）"], "manual_review"),
], ids=["oil-grade2", "oil-grade1", "en-grade2", "watts-fail", "limit-column", "claimed-by-one-loss"])
def test_a_transformers_losses_beside_its_grade(make_pdf: MakePdf, rows: list[Any], status: str) -> None:
    pdf = make_pdf([rows], col_width=160)
    assert clause(pdf, "transformer", TRANSFORMER).status == status


FAN = "6.3.3/fan-grade"
CENTRIFUGAL = ["离心通风机 9-19 No.8D 技术参数", "风机类型：离心通风机 机号：No.8 压力系数 ψ：0.90 比转速 ns：20"]


@pytest.mark.parametrize(("rows", "status"), [
    # centrifugal, 0.85 ≤ ψ < 0.95, 15 ≤ ns < 30, 5 ≤ No < 10: G1/G2/G3 ≥ 80/77/68 %
    ([*CENTRIFUGAL, "风机效率：70 %", "能效等级：2 级"], "manual_review"),
    ([*CENTRIFUGAL, "风机效率：78 %", "能效等级：2 级"], "pass"),
    (["Centrifugal fan data sheet", "Fan type: centrifugal", "Machine number: 8", "Pressure coefficient: 0.90",
      "Specific speed: 20", "Fan efficiency: 70 %", "Energy efficiency grade: 2"], "manual_review"),
    (["离心风机 技术参数", "机号 8，压力系数 0.90，比转速 20", "全压效率 70 %"], "fail"),
], ids=["zh-grade3", "zh-grade2", "en-grade3", "no-declared-fail"])
def test_a_fans_figures_beside_its_grade(make_pdf: MakePdf, rows: list[Any], status: str) -> None:
    pdf = make_pdf([rows], col_width=250)
    assert clause(pdf, "fan", FAN).status == status


UPS = "6.3.2/ups-grade"


@pytest.mark.parametrize(("line", "status"), [
    ("功率模块 PM50 能效等级：1 级（单模块测试）", "manual_review"),
    ("能效等级：1 级（单个模块测试，50 kVA）", "manual_review"),
    ("Power module PM50 energy efficiency grade: Grade 1 (tested as a single module)", "manual_review"),
    ("整机系统 能效等级：1 级", "pass"),  # the system's own grade
    ("模块化不间断电源 能效等级：1 级", "pass"),  # "模块化" names the system's build
], ids=["zh-module", "zh-single-module", "en-power-module", "system", "modular-system"])
def test_a_modules_grade_is_not_the_ups_systems(make_pdf: MakePdf, line: str, status: str) -> None:
    pdf = make_pdf([["模块化 UPS 系统 MX-600（不间断电源）", "系统容量：600 kVA", line]], col_width=300)
    assert clause(pdf, "ups", UPS).status == status


@pytest.mark.parametrize(("rows", "category"), [
    (["UPS 技术偏离表", "投标产品：华X UPS5000-H 400 kVA", "能效等级：2 级"], "ups"),
    (["Liebert APM2 300 kVA — Product specification", "Energy efficiency class: Level 1 per GB/T 14715-2017",
      "Double-conversion efficiency: 96.5 %"], "ups"),
    (["Vertiv-style Liebert EXS 60 kVA — 技术规格", "整机效率（在线双变换，100% 负载）：95.2%"], "ups"),
    (["KD-500GF 500 kVA diesel generator set", "Prime power 400 kW"], "generator"),  # the control: a genset
    (["CE8069A switch from Example Networks", "48 x 10GE ports"], "switch"),  # a noun after the model still names it
], ids=["ups-model-kva", "ups-en-14715", "ups-double-conversion", "genset", "switch"])
def test_a_rating_in_kva_names_no_generator(make_pdf: MakePdf, rows: list[str], category: str) -> None:
    """A UPS's rating after its model ("UPS5000-H 400 kVA") is a unit, no product noun: the document is not a
    generator's (red-team round 7 power, U01/U02/U04/U07 were judged as generator sets)."""
    assert read_pdf(make_pdf([rows], col_width=300), None).category == category


@pytest.mark.parametrize(("verdict", "status"), [
    ("不符合（要求 2 级及以上）", "fail"), ("符合（要求 2 级及以上）", "fail"), ("—", "fail")])
def test_a_judgement_quoting_the_limit_heads_no_limit_column(make_pdf: MakePdf, verdict: str, status: str) -> None:
    """A lab's judgement cell that quotes the requirement ("不符合（要求 2 级及以上）") is no limit column over the
    result (round 2 bids, DT05: the report's grade 3 was no longer read, and the brochure's grade 1 passed)."""
    rows = [("检验项目", "检验结果", "单项判定"), ("能效等级", "3 级", verdict)]
    pdf = make_pdf([["台式微型计算机检验报告 DF723", *rows]], col_width=150)
    report = check([pdf], date(2026, 1, 1), category="desktop").report()
    assert next(c.status for c in report.products[0].clauses if c.id == "6.2.2/pc-energy-grade") == status


@pytest.mark.parametrize(("line", "status"), [
    ("Energy efficiency grade Tier 1 (EU 548/2014 Ecodesign)", "manual_review"),
    ("能效等级 1 级（EU 2019/1783 Ecodesign Tier 2）", "manual_review"),
    ("能效等级 1 级（GB 20052-2024）", "pass"),  # the national standard: the control
])
def test_a_grade_of_a_foreign_scheme(make_pdf: MakePdf, line: str, status: str) -> None:
    """A foreign scheme's tier or class is no grade of GB 20052 (round 2 English sheets, r3trf01: 'Tier 1 (EU 548/2014
    Ecodesign)' passed as grade 1 once this session's reader told the transformer's kind)."""
    pdf = make_pdf([["Dry-type transformer DTE-1000, 1000 kVA", "Capacity 1000 kVA", line]], col_width=400)
    report = check([pdf], date(2026, 1, 1), category="transformer").report()
    assert next(c.status for c in report.products[0].clauses if c.id == "6.3.3/transformer-grade") == status
