"""Clause columns → per-product results in words: value, limit, margin, evidence and the reason."""

from __future__ import annotations

import math
from typing import Any, cast

import numpy as np
import pandas as pd

from checker.catalog.clauses import Catalog, Clause, Condition
from checker.engine.derive import GAP, NOTE, derived_inputs
from checker.engine.evaluate import ClauseColumn, Reason
from checker.engine.frame import HI, ISSUE, LO, ND, RL, Batch
from checker.models import STATUSES, ClauseResult, Evidence, ProductReport, verdict_of


class Cells:
    """A batch's cells by row and column name, each column taken out of the frame once (``frame.at`` per
    cell costs tens of microseconds; a product report reads dozens of cells)."""

    def __init__(self, batch: Batch) -> None:
        self.batch = batch
        self.names = set(batch.frame.columns)
        self._arrays: dict[str, Any] = {}
        self._positional = isinstance(batch.frame.index, pd.RangeIndex) and batch.frame.index.start == 0 \
            and batch.frame.index.step == 1

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def at(self, row: int, name: str) -> Any:
        """The cell, as ``frame.at[row, name]`` gives it."""
        if not self._positional:
            return self.batch.frame.at[row, name]
        array = self._arrays.get(name)
        if array is None:
            series = self.batch.frame[name]
            plain = isinstance(series.dtype, np.dtype) and series.dtype.kind in "fiubO"
            array = self._arrays[name] = series.to_numpy() if plain else series.array
        return array[row]

    def text(self, row: int, name: str) -> str:
        """The cell as text; blank for a missing column, None or NaN."""
        if name not in self.names:
            return ""
        value = self.at(row, name)
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _text(cells: Cells, row: int, name: str) -> str:
    return cells.text(row, name)


def _evidence(cells: Cells, catalog: Catalog, row: int, name: str | None) -> list[Evidence]:
    if not name:
        return []
    store = cells.batch.evidence
    found = store.get(row, name)
    if found:
        return found
    inputs = _derived_inputs(catalog).get(name, [])
    return [item for source in inputs for item in store.get(row, source)]


def _holds_none(store: Any, names: list[str]) -> bool:
    """Whether an evidence store certainly holds nothing for these fields: catalog evidence (stacked or
    not) without a header for any of them. False when unsure."""
    from checker.inputs.product_tables import TableEvidence

    parts = getattr(store, "parts", None)
    if isinstance(parts, list):
        return all(_holds_none(part, names) for _, part in parts)
    return isinstance(store, TableEvidence) and not any(store.headers.get(name) for name in names)


_INPUTS: dict[int, tuple[Catalog, dict[str, list[str]]]] = {}


def _derived_inputs(catalog: Catalog) -> dict[str, list[str]]:
    """:func:`derived_inputs`, worked out once per catalog (it is asked for every clause of every product)."""
    known = _INPUTS.get(id(catalog))
    if known is None or known[0] is not catalog:
        known = _INPUTS[id(catalog)] = (catalog, derived_inputs(catalog))
    return known[1]


_CONDITION_REASONS = (Reason.CONDITION, Reason.CONDITION_MISSING, Reason.CONDITION_ISSUE)
_BAND_REASONS = (Reason.BAND_MISSING, Reason.OUTSIDE_BANDS, Reason.NO_LIMIT_IN_BAND, Reason.BAND_ISSUE,
                 Reason.BAND_SPANS)


def _reason_note(col: ClauseColumn, cells: Cells, catalog: Catalog, row: int) -> str:
    """The note of a clause's reason code on ``row``: why it does (not) apply, its band, or its value."""
    why = int(col.reason[row])
    if why <= Reason.CATEGORY:  # NONE, CATEGORY: nothing to say
        return ""
    if why in _CONDITION_REASONS:
        return _condition_note(col.clause, cells, catalog, row, why)
    if why in _BAND_REASONS:
        return _band_note(col, cells, catalog, row, why)
    return _value_note(col, cells, catalog, row, why)


