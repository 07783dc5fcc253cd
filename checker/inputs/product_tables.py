"""Equipment catalogs (CSV, XLSX, Parquet) → the engine's frame, converted once per column.

Headers are matched to fields by id or alias (Chinese or English); a unit in brackets
(``psu_efficiency_50 [%]``, ``rated_power (kW)``) is honoured through pint. Cells that are not
plain numbers ("94.2 %", "ND", "105,8") take a slower path, only for those cells.

CSV and Parquet are read with pyarrow into Arrow-backed text columns: a column of plain numbers is
parsed by one Arrow cast, and no Python object is made per cell except for the cells that need
the slow path (and the ids). A CSV that pyarrow will not read as-is (ragged rows, duplicate or
empty headers, a non-UTF-8 file) is read by pandas' own parser, so the outcome never depends on
which reader ran.

Two columns for one field (the same header twice, or an alias beside the field id) are both read:
row by row, a blank cell takes the other's value, equal values (after unit conversion) are used,
and different values are a conflict worded by :func:`checker.engine.frame.quantity_cell` (or
:func:`~checker.engine.frame.choice_cell`), as for a record, so the clause goes to manual review.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from checker.catalog.clauses import Catalog
from checker.catalog.fields import FieldSpec, category_words, header_key
from checker.catalog.files import catalog_dir
from checker.engine.frame import (
    HI,
    ISSUE,
    LO,
    ND,
    NOTE,
    RL,
    Batch,
    Cell,
    agree,
    choice_cell,
    conform,
    normalise_choice,
    quantity_cell,
)
from checker.errors import UnusableInput
from checker.inputs.records import text_fact
from checker.inputs.values import is_blank_text
from checker.models import Evidence, Fact
from checker.units import clean_array, conversion_factor

_PLAIN_NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
_HEADER_UNIT = re.compile(r"^(?P<name>.*?)\s*[\[\(（【](?P<unit>[^\]\)）】]*)[\]\)）】]\s*$")
_NUMBERED = re.compile(r"^(?P<base>.*)\.\d+$")
IDENTITY = ("model", "manufacturer", "category")
class TableError(UnusableInput, ValueError):
    """A catalog file that cannot be used, with a one-line reason."""


@dataclass
class CatalogEvidence:
    """Evidence of a catalog cell: file, row number as a person counts it, header and raw text."""

    source: str
    raw: pd.DataFrame
    headers: dict[str, list[str]]
    written: dict[str, str]
    first_row: int
    row_numbers: list[int] | None = None  # a spreadsheet's own row numbers, where blank rows were skipped
    # cells taken out of ``raw`` a block of rows at a time (``raw.iat`` per cell costs tens of microseconds)
    _blocks: dict[str, dict[int, list[Any]]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def get(self, row: int, name: str) -> list[Evidence]:
        """The cell the field was read from; of several columns for one field, the non-blank cells."""
        labels = self.headers.get(name, [])
        cells: list[tuple[str, Any]] = [(label, self._cell(row, label)) for label in labels]
        if len(cells) > 1:
            cells = [(label, cell) for label, cell in cells if not _blank_cell(cell)] or cells[:1]
        number = self.row_numbers[row] if self.row_numbers else row + self.first_row
        return [Evidence(source=self.source, page=None,
                         text=f"row {number}: {self.written.get(label, label)} = {cell}")
                for label, cell in cells]

    def _cell(self, row: int, label: str) -> Any:
        """``raw.iat[row, <label's column>]``, read from a cached block of that column."""
        blocks = self._blocks.setdefault(label, {})
        start = row - row % _BLOCK
        block = blocks.get(start)
        if block is None:
            if len(blocks) >= _BLOCKS_KEPT:
                blocks.clear()
            # raw's labels are made unique in table_to_batch, so get_loc gives an int
            series = self.raw.iloc[start:start + _BLOCK, cast(int, self.raw.columns.get_loc(label))]
            arrow = _arrow_text(series)
            block = blocks[start] = ([pd.NA if v is None else v for v in arrow.to_pylist()] if arrow is not None
                                     else list(series.array))
        return block[row - start]


_BLOCK = 1024
_BLOCKS_KEPT = 64  # per column: memory stays bounded when products are visited out of order


@dataclass
class StackedEvidence:
    """The evidence of several sheets' batches stacked into one: rows numbered on from each offset."""

    parts: list[tuple[int, Any]]  # (first row, evidence store), in order

    def get(self, row: int, name: str) -> list[Evidence]:
        offset, store = next((offset, store) for offset, store in reversed(self.parts) if row >= offset)
        found: list[Evidence] = store.get(row - offset, name)
        return found


def _blank_cell(cell: Any) -> bool:
    """A cell that holds no value: empty, null or NaN, or text blank by :func:`is_blank_text`."""
    return bool(pd.isna(cell)) if not isinstance(cell, str) else is_blank_text(cell)


def read_table(path: Path) -> pd.DataFrame:
    """Read a catalog file as text cells (no type guessing), by its extension."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return _read_csv(path)
        if suffix in (".xlsx", ".xlsm"):
            sheets = read_sheets(path)
            return sheets[0].frame if sheets else pd.DataFrame()
        if suffix == ".parquet":
            with pq.ParquetFile(path) as handle:  # not pq.read_table: it refuses a repeated column name
                return _arrow_frame(handle.read())
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError, ImportError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TableError(f"{path}: cannot read as {suffix.lstrip('.').upper()} ({first})") from None
    except Exception as exc:  # noqa: BLE001 - third-party readers raise many kinds on damaged files
        raise TableError(f"{path}: damaged {suffix.lstrip('.').upper()} file ({type(exc).__name__})") from None
    raise TableError(f"{path}: unsupported catalog type {suffix or '(none)'}")


@dataclass
class Sheet:
    """One worksheet's table: its name, the cells as text under the header row, each row's number."""

    name: str
    frame: pd.DataFrame
    row_numbers: list[int]


def read_sheets(path: Path) -> list[Sheet]:
    """Every worksheet of a workbook that holds a table: the first non-blank row is the header; blank
    rows are skipped (a stray cell far below is one row, not a million). Formulas are read as their
    saved values, never evaluated; a formula without a saved value is a blank cell."""
    import openpyxl  # only catalogs in XLSX need it

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [sheet for sheet in (_sheet(ws.title, ws.iter_rows(values_only=True)) for ws in workbook.worksheets)
                if sheet is not None]
    finally:
        workbook.close()


def _sheet(name: str, rows: Any) -> Sheet | None:
    header: list[str] | None = None
    body: list[list[str]] = []
    numbers: list[int] = []
    for number, row in enumerate(rows, start=1):
        cells = ["" if cell is None else str(cell) for cell in row]
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = cells
            continue
        body.append(cells)
        numbers.append(number)
    if header is None:
        return None
    width = max([len(header), *(len(row) for row in body)])
    while width > 0 and not header[width - 1].strip() and not any(len(r) >= width and r[width - 1].strip()
                                                                  for r in body):
        width -= 1
    labels = [cell if cell.strip() else f"Unnamed: {index}" for index, cell in enumerate(header[:width])]
    labels += [f"Unnamed: {index}" for index in range(len(labels), width)]
    frame = pd.DataFrame([(row + [""] * width)[:width] for row in body], columns=labels, dtype=str)
    return Sheet(name, frame, numbers)


def _read_csv(path: Path) -> pd.DataFrame:
    """Every cell as text: pyarrow when the file is regular, else pandas' parser (same cells)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
        if header and len(set(header)) == len(header) and all(header):
            types = pa_csv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False)
            table = pa_csv.read_csv(path, parse_options=pa_csv.ParseOptions(newlines_in_values=True),
                                    convert_options=types)
            if table.column_names == header:
                return _arrow_frame(table)
    except (UnicodeDecodeError, csv.Error, pa.ArrowException, OSError):
        pass
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _arrow_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as a frame: text columns stay Arrow-backed (no Python string per cell)."""
    mapping = {pa.string(): pd.ArrowDtype(pa.string()), pa.large_string(): pd.ArrowDtype(pa.large_string())}
    return table.to_pandas(types_mapper=mapping.get, self_destruct=True)


def _arrow_text(raw: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow array behind an Arrow-backed text column (None for any other column)."""
    kind = raw.dtype.pyarrow_dtype if isinstance(raw.dtype, pd.ArrowDtype) else None
    if kind is not None and (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return raw.array.__arrow_array__()
    return None


def unique_labels(names: list[str]) -> list[str]:
    """Column labels made unique as pandas makes them: a repeated "a" becomes "a.1", "a.2", ..."""
    seen: set[str] = set()
    labels: list[str] = []
    for name in names:
        label, number = name, 0
        while label in seen:
            number += 1
            label = f"{name}.{number}"
        seen.add(label)
        labels.append(label)
    return labels


def written_headers(labels: list[str]) -> dict[str, str]:
    """Column label → header as written: "a.1" after an "a" is a second "a" (pandas numbers repeats so).

    A header really written "a.1" beside an "a" is read as a second "a" too: it is then compared
    with "a", which can only make the check stricter.
    """
    seen: set[str] = set()
    written: dict[str, str] = {}
    for label in labels:
        match = _NUMBERED.match(label)
        written[label] = match.group("base") if match and match.group("base") in seen else label
        seen.add(label)
    return written


def _shown_headers(written: dict[str, str]) -> dict[str, str]:
    """Headers as shown in notes: a header written more than once also gets its column number ("a #4")."""
    counts = Counter(written.values())
    return {label: f"{header} #{number}" if counts[header] > 1 else header
            for number, (label, header) in enumerate(written.items(), start=1)}


def map_headers(columns: list[str], catalog: Catalog) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Column label → (field, unit text) for recognised headers, and the unknown headers as written.

    ``columns`` are unique labels (:func:`unique_labels`); several may map to one field.
    """
    aliases: dict[str, str] = {}
    for name, spec in catalog.fields.items():
        for alias in [name, *spec.aliases, spec.label_zh, spec.label_en]:
            aliases.setdefault(header_key(alias), name)
    written = written_headers([str(label) for label in columns])
    mapped: dict[str, tuple[str, str]] = {}
    unknown: list[str] = []
    for label, header in written.items():
        match = _HEADER_UNIT.match(header)
        base, unit = (match.group("name"), match.group("unit")) if match else (header, None)
        found = aliases.get(header_key(base))
        if found is None:
            unknown.append(header)
            continue
        mapped[label] = (found, catalog.fields[found].unit if unit is None else unit)
    return mapped, unknown


Bounds = dict[int, tuple[float, float, str]]  # row → (low, high, note) of a cell printed as a bound


def _quantity_column(raw: pd.Series, spec: FieldSpec, unit: str, header: str, first_row: int
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, Bounds]:
    """(values in canonical unit, issue texts or None, non-detect flags, reporting limits, bounds) for one column."""
    factor = conversion_factor(unit, spec.unit)
    issues = np.full(len(raw), None, dtype=object)
    nd = np.zeros(len(raw), dtype=bool)
    limits = np.full(len(raw), np.nan)
    arrow = _arrow_text(raw)
    if arrow is not None:
        numbers, slow, text = _arrow_numbers(arrow)
    elif raw.dtype == object:
        text = raw.astype(str).str.strip()
        numbers = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        slow = np.flatnonzero(np.isnan(numbers) & (text != "").to_numpy() & text.notna().to_numpy())
    else:
        numbers = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        slow, text = np.zeros(0, dtype=np.int64), None
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
    return numbers, issues, nd, limits, bounds


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


def table_to_batch(path: Path, catalog: Catalog, category: str | None = None,
                   sheet_errors: list[str] | None = None) -> tuple[Batch, list[str]]:
    """Read a catalog file into a batch; also returns the headers that were not recognised.

    A workbook's every sheet is read (the sheet's name leads its products' ids when there are
    several); a sheet that cannot be used is a line in ``sheet_errors`` (when given) and the
    others are still read.
    """
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return _frame_batch(path, read_table(path), catalog, category)
    try:
        sheets = read_sheets(path)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged files
        raise TableError(f"{path}: damaged XLSX file ({type(exc).__name__})") from None
    if not sheets:
        raise TableError(f"{path}: the catalog has no rows")
    if len(sheets) == 1:
        return _frame_batch(path, sheets[0].frame, catalog, category, row_numbers=sheets[0].row_numbers)
    return _stacked(path, sheets, catalog, category, sheet_errors)


def _stacked(path: Path, sheets: list[Sheet], catalog: Catalog, category: str | None,
             sheet_errors: list[str] | None) -> tuple[Batch, list[str]]:
    """Several sheets' batches as one, ids led by the sheet name ("Servers/SR-1")."""
    batches: list[Batch] = []
    unknown: list[str] = []
    problems: list[str] = []
    for sheet in sheets:
        try:
            batch, missed = _frame_batch(path, sheet.frame, catalog, category, sheet.name, sheet.row_numbers)
        except TableError as exc:
            problems.append(f"sheet {sheet.name!r}: {exc}")
            continue
        batch.frame["id"] = [f"{sheet.name}/{product}" for product in batch.frame["id"]]
        batches.append(batch)
        unknown += [header for header in missed if header not in unknown]
    if not batches or (sheet_errors is None and problems):
        raise TableError("; ".join(problems))
    if sheet_errors is not None:
        sheet_errors.extend(problems)
    offsets = np.cumsum([0] + [len(batch.frame) for batch in batches[:-1]])
    frame = pd.concat([batch.frame for batch in batches], ignore_index=True)
    evidence = StackedEvidence([(int(offset), batch.evidence) for offset, batch in zip(offsets, batches, strict=True)])
    sources = [source for batch in batches for source in batch.sources]
    return Batch(frame=conform(frame, catalog), evidence=evidence, sources=sources), unknown


