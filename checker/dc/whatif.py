"""What-if: the PUE, or the tCO2 of one offset type, that lifts a data centre to the next grade.

Closed-form where the scores are linear in the lever; PUE falls back to bisection when the offset
part moves with PUE (lower PUE → less electricity → lower C_yw). Every answer is checked by
re-grading the changed record; an answer that does not reach the grade is not reported.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from checker.dc.catalog import Tca305Catalog, load_tca305
from checker.dc.energy import grid_factor
from checker.dc.grading import Assessment, evaluate
from checker.dc.record import DataCentreRecord, Offset

log = logging.getLogger(__name__)

PUE_FLOOR = 1.0
_STEP = 1e-3  # answers are rounded to 0.001 tCO2 (up) and 0.0001 PUE (down)


def target_grade(assessment: Assessment, catalog: Tca305Catalog) -> tuple[str, float] | None:
    """The next grade above the current one and its lower bound; None at the top grade."""
    grades = sorted(catalog.grades, key=lambda g: g.min)
    current = catalog.rank(assessment.grade)
    return None if current >= len(grades) else (grades[current].name, grades[current].min)


def _reaches(record: DataCentreRecord, assessment: Assessment, grade: str, catalog: Tca305Catalog) -> bool:
    return catalog.rank(evaluate(record, assessment.as_of, catalog).grade) >= catalog.rank(grade)


def _blocking(assessment: Assessment, fixable: set[str]) -> list[str]:
    return [v for v in assessment.vetoes if v not in fixable]


def with_pue(record: DataCentreRecord, pue: float) -> DataCentreRecord:
    """The record with total electricity set to ``pue`` × IT energy (all else unchanged)."""
    assert record.it_energy is not None
    energy = record.energy.model_copy(update={"electricity": pue * record.it_energy})
    return record.model_copy(update={"energy": energy})


def with_offset(record: DataCentreRecord, offset_type: str, tco2: float) -> DataCentreRecord:
    """The record with ``tco2`` tCO2 of ``offset_type`` added."""
    extra = Offset.model_validate({"type": offset_type, "quantity": f"{tco2} tCO2"})
    return record.model_copy(update={"offsets": [*record.offsets, extra]})


def _pue_closed_form(assessment: Assessment, target: float, catalog: Tca305Catalog) -> float | None:
    """PUE from 30 − 10 × PUE when the offset part is capped (so independent of PUE)."""
    scores = [s.scores for s in assessment.scenarios.values()]
    if any(s.offset < catalog.scoring.offset.max for s in scores):
        return None
    rule = catalog.scoring.pue
    need = max(target - (s.total - s.items["pue"]) for s in scores)
    return (need - rule.intercept) / rule.slope


def pue_needed(assessment: Assessment, catalog: Tca305Catalog | None = None) -> dict[str, Any]:
    """The highest PUE (rounded down to 0.0001) that reaches the next grade, or why none does."""
    catalog = catalog or load_tca305()
    record, goal = assessment.record, target_grade(assessment, catalog)
    if goal is None:
        return {"reachable": False, "value": None, "note": "already at the top grade"}
    blocking = _blocking(assessment, {"4.2/pue", "4.2/offset-ratio"})
    if blocking or record.it_energy is None or "pue" not in assessment.facts:
        why = f"veto not fixed by PUE: {', '.join(blocking)}" if blocking else "no IT energy"
        return {"reachable": False, "value": None, "note": why}
    grade, minimum = goal
    if not _reaches(with_pue(record, PUE_FLOOR), assessment, grade, catalog):
        return {"reachable": False, "value": None, "note": f"{grade} not reached even at PUE {PUE_FLOOR}"}
    guess = _pue_closed_form(assessment, minimum, catalog)
    method = "closed-form"
    if guess is None:
        guess, method = _bisect_pue(assessment, grade, catalog), "bisection"
    limit = next(r["limit"] for r in assessment.constraints if r["id"] == "4.2/pue")
    value = math.floor(min(guess, limit, assessment.facts["pue"]) * 1e4) / 1e4
    while value > PUE_FLOOR and not _reaches(with_pue(record, value), assessment, grade, catalog):
        value = round(value - 1e-4, 4)
    return {"reachable": True, "value": value, "method": method, "grade": grade,
            "note": "total electricity = PUE × IT energy; other inputs unchanged"}


def _bisect_pue(assessment: Assessment, grade: str, catalog: Tca305Catalog) -> float:
    low, high = PUE_FLOOR, max(assessment.facts["pue"], PUE_FLOOR)
    for _ in range(50):
        mid = (low + high) / 2
        if _reaches(with_pue(assessment.record, mid), assessment, grade, catalog):
            low = mid
        else:
            high = mid
    return low


def _usable_needed(assessment: Assessment, minimum: float, catalog: Tca305Catalog) -> list[tuple[float, Any]]:
    """Per coefficient bound: the usable C_p (tCO2e) needed, and that bound's offsets."""
    rule, ratio = catalog.scoring, catalog.constraints.offset_ratio
    result = []
    for s in assessment.scenarios.values():
        c_yw = s.offsets["c_yw"]
        points = minimum - s.scores.technology
        share = max(points / rule.offset.per_ratio, ratio.limit) / 100.0
        result.append((share * c_yw if points <= rule.offset.max else math.inf, s.offsets))
    return result