def _condition_note(clause: Clause, cells: Cells, catalog: Catalog, row: int, why: int) -> str:
    """Why a clause does not apply, or why it cannot be told whether it does."""
    if why == Reason.CONDITION:
        return "does not apply: " + "; ".join(_condition_text(c) for c in clause.applies_when)
    if why == Reason.CONDITION_MISSING:
        absent = [c for c in clause.applies_when if not _text(cells, row, c.field)]
        asked = [c.ask_en for c in absent if c.ask_en]
        if asked:
            return "; ".join(asked)
        return "cannot tell whether it applies: " + ", ".join(catalog.fields[c.field].label_en for c in absent)
    return "; ".join(_text(cells, row, c.field + ISSUE) for c in clause.applies_when
                     if _text(cells, row, c.field + ISSUE))


_DATED = frozenset({Reason.BEFORE_SCHEDULE, Reason.PERIOD_ISSUE, Reason.EXPIRED, Reason.VALIDITY_ISSUE,
                    Reason.NOT_A_YEAR})


def _dated_note(cells: Cells, row: int, why: int) -> str:
    """What a date of the row says about the clause: no limit in force yet, an unread period end, a document past
    its validity, a statistics period that is not a year."""
    if why == Reason.BEFORE_SCHEDULE:
        return "no limit in force on the as-of date"
    if why == Reason.PERIOD_ISSUE:
        return (f"the end of the statistics period cannot be read ({_text(cells, row, 'period_end' + ISSUE)}): "
                "which limit is in force is not known")
    if why == Reason.VALIDITY_ISSUE:
        return (f"the validity date cannot be read ({_text(cells, row, 'valid_until' + ISSUE)}): whether the document "
                "is still valid on the as-of date is not known")
    if why == Reason.EXPIRED:
        return (f"the document was valid until {_text(cells, row, 'valid_until')}, before the as-of date: "
                "a current one is needed")
    start, end = _text(cells, row, "period_start"), _text(cells, row, "period_end")
    return f"the statistics period runs from {start} to {end}, not a year: the clause is for the year's figure"


def _value_note(col: ClauseColumn, cells: Cells, catalog: Catalog, row: int, why: int) -> str:
    """What the value (or its absence, range, bound or declaration) says about the clause."""
    clause = col.clause
    name = clause.quantity or ""
    if why in _DATED:
        return _dated_note(cells, row, why)
    if why == Reason.VALUE_MISSING:
        return f"no usable value for {catalog.fields[name].label_en}" if name else "no usable value"
    if why == Reason.VALUE_ISSUE:
        return _text(cells, row, name + ISSUE)
    if why == Reason.PARTIAL:
        so_far = float(cast(float, cells.at(row, name + LO))) * col.factor
        return f"{_text(cells, row, name + GAP)}; {so_far:g} {clause.unit} from those reported"
    if why == Reason.INTERVAL:
        return _interval_note(col, cells, row)
    if why == Reason.DOCUMENT:
        return _document_note(clause, col, row)
    if why == Reason.REPORTING_LIMIT:
        return _reporting_limit_note(col, cells, row)
    if why == Reason.RESTATED_LIMIT:
        return (f"the value is printed as a bound equal to the limit ({clause.op} {col.limit[row]:g} {clause.unit}"
                f"): a restated limit — a declaration of conformity, not a measurement; a person must check "
                f"the test report").replace("  ", " ")
    if why == Reason.LOW_CONFIDENCE:
        return f"limit of low confidence ({clause.limit_source}); a person must confirm it"
    return ""


def _reporting_limit_note(col: ClauseColumn, cells: Cells, row: int) -> str:
    """A value known only as below a laboratory's reporting limit."""
    clause = col.clause
    reported = float(cast(float, cells.at(row, (clause.quantity or "") + RL))) * col.factor
    if STATUSES[int(col.status[row])] == "fail":
        return f"reported as < {reported:g} {clause.unit}, below the limit whatever the true value"
    return (f"reported only as < {reported:g} {clause.unit}, which does not show {clause.op} "
            f"{col.limit[row]:g} {clause.unit}; a lower detection limit is needed")


