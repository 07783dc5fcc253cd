"""What a note, a preamble or a marketing word says of a document's numbers (red-team round 6, hostile documents and
lab reports): a footnote marked "*", "[1]" or "(1)" that names another load or the outlets switched off, a document
of simulated figures, "可达", "低至", "as low as"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check

MakePdf = Callable[..., Path]

GENERATOR = ["柴油发电机组检验报告", "产品名称 柴油发电机组", "型号规格 JH-900GF", ("额定功率", "900 kW"),
             ("燃料", "柴油")]
PDU = ["Switched Rack PDU test report", "Category PDU", "Model SW-PDU-16", ("Outlets", "16")]
SERVER = ["Efficiency Test Report", "Model PSU-3200T (server PSU 3200 W)", "Input 230 Vac 50 Hz",
          ("Load", "Efficiency (%)", "PF")]


def _status(path: Path, category: str, clause: str) -> str:
    report = check([path], date(2026, 1, 1), category=category).report()
    return next(c for c in report.products[0].clauses if c.id == clause).status


@pytest.mark.parametrize(("pages", "category", "clause", "status"), [
    ([[*GENERATOR, ("燃油消耗率 *", "201 g/kWh"),
       "* 注：燃油消耗率系在 75% 负载（厂家经济工况点）下测得，未进行满负荷试验。"]],
     "generator", "6.3.5/fuel-consumption", "manual_review"),
    ([[*GENERATOR, ("燃油消耗率 *", "201 g/kWh")], ["* 注：燃油消耗率在 100% 负载下测得。"]],
     "generator", "6.3.5/fuel-consumption", "pass"),
    ([[*PDU, ("Power consumption per outlet (measured) [1]", "0.34 W")], ["Photos"],
      ["[1] Measured with all outlet relays open (outlets switched OFF). Outlets ON were not measured."]],
     "pdu", "6.3.4/outlet-power", "manual_review"),
    ([[*PDU, ("Power consumption per outlet (measured) [1]", "0.34 W"), "[1] Measured with all outlets energised."]],
     "pdu", "6.3.4/outlet-power", "pass"),
    ([[*SERVER, ("20 %", "94.02", "0.966"), ("50 % (1)", "96.10", "0.991"), ("100 %", "92.10", "0.990"),
       "(1) Measured at 40 % load (1280 W) because of the load bank limit; reported in the 50 % row."]],
     "server", "6.2.1/psu-eff-50", "manual_review"),
    ([[*SERVER, ("20 %", "94.02", "0.966"), ("50 % (1)", "96.10", "0.991"), ("100 %", "92.10", "0.990"),
       "(1) Measured at 50 % load after a 30 min warm-up."]], "server", "6.2.1/psu-eff-50", "pass"),
])
def test_a_note_naming_another_condition(make_pdf: MakePdf, pages: list[list[object]], category: str, clause: str,
                                         status: str) -> None:
    assert _status(make_pdf(pages, col_width=250), category, clause) == status


@pytest.mark.parametrize(("preamble", "status"), [
    ("以下数据为仿真计算值，样机尚未制作。", "manual_review"),
    ("Results from a PSIM loss model; no hardware measurement yet.", "manual_review"),
    ("Results measured on production sample SN 0042.", "pass"),
])
def test_a_document_of_simulated_figures(make_pdf: MakePdf, preamble: str, status: str) -> None:
    pdf = make_pdf([[*SERVER[:3], preamble, SERVER[3], ("20 %", "94.02", "0.966"), ("50 %", "96.10", "0.991"),
                     ("100 %", "92.10", "0.990")]], col_width=250)
    assert _status(pdf, "server", "6.2.1/psu-eff-50") == status


@pytest.mark.parametrize(("line", "category", "clause"), [
    ("整机可再生利用率可达 90%", "server", "6.2.1/recyclability"),
    ("燃油消耗率 低至 195 g/kWh", "generator", "6.3.5/fuel-consumption"),
    ("Power consumption per outlet as low as 0.1 W", "pdu", "6.3.4/outlet-power"),
])
def test_marketing_words_are_bounds(make_pdf: MakePdf, line: str, category: str, clause: str) -> None:
    """"可达 90 %" is at most 90 %, "低至 195" and "as low as 0.1 W" at least their numbers: none proves the limit."""
    head = {"server": ["机架式服务器 HX-2288", "型号规格 HX-2288"], "generator": GENERATOR, "pdu": PDU}[category]
    assert _status(make_pdf([[*head, line]], col_width=250), category, clause) == "manual_review"


@pytest.mark.parametrize(("lines", "category", "clause", "status"), [
    (["多节点服务器检验报告", "型号规格 MN-2U4N",
      "样品说明：委托方仅送检单个计算节点托盘，机箱、背板、电源及风扇墙未送检。",
      ("产品可再生利用率", "88.1%"), "注：本结果不代表 2U4N 整机（含机箱、电源模块）的可再生利用率。"], "server",
     "6.2.1/recyclability", "manual_review"),
    (["Modular UPS power module test summary", "Category UPS", "Model MV-M600",
      "Sample tested: one 50 kVA power module on a test jig (not the complete system)",
      ("Energy grade", "Grade 1 (GB/T 14715, single module)")], "ups", "6.3.2/ups-grade", "manual_review"),
    (["多节点服务器检验报告", "型号规格 MN-2U4N", ("产品可再生利用率", "88.1%"), "本报告仅对所检样品有效。"], "server",
     "6.2.1/recyclability", "pass"),  # the usual disclaimer of a report: no part
])
def test_a_test_of_one_part(make_pdf: MakePdf, lines: list[object], category: str, clause: str, status: str) -> None:
    """A node tray, one power module of a modular UPS: the whole product's figure is not known from them."""
    assert _status(make_pdf([lines], col_width=250), category, clause) == status


