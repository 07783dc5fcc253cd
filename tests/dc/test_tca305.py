"""T/CA305-2023 grading and section-5 figures, checked against hand-worked numbers.

The expected numbers are written here by hand from the standard's text and
REFERENCED-STANDARDS §5, never read back from catalogs/tca305.yaml, so a wrong catalog number
fails a test.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from dc_records import base, experts, record

from checker.catalog.messages import note
from checker.dc import DataCentreRecordError, evaluate, load_record, parse_record, section5_facts
from checker.dc.catalog import Tca305Catalog, load_tca305
from checker.dc.cli import main as dc_main
from checker.dc.energy import annual_energy_tce, emissions
from checker.dc.render import to_text
from checker.dc.report import build_report
from checker.dc.whatif import offset_needed, pue_needed, with_offset, with_pue
from checker.dc.words import grade_name

AS_OF = date(2024, 12, 31)
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "datacenter"


def grade(rec, as_of: date = AS_OF):
    return evaluate(rec, as_of)


def status(assessment, cid: str) -> str:
    return next(r["status"] for r in assessment.constraints if r["id"] == cid)


# ------------------------------------------------------------------ grade boundaries
# PUE 1.2 → 30 − 12 = 18 points; C_yw = 1.2 GWh × 0.5306 = 636.72 tCO2.
# CCER 159.18 t × 2 = 318.36 → S_DC 50 % → 20 points; CCER 318.36 t → 100 % → 40 points (cap).
@pytest.mark.parametrize(("ccer", "expert", "total", "expected"), [
    (159.18, 22, 60.0, "达标级"),
    (159.18, 21.999, 59.999, "不合格"),
    (159.18, 32, 70.0, "良好级"),
    (159.18, 31.99, 69.99, "达标级"),
    (318.36, 22, 80.0, "优秀级"),
    (318.36, 21.99, 79.99, "良好级"),
    (318.36, 32, 90.0, "引领级"),
    (318.36, 31.99, 89.99, "优秀级"),
    (1000.0, 35, 93.0, "引领级"),  # offset capped at 40; 40 + 18 (PUE) + 0 (water) + 35 = 93
])
def test_grade_boundaries(ccer: float, expert: float, total: float, expected: str) -> None:
    rec = record(offsets=[{"type": "CCER", "quantity": f"{ccer} tCO2"}], expert_scores=experts(expert))
    result = grade(rec)
    assert result.nominal.scores.total == pytest.approx(total, abs=1e-9)
    assert result.grade == expected


def test_offset_score_is_capped_at_40() -> None:
    rec = record(offsets=[{"type": "afforestation", "quantity": "5000 tCO2"}])
    assert grade(rec).nominal.scores.offset == 40.0


def test_technology_capped_and_expert_scores_capped_per_item() -> None:
    rec = record(expert_scores={"third_party_testing": 5, "water": 4})
    items = grade(rec).nominal.scores.items
    assert items["third_party_testing"] == 3
    assert items["water"] == 2  # no WUE: experts' 0–2


# ------------------------------------------------------------------ offset ratio > 20 %
def test_offset_ratio_exactly_20_percent_fails() -> None:
    # 1 GWh at a declared 1 kgCO2/kWh = 1000 tCO2; afforestation 100 t × 2 = 200 → exactly 20 %.
    rec = record(grid_factor="1 kgCO2/kWh", energy={"electricity": "1 GWh"}, it_energy="800 MWh",
                 offsets=[{"type": "afforestation", "quantity": 100}])
    result = grade(rec)
    assert result.nominal.offsets["ratio_percent"] == 20.0
    assert status(result, "4.2/offset-ratio") == "fail"
    assert result.grade == "不合格"


def test_offset_ratio_just_above_20_percent_passes() -> None:
    rec = record(grid_factor="1 kgCO2/kWh", energy={"electricity": "1 GWh"}, it_energy="800 MWh",
                 offsets=[{"type": "afforestation", "quantity": 100.001}])
    assert status(grade(rec), "4.2/offset-ratio") == "pass"


def test_offset_ratio_20_percent_with_grid_default() -> None:
    # C_yw 636.72; CCER 63.672 × 2 = 127.344 = 20 % exactly.
    rec = record(offsets=[{"type": "CCER", "quantity": 63.672}])
    assert status(grade(rec), "4.2/offset-ratio") == "fail"


# ------------------------------------------------------------------ PUE limits
@pytest.mark.parametrize(("zone", "years", "limit"), [
    ("严寒", 5, 1.3), ("寒冷", 5, 1.35), ("其他", 5, 1.4),
    ("severe_cold", 1, 1.2), ("cold", 1, 1.25), ("other", 1, 1.3),
    ("cold", 3, 1.35), ("cold", 2.99, 1.25),
])
def test_pue_limit_by_zone_and_age(zone: str, years: float, limit: float) -> None:
    at_limit = record(climate_zone=zone, years_in_operation=years, energy={"electricity": limit * 1e6})
    over = record(climate_zone=zone, years_in_operation=years, energy={"electricity": (limit + 0.01) * 1e6})
    row = next(r for r in grade(at_limit).constraints if r["id"] == "4.2/pue")
    assert row["limit"] == limit
    assert row["status"] == "pass"
    assert status(grade(over), "4.2/pue") == "fail"
    assert "4.2/pue" in grade(over).vetoes


def test_pue_age_from_commissioning_date() -> None:
    rec = parse_record({**base(), "years_in_operation": None, "commissioned": "2022-07-01"})
    assert next(r for r in grade(rec).constraints if r["id"] == "4.2/pue")["limit"] == 1.3  # new, other


def test_pue_score() -> None:
    assert grade(record()).nominal.scores.items["pue"] == 18.0
    rec = record(energy={"electricity": 1_250_000})
    assert grade(rec).nominal.scores.items["pue"] == 17.5
    over = record(energy={"electricity": 1_450_000})  # over the 1.4 limit: no score
    assert grade(over).nominal.scores.items["pue"] == 0.0


def test_wue_is_advisory_and_water_score() -> None:
    good = record(water="1390 m3")  # 1.39 L/kWh < 1.4 → 5 points
    assert grade(good).nominal.scores.items["water"] == 5
    edge = record(water="1400 m3", expert_scores={"water": 1.5})  # exactly 1.4 → experts
    assert grade(edge).nominal.scores.items["water"] == 1.5
    wet = record(water="1700 m3")  # 1.7 > 1.6: advisory fail, no veto
    result = grade(wet)
    assert status(result, "4.2/wue") == "fail"
    assert "4.2/wue" not in result.vetoes


# ------------------------------------------------------------------ basic requirements
def test_declaration_false_is_a_veto() -> None:
    data = base(offsets=[{"type": "CCER", "quantity": 1000}], expert_scores=experts(35))
    data["declarations"]["business_continuity"] = {"value": False, "evidence": "2023 outage"}
    result = grade(parse_record(data))
    assert status(result, "4.2/business-continuity") == "fail"
    assert result.score_grade == "引领级"
    assert result.grade == "不合格"


def test_missing_declaration_is_missing_evidence_and_vetoes() -> None:
    data = base(offsets=[{"type": "CCER", "quantity": 1000}])
    del data["declarations"]["physical_boundary"]
    result = grade(parse_record(data))
    assert status(result, "4.1/physical-boundary") == "missing_evidence"
    assert result.grade == "不合格"


# ------------------------------------------------------------------ emissions (附表E)
def test_emissions_arithmetic() -> None:
    energy = {"electricity": "1 GWh", "natural_gas": "10000 m3", "diesel": "1 t", "heat": "100 GJ"}
    rec = record(energy=energy,
                 vehicles={"count": 2, "gasoline": "1000 kg"},
                 exported={"electricity": "100 MWh", "heat": "10 GJ"})
    e = emissions(rec)
    assert e["electricity"] == pytest.approx(530.6)  # 1e6 kWh × 0.5306 kg
    assert e["natural_gas"] == pytest.approx(21.62)  # 1e4 m3 × 2.162 kg
    assert e["diesel"] == pytest.approx(3.096)
    assert e["heat"] == pytest.approx(11.0)  # 100 GJ × 0.11 t
    assert e["vehicles"] == pytest.approx(2.925)
    assert e["exported_electricity"] == pytest.approx(-53.06)
    assert e["exported_heat"] == pytest.approx(-1.1)
    assert e["scope1"] == pytest.approx(21.62 + 3.096 + 2.925)
    assert e["total"] == pytest.approx(530.6 + 21.62 + 3.096 + 11 + 2.925 - 53.06 - 1.1)


def test_diesel_in_litres_uses_density_and_is_flagged() -> None:
    rec = record(energy={"electricity": 0, "diesel": "1000 L"})
    assert emissions(rec)["diesel"] == pytest.approx(1000 * 0.84 * 3.096e-3)
    assert emissions(rec, "high")["diesel"] == pytest.approx(1000 * 0.86 * 3.159e-3)
    flags = grade(rec).flags
    assert any("diesel_density" in f for f in flags) and any("diesel_co2" in f for f in flags)


def test_result_flipping_on_low_confidence_coefficient_is_not_a_pass() -> None:
    # C_yw nominal 100 000 L × 0.84 × 3.096e-3 = 260.064 t; high 271.674 t.
    # Afforestation 26.66 t × 2 = 53.32: 20.50 % nominal, 19.63 % at the high end.
    rec = record(energy={"electricity": 0, "diesel": "100000 L"}, it_energy=None,
                 offsets=[{"type": "afforestation", "quantity": 26.66}])
    result = grade(rec)
    assert result.nominal.offsets["ratio_percent"] == pytest.approx(53.32 / 260.064 * 100)
    assert status(result, "4.2/offset-ratio") == "missing_evidence"


def test_grid_region_and_declared_factor() -> None:
    north = record(grid_region="华北", energy={"electricity": "1 GWh"})
    assert emissions(north)["electricity"] == pytest.approx(636.1)
    own = record(grid_factor="0.5703 tCO2/MWh", energy={"electricity": "1 GWh"})
    assert emissions(own)["electricity"] == pytest.approx(570.3)


# ------------------------------------------------------------------ grid factor: regional, national fallback
# 附表E: "排放因子: 以国家主管部门最近区域公布的区域数据". Regional 2023 factors (REFERENCED-STANDARDS §5),
# written here by hand: 华北 0.6361, 东北 0.5122, 华东 0.5500, 华中 0.5271, 西北 0.5543, 南方 0.4042,
# 西南 0.2472; national 0.5306 (fallback only). The base record uses 1.2 GWh.
FALLBACK = "national average grid factor used; the text requires the regional factor: give grid_region"


@pytest.mark.parametrize(("changes", "kg_per_kwh", "basis", "region", "source", "status"), [
    ({"grid_region": "华北"}, 0.6361, "regional", "north", "华北", "final"),
    ({"grid_region": "东北电网"}, 0.5122, "regional", "northeast", "东北", "final"),
    ({"grid_region": "east"}, 0.5500, "regional", "east", "华东", "final"),
    ({"grid_region": "华中"}, 0.5271, "regional", "central", "华中", "final"),
    ({"grid_region": "西北"}, 0.5543, "regional", "northwest", "西北", "final"),
    ({"grid_region": "南方"}, 0.4042, "regional", "south", "南方", "final"),
    ({"grid_region": "西南"}, 0.2472, "regional", "southwest", "西南", "final"),
    ({}, 0.5306, "national_fallback", "national", "全国", "provisional"),
    ({"grid_region": "全国"}, 0.5306, "national_fallback", "national", "全国", "provisional"),
    ({"grid_factor": "0.5703 tCO2/MWh"}, 0.5703, "declared", None, "declared in the record", "final"),
    ({"grid_factor": 0.5703, "grid_region": "华北"}, 0.5703, "declared", "north", "declared", "final"),
])
def test_grid_factor_basis_and_status(changes: dict[str, object], kg_per_kwh: float, basis: str,
                                      region: str | None, source: str, status: str) -> None:
    rec = record(offsets=[{"type": "CCER", "quantity": 1000}], expert_scores=experts(35), **changes)
    report = build_report(grade(rec))
    used = report["coefficients"]["grid_factor"]
    assert report["emissions"]["electricity"] == pytest.approx(1_200_000 * kg_per_kwh / 1000)
    assert used["value"] == pytest.approx(kg_per_kwh)
    assert (used["basis"], used["region"]) == (basis, region)
    assert source in used["source"]
    assert used["confidence"] == ("declared" if basis == "declared" else "M")
    assert report["grade"] == "引领级"
    assert report["grade_status"] == status
    assert report["provisional_reasons"] == ([FALLBACK] if status == "provisional" else [])
    text = to_text(report, "en")
    head = text.splitlines()[1]
    assert head.startswith("  grade: Leading (total ")
    assert head.endswith(" — provisional") == (status == "provisional")
    assert (note(FALLBACK, "en") in text) == (status == "provisional")


def test_grid_factors_carry_source_and_confidence() -> None:
    for region in ("national", "north", "northeast", "east", "central", "northwest", "south", "southwest"):
        rec = record(grid_region=region)
        used = build_report(grade(rec))["coefficients"]["grid_factor"]
        assert "REFERENCED-STANDARDS §5" in used["source"] and "2023" in used["source"]
        assert used["year"] == 2023 and used["confidence"] == "M"


def test_low_confidence_grid_factor_makes_the_grade_provisional() -> None:
    data = load_tca305().model_dump()
    data["grid"]["factors"]["north"].update(confidence="L", range=(0.6, 0.7))
    weak = Tca305Catalog.model_validate(data)
    rec = record(grid_region="华北", offsets=[{"type": "CCER", "quantity": 1000}], expert_scores=experts(35))
    result = evaluate(rec, AS_OF, weak)
    assert result.grade == "引领级" and result.provisional
    assert result.provisional_reasons == [
        "low-confidence (L) grid factor north: a low-confidence number never decides"]


def test_veto_no_emission_enters_keeps_the_fail_final() -> None:
    # PUE 1.45 > 1.4: the 不合格 does not depend on the grid factor, so it is final; the fallback is a flag.
    result = grade(record(energy={"electricity": 1_450_000}))
    assert result.grade == "不合格" and not result.provisional
    assert any(FALLBACK in f and "veto 4.2/pue" in f for f in result.flags)


def test_offset_ratio_veto_on_the_fallback_factor_is_provisional() -> None:
    # no offsets: S_DC 0 % fails 4.2/offset-ratio, a figure the grid factor enters.
    result = grade(record())
    assert result.vetoes == ["4.2/offset-ratio"]
    assert result.provisional_reasons == [FALLBACK]


def test_grade_flipping_on_a_range_is_provisional() -> None:
    # C_yw = 1.2 GWh × 0.6361 + 100 000 L diesel: nominal 763.32 + 100 000 × 0.84 × 3.096e-3 = 1023.384,
    # high 763.32 + 100 000 × 0.86 × 3.159e-3 = 1034.994. Afforestation 103 t × 2 = 206:
    # 20.129 % nominal (pass), 19.903 % high (fail) → the 碳抵消比例 result flips.
    rec = record(grid_region="华北", energy={"electricity": 1_200_000, "diesel": "100000 L"},
                 offsets=[{"type": "afforestation", "quantity": 103}])
    result = grade(rec)
    assert result.nominal.offsets["ratio_percent"] == pytest.approx(206 / 1023.384 * 100)
    assert result.scenarios["high"].offsets["ratio_percent"] == pytest.approx(206 / 1034.994 * 100)
    assert result.grade == "不合格"
    assert result.provisional_reasons == [
        "grade changes across the ranges of low-confidence coefficients (diesel_co2, diesel_density)"]


# ------------------------------------------------------------------ refrigerant leaks (scope 1, 3.4)
# AR6 GWP-100 written by hand: R32 771, R125 3740, R134a 1530, R143a 5810, R1234yf 0.501 (L, 0–1),
# R1234ze(E) 1.37 (L, 0–2), CO2 1. Blends by mass: R410A 50/50 R32/R125 → 2255.5;
# R407C 23/25/52 R32/R125/R134a → 177.33 + 935 + 795.6 = 1907.93; R404A 44/52/4 R125/R143a/R134a →
# 1645.6 + 3021.2 + 61.2 = 4728; R513A 56/44 R1234yf/R134a → 0.28056 + 673.2 = 673.48056.
@pytest.mark.parametrize(("leak", "tco2e", "gwp", "confidence"), [
    ({"refrigerant": "R410A", "mass": "12 kg"}, 27.066, 2255.5, "M"),
    ({"refrigerant": "R-32", "mass": 5}, 3.855, 771, "M"),
    ({"refrigerant": "HFC-134a", "mass": "0.2 t"}, 306.0, 1530, "M"),
    ({"refrigerant": "R407C", "mass": "10 kg"}, 19.0793, 1907.93, "M"),
    ({"refrigerant": "r404a", "mass": "1 kg"}, 4.728, 4728, "M"),
    ({"refrigerant": "R744", "mass": "100 kg"}, 0.1, 1, "H"),
    ({"refrigerant": "R513A", "mass": "10 kg"}, 6.7348056, 673.48056, "L"),
    ({"refrigerant": "R1234ze", "mass": "10 kg"}, 0.0137, 1.37, "L"),
    ({"refrigerant": "R22", "mass": "10 kg", "gwp": 1960}, 19.6, 1960, "declared"),
    ({"refrigerant": "R410A", "mass": "12 kg", "gwp": 2088}, 25.056, 2088, "declared"),  # declared wins
])
def test_refrigerant_leak_rows(leak: dict[str, object], tco2e: float, gwp: float, confidence: str) -> None:
    rec = record(grid_region="华北", refrigerant_leak=[leak])
    report = build_report(grade(rec))
    row = report["refrigerant_leak"][0]
    assert row["tco2e"] == pytest.approx(tco2e)
    assert row["gwp"] == pytest.approx(gwp)
    assert row["confidence"] == confidence
    assert report["emissions"]["refrigerant"] == pytest.approx(tco2e)
    assert report["emissions"]["scope1"] == pytest.approx(tco2e)
    assert report["emissions"]["total"] == pytest.approx(763.32 + tco2e)  # 1.2 GWh × 0.6361
    assert any(f"gwp_{row['refrigerant']}" in f for f in report["flags"]) == (confidence == "L")


def test_low_confidence_gwp_is_range_tested() -> None:
    # R513A high end: 10 kg × (0.56 × 1 + 0.44 × 1530) = 6.7376 t; low end: 10 × 673.2 = 6.732 t.
    rec = record(refrigerant_leak=[{"refrigerant": "R513A", "mass": "10 kg"}])
    assert emissions(rec, "high")["refrigerant"] == pytest.approx(6.7376)
    assert emissions(rec, "low")["refrigerant"] == pytest.approx(6.732)


@pytest.mark.parametrize(("leak_kg", "c_yw", "ratio", "total", "expected"), [
    # 华北: electricity 1.2 GWh × 0.6361 = 763.32 t. CCER 250 t × 2 = 500 (sinks); green power
    # 0.5 GWh × 0.6361 = 318.05 (counts up to C_yw − scope 1). PUE 18 + experts 35 = 53.
    (0, 763.32, 100.0, 93.0, "引领级"),  # 818.05 usable, capped at C_yw: 100 % → 40
    (100, 988.87, 818.05 / 988.87 * 100, 818.05 / 988.87 * 40 + 53, "优秀级"),  # R410A 100 kg = 225.55 t
    (1000, 3018.82, 818.05 / 3018.82 * 100, 818.05 / 3018.82 * 40 + 53, "达标级"),  # 2255.5 t: 63.84
])
def test_refrigerant_leak_enters_c_yw_s_dc_and_grade(leak_kg: float, c_yw: float, ratio: float, total: float,
                                                      expected: str) -> None:
    rec = record(grid_region="华北", expert_scores=experts(35),
                 refrigerant_leak=[{"refrigerant": "R410A", "mass": f"{leak_kg} kg"}],
                 offsets=[{"type": "CCER", "quantity": 250}, {"type": "green_power", "quantity": "0.5 GWh"}])
    result = grade(rec)
    assert result.nominal.emissions["scope1"] == pytest.approx(leak_kg * 2.2555)
    assert result.nominal.emissions["total"] == pytest.approx(c_yw)
    assert result.nominal.offsets["ratio_percent"] == pytest.approx(ratio)
    assert result.nominal.scores.total == pytest.approx(total)
    assert result.grade == expected


def test_refrigerant_leak_is_scope1_offset_by_sinks_only() -> None:
    # green power 1 GWh × 0.6361 = 636.1 t cannot offset the 225.55 t leak (scope 1).
    rec = record(grid_region="华北", refrigerant_leak=[{"refrigerant": "R410A", "mass": "100 kg"}],
                 offsets=[{"type": "green_power", "quantity": "1 GWh"}])
    offsets = grade(rec).nominal.offsets
    assert offsets["scope1_not_offset_by_sinks"] == pytest.approx(225.55)
    assert offsets["ratio_percent"] == pytest.approx(636.1 / 988.87 * 100)


@pytest.mark.parametrize(("leak", "message"), [
    ({"refrigerant": "R22", "mass": "10 kg"}, "unknown refrigerant 'R22'"),
    ({"refrigerant": "R999", "mass": "10 kg"}, "give its gwp"),
    ({"refrigerant": "R410A", "mass": "10 kWh"}, "refrigerant_leak.0.mass"),
    ({"refrigerant": "R410A", "mass": "-1 kg"}, "refrigerant_leak.0.mass"),
    ({"refrigerant": "R22", "mass": "1 kg", "gwp": -5}, "refrigerant_leak.0.gwp"),
])
def test_unknown_refrigerant_is_a_record_error(leak: dict[str, object], message: str) -> None:
    with pytest.raises(DataCentreRecordError) as error:
        parse_record(base(refrigerant_leak=[leak]))
    assert message in str(error.value) and "\n" not in str(error.value)


# ------------------------------------------------------------------ offsets (附表F)
@pytest.mark.parametrize(("kind", "quantity", "credited"), [
    ("afforestation", "100 tCO2", 200.0), ("植树造林", "100 tCO2", 200.0),
    ("ccus", "100 tCO2", 150.0), ("CCER", "100 tCO2", 200.0), ("CER", "100 tCO2", 200.0),
    ("green_power", "100 tCO2", 100.0), ("绿证", "100 MWh", 100.0),
    ("rooftop_pv", "100 MWh", 150.0), ("屋顶光伏", "100 tCO2", 150.0),
    ("material_voucher", "100 tCO2", 100.0), ("碳配额", "100 tCO2", 50.0),
])
def test_each_offset_coefficient(kind: str, quantity: str, credited: float) -> None:
    rec = record(grid_factor=1.0, energy={"electricity": "10 GWh"}, it_energy="8 GWh",
                 offsets=[{"type": kind, "quantity": quantity}])
    offsets = grade(rec).nominal.offsets
    assert offsets["items"][0]["tco2e"] == pytest.approx(credited)
    assert offsets["c_p"] == pytest.approx(-credited)


def test_rooftop_pv_by_capacity_and_hours() -> None:
    rec = record(grid_factor=1.0, offsets=[{"type": "rooftop_pv", "capacity": "100 kW", "hours": 1000}])
    assert grade(rec).nominal.offsets["items"][0]["tco2e"] == pytest.approx(150.0)  # 100 MWh × 1 t × 1.5


def test_scope1_only_offset_by_sinks() -> None:
    # scope 2: 1000 t (1 GWh × 1 kg); scope 1: 10 000 m3 gas = 21.62 t. Green power 2000 t counts
    # only up to the 1000 t of non-scope-1 emissions.
    rec = record(grid_factor=1.0, energy={"electricity": "1 GWh", "natural_gas": 10000}, it_energy="800 MWh",
                 offsets=[{"type": "green_power", "quantity": "2 GWh"}])
    offsets = grade(rec).nominal.offsets
    assert offsets["others_usable_tco2e"] == pytest.approx(1000.0)
    assert offsets["ratio_percent"] == pytest.approx(1000 / 1021.62 * 100)
    assert offsets["scope1_not_offset_by_sinks"] == pytest.approx(21.62)


# ------------------------------------------------------------------ the other reading of C_p (附表F 其中)
# Graded: C_p = all usable negative carbon after the scope-1 rule. Other: only the rows 适用于中和范围一.
# Base record: C_yw 636.72 t (1.2 GWh × 0.5306), PUE score 18; green power 1 GWh × 0.5306 = 530.6 t.
@pytest.mark.parametrize(("offsets", "expert", "chosen", "alt_c_p", "alt_total", "alt_ratio_status",
                          "alt_grade", "changes", "same"), [
    # CCER 100 × 2 = 200 + 530.6 → capped 636.72 (100 %): 40 + 18 + 30 = 88; other: 200 / 636.72 =
    # 31.411 % → 12.5644 + 48 = 60.5644.
    ([{"type": "CCER", "quantity": 100}, {"type": "绿电", "quantity": "1 GWh"}], 30, "优秀级",
     200.0, 200 / 636.72 * 40 + 48, "pass", "达标级", True, False),
    # CCER 50 × 2 = 100: other 15.706 % fails the 20 % constraint → 不合格.
    ([{"type": "CCER", "quantity": 50}, {"type": "绿电", "quantity": "1 GWh"}], 30, "优秀级",
     100.0, 100 / 636.72 * 40 + 48, "fail", "不合格", True, False),
    # CCER 318.36 + green 0.1 GWh (53.06): 371.42 / 636.72 → 73.333; other 50 % → 20 + 50 = 70: same grade.
    ([{"type": "CCER", "quantity": 159.18}, {"type": "绿电", "quantity": "0.1 GWh"}], 32, "良好级",
     318.36, 70.0, "pass", "良好级", False, False),
    # sinks only: both readings give 318.36 (50 %) → 70.
    ([{"type": "CCER", "quantity": 159.18}], 32, "良好级", 318.36, 70.0, "pass", "良好级", False, True),
    # sinks alone cover C_yw: both capped at 636.72 (100 %) → 40 + 50 = 90.
    ([{"type": "CCER", "quantity": 400}, {"type": "绿电", "quantity": "1 GWh"}], 32, "引领级",
     636.72, 90.0, "pass", "引领级", False, True),
])
def test_other_c_p_reading(offsets: list[dict[str, object]], expert: float, chosen: str, alt_c_p: float,
                           alt_total: float, alt_ratio_status: str, alt_grade: str, changes: bool,
                           same: bool) -> None:
    report = build_report(grade(record(offsets=offsets, expert_scores=experts(expert))))
    other = report["other_reading"]
    assert report["grade"] == chosen  # the chosen reading stays the grade
    assert other["c_p"] == pytest.approx(-alt_c_p)
    assert other["ratio_percent"] == pytest.approx(alt_c_p / 636.72 * 100)
    assert other["total"] == pytest.approx(alt_total, abs=1e-6)
    assert (other["offset_ratio"], other["grade"]) == (alt_ratio_status, alt_grade)
    assert (other["changes_grade"], other["same_figures"]) == (changes, same)
    line = next(line for line in to_text(report, "en").splitlines() if line.startswith("other C_p reading"))
    assert "[not graded]" in line and "may cover scope 1" in line and f"grade {grade_name(alt_grade, 'en')} " in line
    assert ("CHANGES the grade" in line) == changes


def test_other_c_p_reading_on_the_excellent_sample() -> None:
    # afforestation 1 000 t × 2 = 2 000 is the only scope-1 eligible row: 2 000 / 53 121.92 = 3.765 %.
    other = build_report(grade(load_record(SAMPLES / "dc-excellent.yaml")))["other_reading"]
    assert other["c_p"] == pytest.approx(-2000.0)
    assert other["total"] == pytest.approx(2000 / 53_121.92 * 40 + 52.5, abs=1e-6)
    assert other["grade"] == "不合格" and other["changes_grade"]


# ------------------------------------------------------------------ section 5 figures
def test_section5_facts() -> None:
    rec = record(energy={"electricity": "1.2 GWh", "natural_gas": "1000 m3"}, water="1500000 L",
                 renewables={"own_generation": "100 MWh", "green_power": 200000, "certificates": "0.3 GWh"})
    facts = section5_facts(rec)
    assert facts["pue"] == pytest.approx(1.2)
    assert facts["wue"] == pytest.approx(1.5)  # 1.5e6 L / 1e6 kWh
    assert facts["renewable_share"] == pytest.approx(600_000 / 1_200_000 * 100)
    assert facts["annual_electricity"] == 1_200_000
    assert facts["annual_energy_tce"] == pytest.approx(1_200_000 * 0.1229 / 1000 + 1000 * 1.2143 / 1000)


def test_tce_range_for_gas() -> None:
    rec = record(energy={"electricity": 0, "natural_gas": "1000 m3"})
    assert annual_energy_tce(rec, "low") == pytest.approx(1.1)
    assert annual_energy_tce(rec, "high") == pytest.approx(1.33)


def test_section5_1000_tce_boundary_example() -> None:
    # 1000 tce of electricity at 当量值 = 1000 / 0.1229e-3 kWh = 8 136 696.5 kWh
    rec = record(energy={"electricity": 1000 / 0.1229e-3}, it_energy=None)
    assert section5_facts(rec)["annual_energy_tce"] == pytest.approx(1000.0)


# ------------------------------------------------------------------ input
def test_bad_inputs_raise_record_error() -> None:
    with pytest.raises(DataCentreRecordError):
        parse_record(base(energy={"electricity": "12 kg"}))
    with pytest.raises(DataCentreRecordError):
        parse_record(base(colour="green"))
    with pytest.raises(DataCentreRecordError):
        parse_record(base(expert_scores={"pue": 20}))
    with pytest.raises(DataCentreRecordError):
        parse_record(base(climate_zone="温和"))
    with pytest.raises(DataCentreRecordError):
        parse_record(base(offsets=[{"type": "moon dust", "quantity": 1}]))


# ------------------------------------------------------------------ what-if
def _near_miss():
    # S_DC 50 % (20 points), PUE 1.2 (18), experts 20 → 58: 达标级 needs 2 more points.
    return record(offsets=[{"type": "CCER", "quantity": 159.18}], expert_scores=experts(20))


def test_what_if_pue_round_trip() -> None:
    result = grade(_near_miss())
    answer = pue_needed(result)
    assert answer["reachable"] and answer["grade"] == "达标级"
    assert grade(with_pue(result.record, answer["value"])).grade == "达标级"
    assert grade(with_pue(result.record, answer["value"] + 0.001)).grade == "不合格"


@pytest.mark.parametrize("kind", ["afforestation", "ccus", "green_power", "cer_ccer", "rooftop_pv",
                                  "material_voucher", "carbon_quota"])
def test_what_if_offset_round_trip(kind: str) -> None:
    result = grade(_near_miss())
    answer = offset_needed(result, kind)
    assert answer["reachable"]
    assert grade(with_offset(result.record, kind, answer["tco2"])).grade == "达标级"
    assert grade(with_offset(result.record, kind, answer["tco2"] - 0.01)).grade == "不合格"


def test_what_if_pue_closed_form_when_offsets_capped() -> None:
    # offsets capped at 40, PUE 1.2 (18), experts 21 → 79; 优秀级 needs a PUE score of 19 → PUE 1.1.
    result = grade(record(offsets=[{"type": "CCER", "quantity": 1000}], expert_scores=experts(21)))
    answer = pue_needed(result)
    assert answer["method"] == "closed-form"
    assert answer["value"] == pytest.approx(1.1)
    assert grade(with_pue(result.record, answer["value"])).grade == "优秀级"


def test_years_and_hours_with_units() -> None:
    rec = record(years_in_operation="30 months", offsets=[{"type": "pv", "capacity": "0.1 MW", "hours": "1000 h"}])
    assert rec.years_in_operation == pytest.approx(2.5)
    assert rec.offsets[0].hours == 1000


def test_what_if_offset_closed_form_value() -> None:
    # 2 points = 5 % of C_yw 636.72 = 31.836 tCO2e usable → afforestation 15.918 t (× 2).
    assert offset_needed(grade(_near_miss()), "afforestation")["tco2"] == pytest.approx(15.918)
    assert offset_needed(grade(_near_miss()), "carbon_quota")["tco2"] == pytest.approx(63.672)


def test_what_if_unreachable() -> None:
    data = base(offsets=[{"type": "CCER", "quantity": 159.18}])
    data["declarations"]["local_pue_limit"] = False
    result = grade(parse_record(data))
    assert not pue_needed(result)["reachable"]
    assert not offset_needed(result, "ccus")["reachable"]
    few = grade(record(offsets=[{"type": "CCER", "quantity": 159.18}]))  # experts 0: 38 points
    assert "not reached" in pue_needed(few)["note"]
    assert "40" in offset_needed(few, "afforestation")["note"]
    top = grade(record(offsets=[{"type": "CCER", "quantity": 1000}], expert_scores=experts(35)))
    assert pue_needed(top)["note"] == "already at the top grade"


# ------------------------------------------------------------------ samples and CLI
@pytest.mark.parametrize(("name", "expected_grade", "code"), [
    ("dc-excellent", "优秀级", 0), ("dc-pue-over-limit", "不合格", 1)])
def test_samples_match_expected_reports(name: str, expected_grade: str, code: int, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    rc = dc_main(["dc", str(SAMPLES / f"{name}.yaml"), "--format", "json", "--out", str(out),
                  "--as-of", "2024-12-31"])
    report = json.loads(out.read_text(encoding="utf-8"))
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert rc == code
    assert report["grade"] == expected_grade
    assert report == expected


def test_sample_figures_by_hand() -> None:
    excellent = grade(load_record(SAMPLES / "dc-excellent.yaml"))
    assert excellent.nominal.emissions["total"] == pytest.approx(53_121.92)
    assert excellent.nominal.scores.total == pytest.approx(46_039.8 / 53_121.92 * 40 + 52.5)
    failing = grade(load_record(SAMPLES / "dc-pue-over-limit.yaml"))
    assert failing.nominal.emissions["total"] == pytest.approx(33_511.1)
    assert failing.vetoes == ["4.2/pue"]


def test_cli_formats_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = str(SAMPLES / "dc-excellent.yaml")
    assert dc_main(["dc", sample, "--as-of", "2024-12-31"]) == 0
    assert "grade: Excellent (total" in capsys.readouterr().out
    assert dc_main(["dc", sample, "--as-of", "2024-12-31", "--lang", "zh"]) == 0
    assert "等级：优秀级（总分" in capsys.readouterr().out
    assert dc_main(["dc", sample, "--format", "xlsx", "--out", str(tmp_path / "r.xlsx")]) == 0
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    assert dc_main(["dc", sample, "--format", "html", "--out", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: X\nclimate_zone: other\n", encoding="utf-8")
    assert dc_main(["dc", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert dc_main(["dc", str(tmp_path / "missing.yaml")]) == 2
    assert dc_main(["dc", sample, "--as-of", "yesterday"]) == 2


def test_report_shape() -> None:
    report = build_report(grade(load_record(SAMPLES / "dc-excellent.yaml")))
    for key in ("standard", "as_of", "datacenter", "constraints", "emissions", "offsets", "scores",
                "total", "grade", "what_if"):
        assert key in report
    assert report["standard"] == "T/CA305-2023"
    assert {r["status"] for r in report["constraints"]} <= {"pass", "fail", "missing_evidence"}


def test_electricity_equivalent_is_written_once() -> None:
    """T/CA305 reads the 当量值 of electricity from tables.yaml: one number, one place."""
    from checker.catalog.clauses import load_catalog as load_clause_catalog
    from checker.catalog.files import catalog_dir

    shared = load_clause_catalog().constant("electricity_kgce_per_kwh")
    assert load_tca305().coefficients["electricity_tce"].value == shared
    written = [p.name for p in catalog_dir().rglob("*.yaml") if "0.1229" in p.read_text(encoding="utf-8")]
    assert written == ["tables.yaml"]
