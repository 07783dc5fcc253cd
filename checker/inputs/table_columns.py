"""A catalog column → the frame's column in the field's canonical unit, converted once per column.

A column of plain numbers is parsed by one Arrow cast; only the cells that are not plain numbers ("94.2 %",
"ND", "105,8") take the slow path, through :func:`checker.engine.frame.quantity_cell`. Two columns for one field
are merged row by row: a blank takes the other's value, equal values are used, different ones are a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checker.catalog.clauses import load_catalog
from checker.catalog.fields import FieldSpec, category_words
from checker.catalog.files import catalog_dir
from checker.engine.frame import (
    HI,
    ISSUE,
    LO,
    ND,
    NOTE,
    RL,
    Cell,
    agree,
    choice_cell,
    normalise_choice,
    quantity_cell,
)
from checker.inputs.dates import date_issue
from checker.inputs.records import text_fact
from checker.inputs.table_files import TableError, arrow_text
from checker.inputs.values import DOT_GROUPED
from checker.models import Evidence, Fact
from checker.units import clean_array

_PLAIN_NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"

IDENTITY = ("model", "manufacturer", "category")
Bounds = dict[int, tuple[float, float, str]]  # row → (low, high, note) of a cell printed as a bound




def _quantity_column(raw: pd.Series, spec: FieldSpec, unit: str, header: str, first_row: int
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, Bounds]:
    """(values in canonical unit, issue texts or None, non-detect flags, reporting limits, bounds) for one column."""
    factor = spec.factor(unit)
    issues = np.full(len(raw), None, dtype=object)
    nd = np.zeros(len(raw), dtype=bool)
    limits = np.full(len(raw), np.nan)
    arrow = arrow_text(raw)
    if arrow is not None:
        numbers, slow, text = _arrow_numbers(arrow)
    elif raw.dtype == object:
        text = raw.astype(str).str.strip()
        numbers = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        slow = np.flatnonzero(np.isnan(numbers) & (text != "").to_numpy() & text.notna().to_numpy())
    else:
        numbers = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        slow, text = np.zeros(0, dtype=np.int64), None
    slow = _with_dot_grouped(slow, text, spec, factor)
    numbers = clean_array(numbers * factor) if factor != 1.0 else numbers
    done: dict[str, Cell] = {}
    bounds: Bounds = {}
    for index, text_cell in zip(slow, _cells(text, slow), strict=True):
        if text_cell not in done:
            done[text_cell] = _slow_cell(text_cell, spec, unit, header)
        cell = done[text_cell]
        numbers[index] = np.nan if cell.value is None else cell.value
        issues[index], nd[index] = cell.issue, cell.nd
        limits[index] = np.nan if cell.reporting_limit is None else cell.reporting_limit
        if cell.low is not None and cell.high is not None:
            bounds[int(index)] = (cell.low, cell.high, cell.note or "")
    if spec.range:
        low, high = spec.range
        with np.errstate(invalid="ignore"):
            bad = ~np.isnan(numbers) & ((numbers < low) | (numbers > high)) & ~nd
        for index in np.flatnonzero(bad):
            issues[index] = (f"implausible value {raw.iat[int(index)]} {unit} in {header}, row {index + first_row}: "
                             f"outside {low:g}–{high:g} {spec.unit}")
        numbers[bad] = np.nan
    _fractions(numbers, issues, nd, spec, (raw, unit, header, first_row))
    return numbers, issues, nd, limits, bounds


def _fractions(numbers: np.ndarray, issues: np.ndarray, nd: np.ndarray, spec: FieldSpec,
               cells: tuple[pd.Series, str, str, int]) -> None:
    """Numbers in the field's ``fraction_span`` (0.72 where a percentage is due: 0.72 % or 72 %?) made issues for a
    person, as the values outside its plausible range are; ``cells``: the raw column, its unit, header, first row."""
    if spec.fraction_span is None:
        return
    raw, unit, header, first_row = cells
    low, high = spec.fraction_span
    with np.errstate(invalid="ignore"):
        doubtful = (numbers > low) & (numbers < high) & ~nd
    for index in np.flatnonzero(doubtful):
        value = float(numbers[index])
        issues[index] = (f"implausible value {raw.iat[int(index)]} {unit} in {header}, row {index + first_row}: "
                         f"{value:g} {spec.unit}, or a fraction of one where a percentage is due "
                         f"({value * 100:g} {spec.unit})?")
    numbers[doubtful] = np.nan



def _with_dot_grouped(slow: np.ndarray, text: pa.ChunkedArray | pd.Series | None, spec: FieldSpec, factor: float
                      ) -> np.ndarray:
    """``slow`` and the rows of plain numbers such as "1.500" that read as plausible values both with the dot as a
    decimal point and with it grouping thousands (1500): the record rule decides those
    (:func:`checker.inputs.records.text_fact`)."""
    low, high = spec.range or (-np.inf, np.inf)
    if text is None or not len(text) or 1000 * factor > high:  # "1.000" groups to 1000 at least
        return slow
    if isinstance(text, pd.Series):
        text = pa.chunked_array([pa.array(text.astype(object).where(text.notna(), None), pa.string())])
    grouped = pc.fill_null(pc.match_substring_regex(text, DOT_GROUPED), False)
    if not pc.any(grouped).as_py():
        return slow
    rows = np.flatnonzero(grouped.to_numpy(zero_copy_only=False))
    numbers = pc.cast(pc.replace_substring(text.take(pa.array(rows, pa.int64())), ".", ""), pa.float64())
    values = numbers.to_numpy() * factor
    plausible = rows[(values >= low) & (values <= high)]
    return np.union1d(slow, plausible).astype(np.int64) if len(plausible) else slow


def _arrow_numbers(arrow: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray, pa.ChunkedArray]:
    """Plain numbers by one Arrow cast, other cells as pandas reads them: (numbers, slow rows, stripped text)."""
    text = pc.utf8_trim_whitespace(arrow)
    plain = pc.fill_null(pc.match_substring_regex(text, _PLAIN_NUMBER), False)
    numbers = pc.cast(pc.if_else(plain, text, pa.scalar(None, pa.string())), pa.float64())
    values = numbers.to_numpy().astype(float, copy=True) if numbers.null_count == 0 else \
        pc.fill_null(numbers, np.nan).to_numpy().astype(float, copy=True)
    rest = pc.and_(pc.invert(plain), pc.fill_null(pc.not_equal(text, ""), False))
    rows = np.flatnonzero(rest.to_numpy(zero_copy_only=False))
    if len(rows):  # "inf", "1_0": whatever pandas makes of them, as before; NaN ("nan", junk) to the slow path
        cells = pd.Series(_cells(text, rows), dtype=object)
        parsed = pd.to_numeric(cells, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        values[rows] = parsed
        rows = rows[np.isnan(parsed)]
    return values, rows, text



def _cells(text: pa.ChunkedArray | pd.Series | None, rows: np.ndarray) -> list[str]:
    """The text of a few cells, by row number."""
    if text is None or not len(rows):
        return []
    if isinstance(text, pd.Series):
        return [str(text.iat[index]) for index in rows]
    return [str(cell) for cell in text.take(pa.array(rows, type=pa.int64())).to_pylist()]



def _slow_cell(text: str, spec: FieldSpec, unit: str, header: str) -> Cell:
    """One cell that is not a plain number, read by the rule records use (:func:`checker.engine.frame.quantity_cell`):
    non-detects, bounds, units, junk; blank is missing."""
    fact = text_fact(spec.label_en, spec, text, Evidence(source=f"column {header}", text=text), unit)
    return Cell() if fact is None else quantity_cell(spec, [fact])



def _as_bounds(values: np.ndarray, nd: np.ndarray, bounds: Bounds, statistic: str, header: str) -> None:
    """The numbers of a Min column as "at least" bounds (of a Max column, "at most"): a guaranteed minimum proves a
    "≥" limit and never an "≤" one. Cells already printed as bounds or intervals keep theirs."""
    rows = np.flatnonzero(~np.isnan(values) & ~nd)
    how = "at least" if statistic == "at_least" else "at most"
    note = f"the “{header.strip()}” column: known only as {how} this"
    for row in rows:
        value = float(values[row])
        bounds[int(row)] = (value, np.inf, note) if statistic == "at_least" else (-np.inf, value, note)
    values[rows] = np.nan


@dataclass
class _Column:
    """One catalog column read for its field: values, issues (None: none), non-detects, reporting limits."""

    raw: pd.Series
    header: str
    unit: str
    values: np.ndarray
    issues: np.ndarray
    nd: np.ndarray
    limits: np.ndarray
    present: np.ndarray  # the cell is not blank
    bounds: Bounds = field(default_factory=dict)



def read_column(path: Path, raw: pd.Series, spec: FieldSpec, name: str, unit: str, header: str,
                first_row: int, statistic: str | None = None) -> _Column:
    """One column of ``name``; a Min / Max column's (``statistic``) numbers are bounds of the product's value."""
    rows = len(raw)
    if spec.kind == "quantity":
        try:
            values, issues, nd, limits, bounds = _quantity_column(raw, spec, unit, header, first_row)
        except ValueError as exc:
            raise TableError(f"{path}: column {header}: {exc}") from None
        if statistic is not None:
            _as_bounds(values, nd, bounds, statistic, header)
        present = np.asarray(~np.isnan(values) | pd.notna(issues) | nd, dtype=bool)
        present |= np.isin(np.arange(rows), list(bounds))
        return _Column(raw, header, unit, values, issues, nd, limits, present, bounds)
    text = text_cells(raw)
    issues = np.full(rows, None, dtype=object)
    values = text
    if name not in IDENTITY:
        values = map_distinct(text, lambda v: normalise_choice(spec, v))
        bad = pd.notna(text) & pd.isna(values)
        if bad.any():
            issues = np.where(bad, _unread_words(text, spec, header), np.array(None, dtype=object))
    return _Column(raw, header, unit, values, issues, np.zeros(rows, bool), np.full(rows, np.nan),
                   np.asarray(pd.notna(text), dtype=bool))



def _unread_words(text: np.ndarray, spec: FieldSpec, header: str) -> np.ndarray:
    """Why each cell of ``text`` gives no value of the field: a date ambiguous or unreadable, a word not known."""
    if spec.kind == "date":
        return map_distinct(text, lambda value: f"{date_issue(value, spec.month_end)} in {header}")
    return ("unrecognised value " + pd.Series(text, dtype=object).astype(str) + f" in {header}").to_numpy()



def store_column(columns: dict[str, Any], name: str, column: _Column) -> None:
    """The field's column and the side columns it needs (reporting limits, issues, non-detects)."""
    columns[name] = column.values
    if not np.isnan(column.limits).all():
        columns[name + RL] = column.limits
    if pd.notna(column.issues).any():
        columns[name + ISSUE] = column.issues
    if column.nd.any():
        columns[name + ND] = column.nd
    if column.bounds:
        rows = np.fromiter(column.bounds, dtype=np.int64)
        low, high = np.full(len(column.values), np.nan), np.full(len(column.values), np.nan)
        notes = np.full(len(column.values), None, dtype=object)
        low[rows] = [bound[0] for bound in column.bounds.values()]
        high[rows] = [bound[1] for bound in column.bounds.values()]
        notes[rows] = [bound[2] for bound in column.bounds.values()]
        columns[name + LO], columns[name + HI], columns[name + NOTE] = low, high, notes



