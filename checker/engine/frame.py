"""Facts → one pandas frame, the single shape the engine evaluates (one row per product).

Columns: ``id``, ``category`` and one column per field in its canonical unit. Side columns, only
where needed: ``<field>__issue`` (why a value cannot be used: conflict, wrong unit, junk),
``<field>__nd`` (non-detect), ``<field>__lo`` / ``<field>__hi`` (a value known as an interval).
Evidence stays beside the frame in an :class:`EvidenceStore`.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

import numpy as np
import pandas as pd

from checker.catalog.clauses import Catalog
from checker.catalog.fields import FieldSpec, choice_words, flag_words
from checker.catalog.files import catalog_dir
from checker.chinese import simplified
from checker.inputs.dates import iso_date
from checker.inputs.records import ProductRecord
from checker.inputs.values import BOUND_SYMBOLS
from checker.models import DOUBT_PREFIXES, Evidence, Fact
from checker.units import clean

ISSUE, ND, LO, HI, RL, NOTE = "__issue", "__nd", "__lo", "__hi", "__rl", "__note"
AGREE_TOLERANCE = 1e-9  # relative and absolute: two readings closer than this are the same number


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


@dataclass
class StackedEvidence:
    """Evidence of several batches stacked into one frame (row offsets)."""

    parts: list[tuple[int, EvidenceStore]] = field(default_factory=list)

    def get(self, row: int, name: str) -> list[Evidence]:
        for offset, store in reversed(self.parts):
            if row >= offset:
                return store.get(row - offset, name)
        return []


@dataclass
class KeptRowsEvidence:
    """Evidence of the rows of a batch that were kept (``rows[i]`` is the old row of new row ``i``)."""

    store: EvidenceStore
    rows: np.ndarray

    def get(self, row: int, name: str) -> list[Evidence]:
        return self.store.get(int(self.rows[row]), name)


def keep_rows(batch: Batch, rows: np.ndarray, sources: list[list[str]] | None = None) -> Batch:
    """The batch with only ``rows`` (in order), renumbered from 0, its evidence following them."""
    evidence = StackedEvidence(parts=[(0, KeptRowsEvidence(batch.evidence, rows))])
    return Batch(frame=batch.frame.iloc[rows].reset_index(drop=True), evidence=evidence,
                 sources=sources if sources is not None else [batch.sources[i] for i in rows])


def stack(batches: Sequence[Batch], catalog: Catalog) -> Batch:
    """One batch from many (frames concatenated, evidence by row offset)."""
    evidence = StackedEvidence()
    offset = 0
    for batch in batches:
        evidence.parts.append((offset, batch.evidence))
        offset += len(batch.frame)
    frames = [b.frame for b in batches if len(b.frame)]
    if len(frames) == 1:
        frame = frames[0]  # one catalog: no copy of a million rows
    else:
        frame = pd.concat(frames, ignore_index=True, sort=False) if frames else pd.DataFrame(columns=["id", "category"])
    sources = [s for b in batches for s in b.sources]
    return Batch(frame=conform(frame, catalog), evidence=evidence, sources=sources)


@dataclass(frozen=True)
class Cell:
    """One field's value for one product after unit conversion and conflict checks."""

    value: Any = None
    issue: str | None = None
    nd: bool = False
    low: float | None = None
    high: float | None = None
    reporting_limit: float | None = None
    note: str | None = None


def describe(fact: Fact) -> str:
    """How a fact reads in a note: value, unit and where it came from."""
    where = fact.evidence[0] if fact.evidence else None
    place = f" ({where.source}{f' p.{where.page}' if where and where.page else ''})" if where else ""
    if fact.qualifier == "nd" or (fact.qualifier and fact.value is None):
        return f"ND{place}"
    if fact.value is None and fact.low is not None and fact.high is not None:
        return f"{fact.low:g}–{fact.high:g}{' ' + fact.unit if fact.unit else ''}{place}"
    if fact.value is None:
        return place.strip(" ()") or "no value"
    mark = BOUND_SYMBOLS.get(fact.qualifier, "")
    return f"{mark}{fact.value}{' ' + fact.unit if fact.unit else ''}{place}"


def agree(values: Any, reference: Any) -> Any:
    """Whether readings of one quantity (already in one unit) are the same number, to rounding error.

    Element-wise on arrays; NaN agrees with nothing. Used for several facts of a record and for
    two catalog columns of one field alike.
    """
    return np.isclose(values, reference, rtol=AGREE_TOLERANCE, atol=AGREE_TOLERANCE)