def _frame_batch(path: Path, raw: pd.DataFrame, catalog: Catalog, category: str | None, sheet: str | None = None,
                 row_numbers: list[int] | None = None) -> tuple[Batch, list[str]]:
    """One table (a CSV, a Parquet file, one sheet) as a batch."""
    if raw.empty:
        raise TableError(f"{path}: the catalog has no rows")
    raw.columns = unique_labels([str(c) for c in raw.columns])
    mapped, unknown = map_headers(list(raw.columns), catalog)
    written = _shown_headers(written_headers(list(raw.columns)))
    first_row = 1 if path.suffix.lower() == ".parquet" else 2
    headers: dict[str, list[str]] = {}
    for label, (name, _) in mapped.items():
        headers.setdefault(name, []).append(label)
    columns: dict[str, Any] = {}
    for name, labels in headers.items():
        parts = [_read_column(path, raw[label], catalog.fields[name], name, mapped[label][1], written[label],
                              first_row) for label in labels]
        _store(columns, name, parts[0] if len(parts) == 1 else _merge(parts, catalog.fields[name], name))
    _identity(columns, len(raw), path, category, first_row, row_numbers)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(raw)), copy=False)  # no block consolidation copy
    source = f"{path} [{sheet}]" if sheet else str(path)
    evidence = CatalogEvidence(source=source, raw=raw, headers=headers, written=written, first_row=first_row,
                               row_numbers=row_numbers)
    return Batch(frame=conform(frame, catalog), evidence=evidence, sources=[[source]] * len(frame)), unknown


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