def merge_columns(parts: list[_Column], spec: FieldSpec, name: str) -> _Column:
    """Several columns of one field as one: per row the first non-blank cell, or, where non-blank cells
    differ, the cell a record with those values would give (a conflict to review)."""
    present = np.column_stack([part.present for part in parts])
    if name == "category":
        present = _named_categories(parts, present)
    first = np.argmax(present, axis=1)
    rows = np.arange(len(first))

    def pick(attribute: str) -> np.ndarray:
        return np.column_stack([getattr(part, attribute) for part in parts])[rows, first]

    bounds = {row: part.bounds[row] for index, part in enumerate(parts) for row in part.bounds
              if first[row] == index}
    merged = _Column(parts[0].raw, parts[0].header, parts[0].unit, pick("values"), pick("issues"), pick("nd"),
                     pick("limits"), np.asarray(present.any(axis=1), dtype=bool), bounds)
    several = present.sum(axis=1) > 1
    if several.any():
        same = np.column_stack([_same(part, merged, spec, name) | ~part.present for part in parts])
        _resolve(parts, merged, present, np.flatnonzero(several & ~same.all(axis=1)), spec, name)
    return merged



def _named_categories(parts: list[_Column], present: np.ndarray) -> np.ndarray:
    """``present`` without the cells of category columns that name no category where another column of the row
    names one: "类别 | 以太网交换机" beside "设备类别 | 接入" (the switch's device class) is a switch."""
    known = set(load_catalog().categories)
    named = np.column_stack([np.asarray(map_distinct(part.values, lambda value: category_word(value) in known),
                                        dtype=bool) & part.present for part in parts])
    return np.where(named.any(axis=1, keepdims=True), named, present)