@dataclass(frozen=True)
class _Reading:
    """One fact in the field's canonical unit: a point (``low == high``), a bound or an interval, or a
    non-detect (``nd``, with its reporting limit in ``high`` when one was printed)."""

    low: float
    high: float
    fact: Fact
    nd: bool = False

    @property
    def point(self) -> bool:
        return not self.nd and self.low == self.high


def _reading(spec: FieldSpec, fact: Fact) -> _Reading | str:
    """The fact as a reading in ``spec.unit``, or the reason it cannot be one (INTERFACE §6)."""
    if fact.note.startswith(DOUBT_PREFIXES):
        return f"{fact.note} ({describe(fact)})"
    try:
        factor = spec.factor(fact.unit)
    except ValueError as exc:
        return f"{exc}; the clause needs {spec.unit or 'a number'} ({describe(fact)})"
    number = fact.value
    if fact.qualifier and number is not None and (not isinstance(number, int | float) or isinstance(number, bool)):
        return f"not a number: {describe(fact)}"
    bound = None if number is None else _converted(float(cast(float, number)), factor)
    if fact.qualifier == "nd" or (fact.qualifier in ("lt", "le") and spec.non_detect):
        if not spec.non_detect:
            return (f"a non-detect ({describe(fact)}) is not a value for {spec.label_en}: only a concentration "
                    f"can be 'not detected'")
        return _Reading(0.0, math.nan if bound is None else bound, fact, nd=True)
    if fact.qualifier:
        if bound is None or not math.isfinite(bound):
            return f"a bound without a number: {describe(fact)}"
        return _Reading(bound, math.inf, fact) if fact.qualifier in ("gt", "ge") else _Reading(-math.inf, bound, fact)
    if number is None and fact.low is not None and fact.high is not None:
        low, high = _converted(fact.low, factor), _converted(fact.high, factor)
        if not (math.isfinite(low) and math.isfinite(high)) or low > high:
            return f"not a valid interval: {describe(fact)}"
        return _Reading(low, high, fact)
    if not isinstance(number, int | float) or isinstance(number, bool) or not math.isfinite(number):
        return f"not a number: {describe(fact)}"
    value = _converted(float(number), factor)
    return _Reading(value, value, fact)


def _converted(number: float, factor: float) -> float:
    """``number`` × ``factor``, cleaned of conversion noise; unconverted numbers are kept exactly."""
    return number if factor == 1.0 else clean(number * factor)


def _combined(readings: list[_Reading]) -> _Reading | str:
    """Several readings of one field as one: points must agree, and lie in every bound or interval;
    bounds and intervals must overlap. Anything else is a conflict, listed. Bounds and intervals alone are kept
    as the loosest they give together: "max. 88 W (DC PSU) / 104 W (AC PSU)" are two configurations' bounds, and
    the product is known only as at most 104 W (the tighter bound is another configuration's, not a closer one)."""
    points = [r for r in readings if r.point or r.nd]
    low = max(r.low for r in readings if not r.nd) if any(not r.nd for r in readings) else -math.inf
    high = min(r.high for r in readings if not r.nd) if any(not r.nd for r in readings) else math.inf
    values = np.array([r.low for r in points])
    consistent = low <= high or bool(agree(low, high))
    if points:
        consistent = consistent and bool(np.all(agree(values, values[0])))
        consistent = consistent and all(r.low >= low - AGREE_TOLERANCE and r.low <= high + AGREE_TOLERANCE
                                        for r in points)
    if not consistent:
        return "conflicting values: " + "; ".join(describe(r.fact) for r in readings)
    if points:
        detects = [r for r in points if not r.nd]
        if detects:
            return detects[0]
        limits = [r.high for r in points if not math.isnan(r.high)]  # the tightest reporting limit
        tightest = next((r for r in points if limits and r.high == min(limits)), points[0])
        return tightest
    lows = [r.low for r in readings if r.low > -math.inf]
    highs = [r.high for r in readings if r.high < math.inf]
    return _Reading(min(lows, default=-math.inf), max(highs, default=math.inf), readings[0].fact)


def _materials(spec: FieldSpec, readings: list[_Reading]) -> bool:
    """True when ``readings`` are of a concentration and each was read on a document's page: a test report's
    samples and parts, or another report's (a record's or a catalog's readings are of one value, and must agree)."""
    return spec.non_detect and all(any(ev.page is not None for ev in r.fact.evidence) for r in readings)


