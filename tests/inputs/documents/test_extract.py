"""Extraction of each domain case of issue 3 from PDFs built with reportlab."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf
from checker.models import Fact

from .conftest import facts_of

MakePdf = Callable[..., Path]



def values(facts: dict[str, list[Fact]], field: str) -> list[object]:
    return [f.value for f in facts.get(field, [])]


def test_key_value_lines_zh(make_pdf: MakePdf) -> None:
    path = make_pdf([["服务器检验报告", "型号规格：KX5200-G3", "制造商：华北计算",
                      "产品可再生利用率：８２．０％", "20%负载电源效率：92.1%", "50%负载电源效率：94.5%",
                      "100%负载电源效率：91.8%", "50%负载功率因数：0.98"]])
    doc = read_pdf(path)
    assert doc.category == "server"
    assert doc.model == "KX5200-G3"
    assert doc.manufacturer == "华北计算"
    facts = facts_of(path)
    assert values(facts, "recyclability") == [82.0]
    assert values(facts, "psu_efficiency_20") == [92.1]
    assert values(facts, "psu_efficiency_50") == [94.5]
    assert values(facts, "psu_efficiency_100") == [91.8]
    assert values(facts, "psu_power_factor_50") == [0.98]
    ev = facts["psu_efficiency_50"][0].evidence[0]
    assert ev.page == 1 and "94.5%" in ev.text and ev.source == str(path) and not ev.ocr


def test_two_column_spec_table_en(make_pdf: MakePdf) -> None:
    path = make_pdf([["Rack server - Product Datasheet", ("Parameter", "Value"), ("Model", "SR2288-V7"),
                      ("PSU efficiency at 20 % load", "92.1 %"), ("PSU power factor at 20 % load", "0.962"),
                      ("PSU efficiency at 50 % load", "0.949"), ("PSU efficiency at 100 % load", "92.4")]],
                    col_width=220)
    facts = facts_of(path, "server")
    assert [(f.value, f.unit) for f in facts["psu_efficiency_20"]] == [(92.1, "%")]
    assert values(facts, "psu_power_factor_20") == [0.962]
    eff50 = facts["psu_efficiency_50"][0]
    assert (eff50.value, eff50.unit) == (0.949, "")  # a bare fraction stays a fraction, unit ""
    eff100 = facts["psu_efficiency_100"][0]
    assert (eff100.value, eff100.unit) == (92.4, "%") and "percent" in eff100.note


def test_loads_as_columns_ten_percent_is_not_twenty(make_pdf: MakePdf) -> None:
    path = make_pdf([["Storage system datasheet", ("Load", "10%", "20%", "50%", "100%"),
                      ("Efficiency", "87.1%", "90.2%", "94.0%", "91.2%"),
                      ("Power factor", "0.871", "0.931", "0.978", "0.989")]], col_width=90)
    facts = facts_of(path, "storage")
    assert values(facts, "psu_efficiency_20") == [90.2]
    assert values(facts, "psu_efficiency_50") == [94.0]
    assert values(facts, "psu_efficiency_100") == [91.2]
    assert values(facts, "psu_power_factor_20") == [0.931]


def test_loads_as_rows_report_zh(make_pdf: MakePdf) -> None:
    path = make_pdf([["统一存储设备检验报告", "电源效率及功率因数",
                      ("负载率", "电源效率", "功率因数", "技术要求"), ("10%", "87.1%", "0.871", "——"),
                      ("20%", "90.2%", "0.931", "效率≥90%"), ("50%", "94.0%", "0.978", "效率≥94%"),
                      ("100%", "91.2%", "0.989", "效率≥91%")]], col_width=100)
    facts = facts_of(path, "storage")
    assert values(facts, "psu_efficiency_20") == [90.2]
    assert values(facts, "psu_power_factor_100") == [0.989]
    assert all(f.value != 90.0 for f in facts["psu_efficiency_20"])


def test_report_result_column_not_the_requirement(make_pdf: MakePdf) -> None:
    path = make_pdf([["台式微型计算机检验报告", ("序号", "检验项目", "技术要求", "检验结果", "单项判定"),
                      ("1", "产品可再生利用率", "≥80%", "85.2%", "合格"),
                      ("2", "能效等级", "2级及以上", "一级", "合格"),
                      ("3", "空闲状态噪声", "≤40dB(A)", "24.3dB(A)", "合格")]], col_width=100)
    facts = facts_of(path, "desktop")
    assert values(facts, "recyclability") == [85.2]
    assert values(facts, "energy_grade") == [1.0]
    assert [(f.value, f.unit) for f in facts["noise_idle"]] == [(24.3, "dB(A)")]


@pytest.mark.parametrize("text", ["50%负载时电源效率94.5%",
                                  "At 50% load the power supply reaches an efficiency of 94.5%."])
def test_prose(make_pdf: MakePdf, text: str) -> None:
    facts = facts_of(make_pdf([["Server", text]]), "server")
    assert values(facts, "psu_efficiency_50") == [94.5]


def test_values_spread_over_rows(make_pdf: MakePdf) -> None:
    path = make_pdf([["Diesel generator set", "Sound pressure level at 1 m, dB(A)",
                      ("Front (fan side)", "Rear", "Left", "Right"), ("102.1", "98.4", "99.7", "100.2")]],
                    col_width=110)
    facts = facts_of(path, "generator")
    assert [(f.value, f.unit) for f in facts["noise_front"]] == [(102.1, "dB(A)")]
    assert values(facts, "noise_back") == [98.4]
    assert values(facts, "noise_left") == [99.7]
    assert values(facts, "noise_right") == [100.2]


def test_switch(make_pdf: MakePdf) -> None:
    path = make_pdf([["以太网交换机 DC6832", "设备类别：数据中心", "交换容量：6.4 Tbps", "最大吞吐量：3,200,000 Mbps",
                      "电源类型：多路输出电源", ("负载", "0%", "10%", "30%", "100%"),
                      ("功耗 (W)", "410.0", "470.0", "505.0", "640.0"),
                      "声功率级 LWAd：7.9 B", "1 m处声压级：57.5 dB(A)"]], col_width=90)
    facts = facts_of(path)
    assert values(facts, "device_class") == ["data_center"]
    assert [(f.value, f.unit) for f in facts["max_throughput"]] == [(3200000.0, "Mbps")]
    assert values(facts, "psu_type") == ["multi"]
    assert values(facts, "power_u1") == [410.0]
    assert values(facts, "power_u2") == [505.0]  # data centre: u2 at 30 %
    assert values(facts, "power_u3") == [640.0]
    assert [(f.value, f.unit) for f in facts["noise_lwad"]] == [(7.9, "B")]


def test_switch_access_class_u2_at_ten_percent(make_pdf: MakePdf) -> None:
    path = make_pdf([["Ethernet switch AC2428", "Device class: Access", "Switching capacity: 190 Gbps",
                      "The switch draws 85.0 W at 0% traffic load, 98.0 W at 10% traffic load, "
                      "120.0 W at 100% traffic load."]])
    facts = facts_of(path, "switch")
    assert values(facts, "power_u1") == [85.0]
    assert values(facts, "power_u2") == [98.0]
    assert values(facts, "power_u3") == [120.0]
    assert "max_throughput" not in facts  # switching capacity counts both directions


def test_sound_pressure_is_never_noise_lwad(make_pdf: MakePdf) -> None:
    path = make_pdf([["Ethernet switch", "Acoustic noise: LpA 45 dB typical", "Sound pressure at 1 m: 48 dB(A)"]])
    assert "noise_lwad" not in facts_of(path, "switch")


@pytest.mark.parametrize(("row", "read"), [
    (("Acoustic noise", "LwA: 5.6B declared ● LpA: 44dB, 47 dB max"), [(5.6, "B")]),
    (("Acoustic noise", "LwA: 5.6B typical"), [(None, "B")]),  # a typical value: doubtful
    (("Acoustic noise", "peak operation maximum 55 dBA"), []),
    (("噪声", "55 dB(A)"), []),
    (("Sound power level", "72 dB(A)"), [(72.0, "dB(A)")]),  # noted as decibels of sound power
    (("噪声（声功率级）", "72 dB(A)"), [(72.0, "dB(A)")]),
    (("Acoustic noise", "6.1 B"), [(6.1, "B")]),
])
def test_decibels_are_sound_power_only_where_said(make_pdf: MakePdf, row: tuple[str, str],
                                                  read: list[tuple[float, str]]) -> None:
    """Cisco's C9300 and ASR 920 datasheets: "LpA: 44dB" after an LwA label, and "Acoustic noise … 55 dBA" (a
    sound pressure, perhaps) were read as sound power; decibels are sound power only on a line that says so."""
    path = make_pdf([["Ethernet switch data sheet", row]], col_width=160)
    assert [(f.value, f.unit) for f in facts_of(path, "switch").get("noise_lwad", [])] == read


def test_firewall(make_pdf: MakePdf) -> None:
    path = make_pdf([["Next-generation firewall SG3600", ("Firewall throughput (1518 bytes)", "40.0 Gbps"),
                      ("IPv4 throughput (64 bytes, RFC 2544)", "12.0 Gbps"),
                      ("Power at maximum throughput", "150 W"), ("Typical power consumption", "110 W"),
                      ("Dimensions with rack ears (W x H x D)", "19.0 x 1.73 x 15.70 in"),
                      ("Dimensions (W x H x D)", "17.20 x 1.73 x 15.70 in")]], col_width=230)
    facts = facts_of(path)
    assert values(facts, "fw_throughput") == [12.0]
    assert values(facts, "fw_power") == [150.0]
    assert [(f.value, f.unit) for f in facts["length"]] == [(17.2, "in")]
    assert values(facts, "height") == [1.73]
    assert values(facts, "depth") == [15.7]


def test_firewall_dimensions_zh_mm(make_pdf: MakePdf) -> None:
    path = make_pdf([["网络防火墙检验报告", ("长（不含挂耳）", "440mm"), ("高", "88mm"), ("深", "600mm"),
                      ("含挂耳宽度", "483mm")]])
    facts = facts_of(path, "firewall")
    assert values(facts, "length") == [440.0] and values(facts, "height") == [88.0]
    assert values(facts, "depth") == [600.0]


def test_generator_zh(make_pdf: MakePdf) -> None:
    path = make_pdf([["柴油发电机组 SD80-GF", "机组额定功率，常用功率（PRP）：80kW", "功率类型：常用功率（PRP）",
                      "柴油机总功率：92kW", "燃油消耗率：252 g/kW·h", "声功率级 LwA：117,2 dB(A)",
                      "按附录H方法，在距机组1 m处测得噪声：正前方（风扇侧）107.3dB(A)，正后方103.0dB(A)，"
                      "左侧104.1 dB(A)，右侧104.6dB(A)。"]], font_size=8)  # at 10 pt the sentence ran off the page
    facts = facts_of(path)
    assert [(f.value, f.unit) for f in facts["rated_power"]] == [(80.0, "kW")]
    assert values(facts, "rating_type") == ["prime"]
    assert [(f.value, f.unit) for f in facts["fuel_rate"]] == [(252.0, "g/kWh")]
    assert [(f.value, f.unit) for f in facts["sound_power_lwa"]] == [(117.2, "dB(A)")]
    assert values(facts, "noise_front") == [107.3] and values(facts, "noise_right") == [104.6]
    assert "noise_lwad" not in facts


@pytest.mark.parametrize(("line", "rating"), [("Rating : Prime", ["prime"]), ("Rating: Standby", ["standby"]),
                                              ("Rating checked with the set in standby mode", [])])
def test_generator_rating_line(make_pdf: MakePdf, line: str, rating: list[str]) -> None:
    """"Rating" names the rating type as a whole label or a "Rating : …" line, not as a word of a sentence."""
    facts = facts_of(make_pdf([["Diesel generator set DG-4034A", "Model : DG-4034A", line]]))
    assert values(facts, "rating_type") == rating


def test_generator_rating_table(make_pdf: MakePdf) -> None:
    path = make_pdf([["Generator set data sheet", "Model: C1000 D5", ("", "Standby", "", "", "", "Prime"),
                      ("", "kW (kVA)", "", "", "", "kW (kVA)"), ("Ratings", "833 (1041)", "", "", "", "751 (939)"),
                      ("Load", "1/4", "1/2", "3/4", "Full", "1/4", "1/2", "3/4", "Full"),
                      ("L/hr", "55", "105", "154", "204", "51", "94", "139", "184")]], col_width=55)
    facts = facts_of(path)
    assert [(f.value, f.unit) for f in facts["rated_power"]] == [(751.0, "kW")]
    assert values(facts, "rating_type") == ["prime"]
    assert [(f.value, f.unit) for f in facts["fuel_flow_100"]] == [(184.0, "L/hr")]
    assert "prime" in facts["rated_power"][0].note


PAH_ROWS = [("萘", "91-20-3", "0.2", "未检出"), ("菲", "85-01-8", "0.2", "0.52"), ("蒽", "120-12-7", "0.2", "ND"),
            ("荧蒽", "206-44-0", "0.2", "0.31"), ("芘", "129-00-0", "0.2", "0.44"),
            ("苯并(a)蒽", "56-55-3", "0.2", "<0.2"), ("䓛", "218-01-9", "0.2", "0.27"),
            ("苯并(b)荧蒽", "205-99-2", "0.2", "N.D."), ("苯并(k)荧蒽", "207-08-9", "0.2", "未检出"),
            ("苯并(j)荧蒽", "205-82-3", "0.2", "未检出"), ("苯并(e)芘", "192-97-2", "0.2", "未检出"),
            ("苯并(a)芘", "50-32-8", "0.2", "未检出"), ("二苯并(a,h)蒽", "53-70-3", "0.2", "未检出"),
            ("茚并(1,2,3-cd)芘", "193-39-5", "0.2", "未检出"), ("苯并(g,h,i)芘", "191-24-2", "0.2", "0.9")]


def test_pah_table_zh(make_pdf: MakePdf) -> None:
    rows: list[object] = ["多环芳烃（PAHs）含量", ("检测项目", "CAS号", "检出限(mg/kg)", "检测结果(mg/kg)")]
    rows += PAH_ROWS
    facts = facts_of(make_pdf([rows], col_width=120), "desktop")
    assert len([f for f in facts if f.startswith("pah_")]) == 15
    assert facts["pah_naphthalene"][0].qualifier == "lt"  # not detected: below its 检出限
    assert values(facts, "pah_phenanthrene") == [0.52]
    lt = facts["pah_benzo_a_anthracene"][0]
    assert (lt.value, lt.qualifier, lt.unit) == (0.2, "lt", "mg/kg")
    assert values(facts, "pah_benzo_ghi_perylene") == [0.9]  # the standard's misprint 苯并(g,h,i)芘
    assert facts["bap"][0].qualifier == "lt" and facts["pah_benzo_a_pyrene"][0].qualifier == "lt"
    assert all(f.value != 0.2 or f.qualifier == "lt" for fs in facts.values() for f in fs)  # never the MDL


def test_pah_rows_by_cas_and_english(make_pdf: MakePdf) -> None:
    rows: list[object] = [("Test item", "CAS No.", "Unit", "MDL", "Result")]
    rows += [("Benzo[a]pyrene", "50-32-8", "mg/kg", "0.2", "1.3"), ("", "191-24-2", "mg/kg", "0.2", "ND")]
    facts = facts_of(make_pdf([rows], col_width=100), "laptop")
    assert values(facts, "bap") == [1.3] and values(facts, "pah_benzo_a_pyrene") == [1.3]
    assert (facts["pah_benzo_ghi_perylene"][0].qualifier, facts["pah_benzo_ghi_perylene"][0].value) == ("lt", 0.2)


def test_two_different_readings_give_two_facts(make_pdf: MakePdf) -> None:
    path = make_pdf([["Server", "PSU efficiency at 50 % load: 94.5 %"],
                     ["Server", "PSU efficiency at 50 % load: 93.9 %"]])
    facts = facts_of(path, "server")
    assert sorted(float(str(v)) for v in values(facts, "psu_efficiency_50")) == [93.9, 94.5]
    assert {f.evidence[0].page for f in facts["psu_efficiency_50"]} == {1, 2}


def test_same_occurrence_once(make_pdf: MakePdf) -> None:
    facts = facts_of(make_pdf([["Server", "PSU efficiency at 50 % load: 94.5 %"]]), "server")
    assert values(facts, "psu_efficiency_50") == [94.5]


def test_category_given_by_caller_wins(make_pdf: MakePdf) -> None:
    path = make_pdf([["以太网交换机", "50%负载电源效率：92.5%"]])
    assert read_pdf(path, "firewall").category == "firewall"
    assert read_pdf(path).category == "switch"


def test_irrelevant_pages_skip_tables(make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.inputs.documents import pdf_tables as tables

    calls: list[int] = []
    original = tables.TableReader.rows

    def spy(self: tables.TableReader, index: int) -> list[object]:
        calls.append(index)
        return original(self, index)  # type: ignore[return-value]

    monkeypatch.setattr(tables.TableReader, "rows", spy)
    boiler = ["本报告仅对来样负责。", "检验机构声明：未经书面批准，不得部分复制本报告。"]
    path = make_pdf([boiler] * 5 + [["服务器", "50%负载电源效率：94.5%"]])
    doc = read_pdf(path, "server")
    assert [f.value for f in doc.facts if f.field == "psu_efficiency_50"] == [94.5]
    assert calls == []


def test_every_sample_document_category_is_detected() -> None:
    """Regression: the two 小型潜水电泵 (GB 32029) documents were not detected as pumps."""
    import json

    samples = Path(__file__).resolve().parents[3] / "samples" / "documents"
    truth = json.loads((samples / "truth.json").read_text(encoding="utf-8"))
    detected = {name: read_pdf(samples / name, ocr=False).category for name, spec in truth.items()
                if not spec.get("scanned")}
    assert {n: c for n, c in detected.items() if c != truth[n]["category"]} == {}


@pytest.mark.parametrize("head", [("Traffic load", "Power (W)"), ("负载", "功率(W)"), ("负载率", "功耗(W)"),
                                  ("Load level", "Power consumption (W)")])
def test_switch_power_by_load_table(make_pdf: MakePdf, head: tuple[str, str]) -> None:
    """Issue 13: a switch's power at 0 / 10 / 100 % traffic as a two-column table (the load column's header
    words are data: load_markers and load_column_headers of catalogs/vocabulary.yaml)."""
    path = make_pdf([["Ethernet switch specification", "Device class: access", head, ("0%", "38.5"),
                      ("10%", "38.9"), ("100%", "39.4")]], col_width=150)
    facts = {f.field: f.value for f in read_pdf(path, "switch").facts}
    assert (facts.get("power_u1"), facts.get("power_u2"), facts.get("power_u3")) == (38.5, 38.9, 39.4)


def test_label_row_naming_several_quantities_lends_none_to_the_rows_below(make_pdf: MakePdf) -> None:
    """Issue 13 (unseen lab report, seed 60613): a header whose cells ran together ("Input power (W) Output
    power (W) Efficiency (%) Power factor") named the power factor for every number below (270.9, 240.0,
    88.6 read as power factors). Such a row lends no label; the rows below are left for the table reader."""
    path = make_pdf([["Server test report", ("Load", "Input power (W) Output power (W) Efficiency (%) Power factor"),
                      ("20%", "270.9", "240.0", "88.6", "0.952"), ("50%", "654.3", "600.0", "91.7", "0.947")]],
                    col_width=110)
    facts = read_pdf(path, "server").facts
    assert not [f for f in facts if f.field.startswith("psu_power_factor") and f.value not in (0.952, 0.947)]
    assert not [f for f in facts if f.field.startswith("psu_efficiency") and f.value not in (88.6, 91.7)]


def test_label_row_naming_one_quantity_still_lends_it(make_pdf: MakePdf) -> None:
    path = make_pdf([["Server test report", "Power factor", ("20%", "0.952"), ("50%", "0.947")]], col_width=110)
    facts = {f.field: f.value for f in read_pdf(path, "server").facts}
    assert facts.get("psu_power_factor_20") == 0.952 and facts.get("psu_power_factor_50") == 0.947


def test_a_sentence_wrapped_over_two_lines(make_pdf: MakePdf) -> None:
    """Issue 13 (unseen brochure, seed 60613): "… Power factor at 20% load" ⏎ "is 0.927. Efficiency at 50% load
    is 93.8 %." — the value ends the sentence of the line above; it never takes the next sentence's label."""
    path = make_pdf([["Server brochure", "Efficiency at 20% load is 91%. Power factor at 20% load",
                      "is 0.927. Efficiency at 50% load is 93.8 %.",
                      "Power factor at 50% load is 0.94. Efficiency at 100%",
                      "load is 91.3%. Power factor at 100% load is 0.974."]], col_width=400)
    facts = {f.field: f.value for f in read_pdf(path, "server").facts}
    assert facts == {"psu_efficiency_20": 91.0, "psu_power_factor_20": 0.927, "psu_efficiency_50": 93.8,
                     "psu_power_factor_50": 0.94, "psu_efficiency_100": 91.3, "psu_power_factor_100": 0.974}


