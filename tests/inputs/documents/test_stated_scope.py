"""Rows whose own words, notes or document say the number is another figure than the limit's, and scope fields a
document states in its own words (red-team findings of session 13: each a false pass or a wrong fail before).

Conditions: a design PUE however annual, a monthly report's PUE, a WUE over the whole site's electricity, a renewable
share of the IT load, a PSU measured at 115 V only, a cluster's throughput, a packaging sample, a footnote marked on a
column header. Scope: the PSU type named in a row's label, a deployment written after "部署场景", a firewall's form
after "形态", a label inside a value word ("值守" of "无人值守")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.models import ClauseResult
from checker.pipeline import check

MakePdf = Callable[..., Path]
IT_SHARE = "可再生能源使用率（可再生电量 / IT 设备用电量）"
CLUSTER = "¹ 吞吐量为两台设备组成双机负载分担集群时的测试结果；单台设备吞吐量为该值的 1/2。"


def results(path: Path, category: str) -> dict[str, ClauseResult]:
    report = check([path], date(2026, 1, 1), category=category).report()
    assert not report.errors, report.errors
    return {c.id: c for p in report.products for c in p.clauses}


@pytest.mark.parametrize(("lines", "clause", "status"), [
    (["可行性研究报告", "本项目设计年均 PUE：1.25"], "5.1/pue", "manual_review"),
    (["Basis of design", ("Design PUE (annualised)", "1.25")], "5.1/pue", "manual_review"),
    (["年度能效报告", ("年均 PUE", "1.25")], "5.1/pue", "pass"),  # the control: measured over the year
    (["运维月报", ("指标", "本月"), ("PUE", "1.22")], "5.1/pue", "manual_review"),
    (["运维月报", ("全年 PUE", "1.25")], "5.1/pue", "pass"),  # the row says the year
    (["水资源利用报告", ("WUE（全年用水量/数据中心总耗电量）", "1.95 L/kWh")], "5.3/wue", "manual_review"),
    (["水资源利用报告", ("WUE（全年用水量/数据中心总耗电量）", "2.60 L/kWh")], "5.3/wue", "fail"),  # at least 2.6
    (["水资源利用报告", ("WUE（全年用水量/IT设备耗电量）", "1.95 L/kWh")], "5.3/wue", "pass"),
    (["可再生能源报告", (IT_SHARE, "33%")], "5.2/renewable-share", "manual_review"),
    (["可再生能源报告", (IT_SHARE, "20%")], "5.2/renewable-share", "fail"),
])
def test_datacentre_figures(make_pdf: MakePdf, lines: list[object], clause: str, status: str) -> None:
    pdf = make_pdf([["统计期 2025-01-01 至 2025-12-31", *lines]], col_width=250)
    assert results(pdf, "datacenter")[clause].status == status


@pytest.mark.parametrize(("line", "status"), [
    ("Input: 115 Vac / 60 Hz only", "manual_review"),
    ("Input range 100-240 Vac, tested at 230 Vac", "pass"),
    # one low-line input or test voltage, however written (red-team round 7, S06/P01/Q06: all six clauses passed)
    ("Input: AC 100 V, 50/60 Hz", "manual_review"), ("測試條件：輸入電壓 110 V，60 Hz（台灣市電）", "manual_review"),
    ("测试条件：输入 115 Vac / 60 Hz", "manual_review"), ("Test voltage: 120 VAC, 60 Hz", "manual_review"),
    ("Input voltage: 100 V~240 V, 50/60 Hz; tested at 220 V", "pass"),  # a range is no test voltage
    ("Rated input: 100-127 V / 200-240 V, 50/60 Hz", "pass"), ("输入电压：220 V，50 Hz", "pass"),
])
def test_psu_measured_at_low_line_only(make_pdf: MakePdf, line: str, status: str) -> None:
    pdf = make_pdf([["PSU test report", line, ("Load", "Efficiency", "PF"), ("50%", "94.2%", "0.993")]])
    assert results(pdf, "server")["6.2.1/psu-eff-50"].status == status


def test_cluster_throughput(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["HX-FW3600 防火墙 规格参数", ("形态", "1U 固定端口"), ("IPv4 吞吐量（64 字节）", "20 Gbps¹"),
                     ("满吞吐功耗（单台）", "260 W"),
                     CLUSTER]], col_width=200)
    assert results(pdf, "firewall")["6.2.4/power-per-throughput"].status == "manual_review"


def test_packaging_sample(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["检测报告", "样品名称 Sample 包装材料（瓦楞纸箱、EPE 泡棉、PE 袋）",
                     ("测试项目", "单位", "MDL", "结果"), ("铅 Pb", "mg/kg", "2", "6"), ("镉 Cd", "mg/kg", "2", "ND")]],
                   col_width=110)
    got = results(pdf, "desktop")
    assert got["6.1.11/pb"].status == got["6.1.11/cd"].status == "missing_evidence"


@pytest.mark.parametrize(("note", "status"), [
    ("* 表中数值为电源模块设计目标值（设计值），非实测值；实测数据以第三方检测报告为准。", "manual_review"),
    ("* 230 V / 50 Hz 输入", "pass"),  # a note that says nothing against the reading
])
def test_footnote_on_a_column_header(make_pdf: MakePdf, note: str, status: str) -> None:
    pdf = make_pdf([["HX-4U 存储服务器 电源技术规格", ("负载率", "电源效率*", "功率因数*"), ("20%", "92.0%", "0.96"),
                     ("50%", "94.5%", "0.98"), ("100%", "92.0%", "0.99"), note]])
    assert results(pdf, "storage")["6.2.1/psu-eff-50"].status == status


def test_psu_type_named_in_the_row_label(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["交换机检测报告", ("序号", "检验项目", "标准要求", "检验结果", "单项判定"),
                     ("1", "单路电源输出效率 50%负载", "≥92%", "92.7%", "符合")]], col_width=100)
    got = results(pdf, "switch")
    assert got["6.2.3/single-psu-eff-50"].status == "pass"
    assert got["6.2.3/multi-psu-eff-50"].status == "not_applicable"


@pytest.mark.parametrize("line", ["部署场景：无人值守数据中心机房（不适用于有人值守办公环境）",
                                  "部署场景 无人值守数据中心机房"])
def test_unattended_deployment(make_pdf: MakePdf, line: str) -> None:
    pdf = make_pdf([["交换机噪声测试报告", line, ("声功率级 LWAd", "7.9 B")]], col_width=200)
    got = results(pdf, "switch")
    assert got["6.2.3/noise-attended"].status == "not_applicable"
    assert got["6.2.3/noise-unattended"].status == "pass"


def test_modular_firewall_form(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["防火墙规格", ("形态", "机框式（模块化），16 个业务板槽位"),
                     ("IPv4 吞吐量（64 字节）", "400 Gbps"), ("满配功耗", "4800 W"),
                     ("尺寸", "442 mm × 1420 mm × 650 mm")]], col_width=200)
    got = results(pdf, "firewall")
    assert got["6.2.4/volume"].status == got["6.2.4/power-per-throughput"].status == "not_applicable"


@pytest.mark.parametrize(("sample", "status"), [("TX-200K", "manual_review"), ("TX-400K", "pass")])
def test_quoted_report_of_a_sibling_model(make_pdf: MakePdf, sample: str, status: str) -> None:
    """A bid's grade read after "样品型号：TX-200K" (a sibling's report it quotes) is not TX-400K's."""
    pdf = make_pdf([["投标产品技术文件", "投标型号：TX-400K 模块化不间断电源（400 kVA）"],
                    ["附件：引用检测报告", f"样品型号：{sample}", "能效等级：1级"]], col_width=250)
    assert results(pdf, "ups")["6.3.2/ups-grade"].status == status


