"""Facts → one pandas frame, the single shape the engine evaluates (one row per product).

Columns: ``id``, ``category`` and one column per field in its canonical unit. Side columns, only
where needed: ``<field>__issue`` (why a value cannot be used: conflict, wrong unit, junk),
``<field>__nd`` (non-detect), ``<field>__lo`` / ``<field>__hi`` (a value known as an interval).
Evidence stays beside the frame in an :class:`EvidenceStore`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from checker.catalog import Catalog
from checker.fields import FieldSpec
from checker.models import DOUBT_PREFIXES, Evidence, Fact
from checker.records import ProductRecord
from checker.units import conversion_factor

ISSUE, ND, LO, HI, RL = "__issue", "__nd", "__lo", "__hi", "__rl"
AGREE_TOLERANCE = 1e-9  # relative and absolute: two readings closer than this are the same number
TRUE_WORDS = {"true", "yes", "y", "1", "是", "有", "含", "single"}
FALSE_WORDS = {"false", "no", "n", "0", "否", "无", "不含"}


class EvidenceStore(Protocol):
    """Where each (row, field) value was read."""

    def get(self, row: int, name: str) -> list[Evidence]: ...


@dataclass
class FactEvidence:
    """Evidence kept per (row, field), for records read from files and documents."""

    items: dict[tuple[int, str], list[Evidence]] = field(default_factory=dict)

    def get(self, row: int, name: str) -> list[Evidence]:
        return self.items.get((row, name), [])


@dataclass
class Batch:
    """Products to evaluate: the frame, its evidence and each row's source files."""

    frame: pd.DataFrame
    evidence: EvidenceStore
    sources: list[list[str]]


@dataclass(frozen=True)
class Cell:
    """One field's value for one product after unit conversion and conflict checks."""

    value: Any = None
    issue: str | None = None
    nd: bool = False
    low: float | None = None
    high: float | None = None
    reporting_limit: float | None = None


def describe(fact: Fact) -> str:
    """How a fact reads in a note: value, unit and where it came from."""
    where = fact.evidence[0] if fact.evidence else None
    place = f" ({where.source}{f' p.{where.page}' if where and where.page else ''})" if where else ""
    if fact.qualifier and fact.value is None:
        return f"ND{place}"
    mark = "<" if fact.qualifier == "lt" else ""
    return f"{mark}{fact.value}{' ' + fact.unit if fact.unit else ''}{place}"


def agree(values: Any, reference: Any) -> Any:
    """Whether readings of one quantity (already in one unit) are the same number, to rounding error.

    Element-wise on arrays; NaN agrees with nothing. Used for several facts of a record and for
    two catalog columns of one field alike.
    """
    return np.isclose(values, reference, rtol=AGREE_TOLERANCE, atol=AGREE_TOLERANCE)


def quantity_cell(spec: FieldSpec, facts: list[Fact]) -> Cell:
    """Convert a field's facts to its canonical unit; several different values are a conflict."""
    converted: list[tuple[float, Fact]] = []
    for fact in facts:
        if fact.note.startswith(DOUBT_PREFIXES):
            return Cell(issue=f"{fact.note} ({describe(fact)})")
        try:
            factor = conversion_factor(fact.unit, spec.unit)
        except ValueError as exc:
            return Cell(issue=f"{exc}; the clause needs {spec.unit or 'a number'} ({describe(fact)})")
        if fact.qualifier:
            converted.append((0.0, fact))
            continue
        if fact.value is None and fact.low is not None and fact.high is not None:
            return Cell(low=fact.low * factor, high=fact.high * factor, issue=None)
        if not isinstance(fact.value, int | float) or isinstance(fact.value, bool):
            return Cell(issue=f"not a number: {describe(fact)}")
        converted.append((float(fact.value) * factor, fact))
    values = np.array([value for value, _ in converted])
    if len(values) > 1 and not np.all(agree(values, values[0])):
        listed = "; ".join(describe(fact) for _, fact in converted)
        return Cell(issue=f"conflicting values: {listed}")
    value, first = converted[0]
    if first.qualifier == "lt" and isinstance(first.value, int | float) and not isinstance(first.value, bool):
        return Cell(value=0.0, nd=True, reporting_limit=float(first.value) * conversion_factor(first.unit, spec.unit))
    if spec.range and not first.qualifier and not spec.range[0] <= value <= spec.range[1]:
        low, high = spec.range
        return Cell(issue=f"implausible value {describe(first)}: outside {low:g}–{high:g} {spec.unit}".rstrip())
    if spec.integer and not first.qualifier and not math.isclose(value, round(value)):
        return Cell(issue=f"not a whole number: {describe(first)}")
    return Cell(value=value, nd=bool(first.qualifier))


