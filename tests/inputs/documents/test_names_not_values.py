"""Numbers that are names are not values (issue #11 item 5): test-method and standard numbers (also as
OCR mangles them), clause, table and page references, report numbers, dates, directives, footnote
markers after a label, refrigerant names, counts in labels. The value printed next to them is
still read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.inputs.documents import read_pdf
from checker.inputs.documents.numbers import fold

MakePdf = Callable[..., Path]


def readings(path: Path, category: str, field: str) -> list[tuple[object, str]]:
    return [(f.value, f.qualifier) for f in read_pdf(path, category).facts if f.field == field]


@pytest.mark.parametrize(("row", "field", "expected"), [
    ("Mercury (Hg): EPA 3052", "hg", []),
    (("Hg", "EPA 3052 & IEC 62321", "ICP-AES", "禁止"), "hg", []),
    (("Hg", "EPA3050A & IEC62321", "5 mg/kg"), "hg", [(5.0, "")]),
    (("Lead (Pb)", "1EC 62321-5", "ND"), "pb", [(None, "nd")]),
    (("Lead (Pb)", "lEC62321", "12 mg/kg"), "pb", [(12.0, "")]),
    ("Cadmium (Cd) by GB/T 26572: 2 mg/kg", "cd", [(2.0, "")]),
    ("铅(Pb), EN 62321-5：10 mg/kg", "pb", [(10.0, "")]),  # a colon without a year ends the number
    ("镉(Cd), GB/T 39560.4：10 mg/kg", "cd", [(10.0, "")]),
    ("Mercury (Hg) IEC 62321-4:2013+A1:2017 5 mg/kg", "hg", [(5.0, "")]),  # the amendment's year is no value
    ("Mercury (Hg) IEC 62321-4:2013/AMD1:2017 5 mg/kg", "hg", [(5.0, "")]),
    ("Mercury (Hg) per 2011/65/EU and (EU) 2015/863: 5 mg/kg", "hg", [(5.0, "")]),
    ("Mercury (Hg) tested 30 Jul 2022: 5 mg/kg", "hg", [(5.0, "")]),
    ("Mercury (Hg) tested July 21, 2011: 5 mg/kg", "hg", [(5.0, "")]),
    ("Test Report No. RT13R-U0530  Mercury (Hg) 12 mg/kg", "hg", [(12.0, "")]),
    ("汞（Hg）见表2：5 mg/kg", "hg", [(5.0, "")]),
    ("Mercury (Hg), see Table 3: 5 mg/kg", "hg", [(5.0, "")]),
    ("Mercury (Hg), clause 6.1.11: 5 mg/kg", "hg", [(5.0, "")]),
    ("Mercury (Hg) 5 mg/kg   Page 2 of 4", "hg", [(5.0, "")]),
    ("汞(Hg) 5 mg/kg  第 3 页 共 4 页", "hg", [(5.0, "")]),
    (("Mercury¹", "5 mg/kg"), "hg", [(5.0, "")]),
    (("Hg (1)", "5 mg/kg"), "hg", [(5.0, "")]),
    (("汞(1)", "5 mg/kg"), "hg", [(5.0, "")]),
    (("Pb*", "5 mg/kg"), "pb", [(5.0, "")]),
    ("15种多环芳烃总和：1.2 mg/kg", "pah15_sum", [(1.2, "")]),
    ("Sum of the 15 PAHs: 1.2 mg/kg", "pah15_sum", [(1.2, "")]),
])
def test_substance_names_are_not_values(make_pdf: MakePdf, row: object, field: str,
                                        expected: list[tuple[object, str]]) -> None:
    # 六价铬 makes the page relevant (single-character labels such as 汞 alone do not)
    path = make_pdf([["Desktop computer test report", row, ("六价铬", "未检出")]], col_width=140)
    assert readings(path, "desktop", field) == expected


@pytest.mark.parametrize("line", ["PSU efficiency at 50% load (see 6.3.2): 94.5%",
                                  "5.2 电源效率（50%负载）：94.5%",
                                  "PSU efficiency at 50% load (Table 3, Annex B.1): 94.5%",
                                  "电源效率（表2，第5.2条）50%负载：94.5%"])
def test_references_are_not_efficiencies(make_pdf: MakePdf, line: str) -> None:
    assert readings(make_pdf([["Rack server", line]]), "server", "psu_efficiency_50") == [(94.5, "")]


@pytest.mark.parametrize(("line", "expected"), [
    ("Refrigerant R410A, ODP 0", [(0.0, "")]),
    ("ODP of R-410A: 0", [(0.0, "")]),
    ("ODP (R123): 0.02", [(0.02, "")]),
    ("ODP: R123", []),
    ("ODP  HCFC-22", []),
])
def test_refrigerant_names_are_not_an_odp(make_pdf: MakePdf, line: str, expected: list[tuple[object, str]]) -> None:
    assert readings(make_pdf([["Water-cooled chiller", line]]), "cooling", "odp") == expected


def test_refrigerant_text_runs_to_its_cells_end(make_pdf: MakePdf) -> None:
    """The refrigerant's text runs to its cell's end (an option after a separator is named too: cool09), and only
    the refrigerants in it count ("ODP：0" names none)."""
    from checker.catalog.clauses import load_catalog
    from checker.engine.refrigerants import designations

    facts = read_pdf(make_pdf([["冷水机组", "制冷剂R-32，ODP：0"]]), "cooling").facts
    texts = [str(f.value) for f in facts if f.field == "refrigerant"]
    assert texts == ["R-32，ODP：0"]
    assert designations(texts[0], load_catalog()) == ["R32"]


@pytest.mark.parametrize(("text", "folded"), [("Mercury¹", "Mercury"), ("汞²", "汞"), ("dm³", "dm3"),
                                              ("Cr⁶⁺", "Cr6+"), ("m²", "m2")])
def test_superscript_footnote_markers_are_dropped(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize("head", ["Position (1 m) Sound pressure dB(A)", "测点位置（1 m） 声压级 dB(A)"])
def test_a_distance_in_brackets_is_not_a_value(make_pdf: MakePdf, head: str) -> None:
    """Issue 13 (unseen lab report, seed 4711): "(1 m)" in a column header hid the header's unit."""
    path = make_pdf([["Diesel generator set 柴油发电机组", head, ("Front 正前方", "94.0"), ("Rear 正后方", "97.3")]],
                    col_width=150)
    assert readings(path, "generator", "noise_front") == [(94.0, "")]
    assert readings(path, "generator", "noise_back") == [(97.3, "")]


