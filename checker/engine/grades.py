"""Energy grades worked out from measurements with the grade tables of ``catalogs/grades``.

:func:`work_out` takes a category, the record's values (each in its field's canonical unit; choices as the
frame holds them) and a day. It picks the standard for the product (the edition's ``where``), the edition in
force on that day (the latest whose ``effective`` date is on or before it), the table rows the axes choose,
and returns a :class:`GradeOutcome`:

- ``graded``: the grade (1, 2, 3, or lowest + 1 for "below grade 3"), the rows used and their confidence;
- ``ambiguous``: rows or tables that apply give different grades (a rating between two listed ones whose
  neighbours disagree; Table 1 and Table 2 of GB 19577-2024);
- ``unchecked``: the product cannot be placed in a transcribed table (no edition in force, outside every
  row, a value the reference did not read);
- ``missing``: a value the table needs is not given.

Values exactly at a grade's value meet that grade ("η ≥ value", "P0 ≤ value"). A grade needs every graded
quantity of the row (both losses of a transformer) and every gate. No number is written here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Literal

from pydantic import Field

from checker.catalog.clauses import Confidence, load_catalog
from checker.catalog.grade_tables import Axis, Band, GradeEdition, GradeRow, GradeTable, load_grade_editions
from checker.models import Strict
from checker.units import clean, conversion_factor

log = logging.getLogger(__name__)

Value = float | str
Outcome = Literal["graded", "ambiguous", "unchecked", "missing"]
CONFIDENCE_ORDER = "LMH"


class RowGrade(Strict):
    """One table row and the grade it gives (None where it cannot tell)."""

    table: str
    row: str
    grade: int | None
    confidence: Confidence
    detail: str


class GradeOutcome(Strict):
    """What the tables say about one product's grade (see the module docstring for ``status``)."""

    status: Outcome
    edition: str = ""
    effective: date | None = None
    lowest: int = 0
    grade: int | None = None
    confidence: Confidence | None = None
    rows: list[RowGrade] = Field(default_factory=list)
    needed: list[str] = Field(default_factory=list)
    reason: str = ""
    # where a choice the tables need is not given (a chiller's type): the grade under each choice that grades it
    alternatives: list[tuple[str, int]] = Field(default_factory=list)

    def grade_text(self, grade: int | None = None) -> str:
        """'grade 2', or 'below grade 3' for lowest + 1."""
        number = self.grade if grade is None else grade
        if number is None:
            return "no grade"
        return f"below grade {self.lowest}" if number > self.lowest else f"grade {number}"

    def text(self) -> str:
        """One line for a clause note: the grade, the edition and the rows that decided."""
        rows = "; ".join(f"{r.table} [{r.row}]: {r.detail}" for r in self.rows)
        where = f" under {self.edition} (in force from {self.effective})" if self.edition else ""
        if self.status == "graded":
            agree = " (every row that applies gives it)" if len(self.rows) > 1 else ""
            return f"{self.grade_text()}{agree} worked out{where}, confidence {self.confidence}: {rows}"
        if self.status == "ambiguous":
            found = ", ".join(self.grade_text(r.grade) for r in self.rows)
            return f"the rows that apply{where} give different grades ({found}): {rows}"
        if self.status == "missing":
            labels = [load_catalog().fields[name].label_en for name in self.needed]
            return f"grade not worked out{where}: needs {', '.join(labels)}"
        return f"grade not worked out{where}: {self.reason}"


def editions_for(category: str, values: Mapping[str, Value]) -> list[GradeEdition]:
    """The editions of the one standard that grades this product (its category and ``where``)."""
    return [e for e in load_grade_editions() if e.category == category
            and all(values.get(name) == wanted for name, wanted in e.where.items())]


def measured_fields(category: str) -> set[str]:
    """The graded quantities of every edition for ``category``: giving one asks for a worked-out grade."""
    return {name for e in load_grade_editions() if e.category == category for name in e.measured()}


def in_force(editions: Sequence[GradeEdition], day: date) -> GradeEdition | None:
    """The edition in force on ``day``: the latest that came into force on or before it."""
    started = [e for e in editions if e.effective <= day]
    return max(started, key=lambda e: e.effective) if started else None


def work_out(category: str, values: Mapping[str, Value], day: date) -> GradeOutcome | None:
    """The grade of one product from its measurements; None when no graded quantity is given or no standard applies."""
    if not measured_fields(category) & {name for name, value in values.items() if value is not None}:
        return None
    editions = editions_for(category, values)
    if not editions:
        return None
    edition = in_force(editions, day)
    if edition is None:
        first = min(editions, key=lambda e: e.effective)
        return GradeOutcome(status="unchecked", reason=(
            f"no edition of {first.standard} in force on {day} is in catalogs/grades "
            f"(earliest held: {first.name}, in force from {first.effective})"))
    outcomes = [_table(edition, table, values) for table in edition.tables if _table_applies(table, values)]
    outcome = _combine(outcomes, edition)
    return outcome.model_copy(update={"edition": edition.name, "effective": edition.effective,
                                      "lowest": edition.grades})


