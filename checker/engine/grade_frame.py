"""Worked-out energy grades on the frame (called from :func:`checker.engine.derive.derive_all`).

For each product whose record gives a graded quantity (a motor's efficiency, a transformer's losses, a
chiller's IPLV, ...), :func:`checker.engine.grades.work_out` finds the grade in the edition in force on the day.
Then, on ``energy_grade``:

- no grade declared: the worked-out grade fills it, and its note names the edition and the table row;
- a declared grade that agrees: kept, the note says the table confirms it;
- a declared grade that disagrees: an issue naming both (manual_review);
- a grade worked out only from a low-confidence (L) table value: an issue (manual_review), whatever is declared;
- rows or tables that give different grades: with no grade declared, the grade is known to lie between the best and
  the worst of them (the clause fails where even the best misses its limit, else a person decides); with one
  declared, an issue (manual_review);
- a product the transcribed tables do not cover: a declared grade is kept with a note saying it was not
  checked; with none declared, an issue (manual_review) with the reason;
- a needed value printed but unusable (a conflict, a bound, a doubtful or unreadable reading): with a grade declared,
  an issue (manual_review): the figures that would check it are there, a person reads them;
- a needed value missing: a note; the clause goes on with the declared grade, or is missing evidence; but where the
  missing value is a choice (a chiller's type) and a choice the tables grade gives another grade than the declared
  one, an issue (manual_review) naming them.
"""

from __future__ import annotations

import logging
import math
from datetime import date
from typing import Any, cast

import numpy as np
import pandas as pd

from checker.catalog.clauses import Catalog
from checker.catalog.grade_tables import load_grade_editions
from checker.engine.frame import HI, ISSUE, LO, NOTE
from checker.engine.grades import GradeOutcome, Value, measured_fields, with_alternatives, work_out

log = logging.getLogger(__name__)

GRADE = "energy_grade"


def grade_inputs() -> list[str]:
    """Every field a grade table reads (its selectors, axes and graded quantities)."""
    names = {name for edition in load_grade_editions() for name in edition.fields() - set(edition.where)}
    return sorted(names)


def work_out_grades(frame: pd.DataFrame, catalog: Catalog, day: date) -> None:
    """Fill or check ``energy_grade`` from the measurements, on every row that gives one (see module doc)."""
    if not len(frame) or "category" not in frame:
        return
    texts: dict[str, dict[int, str]] = {GRADE + ISSUE: {}, GRADE + NOTE: {}}
    filled: dict[int, float] = {}
    bounds: dict[int, tuple[float, float]] = {}  # rows whose tables give different grades: the grade lies between
    seen: dict[tuple[Any, ...], GradeOutcome | None] = {}  # a catalog repeats its ratings: work each out once
    for category in {e.category for e in load_grade_editions()} & set(frame["category"].dropna().unique()):
        fields = sorted({name for e in load_grade_editions() if e.category == category for name in e.fields()})
        for row in np.flatnonzero(_asks_for_grade(frame, category)):
            values, unusable = _row_values(frame, int(row), fields, catalog)
            key = (category, *sorted(values.items()))
            if key not in seen:
                found = work_out(category, values, day)
                seen[key] = with_alternatives(found, category, values, day) if found is not None else None
            outcome = _with_unusable(seen[key], unusable, category)
            if outcome is not None:
                blocked = outcome is not seen[key]  # unchecked for a needed value that cannot be used
                _apply(frame, int(row), outcome, texts, filled, bounds, blocked)
    _write(frame, texts, filled, bounds)


