"""T/CA305-2023 grading of one data centre: constraints (vetoes), scores, grade.

The evaluation runs at the nominal coefficients and at both ends of the ranges of the ranged
coefficients; a constraint or grade that changes across them is never reported as a pass.

A grade is PROVISIONAL, with its reasons, when it rests on the national average grid factor (附表E
asks for the regional one), on a low-confidence (L) grid factor, or on a low-confidence coefficient
whose range changes it. A 不合格 from a veto that no emission figure enters (a declaration, PUE) is
final whatever the factor: the reasons are then kept as flags only.
"""

from __future__ import annotations

import logging
import operator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checker.dc.catalog import Tca305Catalog, load_tca305
from checker.dc.energy import BOUNDS, NATIONAL_FALLBACK, Bound, GridChoice, grid_choice, low_confidence, section5_facts
from checker.dc.record import DataCentreRecord
from checker.dc.scoring import Scenario, scenario
from checker.engine.evaluate import YEAR_DAYS

log = logging.getLogger(__name__)

_OPS = {"<=": operator.le, "<": operator.lt, ">": operator.gt, ">=": operator.ge}
EMISSION_VETOES = frozenset({"4.2/offset-ratio"})  # the constraints the emission figures enter


def constraint(cid: str, status: str, value: Any = None, limit: float | None = None, op: str = "",
               note: str = "", veto: bool = True, unit: str = "") -> dict[str, Any]:
    """One constraint row of the report."""
    return {"id": cid, "status": status, "value": value, "limit": limit, "op": op, "unit": unit,
            "veto": veto, "note": note}


def compare(value: float | None, op: str, limit: float) -> str:
    """pass / fail of ``value op limit``; missing_evidence without a value."""
    if value is None:
        return "missing_evidence"
    return "pass" if _OPS[op](value, limit) else "fail"


def is_new(record: DataCentreRecord, as_of: date, catalog: Tca305Catalog) -> bool:
    """近三年新建: fewer than ``existing_min_years`` years in operation."""
    return record.age_years(as_of) < catalog.constraints.pue.existing_min_years


def tca305_pue_limit(record: DataCentreRecord, as_of: date, catalog: Tca305Catalog | None = None) -> float:
    """The 4.2 PUE limit for the record's climate zone and age."""
    catalog = catalog or load_tca305()
    rule = catalog.constraints.pue
    table = rule.new if is_new(record, as_of, catalog) else rule.existing
    return table[record.climate_zone]


def tca305_wue_limit(record: DataCentreRecord, as_of: date, catalog: Tca305Catalog | None = None) -> float:
    """The 4.2 WUE limit (L/kWh) for the record's age."""
    catalog = catalog or load_tca305()
    rule = catalog.constraints.wue
    return rule.new if is_new(record, as_of, catalog) else rule.existing


def declaration_rows(record: DataCentreRecord, catalog: Tca305Catalog) -> list[dict[str, Any]]:
    """4.1 basic conditions and 4.2 declared rows: declared true passes, false fails, absent is
    missing evidence. All are vetoes."""
    rows = []
    for item in catalog.constraints.declarations:
        claim = record.declarations.get(item.key)
        if claim is None:
            rows.append(constraint(item.id, "missing_evidence", note=f"{item.label_zh}: not declared"))
            continue
        evidence = claim.evidence or "declared; no evidence cited"
        rows.append(constraint(item.id, "pass" if claim.value else "fail", claim.value, note=evidence))
    return rows


def operation_rows(record: DataCentreRecord, facts: dict[str, float], as_of: date,
                   catalog: Tca305Catalog) -> list[dict[str, Any]]:
    """4.2 运营状态: PUE (veto) and WUE (advisory, the text's 宜)."""
    age = "new (<3 years)" if is_new(record, as_of, catalog) else "existing (>=3 years)"
    sizes = catalog.constraints.pue.stated_for_sizes
    scope = "" if record.size_class in sizes else (
        f"; the text states limits for {'/'.join(sizes)} only, applied to {record.size_class} too")
    pue, wue = facts.get("pue"), facts.get("wue")
    pue_lim, wue_lim = tca305_pue_limit(record, as_of, catalog), tca305_wue_limit(record, as_of, catalog)
    wue_rule = catalog.constraints.wue
    doubt = _operation_doubt(record, as_of, catalog)
    pue_doubt = doubt or ("implausible: IT energy above the total (PUE below 1)" if pue is not None and pue < 1
                          else None)
    if pue_doubt is None and scope and compare(pue, "<=", pue_lim) == "fail":
        pue_doubt = ("above the large data centres' limit, which the text does not state for this size: "
                     "a person decides")
    return [
        constraint("4.2/pue", "manual_review" if pue_doubt else compare(pue, "<=", pue_lim), pue, pue_lim, "<=",
                   f"{record.climate_zone}, {age}{scope}" + ("" if pue is not None else "; no IT energy")
                   + (f"; {pue_doubt}" if pue_doubt else "")),
        constraint("4.2/wue", "manual_review" if doubt else compare(wue, "<=", wue_lim), wue, wue_lim, "<=",
                   (f"{age}; 宜 (advisory): does not veto the grade" if not wue_rule.binding else age)
                   + (f"; {doubt}" if doubt else ""), veto=wue_rule.binding, unit="L/kWh"),
    ]