def with_alternatives(outcome: GradeOutcome, category: str, values: Mapping[str, Value], day: date) -> GradeOutcome:
    """``outcome`` where it misses only choices (a chiller's type, its condenser cooling): with the grade each
    combination of those choices gives where the tables grade the product (confidence above L), so that a declared
    grade none of them gives can go to a person rather than pass as stated."""
    fields = load_catalog().fields
    if outcome.status != "missing" or not outcome.needed or any(
            fields[name].kind != "enum" or not fields[name].choices for name in outcome.needed):
        return outcome
    combos: list[dict[str, Value]] = [{}]
    for name in outcome.needed:
        combos = [{**combo, name: choice} for combo in combos for choice in fields[name].choices or []]
    found: list[tuple[str, int]] = []
    for combo in combos:
        other = work_out(category, {**values, **combo}, day)
        if other is not None and other.status == "graded" and other.grade is not None and other.confidence != "L":
            found.append((", ".join(f"{name} {value}" for name, value in combo.items()), other.grade))
    return outcome.model_copy(update={"alternatives": found}) if found else outcome


def _table_applies(table: GradeTable, values: Mapping[str, Value]) -> bool:
    """False only where a selector is given and differs (a missing selector is reported by the table)."""
    return all(values.get(name) in (None, wanted) for name, wanted in table.where.items())


def _combine(outcomes: list[GradeOutcome], edition: GradeEdition) -> GradeOutcome:
    """Tables that grade the product must agree; otherwise the most telling outcome stands."""
    graded = [o for o in outcomes if o.status == "graded"]
    if any(o.status == "ambiguous" for o in outcomes) or len({o.grade for o in graded}) > 1:
        rows = [row for o in outcomes if o.status in ("ambiguous", "graded") for row in o.rows]
        return GradeOutcome(status="ambiguous", rows=rows)
    if graded:
        worst = min((o.confidence or "L" for o in graded), key=CONFIDENCE_ORDER.index)
        return GradeOutcome(status="graded", grade=graded[0].grade, confidence=worst,
                            rows=[row for o in graded for row in o.rows])
    for status in ("missing", "unchecked"):
        found = [o for o in outcomes if o.status == status]
        if found:
            needed = sorted({name for o in found for name in o.needed})
            reason = "; ".join(o.reason for o in found if o.reason)
            return GradeOutcome(status=status, rows=[r for o in found for r in o.rows], needed=needed, reason=reason)
    return GradeOutcome(status="unchecked", reason=f"no table of {edition.name} covers this product")


def _table(edition: GradeEdition, table: GradeTable, values: Mapping[str, Value]) -> GradeOutcome:
    """The rows of one table that the product's values choose, and the grade each gives."""
    needed = [name for name in table.where if values.get(name) is None]
    if needed:
        return GradeOutcome(status="missing", needed=needed)
    rows: list[GradeRow] = list(table.rows)
    for axis in table.axes:
        if not any(axis.field in row.key for row in rows):
            continue
        value = values.get(axis.field)
        if value is None:
            return GradeOutcome(status="missing", needed=[axis.field])
        rows = _select(axis, rows, value)
        if not rows:
            return GradeOutcome(status="unchecked", reason=f"{_shown(axis, value)} is outside every row of "
                                                           f"{edition.name} {table.id}")
    missing = sorted({name for row in rows for name in (*row.grades, *row.gates) if values.get(name) is None})
    if missing:
        return GradeOutcome(status="missing", needed=missing)
    graded = [_row_grade(edition, table, row, values) for row in rows]
    unknown = [g for g in graded if g.grade is None]
    if unknown:
        return GradeOutcome(status="unchecked", rows=unknown,
                            reason=f"{edition.name} {table.id} {unknown[0].row}: {unknown[0].detail}")
    if len({g.grade for g in graded}) > 1:
        return GradeOutcome(status="ambiguous", rows=graded)
    worst = min((g.confidence for g in graded), key=CONFIDENCE_ORDER.index)
    return GradeOutcome(status="graded", grade=graded[0].grade, confidence=worst, rows=graded)


def _shown(axis: Axis, value: Value) -> str:
    spec = load_catalog().fields[axis.field]
    unit = f" {spec.unit}" if spec.unit else ""
    return f"{spec.label_en} {value:g}{unit}" if isinstance(value, float) else f"{spec.label_en} {value}"


def _in_unit(field: str, unit: str, value: float) -> float:
    """A record value (in its field's canonical unit) in a table's unit, cleaned of floating-point noise (a
    conversion's, a platform's mean) as the clauses' values are (:func:`checker.units.clean`)."""
    return clean(value * conversion_factor(load_catalog().fields[field].unit, unit))