@pytest.mark.parametrize(("efficiency", "status"), [("93.6 %", "manual_review"), ("94.6 %", "pass")])
def test_motor_declared_grade_against_its_efficiency(make_pdf: MakePdf, efficiency: str, status: str) -> None:
    """A declared grade 1 beside 11 kW, 4 poles and 93.6 % at rated load (grade 2 under GB 18613-2020) is for a
    person; "load 93.6 %" is no load of 94 %."""
    pdf = make_pdf([["Motor test certificate", ("Item", "Result"), ("Rated output", "11 kW"), ("Poles", "4"),
                     ("Efficiency at rated load", efficiency), ("Energy grade", "Grade 1")]], col_width=200)
    assert results(pdf, "motor")["6.3.3/motor-grade"].status == status


@pytest.mark.parametrize(("sample", "status"), [
    ("KVV22 450/750 V 控制电缆（信号与控制回路，非配电线路）", "not_applicable"),
    ("WDZN-YJY 0.6/1 kV 低烟无卤阻燃电力电缆（配电用，敷设于吊顶）", "fail"),
])
def test_cable_use_named_by_the_sample(make_pdf: MakePdf, sample: str, status: str) -> None:
    pdf = make_pdf([["电缆烟密度检测报告", f"样品：{sample}", ("检测项目", "结果"), ("最小透光率", "48%")]],
                   col_width=200)
    assert results(pdf, "cable")["6.3.6/smoke-transmittance"].status == status


