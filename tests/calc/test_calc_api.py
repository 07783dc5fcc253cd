"""``checker.calc.api``: each calculator with plain values, a value exactly on its limit, and the result models.

Limits are read from ``catalogs/`` (never written here); the worked figures are computed by hand in the
comments beside them.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from checker.calc import api as calc_api
from checker.catalog.clauses import Catalog, load_catalog
from checker.models import ClauseResult

AS_OF = date(2026, 11, 20)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def status(result: calc_api.Calculation, clause: str) -> str:
    return next(c.status for c in result.clauses if c.id == clause)


def limit(catalog: Catalog, clause: str) -> float:
    value = catalog.clause(clause).limit
    assert value is not None
    return value


# ---------------------------------------------------------------- quantities and the models


def test_quantity_numbers_text_and_junk() -> None:
    assert calc_api.quantity(26, "Mbps") == 26.0
    assert calc_api.quantity("26 Gbps", "Mbps") == pytest.approx(26_000)   # 26 × 1000 Mbps
    assert calc_api.quantity("17.3 in", "mm") == pytest.approx(439.42)      # 17.3 × 25.4 mm
    with pytest.raises(ValueError):
        calc_api.quantity("lots", "W")
    with pytest.raises(ValueError):
        calc_api.quantity(True, "W")


def test_results_are_strict_and_forbid_extra_keys() -> None:
    result = calc_api.pdu(2, 4, AS_OF)
    assert isinstance(result.clauses[0], ClauseResult)
    with pytest.raises(ValidationError):
        calc_api.PduResult(w_per_outlet=0.5, colour="red")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        calc_api.PduResult(w_per_outlet="0.5")  # type: ignore[arg-type]
    assert calc_api.PduResult.model_validate_json(result.model_dump_json()) == result


# ---------------------------------------------------------------- Appendix E: TEER


def test_teer_dell_n3024() -> None:
    # data-centre class: Pw = 0.1 × 38.5 + 0.8 × 38.9 + 0.1 × 39.4 = 38.91 W; TEER = 26 000 / 38.91 = 668.2087
    result = calc_api.teer("data_center", "26 Gbps", "38.5 W", 38.9, 39.4, AS_OF)
    assert result.teer == pytest.approx(668.2087, abs=1e-4)
    assert result.unit == "Mbps/W" and result.category == "switch"
    assert result.loads == (0.0, 30.0, 100.0) and result.weights == (0.1, 0.8, 0.1)
    assert [c.id for c in result.clauses] == ["6.2.3/teer"] and result.clauses[0].status == "pass"


def test_teer_exactly_at_the_limit(catalog: Catalog) -> None:
    # Pw = 0.1 × 60 + 0.8 × 80 + 0.1 × 100 = 80 W, so Td = limit × 80 W gives TEER = limit.
    at = limit(catalog, "6.2.3/teer")
    result = calc_api.teer("distribution", at * 80, 60, 80, 100, AS_OF)
    assert result.teer == pytest.approx(at)
    assert result.clauses[0].limit == at and result.clauses[0].status == "pass"
    assert status(calc_api.teer("distribution", at * 80 - 1, 60, 80, 100, AS_OF), "6.2.3/teer") == "fail"


def test_teer_unknown_class() -> None:
    with pytest.raises(KeyError):
        calc_api.teer("backbone", 1, 1, 1, 1)


# ---------------------------------------------------------------- Table 5: firewall


def test_firewall_readme_example(catalog: Catalog) -> None:
    # 390 W / 15 Gbps = 26 W/Gbps; 17.3 in × 1.73 in × 15 in = 439.42 × 43.942 × 381 mm³ = 7.3567 dm³
    result = calc_api.firewall(15, 390, "17.3 in", "1.73 in", "15 in", AS_OF)
    band = catalog.band_tables["firewall_tiers"].band_for(15)
    assert band is not None and result.tier == band.label and result.tier_limits == band.limits
    assert result.w_per_gbps == pytest.approx(26) and result.unit == "W/Gbps"
    assert result.volume_dm3 == pytest.approx(439.42 * 43.942 * 381 / 1e6)
    assert [c.id for c in result.clauses] == ["6.2.4/volume", "6.2.4/power-per-throughput"]


def test_firewall_exactly_at_the_tier_edge_and_limits(catalog: Catalog) -> None:
    # A throughput on a tier's upper edge belongs to that tier; W/Gbps and volume exactly on its limits pass.
    band = catalog.band_tables["firewall_tiers"].band_for(15)
    assert band is not None and band.up_to is not None
    ratio, volume = band.limits["power_per_throughput"], band.limits["volume"]
    assert ratio is not None and volume is not None
    # 1000 mm × 100 mm × (volume × 10) mm = volume × 10⁶ mm³ = volume dm³
    result = calc_api.firewall(f"{band.up_to} Gbps", ratio * band.up_to, 1000, 100, volume * 10, AS_OF)
    assert result.tier == band.label
    assert result.w_per_gbps == pytest.approx(ratio) and result.volume_dm3 == pytest.approx(volume)
    assert status(result, "6.2.4/power-per-throughput") == "pass" and status(result, "6.2.4/volume") == "pass"


def test_firewall_without_power_or_size() -> None:
    result = calc_api.firewall("15000 Mbps")
    assert result.volume_dm3 is None and result.w_per_gbps is None
    assert {c.status for c in result.clauses} == {"missing_evidence"}


# ---------------------------------------------------------------- Table 6: generator


def test_generator_fuel_flow_and_noise(catalog: Catalog) -> None:
    # 91.8 L/h × 0.845 kg/L (the densest diesel) × 1000 / 400 kW = 193.9275 g/kWh; noise max = 101.2 dB(A)
    noise = dict(zip(calc_api.NOISE_SIDES, ("99.5", "101.2", "98", "98.4"), strict=True))
    result = calc_api.generator("400 kW", fuel_flow="91.8 L/h", noise=noise, as_of=AS_OF)
    band = catalog.band_tables["generator_bands"].band_for(400)
    assert band is not None and result.band == band.label and result.band_limits == band.limits
    assert result.unit == "kW" and result.category == "generator"
    values = {c.id: c.value for c in result.clauses}
    assert values == {"6.3.5/fuel-consumption": pytest.approx(193.9275), "6.3.5/noise": 101.2}


def test_generator_exactly_at_the_band_edge_and_limits(catalog: Catalog) -> None:
    band = catalog.band_tables["generator_bands"].band_for(400)
    assert band is not None and band.up_to is not None
    fuel, noise = band.limits["fuel_rate"], band.limits["noise_max"]
    assert fuel is not None and noise is not None
    readings: dict[str, str | float | None] = {"front": noise, "back": noise - 1, "left": f"{noise - 2} dBA",
                                                "right": noise - 3}
    result = calc_api.generator(band.up_to, fuel=f"{fuel / 1000} kg/kWh", noise=readings, as_of=AS_OF)
    assert result.band == band.label
    assert status(result, "6.3.5/fuel-consumption") == "pass" and status(result, "6.3.5/noise") == "pass"
    assert next(c for c in result.clauses if c.id == "6.3.5/noise").value == noise


def test_generator_unknown_noise_side() -> None:
    with pytest.raises(ValueError, match="top"):
        calc_api.generator(400, noise={"top": 90})


# ---------------------------------------------------------------- Table 3 row 3: PAHs


def test_pah_exactly_at_both_limits(catalog: Catalog) -> None:
    # naphthalene (limit − bap limit) + benzo[a]pyrene (bap limit) + 13 × ND = the 15-PAH limit
    total, bap = limit(catalog, "6.2.2/pah15"), limit(catalog, "6.2.2/bap")
    values: dict[str, str | float] = {name: "ND" for name in catalog.fields if name.startswith("pah_")}
    values.update({"pah_naphthalene": total - bap, "pah_benzo_a_pyrene": bap})
    result = calc_api.pah(values, AS_OF)
    assert result.reported == 15 and result.pah_sum == pytest.approx(total) and result.unit == "mg/kg"
    assert status(result, "6.2.2/pah15") == "pass" and status(result, "6.2.2/bap") == "pass"


def test_pah_by_name_and_cas_and_unknown(catalog: Catalog) -> None:
    # benzo[a]pyrene by its CAS number, 5 mg/kg over its limit; the sum needs all 15
    result = calc_api.pah({"Naphthalene ": "0.3", "50-32-8": f"{limit(catalog, '6.2.2/bap') + 5}"}, AS_OF)
    assert result.reported == 2 and result.pah_sum is None
    assert status(result, "6.2.2/bap") == "fail" and status(result, "6.2.2/pah15") == "missing_evidence"
    with pytest.raises(ValueError, match="not one of the 15 PAHs"):
        calc_api.pah({"benzene": 1})


# ---------------------------------------------------------------- Appendix D: recycled plastic


def test_recycled_plastic_exactly_at_the_limit(catalog: Catalog) -> None:
    # (limit × 6 g + limit × 4 g) / 1000 g × 100 % = limit %
    at = limit(catalog, "6.2.2/recycled-plastic")
    result = calc_api.recycled_plastic([at * 6, f"{at * 4} g"], "1 kg", "monitor", AS_OF)
    assert result.share == pytest.approx(at) and result.unit == "%" and result.category == "monitor"
    assert result.recycled_g == pytest.approx(at * 10) and result.plastic_g == 1000
    assert status(result, "6.2.2/recycled-plastic") == "pass"


def test_recycled_plastic_applies_from_the_catalog_mass(catalog: Catalog) -> None:
    # Appendix D item 3: applies from the catalog's plastic mass on; below it, not applicable.
    condition = catalog.clause("6.2.2/recycled-plastic").applies_when[0]
    assert condition.at_least is not None
    at = calc_api.recycled_plastic([0], condition.at_least, as_of=AS_OF)
    below = calc_api.recycled_plastic([0], condition.at_least - 0.1, as_of=AS_OF)
    assert status(at, "6.2.2/recycled-plastic") == "fail"
    assert status(below, "6.2.2/recycled-plastic") == "not_applicable"


def test_recycled_plastic_without_plastic() -> None:
    result = calc_api.recycled_plastic([], 0)
    assert result.share is None and result.plastic_g == 0.0


# ---------------------------------------------------------------- Appendix C: recyclability


def test_recyclability_table() -> None:
    # 8000 g × 95 % + 2000 g × 40 % = 7600 g + 800 g = 8400 g of 10 000 g (the materials' sum) = 84 %
    result = calc_api.recyclability([(8000, 95), ("2 kg", "40")], as_of=AS_OF)
    assert result.per_material_g == pytest.approx([7600, 800]) and result.recyclable_g == pytest.approx(8400)
    assert result.product_g == 10_000 and result.rate == pytest.approx(84)
    assert [c.id for c in result.clauses] == ["6.2.1/recyclability"] and result.clauses[0].status == "pass"


def test_recyclability_exactly_at_the_limit(catalog: Catalog) -> None:
    # limit × 100 g at 100 % of a 10 kg product = limit %
    at = limit(catalog, "6.2.2/recyclability")
    result = calc_api.recyclability([(at * 100, 100)], "10 kg", "desktop", AS_OF)
    assert result.rate == pytest.approx(at)
    assert [c.id for c in result.clauses] == ["6.2.2/recyclability"] and result.clauses[0].status == "pass"


def test_recyclability_more_than_the_product() -> None:
    with pytest.raises(ValueError):
        calc_api.recyclability([(600, 100), (500, 100)], 1000)


# ---------------------------------------------------------------- 6.3.4: PDU


def test_pdu_exactly_at_the_limit(catalog: Catalog) -> None:
    # limit × 4 W over 4 outlets = limit W per outlet
    at = limit(catalog, "6.3.4/outlet-power")
    result = calc_api.pdu(f"{at * 4} W", 4, AS_OF)
    assert result.w_per_outlet == pytest.approx(at) and result.unit == "W"
    assert result.clauses[0].id == "6.3.4/outlet-power" and result.clauses[0].status == "pass"


def test_pdu_without_outlets() -> None:
    assert calc_api.pdu(2, 0).w_per_outlet is None


# ---------------------------------------------------------------- 5.6, Table 1, 5.1


def test_energy_exactly_at_the_line(catalog: Catalog) -> None:
    # kWh × kgce/kWh / 1000 = tce, so line × 1000 / coefficient kWh is exactly on the line.
    line = catalog.clause("5.6/energy-management").threshold_evidence
    assert line is not None
    kwh = line.at * 1000 / catalog.constant("electricity_kgce_per_kwh")
    result = calc_api.energy(kwh, AS_OF)
    assert result.annual_energy_tce == pytest.approx(line.at) and result.threshold_tce == line.at
    assert result.energy_management_required and result.unit == "tce" and result.clauses == []


def test_energy_worked_example() -> None:
    # 10 000 000 kWh × 0.1229 kgce/kWh = 1 229 000 kgce = 1229 tce
    result = calc_api.energy("10 GWh")
    assert result.annual_energy_tce == pytest.approx(1229)


def test_renewable_exactly_from_each_step(catalog: Catalog) -> None:
    schedule = catalog.clause("5.2/renewable-share").schedule
    assert schedule is not None
    for before, step in zip([None, *schedule.steps], schedule.steps, strict=False):
        assert calc_api.renewable(step.since.year).required_percent == step.limit
        earlier = calc_api.renewable(step.since.year - 1).required_percent
        assert earlier == (before.limit if before else None)


def test_renewable_year_defaults_to_as_of() -> None:
    result = calc_api.renewable(as_of=date(2026, 3, 1))
    assert result.year == 2026 and result.unit == "%"
    assert result.required_percent == calc_api.renewable(2026).required_percent


def test_pue_exactly_from_each_step(catalog: Catalog) -> None:
    schedule = catalog.clause("5.1/pue").schedule
    assert schedule is not None
    for before, step in zip([None, *schedule.steps], schedule.steps, strict=False):
        assert calc_api.pue(step.since).pue_limit == step.limit
        assert calc_api.pue(step.since - timedelta(days=1)).pue_limit == (before.limit if before else None)


def test_pue_defaults_to_today() -> None:
    assert calc_api.pue().on == date.today()