@pytest.mark.parametrize(("row", "expected"), [
    (("Outlets", "24"), [(24.0, "")]),
    (("Outlets", "100~240 VAC"), []),
    (("Outlets", "110 - 240 V"), []),
    (("Outlets", "110V-\u00ad\u2010240V"), []),  # soft hyphen and U+2010 as Word exports a dash
    (("Outlets", "200-240 VAC 50/60 Hz"), []),
])
def test_an_electrical_range_is_not_a_count(make_pdf: MakePdf, row: tuple[str, str],
                                            expected: list[tuple[object, str]]) -> None:
    """Racktivity's comparison sheet: no field is a voltage, current or frequency, so a range of them is no value
    (read as outlets, 110 outlets would have divided the PDU's power by 110: a false pass)."""
    path = make_pdf([["Rack PDU 机架式配电单元", row]], col_width=160)
    assert readings(path, "pdu", "outlet_count") == expected


@pytest.mark.parametrize(("rows", "expected"), [
    ([("Switchable outlets", "Y", "Y"), ("1x Inlet C20", "Y", "Y")], []),
    ([("Switchable outlets", "✓", "✗"), ("16 A max", "Y", "Y")], []),
    ([("Outlets",), ("24 x C13",)], [(24.0, "")]),
])
def test_a_feature_matrix_row_names_nothing_below_it(make_pdf: MakePdf, rows: list[tuple[str, ...]],
                                                     expected: list[tuple[object, str]]) -> None:
    """"Switchable outlets | Y | Y" answers its own line; the next line's "1x Inlet C20" is no outlet count. A
    label row with no answer ("Outlets" over its value) still names the row below."""
    path = make_pdf([["Rack PDU 机架式配电单元", *rows]], col_width=160)
    assert readings(path, "pdu", "outlet_count") == expected


def test_a_soft_hyphen_is_not_printed() -> None:
    assert fold("110V-\u00ad\u2010240V non-\u00advolatile") == "110V-240V non-volatile"


def test_a_sentence_about_a_product_line_has_no_lead_content(make_pdf: MakePdf) -> None:
    """Cisco's C9300 datasheet: "Catalyst 9300 Series switches are Cisco's lead stackable … the Catalyst 9000
    family" gave lead contents of 9300 and 9000 mg/kg (a wrong fail); a number in a sentence with no unit is no
    content, nor a number naming a series. A table row with a bare number is still read."""
    path = make_pdf([["Ethernet switch data sheet",
                      "Cisco Catalyst 9300 Series switches are Cisco's lead stackable enterprise access switching "
                      "platform, part of the Catalyst 9000 family",
                      ("Lead (Pb)", "12"), ("Mercury (Hg)", "ND")]], col_width=160)
    assert readings(path, "switch", "pb") == [(12.0, "")]


@pytest.mark.parametrize(("rows", "expected"), [
    ([("Pin", "Signal"), ("PB 1", "Main output return"), ("PB 4", "+ Main output")], []),
    ([("Lead (Pb)", "12")], []),
    ([("Lead (Pb)", "12"), ("Cadmium (Cd)", "3")], [(12.0, "")]),
    ([("Lead (Pb)", "12 mg/kg")], [(12.0, "")]),
])
def test_a_content_without_unit_only_in_a_table_of_substances(make_pdf: MakePdf, rows: list[tuple[str, str]],
                                                               expected: list[tuple[object, str]]) -> None:
    """Advanced Energy's DS1050 connector table "PB 1 | Main output return" … "PB 6" gave lead contents of 1 to 6
    mg/kg: a number printed without a unit is a content in mg/kg only where two substances or more are read on
    the page (a table of contents); with its unit it is read anywhere."""
    path = make_pdf([["Server power supply DS1050 data sheet", *rows]], col_width=160)
    assert readings(path, "server", "pb") == expected


