"""T/CA305 附表F offsets and 附表G scores for one set of coefficients."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from checker.catalog.vintage import other_vintages
from checker.dc.catalog import ScoreItem, Tca305Catalog
from checker.dc.energy import Bound, emissions, grid_factor
from checker.dc.record import DataCentreRecord, Offset

log = logging.getLogger(__name__)

DIGITS = 6


def offset_row(offset: Offset, grid_t_per_kwh: float, catalog: Tca305Catalog,
               years: range | None = None) -> dict[str, Any]:
    """One 附表F row: quantity, unit emission, coefficient and credited tCO2e. An offset whose evidence names
    certificates of another vintage than the statistics period's ``years`` (None: no period) is not credited, and
    ``not_counted`` says why (checker.catalog.vintage)."""
    kind = catalog.offsets[offset.type]
    if offset.quantity is None:  # rooftop PV by capacity × hours
        quantity, unit = (offset.capacity or 0.0) * (offset.hours or 0.0), "kWh"
    else:
        quantity, unit = offset.quantity.value, offset.quantity.unit
    unit_emission = grid_t_per_kwh if unit == "kWh" else 1.0
    raw = quantity * unit_emission
    other = other_vintages(offset.evidence, years)
    row = {
        "type": offset.type, "label_zh": kind.label_zh, "quantity": quantity, "unit": unit,
        "unit_emission": unit_emission, "coefficient": kind.coefficient,
        "tco2e": 0.0 if other else raw * kind.coefficient, "scope1_eligible": kind.scope1, "evidence": offset.evidence,
    }
    if other:
        period = f"the statistics period ({years.start}–{years.stop - 1})" if years else "a statistics period"
        if years is not None and len(years) == 1:
            period = f"the statistics period ({years.start})"
        row["not_counted"] = (f"offset {offset.type} ({quantity:.12g} {unit}) not counted: its evidence names "
                              f"certificates of vintage {', '.join(map(str, other))}, not of {period}; "
                              "whether they offset the period's emissions, a person decides")
    return row


def offset_balance(rows: list[dict[str, Any]], scope1: float, total: float) -> dict[str, Any]:
    """Usable negative carbon C_p and S_DC from credited rows and the emissions.

    Scope-1 emissions may only be offset by the scope-1 eligible rows (sinks, CCUS, CER/CCER); the
    other rows count at most up to the rest of the emissions. C_p is capped at C_yw (S_DC ≤ 100 %).
    """
    sinks = sum(r["tco2e"] for r in rows if r["scope1_eligible"])
    others = sum(r["tco2e"] for r in rows if not r["scope1_eligible"])
    room = max(total - max(scope1, 0.0), 0.0)
    usable_others = min(others, room)
    usable = min(sinks + usable_others, max(total, 0.0))
    ratio = round(usable / total * 100.0, 9) if total > 0 else None
    return {
        "sinks_tco2e": sinks, "others_tco2e": others, "others_usable_tco2e": usable_others,
        "c_p": 0.0 - usable, "c_yw": total, "scope1": scope1, "ratio_percent": ratio,
        "scope1_not_offset_by_sinks": max(scope1 - sinks, 0.0),
    }


def pue_score(pue: float | None, limit: float | None, catalog: Tca305Catalog) -> float:
    """高效用电: 30 − 10 × PUE within [0, item points]; 0 when PUE is unknown or over its limit."""
    if pue is None or limit is None or pue > limit:
        return 0.0
    rule = catalog.scoring.pue
    item = _item(catalog, "pue")
    return min(max(rule.intercept + rule.slope * pue, 0.0), item.points)


def water_score(wue: float | None, expert: float | None, catalog: Tca305Catalog) -> float:
    """高效用水: full points when WUE < the threshold, else the experts' score up to its cap."""
    rule = catalog.scoring.water
    if wue is not None and wue < rule.full_below:
        return rule.full_points
    return min(expert or 0.0, rule.expert_max)


def _item(catalog: Tca305Catalog, item_id: str) -> ScoreItem:
    return next(i for i in catalog.scoring.items if i.id == item_id)


@dataclass
class Scores:
    """Scores of one evaluation: technology items, parts, total."""

    items: dict[str, float]
    offset: float
    technology: float
    total: float
    notes: list[str] = field(default_factory=list)


def technology_items(record: DataCentreRecord, pue: tuple[float | None, float | None], wue: float | None,
                     catalog: Tca305Catalog) -> tuple[dict[str, float], list[str]]:
    """Item scores: PUE and water computed, the rest the experts' scores capped at each item's points."""
    items: dict[str, float] = {}
    notes: list[str] = []
    for item in catalog.scoring.items:
        given = record.expert_scores.get(item.id)
        if item.method == "pue":
            items[item.id] = pue_score(pue[0], pue[1], catalog)
        elif item.method == "water":
            items[item.id] = water_score(wue, given, catalog)
        else:
            items[item.id] = min(given or 0.0, item.points)
        if given is not None and item.method != "water" and given > item.points:
            notes.append(f"expert score {item.id}={given} capped at {item.points}")
    return items, notes


def score(record: DataCentreRecord, ratio: float | None, pue: tuple[float | None, float | None],
          wue: float | None, catalog: Tca305Catalog) -> Scores:
    """Offset part (S_DC × 40, capped) plus technology part (capped at 60)."""
    rule = catalog.scoring
    offset = min((ratio or 0.0) * rule.offset.per_ratio, rule.offset.max)
    items, notes = technology_items(record, pue, wue, catalog)
    technology = min(sum(items.values()), rule.technology_max)
    total = round(min(offset + technology, rule.total_max), DIGITS)
    return Scores({k: round(v, DIGITS) for k, v in items.items()}, round(offset, DIGITS),
                  round(technology, DIGITS), total, notes)


@dataclass
class Scenario:
    """Emissions, offsets and scores under one choice of coefficient bounds."""

    bound: Bound
    emissions: dict[str, float]
    offsets: dict[str, Any]
    scores: Scores
    score_grade: str
    other: dict[str, Any] = field(default_factory=dict)


def other_ratio(balance: dict[str, Any]) -> tuple[float, float | None]:
    """The other reading of 附表F "其中 可抵消范围一碳排放量的负碳总和 C_p": only the scope-1 eligible
    rows count, capped at C_yw like the chosen reading. Returns (usable tCO2e, S_DC %)."""
    total = balance["c_yw"]
    usable = min(balance["sinks_tco2e"], max(total, 0.0))
    return usable, (round(usable / total * 100.0, 9) if total > 0 else None)


def scenario(record: DataCentreRecord, bound: Bound, pue: tuple[float | None, float | None],
             wue: float | None, catalog: Tca305Catalog) -> Scenario:
    """Evaluate emissions, offsets, scores and the score grade at one coefficient bound, and the
    C_p, S_DC, scores and score grade the other reading of C_p gives (``other``)."""
    emis = emissions(record, bound, catalog)
    grid, _ = grid_factor(record, catalog)
    rows = [offset_row(o, grid, catalog, record.period_years()) for o in record.offsets]
    balance = offset_balance(rows, emis["scope1"], emis["total"])
    scores = score(record, balance["ratio_percent"], pue, wue, catalog)
    usable, ratio = other_ratio(balance)
    alt = score(record, ratio, pue, wue, catalog)
    other = {"c_p": 0.0 - usable, "ratio_percent": ratio, "offset_score": alt.offset, "total": alt.total,
             "score_grade": catalog.grade_for(alt.total)}
    return Scenario(bound, emis, {"items": rows, **balance}, scores, catalog.grade_for(scores.total), other)