@pytest.mark.parametrize(("plastic", "status"), [("86", "not_applicable"), ("1470", "fail")])
def test_appendix_d_masses(make_pdf: MakePdf, plastic: str, status: str) -> None:
    """"消费后再生塑料质量 0" is a mass, no 0 % share; under 100 g of plastic the clause does not apply."""
    pdf = make_pdf([["附录 D 塑料比例计算", ("项目", "质量 (g)"),
                     ("产品塑料总质量（已扣除附录 D 第 2 条零部件）", plastic), ("消费后再生塑料质量", "0")]],
                   col_width=250)
    assert results(pdf, "laptop")["6.2.2/recycled-plastic"].status == status


def test_exemption_column(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["IPC-1752A Material Declaration", ("Material", "Substance", "PPM", "Exemption"),
                     ("Brass CuZn39Pb3", "Lead", "35000", "6(c)"), ("Brass CuZn39Pb3", "Cadmium", "0", "")]],
                   col_width=120)
    got = results(pdf, "server")
    assert got["6.1.11/pb"].status == "manual_review"
    assert got["6.1.11/cd"].status == "pass"


@pytest.mark.parametrize(("category", "line", "clause"), [
    ("ups", "Energy efficiency grade: Grade 1 (YD/T 2165-2017, telecom UPS)", "6.3.2/ups-grade"),
    ("motor", "Energy efficiency grade: Grade 1 (GB 30253-2013, permanent-magnet synchronous motors)",
     "6.3.3/motor-grade"),
    ("monitor", "Energy efficiency grade: Grade 1 (GB 24850-2020, flat-panel televisions)",
     "6.2.2/monitor-energy-grade"),
])
def test_grade_under_a_standard_not_the_products(make_pdf: MakePdf, category: str, line: str, clause: str) -> None:
    assert results(make_pdf([["Product datasheet", line]], col_width=300), category)[clause].status == "manual_review"


@pytest.mark.parametrize("efficiency", ["94.2 % (at 75 % load)", "94.8 % (60 Hz, 460 V)",
                                        "94.6 % (IE5 minimum per IEC 60034-30-1)"])
def test_motor_efficiency_of_another_condition(make_pdf: MakePdf, efficiency: str) -> None:
    """The grade is not worked out from another load's, frequency's or class's efficiency (no declared grade)."""
    pdf = make_pdf([["Motor datasheet", ("Rated output", "7.5 kW"), ("Poles", "4"), ("Rated efficiency", efficiency)]],
                   col_width=200)
    assert results(pdf, "motor")["6.3.3/motor-grade"].status == "manual_review"


def test_noise_at_a_reduced_fan_speed(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["Switch datasheet", "Declared A-weighted sound power level 7.2 B (fans at 50 % speed)"]],
                   col_width=300)
    assert results(pdf, "switch")["6.2.3/noise-attended"].status == "manual_review"


def test_designed_for_recyclability(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["Storage array datasheet", "Recyclability: designed for >90 % recyclability by weight"]],
                   col_width=300)
    assert results(pdf, "storage")["6.2.1/recyclability"].status == "manual_review"


@pytest.mark.parametrize(("power", "status"), [("260 W", "manual_review"), ("150 W", "pass")])
def test_a_maximum_power_can_pass_never_fail(make_pdf: MakePdf, power: str, status: str) -> None:
    """36 Gbps in the 20–40G row of Table 5: at most 7.2 W/Gbps is not shown over the limit; at most 4.2 passes."""
    pdf = make_pdf([["防火墙规格", ("形态", "1U 固定端口"), ("IPv4 吞吐量（64 字节）", "36 Gbps"),
                     ("最大功耗", power)]], col_width=200)
    assert results(pdf, "firewall")["6.2.4/power-per-throughput"].status == status


