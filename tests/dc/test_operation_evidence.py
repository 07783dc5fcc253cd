"""Data-centre records an auditor builds from operation evidence (red-team round 3, data centres): a statistics period
that is not a year, a fuel amount given as a mapping in tonnes, an age that contradicts the commissioning date, totals
that cannot be, a small data centre above the large ones' limit and no renewables block. The reports themselves:
tests/inputs/documents/test_dc_reports.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dc_records import record

from checker.dc import evaluate, parse_record, section5_facts
from checker.dc.energy import emissions
from checker.pipeline import check

AS_OF = date(2024, 12, 31)


def _status(assessment, cid: str) -> tuple[str, str]:
    row = next(r for r in assessment.constraints if r["id"] == cid)
    return row["status"], row["note"]


def test_a_half_year_pue_is_not_the_year_s() -> None:
    rec = record(period_start="2024-07-01", period_end="2024-12-31")
    status, note = _status(evaluate(rec, AS_OF), "4.2/pue")
    assert status == "manual_review" and "184 days" in note
    assert _status(evaluate(record(year=2024), AS_OF), "4.2/pue")[0] == "pass"  # control: the calendar year


def test_a_fuel_mapping_in_tonnes_is_converted_not_read_as_litres() -> None:
    in_text = emissions(record(energy={"electricity": 0, "diesel": "500 t"}))["diesel"]
    in_mapping = emissions(record(energy={"electricity": 0, "diesel": {"value": 500, "unit": "t"}}))["diesel"]
    assert in_mapping == pytest.approx(in_text) and in_text == pytest.approx(500 * 3.096)
    with pytest.raises(ValueError, match="unknown unit 't_x'"):
        parse_record({**record().model_dump(mode="json", exclude_none=True),
                      "energy": {"electricity": 0, "diesel": {"value": 5, "unit": "t_x"}}})


def test_an_age_that_contradicts_the_commissioning_date_goes_to_a_person() -> None:
    rec = record(years_in_operation=5, commissioned="2023-03-01", period_start="2024-01-01",
                 period_end="2024-12-31", energy={"electricity": 1_280_000}, it_energy=1_000_000)
    status, note = _status(evaluate(rec, AS_OF), "4.2/pue")
    assert status == "manual_review" and "disagree" in note


def test_it_energy_above_the_total_is_not_graded() -> None:
    rec = record(energy={"electricity": 40_000_000}, it_energy=41_000_000)
    assert _status(evaluate(rec, AS_OF), "4.2/pue")[0] == "manual_review"


def test_a_small_data_centre_above_the_large_ones_limit_is_for_a_person() -> None:
    rec = record(size_class="small", energy={"electricity": 1_450_000}, it_energy=1_000_000)
    assert _status(evaluate(rec, AS_OF), "4.2/pue")[0] == "manual_review"
    rec = record(energy={"electricity": 1_450_000}, it_energy=1_000_000)  # control: a large one fails
    assert _status(evaluate(rec, AS_OF), "4.2/pue")[0] == "fail"


def test_no_renewables_block_gives_no_share() -> None:
    assert "renewable_share" not in section5_facts(record())
    assert section5_facts(record(renewables={"green_power": 300_000}))["renewable_share"] == pytest.approx(25.0)


def test_procurement_clauses_of_a_half_year_record(tmp_path: Path) -> None:
    path = tmp_path / "dc.yaml"
    path.write_text("id: DC-1\nclimate_zone: cold\nsize_class: large\nyears_in_operation: 5\n"
                    "period_start: '2024-07-01'\nperiod_end: '2024-12-31'\nenergy:\n  electricity: 24400 MWh\n"
                    "it_energy: 20000 MWh\nwater: 26000 m3\n", encoding="utf-8")
    report = check([path], AS_OF).report()
    statuses = {c.id: c.status for c in report.products[0].clauses}
    assert statuses["5.1/pue"] == "manual_review" and statuses["5.3/wue"] == "manual_review"
    assert statuses["5.2/renewable-share"] == "missing_evidence"


@pytest.mark.parametrize("water", ["1300 t", "1300 吨", "1,300,000 kg"], ids=["t", "cn-t", "kg"])
def test_water_in_tonnes_is_its_volume(water: str) -> None:
    """A water bill prints 吨 (red-team round 7, data-centre operation: '52000 t' was refused as not m³)."""
    by_mass = evaluate(record(water=water), AS_OF)
    by_volume = evaluate(record(water="1300 m3"), AS_OF)
    assert _status(by_mass, "4.2/wue") == _status(by_volume, "4.2/wue")
    assert record(water=water).water == pytest.approx(1300)


def test_a_mass_is_no_volume_of_gas() -> None:
    with pytest.raises(ValueError):
        record(energy={"electricity": 0, "natural_gas": "500 t"})


_GREEN = {"type": "green_power", "quantity": "500 MWh"}


@pytest.mark.parametrize(("evidence", "counted"), [
    ("GEC绿证500张，电量生产年份2022年（核发2023-02），用于2024年度", False),  # red-team round 3 zero-carbon, D04
    ("I-REC certificates, vintage 2023, retired for FY2024", False),
    ("2021年发电的绿证 500 张", False),
    ("GEC绿证500张，生产年份2024年", True),
    ("Green power PPA settlement statement 2024", True),  # no vintage named
], ids=["cn-2022", "en-2023", "cn-before", "same-year", "no-vintage"])
def test_an_offset_of_another_vintage_is_not_counted(evidence: str, counted: bool) -> None:
    rec = record(period_start="2024-01-01", period_end="2024-12-31", offsets=[{**_GREEN, "evidence": evidence}])
    assessment = evaluate(rec, AS_OF)
    row = assessment.nominal.offsets["items"][0]
    assert (row["tco2e"] > 0) == counted and ("not_counted" not in row) == counted
    assert any("vintage" in r for r in assessment.provisional_reasons) == (not counted)
    if not counted:
        assert "not counted" in _status(assessment, "4.2/offset-ratio")[1]
