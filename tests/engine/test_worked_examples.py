"""Worked examples, computed by hand from the standard's formulas, through the calculators, the
engine and ``checker calc``: Appendix E TEER, Table 5 tiers, Table 6 bands, Table 1, 5.1, Appendix C
and D, and 5.6 (electricity at 当量值 0.1229 kgce/kWh).

The expected numbers are written here by hand, never read back from ``catalogs/``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from typing import Any

import pytest

from checker.catalog.clauses import load_catalog
from checker.cli import main
from checker.engine import formulas as calc

AS_OF = date(2026, 11, 20)
WEIGHTS = (0.1, 0.8, 0.1)  # Appendix E: a = 0.1, b = 0.8, c = 0.1 for every device class
KGCE_PER_KWH = 0.1229      # 电力当量值


def run_calc(capsys, *argv: str) -> tuple[int, dict[str, Any]]:
    """``checker calc …`` in-process: exit code and the JSON it prints."""
    code = main(["calc", *argv])
    out = capsys.readouterr().out
    return code, json.loads(out)


def calc_clause(data: dict[str, Any], clause: str) -> dict[str, Any]:
    return next(c for c in data["clauses"] if c["id"] == clause)


# ================================================================ Appendix E: TEER
# (class, its loads u1;u2;u3 in %, Td in Mbps, Pu1, Pu2, Pu3 in W, Pw = 0.1·Pu1 + 0.8·Pu2 + 0.1·Pu3, TEER)
TEER_EXAMPLES = [
    ("access", (0, 10, 100), 10_000, 10, 12, 20, 12.6, 10_000 / 12.6),                   # 793.65
    ("high_speed_access", (0, 10, 100), 100_000, 60, 70, 100, 72.0, 100_000 / 72),       # 1388.89
    ("distribution", (0, 10, 100), 480_000, 150, 200, 300, 205.0, 480_000 / 205),        # 2341.46
    ("data_center", (0, 30, 100), 1_280_000, 300, 380, 500, 384.0, 1_280_000 / 384),     # 3333.33
    ("core", (0, 30, 100), 6_400_000, 1000, 1500, 2500, 1550.0, 6_400_000 / 1550),       # 4129.03
    ("access", (0, 10, 100), 2_000, 8, 10, 12, 10.0, 200.0),                             # fails ≥ 300
    ("distribution", (0, 10, 100), 24_000, 60, 80, 100, 80.0, 300.0),                    # exactly 300
]
TEER_IDS = ["access", "high-speed-access", "distribution", "data-center", "core", "access-fails", "at-300"]


@pytest.mark.parametrize(("klass", "loads", "td", "p1", "p2", "p3", "pw", "teer"), TEER_EXAMPLES, ids=TEER_IDS)
def test_teer_calculator(klass, loads, td, p1, p2, p3, pw, teer) -> None:
    assert 0.1 * p1 + 0.8 * p2 + 0.1 * p3 == pytest.approx(pw)
    assert float(calc.teer(td, p1, p2, p3, WEIGHTS)) == pytest.approx(teer, rel=1e-12)
    assert float(calc.teer(td, p1, p2, p3, load_catalog().device_classes[klass].weights)) == pytest.approx(teer)


@pytest.mark.parametrize(("klass", "loads", "td", "p1", "p2", "p3", "pw", "teer"), TEER_EXAMPLES, ids=TEER_IDS)
def test_teer_engine(clauses, klass, loads, td, p1, p2, p3, pw, teer) -> None:
    record = {"category": "switch", "device_class": klass, "max_throughput": td,
              "power_u1": p1, "power_u2": p2, "power_u3": p3}
    result = clauses(record)["6.2.3/teer"]
    assert result.value == pytest.approx(teer, abs=1e-6)
    assert result.limit == 300 and result.op == ">=" and result.unit == "Mbps/W"
    assert result.status == ("pass" if teer >= 300 - 1e-9 else "fail")


@pytest.mark.parametrize(("klass", "loads", "td", "p1", "p2", "p3", "pw", "teer"), TEER_EXAMPLES, ids=TEER_IDS)
def test_teer_cli(capsys, klass, loads, td, p1, p2, p3, pw, teer) -> None:
    code, data = run_calc(capsys, "teer", "--class", klass, "--throughput", str(td),
                          "--p-u1", str(p1), "--p-u2", str(p2), "--p-u3", str(p3))
    assert data["teer_mbps_per_w"] == pytest.approx(teer, abs=5e-4)
    assert [float(x) for x in data["loads_percent"]] == [float(x) for x in loads]
    assert [float(x) for x in data["weights"]] == list(WEIGHTS)
    status = "pass" if teer >= 300 - 1e-9 else "fail"
    assert calc_clause(data, "6.2.3/teer")["status"] == status
    assert code == (0 if status == "pass" else 1)


def test_teer_just_under_300(clauses) -> None:
    # 24 000 / (6 + 0.8 × 80.1 + 10) = 24 000 / 80.08 = 299.70 Mbps/W
    record = {"category": "switch", "device_class": "distribution", "max_throughput": 24_000,
              "power_u1": 60, "power_u2": 80.1, "power_u3": 100}
    result = clauses(record)["6.2.3/teer"]
    assert result.value == pytest.approx(299.7003, abs=1e-4)
    assert result.status == "fail"


# ENERGY STAR: Dell N3024, 26 Gb/s; 38.5 W at ~0 %, 38.9 W at 30 %, 39.4 W at 100 % (data-centre class).
# Pw = 3.85 + 31.12 + 3.94 = 38.91 W; TEER = 26 000 / 38.91 = 668.2087 Mbps/W.
DELL_TEER = 26_000 / 38.91


def test_dell_n3024_calculator_and_engine(clauses) -> None:
    assert pytest.approx(668.2087, abs=1e-4) == DELL_TEER
    assert float(calc.teer(26_000, 38.5, 38.9, 39.4, WEIGHTS)) == pytest.approx(DELL_TEER)
    record = {"category": "switch", "device_class": "data_center", "max_throughput": "26 Gbps",
              "power_u1": "38.5 W", "power_u2": "38.9 W", "power_u3": "39.4 W"}
    result = clauses(record)["6.2.3/teer"]
    assert result.status == "pass"
    assert result.value == pytest.approx(DELL_TEER, abs=1e-6)
    assert result.margin == pytest.approx(DELL_TEER - 300, abs=1e-6)


def test_dell_n3024_cli_in_process(capsys) -> None:
    code, data = run_calc(capsys, "teer", "--class", "data_center", "--throughput", "26 Gbps",
                          "--p-u1", "38.5", "--p-u2", "38.9", "--p-u3", "39.4")
    assert code == 0
    assert data["teer_mbps_per_w"] == pytest.approx(668.209, abs=5e-4)
    assert [float(x) for x in data["loads_percent"]] == [0.0, 30.0, 100.0]
    assert calc_clause(data, "6.2.3/teer")["status"] == "pass"


def test_dell_n3024_cli_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from checker.cli import main; sys.exit(main())",
         "calc", "teer", "--class", "data_center", "--throughput", "26 Gbps",
         "--p-u1", "38.5 W", "--p-u2", "38.9 W", "--p-u3", "39.4 W"],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["teer_mbps_per_w"] == pytest.approx(668.209, abs=5e-4)


# ================================================================ Table 5: firewall tier edges
# "10G 以上~20G" means 10 < T ≤ 20: a throughput exactly on an edge belongs to the LOWER tier.
# (T in Gbps, volume limit dm³, W/Gbps limit); the power is chosen to sit exactly on the lower tier's
# W/Gbps limit, so placing T in the upper tier would fail it.
FIREWALL_EDGES = [
    (0.999, 10, 65), (1, 10, 65), (1.001, 12, 25),
    (10, 12, 25), (10.001, 12, 23),
    (20, 12, 23), (20.001, 18, 16),
    (30, 18, 16), (30.001, 18, 6),
    (40, 18, 6), (40.001, 36, 5),
]


@pytest.mark.parametrize(("gbps", "volume", "ratio"), FIREWALL_EDGES, ids=[f"{t}G" for t, *_ in FIREWALL_EDGES])
def test_firewall_tier_edges_engine(clauses, gbps, volume, ratio) -> None:
    results = clauses({"category": "firewall", "fw_throughput": gbps, "fw_power": ratio * gbps,
                       "length": 400, "height": volume / 0.4, "depth": 1000})
    assert results["6.2.4/volume"].limit == volume
    assert results["6.2.4/volume"].status == "pass"
    assert results["6.2.4/power-per-throughput"].limit == ratio
    assert results["6.2.4/power-per-throughput"].value == pytest.approx(ratio)
    assert results["6.2.4/power-per-throughput"].status == "pass"


@pytest.mark.parametrize(("gbps", "volume", "ratio"), FIREWALL_EDGES, ids=[f"{t}G" for t, *_ in FIREWALL_EDGES])
def test_firewall_tier_edges_cli(capsys, gbps, volume, ratio) -> None:
    code, data = run_calc(capsys, "firewall", "--throughput", str(gbps), "--power", str(ratio * gbps),
                          "--length", "400", "--height", str(volume / 0.4), "--depth", "1000")
    assert code == 0
    assert calc_clause(data, "6.2.4/volume")["limit"] == volume
    assert calc_clause(data, "6.2.4/power-per-throughput")["limit"] == ratio
    assert calc_clause(data, "6.2.4/power-per-throughput")["status"] == "pass"
    assert sorted(data["tier_limits"].values()) == sorted([volume, ratio])


def test_firewall_cli_in_mbps_and_inches(capsys) -> None:
    # 20 000 Mbps = 20 Gbps (10G–20G tier: 12 dm³, 23 W/Gbps); 460 W / 20 Gbps = 23 W/Gbps.
    # 17.3 in × 1.75 in × 24 in = 439.42 × 44.45 × 609.6 mm³ = 11.9068 dm³.
    code, data = run_calc(capsys, "firewall", "--throughput", "20000 Mbps", "--power", "460",
                          "--length", "17.3 in", "--height", "1.75 in", "--depth", "24 in")
    assert code == 0
    volume = calc_clause(data, "6.2.4/volume")
    assert volume["value"] == pytest.approx(439.42 * 44.45 * 609.6 / 1e6, abs=1e-6)
    assert volume["limit"] == 12 and volume["status"] == "pass"
    assert calc_clause(data, "6.2.4/power-per-throughput")["value"] == pytest.approx(23)


def test_firewall_calculators() -> None:
    assert float(calc.chassis_volume_dm3(440, 44, 300)) == pytest.approx(5.808)
    assert float(calc.power_per_throughput(250, 10)) == pytest.approx(25)


# ================================================================ Table 6: generator band edges
# (P kW, fuel limit g/kWh or None, noise limit dB(A)): 120 < P ≤ 250 → 243; 250 < P ≤ 600 → 234;
# 600 < P ≤ 1250 → 225; P > 1250 → 216; noise P ≤ 250 → 105, P > 250 → 110; P ≤ 120: no fuel limit.
GENERATOR_EDGES = [
    (120, None, 105), (120.1, 243, 105),
    (250, 243, 105), (250.1, 234, 110),
    (600, 234, 110), (600.1, 225, 110),
    (1250, 225, 110), (1250.1, 216, 110),
]


@pytest.mark.parametrize(("power", "fuel", "noise"), GENERATOR_EDGES, ids=[f"{p}kW" for p, *_ in GENERATOR_EDGES])
def test_generator_band_edges_engine(clauses, power, fuel, noise) -> None:
    # fuel and noise exactly at the band's limits: pass in the right band, fail in the next one up.
    record = {"category": "generator", "rated_power": power, "fuel_rate": fuel or 300,
              "noise_front": noise, "noise_back": noise - 1, "noise_left": noise - 2, "noise_right": noise - 3}
    results = clauses(record)
    if fuel is None:
        assert results["6.3.5/fuel-consumption"].status == "not_applicable"
    else:
        assert results["6.3.5/fuel-consumption"].limit == fuel
        assert results["6.3.5/fuel-consumption"].status == "pass"
    assert results["6.3.5/noise"].limit == noise
    assert results["6.3.5/noise"].value == noise
    assert results["6.3.5/noise"].status == "pass"


@pytest.mark.parametrize(("power", "fuel", "noise"), GENERATOR_EDGES, ids=[f"{p}kW" for p, *_ in GENERATOR_EDGES])
def test_generator_band_edges_cli(capsys, power, fuel, noise) -> None:
    argv = ["generator", "--rated-power", f"{power} kW", "--noise", *(str(noise - k) for k in range(4))]
    if fuel is not None:
        argv += ["--fuel", f"{fuel / 1000} kg/kWh"]
    code, data = run_calc(capsys, *argv)
    assert code == 0
    noise_result = calc_clause(data, "6.3.5/noise")
    assert noise_result["limit"] == noise and noise_result["status"] == "pass"
    fuel_result = calc_clause(data, "6.3.5/fuel-consumption")
    if fuel is None:
        assert fuel_result["status"] == "not_applicable"
    else:
        assert fuel_result["limit"] == fuel and fuel_result["value"] == pytest.approx(fuel)
        assert fuel_result["status"] == "pass"


def test_generator_cli_fails_just_over(capsys) -> None:
    code, data = run_calc(capsys, "generator", "--rated-power", "250", "--fuel", "243.1",
                          "--noise", "105.1", "100", "100", "100")
    assert code == 1
    assert calc_clause(data, "6.3.5/fuel-consumption")["status"] == "fail"
    assert calc_clause(data, "6.3.5/noise")["status"] == "fail"


def test_fuel_rate_calculator() -> None:
    # 100 L/h × 0.84 kg/L × 1000 / 350 kW = 240 g/kWh
    assert float(calc.fuel_rate_g_per_kwh(100, 350, 0.84)) == pytest.approx(240)


# ================================================================ Table 1 and 5.1
@pytest.mark.parametrize(("year", "share"), [
    (2022, None), (2023, 5), (2024, 5), (2025, 30), (2026, 30), (2027, 50), (2028, 50), (2029, 50),
    (2030, 75), (2031, 75), (2032, 100), (2040, 100),
])
def test_renewable_share_required(year, share) -> None:
    assert calc.renewable_share_required(load_catalog(), year) == share


@pytest.mark.parametrize(("year", "share"), [(2024, 5), (2026, 30), (2031, 75)])
def test_renewable_share_required_cli(capsys, year, share) -> None:
    code, data = run_calc(capsys, "renewable", "--year", str(year))
    assert code == 0 and data["required_percent"] == share


@pytest.mark.parametrize(("on", "limit"), [
    (date(2023, 5, 31), None), (date(2023, 6, 1), 1.4), (date(2024, 12, 31), 1.4), (date(2025, 1, 1), 1.3),
    (date(2030, 6, 1), 1.3),
])
def test_pue_limit(on, limit) -> None:
    assert calc.pue_limit(load_catalog(), on) == limit


def test_pue_limit_cli(capsys) -> None:
    assert run_calc(capsys, "pue", "--date", "2024-12-31")[1]["pue_limit"] == 1.4
    assert run_calc(capsys, "pue", "--date", "2025-01-01")[1]["pue_limit"] == 1.3


def test_pue_1_35_passes_in_2024_and_fails_in_2025(clauses) -> None:
    assert clauses({"category": "datacenter", "pue": 1.35}, date(2024, 12, 31))["5.1/pue"].status == "pass"
    assert clauses({"category": "datacenter", "pue": 1.35}, date(2025, 1, 1))["5.1/pue"].status == "fail"


# ================================================================ Appendix D: recycled plastic share
def test_recycled_plastic_share_calculator() -> None:
    # R = (12 g + 8 g) / 1000 g × 100 % = 2.0 %; the formula is unit-free (kg in, same ratio).
    assert calc.recycled_plastic_share([12, 8], 1000) == pytest.approx(2.0)
    assert calc.recycled_plastic_share([0.012, 0.008], 1.0) == pytest.approx(2.0)
    assert calc.recycled_plastic_share([15], 1000) == pytest.approx(1.5)
    with pytest.raises(ValueError):
        calc.recycled_plastic_share([1], 0)


@pytest.mark.parametrize(("recycled", "total", "share", "status", "code"), [
    (["12", "8"], "1000", 2.0, "pass", 0),
    (["0.012 kg", "8 g"], "1 kg", 2.0, "pass", 0),
    (["19.9"], "1000", 1.99, "fail", 1),
    (["1"], "99", 1 / 99 * 100, "not_applicable", 0),  # under 100 g of plastic (Appendix D item 3)
], ids=["at-2-percent", "mixed-units", "just-under", "under-100g"])
def test_recycled_plastic_cli(capsys, recycled, total, share, status, code) -> None:
    exit_code, data = run_calc(capsys, "recycled-plastic", "--recycled", *recycled, "--plastic-total", total)
    assert data["share_percent"] == pytest.approx(share, abs=1e-4)
    assert calc_clause(data, "6.2.2/recycled-plastic")["status"] == status
    assert exit_code == code


# ================================================================ Appendix C: recyclability rate
def test_recyclability_rate_calculator() -> None:
    # steel 7000 g × 100 % + ABS 1000 g × 60 % + PCB 2000 g × 20 % = 8000 g of 10 000 g = 80 %.
    assert calc.recyclability_rate([7000, 600, 400], 10_000) == pytest.approx(80.0)
    assert calc.recyclability_rate([7000, 600, 398], 10_000) == pytest.approx(79.98)
    with pytest.raises(ValueError):
        calc.recyclability_rate([100], 0)
    with pytest.raises(ValueError):
        calc.recyclability_rate([600, 500], 1000)


@pytest.mark.parametrize(("pcb_rate", "rate", "status", "code"), [("20", 80.0, "pass", 0), ("19.9", 79.98, "fail", 1)])
def test_recyclability_cli(capsys, pcb_rate, rate, status, code) -> None:
    exit_code, data = run_calc(capsys, "recyclability", "--material", "7000 g:100", "1 kg:60", f"2000 g:{pcb_rate}",
                               "--product-mass", "10 kg")
    assert data["recyclability_percent"] == pytest.approx(rate)
    assert calc_clause(data, "6.2.1/recyclability")["status"] == status
    assert exit_code == code


# ================================================================ 5.6: annual energy in tce
# 1000 tce = 1 000 000 kgce = 8 136 696.5 kWh at 0.1229 kgce/kWh.
@pytest.mark.parametrize(("kwh", "tce", "required"), [
    (8_136_697, 1000.0000613, True),   # 1 000 000.06 kgce
    (8_136_696, 999.9999384, False),   #   999 999.94 kgce
    (10_000_000, 1229.0, True),
])
def test_annual_energy_tce(kwh, tce, required) -> None:
    value = float(calc.annual_energy_tce(kwh, KGCE_PER_KWH))
    assert value == pytest.approx(tce, abs=1e-6)
    assert (value >= 1000) is required


@pytest.mark.parametrize(("text", "required"), [("8136697", True), ("8,136,697 kWh", True),
                                                ("8136.697 MWh", True), ("8136696", False)])
def test_annual_energy_cli(capsys, text, required) -> None:
    code, data = run_calc(capsys, "energy", "--electricity", text)
    assert code == 0
    assert data["annual_energy_tce"] == pytest.approx(1000.0, abs=1e-3)
    assert data["energy_management_required"] is required


@pytest.mark.parametrize(("kwh", "side"), [(8_136_697, "≥"), (8_136_696, "<")])
def test_energy_management_clause_from_electricity(clauses, kwh, side) -> None:
    result = clauses({"category": "datacenter", "annual_electricity": kwh})["5.6/energy-management"]
    assert result.status == "manual_review"
    assert result.value == pytest.approx(kwh * KGCE_PER_KWH / 1000, abs=1e-5)
    assert f"{side} 1000" in result.note


def test_energy_management_note_does_not_round_onto_the_threshold(clauses) -> None:
    result = clauses({"category": "datacenter", "annual_electricity": 8_136_696})["5.6/energy-management"]
    assert "1000.0 tce <" not in result.note