def test_a_conclusion_naming_a_nonconformity_declares_nothing(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["检验报告", "检验结论：样品硬盘背板连接线 PVC 绝缘镉含量不符合 GB/T 26572 要求，其余均符合。",
                     ("检测部位", "MDL", "Pb", "Cd"), ("机箱钢板镀锌层", "2", "12", "ND"),
                     ("连接线 PVC 绝缘", "2", "35", "160")]], col_width=110)
    assert results(pdf, "server")["6.1.11/cd"].status == "fail"


def test_a_list_of_loads_is_no_value(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["检验报告", "检验结论：样品在 20%、50%、100% 负载率下的电源效率及功率因数均符合要求。"]],
                   col_width=300)
    assert results(pdf, "server")["6.2.1/psu-eff-20"].status == "missing_evidence"


def test_load_column_of_percents(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["检验结果", ("序号", "检验项目", "负载率", "技术要求", "检验结果", "单项判定"),
                     ("1", "电源效率", "20%", "≥90%", "94.35%", "符合"),
                     ("2", "功率因数", "20%", "≥0.95", "0.962", "符合"),
                     ("3", "电源效率", "50%", "≥94%", "93.1%", "不符合")]], col_width=80)
    got = results(pdf, "server")
    assert (got["6.2.1/psu-eff-20"].status, got["6.2.1/psu-pf-20"].status) == ("pass", "pass")
    assert (got["6.2.1/psu-eff-50"].status, got["6.2.1/psu-eff-50"].value) == ("fail", 93.1)


@pytest.mark.parametrize(("kind", "grade_line", "status"), [
    ("Water-cooled screw chiller, product type: water chiller", "Energy efficiency grade: Grade 1 (GB 19576-2019)",
     "manual_review"),  # the unitary air conditioners' standard on a chiller
    ("Water-cooled screw chiller, product type: water chiller", "Energy efficiency grade: Grade 1 (GB 19577-2024)",
     "pass"),
])
def test_cooling_grade_under_another_kinds_standard(make_pdf: MakePdf, kind: str, grade_line: str,
                                                     status: str) -> None:
    pdf = make_pdf([["Chiller datasheet", kind, grade_line]], col_width=300)
    assert results(pdf, "cooling")["6.3.1.1/chiller-grade"].status == status


def test_grade_of_a_reference_model(make_pdf: MakePdf) -> None:
    pdf = make_pdf([["Online UPS VT-20K", "Energy efficiency grade: Grade 1 (test report of reference model VT-10K)"]],
                   col_width=300)
    assert results(pdf, "ups")["6.3.2/ups-grade"].status == "manual_review"


@pytest.mark.parametrize(("refrigerant", "odp", "status"), [("R1233zd(E)", "0", "manual_review"),
                                                            ("R1234ze(E)", "0", "pass")])
def test_refrigerant_names_with_isomer(make_pdf: MakePdf, refrigerant: str, odp: str, status: str) -> None:
    """R1233zd(E) is read (its ODP < 0.0004 is no printed 0); R1234ze(E)'s 0 agrees."""
    pdf = make_pdf([["Centrifugal chiller LPX-1200", ("Refrigerant", refrigerant), ("ODP", odp)]])
    assert results(pdf, "cooling")["6.3.1.2/odp"].status == status


@pytest.mark.parametrize(("width", "status"), [("482 mm including rack ears; 438 mm without ears", "pass"),
                                               ("438 mm without ears; 482 mm including rack ears", "pass"),
                                               ("482 mm including rack ears", "missing_evidence")])
def test_width_with_and_without_rack_ears(make_pdf: MakePdf, width: str, status: str) -> None:
    """7.5 Gbps: ≤ 12 dm³; 438 × 53 × 500 mm is 11.6 dm³, 482 mm (with the ears) would be 12.8 dm³."""
    pdf = make_pdf([["Hillcrest X-7500 Firewall", "IPv4 throughput (RFC 2544, 64-byte frames): 7.5 Gbps",
                     f"Width {width}", "Depth 500 mm", "Height 53 mm", "Port type fixed ports"]], col_width=300)
    assert results(pdf, "firewall")["6.2.4/volume"].status == status