def _condition_text(cond: Condition) -> str:
    wanted = cond.equals if cond.equals is not None else f"≥ {cond.at_least:g} {cond.unit}"
    return f"{cond.field} is not {wanted}"


def _band_note(col: ClauseColumn, cells: Cells, catalog: Catalog, row: int, why: int) -> str:
    table = catalog.band_tables[col.clause.band_table or ""]
    label = catalog.fields[table.by].label_en
    if why == Reason.BAND_MISSING:
        return f"{label} is needed to choose the row of {table.title_en}"
    if why == Reason.BAND_ISSUE:
        return _text(cells, row, table.by + ISSUE)
    if why == Reason.BAND_SPANS:
        note = _text(cells, row, table.by + NOTE)
        return f"{label} is known only as a range that spans more than one row of {table.title_en}" \
            + (f" ({note})" if note else "")
    by = _text(cells, row, table.by)
    if why == Reason.NO_LIMIT_IN_BAND:
        band = table.band_for(float(by) * 1.0) if by else None
        return f"no limit in band {band.label if band else '?'} of {table.title_en}"
    return f"{label} {by} is outside every band of {table.title_en}"


def _interval_note(col: ClauseColumn, cells: Cells, row: int) -> str:
    name = col.clause.quantity or ""
    note = "; ".join(t for t in (_text(cells, row, name + GAP), _text(cells, row, name + NOTE)) if t) \
        or "known only as a range: a reading it is worked out from is a bound"
    verdict = STATUSES[int(col.status[row])]
    if verdict == "manual_review":
        return f"{note}; the verdict depends on where the true value lies in that range"
    return f"{note}; {verdict} across the whole range"


def _document_note(clause: Clause, col: ClauseColumn, row: int) -> str:
    if clause.threshold_evidence is not None and not math.isnan(col.value[row]):
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


def _display_value(col: ClauseColumn, cells: Cells, row: int) -> float | None:
    """The value shown: the reading, or for an interval the bound that decided (or the worst one)."""
    value = col.value[row]
    name = col.clause.quantity or ""
    if name + RL in cells and not math.isnan(float(cast(float, cells.at(row, name + RL)))):
        return None
    if not math.isnan(value):
        return round(float(value), 6)
    failed = STATUSES[int(col.status[row])] == "fail"
    upper_is_worst = col.clause.op in ("<=", "<")
    preferred = (LO if upper_is_worst else HI) if failed else (HI if upper_is_worst else LO)
    other = [] if _text(cells, row, name + GAP) else [HI if preferred == LO else LO]
    for bound_name in (preferred, *other):  # a bound as printed ("≤ 96 %"): its finite end
        if name + bound_name in cells:
            bound = float(cast(float, cells.at(row, name + bound_name))) * col.factor
            if math.isfinite(bound):
                return round(bound, 6)
    return None


def _margin(col: ClauseColumn, value: float | None, row: int) -> float | None:
    limit = col.limit[row]
    if value is None or math.isnan(limit):
        return None
    return round(float(value - limit if col.clause.op in (">=", ">") else limit - value), 6)


def clause_dict(col: ClauseColumn, cells: Cells, catalog: Catalog, row: int) -> dict[str, Any]:
    """One clause's result for one product, with its evidence and note, as the plain data of a
    :class:`ClauseResult` (the §4 object; fields in the model's order)."""
    clause = col.clause
    reason = int(col.reason[row])
    value = _display_value(col, cells, row)
    notes = [_reason_note(col, cells, catalog, row)]
    name = clause.quantity or ""
    if name and _text(cells, row, name + ND) in ("True", "1"):
        reported = _text(cells, row, name + RL)
        if not reported:
            notes.append("not detected (ND), counted as 0")
        elif reason != Reason.REPORTING_LIMIT:
            notes.append(f"not detected, reported as < {float(reported) * col.factor:g} {clause.unit}")
    if name and reason != Reason.INTERVAL:
        notes.append(_text(cells, row, name + NOTE))
    if clause.schedule is not None and reason != Reason.CATEGORY and _text(cells, row, "period_end"):
        notes.append(f"limit in force at the end of the statistics period ({_text(cells, row, 'period_end')})")
    if reason not in (Reason.CATEGORY, Reason.CONDITION):
        notes.extend(c.assumed_en for c in clause.applies_when
                     if c.if_missing == "apply" and c.assumed_en and not _text(cells, row, c.field))
    raw_limit = float(col.limit[row])
    limit = None if math.isnan(raw_limit) else round(raw_limit, 6)
    status = STATUSES[int(col.status[row])]
    margin = _margin(col, value, row) if status in ("pass", "fail") else None
    return {"id": clause.id, "status": status, "value": value, "unit": clause.unit, "limit": limit,
            "op": clause.op or "", "margin": margin,
            "evidence": [_evidence_dict(e) for e in _evidence(cells, catalog, row, clause.quantity)],
            "note": "; ".join(n for n in notes if n)}