def test_a_value_never_takes_the_label_of_the_next_sentence(make_pdf: MakePdf) -> None:
    path = make_pdf([["Server brochure", "The supply is rated 0.927. Efficiency at 50% load is 93.8 %."]],
                    col_width=400)
    facts = [(f.field, f.value) for f in read_pdf(path, "server").facts]
    assert facts == [("psu_efficiency_50", 93.8)]


@pytest.mark.parametrize(("lines", "expected"), [
    (["用途：配电线路电缆", "敷设方式：敷设在隐蔽通风空间"],
     {"power_distribution": True, "concealed_ventilated_space": True}),
    (["Application: power distribution cable", "Installation: laid in concealed ventilated spaces"],
     {"power_distribution": True, "concealed_ventilated_space": True}),
    (["Application: data communication cable", "Installation: in conduit"],
     {"power_distribution": False, "concealed_ventilated_space": False}),
    (["Application: general purpose", "Installation: see manual"], {}),  # says neither: not read (6.3.6 assumes)
    (["配电线路电缆：是", "敷设在隐蔽通风空间：否"], {"power_distribution": True, "concealed_ventilated_space": False}),
])
def test_cable_scope_flags_from_their_words(make_pdf: MakePdf, lines: list[str], expected: dict[str, bool]) -> None:
    """Issue 13: the two flags of 6.3.6's scope are read only from words that say them (true_words/false_words of
    vocabulary.yaml), never from the mere presence of a label."""
    path = make_pdf([["Cable datasheet 电缆", *lines]], col_width=300)
    facts = {f.field: f.value for f in read_pdf(path, "cable").facts}
    assert facts == expected


