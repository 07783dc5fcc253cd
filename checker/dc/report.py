"""The T/CA305 report of one data centre as a JSON-ready dict."""

from __future__ import annotations

from datetime import date
from typing import Any

from checker.dc.catalog import Tca305Catalog, load_tca305
from checker.dc.energy import coefficients_used, low_confidence
from checker.dc.grading import Assessment, evaluate
from checker.dc.record import DataCentreRecord
from checker.dc.refrigerant import leak_rows
from checker.dc.whatif import what_if

DIGITS = 10


def rounded(value: Any) -> Any:
    """Round every float in a nested structure to ``DIGITS`` significant digits (no ``-0.0``)."""
    if isinstance(value, float):
        return float(f"{value:.{DIGITS}g}") + 0.0
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(v) for v in value]
    return value


def _coefficients(assessment: Assessment, catalog: Tca305Catalog) -> dict[str, Any]:
    used = {"grid_factor": assessment.grid.describe()}
    for name, coef in coefficients_used(assessment.record, catalog).items():
        used[name] = coef.model_dump(exclude_defaults=True)
    return used


def _bounds(assessment: Assessment) -> dict[str, Any]:
    return {b: {"total": s.scores.total, "score_grade": s.score_grade,
                "ratio_percent": s.offsets["ratio_percent"], "c_yw": s.emissions["total"]}
            for b, s in assessment.scenarios.items() if b != "value"}


def build_report(assessment: Assessment, catalog: Tca305Catalog | None = None) -> dict[str, Any]:
    """The JSON report: constraints, emissions (and the refrigerant-leak rows), offsets, scores,
    total, grade (with ``grade_status`` final or provisional and the reasons), what the other reading
    of C_p gives (``other_reading``, not the grade), the coefficients used
    (the grid factor with its basis, region, source and confidence), what-if."""
    catalog = catalog or load_tca305()
    nominal = assessment.nominal
    report = {
        "standard": catalog.standard,
        "as_of": assessment.as_of.isoformat(),
        "datacenter": assessment.record.id,
        "name": assessment.record.name,
        "section5": assessment.facts,
        "constraints": assessment.constraints,
        "emissions": nominal.emissions,
        "refrigerant_leak": leak_rows(assessment.record, "value", catalog),
        "offsets": nominal.offsets,
        "scores": {"offset": nominal.scores.offset, "technology": nominal.scores.technology,
                   "items": nominal.scores.items, "notes": nominal.scores.notes},
        "total": nominal.scores.total,
        "score_grade": assessment.score_grade,
        "grade": assessment.grade,
        "grade_status": "provisional" if assessment.provisional else "final",
        "provisional_reasons": assessment.provisional_reasons,
        "other_reading": assessment.other_reading,
        "vetoes": assessment.vetoes,
        "flags": assessment.flags,
        "coefficients": _coefficients(assessment, catalog),
        "bounds": _bounds(assessment) if low_confidence(assessment.record, catalog) else {},
        "what_if": what_if(assessment, catalog),
    }
    return rounded(report)


def grade_datacentre(record: DataCentreRecord, as_of: date | None = None) -> dict[str, Any]:
    """Grade ``record`` by T/CA305-2023 and return the JSON-ready report."""
    return build_report(evaluate(record, as_of or date.today()))