@pytest.mark.parametrize(("rows", "expected"), [
    ([("ATIS Pb free", "0600020.2010 Pb"), ("", "Free circuit packs"), ("", "2009 General")], []),
    ([("Lead (Pb)",), ("15 mg/kg",)], [(15.0, "")]),
])
def test_a_label_names_nothing_after_a_line_of_words(make_pdf: MakePdf, rows: list[tuple[str, ...]],
                                                     expected: list[tuple[object, str]]) -> None:
    """Cisco's C6504-E: a narrow cell "ATIS-0600020.2010 Pb Free circuit packs ATIS-0600015-2009 General …"
    wrapped over lines gave a lead content of 2009 mg/kg: an identifier with leading zeros is no value, "Pb free"
    names no content, and a line of words ends what a label line above names."""
    path = make_pdf([["Ethernet switch data sheet", *rows]], col_width=160)
    assert readings(path, "switch", "pb") == expected


@pytest.mark.parametrize(("category", "line", "field", "read"), [
    ("server", "Fan efficiency at 50% load: 95 %", "psu_efficiency_50", False),
    ("server", "Motor efficiency at 50% load: 95 %", "psu_efficiency_50", False),
    ("server", "CPU VR efficiency at 50% load: 95%", "psu_efficiency_50", False),
    ("server", "风扇效率（50%负载）：95%", "psu_efficiency_50", False),
    ("server", "PSU efficiency at 50% load: 95 %", "psu_efficiency_50", True),
    ("desktop", "Recycled plastic content of packaging: 30 %", "recycled_plastic_share", False),
    ("desktop", "Recycled plastic content: 30 % (by weight of packaging)", "recycled_plastic_share", False),
    ("desktop", "Recycled plastic in the keyboard: 30 %", "recycled_plastic_share", False),
    ("desktop", "Recycled plastic content: 30 %", "recycled_plastic_share", True),
])
def test_another_parts_figure_is_not_the_products(make_pdf: Callable[..., Path], category: str, line: str,
                                                  field: str, read: bool) -> None:
    """A fan's or a VRM's efficiency is not the power supply's; the packaging's recycled plastic is not the
    product's: those labels name another thing, and give no value."""
    path = make_pdf([["Product specification", "Model: NX4839Pro", line]])
    assert any(f.field == field for f in read_pdf(path, category).facts) is read


@pytest.mark.parametrize("page", [
    [("No.", "Test item", "Result", "Verdict"), ("1", "Maximum throughput1", "2.56 Tbps", "—")],
    ["Maximum throughput1: 2.56 Tbps"],
    ["Maximum throughput2 2.56 Tbps"],
])
def test_a_footnote_digit_glued_to_a_label(make_pdf: Callable[..., Path], page: list[object]) -> None:
    """A superscript footnote mark reads as a digit glued to the label ("throughput1"): the label still names the
    quantity, and the mark is no value."""
    path = make_pdf([["Ethernet switch test report", *page]], col_width=120)
    assert [(f.field, f.value) for f in read_pdf(path, "switch").facts] == [("max_throughput", 2.56)]


@pytest.mark.parametrize("line", ["PF1: 0.99", "Model S5735 throughput: 2.56 Tbps"])
def test_a_short_label_or_a_model_is_not_a_footnoted_label(make_pdf: Callable[..., Path], line: str) -> None:
    """Short labels ("pf") keep their strict word boundary: "PF1" may name a part; a model's digits stay its own."""
    facts = read_pdf(make_pdf([["Rack server specification", line]]), "server").facts
    assert not any(f.field.startswith("psu_power_factor") for f in facts)


@pytest.mark.parametrize(("line", "read"), [
    ("Fuel consumption at 100% load: 205 g/kWh", True),
    ("Engine specific fuel consumption (BSFC): 198 g/kWh", False),
    ("Engine fuel consumption at 100% load: 198 g/kWh", False),
    ("发动机燃油消耗率：198 g/kWh", False),
    ("柴油机燃油消耗率（100%负载）：198 g/kWh", False),
    ("Fuel consumption at 100% load: 198 g/kWh (engine)", False),
])
def test_the_engines_fuel_rate_is_not_the_sets(make_pdf: Callable[..., Path], line: str, read: bool) -> None:
    """Table 6 limits the set's fuel per kWh of electricity; the engine's rate (per kW at its shaft) is lower."""
    path = make_pdf([["Diesel generator set specification", "Prime power (PRP): 400 kW", line]])
    assert any(f.field == "fuel_rate" for f in read_pdf(path, "generator").facts) is read