def _operation_doubt(record: DataCentreRecord, as_of: date, catalog: Tca305Catalog) -> str | None:
    """Why the year's measured PUE and WUE (4.2: 连续一年内的实测值) cannot be judged from the record: a statistics
    period that is not a year, or a declared age and a commissioning date that put the data centre on different sides
    of the new / existing line (different limits)."""
    days = record.period_days()
    if days is not None and not YEAR_DAYS[0] <= days <= YEAR_DAYS[1]:
        return (f"the statistics period runs from {record.period_start} to {record.period_end} ({days} days): "
                "4.2 asks for the measured figures of one continuous year")
    if record.years_in_operation is not None and record.commissioned is not None:
        counted = max((record.on(as_of) - record.commissioned).days / 365.25, 0.0)
        limit = catalog.constraints.pue.existing_min_years
        if (counted < limit) != (record.years_in_operation < limit):
            return (f"years_in_operation {record.years_in_operation:g} and commissioned {record.commissioned} "
                    f"({counted:.1f} years to {record.on(as_of)}) disagree on whether it is new (<{limit:g} years)")
    return None


def ratio_statuses(ratios: dict[Bound, float | None], catalog: Tca305Catalog) -> set[str]:
    """碳抵消比例 status at each coefficient bound (one element when the bounds agree)."""
    rule = catalog.constraints.offset_ratio
    return {compare(v, rule.op, rule.limit) for v in ratios.values()}


def ratio_row(scenarios: dict[Bound, Scenario], weak: list[str], catalog: Tca305Catalog) -> dict[str, Any]:
    """碳抵消比例 > 20 %, checked at every coefficient bound."""
    rule = catalog.constraints.offset_ratio
    values = {b: s.offsets["ratio_percent"] for b, s in scenarios.items()}
    statuses = ratio_statuses(values, catalog)
    nominal = values["value"]
    note = "S_DC = -C_p / C_yw x 100 %"
    if nominal is None:
        note = "C_yw <= 0: ratio undefined"
    if len(statuses) > 1:
        status = "missing_evidence"
        note += f"; result changes across low-confidence coefficients ({', '.join(weak)})"
    else:
        status = statuses.pop()
        if weak:
            note += f"; uses low-confidence coefficients {', '.join(weak)} (same result across their ranges)"
    return constraint("4.2/offset-ratio", status, nominal, rule.limit, rule.op, note, unit="%")


def _flips(scenarios: dict[Bound, Scenario], catalog: Tca305Catalog) -> bool:
    """True when the score grade or the offset-ratio result changes across coefficient bounds."""
    ratios = {b: s.offsets["ratio_percent"] for b, s in scenarios.items()}
    grades = {s.score_grade for s in scenarios.values()}
    return len(grades) > 1 or len(ratio_statuses(ratios, catalog)) > 1


def other_reading(scenarios: dict[Bound, Scenario], vetoes: list[str], grade: str,
                  catalog: Tca305Catalog) -> dict[str, Any]:
    """What the other reading of C_p gives: C_p, S_DC, the 碳抵消比例 result, score and grade (other
    vetoes kept), checked across coefficient bounds like the chosen reading; and whether it
    changes the figures or the grade."""
    statuses = ratio_statuses({b: s.other["ratio_percent"] for b, s in scenarios.items()}, catalog)
    ratio_status = statuses.pop() if len(statuses) == 1 else "missing_evidence"
    score_grade = min((s.other["score_grade"] for s in scenarios.values()), key=catalog.rank)
    kept = [v for v in vetoes if v not in EMISSION_VETOES]
    other_grade = catalog.fail_grade if kept or ratio_status != "pass" else score_grade
    nominal = scenarios["value"]
    reading = catalog.readings["c_p"]
    return {"reading": reading.other, "chosen_reading": reading.chosen, **nominal.other,
            "offset_ratio": ratio_status, "grade": other_grade,
            "same_figures": abs(nominal.other["c_p"] - nominal.offsets["c_p"]) < 1e-9,
            "changes_grade": other_grade != grade}