def choice_cell(spec: FieldSpec, facts: list[Fact]) -> Cell:
    """Enum, flag and text fields: normalised; different readings are a conflict."""
    doubtful = next((fact for fact in facts if fact.note.startswith(DOUBT_PREFIXES)), None)
    if doubtful is not None:
        return Cell(issue=f"{doubtful.note} ({describe(doubtful)})")
    values = {normalise_choice(spec, fact.value) for fact in facts}
    if len(values) > 1:
        return Cell(issue="conflicting values: " + "; ".join(describe(fact) for fact in facts))
    value = values.pop()
    if value is None:
        return Cell(issue=f"unrecognised value {describe(facts[0])}")
    return Cell(value=value)


def normalise_choice(spec: FieldSpec, raw: Any) -> Any:
    """Fold an enum / flag / text value; None when it is not one of the allowed values."""
    if spec.kind == "text":
        return None if raw is None else str(raw).strip()
    text = str(raw).strip().lower().replace(" ", "_").replace("-", "_")
    if spec.kind == "flag":
        if isinstance(raw, bool):
            return 1.0 if raw else 0.0
        return 1.0 if text in TRUE_WORDS else 0.0 if text in FALSE_WORDS else None
    return text if text in spec.choices else None


def cell_for(spec: FieldSpec, facts: list[Fact]) -> Cell:
    """The frame cell of one field from all its facts."""
    return quantity_cell(spec, facts) if spec.kind == "quantity" else choice_cell(spec, facts)


def row_of(record: ProductRecord, catalog: Catalog) -> tuple[dict[str, Any], dict[str, list[Evidence]]]:
    """One frame row (dict) and its evidence from a product record."""
    grouped: dict[str, list[Fact]] = defaultdict(list)
    for fact in record.facts:
        grouped[fact.field].append(fact)
    row: dict[str, Any] = {"id": record.id, "category": record.category}
    evidence: dict[str, list[Evidence]] = {}
    for name, facts in grouped.items():
        cell = cell_for(catalog.fields[name], facts)
        evidence[name] = [item for fact in facts for item in fact.evidence]
        row[name] = cell.value
        if cell.issue:
            row[name + ISSUE] = cell.issue
        if cell.nd:
            row[name + ND] = True
        if cell.reporting_limit is not None:
            row[name + RL] = cell.reporting_limit
        if cell.low is not None:
            row[name + LO], row[name + HI] = cell.low, cell.high
    return row, evidence


def records_to_batch(records: Iterable[ProductRecord], catalog: Catalog) -> Batch:
    """Build the frame the engine evaluates from product records."""
    rows: list[dict[str, Any]] = []
    store = FactEvidence()
    sources: list[list[str]] = []
    for number, record in enumerate(records):
        row, evidence = row_of(record, catalog)
        rows.append(row)
        sources.append(record.sources)
        for name, items in evidence.items():
            store.items[(number, name)] = items
    frame = pd.DataFrame(rows, columns=None if rows else ["id", "category"])
    return Batch(frame=conform(frame, catalog), evidence=store, sources=sources)


def conform(frame: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """Give every quantity and flag column a float dtype and non-detect columns a bool dtype.

    Columns that already have their dtype are left alone, and a frame that already has the
    default index is not copied (a million-row catalog passes through without a copy).
    """
    for column in frame.columns:
        spec = catalog.fields.get(column)
        dtype = frame[column].dtype
        if spec is not None and spec.kind in ("quantity", "flag"):
            if dtype != np.float64:
                frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
        elif column.endswith(ND):
            if dtype != np.bool_:
                frame[column] = frame[column].astype(object).eq(True)
        elif column.endswith((LO, HI, RL)) and dtype != np.float64:
            frame[column] = frame[column].astype(float)
    index = frame.index
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        return frame
    return frame.reset_index(drop=True)