def test_yes_as_the_answer_of_a_flag(make_pdf: MakePdf) -> None:
    path = make_pdf([["服务器技术参数", "含电池：是"]], col_width=300)
    facts = {f.field: f.value for f in read_pdf(path, "server").facts}
    assert facts == {"has_battery": True}


def test_bare_numbers_take_the_unit_of_the_column_header_above(make_pdf: MakePdf) -> None:
    """Issue 13 (unseen zh datasheet, seed 4711): "测点位置 | 声压级 dB(A)" then "正前方 | 98.9" rows."""
    path = make_pdf([["柴油发电机组", ("测点位置", "声压级 dB(A)"), ("正前方", "98.9"), ("正后方", "96.8"),
                      ("左侧", "97.2"), ("右侧", "97.5")]], col_width=150)
    facts = {f.field: (f.value, f.unit) for f in read_pdf(path, "generator").facts}
    assert facts == {"noise_front": (98.9, "dB(A)"), "noise_back": (96.8, "dB(A)"), "noise_left": (97.2, "dB(A)"),
                     "noise_right": (97.5, "dB(A)")}


def test_a_header_unit_that_does_not_fit_leaves_bare_numbers_to_their_own_rule(make_pdf: MakePdf) -> None:
    path = make_pdf([["Server", ("Position", "Sound pressure dB(A)"), ("Front", "48.0"),
                      "PSU efficiency at 50% load: 94"]], col_width=150)
    facts = {f.field: (f.value, f.unit) for f in read_pdf(path, "server").facts}
    assert facts.get("psu_efficiency_50") == (94.0, "%")


