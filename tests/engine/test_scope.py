"""Issue 12: each clause's scope as the standard words it (INTERFACE §6) — applies, not applicable, unknown.

Limits below are read from the standard's text, not from catalogs/: Table 4 TEER ≥ 300 Mbps/W (固定端口),
Table 5 tier 10G–20G ≤ 12 dm³ and ≤ 23 W/Gbps (固定端口), Table 6 generators 250 < P ≤ 600 kW... (the
≤ 243 g/kWh row at 200 kW), Table 7 smoke transmittance ≥ 60 % (隐蔽通风空间的配电线路电缆).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from checker.models import ClauseResult

Clauses = Callable[..., dict[str, ClauseResult]]

SWITCH = {"category": "switch", "id": "SW", "device_class": "access", "max_throughput": "26 Gbps",
          "power_u1": 38.5, "power_u2": 38.9, "power_u3": 39.4}  # TEER ≈ 670 Mbps/W
FIREWALL = {"category": "firewall", "id": "FW", "fw_throughput": 15, "fw_power": 300, "length": 440,
            "height": 44, "depth": 300, "has_external_psu": True}


@pytest.mark.parametrize(("record", "clause"), [
    (SWITCH, "6.2.3/teer"),
    (FIREWALL, "6.2.4/volume"),
    (FIREWALL, "6.2.4/power-per-throughput"),
    (FIREWALL, "6.2.4/external-psu"),
])
@pytest.mark.parametrize(("port_type", "expected"), [("fixed", "applies"), ("modular", "not_applicable"),
                                                     (None, "assumed")])
def test_port_type(clauses: Clauses, record: dict[str, Any], clause: str, port_type: str | None,
                   expected: str) -> None:
    given = dict(record, **({"port_type": port_type} if port_type else {}))
    result = clauses(given)[clause]
    if expected == "not_applicable":
        assert result.status == "not_applicable"
        assert "port_type" in result.note
    else:
        assert result.status in ("pass", "manual_review")
        assert ("fixed-port" in result.note) == (expected == "assumed")


# Table 6 at 200 kW: the limit row for 160 < P ≤ 250 kW; 62 L/h: petrol 0.72–0.775 kg/L → 223.2–240.3 g/kWh,
# diesel 0.81–0.845 → 251.1–261.9, either 0.72–0.845 → 223.2–261.9.
@pytest.mark.parametrize(("fuel_type", "status", "low", "high"), [
    ("petrol", "pass", 223.2, 240.3), ("diesel", "fail", 251.1, 261.9), (None, "manual_review", 223.2, 261.9),
])
def test_fuel_type_sets_the_density_range(clauses: Clauses, fuel_type: str | None, status: str, low: float,
                                          high: float) -> None:
    record = {"category": "generator", "id": "G", "rated_power": 200, "fuel_flow_100": "62 L/h"}
    if fuel_type:
        record["fuel_type"] = fuel_type
    result = clauses(record)["6.3.5/fuel-consumption"]
    assert result.limit == 243
    assert result.status == status, result.note
    assert f"{low:.1f}" in result.note and f"{high:.1f}" in result.note


def test_unrecognised_fuel_type_is_manual_review(clauses: Clauses) -> None:
    result = clauses({"category": "generator", "id": "G", "rated_power": 200, "fuel_flow_100": "62 L/h",
                      "fuel_type": "kerosene"})["6.3.5/fuel-consumption"]
    assert result.status == "manual_review"


@pytest.mark.parametrize(("flags", "expected"), [
    ({"power_distribution": True, "concealed_ventilated_space": True}, "pass"),
    ({"power_distribution": False, "concealed_ventilated_space": True}, "not_applicable"),
    ({"power_distribution": True, "concealed_ventilated_space": False}, "not_applicable"),
    ({}, "pass-assumed"),
])
def test_cable_scope_of_smoke_transmittance(clauses: Clauses, flags: dict[str, bool], expected: str) -> None:
    result = clauses({"category": "cable", "id": "C", "smoke_transmittance": 72, **flags})["6.3.6/smoke-transmittance"]
    assert result.status == expected.split("-")[0]
    assert ("applied as" in result.note) == expected.endswith("assumed")


@pytest.mark.parametrize(("category", "has_battery", "status"), [
    ("server", None, "manual_review"), ("switch", None, "manual_review"), ("desktop", None, "manual_review"),
    ("firewall", None, "manual_review"), ("server", False, "not_applicable"), ("server", True, "pass"),
    ("laptop", None, "pass"), ("ups", None, "pass"),  # categories that always hold one
    ("cable", None, "not_applicable"), ("motor", None, "not_applicable"),
])
def test_battery_scope(clauses: Clauses, category: str, has_battery: bool | None, status: str) -> None:
    record: dict[str, Any] = {"category": category, "id": "P", "battery_hg": "ND", "battery_cd": 2, "battery_pb": 5}
    if has_battery is not None:
        record["has_battery"] = has_battery
    result = clauses(record)["6.1.10/battery-cd"]
    assert result.status == status, result.note
    if status == "manual_review":
        assert "contain a battery" in result.note


def test_phthalates_clause_excludes_cables(clauses: Clauses) -> None:
    assert "6.1.6/phthalates" not in clauses({"category": "cable", "id": "C"})
    assert "6.1.6/phthalates" in clauses({"category": "server", "id": "S"})


def test_ods_regulation_is_a_document_check(clauses: Clauses) -> None:
    found = clauses({"category": "cooling", "id": "C", "cooling_type": "chiller", "refrigerant": "R32"})
    assert found["6.3.1.2/odp"].status == "pass"  # HFC: ODP 0, on the Kigali list but not a fail
    assert found["6.3.1.2/ods-regulation"].status == "manual_review"
    assert "消耗臭氧层物质管理条例" in found["6.3.1.2/ods-regulation"].note


def test_contained_components_to_do_for_generators(clauses: Clauses) -> None:
    found = clauses({"category": "generator", "id": "G"})
    assert found["6.3.3/contained-components"].status == "manual_review"
    assert "6.3.3/contained-components" not in clauses({"category": "cooling", "id": "C"})  # 除制冷机组
    assert "6.3.3/contained-components" not in clauses({"category": "ups", "id": "U"})  # 除不间断电源


# 5.1 and Table 1 by the statistics period, not the day of the check
@pytest.mark.parametrize(("period_end", "as_of", "pue_status", "share_status"), [
    ("2024-12-31", date(2026, 11, 20), "pass", "pass"),  # 2024: PUE ≤ 1.4, share ≥ 5 %
    (None, date(2026, 11, 20), "fail", "fail"),  # no period: the as-of date's limits (1.3, 30 %)
    ("2025-06-30", date(2024, 1, 1), "fail", "fail"),  # the period decides even before as-of
])
def test_period_end_decides_the_limits(clauses: Clauses, period_end: str | None, as_of: date, pue_status: str,
                                       share_status: str) -> None:
    record: dict[str, Any] = {"category": "datacenter", "id": "D", "pue": 1.35, "renewable_share": 10}
    if period_end:
        record["period_end"] = period_end
    found = clauses(record, as_of)
    assert found["5.1/pue"].status == pue_status
    assert found["5.2/renewable-share"].status == share_status
    if period_end:
        assert period_end in found["5.1/pue"].note


def test_bad_period_end_is_manual_review(clauses: Clauses) -> None:
    found = clauses({"category": "datacenter", "id": "D", "pue": 1.35, "period_end": "31 Dec"})
    assert found["5.1/pue"].status in ("manual_review", "fail")  # never judged on an unreadable period as a pass


@pytest.mark.parametrize(("previous", "status"), [(8, "pass"), (10, "fail"), (12, "fail"), (None, "manual_review")])
def test_renewable_share_increases_year_on_year(clauses: Clauses, previous: float | None, status: str) -> None:
    record: dict[str, Any] = {"category": "datacenter", "id": "D", "renewable_share": 10, "period_end": "2024-12-31"}
    if previous is not None:
        record["previous_renewable_share"] = previous
    result = clauses(record)["5.2/renewable-increase"]
    assert result.status == status
    if previous is not None:
        assert "10 %" in result.note and f"{previous:g} %" in result.note


def test_datacentre_record_year_is_its_period(tmp_path: Any) -> None:
    from checker.dc.grading import evaluate
    from checker.dc.record import load_record

    record = load_record("samples/datacenter/dc-pue-over-limit.yaml")
    assert record.period_end == date(2024, 12, 31)
    # the veto (new data centre, < 3 years at the end of 2024) stays whatever the calendar says
    assert "4.2/pue" in evaluate(record, date(2031, 1, 1)).vetoes
    assert "4.2/pue" in evaluate(record, date(2025, 3, 1)).vetoes


def test_clauses_command_shows_scope() -> None:
    out = subprocess.run([sys.executable, "-m", "checker", "clauses", "--category", "switch"], capture_output=True,
                         text=True, check=True).stdout
    assert "scope: if port_type = fixed" in out
    assert "scope: if has_battery = true (unstated: asked" in out


def test_template_carries_scope_fields() -> None:
    out = subprocess.run([sys.executable, "-m", "checker", "template", "generator"], capture_output=True,
                         text=True, check=True).stdout
    assert "fuel_type" in out
    out = subprocess.run([sys.executable, "-m", "checker", "template", "cable"], capture_output=True,
                         text=True, check=True).stdout
    assert "power_distribution" in out and "concealed_ventilated_space" in out
