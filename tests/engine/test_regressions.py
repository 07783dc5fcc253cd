"""One test per bug found: each failed before its fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.pipeline import audit, evaluate_mappings

AS_OF = date(2026, 11, 20)


def _status(report, clause_id: str) -> str:
    return next(c.status for c in report.products[0].clauses if c.id == clause_id)


@pytest.mark.parametrize(("cell", "status"), [("<2", "manual_review"), ("<1", "manual_review"), ("<0.5", "pass"),
                                              ("ND", "pass"), ("1.5", "fail")])
def test_reporting_limit_above_the_clause_limit_is_not_a_pass(tmp_path: Path, cell: str, status: str) -> None:
    """Bug: "<2 mg/kg" counted as 0 passed battery Hg ≤ 1 mg/kg without evidence. "<1" is the limit itself
    restated (as a declaration says "less than 0.1 %"): a person checks it (issue 11, INTERFACE §6)."""
    record = evaluate_mappings([{"category": "laptop", "battery_hg": f"{cell} mg/kg" if cell[0] != "N" else cell}],
                               AS_OF).report()
    path = tmp_path / "c.csv"
    path.write_text(f"model,category,battery_hg\nX,laptop,{cell}\n", encoding="utf-8")
    table = audit([path], AS_OF).report()
    assert _status(record, "6.1.10/battery-hg") == _status(table, "6.1.10/battery-hg") == status


def test_category_defaults_apply_to_catalog_rows_too(tmp_path: Path) -> None:
    """Bug: a laptop's implied battery was applied to record files only, so catalog rows skipped 6.1.10."""
    path = tmp_path / "c.csv"
    path.write_text("model,category,battery_cd\nX,laptop,50\n", encoding="utf-8")
    assert _status(audit([path], AS_OF).report(), "6.1.10/battery-cd") == "fail"
    record = evaluate_mappings([{"category": "laptop", "battery_cd": 50}], AS_OF).report()
    assert _status(record, "6.1.10/battery-cd") == "fail"


def test_margin_only_for_a_verdict() -> None:
    report = evaluate_mappings([{"category": "laptop", "battery_hg": "<2 mg/kg"}], AS_OF).report()
    result = next(c for c in report.products[0].clauses if c.id == "6.1.10/battery-hg")
    assert result.status == "manual_review" and result.margin is None


@pytest.mark.parametrize(("declared", "status"), [(190.0, "pass"), (150.0, "manual_review")])
def test_declared_fuel_rate_must_agree_with_the_flow_on_the_same_sheet(declared: float, status: str) -> None:
    """A g/kWh figure outside the range the sheet's own L/h implies is a conflict, not a pass."""
    report = evaluate_mappings([{"category": "generator", "rated_power": 400, "fuel_flow_100": 91.8,
                                 "fuel_rate": declared}], AS_OF).report()
    assert _status(report, "6.3.5/fuel-consumption") == status


def test_partial_pah_sum_over_the_range_is_implausible_alone_and_in_a_batch() -> None:
    """Bug (found by the batch property test): a partial PAH sum above the plausible range was checked only
    when another row had a pah15_sum column, so alone it failed and in a batch it was manual_review."""
    record = {"category": "monitor", "id": "P3", "pah_benzo_a_pyrene": 1e-10, "pah_benzo_ghi_perylene": 1000000.0}
    alone = evaluate_mappings([record], AS_OF).report().products[0]
    batch = evaluate_mappings([{"category": "desktop", "id": "D", "pah15_sum": 0.0}, record], AS_OF).report()
    assert _status(type("R", (), {"products": [alone]})(), "6.2.2/pah15") == "manual_review"
    assert next(c.status for c in batch.products[1].clauses if c.id == "6.2.2/pah15") == "manual_review"


@pytest.mark.parametrize(("cell", "status"), [("3.8", "manual_review"), ("0", "manual_review"), ("38", "pass"),
                                              ("44", "fail")])
def test_a_noise_in_bels_in_a_decibel_column_is_no_pass(tmp_path: Path, cell: str, status: str) -> None:
    """Bug: a PC's idle noise of 3.8 (its sound power in bels, typed into the dB(A) column) passed ≤ 40 dB(A)."""
    path = tmp_path / "c.csv"
    path.write_text(f"model,category,noise_idle\nX,desktop,{cell}\n", encoding="utf-8")
    table = audit([path], AS_OF).report()
    record = evaluate_mappings([{"category": "desktop", "noise_idle": float(cell)}], AS_OF).report()
    assert _status(table, "6.2.2/desktop-noise-idle") == _status(record, "6.2.2/desktop-noise-idle") == status
