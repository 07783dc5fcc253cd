"""Clause columns → per-product results in words: value, limit, margin, evidence and the reason."""

from __future__ import annotations

import math
from typing import cast

import numpy as np

from checker.catalog import Catalog, Clause, Condition
from checker.derive import GAP, NOTE, derived_inputs
from checker.engine import ClauseColumn, Reason
from checker.frame import HI, ISSUE, LO, ND, RL, Batch
from checker.models import STATUSES, ClauseResult, Evidence, ProductReport, verdict_of


def _text(batch: Batch, row: int, name: str) -> str:
    frame = batch.frame
    if name not in frame:
        return ""
    value = frame.at[row, name]
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _evidence(batch: Batch, catalog: Catalog, row: int, name: str | None) -> list[Evidence]:
    if not name:
        return []
    found = batch.evidence.get(row, name)
    if found:
        return found
    inputs = _derived_inputs(catalog).get(name, [])
    return [item for source in inputs for item in batch.evidence.get(row, source)]


_INPUTS: dict[int, tuple[Catalog, dict[str, list[str]]]] = {}


def _derived_inputs(catalog: Catalog) -> dict[str, list[str]]:
    """:func:`derived_inputs`, worked out once per catalog (it is asked for every clause of every product)."""
    known = _INPUTS.get(id(catalog))
    if known is None or known[0] is not catalog:
        known = _INPUTS[id(catalog)] = (catalog, derived_inputs(catalog))
    return known[1]


def _reason_note(col: ClauseColumn, batch: Batch, catalog: Catalog, row: int) -> str:
    clause = col.clause
    why = int(col.reason[row])
    name = clause.quantity or ""
    if why == Reason.CONDITION:
        return "does not apply: " + "; ".join(_condition_text(c) for c in clause.applies_when)
    if why == Reason.CONDITION_MISSING:
        absent = [c for c in clause.applies_when if not _text(batch, row, c.field)]
        asked = [c.ask_en for c in absent if c.ask_en]
        if asked:
            return "; ".join(asked)
        return "cannot tell whether it applies: " + ", ".join(catalog.fields[c.field].label_en for c in absent)
    if why == Reason.CONDITION_ISSUE:
        return "; ".join(_text(batch, row, c.field + ISSUE) for c in clause.applies_when
                         if _text(batch, row, c.field + ISSUE))
    if why in (Reason.BAND_MISSING, Reason.OUTSIDE_BANDS, Reason.NO_LIMIT_IN_BAND, Reason.BAND_ISSUE):
        return _band_note(col, batch, catalog, row, why)
    if why == Reason.BEFORE_SCHEDULE:
        return "no limit in force on the as-of date"
    if why == Reason.VALUE_MISSING:
        return f"no usable value for {catalog.fields[name].label_en}" if name else "no usable value"
    if why == Reason.VALUE_ISSUE:
        return _text(batch, row, name + ISSUE)
    if why == Reason.PARTIAL:
        so_far = float(cast(float, batch.frame.at[row, name + LO])) * col.factor
        return f"{_text(batch, row, name + GAP)}; {so_far:g} {clause.unit} from those reported"
    if why == Reason.INTERVAL:
        return _interval_note(col, batch, row)
    if why == Reason.DOCUMENT:
        return _document_note(clause, col, row)
    if why == Reason.REPORTING_LIMIT:
        reported = float(cast(float, batch.frame.at[row, name + RL])) * col.factor
        if STATUSES[int(col.status[row])] == "fail":
            return f"reported as < {reported:g} {clause.unit}, below the limit whatever the true value"
        return (f"reported only as < {reported:g} {clause.unit}, which does not show {clause.op} "
                f"{col.limit[row]:g} {clause.unit}; a lower detection limit is needed")
    if why == Reason.RESTATED_LIMIT:
        return (f"the value is printed as a bound equal to the limit ({clause.op} {col.limit[row]:g} {clause.unit}"
                f"): a restated limit — a declaration of conformity, not a measurement; a person must check "
                f"the test report").replace("  ", " ")
    if why == Reason.LOW_CONFIDENCE:
        return f"limit of low confidence ({clause.limit_source}); a person must confirm it"
    return ""


def _condition_text(cond: Condition) -> str:
    wanted = cond.equals if cond.equals is not None else f"≥ {cond.at_least:g} {cond.unit}"
    return f"{cond.field} is not {wanted}"


def _band_note(col: ClauseColumn, batch: Batch, catalog: Catalog, row: int, why: int) -> str:
    table = catalog.band_tables[col.clause.band_table or ""]
    label = catalog.fields[table.by].label_en
    if why == Reason.BAND_MISSING:
        return f"{label} is needed to choose the row of {table.title_en}"
    if why == Reason.BAND_ISSUE:
        return _text(batch, row, table.by + ISSUE)
    by = _text(batch, row, table.by)
    if why == Reason.NO_LIMIT_IN_BAND:
        band = table.band_for(float(by) * 1.0) if by else None
        return f"no limit in band {band.label if band else '?'} of {table.title_en}"
    return f"{label} {by} is outside every band of {table.title_en}"