@pytest.mark.parametrize(("line", "expected"), [("PSU output: single-output", "single"),
                                                ("电源输出类型：多路输出", "multi"),
                                                ("Power supply output: multiple output", "multi")])
def test_psu_output_type_words(make_pdf: MakePdf, line: str, expected: str) -> None:
    """Issue 13: the single/multi-path PSU named as the PSU's output (the labels are data in vocabulary.yaml)."""
    facts = {f.field: f.value for f in read_pdf(make_pdf([["Ethernet switch 以太网交换机", line]], col_width=300),
                                                    "switch").facts}
    assert facts.get("psu_type") == expected


@pytest.mark.parametrize(("printed", "read"), [("1906.0", [1906.0]), ("2000.0", [2000.0]), ("2085.8", [2085.8]),
                                              ("2021.5 W", [2021.5]), ("2021.06", [2021.06]), ("2023.6", [2023.6]),
                                              ("2039.5", [2039.5])])
def test_a_power_that_looks_like_a_year(make_pdf: MakePdf, printed: str, read: list[float]) -> None:
    """A number alone in its cell of a row a load heads is a reading ("10% | 2039.5" under "Power (W)"), even where
    it could be a year and a month elsewhere (seeds 919191, 8128)."""
    path = make_pdf([["Switch SW-1 data sheet", "Device class: access switch", ("Traffic load", "Power (W)"),
                      ("0%", "1819.6"), ("10%", printed), ("100%", "2168.2")]])
    assert values(facts_of(path, "switch"), "power_u2") == read