def provisional(grid: GridChoice, flips: bool, weak: list[str],
                vetoes: list[str], uncounted: list[str] | None = None) -> tuple[list[str], list[str]]:
    """(reasons the grade is provisional, notes kept as flags only). A veto no emission figure
    enters makes the 不合格 final, so the reasons then become notes. ``uncounted``: the offsets left out for a
    person to judge (certificates of another vintage)."""
    reasons = list(uncounted or [])
    if grid.basis == "national_fallback":
        reasons.append(NATIONAL_FALLBACK)
    if grid.confidence == "L":
        reasons.append(f"low-confidence (L) grid factor {grid.region}: a low-confidence number never decides")
    if flips:
        reasons.append(f"grade changes across the ranges of low-confidence coefficients ({', '.join(weak)})")
    final = [v for v in vetoes if v not in EMISSION_VETOES]
    if final and reasons:
        return [], [f"{r} (the grade does not depend on it: veto {', '.join(final)})" for r in reasons]
    return reasons, []


@dataclass
class Assessment:
    """Everything the report needs about one data centre."""

    record: DataCentreRecord
    as_of: date
    facts: dict[str, float]
    constraints: list[dict[str, Any]]
    scenarios: dict[Bound, Scenario]
    score_grade: str
    grade: str
    vetoes: list[str]
    grid: GridChoice
    flags: list[str] = field(default_factory=list)
    provisional_reasons: list[str] = field(default_factory=list)
    other_reading: dict[str, Any] = field(default_factory=dict)

    @property
    def nominal(self) -> Scenario:
        """The evaluation at nominal coefficients."""
        return self.scenarios["value"]

    @property
    def provisional(self) -> bool:
        """True when the grade is provisional (see :attr:`provisional_reasons`)."""
        return bool(self.provisional_reasons)

    @property
    def passed(self) -> bool:
        """True when graded (not 不合格) and no veto."""
        return not self.vetoes and self.grade != load_tca305().fail_grade


def evaluate(record: DataCentreRecord, as_of: date, catalog: Tca305Catalog | None = None) -> Assessment:
    """Grade one data centre by T/CA305-2023."""
    catalog = catalog or load_tca305()
    facts = section5_facts(record)
    pue = (facts.get("pue"), tca305_pue_limit(record, as_of, catalog))
    scenarios = {b: scenario(record, b, pue, facts.get("wue"), catalog) for b in BOUNDS}
    weak = low_confidence(record, catalog)
    rows = declaration_rows(record, catalog) + operation_rows(record, facts, as_of, catalog)
    rows.append(ratio_row(scenarios, weak, catalog))
    rows[-1]["note"] += "".join(f"; {r['not_counted']}" for r in scenarios["value"].offsets["items"]
                                if r.get("not_counted"))
    vetoes = [r["id"] for r in rows if r["veto"] and r["status"] != "pass"]
    score_grade = min((s.score_grade for s in scenarios.values()), key=catalog.rank)
    flags = [f"low-confidence coefficient used: {name}" for name in weak]
    if len({s.score_grade for s in scenarios.values()}) > 1:
        flags.append("grade changes across low-confidence coefficient ranges: the lower grade is reported")
    grade = catalog.fail_grade if vetoes else score_grade
    grid = grid_choice(record, catalog)
    uncounted = [r["not_counted"] for r in scenarios["value"].offsets["items"] if r.get("not_counted")]
    reasons, notes = provisional(grid, _flips(scenarios, catalog), weak, vetoes, uncounted)
    log.debug("%s: total %s, grade %s, vetoes %s, provisional %s", record.id,
              scenarios["value"].scores.total, grade, vetoes, reasons)
    return Assessment(record, as_of, facts, rows, scenarios, score_grade, grade, vetoes, grid,
                      flags + notes, reasons, other_reading(scenarios, vetoes, grade, catalog))