@pytest.mark.parametrize(("line", "status"), [
    ("说明：GW-CRPS2000T2 样品未到货，本次以同系列 GW-CRPS1300P 代替测试。", "manual_review"),
    ("Note: a substitute PSU (GW-CRPS1300P) was tested; the offered GW-CRPS2000T2 was not available.", "manual_review"),
    ("说明：未检出以 ND 表示；本报告代替 HT-2023-SV-0991 号报告。", "pass"),  # a report replacing an earlier one
])
def test_a_substitute_sample(make_pdf: MakePdf, line: str, status: str) -> None:
    pdf = make_pdf([["检验报告", "样品名称 机架式服务器", "型号规格 TS-R2288 V7", line, SERVER[3],
                     ("20 %", "94.02", "0.966"), ("50 %", "96.10", "0.991"), ("100 %", "92.10", "0.990")]],
                   col_width=250)
    assert _status(pdf, "server", "6.2.1/psu-eff-50") == status


@pytest.mark.parametrize(("previous", "current", "status"), [
    ("上批次(2022, 已停用供应商)", "本批次(2024)", "pass"),  # the current batch's 6 and 18 mg/kg
    ("Previous batch (2022)", "This batch (2024)", "pass"),
])
def test_a_previous_batchs_column(make_pdf: MakePdf, previous: str, current: str, status: str) -> None:
    """A previous batch's results printed for comparison are not the product's (red-team round 6: a battery failed on
    the withdrawn supplier's 35 and 61 mg/kg)."""
    pdf = make_pdf([["电池重金属检测报告", "产品名称 服务器主板纽扣电池（CR2032）", "产品类别 服务器", "是否含电池 是",
                     ("项目", "限值", previous, current, "单位"), ("汞 Hg", "≤1", "ND", "ND", "mg/kg"),
                     ("镉 Cd", "≤20", "35", "6", "mg/kg"), ("铅 Pb", "≤40", "61", "18", "mg/kg")]], col_width=150)
    report = check([pdf], date(2026, 1, 1), category="server").report()
    got = {c.id: c.status for c in report.products[0].clauses if c.id.startswith("6.1.10/")}
    assert got == {"6.1.10/battery-hg": status, "6.1.10/battery-cd": status, "6.1.10/battery-pb": status}


@pytest.mark.parametrize(("text", "status"), [
    (["Declaration of Conformity - Commission Regulation (EU) 2019/424",
      "We declare that the server R760x, fitted with PSU model D1400E-S2, meets the requirements of",
      "Annex II, section 1.1.1, Table 2: minimum efficiency 94 % at 20 % load, 96 % at 50 % load and 91 % at 100 %"],
     "manual_review"),
    ([*SERVER, ("20 %", "94.02", "0.966"), ("50 %", "96.10", "0.991"), ("100 %", "92.10", "0.990")], "pass"),
])
def test_a_declaration_restating_a_regulation(make_pdf: MakePdf, text: list[object], status: str) -> None:
    """A maker's declaration that its server meets a regulation's PSU requirements restates them (red-team round 6,
    L39: 94 %, 96 % and 91 % of Regulation (EU) 2019/424's Table 2 passed as the supply's readings)."""
    assert _status(make_pdf([text], col_width=250), "server", "6.2.1/psu-eff-50") == status


def test_figures_rounded_for_the_report(make_pdf: MakePdf) -> None:
    """"修约至整数位报出。原始测得值：50% 93.6%": the printed 94 % is a rounded 93.6 % (red-team round 6, srv32)."""
    pdf = make_pdf([["检验报告", "样品名称 机架式服务器", "型号规格 LQ-R2", ("负载率", "电源效率", "功率因数"),
                     ("20%", "91%", "0.96"), ("50%", "94%", "0.99"), ("100%", "92%", "0.99"),
                     "效率按 GB/T 8170 修约至整数位报出。原始测得值：20% 91.2%，50% 93.6%，100% 91.8%。"]],
                   col_width=150)
    assert _status(pdf, "server", "6.2.1/psu-eff-50") == "manual_review"


@pytest.mark.parametrize(("line", "status"), [
    (("China Energy Label (GB 28380-2012)", "Grade 1"), "pass"), (("中国能效标识", "3级"), "fail"),
    (("China Energy Label registration No.", "2021-123456"), "missing_evidence"),
])
def test_the_china_energy_labels_own_name(make_pdf: MakePdf, line: tuple[str, str], status: str) -> None:
    """"China Energy Label | Grade 1" is the grade (red-team round 6, pc36 and pc96 missed it); its registration
    number is none."""
    pdf = make_pdf([["台式微型计算机 Desktop PC D-100", "型号规格 D-100", line]], col_width=250)
    assert _status(pdf, "desktop", "6.2.2/pc-energy-grade") == status
