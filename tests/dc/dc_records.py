"""Record builders for the T/CA305 tests (numbers chosen so that results can be worked by hand)."""

from __future__ import annotations

from typing import Any

from checker.dc import DataCentreRecord, parse_record

DECLARATIONS = ["physical_boundary", "normal_operation", "carbon_work_system", "zero_carbon_strategy",
                "evaluation_scope", "no_major_incidents", "environment_compliance", "business_continuity",
                "local_pue_limit", "local_wue_limit"]

# Expert items other than pue and water, with their maximum points, written out by hand.
EXPERT_ITEMS = [
    ("pue_auto_metering", 2), ("it_load", 2), ("diesel_waste_oil", 1), ("wastewater", 1),
    ("refrigerant_disposal", 3), ("rack_blanking", 1), ("ups_sleep", 2), ("cooling_tuning", 3),
    ("capacity_management", 2), ("predictive_maintenance", 1), ("energy_tuning", 2), ("om_team", 1),
    ("green_rules", 1), ("energy_statistics", 2), ("energy_disclosure", 1), ("green_strategy", 1),
    ("green_procurement", 1), ("supplier_management", 1), ("third_party_testing", 3),
    ("practice_sharing", 1), ("skills_training", 1), ("industry_exchange", 1), ("energy_diagnosis", 1),
]


def experts(total: float) -> dict[str, float]:
    """Expert scores adding up to ``total`` (at most 35), each within its item's maximum."""
    scores: dict[str, float] = {}
    left = total
    for item, points in EXPERT_ITEMS:
        take = min(points, left)
        if take > 0:
            scores[item] = take
        left -= take
    assert left <= 1e-12, "more than the expert items allow"
    return scores


def base(**changes: Any) -> dict[str, Any]:
    """A passing large data centre, 'other' zone, 5 years: PUE 1.2 (score 18), C_yw 636.72 tCO2."""
    data: dict[str, Any] = {
        "id": "T-1", "climate_zone": "other", "size_class": "large", "years_in_operation": 5,
        "energy": {"electricity": 1_200_000}, "it_energy": 1_000_000,
        "declarations": {key: True for key in DECLARATIONS},
    }
    data.update(changes)
    return data


def record(**changes: Any) -> DataCentreRecord:
    """:func:`base` validated."""
    return parse_record(base(**changes))