def _read_column(path: Path, raw: pd.Series, spec: FieldSpec, name: str, unit: str, header: str,
                 first_row: int) -> _Column:
    rows = len(raw)
    if spec.kind == "quantity":
        try:
            values, issues, nd, limits, bounds = _quantity_column(raw, spec, unit, header, first_row)
        except ValueError as exc:
            raise TableError(f"{path}: column {header}: {exc}") from None
        present = np.asarray(~np.isnan(values) | pd.notna(issues) | nd, dtype=bool)
        present |= np.isin(np.arange(rows), list(bounds))
        return _Column(raw, header, unit, values, issues, nd, limits, present, bounds)
    text = _text_cells(raw)
    issues = np.full(rows, None, dtype=object)
    values = text
    if name not in IDENTITY:
        values = _map_distinct(text, lambda v: normalise_choice(spec, v))
        bad = pd.notna(text) & pd.isna(values)
        if bad.any():
            words = "unrecognised value " + pd.Series(text, dtype=object).astype(str) + f" in {header}"
            issues = np.where(bad, words.to_numpy(), np.array(None, dtype=object))
    return _Column(raw, header, unit, values, issues, np.zeros(rows, bool), np.full(rows, np.nan),
                   np.asarray(pd.notna(text), dtype=bool))


def _store(columns: dict[str, Any], name: str, column: _Column) -> None:
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