def _asks_for_grade(frame: pd.DataFrame, category: str) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Rows of ``category`` that give (or try to give) a graded quantity."""
    rows = (frame["category"] == category).to_numpy()
    asked = np.zeros(len(frame), bool)
    for name in measured_fields(category):
        for column in (name, name + ISSUE, name + LO):
            if column in frame:
                asked |= frame[column].notna().to_numpy()
    return rows & asked


def _row_values(frame: pd.DataFrame, row: int, fields: list[str], catalog: Catalog) -> tuple[
        dict[str, Value], dict[str, str]]:
    """The usable values of one row, and why each unusable one cannot be used."""
    values: dict[str, Value] = {}
    unusable: dict[str, str] = {}
    for name in fields:
        issue = _cell(frame, row, name + ISSUE)
        value = _cell(frame, row, name)
        if issue is not None:
            unusable[name] = f"{catalog.fields[name].label_en}: {issue}"
        elif value is None and _cell(frame, row, name + LO) is not None:
            unusable[name] = f"{catalog.fields[name].label_en} is known only as a range"
        elif value is not None:
            values[name] = float(value) if catalog.fields[name].kind == "quantity" else str(value)
    return values, unusable


def _cell(frame: pd.DataFrame, row: int, column: str) -> Any:
    """A cell, None when the column is absent or the cell is blank (NaN, None, NA)."""
    if column not in frame:
        return None
    value = frame[column].iat[row]
    return None if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) else value


def _with_unusable(outcome: GradeOutcome | None, unusable: dict[str, str], category: str) -> GradeOutcome | None:
    """A value needed but unusable (junk, a conflict, a bound) makes the grade unchecked, naming it; so does a
    graded quantity given only unusably (nothing else to work the grade out from)."""
    if outcome is None:
        blocked = [text for name, text in unusable.items() if name in measured_fields(category)]
        return GradeOutcome(status="unchecked", reason="; ".join(blocked)) if blocked else None
    blocked = [unusable[name] for name in outcome.needed if name in unusable]
    if outcome.status != "missing" or not blocked:
        return outcome
    return outcome.model_copy(update={"status": "unchecked", "reason": "; ".join(blocked)})


def _spread(outcome: GradeOutcome) -> tuple[float, float] | None:
    """The best and worst grade the rows of an ambiguous outcome give, where every row gives one of confidence
    above L; else None."""
    grades = [r.grade for r in outcome.rows]
    if not grades or any(g is None for g in grades) or any(r.confidence == "L" for r in outcome.rows):
        return None
    known = [float(g) for g in grades if g is not None]
    return min(known), max(known)


def _apply(frame: pd.DataFrame, row: int, outcome: GradeOutcome, texts: dict[str, dict[int, str]],
           filled: dict[int, float], bounds: dict[int, tuple[float, float]], blocked: bool = False) -> None:
    """Decide what one row's outcome does to its declared grade (see the module docstring; ``blocked``: the grade
    was not worked out because a value it needs is printed but cannot be used)."""
    declared = _cell(frame, row, GRADE)
    issue, note = texts[GRADE + ISSUE], texts[GRADE + NOTE]
    said = "" if declared is None else f"; declared {outcome.grade_text(int(declared))}"
    if _cell(frame, row, GRADE + ISSUE) is not None or _cell(frame, row, GRADE + LO) is not None:
        note[row] = outcome.text()  # the declared grade's own problem stands
    elif outcome.status == "graded" and outcome.confidence == "L":
        issue[row] = f"low-confidence table value: {outcome.text()}{said}"
    elif outcome.status == "graded" and declared is None:
        filled[row], note[row] = float(outcome.grade or 0), outcome.text()
    elif outcome.status == "graded" and float(declared) == outcome.grade:
        note[row] = f"declared grade confirmed: {outcome.text()}"
    elif outcome.status == "graded":
        issue[row] = f"declared {outcome.grade_text(int(declared))} differs from {outcome.text()}"
    elif blocked and declared is not None:
        issue[row] = f"declared grade {float(declared):g}, not checked against the measurements printed beside it: " \
                     f"{outcome.text()}"
    elif outcome.status == "ambiguous" and declared is None and _spread(outcome) is not None:
        bounds[row], note[row] = cast(tuple[float, float], _spread(outcome)), outcome.text()
    elif outcome.status == "ambiguous" or (outcome.status == "unchecked" and declared is None):
        issue[row] = f"{outcome.text()}{said}"
    elif declared is not None and any(grade != float(declared) for _, grade in outcome.alternatives):
        given = "; ".join(f"as {choice}: {outcome.grade_text(grade)}" for choice, grade in outcome.alternatives)
        issue[row] = f"declared {outcome.grade_text(int(declared))}, but the measurements give another grade where " \
                     f"the record does not say which applies ({given}); {outcome.text()}"
    else:
        note[row] = f"{outcome.text()}{'; the declared grade is judged as stated' if declared is not None else ''}"
    log.debug("row %d: %s", row, outcome.text())


def _write(frame: pd.DataFrame, texts: dict[str, dict[int, str]], filled: dict[int, float],
           bounds: dict[int, tuple[float, float]]) -> None:
    """Write the filled grades, the grades known as a range and the texts (appended to a note already there) in one
    pass per column."""
    for side, column in ((0, GRADE + LO), (1, GRADE + HI)):
        if bounds:
            ends = frame[column].to_numpy(float).copy() if column in frame else np.full(len(frame), np.nan)
            ends[list(bounds)] = [pair[side] for pair in bounds.values()]
            frame[column] = ends
    if filled:
        grades = frame[GRADE].to_numpy(float).copy() if GRADE in frame else np.full(len(frame), np.nan)
        grades[list(filled)] = list(filled.values())
        frame[GRADE] = grades
    for column, by_row in texts.items():
        if not by_row:
            continue
        current = (frame[column].astype(object) if column in frame
                   else pd.Series([None] * len(frame), index=frame.index, dtype=object)).to_numpy(copy=True)
        for row, text in by_row.items():
            before = current[row]
            current[row] = text if before is None or before is pd.NA or before != before else f"{before}; {text}"
        frame[column] = current
