"""Issue 11: no clause passes on a guess — non-detects, bounds, intervals, exactness — on the record
path and the catalog path alike (one rule, :func:`checker.frame.quantity_cell`).

Each case gives a field, the text of its value, the clause it decides and the status expected.
The limits are the standard's (Table 2, Table 3, 5.1): 6.2.1/psu-eff-50 ≥ 94 %, 6.2.1/psu-pf-50 ≥ 0.95,
6.2.2/desktop-noise-idle ≤ 40 dB(A), 6.2.2/bap ≤ 20 mg/kg, 6.1.11/hg ≤ 1000 mg/kg, 5.3/wue ≤ 2.5 L/kWh.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checker.catalog import load_catalog
from checker.models import ClauseResult, ProductReport
from checker.pipeline import audit

AS_OF = date(2026, 11, 20)

BASE: dict[str, dict[str, Any]] = {
    "server": {"category": "server", "id": "S1"},
    "desktop": {"category": "desktop", "id": "D1"},
    "datacenter": {"category": "datacenter", "id": "DC1", "period_end": None},
    "cooling": {"category": "cooling", "id": "C1"},
}

# (category, field, text, clause, expected status)
CASES: list[tuple[str, str, str, str, str]] = [
    # 1. a non-detect means something only for a concentration
    ("cooling", "energy_grade", "ND", "6.3.1.1/chiller-grade", "manual_review"),
    ("datacenter", "wue", "n.d.", "5.3/wue", "manual_review"),
    ("desktop", "noise_idle", "未检出", "6.2.2/desktop-noise-idle", "manual_review"),
    ("server", "psu_efficiency_50", "ND", "6.2.1/psu-eff-50", "manual_review"),
    ("desktop", "bap", "ND", "6.2.2/bap", "pass"),  # a concentration: a non-detect is a reading
    ("server", "hg", "未检出", "6.1.11/hg", "pass"),
    # 2. a value printed with a comparison is a bound
    ("server", "psu_efficiency_50", "< 96 %", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_efficiency_50", "≤ 96 %", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_efficiency_50", "max. 96 %", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_efficiency_50", "96 % max", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_efficiency_50", "up to 96%", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_efficiency_50", "不超过96%", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_efficiency_50", "96%以下", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_efficiency_50", "less than 96%", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_efficiency_50", "< 93 %", "6.2.1/psu-eff-50", "fail"),  # below the limit whatever it is
    ("server", "psu_efficiency_50", "≥ 95 %", "6.2.1/psu-eff-50", "pass"),  # the bound proves it
    ("server", "psu_efficiency_50", "at least 94.5 %", "6.2.1/psu-eff-50", "pass"),
    ("server", "psu_efficiency_50", "≥ 93 %", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_power_factor_50", "> 0.9", "6.2.1/psu-pf-50", "manual_review"),
    ("desktop", "noise_idle", "> 33 dB(A)", "6.2.2/desktop-noise-idle", "manual_review"),
    ("desktop", "noise_idle", "大于33 dB(A)", "6.2.2/desktop-noise-idle", "manual_review"),
    ("desktop", "noise_idle", "不小于33 dB(A)", "6.2.2/desktop-noise-idle", "manual_review"),
    ("desktop", "noise_idle", "at least 33 dB(A)", "6.2.2/desktop-noise-idle", "manual_review"),
    ("desktop", "noise_idle", "min. 33 dB(A)", "6.2.2/desktop-noise-idle", "manual_review"),
    ("desktop", "noise_idle", "≥ 41 dB(A)", "6.2.2/desktop-noise-idle", "fail"),
    ("desktop", "noise_idle", "< 38 dB(A)", "6.2.2/desktop-noise-idle", "pass"),
    ("desktop", "bap", "> 5 mg/kg", "6.2.2/bap", "manual_review"),
    ("desktop", "bap", "> 25 mg/kg", "6.2.2/bap", "fail"),
    ("desktop", "bap", "< 0.2 mg/kg", "6.2.2/bap", "pass"),
    ("desktop", "bap", "< 30 mg/kg", "6.2.2/bap", "manual_review"),
    ("server", "psu_efficiency_50", "约 95 %", "6.2.1/psu-eff-50", "manual_review"),
    ("server", "psu_efficiency_50", "approx. 95 %", "6.2.1/psu-eff-50", "manual_review"),
    # several values in one cell are not one value
    ("server", "psu_efficiency_50", "96%/90%", "6.2.1/psu-eff-50", "manual_review"),
    ("cooling", "energy_grade", "1级/3级", "6.3.1.1/chiller-grade", "manual_review"),
    # 8. comparisons are exact
    ("server", "psu_efficiency_50", "93.9999999996", "6.2.1/psu-eff-50", "fail"),
    ("server", "psu_power_factor_50", "0.9499999999", "6.2.1/psu-pf-50", "fail"),
    ("server", "psu_efficiency_50", "94", "6.2.1/psu-eff-50", "pass"),
    ("server", "psu_power_factor_50", "95 %", "6.2.1/psu-pf-50", "pass"),  # 0.95 exactly after conversion
    ("server", "psu_efficiency_50", "0.94", "6.2.1/psu-eff-50", "manual_review"),  # a fraction where % is due
]


def _record(category: str, field: str, text: str) -> dict[str, Any]:
    record = {key: value for key, value in BASE[category].items() if value is not None}
    record[field] = text
    if category == "cooling":
        record["cooling_type"] = "chiller"
    return record


@pytest.mark.parametrize(("category", "field", "text", "clause", "expected"), CASES,
                         ids=[f"{c[1]}={c[2]}" for c in CASES])
def test_record_path(clauses: Callable[..., dict[str, ClauseResult]], category: str, field: str, text: str,
                     clause: str, expected: str) -> None:
    result = clauses(_record(category, field, text))[clause]
    assert result.status == expected, result
    if expected == "manual_review":
        assert result.note


@pytest.mark.parametrize(("category", "field", "text", "clause", "expected"), CASES,
                         ids=[f"{c[1]}={c[2]}" for c in CASES])
def test_catalog_path(tmp_path: Path, category: str, field: str, text: str, clause: str, expected: str) -> None:
    path = tmp_path / "catalog.csv"
    extra = ",cooling_type" if category == "cooling" else ""
    extra_value = ",chiller" if category == "cooling" else ""
    quoted = '"' + text.replace('"', '""') + '"'
    path.write_text(f"model,category,{field}{extra}\nM1,{category},{quoted}{extra_value}\n", encoding="utf-8")
    report = audit([path], AS_OF).report()
    assert not report.errors, report.errors
    product: ProductReport = report.products[0]
    result = {c.id: c for c in product.clauses}[clause]
    assert result.status == expected, result


# 4. intervals are values too: validated, and checked against the other readings
@pytest.mark.parametrize(("facts", "expected"), [
    ([{"low": 0, "high": 0.5}, {"value": 5000}], "manual_review"),  # a point outside the interval
    ([{"low": 0, "high": 0.5}, {"value": 0.3}], "pass"),  # consistent: the point is used
    ([{"low": 0, "high": 0.5}, {"low": 2, "high": 3}], "manual_review"),  # disjoint intervals
    ([{"low": 5, "high": 1}], "manual_review"),  # low above high
    ([{"low": 0, "high": 2000}], "manual_review"),  # straddles the limit
    ([{"low": 1200, "high": 2000}], "fail"),
    ([{"low": 0, "high": 900}], "pass"),
    ([{"value": "< 500 mg/kg"}, {"value": 5000}], "manual_review"),  # a bound and a point that breaks it
    ([{"value": "≥ 95 %"}, {"value": 97}], "pass"),
])
def test_intervals(clauses: Callable[..., dict[str, ClauseResult]], facts: list[dict[str, Any]],
                   expected: str) -> None:
    field, clause = ("psu_efficiency_50", "6.2.1/psu-eff-50") if "%" in str(facts) else ("hg", "6.1.11/hg")
    record = {"category": "server", "id": "S", field: [dict(fact, unit="%" if field.startswith("psu") else "mg/kg")
                                                       if "low" in fact or not isinstance(fact.get("value"), str)
                                                       else fact for fact in facts]}
    assert clauses(record)[clause].status == expected


def test_interval_must_be_finite() -> None:
    from checker.frame import quantity_cell
    from checker.models import Fact

    spec = load_catalog().fields["hg"]
    cell = quantity_cell(spec, [Fact(field="hg", low=0.0, high=float("inf"), unit="mg/kg")])
    assert cell.issue and "interval" in cell.issue


def test_bound_is_shown_with_its_note(clauses: Callable[..., dict[str, ClauseResult]]) -> None:
    result = clauses({"category": "server", "id": "S", "psu_efficiency_50": "max. 96 %"})["6.2.1/psu-eff-50"]
    assert result.status == "manual_review"
    assert result.value == 96.0
    assert "bound" in result.note and "≤96" in result.note.replace(" ", "")