def _evidence_dict(item: Evidence) -> dict[str, Any]:
    return {"source": item.source, "page": item.page, "text": item.text, "ocr": item.ocr}


def clause_result(col: ClauseColumn, batch: Batch, catalog: Catalog, row: int) -> ClauseResult:
    """One clause's result for one product, with its evidence and note."""
    return ClauseResult.model_validate(clause_dict(col, Cells(batch), catalog, row))


class Explainer:
    """Product reports of one evaluated batch, as plain §4 data: the cells and, per category, the
    clauses that concern it are worked out once, not per product."""

    def __init__(self, columns: list[ClauseColumn], batch: Batch, catalog: Catalog) -> None:
        self.columns = columns
        self.cells = Cells(batch)
        self.catalog = catalog
        self._concern: dict[str, list[ClauseColumn]] = {}
        # a clause none of whose cells is in the frame (no quantity, condition, schedule or band, or none of
        # them given in this batch) gives the same result for every product with the same status, reason,
        # value and limit and no evidence: made once, shared (never changed)
        self._fixed = {id(c) for c in columns if not _cells_read(c.clause, catalog) & self.cells.names}
        self._shared: dict[tuple[int, int, int, float | None, float | None], dict[str, Any]] = {}
        self.shared_ids: set[int] = set()
        self._evidenced = {id(c) for c in columns if id(c) in self._fixed and c.clause.quantity and not _holds_none(
            batch.evidence, [c.clause.quantity, *_derived_inputs(catalog).get(c.clause.quantity, [])])}
        self._plain = {id(c) for c in columns if id(c) not in self._fixed and self._is_plain(c.clause)}
        self._chunk = range(0)
        self._codes: dict[int, list[int]] = {}
        self._lists: dict[int, tuple[list[int], list[int], list[float], list[float]]] = {}

    def concern(self, category: str) -> list[ClauseColumn]:
        """The clause columns that concern ``category``, in order."""
        found = self._concern.get(category)
        if found is None:
            found = self._concern[category] = [c for c in self.columns if category in c.clause.categories]
        return found

    def product(self, row: int) -> dict[str, Any]:
        """All clauses that concern this product's category, and its verdict (the §4 product object)."""
        cells = self.cells
        category = str(cells.at(row, "category"))
        results = [self._clause(col, row) for col in self.concern(category)]
        return {"id": str(cells.at(row, "id")), "category": category, "sources": list(cells.batch.sources[row]),
                "verdict": verdict_of([r["status"] for r in results]), "clauses": results}

    def _clause(self, col: ClauseColumn, row: int) -> dict[str, Any]:
        if not self._chunk.start <= row < self._chunk.stop:
            self._codes_for(row)
        if id(col) not in self._fixed:
            if id(col) in self._plain:
                return self._measured(col, row)
            return clause_dict(col, self.cells, self.catalog, row)
        code = self._codes[id(col)][row - self._chunk.start]
        if id(col) in self._evidenced and _evidence(self.cells, self.catalog, row, col.clause.quantity):
            return clause_dict(col, self.cells, self.catalog, row)
        if code == _OTHER:
            value, limit = float(col.value[row]), float(col.limit[row])
            key: tuple[int, int, int, float | None, float | None] = (
                id(col), int(col.status[row]), int(col.reason[row]), None if math.isnan(value) else value,
                None if math.isnan(limit) else limit)
        else:
            key = (id(col), code, 0, None, None)
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = clause_dict(col, self.cells, self.catalog, row)
            self.shared_ids.add(id(found))
        return found

    def _measured(self, col: ClauseColumn, row: int) -> dict[str, Any]:
        """:func:`clause_dict` of a plain measured clause (:meth:`_is_plain`) where the usual holds — a
        reading, nothing to explain — from the block's lists; anything else through :func:`clause_dict`."""
        statuses, reasons, values, limits = self._lists[id(col)]
        at = row - self._chunk.start
        status, reason, value, limit = statuses[at], reasons[at], values[at], limits[at]
        if reason != Reason.NONE or math.isnan(value):
            return clause_dict(col, self.cells, self.catalog, row)
        clause = col.clause
        shown = round(value, 6)
        name = STATUSES[status]
        margin = None
        if name in ("pass", "fail") and not math.isnan(limit):
            margin = round(shown - limit if clause.op in (">=", ">") else limit - shown, 6)
        return {"id": clause.id, "status": name, "value": shown, "unit": clause.unit,
                "limit": None if math.isnan(limit) else round(limit, 6), "op": clause.op or "", "margin": margin,
                "evidence": [_evidence_dict(e) for e in _evidence(self.cells, self.catalog, row, clause.quantity)],
                "note": ""}

    def _is_plain(self, clause: Clause) -> bool:
        """A measured clause with no bound, non-detect, note, statistics period or assumption in this batch."""
        name = clause.quantity or ""
        names = self.cells.names
        return bool(name) and not {name + RL, name + ND, name + NOTE} & names \
            and not (clause.schedule is not None and "period_end" in names) \
            and not any(c.if_missing == "apply" and c.assumed_en for c in clause.applies_when)

    def _codes_for(self, row: int) -> None:
        """Per fixed clause, a code per row of the block around ``row``: status and reason where the value
        and limit are blank (most rows), else :data:`_OTHER`."""
        start = row - row % _BLOCK
        stop = min(start + _BLOCK, len(self.cells.batch.frame))
        self._chunk = range(start, stop)
        self._codes = {}
        self._lists = {id(col): (col.status[start:stop].tolist(), col.reason[start:stop].tolist(),
                                 col.value[start:stop].tolist(), col.limit[start:stop].tolist())
                       for col in self.columns if id(col) in self._plain}
        for col in self.columns:
            if id(col) in self._fixed:
                status = col.status[start:stop].astype(np.int64)
                reason = col.reason[start:stop].astype(np.int64)
                code = 1 + status * 64 + reason
                code[~(np.isnan(col.value[start:stop]) & np.isnan(col.limit[start:stop]))] = _OTHER
                self._codes[id(col)] = code.tolist()

    def report(self, row: int) -> ProductReport:
        """:meth:`product` as a validated model."""
        return ProductReport.model_validate(self.product(row))


_BLOCK = 1024
_OTHER = -1  # the code of a row whose fixed clause has a value or a limit


def _cells_read(clause: Clause, catalog: Catalog) -> set[str]:
    """The frame columns a clause's result may read (its note, value, bounds and conditions)."""
    names = {"period_end"} if clause.schedule is not None else set()
    if clause.quantity:
        names.update(clause.quantity + suffix for suffix in ("", RL, ND, NOTE, GAP, LO, HI, ISSUE))
    for condition in clause.applies_when:
        names.update((condition.field, condition.field + ISSUE))
    if clause.band_table:
        by = catalog.band_tables[clause.band_table].by
        names.update((by, by + ISSUE))
    return names


def product_report(columns: list[ClauseColumn], batch: Batch, catalog: Catalog, row: int) -> ProductReport:
    """All clauses that concern this product's category, and its verdict."""
    return Explainer(columns, batch, catalog).report(row)
