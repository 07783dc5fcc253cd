"""Grade tables of the standards the procurement standard cites (``catalogs/grades/*.yaml``), as strict data.

One file per standard edition: its number and edition, the day it came into force, where its figures were
read, and its tables. A table says which quantities it grades (unit, better higher or lower), the axes
that choose a row (a choice such as the core material, a band such as 300 < CC ≤ 528 kW, or a listed
value such as a motor's rated power) and, per row, each graded quantity's value for grade 1, 2, 3 (``null``
where the value was not read). ``gates`` are values every grade needs (GB 19577-2024's COPc gate).
Confidence (H/M/L) is kept per table and may be overridden per row: an L value never decides a verdict.

Loading fails loudly: an unknown key, a field that is not in ``fields.yaml``, a unit pint cannot parse,
a row key that is not an axis, a row whose grade values run the wrong way.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from checker.catalog.clauses import Catalog, Confidence, load_catalog
from checker.catalog.files import catalog_dir, read_yaml
from checker.models import Strict
from checker.units import parse_unit

Better = Literal["higher", "lower"]


class Band(Strict):
    """A range on a band axis, bounds as printed: ``gt``/``ge`` below, ``lt``/``le`` above (open ends absent)."""

    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None

    @model_validator(mode="after")
    def _one_bound_a_side(self) -> Band:
        if (self.gt is not None and self.ge is not None) or (self.lt is not None and self.le is not None):
            raise ValueError("a band has at most one lower and one upper bound")
        return self

    def holds(self, value: float) -> bool:
        """True when ``value`` lies in the band (bounds exactly as printed)."""
        return ((self.gt is None or value > self.gt) and (self.ge is None or value >= self.ge)
                and (self.lt is None or value < self.lt) and (self.le is None or value <= self.le))

    def text(self, name: str = "x") -> str:
        """The band as printed: '300 < x ≤ 528', 'x > 1163', 'x ≤ 300'."""
        low = f"{self.gt:g} < " if self.gt is not None else f"{self.ge:g} ≤ " if self.ge is not None else ""
        high = f" < {self.lt:g}" if self.lt is not None else f" ≤ {self.le:g}" if self.le is not None else ""
        if not high and low:  # lower bound only: read it the usual way round
            return f"{name} {'>' if self.gt is not None else '≥'} {low.split()[0]}"
        return f"{low}{name}{high}"


class Axis(Strict):
    """What chooses a row: a field of the record, matched as a choice, a band or a listed value.

    ``listed`` values between two listed ones use ``between``: ``bracket`` grades the product on BOTH
    neighbouring rows and decides only where they agree (any rule in between — next lower, next higher,
    interpolation — would then give the same grade); ``exact`` accepts listed values only.
    """

    field: str
    match: Literal["choice", "band", "listed"]
    unit: str = ""
    between: Literal["bracket", "exact"] = "exact"


class Quantity(Strict):
    """A graded quantity: its unit in this table and which way is better."""

    unit: str = ""
    better: Better


class GradeRow(Strict):
    """One row: the axis values that choose it, each quantity's grade values, the gates it needs."""

    key: dict[str, float | str | list[str] | Band]
    grades: dict[str, list[float | None]]
    gates: dict[str, float] = Field(default_factory=dict)
    confidence: Confidence | None = None
    note: str = ""