def _merge(parts: list[_Column], spec: FieldSpec, name: str) -> _Column:
    """Several columns of one field as one: per row the first non-blank cell, or, where non-blank cells
    differ, the cell a record with those values would give (a conflict to review)."""
    present = np.column_stack([part.present for part in parts])
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


def _same(part: _Column, merged: _Column, spec: FieldSpec, name: str) -> np.ndarray:
    """Rows where this column's cell reads as the value taken, with nothing to report."""
    clean = pd.isna(part.issues) & ~part.nd & ~merged.nd & pd.isna(merged.issues)
    if spec.kind == "quantity":
        return clean & agree(part.values, merged.values)
    if name in IDENTITY:
        key = _category_word if name == "category" else (lambda value: str(value).strip())
        return clean & (_map_distinct(part.values, key) == _map_distinct(merged.values, key))
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


def _text_cells(raw: pd.Series) -> np.ndarray:
    """A text column as Python objects, blank cells as None."""
    arrow = _arrow_text(raw)
    if arrow is None:
        return raw.astype(object).where(raw.astype(str).str.strip() != "", None).to_numpy()
    blank = pc.equal(pc.utf8_trim_whitespace(arrow), "")
    return pc.if_else(blank, pa.scalar(None, arrow.type), arrow).to_numpy(zero_copy_only=False)