@pytest.mark.parametrize("printed", ["2021.06", "2023.6"])
def test_a_year_and_month_in_a_sentence_is_no_value(make_pdf: MakePdf, printed: str) -> None:
    """Outside a load row's cells "2023.6" may be June 2023: never a second reading beside the value."""
    path = make_pdf([["Server SR-1 data sheet", f"PSU efficiency at 50% load: 94.5 %, tested {printed}"]],
                    col_width=400)
    assert values(facts_of(path, "server"), "psu_efficiency_50") == [94.5]


@pytest.mark.parametrize(("first_lines", "model"), [
    (["DocuSign Envelope ID: CE6CFC3B-581B-4D54-83DD-78FDF6B88F4D", "Statement of compliance"], None),
    (["DocuSign Envelope ID: 0A1B2C3D-581B-4D54-83DD-78FDF6B88F4D", "Rack server NX4839Pro"], "NX4839Pro"),
])
def test_a_signing_envelope_id_is_not_the_model(make_pdf: MakePdf, first_lines: list[str], model: str | None
                                                ) -> None:
    """The id a signing service stamps on every page (the TI RoHS statement) names no product."""
    path = make_pdf([[*first_lines, "50%负载电源效率：94.5%"]])
    assert read_pdf(path, "server").model == model


@pytest.mark.parametrize(("line", "expected"), [
    ("PSU efficiency at 50% rated voltage: 96%", {}),  # a percent of the voltage is no load
    ("PSU efficiency at 50% humidity: 96%", {}),
    ("PSU efficiency at 50% duty cycle: 96%", {}),
    ("Efficiency at half load: 96%", {"psu_efficiency_50": 96.0}),  # not "load: 96%" as a load of 96 %
    ("Efficiency at full load: 93%", {"psu_efficiency_100": 93.0}),
    ("PSU efficiency at 50% load, 50 Hz: 96%", {"psu_efficiency_50": 96.0}),
    ("PSU efficiency, 20/50/100% load: 92/96/93 %",  # one percent sign for the list of loads
     {"psu_efficiency_20": 92.0, "psu_efficiency_50": 96.0, "psu_efficiency_100": 93.0}),
])
def test_what_a_percent_is_of(make_pdf: MakePdf, line: str, expected: dict[str, float]) -> None:
    path = make_pdf([["Rack server specification", "Model: NX4839Pro", line]])
    got = {f.field: f.value for f in read_pdf(path, "server").facts if f.field.startswith("psu_eff")}
    assert got == expected