def offset_needed(assessment: Assessment, offset_type: str, catalog: Tca305Catalog | None = None) -> dict[str, Any]:
    """tCO2 of ``offset_type`` (before its coefficient) that reaches the next grade."""
    catalog = catalog or load_tca305()
    goal, kind = target_grade(assessment, catalog), catalog.offsets[offset_type]
    if goal is None:
        return {"reachable": False, "tco2": None, "note": "already at the top grade"}
    blocking = _blocking(assessment, {"4.2/offset-ratio"})
    if blocking:
        return {"reachable": False, "tco2": None, "note": f"veto not fixed by offsets: {', '.join(blocking)}"}
    grade, minimum = goal
    extra = 0.0
    for needed, bal in _usable_needed(assessment, minimum, catalog):
        room = max(bal["c_yw"] - bal["scope1"], 0.0)
        if kind.scope1:
            base, cap = bal["sinks_tco2e"] + bal["others_usable_tco2e"], bal["c_yw"]
        else:
            base, cap = bal["sinks_tco2e"] + bal["others_tco2e"], min(bal["sinks_tco2e"] + room, bal["c_yw"])
        if needed > cap or bal["c_yw"] <= 0:
            return {"reachable": False, "tco2": None, "note": _why_not(kind.scope1, needed)}
        extra = max(extra, (needed - base) / kind.coefficient)
    return _verified_offset(assessment, offset_type, grade, max(extra, 0.0), catalog)


def _why_not(scope1_type: bool, needed: float) -> str:
    if math.isinf(needed):
        return "the offset part (max 40) cannot close the gap"
    if scope1_type:
        return "would need S_DC above 100 %"
    return "scope-1 emissions can only be offset by sinks, CCUS or CER/CCER"


def _verified_offset(assessment: Assessment, offset_type: str, grade: str, tco2: float,
                     catalog: Tca305Catalog) -> dict[str, Any]:
    value = math.ceil(tco2 / _STEP - 1e-6) * _STEP
    for _ in range(5):
        if _reaches(with_offset(assessment.record, offset_type, value), assessment, grade, catalog):
            grid, _ = grid_factor(assessment.record, catalog)
            kwh = value / grid if catalog.offsets[offset_type].energy else None
            return {"reachable": True, "tco2": round(value, 3), "kwh": kwh, "grade": grade,
                    "note": "tCO2 before the 附表F coefficient"}
        value += _STEP
    log.warning("offset what-if for %s did not verify at %s tCO2", offset_type, value)
    return {"reachable": False, "tco2": None, "note": "no verified amount (rounding)"}


def what_if(assessment: Assessment, catalog: Tca305Catalog | None = None) -> dict[str, Any]:
    """PUE and per-offset-type levers to the next grade."""
    catalog = catalog or load_tca305()
    goal = target_grade(assessment, catalog)
    return {
        "current_grade": assessment.grade,
        "target_grade": goal[0] if goal else None,
        "target_total": goal[1] if goal else None,
        "pue": pue_needed(assessment, catalog),
        "offsets": {t: offset_needed(assessment, t, catalog) for t in catalog.offsets},
    }