def _select(axis: Axis, rows: list[GradeRow], value: Value) -> list[GradeRow]:
    """The rows ``value`` chooses on this axis; rows without the axis hold whatever its value."""
    keyed = [row for row in rows if axis.field in row.key]
    loose = [row for row in rows if axis.field not in row.key]
    if axis.match == "choice":
        chosen = [r for r in keyed if value == r.key[axis.field] or value in _as_list(r.key[axis.field])]
    elif isinstance(value, str):
        chosen = []
    elif axis.match == "band":
        number = _in_unit(axis.field, axis.unit, value)
        chosen = [r for r in keyed if isinstance(band := r.key[axis.field], Band) and band.holds(number)]
    else:
        chosen = _listed(axis, keyed, _in_unit(axis.field, axis.unit, value))
    return chosen + loose


def _as_list(key: object) -> list[object]:
    return key if isinstance(key, list) else []


def _listed(axis: Axis, rows: list[GradeRow], number: float) -> list[GradeRow]:
    """Rows at a listed value; between two listed values, with ``bracket``, the rows of both neighbours."""
    listed = sorted({float(v) for row in rows if isinstance(v := row.key[axis.field], float | int)})
    if number in listed:
        picked = {number}
    elif axis.between == "bracket":
        below = [v for v in listed if v < number]
        above = [v for v in listed if v > number]
        picked = {below[-1], above[0]} if below and above else set()
    else:
        picked = set()
    return [row for row in rows if row.key[axis.field] in picked]


def _row_grade(edition: GradeEdition, table: GradeTable, row: GradeRow, values: Mapping[str, Value]) -> RowGrade:
    """The best grade whose values the product meets in every graded quantity, gates holding."""
    label = ", ".join(_key_text(table, name, key) for name, key in row.key.items())
    confidence = row.confidence or table.confidence
    shown = _thresholds(table, row, values)
    if not all(_meets(table, name, values[name], limit) for name, limit in row.gates.items()):
        return RowGrade(table=table.id, row=label, grade=edition.grades + 1, confidence=confidence,
                        detail=f"{shown}; a gate fails")
    for grade in range(1, edition.grades + 1):
        limits = {name: table.by_grade(row.grades[name])[grade - 1] for name in row.grades}
        known = {name: limit for name, limit in limits.items() if limit is not None}
        if len(known) < len(limits):
            return RowGrade(table=table.id, row=label, grade=None, confidence=confidence,
                            detail=f"{shown}; the grade-{grade} value is not in the transcribed table")
        if all(_meets(table, name, values[name], limit) for name, limit in known.items()):
            return RowGrade(table=table.id, row=label, grade=grade, confidence=confidence, detail=shown)
    return RowGrade(table=table.id, row=label, grade=edition.grades + 1, confidence=confidence, detail=shown)


def _meets(table: GradeTable, name: str, value: Value, limit: float) -> bool:
    """``value`` (canonical unit) at or better than ``limit`` (table unit)."""
    if isinstance(value, str):
        return False
    number = _in_unit(name, table.quantities[name].unit, value)
    return number >= limit if table.quantities[name].better == "higher" else number <= limit


def _key_text(table: GradeTable, name: str, key: object) -> str:
    axis = next(a for a in table.axes if a.field == name)
    unit = f" {axis.unit}" if axis.unit else ""
    if isinstance(key, Band):
        return key.text(name) + unit
    if isinstance(key, list):
        return f"{name} {'/'.join(str(k) for k in key)}"
    return f"{name} {key:g}{unit}" if isinstance(key, float | int) else f"{name} {key}"


def _thresholds(table: GradeTable, row: GradeRow, values: Mapping[str, Value]) -> str:
    """'rated_efficiency 93.4 % vs G1/G2/G3 ≥ 94.6/93.3/91.4 %; cop gate ≥ 4.2' for a note."""
    parts = []
    for name, raw in [*row.grades.items(), *((g, None) for g in row.gates)]:
        quantity = table.quantities[name]
        sign = "≥" if quantity.better == "higher" else "≤"
        unit = f" {quantity.unit}" if quantity.unit else ""
        value = values.get(name)
        given = f"{_in_unit(name, quantity.unit, value):g}{unit}" if isinstance(value, float) else "not given"
        if raw is None:
            parts.append(f"{name} {given} vs gate {sign} {row.gates[name]:g}{unit}")
        else:
            limits = "/".join("—" if v is None else f"{v:g}" for v in table.by_grade(raw))
            heads = "/".join(f"G{g}" for g in range(1, len(raw) + 1))
            parts.append(f"{name} {given} vs {heads} {sign} {limits}{unit}")
    return "; ".join(parts)
