"""Data-centre figures in the units operators print them in (red-team round 7, data-centre operation: c34 read
"WUE：0.0031 m³/kWh" as 0.0031 L/kWh and passed; c33's "1.2 kg/kWh" was no reading): a WUE in m³, tonnes, kilograms or
litres of water per kWh, MWh or 万kWh keeps its unit and is converted, a mass of water as its volume (1 kg = 1 L);
a mass per energy of something that is not water stays no WUE."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import check
from checker.units import conversion_factor, same_kind

MakePdf = Callable[..., Path]


def _clause(make_pdf: MakePdf, lines: list, clause: str) -> tuple[str, float | None]:
    report = check([make_pdf([lines])], date(2026, 6, 30), category="datacenter").report()
    row = next(c for c in report.products[0].clauses if c.id == clause)
    return row.status, row.value


@pytest.mark.parametrize(("wue", "expected", "value"), [
    ("0.0031 m³/kWh", "fail", 3.1),  # c34's family: m³ per kWh is a thousand litres per kWh
    ("0.0019 m3/kWh", "pass", 1.9),
    ("2.7 m³/MWh", "fail", 2.7),
    ("1.85 立方米/MWh", "pass", 1.85),
    ("1.2 kg/kWh", "pass", 1.2),  # c33: a kilogram of water is a litre
    ("2.8 kg/kWh", "fail", 2.8),
    ("1.8 t/MWh", "pass", 1.8),
    ("31 吨/万kWh", "fail", 3.1),  # a ton per 万kWh is 0.1 L/kWh
    ("15 吨/万千瓦时", "pass", 1.5),
    ("2600 L/MWh", "fail", 2.6),
    ("2.1 升/千瓦时", "pass", 2.1),
], ids=["m3-kwh-fail", "m3-kwh-pass", "m3-mwh", "cn-m3-mwh", "kg-kwh", "kg-kwh-fail", "t-mwh", "t-wan-kwh",
        "t-wan-cn", "l-mwh", "cn-l-kwh"])
def test_a_wue_in_another_unit_of_water_per_energy(make_pdf: MakePdf, wue: str, expected: str, value: float) -> None:
    status, got = _clause(make_pdf, ["数据中心用水效率统计", "统计期：2025年1月1日至2025年12月31日", f"WUE：{wue}"],
                          "5.3/wue")
    assert status == expected and got == pytest.approx(value)


def test_a_mass_is_a_volume_only_of_water() -> None:
    assert conversion_factor("t", "m**3", water=True) == pytest.approx(1.0)
    assert conversion_factor("kg/kWh", "L/kWh", water=True) == pytest.approx(1.0)
    assert not same_kind("kg/kWh", "L/kWh")  # a fuel's or a product's mass is no volume
    with pytest.raises(ValueError):
        conversion_factor("kg", "L")


@pytest.mark.parametrize(("line", "value", "note"), [
    ("综合能源消费量（当量值）：856 吨标准煤", 856.0, "< 1000 tce"),
    ("年综合能耗：8,620 吨标煤", 8620.0, "≥ 1000 tce"),
    ("Annual energy consumption: 1,250 tce", 1250.0, "≥ 1000 tce"),
    ("数据中心总耗电量：5,120 万kWh", 6292.48, "≥ 1000 tce"),  # 5,120 万kWh × 0.1229 kgce/kWh
    ("全年耗电量：612 万千瓦时", 752.148, "< 1000 tce"),
    ("Total electricity consumption: 47,500 MWh", 5837.75, "≥ 1000 tce"),
    ("年综合能耗：约 12,000 tce", None, "estimate"),  # 约: not a measurement, for a person with its reason
], ids=["cn-tce-equivalent", "cn-tce-short", "en-tce", "wan-kwh", "wan-cn", "en-mwh", "estimate"])
def test_the_year_s_energy_for_5_6(make_pdf: MakePdf, line: str, value: float | None, note: str) -> None:
    """Red-team round 7 dcops, c10, c23, c36: 5.6's energy in 吨标准煤, tce or 万kWh was no reading (missing)."""
    report = check([make_pdf([["能源利用状况报告（2025年度）", "统计期：2025年1月1日至2025年12月31日", line]])],
                   date(2026, 6, 30), category="datacenter").report()
    row = next(c for c in report.products[0].clauses if c.id == "5.6/energy-management")
    assert row.status == "manual_review" and note in row.note
    assert (row.value is None) if value is None else row.value == pytest.approx(value, rel=1e-6)


@pytest.mark.parametrize("line", ["综合能源消费量（等价值）：21,040 吨标准煤", "本月总耗电量：412.6 万kWh",
                                  "IT设备年耗电量：4,000 万kWh", "绿色电力交易电量：15,000 MWh"],
                         ids=["equal-value", "month", "it", "green-power"])
def test_what_is_not_the_year_s_energy(make_pdf: MakePdf, line: str) -> None:
    report = check([make_pdf([["能源利用状况报告（2025年度）", "统计期：2025年1月1日至2025年12月31日", line]])],
                   date(2026, 6, 30), category="datacenter").report()
    row = next(c for c in report.products[0].clauses if c.id == "5.6/energy-management")
    assert row.status == "missing_evidence"


@pytest.mark.parametrize(("lines", "clause", "expected", "value"), [
    (["Water Usage Effectiveness Report 2025", ("Item", "Value", "Unit"), ("WUE", "2.72", "L/kWh")], "5.3/wue",
     "fail", 2.72),  # 'Report 2025' is no WUE of 2025 L/kWh (c08)
    (["统计期：2025年1月—12月", "绿证（GEC）：4,000 张，1 张 = 1 MWh",
      "可再生能源使用率：31.7%（=(15,000+4,000)/60,000）"], "5.2/renewable-share", "pass",
     31.7),  # c04: 4,000 certificates are no share of 4000 %
    (["技术需求响应表", "统计期：2025年1月1日至2025年12月31日", ("序号", "条款", "投标响应"),
      ("1", "5.1 电能比", "年均PUE 1.34")], "5.1/pue", "fail",
     1.34),  # c12: the clause number 5.1 is no PUE
    # printed with its %: an implausible value kept for a person
    (["统计期：2025年1月—12月", "可再生能源使用率：131%"], "5.2/renewable-share", "manual_review", None),
], ids=["report-year", "certificates", "clause-number", "printed-unit-kept"])
def test_a_bare_number_outside_the_plausible_range_is_no_reading(make_pdf: MakePdf, lines: list, clause: str,
                                                                expected: str, value: float | None) -> None:
    status, got = _clause(make_pdf, lines, clause)
    assert status == expected and (got is None if value is None else got == pytest.approx(value))


@pytest.mark.parametrize(("line", "expected"), [
    ("绿电占总用电量比例：20.0%", "fail"),  # c28, a carbon report's line
    ("绿色电力占总用电量比例：31.0%", "pass"),
    ("Share of green electricity: 33.0 %", "pass"),
    ("绿电使用比例：12%", "fail"),
], ids=["cn-green-share-fail", "cn-green-power", "en-green", "cn-use"])
def test_the_green_power_share_is_the_renewable_share(make_pdf: MakePdf, line: str, expected: str) -> None:
    """Red-team round 7 dcops, c28: '绿电占总用电量比例：20.0%' was no reading (missing evidence)."""
    assert _clause(make_pdf, ["统计期：2025年1月1日至2025年12月31日", line], "5.2/renewable-share")[0] == expected