def _same(part: _Column, merged: _Column, spec: FieldSpec, name: str) -> np.ndarray:
    """Rows where this column's cell reads as the value taken, with nothing to report."""
    clean = pd.isna(part.issues) & ~part.nd & ~merged.nd & pd.isna(merged.issues)
    if spec.kind == "quantity":
        return clean & agree(part.values, merged.values)
    if name in IDENTITY:
        key = category_word if name == "category" else (lambda value: str(value).strip())
        return clean & (map_distinct(part.values, key) == map_distinct(merged.values, key))
    return clean & (part.values == merged.values)



def _resolve(parts: list[_Column], merged: _Column, present: np.ndarray, rows: np.ndarray, spec: FieldSpec,
             name: str) -> None:
    """Rows whose non-blank cells differ: the cell of a record holding each column's text as one fact."""
    done: dict[tuple[str | None, ...], Cell] = {}
    for row in rows:
        texts = tuple(str(part.raw.iat[row]).strip() if present[row, index] else None
                      for index, part in enumerate(parts))
        if texts not in done:
            done[texts] = _compared(parts, texts, spec, name)
        cell = done[texts]
        merged.values[row] = np.nan if cell.value is None and spec.kind == "quantity" else cell.value
        merged.issues[row] = cell.issue
        merged.nd[row] = cell.nd
        merged.limits[row] = np.nan if cell.reporting_limit is None else cell.reporting_limit
        merged.bounds.pop(int(row), None)
        if cell.low is not None and cell.high is not None:
            merged.bounds[int(row)] = (cell.low, cell.high, cell.note or "")