def _interval_note(col: ClauseColumn, batch: Batch, row: int) -> str:
    name = col.clause.quantity or ""
    note = "; ".join(t for t in (_text(batch, row, name + GAP), _text(batch, row, name + NOTE)) if t)
    verdict = STATUSES[int(col.status[row])]
    if verdict == "manual_review":
        return f"{note}; the verdict depends on where the true value lies in that range"
    return f"{note}; {verdict} across the whole range"


def _document_note(clause: Clause, col: ClauseColumn, row: int) -> str:
    if clause.threshold_evidence is not None and not np.isnan(col.value[row]):
        split = clause.threshold_evidence
        above = col.value[row] >= split.at
        needed = split.at_or_above if above else split.below
        side = "≥" if above else "<"
        stated = f"{near(col.value[row], split.at)} {split.unit} {side} {split.at:g} {split.unit}"
        return f"{stated}: check " + "; ".join(needed)
    return "a person must check: " + "; ".join(clause.evidence_required or [clause.verification_zh])


def near(value: float, threshold: float) -> str:
    """A number with as many decimals as it takes not to read as ``threshold`` when it is not."""
    for decimals in range(1, 7):
        text = f"{value:.{decimals}f}"
        if float(text) != threshold or value == threshold:
            return text
    return f"{value:.9g}"


def _display_value(col: ClauseColumn, batch: Batch, row: int) -> float | None:
    """The value shown: the reading, or for an interval the bound that decided (or the worst one)."""
    value = col.value[row]
    name = col.clause.quantity or ""
    if name + RL in batch.frame and not math.isnan(float(cast(float, batch.frame.at[row, name + RL]))):
        return None
    if not np.isnan(value):
        return round(float(value), 6)
    failed = STATUSES[int(col.status[row])] == "fail"
    upper_is_worst = col.clause.op in ("<=", "<")
    preferred = (LO if upper_is_worst else HI) if failed else (HI if upper_is_worst else LO)
    other = [] if _text(batch, row, name + GAP) else [HI if preferred == LO else LO]
    for bound_name in (preferred, *other):  # a bound as printed ("≤ 96 %"): its finite end
        if name + bound_name in batch.frame:
            bound = float(cast(float, batch.frame.at[row, name + bound_name])) * col.factor
            if math.isfinite(bound):
                return round(bound, 6)
    return None


def _margin(col: ClauseColumn, value: float | None, row: int) -> float | None:
    limit = col.limit[row]
    if value is None or np.isnan(limit):
        return None
    return round(float(value - limit if col.clause.op in (">=", ">") else limit - value), 6)


def clause_result(col: ClauseColumn, batch: Batch, catalog: Catalog, row: int) -> ClauseResult:
    """One clause's result for one product, with its evidence and note."""
    clause = col.clause
    value = _display_value(col, batch, row)
    notes = [_reason_note(col, batch, catalog, row)]
    name = clause.quantity or ""
    if name and _text(batch, row, name + ND) in ("True", "1"):
        reported = _text(batch, row, name + RL)
        if not reported:
            notes.append("not detected (ND), counted as 0")
        elif int(col.reason[row]) != Reason.REPORTING_LIMIT:
            notes.append(f"not detected, reported as < {float(reported) * col.factor:g} {clause.unit}")
    if name and int(col.reason[row]) != Reason.INTERVAL:
        notes.append(_text(batch, row, name + NOTE))
    if clause.schedule is not None and _text(batch, row, "period_end") and int(col.reason[row]) != Reason.CATEGORY:
        notes.append(f"limit in force at the end of the statistics period ({_text(batch, row, 'period_end')})")
    if int(col.reason[row]) not in (Reason.CATEGORY, Reason.CONDITION):
        notes.extend(c.assumed_en for c in clause.applies_when
                     if c.if_missing == "apply" and c.assumed_en and not _text(batch, row, c.field))
    limit = None if np.isnan(col.limit[row]) else round(float(col.limit[row]), 6)
    status = STATUSES[int(col.status[row])]
    margin = _margin(col, value, row) if status in ("pass", "fail") else None
    return ClauseResult(
        id=clause.id, status=status,  # type: ignore[arg-type]
        value=value, unit=clause.unit, limit=limit, op=clause.op or "", margin=margin,
        evidence=_evidence(batch, catalog, row, clause.quantity),
        note="; ".join(n for n in notes if n),
    )


def product_report(columns: list[ClauseColumn], batch: Batch, catalog: Catalog, row: int) -> ProductReport:
    """All clauses that concern this product's category, and its verdict."""
    category = str(batch.frame.at[row, "category"])
    results = [clause_result(col, batch, catalog, row) for col in columns if category in col.clause.categories]
    return ProductReport(id=str(batch.frame.at[row, "id"]), category=category, sources=batch.sources[row],
                         verdict=verdict_of([r.status for r in results]), clauses=results)