def _map_distinct(values: np.ndarray, function: Any) -> np.ndarray:
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


def _identity(columns: dict[str, Any], rows: int, path: Path, category: str | None, first_row: int,
              row_numbers: list[int] | None = None) -> None:
    """Fill id and category: the model column (or file#row) and the category column or option."""
    ids = np.array(columns["model"], dtype=object) if "model" in columns else np.full(rows, None, dtype=object)
    blank = np.flatnonzero(pd.isna(ids))
    ids[blank] = [f"{path.stem}#row{row_numbers[r] if row_numbers else r + first_row}" for r in blank]
    columns["id"] = ids if pd.api.types.infer_dtype(ids) == "string" else _map_distinct(ids, str)
    if category:  # --category always wins over a category column
        columns["category"] = np.full(rows, category, dtype=object)
    elif "category" in columns:
        given = np.array(columns["category"], dtype=object)
        given[[index for index in np.flatnonzero(pd.isna(given)) if given[index] is None]] = "None"
        columns["category"] = _map_distinct(given, _category_word)
    else:
        raise TableError(f"{path}: no category column; give --category")


def _category_word(value: object) -> str:
    """A category cell as the category id: Chinese words mapped, English lower-cased."""
    text = str(value).strip()
    return category_words(catalog_dir()).get(text, text.lower())