def _highest(readings: list[_Reading]) -> _Reading:
    """Several readings of one concentration as the highest of them: each is a material of the product (a sample
    column of a test report, a part's row, another report), and GB/T 26572 limits every homogeneous material, so
    the product meets a limit only where all of them do. A non-detect lies below its reporting limit: where that
    limit is above every detected value, the highest is known only to lie between them."""
    detects = [r for r in readings if not r.nd]
    reported = [r for r in readings if r.nd and not math.isnan(r.high)]
    widest = max(reported, key=lambda r: r.high) if reported else None
    if not detects:
        return widest or readings[0]
    low = max(r.low for r in detects)
    high = max(r.high for r in detects)
    top = max(detects, key=lambda r: (r.high, r.low))
    if widest is not None and widest.high > high:
        high, top = widest.high, widest
    if low == high:
        return top
    note = f"the highest of several materials lies in {low:g}–{high:g}: " + "; ".join(describe(r.fact)
                                                                                      for r in readings)
    return _Reading(low, high, top.fact.model_copy(update={"note": note, "qualifier": ""}))


def quantity_cell(spec: FieldSpec, facts: list[Fact]) -> Cell:
    """A field's facts as one cell in its canonical unit: the one rule for records, catalogs and documents.

    A non-detect counts only for a concentration (``non_detect`` in fields.yaml); a value printed
    with a comparison is a bound, kept as an interval for the engine (it passes only where the bound
    proves the requirement); every point and interval end goes through the plausible range.
    """
    readings: list[_Reading] = []
    for fact in facts:
        reading = _reading(spec, fact)
        if isinstance(reading, str):
            return Cell(issue=reading)
        readings.append(reading)
    combined = readings[0] if len(readings) == 1 else _highest(readings) if _materials(spec, readings) \
        else _combined(readings)
    if isinstance(combined, str):
        return Cell(issue=combined)
    fact = combined.fact
    if combined.nd:
        rl = None if math.isnan(combined.high) else combined.high
        return Cell(value=0.0, nd=True, reporting_limit=rl)
    issue = _implausible(spec, combined)
    if issue:
        return Cell(issue=issue)
    if combined.point:
        if spec.integer and not math.isclose(combined.low, round(combined.low)):
            return Cell(issue=f"not a whole number: {describe(fact)}")
        return Cell(value=combined.low)
    shown = "; ".join(describe(r.fact) for r in readings)
    kind = "a bound, not a measurement" if fact.qualifier else "an interval"
    said = "; ".join(dict.fromkeys(r.fact.note for r in readings if r.fact.note))  # why a reading is a range
    return Cell(low=combined.low, high=combined.high, note=said or f"printed as {kind}: {shown}")


def _implausible(spec: FieldSpec, reading: _Reading) -> str | None:
    """Why a reading cannot be the field's value: a point outside the plausible range, or an interval
    or bound that lies wholly outside it."""
    if not spec.range:
        return None
    low, high = spec.range
    if reading.high < low or reading.low > high:
        where = "outside" if reading.point else "wholly outside"
        return f"implausible value {describe(reading.fact)}: {where} {low:g}–{high:g} {spec.unit}".rstrip()
    if not reading.nd and spec.fraction_like(reading.low, reading.high):
        return (f"implausible value {describe(reading.fact)}: {reading.low:g} {spec.unit}, or a fraction of one "
                f"where a percentage is due ({reading.low * 100:g} {spec.unit})?")
    return None


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
    if spec.kind == "date":
        return iso_date(raw, spec.month_end)
    text = str(raw).strip().lower().replace(" ", "_").replace("-", "_")
    if spec.kind == "flag":
        if isinstance(raw, bool):
            return 1.0 if raw else 0.0
        return flag_words(catalog_dir()).get(text)
    if text in spec.choices:
        return text
    return _choice_word(spec, simplified(unicodedata.normalize("NFKC", str(raw))).casefold().strip())


def _choice_word(spec: FieldSpec, word: str) -> str | None:
    """The value ``word`` names among ``spec``'s choices ("单路输出" single, "框式" modular), else None."""
    for words in choice_words(catalog_dir()).values():
        value = words.get(word)
        if value is not None and value in spec.choices and set(words.values()) <= set(spec.choices):
            return value
    return None


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
        if cell.note:
            row[name + NOTE] = cell.note
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
