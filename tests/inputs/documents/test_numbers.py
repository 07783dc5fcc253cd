"""numbers.py: every number format of issue 3."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.inputs.documents import read_pdf
from checker.inputs.documents.numbers import find_values, fold, match_unit, parse_number, unit_of
from checker.pipeline import check


@pytest.mark.parametrize(("text", "expected"), [
    ("94.2", 94.2), ("0.942", 0.942), ("105,8", 105.8), ("1,250", 1250.0), ("3,200,000", 3200000.0),
    ("0,236", 0.236), ("26.,4", 26.4), ("1.250,5", 1250.5), ("９４．２", 94.2), ("-3.5", -3.5),
    ("abc", None), ("", None),
])
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


def _values(text: str) -> list[tuple[float | None, str, str]]:
    return [(v.value, v.unit, v.qualifier) for v in find_values(fold(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("94.2 %", [(94.2, "%", "")]),
    ("９４．２％", [(94.2, "%", "")]),
    ("0.95", [(0.95, "", "")]),
    ("105,8 dB(A)", [(105.8, "dB(A)", "")]),
    ("1,250 kW", [(1250.0, "kW", "")]),
    ("5.6 B", [(5.6, "B", "")]),
    ("7.6 Bels", [(7.6, "B", "")]),
    ("63.4 dBA", [(63.4, "dBA", "")]),
    ("28000 Mbps", [(28000.0, "Mbps", "")]),
    ("12.0 Gbps", [(12.0, "Gbps", "")]),
    ("252 g/kWh", [(252.0, "g/kWh", "")]),
    ("252 g/kW·h", [(252.0, "g/kWh", "")]),
    ("0,236 kg/kWh", [(0.236, "kg/kWh", "")]),
    ("184 L/hr", [(184.0, "L/hr", "")]),
    ("12.0 mg/kg", [(12.0, "mg/kg", "")]),
    ("２.１ ㎎/㎏", [(2.1, "mg/kg", "")]),
    ("17.20 in", [(17.2, "in", "")]),
    ("440 mm", [(440.0, "mm", "")]),
    ("ND", [(None, "", "nd")]),
    ("N.D.", [(None, "", "nd")]),
    ("未检出", [(None, "", "nd")]),
    ("<0.2", [(0.2, "", "lt")]),
    ("≤7.6 Bels", [(7.6, "B", "le")]),
    ("N.A.", [(None, "", "na")]),
    ("200W的功耗", [(200.0, "W", "")]),
    ("C1000 D5", []),
    # a range of readings: both decimals whole, never the first cut at its point ("90.5" read as 90: a wrong fail)
    ("90.5–93.0 %", [(90.5, "", ""), (93.0, "%", "")]),
    ("0.96-0.99", [(0.96, "", ""), (0.99, "", "")]),
    ("1.5-3 mm", []),
    ("IEC 62321-7-2", []),
    ("2024-01-01", []),
    # thousands a space sets apart, where a unit follows them (red-team round 6: "1 040 Gbps" read as 040, a wrong fail)
    ("1 040 Gbps", [(1040.0, "Gbps", "")]), ("176 000 Mbps", [(176000.0, "Mbps", "")]),
    ("1 240 g", [(1240.0, "g", "")]),
    ("1 040.5 W", [(1040.5, "W", "")]), ("12 400", [(12.0, "", ""), (400.0, "", "")]),  # no unit: two columns' numbers
    ("10 100%", [(10.0, "", ""), (100.0, "%", "")]), ("1,250 W", [(1250.0, "W", "")]),
    # the unit in the label, the grouped number all its value (Appendix C masses, red-team S19); numbers after numbers
    # are columns ("20 50 100"), and a percent label never groups ("效率(%) 94 100")
    ("整机质量 (g) 21 350", [(21350.0, "", "")]),
    ("负载 (%) 20 50 100", [(20.0, "", ""), (50.0, "", ""), (100.0, "", "")]),
    ("效率(%) 94 100", [(94.0, "", ""), (100.0, "", "")]), ("质量 (g) 21 350 备注", [(21.0, "", ""), (350.0, "", "")]),
])
def test_find_values(text: str, expected: list[tuple[float | None, str, str]]) -> None:
    assert _values(text) == expected


def test_masked_spans_are_skipped() -> None:
    text = fold("RFC 2544 64 bytes 10 Gbps")
    start = text.index("10")
    values = find_values(text, masked=[(0, start)])
    assert [(v.value, v.unit) for v in values] == [(10.0, "Gbps")]


@pytest.mark.parametrize(("label", "unit"), [
    ("效率(%)", "%"), ("L/hr", "L/hr"), ("Fuel, L/hr", "L/hr"), ("噪声 dB(A)", "dB(A)"),
    ("检测结果(mg/kg)", "mg/kg"), ("Efficiency", None),
])
def test_unit_of(label: str, unit: str | None) -> None:
    assert unit_of(label) == unit


def test_match_unit_does_not_jump_cells() -> None:
    assert match_unit("1000  kW", 4) is None
    assert match_unit("1000 kW", 4) == ("kW", 7)


@given(st.integers(min_value=1, max_value=999_999_999))
def test_thousands_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == float(n)


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=0, max_value=99))
def test_decimal_comma_round_trip(whole: int, frac: int) -> None:
    text = f"{whole},{frac:02d}"
    assert parse_number(text) == pytest.approx(whole + frac / 100)


@pytest.mark.parametrize(("line", "field", "doubtful"), [
    ("Lead (Pb): 1.500 mg/kg", "pb", True),  # 1.5 or 1500 mg/kg: both plausible
    ("铅(Pb)：2.000 mg/kg", "pb", True),
    ("Lead (Pb): 1.5 mg/kg", "pb", False),
    ("Lead (Pb): 0.500 mg/kg", "pb", False),  # a leading 0 groups nothing
    ("PSU efficiency at 50% load: 94.500 %", "psu_efficiency_50", False),  # 94 500 % is impossible
])
def test_dots_that_may_group_thousands_are_doubtful(make_pdf: Callable[..., Path], line: str, field: str,
                                                    doubtful: bool) -> None:
    path = make_pdf([["Server test report", "Model: NX4839Pro", line]])
    facts = [f for f in read_pdf(path, "server").facts if f.field == field]
    assert len(facts) == 1
    assert facts[0].note.startswith("doubtful") is doubtful
    assert ("1500" in facts[0].note or "2000" in facts[0].note) is doubtful


@pytest.mark.parametrize(("text", "unit"), [
    ("-48 VDC", "V"), ("230 Vac", "V"), ("230 V", "V"), ("220伏", "V"), ("50 Hz", "Hz"), ("25 ℃", "degC"),
    ("40 °C", "degC"),
])
def test_a_test_conditions_unit_is_read(text: str, unit: str) -> None:
    """A voltage, frequency or temperature in a label is no bare value of the field ("PSU efficiency at 50 % load
    (-48 VDC): 96 %" conflicted -48 with 96)."""
    assert _values(text)[0][1] == unit


def test_a_voltage_beside_an_efficiency(make_pdf: Callable[..., Path]) -> None:
    facts = read_pdf(make_pdf([["2U rack server R-200", "PSU efficiency at 50% load (-48 VDC): 96%"]]), "server").facts
    assert [(f.field, f.value) for f in facts if f.field == "psu_efficiency_50"] == [("psu_efficiency_50", 96.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("1.2E+03 mg/kg", (1200.0, "mg/kg")), ("1.2e-2 %", (0.012, "%")), ("1.2×10³ mg/kg", (1200.0, "mg/kg")),
    ("1.2 x 10^3 mg/kg", (1200.0, "mg/kg")), ("3.5×10⁻² %", (0.035, "%")), ("1.2*10**-2 %", (0.012, "%")),
])
def test_scientific_notation(text: str, expected: tuple[float, str]) -> None:
    """A laboratory's "1.2E+03 mg/kg" was read as 3 mg/kg (the exponent as the number) and passed Pb ≤ 1000."""
    value, unit, _ = _values(text)[0]
    assert (pytest.approx(value), unit) == expected


def test_a_size_is_no_power_of_ten() -> None:
    assert [v for v, _, _ in _values("440 x 10 x 44 mm")] == [440.0, 10.0, 44.0]


@pytest.mark.parametrize("line", ["Lead (Pb): 1.2E+03 mg/kg", "Lead (Pb): 1.2×10³ mg/kg", "铅（Pb）：1.2 x 10^3 mg/kg"])
def test_a_lead_content_in_scientific_notation_fails(make_pdf: Callable[..., Path], line: str) -> None:
    facts = read_pdf(make_pdf([["2U rack server R-200", line]]), "server").facts
    assert [f.value for f in facts if f.field == "pb"] == [1200.0]


@pytest.mark.parametrize(("line", "expected"), [
    ("Lead (Pb): 12 g/kg", (12.0, "g/kg")), ("Lead (Pb): 1200 µg/g", (1200.0, "ug/g")),
    ("Lead (Pb): 0.5 g/kg", (0.5, "g/kg")),
])
def test_other_mass_fractions_are_read(make_pdf: Callable[..., Path], line: str, expected: tuple[float, str]) -> None:
    """g/kg and µg/g were no unit the reader knew: the laboratory's value was lost (the engine converts them)."""
    facts = read_pdf(make_pdf([["2U rack server R-200", line]]), "server").facts
    assert [(f.value, f.unit) for f in facts if f.field == "pb"] == [expected]


@pytest.mark.parametrize("rows", [
    [("Position", "Front", "Back", "Left", "Right"), ("Noise at 1 m, dB(A)", "98 dB(C)", "98 dB(C)", "97 dB(C)",
                                                     "97 dB(C)")],
    ["Noise at 1 m, front (dB(A)): 98 dB(C)", "Noise at 1 m, back (dB(A)): 98 dB(C)",
     "Noise at 1 m, left (dB(A)): 97 dB(C)", "Noise at 1 m, right (dB(A)): 97 dB(C)"],
])
def test_another_weighting_is_no_a_weighted_level(make_pdf: Callable[..., Path], rows: list[Any]) -> None:
    """Bug: C-weighted levels printed under a dB(A) label were read as bare numbers in dB(A) and passed Table 6."""
    path = make_pdf([["Diesel generator set", "Prime power (PRP): 400 kW", *rows]], col_width=100)
    facts = read_pdf(path, "generator").facts
    assert [f for f in facts if f.field.startswith("noise") and f.value is not None] == []


@pytest.mark.parametrize("line", ["IPv4 throughput (Gbps): 60 Mpps", "IPv4 throughput (Gbps): 60 Mbit",
                                  "IPv4 throughput (Gbps): 60 kpps"])
def test_a_packet_rate_or_an_amount_of_data_is_no_throughput(make_pdf: Callable[..., Path], line: str) -> None:
    """Bug: "60 Mpps" and "60 Mbit" under a (Gbps) label were read as bare numbers in the label's Gbps."""
    facts = read_pdf(make_pdf([["Next-generation firewall NGF-3000", "Test method: RFC 2544, 64-byte frames", line]]),
                     "firewall").facts
    assert [f.value for f in facts if f.field == "fw_throughput" and f.value is not None] == []


@pytest.mark.parametrize(("text", "unit"), [("60 Mpps", "pps"), ("60 Gbit", "bit"), ("0.96 p.u.", "p.u."),
                                            ("60 Gbit/s", "Gbit/s"), ("64 bits", "bit")])
def test_units_of_no_field(text: str, unit: str) -> None:
    assert _values(text)[-1][1] == unit


@pytest.mark.parametrize(("text", "unit"), [("176M", "?M"), ("2U", "?U"), ("94.5a", "?a"), ("61 mW", "mW"),
                                            ("88mm", "mm"), ("5V", "V")])
def test_letters_glued_to_a_number_are_its_unit(text: str, unit: str) -> None:
    """An unknown unit, never a bare number: "最大吞吐量（Gbps）：176M" was read as 176 Gbps (TEER passed)."""
    assert _values(text)[0][1] == unit


def test_a_size_is_not_a_glued_unit() -> None:
    assert _values("440x400x44 mm")[0][:2] == (440.0, "")


@pytest.mark.parametrize("line", ["最大吞吐量（Gbps）：176M", "Maximum throughput (Gbps): 176M",
                                  "Maximum throughput (Gbps): 176 M", "最大吞吐量（Tbps）：2.56 G"])
def test_a_glued_prefix_is_no_bare_number(make_pdf: Callable[..., Path], line: str) -> None:
    facts = read_pdf(make_pdf([["以太网交换机 SW-48", line]]), "switch").facts
    assert [f.value for f in facts if f.field == "max_throughput" and f.value is not None] == []


@pytest.mark.parametrize(("line", "expected"), [
    ("最大吞吐量：40G", (40.0, "Gbps")), ("Maximum throughput: 176M", (176.0, "Mbps")),
    ("最大吞吐量（Tbps）：2.56 T", (2.56, "Tbps")), ("交换容量 2.56T", None),  # switching capacity is no throughput
])
def test_a_rate_printed_as_its_prefix(make_pdf: Callable[..., Path], line: str,
                                      expected: tuple[float, str] | None) -> None:
    """"吞吐量（IPv4，64字节） 40G" is 40 Gbps, as makers print it (red-team round 6, F35: the throughput was not
    read and the firewall's clauses were missing evidence); a label naming another prefix gives no reading (above)."""
    facts = read_pdf(make_pdf([["以太网交换机 SW-48", line]]), "switch").facts
    got = [(f.value, f.unit) for f in facts if f.field == "max_throughput" and f.value is not None]
    assert got == ([expected] if expected else [])


@pytest.mark.parametrize(("text", "unit"), [
    ("60 Mpackets/s", "packet"), ("3 amps", "A"), ("1024 BTU/hr", "BTU/h"), ("300 kcal/h", "kcal/h"),
    ("25 US gph", "gal/h"), ("25 Imp gal/hr", "imperial_gallon/h"), ("25 gph", "?gal"), ("25 gal/h", "?gal"),
    ("400 HP", "hp"), ("300 kJ/h", "?kJ/h"), ("280 VA", "VA"), ("280 VA·h", "?VA·h"), ("280 Wh", "Wh"),
    ("10.5 GWh", "GWh"), ("94 percent", "%"),
])
def test_more_units_after_a_space_are_the_numbers(text: str, unit: str) -> None:
    """A unit word after a space was dropped and the label's unit taken: "Max power (W): 300 kcal/h" read as 300 W,
    "Fuel consumption (L/h): 25 gph" as 25 L/h (94.6 L/h). A gallon that does not say US or imperial is no reading."""
    assert _values(text)[0][1] == unit


@pytest.mark.parametrize(("line", "expected"), [
    # 349 W: at most 5.8 W/Gbps at 60 Gbps, over the limit (a maximum power can pass the clause, not fail it)
    ("Max power consumption (W): 300 kcal/h", "manual_review"),
    ("Max power consumption (W): 3 amps", "missing_evidence"),
    ("Max power consumption (W): 280 VA·h", "missing_evidence"),
    ("Max power consumption (W): 280 VA", "missing_evidence"),  # an apparent power is no power in W
    ("Max power consumption (W): 1000 BTU/hr", "pass"),  # 293 W
    ("Max power consumption (W): 300", "pass"),
], ids=["kcal", "amps", "va-h", "va", "btu", "watts"])
def test_a_power_in_another_unit(make_pdf: Callable[..., Path], line: str, expected: str) -> None:
    lines = ["Next-generation firewall NGF-300", "IPv4 throughput, 64-byte (Gbps): 60 Gbps",
             "Dimensions (W x H x D): 440 x 44 x 300 mm", line]
    report = check([make_pdf([lines])], date(2026, 1, 1), category="firewall").report()
    assert next(c.status for c in report.products[0].clauses if c.id == "6.2.4/power-per-throughput") == expected


@pytest.mark.parametrize("line", [
    "IPv4 throughput, 64-byte frames (Gbps): 60", "IPv4 throughput (64-byte frames, Gbps): 60",
    "IPv4 throughput (Gbps), 64-byte frames: 60", "IPv4吞吐量（64字节，Gbps）：60", "Throughput (64B UDP): 60 Gbps",
])
def test_a_frame_size_is_no_value_and_hides_no_unit(make_pdf: Callable[..., Path], line: str) -> None:
    """Bug: "64-byte" was read as a number, so the label's "(Gbps)" after it named no unit (no throughput was read)
    or 64 became a second throughput beside 60."""
    facts = read_pdf(make_pdf([["Next-generation firewall NGF-300", line]]), "firewall").facts
    assert [(f.value, f.unit) for f in facts if f.field == "fw_throughput"] == [(60.0, "Gbps")]