def _compared(parts: list[_Column], texts: tuple[str | None, ...], spec: FieldSpec, name: str) -> Cell:
    """One row's cells of several columns judged together, as the facts of a record are."""
    given = [(part, text) for part, text in zip(parts, texts, strict=True) if text is not None]
    if name in IDENTITY:
        return Cell(value=" | ".join(dict.fromkeys(text for _, text in given)))
    facts: list[Fact | None] = []
    for part, text in given:
        evidence = Evidence(source=f"column {part.header}", text=f"{part.header} = {text}")
        facts.append(text_fact(name, spec, text, evidence, part.unit) if spec.kind == "quantity" else
                     Fact(field=name, value=text, evidence=[evidence]))
    found = [fact for fact in facts if fact is not None]
    if not found:
        return Cell()
    return quantity_cell(spec, found) if spec.kind == "quantity" else choice_cell(spec, found)



def text_cells(raw: pd.Series) -> np.ndarray:
    """A text column as Python objects, blank cells as None."""
    arrow = arrow_text(raw)
    if arrow is None:
        return raw.astype(object).where(raw.astype(str).str.strip() != "", None).to_numpy()
    blank = pc.equal(pc.utf8_trim_whitespace(arrow), "")
    return pc.if_else(blank, pa.scalar(None, arrow.type), arrow).to_numpy(zero_copy_only=False)



def map_distinct(values: np.ndarray, function: Any) -> np.ndarray:
    """``function`` applied to each distinct value once; None stays None (NaN is passed on)."""
    result = np.full(len(values), None, dtype=object)
    missing = pd.isna(values)
    present = np.flatnonzero(~missing)
    if len(present):
        codes, uniques = pd.factorize(values[present])
        result[present] = np.array([function(value) for value in uniques] + [None], dtype=object)[codes]
    for index in np.flatnonzero(missing):
        if values[index] is not None:
            result[index] = function(values[index])
    return result


def category_word(value: object) -> str:
    """A category cell as the category id: Chinese words mapped, English lower-cased."""
    text = str(value).strip()
    words = category_words(catalog_dir())
    return words.get(text) or words.get(text.lower(), text.lower())