@pytest.mark.parametrize(("lines", "category"), [
    # the title's product noun over a feature's words: a firewall with a switch module is a firewall
    (["NGF-3000 Next-Generation Firewall", "Integrated 24-port Ethernet switch module",
      "Switching capacity: 128 Gbps", "IPv4 throughput (64-byte): 20 Gbps"], "firewall"),
    (["S5735 Ethernet Switch", "Built-in firewall (ACL) features", "Maximum throughput: 176 Gbps"], "switch"),
    (["R-200 2U rack server", "Storage: 12 x 3.5 in drive bays", "PSU efficiency at 50% load: 96%"], "server"),
])
def test_the_titles_product_noun_names_the_category(make_pdf: MakePdf, lines: list[str], category: str) -> None:
    """Bug: the firewall's switch module (title rows count three times) made it a switch, so Table 5 went unchecked."""
    assert read_pdf(make_pdf([lines])).category == category


@pytest.mark.parametrize(("lines", "category"), [
    # a product noun followed by a description naming another category: the product noun wins
    (["Tianhe G17 - desktop replacement notebook", "Product type Notebook computer (17.3-inch, desktop replacement)",
      "Noise, idle (A-weighted sound power) 38 dB(A)"], "laptop"),
    (["Tianhe G17 desktop-class notebook", "Noise, idle (A-weighted sound power) 38 dB(A)"], "laptop"),
    (["Tianhe G17 notebook (replaces a desktop PC)", "Noise, idle (A-weighted sound power) 38 dB(A)"], "laptop"),
    (["Tianhe X27 display monitor (for desktop PCs)", "Energy efficiency grade 2"], "monitor"),
    (["天河 G19 台式机替代型笔记本电脑", "空闲状态噪声（声功率级） 38 dB(A)"], "laptop"),
    # honest: the noun named alone, or a description naming the same category
    (["天河 G18 笔记本电脑（台式机替代型）", "产品类型 笔记本电脑", "空闲状态噪声（声功率级） 38 dB(A)"], "laptop"),
    (["Kestrel K8 desktop computer", "Product type Desktop computer (tower, 8 L)",
      "Noise, idle (A-weighted sound power) 38 dB(A)"], "desktop"),
    (["QS-A24 台式微型计算机（一体机）", "空闲状态噪声（声功率级） 38 dB(A)"], "desktop"),
], ids=["desktop-replacement", "desktop-class", "parenthesis", "monitor-for-desktops", "replacement-zh",
        "parenthesis-zh", "desktop", "all-in-one"])