class GradeTable(Strict):
    """One table of a standard edition."""

    id: str
    title_zh: str
    title_en: str
    confidence: Confidence
    confidence_note: str = ""
    where: dict[str, str] = Field(default_factory=dict)
    order: list[int] = Field(default_factory=lambda: [1, 2, 3])
    quantities: dict[str, Quantity]
    axes: list[Axis]
    rows: list[GradeRow]
    note: str = ""

    @model_validator(mode="after")
    def _rows_fit(self) -> GradeTable:
        axes = {axis.field: axis for axis in self.axes}
        for row in self.rows:
            self._check_row(row, axes)
        return self

    def _check_row(self, row: GradeRow, axes: dict[str, Axis]) -> None:
        for name, value in row.key.items():
            axis = axes.get(name)
            if axis is None:
                raise ValueError(f"{self.id}: row key {name} is not an axis")
            wanted = {"choice": (str, list), "band": (Band,), "listed": (float, int)}[axis.match]
            if not isinstance(value, wanted):
                raise ValueError(f"{self.id}: {name} = {value!r} is not a {axis.match} value")
        unknown = (set(row.grades) | set(row.gates)) - set(self.quantities)
        if unknown:
            raise ValueError(f"{self.id}: a row grades unknown quantities {sorted(unknown)}")
        for name, values in row.grades.items():
            if len(values) != len(self.order):
                raise ValueError(f"{self.id}: {name} needs one value per grade ({len(self.order)})")
            self._check_monotone(name, self.by_grade(values))

    def _check_monotone(self, name: str, values: list[float | None]) -> None:
        known = [v for v in values if v is not None]
        ordered = sorted(known, reverse=self.quantities[name].better == "higher")
        if known != ordered:
            raise ValueError(f"{self.id}: {name} grade values {values} do not run from grade 1 to the lowest")

    def by_grade(self, values: list[float | None]) -> list[float | None]:
        """A row's values reordered grade 1 first (the file keeps the order printed, ``order``)."""
        return [values[self.order.index(grade)] for grade in range(1, len(self.order) + 1)]


class GradeEdition(Strict):
    """One edition of one standard, with its tables (one ``catalogs/grades/*.yaml`` file)."""

    standard: str
    edition: str
    title_zh: str
    title_en: str
    effective: date
    effective_source: str
    effective_confidence: Confidence
    source: str
    category: str
    where: dict[str, str] = Field(default_factory=dict)
    grades: int
    rules: list[str] = Field(default_factory=list)
    tables: list[GradeTable]

    @model_validator(mode="after")
    def _grades_match(self) -> GradeEdition:
        for table in self.tables:
            if sorted(table.order) != list(range(1, self.grades + 1)):
                raise ValueError(f"{self.name}: table {table.id} order must hold grades 1..{self.grades}")
        return self

    @property
    def name(self) -> str:
        """'GB 18613-2020'."""
        return f"{self.standard}-{self.edition}"

    def fields(self) -> set[str]:
        """Every record field the edition reads (selectors, axes, graded quantities)."""
        names = set(self.where)
        for table in self.tables:
            names |= set(table.where) | {axis.field for axis in table.axes} | set(table.quantities)
        return names

    def measured(self) -> set[str]:
        """The graded quantities: a record giving any of them asks for the grade to be worked out."""
        return {name for table in self.tables for name in table.quantities}


def _cross_check(edition: GradeEdition, catalog: Catalog) -> None:
    """Fields, categories, choices and units the edition names must exist in the catalog."""
    if edition.category not in catalog.categories:
        raise ValueError(f"{edition.name}: unknown category {edition.category}")
    for name in edition.fields():
        spec = catalog.fields.get(name)
        if spec is None or edition.category not in spec.categories:
            raise ValueError(f"{edition.name}: field {name} is not a {edition.category} field in fields.yaml")
    for table in edition.tables:
        for axis in table.axes:
            parse_unit(axis.unit)
        for quantity in table.quantities.values():
            parse_unit(quantity.unit)
        for name, value in (*edition.where.items(), *table.where.items()):
            if value not in catalog.fields[name].choices:
                raise ValueError(f"{edition.name}: {name} has no choice {value}")


def _finite(edition: GradeEdition) -> None:
    for table in edition.tables:
        for row in table.rows:
            numbers = [v for values in row.grades.values() for v in values if v is not None]
            if not all(math.isfinite(v) for v in [*numbers, *row.gates.values()]):
                raise ValueError(f"{edition.name}: {table.id}: a grade value is not a finite number")


@lru_cache(maxsize=4)
def load_grade_editions(folder: str | None = None) -> tuple[GradeEdition, ...]:
    """Every ``grades/*.yaml`` of the catalog folder, validated and checked against ``fields.yaml``."""
    root = Path(folder) if folder else catalog_dir()
    catalog = load_catalog(folder) if folder else load_catalog()  # one cache entry for the default catalog
    editions = []
    for path in sorted((root / "grades").glob("*.yaml")):
        edition = GradeEdition.model_validate(read_yaml(path))
        _cross_check(edition, catalog)
        _finite(edition)
        editions.append(edition)
    names = [edition.name for edition in editions]
    if len(set(names)) != len(names):
        raise ValueError("catalogs/grades: an edition is given twice")
    return tuple(editions)