def test_a_description_naming_another_category_is_no_product_noun(make_pdf: MakePdf, lines: list[str],
                                                                  category: str) -> None:
    """Bug: "desktop replacement notebook" was a desktop and judged on the desktop noise limits (red-team round 6)."""
    assert read_pdf(make_pdf([lines])).category == category


@pytest.mark.parametrize("rows", [
    [("Load (%)", "20", "50", "100"), ("Efficiency (%)", "90", "95", "91")],
    [("负载率(%)", "20", "50", "100"), ("电源效率(%)", "90", "95", "91")],
    [("负载率(%)", "输入功率(W)", "输出功率(W)", "效率(%)"), ("20", "178", "160", "90"), ("50", "421", "400", "95"),
     ("100", "879", "800", "91")],
], ids=["loads-as-columns", "loads-as-columns-zh", "loads-as-rows-zh"])
def test_loads_printed_without_their_percent_sign(make_pdf: Callable[..., Path], rows: list[object]) -> None:
    """A load header in percent ("Load (%)", "负载率(%)") over bare numbers: the numbers are the loads (no value was
    read before)."""
    facts = facts_of(make_pdf([["2U rack server R-200", *rows]], col_width=90), "server")
    assert [values(facts, f"psu_efficiency_{load}") for load in (20, 50, 100)] == [[90.0], [95.0], [91.0]]
